"""Every rule type and the parser do work linear in the size of the line and
of the document (issue 10). Not timed: the work is *counted* — the items of
the section tree's lists that the rules visit, and the characters handed to
jieba — at a size n and at 4n; linear work grows about 4 times, quadratic
work 16 times. The seconds these shapes take are in bench/scaling.py and
docs/performance.md.
"""

from __future__ import annotations

import pytest

from checker.parse import segment
from checker.api import Config
from checker.lint.engine import run_rules
from checker.parse.enumerations import SEGMENT_WINDOW
from checker.model import SourceText
from checker.parse.outline import parse_document

TITLE = "关于某某工作的报告\n"
LINEAR_RATIO = 5.0  # work at 4n over work at n: 4 when linear, 16 when quadratic


class CountingList(list):
    """A list that counts the items handed out by iterating over it."""

    visits = 0

    def __iter__(self):
        for item in super().__iter__():
            CountingList.visits += 1
            yield item


def rule_work(text: str, path: str = "draft.txt") -> int:
    """How many items of the section tree's lists the rules visit on ``text``."""
    document = parse_document(SourceText.from_string(text, path))
    for section in document.root.walk():
        section.children = CountingList(section.children)
        section.paragraphs = CountingList(section.paragraphs)
        section.enumerators = CountingList(section.enumerators)
    CountingList.visits = 0
    run_rules(document, Config.load().rules)
    return CountingList.visits


DOCUMENT_SHAPES = {
    "sibling （1） headings": lambda n: TITLE + "（1）加强学习，提高认识\n" * n,
    "sibling 一、 headings": lambda n: TITLE + "一、加强学习，提高认识\n" * n,
    "bodiless full-sentence items": lambda n: TITLE + "一、总体\n" + "1. 加强学习。\n" * n + "2. 改进作风\n",
    "part lines between headings": lambda n: TITLE + "第一部分　工作回顾\n一、成绩\n内容。\n" * n,
    "stated counts": lambda n: TITLE + "主要有以下三个方面：\n一是学习。\n二是作风。\n三是纪律。\n" * n,
    "statements before many children": lambda n: TITLE + "一、总体\n" + "有以下三个方面：\n" * n + "（一）学习\n" * n,
    "every level repeated": lambda n: TITLE + "一、总体\n（一）分项\n1. 细项\n（1）要点\n①内容。\n" * n,
    "numbers that skip": lambda n: TITLE + "".join(f"{k}. 第{k}项。\n" for k in range(1, 6 * n, 3)),
}


@pytest.mark.parametrize("shape", sorted(DOCUMENT_SHAPES))
def test_rules_visit_the_tree_linearly(shape):
    build = DOCUMENT_SHAPES[shape]
    small, large = rule_work(build(60)), rule_work(build(240))
    assert small > 0
    assert large / small < LINEAR_RATIO, f"{shape}: {small} → {large} visits"


def segmented_characters(monkeypatch, text: str) -> tuple[int, int]:
    """(characters jieba was given, calls) while parsing ``text``."""
    counted = {"characters": 0, "calls": 0}
    first_word = segment.enumerator_first_word

    def counting_first_word(clause: str) -> str:
        counted["characters"] += len(clause)
        counted["calls"] += 1
        return first_word(clause)

    monkeypatch.setattr(segment, "enumerator_first_word", counting_first_word)
    parse_document(SourceText.from_string(text, "draft.txt"))
    return counted["characters"], counted["calls"]


@pytest.mark.parametrize("unit", ["一是 ", "（一是", "“一是", "一是", "一是一 "])
def test_each_enumerator_candidate_segments_a_bounded_window(monkeypatch, unit):
    """Many 一是 on one line without a clause end between them: each candidate
    hands jieba at most SEGMENT_WINDOW characters, not the rest of the line."""
    characters, calls = segmented_characters(monkeypatch, TITLE + unit * 3000 + "\n")
    assert calls >= 1
    assert characters <= calls * SEGMENT_WINDOW
