"""The text a regular expression cannot match without: a pre-filter.

``required_literals(regex)`` gives a set of strings such that every non-empty
match of ``regex`` contains at least one of them (or None where no such set
can be read off the pattern). A line that contains none of them holds no
match, so the pattern need not run on it: one scan for a few literals instead
of the full pattern with its lookbehinds at every position.

It reads the pattern with Python's own regex parser (``re._parser``, called
``sre_parse`` before 3.11) and is conservative: anything it does not
understand (case-insensitive parts, back references, classes such as \\w or
[^…]) contributes no requirement, so at worst there is no pre-filter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Iterator, Optional, Sequence

try:  # Python 3.11+
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

MAX_CLASS_SIZE = 64  # a character class with more members is no useful filter
REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}

Requirement = Optional[frozenset]  # strings one of which every match contains; None: unknown


def required_literals(regex: re.Pattern) -> Requirement:
    if regex.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError):
        return None
    return _sequence(list(parsed))


def _better(a: Requirement, b: Requirement) -> Requirement:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    score = lambda r: (min(map(len, r)), -len(r))  # noqa: E731
    return a if score(a) >= score(b) else b


def _sequence(items: list) -> Requirement:
    """A concatenation needs what any one of its parts needs; runs of
    literals are taken as one string."""
    best: Requirement = None
    run = ""
    for op, argument in items:
        if op is _sre.LITERAL:
            run += chr(argument)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        if op in ZERO_WIDTH:
            continue
        best = _better(best, _item(op, argument))
    if run:
        best = _better(best, frozenset([run]))
    return best


def _item(op, argument) -> Requirement:
    if op is _sre.IN:
        return _char_class(argument)
    if op is _sre.BRANCH:
        alternatives = [_sequence(list(branch)) for branch in argument[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)
    if op is _sre.SUBPATTERN:
        group, add_flags, del_flags, pattern = argument
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(list(pattern))
    if op in REPEATS:
        low, _, pattern = argument
        return _sequence(list(pattern)) if low >= 1 else None
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _sequence(list(argument))
    return None  # ANY, NOT_LITERAL, CATEGORY, GROUPREF…: no literal known


def _char_class(items: list) -> Requirement:
    chars: set[str] = set()
    for op, argument in items:
        if op is _sre.LITERAL:
            chars.add(chr(argument))
        elif op is _sre.RANGE and argument[1] - argument[0] < MAX_CLASS_SIZE:
            chars.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return None
        if len(chars) > MAX_CLASS_SIZE:
            return None
    return frozenset(chars) or None


class LiteralScan:
    """Which of many regexes may match a line, found in one scan of it.

    Each regex is given by its requirement (``required_literals``: None, it
    may match anywhere; an empty set, it is never run). ``candidates(line)``
    scans the line once with one alternation of every literal and returns the
    indices of the regexes whose literals may stand on it, in order — a superset of those
    that match, so skipping the others changes no result.

    The scan finds non-overlapping occurrences, leftmost and longest first. A
    literal that occurs but is not found overlaps an occurrence that is found
    (the scan either stood inside that occurrence or found a longer literal
    where this one starts), so each literal found also stands for every literal
    that can overlap it (one's end the other's start, or one inside the other).
    """

    def __init__(self, requirements: list[Requirement]):
        literals = sorted({text for r in requirements if r for text in r}, key=lambda t: (-len(t), t))
        self.regex = re.compile("|".join(re.escape(text) for text in literals)) if literals else None
        self.always = frozenset(i for i, r in enumerate(requirements) if r is None)
        owners: dict[str, set[int]] = {text: set() for text in literals}
        for index, requirement in enumerate(requirements):
            for text in requirement or ():
                owners[text].add(index)
        self.ordered_always = tuple(sorted(self.always))
        self._chosen: dict[frozenset[str], tuple[int, ...]] = {}  # the literals found -> the candidates
        self.reach = {text: frozenset(self.always.union(*(owners[other] for other in literals
                                                            if _may_overlap(text, other))))
                      for text in literals}

    def candidates(self, line: str) -> tuple[int, ...]:
        """The indices of the regexes that may match ``line``, in order."""
        if self.regex is None:
            return self.ordered_always
        found = frozenset(self.regex.findall(line))
        if not found:
            return self.ordered_always
        return self._chosen_for(found)

    def candidates_by_line(self, lines: Sequence[str]) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(index in ``lines``, ``candidates(line)``) of each line with any
        candidate, in order. Where every regex needs a literal, the lines are
        scanned joined, in one call: a line holding none of the literals is
        never looked at (no literal holds a line break, so the occurrences
        found on each line are those a scan of the line alone finds)."""
        text = "\n".join(lines)
        if self.regex is None or self.always or text.count("\n") != len(lines) - 1:
            for index, line in enumerate(lines):
                chosen = self.candidates(line)
                if chosen:
                    yield index, chosen
            return
        ends = list(accumulate(len(line) + 1 for line in lines))  # where each line's break stands, plus one
        current, found = -1, []
        for match in self.regex.finditer(text):
            index = bisect_right(ends, match.start())
            if index != current:
                if found:
                    yield current, self._chosen_for(frozenset(found))
                current, found = index, []
            found.append(match.group())
        if found:
            yield current, self._chosen_for(frozenset(found))

    def _chosen_for(self, found: frozenset[str]) -> tuple[int, ...]:
        known = self._chosen.get(found)
        if known is None:
            if len(self._chosen) > 4096:
                self._chosen.clear()
            known = self._chosen[found] = tuple(sorted(frozenset().union(*(self.reach[text] for text in found))))
        return known


def _may_overlap(a: str, b: str) -> bool:
    """Whether occurrences of ``a`` and ``b`` can share a character."""
    if a in b or b in a:
        return True
    return any(a.endswith(b[:k]) or b.endswith(a[:k]) for k in range(1, min(len(a), len(b))))
