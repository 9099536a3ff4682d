"""figure-conflict (issue 18), on by default: one thing counted twice with two
values, where the draft makes plain it is the same thing (checker/analyse/recounts.py:
a whole named again, a recount in a relative clause, the rest of a task, a table's
合计, the same words alone) — and what only looks like it: two counts sharing a verb,
other places, years, periods, programmes, a stock that grew. Each case is a short
draft of its own wording; the false alarms of the clean drafts (tests/drafts/clean5)
are among the look-alikes, in other words."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def found(text: str) -> list[tuple[int, int]]:
    path = "table.md" if text.startswith(("|", "#")) else "draft.txt"
    found = lint_text(text, path=path)
    assert [d.message for d in found if d.rule == "internal-error"] == []
    return [(d.line, d.column) for d in found if d.rule == "figure-conflict"]


FIRES = [
    ('a recount opened by 在 (blind 6b, in other words)',
     '　　全区计划改造老旧小区28个，均已开工，其中已完工19个。\n　　在21个已完工小区开展居民满意度测评。',
     [(2, 4)]),
    ('the period\'s new things named the same twice (blind 6b, in other words)',
     '　　全年新增城镇就业岗位860个，城镇登记失业率控制在3%以内。\n　　二、就业服务。新增城镇就业岗位680个，其中公益性岗位120个。',
     [(2, 18)]),
    ('a whole named again',
     '　　全县共有医疗卫生机构386个，其中县级公立医院3个、乡镇卫生院14个。\n　　三是全县16个乡镇卫生院中仍有5个设备老化。',
     [(2, 7)]),
    ('all of a stock after its count',
     '　　东城街道现有各类生产经营单位1246家。\n　　街道与8个社区、1264家生产经营单位全部签订安全生产责任书。',
     [(2, 11)]),
    ('brackets aside',
     '　　全区共有学校（含幼儿园）食堂142家。\n　　6月，对148家学校食堂开展全覆盖检查。',
     [(2, 7)]),
    ('two characters left out, in a plan',
     '　　全乡纳入防返贫动态监测对象58户。\n　　三、下一步打算\n　　对全乡85户防返贫监测对象持续跟踪帮扶。',
     [(3, 6)]),
    ('a plan restating all of a whole',
     '　　今年纳入改造计划的老旧小区6个。\n　　三、下半年工作安排\n　　12月底前完成全部8个老旧小区改造任务。',
     [(3, 12)]),
    ('a recount in a relative clause',
     '　　完成小型水库除险加固6座。\n　　完成除险加固的8座水库均已通过蓄水安全鉴定。',
     [(2, 10)]),
    ('a sample recounted',
     '　　深入9个乡镇42家家庭农场开展专题调研。\n　　调研的48家家庭农场户均纯收入28.6万元。',
     [(2, 6)]),
    ('a part recounted',
     '　　186个图斑已全部完成整改，其中拆除复耕132个、完善用地手续54个。\n　　拆除复耕的123个图斑共恢复耕地812.4亩。',
     [(2, 8)]),
    ('已 after the figure',
     '　　今年计划实施重点项目15个，已开工13个。\n　　二是12个已开工项目中有4个存在用地缺口。',
     [(2, 5)]),
    ('a rest stated',
     '　　排查发现问题63个，已整改销号58个，剩余5个已明确整改时限。\n　　三、下一步打算\n　　确保剩余6个问题于6月底前整改销号。',
     [(3, 7)]),
    ('a rest implied',
     '　　反馈问题共24个，已完成整改21个。\n　　剩余4个未完成整改的问题均为历史遗留问题。',
     [(2, 5)]),
    ('未整改 after the figure',
     '　　共发现问题隐患1275处，已整改1243处。\n　　对自查中发现的23处未整改问题隐患限期整改。',
     [(2, 10)]),
    ("a table's 合计",
     '| 社区 | 上报事件（件） |\n| --- | --- |\n| 湖滨社区 | 412 |\n| 柳岸社区 | 386 |\n| 合计 | 798 |\n\n上半年，全街道共上报网格事件789件。',
     [(7, 15)]),
    ('a header ending with its unit',
     '# 2025年上半年工作情况报告\n\n| 季度 | 门急诊人次 |\n| --- | --- |\n| 第一季度 | 98640 |\n| 第二季度 | 104375 |\n| 合计 | 203015 |\n\n上半年门急诊203105人次，运行平稳。',
     [(9, 7)]),
    ('a summary and its detail',
     '　　全年实施重点项目24个、改造老旧小区6个。\n　　（四）民生保障。改造老旧小区9个，惠及居民1280户。',
     [(2, 17)]),
    ('a total reached, restated whole',
     '　　新开通城乡公交线路6条，全县城乡公交线路达到23条。\n　　自5月1日起在全县32条城乡公交线路实行1元票价。',
     [(2, 12)]),
    ('a set the part is taken from',
     '　　2025年公开招聘社区工作者21名，全街道社区工作者达到147名。\n　　三是174名社区工作者中取得社会工作者职业资格的仅52名。',
     [(2, 5)]),
    ('the done part named by its verb',
     '　　23个问题中已完成整改19个，其余4个正在推进。\n　　三、下一步打算\n　　对已完成整改的21个问题逐一复核。',
     [(3, 10)]),
    ("this year's result a plan builds on",
     '2025年工作总结\n\n　　全年完成交通固定资产投资12.6亿元。\n　　三、2026年工作安排\n　　在今年完成交通固定资产投资12.9亿元的基础上，力争再上台阶。',
     [(5, 16)]),
    ('辖区 of a township against the township',
     '青石镇2025年工作总结\n\n　　对辖区5家涉粉尘企业、3家有限空间作业企业开展专项执法。\n　　对全镇4家有限空间作业企业实行作业审批管理。\n\n　　　　青石镇人民政府\n　　　　2025年12月26日',
     [(4, 6)]),
]

QUIET = [
    ('a recount opened by 在 that agrees',
     '　　全区计划改造老旧小区28个，均已开工，其中已完工19个。\n　　在19个已完工小区开展居民满意度测评。'),
    ('new things of this year and all of them so far',
     '　　全年新建高标准农田3.2万亩。\n　　截至11月底，累计建成高标准农田38.5万亩。'),
    ('new things of two periods',
     '　　上半年新增城镇就业岗位420个。\n　　全年新增城镇就业岗位860个。'),
    ('two measures sharing a verb',
     '　　扶持创业主体318个，带动就业1046人。\n　　建成返乡创业园2个，带动就业1520人。'),
    ('two places checked',
     '　　对景区内大型游乐设施开展安全检查2次。\n　　对5个公共文化场馆开展安全检查12次。'),
    ('two programmes',
     '　　全年开发公益性岗位318个。\n　　开发乡村公益性岗位1260个，按月发放岗位补贴。'),
    ('the same words in sibling sections',
     '　　一、宣传教育\n　　1.开展七进宣传。发放宣传资料5.6万份。\n　　2.开展劝导。劝导纠正违法行为2.36万起，发放宣传资料2.1万份。'),
    ('another place',
     '　　全县共有医疗卫生机构386个，其中乡镇卫生院14个。\n　　全市120个乡镇卫生院中仍有5个设备老化。'),
    ('another year',
     '　　全县共有医疗卫生机构386个，其中乡镇卫生院14个。\n　　2023年全县12个乡镇卫生院中仍有5个设备老化。'),
    ('work on some',
     '　　全县共有医疗卫生机构386个，其中乡镇卫生院14个。\n　　完成4家乡镇卫生院标准化改造。'),
    ('a stock that grew',
     '　　全县共有家庭农场620家。\n　　新增家庭农场60家，全县680家家庭农场全部纳入名录管理。'),
    ('candidates that disagree',
     '　　全年完成水库除险加固和监测设施建设共27座，其中除险加固6座、监测设施建设21座。\n　　完成除险加固的6座水库均已通过蓄水安全鉴定。'),
    ('a recount of another period',
     '　　完成小型水库除险加固6座。\n　　上半年完成除险加固的3座水库已通过验收。'),
    ('the rest of another thing',
     '　　实施项目29个，已完工24个，其余5个有序推进。\n　　确保剩余6个问题于6月底前整改销号。'),
    ('the rest agrees',
     '　　排查发现问题63个，已整改58个，剩余5个已明确时限。\n　　剩余5个问题于6月底前整改销号。'),
    ('a sentence counting something else',
     '| 社区 | 办结（件） |\n| --- | --- |\n| 湖滨社区 | 405 |\n| 柳岸社区 | 380 |\n| 合计 | 785 |\n\n受理热线工单2386件，办结2350件。'),
    ("a part of the table's column",
     '| 社区 | 上报事件（件） |\n| --- | --- |\n| 湖滨社区 | 412 |\n| 柳岸社区 | 386 |\n| 合计 | 798 |\n\n其中上报事件320件涉及安全隐患。'),
    ('money for two purposes',
     '　　教育方面，安排资金1.18亿元支持学校改造。\n　　养老方面，安排资金2860万元，新建养老服务中心3个。'),
    ('a stock told after its change',
     '　　全县共有家庭农场620家。\n　　新增家庭农场60家，全县680家家庭农场全部纳入名录管理。\n　　全县680家家庭农场中有52家为示范农场。'),
    ('a middle term, no set',
     '　　全县共有重点项目15个。\n　　3个重点项目中期评估已完成。'),
    ("a set its words define against the place's all",
     '　　全县纳入重点监测的企业86家。\n　　全县120家企业全部签订安全生产责任书。'),
    ('two sets their words define',
     '　　纳入重点监测的企业86家。\n　　纳入帮扶名单的企业20家。'),
    ('a recount of a part the earlier count does not name',
     '　　全年检查企业860家，其中食品企业320家。\n　　对检查的320家食品企业建立档案，对检查的300家食品企业开展回访。'),
    ('a statement of another quarter',
     '　　一季度，全镇完成固定资产投资2.1亿元。\n　　上半年，全镇完成固定资产投资4.3亿元。'),
    ('a stock at two times',
     '　　一季度末，全县共有家庭农场620家。\n　　上半年末，全县共有家庭农场640家。'),
    ('辖区 of a township against the county',
     '青石镇2025年工作总结\n\n　　对辖区内12家重点企业全部开展检查。\n　　全县共有重点企业86家。\n\n　　　　青石镇人民政府\n　　　　2025年12月26日'),
    ("a table's column in another month range",
     '| 社区 | 上报事件（件） |\n| --- | --- |\n| 湖滨社区 | 412 |\n| 柳岸社区 | 386 |\n| 合计 | 798 |\n\n1—5月上报网格事件650件。'),
    ('辖区 where the author is not known',
     '　　对辖区5家涉粉尘企业、3家有限空间作业企业开展专项执法。\n　　对全镇4家有限空间作业企业实行作业审批管理。'),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in FIRES], ids=[case[0] for case in FIRES])
def test_the_same_thing_counted_twice_is_reported_at_the_later_figure(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [case[1] for case in QUIET], ids=[case[0] for case in QUIET])
def test_counts_that_may_be_of_another_thing_stay_quiet(text):
    assert found(text) == []


def test_the_message_names_both_places_and_the_thing():
    text = "　　全县共有医疗卫生机构386个，其中乡镇卫生院14个。\n　　三是全县16个乡镇卫生院中仍有5个设备老化。"
    [finding] = [d for d in lint_text(text, path="draft.txt") if d.rule == "figure-conflict"]
    assert finding.severity == "warning"
    assert finding.message == "“乡镇卫生院”前后数字不一致：此处为“16个”，第1行为“14个”"
