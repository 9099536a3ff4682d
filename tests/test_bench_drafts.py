"""The benchmark's generated drafts are what bench/run.py claims: about
10,000 characters, every outline level, inline enumerations and the usual
defects, different for each seed and the same for the same seed."""

from __future__ import annotations

import sys

from checker.api import Config, lint_source
from checker.model import SourceText
from conftest import ROOT

sys.path.insert(0, str(ROOT))
from bench.drafts import draft, one_paragraph  # noqa: E402


def test_generated_drafts_look_like_real_ones():
    config = Config.load()
    rules_seen: set[str] = set()
    for seed in range(12):
        text = draft(seed)
        assert 8_000 <= len(text) <= 13_000 and text == draft(seed)
        result = lint_source(SourceText.from_string(text, f"draft{seed}.txt"), config)
        document = result.document
        levels = {section.heading.level for section in document.root.walk() if section.heading}
        assert {1, 2, 3} <= levels
        assert document.title is not None
        rules_seen |= {d.rule for d in result.diagnostics}
    assert draft(1) != draft(2)
    assert "placeholder" in rules_seen and {"numbering-skip", "numbering-duplicate"} & rules_seen
    assert len(one_paragraph().splitlines()) == 1
