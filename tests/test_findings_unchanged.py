"""Regression guard for behaviour-preserving work (issue 9's speed-ups, issue
17's folder move and frozen parse): every rule's findings on the samples, the
corpus, the drafts of tests/drafts, each planted defect of
tests/drafts/injections.tsv and every built-in rule's own examples are those
recorded in tests/data/findings_recorded.tsv (written by
tools/record_findings.py, which also says what the inputs are).

Every rule listed in the record's first line is compared (that is every rule
existing when it was taken); rules added later do not break this test. When a
finding changes on purpose, re-record:
``python tools/record_findings.py > tests/data/findings_recorded.tsv``.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tests" / "data" / "findings_recorded.tsv"


def recorder():
    spec = importlib.util.spec_from_file_location("record_findings", ROOT / "tools" / "record_findings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def recorded() -> tuple[set[str], Counter]:
    header, *rows = RECORD.read_text(encoding="utf-8").splitlines()
    rules = set(header.split("\t")[1:])
    return rules, Counter(tuple(row.split("\t")) for row in rows)


def test_every_rule_is_recorded_and_has_findings():
    rules, expected = recorded()
    assert rules <= set(recorder().rule_names())  # a rule removed or renamed leaves the record too
    assert {rule for _, rule, *_ in expected} == rules  # each rule recorded fires somewhere


def test_findings_are_unchanged(samples_dir, corpus_dir):
    rules, expected = recorded()
    found = Counter(row for row in recorder().findings(samples_dir.parent) if row[1] in rules)
    assert found - expected == Counter(), "new findings"
    assert expected - found == Counter(), "findings lost"
