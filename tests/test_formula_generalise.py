"""The formula parts of fixed-expression on wording no list names (issue 23, set 2):
the groups of a formula whose member holds 和 (和谐), formulas listed in any order,
near misses of known labels and of a label's numeral or last word, and a member
named outside the list's clause."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from checker.settings.expressions import groups_of


def fixed(text: str) -> list[str]:
    return [d.message for d in lint_text(text, path="x.txt") if d.rule == "fixed-expression"]


def test_a_member_that_holds_a_joiner_stays_one_member():
    members = ("富强", "民主", "文明", "和谐", "美丽")
    assert groups_of("富强、民主、文明、和谐、美丽", members) == (members,)
    assert groups_of("形式主义、官僚主义、享乐主义和奢靡之风", ("形式主义", "官僚主义", "享乐主义", "奢靡之风")) == \
        (("形式主义", "官僚主义", "享乐主义", "奢靡之风"),)


@pytest.mark.parametrize("text, wrong", [
    ("建设富强、民主、文明、和美、美丽的社会主义现代化强国。", "和美"),
    ("推动医保、医疗、医养协同发展。", "医养"),                 # a formula listed in any order
    ("坚持德育、智育、体育、美育、心理教育五育并举。", "心理教育"),  # nothing marks the list's end
    ("深化医药卫生体制改革，推动医疗、医保、医械协同发展。", "医械"),  # 医药 named outside the list
])
def test_one_wrong_member_is_reported_naming_it(text, wrong):
    messages = fixed(text)
    assert len(messages) == 1 and f"“{wrong}”不在其列" in messages[0]


@pytest.mark.parametrize("text", [
    "推动医疗、医保、医药协同发展和治理。",                   # 三医: any order
    "开展安全宣传进学校、进家庭、进企业、进社区、进农村活动。",
    "建设富强民主文明和谐美丽的社会主义现代化强国，践行富强、民主、文明、和谐。",
    "坚持政治建设、能力建设、作风建设一体推进。",              # three items, not the five of 党的建设
])
def test_right_lists_stay_quiet(text):
    assert fixed(text) == []


@pytest.mark.parametrize("text, label", [
    ("严格履行“一岗多责”。", "一岗双责"),        # a numeral replaced by another word, quoted
    ("推进“两学一讲”学习教育。", "两学一做"),    # one character off a known label
    ("落实“三管三负责”要求。", "三管三必须"),    # the last word of a label with two numerals
])
def test_a_label_off_a_known_one_is_reported(text, label):
    messages = fixed(text)
    assert len(messages) == 1 and f"应为“{label}”" in messages[0]


@pytest.mark.parametrize("text", [
    "坚持“两个务必”，牢记“三个务必”，推进“两学一做”。",   # numeral for numeral: other formulas
    "协调多个部门，落实一岗多责。",                       # unquoted, one numeral: not a label
    "推行“三个一批”，落实“四个不摘”。",
])
def test_labels_and_ordinary_words_stay_quiet(text):
    assert fixed(text) == []
