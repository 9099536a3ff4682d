"""Every core row of ../shared/samples/defects.tsv is reported on its line by a
rule of the matching family."""

from __future__ import annotations

from checker.api import lint_paths

FAMILIES = {
    "placeholder": {"placeholder"},
    "placeholder+empty-section": {"placeholder", "empty-section"},
    "empty-section": {"empty-section"},
    "numbering-style": {"numbering-style"},
    "numbering-style-mix": {"numbering-style"},
    "leading-whitespace": {"numbering-style"},
    "single-enumeration": {"numbering-single"},
    "numbering-skip": {"numbering-skip"},
    "numbering-duplicate": {"numbering-duplicate"},
    "numbering-order": {"numbering-order"},
    "count-mismatch": {"count-mismatch"},
    "missing-section": {"missing-section"},
    "section-order": {"section-order"},
    "truncated-paragraph": {"truncated-paragraph"},
    "template-residue": {"ad-residue"},
    "ad-residue": {"ad-residue"},
}


def test_every_core_row_is_reported_on_its_line(samples_dir):
    reported: dict[str, set[tuple[str, int]]] = {}
    for result in lint_paths([str(samples_dir)]):
        name = result.path.replace("\\", "/").rsplit("/", 1)[-1]
        reported[name] = {(d.rule, d.line) for d in result.diagnostics}
    rows = [row.split("\t") for row in (samples_dir / "defects.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    core = [row for row in rows if row[3] == "core"]
    assert core
    missed = []
    for name, lines, category, _, evidence in core:
        family = FAMILIES[category]
        candidates = {int(n) for n in lines.split(",")}
        if not any((rule, line) in reported[name] for rule in family for line in candidates):
            missed.append((name, lines, category, evidence))
    assert missed == []
