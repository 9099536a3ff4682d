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
ENTRIES = RULE.checker.expressions


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
     ":2: expression '一岗双责' needs 'wrong', 'pattern' or 'members'"),
    ("expressions:\n  - canonical: 一岗双责\n    wrong: [一岗两责]\n    advice: a\n    examples: {fail: [x], pass: [y]}\n",
     ":2: expression is missing 'source'"),
    ("expressions:\n  - canonical: x\n    pattern: '('\n    advice: a\n    source: b\n    examples: {fail: [x], pass: [y]}\n",
     ":3: invalid regular expression"),
    ("expressions:\n  - canonical: x\n    wrong: [y]\n    advise: a\n", ":4: unknown key 'advise'"),
])
def test_a_malformed_expression_file_names_its_line(tmp_path, entry_text, problem):
    path = tmp_path / "mine.yaml"
    path.write_text(entry_text, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        FixedExpressionRule({"expressions": str(path)})
    assert str(error.value).startswith(str(path)) and problem in str(error.value)
