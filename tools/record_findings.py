"""Record the findings of every rule on the samples, the corpus, the drafts of
tests/drafts, each of their planted defects (tests/drafts/injections.tsv) and
the rules' own examples,
for the regression guard tests/test_findings_unchanged.py.

    python tools/record_findings.py > tests/data/findings_recorded.tsv

Run it from the repository root with ../shared beside the repository. The first
line lists every rule that existed when the record was taken (the test compares
all of them; rules added later do not break it); then one finding a line:
input, rule, line, column, end_line, end_column. An injected draft is named
``draft#row`` (row: its data row in injections.tsv, counted from 1); each
built-in rule's YAML examples are linted too, as whole drafts with every rule
on, named ``rule:fail2``, ``rule:pass1``.

Re-record when a finding changes on purpose (a rule fixed or narrowed), and say
why in the commit message; the diff of the file shows every finding that moved.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DRAFTS = ROOT / "tests" / "drafts"

Row = tuple[str, str, str, str, str, str]


def shared_drafts(shared: Path = SHARED) -> list[Path]:
    return sorted([*(shared / "samples").glob("*.txt"), *(shared / "corpus").glob("*.txt")])


def clean_drafts() -> list[Path]:
    return sorted(path for path in DRAFTS.iterdir() if path.suffix in (".txt", ".md"))


def injected_drafts() -> Iterator[tuple[str, str]]:
    """(name, text) of each planted defect of injections.tsv applied to its clean draft."""
    with open(DRAFTS / "injections.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
        text = (DRAFTS / row["draft"]).read_text(encoding="utf-8")
        for find, replace in zip(row["find"].split("||"), row["replace"].split("||")):
            text = text.replace(find.replace("\\n", "\n"), replace.replace("\\n", "\n"))
        yield f"{row['draft']}#{number}", text


def findings(shared: Path = SHARED) -> Iterator[Row]:
    """Every finding on every recorded input, as the record's rows."""
    from checker.api import lint_paths, lint_text

    def row(name: str, d) -> Row:
        span = d.span
        return name, d.rule, *map(str, (span.line, span.column, span.end_line, span.end_column))

    for result in lint_paths([str(path) for path in [*shared_drafts(shared), *clean_drafts()]]):
        yield from (row(Path(result.path).name, d) for d in result.diagnostics)
    for name, text in injected_drafts():
        yield from (row(name, d) for d in lint_text(text, path=name.split("#")[0]))
    every_rule_on = all_rules_on()
    for name, text, path in rule_examples():
        yield from (row(name, d) for d in lint_text(text, path=path, config=every_rule_on))


def all_rules_on():
    """The built-in rules, those off by default (figure-conflict) switched on: the
    examples are linted with every rule on."""
    import dataclasses

    from checker.api import Config

    return Config(rules=[dataclasses.replace(rule, enabled=True) for rule in Config.load().rules])


def rule_examples() -> Iterator[tuple[str, str, str | None]]:
    """(name, text, path) of every built-in rule's pass and fail examples, each
    linted as a whole draft with every rule on (so every rule has findings)."""
    from checker.lint.ruleset import load_rules

    for rule in sorted(load_rules(), key=lambda rule: rule.name):
        for which, examples in (("pass", rule.passes), ("fail", rule.fails)):
            for number, example in enumerate(examples, start=1):
                yield f"{rule.name}:{which}{number}", example.text, example.path


def rule_names() -> list[str]:
    from checker.lint.ruleset import load_rules

    return sorted(rule.name for rule in load_rules())


def main() -> None:
    sys.path.insert(0, str(ROOT))
    print("# rules\t" + "\t".join(rule_names()))
    for found in findings():
        print("\t".join(found))


if __name__ == "__main__":
    main()
