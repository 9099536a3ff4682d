"""Runs of sibling numbers and what is wrong with them.

A *run* is a list of numbered items that should count 1, 2, 3…: the child
headings of one level under one parent, or the 一是/二是 (or ①②) enumerators
of one section. Two sub-numbering styles are legitimate and judged by what the
run itself follows: restarting at 1 under each parent, and continuing across
parents (1.–4. under （一）, then 5.–6. under （二）).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from checker.lexicon import STANDARD_STYLES
from checker.model import Document, Edit, Heading, Span
from checker.numerals import CIRCLED, int_to_chinese
from checker.settings.lazy_regex import lazy_regex

NUMERAL = lazy_regex(r"[0-9]+|[０-９]+|[零〇一二两三四五六七八九十]+|[" + CIRCLED + "]")
TO_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def render_number(kind: str, number: int, style: str = "") -> str:
    """A number written as an item of ``kind``: heading level 1–5, "shi", "circled", "paren", "di"."""
    if kind == "shi":
        return int_to_chinese(number) + "是"
    if kind == "paren":
        return f"（{number}）"
    if kind == "di":
        return "第" + int_to_chinese(number)
    if isinstance(kind, int) and style.endswith("N") and ("." in style or "．" in style):
        return style[:-1] + str(number)  # a decimal heading: 2.N -> 2.3
    if kind in ("circled", 5):
        return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)
    numeral = int_to_chinese(number) if kind in (1, 2) else str(number)
    return (style or STANDARD_STYLES[kind]).replace("Ｎ", "N").replace("N", numeral, 1)


@dataclass(frozen=True)
class Item:
    number: int
    span: Span
    marker: str


@dataclass
class Run:
    kind: object  # heading level (1–5), "shi" or "circled"
    items: list[Item]
    style: str = ""  # for headings: the style of the first item, to render missing numbers
    start: int = 1  # the number the run is expected to start at
    continued: bool = False  # continues the numbering of an earlier run

    def label(self, number: int) -> str:
        return render_number(self.kind, number, self.style)


@dataclass(frozen=True)
class Problem:
    kind: str  # "skip", "duplicate", "order", "single"
    item: Item
    numbers: tuple[int, ...] = ()  # skip: the missing numbers; order, duplicate: the item before


def _heading_item(heading: Heading) -> Item:
    return Item(heading.number, heading.marker_span, heading.marker)


def _split_at_parts(headings: list[Heading], part_lines: list[int]) -> list[list[Heading]]:
    """Sibling headings cut where a part line (第二部分 …) stands between two of
    them (``part_lines`` ascending: a bisection per heading, O(n log p))."""
    groups: list[list[Heading]] = []
    for heading in headings:
        if groups:
            following = bisect.bisect_right(part_lines, groups[-1][-1].line)
            if following < len(part_lines) and part_lines[following] < heading.line:
                groups.append([])
        if not groups:
            groups.append([])
        groups[-1].append(heading)
    return groups


def heading_runs(document: Document) -> list[Run]:
    """The children of each parent, one run per level, in document order; a
    part line (第二部分 …) between two siblings starts a new run."""
    runs: list[Run] = []
    # per level, the numbers the next parent's run may continue from: the one
    # after the last number written, and the one after the last number the
    # previous run should have reached (1. 2. 2. | 4. continues a slip)
    continues_at: dict[int, set[int]] = {}
    for parent in document.root.walk():
        levels: dict[int, list[Heading]] = {}
        for child in parent.children:
            levels.setdefault(child.heading.level, []).append(child.heading)
        groups = [(level, group) for level, headings in levels.items()
                  for group in _split_at_parts(headings, document.part_lines)]
        for level, headings in groups:
            # judged from its lowest number, so that a run whose first two
            # numbers are swapped (7. 6. 8.) still continues at 6
            lowest = min(h.number for h in headings)
            continued = lowest != 1 and lowest in continues_at.get(level, ())
            start = lowest if continued else 1
            runs.append(Run(level, [_heading_item(h) for h in headings],
                            style=headings[0].style, start=start, continued=continued))
            continues_at[level] = {headings[-1].number + 1, start + len(headings)}
    runs.sort(key=lambda run: run.items[0].span)
    return runs


def enumerator_runs(document: Document) -> list[Run]:
    """Per section and kind, the enumerators; a new run starts where the
    numbering restarts at 1."""
    runs: list[Run] = []
    for section in document.root.walk():
        current: dict[str, Run] = {}
        for enumerator in section.enumerators:
            run = current.get(enumerator.kind)
            if run is None or (enumerator.number == 1 and run.items):
                run = Run(enumerator.kind, [])
                current[enumerator.kind] = run
                runs.append(run)
            run.items.append(Item(enumerator.number, enumerator.span, enumerator.marker))
    runs.sort(key=lambda run: run.items[0].span)
    return runs


def problems(run: Run) -> Iterator[Problem]:
    """Skips, duplicates, out-of-order numbers and lone items in one run.

    A duplicate is the same number as the item before (3. 3.); a number smaller
    than expected anywhere else is an ordering problem (a 四是 after 六是). A
    skip is reported only when the missing number never turns up later in the
    run (otherwise the ordering problem is reported, once, where it occurs).
    After a duplicate, the next item may take either the number after it or the
    one after that (the duplicate was probably meant to be the next number).
    """
    items = run.items
    if len(items) == 1:
        if items[0].number == run.start == 1 and not run.continued:
            yield Problem("single", items[0])
        elif items[0].number > run.start:
            yield Problem("skip", items[0], tuple(range(run.start, items[0].number)))
        return
    seen: set[int] = set()
    last_index = {item.number: index for index, item in enumerate(items)}  # "turns up later" in O(1)
    highest = 0
    acceptable = {run.start}
    for index, item in enumerate(items):
        number = item.number
        previous = items[index - 1].number if index else None
        if number == previous:
            yield Problem("duplicate", item, (previous,))
            acceptable = {number + 1, number + 2}
            continue
        if number not in acceptable:
            expected = min(acceptable)
            if number > expected:
                # bounded by the gap, at most the largest number a marker can carry
                missing = tuple(n for n in range(expected, number) if last_index.get(n, -1) <= index and n not in seen)
                if missing:
                    yield Problem("skip", item, missing)
            else:
                yield Problem("order", item, (previous,))
        seen.add(number)
        highest = max(highest, number)
        acceptable = {highest + 1}


def _numeral_like(written: str, number: int) -> Optional[str]:
    """``number`` in the script of the numeral ``written`` (3, ３, 三, ③)."""
    if written.isascii():
        return str(number)
    if written[0] in "０１２３４５６７８９":
        return str(number).translate(TO_FULLWIDTH)
    if written in CIRCLED:
        return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else None
    return int_to_chinese(number) if number < 100 else None


def renumbering_parts(run: Run, lines: Sequence[str], starts: Sequence[int]) -> list[tuple[Edit, ...]]:
    """The run's renumbering (:func:`renumbering`) cut into one part per
    index of ``starts`` (sorted item indexes, one per finding): part k holds
    the edits of the items from ``starts[k]`` up to the next start (the first
    also those before it). Together the parts are the whole renumbering, each
    edit in one part, so the fixes of a run's findings are as large as the
    run — not the run times the findings."""
    edits = renumbering(run, lines, with_index=True)
    if not edits or not starts:
        return [() for _ in starts]
    parts: list[list[Edit]] = [[] for _ in starts]
    part = 0
    for index, edit in edits:
        while part + 1 < len(starts) and index >= starts[part + 1]:
            part += 1
        parts[part].append(edit)
    return [tuple(edits) for edits in parts]


def renumbering(run: Run, lines: Sequence[str], with_index: bool = False) -> tuple:
    """Edits that number the run's items consecutively from its start, each in
    the form it is written in (only the numeral changes); () where that cannot
    be written (a circled number past ⑳, a Chinese one past 九十九);
    ``with_index``: (item index, edit) pairs."""
    edits: list = []
    for index, item in enumerate(run.items):
        wanted = run.start + index
        if item.number == wanted:
            continue
        line = lines[item.span.line - 1]
        # the last numeral of the marker: a decimal heading's own number (2.3 of 2.3)
        numeral = None
        for numeral in NUMERAL.finditer(line, item.span.column - 1, item.span.end_column - 1):
            pass
        written = numeral and _numeral_like(numeral.group(0), wanted)
        if not written:
            return ()
        edit = Edit(Span.on_line(item.span.line, *numeral.span()), written)
        edits.append((index, edit) if with_index else edit)
    return tuple(edits)
