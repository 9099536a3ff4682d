"""Properties that hold for every draft, checked on generated ones (issue 10).

Drafts are built from the pieces real drafts are made of — CJK text, every
numbering form at a line start and inline, quotes of both widths,
placeholders, website residue, look-alikes (X光, 5G, 唯一是, 3.5万元),
Markdown marks, exotic blanks (NBSP, U+3000, tabs) and every line end — as
.txt and .md. For each: linting never raises; every position lies inside the
document; the output is deterministic and sorted; CRLF, CR and LF give the
same findings; the excerpt under a finding shows the text at its span.

CI runs the ``ci`` profile (a bounded number of examples); a longer run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.analyse.analysis import analyse
from checker.api import Config, lint_text
from checker.formats.excerpt import LONGEST_SPAN, excerpt, shown
from checker.formats.outline_format import render_json, render_text
from checker.model import Diagnostic, SourceText
from checker.parse.outline import parse_document

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CONFIG = Config.load()

MARKERS = ["一、", "二、", "十二、", "一.", "一，", "（一）", "(二)", "（三）、", "1.", "2、", "１.", "3，", "1000.", "2023.",
           "（1）", "(2)", "3）", "①", "②", "⑳", "一是", "二是", "九十二是", "第一部分　", "附件：", "# ", "## ", "**（一）",
           "**一是**", "- ", "> "]
WORDS = ["加强", "学习", "工作", "全年", "完成投资", "3.5万元", "X光", "B超", "5G", "唯一是", "统一是", "一是一、二是二",
         "同比增长5%", "党员", "支部", "整改措施", "存在问题", "下步打算", "自查报告", "述职报告", "工作总结", "同志们：",
         "某某镇", "2024年3月", "以下三个方面", "主要有"]
PLACEHOLDERS = ["XX", "××", "**", "○○", "＿＿", "【】", "x年x月", "……", "略", "待补充", "（此部分内容待补充）"]
RESIDUE = ["[【公*众号：材料】]", "##paidbegin##", "材料来自公众号", "客服微信", "如有侵权请联系删除", "侵删"]
MARKS = ["。", "，", "；", "：", "、", "！", "？", "“", "”", "\"", "'", "‘", "’", "《", "》", "（", "）", "(", ")",
         "*", "**", "_", "#", "|", "…", "——"]
INLINE_ENUMERATORS = ["一是", "；二是", "，三是", "①", "②", "“三是”", "\"四是\""]
BLANKS = ["", " ", "  ", "\u3000", "\u3000\u3000", "\t", "\u00a0", "\u2002", "\ufeff"]
LINE_ENDS = ["\n", "\r\n", "\r"]

pieces = st.sampled_from(WORDS + PLACEHOLDERS + RESIDUE + MARKS + INLINE_ENUMERATORS) | st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E2F), min_size=1, max_size=6)
lines = st.builds(
    lambda blank, marker, body, end: blank + marker + "".join(body) + end,
    st.sampled_from(BLANKS), st.sampled_from([""] * 4 + MARKERS), st.lists(pieces, max_size=12),
    st.sampled_from(["", "", "。", "；", "：", " ", "\u3000", "\t"]),
)
titles = st.sampled_from(["", "关于某某工作的报告", "某某镇2024年工作总结", "述职报告", "关于XX的自查报告", "# 自查报告"])
drafts = st.builds(lambda title, body: [title, *body], titles, st.lists(lines, max_size=25))
suffixes = st.sampled_from([".txt", ".md"])


def linted(text_lines: list[str], line_end: str, suffix: str) -> tuple[SourceText, list[Diagnostic]]:
    text = line_end.join(text_lines)
    path = "draft" + suffix
    return SourceText.from_string(text, path), lint_text(text, path=path, config=CONFIG)


def key(diagnostic: Diagnostic) -> tuple:
    span = diagnostic.span
    return (diagnostic.rule, span.line, span.column, span.end_line, span.end_column, diagnostic.message)


@given(drafts, st.sampled_from(LINE_ENDS), suffixes)
def test_linting_never_raises_and_every_position_lies_in_the_document(text_lines, line_end, suffix):
    source, diagnostics = linted(text_lines, line_end, suffix)
    lines_of = source.lines
    for diagnostic in diagnostics:
        span = diagnostic.span
        where = (diagnostic.rule, span, lines_of)
        assert 1 <= span.line <= span.end_line <= len(lines_of), where
        assert 1 <= span.column <= len(lines_of[span.line - 1]) + 1, where
        assert 1 <= span.end_column <= len(lines_of[span.end_line - 1]) + 1, where
        if span.line == span.end_line:
            assert span.column <= span.end_column, where
            if span.end_column > span.column:  # a non-empty span covers text that is there
                line = lines_of[span.line - 1]
                start, end = span.column - 1, span.end_column - 1
                assert line[start:end], where
                shown_span = "".join(shown(c) for c in line[start:end])[:LONGEST_SPAN]
                assert shown_span in excerpt(line, start, end).text, where
    assert diagnostics == sorted(diagnostics, key=Diagnostic.sort_key)
    assert [key(d) for d in lint_text(line_end.join(text_lines), path="draft" + suffix, config=CONFIG)] == \
        [key(d) for d in diagnostics]  # deterministic


@given(drafts, suffixes)
def test_crlf_cr_and_lf_give_the_same_findings(text_lines, suffix):
    found = {end: [key(d) for d in linted(text_lines, end, suffix)[1]] for end in LINE_ENDS}
    assert found["\r\n"] == found["\n"] == found["\r"]


@given(drafts, st.sampled_from(LINE_ENDS), suffixes)
def test_the_outline_of_any_draft_renders(text_lines, line_end, suffix):
    document = parse_document(SourceText.from_string(line_end.join(text_lines), "draft" + suffix))
    for section in document.sections():
        heading = section.heading
        line = document.lines[heading.line - 1]
        assert line[heading.marker_span.column - 1:heading.marker_span.end_column - 1] == heading.marker
    genre = analyse(document).genre.name
    render_text(document, genre)
    render_json([document], [genre])
