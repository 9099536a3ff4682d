"""Rule type ``figure-consistency``: figures the draft's own figures contradict.

``check: sum`` — a total whose parts, listed after 其中 with 、 between them and in
the total's unit, add up to more than it (fewer may be a partial list and stays
quiet); a Markdown table's 合计 row that is not the sum of its column (no 小计
rows); names listed and then counted (宣传组、督查组、保障组三个工作组). Tolerance: the
rounding of every written figure (half its last digit; none for a whole number of
things counted, in a table where the column's header names such a unit).

``check: growth`` — a change whose rate, points or difference its two figures
contradict (由21460元增至23180元，增长9.0%; 由68.5%提高到72.3%，提高4.8个百分点;
较2020年底的620家增加670家); a share or rate its part and whole contradict (受理152件，
办结148件，办结率95.4%; 42家中有29家…，占60.9%); a rate that cannot exceed 100% above
it (签订率102%); a share of a target (完成年度目标16亿元的55.9%) and a table row's
rate (办结率 against 上报 and 办结). Tolerance: the stated rate may be off by the rounding of each
written figure; a rise of a percentage written as % may be read as points or as
a relative rise, and only a figure that fits neither is reported.

``check: conflict`` — one thing counted twice with two values, where the draft
makes plain it is the same thing (Facts.draft.counts and .rests, read by
checker/analyse/recounts.py): the size of a named whole stated again, a recount in
a relative clause (完成除险加固的8座水库) against the statement its verb and thing
name, the rest of a task (剩余6个问题) against the rest stated or implied before, a
text figure against a nearby table's 合计 in the column its words name, and the
same words alone (6 characters or more) naming a count again. Two counts that
merely share a verb are not compared. Left alone: estimates, percentages,
comparisons, another year, 分别, a stock that changed, plans (but a rest, a
recount or a whole named as such), two places, candidates that disagree among
themselves.

Message fields: sum {total}, {sum}, {parts}, {line}; growth {stated}, {expected},
{basis}, {line}; conflict {thing}, {this}, {other}, {line}.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator, Optional

from checker.model import Document, Span
from checker.analyse.consistency import DraftFacts
from checker.analyse.quantities import Quantity
from checker.analyse.recounts import QUALIFIED, Count, Rest
from checker.settings.wordlists import lazy_lexicon_regex
from .base import Finding
from .consistency_base import DraftCheck
from checker.settings.lazy_regex import lazy_regex

CHECKS = ("sum", "growth", "conflict")
SCOPES = lazy_regex(r"累计|全年|上半年|下半年|前三季度|第?[一二三四]季度|新增|新建|现有|共有|拥有|辖有|总|年均|月均|人均|户均|"
                    r"村均|平均|日均|当年|本年|其中|每")
# a count of the period's new things opening its words (新建高标准农田3.2万亩): the period's own, named
# the same at any place of the draft; other scopes (累计, 现有, 总…) may be at another date
NEW_OPENING = lazy_regex(r"^(?:新建|新增)(?!.*(?:累计|上半年|下半年|前三季度|季度|现有|共有|总|均|其中|每))")
SAME_UNIT = {"名": "人", "位": "人"}  # 职工386人 … 386名职工: one unit
OTHER_YEAR = lazy_regex(r"((?:19|20)\d{2})年")
PLACE = lazy_regex(r"全(?!部).+")  # 全县, 全镇: a place; 全部, 所有, 辖区 are no other place
DIGIT = lazy_regex(r"\d")
# times a sentence may name before a count; a whole's leave out 截至…月底 (the stock as of a date)
WHEN = lazy_regex(r"全年|上半年|下半年|前三季度|第?[一二三四]季度末?|年初|年中|年底|年末|"
                  r"\d{1,2}(?:—|－|-|～|至)\d{1,2}月|\d{1,2}月(?:份|底|末|初)?")
WHOLE_WHEN = lazy_regex(r"上半年|下半年|前三季度|第?[一二三四]季度末?|年初|年中")
# the word lists, compiled once (a list's .regex builds its pattern on every call)
STOCK_CHANGED = lazy_lexicon_regex("{lexicon:stock-changed}")
COMPARISON = lazy_lexicon_regex("{lexicon:comparison-words}")
PLAN_WORDS = lazy_lexicon_regex("{lexicon:plan-words}")
GENERIC_THINGS = lazy_lexicon_regex("{lexicon:generic-things}")
IN_PLAN = lazy_regex(r"纳入[^，。；]{0,8}?计划")
BRACKETED = lazy_regex(r"（[^）]*）|\([^)]*\)")
CJK_ONLY = lazy_regex(r"[\u4e00-\u9fff]+")
STATEMENT_MIN = 6  # the shortest words that alone name what a restated count counts
BUCKET_SIZE = 16  # a thing's first mentions that a later one is compared with: the work stays linear
RECENT = 64  # a unit's latest counts a recount or a rest is looked for among
TABLE_REACH = 20  # lines between a table's 合计 and the text that restates it


def _format(value: float, decimals: int) -> str:
    text = f"{value:.{decimals}f}"
    return text


def _decimals(quantity: Quantity) -> int:
    figure = re.match(r"\d+(?:\.(\d+))?", quantity.text)
    return len(figure.group(1) or "") if figure else 0


def _scale(quantity: Quantity) -> float:
    return 100_000_000 if "亿" in quantity.text else 10_000 if "万" in quantity.text else 1


def _unit_text(quantity: Quantity) -> str:
    return re.sub(r"^(?:\d+(?:\.\d+)?|[两二三四五六七八九十]+)(?:余|多)?", "", quantity.text)


def _overlap(low: float, high: float, quantity: Quantity) -> bool:
    epsilon = 1e-9 * max(1.0, abs(quantity.value))
    return low - epsilon <= quantity.high and quantity.low <= high + epsilon


class FigureConsistencyRule(DraftCheck):
    CHECKS = CHECKS
    OPTIONS = {"check": None}

    # -- sum ---------------------------------------------------------------------
    def _sum(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        for total in facts.totals:
            stated, parts = total.total, total.parts
            added = sum(part.value for part in parts)
            tolerance = sum(part.half_step for part in parts) + stated.half_step
            excess = added - stated.value
            if abs(excess) <= tolerance + 1e-9 * max(1.0, abs(added)):
                continue
            if excess < 0 and not (total.in_table or total.complete) and not _one_transposed(parts, -excess) \
                    and not _one_transposed((stated,), excess):
                continue  # fewer may be a partial list, unless two digits of one part (or the total) swapped make it whole
            if total.in_table:
                shown = _format(added, max(_decimals(stated), 0))
                listed = f"第{parts[0].line}—{parts[-1].line}行"
                span = Span.on_line(stated.line, stated.column - 1, stated.end_column - 1)
            else:
                shown = _format(added / _scale(stated), max(_decimals(p) for p in parts)).rstrip("0").rstrip(".") \
                    + _unit_text(stated)
                listed = "、".join(part.text for part in parts)
                span = Span.on_line(stated.line, min(stated.column, parts[0].column) - 1,
                                    max(stated.end_column, parts[-1].end_column) - 1)
            yield Finding(span, {"total": stated.text, "sum": shown, "parts": listed, "line": stated.line})

    # -- growth ------------------------------------------------------------------
    def _growth(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        for change in facts.changes:
            if change.stated.line in facts.plan_lines:
                continue
            expected = self._expected_change(change)
            if expected is None:
                continue
            start, end, stated = change.start, change.end, change.stated
            yield Finding(Span.on_line(stated.line, stated.column - 1, stated.end_column - 1),
                          {"stated": stated.text, "expected": expected,
                           "basis": f"“{start.text}”与“{end.text}”", "line": start.line})
        for share in facts.shares:
            stated = share.stated
            if stated.line in facts.plan_lines:
                continue
            if share.capped and stated.low > 100:
                yield Finding(Span.on_line(stated.line, stated.column - 1, stated.end_column - 1),
                              {"stated": stated.text, "expected": "不超过100%", "basis": f"“{share.word}”",
                               "line": stated.line})
                continue
            part, whole = share.part, share.whole
            if part is None or whole is None or whole.low <= 0:
                continue
            low, high = part.low / whole.high * 100, part.high / whole.low * 100
            # 检测1248项次，合格1246项次，合格率100%: all is claimed where some are not, however it rounds
            all_claimed = share.capped and stated.text.startswith("100%") and part.high < whole.low
            if _overlap(low, high, stated) and not all_claimed:
                continue
            shown = _format(part.value / whole.value * 100, max(_decimals(stated), 1 if all_claimed else 0)) + "%"
            yield Finding(Span.on_line(stated.line, stated.column - 1, stated.end_column - 1),
                          {"stated": stated.text, "expected": shown,
                           "basis": f"“{part.text}”占“{whole.text}”", "line": whole.line})

    @staticmethod
    def _expected_change(change) -> Optional[str]:
        """The change the two figures give, where the stated one contradicts it."""
        start, end, stated, falls = change.start, change.end, change.stated, change.falls
        if start.low <= 0:
            return None
        if falls:
            difference = (start.low - end.high, start.high - end.low, start.value - end.value)
        else:
            difference = (end.low - start.high, end.high - start.low, end.value - start.value)
        if stated.points or not stated.percent:
            if (stated.points and not (start.percent and end.percent)) or _overlap(difference[0], difference[1], stated):
                return None
            unit = "个百分点" if stated.points else _unit_text(stated)
            return _format(difference[2] / (1 if stated.points else _scale(stated)), _decimals(stated)) + unit
        if falls:
            low, high = (1 - end.high / start.low) * 100, (1 - end.low / start.high) * 100
            relative = (1 - end.value / start.value) * 100
        else:
            low, high = (end.low / start.high - 1) * 100, (end.high / start.low - 1) * 100
            relative = (end.value / start.value - 1) * 100
        if _overlap(low, high, stated):
            return None
        if start.percent and end.percent and _overlap(difference[0], difference[1], stated):
            return None  # 由41.5%下降到37.2%，下降4.3%: read as points
        return _format(relative, _decimals(stated)) + "%"

    # -- conflict ----------------------------------------------------------------
    def _conflict(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        neutral = _period_words(facts)
        home = _home_place(facts)
        tables = _Tables(facts, neutral)
        wholes: dict[tuple[str, str], list[Count]] = {}
        recent: dict[str, list[Count]] = {}  # each unit's latest counts, for recounts
        said: dict[tuple[str, str], list[Count]] = {}
        rests: dict[str, list[Rest]] = {}
        pending = iter(facts.rests)
        rest = next(pending, None)
        for count in (count for count in facts.counts if _judged(count, facts)):
            quantity = count.quantity
            unit = SAME_UNIT.get(quantity.unit, quantity.unit)
            while rest is not None and rest.quantity.line < quantity.line:
                rests.setdefault(rest.unit, []).append(rest)
                rest = next(pending, None)
            other: Optional[tuple[str, Quantity]] = None
            if count.kind == "whole":
                bucket = wholes.setdefault((unit, count.noun[:1]), [])
                if STOCK_CHANGED.search(count.opening):
                    # 新增…60家，全县680家家庭农场…: the stock as it is now, told after a change
                    bucket[:] = [one for one in bucket if not _same_whole(one, count, home)]
                else:
                    other = _against(count, [(one.noun, one.quantity) for one in bucket if _same_whole(one, count, home)])
                _keep(bucket, count)
            elif count.kind == "relative":
                restated = [one for one in recent.get(unit, []) if _restated(one, count, neutral)]
                # the verb right before an earlier figure (已完成整改19个) names it more closely than
                # the same verb elsewhere in its piece (23个问题中已完成整改19个: not the 23)
                close = [one for one in restated if count.verb[-4:] in one.before[-len(count.verb) - 2:]]
                other = _against(count, [(count.noun, one.quantity) for one in close or restated], all_agree=True)
            elif count.kind == "remainder":
                other = _against(count, [("剩余" + count.noun, _valued(rest.quantity, rest.value))
                                         for rest in rests.get(quantity.unit, [])[-RECENT:] if _rest_of(rest, count)],
                                 all_agree=True)
            if other is None and count.kind != "remainder":
                other = tables.figure(count)
            statement = _statement(count, neutral)
            if statement:
                bucket = said.setdefault((unit, statement), [])
                if other is None:
                    other = _against(count, [(statement, one.quantity) for one in bucket
                                             if one.quantity.line != quantity.line
                                             and _when(one, WHEN, neutral) == _when(count, WHEN, neutral)
                                             and not facts.in_sibling_sections(one.quantity.line, quantity.line)
                                             and not facts.in_parent_and_child(one.quantity.line, quantity.line)],
                                     all_agree=True)
                _keep(bucket, count)
            latest = recent.setdefault(unit, [])
            latest.append(count)
            if len(latest) > 2 * RECENT:
                del latest[:RECENT]
            if other is not None:
                thing, first = other
                yield Finding(Span.on_line(quantity.line, quantity.column - 1, quantity.end_column - 1),
                              {"thing": thing, "this": quantity.text, "other": first.text, "line": first.line})


def _keep(bucket: list, count: Count) -> None:
    """A thing's first mentions are kept, a few: the work stays linear."""
    if len(bucket) < BUCKET_SIZE:
        bucket.append(count)


def _judged(count: Count, facts: DraftFacts) -> bool:
    """A count figure-conflict compares: not an estimate, a comparison (较, 同比), a
    figure of another year, a figure of several (分别), a changed stock (由…增至, 新增)
    nor a plan — a plan may restate the rest of a task, a recount, this year's result it
    builds on (在今年…的基础上) or all of a whole named as such (12月底前完成全部8个老旧小区改造, 对全乡58户防返贫监测对象持续跟踪帮扶)."""
    quantity, before = count.quantity, count.before
    if (quantity.approximate or quantity.line in facts.title_lines or quantity.line in facts.closing_lines
            or COMPARISON.search(before) or "分别" in before or "其中" in count.verb):
        return False
    period_year = facts.period.year if facts.period else None
    if {int(year) for year in OTHER_YEAR.findall(before)} - {period_year}:
        return False
    # 纳入改造计划的老旧小区6个 counts what the plan holds: no plan of the clause's own
    planned = quantity.line in facts.plan_lines or PLAN_WORDS.search(
        IN_PLAN.sub("纳入", before) + quantity.text[:1])
    return not planned or count.kind in ("relative", "remainder", "base") or bool(count.place)


def _statement(count: Count, neutral: frozenset[str]) -> str:
    """The words a plain count's piece opens with, when they alone name it
    (改造老旧小区6个; 全年办理不动产登记业务3.62万件; a plan's 在今年完成交通固定资产投资12.9亿元的
    基础上): the same words with another figure state the same thing twice. "" where
    they are short, generic or scoped."""
    words = count.verb if count.kind == "base" else count.before.rsplit("、", 1)[-1]
    for word in sorted(neutral, key=len, reverse=True):
        words = words.removeprefix(word)
    if (count.kind not in ("plain", "base") or len(words) < STATEMENT_MIN or not CJK_ONLY.fullmatch(words)
            or (SCOPES.search(words) and not NEW_OPENING.match(words)) or GENERIC_THINGS.search(words)):
        return ""
    return words


def _when(count: Count, words, neutral: frozenset[str] = frozenset()) -> frozenset[str]:
    """The times the figure's sentence names before it (一季度, 1—5月, 年初…), the report's
    own period aside: two counts of one thing at two times are two counts."""
    return frozenset(words.findall(count.opening)) - neutral


def _home_place(facts: DraftFacts) -> str:
    """What 辖区 means in this draft: the author's own place (全镇, 全县…), "" if unknown."""
    author = facts.author
    if author is None:
        return ""
    if author.type in ("镇", "乡", "街道"):
        return "全" + author.type
    return "全" + author.county[-1] if author.county else ""


def _same_unit(first: Quantity, second: Quantity) -> bool:
    return SAME_UNIT.get(first.unit, first.unit) == SAME_UNIT.get(second.unit, second.unit)


def _same_whole(one: Count, two: Count, home: str) -> bool:
    """Two counts of all of one thing in one place (全县16个乡镇卫生院中 … 其中乡镇卫生院14个);
    辖区 is the author's own place (``home``: 全镇 in a 镇's draft, 全县 in a county
    department's), another place where that is not known."""
    if one.quantity.line == two.quantity.line or not _same_unit(one.quantity, two.quantity):
        return False
    places = {home or place if place.startswith("辖区") else place for place in (one.place, two.place)}
    places = {place for place in places if PLACE.fullmatch(place) or place.startswith("辖区")}
    if _when(one, WHOLE_WHEN) != _when(two, WHOLE_WHEN):
        return False  # 一季度末全县共有… … 上半年末全县…: two times
    if QUALIFIED in (one.place, two.place) and (places or one.verb != two.verb and one.place == two.place):
        return False  # 纳入监测的企业86家 is not all of 全县120家企业, nor 纳入帮扶的企业
    return len(places) < 2 and same_thing(one.noun, two.noun)


def same_thing(first: str, second: str) -> bool:
    """Two names of one thing: one opens the other (乡镇卫生院 … 乡镇卫生院发热门诊), or
    one leaves out up to two characters of the other's (防返贫监测对象, 防返贫动态监测对象),
    with or without what they hold in brackets (学校（含幼儿园）食堂, 学校食堂)."""
    return _same_name(first, second) or _same_name(BRACKETED.sub("", first), BRACKETED.sub("", second))


def _same_name(first: str, second: str) -> bool:
    short, long = sorted((first, second), key=len)
    if len(short) < 2:
        return False
    if long.startswith(short):
        return len(short) >= 3 or short == long
    if len(short) < 4:
        return False
    for name, other in ((first, second), (second, first)):
        for size in range(max(4, len(name) - 2), len(name) + 3):
            opening = other[:size]
            if (len(opening) == size and opening[:2] == name[:2] and opening[-2:] == name[-2:]
                    and (_subsequence(opening, name) or _subsequence(name, opening))):
                return True
    return False


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(letter in letters for letter in short)


def _against(count: Count, candidates: list[tuple[str, Quantity]], all_agree: bool = False
             ) -> Optional[tuple[str, Quantity]]:
    """The earlier count this one contradicts: none where one of them agrees, nor
    (all_agree) where they disagree among themselves."""
    if not candidates or any(_overlap(other.low, other.high, count.quantity) for _, other in candidates):
        return None
    if all_agree and len({other.value for _, other in candidates}) > 1:
        return None
    return candidates[0]


def _restated(one: Count, count: Count, neutral: frozenset[str]) -> bool:
    """An earlier statement a recount names: its piece holds the recount's verb
    (除险加固 of 完成除险加固的6座水库) and names the thing (水库), in one scope."""
    if one.kind == "remainder" or one.sentence == count.sentence and one.quantity.line == count.quantity.line:
        return False
    if not _same_unit(one.quantity, count.quantity) or len(count.noun) < 2 or len(count.verb) < 2:
        return False
    core, thing = count.verb[-4:], count.noun[:4]
    if core not in one.piece or not _names(one, thing):
        return False
    # a part listed after 其中 (其中拆除复耕132个) is what a recount restates: 其中 is no scope here
    neutral = neutral | {"其中"}
    return set(SCOPES.findall(count.verb)) - neutral == set(SCOPES.findall(one.before)) - neutral


def _names(one: Count, thing: str) -> bool:
    """The count's piece names the thing (完成小型水库除险加固6座: 水库), or the piece goes on
    from a count before it in its sentence that does (186个图斑…，其中拆除复耕132个; 实施重点
    项目15个，已开工13个); 检查企业860家 does not name the 食品企业 of 检查的320家食品企业."""
    if thing in one.piece:
        return True
    earlier = one.opening[:len(one.opening) - len(one.before.rsplit("、", 1)[-1])]
    return thing in earlier and bool(DIGIT.search(earlier))


def _rest_of(rest: Rest, count: Count) -> bool:
    """A rest stated or implied on an earlier line, of the same unit, whose sentence
    names the thing the later rest names (剩余6个问题 … 发现问题63个…剩余5个)."""
    return (rest.quantity.line < count.quantity.line and rest.unit == count.quantity.unit
            and (len(count.noun) < 2 or count.noun[:2] in rest.sentence))


def _valued(quantity: Quantity, value: float) -> Quantity:
    if value == quantity.value:
        return quantity
    shown = f"{value:.0f}" if float(value).is_integer() else f"{value:g}"
    return dataclasses.replace(quantity, value=value, half_step=0.0, text=shown + quantity.unit)


class _Tables:
    """The 合计 cells of the draft's tables with their column's header, and the
    counts of each line, to judge a text figure against a nearby table."""

    def __init__(self, facts: DraftFacts, neutral: frozenset[str]):
        self.neutral = neutral
        self.sums = [total for total in facts.totals if total.in_table and total.header]
        self.by_line: dict[int, list[Count]] = {}
        if self.sums:
            for count in facts.counts:
                self.by_line.setdefault(count.quantity.line, []).append(count)

    def figure(self, count: Count) -> Optional[tuple[str, Quantity]]:
        """A table's 合计 nearby whose column the figure's words name (上报事件（件） …
        全街道共上报网格事件1868件; 门急诊人次 … 前三季度门急诊312327人次), when the
        figure is none of that column's cells."""
        quantity, before = count.quantity, count.before
        if not self.sums or "其中" in before or DIGIT.search(before) or WHEN.search(before) and \
                _when(count, WHEN, self.neutral) & frozenset(WHEN.findall(before)):
            return None  # 其中…; 1—5月上报…; 一季度…: a part of the table's total, or another time
        for total in self.sums:
            if abs(total.total.line - quantity.line) > TABLE_REACH:
                continue
            header = total.header.strip("* ")
            bracketed = re.fullmatch(r"(.+?)[（(](.+?)[）)]", header)
            stem, unit = bracketed.groups() if bracketed else (header[:-len(quantity.unit)], quantity.unit) \
                if header.endswith(quantity.unit) else ("", "")
            if len(stem) < 2 or unit != quantity.unit or stem[:2] not in before:
                continue
            named = before[before.rindex(stem[:2]):]
            if not _subsequence(stem, named) or len(named) > len(stem) + 3:
                continue
            if any(_overlap(cell.low, cell.high, quantity) for cell in (total.total, *total.parts)):
                return None
            sums = [other.total for other in self.sums if other.total.line == total.total.line]
            if any(other.sentence == count.sentence and other.quantity.column < quantity.column
                   and not any(_overlap(cell.low, cell.high, other.quantity) for cell in sums)
                   for other in self.by_line.get(quantity.line, [])):
                return None  # 受理热线工单2386件，办结2350件: the sentence counts something else than the table
            return stem, total.total
        return None


def _one_transposed(parts, missing: float) -> bool:
    """A part written with two neighbouring digits swapped (68 for 86) would make the
    sum exact: a typing slip, not a partial list."""
    for part in parts:
        digits = re.match(r"\d+", part.text)
        if digits is None or digits.end() != len(part.text) - len(_unit_text(part)) or _scale(part) != 1:
            continue
        figure = digits.group(0)
        for index in range(len(figure) - 1):
            if figure[index] != figure[index + 1] and not (index == 0 and figure[1] == "0"):
                swapped = figure[:index] + figure[index + 1] + figure[index] + figure[index + 2:]
                if int(swapped) - int(figure) == missing:
                    return True
    return False


def _period_words(facts: DraftFacts) -> frozenset[str]:
    """Scope words that only name the report's own period (上半年 in a half-year
    report, 全年 in an annual one or one whose period is not told): they add nothing."""
    period = facts.period
    if period is None:  # no period found: 全年 is most likely the report's own year
        return frozenset(("全年", "本年", "当年"))
    if period.part in ("", "度"):
        return frozenset(("全年", "本年", "当年"))
    return frozenset((period.part, period.part.removeprefix("第")))
