"""Whom a draft speaks for, line by line (checker/analyse/units.py): the alternatives
of the author's own kind of unit, and the lines that quote an anonymised case."""

from __future__ import annotations

from checker.analyse import units
from conftest import parse_text


def test_alternatives_of_the_authors_own_kind_only():
    text = ("县卫生健康局2024年工作总结\n\n一、主要工作\n县卫生健康局（委）认真履职。\n"
            "全县乡镇（街道）卫生院全部达标，各县（市、区）同步推进。\n\n县卫生健康局\n2025年1月6日")
    document = parse_text(text)
    assert units.own_kind_lines(document, frozenset({1, 7})) == {4}


def test_a_line_that_quotes_a_case_anonymises_it():
    document = parse_text("关于防汛工作的报告\n\n典型案例：某某镇某某村突发山洪。\n由某某任组长。")
    assert units.case_lines(document) == {3}
