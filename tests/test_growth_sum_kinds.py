"""growth-mismatch and sum-mismatch generalised (issue 18, session 5): the kinds the
blind set 5 and the helper's own fresh passages missed, each in words of its own
(not a sentence of any measured set), on which line and column, and the look-alike
beside it that must stay quiet."""

from __future__ import annotations

import pytest

from checker.api import lint_text


def found(rule: str, text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_text(text, path="draft.txt") if d.rule == rule]


FIRES = [
    # blind set 6b, in other words: the parts after a change against the figure before it
    ("sum-mismatch", "　　全年蔬菜种植面积18.4万亩，较上年增加1.2万亩，其中露地蔬菜12.6万亩、设施蔬菜6.3万亩。", (1, 11)),
    # a whole named after its figure (32个社区 for 占社区总数的); a rate whose part is not negated
    ("growth-mismatch", "　　全镇共有32个社区。已有24个社区建成党群服务站，占社区总数的80.0%。", (1, 34)),
    ("growth-mismatch", "　　抽检食品样品2400批次，合格样品2364批次，抽检合格率98.0%。", (1, 32)),
    # a total naming a second unit in brackets: parts in either
    ("sum-mismatch", "　　全年出栏畜禽152.6万头（只），其中生猪38.4万头、肉牛2.1万头、家禽122.1万只。", (1, 9)),
    # 约 ending a verb (已签约) is no estimate
    ("growth-mismatch", "　　项目涉及征收房屋2150户，已签约2064户，签约率95.0%。", (1, 29)),
    # the total's own names before its 共; the four kinds of 三重一大; a 合计 after a blank 序号 cell
    ("sum-mismatch", "　　走访困难群众和残疾人共412人，其中困难群众286人、残疾人108人。", (1, 14)),
    ("sum-mismatch", "　　共研究“三重一大”事项42项，其中重大事项决策15项、重要干部任免7项、重大项目安排11项、大额资金使用8项。", (1, 14)),
    # a share of a whole named in words, its figure in an earlier line or sentence
    ("growth-mismatch", "　　全年接诊门诊患者4200人次。\n　　其中儿科门诊960人次，占门诊总量的25.9%。", (2, 21)),
    ("growth-mismatch", "　　辖区常住人口8600人。60岁以上老人1720人，占常住人口的22.0%。", (1, 34)),
    # a share after 、 of a whole of N before
    ("growth-mismatch", "　　全镇21个村中，建成标准化卫生室的村有18个、占90.5%。", (1, 27)),
    # done and the rest that do not make the whole; a rate of done and rest
    ("sum-mismatch", "　　共排查问题线索64条，已办结52条，剩余14条正在核查。", (1, 10)),
    ("growth-mismatch", "　　已完成农户改厕1860户，完成率93.0%，剩余190户正在施工。", (1, 19)),
    # a net change: in less out
    ("growth-mismatch", "　　全年迁入户籍人口1260人、迁出户籍人口1480人，户籍人口净减少210人。", (1, 36)),
    # a change by a difference from a figure not written (万 against 亿)
    ("growth-mismatch", "　　全年实现税收2.46亿元，比上年增加3200万元，增长16.4%。", (1, 30)),
    # a change in days; 降幅
    ("growth-mismatch", "　　项目审批时间由平均45天压缩至28天，压缩了19天。", (1, 25)),
    ("growth-mismatch", "　　火灾起数由上年的40起下降到31起，降幅25.5%。", (1, 23)),
    # parts set apart by ， that name a series; a series of levels that adds up to less
    ("sum-mismatch", "　　全街道共有党员1860名，其中在职党员1120名，离退休党员760名。", (1, 10)),
    ("sum-mismatch", "　　全县落实河湖长412名，其中县级河长15名、乡级河长86名、村级河长301名。", (1, 10)),
    # a total with two neighbouring digits swapped
    ("sum-mismatch", "　　全年培训人员1363人次，其中企业职工842人次、个体从业人员494人次。", (1, 9)),
    # what blind set 6 taught, in other words: a change after a target is of the figure before the target
    ("growth-mismatch", "　　完成投资12.6亿元，为年度目标12亿元的105%，较上年的11.6亿元增长9.6%。", (1, 41)),
    # a target's part is no comparison's base
    ("growth-mismatch", "　　实现收入3567万元，较上年同期的3505万元增长1.8%，完成全年目标7400万元的50.2%。", (1, 46)),
    # all claimed where some are not
    ("growth-mismatch", "　　共检测860项次，合格858项次，合格率100%。", (1, 23)),
    # a doubling that is none
    ("growth-mismatch", "　　志愿者由上年的210人发展到330人，翻了一番。", (1, 22)),
    # the rest after 对
    ("sum-mismatch", "　　涉及资金86.4万元，已追回79.2万元，对剩余9.2万元依法申请强制执行。", (1, 7)),
    # a run-in heading naming a problem in quotation marks is no heading of plans
    ("growth-mismatch", "二、整改落实情况\n1.关于“稳就业举措针对性不强”的问题。全县新增就业2860人，完成年度目标5000人的52.7%。", (2, 45)),
    # parts set apart by ， after 其中， and after the whole's name and 中，; a 等 inside a part's name
    ("sum-mismatch", "　　全县规上工业企业126家，其中，国有企业18家，民营企业96家，外资企业16家。", (1, 11)),
    ("sum-mismatch", "　　反馈的23个问题中，落实巡察、审计等监督发现问题方面6个，组织建设方面9个，作风建设方面10个。", (1, 6)),
    # the parts of the one figure of their unit the sentence before gives
    ("sum-mismatch", "　　全年完成地区生产总值186.4亿元，同比增长6.2%。其中，第一产业21.3亿元，第二产业82.8亿元，第三产业92.3亿元。", (1, 13)),
    # parts that name the total's own names
    ("sum-mismatch", "　　对辖区共11所中小学和幼儿园（其中中小学6所、幼儿园4所）开展检查。", (1, 7)),
    # parts in Chinese numerals; 规模以上/规模以下 is a series, not an estimate
    ("sum-mismatch", "　　下辖党组织58个，其中社区党委9个、非公企业党支部三十一个、社会组织党支部二十八个。", (1, 8)),
    ("sum-mismatch", "　　全镇共有小微企业九十六家，其中规模以上企业十二家、规模以下企业八十六家。", (1, 11)),
    # a target named without its figure, stated in a line before
    ("growth-mismatch", "　　年初确定全年新增就业5500人的目标任务。\n　　上半年全县城镇新增就业3260人，完成年度目标任务的61.3%。", (2, 29)),
]

QUIET = [
    # blind set 6b's clean drafts, in other words: the parts after a change are of the figure before it;
    # a whole named after its figure, not one that is a part of it; the sentence's own whole; a negated stem
    ("sum-mismatch", "　　全年蔬菜种植面积18.4万亩，较上年增加1.2万亩，其中露地蔬菜12.6万亩、设施蔬菜5.8万亩。"),
    ("growth-mismatch", "　　全镇共有32个社区。已有24个社区建成党群服务站，占社区总数的75.0%。"),
    ("growth-mismatch", "　　全镇32个社区中已有24个建成党群服务站。\n　　为18个社区配备专职网格员，占社区总数的56.3%。"),
    ("growth-mismatch", "　　环城绿道规划总长22.5公里。一期全长8.0公里，已建成6.2公里，占总长度的77.5%。"),
    ("growth-mismatch", "　　抽检食品样品2400批次，其中不合格样品36批次，抽检合格率98.5%。"),
    ("sum-mismatch", "　　走访困难群众和残疾人共412人，其中困难群众304人、残疾人108人。"),
    ("sum-mismatch", "　　走访困难群众共412人，其中困难群众286人、残疾人108人。"),
    ("growth-mismatch", "　　项目涉及征收房屋2150户，已签约2064户，签约率96.0%。"),
    # a rate of the part's own group (慢病患者签约率): its whole is not the 9.6万人 of all
    ("growth-mismatch", "　　家庭医生签约服务覆盖9.6万人，其中慢病患者签约2.1万人，慢病患者签约率达到78.4%。"),
    ("growth-mismatch", "　　累计节约资金126万元，节约率12.6%。"),
    ("sum-mismatch", "　　全年出栏畜禽152.6万头（只），其中生猪38.4万头、肉牛2.1万头、家禽112.1万只。"),
    ("sum-mismatch", "　　全年出栏畜禽152.6万头，其中生猪38.4万头、肉牛2.1万头、家禽122.1万只。"),
    ("sum-mismatch", "　　共研究事项42项，其中重大事项决策15项、重要干部任免7项、大额资金使用8项。"),
    # the whole named only by its scope (占全县的); two figures for the named whole
    ("growth-mismatch", "　　全县新增市场主体1260户，其中个体工商户980户，占全县的70.0%。"),
    ("growth-mismatch", "　　一季度接诊门诊患者1.2万人次，二季度接诊门诊患者1.5万人次。\n　　其中儿科门诊3600人次，占门诊总量的13.3%。"),
    # an estimate in a net change and in a change by a difference
    ("growth-mismatch", "　　新增耕地约2300亩、减少耕地2150亩，净增加130亩。"),
    ("growth-mismatch", "　　全年实现税收2.46亿元，比上年增加约3200万元，增长16.4%。"),
    # the rest of a part (其中…剩余): not of the whole before
    ("sum-mismatch", "　　受理信访120件，办结110件，其中当场办结8件，剩余2件转交相关部门。"),
    # parts set apart by ， that name no series may overlap (专职, 持证)
    ("sum-mismatch", "　　全镇共有网格员96名，其中专职网格员58名，持证网格员52名。"),
    # a rate of a thing the figure before does not count
    ("growth-mismatch", "　　发放宣传资料3600份，群众知晓率达到92.0%。"),
    # a share of another whole: the excess over a target
    ("growth-mismatch", "　　新增就业2.14万人，超过年度目标2.05万人的4.4%。"),
    # parts that add up to less, of no series
    ("sum-mismatch", "　　全年培训人员1360人次，其中企业职工842人次、个体从业人员494人次。"),
    ("growth-mismatch", "　　完成投资12.6亿元，为年度目标12亿元的105%，较上年的11.6亿元增长8.6%。"),
    ("growth-mismatch", "　　实现收入3567万元，较上年同期的3505万元增长1.8%，完成全年目标7400万元的48.2%。"),
    ("growth-mismatch", "　　共检测860项次，合格860项次，合格率100%。"),
    ("growth-mismatch", "　　志愿者由上年的160人发展到330人，翻了一番。"),
    ("sum-mismatch", "　　涉及资金86.4万元，已追回79.2万元，对剩余7.2万元依法申请强制执行。"),
    # two figures of the unit in the sentence before; a change's end; a part larger than the total
    ("sum-mismatch", "　　完成诊疗186.4万人次，同比增长5.2%；出院病人5.62万人次。其中，县级医院诊疗78.6万人次、乡镇卫生院诊疗71.3万人次。"),
    ("sum-mismatch", "　　亏损额由上年的860万元收窄到210万元。其中，水务公司实现利润3260万元、贸易公司实现利润1480万元。"),
    # parts of a list that may overlap (新建); a 等 by a figure
    ("sum-mismatch", "　　全系统共有基层社12个，其中，恢复重建8个，新建6个。"),
    ("sum-mismatch", "　　反馈的23个问题中，组织建设方面9个，作风建设等方面16个。"),
    ("sum-mismatch", "　　下辖党组织58个，其中社区党委9个、非公企业党支部三十一个、社会组织党支部十八个。"),
    ("sum-mismatch", "　　共培训3期，其中第一期培训120人、第二期培训96人，一次性通过考核180人。"),
    # a target exceeded; two targets of the unit; the excess over a target named without its figure
    ("growth-mismatch", "　　年初确定全年新增就业5500人的目标任务。\n　　全年新增就业5860人，完成年度目标任务的106.5%。"),
    ("growth-mismatch", "　　年度目标任务为新增就业5500人、转移就业3000人。\n　　全年新增就业5860人，完成年度目标任务的115.0%。"),
    ("growth-mismatch", "　　年初确定全年新增就业5500人的目标任务。\n　　全年新增就业5860人，超过年度目标任务的6.5%。"),
]

TABLE = ("| 业务 | 收入（万元） | 占比 | 毛利率（%） |\n| --- | --- | --- | --- |\n| 供水 | 2186 | {share} | 21.3 |\n"
         "| 污水处理 | 842 | 25.8% | 18.6 |\n| 工程安装 | 232 | 7.1% | 30.2 |\n| 合计 | {total} | 100% | 21.0 |")


def found_in_table(rule: str, text: str) -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_text(text, path="t.md") if d.rule == rule]


def test_a_share_column_is_judged_against_its_total_row():
    assert found_in_table("growth-mismatch", TABLE.format(share="69.1%", total="3260")) == [(3, 15)]
    assert found_in_table("growth-mismatch", TABLE.format(share="67.1%", total="3260")) == []


def test_a_wrong_total_row_is_one_sum_finding_not_a_share_finding_per_row():
    text = TABLE.format(share="67.1%", total="3360")
    assert found_in_table("sum-mismatch", text) == [(6, 7)]
    assert found_in_table("growth-mismatch", text) == []


GROWTH_TABLE = ("| 项目 | {first}（万元） | {second}（万元） | 同比增减（%） |\n| --- | --- | --- | --- |\n"
                "| 居民用水 | 1862 | 1735 | {rate} |\n| 工程安装 | 426 | 512 | -16.8 |")


def test_a_change_column_is_judged_from_the_earlier_years_column():
    text = GROWTH_TABLE.format(first="2025年上半年", second="2024年上半年", rate="3.7")
    assert found_in_table("growth-mismatch", text) == [(3, 24)]
    assert found_in_table("growth-mismatch", GROWTH_TABLE.format(first="2025年上半年", second="2024年上半年", rate="7.3")) == []
    assert found_in_table("growth-mismatch", GROWTH_TABLE.format(first="本期", second="上年同期", rate="3.7")) == [(3, 24)]


def test_a_change_column_whose_years_cannot_be_told_is_left_alone():
    assert found_in_table("growth-mismatch", GROWTH_TABLE.format(first="甲", second="乙", rate="3.7")) == []


def test_a_column_of_rates_is_not_added_up():
    assert found_in_table("sum-mismatch", TABLE.format(share="67.1%", total="3260")) == []


@pytest.mark.parametrize("rule, text, expected", FIRES, ids=[f"{case[0]}-{n}" for n, case in enumerate(FIRES)])
def test_the_generalised_kinds_fire_on_their_line_and_column(rule, text, expected):
    assert found(rule, text) == [expected]


@pytest.mark.parametrize("rule, text", QUIET, ids=[f"{case[0]}-{n}" for n, case in enumerate(QUIET)])
def test_their_look_alikes_stay_quiet(rule, text):
    assert found(rule, text) == []


BLANK_NUMBER = ("| 序号 | 项目 | 投资（亿元） |\n| --- | --- | --- |\n| 1 | 甲 | 2.45 |\n| 2 | 乙 | 1.30 |\n"
                "| | 合计 | {total} |")


def test_a_total_row_whose_number_cell_is_blank_is_added_up():
    assert found_in_table("sum-mismatch", BLANK_NUMBER.format(total="3.85")) == [(5, 9)]  # a table total is placed at its cell (as fail5 of the YAML)
    assert found_in_table("sum-mismatch", BLANK_NUMBER.format(total="3.75")) == []
