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


TOWN = "青山乡乡长2025年度述职报告\n"


def test_a_township_report_with_its_own_unit_offered_with_another():
    text = TOWN + "在乡党委和乡（镇）人大的监督下，全乡（镇）完成任务。\n主持乡政府（街道办事处）常务会议。\n"
    assert at(text, "template-residue") == [(2, 6), (2, 18), (3, 3)]


def test_facilities_on_several_levels_and_general_units_are_no_alternatives():
    text = TOWN + "建成新时代文明实践所（站）12个，便民服务中心（站）全覆盖，实行村（社区）干部坐班。\n"
    assert at(text, "template-residue") == []
    county = "县民政局关于养老服务的报告\n全县各乡镇（街道）和村（社区）全覆盖，全镇（乡）一词不出现在县局的报告里。\n"
    assert at(county, "template-residue") == []


def test_an_addressee_offered_with_another_in_brackets():
    text = "县统计局关于统计执法检查的报告\n县统计局（县人民政府）：\n现将情况报告如下。\n"
    assert at(text, "template-residue") == [(2, 5)]
    alias = "县市场监督管理局关于食品安全工作的报告\n县人民政府：\n县市场监督管理局（县知识产权局）现将情况报告如下：\n"
    assert at(alias, "template-residue") == []


def test_an_instruction_that_sets_a_length_is_residue_not_a_placeholder():
    text = "标题\n全年新增就业320人。（此处补充一个就业帮扶的典型事例，300字左右）\n新建项目（此处补充）个。\n"
    assert at(text, "template-residue") == [(2, 12)]
    assert at(text, "placeholder") == [(3, 5)]


def test_mouxx_before_a_long_project_name():
    text = "关于乡村振兴工作的报告\n牵头推进某某生态茶叶加工园扩建项目，查处某企业和张某某。\n"
    assert at(text, "placeholder") == [(2, 5)]


def test_a_count_in_a_name_or_with_its_items_in_words_is_not_judged():
    text = ("（一）严格执行中央八项规定精神。\n1.规范公务接待。\n2.规范公务用车。\n（二）加强廉政教育。\n"
            "整治分三个步骤推进：第一步摸底，第二步整治，第三步巩固。\n1.摸底排查。\n2.集中整治。\n3.建章立制。\n4.巩固提升。\n")
    assert at(text, "count-mismatch") == []
    stated = "一、存在问题\n主要有以下三个方面：\n（一）学习不深。\n（二）责任不实。\n"
    assert at(stated, "count-mismatch") == [(2, 6)]


HEAD = "某县2025年工作总结\n\n一、主要工作\n"


def test_a_paragraph_opening_with_a_particle_or_a_measure_word_alone():
    text = HEAD + "　　过走访座谈，征集意见46条。\n　　项班子成员都建立了联系点。\n"
    assert at(text, "lost-paragraph-head") == [(4, 3), (5, 3)]


def test_words_that_begin_with_those_characters_open_paragraphs():
    text = HEAD + "　　过去一年，全县团结奋进。\n　　个别村干部作风不实。\n　　项目建设全面提速。\n　　条例实施以来未发生案件。\n"
    assert at(text, "lost-paragraph-head") == []


def test_a_word_cut_at_the_line_end_whose_tail_is_a_word_of_its_own():
    text = HEAD + "　　班子运用理论指导实践的能力、统\n　　筹性还需增强。\n　　全县深入开展爱国\n　　卫生运动，成效明显。\n"
    assert at(text, "lost-paragraph-head") == [(5, 3), (7, 3)]


def test_a_sentence_cut_by_a_page_number_of_the_copy():
    text = HEAD + "　　全年共检查各类生产经营单位一千二百余家，重点检查了\n\n— 7 —\n\n　　冷链仓储企业和学校食堂。\n"
    assert at(text, "lost-paragraph-head") == [(8, 3)]
    ended = HEAD + "　　全年共检查各类生产经营单位一千二百余家，成效明显。\n\n— 7 —\n\n　　冷链仓储企业全部达标。\n"
    assert at(ended, "lost-paragraph-head") == []


def test_one_space_between_words_of_a_sentence_but_not_a_slogan_or_padded_names():
    text = ("标题\n全镇农村 危房改造全部完成，群众满意。\n开展“喜迎二十大 推动高质量发展”活动。\n"
            "领导小组成员：王  芳、李建国、张 伟、刘  洋。\n")
    assert at(text, "stray-whitespace") == [(2, 5)]


@pytest.mark.parametrize("text, column", [
    ("标题\n不断增强自我净化、自我完善、自我革命、自我提高能力。\n", 15),
    ("标题\n推进自治、法治、共治相结合。\n", 9),
    ("标题\n采取“四不一直”方式开展暗查暗访。\n", 4),
    ("标题\n坚持党的领导、人民当家作主、依法行政有机统一。\n", 15),
    ("标题\n打好防范化解重大风险、精准脱贫、环境治理三大攻坚战。\n", 17),
    ("标题\n坚持房子是用来住的、不是用来投资的定位。\n", 3),
])
def test_more_formulas_from_their_sources(text, column):
    assert at(text, "fixed-expression") == [(2, column)]


def test_question_marks_or_a_blank_where_a_figure_should_stand():
    text = "标题\n全年受理投诉？？？件，办结率为  %，增长5.2 %。\n"
    assert at(text, "placeholder") == [(2, 7), (2, 16)]
    assert at(text, "stray-whitespace") == [(2, 25)]


def test_blanks_around_a_figure_before_punctuation_or_a_period_word():
    text = "标题\n满意度达到 96.8，第 4 季度完成，每年2-3轮检查。\n"
    assert at(text, "stray-whitespace") == [(2, 6), (2, 13), (2, 15)]
    assert at(text, "range-connector") == [(2, 23)]


@pytest.mark.parametrize("note", ["（写明制度名称和印发时间）", "（例：某街道推行“吹哨报到”）", "（注：本段可删）",
                                  "（字数控制在400字以内）", "（按实际勾选）", "（本节内容可选）", "【此处放对比照片】",
                                  "（请法制股核实后报送）"])
def test_instructions_to_the_writer_in_other_words(note):
    assert at("标题\n全年完成各项任务" + note + "，成效明显。\n", "template-residue") == [(2, 9)]


@pytest.mark.parametrize("note", ["（数据已经核实）", "（按常住人口计算）", "（补充说明：含3个社区服务点）", "（例行检查除外）",
                                  "（可再生能源项目12个）", "（含12345热线转办12个）", "（详见附件2）"])
def test_notes_of_the_report_itself_stay_quiet(note):
    assert at("标题\n全年完成各项任务" + note + "，成效明显。\n", "template-residue") == []


def test_more_shapes_beyond_set_4():
    text = ("某县水利局2025年工作总结\n\n一、主要工作\n　　以来，全局干部职工齐心协力。\n"
            "　　全县现有小型水库　26座，灌溉水利用系数提高0.02-0.03。\n　　经办人：某某某，联系电话：66123456。\n"
            "　　亮点工作：（选取一至两项特色做法展开）\n　　坚持节水优先、空间均衡、统筹治理、两手发力的治水思路。\n")
    found = sorted((d.line, d.column, d.rule) for d in lint_text(text, path="x.txt")
                   if d.rule in ("lost-paragraph-head", "stray-whitespace", "range-connector", "placeholder",
                                 "template-residue", "fixed-expression"))
    assert found == [(4, 3, "lost-paragraph-head"), (5, 11, "stray-whitespace"), (5, 25, "range-connector"),
                     (6, 7, "placeholder"), (7, 8, "template-residue"), (8, 15, "fixed-expression")]
    quiet = ("某县水利局2025年工作总结\n\n一、主要工作\n　　今年以来，全局干部职工齐心协力。\n"
             "　　依据GB/T 50265-2022，编号SL-2024-01，版本V1.2-3。\n")
    assert [d.rule for d in lint_text(quiet, path="x.txt") if d.line > 3] == []
