"""Relations between figures that a draft states itself:

- a total and its parts (共24个，其中工业项目10个、农业项目8个、社会事业项目6个; a
  Markdown table's 合计 row);
- a change from one figure to another with its rate or difference (由21460元增至
  23180元，增长8.0%; 9.8亿元，较上年的8.4亿元增长16.7%; 由68.5%提高到72.3%，提高3.8个百分点);
- a share of a part in a whole (受理152件，办结148件，办结率97.4%; 42家中有29家…，占69.0%;
  完成年度目标16亿元的51.9%; a table's 办结率 column against its row);
- names listed and then counted (综合协调组、执法检查组、抽检监测组3个工作组).

Only relations the wording makes certain are kept: a part list with 等, parts
that overlap (女党员、35岁以下党员), an estimate (约, 以上) or two candidates for the
whole give no relation. The rules judge them with the rounding of the stated
figures (checker/lint/kinds/consistency_figures.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import Optional, Sequence

from ..settings.wordlists import lazy_lexicon_regex, threshold, wordlist
from ..lexicon import CLAUSE_ENDS
from .dates import chinese_number
from .quantities import Quantity, counted_units
from checker.settings.lazy_regex import lazy_regex

SENTENCE_END = lazy_regex(f"[{CLAUSE_ENDS}]")
TOTAL_BEFORE = lazy_regex(r"(?:共|共计|合计|总计|总数|总量|累计|总|达|达到|现有|有)$")
RISE = ("增长", "增加", "提高", "上升", "提升", "增")
FALL = ("下降", "减少", "降低", "回落", "减", "缩短", "压缩", "降", "压减", "缩减", "降幅", "减幅")
CHANGE_TO = lazy_regex(r"(?:增至|增加到|增加至|增长到|增长至|提高到|提高至|上升到|上升至|提升到|提升至|降至|降到|下降到"
                       r"|下降至|减少到|减少至|减至|降低到|降低至|回落到|回落至|缩短到|缩短至|缩减到|缩减至|压减到|压减至"
                       r"|压缩到|压缩至|发展到|发展至|扩大到|扩大至)")
FROM = lazy_regex(r"由|从")
DOUBLED = lazy_regex(r"^[，,]?(?:实现|规模|总量)?(?P<times>翻了?一番|翻了?两番|翻番)")
VERB_RATE = lazy_regex(r"^[，,]?(?:同比|年均)?(?P<verb>增长|增加|提高|上升|提升|下降|减少|降低|回落|缩短|压减|压缩|缩减"
                       r"|增幅|降幅|增速|涨幅|减幅)(?:了|为|达|达到)?$")
COMPARED = lazy_regex(r"(?:较|比(?![重例率]))[^，。；、]{0,12}?的$")
SHARE = lazy_regex(r"[，,、]\s*占(?:比)?(?:为|达)?$")
# 占手术总量的37.5%: the whole named in words, its figure stated elsewhere
NAMED_SHARE = lazy_regex(r"占(?P<whole>[\u4e00-\u9fff]{2,14}?)(?:的)(?:比重|比例)?(?:为|达)?$")
# 完成年度目标任务的86.5%: a target named without its figure, stated elsewhere
TARGET_NAMED = lazy_regex(r"(?:完成|达到|实现)(?:了)?(?:全年|年度|全年度|上级下达的?|市下达的?|县下达的?)?(?:目标任务|目标|任务|计划)(?:数)?的$")
TARGET_WORDS = lazy_regex(r"目标|任务|计划")
NAMED_WHOLE_END = lazy_lexicon_regex(r"{lexicon:named-whole-ends}$")
NAMED_WHOLE_START = lazy_lexicon_regex(r"^{lexicon:named-whole-starts}")
REMAINDER = lazy_lexicon_regex(r"^[对将把其另]?{lexicon:remainder-words}")
DONE = lazy_lexicon_regex(r"已|{lexicon:done-words}")
SHARE_COLUMN = lazy_lexicon_regex(r"^{lexicon:share-columns}")
# a list opened by 其中， or by the whole's name and 中， (反馈的23个问题中，…方面7个，…方面6个): its parts may be set apart by ，
LIST_OPENING = lazy_regex(r"^[\u4e00-\u9fff]{0,8}中[，：:]")
COMMA_LIST = lazy_regex(r"其中[，：:]")
DIFFERENCE = lazy_regex(r"增加|减少|增长|下降|提高|降低|增收|减收|收窄|扩大")
FULL_STOP = lazy_regex(r"[。！？]")
PART_OPENING = lazy_regex(r"^[、，,\s]*(?:其中[，：:]?)?")
CHANGE_COLUMN = lazy_lexicon_regex(r"{lexicon:change-columns}")
UNSUMMED_COLUMN = lazy_lexicon_regex(r"{lexicon:unsummed-columns}")
NET = lazy_lexicon_regex(r"{lexicon:net-change-words}$")
INFLOW = lazy_lexicon_regex(r"{lexicon:inflow-words}")
OUTFLOW = lazy_lexicon_regex(r"{lexicon:outflow-words}")
COMPARISON = lazy_regex(r"较|比|同比|上年|去年|同期|年初")
CONNECTOR = lazy_regex(r"(?:共计|合计|总计|累计|达到|共有|现有|共|达|为|有|计|是)$")
# 比上年增加1.8亿元，增幅16.7%: a change by a difference from a figure not written
BY_DIFFERENCE = lazy_regex(r"^[，,]\s*(?:比|较)(?:上年|去年|上年末|上年底|年初|上年同期|去年同期)?(?P<verb>增加|增长|减少|下降|提高|降低)$")
TABLE_TOTAL = lazy_regex(r"^\s*\**(?:合计|总计|总数)\**\s*$")
TABLE_SUBTOTAL = lazy_regex(r"小计")
WINDOW = 12  # how many figures before a rate its part and whole are looked for among
REST = lazy_regex(r"其他|其它|其余")
# a rate's name: 解决率 (judged where the part is 已解决…), 按时办结率 (qualifier 按时), 整改到位率
# (stem 整改, completion 到位: the part is 已整改…); the verbs that may follow it
RATE_VERBS = r"(?:达到|达|为|是|保持在|均为|均达到)?$"
RATE_NAME = lazy_lexicon_regex(r"(?P<qualifier>{lexicon:rate-qualifiers})?(?P<stem>[\u4e00-\u9fff]{2})"
                               r"(?P<completion>{lexicon:rate-completions})?率" + RATE_VERBS)
COLUMN_UNIT = lazy_regex(r"(?:[（(](?P<unit>[\u4e00-\u9fff]{1,2})[）)]|(?P<counted>[\u4e00-\u9fff])数)$")
LISTED_COUNT = lazy_regex(r"(?P<items>(?:[\u4e00-\u9fff]{2,10}、)+[\u4e00-\u9fff]{2,10}?)"
                          r"(?P<count>\d{1,2}|[两二三四五六七八九十]{1,2})(?P<unit>个|项|支|类)(?P<noun>[\u4e00-\u9fff]{1,6})")
PER_HEAD = lazy_regex(r"每[千万百十]?[人户村所家]|[人户村]均|平均")
TARGET = lazy_regex(r"(?:目标|任务|计划)(?:数)?$")
EXCESS = lazy_regex(r"超过|超出|超额|高于|多于")  # 超过目标2.05万人的4.4%: by how much, not how much of


@dataclass(frozen=True)
class Total:
    """A total and its parts, all of one unit (a table column: each row's cell)."""

    total: Quantity
    parts: tuple[Quantity, ...]
    in_table: bool = False
    complete: bool = False  # the list ends with the rest (其他…, 其余…): the parts are all of it
    header: str = ""  # a table column's header (上报事件（件）)


@dataclass(frozen=True)
class Change:
    """From ``start`` to ``end``, stated to change by ``stated`` (a %, 个百分点 or a
    difference in the figures' unit); ``falls``: the wording says it went down."""

    start: Quantity
    end: Quantity
    stated: Quantity
    falls: bool


@dataclass(frozen=True)
class Share:
    """``part`` of ``whole`` stated as ``stated`` % (``word``: 办结率, 占…)."""

    part: Optional[Quantity]
    whole: Optional[Quantity]
    stated: Quantity
    word: str
    capped: bool  # a rate that cannot exceed 100%


@lru_cache(maxsize=1)
def _capped_rate() -> re.Pattern:
    return re.compile(wordlist("capped-rates").alternation + RATE_VERBS)


@lru_cache(maxsize=1)
def _levels() -> re.Pattern:
    return re.compile(wordlist("exclusive-levels").alternation)


@lru_cache(maxsize=1)
def _overlapping() -> re.Pattern:
    return re.compile(wordlist("overlapping-parts").alternation)


def _overlap_in(listed: str, parts: Sequence[Quantity]) -> bool:
    """The parts may overlap (女党员、35岁以下党员): a word of overlapping-parts that
    some parts have and others not (省级重点项目、市级重点项目 share 重点: no overlap);
    parts that each name one level (硕士研究生、本科生、专科生) do not."""
    levels = _levels_apart(parts)
    return any(not all(match.group(0) in part.before for part in parts)
               and not (levels and _levels().fullmatch(match.group(0)))
               for match in _overlapping().finditer(listed))


def _levels_apart(parts: Sequence[Quantity]) -> bool:
    """Each part names one level of exclusive-levels, a different one, none with 以上/以下."""
    named = [_levels().findall(part.before) for part in parts]
    return all(len(found) >= 1 for found in named) and len({found[0] for found in named}) == len(parts) \
        and not any(word in part.before + part.after for part in parts for word in ("以上", "以下", "以内"))


def sentences(quantities: Sequence[Quantity], line: str) -> list[list[Quantity]]:
    """The quantities of one line grouped by sentence (。；！？)."""
    ends = [m.start() + 1 for m in SENTENCE_END.finditer(line)]
    groups: dict[int, list[Quantity]] = {}
    for quantity in quantities:
        index = bisect_right(ends, quantity.column)
        groups.setdefault(index, []).append(quantity)
    return [groups[key] for key in sorted(groups)]


def totals(sentence: list[Quantity], line: str) -> list[Total]:
    """共N…，其中A、B、C: the total right before 其中 and the parts listed after it
    with 、 between them (or ， where every part and the total name one thing: 共有党员
    2146名，其中在职党员1382名，离退休党员764名; or where the list opens with 其中， or
    …中，: 反馈的23个问题中，A方面7个，B方面6个…), all in the total's unit. The parts are
    all of the total when the last is the rest (其他…), they name one series each
    (县级、乡级、村级: complete-series) or the total's own names (中小学和幼儿园（其中中小学
    6所、幼儿园4所）). Also done and rest (发现隐患518处，已整改509处，剩余9处)."""
    found = _done_and_rest(sentence, line)
    for index, quantity in enumerate(sentence):
        nxt = sentence[index + 1] if index + 1 < len(sentence) else None
        if nxt is None or quantity.percent or quantity.points:
            continue
        between = line[quantity.end_column - 1:nxt.column - 1]
        opening = LIST_OPENING.match(between)
        if "其中" not in between and opening is None:
            continue
        if quantity.unit != nxt.unit and index > 0 and sentence[index - 1].unit == nxt.unit:
            # 项目共52个，总投资186.4亿元，其中省级项目7个…: the total is the figure before, in the parts' unit
            quantity = sentence[index - 1]
        if DIFFERENCE.search(quantity.before) and not DIFFERENCE.search(nxt.before):
            # 播种面积52.6万亩，较上年增加0.8万亩，其中早稻8.2万亩…: the parts are of the area, not of its change
            quantity = _changed_figure(sentence, quantity)
            if quantity is None:
                continue
        total = _parts_of(quantity, sentence[index + 1:], line, bool(opening or COMMA_LIST.search(between)))
        if total is not None:
            found.append(total)
    return found


def _changed_figure(sentence: list[Quantity], change: Quantity) -> Optional[Quantity]:
    """The figure a change (较上年增加0.8万亩) right before a 其中-list is stated of: the
    figure of its unit just before it in the sentence (播种面积52.6万亩), itself no change."""
    before = sentence[:sentence.index(change)]
    previous = next((q for q in reversed(before) if q.unit == change.unit), None)
    if previous is None or DIFFERENCE.search(previous.before) or COMPARISON.search(previous.before):
        return None
    return previous


def parts_after_total(before: list[Quantity], sentence: list[Quantity], line: str) -> list[Total]:
    """A sentence opening with 其中， (其中，国省干线公路4.8亿元，农村公路5.1亿元…) lists the parts
    of the one figure of their unit the sentence before (back to its 。; ``before``: the
    quantities of the line before this sentence) gives as its own: not a target, a
    comparison's base, a change or its end (收窄到210万元), an estimate; and no part larger
    than it (其中，水务公司利润3260万元 is no part of a loss of 210万元)."""
    if not sentence or not COMMA_LIST.match(_sentence_opening(sentence, line)):
        return []
    first = sentence[0]
    stop = max((m.end() for m in FULL_STOP.finditer(line, 0, first.column - 1)), default=0)
    opened = max((m.end() for m in FULL_STOP.finditer(line, 0, stop - 1)), default=0) if stop else 0
    candidates = [q for q in before if q.unit == first.unit and not q.percent and not q.points and not q.approximate
                  and opened < q.column <= stop and not TARGET.search(q.before) and not COMPARISON.search(q.before)
                  and not DIFFERENCE.search(q.before) and not CHANGE_TO.search(q.before) and not FROM.search(q.before)]
    if len(candidates) != 1:
        return []
    total = _parts_of(candidates[0], sentence, line, True)
    if total is None or any(part.value > total.total.value for part in total.parts):
        return []
    return [total]


def _sentence_opening(sentence: list[Quantity], line: str) -> str:
    start = max((m.end() for m in SENTENCE_END.finditer(line, 0, sentence[0].column - 1)), default=0)
    return line[start:sentence[0].column - 1].lstrip(" \t\u3000")


def _parts_of(quantity: Quantity, following: list[Quantity], line: str, commas: bool) -> Optional[Total]:
    """The parts listed after ``quantity`` (the first of ``following`` on), in its unit,
    with 、 between them — or ， where ``commas`` (a list opened by 其中，) or the parts
    name a series."""
    parts, first_comma = [], 0
    for candidate in following:
        if candidate.unit != quantity.unit and not _other_unit_named(quantity, candidate, line):
            break
        if parts:
            gap = line[parts[-1].end_column - 1:candidate.column - 1]
            if any(mark in gap for mark in "；：;:。") or ("、" not in gap and not (
                    gap.count("，") == 1 and (commas or _one_thing(quantity, parts[-1], candidate)))):
                break
            first_comma = first_comma or ("、" not in gap and len(parts))
        parts.append(candidate)
    if not parts:
        return None
    listed = line[quantity.end_column - 1:parts[-1].end_column + 1]
    named = _after_opening(listed)
    if first_comma and not commas and not _series(named, parts):
        parts = parts[:first_comma]  # parts set apart by ， only where they name a series (在职…，离退休…)
        listed = line[quantity.end_column - 1:parts[-1].end_column + 1]
        named = _after_opening(listed)
    if len(parts) < 2 or quantity.approximate or any(part.approximate for part in parts):
        return None
    own = _own_names(quantity, named, parts)  # 脱贫户和监测户共386户，其中脱贫户…、监测户…: no overlap
    if _etc(line, parts) or "分别" in listed or (_overlap_in(named, parts) and not _series(named, parts) and not own):
        return None
    # a series is all of a count (县级、乡级、村级河长), not of money: 中央、省级 funds may be left out
    complete = bool(REST.match(parts[-1].before)) or (quantity.unit in counted_units()
                                                       and (_series(named, parts) or own))
    return Total(quantity, tuple(parts), complete=complete)


def _other_unit_named(total: Quantity, part: Quantity, line: str) -> bool:
    """The total names the part's unit in brackets after its own (免疫畜禽286.5万头（只），其中
    猪…万头、家禽208.5万只): a part in that unit is counted in it."""
    after = line[total.end_column - 1:total.end_column + 5]
    return after.startswith((f"（{part.unit}）", f"({part.unit})"))


def _etc(line: str, parts: Sequence[Quantity]) -> bool:
    """A part list with 等 by a figure (婚姻家庭纠纷等30起, …6个等): only some are listed.
    A 等 inside a part's name (落实巡察、审计等监督发现问题整改方面6个) names that part."""
    return any("等" in line[max(0, part.column - 4):part.column - 1] or line[part.end_column - 1:part.end_column] == "等"
               for part in parts)


def _after_opening(listed: str) -> str:
    """The words of a list after what opens it (其中, 问题中，)."""
    if "其中" in listed:
        return listed.split("其中", 1)[1]
    opening = LIST_OPENING.search(listed)
    return listed[opening.end():] if opening else listed


def _own_names(total: Quantity, named: str, parts: Sequence[Quantity]) -> bool:
    """The total counts things it names with 和/及/与 (11所中小学和幼儿园) and the parts
    name each of them, in order (中小学6所、幼儿园4所): they are all of it."""
    names = [name for name in re.split(r"和|及|与|、", total.after) if name]
    texts = _part_names(named, parts)
    if not names:
        return _names_before(total, texts)
    return len(names) == len(texts) >= 2 and all(name in text for name, text in zip(names, texts))


def _names_before(total: Quantity, texts: list[str]) -> bool:
    """The names stand before the total and its 共 (帮扶脱贫户和监测户共386户，其中脱贫户…、
    监测户…): each part's words are the end of one name, in order."""
    words = CONNECTOR.sub("", total.before)
    if words == total.before or not re.search(r"共|合计|总计", total.before[len(words):]):
        return False
    names = [name for name in re.split(r"和|及|与|、", words) if name]
    texts = [PART_OPENING.sub("", text) for text in texts]
    return len(names) == len(texts) >= 2 and all(text and name.endswith(text) for name, text in zip(names, texts))


def _part_names(listed: str, parts: Sequence[Quantity]) -> list[str]:
    """Each part's words: the text of ``listed`` before its figure back to the one before
    (none if a figure is not found in order)."""
    texts, position = [], 0
    for part in parts:
        figure = listed.find(part.text, position)
        if figure < 0:
            return []
        texts.append(listed[position:figure])
        position = figure + len(part.text)
    return texts


def _one_thing(total: Quantity, *parts: Quantity) -> bool:
    """The total and the parts name one thing by the same last words (党员 … 在职党员 …
    离退休党员): parts set apart by ， are still its parts."""
    head = CONNECTOR.sub("", total.before)[-2:]
    return len(head) == 2 and all(part.before.endswith(head) and part.before != head for part in parts)


@lru_cache(maxsize=1)
def _series_members() -> tuple[tuple[re.Pattern, ...], ...]:
    return tuple(tuple(re.compile(member) for member in words.split("、"))
                 for words in wordlist("complete-series").words)


def _series(listed: str, parts: Sequence[Quantity]) -> bool:
    """Each part's words (the text before it back to the one before) name one member of
    a complete series, in order (县级…、乡级…、村级…; 小（1）型…、小（2）型…)."""
    texts = _part_names(listed, parts)
    return any(len(members) == len(texts) and all(member.search(text) for member, text in zip(members, texts))
               for members in _series_members())


def _done_and_rest(sentence: list[Quantity], line: str) -> list[Total]:
    """发现隐患518处，已整改509处，剩余9处: the found (518), the done (509: 已 or a verb of
    done-words) and the rest (9), one after the other (only a rate between), none an
    estimate, nothing of 其中 between: done and rest are all of the found (not 新建12个，
    续建8个，其余4个: 续建 is no doing of the 新建)."""
    found = []
    figures = [q for q in sentence if not q.percent and not q.points]
    for index in range(2, len(figures)):
        whole, done, rest = figures[index - 2], figures[index - 1], figures[index]
        if not REMAINDER.search(rest.before) or REMAINDER.search(done.before) or not DONE.search(done.before) \
                or len({whole.unit, done.unit, rest.unit}) > 1:
            continue
        between = line[whole.end_column - 1:rest.column - 1]
        if "其中" in between or "；" in between or "、" in between or any(q.approximate for q in (whole, done, rest)) \
                or done.value > whole.value or TOTAL_BEFORE.search(done.before):
            continue
        found.append(Total(whole, (done, rest), complete=True))
    return found


def listed_counts(number: int, line: str) -> list[Total]:
    """Names listed with 、 and then counted (综合协调组、执法检查组、抽检监测组3个工作组):
    the count against the names, when every name ends with the word the count names
    (组 … 工作组; 村 … 村党组织) and the list has no 等."""
    found = []
    for match in LISTED_COUNT.finditer(line) if "、" in line else ():
        items = match.group("items").split("、")
        last = {item[-1] for item in items}
        count = chinese_number(match.group("count").replace("两", "二"))
        if len(last) != 1 or last.pop() not in match.group("noun")[:4] or count is None or count == len(items):
            continue
        if any(item.endswith(("等", "中")) for item in items):
            continue
        start = match.start("items") + 1
        parts = []
        for item in items:
            parts.append(Quantity(number, start, start + len(item), item, 1.0, 0.0, match.group("unit"), False, "", ""))
            start += len(item) + 1
        stated = Quantity(number, match.start("count") + 1, match.end("unit") + 1,
                          match.group("count") + match.group("unit"), float(count), 0.0, match.group("unit"), False,
                          "", match.group("noun"))
        found.append(Total(stated, tuple(parts), complete=True))
    return found


def changes(sentence: list[Quantity], line: str) -> list[Change]:
    found = []
    for index, quantity in enumerate(sentence):
        before = line[max(0, quantity.column - 15):quantity.column - 1]
        start = end = None
        following = index + 1  # where the stated change is looked for
        if COMPARED.search(before):
            # B…，较上年的A增长X%: A is this quantity, B the last one of its unit before it
            # (not a target: 为年度目标12亿元的105%，较上年的11.6亿元增长8.6% is 12.6's change)
            earlier = next((q for q in reversed(sentence[max(0, index - WINDOW):index])
                            if q.unit == quantity.unit and not TARGET.search(q.before)), None)
            if earlier is not None:
                start, end = quantity, earlier
                between = line[end.end_column - 1:quantity.column - 1]
                targets = sum(1 for q in sentence[sentence.index(end) + 1:index] if TARGET.search(q.before))
                if any(mark in between for mark in "；：") or between.count("，") > 1 + targets:
                    start = end = None
        if start is None and FROM.search(before[-10:]) and following < len(sentence) and CHANGE_TO.search(
                line[quantity.end_column - 1:sentence[following].column - 1]) \
                and sentence[following].unit == quantity.unit:
            start, end = quantity, sentence[following]
            following += 1
        if start is None or end is None or start.approximate or end.approximate:
            continue
        doubled = _doubled(line, max(start.end_column, end.end_column), start)
        if doubled is not None:
            found.append(Change(start, end, doubled, False))
            continue
        for place in range(following, min(following + 2, len(sentence))):
            stated = sentence[place]
            gap = line[_previous_end(place, sentence) - 1:stated.column - 1]
            verb = VERB_RATE.match(gap.split("，")[-1])
            if verb is None or stated.approximate or stated.unit not in ("%", "个百分点", start.unit):
                continue
            found.append(Change(start, end, stated, verb.group("verb") in FALL))
    found.extend(_by_difference(sentence, line))
    found.extend(_net_changes(sentence))
    return found


def _doubled(line: str, after: int, start: Quantity) -> Optional[Quantity]:
    """翻了一番 (a rise of 100%) or 翻两番 (300%) right after the two figures, as a stated
    rise whose tolerance is the lexicon's doubling-tolerance-points (a doubling is
    said of roughly twice: 318 against 156 is one)."""
    match = DOUBLED.match(line[after - 1:])
    if match is None:
        return None
    rise = 300.0 if "两番" in match.group("times") else 100.0
    return Quantity(start.line, after + match.start("times"), after + match.end("times"), match.group("times"), rise,
                    threshold("doubling-tolerance-points"), "%", False, "", "")


def _by_difference(sentence: list[Quantity], line: str) -> list[Change]:
    """12.6亿元，比上年增加1.8亿元，增幅16.7%: the start (10.8亿元) is the figure less
    its difference; the rate is judged from both."""
    found = []
    for index in range(1, len(sentence) - 1):
        by, stated = sentence[index:index + 2]
        change = BY_DIFFERENCE.match(line[sentence[index - 1].end_column - 1:by.column - 1])
        # the figure it changes: the last one before in its unit that is no target (完成年度计划12亿元的…)
        end = next((q for q in reversed(sentence[:index]) if q.unit == by.unit and not TARGET.search(q.before)), None)
        if change is None or end is None or end.percent or end.points or by.percent or not stated.percent \
                or any(q.approximate for q in (end, by, stated)) or "；" in line[end.end_column - 1:by.column - 1]:
            continue
        verb = VERB_RATE.match(line[by.end_column - 1:stated.column - 1])
        if change is None or verb is None or (change.group("verb") in FALL) != (verb.group("verb") in FALL):
            continue
        falls = change.group("verb") in FALL
        figure = end.value + by.value if falls else end.value - by.value
        start = Quantity(end.line, end.column, end.end_column, f"{end.text}{'加' if falls else '减'}{by.text}", figure,
                         end.half_step + by.half_step, end.unit, False, "", "")
        found.append(Change(start, end, stated, falls))
    return found


def _net_changes(sentence: list[Quantity]) -> list[Change]:
    """流出耕地2156亩、流入耕地2310亩，实现耕地净增加154亩: the net is what came in less
    what went out, one figure of each before it in the sentence, in its unit."""
    found = []
    for index, net in enumerate(sentence):
        if net.percent or net.points or net.approximate or not NET.search(net.before):
            continue
        earlier = [q for q in sentence[:index] if q.unit == net.unit and not q.percent]
        inflow = [q for q in earlier if INFLOW.search(q.before) and not OUTFLOW.search(q.before)]
        outflow = [q for q in earlier if OUTFLOW.search(q.before) and not INFLOW.search(q.before)]
        if len(inflow) != 1 or len(outflow) != 1 or inflow[0].approximate or outflow[0].approximate:
            continue
        falls = "减" in net.before[-3:] or "流出" in net.before[-3:]
        found.append(Change(outflow[0], inflow[0], net, falls))
    return found


def _previous_end(index: int, sentence: list[Quantity]) -> int:
    return sentence[index - 1].end_column if index else 1


def opens_with_part(sentence: list[Quantity], line: str) -> bool:
    """The sentence opens with 其中: it speaks of a part of what the one before counted."""
    start = max((m.end() for m in SENTENCE_END.finditer(line, 0, sentence[0].column - 1)), default=0)
    return line[start:sentence[0].column - 1].lstrip(" \t\u3000").startswith("其中")


def stated_totals(sentence: list[Quantity]) -> list[Quantity]:
    """The figures a sentence gives as totals (共1380家, 共计21.6万亩)."""
    return [q for q in sentence if not q.percent and q.before.endswith(("共", "共计", "合计", "总计"))]


def shares(sentence: list[Quantity], line: str, earlier_totals: Sequence[Quantity],
           earlier: Sequence[Quantity] = (), on_line: Sequence[Quantity] = ()) -> list[Share]:
    """Rates (办结率97.4%) and shares (，占69.0%) with the part and whole the sentence
    gives; ``earlier_totals``: totals (共1380家) of the lines just before, or of the
    sentence just before where this one opens with 其中 (共计21.6万亩；其中流转土地
    18.4万亩，占85.2%), for a share whose whole is stated there. A rate not listed
    (解决率) is one where the part's words hold its stem (已解决91条); a share of
    a target (完成年度目标16亿元的51.9%) is the figure before of that target; a share
    of a whole named in words (占手术总量的37.5%) is of the one figure the draft gives
    for it (``earlier``: the quantities of the lines before, ``on_line``: of the sentences
    before on this line; looked at only for such a share); a rate whose rest
    follows (已完成2410亩，完成率89.9%，剩余270亩) is of done and rest together."""
    found = []
    for index, stated in enumerate(sentence):
        if not stated.percent or stated.approximate:
            continue
        before = line[_previous_end(index, sentence) - 1:stated.column - 1]
        target = _target_share(sentence, index, before)
        if target is not None:
            found.append(target)
            continue
        rate = _capped_rate().search(before)
        share = SHARE.search(before)
        named = None if rate or share else NAMED_SHARE.search(before)
        target = None if rate or share or named else TARGET_NAMED.search(before)
        stem = None if rate or share or named or target else RATE_NAME.search(before)
        if not rate and not share and not stem and not named and not target:
            continue
        window = sentence[max(0, index - WINDOW):index]
        # a figure in brackets (受理4126件（含热线转办2873件）) is a note on the one before, not the part
        # nor is a figure per head (每千人5.8批次, 人均) a count
        counts = [q for q in window if not q.percent and not q.points and not _in_brackets(line, q, stated)
                  and not PER_HEAD.search(q.before)]
        if len(counts) > 1 and counts[-1].approximate and counts[-1].unit != counts[-2].unit:
            counts.pop()  # 有13个集体经济收入超过20万元，占…: a threshold, not the part
        rest = _rest_after(sentence, index, counts)
        if len(counts) > 1 and REMAINDER.search(counts[-1].before) and counts[-1].unit == counts[-2].unit:
            rest = counts.pop()  # 已完成整改1252处，剩余34处…，整改完成率97.4%: the rest, not the part
        if counts and any(q.percent for q in window[window.index(counts[-1]):]):
            counts = []  # 办结率99.0%，群众满意率98.3%: the figures before are the other rate's
        if stem and not (counts and _rate_of(stem.group(0), counts[-1], strict=True)):
            continue
        if rate and counts and not _rate_of(before[:rate.start()] + rate.group(0), counts[-1]):
            counts = []  # 办结1248件，按时办结率100% / 满意率98.3%: a rate of another thing than the part
        part = whole = None
        if counts and not counts[-1].approximate and index <= WINDOW:  # a longer sentence leaves the whole in doubt
            part = counts[-1]
            same = [q for q in counts[:-1] if q.unit == part.unit]
            marked = [q for q in same if TOTAL_BEFORE.search(q.before)]
            if named:
                whole = _named_whole(named.group("whole"), part, counts[:-1], (earlier, on_line), same)
            elif target:
                whole = _named_target(part, counts[:-1], (earlier, on_line))
            elif share and marked:
                whole = marked[-1]
            elif len(same) == 1:
                whole = same[0]
            elif share and not same:
                previous = [q for q in earlier_totals if q.unit == part.unit]
                whole = previous[-1] if len(previous) == 1 else None
            if whole is None and rest is not None and not (named or target) and rest.unit == part.unit \
                    and not rest.approximate:
                whole = _sum_of(part, rest)
            if whole is not None and _scoped_to_part(before, rate or stem, part, whole):
                whole = None  # 覆盖12.8万人，其中重点人群签约8.6万人，重点人群签约率81.2%: of 重点人群, not given
            if whole is not None and (whole.approximate or (whole.value < part.value and not target)):
                whole = None  # (a target may be exceeded)
        if (named or target) and whole is None:
            continue
        word = rate.group(0) if rate else stem.group(0) if stem else (named or target).group(0) if named or target else "占"
        found.append(Share(part if whole is not None else None, whole, stated, word, bool(rate)))
    return found


def _scoped_to_part(before: str, rate: Optional[re.Match], part: Quantity, whole: Quantity) -> bool:
    """The rate's name opens with words (重点人群签约率) that the part's words hold and the
    whole's do not: it is a rate of the part's own group, whose whole the sentence leaves out."""
    if rate is None:
        return False
    name = RATE_NAME.search(before)  # the qualifier and stem (整改到位率: none before 整改)
    scope = re.split(r"[，,、；;：:\s]", before[:name.start() if name else rate.start()])[-1]
    return len(scope) >= 2 and scope in part.before and scope not in whole.before


def _rest_after(sentence: list[Quantity], index: int, counts: list[Quantity]) -> Optional[Quantity]:
    """The figure right after the rate when it is the rest (，剩余270亩待…) of the part's unit."""
    following = next((q for q in sentence[index + 1:] if not q.percent), None)
    if following is None or not counts or following.unit != counts[-1].unit or not REMAINDER.search(following.before):
        return None
    return following


def _sum_of(part: Quantity, rest: Quantity) -> Quantity:
    """The whole that a part and the rest (剩余…) make together."""
    figure = part.value + rest.value
    return Quantity(rest.line, rest.column, rest.end_column, f"{part.text}与{rest.before}{rest.text}之和", figure,
                    part.half_step + rest.half_step, part.unit, False, "", "")


def _named_whole(name: str, part: Quantity, before: Sequence[Quantity],
                 earlier: tuple[Sequence[Quantity], ...], same: Sequence[Quantity] = ()) -> Optional[Quantity]:
    """The figure of the whole a share names in words (占手术总量的 → 手术6022台次; 占出院病例的
    → 出院19513人次; 占行政村总数的 → 全县168个行政村): the one value the draft gives for what
    the words name (without their scope: 全县, 同期; nor 总量, 总数), none if it gives two or
    none. The sentence's own figures come first: where it names the whole there, that is it;
    where it gives another figure of the part's unit (管廊全长4.8公里，已完成3.1公里，占总长度
    的64.6%), a figure of other lines is left in doubt. A figure whose words make it a part of
    the whole (168个行政村中已有142个) is none."""
    core = NAMED_WHOLE_END.sub("", NAMED_WHOLE_START.sub("", name))
    if len(core) < 2:
        return None
    own = _named_values(core, part, before)
    if own:
        return next(iter(own.values())) if len(own) == 1 else None
    if same:
        return None
    found = _named_values(core, part, chain(*earlier))
    return next(iter(found.values())) if len(found) == 1 else None


def _named_values(core: str, part: Quantity, quantities) -> dict[float, Quantity]:
    found: dict[float, Quantity] = {}
    for quantity in quantities:
        if quantity is part or quantity.percent or quantity.points or quantity.approximate:
            continue
        if quantity.unit != part.unit and not (core.endswith(part.unit) and quantity.unit in counted_units()
                                               and part.unit in counted_units()):
            continue  # 占出院病例的: 17884例 of 出院19513人次
        words = CONNECTOR.sub("", quantity.before)
        if COMPARISON.search(quantity.before) or core + "中" in words:
            continue
        scope = NAMED_WHOLE_START.sub("", words)
        after = quantity.unit in counted_units() and not scope and quantity.after.startswith(core)
        if not (core in words or (len(words) >= 2 and core.startswith(words)) or after):
            continue
        found.setdefault(quantity.value, quantity)
    return found


def _named_target(part: Quantity, before: Sequence[Quantity], earlier: tuple[Sequence[Quantity], ...]) \
        -> Optional[Quantity]:
    """The target a share names without its figure (完成年度目标任务的86.5%): the one value the
    draft gives in the part's unit with 目标/任务/计划 right before or after it (年度目标任务为
    新增就业5500人; 确定新增就业5500人的目标), none if it gives two or none, or another
    figure of the unit on its line (目标任务为新增就业5500人、转移就业3000人: which is whose?)."""
    found, same_unit = {}, []
    for quantity in chain(*earlier, before):
        if quantity is part or quantity.unit != part.unit or quantity.percent:
            continue
        same_unit.append(quantity)
        if not quantity.approximate and (TARGET_WORDS.search(quantity.before)
                                         or TARGET_WORDS.match(quantity.after.lstrip("的"))):
            found.setdefault(quantity.value, quantity)
    lines = {q.line for q in found.values()}
    if len(found) != 1 or sum(1 for q in same_unit if q.line in lines) > 1:
        return None
    whole = next(iter(found.values()))
    return replace(whole, half_step=0.0) if "." not in whole.text else whole


def _in_brackets(line: str, quantity: Quantity, stated: Quantity) -> bool:
    """``quantity`` stands inside brackets that close before ``stated``."""
    text = line[:quantity.column - 1]
    opened = max(text.rfind("（"), text.rfind("("))
    if opened < 0 or max(text.rfind("）"), text.rfind(")")) > opened:
        return False
    closing = [p for p in (line.find("）", quantity.column - 1), line.find(")", quantity.column - 1)) if p >= 0]
    return bool(closing) and min(closing) < stated.column - 1


def _rate_of(rate_words: str, part: Quantity, strict: bool = False) -> bool:
    """The rate (按时办结率, 满意率, 整改到位率) is of what the part's words count: its
    stem (办结, 满意, 整改) stands in them (or in the words after the part: 207个开通客车,
    通客车率) and any qualifier before it (按时, 按期, 及时) too. A part whose words
    name no verb of their own (1248件 after 办结 is one) is taken as the rate's, unless
    ``strict`` (a rate not listed among capped-rates: its stem must be named)."""
    words = RATE_NAME.search(rate_words)
    if words is None:
        return not strict
    qualifier, stem = words.group("qualifier"), words.group("stem")
    # 不合格样品186批次 is no part of a 合格率: the stem negated names the rest
    named = any(stem in text and not re.search(f"[不未非]{stem}", text) for text in (part.before, part.after)) \
        or (not part.before and not strict)
    return named and (not qualifier or qualifier in part.before)


def _target_share(sentence: list[Quantity], index: int, before: str) -> Optional[Share]:
    """完成固定资产投资8.3亿元，完成年度目标16亿元的51.9%: 8.3 of the target 16;
    not 超过目标任务2.05万人的4.4%, the excess over it."""
    if index < 2 or before.strip() != "的" or not TARGET.search(sentence[index - 1].before) \
            or EXCESS.search(sentence[index - 1].before):
        return None
    whole = sentence[index - 1]
    if "." not in whole.text:  # a target is set, not rounded: 12亿元 is 12
        whole = replace(whole, half_step=0.0)
    # the part is no comparison's base (3567万元，较上年同期的3505万元增长1.8%，完成全年目标7400万元的48.2%)
    part = next((q for q in reversed(sentence[max(0, index - WINDOW):index - 1])
                 if q.unit == whole.unit and not COMPARED.search(q.before)), None)
    if part is None or part.approximate or whole.approximate or part.percent:
        return None
    return Share(part, whole, sentence[index], "完成目标", False)


def table_totals(lines: Sequence[str], quantities_of) -> list[Total]:
    """A Markdown table's 合计 row against the column above it (no 小计 rows)."""
    return [total for start, stop in _tables(lines) for total in _table_total(lines, start, stop)]


def table_shares(lines: Sequence[str]) -> list[Share]:
    """A Markdown table's rate column (办结率) against the two figures of its row
    before it: the part is the column whose header holds the rate's stem (办结（件）),
    the whole the other one; a share column (占比, 比重: share-columns) against the
    figure before it in its row and that column's 合计 row."""
    found = []
    for start, stop in _tables(lines):
        rows = list(range(start, stop))
        if len(rows) < 3 or not re.fullmatch(r"[\s|:\-]+", lines[rows[1]]):
            continue
        header = [text.strip() for text, _ in _cells(lines[rows[0]])]
        for rate_index, title in enumerate(header):
            if SHARE_COLUMN.search(title.strip("*")):
                found.extend(_column_shares(lines, rows, header, rate_index))
                continue
            stem = RATE_NAME.search(title.strip("*"))
            if stem is None:
                continue
            for row in rows[2:]:
                share = _row_share(lines[row], row + 1, header, rate_index, stem.group("stem"))
                if share is not None:
                    found.append(share)
    return found


def table_changes(lines: Sequence[str]) -> list[Change]:
    """A Markdown table's change column (同比增减（%）, 增长（%）: change-columns) against the
    two figure columns before it in its row: the start is the one whose header names the
    earlier year (2024年上半年) or the year before (上年, 去年, 同期), the end the other."""
    found = []
    for start, stop in _tables(lines):
        rows = list(range(start, stop))
        if len(rows) < 3 or not re.fullmatch(r"[\s|:\-]+", lines[rows[1]]):
            continue
        header = [text.strip().strip("*") for text, _ in _cells(lines[rows[0]])]
        for index, title in enumerate(header):
            if not CHANGE_COLUMN.search(title) or not re.search(r"[%％]", title):
                continue
            figures = [i for i in range(1, index) if not UNSUMMED_COLUMN.search(header[i])]
            order = _earlier_first(header, figures[-2:]) if len(figures) >= 2 else None
            if order is None:
                continue
            for row in rows[2:]:
                change = _row_change(lines[row], row + 1, order, index)
                if change is not None:
                    found.append(change)
    return found


def _earlier_first(header: list[str], pair: list[int]) -> Optional[tuple[int, int]]:
    """The two columns as (start, end): by their years (2024年… before 2025年…), else the one
    naming the year before (上年, 去年, 同期) first; None if neither tells."""
    years = [re.findall(r"((?:19|20)\d{2})年", header[i]) for i in pair]
    if all(len(found) == 1 for found in years) and years[0] != years[1]:
        return tuple(sorted(pair, key=lambda i: int(re.search(r"(?:19|20)\d{2}", header[i]).group(0))))
    before = [bool(re.search(r"上年|去年|同期", header[i])) for i in pair]
    if before.count(True) == 1:
        return (pair[0], pair[1]) if before[0] else (pair[1], pair[0])
    return None


def _row_change(line: str, number: int, order: tuple[int, int], index: int) -> Optional[Change]:
    cells = _cells(line)
    if max(order + (index,)) >= len(cells):
        return None
    values = [_number(cells[i][0]) for i in order]
    stated = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)[%％]?\s*", cells[index][0])
    if None in values or stated is None or values[0][0] <= 0:
        return None

    figure = stated.group(1)
    text, column = cells[index]
    decimals = len(figure.partition(".")[2])
    rate = Quantity(number, column + text.index(figure), column + text.index(figure) + len(figure), figure,
                    float(figure), 0.5 * 10 ** -decimals, "%", False, "", "")
    return Change(_cell_quantity(cells, order[0], values[0], number), _cell_quantity(cells, order[1], values[1], number),
                  rate, False)


def _column_shares(lines: Sequence[str], rows: list[int], header: list[str], index: int) -> list[Share]:
    """Each row's share (占比 25.1%) against its figure in the nearest figure column before
    and the figure of the one 合计 row (no 小计 rows)."""
    body = rows[2:]
    totals = [n for n in body if _total_label(_cells(lines[n])) is not None]
    if len(totals) != 1 or any(TABLE_SUBTOTAL.search(lines[n]) for n in body):
        return []
    total_cells = _cells(lines[totals[0]])
    figure_index = next((i for i in range(index - 1, 0, -1) if i < len(total_cells)
                         and _number(total_cells[i][0]) is not None), None)
    if figure_index is None:
        return []
    exact = _counted_column(header[figure_index])
    whole_value = _number(total_cells[figure_index][0])
    whole_value = _exact(whole_value) if exact else whole_value
    if whole_value[0] <= 0:
        return []
    text, at = total_cells[figure_index]
    whole = Quantity(totals[0] + 1, at, at + len(text), text.strip(), whole_value[0], whole_value[1], "", False, "", "")
    if not _adds_up(lines, [n for n in body if n != totals[0]], figure_index, whole_value, exact):
        return []  # the 合计 is not its column's sum: sum-mismatch says so, once
    found = []
    for row in body:
        cells = _cells(lines[row])
        if row == totals[0] or index >= len(cells):
            continue
        value = _number(cells[figure_index][0])
        rate = re.fullmatch(r"\s*(\d+(?:\.\d+)?)[%％]\s*", cells[index][0])
        if value is None or rate is None:
            continue
        value = _exact(value) if exact else value
        part_text, part_at = cells[figure_index]
        part = Quantity(row + 1, part_at, part_at + len(part_text), part_text.strip(), value[0], value[1], "", False, "",
                        "")
        found.append(Share(part, whole, _stated_cell(cells[index], rate.group(1), row + 1), header[index], True))
    return found


def _adds_up(lines: Sequence[str], rows: list[int], index: int, total: tuple[float, float], exact: bool) -> bool:
    """The column's figures in ``rows`` add up to ``total`` within their rounding."""
    values = [_number(cells[index][0]) if index < len(cells := _cells(lines[n])) else None for n in rows]
    if None in values:
        return False
    values = [_exact(value) if exact else value for value in values]
    tolerance = sum(half for _, half in values) + total[1]
    return abs(sum(value for value, _ in values) - total[0]) <= tolerance + 1e-9 * max(1.0, total[0])


def _cell_quantity(cells: list[tuple[str, int]], index: int, value: tuple[float, float], number: int) -> Quantity:
    """The figure of a table row's cell ``index`` (its ``value`` and rounding as read), as a quantity."""
    text, at = cells[index]
    return Quantity(number, at, at + len(text), text.strip(), value[0], value[1], "", False, "", "")


def _stated_cell(cell: tuple[str, int], figure: str, number: int) -> Quantity:
    """The percentage written in a table cell, as a quantity."""
    text, column = cell
    decimals = len(figure.partition(".")[2])
    return Quantity(number, column + text.index(figure), column + text.index(figure) + len(figure) + 1,
                    figure + "%", float(figure), 0.5 * 10 ** -decimals, "%", False, "", "")


def _row_share(line: str, number: int, header: list[str], rate_index: int, stem: str) -> Optional[Share]:
    cells = _cells(line)
    if rate_index >= len(cells):
        return None
    text, column = cells[rate_index]
    rate = re.fullmatch(r"\s*(\d+(?:\.\d+)?)[%％]\s*", text)
    figures = [(i, _number(cells[i][0])) for i in range(1, rate_index)]
    figures = [(i, value) for i, value in figures if value is not None]
    if rate is None or len(figures) != 2:
        return None
    (first, one), (second, two) = figures
    if stem not in header[first] + header[second]:
        return None  # 户籍人口, 常住人口, 城镇化率: a rate of neither figure's name
    part_index = first if stem in header[first] and stem not in header[second] else second
    (whole_index, whole), (_, part) = sorted(figures, key=lambda item: item[0] == part_index)
    if whole[0] < part[0] or whole[0] <= 0:
        return None

    stated = _stated_cell(cells[rate_index], rate.group(1), number)
    return Share(_cell_quantity(cells, part_index, part, number), _cell_quantity(cells, whole_index, whole, number),
                 stated, header[rate_index], True)


def _tables(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(first, stop) line indexes of each run of table rows."""
    found = []
    number = 0
    while number < len(lines):
        if not lines[number].lstrip().startswith("|"):
            number += 1
            continue
        start = number
        while number < len(lines) and lines[number].lstrip().startswith("|"):
            number += 1
        found.append((start, number))
    return found


def _cells(line: str) -> list[tuple[str, int]]:
    """The cells of a table row with their 1-based start columns."""
    cells, column = [], line.index("|") + 1
    for text in line.strip().strip("|").split("|"):
        cells.append((text, column + 1))
        column += len(text) + 1
    return cells


def _number(text: str) -> Optional[tuple[float, float]]:
    text = text.strip().strip("*").replace(",", "")
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", text):
        return None
    decimals = len(text.partition(".")[2])
    return float(text), 0.5 * 10 ** -decimals


def _counted_column(title: str) -> bool:
    """A column of things counted one by one: its unit in brackets (楼栋（栋）,
    上报事件（件）) or its name a count of them (户数, 人数) is in counted-units."""
    match = COLUMN_UNIT.search(title.strip().strip("*"))
    return bool(match) and (match.group("unit") or match.group("counted")) in counted_units()


def _exact(value: tuple[float, float]) -> tuple[float, float]:
    return (value[0], 0.0) if value[0].is_integer() and value[1] == 0.5 else value


def _total_label(cells: list[tuple[str, int]]) -> Optional[int]:
    """Where a row's 合计 stands: its first cell, or the first filled one after empty
    cells (| | 合计 | | 32.60 |: a 序号 column left blank); None in other rows."""
    for index, (text, _) in enumerate(cells):
        if text.strip():
            return index if TABLE_TOTAL.match(text) else None
    return None


def _table_total(lines: Sequence[str], start: int, stop: int) -> list[Total]:
    rows = list(range(start, stop))
    if len(rows) < 4 or not re.fullmatch(r"[\s|:\-]+", lines[rows[1]]):
        return []
    body = rows[2:]
    if any(TABLE_SUBTOTAL.search(lines[n]) for n in body):
        return []
    found = []
    header = [text for text, _ in _cells(lines[rows[0]])]
    for position, row in enumerate(body):
        cells = _cells(lines[row])
        label = _total_label(cells)
        if label is None:
            continue
        above = [_cells(lines[n]) for n in body[:position]]
        for column_index, (text, column) in enumerate(cells[label + 1:], label + 1):
            stated = _number(text)
            values = [_number(r[column_index][0]) if column_index < len(r) else None for r in above]
            if stated is None or not values or None in values:
                continue
            if column_index < len(header) and UNSUMMED_COLUMN.search(header[column_index].strip().strip("*")):
                continue  # 产销差率（%）, 同比增减（%）: a column of rates is not added up
            if column_index < len(header) and _counted_column(header[column_index]):
                # 楼栋（栋）, 户数: whole numbers of things counted are exact
                stated, values = _exact(stated), [_exact(value) for value in values]
            parts = tuple(Quantity(body[i] + 1, 0, 0, "", v, h, "", False, "", "") for i, (v, h) in enumerate(values))
            total = Quantity(row + 1, column, column + len(text), text.strip(), stated[0], stated[1], "", False, "", "")
            found.append(Total(total, parts, in_table=True,
                               header=header[column_index].strip() if column_index < len(header) else ""))
    return found
