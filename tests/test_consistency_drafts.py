"""The blind measurement set for consistency inside a draft (issue 18):
tests/drafts/consistency/ holds clean drafts of several genres (镇年度工作总结,
局长述职报告, 局情况报告, 街道自查报告, 调研报告, 季度情况报告, 乡情况报告 in Markdown
with a table) and injections.tsv, which plants one consistency defect at a
time (rule, line) or a legitimate look-alike that must stay quiet (rule ``-``).

The set was written, and committed, before any consistency rule existed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.api import lint_text

DRAFTS = Path(__file__).resolve().parent / "drafts"
FOLDER = DRAFTS / "consistency"
# the second set: written after the rules existed, before they were measured on it
SECOND = DRAFTS / "consistency2"
# the third (session 3): new genres and unit types (街道党工委, 县发改委, 乡, 国有公司), written
# before the rules were changed for it and measured then (30/48; docs/consistency.md)
THIRD = DRAFTS / "consistency3"
# the fourth (session 4): written blind by another helper who never saw the rules (4 drafts: 县卫生健康局年度总结,
# 镇党委书记述职述廉, 区市场监管局自查报告, 街道上半年情况报告); its look-alikes name their changed line
FOURTH = DRAFTS / "consistency4"
SETS = (FOLDER, SECOND, THIRD, FOURTH)
CONSISTENCY_RULES = {
    "year-mismatch", "unit-mismatch", "name-mismatch", "sum-mismatch",
    "growth-mismatch", "figure-conflict", "weekday-mismatch", "date-order",
}
QUIET = "-"


@dataclass(frozen=True)
class Injection:
    draft: str
    find: str
    replace: str
    rule: str
    line: int

    def apply(self, text: str) -> str:
        assert text.count(self.find) == 1, f"{self.draft}: {self.find!r} must occur exactly once"
        return text.replace(self.find, self.replace)


def injections(folder: Path = FOLDER) -> list[Injection]:
    with open(folder / "injections.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [Injection(row["draft"], row["find"].replace("\\n", "\n"), row["replace"].replace("\\n", "\n"),
                      row["rule"], int(row["line"]))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def draft_text(name: str, folder: Path = FOLDER) -> str:
    return (folder / name).read_text(encoding="utf-8")


def consistency_findings(text: str, name: str) -> set[tuple[str, int]]:
    return {(d.rule, d.line) for d in lint_text(text, path=name) if d.rule in CONSISTENCY_RULES}


def clean_drafts(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.suffix in (".txt", ".md"))


CLEAN = clean_drafts(FOLDER)


def test_the_set_plants_every_rule_and_enough_look_alikes():
    rows = injections()
    assert {row.draft for row in rows} == set(CLEAN)
    assert {row.rule for row in rows} == CONSISTENCY_RULES | {QUIET}
    assert sum(row.rule != QUIET for row in rows) >= 40
    assert sum(row.rule == QUIET for row in rows) >= 25


BOTH = [(folder, row) for folder in SETS for row in injections(folder)]


@pytest.mark.parametrize("folder, row", BOTH, ids=lambda item: f"{item.draft}:{item.rule}:{item.replace[:12]}"
                         if isinstance(item, Injection) else item.name)
def test_each_injection_applies_once_and_names_a_line_of_the_draft(folder, row):
    injected = row.apply(draft_text(row.draft, folder))
    if row.rule == QUIET and folder != FOURTH:
        assert row.line == 0
    else:
        assert 1 <= row.line <= len(injected.splitlines())


@pytest.mark.parametrize("folder, name", [(folder, name) for folder in (FOLDER, SECOND, THIRD)
                                          for name in clean_drafts(folder)],
                         ids=lambda item: getattr(item, "name", item))
def test_clean_draft_draws_no_finding_at_all(folder, name):
    assert [(d.rule, d.line) for d in lint_text(draft_text(name, folder), path=name)] == []


# the blind writer left 五是 before 四是 in draft A (lines 51-52): a real defect, not ours to change
FOURTH_AS_WRITTEN = {"A_weijianju_2025_zongjie.txt": [("numbering-order", 52)]}


@pytest.mark.parametrize("name", clean_drafts(FOURTH))
def test_the_fourth_sets_clean_drafts_draw_only_their_own_defects(name):
    assert [(d.rule, d.line) for d in lint_text(draft_text(name, FOURTH), path=name)] \
        == FOURTH_AS_WRITTEN.get(name, [])


def measure(folder: Path = FOLDER) -> dict[str, dict[str, int]]:
    """Per rule: planted, found, false alarms (a consistency finding other than the
    planted one, on a planted or look-alike injection); plus the problems."""
    table: dict[str, dict[str, int]] = {rule: {"planted": 0, "found": 0, "false": 0} for rule in CONSISTENCY_RULES}
    problems: list[str] = []
    for row in injections(folder):
        reported = consistency_findings(row.apply(draft_text(row.draft, folder)), row.draft)
        expected = (row.rule, row.line)
        if row.rule != QUIET:
            table[row.rule]["planted"] += 1
            if expected in reported:
                table[row.rule]["found"] += 1
            else:
                problems.append(f"missed {row.draft} {row.rule}:{row.line} ({row.replace}), reported {sorted(reported)}")
        for rule, line in reported - {expected}:
            table[rule]["false"] += 1
            problems.append(f"false alarm {rule}:{line} in {row.draft} ({row.rule} planted: {row.replace})")
    table["problems"] = problems  # type: ignore[assignment]
    return table


def assert_the_bar(folder: Path, precision: bool = True) -> None:
    """Recall ≥ 0.80 (and precision ≥ 0.95 where asked) on a set; every look-alike quiet."""
    table = measure(folder)
    problems = table.pop("problems")
    planted = sum(row["planted"] for row in table.values())
    found = sum(row["found"] for row in table.values())
    false = sum(row["false"] for row in table.values())
    assert found / planted >= 0.80, problems
    if precision:
        assert found / (found + false) >= 0.95, problems
    assert not [problem for problem in problems if f"({QUIET} planted:" in problem], problems


def test_recall_and_precision_on_the_set():
    """Issue 18's bar: recall ≥ 0.80 at precision ≥ 0.95 (figures per rule in
    docs/consistency.md; the rules were tuned on this set after its first
    measurement, so it is no longer blind). Every look-alike stays quiet."""
    assert_the_bar(FOLDER)


def test_the_second_set_recall_and_its_look_alikes():
    """The second set (written after the rules, measured once before they were
    changed on it: 12/17): recall ≥ 0.80 and every look-alike quiet."""
    assert_the_bar(SECOND, precision=False)


def test_the_third_set_plants_every_rule_and_meets_the_bar():
    """The third set (new genres and unit types; first measured at 30/48 before
    the rules were changed for it, so its present figure is tuned): recall ≥ 0.80,
    precision ≥ 0.95, every look-alike quiet."""
    assert {row.rule for row in injections(THIRD)} == CONSISTENCY_RULES | {QUIET}
    assert_the_bar(THIRD)


# clean drafts written blind in session 4 for the text norms (tests/drafts/clean4, and the clean
# drafts of tests/drafts/norms4): they drew 13 consistency false alarms on main 852fb17
BLIND_CLEAN = [DRAFTS / "clean4", DRAFTS / "norms4"]


@pytest.mark.parametrize("folder, name", [(folder, name) for folder in BLIND_CLEAN for name in clean_drafts(folder)],
                         ids=lambda item: getattr(item, "name", item))
def test_blind_clean_drafts_draw_no_consistency_finding(folder, name):
    assert sorted(consistency_findings(draft_text(name, folder), name)) == []


def test_the_fourth_set_meets_the_bar():
    """The fourth set (written blind by another helper in session 4; BEFORE, on main
    76a968d: 56/89, two false alarms on its clean draft A; the rules were then
    changed for the kinds it missed, so its present figure, 78/89, is tuned — see
    docs/consistency.md): recall ≥ 0.80, precision ≥ 0.95, every look-alike quiet."""
    assert {row.rule for row in injections(FOURTH)} == CONSISTENCY_RULES | {QUIET}
    assert_the_bar(FOURTH)
