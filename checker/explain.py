"""``reportlint explain RULE``: one rule's documentation for a terminal —
what it finds, its type, severity, fix and options, and its YAML examples
(the same examples the test suite runs and docs/rules.md shows)."""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

import yaml

from .rulesdoc import example_notes

INDENT = "    "


def find_rule(rules: Iterable[Any], wanted: str) -> Optional[Any]:
    """The rule named ``wanted``, or whose code it is (RL101, rl101)."""
    for rule in rules:
        if wanted == rule.name or wanted.upper() == rule.code:
            return rule
    return None


def _plain(value: Any) -> Any:
    """Options as plain dicts, lists and scalars (the loader's line-keeping
    subclasses do not dump)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _text(text: str) -> list[str]:
    """An example's text, each line behind a bar so leading blanks show."""
    return [f"{INDENT}| {line}" for line in text.split("\n")]


def _examples(examples: Sequence[Any], label: str) -> list[str]:
    if not examples:
        return []
    out = ["", f"{label}:"]
    for example in examples:
        notes = example_notes(example, quote="")
        out.append(f"  - {'; '.join(notes)}" if notes else "  -")
        out.extend(_text(example.text))
        if getattr(example, "fixed", None) is not None:
            out.append(f"{INDENT}fixed:")
            out.extend(_text(example.fixed))
    return out


def render_explanation(rule: Any) -> str:
    facts = [f"type {rule.type}", f"default severity {rule.severity}", f"pack {rule.pack}"]
    if getattr(rule, "fix", None):
        facts.append(f"fix: {rule.fix}" + (" (--fix --unsafe-fixes)" if rule.fix == "unsafe" else " (--fix)"))
    if not rule.enabled:
        facts.append("off unless switched on")
    out = [f"{rule.name} ({rule.code})", "  " + " · ".join(facts), f"  message: {rule.message}"]
    if rule.yields_to:
        out.append(f"  yields to {', '.join(rule.yields_to)} on the same line")
    out.extend(["", *rule.description.strip().split("\n")])
    if rule.options:
        dumped = yaml.safe_dump(_plain(rule.options), allow_unicode=True, sort_keys=False, width=10**6)
        out.extend(["", "Options:", *(f"  {line}" for line in dumped.rstrip("\n").split("\n"))])
    out.extend(_examples(rule.fails, "Reported"))
    out.extend(_examples(rule.passes, "Not reported"))
    return "\n".join(out) + "\n"
