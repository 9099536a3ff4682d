"""The pattern rules' pre-filter: the literals a regex cannot match without,
read off the pattern; a line without them holds no match."""

from __future__ import annotations

import re

import pytest

from checker.api import lint_text
from checker.settings.regex_literals import filter_for, required_literals
from checker.lint.ruleset import load_rules
from conftest import EXAMPLES, SHARED


@pytest.mark.parametrize("pattern, literals", [
    ("公众号", {"公众号"}),
    ("(?:添加|加)(?:微信|QQ)", {"微信", "QQ"}),  # the more selective part
    ("[xX]{1,6}", {"x", "X"}),
    ("(?<![0-9])×(?=[年月])", {"×"}),  # lookarounds need nothing
    ("如有侵权|侵删", {"如有侵权", "侵删"}),
    ("_{2,}|＿+", {"_", "＿"}),
    (r"(a)\1", {"a"}),
])
def test_required_literals(pattern, literals):
    assert required_literals(re.compile(pattern)) == literals


@pytest.mark.parametrize("pattern", [
    "x*", "[^a]", r"\w+", "(?i)abc", "(?i:abc)", r"(a?)\1", ".", "[\u4e00-\u9fff]{2}", "a|.",
])
def test_no_filter_where_no_literal_is_certain(pattern):
    assert required_literals(re.compile(pattern)) is None
    assert filter_for(re.compile(pattern)) is None


def all_lines() -> list[str]:
    files = [*EXAMPLES.glob("*.txt"), *SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt")]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    rules = load_rules()
    lines += [line for rule in rules for example in (*rule.fails, *rule.passes) for line in example.text.splitlines()]
    return lines


def test_a_line_the_filter_passes_over_has_no_match():
    patterns = [p for rule in load_rules() for p in getattr(rule.checker, "patterns", [])]
    filtered = [p for p in patterns if p.prefilter is not None]
    assert len(filtered) > 20  # the built-in packs are filtered
    lines = all_lines()
    skipped = 0
    for pattern in filtered:
        for line in lines:
            if pattern.prefilter.search(line) is None:
                skipped += 1
                assert not [m for m in pattern.regex.finditer(line) if m.end() > m.start()], (pattern.regex, line)
    assert skipped > len(filtered) * len(lines) // 2  # most lines need no full scan


def test_many_findings_on_one_line_are_all_reported():
    # each match used to be compared with every earlier one (20,000 of them)
    line = "XX，" * 20000
    diagnostics = [d for d in lint_text("标题\n" + line + "。") if d.rule == "placeholder"]
    assert [(d.span.line, d.span.column, d.span.end_column) for d in diagnostics] == [(2, 1 + 3 * i, 3 + 3 * i) for i in range(20000)]
