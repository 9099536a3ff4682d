"""Quantities a draft states: a figure (Arabic, with 万/亿, decimals), its unit of
measure (个, 家, 人次, 万元, 亩, %, 个百分点…) and whether it is an estimate
(约, 近, 余, 以上, 左右…), with the words around it that name what is counted.

One regular expression pass per line. Units and estimate words live in
rules/lexicon/consistency.yaml (measure-units, counted-units, approximate-before,
approximate-after).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..numerals import chinese_to_int
from ..settings.wordlists import wordlist
from checker.settings.lazy_regex import compile_cached, lazy_regex

MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
DIGIT = lazy_regex(r"\d")
RUN_BREAKS = "，。；：、,;:（）()“”《》【】！？!? \t\u3000|"


@dataclass(frozen=True)
class Quantity:
    line: int
    column: int  # 1-based, where the figure starts
    end_column: int  # 1-based, exclusive: after the unit
    text: str
    value: float  # in the base unit (3.62万件 -> 36200)
    half_step: float  # half the last written digit, in the base unit: how far rounding may move it
    #                   (0 for a whole number of things counted: 24个)
    unit: str  # 件, 元, %, 个百分点
    approximate: bool  # 约, 近, 余, 多, 以上, 左右, 超…
    before: str  # the words right before the figure (back to a punctuation mark)
    after: str  # the words right after the unit (up to a punctuation mark)

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def points(self) -> bool:
        return self.unit == "个百分点"

    @property
    def low(self) -> float:
        return self.value - self.half_step

    @property
    def high(self) -> float:
        return self.value + self.half_step


@lru_cache(maxsize=1)
def quantity_regex() -> re.Pattern:
    units = sorted(wordlist("measure-units").words, key=len, reverse=True)
    approx_after = wordlist("approximate-after").alternation
    return compile_cached(  # (?=\d): a position without a digit fails at once, before the lookbehind
        r"(?=\d)(?<![\d.A-Za-z])(?P<number>\d+(?:\.\d+)?)(?P<mid>余|多)?(?P<mult>万|亿)?"
        rf"(?P<unit>%|％|个百分点|{'|'.join(units)})(?P<approx>{approx_after})?")


@lru_cache(maxsize=1)
def approximate_before() -> re.Pattern:
    return compile_cached("(?:" + wordlist("approximate-before").alternation + r")[ \t\u3000]*$")


def _run_before(line: str, start: int) -> str:
    position = start
    while position > 0 and line[position - 1] not in RUN_BREAKS and not line[position - 1].isdigit():
        position -= 1
    return line[position:start]


def _run_after(line: str, end: int) -> str:
    position = end
    while position < len(line) and line[position] not in RUN_BREAKS and not line[position].isdigit():
        position += 1
    return line[end:position]


@lru_cache(maxsize=1)
def counted_units() -> frozenset[str]:
    return frozenset(wordlist("counted-units").words)


def quantities_in_line(number: int, line: str) -> list[Quantity]:
    found = []
    counted = counted_units()
    for match in quantity_regex().finditer(line):
        figure = match.group("number")
        decimals = len(figure.partition(".")[2])
        scale = MULTIPLIER.get(match.group("mult") or "", 1)
        unit = "%" if match.group("unit") in ("%", "％") else match.group("unit")
        exact = not decimals and scale == 1 and unit in counted  # 24个 is counted, not rounded
        before = _run_before(line, match.start())
        approximate = bool(match.group("mid") or match.group("approx")) or bool(approximate_before().search(
            line[max(0, match.start() - 4):match.start()]))
        found.append(Quantity(
            line=number, column=match.start() + 1, end_column=match.end("unit") + 1, text=match.group(0),
            value=float(figure) * scale, half_step=0.0 if exact else 0.5 * 10 ** -decimals * scale, unit=unit,
            approximate=approximate, before=before, after=_run_after(line, match.end("unit")),
        ))
    return found


@lru_cache(maxsize=1)
def chinese_count_regex() -> re.Pattern:
    units = sorted(wordlist("counted-units").words, key=len, reverse=True)
    return compile_cached(  # 三十一个, 十八个, 九十六家; not 第三个, 一次性, 十五五
        r"(?<![第零〇一二两三四五六七八九十百千万亿])(?P<number>[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])"
        rf"(?P<unit>{'|'.join(units)})(?![性是])")


def chinese_counts_in_line(number: int, line: str) -> list[Quantity]:
    """Counts written in Chinese numerals (社会组织党支部十八个, 九十六家), 1 to 99, in a
    unit of counted-units: exact whole numbers. Only the parts of a total read them
    (checker/analyse/relations.py), where a list mixes them with Arabic figures."""
    found = []
    for match in chinese_count_regex().finditer(line):
        value = chinese_to_int(match.group("number").replace("两", "二"))
        if value is None:
            continue
        found.append(Quantity(
            line=number, column=match.start() + 1, end_column=match.end() + 1, text=match.group(0), value=float(value),
            half_step=0.0, unit=match.group("unit"), approximate=False, before=_run_before(line, match.start()),
            after=_run_after(line, match.end())))
    return found


def all_quantities(lines: Sequence[str]) -> tuple[Quantity, ...]:
    return tuple(q for number, line in enumerate(lines, 1) if DIGIT.search(line)
                 for q in quantities_in_line(number, line))
