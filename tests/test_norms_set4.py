"""The kinds set 4 of issue 23 (tests/drafts/norms4/, written blind in session 4) found
missed, in wording that is not the set's: exact line and column of what must fire and
of what must stay quiet (X光, B超, 5G, 唯一是, 3.5万元 at a line start)."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def at(text: str, rule: str, path: str = "x.txt") -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_text(text, path=path) if d.rule == rule]


QUIET = ("依托5G网络，新增X光机、彩色B超等设备，唯一是设备老化问题。\n"
         "3.5万元举报奖励资金全部发放到位，合格率保持在96%～98%。\n"
         "2024年11月5日至12月20日集中整治，11月—12月复查，执行GB/T 4754-2017。\n")


@pytest.mark.parametrize("rule", ["stray-whitespace", "range-connector", "fixed-expression", "placeholder",
                                  "template-residue", "lost-paragraph-head", "count-mismatch"])
def test_look_alikes_stay_quiet(rule):
    assert at(QUIET, rule) == []


def test_a_range_between_two_percentages_or_two_dates():
    text = "标题\n抽检合格率稳定在96.5%-98%。\n整治时间为2024年11月5日-12月20日，汛期6月~9月值守。\n"
    assert at(text, "range-connector") == [(2, 9), (3, 6), (3, 26)]


def test_a_blank_between_a_figure_and_its_unit_or_the_word_before_it():
    text = "标题\n发现隐患 41 处，培育合作社 5家。\n全体村干部  参加了培训。\n"
    assert at(text, "stray-whitespace") == [(2, 5), (2, 8), (2, 16), (3, 6)]


def test_aligned_signature_and_spaced_title_are_not_blanks_in_a_sentence():
    text = "述  职  报  告\n正文一句。\n述职人：王晓明        2025年12月8日\n"
    assert at(text, "stray-whitespace") == []


@pytest.mark.parametrize("text, column", [
    ("标题\n按照经济建设、政治建设、文化建设、社会建设、法治建设“五位一体”的要求谋划工作。\n", 23),
    ("标题\n药品监管贯彻“四个更严”。\n", 8),
    ("标题\n弘扬敬佑生命、救死扶伤、默默奉献、大爱无疆的职业精神。\n", 13),
    ("标题\n坚决维护习近平总书记党中央的核心、全国人民的核心地位。\n", 11),
])
def test_a_formula_with_a_member_or_word_off(text, column):
    assert at(text, "fixed-expression") == [(2, column)]
