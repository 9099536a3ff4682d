"""Regular expressions compiled on first use.

Compiling is most of what importing the package costs (Python's ``re``
compiles a character class over CJK ranges slowly, and a compiled regex cannot
be kept across processes), while a run uses only the regexes its text needs:
an empty file none of the analysers'. A module therefore writes

    DATE_LINE = lazy_regex(r"...")

instead of ``re.compile``; the first ``.search``/``.match``/... compiles it and
binds the compiled regex's methods onto the object, so every later call costs
what it costs on an ``re.Pattern``. ``.pattern`` and ``.flags`` are there
without compiling (to build larger regexes from). What it is not: an argument
to ``re.sub(X, ...)``/``re.compile(X)`` — call ``X.sub(...)``, or ``X.compiled()``.
"""

from __future__ import annotations

import re

METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A regular expression compiled on first use; then as fast as the
    compiled one (its methods are bound onto the instance)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        regex = re.compile(self.pattern, self.flags)
        for method in METHODS:
            setattr(self, method, getattr(regex, method))
        self.groups, self.groupindex = regex.groups, regex.groupindex
        self.compiled = lambda: regex
        return regex

    def __getattr__(self, name: str):  # only for what is not yet bound: compile, then bind
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (LazyPattern, re.Pattern)):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:  # as the compiled regex's, so that the two mix in sets and dicts
        return hash(self.compiled())

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the regex is first used."""
    return LazyPattern(pattern, flags)
