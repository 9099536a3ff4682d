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

Compiling is kept across processes too (:func:`compile_cached`): Python's
``re`` turns a pattern into a list of opcodes in Python code (most of the
cost: parsing, and the character-class bitmaps over CJK ranges) and hands the
list to the C engine (``_sre.compile``), which checks it. The lists of the
regexes a run compiled are kept in the per-user cache (checker/read/cache.py),
one file per Python version and regex engine, and handed to the engine
directly the next time: the same compiled regex (it compares equal to
``re.compile``'s) at a small part of the cost. A missing, damaged or foreign
file costs the compile, never an error; off Python's own interpreter the cache
is not used.
"""

from __future__ import annotations

import hashlib
from array import array
import re
import sys

from checker.read import cache

try:
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter, or a Python whose re moved
    _sre = None

METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """A regular expression compiled on first use; then as fast as the
    compiled one (its methods are bound onto the instance)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern:
        regex = compile_cached(self.pattern, self.flags)
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
        if isinstance(other, LazyPattern):
            other = other.compiled()
        if isinstance(other, re.Pattern):  # as compiled (re.compile adds re.UNICODE to a str pattern's flags)
            return self.compiled() == other
        return NotImplemented

    def __hash__(self) -> int:  # as the compiled regex's, so that the two mix in sets and dicts
        return hash(self.compiled())

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the regex is first used."""
    return LazyPattern(pattern, flags)


# -- compiled code kept across processes -------------------------------------------------

CODE_TYPE = next((t for t in "IL" if array(t).itemsize == getattr(_sre, "CODESIZE", 4)), "I")
MAX_KEPT = 20_000  # regexes in the file; past this it starts again (user packs come and go)


def _store_name() -> str:
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}".encode()
    return f"regex-code-{hashlib.sha256(engine).hexdigest()[:20]}.marshal"


# (pattern, flags) -> (flags, code as bytes, groups, groupindex, indexgroup)
_table = cache.KeptTable(_store_name(), MAX_KEPT)


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the code kept in the per-user cache
    where this Python compiled the same pattern before."""
    if _sre is None or not isinstance(pattern, str) or flags & (re.DEBUG | re.TEMPLATE):
        return re.compile(pattern, flags)
    flags = int(flags)
    known = _table.entries()
    entry = known.get((pattern, flags))
    if entry is not None:
        try:
            final, code, groups, groupindex, indexgroup = entry
            opcodes = array(CODE_TYPE)
            opcodes.frombytes(code)
            return _sre.compile(pattern, final, opcodes.tolist(), groups, groupindex, indexgroup)
        except Exception:  # noqa: BLE001 - a damaged entry: compile it again
            known.pop((pattern, flags), None)
    parsed = _parser.parse(pattern, flags)  # raises re.error as re.compile does
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final, groups = flags | parsed.state.flags, parsed.state.groups - 1
    regex = _sre.compile(pattern, final, code, groups, groupindex, tuple(indexgroup))
    entry = (final, array(CODE_TYPE, code).tobytes(), groups, groupindex, tuple(indexgroup))
    _table.add((pattern, flags), entry)
    return regex
