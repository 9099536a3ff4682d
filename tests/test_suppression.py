"""reportlint comments: what each kind suppresses (exact lines), that the
comment lines are not read as draft text, and unused-suppression."""

from __future__ import annotations

import json

import pytest

from checker.api import Config, lint_text

CONFIG = Config.load()


def found(text: str, path: str = "draft.txt", config: Config = CONFIG) -> list[tuple[str, int]]:
    return sorted((d.rule, d.line) for d in lint_text(text, path=path, config=config))


TITLE = "关于2024年工作的总结\n\n"


@pytest.mark.parametrize("path", ["draft.txt", "draft.md"])
def test_disable_next_line_covers_the_next_line_with_text_only(path):
    text = TITLE + "<!-- reportlint-disable-next-line placeholder -->\n\nXX镇完成投资。\n××村完成投资。\n"
    assert found(text, path) == [("placeholder", 6)]


def test_disable_and_enable_a_region_by_name_and_by_code_prefix():
    text = (TITLE + "<!-- reportlint-disable placeholder -->\nXX镇完成投资。\n××村完成投资。\n"
            "<!-- reportlint-enable placeholder -->\nXX乡完成投资。\n")
    assert found(text) == [("placeholder", 7)]
    by_prefix = text.replace("disable placeholder", "disable RL1").replace("enable placeholder", "enable RL1")
    assert found(by_prefix) == [("placeholder", 7)]
    by_code = text.replace("disable placeholder", "disable RL101").replace("enable placeholder", "enable")
    assert found(by_code) == [("placeholder", 7)]


def test_a_region_without_enable_runs_to_the_end_and_other_rules_still_report():
    text = TITLE + "<!-- reportlint-disable placeholder -->\nXX镇完成投资。\n\n全年完成投资3.2亿元\n\n××村完成投资。\n"
    assert found(text) == [("truncated-paragraph", 6)]


def test_disable_without_rules_covers_every_rule_until_a_bare_enable():
    text = (TITLE + "<!-- reportlint-disable -->\nXX镇完成投资\n<!-- reportlint-enable placeholder -->\n"
            "××村完成投资。\n<!-- reportlint-enable -->\nXX乡完成投资。\n")
    # enable naming a rule does not end a disable naming none
    assert found(text) == [("placeholder", 8)]


def test_disable_file_with_and_without_rules():
    text = "<!-- reportlint-disable-file placeholder -->\n" + TITLE + "XX镇完成投资。\n全年完成投资3.2亿元\n"
    assert found(text) == [("truncated-paragraph", 5)]
    assert found("<!-- reportlint-disable-file -->\n" + TITLE + "XX镇完成投资。\n全年完成投资3.2亿元\n") == []


def test_comment_lines_are_not_draft_text():
    """A comment above the title leaves it the title; one between paragraphs
    is no truncated paragraph; one after the date leaves the closing block."""
    text = ("<!-- reportlint-disable-next-line placeholder -->\n关于XX镇2024年工作的总结\n\n一、主要工作。\n\n"
            "全年完成投资3.2亿元。\n<!-- reportlint-disable-next-line RL3 -->\n二、下步打算。\n\n继续努力。\n\n"
            "青石镇人民政府\n2024年12月30日\n<!-- reportlint-enable -->\n")
    result = lint_text(text, path="draft.txt", config=CONFIG)
    # (the summary lacks its problems part: not the comments' business)
    assert [(d.rule, d.line) for d in result if d.rule != "missing-section"] == [("unused-suppression", 7)]


def test_the_source_keeps_its_comments():
    from checker.api import lint_source
    from checker.model import SourceText

    text = TITLE + "<!-- reportlint-disable-next-line placeholder -->\nXX镇完成投资。\n"
    result = lint_source(SourceText.from_string(text, "draft.md"), CONFIG)
    assert result.document.source.lines[2].startswith("<!--") and result.document.lines[2] == ""


@pytest.mark.parametrize("comment, detail", [
    ("<!-- reportlint-disable ad-residue -->", "没有抑制任何问题，"),
    ("<!-- reportlint-disable-next-line placeholder ad-residue -->", "（ad-residue 没有可抑制的问题）"),
    ("<!-- reportlint-disable-next-line placeholdr -->", "（没有名为 placeholdr 的规则）"),
    ("<!-- reportlint-disable-nextline placeholder -->", "不认识的指令 reportlint-disable-nextline"),
])
def test_unused_suppressions_are_reported_where_they_stand(comment, detail):
    text = TITLE + "XX镇完成投资。\n" + comment + "\n××村完成投资。\n"
    diagnostics = lint_text(text, path="draft.md", config=CONFIG)
    unused = [d for d in diagnostics if d.rule == "unused-suppression"]
    assert [(d.line, d.column, d.severity, d.code) for d in unused] == [(4, 1, "info", "RL002")]
    assert ("placeholder", 3) in [(d.rule, d.line) for d in diagnostics]
    assert detail in unused[0].message and comment in unused[0].message
    assert unused[0].span.end_column == len(comment) + 1


def test_unused_suppression_can_be_switched_off():
    text = TITLE + "<!-- reportlint-disable placeholder -->\n全年完成投资3.2亿元。\n"
    assert found(text) == [("unused-suppression", 3)]
    assert found(text, config=CONFIG.with_overrides(rules={"unused-suppression": "off"})) == []


def test_suppression_through_the_cli(tmp_path, run_cli):
    (tmp_path / ".git").mkdir()
    draft = tmp_path / "draft.txt"
    draft.write_text(TITLE + "<!-- reportlint-disable-next-line placeholder -->\nXX镇完成投资。\n××村完成投资。\n",
                     encoding="utf-8")
    result = run_cli("--format", "json", str(draft), cwd=tmp_path)
    diagnostics = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert [(d["rule"], d["line"]) for d in diagnostics] == [("placeholder", 5)]
    assert result.returncode == 1
    assert draft.read_text(encoding="utf-8").count("<!--") == 1  # nothing written
