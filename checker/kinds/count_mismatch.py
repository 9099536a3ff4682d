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
Where no items follow, nothing is judged.

Message fields: {statement}, {stated}, {actual}.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ..lexicon import CLAUSE_BREAKS
from ..model import Document, Enumerator, Paragraph, Section, Span
from ..numerals import parse_number
from .base import Finding, OptionError, check_known, compile_regex, regex_list



class CountMismatchRule:
    OPTIONS = {"statement": None, "item_leads": []}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.statement = compile_regex(options["statement"], "statement")
        if "count" not in self.statement.groupindex:
            raise OptionError("option 'statement' needs a named group (?P<count>…)")
        self.item_leads = regex_list(options["item_leads"], "item_leads")

    def check(self, document: Document) -> Iterator[Finding]:
        for section in document.root.walk():
            heading = section.heading
            if heading is not None:
                match = self._statement(heading.title)
                if match:
                    column = heading.marker_span.end_column
                    actual = self._child_count(section, after_line=0) or self._first_run_length(section.enumerators)
                    yield from self._judge(match, heading.line, column, actual)
            for index, paragraph in enumerate(section.paragraphs):
                match = self._statement(paragraph.text)
                if match:
                    actual = self._items_after(section, index, paragraph, match)
                    yield from self._judge(match, paragraph.line, paragraph.column, actual)

    def _statement(self, text: str) -> Optional[re.Match]:
        matches = [m for m in self.statement.finditer(text) if not self._counts_back(text, m)]
        return matches[-1] if matches else None

    @staticmethod
    def _counts_back(text: str, match: re.Match) -> bool:
        """Whether the count sums up a list written just before it in the same
        clause (“三会一课”、主题党日、谈心谈话三项制度): it announces nothing."""
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in CLAUSE_BREAKS) + 1
        return "、" in text[clause_start: match.start()]

    def _judge(self, match: re.Match, line: int, column: int, actual: int) -> Iterator[Finding]:
        stated = parse_number(match.group("count"))
        if not actual or stated is None or stated == actual:
            return
        start = column - 1 + match.start()
        span = Span.on_line(line, start, start + len(match.group(0).rstrip("：:。")))
        yield Finding(span, {"statement": match.group(0).rstrip("：:。"), "stated": stated, "actual": actual})

    @staticmethod
    def _first_run_length(enumerators) -> int:
        count = 0
        for position, enumerator in enumerate(enumerators):
            if position and enumerator.number == 1:
                break
            count += 1
        return count

    def _items_after(self, section: Section, index: int, paragraph: Paragraph, match: re.Match) -> int:
        end_column = paragraph.column + match.end()
        inline = [e for e in section.enumerators if e.span.line == paragraph.line and e.span.column >= end_column]
        if inline:
            return self._first_run_length(inline)
        following = self._item_paragraphs(section, section.paragraphs[index + 1:])
        if following:
            # 一是…；二是… written in one paragraph after the statement counts its enumerators
            lines = {p.line for p in following}
            led = [e for e in section.enumerators if e.span.line in lines]
            if all(self._leading_enumerator(section, p) is not None for p in following):
                return self._first_run_length(led)
            return len(following)
        return self._child_count(section, after_line=paragraph.line)

    @staticmethod
    def _leading_enumerator(section: Section, paragraph: Paragraph) -> Optional[Enumerator]:
        return next((e for e in section.enumerators if e.span.line == paragraph.line and e.leading), None)

    def _item_number(self, section: Section, paragraph: Paragraph) -> Optional[int]:
        """The number of the item ``paragraph`` opens (一是…, 第二，…), 0 for an
        unnumbered item (——…), None where it opens none."""
        enumerator = self._leading_enumerator(section, paragraph)
        if enumerator is not None:
            return enumerator.number
        for lead in self.item_leads:
            match = lead.match(paragraph.text)
            if match:
                numeral = match.groupdict().get("number")
                return (parse_number(numeral) or 0) if numeral else 0
        return None

    def _item_paragraphs(self, section: Section, paragraphs: list[Paragraph]) -> list[Paragraph]:
        """The paragraphs that open the items of the list starting right after a
        statement. Numbered items (一是…, 第一，…) may each run on over plain
        paragraphs, as long as the next item carries the next number (after
        一是…；二是… in one paragraph, 三是); unnumbered ones (——…) end at the
        first plain paragraph."""
        items: list[Paragraph] = []
        expected: Optional[int] = None  # numbered items: the number the next one carries
        for paragraph in paragraphs:
            number = self._item_number(section, paragraph)
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
                led = self._leading_enumerator(section, paragraph)
                on_line = [e.number for e in section.enumerators
                           if led and e.span.line == paragraph.line and e.kind == led.kind]
                expected = max([number, *on_line]) + 1
        return items

    @staticmethod
    def _child_count(section: Section, after_line: int) -> int:
        children = [child for child in section.children if child.heading.line > after_line]
        if not children:
            return 0
        level = children[0].heading.level
        return sum(1 for child in children if child.heading.level == level)
