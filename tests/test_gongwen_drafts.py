"""Recall and false alarms of the official-document rules (issue 19) on a blind
set: tests/drafts/gongwen/ holds clean official documents (a 报告 with 发文字号,
附件说明, appended 附件1/附件2 and 抄送; a 请示; a 呈转性报告; a 讲话稿 quoting a
document number; a 调研报告 with decimal headings) and injections.tsv plants one
defect per row (or, with rule ``-``, a look-alike that must stay quiet).

The set was written by the same engineer BEFORE the rules it measures
(figures before/after in docs/official-documents.md).

- Every clean draft draws no finding of a measured rule.
- A planted defect counts as found when its rule reports it on its line; every
  other measured finding on the injected draft is a false alarm.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import lint_text
from test_drafts import CORE_RULES, Injection, _unescape

import csv

SET = Path(__file__).resolve().parent / "drafts" / "gongwen"
OFFICIAL_RULES = {
    "report-with-request", "request-several-matters", "document-number", "document-date", "attachment-note",
    "attachment-mismatch", "recipient-colon", "copy-to", "title-genre", "numbering-parent",
}
MEASURED = CORE_RULES | OFFICIAL_RULES
RECALL_TARGET = 0.90
FALSE_ALARM_TARGET = 0.05


def rows() -> list[Injection]:
    with open(SET / "injections.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return [Injection(row["draft"], _unescape(row["find"]), _unescape(row["replace"]), row["rule"], int(row["line"]))
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def measured(text: str, name: str) -> set[tuple[str, int]]:
    return {(d.rule, d.line) for d in lint_text(text, path=name) if d.rule in MEASURED}


CLEAN = sorted(path.name for path in SET.glob("*.txt"))


def measure() -> dict:
    """Planted and found, look-alikes and those that stayed quiet, all findings and false ones."""
    tally = dict(planted=0, found=0, lookalikes=0, quiet=0, findings=0, false=0, problems=[])
    for row in rows():
        text = row.apply((SET / row.draft).read_text(encoding="utf-8"))
        reported = measured(text, row.draft)
        tally["findings"] += len(reported)
        if row.rule == "-":
            tally["lookalikes"] += 1
            tally["quiet"] += not reported
            tally["false"] += len(reported)
            if reported:
                tally["problems"].append(f"look-alike in {row.draft} ({row.replace[0][:30]}): {sorted(reported)}")
            continue
        expected = (row.rule, row.line)
        tally["planted"] += 1
        if expected in reported:
            tally["found"] += 1
        else:
            tally["problems"].append(f"missed {row.draft} {row.rule}:{row.line}, reported {sorted(reported)}")
        extra = reported - {expected}
        tally["false"] += len(extra)
        if extra:
            tally["problems"].append(f"false alarm in {row.draft} ({row.rule} planted): {sorted(extra)}")
    return tally


def summary(tally: dict) -> str:
    return (f"{tally['found']}/{tally['planted']} planted defects found, {tally['quiet']}/{tally['lookalikes']} "
            f"look-alikes quiet, {tally['false']}/{tally['findings']} findings false")


@pytest.mark.parametrize("name", CLEAN)
def test_clean_official_document_draws_no_finding(name):
    assert measured((SET / name).read_text(encoding="utf-8"), name) == set()


def test_set_is_large_enough():
    planted = [row for row in rows() if row.rule != "-"]
    assert len(planted) >= 30 and len(rows()) - len(planted) >= 15
    assert {row.rule for row in planted} <= MEASURED


def test_planted_defects_found_and_lookalikes_quiet():
    tally = measure()
    recall = tally["found"] / tally["planted"]
    false_share = tally["false"] / max(tally["findings"], 1)
    assert recall >= RECALL_TARGET and false_share <= FALSE_ALARM_TARGET, summary(tally) + "\n" + "\n".join(tally["problems"])


if __name__ == "__main__":
    result = measure()
    print(summary(result))
    print("\n".join(result["problems"]))
