"""Counts a draft states of one thing more than once (figure-conflict, issue 18),
read so that "the same thing" is recognisably the same:

- the size of a named whole (全县16个乡镇卫生院中, 全部8个老旧小区, 现有各类生产经营单位
  1246家, a stock's list after 其中: 其中乡镇卫生院14个, 1246家生产经营单位全部签订);
- a recount in a relative clause (完成除险加固的6座水库, 调研的42家家庭农场, 13个已开工
  项目中): the clause's verb and the thing name an earlier statement;
- the rest of a task (剩余5个, 其余3个, 暂未完成整改的32处), and the rest a sentence implies
  (发现问题63个，已整改58个: 5).

One pass per line, no dictionary. The word lists live in
rules/lexicon/consistency.yaml (count-whole-marks, count-stock-verbs,
count-noun-ends, count-set-after, rest-words, count-done-words,
count-found-words); the rule that judges them is checker/lint/kinds/consistency_figures.py.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional, Sequence

from ..settings.wordlists import lazy_lexicon_regex
from checker.settings.lazy_regex import lazy_regex
from .quantities import Quantity

SENTENCE_END = "。；！？;!?"
BLANKS = " \t\u3000"
SENTENCE_MARK = lazy_regex("[" + SENTENCE_END + "]")
CLAUSE_END = SENTENCE_END + "，,：:"
CLAUSE_MARK = lazy_regex("[" + CLAUSE_END + "]")
WHOLE_MARK_AT_END = lazy_lexicon_regex(r"(?P<mark>{lexicon:count-whole-marks})(?:共有|现有|共|的)?$")
WHOLE_MARK = lazy_lexicon_regex(r"(?P<mark>{lexicon:count-whole-marks})")
# a whole's mark before the first of a list of counts (对辖区5家涉粉尘企业、3家有限空间作业企业)
LISTED_AFTER_MARK = lazy_lexicon_regex(r"(?P<mark>{lexicon:count-whole-marks})(?:共有|现有|共|的)?\d[^，。；：、]*、$")
# this year's result a plan builds on (在今年完成交通固定资产投资12.6亿元的基础上)
THIS_YEAR_BASE = lazy_regex(r"^在(?:今年|本年|全年|年内)?(?P<words>[\u4e00-\u9fff]{2,})$")
# a whole's mark, its thing and the total it reached (全县城乡公交线路达到23条, 全街道社区工作者达到147名)
WHOLE_REACHED = lazy_lexicon_regex(
    r"(?P<mark>{lexicon:count-whole-marks})(?P<noun>[\u4e00-\u9fff]{2,12}?)(?:总数|总量)?(?:达到|达|共计|共有|共|为|有)$")
# the word lists, compiled once (a list's .regex builds its pattern on every call)
NOUN_ENDS = lazy_lexicon_regex("{lexicon:count-noun-ends}")
STOCK_VERBS = lazy_lexicon_regex("{lexicon:count-stock-verbs}")
REST_BEFORE = lazy_lexicon_regex(r"{lexicon:rest-words}[ \t\u3000]*$")
SET_AFTER = lazy_lexicon_regex("{lexicon:count-set-after}")
FOUND_WORDS = lazy_lexicon_regex("{lexicon:count-found-words}")
DONE_WORDS = lazy_lexicon_regex("{lexicon:count-done-words}")
QUALIFIED = "的"  # the place of a whole its own words define (纳入改造计划的老旧小区)
# words that open a relative clause or a count without naming it (对8个…, 将14个…)
OPENERS = lazy_lexicon_regex(r"^(?:[一二三四五六七八九十]是)?{lexicon:count-openers}?")
# words before a count that name nothing of it (今年将10个村级卫生室全部纳入…; 对142家…)
BARE_BEFORE = lazy_lexicon_regex(r"^(?:[一二三四五六七八九十]是)?(?:今年|本年|全年|年内|目前|同时|此外|并)?{lexicon:count-openers}?$")
LEADING_KINDS = lazy_regex(r"^(?:各类|各种|各级|所有|全部|的)")
NOT_YET = lazy_regex(r"^(?:尚|暂|仍)?未(?:[^，。；的]{0,6}的|(?:完成)?(?:整改|办结|销号|完工))")
CJK_RUN = lazy_regex(r"^(?:[\u4e00-\u9fff]|（[^）]{1,8}）|“[^”]{1,8}”)+")


@dataclass(frozen=True)
class Count:
    """A count of a thing and how it names the thing."""

    quantity: Quantity
    kind: str  # whole | relative | remainder | base (在今年…N的基础上) | plain
    noun: str  # the thing counted ("" where not read)
    place: str  # the whole's mark (全县, 全部, 辖区…; 的: a set its words define; "" where none)
    verb: str  # relative: the clause's words (完成除险加固, 已开工); base: the result's words;
    #            a whole its words define: those words (…纳入改造计划); else ""
    before: str  # the comma-clause before the figure
    clause: str  # the comma-clause of the figure, the figure included
    piece: str  # the part of the clause between 、 that holds the figure (其中除险加固6座)
    sentence: str  # the sentence (to 。；) the figure is in
    opening: str  # the sentence up to the figure


@dataclass(frozen=True)
class Rest:
    """The rest of a task one sentence states (剩余5个) or implies (发现63个，已整改58个)."""

    quantity: Quantity  # the figure that states it, or the done part
    value: float
    unit: str
    sentence: str


class _Marks:
    """Where a line's sentence ends (。；！？) and clause marks (，：) stand, found once:
    the bounds of each figure's sentence and clause are looked up, not searched for."""

    def __init__(self, line: str):
        self.line = line
        self.sentence = [match.start() for match in SENTENCE_MARK.finditer(line)]
        self.clause = [match.start() for match in CLAUSE_MARK.finditer(line)]

    def bounds(self, start: int, end: int, clause: bool) -> tuple[int, int]:
        marks = self.clause if clause else self.sentence
        before = bisect_left(marks, start)
        after = bisect_left(marks, end)
        return (marks[before - 1] + 1 if before else 0), (marks[after] if after < len(marks) else len(self.line))


def noun_after(text: str) -> str:
    """The thing named right after a count (乡镇卫生院中仍有 -> 乡镇卫生院)."""
    run = CJK_RUN.match(text)
    if run is None:
        return ""
    noun = run.group(0)
    end = NOUN_ENDS.search(noun, 1)
    return noun[:end.start()] if end else noun


def _stock_noun(before: str) -> str:
    """The thing between a stock verb and the figure (现有各类生产经营单位 -> 生产经营单位;
    纳入改造计划的老旧小区 -> 老旧小区), "" where there is none."""
    verbs = list(STOCK_VERBS.finditer(before))
    if not verbs:
        return ""
    noun = before[verbs[-1].end():]
    noun = noun.rsplit("的", 1)[-1]
    noun = LEADING_KINDS.sub("", noun)
    return noun if CJK_RUN.fullmatch(noun) else ""


def _listed_noun(before: str, sentence_before: str) -> str:
    """A part listed after 其中 in a sentence that states a stock (全县共有医疗卫生机构386个，
    其中…、乡镇卫生院14个): the whole of that part."""
    if "其中" not in before or not STOCK_VERBS.search(sentence_before):
        return ""
    noun = before.rsplit("其中", 1)[-1]
    noun = noun.rsplit("、", 1)[-1]
    return noun if CJK_RUN.fullmatch(noun) else ""


def _count(quantity: Quantity, marks: _Marks) -> Count:
    line = marks.line
    start, end = quantity.column - 1, quantity.end_column - 1
    sentence_start, sentence_end = marks.bounds(start, end, clause=False)
    clause_start, clause_end = marks.bounds(start, end, clause=True)
    before, after = line[clause_start:start].lstrip(BLANKS), line[end:clause_end]
    sentence = line[sentence_start:sentence_end]
    run_before = OPENERS.sub("", quantity.before)

    piece_start = line.rfind("、", clause_start, start) + 1 or clause_start
    piece_end = line.find("、", end, clause_end)
    piece = line[piece_start:piece_end if piece_end >= 0 else clause_end]

    def made(kind: str, noun: str, place: str = "", verb: str = "") -> Count:
        return Count(quantity, kind, noun, place, verb, before, line[clause_start:clause_end], piece, sentence,
                     line[sentence_start:start])

    if REST_BEFORE.search(before) or NOT_YET.match(after):
        return made("remainder", noun_after(NOT_YET.sub("", after)))
    if quantity.before.endswith("的") and len(run_before) > 2:
        return made("relative", noun_after(after), verb=run_before[:-1])
    if after.startswith("已") and not run_before:
        return made("relative", noun_after(after[3:]), verb=after[:3])
    if after.startswith("的基础上") and THIS_YEAR_BASE.match(before):
        return made("base", "", verb=THIS_YEAR_BASE.match(before).group("words"))
    whole = WHOLE_MARK_AT_END.search(before) or LISTED_AFTER_MARK.search(before)
    if whole:
        return made("whole", noun_after(after), whole.group("mark"))
    whole = WHOLE_REACHED.search(before)
    if whole:
        return made("whole", whole.group("noun"), whole.group("mark"))
    if BARE_BEFORE.match(quantity.before) and SET_AFTER.search(after):
        return made("whole", noun_after(after), "全部")
    noun = _stock_noun(before)
    if noun and "的" in before:
        # 纳入改造计划的老旧小区6个: a set its words define, not all of the place's
        qualifier = before[:len(before) - len(noun)].rsplit("的", 1)[0]
        return made("whole", noun, QUALIFIED, verb=qualifier)
    noun = noun or _listed_noun(before, line[sentence_start:clause_start])
    if noun:
        mark = WHOLE_MARK.search(line[sentence_start:clause_start + len(before) - len(noun)])
        return made("whole", noun, mark.group("mark") if mark else "")
    return made("plain", noun_after(after))


def _rests(counts: list[Count]) -> list[Rest]:
    """The rests each sentence states or implies (found minus done)."""
    found_words, done_words = FOUND_WORDS, DONE_WORDS
    rests = []
    for index, count in enumerate(counts):
        quantity = count.quantity
        if count.kind == "remainder":
            rests.append(Rest(quantity, quantity.value, quantity.unit, count.sentence))
            continue
        if not done_words.search(quantity.before):
            continue
        whole = next((other for other in _same_sentence_before(counts, index)
                      if other.quantity.unit == quantity.unit), None)
        if whole is not None and found_words.search(whole.before) and whole.quantity.value > quantity.value:
            rests.append(Rest(quantity, whole.quantity.value - quantity.value, quantity.unit, count.sentence))
    return rests


def _same_sentence_before(counts: list[Count], index: int):
    """The counts before ``counts[index]`` in its sentence, nearest first."""
    count = counts[index]
    for other in reversed(range(index)):
        one = counts[other]
        if one.quantity.line != count.quantity.line or one.sentence != count.sentence:
            return
        yield one


def recounts(lines: Sequence[str], quantities: Sequence[Quantity]) -> tuple[tuple[Count, ...], tuple[Rest, ...]]:
    """Every count with how it names its thing, and the rests of tasks, in text order
    (tables and percentages left out)."""
    counts = []
    marks: Optional[_Marks] = None
    for quantity in quantities:
        line = lines[quantity.line - 1]
        if quantity.percent or quantity.points or line.lstrip().startswith("|"):
            continue
        if marks is None or marks.line is not line:
            marks = _Marks(line)
        counts.append(_count(quantity, marks))
    return tuple(counts), tuple(_rests(counts))
