"""The parts of an official document (issue 19): the example of the issue, its
correct version, a clean official document with issuing number, attachment
note and appended attachments, and the clean corpus and drafts staying quiet."""

from __future__ import annotations

from pathlib import Path

from checker.api import lint_text

OFFICIAL = {"report-with-request", "request-several-matters", "document-number", "document-date", "attachment-note",
            "attachment-mismatch", "recipient-colon", "copy-to", "title-genre", "numbering-parent"}
DRAFTS = Path(__file__).resolve().parent / "drafts"

ISSUE_EXAMPLE = """某区住房和城乡建设局关于2025年老旧小区改造工作情况的报告
区人民政府：
…今年计划改造小区38个，尚缺配套资金600万元，妥否，请批示。
附件:1.改造项目清单。
某区住房和城乡建设局
2025年08月05日
"""
CORRECT = """某区住房和城乡建设局关于2025年老旧小区改造工作情况的报告
区人民政府：
　　今年计划改造小区38个，已开工36个。
　　特此报告。
　　附件：改造项目清单
某区住房和城乡建设局
2025年8月5日
"""


def test_the_issue_example_gives_findings_on_lines_3_4_and_6():
    found = {(d.rule, d.line) for d in lint_text(ISSUE_EXAMPLE, path="example.txt")}
    assert {("report-with-request", 3), ("attachment-note", 4), ("document-date", 6)} <= found
    assert {line for _, line in found} == {3, 4, 6}
    # one report for the half-width colon after 附件: the note's own, not also halfwidth-punctuation
    line_4 = [d.rule for d in lint_text(ISSUE_EXAMPLE) if d.line == 4]
    assert "halfwidth-punctuation" not in line_4 and line_4.count("attachment-note") == 3  # colon, 。, a single attachment numbered


def test_the_issue_example_written_correctly_gives_none():
    assert lint_text(CORRECT, path="example.txt") == []


def test_the_date_fix_drops_leading_zeros():
    [date] = [d for d in lint_text(ISSUE_EXAMPLE) if d.rule == "document-date"][:1]
    assert date.fix is not None and date.fix.applicability == "safe"


def test_a_clean_official_document_with_number_note_and_appended_attachments_gives_none():
    text = (DRAFTS / "gongwen" / "gaizao.txt").read_text(encoding="utf-8")
    assert lint_text(text, path="gaizao.txt") == []


def test_every_official_rule_cites_its_clause():
    from checker.api import Config
    for rule in Config.load().rules:
        if rule.name in OFFICIAL:
            assert "GB/T 9704" in rule.description + rule.message or "条例" in rule.description + rule.message, rule.name


def _warnings_per_10k(texts: list[str]) -> float:
    chars = sum(len(t) for t in texts)
    warnings = sum(1 for t in texts for d in lint_text(t) if d.rule in OFFICIAL)
    return warnings * 10_000 / chars


def test_corpus_and_clean_drafts_stay_quiet(corpus_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.iterdir()) if p.suffix in (".txt", ".md")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DRAFTS.rglob("*")) if p.suffix in (".txt", ".md")]
    assert _warnings_per_10k(texts) <= 0.5
