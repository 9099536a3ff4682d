"""Numbering rules: legitimate numbering styles stay quiet; each defect injected
into clean text is reported at its line by its rule, and nothing else changes."""

from __future__ import annotations

import pytest

from checker.api import lint_text
from conftest import parse_text
from checker.analyse.sequences import Run, Item, enumerator_runs, heading_runs, problems
from checker.model import Span

NUMBERING_RULES = {"numbering-skip", "numbering-duplicate", "numbering-order", "numbering-style",
                   "numbering-single", "numbering-level", "count-mismatch"}

CLEAN = """某镇2024年工作总结

2024年，镇党委坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作。现将有关情况总结如下：
一、主要工作
（一）加强理论学习。一是健全学习制度，全年开展中心组学习12次。二是创新学习形式，组织专题研讨6场。
（二）推进重点项目。全年实施重点项目18个，完成投资5.6亿元。
1.基础设施项目。新建道路12公里，改造供水管网8公里。
2.产业发展项目。引进农产品加工企业3家。
3.民生保障项目。新建村级养老服务站4个。
（三）改善人居环境。完成农村户厕改造860户，垃圾收运体系覆盖全部行政村。
二、存在的问题
主要表现在以下三个方面：
（一）理论学习与实际工作结合不够紧密。
（二）项目前期工作准备不够充分。
（三）基层干部队伍能力有待提升。
三、下一步工作打算
（一）深化理论武装。坚持每月集中学习1次。
（二）加快项目建设。确保重点项目按期竣工。
（三）加强队伍建设。每季度开展业务培训1次。
"""


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def findings(text: str, path: str | None = None) -> list[tuple[str, int]]:
    return sorted((d.rule, d.line) for d in lint_text(text, path=path))


def test_clean_draft_draws_no_finding():
    assert findings(CLEAN) == []


def replace_line(number: int, old: str, new: str):
    def inject(lines: list[str]) -> list[str]:
        assert old in lines[number - 1], lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return lines
    return inject


def delete_lines(*numbers: int):
    def inject(lines: list[str]) -> list[str]:
        return [line for index, line in enumerate(lines, 1) if index not in numbers]
    return inject


def append_lines(*new: str):
    def inject(lines: list[str]) -> list[str]:
        return lines[:-1] + list(new) + [""]
    return inject


INJECTIONS = [
    # (id, injection, expected rule, expected line after injection)
    ("skip-heading", delete_lines(6, 7, 8, 9), "numbering-skip", 6),
    ("skip-level3", delete_lines(8), "numbering-skip", 8),
    ("skip-shi", replace_line(5, "二是创新学习形式", "三是创新学习形式"), "numbering-skip", 5),
    ("duplicate-level3", replace_line(9, "3.民生", "2.民生"), "numbering-duplicate", 9),
    ("duplicate-heading", replace_line(14, "（二）", "（一）"), "numbering-duplicate", 14),
    ("order-headings", lambda l: replace_line(14, "（二）", "（三）")(replace_line(15, "（三）", "（二）")(l)),
     "numbering-order", 15),
    ("style-dunhao", replace_line(7, "1.基础", "1、基础"), "numbering-style", 7),
    ("style-fullwidth-stop", replace_line(8, "2.产业", "2．产业"), "numbering-style", 8),
    ("style-fullwidth-digit", replace_line(9, "3.民生", "３.民生"), "numbering-style", 9),
    ("style-halfwidth-paren", replace_line(10, "（三）", "(三)"), "numbering-style", 10),
    ("style-trailing-mark", replace_line(17, "（一）", "（一）、"), "numbering-style", 17),
    ("style-level1-dot", replace_line(11, "二、", "二."), "numbering-style", 11),
    ("style-nbsp-indent", replace_line(18, "（二）", "\u00a0（二）"), "numbering-style", 18),
    ("style-fullwidth-space-indent", replace_line(4, "一、", "\u3000\u3000一、"), "numbering-style", 4),
    ("single-shi", replace_line(5, "二是创新学习形式，组织专题研讨6场。", ""), "numbering-single", 5),
    ("level-skip", append_lines("四、工作建议", "1.加强统筹协调。", "2.压实工作责任。"), "numbering-level", 21),
    ("count-mismatch", replace_line(12, "三个方面", "四个方面"), "count-mismatch", 12),
]


@pytest.mark.parametrize("injection, rule, line", [pytest.param(i, r, n, id=name) for name, i, r, n in INJECTIONS])
def test_injected_defect_is_reported_alone(injection, rule, line):
    injected = "\n".join(injection(lines_of(CLEAN)))
    assert findings(injected) == [(rule, line)]


@pytest.mark.parametrize("text", [
    # restart at 1 under each parent
    "一、主要工作\n（一）加强学习。\n1.健全制度。\n2.压实责任。\n（二）强化监督。\n1.完善机制。\n2.跟踪问效。\n二、下步打算",
    # continue across parents
    "一、主要工作\n（一）加强学习。\n1.健全制度。\n2.压实责任。\n3.落实制度。\n4.建立台账。\n（二）强化监督。\n5.完善机制。\n6.跟踪问效。\n二、下步打算",
    # level-2 continuing across level-1 sections
    "一、主要工作\n（一）加强学习。\n（二）压实责任。\n二、下步打算\n（三）强化监督。\n（四）跟踪问效。",
    # paragraph-leading 一是 lines, then inline runs restarting in a new paragraph
    "（一）加强学习。\n一是健全制度。\n二是压实责任。\n三是强化监督。\n（二）改进作风。一是下村入户。二是解决问题。",
    # circled numbers inline and leading
    "（一）加强学习，包括①健全制度；②压实责任；③强化监督。\n（二）改进作风。\n①下村入户；\n②解决问题。",
    # look-alikes that are not enumerators or headings
    "唯一是坚持不懈，统一是前提，之一是关键，其一是抓学习。\n坚持一是一、二是二的原则。\n3.5亿元的投资全部到位。\n2023年以来，各项工作稳步推进。",
    # a document indented with full-width spaces throughout
    "　　一、主要工作\n　　（一）加强学习。开展学习32次。\n　　全镇上下共同努力。\n　　（二）压实责任。签订责任书22份。\n　　二、下步打算",
    # the same with a table pasted with tabs: its rows are not body paragraphs
    ("　　一、主要工作\n　　（一）加强学习。开展学习32次。\n项目\t次数\n集中学习\t12\n专题研讨\t8\n"
     "　　全镇上下共同努力。\n　　（二）压实责任。签订责任书22份。\n　　二、下步打算"),
])
def test_legitimate_numbering_is_quiet(text):
    assert [f for f in findings(text) if f[0] in NUMBERING_RULES] == []


def test_run_of_a_skip_whose_number_turns_up_later_is_one_order_problem():
    run = Run("shi", [Item(n, Span(1, i * 3 + 1, 1, i * 3 + 3), f"{n}是") for i, n in enumerate([1, 3, 2, 4])])
    assert [(p.kind, p.item.number) for p in problems(run)] == [("order", 2)]


def test_duplicate_typo_is_reported_once():
    run = Run(3, [Item(n, Span(i + 1, 1, i + 1, 3), f"{n}.") for i, n in enumerate([1, 2, 2, 4])], style="N.")
    assert [(p.kind, p.item.span.line) for p in problems(run)] == [("duplicate", 3)]


def test_continuation_is_judged_against_the_previous_run():
    document = parse_text("（一）甲。\n1.子一。\n2.子二。\n（二）乙。\n4.子四。")
    runs = [r for r in heading_runs(document) if r.kind == 3]
    assert [r.continued for r in runs] == [False, False]
    assert [p.kind for r in runs for p in problems(r)] == ["skip"]


@pytest.mark.parametrize("slip, expected", [
    ("3.子三。", []),
    ("2.子三。", [("numbering-duplicate", 4)]),
    ("4.子三。", [("numbering-skip", 4)]),
])
def test_a_slip_before_continued_numbering_is_reported_once(slip, expected):
    """1.–3. under （一） then 4.–5. under （二）: a slip in the first run (2. for
    3., or 4. for 3.) is reported where it is, not again where （二） continues."""
    text = f"（一）甲。\n1.子一。\n2.子二。\n{slip}\n（二）乙。\n4.子四。\n5.子五。"
    assert [f for f in findings(text) if f[0] in NUMBERING_RULES] == expected


def test_swapped_numbers_opening_a_continued_run_are_one_order_problem():
    text = "（一）甲。\n1.子一。\n2.子二。\n3.子三。\n（二）乙。\n5.子五。\n4.子四。\n6.子六。"
    assert [f for f in findings(text) if f[0] in NUMBERING_RULES] == [("numbering-order", 7)]


def test_inline_enumerators_restart_a_run_at_one():
    document = parse_text("（一）甲。一是学。二是做。\n一是查。二是改。三是建。")
    runs = enumerator_runs(document)
    assert [[i.number for i in r.items] for r in runs] == [[1, 2], [1, 2, 3]]


INDENTED_BODY = ("某街道2024年上半年工作总结\n\n　　今年以来，街道各项工作稳步推进。\n一、上半年工作\n（一）经济运行稳中有进\n"
                 "　　完成固定资产投资8.6亿元。\n（二）城市管理精细高效\n　　整治背街小巷12条。\n"
                 "（三）民生保障持续加强\n　　新增就业1320人。\n二、下半年打算\n　　抓好项目建设。\n")


def test_a_heading_indented_unlike_its_level_is_reported_in_an_indented_body():
    """The body is indented with full-width spaces, the headings are flush left:
    the one （二） indented like the body breaks its level's layout."""
    assert [f for f in findings(INDENTED_BODY) if f[0] in NUMBERING_RULES] == []
    text = INDENTED_BODY.replace("（二）城市", "　　（二）城市")
    found = [d for d in lint_text(text) if d.rule in NUMBERING_RULES]
    assert [(d.rule, d.line, d.column, d.span.end_column) for d in found] == [("numbering-style", 7, 1, 3)]
    assert "全角空格" in found[0].message


def test_headings_indented_like_the_body_throughout_are_quiet():
    text = INDENTED_BODY.replace("\n（", "\n　　（").replace("\n一、", "\n　　一、").replace("\n二、", "\n　　二、")
    assert [f for f in findings(text) if f[0] in NUMBERING_RULES] == []


@pytest.mark.parametrize("line", ["　　**（二）人才振兴。** 吸引返乡创业人员126名。", "　　### （二）人才振兴"])
def test_markdown_marker_indented_before_its_emphasis_or_hashes(line):
    """In Markdown the blanks before '**' or '#' indent the marker: the heading
    still counts (no skip) and the blanks are reported where they are."""
    text = f"# 某县乡村振兴工作汇报\n\n**（一）产业振兴。** 新建基地3个。\n\n{line}\n\n**（三）生态振兴。** 完成改厕3200户。\n"
    found = [d for d in lint_text(text, path="report.md") if d.rule in NUMBERING_RULES]
    assert [(d.rule, d.line, d.column, d.span.end_column) for d in found] == [("numbering-style", 5, 1, 3)]


def test_style_message_names_the_expected_form_and_fix_replaces_marker():
    diagnostics = [d for d in lint_text("（六）合力推进。\n1、经济实力大幅提升。\n2、基础设施改善。") if d.rule == "numbering-style"]
    assert [d.message for d in diagnostics] == ["序号“1、”不规范，应为“1.”", "序号“2、”不规范，应为“2.”"]
    first = diagnostics[0]
    assert (first.span.column, first.span.end_column) == (1, 3)
    assert first.fix.edits[0].replacement == "1."


def test_majority_style_option_accepts_the_document_form(tmp_path):
    from checker.api import Config
    from checker.lint.ruleset import load_pack

    pack = tmp_path / "style.yaml"
    pack.write_text(
        "pack: local\nrules:\n  - name: local-style\n    code: RL999\n    type: numbering-style\n"
        "    severity: warning\n    message: 序号“{marker}”应为“{expected}”\n    description: majority.\n"
        "    options: {expect: majority}\n    examples:\n      fail: ['1、甲。\\n2、乙。\\n3.丙。']\n",
        encoding="utf-8",
    )
    config = Config(rules=load_pack(pack))
    found = lint_text("1、甲。\n2、乙。\n3.丙。", config=config)
    assert [(d.line, d.message) for d in found] == [(3, "序号“3.”应为“3、”")]


def numbering_rows(samples_dir):
    rows = []
    for row in (samples_dir / "defects.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, line, category, tier, _ = row.split("\t")
        if tier == "core" and (category.startswith("numbering") or category in ("single-enumeration", "leading-whitespace", "count-mismatch")):
            rows.append((name, int(line), category))
    return rows


def test_samples_numbering_rows_are_reported_and_nothing_else(samples_dir):
    from checker.api import lint_paths

    expected = {(name, line) for name, line, _ in numbering_rows(samples_dir)}
    # count-mismatch is tiered ext in defects.tsv but is a core rule here
    for row in (samples_dir / "defects.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, line, category, _, _ = row.split("\t")
        if category == "count-mismatch":
            expected.add((name, int(line)))
    assert expected, "defects.tsv has numbering rows"
    reported = set()
    for result in lint_paths(sorted(str(p) for p in samples_dir.glob("*.txt"))):
        for d in result.diagnostics:
            if d.rule in NUMBERING_RULES:
                reported.add((result.path.rsplit("/", 1)[-1], d.line))
    assert reported == expected


def test_corpus_draws_no_numbering_finding(corpus_dir):
    from checker.api import lint_paths

    for result in lint_paths(sorted(str(p) for p in corpus_dir.glob("*.txt"))):
        assert [(d.rule, d.line) for d in result.diagnostics if d.rule in NUMBERING_RULES] == [], result.path
