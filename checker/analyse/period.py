"""The period a draft reports on (2025年度, 2025年上半年, 2025年第三季度) and the
date it is signed.

The period comes from the title block (云溪县自然资源局局长2025年度述职报告), else
from the opening of the first paragraph (2025年，… / 2025年上半年，…), else from
the signature date's year with 今年以来. The signature date is a line that is only
a date at the end of the draft (the closing block).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .dates import DateMention, chinese_number, dates_in_line
from checker.settings.lazy_regex import lazy_regex

PERIOD = lazy_regex(r"(?P<year>(?:19|20)\d{2})年(?P<part>度|上半年|下半年|前三季度|第?[一二三四1-4]季度|(?:1[0-2]|[1-9])月份?)?")
OPENING_PERIOD = lazy_regex(r"^[ \t\u3000#*]*(?P<year>(?:19|20)\d{2})年(?P<part>度|上半年|下半年|前三季度|第?[一二三四1-4]季度)?(?:以来)?[，,]")
THIS_YEAR = lazy_regex(r"^[ \t\u3000]*今年(?:以来|上半年|前三季度|[，,])")
QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class ReportPeriod:
    year: int
    part: str  # "" (the year), 度, 上半年, 下半年, 第三季度, 3月…: as written after 年
    text: str  # as written: 2025年度
    line: int  # where it is stated (0 where taken from the signature)
    source: str  # "title", "opening" or "signature"

    @property
    def end(self) -> datetime.date:
        """The last day of the period."""
        part = self.part
        if part == "上半年":
            return datetime.date(self.year, 6, 30)
        if part.endswith("季度"):
            quarter = QUARTER.get(part.strip("第前季度"), 4)
            month = quarter * 3
            return datetime.date(self.year, month, 30 if month in (6, 9) else 31)
        if part.endswith(("月", "月份")):
            month = int(part.rstrip("份").rstrip("月"))
            following = datetime.date(self.year + month // 12, month % 12 + 1, 1)
            return following - datetime.timedelta(days=1)
        return datetime.date(self.year, 12, 31)

    @property
    def annual(self) -> bool:
        return self.part in ("", "度", "下半年") or self.part.endswith(("四季度",))


def signature_date(lines: Sequence[str], closing_lines: Iterable[int]) -> Optional[DateMention]:
    """The signing date: the last line of the closing block (or, without one, the
    last non-blank line) that holds nothing but a full date."""
    candidates = sorted(set(closing_lines), reverse=True)
    if not candidates:
        last = next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), 0)
        candidates = [last] if last else []
    for number in candidates:
        line = lines[number - 1]
        mentions, _ = dates_in_line(number, line)
        if (len(mentions) == 1 and mentions[0].year is not None and mentions[0].day is not None
                and line.strip() == mentions[0].text.strip()):
            return mentions[0]
    return None


def report_period(title_lines: Sequence[tuple[int, str]], first_paragraph: Optional[tuple[int, str]],
                  signed: Optional[DateMention]) -> Optional[ReportPeriod]:
    """The report's period: from the title block (``(line, text)`` pairs), else the
    first paragraph's opening, else the signature's year where the draft opens
    with 今年以来."""
    for number, text in title_lines:
        for match in PERIOD.finditer(text):
            if "《" in text[:match.start()] and "》" not in text[:match.start()].rsplit("《", 1)[-1]:
                continue  # inside a quoted title
            return ReportPeriod(int(match.group("year")), match.group("part") or "", match.group(0), number, "title")
    if first_paragraph is not None:
        number, text = first_paragraph
        match = OPENING_PERIOD.match(text)
        if match:
            return ReportPeriod(int(match.group("year")), match.group("part") or "",
                                match.group(0).strip(" \t\u3000#*，,"), number, "opening")
        if signed is not None and THIS_YEAR.match(text):
            return ReportPeriod(signed.year, "", f"{signed.year}年", 0, "signature")
    return None


__all__ = ["ReportPeriod", "report_period", "signature_date", "chinese_number"]
