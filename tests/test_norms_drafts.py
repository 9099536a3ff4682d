"""The measurement sets of issue 23 (tests/drafts/norms/ and tests/drafts/norms2/, each
written before the rules it measures changed; see docs/norms-measurement.md): every
look-alike stays quiet, the clean drafts draw nothing, and the planted text-norm
defects are found at least as well as measured when the rules landed
(tools/measure_norms.py [--set norms2] prints the table)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from measure_norms import FOLDER, measure  # noqa: E402

# found / planted per class when the rules landed; the set is not tuned to them
FLOOR = {"formula-member": 13, "formula-label": 5, "instruction": 8, "doubled": 8, "range": 6,
         "level-style": 4, "mouxx": 7, "alternatives": 2, "head": 4}


def test_blind_set_recall_and_quiet_look_alikes():
    planted, quiet, problems, clean_findings = measure()
    assert clean_findings == []
    assert all(false == 0 for false, _ in quiet.values()), problems
    found = {name: counts[0] for name, counts in planted.items()}
    assert all(found[name] >= floor for name, floor in FLOOR.items()), (found, problems)


# set 2 (session 2): found / planted per class after the rules of session 2
FLOOR_SET2 = {"formula-member": 11, "formula-label": 9, "instruction": 8, "doubled": 9, "range": 6,
              "level-style": 5, "mouxx": 8, "alternatives": 4, "head": 3}


def test_second_set_recall_and_quiet_look_alikes():
    planted, quiet, problems, clean_findings = measure(FOLDER.parent / "norms2")
    assert clean_findings == []
    assert all(false == 0 for false, _ in quiet.values()), problems
    found = {name: counts[0] for name, counts in planted.items()}
    assert all(found[name] >= floor for name, floor in FLOOR_SET2.items()), (found, problems)
