"""The facts of a whole draft that its consistency is judged on, extracted once,
in one pass per line (no jieba): the report's period and signature date, the
author unit and how the draft names itself, the dates, people, quantities and
the relations between figures the draft states. The extractors live in
dates.py, period.py, units.py, people.py, quantities.py and relations.py of
this folder; the rules that judge them in checker/lint/kinds/consistency_*.py.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from ..model import Document
from ..settings.wordlists import wordlist
from .dates import WEEKDAYS, DateMention, DateRange, all_dates
from .people import PersonMention, people
from .period import ReportPeriod, report_period, signature_date
from .quantities import Quantity, all_quantities, chinese_counts_in_line
from .recounts import Count, Rest, recounts
from .relations import (Change, Share, Total, changes, listed_counts, opens_with_part, parts_after_total, sentences,
                        shares, stated_totals, table_changes, table_shares, table_totals, totals)
from .unit_mentions import (AuthorUnit, UnitMention, author_unit, bare_organs, county_self_references, own_county,
                            role_mentions, self_references, units_as_subject)


@dataclass(frozen=True)
class DraftFacts:
    period: Optional[ReportPeriod] = None
    signed: Optional[DateMention] = None  # the signature date
    author: Optional[AuthorUnit] = None
    title_author: Optional[AuthorUnit] = None  # the unit the title block names, whatever the signature says
    dates: tuple[DateMention, ...] = ()
    ranges: tuple[DateRange, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    counts: tuple[Count, ...] = ()  # the quantities with how each names its thing (recounts.py)
    rests: tuple[Rest, ...] = ()  # the rests of tasks stated or implied (剩余5个; 发现63个，已整改58个)
    totals: tuple[Total, ...] = ()
    changes: tuple[Change, ...] = ()
    shares: tuple[Share, ...] = ()
    self_references: tuple[UnitMention, ...] = ()
    county_self_references: tuple[UnitMention, ...] = ()  # 我县, 本区, 全县
    bare_organs: tuple[UnitMention, ...] = ()  # 带领镇党委一班人, 全乡: a township's own organs
    role_mentions: tuple[UnitMention, ...] = ()
    # the county the draft names as its own outside its author's name (the addressee's, the
    # instructions'): (county, line), ("", 0) where none
    county: tuple[str, int] = ("", 0)
    # each date without a year -> the year of the last date written with one before it
    # (line, column) -> year; and how many dated events of the body fall in a later year
    # than the signature's
    context_years: dict[tuple[int, int], int] = field(default_factory=dict)
    later_than_signed: int = 0
    people: tuple[PersonMention, ...] = ()
    plan_lines: frozenset[int] = field(default_factory=frozenset)  # under a heading of plans (下一步打算)
    title_lines: frozenset[int] = field(default_factory=frozenset)
    closing_lines: frozenset[int] = field(default_factory=frozenset)
    # the heading line of the innermost section each line is in (0: before the first
    # heading) and each heading's parent heading (0: the top)
    section_of: dict[int, int] = field(default_factory=dict)
    parent_of: dict[int, int] = field(default_factory=dict)

    def in_sibling_sections(self, first_line: int, second_line: int) -> bool:
        """The two lines are in two sections under one heading (（一）企业国有资产 …
        （二）行政事业性国有资产): parallel items, each of its own subject."""
        first, second = self.section_of.get(first_line, 0), self.section_of.get(second_line, 0)
        return bool(first and second) and first != second and \
            self.parent_of.get(first, 0) == self.parent_of.get(second, 0)

    def in_parent_and_child(self, first_line: int, second_line: int) -> bool:
        """One line is in a section the other's section stands under (3.招商引资取得突破
        … （2）突出以商招商): the child tells a part of what the parent counts."""
        first, second = self.section_of.get(first_line, 0), self.section_of.get(second_line, 0)
        return bool(first and second) and first != second and (
            self._under(first, second) or self._under(second, first))

    def _under(self, child: int, ancestor: int) -> bool:
        seen = 0
        while child and seen < 16:  # headings nest a few levels deep
            child = self.parent_of.get(child, 0)
            if child == ancestor:
                return True
            seen += 1
        return False

    def summary(self) -> dict:
        """What the consistency rules judge, as plain data (``reportlint outline``
        shows it so a user can see why a finding was made): the period, the
        signature date, the author unit, each date with the year it is read in,
        self-references, people and the relations between figures."""
        def date_object(date: DateMention) -> dict:
            year = self.year_of(date)
            when = date.on(year) if year else None
            day = when if when and date.day is not None else None
            return {"line": date.line, "column": date.column, "text": date.text, "year": year,
                    "year_inferred": date.year is None and year is not None,
                    "date": day.isoformat() if day else None,
                    "weekday": None if day is None else WEEKDAYS[day.weekday()],
                    "stated_weekday": None if date.weekday is None else WEEKDAYS[date.weekday]}

        def mention_object(mention: UnitMention) -> dict:
            return {"line": mention.line, "column": mention.column, "text": mention.text, "place": mention.place}

        period, author = self.period, self.author
        return {
            "period": None if period is None else {
                "text": period.text, "year": period.year, "part": period.part, "line": period.line,
                "source": period.source},
            "signed": None if self.signed is None else date_object(self.signed),
            "author": None if author is None else {
                "text": author.text, "name": author.name, "type": author.type, "also": list(author.also),
                "county": author.county, "line": author.line},
            "dates": [date_object(date) for date in self.dates],
            "self_references": [{"line": m.line, "column": m.column, "text": m.text} for m in self.self_references],
            "bare_organs": [{"line": m.line, "column": m.column, "text": m.text} for m in self.bare_organs],
            "leaders": [mention_object(m) for m in self.role_mentions if m.role in ("led-by", "salutation")],
            "units_in_role": [{"line": m.line, "column": m.column, "text": m.text, "role": m.role, "place": m.place}
                              for m in self.role_mentions],
            "people": [{"line": p.line, "column": p.column, "name": p.name, "title": p.title, "role": p.role}
                       for p in self.people],
            "totals": [{"line": t.total.line, "total": t.total.text, "parts": [q.text for q in t.parts],
                        "table": t.in_table} for t in self.totals],
            "changes": [{"line": c.stated.line, "from": c.start.text, "to": c.end.text, "stated": c.stated.text}
                        for c in self.changes],
            "shares": [{"line": s.stated.line, "word": s.word, "part": s.part.text if s.part else None,
                        "whole": s.whole.text if s.whole else None, "stated": s.stated.text} for s in self.shares],
            "plan_lines": sorted(self.plan_lines),
        }

    def told_done(self, line: int) -> bool:
        """The line is of the body telling what was done: not the title block, not the
        closing block, not under a heading of plans."""
        return line not in self.title_lines and line not in self.closing_lines and line not in self.plan_lines

    @property
    def signature_suspect(self) -> bool:
        """No title or opening states the period, and two or more dated events of the
        body fall in a later year than the signature's (a signature of 2024年7月15日 under
        a body of 2025): the signature is the odd one, not the events."""
        return (self.signed is not None and (self.period is None or self.period.source == "signature")
                and self.later_than_signed >= 2)

    def year_of(self, date: DateMention) -> Optional[int]:
        """A date's year: its own, else the period's (or the signature's); where the
        signature is suspect, the year of the last date written with one before it."""
        if date.year:
            return date.year
        if self.period is not None and self.period.source != "signature":
            return self.period.year
        if self.signature_suspect and (date.line, date.column) in self.context_years:
            return self.context_years[(date.line, date.column)]
        if self.period is not None:
            return self.period.year
        return self.signed.year if self.signed is not None else None


@lru_cache(maxsize=1)
def _plan_heading():
    return wordlist("plan-headings").regex


def _heading_words(title: str) -> str:
    """A heading's own words: up to its first sentence end (a run-in heading — 1.关于…的问题。
    制定《…十条措施》… — goes on with body text), titles and quotations (《…措施》, 关于“稳就业举措
    针对性不强”的问题: a problem named, no plan) left out."""
    return re.sub(r"《[^》]*》|“[^”]*”", "", re.split(r"[。；！？]", title, maxsplit=1)[0])


def plan_lines(document: Document) -> frozenset[int]:
    """The lines of sections whose heading speaks of plans (三、2026年工作打算)."""
    found: set[int] = set()
    for section in document.sections():
        heading = section.heading
        if heading is not None and _plan_heading().search(_heading_words(heading.title)):
            found.update(range(heading.line, max(section.end_line, heading.line) + 1))
    return frozenset(found)


def section_map(document: Document) -> tuple[dict[int, int], dict[int, int]]:
    """(line -> heading line of its innermost section, heading line -> parent's)."""
    innermost: dict[int, int] = {}
    parents: dict[int, int] = {}
    pending = [(child, 0) for child in document.root.children]
    while pending:
        section, parent = pending.pop()
        line = section.heading.line
        parents[line] = parent
        pending.extend((child, line) for child in section.children)
        stop = min((child.heading.line for child in section.children), default=section.end_line + 1)
        for number in range(line, max(stop, line + 1)):  # its own lines, before its first child
            innermost[number] = line
        for child, following in zip(section.children, section.children[1:]):
            for number in range(child.end_line + 1, following.heading.line):  # text between children
                innermost[number] = line
    return innermost, parents


def salutation_line(document: Document, title_lines: frozenset[int]) -> int:
    """The line addressing the reader (县人民政府：): the parser's salutation, else a
    line of the head under the title that ends with a colon."""
    if document.salutation is not None:
        return document.salutation.line
    return next((n for n in sorted(title_lines) if document.line_kinds.get(n) == "byline"
                 and document.lines[n - 1].rstrip(" \t\u3000").endswith(("：", ":"))), 0)


def _numbered(document: Document, lines: Iterable[int]) -> list[tuple[int, str]]:
    return [(n, document.lines[n - 1]) for n in sorted(lines) if 0 < n <= len(document.lines)]


def draft_facts(document: Document, closing_lines: Iterable[int] = ()) -> DraftFacts:
    lines = document.lines
    kinds = document.line_kinds
    title_lines = frozenset(n for n, kind in kinds.items() if kind in ("title", "byline"))
    closing = frozenset(closing_lines) | frozenset(n for n, kind in kinds.items() if kind == "closing")
    signed = signature_date(lines, closing)
    first = next(document.paragraphs(), None)
    period = report_period(_numbered(document, title_lines),
                           (first.line, lines[first.line - 1]) if first is not None else None, signed)
    dates, ranges = all_dates(lines)
    quantities = all_quantities(lines)
    by_line: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        by_line.setdefault(quantity.line, []).append(quantity)
    found_totals: list[Total] = []
    found_changes: list[Change] = []
    found_shares: list[Share] = []
    recent_totals: dict[int, list[Quantity]] = {}
    # lines whose parts of a total may be written in Chinese numerals (其中…十八个): their totals are read below
    chinese_lines = {number: found for number, line in enumerate(lines, 1) if ("其中" in line or "中，" in line)
                     for found in [chinese_counts_in_line(number, line)] if found}
    seen: list[Quantity] = []  # the quantities of the lines before: a whole named in words is looked up there
    for number in sorted(by_line):
        line = lines[number - 1]
        earlier = recent_totals.get(number - 1, []) + recent_totals.get(number - 2, [])
        previous_sentence: list[Quantity] = []
        previous_on_line: list[Quantity] = []
        for sentence in sentences(by_line[number], line):
            if number not in chinese_lines:
                found_totals.extend(totals(sentence, line))
            found_totals.extend(parts_after_total(previous_on_line, sentence, line))
            found_changes.extend(changes(sentence, line))
            whole_before = stated_totals(previous_sentence) if opens_with_part(sentence, line) else []
            found_shares.extend(shares(sentence, line, whole_before or earlier, seen, previous_on_line))
            previous_on_line.extend(sentence)
            previous_sentence = sentence
        recent_totals[number] = stated_totals(by_line[number])
        seen.extend(by_line[number])
    for number, chinese in chinese_lines.items():
        merged = sorted(by_line.get(number, []) + chinese, key=lambda q: q.column)
        for sentence in sentences(merged, lines[number - 1]):
            found_totals.extend(totals(sentence, lines[number - 1]))
    found_totals.extend(total for number, line in enumerate(lines, 1) for total in listed_counts(number, line))
    found_totals.extend(table_totals(lines, None))
    found_shares.extend(table_shares(lines))
    found_changes.extend(table_changes(lines))
    sections, parents = section_map(document)
    counts, rests = recounts(lines, quantities)
    signature_texts = [(n, lines[n - 1]) for n in sorted(closing) if signed is None or n != signed.line]
    context_years, written = {}, 0
    for date in dates:
        if date.line in closing:
            continue
        if date.year:
            written = date.year
        elif written:
            context_years[(date.line, date.column)] = written
    later = sum(1 for date in dates if signed is not None and date.year and date.day is not None
                and date.year > signed.year and date.line not in closing and date.line not in title_lines)
    author = author_unit(signature_texts, _numbered(document, title_lines))
    salutation = salutation_line(document, title_lines)
    return DraftFacts(
        period=period,
        signed=signed,
        author=author,
        title_author=author_unit([], _numbered(document, title_lines)),
        dates=dates,
        ranges=ranges,
        quantities=quantities,
        counts=counts,
        rests=rests,
        totals=tuple(found_totals),
        changes=tuple(found_changes),
        shares=tuple(found_shares),
        self_references=self_references(lines),
        county_self_references=county_self_references(lines),
        bare_organs=bare_organs(lines),
        role_mentions=role_mentions(lines, salutation) + units_as_subject(lines, author),
        county=own_county(lines, salutation),
        context_years=context_years,
        later_than_signed=later,
        people=people(lines, title_lines, closing),
        plan_lines=plan_lines(document) - closing,
        title_lines=title_lines,
        closing_lines=closing,
        section_of=sections,
        parent_of=parents,
    )
