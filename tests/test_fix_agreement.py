"""Lint and fix agree: every edit ``--fix`` makes belongs to a finding the lint
reported as fixable (issue 20).

``--fix`` works in passes (checker/fixing.py): it applies the reported fixes,
lints the fixed text again and applies what that lint reports. A fix that only
the second lint reports (a half-width ``;`` after a straight quote that the
first pass turned into ”) is an edit the user was never shown. So, for every
text: the fixes of the findings the first lint reports, applied in one pass,
give exactly the text ``--fix`` writes; and each of those findings is applied.
Checked over every rule's examples, the shared samples and corpus, and
generated lines mixing half-width marks with Chinese text.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.api import Config, lint_source
from checker.fixing import apply_fixes, fix_source, wanted
from checker.model import SourceText

CONFIG = Config.load()

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def disagreement(text: str, path: str, unsafe: bool) -> str:
    """"" where lint and fix agree on ``text``; else what differs."""
    source = SourceText.from_string(text, path)
    reported = wanted(lint_source(source, CONFIG).diagnostics, unsafe)
    one_pass, applied = apply_fixes(text, reported)
    fixed = fix_source(source, text, CONFIG, unsafe)
    deferred = [d for d in reported if d not in applied]  # two fixes on one span: the second waits a pass
    if not deferred and fixed.text != one_pass:
        before = [line for line in one_pass.splitlines() if line not in fixed.text.splitlines()]
        after = [line for line in fixed.text.splitlines() if line not in one_pass.splitlines()]
        extra = [(d.rule, d.line, d.message) for d in fixed.fixed if d not in applied]
        return f"--fix edits what the lint did not report: {extra}\nreported fixes give {before}\n--fix gives {after}"
    waiting = {(d.rule, d.line) for d in deferred}
    unreported = [(d.rule, d.line, d.message) for d in fixed.fixed[len(applied):] if (d.rule, d.line) not in waiting]
    if unreported:
        return f"--fix edits what the lint did not report: {unreported}"
    return ""


def _example_cases():
    for rule in CONFIG.rules:
        for index, example in enumerate((*rule.fails, *rule.passes)):
            yield pytest.param(example.text, example.path or "draft.txt", id=f"{rule.name}-{index}")


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("text, path", list(_example_cases()))
def test_every_rule_example_fixes_only_what_it_reports(text, path, unsafe):
    assert disagreement(text, path, unsafe) == ""


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_samples_fix_only_what_they_report(samples_dir, unsafe):
    for draft in sorted(samples_dir.glob("*.txt")):
        assert disagreement(draft.read_text(encoding="utf-8"), draft.name, unsafe) == "", draft.name


@pytest.mark.corpus
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_corpus_fixes_only_what_it_reports(corpus_dir, unsafe):
    for draft in sorted(corpus_dir.glob("*.txt")):
        assert disagreement(draft.read_text(encoding="utf-8"), draft.name, unsafe) == "", draft.name


def test_halfwidth_marks_after_a_straight_quote_or_parenthesis_are_reported_before_they_are_fixed():
    text = '某局2024年工作总结\n\n我局坚决做到"两个维护";全面完成任务(见附件)!已达标。\n'
    source = SourceText.from_string(text, "h.txt")
    reported = [d for d in lint_source(source, CONFIG).diagnostics if d.rule == "halfwidth-punctuation"]
    assert [(d.line, d.column) for d in reported] == [(3, 7), (3, 13), (3, 20), (3, 25)]
    assert len(fix_source(source, text, CONFIG).fixed) == len(reported)


HALF_WIDTH = [",", ":", ";", "?", "!", "(", ")", '"', "%", "."]
CHINESE = ['"两个维护"', "(见附件)", "我局", "两个维护", "见附件", "已达标", "工作", "完成", "3.5", "2024年", "X光", "GDP", " ", "“", "”", "（", "）",
           "》", "《", "。", "，"]


@given(st.lists(st.sampled_from(HALF_WIDTH + CHINESE), min_size=1, max_size=16), st.sampled_from([".txt", ".md"]),
       st.booleans())
def test_generated_lines_fix_only_what_they_report(pieces, suffix, unsafe):
    text = "某局工作总结\n\n" + "".join(pieces) + "\n"
    assert disagreement(text, "draft" + suffix, unsafe) == ""
