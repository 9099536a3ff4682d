"""Record the findings on every sample and corpus draft, for the regression
guard tests/test_findings_unchanged.py.

    python tools/record_findings.py > tests/data/findings_recorded.tsv

Run it from the repository root with ../shared beside the repository. The first
line lists the rules that existed when the record was taken (the test compares
only those: rules added later do not break it); then one finding a line:
file, rule, line, column, end_line, end_column.

Re-record when a finding changes on purpose (a rule fixed or narrowed), and say
why in the commit message; the diff of the file shows every finding that moved.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def drafts() -> list[Path]:
    return sorted([*(SHARED / "samples").glob("*.txt"), *(SHARED / "corpus").glob("*.txt")])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from checker.api import lint_paths
    from checker.ruleset import load_rules

    print("# rules\t" + "\t".join(sorted(rule.name for rule in load_rules())))
    for result in lint_paths([str(path) for path in drafts()]):
        name = Path(result.path).name
        for d in result.diagnostics:
            print(f"{name}\t{d.rule}\t{d.span.line}\t{d.span.column}\t{d.span.end_line}\t{d.span.end_column}")


if __name__ == "__main__":
    main()
