"""Rule packs: a malformed pack is a RuleFileError ``file:line: what is wrong``
pointing at the line at fault; YAML is read safely; README's example pack works."""

from __future__ import annotations

import re

import pytest

from checker.api import Config, lint_text
from checker.lint.ruleset import RuleFileError, load_pack, load_rules

from conftest import ROOT

GOOD = """\
pack: office
description: 本单位的额外检查。
rules:
  - name: draft-marker
    code: RL901
    type: pattern
    severity: warning
    message: 草稿标记“{match}”未删除
    description: Draft markers that must not reach the final text.
    options:
      patterns:
        - regex: '【?(?:待定|待补充)】?'
    examples:
      fail:
        - {text: "全年完成投资【待定】亿元。", count: 1}
      pass:
        - 全年完成投资3.2亿元。
"""


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the pack")


def write(tmp_path, text: str, name: str = "pack.yaml"):
    file = tmp_path / name
    file.write_text(text, encoding="utf-8")
    return file


def load_error(tmp_path, text: str, name: str = "pack.yaml") -> tuple[int, str]:
    file = write(tmp_path, text, name)
    with pytest.raises(RuleFileError) as raised:
        load_pack(file)
    message = str(raised.value)
    match = re.match(rf"^{re.escape(str(file))}:(\d+): (.+)$", message)
    assert match, message
    assert "\n" not in message
    return int(match.group(1)), match.group(2)


def test_the_good_pack_loads(tmp_path):
    [rule] = load_pack(write(tmp_path, GOOD))
    assert (rule.name, rule.code, rule.type, rule.severity, rule.pack) == \
        ("draft-marker", "RL901", "pattern", "warning", "office")
    assert rule.source.endswith(f":{line_of(GOOD, '- name: draft-marker')}")


# Each case: (id, edited pack, the text on the line the error must point at, words in the message)
CASES = [
    ("invalid-yaml", GOOD.replace("    severity: warning\n", "    severity: warning: loud\n"),
     "severity: warning: loud", ["invalid YAML"]),
    ("unknown-rule-key", GOOD.replace("    type: pattern\n", "    type: pattern\n    colour: red\n"),
     "colour: red", ["unknown key 'colour'"]),
    ("unknown-pack-key", GOOD.replace("description: 本单位", "author: 某某\ndescription: 本单位"),
     "author:", ["unknown key 'author'"]),
    ("missing-message", GOOD.replace("    message: 草稿标记“{match}”未删除\n", ""),
     "- name: draft-marker", ["missing 'message'"]),
    ("missing-examples", GOOD.split("    examples:")[0],
     "- name: draft-marker", ["missing 'examples'"]),
    ("bad-name", GOOD.replace("name: draft-marker", "name: Draft_Marker"),
     "name: Draft_Marker", ["Draft_Marker", "kebab-case"]),
    ("bad-code", GOOD.replace("code: RL901", "code: R901"),
     "code: R901", ["R901"]),
    ("unknown-type", GOOD.replace("type: pattern", "type: regexp"),
     "type: regexp", ["unknown type", "regexp"]),
    ("bad-severity", GOOD.replace("severity: warning", "severity: fatal"),
     "severity: fatal", ["severity", "fatal"]),
    ("unknown-option", GOOD.replace("        - regex: '【?(?:待定|待补充)】?'\n",
                                    "        - regex: '【?(?:待定|待补充)】?'\n      colour: red\n"),
     "colour: red", ["unknown option 'colour'"]),
    ("invalid-regex", GOOD.replace("        - regex: '【?(?:待定|待补充)】?'\n",
                                   "        - '待定'\n        - regex: '待补充('\n"),
     "'待补充('", ["invalid regular expression", "待补充("]),
    ("empty-fail-examples", GOOD.replace('      fail:\n        - {text: "全年完成投资【待定】亿元。", count: 1}\n',
                                         "      fail: []\n"),
     "fail: []", ["fail"]),
    ("bad-example-count", GOOD.replace("count: 1}", "count: 0}"),
     "count: 0", ["count"]),
    ("duplicate-key", GOOD.replace("    type: pattern\n", "    type: pattern\n    type: pattern\n"),
     None, ["duplicate key 'type'"]),
    ("message-bad-braces", GOOD.replace("草稿标记“{match}”未删除", "草稿标记“{match”未删除"),
     "草稿标记", ["message"]),
    ("message-positional-field", GOOD.replace("草稿标记“{match}”未删除", "草稿标记“{0}”未删除"),
     "草稿标记", ["message", "{0}"]),
    ("word-list-examples", GOOD.replace("      fail:\n", "      match:\n"),
     "      match:", ["'match' is a word list's example", "a rule's and an expression's examples are 'fail' and 'pass'"]),
    ("yields-to-not-a-list", GOOD.replace("    severity: warning\n", "    severity: warning\n    yields_to: ad-residue\n"),
     "yields_to: ad-residue", ["yields_to", "list of rule names"]),
]


@pytest.mark.parametrize("text, at, words", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_malformed_pack_points_at_the_line(tmp_path, text, at, words):
    line, message = load_error(tmp_path, text)
    if at is None:  # the second of two equal keys
        expected = [n for n, l in enumerate(text.splitlines(), 1) if l.strip() == "type: pattern"][1]
    else:
        expected = line_of(text, at)
    assert line == expected, message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize("text", ["- just\n- a list\n", "just a string\n", "", "42\n"],
                         ids=["list", "string", "empty", "number"])
def test_non_mapping_top_level(tmp_path, text):
    line, message = load_error(tmp_path, text)
    assert line == 1
    assert "mapping" in message


def test_rules_must_be_a_list(tmp_path):
    line, message = load_error(tmp_path, "pack: office\nrules: {name: x}\n")
    assert line == 1 and "rules" in message


def test_missing_rule_file(tmp_path):
    with pytest.raises(RuleFileError) as raised:
        load_pack(tmp_path / "nope.yaml")
    assert str(raised.value).startswith(f"{tmp_path / 'nope.yaml'}:1: ")


def test_rule_file_must_be_utf8(tmp_path):
    file = tmp_path / "pack.yaml"
    file.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(RuleFileError) as raised:
        load_pack(file)
    assert str(raised.value).startswith(f"{file}:1: ") and "UTF-8" in str(raised.value)


def test_duplicate_rule_name_across_packs(tmp_path):
    first = write(tmp_path, GOOD, "first.yaml")
    second_text = GOOD.replace("RL901", "RL902")
    second = write(tmp_path, second_text, "second.yaml")
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(first), str(second)])
    message = str(raised.value)
    rule_line = line_of(second_text, "- name: draft-marker")
    assert message.startswith(f"{second}:{rule_line}: ")
    assert "draft-marker" in message and f"{first}:{rule_line}" in message


def test_duplicate_of_a_builtin_rule_name(tmp_path):
    pack = write(tmp_path, GOOD.replace("name: draft-marker", "name: placeholder"))
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(pack)])
    assert str(raised.value).startswith(f"{pack}:") and "placeholder" in str(raised.value)
    assert "placeholders.yaml" in str(raised.value)


def test_duplicate_code(tmp_path):
    first = write(tmp_path, GOOD, "first.yaml")
    second_text = GOOD.replace("draft-marker", "draft-note")
    second = write(tmp_path, second_text, "second.yaml")
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(first), str(second)])
    message = str(raised.value)
    assert message.startswith(f"{second}:{line_of(second_text, '- name: draft-note')}: ")
    assert "RL901" in message


def test_duplicate_of_a_builtin_code(tmp_path):
    pack = write(tmp_path, GOOD.replace("RL901", "RL101"))
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(pack)])
    assert "RL101" in str(raised.value)


def test_yields_to_must_name_a_loaded_rule(tmp_path):
    text = GOOD.replace("    severity: warning\n", "    severity: warning\n    yields_to: [ad-residu]\n")
    pack = write(tmp_path, text)
    with pytest.raises(RuleFileError) as raised:
        load_rules([str(pack)])
    message = str(raised.value)
    assert message.startswith(f"{pack}:{line_of(text, '- name: draft-marker')}: ")
    assert "yields_to" in message and "'ad-residu'" in message


def test_a_finding_yields_to_another_rule_on_its_line(tmp_path):
    """draft-marker yields to ad-residue: on a line ad-residue reports, its
    finding is dropped; elsewhere, and with ad-residue disabled, it stays."""
    text = GOOD.replace("    severity: warning\n", "    severity: warning\n    yields_to: [ad-residue]\n")
    config = Config.load([str(write(tmp_path, text))])
    draft = "全年完成投资【待定】亿元。[【公*众号：某某君】@]\n新建项目【待定】个。"
    found = [(d.rule, d.line) for d in lint_text(draft, config=config) if d.rule in ("draft-marker", "ad-residue")]
    assert found == [("ad-residue", 1), ("draft-marker", 2)]
    config = config.with_overrides(rules={"ad-residue": "off"})
    found = [(d.rule, d.line) for d in lint_text(draft, config=config) if d.rule == "draft-marker"]
    assert found == [("draft-marker", 1), ("draft-marker", 2)]


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system"])
def test_yaml_is_loaded_safely(tmp_path, tag):
    marker = tmp_path / "executed"
    text = GOOD.replace("pack: office", f"pack: {tag} ['touch {marker}']")
    line, message = load_error(tmp_path, text)
    assert line == 1 and "python/object" in message
    assert not marker.exists()


def test_pattern_message_with_bad_braces_does_not_crash_the_run(tmp_path):
    """A per-pattern message is validated by the rule type; whatever gets
    through must not stop a lint run with a traceback."""
    text = GOOD.replace("        - regex: '【?(?:待定|待补充)】?'\n",
                        "        - {regex: '【?(?:待定|待补充)】?', message: '草稿{match'}\n")
    pack = write(tmp_path, text)
    config = Config.load([str(pack)])
    found = [d for d in lint_text("全年完成投资【待定】亿元。", config=config) if d.rule == "draft-marker"]
    assert len(found) == 1 and found[0].message


def readme_pack() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### 编写规则", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "README's '编写规则' has a ```yaml block"
    return block.group(1)


def test_readme_example_pack_loads_and_its_examples_pass(tmp_path):
    pack = write(tmp_path, readme_pack(), "my-office.yaml")
    rules = load_pack(pack)
    assert rules
    config = Config.load([str(pack)])
    assert {r.name for r in rules} <= {r.name for r in config.rules}
    for rule in rules:
        assert rule.fails
        for example in rule.fails:
            found = [d for d in lint_text(example.text, path=example.path, config=config) if d.rule == rule.name]
            assert found, example.text
            if example.count is not None:
                assert len(found) == example.count
            assert all(d.code == rule.code and d.severity == rule.severity for d in found)
        for example in rule.passes:
            assert not [d for d in lint_text(example.text, path=example.path, config=config) if d.rule == rule.name]


def test_builtin_packs_load():
    names = {rule.name for rule in load_rules()}
    assert {"placeholder", "ad-residue"} <= names
