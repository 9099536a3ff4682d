"""The pattern rules' pre-filter: the literals a regex cannot match without,
read off the pattern; a line without them holds no match."""

from __future__ import annotations

import re

import pytest

from checker.api import lint_text
from checker.settings.regex_literals import LiteralScan, required_literals
from checker.lint.kinds.fixed_expression import FixedExpressionRule
from checker.lint.kinds.pattern import PatternRule
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


def all_lines() -> list[str]:
    files = [*EXAMPLES.glob("*.txt"), *SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt")]
    lines = [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    rules = load_rules()
    lines += [line for rule in rules for example in (*rule.fails, *rule.passes) for line in example.text.splitlines()]
    return lines


def test_a_regex_the_scan_passes_over_has_no_match_on_the_line():
    """Pattern rules and fixed-expression run on a line only the regexes its
    one literal scan names: every other one has no match there."""
    rules = [rule.rule_type for rule in load_rules() if isinstance(rule.rule_type, (PatternRule, FixedExpressionRule))]
    lines = all_lines()
    skipped = runs = 0
    for checker in rules:
        regexes = ([p.regex for p in checker.patterns] if hasattr(checker, "patterns")
                   else [regex for e in checker.checked for regex in (e.regex, e.run)])
        for line in lines:
            candidates = checker.scan.candidates(line)
            for index, regex in enumerate(regexes):
                runs += 1
                if index not in candidates and regex is not None:
                    skipped += 1
                    assert not [m for m in regex.finditer(line) if m.end() > m.start()], (regex, line)
    assert skipped > runs // 2  # most regexes are not run on most lines


def test_the_scan_of_the_lines_joined_names_what_each_lines_scan_names():
    """candidates_by_line (the lines joined, one scan) gives every line the
    candidates its own scan gives, and skips only lines with none."""
    scans = [rule.rule_type.scan for rule in load_rules() if isinstance(rule.rule_type, (PatternRule, FixedExpressionRule))]
    scans.append(LiteralScan([frozenset(["AB"]), frozenset(["BC", "中国"])]))
    lines = all_lines() + ["ABC", "", "BC中国", "A", "B"]
    for scan in scans:
        expected = [(index, scan.candidates(line)) for index, line in enumerate(lines) if scan.candidates(line)]
        assert list(scan.candidates_by_line(lines)) == expected
        assert list(scan.candidates_by_line(["ABC\nBC", "中国"])) == [
            (index, scan.candidates(line)) for index, line in enumerate(["ABC\nBC", "中国"]) if scan.candidates(line)]
    assert any(not scan.always for scan in scans)  # the joined scan is taken


@pytest.mark.parametrize("literals, line, expected", [
    (["AB", "BC"], "ABC", {0, 1}),  # the scan finds AB only: BC overlaps it
    (["中国特色社会主义", "社会主义"], "坚持中国特色社会主义道路", {0, 1}),  # one inside the other
    (["一是", "一是一"], "一是一些干部", {0, 1}),  # the same start, the longer found
    (["AB", "CD"], "AB", {0}),
    (["AB", "CD"], "XYZ", set()),
])
def test_the_scan_names_every_literal_on_the_line(literals, line, expected):
    scan = LiteralScan([frozenset([text]) for text in literals])
    assert set(scan.candidates(line)) == expected


def test_the_scan_always_names_a_regex_without_literals_and_never_an_absent_one():
    scan = LiteralScan([None, frozenset(), frozenset(["甲"])])
    assert set(scan.candidates("乙")) == {0}
    assert set(scan.candidates("甲")) == {0, 2}


def test_many_findings_on_one_line_are_all_reported():
    # each match used to be compared with every earlier one (20,000 of them)
    line = "XX，" * 20000
    diagnostics = [d for d in lint_text("标题\n" + line + "。") if d.rule == "placeholder"]
    assert [(d.span.line, d.span.column, d.span.end_column) for d in diagnostics] == [(2, 1 + 3 * i, 3 + 3 * i) for i in range(20000)]
