"""Rule type ``count-mismatch``: a stated count the items do not match —
主要表现在以下五个方面： followed by six items （一）…（六）; 三点体会 with two.

A statement is a match of ``statement`` (a regex with a ``count`` group) in a
heading's title or a paragraph. It is a lead-in only where it ends its text or
is followed by a colon, and not where it sums up a list written before it in
its clause (“三会一课”、主题党日、谈心谈话三项制度); the items it announces are, in this order:
  1. enumerators (一是…, ①…) after it in the same paragraph;
  2. the paragraphs right after it that open with an enumerator or with one of
     ``item_leads`` (e.g. ——, or 第一， where the lead has a ``(?P<number>…)``
     group); numbered items may run on over plain paragraphs as long as the
     next item carries the next number; where all open with an enumerator,
     the enumerators in them (一是…；二是… in one paragraph counts two);
  3. the child headings that follow it (for a heading: its children).
Where no items follow, nothing is judged; nor where the statement's paragraph goes on
in words after it without enumerators (分三个阶段：第一阶段为…；第二阶段…): its items are
those words, and the paragraphs after it are not its list.

Message fields: {statement}, {stated}, {actual}.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator, Optional

from checker.lexicon import CLAUSE_BREAKS, COLONS
from checker.analyse.analysis import Facts
from checker.model import Document, Enumerator, Paragraph, Section, Span
from checker.numerals import parse_number
from .base import Finding, OptionError, check_known, compile_regex, regex_list
from checker.settings.lazy_regex import lazy_regex


CLAUSE_BREAK = lazy_regex(f"[{CLAUSE_BREAKS}]")
ENUMERATION_COMMA = lazy_regex("、")
HAN = lazy_regex("[\u4e00-\u9fff]")

COUNTED_KINDS = ("shi", "circled", "paren")


class CountMismatchRule:
    OPTIONS = {"statement": None, "item_leads": []}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.statement = compile_regex(options["statement"], "statement")
        if "count" not in self.statement.groupindex:
            raise OptionError("option 'statement' needs a named group (?P<count>…)")
        self.item_leads = regex_list(options["item_leads"], "item_leads")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for section in document.root.walk():
            index: Optional[SectionIndex] = None  # built where a statement stands
            heading = section.heading
            if heading is not None:
                match = self._statement(heading.title)
                if match:
                    index = SectionIndex(section)
                    column = heading.marker_span.end_column
                    actual = index.child_count(after_line=0) or self._first_run_length(counted(section))
                    yield from self._judge(match, heading.line, column, actual)
            for position, paragraph in enumerate(section.paragraphs):
                match = self._statement(paragraph.text)
                if match:
                    index = index if index is not None else SectionIndex(section)
                    actual = self._items_after(index, position, paragraph, match)
                    yield from self._judge(match, paragraph.line, paragraph.column, actual)

    def _statement(self, text: str) -> Optional[re.Match]:
        """The last statement in ``text`` that does not count back. Linear in
        the text: the clause breaks and 、 are found once, each match bisects."""
        matches = list(self.statement.finditer(text))
        if not matches:
            return None
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(text)]
        commas = [m.start() for m in ENUMERATION_COMMA.finditer(text)]
        matches = [m for m in matches if not self._counts_back(m, breaks, commas)]
        return matches[-1] if matches else None

    @staticmethod
    def _counts_back(match: re.Match, breaks: list[int], commas: list[int]) -> bool:
        """Whether the count sums up a list written just before it in the same
        clause (“三会一课”、主题党日、谈心谈话三项制度): it announces nothing.
        ``breaks`` and ``commas``: the offsets of clause breaks and of 、."""
        before = bisect.bisect_left(breaks, match.start())
        clause_start = breaks[before - 1] + 1 if before else 0
        comma = bisect.bisect_left(commas, clause_start)
        return comma < len(commas) and commas[comma] < match.start()

    def _judge(self, match: re.Match, line: int, column: int, actual: int) -> Iterator[Finding]:
        stated = parse_number(match.group("count"))
        if not actual or stated is None or stated == actual:
            return
        start = column - 1 + match.start()
        span = Span.on_line(line, start, start + len(match.group(0).rstrip(COLONS + "。")))
        yield Finding(span, {"statement": match.group(0).rstrip(COLONS + "。"), "stated": stated, "actual": actual})

    @staticmethod
    def _first_run_length(enumerators) -> int:
        count = 0
        for position, enumerator in enumerate(enumerators):
            if position and enumerator.number == 1:
                break
            count += 1
        return count

    def _items_after(self, index: "SectionIndex", position: int, paragraph: Paragraph, match: re.Match) -> int:
        end_column = paragraph.column + match.end()
        inline = [e for e in index.on_line(paragraph.line) if e.span.column >= end_column]
        if inline:
            return self._first_run_length(inline)
        if HAN.search(paragraph.text, match.end()):
            return 0  # the items are written on after the colon in words (第一阶段…；第二阶段…): not judged
        paragraphs = index.section.paragraphs  # from the next one on, without copying or skipping the rest
        following = self._item_paragraphs(index, (paragraphs[i] for i in range(position + 1, len(paragraphs))))
        if following:
            # 一是…；二是… written in one paragraph after the statement counts its enumerators
            led = [e for p in following for e in index.on_line(p.line)]
            if all(index.leading(p) is not None for p in following):
                return self._first_run_length(led)
            return len(following)
        return index.child_count(after_line=paragraph.line)

    def _item_number(self, index: "SectionIndex", paragraph: Paragraph) -> Optional[int]:
        """The number of the item ``paragraph`` opens (一是…, 第二，…), 0 for an
        unnumbered item (——…), None where it opens none."""
        enumerator = index.leading(paragraph)
        if enumerator is not None:
            return enumerator.number
        for lead in self.item_leads:
            match = lead.match(paragraph.text)
            if match:
                numeral = match.groupdict().get("number")
                return (parse_number(numeral) or 0) if numeral else 0
        return None

    def _item_paragraphs(self, index: "SectionIndex", paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
        """The paragraphs that open the items of the list starting right after a
        statement. Numbered items (一是…, 第一，…) may each run on over plain
        paragraphs, as long as the next item carries the next number (after
        一是…；二是… in one paragraph, 三是); unnumbered ones (——…) end at the
        first plain paragraph."""
        items: list[Paragraph] = []
        expected: Optional[int] = None  # numbered items: the number the next one carries
        for paragraph in paragraphs:
            number = self._item_number(index, paragraph)
            if not items:
                if number not in (0, 1):
                    break
            elif expected is None:  # unnumbered items
                if number != 0:
                    break
            elif number is None:
                continue  # the current item goes on
            elif number != expected:
                break  # not the next item: another list
            items.append(paragraph)
            if number:
                # 一是…；二是… in one paragraph: the next item is 三是 (a 第一， item's own 一是… are its sub-items)
                led = index.leading(paragraph)
                on_line = [e.number for e in index.on_line(paragraph.line) if led and e.kind == led.kind]
                expected = max([number, *on_line]) + 1
        return items



def counted(section: Section) -> list[Enumerator]:
    """The enumerators that count as items: 一是, ①, （1）; a 第一， paragraph is an
    item through ``item_leads`` (its own 一是… are its sub-items)."""
    return [e for e in section.enumerators if e.kind in COUNTED_KINDS]


class SectionIndex:
    """One section's enumerators by line and its children's levels, built once
    (O(n)) so that each statement's look-up is O(1) or a bisection, not a scan
    of the whole section: many statements in one section stay linear."""

    def __init__(self, section: Section):
        self.section = section
        self._by_line: dict[int, list[Enumerator]] = {}
        for enumerator in counted(section):  # in line order, as the section holds them
            self._by_line.setdefault(enumerator.span.line, []).append(enumerator)
        self._child_lines = [child.heading.line for child in section.children]
        # _levels_from[i]: how many children from the i-th on stand at each level
        self._levels_from: list[dict[int, int]] = [{}]
        for child in reversed(section.children):  # at most five levels: O(1) per child
            counts = dict(self._levels_from[-1])
            counts[child.heading.level] = counts.get(child.heading.level, 0) + 1
            self._levels_from.append(counts)
        self._levels_from.reverse()

    def on_line(self, line: int) -> list[Enumerator]:
        return self._by_line.get(line, [])

    def leading(self, paragraph: Paragraph) -> Optional[Enumerator]:
        """The enumerator that opens ``paragraph``'s line, if any."""
        return next((e for e in self.on_line(paragraph.line) if e.leading), None)

    def child_count(self, after_line: int) -> int:
        """The children after ``after_line`` at the level of the first of them."""
        first = bisect.bisect_right(self._child_lines, after_line)
        if first == len(self._child_lines):
            return 0
        return self._levels_from[first][self.section.children[first].heading.level]
