"""reportlint comments in a draft: ``<!-- reportlint-disable RULE… -->`` and kin.

A comment is a line of its own, in .md and in .txt drafts alike::

    <!-- reportlint-disable placeholder ad-residue -->   off from the next line on
    <!-- reportlint-enable placeholder -->               on again (no rule: all on again)
    <!-- reportlint-disable-next-line RL3 -->           off for the next line with text
    <!-- reportlint-disable-file -->                     off for the whole file

Rules are named by name, code or code prefix (``RL3``), separated by blanks or
commas; no rule means every rule. These lines are not part of the draft's
text: the parser reads them as blank lines, so no rule judges them. What they
suppress is decided after the engine (checker/lint/suppression.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from checker.model import Span
from checker.settings.lazy_regex import lazy_regex

DIRECTIVE_KINDS = ("disable", "enable", "disable-next-line", "disable-file")
COMMENT = lazy_regex(r"^[ \t\u3000]*(?P<comment><!--[ \t]*reportlint-(?P<kind>[A-Za-z-]*)(?P<rules>[^>]*?)[ \t]*-->)"
                     r"[ \t\u3000]*$")
RULE_SEPARATORS = lazy_regex(r"[\s,，]+")


@dataclass(frozen=True)
class Directive:
    line: int
    kind: str  # one of DIRECTIVE_KINDS, or what was written where it is none of them
    rules: tuple[str, ...]  # names, codes or code prefixes; empty: every rule
    span: Span  # the comment on its line
    text: str  # the comment as written

    @property
    def known(self) -> bool:
        return self.kind in DIRECTIVE_KINDS


def directive_of(line: str, number: int) -> Optional[Directive]:
    """The reportlint comment standing alone on ``line``, or None."""
    match = COMMENT.match(line)
    if match is None:
        return None
    rules = tuple(name for name in RULE_SEPARATORS.split(match.group("rules")) if name)
    span = Span.on_line(number, match.start("comment"), match.end("comment"))
    return Directive(number, match.group("kind"), rules, span, match.group("comment"))


def find_directives(lines: Sequence[str]) -> list[Directive]:
    return [d for d in (directive_of(line, n) for n, line in enumerate(lines, 1) if "reportlint" in line) if d]


def directive_lines(lines: Sequence[str]) -> frozenset[int]:
    """The numbers of the lines that are reportlint comments (not draft text)."""
    return frozenset(d.line for d in find_directives(lines))
