"""``reportlint explain RULE``: one rule's documentation for a terminal —
its type, severity, fix and message, its YAML examples (the same examples the
test suite runs and docs/rules.md shows), what it finds, and with --verbose its
options (the regular expressions). The labels come from the catalog
(checker/messages.py): Chinese by default."""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

import yaml

from .messages import count, rule_description, rule_summary, severity, text
from .rulesdoc import summary

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


def example_notes(example: Any) -> list[str]:
    """What an example states besides its text (file name, count, lines), in the reader's language."""
    notes = []
    if example.path:
        notes.append(text("explain.as_file", path=example.path))
    if example.count is not None:
        notes.append(count("explain.count", example.count))
    if example.lines:
        notes.append(text("explain.lines", lines=", ".join(map(str, example.lines))))
    return notes


def _examples(examples: Sequence[Any], label: str) -> list[str]:
    if not examples:
        return []
    out = ["", label]
    for example in examples:
        notes = example_notes(example)
        out.append(f"  - {text('list.notes').join(notes)}" if notes else "  -")
        out.extend(_text(example.text))
        if getattr(example, "fixed", None) is not None:
            out.append(f"{INDENT}{text('explain.fixed')}")
            out.extend(_text(example.fixed))
    return out


def render_explanation(rule: Any, verbose: bool = False) -> str:
    """The rule for a reader: what it is, its message, its description, its
    examples; its options (the regular expressions) only with ``verbose``."""
    facts = [text("explain.type", value=rule.type), text("explain.severity", value=severity(rule.severity)),
             text("explain.pack", value=rule.pack)]
    if getattr(rule, "fix", None):
        facts.append(text("explain.fix_unsafe" if rule.fix == "unsafe" else "explain.fix_safe"))
    if not rule.enabled:
        facts.append(text("explain.off"))
    out = [f"{rule.name} ({rule.code})", "  " + " · ".join(facts), "  " + text("explain.message", value=rule.message)]
    # what it finds, in one line in the reader's language (Chinese: checker/data/rules_zh.json)
    out.append("  " + text("explain.finds", value=rule_summary(rule.name, summary(rule))))
    if rule.yields_to:
        out.append("  " + text("explain.yields", rules=", ".join(rule.yields_to)))
    out.extend(_examples(rule.fails, text("explain.reported")))
    out.extend(_examples(rule.passes, text("explain.not_reported")))
    description, translated = rule_description(rule.name, rule.description.strip())
    label = text("explain.description" if translated else "explain.description_english")
    out.extend(["", label, *description.split("\n")])
    if rule.options and verbose:
        dumped = yaml.safe_dump(_plain(rule.options), allow_unicode=True, sort_keys=False, width=10**6)
        out.extend(["", text("explain.options"), *(f"  {line}" for line in dumped.rstrip("\n").split("\n"))])
    elif rule.options:
        out.extend(["", text("explain.options_hidden")])
    return "\n".join(out) + "\n"
