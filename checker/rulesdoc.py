"""The rule reference (docs/rules.md), generated from the YAML packs.

``reportlint rules --markdown > docs/rules.md``; a test keeps the committed file
equal to this output, so the reference cannot drift from the rules.
"""

from __future__ import annotations

from itertools import groupby

from .ruleset import Example, Rule

HEADER = """# Rule reference

Generated from the YAML packs in `rules/` by `reportlint rules --markdown`;
do not edit by hand. Every example here is run by the test suite.
"""


def _example_lines(examples: tuple[Example, ...], label: str) -> list[str]:
    if not examples:
        return []
    out = [f"{label}:", ""]
    for example in examples:
        notes = []
        if example.path:
            notes.append(f"as `{example.path}`")
        if example.count is not None:
            notes.append(f"{example.count} finding{'s' if example.count != 1 else ''}")
        if example.lines:
            notes.append("on line " + ", ".join(map(str, example.lines)))
        suffix = f" ({'; '.join(notes)})" if notes else ""
        if "\n" in example.text:
            out.append(f"- {suffix.strip(' ()') or 'document'}:")
            out.append("")
            out.append("  ```text")
            out.extend(f"  {line}" for line in example.text.split("\n"))
            out.append("  ```")
        else:
            out.append(f"- `{example.text}`{suffix}")
    out.append("")
    return out


def render_rule(rule: Rule) -> list[str]:
    return [
        f"### `{rule.name}` ({rule.code})",
        "",
        f"Type `{rule.type}`, default severity **{rule.severity}**. Message: “{rule.message}”.",
        "",
        rule.description,
        "",
        *_example_lines(rule.fails, "Reported"),
        *_example_lines(rule.passes, "Not reported"),
    ]


def render_reference(rules: list[Rule]) -> str:
    out = [HEADER]
    for pack, pack_rules in groupby(rules, key=lambda r: r.pack):
        out.append(f"## Pack `{pack}`")
        out.append("")
        for rule in pack_rules:
            out.extend(render_rule(rule))
    return "\n".join(out).rstrip("\n") + "\n"
