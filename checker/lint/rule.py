"""A rule as loaded from a pack, and its YAML examples (the engine runs
``Rule``s; checker/lint/ruleset.py builds them from rules/*.yaml)."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .kinds.base import RuleType


@dataclass(frozen=True)
class Example:
    text: str
    path: Optional[str] = None  # a file name, where the example depends on it (e.g. .md)
    count: Optional[int] = None  # fail examples: exact number of findings, where given
    lines: Optional[tuple[int, ...]] = None  # fail examples: the lines they stand on, where given
    fixed: Optional[str] = None  # fail examples of a rule with a fix: the text once its fixes are applied


@dataclass(frozen=True)
class Rule:
    """A rule as loaded; immutable (a configuration makes changed copies,
    see checker/settings/config.py)."""

    name: str
    code: str
    type: str
    severity: str
    message: str
    description: str
    rule_type: Optional["RuleType"]  # an instance of the rule type, built from ``options`` (None: the engine's)
    options: dict = field(default_factory=dict)
    passes: tuple[Example, ...] = ()
    fails: tuple[Example, ...] = ()
    enabled: bool = True
    # rules whose finding on the same line explains this rule's (a residue line
    # that also lacks a full stop): there this rule's finding is not reported
    yields_to: tuple[str, ...] = ()
    source: str = ""  # file:line where the rule is defined
    pack: str = ""
    # "safe" or "unsafe": the rule offers fixes, applied by --fix (safe) or only
    # with --unsafe-fixes; None: its findings carry no fix
    fix: Optional[str] = None
    builtin: bool = False  # from a built-in pack; a user pack's rules run under a time limit (engine)

    def format_message(self, values: dict, template: Optional[str] = None) -> str:
        """Fill ``{name}`` fields of the rule's message (or of ``template``);
        unknown fields stay as written; a template that cannot be filled is
        returned as written rather than stopping the run."""
        template = template or self.message
        try:
            return string.Formatter().vformat(template, (), _Defaulting(values))
        except (ValueError, IndexError, KeyError, AttributeError, TypeError):
            return template


class _Defaulting(dict):
    def __missing__(self, key):
        return "{" + key + "}"
