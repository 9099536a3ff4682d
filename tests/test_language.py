"""Chinese by default, English when asked (issue 20): --lang en, $REPORTLINT_LANG=en
or an English locale. The words come from one catalog (checker/data/messages.json);
this checks both languages across the summary, the severities, the errors, the fix
and baseline lines, `rules`, `genres` and the HTML report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from checker import messages
from conftest import ROOT

DRAFT = "关于2024年工作的总结\n\nXX镇完成投资，增长5%,效果好。\n"


def run(*args: str, cwd=None, **env: str) -> subprocess.CompletedProcess:
    """reportlint in a subprocess whose environment says nothing of the language but ``env``."""
    base = {k: v for k, v in os.environ.items() if k not in ("REPORTLINT_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, cwd=cwd or ROOT,
                          env={**base, "LANG": "C.UTF-8", **env}, timeout=120)


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


CHINESE = {"summary": "共 2 个问题（1 个错误、1 个警告），涉及 1 个文件（共检查 1 个文件）；1 个可用 --fix 自动修复",
           "severity": ": 错误 [placeholder]", "error": "reportlint: 没有输入", "fix": "可修复 1 个问题，涉及 1 个文件，剩余 1 个",
           "baseline": "已将 2 个问题（1 个文件）写入基线", "rules": "RL101  placeholder            错误",
           "genres": "体裁（id、名称、必备部分）：", "usage": "（参见 reportlint check --help）"}
ENGLISH = {"summary": "2 problems (1 error, 1 warning) in 1 of 1 file checked, 1 fixable with --fix",
           "severity": ": error [placeholder]", "error": "reportlint: no input", "fix": "would fix 1 finding in 1 file, 1 remains",
           "baseline": "wrote 2 findings of 1 files to", "rules": "RL101  placeholder            error",
           "genres": "Genres (id, name, required parts):", "usage": "(see reportlint check --help)"}


def spoken(draft, args: tuple[str, ...], **env: str) -> dict[str, str]:
    """What reportlint says, per kind of output, in the language ``args``/``env`` choose."""
    return {
        "summary": run(*args, str(draft), **env).stdout.decode(),
        "severity": run(*args, "--output-format", "concise", str(draft), **env).stdout.decode(),
        "error": run(*args, **env).stderr.decode(),
        "fix": run(*args, "--diff", str(draft), **env).stderr.decode(),
        "baseline": run(*args, "--write-baseline", str(draft.parent / "b.json"), str(draft), **env).stderr.decode(),
        "rules": run(*args, "rules", "--isolated", **env).stdout.decode(),
        "genres": run(*args, "genres", "--isolated", **env).stdout.decode(),
        "usage": run(*args, "--no-such-option", str(draft), **env).stderr.decode(),
    }


def assert_speaks(said: dict[str, str], words: dict[str, str]) -> None:
    for kind, expected in words.items():
        assert expected in said[kind], (kind, expected, said[kind])


def test_chinese_by_default(draft):
    assert_speaks(spoken(draft, ()), CHINESE)


@pytest.mark.parametrize("args, env", [(("--lang", "en"), {}), ((), {"REPORTLINT_LANG": "en"}),
                                       ((), {"LANG": "en_US.UTF-8"})], ids=["--lang", "REPORTLINT_LANG", "LANG"])
def test_english_when_asked(draft, args, env):
    assert_speaks(spoken(draft, args, **env), ENGLISH)


def test_lang_zh_wins_over_an_english_locale(draft):
    assert CHINESE["summary"] in run("--lang", "zh", str(draft), LANG="en_US.UTF-8").stdout.decode()
    assert "--lang" in run("--lang", "fr", str(draft)).stderr.decode()


def test_the_html_report_summary_follows_the_language(draft):
    chinese = run("--output-format", "html", str(draft)).stdout.decode()
    english = run("--output-format", "html", str(draft), REPORTLINT_LANG="en").stdout.decode()
    assert CHINESE["summary"] in chinese and ENGLISH["summary"] in english


def test_every_catalog_entry_has_both_languages_and_the_same_fields():
    import string

    catalog = json.loads(messages.CATALOG.read_text(encoding="utf-8"))
    for key, words in catalog.items():
        assert set(words) == set(messages.LANGUAGES), key
        fields = [{name for _, name, _, _ in string.Formatter().parse(words[lang]) if name} for lang in messages.LANGUAGES]
        assert fields[0] - {"s", "files_s", "remain_s"} == fields[1] - {"s", "files_s", "remain_s"}, key


def test_the_environment_decides_without_a_flag():
    assert messages.language_of_environment({}) == "zh"
    assert messages.language_of_environment({"LANG": "C.UTF-8"}) == "zh"
    assert messages.language_of_environment({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert messages.language_of_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert messages.language_of_environment({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh"
    assert messages.language_of_environment({"REPORTLINT_LANG": "en", "LANG": "zh_CN.UTF-8"}) == "en"


def test_help_reads_in_chinese_and_in_english(draft):
    top = run("--help").stdout.decode()
    assert "检查中文公文报告草稿" in top and "reportlint genres               列出全部体裁" in top and "显示本帮助并退出" in top
    check = run("check", "--help").stdout.decode()
    assert "检查草稿：文件" in check and "只检查这些规则：规则名或编号前缀" in check and "退出码：" in check
    english = run("--lang", "en", "check", "--help").stdout.decode()
    assert "Check drafts: files" in english and "Check only these rules" in english
    assert "Check drafts: files" in run("check", "--help", LANG="en_US.UTF-8").stdout.decode()


def test_every_help_text_has_a_chinese_translation():
    import inspect

    from checker.cli import main

    catalog = json.loads(messages.HELP_CATALOG.read_text(encoding="utf-8"))

    def texts(command):
        yield command.help
        yield from (getattr(param, "help", None) for param in command.params)
        for sub in getattr(command, "commands", {}).values():
            yield from texts(sub)

    missing = [text for text in texts(main) if text and inspect.cleandoc(text) not in catalog
               and not any("\u4e00" <= ch <= "\u9fff" for ch in text[:12])]  # written in Chinese already
    assert missing == [], "add these to checker/data/help_zh.json"


def test_rules_explain_and_hover_summaries_come_in_chinese():
    from checker.api import Config
    from checker.lint.engine import ENGINE_RULES

    catalog = json.loads(messages.RULES_CATALOG.read_text(encoding="utf-8"))
    names = {rule.name for rule in (*Config.load().rules, *ENGINE_RULES)}
    assert set(catalog) <= names, set(catalog) - names  # no entry for a rule that does not exist
    covered = names & set(catalog)
    assert len(covered) >= len(names) - 3, names - set(catalog)  # a rule just added may wait for its line
    listed = run("rules", "--isolated").stdout.decode()
    assert "RL101  placeholder            错误       草稿中留下的模板占位符" in listed
    assert "  查什么：同级序号跳号" in run("explain", "numbering-skip").stdout.decode()
    assert "查什么" not in run("--lang", "en", "explain", "numbering-skip").stdout.decode()


def test_every_rule_has_its_full_description_in_chinese():
    """explain, the hover and docs/rules.md speak Chinese for every rule: a rule
    added without its entry in checker/data/descriptions_zh.yaml fails here."""
    from checker.api import Config
    from checker.lint.engine import ENGINE_RULES

    descriptions = messages.rule_descriptions_zh()
    rules = {rule.name: rule for rule in (*Config.load().rules, *ENGINE_RULES)}
    missing = sorted(set(rules) - set(descriptions))
    assert not missing, f"add a Chinese description to checker/data/descriptions_zh.yaml for: {', '.join(missing)}"
    assert set(descriptions) <= set(rules), set(descriptions) - set(rules)  # no entry for a rule that does not exist
    for name, text in descriptions.items():
        chinese = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
        # a whole description, not the one-line summary: at least a third of the English's length in characters
        assert chinese >= 30 and len(text) >= len(rules[name].description) // 4, name


def test_every_word_list_and_threshold_of_the_lexicon_has_its_description_in_chinese():
    """docs/rules.md's lexicon section speaks Chinese first: a list or threshold
    added to rules/lexicon/ without its entry in checker/data/lexicon_zh.yaml fails here,
    and an entry for one that does not exist (renamed, removed) too."""
    from checker.settings.wordlists import builtin_lexicon

    lexicon = builtin_lexicon()
    chinese = messages.lexicon_descriptions_zh()
    for part, known in (("lists", lexicon.lists), ("thresholds", lexicon.thresholds)):
        missing = sorted(set(known) - set(chinese[part]))
        assert not missing, f"add to checker/data/lexicon_zh.yaml under {part}: {', '.join(missing)}"
        assert set(chinese[part]) <= set(known), set(chinese[part]) - set(known)
        for name, text in chinese[part].items():
            assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= 10, name
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    lexicon_part = reference[reference.index("## Lexicon"):]
    assert "表示估计或界限的词（约620万元、近400人" in lexicon_part  # a list's Chinese, unwrapped
    assert "*English:* Words before a figure that make it an estimate" in lexicon_part
    assert "| 作为标题的第一行最多几个字（不计两端空白）。 |" in lexicon_part  # a threshold's, in its row


def test_explain_reads_as_chinese_with_its_examples_and_english_when_asked():
    shown = run("explain", "numbering-skip").stdout.decode()
    assert "\n说明：\n同级序号中缺了一个（一是……三是；" in shown and "说明（英文）" not in shown
    assert "A number is missing" not in shown
    notes = run("explain", "placeholder").stdout.decode()
    assert "  - 作为 draft.md，1 个问题\n" in notes and "  - 1 个问题，在第 2 行\n" in notes
    assert not [line for line in notes.splitlines() if "finding" in line or line.startswith("  - as ")]
    english = run("--lang", "en", "explain", "numbering-skip").stdout.decode()
    assert "\nDescription:\nA number is missing from a run of sibling numbers" in english and "说明" not in english
    assert "  - as draft.md; 1 finding\n" in run("--lang", "en", "explain", "placeholder").stdout.decode()


def test_explain_shows_the_english_description_of_a_rule_without_a_chinese_one(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: mine\ndescription: mine\nrules:\n  - name: my-rule\n    code: RL901\n    type: pattern\n"
                    "    severity: warning\n    message: m\n    description: Finds the word foo.\n"
                    "    options: {patterns: ['foo']}\n    examples: {fail: ['a foo'], pass: ['a bar']}\n",
                    encoding="utf-8")
    shown = run("explain", "--rules", str(pack), "RL901").stdout.decode()
    assert "\n说明（英文）：\nFinds the word foo." in shown
