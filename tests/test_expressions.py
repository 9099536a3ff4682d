"""The fixed-expression list (rules/expressions/political.yaml): every entry's
fail examples are reported by that entry and its pass examples by none; the
list is long enough to matter, and a malformed file stops with file:line."""

from __future__ import annotations

import pytest

from checker.api import Config, lint_text
from checker.lint.kinds.fixed_expression import FixedExpressionRule
from checker.settings.yamlfile import RuleFileError

CONFIG = Config.load()
RULE = next(rule for rule in CONFIG.rules if rule.name == "fixed-expression")
ENTRIES = RULE.rule_type.expressions


def _findings(text):
    return [d for d in lint_text(text, config=CONFIG) if d.rule == "fixed-expression"]


def test_the_list_has_sixty_entries_each_with_a_source_and_examples():
    assert len(ENTRIES) >= 60
    assert len({entry.canonical + entry.advice for entry in ENTRIES}) == len(ENTRIES)
    for entry in ENTRIES:
        assert entry.source and entry.advice and entry.fails and entry.passes, entry.canonical


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"line{e.line}")
def test_each_fail_example_is_reported_by_its_entry(entry):
    for text in entry.fails:
        found = _findings(text)
        assert found, f"{entry.canonical}: nothing reported in {text!r}"
        assert any(f"应为「{entry.canonical}」；" in d.message and entry.source in d.message for d in found), \
            [d.message for d in found]
        for diagnostic in found:  # the draft's own text, as written, before the canonical form
            written = text[diagnostic.span.column - 1:diagnostic.span.end_column - 1]
            assert diagnostic.message.startswith(f"原文「{written}」不规范"), (diagnostic.message, written)


def test_a_message_never_shows_the_right_form_as_the_wrong_one():
    [found] = _findings("牢固树立四个意识，坚定正确政治方向。")
    assert found.message.startswith("原文「四个意识」不规范，应为「“四个意识”」；"), found.message


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"line{e.line}")
def test_each_pass_example_is_quiet(entry):
    for text in entry.passes:
        assert _findings(text) == [], text


def test_a_fix_writes_the_canonical_form():
    [finding] = _findings("落实全面从紧治党主体责任。")
    assert finding.fix.applicability == "unsafe"
    [edit] = finding.fix.edits
    assert (edit.span.column, edit.span.end_column, edit.replacement) == (3, 9, "全面从严治党")


@pytest.mark.parametrize("entry_text, problem", [
    ("expressions:\n  - canonical: 一岗双责\n    advice: a\n    source: b\n    examples: {fail: [x], pass: [y]}\n",
     ":2: expression '一岗双责' needs 'wrong', 'pattern', 'members' or 'label'"),
    ("expressions:\n  - canonical: 一岗双责\n    wrong: [一岗两责]\n    advice: a\n    examples: {fail: [x], pass: [y]}\n",
     ":2: expression is missing 'source'"),
    ("expressions:\n  - canonical: x\n    pattern: '('\n    advice: a\n    source: b\n    examples: {fail: [x], pass: [y]}\n",
     ":3: invalid regular expression"),
    ("expressions:\n  - canonical: x\n    wrong: [y]\n    advise: a\n", ":4: unknown key 'advise'"),
    ("expressions:\n  - canonical: x\n    wrong: [y]\n    advice: a\n    source: b\n    examples:\n"
     "      match: [y]\n", ":7: 'match' is a word list's example; a rule's and an expression's examples are 'fail' and 'pass'"),
])
def test_a_malformed_expression_file_names_its_line(tmp_path, entry_text, problem):
    path = tmp_path / "mine.yaml"
    path.write_text(entry_text, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        FixedExpressionRule({"expressions": str(path)})
    assert str(error.value).startswith(str(path)) and problem in str(error.value)


@pytest.mark.parametrize("text, stranger, missing", [
    ("坚持创新、协调、环保、开放、共享。", "环保", "绿色"),                      # any wording, no label near
    ("做到为民服务、信念坚定、勤政务实、清正廉洁、敢作敢为。", "敢作敢为", "敢于担当"),  # any order of listing
    ("坚定道路自信、理论自信、制度自信、生态自信、做到“两个维护”。", "生态自信", "文化自信"),  # inside a longer list
    ("持续纠治形式主义、官僚主义、功利主义和奢靡之风。", "功利主义", "享乐主义"),        # last item joined by 和
])
def test_one_wrong_member_is_named_with_the_member_it_replaces(text, stranger, missing):
    [finding] = [d for d in _findings(text) if "不在其列" in d.message]
    assert f"「{stranger}」" in finding.message and f"此处应为“{missing}”" in finding.message
    assert text[finding.span.column - 1:finding.span.end_column - 1] == stranger
    assert finding.fix.edits[0].replacement == missing


@pytest.mark.parametrize("text", [
    "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设和党的建设。",  # an addition, not a replacement
    "统筹推进经济建设、政治建设、文化建设、社会建设。",                        # a part of the list
    "强化安全意识、责任意识、服务意识、法治意识。",                              # another list of the same shape
    "推动科技创新、产业协调、绿色转型、高水平开放。",                            # members inside other words
    "坚持“两个结合”，践行“两个务必”，落实“两个确保”。",                          # known labels
    "召开党委会、支委会、党员大会和组织生活会。",
])
def test_lists_that_are_not_a_formula_with_a_wrong_member_stay_quiet(text):
    assert _findings(text) == [], text
