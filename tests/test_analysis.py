"""The analysis step: structural facts computed once per document, shared by the rules."""

from __future__ import annotations

import ast

import dataclasses
from types import SimpleNamespace

import pytest

from checker.analyse.analysis import ClosingBlock, Facts, analyse
from conftest import parse_text

from conftest import ROOT

DRAFT = (
    "某县财政局局长2024年度述职报告\n"
    "\n"
    "一、履职情况\n"
    "全年组织收入12亿元。\n"
    "二、存在问题\n"
    "调查研究不够深入。\n"
    "三、下步打算\n"
    "加强调查研究。\n"
    "\n"
    "述职人：王某某\n"
    "2025年1月6日\n"
)


def test_facts_are_computed_from_the_document_and_frozen():
    document = parse_text(DRAFT)
    facts = analyse(document)
    assert isinstance(facts, Facts) and facts == analyse(document)
    with pytest.raises(dataclasses.FrozenInstanceError):
        facts.genre = None
    assert facts.title_block == ("某县财政局局长2024年度述职报告",)
    assert facts.genre.genre == "shuzhi"
    names = [facts.genre.sections[i].name for i in sorted(facts.outline.headings)]
    assert [h.line for i in sorted(facts.outline.headings) for h in facts.outline.headings[i]] == [3, 5, 7]
    assert len(names) == 3


def test_closing_block_holds_signature_and_date():
    closing = analyse(parse_text(DRAFT)).closing
    assert closing.lines == frozenset({10, 11})
    assert 10 in closing and 9 not in closing
    assert closing.undated_signature == 0


def test_an_undated_signature_is_part_of_the_closing_block():
    document = parse_text("某镇2024年工作总结\n\n一、主要工作\n推进项目5个。\n\n某镇人民政府")
    assert analyse(document).closing == ClosingBlock(frozenset(), 6)
    assert 6 in analyse(document).closing


def test_the_declared_genre_wins_over_the_title():
    document = parse_text(DRAFT)
    assert analyse(document, SimpleNamespace(genre="zicha", genres=None)).genre.genre == "zicha"
    assert (analyse(document).genre.genre, analyse(document).genre_from) == ("shuzhi", "title")


def test_a_parsed_document_is_frozen():
    document = parse_text(DRAFT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.title = None
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.genre = "zicha"


def test_the_model_imports_no_other_layer():
    """model.py is the ground: when imported it loads only the lexicon (no
    reader, parser or rule module), so no layer imports in a circle through it.
    (The rules receive the analysis step's facts beside the document.)"""
    tree = ast.parse((ROOT / "checker" / "model.py").read_text(encoding="utf-8"))
    local = {node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.level}
    assert local <= {"lexicon"}


def test_residue_spans_are_facts_and_hide_no_marker():
    document = parse_text("某县2024年工作总结\n\n一、主要工作\n##paidbegin##一是加强学习。二是压实责任。[【公众号：笔杆子】]")
    facts = analyse(document)
    assert [(s.line, s.column, s.end_column) for s in facts.residue] == [(4, 1, 14), (4, 28, 39)]
    inside = [(r.column, r.end_column) for r in facts.residue if r.line == 4]
    assert any(a <= 29 and 32 <= b for a, b in inside) and not any(a <= 14 and 16 <= b for a, b in inside)
    # the paywall marker glued to the line's start does not hide its 一是
    assert [e.marker for s in document.root.walk() for e in s.enumerators] == ["一是", "二是"]


def test_genre_from_the_opening_paragraph_of_an_untitled_draft():
    document = parse_text("按照县委关于召开2024年度民主生活会的通知要求，本人认真开展对照检查。\n"
                          "一、存在的问题\n学习不够深入。\n二、整改措施\n加强理论学习。")
    assert (analyse(document).genre.genre, analyse(document).genre_from) == ("duizhao", "opening")


def test_an_ambiguous_opening_paragraph_names_no_genre():
    # 述职 and 民主生活会 both named: no guess
    document = parse_text("按照民主生活会要求，现将本人述职情况报告如下。\n一、履职情况\n全年完成任务。")
    assert (analyse(document).genre.fallback, analyse(document).genre_from) == (True, "fallback")


def test_a_titled_draft_takes_no_genre_from_its_opening_paragraph():
    document = parse_text("某镇2024年工作\n\n按照县委关于召开民主生活会的通知要求，本人认真开展对照检查。")
    assert analyse(document).genre_from == "fallback"


def test_whom_the_draft_speaks_for():
    def parse(text):
        return analyse(parse_text(text))
    township = parse("青石镇党委书记抓基层党建工作述职报告\n\n一、主要工作\n推进项目5个。\n\n青石镇党委\n2025年1月6日")
    county = parse("某县民政局关于养老服务的报告\n\n一、基本情况\n辖区乡镇（街道）养老服务中心全部建成。\n\n某县民政局\n2025年1月6日")
    assert township.one_unit and not county.one_unit
    assert {1, 6} <= township.author_lines
    assert parse("关于3起典型问题的通报\n\n某某镇干部王某某违规问题。").anonymised
    assert parse("中共某某镇委员会关于巡察工作的汇报\n\n某某镇辖8个村。").anonymised
    assert not parse("某县农业农村局关于项目的自查报告\n\n督促某某公司整改。").anonymised


def test_a_closing_formula_before_the_attachment_list_ends_the_body():
    """The scan for closing formulas passes over the attachment list after them."""
    document = parse_text("某县2024年工作总结\n\n一、主要工作\n全年推进项目5个。\n特此报告。\n\n附件：1.项目清单\n2.资金明细\n")
    assert [document.line_kinds[n] for n in (5, 7, 8)] == ["paragraph", "attachment", "attachment"]
    assert analyse(document).closing.formulas == frozenset({5})


def test_lines_that_read_as_a_heading_the_outline_did_not_take():
    """第三部分 下步打算 the outline read as a paragraph (its paywall marker looked
    through) reads as a heading, truncation leaves it alone; a heading with a
    comma, a paragraph and the headings the outline took do not."""
    text = ("某镇2024年工作总结\n一、主要工作\n推进项目5个。\n"
            "二、2021年工作回顾\n"                 # line 4: the outline takes it
            "第三部分 下步打算##paidend##\n"       # line 5: a part line, residue at its end
            "（四）全面完成任务，群众满意\n"       # line 6: a heading
            "全年完成投资3.2亿元")                 # line 7: a paragraph
    assert analyse(parse_text(text)).heading_like_lines == frozenset({5})


def test_each_heading_knows_its_shape_among_its_siblings():
    text = ("某镇2024年工作总结\n一、主要工作\n（一）加大执法力度。\n（二）抓项目\n推进项目5个。\n"
            "（三）农业产业链条偏短，龙头企业带动不强。\n二、下步打算\n")
    shapes = analyse(parse_text(text)).heading_shapes
    assert shapes[3].sentence and shapes[3].short_label
    assert not shapes[4].sentence
    assert shapes[6].sentence and not shapes[6].short_label
    assert (shapes[3].siblings, shapes[3].siblings_with_body) == (2, 1)
    assert (shapes[4].siblings, shapes[4].siblings_with_body) == (2, 0)
    assert (shapes[2].siblings, shapes[2].siblings_with_body) == (1, 0)  # 二、下步打算 has nothing under it
    assert (shapes[7].siblings, shapes[7].siblings_with_body) == (1, 1)


def test_lines_that_read_as_an_unnumbered_subheading_above_their_paragraph():
    """Short and unpunctuated, or two parallel phrases without figures, right
    above a paragraph; not a phrase with a figure, not a line above a heading."""
    text = ("某镇2024年工作总结\n一、主要工作\n"
            "加强组织领导\n推进项目5个。\n"                       # lines 3-4: a subheading
            "压实安全责任，筑牢安全防线\n全年无事故。\n"           # lines 5-6: two parallel phrases
            "新建道路3公里，改造管网5公里\n全年完成投资。\n"       # lines 7-8: figures: no
            "完善制度机制\n二、下步打算\n")                         # line 9: above a heading: no
    assert analyse(parse_text(text)).subheading_lines == frozenset({3, 5})


def test_item_headings_know_how_many_siblings_of_their_level_are_one_line_items():
    text = ("某镇2024年工作总结\n一、主要工作\n（一）培训干部40名。\n（二）新建通道15公里，力争明年底前实现\n"
            "（三）完成造林。\n")
    shapes = analyse(parse_text(text)).heading_shapes
    assert (shapes[4].level_siblings, shapes[4].level_siblings_one_line) == (2, 2)
    assert (shapes[3].level_siblings, shapes[3].level_siblings_one_line) == (2, 1)


def test_where_the_body_ends_before_the_closing_block_and_formulas():
    text = ("某县2024年工作总结\n\n一、主要工作\n全年推进项目5个。\n特此报告。\n\n"
            "某县人民政府\n2025年1月6日\n")
    document = parse_text(text)
    facts = analyse(document)
    assert [document.line_kinds[n] for n in (5, 7, 8)] == ["paragraph", "closing", "closing"]
    assert facts.last_body_line(len(document.lines)) == 4
    assert facts.last_body_line(3) == 3 and facts.last_body_line(99) == 4


def test_each_heading_level_has_the_indentation_most_of_its_headings_share():
    text = "某镇2024年工作总结\n一、主要工作\n　（一）抓项目\n推进项目5个。\n　（二）抓民生\n新增就业。\n（三）抓党建\n建强支部。\n"
    assert analyse(parse_text(text)).heading_indents == {1: "", 2: "\u3000"}


def test_page_numbers_run_in_headings_and_markdown_structure_are_facts():
    text = ("某镇2024年工作总结\n一、主要工作\n（一）抓项目。全年推进项目5个。\n（二）抓民生\n全年改造危\n"
            "－ 3 －\n房86户。\n**— 12 —**\n")
    facts = analyse(parse_text(text))
    assert facts.page_number_lines == frozenset({6, 8})  # emphasis and blanks around it looked through
    assert facts.run_in_heading_lines == frozenset({3})  # （二）抓民生 ends where its line does
    assert facts.markdown_structure_lines == frozenset()  # a text draft has none
    markdown = "# 某镇2024年工作总结\n\n| 指标 | 数值 |\n|---|---|\n全年推进项目5个\n> 引文\n"
    assert analyse(parse_text(markdown, "draft.md")).markdown_structure_lines == frozenset({1, 3, 4, 6})
