"""Recall and false alarms on drafts of every genre written for this project
(tests/drafts/: 述职报告, 述责述廉报告, 自查报告, 整改报告, 对照检查材料, 调研报告,
巡察汇报, 工作总结 in Markdown, 政府工作报告, 情况报告, 讲话稿), each with
legitimate look-alikes (X光, B超, 5G, X2000, 唯一是, 3.5万元 at a line start,
一、二季度, 谨防假冒伪劣食品).

- Every clean draft draws no finding of a core rule.
- Each row of injections.tsv plants one defect into a clean draft, one at a time;
  the row's rule must report it on the row's line (recall), and every other core
  finding on the injected draft is a false alarm (the false-alarm share counts
  them against all core findings). Targets: at least 97% found, at most 2% false.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.api import lint_text

DRAFTS = Path(__file__).resolve().parent / "drafts"
CORE_RULES = {
    "placeholder", "ad-residue", "missing-title", "missing-section", "section-order", "empty-section",
    "truncated-paragraph", "numbering-skip", "numbering-duplicate", "numbering-order", "numbering-single",
    "numbering-style", "count-mismatch",
}
RECALL_TARGET = 0.97
FALSE_ALARM_TARGET = 0.02


@dataclass(frozen=True)
class Injection:
    draft: str
    find: tuple[str, ...]
    replace: tuple[str, ...]
    rule: str
    line: int

    def apply(self, text: str) -> str:
        for find, replace in zip(self.find, self.replace):
            assert text.count(find) == 1, f"{self.draft}: {find!r} must occur exactly once"
            text = text.replace(find, replace)
        return text


def _unescape(field: str) -> tuple[str, ...]:
    return tuple(part.replace("\\n", "\n") for part in field.split("||"))


def injections() -> list[Injection]:
    with open(DRAFTS / "injections.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [Injection(row["draft"], _unescape(row["find"]), _unescape(row["replace"]), row["rule"], int(row["line"]))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def core_findings(text: str, name: str) -> set[tuple[str, int]]:
    return {(d.rule, d.line) for d in lint_text(text, path=name) if d.rule in CORE_RULES}


def draft_text(name: str) -> str:
    return (DRAFTS / name).read_text(encoding="utf-8")


CLEAN = sorted(path.name for path in DRAFTS.iterdir() if path.suffix in (".txt", ".md"))


@pytest.mark.parametrize("name", CLEAN)
def test_clean_draft_draws_no_core_finding(name):
    assert core_findings(draft_text(name), name) == set()


def test_every_genre_has_a_draft_and_injections():
    assert {row.draft for row in injections()} == set(CLEAN)
    assert {row.rule for row in injections()} == CORE_RULES


def measure() -> tuple[int, int, int, int, list[str]]:
    """(planted, found, findings, false alarms, what went wrong)."""
    planted = found = findings = false = 0
    problems = []
    for row in injections():
        reported = core_findings(row.apply(draft_text(row.draft)), row.draft)
        planted += 1
        expected = (row.rule, row.line)
        if expected in reported:
            found += 1
        else:
            problems.append(f"missed {row.draft} {row.rule}:{row.line}, reported {sorted(reported)}")
        extra = reported - {expected}
        findings += len(reported)
        false += len(extra)
        if extra:
            problems.append(f"false alarm in {row.draft} ({row.rule} planted): {sorted(extra)}")
    return planted, found, findings, false, problems


def test_planted_defects_are_found_with_few_false_alarms():
    planted, found, findings, false, problems = measure()
    recall, false_share = found / planted, false / max(findings, 1)
    summary = f"{found}/{planted} found ({recall:.1%}), {false}/{findings} false ({false_share:.1%})"
    assert recall >= RECALL_TARGET and false_share <= FALSE_ALARM_TARGET, summary + "\n" + "\n".join(problems)
