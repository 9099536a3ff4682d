"""Rule packs are untrusted input (issue 10): a size limit, aliases bounded
before anything walks the tree, and regular expressions whose backtracking
can explode refused with ``file:line`` before they ever run."""

from __future__ import annotations

import pytest

from checker.settings import regexsafety
from checker.lint.ruleset import RuleFileError, load_pack, load_rules
from checker.settings.yamlfile import MAX_YAML_BYTES, read_yaml

from test_ruleset import GOOD

LEVELS = "abcdefghi"


def alias_bomb() -> str:
    """A 577-byte pack: nine levels of nine aliases (387 million values once
    expanded) inside a rule's options, which are wrong too (unknown options)."""
    lines = ["pack: bomb", "description: x", "rules:", "  - name: bomb", "    code: RL999", "    type: pattern",
             "    severity: warning", "    message: m", "    description: d", "    options:",
             '      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, level in zip(LEVELS, LEVELS[1:]):
        lines.append(f"      {level}: &{level} [{','.join(['*' + previous] * 9)}]")
    lines += ["    examples:", "      fail: [x]"]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_with_an_option_error_fails_fast_with_file_and_line(run_cli, tmp_path):
    pack = tmp_path / "bomb.yaml"
    pack.write_text(alias_bomb(), encoding="utf-8")
    assert len(pack.read_bytes()) < 600
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\n", encoding="utf-8")
    result = run_cli("--rules", str(pack), str(draft))  # hung (walking the expanded tree) before
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"reportlint: invalid rules: {pack}:16: aliases here expand to more than 100,000 values (an alias bomb?)"]


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path):
    pack = tmp_path / "loop.yaml"
    pack.write_text("pack: loop\nrules: &r\n  - *r\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"loop\.yaml:2: an alias refers to the value that contains it$"):
        read_yaml(str(pack), "rule")


def test_aliases_that_stay_small_are_fine(tmp_path):
    pack = tmp_path / "small.yaml"
    pack.write_text("a: &a [1, 2, 3]\nb: [*a, *a]\n", encoding="utf-8")
    assert read_yaml(str(pack), "rule") == {"a": [1, 2, 3], "b": [[1, 2, 3], [1, 2, 3]]}


def test_a_rule_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    pack = tmp_path / "huge.yaml"
    pack.write_bytes(b"# " + b"x" * MAX_YAML_BYTES + b"\n")
    with pytest.raises(RuleFileError) as raised:
        read_yaml(str(pack), "rule")
    assert str(raised.value) == f"{pack}:1: {MAX_YAML_BYTES + 3:,} bytes; a rule file may have at most 1,048,576"


CATASTROPHIC = ["(a+)+$", "(a|a)*$", "(.*)*$", "(a*)*b", "(?:a+|b)+$", "((ab)*)+$", "(a{1,5})+$",
                "(?:某|某某)+$", "(a?)+$", "(x+x+)+y", "[（(](?:X+)+[)）]"]
HARMLESS = ["[一二三]+", "X{2,}", "(?:XX|××)+", r"\d+(?:\.\d+)?", r"(\d{1,3},)+", "(a|ab)*", "(a+b+)+$",
            "【?(?:待定|待补充|TODO)】?", "(?:[一二三四五六七八九十]{1,3}、)+", "(a{3})+", "a++", "(?>a+)+",
            r"(?:[ \u3000]{2,}[^ \t\u3000]+){2,}", r"(?:\w|\d)+$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic_patterns_are_refused(pattern):
    with pytest.raises(regexsafety.UnsafeRegex, match="exponential backtracking"):
        regexsafety.check(pattern)


@pytest.mark.parametrize("pattern", HARMLESS)
def test_harmless_patterns_pass(pattern):
    regexsafety.check(pattern)


def pattern_pack(regex: str) -> str:
    """test_ruleset's good pack with ``regex`` as a second pattern (line 13)."""
    return GOOD.replace("        - regex: '【?(?:待定|待补充)】?'\n",
                        f"        - regex: '【?(?:待定|待补充)】?'\n        - '{regex}'\n")


def test_a_user_pattern_that_would_hang_is_refused_with_file_and_line(run_cli, tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(pattern_pack("(a+)+$"), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_pack(pack)
    assert str(raised.value).startswith(f"{pack}:13: rule 'draft-marker': option 'patterns': unsafe regular "
                                        "expression '(a+)+$': a quantifier inside a quantifier")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\n" + "a" * 32 + "b\n", encoding="utf-8")
    result = run_cli("--rules", str(pack), str(draft))  # would never finish if the pattern ran
    assert result.returncode == 2
    assert len(result.stderr.decode().splitlines()) == 1
    assert f"{pack}:13:" in result.stderr.decode()


def test_a_user_pack_whose_fail_example_never_fires_is_reported_at_load(tmp_path):
    pack = tmp_path / "never.yaml"
    pack.write_text(GOOD.replace("全年完成投资【待定】亿元。", "全年完成投资三亿元。"), encoding="utf-8")
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(pack)])
    assert str(raised.value) == (f"{pack}:4: rule 'draft-marker': fail example 1 ('全年完成投资三亿元。') "
                                 "gives 0 finding(s), not 1 finding(s)")


def test_a_user_pack_whose_pass_example_fires_is_reported_at_load(run_cli, tmp_path):
    pack = tmp_path / "noisy.yaml"
    pack.write_text(GOOD.replace("- 全年完成投资3.2亿元。", "- 全年完成投资【待定】亿元。"), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\n", encoding="utf-8")
    result = run_cli("--rules", str(pack), str(draft))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        f"reportlint: invalid rules: {pack}:4: rule 'draft-marker': pass example 1 ('全年完成投资【待定】亿元。') "
        "gives 1 finding(s), not none"]


def test_a_user_pack_whose_examples_hold_loads(tmp_path):
    pack = tmp_path / "good.yaml"
    pack.write_text(GOOD, encoding="utf-8")
    assert "draft-marker" in [rule.name for rule in load_rules([str(pack)])]


EXPRESSIONS = """\
expressions:
  - canonical: 好好学习
    pattern: '(好+)+学'
    advice: 写全
    source: 测试
    examples:
      fail: [好好学]
      pass: [好好学习]
"""
EXPRESSION_PACK = """\
pack: mine
description: x
rules:
  - name: my-expressions
    code: RL950
    type: fixed-expression
    severity: warning
    message: "{{match}}"
    description: d
    options:
      expressions: {path}
    examples:
      fail: [好好学]
"""


def test_a_catastrophic_pattern_in_an_expression_file_is_refused_at_its_line(run_cli, tmp_path):
    """The same guard as for a pattern rule: before, the run hung on forty 好 then 习."""
    expressions = tmp_path / "expressions.yaml"
    expressions.write_text(EXPRESSIONS, encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(EXPRESSION_PACK.format(path=expressions), encoding="utf-8")
    with pytest.raises(RuleFileError, match=rf"^{expressions}:3: unsafe regular expression '\(好\+\)\+学'"):
        load_pack(str(pack))
    draft = tmp_path / "draft.txt"
    draft.write_text("学习报告\n\n" + "好" * 40 + "习\n", encoding="utf-8")
    result = run_cli("--rules", str(pack), str(draft))
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith(f"reportlint: invalid rules: {expressions}:3: unsafe regular expression")


def test_every_pattern_from_data_goes_through_the_one_compiler():
    """Rule options, genre packs and expression files compile their patterns
    with settings/patterns.py only: no plain re.compile on a pattern from data."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "checker"
    for name in ("lint/kinds/base.py", "settings/genres.py", "settings/expressions.py"):
        text = (root / name).read_text(encoding="utf-8")
        assert "compile_pattern(" in text and "regexsafety" not in text, name
