"""The facts of a whole draft that its consistency is judged on, extracted once,
in one pass per line (no jieba): the report's period and signature date, the
author unit and how the draft names itself, the dates, people, quantities and
the relations between figures the draft states. The extractors live in
dates.py, period.py, units.py, people.py, quantities.py and relations.py of
this folder; the rules that judge them in checker/lint/kinds/consistency_*.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from ..model import Document
from ..settings.wordlists import wordlist
from .dates import DateMention, DateRange, all_dates
from .people import PersonMention, people
from .period import ReportPeriod, report_period, signature_date
from .quantities import Quantity, all_quantities
from .relations import TOTAL_BEFORE, Change, Share, Total, changes, sentences, shares, table_totals, totals
from .unit_mentions import AuthorUnit, UnitMention, author_unit, role_mentions, self_references


@dataclass(frozen=True)
class DraftFacts:
    period: Optional[ReportPeriod] = None
    signed: Optional[DateMention] = None  # the signature date
    author: Optional[AuthorUnit] = None
    dates: tuple[DateMention, ...] = ()
    ranges: tuple[DateRange, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    totals: tuple[Total, ...] = ()
    changes: tuple[Change, ...] = ()
    shares: tuple[Share, ...] = ()
    self_references: tuple[UnitMention, ...] = ()
    role_mentions: tuple[UnitMention, ...] = ()
    people: tuple[PersonMention, ...] = ()
    plan_lines: frozenset[int] = field(default_factory=frozenset)  # under a heading of plans (下一步打算)
    title_lines: frozenset[int] = field(default_factory=frozenset)
    closing_lines: frozenset[int] = field(default_factory=frozenset)

    def year_of(self, date: DateMention) -> Optional[int]:
        """A date's year: its own, else the period's (or the signature's)."""
        if date.year:
            return date.year
        if self.period is not None:
            return self.period.year
        return self.signed.year if self.signed is not None else None


@lru_cache(maxsize=1)
def _plan_heading():
    return wordlist("plan-headings").regex


def plan_lines(document: Document) -> frozenset[int]:
    """The lines of sections whose heading speaks of plans (三、2026年工作打算)."""
    found: set[int] = set()
    for section in document.sections():
        heading = section.heading
        if heading is not None and _plan_heading().search(heading.title):
            found.update(range(heading.line, max(section.end_line, heading.line) + 1))
    return frozenset(found)


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
    for number in sorted(by_line):
        line = lines[number - 1]
        earlier = recent_totals.get(number - 1, []) + recent_totals.get(number - 2, [])
        for sentence in sentences(by_line[number], line):
            found_totals.extend(totals(sentence, line))
            found_changes.extend(changes(sentence, line))
            found_shares.extend(shares(sentence, line, earlier))
        recent_totals[number] = [q for q in by_line[number] if not q.percent and TOTAL_BEFORE.search(q.before[-2:])
                                 and q.before.endswith(("共", "共计", "合计", "总计"))]
    found_totals.extend(table_totals(lines, None))
    signature_texts = [(n, lines[n - 1]) for n in sorted(closing) if signed is None or n != signed.line]
    return DraftFacts(
        period=period,
        signed=signed,
        author=author_unit(signature_texts, _numbered(document, title_lines)),
        dates=dates,
        ranges=ranges,
        quantities=quantities,
        totals=tuple(found_totals),
        changes=tuple(found_changes),
        shares=tuple(found_shares),
        self_references=self_references(lines),
        role_mentions=role_mentions(lines, document.salutation.line if document.salutation else 0),
        people=people(lines, title_lines, closing),
        plan_lines=plan_lines(document) - closing,
        title_lines=title_lines,
        closing_lines=closing,
    )
