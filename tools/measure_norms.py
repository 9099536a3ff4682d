"""Measure the text-norm rules on a measurement set of issue 23 (tests/drafts/norms/, the
first set; norms2/ and norms3/, written by engineer `norms` before sessions 2 and 3 changed a
rule; norms4/, written blind in session 4 by a helper who never saw the rules).

Each row of the set's injections.tsv changes one clean draft of that folder,
alone. A planted row (rule given) is found when its rule reports on its line; a
look-alike row (rule '-') is a false alarm when any finding appears on its line
that the clean draft does not have there. The clean drafts' own findings are false
alarms too (every draft of the folder is clean text). Also prints the warnings per
10,000 characters on the corpus (/work/shared/corpus, or the path given) and on the
clean drafts of tests/drafts/ and on the clean text written blind in session 4
(tests/drafts/clean4/ and the clean drafts of tests/drafts/norms4/).

    python tools/measure_norms.py [--set norms2|norms3|norms4] [CORPUS_DIR]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.api import lint_text  # noqa: E402

FOLDER = ROOT / "tests" / "drafts" / "norms"


def rows(folder: Path = FOLDER) -> list[dict]:
    with open(folder / "injections.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def apply(row: dict, text: str) -> str:
    find, replace = (row[key].replace("\\n", "\n") for key in ("find", "replace"))
    assert text.count(find) == 1, f"{row['draft']}: {find!r} must occur exactly once"
    return text.replace(find, replace)


def findings(text: str, name: str) -> set[tuple[str, int]]:
    return {(d.rule, d.line) for d in lint_text(text, path=name)}


def measure(folder: Path = FOLDER) -> tuple[dict, dict, list[str], list[str]]:
    """Per class: planted {class: [found, planted]}, quiet {class: [false, rows]},
    problems, clean-draft findings."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in folder.iterdir() if path.suffix in (".txt", ".md")}
    clean = {name: findings(text, name) for name, text in texts.items()}
    planted: dict = defaultdict(lambda: [0, 0])
    quiet: dict = defaultdict(lambda: [0, 0])
    problems = []
    for row in rows(folder):
        reported = findings(apply(row, texts[row["draft"]]), row["draft"])
        line = int(row["line"])
        if row["rule"] != "-":
            hit = (row["rule"], line) in reported
            planted[row["class"]][0] += hit
            planted[row["class"]][1] += 1
            if not hit:
                problems.append(f"missed {row['class']} {row['draft']}:{line} {row['replace']!r}: "
                                f"{sorted(f for f in reported if f[1] == line)}")
        else:
            new = {f for f in reported if f[1] == line} - clean[row["draft"]]
            quiet[row["class"]][0] += bool(new)
            quiet[row["class"]][1] += 1
            if new:
                problems.append(f"false alarm {row['class']} {row['draft']}:{line} {row['replace']!r}: {sorted(new)}")
    clean_findings = [f"{name}:{line} {rule}" for name, found in sorted(clean.items()) for rule, line in sorted(found, key=lambda f: f[1])]
    return planted, quiet, problems, clean_findings


def warnings_per_10k(paths: list[Path]) -> tuple[int, int, dict]:
    chars = warnings = 0
    by_rule: dict = defaultdict(int)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        chars += len(text)
        for d in lint_text(text, path=path.name):
            if d.severity in ("warning", "error"):
                warnings += 1
                by_rule[d.rule] += 1
    return warnings, chars, dict(by_rule)


def _drafts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


def _table(header: str, total_label: str, counts: dict) -> None:
    print(header)
    total = [0, 0]
    for name, (count, rows_) in sorted(counts.items()):
        print(f"{name}\t{count}/{rows_}")
        total[0] += count
        total[1] += rows_
    print(f"{total_label}\t{total[0]}/{total[1]}")


def main() -> None:
    args = sys.argv[1:]
    folder = FOLDER
    if args[:1] == ["--set"]:
        folder = FOLDER.parent / args[1]
        args = args[2:]
    planted, quiet, problems, clean_findings = measure(folder)
    _table("class\tfound/planted", "ALL planted", planted)
    _table("look-alike class\tfalse alarms/rows", "ALL look-alikes", quiet)
    print(f"clean drafts of {folder.name}: {len(clean_findings)} findings")
    for line in clean_findings:
        print("  " + line)
    for line in problems:
        print("  " + line)
    corpus = Path(args[0]) if args else Path("/work/shared/corpus")
    drafts = _drafts(ROOT / "tests" / "drafts")
    blind = _drafts(ROOT / "tests" / "drafts" / "clean4") + _drafts(ROOT / "tests" / "drafts" / "norms4")
    for label, paths in (("corpus", sorted(corpus.glob("*.txt"))), ("tests/drafts", drafts),
                         ("clean4 + norms4 clean drafts", blind)):
        warnings, chars, by_rule = warnings_per_10k(paths)
        print(f"{label}: {warnings} warnings/errors in {chars} chars = {warnings * 10000 / max(chars, 1):.2f} per 10,000 {by_rule}")


if __name__ == "__main__":
    main()
