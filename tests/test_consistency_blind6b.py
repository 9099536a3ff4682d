"""The kinds of consistency defect and look-alike the blind set 6b showed the rules
(issue 18, round 2): what fires, on which line and column, and the look-alike beside it
that must stay quiet. Each case is a short draft of its own wording, not a sentence of the set."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def found(rule: str, text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_text(text, path="draft.txt") if d.rule == rule]


FIRES = [
    # a title looking back and ahead: its signature in last year is the period's (one finding, no date-order)
    ("year-mismatch", "石门县林业局2025年工作总结及2026年工作打算\n\n　　2025年，全县完成造林1.2万亩。4月2日，召开春季造林推进会。"
                      "6月9日，开展松材线虫病普查。9月16日，组织森林防火演练。\n\n石门县林业局\n2024年12月20日", [(6, 1)]),
    # three events after the signature date: the signature is the odd one, reported once there
    ("date-order", "县水利局关于2025年汛期工作情况的报告\n\n　　5月6日，召开防汛工作会议。6月18日，开展山洪灾害防御演练。7月21日，"
                   "组织水库安全检查。\n\n县水利局\n2025年4月30日", [(6, 1)]),
    # the same title of the same level, one character off
    ("name-mismatch", "　　副区长李国平同志到现场督导。\n　　副区长李国萍同志主持召开调度会。", [(2, 6)]),
    # the contact named right after 联系人, one character off the deputy in charge
    ("name-mismatch", "　　分管副局长钱海涛同志牵头抓落实。\n\n（联系人：钱海滔，电话：0571-66668888）", [(3, 6)]),
]

QUIET = [
    # a plan whose title says so, signed the year before: no signature to judge
    ("year-mismatch", "石门县林业局2026年工作打算\n\n　　2026年，全县计划造林1.5万亩。\n\n石门县林业局\n2025年12月20日"),
    # last year's audit named as such
    ("year-mismatch", "石门县林业局2025年度工作总结\n\n　　对县审计局2024年度预算执行审计发现的3个问题，已全部整改到位。\n\n"
                      "石门县林业局\n2025年12月20日"),
    # a county's 书记 beside the township's 书记 who reports: another person
    ("name-mismatch", "白石乡党委书记2025年度述职报告\n中共白石乡委员会书记  陈思远\n\n　　5月8日，县委书记陈思源到白石村调研。\n\n"
                      "述职人：陈思远\n2026年1月12日"),
    # the head is never the contact: another person
    ("name-mismatch", "　　局长钱海涛同志牵头抓落实。\n\n（联系人：钱海滔，电话：0571-66668888）"),
    # a contact after the office: the clerk, whoever the deputy is
    ("name-mismatch", "　　分管副局长钱海涛同志牵头抓落实。\n\n联系人：局办公室  钱海滔"),
]



FIRES_2 = [
    # a span of an earlier year opened by 自, told as the period's work
    ("year-mismatch", "县应急管理局关于2025年安全生产大排查工作情况的报告\n\n　　全县自2024年5月至9月开展安全生产大排查，共排查企业320家。\n\n"
                      "县应急管理局\n2025年10月10日", [(3, 6)]),
    # the author's own plan of the year issued under last year
    ("year-mismatch", "白河县统计局2025年工作总结\n\n　　2月10日，召开全局工作会议，制定《2024年度统计执法检查工作计划》。\n\n"
                      "白河县统计局\n2025年12月15日", [(3, 21)]),
    # the signature of another unit of the title's type and county
    ("unit-mismatch", "中共白河县统计局党组关于2025年度意识形态工作责任制落实情况的报告\n\n　　局党组认真落实主体责任。\n\n"
                      "中共白河县审计局党组\n2025年12月15日", [(5, 6)]),
    # another county at the end of the chain of superiors
    ("unit-mismatch", "河湾镇2025年工作总结\n\n　　在安平县委、县政府的坚强领导下，全镇经济平稳运行。及时传达学习中央、省、市和宁远县委全会精神。\n\n"
                      "河湾镇人民政府\n2025年12月18日", [(3, 41)]),
    # 我所 with 与 in a 局's draft
    ("unit-mismatch", "县公安局2025年工作总结\n\n　　我所联合县交通运输局开展道路交通安全整治。\n\n县公安局\n2025年12月18日", [(3, 3)]),
]

QUIET_2 = [
    ("year-mismatch", "县应急管理局关于2025年安全生产大排查工作情况的报告\n\n　　全县自2024年5月至今持续开展安全生产大排查。\n\n"
                      "县应急管理局\n2025年10月10日"),
    ("year-mismatch", "白河县统计局2025年工作总结\n\n　　2月10日，印发《2024年度统计工作考核办法实施方案》。\n\n白河县统计局\n2025年12月15日"),
    # an audit report: the title names the unit audited after 关于, the auditor signs
    ("unit-mismatch", "白河县审计局关于县统计局2025年度预算执行情况的审计报告\n\n　　我局依法实施了审计。\n\n白河县审计局\n2025年12月15日"),
    ("unit-mismatch", "河湾镇2025年工作总结\n\n　　在安平县委、县政府的坚强领导下，全镇经济平稳运行。及时传达学习中央、省、市和安平县委全会精神。\n\n"
                      "河湾镇人民政府\n2025年12月18日"),
    ("unit-mismatch", "县公安局城关派出所2025年工作总结\n\n　　我所联合县交通运输局开展道路交通安全整治。\n\n县公安局城关派出所\n2025年12月18日"),
]


@pytest.mark.parametrize("rule, text, expected", FIRES + FIRES_2)
def test_fires_at_the_place(rule, text, expected):
    assert found(rule, text) == expected


@pytest.mark.parametrize("rule, text", QUIET + QUIET_2)
def test_look_alikes_stay_quiet(rule, text):
    assert found(rule, text) == []


def test_two_events_after_the_signature_are_reported_at_each():
    text = ("县水利局关于2025年汛期工作情况的报告\n\n　　5月6日，召开防汛工作会议。6月18日，开展山洪灾害防御演练。\n\n"
            "县水利局\n2025年4月30日")
    assert found("date-order", text) == [(3, 3), (3, 17)]


@pytest.mark.parametrize("text, expected", [
    # a plan word of a later clause is another step's
    ("白河县水利局2025年前三季度工作情况汇报\n\n　　计划新建堤防6公里。截至10月25日，已建成4公里，剩余2公里力争年底前完工。\n\n"
     "白河县水利局\n2025年10月18日", [(3, 15)]),
    # under a heading of plans an event told done with 了
    ("白河县水利局2025年工作情况报告\n\n四、下一步打算\n　　12月16日，我局举办了全县河湖长制培训班。\n\n白河县水利局\n2025年12月8日", [(4, 3)]),
    # its own clause a plan: quiet
    ("白河县水利局2025年前三季度工作情况汇报\n\n　　截至9月底，已建成4公里，剩余2公里力争10月25日前完工。\n\n白河县水利局\n2025年10月18日", []),
    ("白河县水利局2025年工作情况报告\n\n四、下一步打算\n　　12月16日，我局将举办全县河湖长制培训班。\n\n白河县水利局\n2025年12月8日", []),
])
def test_events_after_the_signature_in_other_clauses_and_under_plans(text, expected):
    assert found("date-order", text) == expected


@pytest.mark.parametrize("text, expected", [
    ("　　8月3日，我县遭遇持续强降雨。\n　　灾后，我局于7月28日完成水毁农田修复。", [(2, 9)]),
    ("　　6月15日，山洪袭击石门村。灾后，6月上旬完成恢复重建。", [(1, 20)]),
    # a month counts to its end; a step told as before the disaster; a repair after it
    ("　　8月3日，我县遭遇持续强降雨。\n　　灾后，我局于8月完成水毁农田修复。", []),
    ("　　8月3日，我县遭遇持续强降雨。此前，7月28日已完成防汛物资储备。", []),
    ("　　8月3日，我县遭遇持续强降雨。灾后，8月上旬完成水毁农田修复。", []),
])
def test_a_step_after_a_disaster_dated_before_it(text, expected):
    assert found("date-order", text) == expected
