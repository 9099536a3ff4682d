"""Dates a draft states: full dates (2025年3月12日), dates without a year (3月12日),
months (2024年11月底), the 星期 written beside a date (3月12日（星期三）, 3月12日，星期三,
3月12日星期三; a date with dots only with its 星期: 12.3（星期三）), and ranges (5月20日至22日,
2025年8月4日至8月15日). Arabic and Chinese numerals (二〇二五年十二月二十六日).

One regular expression pass per line; the year of a date written without one is
left open here (``year`` is None) and inferred by the rules from the report's
period (checker/analyse/period.py).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from checker.lexicon import CLAUSE_ENDS
from checker.settings.lazy_regex import lazy_regex

CHINESE_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WEEKDAYS = "一二三四五六日"

_YEAR = r"(?P<year>(?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})年"
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
_EDGE = r"(?P<edge>底|末|初|上旬|中旬|下旬)"
_WEEKDAY = (r"(?:[ \t\u3000]*[（(][ \t\u3000]*(?:星期|周|礼拜)(?P<weekday>[一二三四五六日天])[ \t\u3000]*[）)]"
            r"|[，,][ \t\u3000]*星期(?P<weekday2>[一二三四五六日天])(?![一二三四五六日天])"
            # right after the day, no mark between (3月21日星期五，): only a day's
            r"|(?<=日)[ \t\u3000]?(?:星期|礼拜)(?P<weekday3>[一二三四五六日天])(?![一二三四五六日天]))")
DATE = lazy_regex(rf"(?<![\d.０-９])(?:{_YEAR})?{_MONTH}(?:{_DAY}|{_EDGE})?(?:{_WEEKDAY})?")
# a date written with dots (12.3, 2025.12.3) is a date only with its 星期 beside it: 12.3（星期三）
DOT_DATE = lazy_regex(r"(?<![\d.０-９])(?:(?P<year>(?:19|20)\d{2})[.．])?(?P<month>1[0-2]|0?[1-9])[.．]"
                      r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.])"
                      r"[ \t\u3000]*[（(][ \t\u3000]*(?:星期|周|礼拜)(?P<weekday>[一二三四五六日天])[ \t\u3000]*[）)]")
RANGE_CONNECTOR = lazy_regex(r"^[ \t\u3000]*(?:至|到|—|－|–|~|～|-)[ \t\u3000]*$")
DAY_ONLY_END = lazy_regex(r"[ \t\u3000]*(?:至|到|—|－|–|~|～|-)[ \t\u3000]*(?P<day>3[01]|[12]\d|0?[1-9])日")
CLAUSE_END = CLAUSE_ENDS


@dataclass(frozen=True)
class DateMention:
    line: int
    column: int  # 1-based, where the date starts
    end_column: int  # 1-based, exclusive: after the date (and its 星期)
    text: str
    year: Optional[int]  # None where the draft does not write it
    month: int
    day: Optional[int]  # None for a month (2024年11月底)
    edge: str = ""  # 底, 末, 初, 上旬, 中旬, 下旬 after a month
    weekday: Optional[int] = None  # the 星期 written beside it, 0 = Monday
    weekday_column: int = 0  # where that 星期 is written

    def on(self, year: int) -> Optional[datetime.date]:
        """The date in ``year`` (its own year where written); for a month, its
        last day where it says 底/末, else its first; None where impossible."""
        year = self.year or year
        day = self.day
        if day is None:
            day = _month_end(year, self.month) if self.edge in ("底", "末", "下旬") else 1
        try:
            return datetime.date(year, self.month, day)
        except ValueError:
            return None

    def weekday_in(self, year: int) -> Optional[int]:
        date = self.on(year) if self.day is not None else None
        return date.weekday() if date else None


@dataclass(frozen=True)
class DateRange:
    start: DateMention
    end: DateMention  # a day-only end (5月20日至22日) carries the start's month and year


def _month_end(year: int, month: int) -> int:
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return (following - datetime.timedelta(days=1)).day


def chinese_number(text: str) -> Optional[int]:
    """12, 十二, 二十六, 二〇二五 -> int; None if not a number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        tens_value = CHINESE_DIGIT.get(tens, None) if tens else 1
        units_value = CHINESE_DIGIT.get(units, None) if units else 0
        if tens_value is None or units_value is None:
            return None
        return tens_value * 10 + units_value
    digits = [CHINESE_DIGIT.get(char) for char in text]
    if not digits or None in digits:
        return None
    return int("".join(map(str, digits)))


def _mention(number: int, match: re.Match) -> Optional[DateMention]:
    month = chinese_number(match.group("month"))
    day = chinese_number(match.group("day")) if match.group("day") else None
    year = chinese_number(match.group("year")) if match.group("year") else None
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    groups = match.groupdict()
    group = next((name for name in ("weekday", "weekday2", "weekday3") if groups.get(name)), None)
    weekday, weekday_column = None, 0
    if group:
        weekday_text = match.group(group)
        weekday = 6 if weekday_text in "日天" else WEEKDAYS.index(weekday_text)
        weekday_column = match.start(group) + 1
    return DateMention(number, match.start() + 1, match.end() + 1, match.group(0), year, month, day,
                       groups.get("edge") or "", weekday, weekday_column)


def dates_in_line(number: int, line: str) -> tuple[list[DateMention], list[DateRange]]:
    """The dates and date ranges of one line (``number`` is its 1-based number)."""
    mentions: list[DateMention] = []
    ranges: list[DateRange] = []
    previous_match: Optional[re.Match] = None
    for match in DATE.finditer(line):
        mention = _mention(number, match)
        if mention is None:
            continue
        if (previous_match is not None and mentions and mentions[-1].day is not None and mention.day is not None
                and RANGE_CONNECTOR.match(line[previous_match.end():match.start()])):
            start = mentions[-1]
            if mention.year is None and start.year is not None:
                mention = DateMention(mention.line, mention.column, mention.end_column, mention.text, start.year,
                                      mention.month, mention.day, mention.edge, mention.weekday,
                                      mention.weekday_column)
            ranges.append(DateRange(start, mention))
        elif mention.day is not None:
            day_only = DAY_ONLY_END.match(line, match.end())
            if day_only:
                day = int(day_only.group("day"))
                end = DateMention(number, day_only.start("day") + 1, day_only.end() + 1, day_only.group(0).strip(),
                                  mention.year, mention.month, day)
                ranges.append(DateRange(mention, end))
        mentions.append(mention)
        previous_match = match
    if "." in line or "．" in line:
        for match in DOT_DATE.finditer(line):
            mention = _mention(number, match)
            if mention is not None:
                mentions.append(mention)
        mentions.sort(key=lambda mention: mention.column)
    return mentions, ranges


def clause_around(line: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence part before ``start`` and after ``end`` (0-based
    offsets), cut at the sentence ends 。；！？."""
    before_start = max((line.rfind(mark, 0, start) for mark in CLAUSE_END), default=-1) + 1
    after_ends = [position for position in (line.find(mark, end) for mark in CLAUSE_END) if position >= 0]
    return line[before_start:start], line[end:min(after_ends) if after_ends else len(line)]


def all_dates(lines: Sequence[str]) -> tuple[tuple[DateMention, ...], tuple[DateRange, ...]]:
    mentions: list[DateMention] = []
    ranges: list[DateRange] = []
    for number, line in enumerate(lines, 1):
        if "月" not in line and "." not in line and "．" not in line:
            continue
        found, spans = dates_in_line(number, line)
        mentions.extend(found)
        ranges.extend(spans)
    return tuple(mentions), tuple(ranges)
