"""The text-norm rules (rules/textnorm.yaml) on real text: every ``ext`` row of
../shared/samples/defects.tsv for them is reported on its line, and they report
nothing on the corpus of edited, published reports nor on clean official text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker.api import lint_paths, lint_text

from conftest import ROOT

# defects.tsv category -> the rule that must report it
FAMILIES = {
    "halfwidth-punct": "halfwidth-punctuation",
    "percent-mix": "percent-mix",
    "space-in-number": "stray-whitespace",
    "space-before-punct": "stray-whitespace",
    "dunhao-between-quotes": "dunhao-between-quotes",
    "range-connector": "range-connector",
    "template-residue": "template-residue",
    "fixed-expression": "fixed-expression",
    "duplicate-word": "repeated-word",
}
TEXT_RULES = set(FAMILIES.values())


def _text_findings(paths):
    return [(result.path, d) for result in lint_paths([str(p) for p in paths])
            for d in result.diagnostics if d.rule in TEXT_RULES]


def _ext_rows(samples_dir):
    rows = [row.split("\t") for row in (samples_dir / "defects.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    return [row for row in rows if row[3] == "ext" and row[2] in FAMILIES]


def test_every_ext_row_is_reported_on_its_line(samples_dir):
    reported = {(path.replace("\\", "/").rsplit("/", 1)[-1], d.rule, d.line)
                for path, d in _text_findings(sorted(samples_dir.glob("*.txt")))}
    rows = _ext_rows(samples_dir)
    assert {row[2] for row in rows} == set(FAMILIES)
    missed = [row for row in rows
              if not any((row[0], FAMILIES[row[2]], int(n)) in reported for n in row[1].split(","))]
    assert missed == []


def test_nothing_reported_on_the_published_corpus(corpus_dir):
    files = sorted(corpus_dir.glob("*.txt"))
    assert files
    found = [(path, d.line, d.column, d.rule, d.message) for path, d in _text_findings(files)]
    assert found == []


CLEAN_OFFICIAL_TEXT = """某县市场监督管理局2024年工作总结

2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，现将全年工作总结如下：
一、主要工作及成效
（一）优化营商环境。1—10月新登记经营主体3265户，同比增长12.5%；全年办理登记业务1,280件，平均用时压缩至0.5个工作日。
（二）守牢安全底线。落实“三会一课”“主题党日”制度，统筹做好“六稳”“六保”工作。抽检食品2022—2024年累计4500批次，合格率保持在97%～99%之间，每所学校配备3～5名食品安全员。
（三）强化执法办案。依据《中华人民共和国食品安全法》（2021年修正）、《市场监督管理行政处罚程序规定》，查办案件86件，罚没款120.5万元。各乡镇（街道）市场监管所全部完成标准化建设，村（社区）协管员实现全覆盖。
二、存在的问题
（一）基层监管力量不足，执法装备老化。
三、下一步打算
（一）上午8:30召开全局干部大会，部署2025—2027年工作，联系电话0851-12345678。
（二）按照GB/T 15834-2011规范公文用语，于2025-01-10前完成整改（具体见附件）。
"""


def test_nothing_reported_on_clean_official_text():
    found = [(d.line, d.column, d.rule, d.message) for d in lint_text(CLEAN_OFFICIAL_TEXT) if d.rule in TEXT_RULES]
    assert found == []


@pytest.mark.parametrize("text, rule, column, replacement", [
    ("尊敬的各位领导:", "halfwidth-punctuation", 8, "："),
    ("年均增长3.2%,工业", "halfwidth-punctuation", 9, "，"),
    ("共计613\u00a0户。", "stray-whitespace", 6, ""),
    ("规上工业1－10月产值", "range-connector", 5, "1—10"),
    ("提高15～30%。", "range-connector", 3, "15%～30%"),
])
def test_fix_edits_the_exact_span(text, rule, column, replacement):
    [finding] = [d for d in lint_text(text) if d.rule == rule]
    assert finding.column == column
    [edit] = finding.fix.edits
    assert edit.span.column == column and edit.replacement == replacement


def test_a_residue_span_and_markdown_code_are_looked_through():
    text = "材料很实用[【公众号:某某,写作】@]。\n运行`a,b:c`脚本。\n\n|指标|数值|\n|:---|---:|\n"
    assert [d for d in lint_text(text, path="draft.md") if d.rule in TEXT_RULES] == []


def test_a_clean_draft_never_loads_the_full_dictionary(run_cli, tmp_path):
    """repeated-word segments only lines with a back-to-back candidate: linting
    clean official text (常常, 层层, 实实在在 included) leaves jieba's full
    dictionary unloaded, in a fresh process."""
    draft = tmp_path / "clean.txt"
    draft.write_text(CLEAN_OFFICIAL_TEXT.replace("优化营商环境。", "优化营商环境，常常深入企业，层层压实责任。"),
                     encoding="utf-8")
    code = ("import sys; from checker.parse import word_index; from checker.api import lint_paths; "
            f"[r] = lint_paths([{str(draft)!r}]); "
            "assert not [d for d in r.diagnostics if d.rule == 'repeated-word']; "
            "print(word_index.full_index.cache_info().currsize)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_a_doubled_word_is_reported_once_on_its_second_occurrence():
    [finding] = [d for d in lint_text("（二）紧扣中心工作。周边地块地块项目完成签约。") if d.rule == "repeated-word"]
    assert (finding.line, finding.column, finding.span.end_column) == (1, 15, 17)
    assert finding.message == "词语“地块”重复（地块地块）"


def test_a_copy_that_begins_a_word_one_character_longer_is_that_word():
    """大队 + 大队长 is a unit and its head's title, not 大队 written twice; 认真 +
    认真落实, 书记 + 书记处理 and 专业 + 专业化 are still reported on the second copy."""
    text = "执法大队大队长带队检查。\n认真认真落实整改要求。\n村党支部书记书记处理问题。\n提升专业专业化水平。\n"
    found = [(d.line, d.column, d.span.end_column) for d in lint_text(text) if d.rule == "repeated-word"]
    assert found == [(2, 3, 5), (3, 7, 9), (4, 5, 7)]


def test_a_copy_that_ends_an_organs_name_is_that_name():
    """最高人民法院 + 人民法院案例库 and 人民检察院 + 检察院网站 are an organ and another
    name; 加强监管监管 (监管 ends 加强监管, no organ) and 县委县委 (two equal words)
    are still reported on the second copy."""
    text = ("入选最高人民法院人民法院案例库。\n获省人民检察院检察院网站转载。\n"
            "加强监管监管。\n按照县委县委的部署。\n")
    found = [(d.line, d.column, d.span.end_column) for d in lint_text(text) if d.rule == "repeated-word"]
    assert found == [(3, 5, 7), (4, 5, 7)]
