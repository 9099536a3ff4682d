"""Word documents in: python-docx packages built here, with real numbering
definitions (w:abstractNum / w:num) in their numbering part; the numbers Word
shows are what the outline and the numbering rules see; a diagnostic's line is
the paragraph's number; a damaged or old-format document is one error line."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from checker import lint_paths
from checker.api import Config, lint_source
from checker.parse.outline import parse_document
from checker.read.reading import InputError, read_source
from test_cli import assert_one_line_error, diagnostic_lines, err, out
from word_drafts import OFFICIAL_LEVELS, WordDraft, compound_file, level_xml, number, write_draft

TITLE = "某某县教育局2024年工作总结"
BODY = "全年各项工作有序推进，完成了年初确定的目标任务。"


def lines_of(draft: WordDraft, tmp_path, name: str = "draft.docx") -> tuple[str, ...]:
    return read_source(str(draft.save(tmp_path / name))).lines


def findings(path) -> list[tuple[str, int]]:
    [result] = lint_paths([str(path)])
    return [(d.rule, d.line) for d in result.diagnostics]


# -- the body in document order -------------------------------------------------------------

def test_each_paragraph_is_a_line_with_its_automatic_number(tmp_path):
    draft = WordDraft()
    outline = draft.new_list()
    draft.paragraph(TITLE)
    draft.paragraph()
    draft.paragraph("总体情况", outline, 0)
    draft.paragraph("学习教育", outline, 1)
    draft.paragraph("专题培训", outline, 2)
    draft.paragraph("集中轮训", outline, 3)
    draft.paragraph("第一期", outline, 4)
    draft.paragraph("第二期", outline, 4)
    draft.paragraph("送教下乡", outline, 2)
    draft.paragraph("制度建设", outline, 1)
    draft.paragraph("存在问题", outline, 0)  # a level-1 number restarts every level below it
    draft.paragraph("学风不实", outline, 1)
    draft.paragraph("督查不够", outline, 2)
    assert lines_of(draft, tmp_path) == (
        TITLE, "", "一、总体情况", "（一）学习教育", "1.专题培训", "（1）集中轮训", "①第一期", "②第二期",
        "2.送教下乡", "（二）制度建设", "二、存在问题", "（一）学风不实", "1.督查不够")


def test_tables_are_read_where_they_stand_cell_by_cell_headers_and_footers_are_not(tmp_path):
    draft = WordDraft()
    draft.document.sections[0].header.paragraphs[0].text = "内部资料　注意保存"
    draft.document.sections[0].footer.paragraphs[0].text = "第1页"
    draft.paragraph(TITLE)
    draft.paragraph("主要指标如下：")
    table = draft.table([["指标", "完成"], ["投资", "3.2亿元"]])
    table.cell(1, 1).add_paragraph("同比增长5%")
    inner = table.cell(0, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "嵌套"  # a cell ends with a paragraph: python-docx adds an empty one after the table
    draft.paragraph("以上数据已核实。")
    assert lines_of(draft, tmp_path) == (
        TITLE, "主要指标如下：", "指标", "嵌套", "", "完成", "投资", "3.2亿元", "同比增长5%", "以上数据已核实。")


def test_paragraph_text_is_what_the_reader_sees(tmp_path):
    draft = WordDraft()
    paragraph = draft.paragraph("全年完成投资")
    paragraph.add_run("\t3.2亿元")
    paragraph.add_run()._r.append(parse_xml(f'<w:br {nsdecls("w")}/>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>（删去）'
                                  f'</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>，同比增长5%。'
                                  f'</w:t></w:r></w:ins>'))
    # a manual line break ends the line: what follows it is the next line
    assert lines_of(draft, tmp_path) == ("全年完成投资\t3.2亿元", "，同比增长5%。")


def test_hidden_text_is_not_read_and_each_line_knows_its_origin(tmp_path):
    draft = WordDraft()
    draft.paragraph(TITLE)
    paragraph = draft.paragraph("全年完成投资")
    hidden = paragraph.add_run("（内部备注：XX）")
    hidden.font.hidden = True
    paragraph.add_run("3.2亿元。")
    paragraph.add_run()._r.append(parse_xml(f'<w:br {nsdecls("w")}/>'))
    paragraph.add_run("同比增长5%。")
    draft.table([["指标", "完成"], ["投资", "XX亿元"]])
    source = read_source(str(draft.save(tmp_path / "origin.docx")))
    assert source.lines == (TITLE, "全年完成投资3.2亿元。", "同比增长5%。", "指标", "完成", "投资", "XX亿元")
    second, third, last = source.origin(2), source.origin(3), source.origin(7)
    assert (second.paragraph, second.offset, second.table) == (1, 0, 0)
    assert (third.paragraph, third.offset) == (1, len("全年完成投资3.2亿元。") + 1)
    assert (last.paragraph, last.table, last.row, last.cell, last.place) == (5, 1, 2, 2, "表1 第2行第2列")
    # a column of a line is an offset in the paragraph's visible text, piece by piece
    from checker.read.docx_reading import body_paragraphs, paragraph_pieces
    import docx
    body = docx.Document(str(tmp_path / "origin.docx")).element.body
    pieces = paragraph_pieces(list(body_paragraphs(body))[third.paragraph][0])
    visible = "".join(text for _, text in pieces)
    assert visible[third.text_offset(1):].startswith("同比增长")


# -- numbering definitions ------------------------------------------------------------------

@pytest.mark.parametrize("number_format, value, shown", [
    ("decimal", 12, "12"),
    ("decimalZero", 7, "07"),
    ("decimalFullWidth", 12, "１２"),
    ("chineseCounting", 1, "一"),
    ("chineseCounting", 10, "十"),
    ("chineseCounting", 11, "十一"),
    ("chineseCounting", 21, "二十一"),
    ("chineseCounting", 105, "一百零五"),
    ("chineseCountingThousand", 12, "十二"),
    ("chineseLegalSimplified", 3, "叁"),
    ("ideographDigital", 2024, "二〇二四"),
    ("ideographTraditional", 3, "丙"),
    ("ideographZodiac", 2, "丑"),
    ("decimalEnclosedCircle", 3, "③"),
    ("decimalEnclosedCircle", 21, "21"),
    ("decimalEnclosedCircleChinese", 20, "⑳"),
    ("decimalEnclosedParen", 2, "⑵"),
    ("lowerLetter", 2, "b"),
    ("lowerLetter", 27, "aa"),
    ("upperLetter", 3, "C"),
    ("lowerRoman", 4, "iv"),
    ("upperRoman", 14, "XIV"),
])
def test_number_formats(tmp_path, number_format, value, shown):
    draft = WordDraft()
    num = draft.new_list([(number_format, "%1、", {"start": value})])
    draft.paragraph("总体情况", num)
    draft.paragraph("存在问题", num)
    [first, second] = lines_of(draft, tmp_path)
    assert first == f"{shown}、总体情况"
    assert second.endswith("、存在问题") and second != first.replace("总体情况", "存在问题")


def test_label_templates_with_several_levels(tmp_path):
    draft = WordDraft()
    num = draft.new_list([("decimal", "第%1部分"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")])
    draft.paragraph("工作回顾", num, 0)
    draft.paragraph("学习", num, 1)
    draft.paragraph("讲座", num, 2)
    draft.paragraph("研讨", num, 2)
    draft.paragraph("实践", num, 1)
    draft.paragraph("下步打算", num, 0)
    draft.paragraph("重点", num, 1)
    assert lines_of(draft, tmp_path) == (
        "第1部分工作回顾", "1.1学习", "1.1.1讲座", "1.1.2研讨", "1.2实践", "第2部分下步打算", "2.1重点")


def test_legal_numbering_shows_every_number_as_a_decimal(tmp_path):
    draft = WordDraft()
    num = draft.new_list([("chineseCounting", "%1、"), ("chineseCounting", "%1.%2", {"legal": True})])
    draft.paragraph("总体情况", num, 0)
    draft.paragraph("学习", num, 1)
    assert lines_of(draft, tmp_path) == ("一、总体情况", "1.1学习")


def test_level_restart_zero_keeps_counting_across_higher_levels(tmp_path):
    draft = WordDraft()
    num = draft.new_list([("chineseCounting", "%1、"), ("decimal", "%2.", {"restart": 0})])
    for text, level in (("总体情况", 0), ("学习", 1), ("培训", 1), ("存在问题", 0), ("学风", 1)):
        draft.paragraph(text, num, level)
    assert lines_of(draft, tmp_path) == ("一、总体情况", "1.学习", "2.培训", "二、存在问题", "3.学风")


def test_instances_share_a_sequence_unless_restarted(tmp_path):
    draft = WordDraft()
    abstract = draft.add_list()
    first, continued = draft.add_instance(abstract), draft.add_instance(abstract)
    restarted = draft.add_instance(abstract, start_overrides={0: 1})
    draft.paragraph("总体情况", first)
    draft.paragraph("存在问题", continued)
    draft.paragraph("下步打算", restarted)
    draft.paragraph("附加说明", restarted)
    assert lines_of(draft, tmp_path) == ("一、总体情况", "二、存在问题", "一、下步打算", "二、附加说明")


def test_a_level_override_redefines_the_level(tmp_path):
    draft = WordDraft()
    abstract = draft.add_list()
    num = draft.add_instance(abstract, start_overrides={0: 3},
                             level_overrides={0: level_xml(0, "upperRoman", "%1.", start=3)})
    draft.paragraph("存在问题", num)
    draft.paragraph("下步打算", num)
    assert lines_of(draft, tmp_path) == ("III.存在问题", "IV.下步打算")


def test_numbering_from_the_paragraph_style(tmp_path):
    draft = WordDraft()
    num = draft.new_list([("chineseCounting", "%1、", {"style": "Heading1"}),
                          ("chineseCounting", "（%2）", {"style": "Heading2"})])
    draft.link_style("Heading 1", num)  # no w:ilvl: the level that names the style
    draft.link_style("Heading 2", num)
    draft.paragraph("总体情况", style="Heading 1")
    draft.paragraph("学习教育", style="Heading 2")
    draft.paragraph("存在问题", style="Heading 1")
    unnumbered = draft.paragraph("不编号的标题", style="Heading 1")
    number(unnumbered, "0")  # numId 0 takes the style's number away
    draft.paragraph("下步打算", style="Heading 1")
    assert lines_of(draft, tmp_path) == ("一、总体情况", "（一）学习教育", "二、存在问题", "不编号的标题", "三、下步打算")


def test_a_list_that_links_to_a_numbering_style(tmp_path):
    """Word writes a multilevel list attached to a list style as two
    definitions: one with the levels (w:styleLink), one that the paragraphs'
    w:num uses and that only names the style (w:numStyleLink)."""
    draft = WordDraft()
    draft.add_list(style_link="ReportOutline")
    linking = draft.add_list(levels=(), num_style_link="ReportOutline")
    num = draft.add_instance(linking)
    draft.paragraph("总体情况", num, 0)
    draft.paragraph("学习教育", num, 1)
    draft.paragraph("存在问题", num, 0)
    assert lines_of(draft, tmp_path) == ("一、总体情况", "（一）学习教育", "二、存在问题")


def test_bullets_and_none_show_no_number(tmp_path):
    draft = WordDraft()
    num = draft.new_list([("bullet", "\u2022"), ("none", "")])
    draft.paragraph("加强学习", num, 0)
    draft.paragraph("改进作风", num, 1)
    assert lines_of(draft, tmp_path) == ("加强学习", "改进作风")


# -- the rules see the numbers the reader sees -------------------------------------------------

def outline_draft(draft: WordDraft, num: str, headings: list[tuple[str, int, str]]) -> None:
    """A titled draft whose headings are (text, level, numId or '' for typed by hand),
    each followed by a body paragraph."""
    draft.paragraph(TITLE)
    for text, level, heading_num in headings:
        draft.paragraph(text, heading_num or None, level)
        draft.paragraph(BODY)


def test_a_clean_automatic_outline_draws_no_numbering_finding(tmp_path):
    draft = WordDraft()
    num = draft.new_list()
    outline_draft(draft, num, [("主要工作", 0, num), ("学习", 1, num), ("培训", 1, num),
                               ("存在问题", 0, num), ("下步打算", 0, num)])
    assert not [f for f in findings(draft.save(tmp_path / "clean.docx")) if f[0].startswith("numbering")]


def test_a_list_restarted_by_mistake(tmp_path):
    draft = WordDraft()
    abstract = draft.add_list()
    num, restarted = draft.add_instance(abstract), draft.add_instance(abstract, start_overrides={0: 1})
    outline_draft(draft, num, [("主要工作", 0, num), ("存在问题", 0, num), ("下步打算", 0, restarted)])
    path = draft.save(tmp_path / "restarted.docx")
    assert read_source(str(path)).lines[5] == "一、下步打算"
    assert ("numbering-order", 6) in findings(path)


def test_a_heading_typed_by_hand_among_automatic_ones(tmp_path):
    draft = WordDraft()
    num = draft.new_list()
    # 三、 typed by hand is not counted by the list: the next automatic number is 三 again
    outline_draft(draft, num, [("主要工作", 0, num), ("存在问题", 0, num), ("三、原因分析", 0, ""),
                               ("下步打算", 0, num)])
    path = draft.save(tmp_path / "typed.docx")
    assert read_source(str(path)).lines[5:8] == ("三、原因分析", BODY, "三、下步打算")
    # reported on the typed paragraph, not on the automatic one after it
    assert [f for f in findings(path) if f[0] == "numbering-duplicate"] == [("numbering-duplicate", 6)]


def test_mixed_forms_at_one_level(tmp_path):
    draft = WordDraft()
    num = draft.new_list()
    other = draft.new_list([("chineseCounting", "%1、"), ("chineseCounting", "(%2)", {"start": 3})])
    outline_draft(draft, num, [("主要工作", 0, num), ("学习", 1, num), ("培训", 1, num), ("宣传", 1, other)])
    path = draft.save(tmp_path / "mixed.docx")
    assert read_source(str(path)).lines[7] == "(三)宣传"
    assert ("numbering-style", 8) in findings(path)


def test_round_trip_of_a_sample_draft_finds_the_same(tmp_path, samples_dir):
    """003_zicha_baogao.txt written as a .docx whose headings carry Word's
    automatic numbers wherever the list would show the number the draft has
    (the others stay typed by hand, as in a real draft): same rules, same lines."""
    text_path = samples_dir / "003_zicha_baogao.txt"
    source = read_source(str(text_path))
    headings = {h.line: h for h in parse_document(source).headings()}
    draft = WordDraft()
    num = draft.new_list()
    counts: dict[int, int] = {}
    automatic = 0
    for line_number, line in enumerate(source.lines, 1):
        heading = headings.get(line_number)
        if heading and heading.level <= 4 and not heading.indent:
            level = heading.level - 1
            value = counts.get(level, 0) + 1
            form = OFFICIAL_LEVELS[level][1].replace(f"%{level + 1}", "一二三四五六七八九十"[value - 1]
                                                     if level < 2 else str(value))
            if line.startswith(form) and heading.marker == form:
                draft.paragraph(line[len(form):], num, level)
                counts = {k: v for k, v in counts.items() if k < level}
                counts[level] = value
                automatic += 1
                continue
        draft.paragraph(line)
    docx_path = draft.save(tmp_path / "003_zicha_baogao.docx")
    assert automatic >= 10
    assert read_source(str(docx_path)).lines == source.lines
    config = Config.load()
    text_findings = [(d.rule, d.line, d.column) for d in lint_source(source, config).diagnostics]
    word_findings = [(d.rule, d.line, d.column) for d in lint_source(read_source(str(docx_path)), config).diagnostics]
    assert text_findings and word_findings == text_findings


# -- the command ----------------------------------------------------------------------------

@pytest.fixture
def word_draft(tmp_path):
    draft = WordDraft()
    num = draft.new_list()
    draft.paragraph(TITLE)
    draft.paragraph("主要工作", num, 0)
    draft.paragraph("XX镇全年完成投资**亿元。")
    draft.paragraph("下步打算", num, 0)
    draft.paragraph(BODY)
    return draft.save(tmp_path / "总结.docx")


def test_cli_names_the_paragraph(run_cli, word_draft):
    result = run_cli(str(word_draft))
    assert result.returncode == 1, err(result)
    found = diagnostic_lines(out(result))
    placeholders = [(int(m["line"]), int(m["column"])) for m in found if m["rule"] == "placeholder"]
    assert placeholders == [(3, 1), (3, 10)]
    # the excerpt under each finding is the paragraph as the reader sees it, to find it with Word's Find
    assert " 3 | XX镇全年完成投资**亿元。\n" in out(result)
    report = json.loads(out(run_cli("--format", "json", str(word_draft))))
    assert {(d["rule"], d["line"]) for d in report["files"][0]["diagnostics"]} >= {("placeholder", 3)}


def test_outline_of_a_word_document(run_cli, word_draft):
    result = run_cli("outline", str(word_draft))
    assert result.returncode == 0, err(result)
    assert "一、主要工作" in out(result) and "二、下步打算" in out(result)


def test_word_document_on_standard_input(run_cli, word_draft):
    result = run_cli("-", stdin=word_draft.read_bytes())
    found = diagnostic_lines(out(result))
    assert ("placeholder", "3") in {(m["rule"], m["line"]) for m in found}


def test_folders_include_word_documents_but_not_lock_files(run_cli, tmp_path, word_draft):
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(word_draft, folder / "a.docx")
    (folder / "~$a.docx").write_bytes(b"\x0bowner" + b"\0" * 150)  # Word's lock file beside an open document
    (folder / "b.txt").write_text(f"{TITLE}\n{BODY}\n", encoding="utf-8")
    result = run_cli(str(folder))
    assert err(result) == ""
    assert "of 2 files checked" in out(result)
    assert {m["path"] for m in diagnostic_lines(out(result))} == {str(folder / "a.docx")}


def _truncated(path):
    data = path.read_bytes()
    return data[: len(data) // 2]


def _corrupt_xml(path):
    rebuilt = path.with_name("rebuilt.docx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<w:document><w:body><w:p>" if item.filename == "word/document.xml" else data)
    return rebuilt.read_bytes()


def _not_word(path):
    rebuilt = path.with_name("sheet.zip")
    with zipfile.ZipFile(rebuilt, "w") as target:
        target.writestr("xl/workbook.xml", "<workbook/>")
    return rebuilt.read_bytes()


def _encrypted(path):
    import io

    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    with open(path, "rb") as plain:
        OOXMLFile(plain).encrypt("口令123", encrypted)
    return encrypted.getvalue()


def _old_binary(path):
    # the container of a Word 97-2003 document: an OLE compound file with a
    # WordDocument stream (whose FIB starts with the magic 0xA5EC)
    return compound_file({"WordDocument": b"\xec\xa5\xc1\x00" + b"\0" * 60, "1Table": b"\0" * 64})


@pytest.mark.parametrize("name, make, words", [
    ("truncated.docx", _truncated, "corrupt or truncated"),
    ("broken.docx", _corrupt_xml, "corrupt Word document"),
    ("sheet.docx", _not_word, "corrupt Word document"),
    ("plain.docx", lambda path: "一、总体情况".encode("utf-8"), "not a Word document"),
    ("locked.docx", _encrypted, "password-protected"),
    ("old.doc", _old_binary, "old binary Word document (.doc)"),
    ("renamed.txt", _old_binary, "old binary Word document (.doc)"),
])
def test_an_unreadable_word_file_is_one_error_line_and_the_others_are_checked(run_cli, tmp_path, word_draft,
                                                                              name, make, words):
    bad = tmp_path / name
    bad.write_bytes(make(word_draft))
    result = run_cli(str(bad), str(word_draft))
    assert_one_line_error(result, name, words)
    found = diagnostic_lines(out(result))
    assert found and {m["path"] for m in found} == {str(word_draft)}
    assert "of 1 file checked, 1 could not be read" in out(result)


def test_the_api_raises_input_error_for_an_old_document(tmp_path):
    bad = tmp_path / "old.doc"
    bad.write_bytes(_old_binary(None))
    with pytest.raises(InputError, match=r"old\.doc: an old binary Word document"):
        read_source(str(bad))


def test_reading_a_word_document_never_modifies_it(tmp_path, word_draft):
    before = word_draft.read_bytes()
    mtime = word_draft.stat().st_mtime_ns
    lint_paths([str(word_draft)])
    assert word_draft.read_bytes() == before and word_draft.stat().st_mtime_ns == mtime
