"""The placeholder rule on real drafts: exactly the placeholders a reviewer
counted in ../shared/samples/defects.tsv, nothing on other lines, nothing at
all (nor any ad residue) in the clean published corpus, and no look-alikes."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from checker.api import Config, lint_paths, lint_text

CONFIG = Config.load()


def placeholder_rows(samples_dir):
    with open(samples_dir / "defects.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row["tier"] == "core" and "placeholder" in row["category"]]


def expected_count(evidence: str):
    """``**×7, *×4, ***×1`` → 12; no ×N count → None (at least one)."""
    counts = [int(n) for n in re.findall(r"×(\d+)", evidence)]
    return sum(counts) if counts else None


def test_expected_count_reads_the_evidence_column():
    assert expected_count("**×7, *×4, ***×1") == 12
    assert expected_count("**×1 (区委第**次党代会)") == 1
    assert expected_count("**常委会：") is None
    assert expected_count("****等历史遗留问题") is None


@pytest.fixture
def sample_findings(samples_dir):
    results = lint_paths(sorted(str(p) for p in samples_dir.glob("*.txt")), CONFIG)
    return {
        result.path.rsplit("/", 1)[-1]: Counter(d.line for d in result.diagnostics if d.rule == "placeholder")
        for result in results
    }


def test_every_reviewed_placeholder_is_reported_with_its_count(samples_dir, sample_findings):
    rows = placeholder_rows(samples_dir)
    assert len(rows) >= 15
    problems = []
    for row in rows:
        lines = [int(n) for n in row["line"].split(",")]
        found = sum(sample_findings[row["file"]][line] for line in lines)
        want = expected_count(row["evidence"])
        if want is None:
            # No count given: at least one, on one of the lines (5,6 = either).
            if not found:
                problems.append(f"{row['file']}:{row['line']}: nothing reported ({row['evidence']})")
        elif len(lines) != 1 or found != want:
            problems.append(f"{row['file']}:{row['line']}: {found} reported, {want} expected ({row['evidence']})")
    assert not problems, "\n".join(problems)


def test_no_placeholder_on_any_other_line(samples_dir, sample_findings):
    allowed: dict[str, set[int]] = {}
    for row in placeholder_rows(samples_dir):
        allowed.setdefault(row["file"], set()).update(int(n) for n in row["line"].split(","))
    stray = [f"{name}:{line} ({count})" for name, lines in sample_findings.items()
             for line, count in sorted(lines.items()) if line not in allowed.get(name, set())]
    assert not stray, "placeholder reported on lines the reviewer left alone: " + ", ".join(stray)


def test_either_line_row_is_reported_once(samples_dir, sample_findings):
    """``……`` as the whole body of a section (line field ``5,6``): one finding."""
    for row in placeholder_rows(samples_dir):
        if "," in row["line"]:
            lines = [int(n) for n in row["line"].split(",")]
            assert sum(sample_findings[row["file"]][line] for line in lines) == 1, row


@pytest.mark.parametrize("rule", ["placeholder", "ad-residue"])
def test_clean_corpus_draws_nothing(corpus_dir, rule):
    files = sorted(str(p) for p in corpus_dir.glob("*.txt"))
    assert files
    found = [f"{r.path}:{d.line}:{d.column}: {d.message}"
             for r in lint_paths(files, CONFIG) for d in r.diagnostics if d.rule == rule]
    assert not found, "\n".join(found[:20])


LOOK_ALIKES = [
    "开展X光检查，配备X射线设备。",
    "为孕产妇免费提供B超检查。",
    "为志愿者统一定制T恤。",
    "全镇5G网络实现全覆盖。",
    "成功创建AAAA级旅游景区。",
    "PM2.5平均浓度下降8.2%。",
    "用Excel表格汇总各村数据。",
    "推动企业在A股上市。",
    "COVID-19疫情防控转入新阶段。",
    "构建“1+N”政策体系。",
    "X光机、X射线探伤仪已完成检定。",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_placeholders(text):
    assert [d.message for d in lint_text(text, config=CONFIG) if d.rule == "placeholder"] == []


@pytest.mark.parametrize("text", [
    "3.5万元用于道路维护。",
    "一、资金使用\n3.5万元用于道路维护，其余用于绿化。",
    "二〇〇八年以来，全镇面貌焕然一新。",
    "工作总结\n二〇〇八年\n二○二二年十二月",
])
def test_numbers_at_line_start_and_chinese_years(text):
    assert [d.message for d in lint_text(text, config=CONFIG) if d.rule == "placeholder"] == []


def test_markdown_bold_is_not_a_placeholder_in_md_files():
    text = "# 工作总结\n\n坚持**党的全面领导**不动摇，推进__全面从严治党__。\n\n* 加强理论学习。\n"
    assert [d for d in lint_text(text, path="report.md", config=CONFIG) if d.rule == "placeholder"] == []


def test_markdown_awareness_still_finds_real_placeholders():
    text = "坚持**党的全面领导**不动摇，全年召开会议**次。\n"
    found = [d for d in lint_text(text, path="report.md", config=CONFIG) if d.rule == "placeholder"]
    column = text.index("**次") + 1
    assert [(d.line, d.column, d.span.end_column) for d in found] == [(1, column, column + 2)]


def test_the_same_asterisks_in_a_txt_file_are_placeholders():
    text = "坚持**党的全面领导**不动摇。"
    found = [d for d in lint_text(text, path="report.txt", config=CONFIG) if d.rule == "placeholder"]
    assert len(found) == 2


@pytest.mark.parametrize("text, count", [
    ("XX镇党委高度重视。", 1),
    ("截至x年x月，累计培训××人次。", 3),
    ("完成投资____亿元，完成率X％。", 2),
])
def test_placeholder_counterparts_of_the_look_alikes_are_reported(text, count):
    assert len([d for d in lint_text(text, config=CONFIG) if d.rule == "placeholder"]) == count
