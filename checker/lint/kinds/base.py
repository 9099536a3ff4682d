"""What every rule type shares: findings, and strict option validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator, Optional, Protocol

from checker.settings.patterns import PatternError, compile_pattern
from checker.analyse.analysis import Facts
from checker.model import Document, Fix, Span


class RuleType(Protocol):
    """What the engine asks of a rule type (the ``type:`` of a rule in YAML; an
    instance is built from the rule's ``options`` and kept as ``Rule.rule_type``).

    A rule type may also set ``can_fix`` (its findings may carry fixes) and
    ``needs_fix_declaration`` (a rule of it must declare ``fix:``); both are
    False where absent."""

    OPTIONS: ClassVar[dict]  # the options it takes, with their defaults (None: required)

    def __init__(self, options: dict) -> None: ...

    def check(self, document: Document, facts: Facts) -> Iterator["Finding"]: ...


class OptionError(Exception):
    """An invalid ``options:`` value; the message names the option."""


@dataclass(frozen=True)
class Finding:
    """One problem a rule type found; the engine adds rule name, code, severity."""

    span: Span
    values: dict = field(default_factory=dict)  # fill the rule's message template
    message: Optional[str] = None  # replaces the template where a pattern has its own
    fix: Optional[Fix] = None


def compile_regex(pattern: Any, option: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise OptionError(f"option '{option}': each pattern must be a non-empty string")
    try:
        return compile_pattern(pattern)
    except PatternError as error:
        raise OptionError(f"option '{option}': {error}") from None


def check_known(options: dict, known: dict[str, Any]) -> dict:
    """Reject unknown options; return options merged over the defaults."""
    unknown = set(options) - set(known)
    if unknown:
        raise OptionError(f"unknown option '{sorted(unknown)[0]}' (known: {', '.join(sorted(known)) or 'none'})")
    return {**known, **options}


def expect(value: Any, kind: type | tuple, option: str, what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise OptionError(f"option '{option}' must be {what}")
    return value


def regex_list(value: Any, option: str) -> list[re.Pattern]:
    """An option that lists regular expressions, compiled."""
    return [compile_regex(item, option) for item in expect(value, list, option, "a list of regular expressions")]


def optional_message(value: Any, option: str) -> Optional[str]:
    """An option that holds a message template or nothing."""
    if value is not None and not isinstance(value, str):
        raise OptionError(f"option '{option}' must be a string")
    return value
