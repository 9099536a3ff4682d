"""Word drafts as they are (issue 19): tables are table content, a signature
after a table and the attachments appended after the signature are recognised,
and a finding in a cell names its table and cell in text, JSON and HTML."""

from __future__ import annotations

import json

from checker import lint_paths
from test_cli import out
from word_drafts import WordDraft

STRUCTURAL = {"truncated-paragraph", "empty-section", "missing-section", "section-order", "missing-title",
              "numbering-skip", "numbering-duplicate", "numbering-order", "numbering-single", "count-mismatch"}


def official_draft(cell_text: str = "12") -> WordDraft:
    draft = WordDraft()
    for text in ("某县教育局关于2024年校舍安全工程进展情况的报告", "县人民政府：",
                 "现将今年校舍安全工程进展情况报告如下。", "一、工程进展",
                 "全年计划改造校舍15所，进展如下："):
        draft.paragraph(text)
    draft.table([["学校类别", "计划（所）", "已完工（所）"], ["小学", cell_text, "10"], ["初中", "3", "3"]])
    for text in ("二、下步工作", "加快未完工项目进度，确保年底前全部完工。", "特此报告。", "",
                 "附件：校舍改造项目清单", ""):
        draft.paragraph(text)
    draft.table([["签发人", "王某某"]])  # a signature block after a table
    for text in ("某县教育局", "2024年8月9日", "附件", "校舍改造项目清单"):
        draft.paragraph(text)
    draft.table([["序号", "学校", "内容"], ["1", "城关小学", "加固教学楼"]])
    return draft


def test_tables_signature_after_a_table_and_appended_attachment_give_no_structural_alarm(tmp_path):
    path = official_draft().save(tmp_path / "report.docx")
    [result] = lint_paths([str(path)])
    assert [(d.rule, d.line) for d in result.diagnostics if d.rule in STRUCTURAL] == []


def test_a_placeholder_in_a_cell_names_its_table_and_cell(tmp_path, run_cli):
    path = official_draft(cell_text="XX").save(tmp_path / "report.docx")
    [result] = lint_paths([str(path)])
    [placeholder] = [d for d in result.diagnostics if d.rule == "placeholder"]
    assert (placeholder.line, placeholder.place) == (10, "表1 第2行第2列")
    text = out(run_cli("check", "--format", "concise", str(path)))
    assert "placeholder" in text and "（表1 第2行第2列）" in text
    payload = json.loads(out(run_cli("check", "--format", "json", str(path))))
    [item] = [d for d in payload["files"][0]["diagnostics"] if d["rule"] == "placeholder"]
    assert item["table"] == {"table": 1, "row": 2, "cell": 2, "place": "表1 第2行第2列"}
    html = out(run_cli("check", "--format", "html", str(path)))
    assert "表1 第2行第2列" in html


def test_a_table_under_a_heading_is_its_content(tmp_path):
    draft = WordDraft()
    draft.paragraph("某县2024年重点项目进展情况的报告")
    draft.paragraph("一、项目进展")
    draft.table([["项目", "进度"], ["城东污水厂", "完成80%"]])
    draft.paragraph("二、下步打算")
    draft.paragraph("加快建设进度。")
    [result] = lint_paths([str(draft.save(tmp_path / "t.docx"))])
    assert [d.rule for d in result.diagnostics if d.rule in STRUCTURAL] == []
