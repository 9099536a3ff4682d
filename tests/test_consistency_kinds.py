"""The kinds of consistency defect session 4 taught the rules (issue 18; missed by
the blind set 4, tests/drafts/consistency4/): what fires, on which line and
column, and the look-alike beside it that must stay quiet. Each case is a short
draft of its own wording, not a sentence of the set."""

from __future__ import annotations

import dataclasses

import pytest

from checker.api import Config, lint_text

SIGNED_LIUXI = "\n\n　　　　柳溪镇党委书记　韩立松\n　　　　2025年12月22日"
SIGNED_NANHU = "\n\n　　　　临川区南湖街道办事处\n　　　　2025年7月10日"
SIGNED_QINGHE = "\n\n　　　　青禾县卫生健康局\n　　　　2025年12月18日"


# every rule switched on (a rule a user may turn off is judged here all the same)
ALL_ON = Config(rules=[dataclasses.replace(rule, enabled=True) for rule in Config.load().rules])


def found(rule: str, text: str, path: str = "draft.txt") -> list[tuple[int, int]]:
    return [(d.line, d.column) for d in lint_text(text, path=path, config=ALL_ON) if d.rule == rule]


FIRES = [
    # a titled name however it goes on (局长周明源全年…), against a titled mention before
    ("name-mismatch", "　　局党组书记、局长周明远牵头联系人才工作。\n　　局长周明源全年带头讲党课3次。", "draft.txt", [(2, 5)]),
    ("name-mismatch", "　　街道党工委书记陈思远带头落实制度。\n　　由街道党工委书记陈思源牵头，新建驿站3个。", "draft.txt", [(2, 11)]),
    ("name-mismatch", "　　办事处主任许嘉宁每周调度一次。\n　　办事处主任许佳宁带队开展督查2轮。", "draft.txt", [(2, 8)]),
    # an author whose name opens with its district: the district and the street are known
    ("unit-mismatch", "上半年工作情况报告\n\n　　在临江区委、区政府的坚强领导下，各项工作稳步推进。" + SIGNED_NANHU, "draft.txt", [(3, 4)]),
    ("unit-mismatch", "上半年工作情况报告\n\n　　今年以来，滨江街道党工委、办事处坚持稳中求进。" + SIGNED_NANHU, "draft.txt", [(3, 8)]),
    ("unit-mismatch", "上半年工作情况报告\n\n　　1—6月，本镇完成固定资产投资8.3亿元。" + SIGNED_NANHU, "draft.txt", [(3, 8)]),
    # 我院 in a 局's draft; another place in the closing pledge
    ("unit-mismatch", "2025年度工作总结\n\n　　省卫健委对我院相关工作给予充分肯定。" + SIGNED_QINGHE, "draft.txt", [(3, 8)]),
    ("unit-mismatch", "柳溪镇党委书记2025年述职述廉报告\n\n　　持之以恒正风肃纪，为建设美丽富裕新石桥提供坚强保证。" + SIGNED_LIUXI, "draft.txt",
     [(3, 20)]),
    # a table's counted column is exact; parts of exclusive levels; names counted after their list
    ("sum-mismatch", "| 小区 | 楼栋（栋） |\n| --- | --- |\n| 甲 | 12 |\n| 乙 | 11 |\n| 丙 | 6 |\n| 合计 | 27 |", "t.md", [(6, 7)]),
    ("sum-mismatch", "　　全年招聘人才126名，其中博士研究生2名、硕士研究生30名、本科生97名。", "draft.txt", [(1, 9)]),
    ("sum-mismatch", "　　成立工作专班，下设宣传组、督查组、保障组、联络组三个工作组。", "draft.txt", [(1, 10)]),
    # a share of a target, a rate named by the part's own verb, a table row's rate
    ("growth-mismatch", "　　实现税收收入2.14亿元，完成年度目标4.2亿元的58.5%。", "draft.txt", [(1, 28)]),
    ("growth-mismatch", "　　排查矛盾纠纷80件，已化解72件，化解率92.5%。", "draft.txt", [(1, 23)]),
    ("growth-mismatch", "| 社区 | 受理（件） | 办结（件） | 办结率 |\n| --- | --- | --- | --- |\n| 甲社区 | 200 | 196 | 96.0% |", "t.md",
     [(3, 21)]),
    # the same thing counted twice: a whole name before one figure opening the words after another
    ("figure-conflict", "　　全县共有医疗机构86个，其中中心卫生院4个、社区卫生服务站9个。\n　　二是全县11个社区卫生服务站中仍有3个缺少全科医生。",
     "draft.txt", [(2, 7)]),
    # 将 before a figure is 把, not a plan
    ("figure-conflict", "　　全镇共有卫生机构14个，其中卫生院2个、村级卫生室12个。\n　　今年将10个村级卫生室全部纳入一体化管理。", "draft.txt", [(2, 6)]),
    # the title's year against a signature long after and a body of the later year
    ("year-mismatch", "县应急管理局2024年度工作总结\n\n　　截至2025年11月底，共检查企业420家；2025年5月12日开展演练。\n\n　　　　县应急管理局\n"
     "　　　　2025年12月20日", "draft.txt", [(1, 7)]),
    # work of the period told as done 于 an earlier year
    ("year-mismatch", "县应急管理局2025年度工作总结\n\n　　专项整治行动于2024年10月完成验收。\n\n　　　　县应急管理局\n　　　　2025年12月20日",
     "draft.txt", [(3, 10)]),
    # an event after the signature although 将 (把) opens the sentence
    ("date-order", "县应急管理局2025年度工作总结\n\n　　将3家企业列为重点监管对象，3家企业均于12月28日完成整改。\n\n　　　　县应急管理局\n"
     "　　　　2025年12月20日", "draft.txt", [(3, 23)]),
]

QUIET = [
    # another person with another title; a reporter named by the report's title
    ("name-mismatch", "柳溪镇党委书记2025年述职述廉报告\n\n述职人：韩立松\n\n　　本人与分管副镇长韩立新坚守一线指挥调度。\n\n　　　　2025年12月22日"),
    ("name-mismatch", "　　局长周明远牵头联系人才工作。\n　　县人民医院（院长周明达）新楼投入使用。"),
    # the author's own district, street, pledge; a neighbour named as such
    ("unit-mismatch", "上半年工作情况报告\n\n　　在临川区委、区政府的坚强领导下，南湖街道党工委、办事处坚持稳中求进，与邻近的滨江街道签订共建协议。"
     + SIGNED_NANHU),
    ("unit-mismatch", "柳溪镇党委书记2025年述职述廉报告\n\n　　为建设美丽富裕新柳溪提供坚强保证，为建设社会主义新农村作出贡献。" + SIGNED_LIUXI),
    # a column of amounts may be rounded; levels with 以上 overlap; a list with 等
    ("sum-mismatch", "| 项目 | 投资（万元） |\n| --- | --- |\n| 甲 | 12 |\n| 乙 | 11 |\n| 丙 | 6 |\n| 合计 | 30 |"),
    ("sum-mismatch", "　　共有干部126名，其中硕士研究生8名、本科以上学历74名、专科生47名。"),
    ("sum-mismatch", "　　下设宣传组、督查组等三个工作组；将上林村、石门村2个村党组织列为整顿对象。"),
    # a second rate after the first is not of the figures before it; a target met
    ("growth-mismatch", "　　受理群众诉求1260件，办结1248件，办结率99.0%，群众满意率98.3%。"),
    ("growth-mismatch", "　　实现再就业86人，完成年度目标150人的57.3%。"),
    # a new count against a stock or total; a history
    ("figure-conflict", "　　全县共有医疗机构386个，其中乡镇卫生院14个、村卫生室352个。\n　　今年以来，新建标准化村卫生室12个。"),
    ("figure-conflict", "　　全县共有医疗机构86个，其中社区卫生服务站9个。\n　　二是全县9个社区卫生服务站中仍有3个缺少全科医生。"),
    # the title's year signed early the next year; a history 于 an earlier year with 起
    ("year-mismatch", "县应急管理局2024年度工作总结\n\n　　截至2024年11月底，共检查企业420家；2024年5月12日开展演练。\n\n　　　　县应急管理局\n"
     "　　　　2025年1月20日"),
    ("year-mismatch", "县应急管理局2025年度工作总结\n\n　　该机制于2023年3月起实施；对照巡察组2024年10月反馈的问题逐项整改。\n\n　　　　县应急管理局\n"
     "　　　　2025年12月20日"),
    ("date-order", "县应急管理局2025年度工作总结\n\n　　3家企业将于12月28日完成整改。\n\n　　　　县应急管理局\n　　　　2025年12月20日"),
    # history beside the period's own doing; an earlier event as a modifier
    ("year-mismatch", "县应急管理局2025年度工作总结\n\n　　应急指挥中心于2024年12月建成，今年3月投入使用；于2024年3月成立的专班继续运行。"
     "\n\n　　　　县应急管理局\n　　　　2025年12月20日"),
    # a table's rate of neither figure's name
    ("growth-mismatch", "| 乡镇 | 户籍人口（人） | 常住人口（人） | 城镇化率 |\n| --- | --- | --- | --- |\n| 甲镇 | 32000 | 28000 | 61.2% |"),
    # what the blind clean drafts of session 4 taught (tests/drafts/clean4, norms4), in other words:
    # money spent on two purposes
    ("figure-conflict", "　　城乡建设方面，投入经费3200万元用于道路改造。\n　　文化事业方面，投入经费860万元，新建文化广场5个。"),
    # a count of one object named in an earlier clause (对…，…，检查X) against a plain count
    ("figure-conflict", "　　实地检查养老机构46家，发放问卷800份。\n　　对开展助餐服务的养老机构，会同卫健部门开展专项检查，检查养老机构17家。"),
    # a part told under its whole's heading
    ("figure-conflict", "　　3.项目建设。全年新开工项目12个，签约投资额18.5亿元。\n　　（1）工业项目。新开工项目7个，签约投资额9.2亿元。"),
    # work on some of a thing against all of it
    ("figure-conflict", "　　全区共有卫生服务站32个，其中中心服务站6个、村级服务站26个。\n　　26个村级服务站全部接入平台。\n"
     "　　完成9个村级服务站和3个中心服务站标准化改造。"),
]

# what the lead saw on the hidden blind set 5's clean drafts, in kind (other words)
QUIET_BLIND5 = [
    ("unit-mismatch", "青石镇2025年工作总结\n\n　　今年以来，协助镇纪委认真开展监督；2025年，列席镇党委、政府坚持每月会商。"
     "\n\n　　　　青石镇人民政府\n　　　　2025年12月26日"),
    ("year-mismatch", "城投公司2025年度经营工作报告\n\n　　现将2025年度经营工作情况和2026年度工作安排报告如下。"
     "\n\n　　　　城投公司\n　　　　2025年12月26日"),
    ("growth-mismatch", "　　受理群众诉求860件，办结851件，按时办结率100%，群众满意率97.6%。"),
]

QUIET_RATES = [
    # a figure in brackets is a note on the whole, not the rate's part
    "　　共受理群众来电3200件（含市长热线转办1900件），按时办结率100%。",
    # a figure per head is no count
    "　　全年抽检食品2600批次，抽检量达到每千人4.2批次，不合格率1.6%。",
]


@pytest.mark.parametrize("rule, text, path, expected", FIRES, ids=[f"{case[0]}-{n}" for n, case in enumerate(FIRES)])
def test_the_new_kinds_fire_on_their_line_and_column(rule, text, path, expected):
    assert found(rule, text, path) == expected


@pytest.mark.parametrize("rule, text", QUIET, ids=[f"{case[0]}-{n}" for n, case in enumerate(QUIET)])
def test_their_look_alikes_stay_quiet(rule, text):
    assert found(rule, text, "t.md" if text.startswith("|") else "draft.txt") == []


@pytest.mark.parametrize("text", QUIET_RATES)
def test_a_rate_takes_no_bracketed_or_per_head_figure_as_its_part(text):
    assert found("growth-mismatch", text) == []


@pytest.mark.parametrize("rule, text", QUIET_BLIND5, ids=[case[0] for case in QUIET_BLIND5])
def test_a_verb_before_an_organ_a_plan_year_and_a_rate_of_another_thing_stay_quiet(rule, text):
    assert found(rule, text) == []


def test_figure_conflict_is_on_by_default():
    text = "　　全年实施重点项目24个、改造老旧小区6个。\n　　（四）民生保障。改造老旧小区9个，惠及居民1280户。"
    assert [(d.line, d.column, d.severity) for d in lint_text(text, path="draft.txt")
            if d.rule == "figure-conflict"] == [(2, 17, "warning")]


HOSPITAL = ("望江县人民医院2025年上半年工作情况报告\n\n县卫生健康局：\n\n"
            "　　今年以来，在望江县委、县政府的坚强领导下，我院坚持公益性方向。\n\n"
            "　　　　望江县人民医院\n　　　　2025年7月8日")


def test_an_addressee_is_never_the_author_and_a_hospital_is_one():
    """A 县人民医院 reporting to its 县卫生健康局: the salutation names the superior,
    the signature the author (type 院), so 我院 is the author's own."""
    assert found("unit-mismatch", HOSPITAL) == []
    other = HOSPITAL.replace("我院坚持", "我局坚持")
    assert found("unit-mismatch", other) == [(5, 24)]  # 我局


def test_the_excess_over_a_target_is_no_share_of_it():
    """超过…目标…的X% says by how much the target was passed (2.14 / 2.05 − 1 = 4.4%),
    while 完成…目标…的X% is the share done."""
    excess = "　　全县脱贫劳动力务工规模达到3.28万人，超过市下达目标任务3.12万人的5.1%。"
    assert found("growth-mismatch", excess) == []
    share = "　　全县脱贫劳动力务工规模达到3.28万人，完成市下达目标任务3.12万人的95.1%。"
    assert found("growth-mismatch", share) == [(1, 39)]  # 95.1%: 3.28 of 3.12 is 105.1%


def test_last_years_meeting_named_with_its_year_is_no_leftover():
    """A 2025年度 对照检查材料 telling how the 2024年度 民主生活会's problems were put
    right names that year on purpose; 2024年度 alone in the body is still left over."""
    head = "县统计局领导班子2025年度民主生活会对照检查材料\n\n一、上年度民主生活会整改落实情况\n"
    named = head + "　　2024年度民主生活会查摆的3个方面7个问题，已全部整改到位。\n"
    assert found("year-mismatch", named) == []
    leftover = head + "　　2024年度全局统计数据质量稳步提升。\n"
    assert found("year-mismatch", leftover) == [(4, 3)]


def test_a_year_left_over_where_the_title_the_opening_or_only_the_signature_tells_the_year():
    """The kinds blind set 5 missed, in other words: a title year of the year before
    over an opening of the signature's year; 截至 a date before an event already told
    where only the signature gives the year; a deadline past at signing with no
    period in the title; results under last year with 预计; 现将本人2024年度 after
    a clause with 要求. Each beside its look-alike."""
    title = "城南街道2024年工作总结\n\n2025年，街道上下凝心聚力，全年任务全面完成。\n\n　　　　2025年12月19日"
    assert found("year-mismatch", title) == [(1, 5)]
    assert found("year-mismatch", title.replace("2025年，", "2024年，").replace("2025年12月19日", "2025年2月3日")) == []
    cutoff = ("关于环保督察反馈问题整改情况的报告\n\n　　2025年5月6日，市环保督察组向我区反馈督察意见。"
              "截至2024年11月30日，已办结信访件31件。\n\n　　　　2025年10月9日")
    assert found("year-mismatch", cutoff) == [(3, 31)]
    assert found("year-mismatch", cutoff.replace("截至2024年11月30日", "截至2025年9月30日")) == []
    deadline = "关于消防隐患整改情况的报告\n\n　　余下3处隐患将于2025年7月31日前整改到位。\n\n　　　　2025年9月2日"
    assert found("year-mismatch", deadline) == [(3, 11)]
    assert found("year-mismatch", deadline.replace("7月31日", "11月30日")) == []
    expected = "街道办主任2025年度述职报告\n\n　　2024年，全街道预计完成税收收入2.1亿元。\n\n　　　　2026年1月6日"
    assert found("year-mismatch", expected) == [(3, 3)]
    assert found("year-mismatch", expected.replace("2024年，", "2025年，")) == []
    again = "副局长2025年度述职报告\n\n　　按照县委组织部通知要求，现将本人2024年度思想和工作情况报告如下。\n\n　　　　2026年1月6日"
    assert found("year-mismatch", again) == [(3, 19)]
    assert found("year-mismatch", again.replace("现将本人2024年度", "现将本人2025年度")) == []


def test_an_event_after_the_signature_or_a_step_before_the_feedback_it_answers():
    """A 前三季度 report's event after its signing under a heading of work done
    (重点工作推进情况 is no heading of plans); 截至 a month end after the signing's
    month; a step answering feedback dated before the feedback. Look-alikes: the
    same under a heading of plans, 截至 the signing's own month, a step after the
    feedback and a step before it that answers no feedback."""
    head = "城关卫生院2025年前三季度工作情况报告\n\n一、重点工作推进情况\n"
    event = head + "　　10月24日，我院承办全县院感防控培训。\n\n　　　　2025年10月15日"
    assert found("date-order", event) == [(4, 3)]
    assert found("date-order", event.replace("一、重点工作推进情况", "一、第四季度重点工作")) == []
    month = "关于2025年上半年工作情况的报告\n\n　　截至2025年9月底，已发放补贴资金86万元。\n\n　　　　2025年7月14日"
    assert found("date-order", month) == [(3, 5)]
    assert found("date-order", month.replace("2025年7月14日", "2025年9月12日")) == []
    steps = ("关于巡察反馈意见整改情况的报告\n\n　　6月3日，县委第三巡察组向我镇反馈巡察意见。"
             "5月28日，镇党委召开专题会议，传达学习巡察反馈意见。\n\n　　　　2025年10月9日")
    assert found("date-order", steps) == [(3, 25)]
    assert found("date-order", steps.replace("5月28日", "6月5日")) == []
    assert found("date-order", steps.replace("传达学习巡察反馈意见", "研究部署防汛工作")) == []


def test_an_old_unit_name_is_judged_by_its_own_clauses_not_a_reform_further_on():
    """深化公立医院改革 at the end of a long sentence does not tell the reorganisation
    of 县卫计委 at its start; 按照机构改革部署，县卫计委的… does."""
    head = "城关卫生院2025年工作总结\n\n县卫生健康局：\n"
    signed = "\n\n　　　　城关卫生院\n　　　　2025年12月20日"
    old = head + "　　今年以来，在县卫计委的精心指导下，我院坚持公益性，深化综合改革。" + signed
    assert found("unit-mismatch", old) == [(4, 10)]
    told = head + "　　按照机构改革部署，县卫计委的部分职能由县卫生健康局承接。" + signed
    assert found("unit-mismatch", told) == []


def test_a_township_hospital_is_a_yuan_that_may_say_its_township():
    """青石镇卫生院 signs as a 院 of the 镇: 我院 and 我镇 are its own, 我局 and 我乡 are not."""
    signed = "\n\n　　　　青石镇卫生院\n　　　　2025年12月20日"
    own = "青石镇卫生院2025年工作总结\n\n　　全年我院开展义诊12场，我镇群众就医更加便利。" + signed
    assert found("unit-mismatch", own) == []
    other = "青石镇卫生院2025年工作总结\n\n　　全年我局开展义诊12场，我乡群众就医更加便利。" + signed
    assert found("unit-mismatch", other) == [(3, 5), (3, 15)]


@pytest.mark.parametrize("author, own, other", [
    ("临河县疾病预防控制中心", "我中心", "我局"),
    ("临河县实验中学", "我校", "我院"),
    ("临河县供销合作社联合社", "我社", "我局"),
    ("县公安局城关派出所", "我所", "我局"),
    ("临河县水文站", "本站", "我局"),
    ("临河县交通运输局综合行政执法大队", "我队", "我局"),
    ("柳园社区居民委员会", "我社区", "我街道"),
    ("东关街道柳园社区居民委员会", "本社区", "我镇"),
    ("临河城建投资集团有限公司", "我司", "我局"),
    ("临河职业技术学院", "我校", "我局"),
    ("临河县卫生健康局", "我局", "我中心"),
    ("河湾村党支部书记2025年度述职报告", "我村", "我社区"),
    ("农商银行安宁支行", "我行", "我局"),
    ("安宁县图书馆", "我馆", "我院"),
    ("安宁县自来水厂", "我厂", "我局"),
    ("县第一幼儿园", "我园", "我校"),
    ("县委组织部", "我部", "我局"),
    ("安宁县消防救援大队", "我大队", "我局"),
])
def test_self_references_of_every_kind_of_author(author, own, other):
    """A 中心 says 我中心, a school 我校, a 社 我社, a 派出所 我所, a 村 我村, a bank's 支行 我行…: its
    own word stays quiet, another unit's is left over (reported at the word, after 全年)."""
    draft = "2025年工作总结\n\n　　全年{}组织培训12场。\n\n　　　　{}\n　　　　2025年12月20日"
    assert found("unit-mismatch", draft.format(own, author)) == []
    assert found("unit-mismatch", draft.format(other, author)) == [(3, 5)]


@pytest.mark.parametrize("phrase", ["我所在的党支部", "我所分管的领域", "我站在群众立场", "我会同县财政局", "我社会治理",
                                    "我队伍建设", "我司法所", "我中心城区", "我校园周边", "优先吸纳本村劳动力",
                                    "本行业领域", "我部分干部", "各乡镇优先录用本镇户籍人员"])
def test_a_self_reference_word_opening_a_phrase_is_none(phrase):
    """我所在, 我所分管 (所 + a verb), 我站在, 我会同…: no unit calls itself there."""
    draft = f"2025年工作总结\n\n　　全年{phrase}稳步推进。\n\n　　　　临河县卫生健康局\n　　　　2025年12月20日"
    assert found("unit-mismatch", draft) == []


def test_another_county_leading_is_decidable_where_the_draft_names_its_own_county():
    """A 乡 names no county in its name; its addressee (白河县防汛抗旱指挥部：) or the
    instructions it follows (根据中共云岗县委组织部…) do: another county leading is left over,
    unless the draft names that county elsewhere (a neighbour) or names none of its own."""
    signed = "\n\n　　　　白石乡人民政府\n　　　　2025年9月15日"
    addressed = "白石乡防汛工作情况报告\n\n白河县防汛抗旱指挥部：\n　　今年以来，白石乡在云河县委、县政府的坚强领导下，全力做好防汛工作。" + signed
    assert found("unit-mismatch", addressed) == [(4, 12)]
    instructed = ("乡长2025年度述职报告\n\n　　根据中共云岗县委组织部关于开展述职工作的通知要求，现将履职情况报告如下。"
                  "\n　　一年来，在云峰县委、县政府的坚强领导下，我认真履职。" + signed)
    assert found("unit-mismatch", instructed) == [(4, 8)]
    own = addressed.replace("云河县委", "白河县委")
    assert found("unit-mismatch", own) == []
    neighbour = addressed.replace("全力做好防汛工作。", "全力做好防汛工作，云河县派出救援队支援。")
    assert found("unit-mismatch", neighbour) == []
    unnamed = addressed.replace("白河县防汛抗旱指挥部：", "县防汛抗旱指挥部：")
    assert found("unit-mismatch", unnamed) == []
    city = addressed.replace("白河县防汛抗旱指挥部：", "临州市防汛抗旱指挥部：")
    assert found("unit-mismatch", city) == []


def test_the_county_of_a_leader_named_after_another_and_after_a_national_prefix():
    """在市税务局党委和临川县委…领导下 names 临川县; 国家税务总局临河县税务局 is of 临河县."""
    signed = "\n\n　　　　国家税务总局临河县税务局\n　　　　2025年12月29日"
    other = "局长2025年度述职报告\n\n　　2025年，在市税务局党委和临川县委、县政府的坚强领导下，本人认真履职。" + signed
    assert found("unit-mismatch", other) == [(3, 17)]
    assert found("unit-mismatch", other.replace("临川县委", "临河县委")) == []
    city = "局长2025年度述职报告\n\n　　在临州市委、市政府和县委的坚强领导下，本人认真履职。" + signed
    assert found("unit-mismatch", city) == []


def test_another_countys_unit_of_the_authors_kind_as_a_subject():
    """安平县自然资源局高度重视 in 宁源县自然资源局's report is a leftover; the same unit named
    as a partner, or a unit of another kind as the subject, is not."""
    signed = "\n\n　　　　宁源县自然资源局\n　　　　2025年11月20日"
    head = "关于耕地保护问题整改情况的报告\n\n　　"
    assert found("unit-mismatch", head + "督察组反馈问题后，安平县自然资源局高度重视，迅速成立专班。" + signed) == [(3, 12)]
    assert found("unit-mismatch", head + "安平县自然资源局党组认真研究整改措施。" + signed) == [(3, 3)]
    for quiet in ("我局高度重视，与安平县自然资源局联合开展执法。", "宁源县自然资源局高度重视，迅速成立专班。",
                  "安平县水利局高度重视，派员配合。", "赴安平县自然资源局学习考察，对方认真介绍了经验。"):
        assert found("unit-mismatch", head + quiet + signed) == [], quiet


SIGNED_SHUILI = "\n\n　　　　临河县水利局\n　　　　2025年11月20日"


@pytest.mark.parametrize("body, expected", [
    ("全年实施项目29个，已完工24个，其余5个预计2025年汛前全部完工。", [(3, 26)]),
    ("路面工程计划于2025年国庆前完工。", [(3, 10)]),
    ("确保2025年三季度末前完成整改。", [(3, 5)]),
    ("力争2025年春节前完成。", [(3, 5)]),
    # a season to come, told as done, told how it went, a result of a half year: quiet
    ("其余5个预计2026年汛前全部完工。", []),
    ("其余5个已于2025年汛前全部完工。", []),
    ("原计划2025年汛前完工，实际于8月底完工。", []),
    ("确保2025年年底前完成整改。", []),
    ("2025年上半年，全县完成投资3.2亿元。", []),
])
def test_a_deadline_given_as_a_season_already_past_at_signing(body, expected):
    """预计2025年汛前全部完工 in a report signed on 20 November 2025: the latest 汛前 may mean
    (30 June) is long past; the option seasons of year-mismatch gives each season's last day."""
    assert found("year-mismatch", "临河县水利局2025年工作总结\n\n　　" + body + SIGNED_SHUILI) == expected


@pytest.mark.parametrize("body, expected", [
    ("6月27日，印发整改方案，明确整改时限为2025年5月30日。", [(3, 54)]),
    ("整改期限：2025年5月底。", [(3, 39)]),
    ("6月27日，印发整改方案，明确整改时限为2025年9月30日。", []),
    ("此前，县审计局要求整改时限为5月30日。", []),
])
def test_a_time_limit_set_before_the_feedback_it_answers(body, expected):
    """整改时限 earlier than the feedback handed over (6月18日) is in the wrong order; an earlier
    review's limit told as such (此前…) is not."""
    draft = ("关于巡察反馈意见整改进展情况的报告\n\n　　2025年6月18日，县委第三巡察组向我局党组反馈了巡察意见。" + body
             + "\n\n　　　　临河县人力资源和社会保障局\n　　　　2025年10月28日")
    assert found("date-order", draft) == expected


@pytest.mark.parametrize("body, expected", [
    ("2024年全年主持召开党工委会议18次。", [(3, 3)]),
    ("今年以来研究党建工作14次。2024年全年共研究11次。", []),
    ("2024年全年GDP增长5%，2025年增长6%。", []),
    ("与2024年全年相比，增加3次。", []),
])
def test_a_whole_earlier_year_told_as_the_periods_results(body, expected):
    """2024年全年… opening a sentence of a 2025 述职 is last year's report, whatever the verb;
    beside this year's own figure (今年以来…) it is a comparison."""
    draft = "街道党工委书记2025年度抓基层党建工作述职报告\n\n　　" + body + "\n\n　　　　东关街道党工委\n　　　　2026年1月8日"
    assert found("year-mismatch", draft) == expected


def test_a_bare_heading_of_key_work_in_a_report_looking_back_is_no_plan():
    """二、重点工作 tells work done: 于2024年9月通过竣工验收 under it is last year's; 四、2026年重点工作
    and 三、下半年重点工作 are plans."""
    draft = ("临河城建投资集团有限公司2025年度经营工作报告\n\n二、重点工作\n\n　　城南片区棚户区改造项目于2024年9月通过竣工验收。"
             "\n\n　　　　临河城建投资集团有限公司\n　　　　2026年1月15日")
    assert found("year-mismatch", draft) == [(5, 15)]
    assert found("year-mismatch", draft.replace("二、重点工作", "四、2026年重点工作")) == []


def test_a_colleague_a_clerk_and_a_chair_named_no_one_stay_quiet():
    """The byline's title (南湖街道党工委书记  李振华: 书记) tells the reporter from the 主任 李振东;
    联系人：局办公室  刘志强 is a clerk, not the 局长 刘志刚; 由局长任组长 names no one."""
    byline = ("南湖街道党工委书记2025年度抓基层党建工作述职报告\n\n南湖街道党工委书记  李振华\n\n"
              "　　我与街道办事处主任李振东分别牵头联系社区。\n\n述职人：李振华\n2026年1月12日")
    assert found("name-mismatch", byline) == []
    assert found("name-mismatch", byline.replace("述职人：李振华", "述职人：李振化")) == [(7, 5)]
    clerk = "　　成立由局长刘志刚同志任组长的领导小组。\n\n联系人：局办公室  刘志强"
    assert found("name-mismatch", clerk) == []
    chair = "　　成立领导小组，由局长任组长，副局长任副组长。\n　　任组员负责联络。"
    assert found("name-mismatch", chair) == []


def test_last_years_appraisal_named_after_a_few_words_of_its_own():
    """针对2024年度抓基层党建述职评议中区委指出的问题 names last year's appraisal on purpose."""
    draft = ("南湖街道党工委书记2025年度抓基层党建工作述职报告\n\n　　针对2024年度抓基层党建述职评议中区委指出的问题，"
             "我牵头制定整改措施9条。\n\n述职人：李振华\n2026年1月12日")
    assert found("year-mismatch", draft) == []


def test_a_signature_before_the_bodys_year_is_one_finding_at_the_signature():
    """No period stated, the body dated 2025 and the signature 2024年7月15日: one year-mismatch at
    the signature; the dates without a year are read in 2025, so no 星期 and no order is wrong."""
    draft = ("关于巡察反馈意见整改情况的报告\n\n　　2025年4月22日（星期二），县委巡察组向我局反馈巡察意见。"
             "2025年5月6日，召开整改推进会。\n　　4月24日（星期四），局党组传达学习巡察反馈意见。\n\n"
             "　　　　临河县人力资源和社会保障局\n　　　　2024年7月15日")
    assert [(d.rule, d.line, d.column) for d in lint_text(draft, path="draft.txt", config=ALL_ON)
            if d.rule in ("year-mismatch", "date-order", "weekday-mismatch")] == [("year-mismatch", 7, 5)]
    signed_2025 = draft.replace("2024年7月15日", "2025年7月15日")
    assert [d.rule for d in lint_text(signed_2025, path="draft.txt", config=ALL_ON)
            if d.rule in ("year-mismatch", "date-order", "weekday-mismatch")] == []


def test_a_signature_of_another_unit_type_than_the_title_and_body_is_one_finding():
    """石桥镇 in the title, 我镇 in the body, 平川县石桥乡人民政府 signing: one finding at the
    signature, none at each 我镇; where the body says neither, nothing is judged so."""
    draft = ("石桥镇2025年安全生产自查报告\n\n　　我镇高度重视安全生产。全年我镇开展检查36次。\n\n"
             "平川县石桥乡人民政府\n2025年12月5日")
    assert found("unit-mismatch", draft) == [(5, 4)]
    assert found("unit-mismatch", draft.replace("石桥乡", "石桥镇")) == []


@pytest.mark.parametrize("rule, text, expected", [
    # 对照反馈的23个问题 hands nothing over: the plan printed on 4月18日 is before the feedback of 4月22日
    ("date-order", "关于巡察反馈意见整改情况的报告\n\n　　4月22日，县委巡察组向我局党组反馈了巡察意见。4月18日，印发《落实巡察反馈意见整改方案》，"
     "对照反馈的23个问题制定措施68条。\n\n　　　　2025年7月15日", [(3, 27)]),
    ("date-order", "关于巡察反馈意见整改情况的报告\n\n　　4月22日，县委巡察组向我局党组反馈了巡察意见。5月9日，印发《落实巡察反馈意见整改方案》，"
     "对照反馈的23个问题制定措施68条。\n\n　　　　2025年7月15日", []),
    # a time limit set (限期在…前) is a plan: already past at signing
    ("year-mismatch", "石桥镇2025年安全生产自查报告\n\n　　其余7处已落实管控措施，限期在2025年1月底前整改到位。\n\n　　　　2025年12月5日", [(3, 18)]),
    ("year-mismatch", "石桥镇2025年安全生产自查报告\n\n　　其余7处已落实管控措施，限期在2026年1月底前整改到位。\n\n　　　　2025年12月5日", []),
    # a plan told before an 已 is another step's: 于7月21日进场施工 is told done, after the signing
    ("date-order", "云溪县供水有限公司2025年上半年工作总结\n\n　　启动二期工程，计划将管网延伸至石岭镇，工程已完成招标，于7月21日进场施工。"
     "\n\n　　　　2025年7月15日", [(3, 31)]),
    ("date-order", "云溪县供水有限公司2025年上半年工作总结\n\n　　启动二期工程，工程已完成招标，计划于7月21日进场施工。\n\n　　　　2025年7月15日", []),
    # the first months of an earlier year told as the period's, in a 自查报告 too
    ("year-mismatch", "石桥镇2025年安全生产自查报告\n\n　　2024年1至11月，全镇未发生较大以上生产安全事故。\n\n　　　　2025年12月5日", [(3, 3)]),
    ("year-mismatch", "石桥镇2025年安全生产自查报告\n\n　　今年1至11月，全镇未发生较大事故。2024年1至11月，全镇发生一般事故2起。\n\n　　　　2025年12月5日", []),
    # an opening of last year under a 2025年度 title; 2024年以来 and a sentence naming 2025 are history
    ("year-mismatch", "南湖街道党工委书记2025年度抓基层党建工作述职报告\n\n2024年，在港城区委的坚强领导下，我认真履行第一责任人职责。"
     "\n\n　　　　2026年1月12日", [(3, 1)]),
    ("year-mismatch", "南湖街道党工委书记2025年度抓基层党建工作述职报告\n\n2024年以来，在港城区委的坚强领导下，我认真履职。\n\n　　　　2026年1月12日", []),
    ("year-mismatch", "南湖街道党工委书记2025年度抓基层党建工作述职报告\n\n2024年，区委部署党建品牌创建，2025年我牵头全面推开。"
     "\n\n　　　　2026年1月12日", []),
    # finished before it started, in one sentence; 次年 and two projects stay quiet
    ("date-order", "青峪县交通运输局2025年工作总结\n\n　　S312改建工程于2025年3月5日全面开工，全年完成投资3.1亿元，2月26日主线建成通车。"
     "\n\n　　　　2026年1月8日", [(3, 38)]),
    ("date-order", "青峪县交通运输局2025年工作总结\n\n　　S312改建工程于2024年11月5日开工，次年2月26日主线建成通车；3月5日开工的支线于12月26日建成通车。"
     "\n\n　　　　2026年1月8日", []),
    # a document the author made, named with another township or another county's unit of its kind
    ("unit-mismatch", "石桥镇2025年安全生产自查报告\n\n　　制定《柳湾镇安全生产工作职责清单》，明确责任。\n\n　　　　平川县石桥镇人民政府\n　　　　2025年12月5日",
     [(3, 6)]),
    ("unit-mismatch", "关于巡察反馈意见整改情况的报告\n\n　　印发《禾川县人力资源和社会保障局党组落实巡察反馈意见整改方案》。\n\n　　　　丰禾县人力资源和社会保障局"
     "\n　　　　2025年7月15日", [(3, 6)]),
    ("unit-mismatch", "石桥镇2025年安全生产自查报告\n\n　　制定《石桥镇安全生产工作职责清单》，转发《柳湾镇安全生产经验做法》，印发《平川县安全生产考核办法》。"
     "\n\n　　　　平川县石桥镇人民政府\n　　　　2025年12月5日", []),
    # 截至 last year's end with the work told done is progress, not a base
    ("year-mismatch", "青峪县交通运输局2025年工作总结\n\n　　客运枢纽站总投资2.4亿元，截至2024年12月底累计完成投资1.96亿元，计划2026年6月投入使用。"
     "\n\n　　　　2026年1月8日", [(3, 19)]),
    ("year-mismatch", "青峪县交通运输局2025年工作总结\n\n　　截至2024年底累计完成投资1.2亿元，全年完成投资0.76亿元。截至2024年底，全县公路总里程2836公里。"
     "\n\n　　　　2026年1月8日", []),
])
def test_blind_set_6s_kinds_in_other_words(rule, text, expected):
    """The kinds blind set 6 showed (tuned on it after its score), each with its look-alike."""
    assert found(rule, text) == expected


def test_more_old_names_and_a_new_name_holding_an_old_one():
    """县文广新局 where 文化广电旅游体育局 is written is the old name; 自然资源和规划局 holds 规划局 and
    文化广电旅游局 holds 旅游局: the new names themselves stay quiet."""
    head = "安宁县图书馆2025年工作总结\n\n　　在县文化广电旅游体育局的正确领导下，"
    signed = "\n\n　　　　安宁县图书馆\n　　　　2025年12月26日"
    assert found("unit-mismatch", head + "馆长赴县文广新局汇报工作。" + signed) == [(3, 25)]
    quiet = ("安宁县自然资源和规划局2025年工作总结\n\n　　县文化广电旅游局、县自然资源和规划局联合开展检查。\n\n"
             "　　　　安宁县自然资源和规划局\n　　　　2025年12月26日")
    assert found("unit-mismatch", quiet) == []


@pytest.mark.parametrize("rule, text", [
    # someone else's words in quotes
    ("unit-mismatch", "石桥镇2025年工作总结\n\n　　村民说“我村变化大”，我镇继续努力。\n\n　　　　石桥镇人民政府\n　　　　2025年12月5日"),
    # another township making its own document, helped by the author
    ("unit-mismatch", "石桥镇2025年工作总结\n\n　　指导柳湾镇制定《柳湾镇安全生产工作职责清单》。\n\n　　　　石桥镇人民政府\n　　　　2025年12月5日"),
    # a city's bureau telling of a county's bureau under it
    ("unit-mismatch", "临州市自然资源局2025年工作总结\n\n　　全市各县扎实推进，安平县自然资源局积极探索耕地保护新模式。"
     "\n\n　　　　临州市自然资源局\n　　　　2025年12月5日"),
    # a county led by its city
    ("unit-mismatch", "临河县卫生健康局2025年工作总结\n\n　　在临州市委、市政府的坚强领导下，全县卫生健康工作稳步推进。"
     "\n\n　　　　临河县卫生健康局\n　　　　2025年12月5日"),
    # started last year, finished this year
    ("date-order", "临河县交通运输局2025年工作总结\n\n　　该工程去年12月5日开工，3月20日竣工。\n\n　　　　临河县交通运输局\n　　　　2025年12月5日"),
])
def test_quotes_helped_units_subordinates_superiors_and_last_year_stay_quiet(rule, text):
    assert found(rule, text) == []





def test_a_step_told_as_following_the_meeting_in_other_words_and_a_name_of_a_rarer_surname():
    """随后 or 会议结束后 is 会后 too; 傅建国 and 傅建华 (a surname the first list lacked) one off."""
    meeting = "　　3月12日，镇党委召开安全生产工作会议；随后，各村于3月10日完成隐患排查。"
    assert found("date-order", meeting) == [(1, 29)]
    assert found("date-order", meeting.replace("3月10日", "3月14日")) == []
    assert found("name-mismatch", "　　局长傅建国出席会议并讲话。\n　　9月3日，傅建华带队开展检查。") == [(2, 8)]


SIGNED_QINGSHI = "\n\n　　　　青石镇人民政府\n　　　　2025年12月26日"
TABLE_DRAFT = ("云溪县供水有限公司2025年上半年经营情况报告\n\n一、经营情况\n\n　　上半年实现营业收入3567万元，较上年同期增长1.8%。"
               "收入构成如下：\n\n| 项目 | {}（万元） | 2024年上半年（万元） |\n| --- | --- | --- |\n| 售水 | 1862 | 1735 |\n\n"
               "二、下一步工作\n\n　　加强管网改造。\n\n云溪县供水有限公司\n2025年7月15日")


@pytest.mark.parametrize("rule, text, expected", [
    # 3月21日星期六 (no mark between) and 12.3（星期四） (a date with dots, only with its 星期)
    ("weekday-mismatch", "2025年工作总结\n\n　　3月21日星期六，召开征缴推进会。\n\n　　　　2025年12月11日", [(3, 3)]),
    ("weekday-mismatch", "2025年工作总结\n\n　　12.3（星期四），召开年度安全生产会议。\n\n　　　　2025年12月11日", [(3, 3)]),
    ("weekday-mismatch", "2025年工作总结\n\n　　2025.12.3（周四），召开年度安全生产会议。\n\n　　　　2025年12月11日", [(3, 3)]),
    # right, or no date at all: quiet
    ("weekday-mismatch", "2025年工作总结\n\n　　3月21日星期五，召开征缴推进会；12.3（星期三）召开年度会议。\n\n　　　　2025年12月11日", []),
    ("weekday-mismatch", "2025年工作总结\n\n　　增长3.5（星期一至星期五每天统计），版本1.2.3（周三）发布。\n\n　　　　2025年12月11日", []),
    # 我县 in 港城区's report (or 本区 in 临河县's) was written for another place
    ("unit-mismatch", "港城区卫生健康局2025年工作总结\n\n　　全年我县新增床位120张，全区医疗服务能力提升。\n\n　　　　港城区卫生健康局\n　　　　2025年12月5日", [(3, 5)]),
    ("unit-mismatch", "临河县卫生健康局2025年工作总结\n\n　　全年本区新增床位120张。\n\n　　　　临河县卫生健康局\n　　　　2025年12月5日", [(3, 5)]),
    # a township whose addressee names its district
    ("unit-mismatch", "南湖街道2025年工作总结\n\n港城区民政局：\n　　全年全县新增养老床位80张。\n\n　　　　南湖街道办事处\n　　　　2025年12月5日", [(4, 5)]),
    # its own, an autonomous region, a template alternative, a county become a district, a quote: quiet
    ("unit-mismatch", "港城区卫生健康局2025年工作总结\n\n　　全年我区新增床位120张，全区（县）同步推进。\n\n　　　　港城区卫生健康局\n　　　　2025年12月5日", []),
    ("unit-mismatch", "临河县卫生健康局2025年工作总结\n\n　　全年我县新增床位120张，在全区率先实现医共体全覆盖。\n\n　　　　临河县卫生健康局\n　　　　2025年12月5日", []),
    ("unit-mismatch", "港城区卫生健康局2025年工作总结\n\n　　2016年撤县设区前，我县仅有床位600张。\n\n　　　　港城区卫生健康局\n　　　　2025年12月5日", []),
    # a day of an earlier year opening a sentence of the period's work (in a 2025 总结)
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年3月15日，镇党委召开安全生产工作会议。" + SIGNED_QINGSHI, [(3, 3)]),
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年3月15日（星期五），镇党委召开安全生产工作会议。" + SIGNED_QINGSHI, [(3, 3)]),
    # the period named beside it, history, an event not of the author's doing: quiet
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年12月28日，县委召开经济工作会议，部署2025年工作。" + SIGNED_QINGSHI, []),
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年3月15日，镇党委召开会议，研究今年重点工作。" + SIGNED_QINGSHI, []),
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年3月15日以来，累计开展检查36次。" + SIGNED_QINGSHI, []),
    ("year-mismatch", "青石镇2025年工作总结\n\n　　2024年3月15日，县委巡察组进驻我镇。" + SIGNED_QINGSHI, []),
    # a table's header naming last year's period twice and the report's not at all; last year's column beside
    # this year's is a comparison (no 同比 column needed)
    ("year-mismatch", TABLE_DRAFT.format("2024年上半年"), [(7, 8)]),
    ("year-mismatch", TABLE_DRAFT.format("2025年上半年"), []),
])
def test_more_kinds_in_other_words(rule, text, expected):
    assert found(rule, text) == expected


def test_a_season_without_a_day_is_refused():
    """The option seasons of year-mismatch maps a season word to MM-DD; anything else is an error."""
    from checker.lint.kinds.base import OptionError
    from checker.lint.kinds.consistency_dates import DateConsistencyRule
    assert DateConsistencyRule({"check": "year", "seasons": {"汛前": "06-30"}}).seasons == {"汛前": (6, 30)}
    with pytest.raises(OptionError, match="seasons"):
        DateConsistencyRule({"check": "year", "seasons": {"汛前": "六月底"}})
