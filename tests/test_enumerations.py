"""Inline enumerators: jieba keeps 唯一是 and friends out, and is loaded only
when a document has a candidate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker.parse.enumerations import find_enumerators
from conftest import parse_text


def markers(text: str) -> list[tuple[str, int]]:
    return [(e.marker, e.span.column) for e in find_enumerators(text, line=1)]


def test_inline_enumerators_with_columns():
    text = "工作开展情况。一是加强理论武装。二是坚持学用结合；三是强化监督。"
    assert markers(text) == [("一是", 8), ("二是", 17), ("三是", 26)]


@pytest.mark.parametrize("text, expected", [
    ("问题主要表现为一是学习不深；二是作风不实。", [("一是", 8), ("二是", 15)]),
    ("困难主要有一是资金缺口大，二是用地指标紧。", [("一是", 6), ("二是", 14)]),
])
def test_an_enumeration_announced_without_a_colon(text, expected):
    assert markers(text) == expected


@pytest.mark.parametrize("text", [
    "这是唯一是最好的办法。", "思想统一是前提。", "重要任务之一是抓落实。", "其一是加强学习。",
    "坚持一是一、二是二的原则。", "坚持一是一，二是二。", "做到三个一是基础。",
    "把“三是”原则贯穿工作全过程。", "①号机组、②号楼完成检修。",
])
def test_look_alikes_are_not_enumerators(text):
    assert markers(text) == []


def test_markdown_bold_enumerators():
    assert [m for m, _ in markers("**一是**坚持学习；**二是**压实责任。")] == ["一是", "二是"]


def test_enumerator_after_comma_and_at_start():
    assert [m for m, _ in markers("一是健全制度，二是压实责任")] == ["一是", "二是"]


def test_circled_numbers_inline():
    assert [m for m, _ in markers("包括①健全制度；②压实责任。")] == ["①", "②"]


def test_leading_enumerated_line_is_an_item_and_idiom_line_is_text():
    document = parse_text("标题\n一是健全制度。\n一是一、二是二，实事求是。")
    assert document.line_kinds[2] == "enumerated"
    assert document.line_kinds[3] == "paragraph"
    assert [e.number for e in document.root.enumerators] == [1]


def _segmenter_used_after(text: str) -> bool:
    """Whether linting ``text`` in a fresh process consulted the numeral
    dictionary; jieba itself is never imported (checker/parse/segment.py)."""
    code = (
        "import sys; from checker.api import lint_text; from checker.parse import segment; "
        f"lint_text({text!r}); assert 'jieba' not in sys.modules; "
        "print(segment._numeral_dictionary.cache_info().currsize == 1)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip() == "True"


def test_the_segmenter_is_not_used_without_a_candidate():
    assert _segmenter_used_after("标题\n一、主要工作\n（一）加强学习。全年开展学习12次。") is False


def test_the_segmenter_is_used_for_a_candidate_without_importing_jieba():
    assert _segmenter_used_after("标题\n（一）加强学习。一是健全制度。二是压实责任。") is True
