"""Regression guard for the performance work (issue 9): the findings on every
sample and corpus draft are those recorded before it (tests/data/
findings_recorded.tsv, written by tools/record_findings.py at commit 7c7990b).

Only the rules listed in the record's first line are compared, so rules added
later do not break this test. When a finding changes on purpose, re-record:
``python tools/record_findings.py > tests/data/findings_recorded.tsv``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from checker.api import lint_paths

RECORD = Path(__file__).parent / "data" / "findings_recorded.tsv"


def recorded() -> tuple[set[str], Counter]:
    header, *rows = RECORD.read_text(encoding="utf-8").splitlines()
    rules = set(header.split("\t")[1:])
    return rules, Counter(tuple(row.split("\t")) for row in rows)


def test_findings_on_samples_and_corpus_are_unchanged(samples_dir, corpus_dir):
    rules, expected = recorded()
    assert len(rules) > 10 and sum(expected.values()) > 100  # the record is the real one
    paths = sorted([*samples_dir.glob("*.txt"), *corpus_dir.glob("*.txt")])
    found = Counter()
    for result in lint_paths([str(p) for p in paths]):
        for d in result.diagnostics:
            if d.rule in rules:
                span = d.span
                found[(Path(result.path).name, d.rule, *map(str, (span.line, span.column, span.end_line,
                                                                   span.end_column)))] += 1
    assert found - expected == Counter(), "new findings"
    assert expected - found == Counter(), "findings lost"
