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

``check: conflict`` — the same thing counted twice with two values (改造老旧小区6个
… 改造老旧小区9个): the words that name it (at least ``min_thing_chars``
characters right before or after the figure, or a whole name before one figure
opening the words after the other) and the unit agree. Left alone:
estimates, percentages, comparisons (较, 同比, 上年), plans and what stands under a
heading of plans, a clause that names another year, and figures whose scope
differs (累计, 全年, 上半年, 人均, 其中, 新建/新增 against a total…).

Message fields: sum {total}, {sum}, {parts}, {line}; growth {stated}, {expected},
{basis}, {line}; conflict {thing}, {this}, {other}, {line}.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.model import Document, Span
from checker.analyse.consistency import DraftFacts
from checker.analyse.dates import clause_around
from checker.analyse.quantities import Quantity
from checker.settings.wordlists import wordlist
from .base import Finding, expect
from .consistency_base import DraftCheck
from checker.settings.lazy_regex import lazy_regex

CHECKS = ("sum", "growth", "conflict")
CONNECTORS = lazy_regex(r"(?:共计|合计|总计|累计|达到|共|达|为|有|计|是)$")
SCOPES = lazy_regex(r"累计|全年|上半年|下半年|前三季度|第?[一二三四]季度|新增|新建|现有|共有|拥有|辖有|总|年均|月均|人均|户均|"
                    r"村均|平均|日均|当年|本年|其中|每")
STOCK = ("累计", "新增", "新建", "现有", "共有", "拥有", "辖有", "总", "其中", "年均", "月均", "人均", "户均", "村均", "平均", "日均", "每", "对")
SAME_UNIT = {"名": "人", "位": "人"}  # 职工386人 … 386名职工: one unit
BUCKET_SIZE = 8  # a thing's first mentions that a later one is compared with: the work stays linear
FIGURE = lazy_regex(r"\d")
WHOLE_BEFORE = lazy_regex(r"全(?:县|镇|乡|区|市|街道|系统)|全部|所有|辖区内?|共有|现有|现设|设有|辖有")
WHOLE_AFTER = lazy_regex(r"^[\u4e00-\u9fff]{2,10}?(?:全部|均|都)")
STOCK_BEFORE = lazy_regex(r"现有|共有|拥有|辖有|实有")
# a clause before the figure's own that names what is counted (对提供餐饮服务的托管类机构，…，检查机构38家)
SCOPED_BY = lazy_regex(r"(?:^|[，。；：])[^，。；：]{0,6}?对(?![\d比照])[^，。；：]{2,}")
WHOLE_RUN_MAX = 10  # the longest whole name looked up among the words after a figure
OTHER_YEAR = lazy_regex(r"((?:19|20)\d{2})年")


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
    OPTIONS = {"check": None, "min_thing_chars": 4, "min_cross_chars": 6}

    def __init__(self, options: dict):
        super().__init__(options)
        options = self.options
        self.min_thing = expect(options["min_thing_chars"], int, "min_thing_chars", "a whole number")
        self.min_cross = expect(options["min_cross_chars"], int, "min_cross_chars", "a whole number")

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
        buckets: dict[tuple, list[tuple[Quantity, str, str]]] = {}
        period_year = facts.period.year if facts.period else None
        comparison = wordlist("comparison-words").regex
        plan = wordlist("plan-words").regex
        reported: set[tuple[int, int]] = set()
        neutral = _period_words(facts)
        for quantity in facts.quantities:
            if (quantity.percent or quantity.points or quantity.approximate or quantity.line in facts.plan_lines
                    or quantity.line in facts.title_lines or quantity.line in facts.closing_lines):
                continue
            line = document.lines[quantity.line - 1]
            if line.lstrip().startswith("|"):
                continue
            before, after = clause_around(line, quantity.column - 1, quantity.end_column - 1)
            clause_before = before.rsplit("，", 1)[-1]
            # the figure's first digit stays after the clause: 将15个… is 把, not a plan
            if comparison.search(clause_before) or plan.search(before + quantity.text[:1]) or "分别" in before:
                continue
            years = {int(y) for y in OTHER_YEAR.findall(clause_before)}
            if years - {period_year}:
                continue
            thing_before = CONNECTORS.sub("", quantity.before)
            scope = _scope(before) - neutral
            if SCOPED_BY.search(before[:len(before) - len(clause_before)]):
                scope |= {"对"}  # 对托管类机构，…开展检查，检查机构38家: a count of that object only
            entry = (quantity, thing_before, quantity.after, scope, _names_the_whole(line, quantity, before),
                     after.lstrip("，,、 ")[:self.min_thing])
            unit = SAME_UNIT.get(quantity.unit, quantity.unit)
            keys = []
            if len(thing_before) >= self.min_thing:
                keys.append(("b", unit, thing_before[-self.min_thing:]))
            if len(quantity.after) >= self.min_thing:
                keys.append(("a", unit, quantity.after[:self.min_thing]))
            if len(thing_before) >= self.min_cross:
                keys.append(("x", unit, thing_before[-self.min_cross:]))
            if len(quantity.after) >= self.min_cross:
                keys.append(("x", unit, quantity.after[:self.min_cross]))
            # a whole name before one figure (、乡镇卫生院14个) opening the words after another
            # (将15个乡镇卫生院全部纳入): the same thing
            whole = thing_before.removeprefix("其中") if _whole_run(line, quantity) else ""
            if len(whole) >= self.min_thing:
                keys.append(("w", unit, whole))
            keys.extend(("w", unit, quantity.after[:size])
                        for size in range(self.min_thing, min(len(quantity.after), WHOLE_RUN_MAX) + 1))
            for key in keys:
                for other in buckets.get(key, []):
                    finding = self._conflicting(other, entry, key[0], facts)
                    if finding is not None and (quantity.line, quantity.column) not in reported:
                        reported.add((quantity.line, quantity.column))
                        yield finding
                bucket = buckets.setdefault(key, [])
                if len(bucket) < BUCKET_SIZE:
                    bucket.append(entry)

    def _conflicting(self, first, second, side: str, facts: DraftFacts) -> Optional[Finding]:
        (one, one_before, one_after, one_scope, one_whole, one_next), \
            (two, two_before, two_after, two_scope, two_whole, two_next) = first, second
        if _overlap(one.low, one.high, two) or one.line == two.line:
            return None
        if facts.in_parent_and_child(one.line, two.line):
            return None  # 3.招商引资…协议引资23.6亿元 … （2）以商招商…协议引资6.2亿元: a part under its whole
        if (side == "a" and one_whole != two_whole) or (side == "w" and not (one_whole and two_whole)):
            return None  # 完成4家乡镇卫生院…改造 is work on some, not the county's 16家乡镇卫生院全部…
        # in sibling sections (（一）企业国有资产 … （二）行政事业性国有资产) a short thing
        # (资产总额) is each section's own: only a longer one is taken for the same
        least = self.min_cross if facts.in_sibling_sections(one.line, two.line) else self.min_thing
        if one_scope != two_scope and (one_scope and two_scope or any(
                word in scope for scope in (one_scope ^ two_scope) for word in STOCK)):
            return None
        if side == "b":
            thing = _common_suffix(one_before, two_before)
            if len(thing) < least or (len(thing) < min(len(one_before), len(two_before))
                                      and len(thing) < least + 1):
                return None
        elif side == "a":
            thing = _common_prefix(one_after, two_after)
            if len(thing) < least:
                return None
        elif side == "w":
            thing = max((text for text in (one_before.removeprefix("其中"), two_before.removeprefix("其中"))
                         if text and (one_after.startswith(text) or two_after.startswith(text))), key=len, default="")
            if len(thing) < least:
                return None
        else:
            thing = max((_overlap_text(one_before, two_after), _overlap_text(two_before, one_after)), key=len)
            if len(thing) < self.min_cross:
                return None
        if (one_after, one_next) != (two_after, two_next) and wordlist("generic-things").regex.search(thing):
            return None  # 安排资金1.18亿元支持… … 安排资金2.36亿元，新建…: each sum for its own purpose
        return Finding(Span.on_line(two.line, two.column - 1, two.end_column - 1),
                       {"thing": thing, "this": two.text, "other": one.text, "line": one.line})


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


def _names_the_whole(line: str, quantity: Quantity, before: str) -> bool:
    """The figure counts all of its thing: a part of a stock's list (全县共有…，其中乡镇卫生院14个),
    or with 全县, 全部, 所有… (全县16个乡镇卫生院中, 16家乡镇卫生院全部配备)."""
    if _whole_run(line, quantity) and "其中" in before and STOCK_BEFORE.search(before):
        return True
    return bool(WHOLE_BEFORE.search(before.rsplit("，", 1)[-1]) or WHOLE_AFTER.match(quantity.after))


def _whole_run(line: str, quantity: Quantity) -> bool:
    """The words before the figure start after a mark (、乡镇卫生院14个; ，其中乡镇卫生院14个):
    a whole name."""
    start = quantity.column - 1 - len(quantity.before)
    return start > 0 and line[start - 1] in "、，,：:；"


def _scope(before: str) -> frozenset[str]:
    """The scope words (累计, 全年, 新增…) of the clause before a figure, leaving out
    the parts that count something of their own (新建学校5所，新增学位…: 新建 is the
    schools')."""
    return frozenset(word for part in before.split("，") if not FIGURE.search(part) for word in SCOPES.findall(part))


def _period_words(facts: DraftFacts) -> frozenset[str]:
    """Scope words that only name the report's own period (上半年 in a half-year
    report, 全年 in an annual one): they add nothing."""
    period = facts.period
    if period is None:
        return frozenset()
    if period.part in ("", "度"):
        return frozenset(("全年", "本年", "当年"))
    return frozenset((period.part, period.part.removeprefix("第")))


def _common_suffix(first: str, second: str) -> str:
    size = 0
    while size < min(len(first), len(second)) and first[-1 - size] == second[-1 - size]:
        size += 1
    return first[len(first) - size:]


def _common_prefix(first: str, second: str) -> str:
    size = 0
    while size < min(len(first), len(second)) and first[size] == second[size]:
        size += 1
    return first[:size]


def _overlap_text(before: str, after: str) -> str:
    """The longest end of ``before`` that opens ``after``."""
    for size in range(min(len(before), len(after)), 0, -1):
        if before[-size:] == after[:size]:
            return after[:size]
    return ""
