"""Regular expressions from rule packs are untrusted input.

Python's ``re`` backtracks, and a pattern whose repeated part can match the
same text in more than one way takes exponential time on a line that almost
matches: ``(a+)+$`` on 32 a's and a b never ends, and a pre-commit hook or a
language server would hang on it. :func:`check` rejects, before the pattern is
ever run, the shapes that make backtracking explode (conservatively: a pattern
that is in fact harmless may be refused, never the other way round for these
shapes), each with a reason for the ``file:line`` error:

- a quantified part that can match nothing: ``(a*)*``, ``(a?)+``, ``(.*)*``;
- a variable quantifier inside a quantifier with nothing required beside it,
  or only such quantifiers that may take the same characters: ``(a+)+``,
  ``(a{1,5})*``, ``(?:a+|b)+``, ``(x+x+)+`` (``(\\d{1,3},)+`` and ``(a+b+)+`` are
  fine: each run ends where a different character is required);
- alternatives inside a quantifier that can start the same text, or an
  optional alternative whose sibling starts what follows it: ``(a|a)*``,
  ``(?:某|某某)+``;
- a variable run inside a repeated group (``+``, ``*``, or counted, ``{8}``)
  that may take what follows it, so that each repetition may end at many
  places: ``(?:.*,){8}X``, ``(.*,)+``, ``(?:.*?,){12}`` (``(\\d{1,3},)+`` and
  ``(?:[^，]*，)+`` are fine: the run cannot take the separator).

Beside this static guard, the rules of user packs run under a time limit
(checker/settings/timebound.py): a pattern that slips through is stopped and reported
as an internal error naming the rule and its ``file:line``.

Possessive quantifiers and atomic groups (``a++``, ``(?>…)``) do not
backtrack and are left alone. Regexes whose cost is polynomial (``.*.*x``) are
not refused: a line is bounded by the file-size limit.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

BACKTRACKING_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
EVERYTHING = ((0, 0x10FFFF),)


class UnsafeRegex(ValueError):
    """A pattern whose matching time can grow exponentially; str() says why."""


def compile_checked(pattern: str) -> re.Pattern:
    """``re.compile(pattern)``, refused (:class:`UnsafeRegex`) where its shape
    is catastrophic; ``re.error`` where it is no pattern."""
    compiled = re.compile(pattern)
    check(pattern)
    return compiled


def check(pattern: str) -> None:
    """Raise :class:`UnsafeRegex` where ``pattern`` has a catastrophic shape.
    (An invalid pattern raises ``re.error``, as ``re.compile`` would.)"""
    _walk(list(sre_parse.parse(pattern)))


def _walk(items: list) -> None:
    for op, av in items:
        if op in BACKTRACKING_REPEATS:
            low, high, body = av
            body = list(body)
            if high > 1:
                _judge_repeated(body)
            _walk(body)
        else:
            for child in _children(op, av):
                _walk(child)


def _judge_repeated(body: list) -> None:
    if _nullable(body):
        raise UnsafeRegex("a repeated part can match nothing, like (a*)* (exponential backtracking)")
    if _loose(body):
        raise UnsafeRegex("a quantifier inside a quantifier with nothing required between, like (a+)+ "
                          "(exponential backtracking)")
    follow = _first(body)  # what may come after the last item: the next repetition
    if _ambiguous_run(body, follow):
        raise UnsafeRegex("a variable run inside a repeated group can also take what follows it, like "
                          "(?:.*,){8} or (.*,)+ (each repetition may end at many places: the work grows "
                          "with the line length to the power of the repetitions)")
    if _ambiguous_branch(body, follow):
        raise UnsafeRegex("alternatives inside a quantifier can match the same text, like (a|a)* "
                          "(exponential backtracking)")


def _children(op, av) -> list[list]:
    """The sub-patterns of one parsed item (groups, alternatives, lookarounds)."""
    if op == sre.SUBPATTERN:
        return [list(av[3])]
    if op == sre.BRANCH:
        return [list(alternative) for alternative in av[1]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [list(av[1])]
    if op == sre.GROUPREF_EXISTS:
        return [list(branch) for branch in av[1:] if branch is not None]
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return [list(av)]
    if op == getattr(sre, "POSSESSIVE_REPEAT", None):
        return [list(av[2])]
    return []


def _sequence(items: list) -> list:
    """``items`` with plain groups opened up: (?:ab)c is a, b, c."""
    flat = []
    for op, av in items:
        if op == sre.SUBPATTERN:
            flat.extend(_sequence(list(av[3])))
        else:
            flat.append((op, av))
    return flat


def _nullable(items: list) -> bool:
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op, av) -> bool:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
        return False
    if op in BACKTRACKING_REPEATS or op == getattr(sre, "POSSESSIVE_REPEAT", None):
        return av[0] == 0 or _nullable(list(av[2]))
    if op == sre.SUBPATTERN:
        return _nullable(list(av[3]))
    if op == sre.BRANCH:
        return any(_nullable(list(alternative)) for alternative in av[1])
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return _nullable(list(av))
    return True  # anchors, lookarounds, back-references (conservatively)


def _variable(op, av) -> bool:
    return op in BACKTRACKING_REPEATS and av[1] > 1 and av[0] != av[1]


def _loose(items: list) -> bool:
    """Whether ``items`` is, but for parts that may match nothing, one
    variable-length quantifier (a+, a{1,5}) or alternatives one of which is;
    or only variable-length quantifiers, two neighbours of which may take the
    same characters (x+x+)."""
    sequence = _sequence(items)
    required = [(op, av) for op, av in sequence if not _item_nullable(op, av)]
    if len(required) > 1 and all(_variable(op, av) for op, av in required) and any(
            _overlap(_item_first(*left), _item_first(*right)) for left, right in zip(required, required[1:])):
        return True
    for index, (op, av) in enumerate(sequence):
        others = sequence[:index] + sequence[index + 1:]
        if not _nullable(others):
            continue
        if _variable(op, av):
            return True
        if op == sre.BRANCH and any(_loose(list(alternative)) for alternative in av[1]):
            return True
    return False


def _ambiguous_run(items: list, follow: tuple) -> bool:
    """Whether a variable-length run in ``items`` (a repeated body) may take a
    character that could also start what follows it — the rest of the body,
    or (where the rest may match nothing) the next repetition (``follow``):
    then every repetition has several places to end, and they multiply."""
    sequence = _sequence(items)
    for index, (op, av) in enumerate(sequence):
        if not (op in BACKTRACKING_REPEATS and av[1] > 1 and av[0] != av[1]):
            continue
        rest = sequence[index + 1:]
        after = _first(rest)
        if _nullable(rest):
            after = _union(after, follow)
        if after and _run_takes(list(av[2]), after):
            return True
    return False


def _run_takes(body: list, ranges: tuple) -> bool:
    """Whether the repeated ``body`` of a run may match a character of ``ranges``:
    exactly for a one-character body (a literal, a class, \\d, \\w, \\s, .)
    tested on small sets, conservatively (its first characters) otherwise."""
    if len(body) == 1 and body[0][0] in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
        matcher = _matcher(*body[0])
        if matcher is not None and sum(high - low + 1 for low, high in ranges) <= SMALL_SET:
            return any(matcher(chr(code)) for low, high in ranges for code in range(low, high + 1))
    return _overlap(_first(body), ranges)


SMALL_SET = 4096
_CATEGORY_PATTERNS = {getattr(sre, name): pattern for name, pattern in (
    ("CATEGORY_DIGIT", r"\d"), ("CATEGORY_NOT_DIGIT", r"\D"), ("CATEGORY_SPACE", r"\s"),
    ("CATEGORY_NOT_SPACE", r"\S"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_NOT_WORD", r"\W"))}


def _matcher(op, av):
    """A test for the one character ``(op, av)`` matches; None where unknown."""
    if op == sre.LITERAL:
        return lambda ch: ord(ch) == av
    if op == sre.NOT_LITERAL:
        return lambda ch: ord(ch) != av
    if op == sre.ANY:
        return lambda ch: ch != "\n"
    if op == sre.CATEGORY:
        pattern = _CATEGORY_PATTERNS.get(av)
        return re.compile(pattern).fullmatch if pattern else None
    if op == sre.IN:
        tests, negated = [], False
        for kind, value in av:
            if kind == sre.NEGATE:
                negated = True
            elif kind == sre.LITERAL:
                tests.append(lambda ch, v=value: ord(ch) == v)
            elif kind == sre.RANGE:
                tests.append(lambda ch, v=value: v[0] <= ord(ch) <= v[1])
            elif kind == sre.CATEGORY and value in _CATEGORY_PATTERNS:
                tests.append(re.compile(_CATEGORY_PATTERNS[value]).fullmatch)
            else:
                return None
        return lambda ch: any(test(ch) for test in tests) != negated
    return None


def _ambiguous_branch(items: list, follow: tuple) -> bool:
    """Whether a choice among ``items`` (directly, or in plain groups) has two
    alternatives that may start alike — or one that may match nothing while
    another starts like what follows the choice (``follow``)."""
    sequence = _sequence(items)
    for index, (op, av) in enumerate(sequence):
        if op != sre.BRANCH:
            continue
        after = _first(sequence[index + 1:])
        if _nullable(sequence[index + 1:]):
            after = _union(after, follow)
        alternatives = [list(alternative) for alternative in av[1]]
        starts = [_first(alternative) for alternative in alternatives]
        empties = [_nullable(alternative) for alternative in alternatives]
        for i in range(len(alternatives)):
            for j in range(i + 1, len(alternatives)):
                if _overlap(starts[i], starts[j]) or (empties[i] and empties[j]):
                    return True
            if empties[i] and any(_overlap(starts[j], after) for j in range(len(alternatives)) if j != i):
                return True
    return False


def _first(items: list) -> tuple:
    """The characters a match of ``items`` may start with, as (low, high) ranges."""
    ranges: tuple = ()
    for op, av in items:
        ranges = _union(ranges, _item_first(op, av))
        if not _item_nullable(op, av):
            break
    return ranges


def _item_first(op, av) -> tuple:
    if op == sre.LITERAL:
        return ((av, av),)
    if op == sre.IN:
        ranges: tuple = ()
        negated = False
        for kind, value in av:
            if kind == sre.NEGATE:
                negated = True
            elif kind == sre.LITERAL:
                ranges = _union(ranges, ((value, value),))
            elif kind == sre.RANGE:
                ranges = _union(ranges, (tuple(value),))
            else:  # CATEGORY (\d, \w, \s): anything, conservatively
                return EVERYTHING
        return _complement(ranges) if negated else ranges
    if op == sre.NOT_LITERAL:
        return _complement(((av, av),))
    if op in (sre.ANY, sre.CATEGORY):
        return EVERYTHING
    if op in BACKTRACKING_REPEATS or op == getattr(sre, "POSSESSIVE_REPEAT", None):
        return _first(list(av[2]))
    if op == sre.SUBPATTERN:
        return _first(list(av[3]))
    if op == sre.BRANCH:
        ranges = ()
        for alternative in av[1]:
            ranges = _union(ranges, _first(list(alternative)))
        return ranges
    if op == getattr(sre, "ATOMIC_GROUP", None):
        return _first(list(av))
    if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
        return EVERYTHING
    return ()  # anchors and lookarounds consume nothing


def _complement(ranges: tuple) -> tuple:
    """The characters outside ``ranges`` (sorted)."""
    outside, start = [], 0
    for low, high in ranges:
        if low > start:
            outside.append((start, low - 1))
        start = max(start, high + 1)
    if start <= EVERYTHING[0][1]:
        outside.append((start, EVERYTHING[0][1]))
    return tuple(outside)


def _union(left: tuple, right: tuple) -> tuple:
    return tuple(sorted(set(left) | set(right)))


def _overlap(left: tuple, right: tuple) -> bool:
    return any(a <= d and c <= b for a, b in left for c, d in right)
