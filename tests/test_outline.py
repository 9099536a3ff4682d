"""The outline grammar and builder: what each line is, tolerant of off-style
markers, never failing, and the real outline of each sample draft."""

from __future__ import annotations

import random

import pytest

from checker.parse.outline import shape_of
from conftest import parse_text


@pytest.mark.parametrize("line, level, number, style", [
    ("一、基本情况", 1, 1, "N、"),
    ("十二、其他", 1, 12, "N、"),
    ("一.基本情况", 1, 1, "N."),
    ("一，基本情况", 1, 1, "N，"),
    ("四、三点体会", 1, 4, "N、"),
    ("一、2023年工作回顾", 1, 1, "N、"),
    ("三、2024年政府工作任务", 1, 3, "N、"),
    ("2、2025年主要工作", 3, 2, "N、"),  # N、 before a year: a marker, not a list of numbers
    ("12、2024年度考核情况", 3, 12, "N、"),
    ("（一）加强学习。", 2, 1, "（N）"),
    ("(三)严格党内生活。", 2, 3, "(N)"),
    ("（一）、加强学习。", 2, 1, "（N）、"),
    ("1.健全制度。", 3, 1, "N."),
    ("1、经济实力大幅提升。", 3, 1, "N、"),
    ("1．健全制度。", 3, 1, "N．"),
    ("１.健全制度。", 3, 1, "Ｎ."),
    ("（1）完善台账。", 4, 1, "（N）"),
    ("(2)完善台账。", 4, 2, "(N)"),
    ("③健全制度；", 5, 3, "N"),
])
def test_heading_markers_parse_as_the_level_they_meant(line, level, number, style):
    [heading] = parse_text(f"标题行\n{line}").headings()
    assert (heading.level, heading.number, heading.style) == (level, number, style)


@pytest.mark.parametrize("indent", [" ", "  ", "\u00a0", "\u3000", "\u3000\u3000", "\t"])
def test_leading_whitespace_is_recorded_not_fatal(indent):
    [heading] = parse_text(f"标题行\n{indent}（一）加强学习。").headings()
    assert heading.indent == indent
    assert heading.marker_span.column == len(indent) + 1


@pytest.mark.parametrize("line", [
    "3.5亿元的投资全部到位。", "2023年以来，全镇上下共同努力。", "10、20万元的项目。",
    "一年来，全镇上下共同努力。", "一、二线城市房价回稳。", "5G基站建设加快。", "X光机投入使用。",
    "唯一是坚持。", "一是一、二是二。", "2023.3月召开会议。",
    "一、二季度，全县完成投资12亿元。", "三、四年级学生体质健康达标率98%。", "一、二等奖各3名。",
    "七、八月份是主汛期，累计发生强降雨过程6次。", "五、六月份降雨偏少。", "三、四楼为办公区域。",
    "3.5万元全部拨付到位。", "2025年是“十四五”规划收官之年。", "2、3号楼已完成主体施工。", "3、4月份完成验收。",
    "2024、2025年连续两年获评先进。",
])
def test_sentences_that_start_with_a_number_are_not_headings(line):
    document = parse_text(f"标题行\n{line}")
    assert document.headings() == []
    assert document.line_kinds[2] == "paragraph"


@pytest.mark.parametrize("line, number", [
    ("一、一季度经济运行情况", 1), ("二、三大攻坚战取得决定性成就", 2), ("一、二十大精神学习情况", 1),
])
def test_a_numeral_after_the_marker_that_is_not_the_next_one_keeps_the_heading(line, number):
    [heading] = parse_text(f"标题行\n{line}").headings()
    assert (heading.level, heading.number) == (1, number)


@pytest.mark.parametrize("block", [
    "附件：1.项目清单\n　　　2.资金安排表\n　　　3.责任分工表",
    "附件：1.项目清单\n2.资金安排表",
    "附件：\n1.项目清单\n2.资金安排表",
    "附件：（1）项目清单\n　　　（2）资金安排表",
])
def test_the_attachment_list_is_neither_heading_nor_body(block):
    document = parse_text(f"某镇工作总结\n一、主要工作\n推进项目5个。\n\n{block}\n\n某镇人民政府\n2025年1月6日")
    assert [h.line for h in document.headings()] == [2]
    lines = range(5, 5 + block.count("\n") + 1)
    assert [document.line_kinds[n] for n in lines] == ["attachment"] * len(lines)
    assert [p.line for p in document.paragraphs()] == [3]


def test_an_attachment_list_after_the_date_leaves_the_closing_block_whole():
    document = parse_text("某镇工作总结\n一、主要工作\n推进项目5个。\n\n某镇人民政府\n2025年1月6日\n\n附件：1.项目清单\n2.资金表")
    assert [document.line_kinds[n] for n in (5, 6, 8, 9)] == ["closing", "closing", "attachment", "attachment"]


def test_an_attachment_list_ends_where_the_numbers_stop_continuing():
    document = parse_text("某镇工作总结\n一、主要工作\n推进项目5个。\n附件：项目清单\n1.健全制度。\n2.压实责任。")
    assert document.line_kinds[4] == "attachment"
    assert [h.line for h in document.headings()] == [2, 5, 6]


def test_part_lines_are_recorded_and_sentences_are_not_parts():
    document = parse_text("某局工作总结和工作计划\n第一部分　2024年工作总结\n一、甲\n正文。\n"
                          "第三章对此作出规定，要求严格执行。\n第二部分：2025年工作计划\n一、乙\n正文。")
    assert document.part_lines == [2, 6]


@pytest.mark.parametrize("word", ["部分", "章", "节", "篇", "编"])
def test_the_parser_and_the_genre_matching_share_the_part_words(word):
    """One list (rules/lexicon/structure.yaml, part-words): a 第N＋word line is a part
    line for the parser and reads as a heading for the genre matching."""
    from checker.settings.genres import heading_like

    document = parse_text(f"某局工作总结\n第一{word}　主要工作\n一、甲\n正文。\n第二{word}　下步打算\n一、乙\n正文。")
    assert document.part_lines == [2, 5]
    assert heading_like(f"第二{word}　下步打算") == "下步打算"


def test_title_salutation_and_body():
    document = parse_text("关于2024年工作情况的报告\n\n尊敬的各位领导：\n现将有关情况报告如下：\n一、主要工作")
    assert document.title.text == "关于2024年工作情况的报告"
    assert document.salutation.line == 3
    assert document.line_kinds == {1: "title", 2: "blank", 3: "salutation", 4: "paragraph", 5: "heading"}


@pytest.mark.parametrize("line, kind", [
    ("某某县人民政府", "byline"),
    ("——在全县经济工作会议上的讲话", "byline"),
    ("（2025年1月6日）", "byline"),
    ("根据《某某市中小学办学水平督导评", "paragraph"),  # a first sentence cut short
    ("按照县委“三个一批”部署要", "paragraph"),
])
def test_a_line_under_the_title_is_a_byline_only_with_its_brackets_closed(line, kind):
    document = parse_text(f"某某中学2024年度办学水平自评报告\n\n{line}\n一、学校基本情况")
    assert document.line_kinds[3] == kind


def test_first_line_of_body_text_is_not_a_title():
    document = parse_text("2022年以来，镇党委坚持以人民为中心，扎实推进各项工作。现报告如下：\n一、主要工作")
    assert document.title is None


def test_salutation_forms():
    for line in ("**常委会：", "同志们：", "各位代表：", "尊敬的县委巡察组各位领导:", "主任、各位副主任、秘书长，各位委员：",
                 "尊敬的各位领导、各位来宾，同志们："):
        assert parse_text(f"标题\n{line}").salutation is not None, line


def test_the_salutation_words_are_the_lexicons():
    """The grammar knows markers only; a salutation is read by the words of
    rules/lexicon/structure.yaml (speech-addressees, addressees): each one
    before a colon makes one, and the same line without it stays text."""
    from checker.settings.wordlists import wordlist

    words = [w for name in ("speech-addressees", "addressees") for w in wordlist(name).words if w.isalpha()]
    assert "同志们" in words and "巡察组" in words
    for word in words:
        document = parse_text(f"标题\n某某{word}：\n一、主要工作")
        assert document.line_kinds[2] == "salutation", word
    assert parse_text("标题\n现将有关情况汇报如下：\n一、主要工作").line_kinds[2] == "paragraph"


def test_heading_sentence_and_body_split():
    [heading] = parse_text("标题\n（一）加强学习。全年开展学习12次。").headings()
    assert heading.title == "加强学习。"
    assert heading.body == "全年开展学习12次。"
    assert heading.body_column == 9


def test_section_tree_nests_by_level_and_ends_before_next_sibling():
    document = parse_text("一、甲\n（一）子一。\n1.孙。\n（二）子二。\n二、乙\n正文。")
    first, second = document.root.children
    assert [c.heading.number for c in first.children] == [1, 2]
    assert first.children[0].children[0].heading.level == 3
    assert first.end_line == 4 and second.end_line == 6


def test_closing_signature_and_date_are_not_body():
    document = parse_text("某镇工作总结\n一、主要工作\n全年完成任务。\n某镇人民政府\n2024年12月30日")
    assert document.line_kinds[4] == "closing" and document.line_kinds[5] == "closing"


@pytest.mark.parametrize("signature, closing", [
    ("述责述廉人：刘某某", True),
    ("报告单位：县教育局", True),
    ("执笔人：王某", True),
    ("全年完成任务：共12项", False),  # a label that is no signer
    ("联系人：王某，电话：12345678", False),  # clause punctuation: not a bare signature
])
def test_a_labelled_signature_above_the_date_closes_the_draft(signature, closing):
    document = parse_text(f"某局述责述廉报告\n一、主要工作\n全年完成任务。\n{signature}\n2025年1月15日")
    assert (document.line_kinds[4] == "closing") is closing
    assert document.line_kinds[5] == "closing"


def test_closing_block_of_several_signatures_and_the_lines_after_the_date():
    document = parse_text("某县重点项目情况报告\n一、总体情况\n完成投资108.6亿元。\n\n中共某某县委办公室\n某某县人民政府办公室\n"
                          "某某县发展和改革委员会\n2024年10月12日\n（此件公开发布）\n\n抄送：县委各部门，县人大常委会办公室。")
    assert [document.line_kinds[n] for n in (5, 6, 7, 8, 9, 11)] == ["closing"] * 6
    assert [p.line for p in document.paragraphs()] == [3]


@pytest.mark.parametrize("date", ["2024年　月　日", "202X年X月X日", "2024年12月", "二〇二四年十二月三十日"])
def test_closing_date_with_blanks_is_still_the_date_and_a_placeholder_body_is_no_signature(date):
    document = parse_text(f"某镇工作总结\n一、下步打算\n（略）\n\n【单位名称】\n{date}")
    assert [document.line_kinds[n] for n in (3, 5, 6)] == ["paragraph", "closing", "closing"]


def test_closing_block_in_markdown_emphasis():
    document = parse_text("# 某社区党委2024年工作总结\n\n## 一、主要工作\n\n全年开展学习28次。\n\n*某某社区党委*\n*2024年12月28日*",
                          path="draft.md")
    assert document.line_kinds[7] == "closing" and document.line_kinds[8] == "closing"


@pytest.mark.parametrize("line, level, number, title", [
    ("**（一）产业振兴。** 发展设施农业1.2万亩。", 2, 1, "产业振兴。"),
    ("**一、存在问题**", 1, 1, "存在问题"),
    ("__2.加强党员管理__。", 3, 2, "加强党员管理  。"),
])
def test_markdown_markers_set_in_bold_are_markers(line, level, number, title):
    [heading] = parse_text(f"# 标题\n\n{line}", path="draft.md").headings()
    assert (heading.level, heading.number, heading.title.strip()) == (level, number, title)
    assert heading.marker_span.column == 3


def test_markdown_bold_text_that_is_no_marker_stays_a_paragraph():
    document = parse_text("# 标题\n\n**全年完成投资3.2亿元。**\n\n**2024年以来**，各项工作稳步推进。", path="draft.md")
    assert document.headings() == []
    assert [p.line for p in document.paragraphs()] == [3, 5]


def test_markdown_heading_hashes_are_not_indentation():
    [heading] = parse_text("标题\n## 一、主要工作", path="draft.md").headings()
    assert heading.indent == "" and heading.marker_span.column == 4


def test_every_line_parses():
    alphabet = "一二三四五六七八九十（）()、.．,，：:1２3①是尊敬的　 \u00a0XX**……【】abc#\t"
    rng = random.Random(7)
    for _ in range(400):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        shape_of(line, markdown=False)
        parse_text(f"标题\n{line}\n正文。")


EXPECTED_OUTLINES = {
    "001_dangjian_gongzuo_baogao.txt": [
        (2, 1, 1), (3, 2, 1), (4, 2, 2), (5, 2, 3), (6, 2, 4), (7, 1, 2), (9, 2, 1), (10, 2, 2), (11, 2, 3),
        (12, 2, 4), (13, 2, 5), (14, 2, 6), (15, 1, 3), (17, 2, 1), (18, 2, 2), (19, 2, 3), (20, 2, 4)],
    "003_zicha_baogao.txt": [
        (5, 1, 1), (7, 1, 2), (8, 2, 1), (9, 2, 2), (10, 2, 3), (11, 2, 4), (12, 2, 5), (13, 2, 6),
        (14, 3, 1), (15, 3, 2), (16, 3, 3), (17, 3, 4), (18, 3, 5), (19, 1, 3), (20, 2, 1), (21, 2, 2),
        (22, 2, 3), (23, 2, 4), (24, 2, 5), (25, 1, 4), (27, 2, 1), (28, 2, 2), (29, 2, 3), (30, 2, 4), (31, 2, 5)],
    "004_shuzhi_baogao.txt": [
        (5, 1, 1), (6, 2, 1), (7, 2, 2), (8, 2, 3), (9, 2, 4), (10, 2, 5), (11, 1, 2), (12, 2, 1), (13, 2, 2),
        (14, 2, 3), (15, 2, 4), (17, 1, 3), (18, 2, 1), (19, 2, 2), (20, 2, 3)],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_OUTLINES))
def test_samples_real_outline(samples_dir, name):
    from checker.parse.outline import parse_document
    from checker.read.reading import read_source

    document = parse_document(read_source(str(samples_dir / name)))
    assert [(h.line, h.level, h.number) for h in document.headings()] == EXPECTED_OUTLINES[name]


def test_samples_titles_and_salutations(samples_dir):
    from checker.parse.outline import parse_document
    from checker.read.reading import read_source

    parsed = {p.name: parse_document(read_source(str(p))) for p in samples_dir.glob("*.txt")}
    assert parsed["001_dangjian_gongzuo_baogao.txt"].title is None
    assert parsed["003_zicha_baogao.txt"].title.text == "镇党委自查报告"
    assert parsed["003_zicha_baogao.txt"].salutation.line == 3
    assert parsed["004_shuzhi_baogao.txt"].salutation.text == "**常委会："


def test_corpus_level1_headings(corpus_dir):
    from checker.parse.outline import parse_document
    from checker.read.reading import read_source

    levels = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        document = parse_document(read_source(str(path)))
        levels[path.name[:3]] = [h.number for h in document.headings() if h.level == 1]
    assert levels == {"014": [1, 2, 3], "015": [1, 2, 3], "016": list(range(1, 16))}


def test_a_marker_before_a_year_is_a_heading_on_its_own_line():
    """2、2025年主要工作 between 一、 and 三、 is a heading (of another level's form), the line
    with 3.5万元 or 2025年 at its start is text: exact lines and kinds."""
    document = parse_text("标题行\n一、主要工作\n3.5万元全部拨付到位。\n2、2025年主要工作\n2025年是收官之年。\n三、存在问题")
    assert [(h.line, h.number) for h in document.headings()] == [(2, 1), (4, 2), (6, 3)]
    assert (document.line_kinds[3], document.line_kinds[5]) == ("paragraph", "paragraph")
