"""Inputs that once crashed the linter or sent it astray (issue 10), each as
the reproducer it was found with."""

from __future__ import annotations

import json

from checker import lint_text
from checker.parse.enumerations import find_enumerators
from checker.numerals import int_to_chinese
from conftest import parse_text

QUOTED_SHI = '一是"三会一课"制度落实不到位。'


def rules_at(diagnostics, line: int) -> list[str]:
    return [d.rule for d in diagnostics if d.line == line]


def test_straight_quote_after_yishi_is_an_enumerator_not_a_crash():
    document = parse_text("关于某某支部的自查报告\n" + QUOTED_SHI + "\n")
    assert [(e.marker, e.span.line, e.span.column) for e in document.root.enumerators] == [("一是", 2, 1)]
    assert document.line_kinds[2] == "enumerated"


def test_straight_quote_after_yishi_in_check_and_outline(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某支部的自查报告\n" + QUOTED_SHI + "\n二是学习不深入。\n", encoding="utf-8")
    checked = run_cli("--format", "json", str(draft))
    assert checked.returncode in (0, 1), checked.stderr
    assert json.loads(checked.stdout)["files"][0]["path"] == str(draft)
    shown = run_cli("outline", str(draft))
    assert shown.returncode == 0, shown.stderr
    assert b"enumeration: \xe4\xb8\x80\xe6\x98\xaf@2:1 \xe4\xba\x8c\xe6\x98\xaf@3:1" in shown.stdout  # 一是@2:1 二是@3:1
    assert not shown.stderr


def test_a_term_in_straight_quotes_is_not_an_enumerator():
    assert list(find_enumerators('大家说"三是"的提法不准确。', 1)) == []
    assert list(find_enumerators("大家说“三是”的提法不准确。", 1)) == []
    # after a clause break, a straight quote opening a term after 是 is fine
    assert [e.number for e in find_enumerators('；二是"两学一做"学习不深入。', 1)] == [2]


def test_ninety_nine_enumerators_have_no_false_skips():
    text = "关于某某工作的报告\n" + "。".join(f"{int_to_chinese(n)}是加强" for n in range(1, 100)) + "。\n"
    document = parse_text(text)
    assert [e.number for e in document.root.enumerators] == list(range(1, 100))
    assert not [d for d in lint_text(text) if d.rule.startswith("numbering")]


def test_a_thousand_numbered_items_are_headings():
    text = "关于某某工作的报告\n" + "".join(f"{n}. 第{n}项工作\n" for n in range(1, 1001))
    document = parse_text(text)
    assert [h.number for h in document.headings()] == list(range(1, 1001))
    diagnostics = lint_text(text)
    assert not [d for d in diagnostics if d.rule == "empty-section"]
    assert rules_at(diagnostics, 1001) == []


def test_a_year_opening_a_line_is_not_a_heading_and_keeps_its_text():
    text = "关于某某工作的报告\n今年以来，我们扎实推进各项工作。\n2023. 全年完成投资3亿元\n"
    document = parse_text(text)
    assert document.headings() == []
    paragraph = document.root.paragraphs[-1]
    assert (paragraph.line, paragraph.column, paragraph.text) == (3, 1, "2023. 全年完成投资3亿元")
    assert rules_at(lint_text(text), 3) == ["truncated-paragraph"]


def test_outline_of_an_empty_file(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    shown = run_cli("outline", str(empty))
    assert shown.returncode == 0, shown.stderr
    assert "(empty: no text)" in shown.stdout.decode()
    assert "first line is body text" not in shown.stdout.decode()


def test_outline_shows_the_readable_files_and_reports_the_missing_one(run_cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("关于某某工作的报告\n一、工作开展情况\n全年完成投资3亿元。\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    shown = run_cli("outline", str(good), str(missing))
    assert shown.returncode == 2
    assert shown.stderr.decode().splitlines() == [f"reportlint: {missing}: no such file"]
    stdout = shown.stdout.decode()
    assert f"{good}  (genre:" in stdout and "一、工作开展情况" in stdout
    as_json = run_cli("outline", "--format", "json", str(missing), str(good))
    assert as_json.returncode == 2
    assert [o["path"] for o in json.loads(as_json.stdout)["outlines"]] == [str(good)]
