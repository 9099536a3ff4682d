"""Rule type ``date-consistency``: dates the draft's own dates contradict.

``check: weekday`` — a 星期 written beside a date that is not that date's weekday;
a date without a year is read in the report's year and in the signature's, and
only a weekday that fits neither is reported.

``check: order`` — a range that ends before it starts (5月20日至12日; 12月20日至
1月5日 crosses the year and stays quiet); an event told as done on a date after
the signature date (not a deadline 前, not a plan, not under a heading of plans; 将 and 要 make a plan
only in the date's own clause — 将上林村…列为… is 把);
a step 会后 dated before the meeting of the line or the line before; a step answering
a review's feedback (lexicon feedback-answered) dated before the feedback handed over
earlier in the draft (feedback-handed-over); 截至 a month end (截至8月底) only where
that month is after the signing's.

``check: year`` — a year left over from another report: the signature dated
before the report's year or more than a year after it; 截至 a date of an earlier
year that is not its year end (截至2024年底 is a base, 截至2024年10月底 is not);
the period of the title written with another year (2024年度 in a 2025年度 report;
not in a comparison, a plan or a quoted title); a deadline (2025年3月底前) that
had passed when the report was signed (even with no period stated); where only the
signature tells the year, 截至 an earlier year's date before an event already told; in a report looking back on its period
(总结, 述职, 年度; not a 调研报告) a sentence opening with an earlier year that tells
results (2024年我公司实现营业收入…, 2024年1—6月完成投资…) with no mention of the
report's year and no 以来 in it; the period's work told as done 于 a date of an
earlier year (均于2024年9月通过验收; not 以来, 起, a comparison, a quoted title, a
调研报告); the title's year where the signature falls more than ``signing_late_days``
after that period and the body's dated events are all of the signature's year.

Message fields: weekday {date}, {stated}, {actual}, {year}; order and year
{this} (the date reported), {other} (the date or period it contradicts), {line}
(where that one stands), {what} (what is wrong, in Chinese).
"""

from __future__ import annotations

import calendar
import datetime
import re
from typing import Iterator, Optional

from checker.model import Document, Span
from checker.analyse.consistency import DraftFacts
from checker.analyse.dates import WEEKDAYS, DateMention, clause_around
from checker.analyse.period import OPENING_PERIOD, PERIOD, THIS_YEAR as OPENING_THIS_YEAR
from checker.settings.wordlists import wordlist
from .base import Finding, OptionError, expect
from .consistency_base import DraftCheck
from checker.settings.lazy_regex import lazy_regex

CHECKS = ("weekday", "order", "year")
# a step told as following the meeting (会后, 会议结束后, 随后)
AFTER_THE_MEETING = lazy_regex(r"会后|会议结束后|散会后|随后|会议之后")
MEETING = lazy_regex(r"召开|会议|推进会|部署会|专题会|座谈会|调度会|动员会")
DEADLINE_AFTER = lazy_regex(r"^[ \t\u3000]*(?:前|以前|之前|底前|起|开始|后|以后|之后|为止)")
FUTURE_WORDS = lazy_regex(r"拟|计划|预计|定于|力争|争取|确保|下一步|届时|预定")
# 将 and 要 make a plan only in the date's own clause: 将上林村…列为…，两个村均于12月26日通过 is 把
CLAUSE_FUTURE_WORDS = lazy_regex(r"(?<!现)将|要")
YEAR_END = lazy_regex(r"^(?:12月(?:底|末|31日)|年底|年末)")
LOOKING_BACK = lazy_regex(r"总结|述职|述责|述廉|年度|年报")
# a report telling its period's results (a 自查 or 情况报告 too, though signed at any time of the year)
TELLING_RESULTS = lazy_regex(r"总结|述职|述责|述廉|年度|年报|自查|情况|汇报")
REPORT_OF_PLANS = lazy_regex(r"计划|要点|打算|安排|思路|方案")
# a title looking back as well as ahead (2025年工作总结和2026年工作思路): its signature belongs to the period
SUMMARY_TOO = lazy_regex(r"总结|述职|述责|述廉|完成情况|工作情况")
# a sentence telling the period's results under another year: 2024年我公司实现营业收入…,
# 2024年1—6月完成投资… (the year, a part of it, the author, then 完成/实现)
RESULTS_OF_YEAR = lazy_regex(
    r"(?:^[ \t\u3000#*]*|[。；])(?P<year>(?:19|20)\d{2})年(?:度|上半年|下半年|前三季度|全年|1[—\-－~至到](?:1[0-2]|[1-9])月)?"
    r"[，,]?(?:[我全本][\u4e00-\u9fff]{1,2}?|[\u4e00-\u9fff]{0,6}?公司)?(?:预计)?(?:共|累计|全年)?(?=完成|实现)")

# a sentence opening with a whole earlier year, or its first months, told as such (2024年全年主持召开
# 党工委会议18次, 2024年1至11月，全镇未发生…): the period's results, whatever the verb
FULL_YEAR = lazy_regex(r"(?:^[ \t\u3000#*]*|[。；])(?P<year>(?:19|20)\d{2})年(?:度?全年|1[—\-－~至到](?:1[0-2]|[2-9])月[，,]?)"
                       r"(?=[\u4e00-\u9fff])")

# the paragraph tells the period's own figure too (今年以来…14次。2024年全年…11次: a comparison)
THIS_PERIOD_TOLD = lazy_regex(r"今年|本年|当年|以来")

# 于 a date: the day something was done (均于2024年9月通过, 我局于2024年4月1日至…开展了)
SENTENCE_START = lazy_regex(r"(?:^|[。；])[ \t\u3000#*]*$")
DONE_ON = lazy_regex(r"(?:^|[^关对属等])于[ \t\u3000]*$")
SINCE_AFTER = lazy_regex(r"^[ \t\u3000]*(?:以来|起|开始|前|以前|之前|底前|之后|以后)")
QUOTED_TITLE = lazy_regex(r"《[^》]*》")
# a plan of the author's own issued under a year (印发《2024年度全面从严治党主体责任清单》): the words of its title after the year
ISSUED_PLAN = lazy_regex(r"(?:印发|制定|出台|制发|下发)了?《(?P<place>[^《》，。]{0,10}?)(?P<year>(?:19|20)\d{2})年度?"
                         r"(?P<rest>[^《》]{2,40})》")
REVIEW_WORDS = lazy_regex(r"考核|考评|评议|总结|决算|审计|通报")
# 自 a month or day of an earlier year to a later one without a year (我局自2024年3月至11月在全县…开展…)
SINCE_TO = lazy_regex(r"(?:^|[^来各])(?:自|从)[ \t\u3000]*$")
THIS_YEAR = lazy_regex(r"今年|本年|当年|年内")
# what a deadline is for (预计2025年汛前全部完工, 确保2025年国庆前通车)
DONE_BY = lazy_regex(r"(?:完成|完工|建成|投用|投入使用|到位|通车|竣工|交付|销号|整改|办结|清零|落地|开工|实现|达到)")
# what a 截至 clause tells of work done (截至…累计完成投资, 已全部完工)
PROGRESS = lazy_regex(r"(?:[\u4e00-\u9fff]{0,8}?(?:累计|已|全部))?(?:完成|完工|建成|竣工|办结|销号)")
THIS_PERIOD_NAMED = lazy_regex(r"今年|本年|全年|年内|当年")
# a project started and finished (于3月5日全面开工 … 12月26日主线建成通车)
STARTED = lazy_regex(r"开工|动工|开建|开始施工|进场施工|启动建设")
FINISHED = lazy_regex(r"建成|完工|竣工|通车|投入使用|投用|交付使用")
NEXT_YEAR = lazy_regex(r"次年|翌年|明年|今年|本年|当年|(?:19|20)\d\d年")
LAST_YEAR = lazy_regex(r"去年|上年|前年|上一年")  # 去年12月5日开工，3月20日竣工
# a sentence telling of an earlier step (此前，县审计局要求整改时限为5月30日): not the feedback's
EARLIER_STEP = lazy_regex(r"此前|之前|曾|先前|原定|原要求")
# a sentence telling how a deadline went: no plan left open
TOLD_DONE = lazy_regex(r"已|如期|提前|按期|顺利")  # in the deadline's own clause
TOLD_OTHERWISE = lazy_regex(r"实际|原(?:计划|定|预计)")  # anywhere in its sentence
# an event told done under a heading of plans (12月10日，我局召开了…总结会)
DONE_WITH_LE = lazy_regex(r"^[^。；]*?(?:召开|举办|开展|进行|完成|印发|组织|举行|通报)了")
DONE_VERBS = lazy_regex(r"通过|完成|建成|验收|开展|召开|举办|实现|投入使用|竣工|组织|印发|出台|成立")


def _name(day: int) -> str:
    return WEEKDAYS[day]


def _title(document: Document, facts: DraftFacts) -> str:
    """The lines of the title block, joined by a blank."""
    return " ".join(document.lines[n - 1] for n in facts.title_lines)


def _in_quoted_title(line: str, position: int) -> bool:
    """``position`` stands inside a 《…》 opened before it on the line."""
    opened = line.rfind("《", 0, position)
    return opened >= 0 and line.rfind("》", 0, position) < opened


def _own_clause(before: str, after: str) -> str:
    """The comma-clause of a mention, from the text of its sentence before and
    after it (clause_around)."""
    return before.rsplit("，", 1)[-1] + after.split("，", 1)[0]


class DateConsistencyRule(DraftCheck):
    CHECKS = CHECKS
    # this many events told after the signature date make the signature the odd one (one finding there)
    ODD_SIGNATURE_EVENTS = 3
    OPTIONS = {"check": None, "signing_grace_years": 1, "signing_early_days": 60, "signing_late_days": 120,
               "seasons": {}}

    def __init__(self, options: dict):
        super().__init__(options)
        options = self.options
        self.grace = expect(options["signing_grace_years"], int, "signing_grace_years", "a whole number of years")
        self.early_days = expect(options["signing_early_days"], int, "signing_early_days", "a whole number of days")
        self.late_days = expect(options["signing_late_days"], int, "signing_late_days", "a whole number of days")
        seasons = expect(options["seasons"], dict, "seasons", "a mapping of season words to the last day they may mean")
        self.seasons: dict[str, tuple[int, int]] = {}
        for word, last in seasons.items():
            day = re.fullmatch(r"(1[0-2]|0?[1-9])-(3[01]|[12]\d|0?[1-9])", str(last)) if isinstance(word, str) else None
            if not word or day is None:
                raise OptionError("option 'seasons' maps each season word (汛前) to the last day it may mean, as MM-DD")
            self.seasons[word] = (int(day.group(1)), int(day.group(2)))
        self.season_deadline = re.compile(
            r"(?P<year>(?:19|20)\d{2})年(?P<season>" + "|".join(sorted(map(re.escape, self.seasons), key=len, reverse=True))
            + r")(?:末|底)?(?:前|以前|之前)?(?=[\u4e00-\u9fff]{0,6}?" + DONE_BY.pattern + ")") if self.seasons else None

    # -- weekday ---------------------------------------------------------------
    def _weekday(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        for date in facts.dates:
            if date.weekday is None or date.day is None:
                continue
            years = [date.year] if date.year else self._years_of(date, facts)
            actual = [date.weekday_in(year) for year in years]
            if not years or None in actual or date.weekday in actual:
                continue
            yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                          {"date": date.text, "stated": _name(date.weekday), "actual": _name(actual[0]),
                           "year": years[0]})

    @staticmethod
    def _years_of(date: DateMention, facts: DraftFacts) -> list[int]:
        """The years a date without one may be in: the report's; the signature's too
        where the date falls between the period's end and the signing (1月5日 in a
        2025 report signed on 9 January 2026)."""
        years = []
        if facts.signature_suspect and facts.year_of(date):
            years.append(facts.year_of(date))  # the year of the dates around it, not the odd signature's
        if facts.period is not None and facts.period.year not in years:
            years.append(facts.period.year)
        signed = facts.signed
        if signed is not None and signed.year not in years:
            when = date.on(signed.year)
            if not years or (when is not None and when <= signed.on(signed.year)):
                years.append(signed.year)
        return years

    # -- order -----------------------------------------------------------------
    def _order(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        yield from self._ranges(facts)
        yield from self._after_signature(document, facts)
        yield from self._after_meeting(document, facts)
        yield from self._before_feedback(document, facts)
        yield from self._finished_before_started(document, facts)
        yield from self._before_the_disaster(document, facts)

    def _ranges(self, facts: DraftFacts) -> Iterator[Finding]:
        for span in facts.ranges:
            start, end = span.start, span.end
            year = facts.year_of(start) or 2000
            first, second = start.on(year), end.on(end.year or year)
            if first is None or second is None or second >= first:
                continue
            if not start.year and not end.year and start.month >= 10 and end.month <= 3:
                continue  # 12月20日至1月5日 crosses the year
            yield Finding(Span.on_line(end.line, end.column - 1, end.end_column - 1),
                          {"this": end.text, "other": start.text, "line": start.line,
                           "what": "时间段的结束日期早于开始日期"})

    def _after_signature(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        signed = facts.signed
        title = _title(document, facts)
        if signed is None or self._signature_out_of_period(facts, title) or facts.signature_suspect:
            return  # a signature outside the period, or before the body's years, is year-mismatch's
        signed_on = signed.on(signed.year)
        range_ends = {id(r.end) for r in facts.ranges}
        later: list[DateMention] = []
        for date in facts.dates:
            line = document.lines[date.line - 1]
            if not facts.told_done(date.line) and not (
                    date.line in facts.plan_lines and DONE_WITH_LE.search(clause_around(line, date.column - 1,
                                                                                       date.end_column - 1)[1])):
                continue  # under a heading of plans only an event told done (召开了…，进行了通报表扬)
            if date.day is None and not (date.edge in ("底", "末") and line[:date.column - 1].rstrip(" \t\u3000")
                                         .endswith(("截至", "截止", "截止到", "截至到"))):
                continue  # a month counts only as 截至 its end (截至2025年11月底 signed in October)
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            clause = _own_clause(before, after)
            # a plan told before an 已 of the sentence is another step's (计划将管网延伸至…，工程已完成招标，
            # 于7月21日进场施工)
            told = before.rsplit("已", 1)[-1] if "已" in before else before
            # what is told of the date: its clause, or the next one where the date opens its own
            # (截至9月底，已打通通车5条，…，预计12月底前全部通车: 预计 is of another step)
            predicate = "，".join(after.split("，", 2)[:2]) if after.startswith("，") else after.split("，", 1)[0]
            if DEADLINE_AFTER.match(line[date.end_column - 1:]) or FUTURE_WORDS.search(told + predicate) \
                    or CLAUSE_FUTURE_WORDS.search(clause):
                continue
            if id(date) in range_ends:
                continue
            when = date.on(facts.year_of(date) or signed.year)
            if when is None or signed_on is None or when <= signed_on:
                continue
            if date.day is None and (when.year, when.month) == (signed_on.year, signed_on.month):
                continue  # 截至7月底 signed on 30 July: the month of the signing
            later.append(date)
        if len(later) >= self.ODD_SIGNATURE_EVENTS:  # the signature is the odd one: one finding, at it
            yield Finding(Span.on_line(signed.line, signed.column - 1, signed.end_column - 1),
                          {"this": signed.text, "other": later[0].text, "line": later[0].line,
                           "what": "落款日期早于正文所述多项事项的日期"})
            return
        for date in later:
            yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                          {"this": date.text, "other": signed.text, "line": signed.line,
                           "what": "所述事项的日期晚于落款日期"})

    def _after_meeting(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        meeting: Optional[tuple[DateMention, datetime.date]] = None
        for date in facts.dates:
            if date.day is None:
                continue
            line = document.lines[date.line - 1]
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            when = date.on(facts.year_of(date) or 2000)
            if when is None:
                continue
            if meeting is not None and date.line - meeting[0].line <= 1 and AFTER_THE_MEETING.search(before + line[
                    max(0, date.column - 12):date.column - 1]) and when < meeting[1]:
                yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                              {"this": date.text, "other": meeting[0].text, "line": meeting[0].line,
                               "what": "会后事项的日期早于会议日期"})
                continue
            if MEETING.search(after) or MEETING.search(before):
                meeting = (date, when)

    @staticmethod
    def _finished_before_started(document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """In one sentence, a project finished (建成通车, 竣工, 投入使用) on a date before the
        date it started (于2025年3月5日全面开工，…，2月26日主线建成通车); not 次年/翌年 between."""
        started: Optional[tuple[DateMention, datetime.date, int]] = None  # date, day, sentence start
        for date in facts.dates:
            line = document.lines[date.line - 1]
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            sentence = (date.line, date.column - 1 - len(before))
            if started is not None and (started[0].line, started[2]) != sentence:
                started = None
            when = date.on(facts.year_of(date) or 2000) if date.day is not None else None
            clause = after.split("，", 1)[0]
            if when is None or DEADLINE_AFTER.match(after):
                continue
            if started is not None and FINISHED.search(clause) and when < started[1] \
                    and not NEXT_YEAR.search(line[started[0].end_column - 1:date.column - 1]) \
                    and not LAST_YEAR.search(line[started[2]:started[0].column - 1]):
                yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                              {"this": date.text, "other": started[0].text, "line": started[0].line,
                               "what": "完工日期早于开工日期"})
            elif STARTED.search(clause):
                started = (date, when, sentence[1])

    @staticmethod
    def _before_the_disaster(document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """A step told as following a disaster (灾后…, 水毁道路修复: lexicon after-disaster) dated wholly
        before the disaster told on its line or the line before (7月22日台风过境…。灾后，…7月上旬完成水毁
        道路修复): a month's part counts by its last day (上旬: the 10th); not a deadline (前)."""
        struck, after_words = wordlist("disaster-struck").regex, wordlist("after-disaster").regex
        disaster: Optional[tuple[DateMention, datetime.date]] = None
        for date in facts.dates:
            line = document.lines[date.line - 1]
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            year = facts.year_of(date) or 2000
            if date.day is not None and struck.search(after.split("。", 1)[0]):
                disaster = (date, date.on(year))
                continue
            if disaster is None or disaster[1] is None or date.line - disaster[0].line > 1 \
                    or DEADLINE_AFTER.match(line[date.end_column - 1:]):
                continue
            told = line[disaster[0].end_column - 1 if disaster[0].line == date.line else 0:date.column - 1]
            if not after_words.search(told + after.split("，", 1)[0]):
                continue
            last = date.on(year)
            if last is not None and date.day is None:
                last = last.replace(day={"上旬": 10, "初": 10, "中旬": 20}.get(
                    date.edge, calendar.monthrange(last.year, last.month)[1]))  # 7月: its last day
            if last is not None and last < disaster[1]:
                yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                              {"this": date.text, "other": disaster[0].text, "line": disaster[0].line,
                               "what": "灾后事项的日期早于灾害发生日期"})

    def _before_feedback(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """A step answering a review's feedback (传达学习督察反馈意见) dated before that
        feedback was handed over earlier in the draft (4月15日，督察组向我县反馈了…):
        not a deadline, not a plan; and a time limit set for it (明确整改时限为2025年5月30日:
        lexicon time-limit-words) before that feedback, a plan or not."""
        handed, answered = wordlist("feedback-handed-over").regex, wordlist("feedback-answered").regex
        time_limit = wordlist("time-limit-words").regex
        feedback: Optional[tuple[DateMention, datetime.date]] = None
        for date in facts.dates:
            if date.line in facts.closing_lines:
                continue
            line = document.lines[date.line - 1]
            if (feedback is not None and time_limit.search(line[:date.column - 1].rsplit("，", 1)[-1])
                    and not EARLIER_STEP.search(clause_around(line, date.column - 1, date.end_column - 1)[0])):
                # 明确整改时限为2025年5月30日 after a feedback of 6月18日 (a month: its last day)
                limit = date.on(facts.year_of(date) or 2000) if date.day is not None else \
                    DateMention(date.line, date.column, date.end_column, date.text, date.year, date.month, None,
                                "底").on(facts.year_of(date) or 2000)
                if limit is not None and limit < feedback[1]:
                    yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                                  {"this": date.text, "other": feedback[0].text, "line": feedback[0].line,
                                   "what": "整改时限早于反馈日期"})
                continue
            if date.day is None or date.line in facts.plan_lines:
                continue
            when = date.on(facts.year_of(date) or 2000)
            if when is None or DEADLINE_AFTER.match(line[date.end_column - 1:]):
                continue
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            clause = after.split("。", 1)[0]
            if handed.search(clause):
                feedback = (date, when)
            elif (feedback is not None and when < feedback[1] and answered.search(clause)
                  and not FUTURE_WORDS.search(before + after)):
                yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                              {"this": date.text, "other": feedback[0].text, "line": feedback[0].line,
                               "what": "落实反馈意见的日期早于反馈日期"})

    # -- year ------------------------------------------------------------------
    def _year(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        period = facts.period
        yield from self._past_deadlines(document, facts)
        yield from self._past_seasons(document, facts)
        if facts.signature_suspect:
            yield from self._signed_before_the_body(document, facts)
            return
        if period is None or period.source == "signature":
            if facts.signed is not None:  # the year only the signature tells: 截至 before what was told
                yield from self._as_of(document, facts, facts.signed.year, facts.signed.text, told_before=True)
            return
        title = _title(document, facts)
        yield from self._signature_year(facts, title)
        yield from self._title_year(document, facts, title)
        yield from self._as_of(document, facts, period.year, period.text)
        yield from self._period_again(document, facts)
        yield from self._opening_year(document, facts, title)
        yield from self._header_period_twice(document, facts)
        yield from self._results_of_another_year(document, facts)
        yield from self._done_in_another_year(document, facts, title)
        yield from self._plan_of_another_year(document, facts, title)

    @staticmethod
    def _signed_before_the_body(document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """The signature dated in a year before two or more dated events of the body,
        no period stated (落款2024年7月15日 under 2025年4月22日，巡察组反馈…): one finding,
        at the signature, against the first such event."""
        signed = facts.signed
        first = next(date for date in facts.dates if date.year and date.day is not None and date.year > signed.year
                     and date.line not in facts.closing_lines and date.line not in facts.title_lines)
        yield Finding(Span.on_line(signed.line, signed.column - 1, signed.end_column - 1),
                      {"this": signed.text, "other": first.text, "line": first.line,
                       "what": "落款日期早于正文所述事项的日期"})

    def _signature_year(self, facts: DraftFacts, title: str) -> Iterator[Finding]:
        signed, period = facts.signed, facts.period
        what = self._signature_out_of_period(facts, title)
        if what:
            yield Finding(Span.on_line(signed.line, signed.column - 1, signed.end_column - 1),
                          {"this": signed.text, "other": period.text, "line": period.line or signed.line,
                           "what": what})

    def _title_year(self, document: Document, facts: DraftFacts, title: str) -> Iterator[Finding]:
        """The title's year where the signature, signed long after that period ended
        (more than ``signing_late_days``), and the dates of the body are of a later
        year (青禾县卫生健康局2024年度工作总结 signed 2025年12月18日 over a body of 2025)."""
        signed, period = facts.signed, facts.period
        if (signed is None or period.source != "title" or REPORT_OF_PLANS.search(title) or not period.line
                or signed.year <= period.year or self._signature_out_of_period(facts, title)):
            return
        signed_on = signed.on(signed.year)
        if signed_on is None or (signed_on - period.end).days <= self.late_days:
            return
        years = [date.year for date in facts.dates if date.year and date is not signed
                 and facts.told_done(date.line)]
        later, own = years.count(signed.year), sum(year <= period.year for year in years)
        first = next(document.paragraphs(), None)
        opening = document.lines[first.line - 1] if first is not None else ""
        opened = OPENING_PERIOD.match(opening)
        if opened and int(opened.group("year")) == signed.year:
            later += 2  # 2025年，… opening a 2024年 report signed in 2025: the period stated again
        elif OPENING_THIS_YEAR.match(opening):
            later += 1  # 今年以来，…
        if later < 2 or own:
            return
        line = document.lines[period.line - 1]
        column = line.find(period.text)
        if column < 0:
            return
        yield Finding(Span.on_line(period.line, column, column + len(period.text)),
                      {"this": period.text, "other": signed.text, "line": signed.line,
                       "what": "标题中的报告期与落款日期、正文所述年份不一致"})

    def _signature_out_of_period(self, facts: DraftFacts, title: str) -> str:
        """What is wrong with the signature date against the title's period, or "":
        another year, or — for a report looking back on its period (总结, 述职,
        年度) — a date long before the period ends (a 2025年度 report signed on
        8 January 2025 is last year's)."""
        signed, period = facts.signed, facts.period
        if signed is None or period is None or period.source == "signature" or (
                REPORT_OF_PLANS.search(title) and not SUMMARY_TOO.search(title)):
            return ""
        if signed.year < period.year or signed.year > period.year + self.grace:
            return "落款日期不在报告期内"
        signed_on = signed.on(signed.year)
        if (period.source == "title" and LOOKING_BACK.search(title) and signed_on is not None
                and (period.end - signed_on).days > self.early_days):
            return "落款日期早于报告期结束"
        return ""

    def _as_of(self, document: Document, facts: DraftFacts, year: int, stated: str,
               told_before: bool = False) -> Iterator[Finding]:
        """截至 a date of a year before ``year`` that is not its year end. Where
        only the signature tells the report's year (``told_before``), only a 截至
        before a dated event the draft has already told (2025年4月15日，督察组反馈…；
        截至2024年10月31日，整改取得成效) is reported."""
        comparison = wordlist("comparison-words").regex
        for date in facts.dates:
            if not date.year or date.year >= year or date.line in facts.plan_lines:
                continue
            line = document.lines[date.line - 1]
            if not line[:date.column - 1].rstrip(" \t\u3000").endswith(("截至", "截止", "截止到", "截至到", "到")):
                continue
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            if (YEAR_END.match(date.text.split("年", 1)[1]) or (date.month == 12 and date.edge in ("底", "末"))) \
                    and not self._progress_at_year_end(after, year):
                continue  # 截至2024年底，全镇共有企业87家: a base
            if comparison.search(after.split("，")[0]):
                continue
            if told_before:
                cutoff = date.on(date.year)
                told = [earlier for earlier in facts.dates if earlier.year and earlier.day is not None
                        and (earlier.line, earlier.column) < (date.line, date.column)
                        and cutoff is not None and earlier.on(earlier.year) > cutoff]
                if not told:
                    continue
                stated, stated_line, what = told[-1].text, told[-1].line, "截至日期早于前文所述事项的日期"
            else:
                stated_line, what = facts.period.line, "截至日期不在报告期内"
            yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                          {"this": date.text, "other": stated, "line": stated_line or date.line, "what": what})

    @staticmethod
    def _progress_at_year_end(after: str, year: int) -> bool:
        """截至2024年12月底累计完成投资1.96亿元 in a 2025 report: the progress of the work,
        not a base — the clause tells it done, and its sentence names no year of the
        report, 今年 or 全年, nor a comparison."""
        sentence = after.split("。", 1)[0]
        return bool(PROGRESS.match(after.lstrip("，, \t\u3000"))) and f"{year}年" not in sentence \
            and not THIS_PERIOD_NAMED.search(sentence) and not wordlist("comparison-words").regex.search(sentence)

    def _period_again(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        period = facts.period
        if not period.part:
            return
        comparison = wordlist("comparison-words").regex
        plan = wordlist("plan-words").regex
        earlier_event = wordlist("earlier-events").regex
        for number, line in enumerate(document.lines, 1):
            if number == period.line or number in facts.plan_lines or number in facts.title_lines:
                continue
            if line.lstrip().startswith("|") and (period.text in line or len(set(PERIOD.findall(line))) < len(
                    PERIOD.findall(line))):
                continue  # a table's columns: this period and last year's side by side, or one period twice
            for match in PERIOD.finditer(line):
                if (match.group("part") or "") != period.part or int(match.group("year")) >= period.year:
                    continue  # a later year is the plans (…情况和2026年度工作安排), not a leftover
                if earlier_event.match(line[match.end():]):
                    continue  # 2024年度民主生活会查摆的问题: last year's meeting, named so
                if _in_quoted_title(line, match.start()):
                    continue
                before, after = clause_around(line, match.start(), match.end())
                clause = before + after.split("，")[0]
                if comparison.search(clause) or plan.search(before.rsplit("，", 1)[-1]):
                    continue  # 根据…通知要求，现将本人2024年度…: 要 of another clause
                yield Finding(Span.on_line(number, match.start(), match.end()),
                              {"this": match.group(0), "other": period.text, "line": period.line,
                               "what": "报告期与标题不一致"})

    @staticmethod
    def _opening_year(document: Document, facts: DraftFacts, title: str) -> Iterator[Finding]:
        """The first paragraph opening with an earlier year than the title's period
        (2024年，在港城区委的坚强领导下，我认真履行… under …2025年度…述职报告): last year's
        opening; not 2024年以来, not a sentence that names the period's year too, not a plan."""
        period = facts.period
        first = next(document.paragraphs(), None)
        if period.source != "title" or first is None or REPORT_OF_PLANS.search(title) or first.line in facts.plan_lines:
            return
        line = document.lines[first.line - 1]
        opened = OPENING_PERIOD.match(line)
        if opened is None or int(opened.group("year")) >= period.year or "以来" in opened.group(0) \
                or RESULTS_OF_YEAR.match(line) or FULL_YEAR.match(line):
            return  # 2024年，全镇预计完成…: the results of another year, reported as such
        sentence = line[opened.end():].split("。", 1)[0]
        if f"{period.year}年" in sentence or THIS_YEAR.search(sentence):
            return
        yield Finding(Span.on_line(first.line, opened.start("year"), opened.end("year") + 1),
                      {"this": opened.group("year") + "年", "other": period.text, "line": period.line,
                       "what": "开头所述年份与标题的报告期不一致"})

    @staticmethod
    def _header_period_twice(document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """A table's header naming one earlier period twice and the report's period not at all
        (| 收入项目 | 2024年上半年（万元） | 2024年上半年（万元） | in a 2025年上半年 report): the
        current column labelled as last year's; reported at the first."""
        period = facts.period
        for number, line in enumerate(document.lines, 1):
            if not line.lstrip().startswith("|") or "年" not in line or not facts.told_done(number):
                continue
            found = [match for match in PERIOD.finditer(line)]
            texts = [match.group(0) for match in found]
            if any(int(match.group("year")) >= period.year for match in found):
                continue
            twice = next((match for match in found if texts.count(match.group(0)) > 1), None)
            if twice is not None:
                yield Finding(Span.on_line(number, twice.start(), twice.end()),
                              {"this": twice.group(0), "other": period.text, "line": period.line,
                               "what": "表头两列写成同一个往年期间，没有报告期"})

    def _results_of_another_year(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """A sentence opening with an earlier year and telling results (2024年我公司实现
        营业收入…) in a report on a later one, when nothing in it names the report's
        year (2024年实现10.85亿元，2025年实现12.64亿元 stays quiet)."""
        period = facts.period
        title = _title(document, facts)
        if REPORT_OF_PLANS.search(title) or not TELLING_RESULTS.search(title) or "调研" in title:
            return  # a 调研报告 may well cite last year's full-year figures
        comparison = wordlist("comparison-words").regex
        for number, line in enumerate(document.lines, 1):
            if not facts.told_done(number):
                continue
            results = {m.start("year"): m for m in RESULTS_OF_YEAR.finditer(line)}
            whole_years = {m.start("year"): m for m in FULL_YEAR.finditer(line) if m.start("year") not in results}
            for match in [*results.values(), *whole_years.values()]:
                year = int(match.group("year"))
                if year >= period.year:
                    continue
                end = min([p for p in (line.find(m, match.end()) for m in "。；") if p >= 0] or [len(line)])
                sentence = line[match.start("year"):end]
                if comparison.search(match.group(0)) or str(period.year) + "年" in sentence or "以来" in sentence:
                    continue
                rest = line[:match.start("year")] + line[end:]
                if match.start("year") in whole_years and (THIS_PERIOD_TOLD.search(rest) or f"{period.year}年" in rest):
                    continue  # 今年以来…研究14次。2024年全年共研究11次: last year's beside this year's
                yield Finding(Span.on_line(number, match.start("year"), match.start("year") + 5),
                              {"this": f"{year}年", "other": period.text, "line": period.line,
                               "what": "所述成绩的年份不在报告期内"})

    def _done_in_another_year(self, document: Document, facts: DraftFacts, title: str) -> Iterator[Finding]:
        """The period's work told as done 于 a date of an earlier year, or on a day of an earlier
        year opening its sentence (两个村均于2024年9月通过验收, 我局于2024年4月1日至10月31日…开展了,
        2024年3月15日，镇党委召开… in a 2025 report): not history
        (以来, 起), a comparison, a quoted title, a plan, nor a 调研报告 or a plan report."""
        period = facts.period
        if REPORT_OF_PLANS.search(title) or "调研" in title:
            return
        comparison = wordlist("comparison-words").regex
        for date in facts.dates:
            if not date.year or date.year >= period.year or not facts.told_done(date.line):
                continue
            line = document.lines[date.line - 1]
            # 于 a date, or a day opening its sentence (2024年3月15日，镇党委召开…)
            opening = date.day is not None and SENTENCE_START.search(line[:date.column - 1])
            # 自2024年3月至11月…开展: a span of the earlier year told as the period's own work (not 至今)
            span = SINCE_TO.search(line[:date.column - 1]) and re.match(r"[ \t\u3000]*(?:至|到|—|－|-)[ \t\u3000]*(?:1[0-2]|[1-9])月",
                                                                         line[date.end_column - 1:])
            if not (DONE_ON.search(line[:date.column - 1]) or opening or span) \
                    or SINCE_AFTER.match(line[date.end_column - 1:]):
                continue
            if _in_quoted_title(line, date.column - 1):
                continue
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            clause = _own_clause(before, after)
            told = after.split("，", 2)[1] if opening and after.startswith("，") and after.count("，") else after
            done = DONE_VERBS.search(told.split("，", 1)[0])
            if comparison.search(clause) or done is None or after[done.end():done.end() + 1] == "的":
                continue  # 于2024年3月成立的专班: an earlier event as a modifier
            sentence = QUOTED_TITLE.sub("", before + after)
            if f"{period.year}年" in sentence or THIS_YEAR.search(sentence):
                continue  # 于2024年12月建成，今年3月投入使用: history beside the period's own
            yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                          {"this": date.text, "other": period.text, "line": period.line or date.line,
                           "what": "所述事项的年份不在报告期内"})

    @staticmethod
    def _plan_of_another_year(document: Document, facts: DraftFacts, title: str) -> Iterator[Finding]:
        """A plan of the author's own issued in the period under an earlier year (印发《2024年度全面从严
        治党主体责任清单》 in a 2025 report: lexicon year-plan-documents): not a review of that year
        (《2024年度考核方案》), not in a plan, a comparison, a 调研报告 or a plan report."""
        period = facts.period
        if REPORT_OF_PLANS.search(title) or "调研" in title:
            return
        ends, comparison = wordlist("year-plan-documents").regex, wordlist("comparison-words").regex
        for number, line in enumerate(document.lines, 1):
            if "《" not in line or not facts.told_done(number):
                continue
            for match in ISSUED_PLAN.finditer(line):
                rest = match.group("rest")
                if int(match.group("year")) >= period.year or not ends.search(rest) or REVIEW_WORDS.search(rest):
                    continue
                before, after = clause_around(line, match.start(), match.end())
                if comparison.search(before + after):
                    continue
                yield Finding(Span.on_line(number, match.start("year"), match.start("year") + 5),
                              {"this": match.group("year") + "年", "other": period.text, "line": period.line or number,
                               "what": "本期印发的文件年份不在报告期内"})

    def _past_deadlines(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        signed = facts.signed
        if signed is None:
            return
        signed_on = signed.on(signed.year)
        plan, time_limit = wordlist("plan-words").regex, wordlist("time-limit-words").regex
        for date in facts.dates:
            if not date.year:
                continue
            line = document.lines[date.line - 1]
            if not re.match(r"[ \t\u3000]*(?:前|以前|之前)", line[date.end_column - 1:]):
                continue
            before, after = clause_around(line, date.column - 1, date.end_column - 1)
            if date.line not in facts.plan_lines and not plan.search(before + after) \
                    and not time_limit.search(before.rsplit("，", 1)[-1]):
                continue  # 限期在2025年1月底前整改到位: a time limit set is a plan too
            deadline = date.on(date.year)
            if deadline is None or signed_on is None or deadline >= signed_on:
                continue
            yield Finding(Span.on_line(date.line, date.column - 1, date.end_column - 1),
                          {"this": date.text, "other": signed.text, "line": signed.line,
                           "what": "期限早于落款日期，已经过去"})

    def _past_seasons(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """A deadline given as a season or a part of a year (预计2025年汛前全部完工, 确保2025年
        国庆前通车, 计划于2025年三季度末前完成) that had passed when the report was signed: the
        last day the season may mean (option ``seasons``) before the signature date; only in a
        plan (a plan word in its sentence or a heading of plans), not where its clause tells it done
        (已, 如期, 提前…) or its sentence tells how it went (实际, 原计划…)."""
        signed = facts.signed
        if signed is None or self.season_deadline is None:
            return
        signed_on = signed.on(signed.year)
        plan = wordlist("plan-words").regex
        for number, line in enumerate(document.lines, 1):
            if "年" not in line or number in facts.title_lines or number in facts.closing_lines:
                continue
            for match in self.season_deadline.finditer(line):
                month, day = self.seasons[match.group("season")]
                try:
                    deadline = datetime.date(int(match.group("year")), month, day)
                except ValueError:
                    continue
                if signed_on is None or deadline >= signed_on:
                    continue
                before, after = clause_around(line, match.start(), match.end())
                if (number not in facts.plan_lines and not plan.search(before + after)) \
                        or TOLD_DONE.search(_own_clause(before, after)) or TOLD_OTHERWISE.search(before + after):
                    continue  # 已于2025年汛前完工; 原计划2025年汛前完工，实际…: history
                yield Finding(Span.on_line(number, match.start(), match.end()),
                              {"this": match.group(0), "other": signed.text, "line": signed.line,
                               "what": "期限早于落款日期，已经过去"})
