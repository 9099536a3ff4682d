"""The immutable configuration: rule settings, select/ignore, genre packs,
per-path overrides, pickling, and no leak from one caller to the next."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from checker.api import Config, ConfigError, UnknownGenre, lint_text

PLACEHOLDER_DRAFT = "XX镇党委高度重视。\n"
NUMBERING_DRAFT = "一、总体情况。\n三、存在问题。\n"


def rules_found(text: str, config: Config, path=None) -> list[tuple[str, str, int]]:
    return [(d.rule, d.severity, d.line) for d in lint_text(text, path=path, config=config)]


def test_a_rule_cannot_be_changed_by_a_caller():
    config = Config.load()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.rule("placeholder").enabled = False
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.genre = "shuzhi"
    with pytest.raises(AttributeError):
        config.rules.append(config.rules[0])  # a tuple
    assert ("placeholder", "error", 1) in rules_found(PLACEHOLDER_DRAFT, Config.load())


def test_overrides_make_a_new_config_and_leave_the_old_one_alone():
    config = Config.load()
    quiet = config.with_overrides(rules={"placeholder": "off"})
    assert quiet is not config
    assert not quiet.rule("placeholder").enabled and config.rule("placeholder").enabled
    assert not [r for r in rules_found(PLACEHOLDER_DRAFT, quiet) if r[0] == "placeholder"]
    assert ("placeholder", "error", 1) in rules_found(PLACEHOLDER_DRAFT, config)
    # and a fresh load in the same process is untouched
    assert ("placeholder", "error", 1) in rules_found(PLACEHOLDER_DRAFT, Config.load())


def test_a_severity_a_code_prefix_and_the_more_specific_entry():
    config = Config.load(rules={"RL3": "info", "numbering-skip": "error"})
    numbering = [r for r in config.rules if r.code.startswith("RL3")]
    assert numbering and all(r.severity == "info" for r in numbering if r.name != "numbering-skip")
    assert config.rule("numbering-skip").severity == "error"
    off = Config.load(rules={"RL3": "off"})
    assert not any(r.enabled for r in off.rules if r.code.startswith("RL3"))
    assert not [r for r in rules_found(NUMBERING_DRAFT, off) if r[0].startswith("numbering")]


def test_yaml_off_read_as_false_switches_a_rule_off():
    assert not Config.load(rules={"placeholder": False}).rule("placeholder").enabled


def test_select_keeps_only_what_it_names_and_ignore_removes():
    config = Config.load(select=["RL1"])
    assert {r.name for r in config.rules if r.enabled} == {r.name for r in config.rules if r.code.startswith("RL1")}
    found = rules_found(PLACEHOLDER_DRAFT + NUMBERING_DRAFT, config)
    assert found and all(rule == "placeholder" for rule, _, _ in found)
    ignored = Config.load(ignore=["placeholder", "RL3"])
    assert not ignored.rule("placeholder").enabled and not ignored.rule("numbering-skip").enabled
    assert ignored.rule("ad-residue").enabled


def test_rule_options_are_validated_by_the_rule_type():
    config = Config.load(rules={"missing-section": {"min_headings": 9, "severity": "error"}})
    rule = config.rule("missing-section")
    assert rule.options["min_headings"] == 9 and rule.severity == "error"
    assert rule.rule_type.min_headings == 9
    assert Config.load().rule("missing-section").rule_type.min_headings != 9
    with pytest.raises(ConfigError, match="unknown option 'min_heading'"):
        Config.load(rules={"missing-section": {"min_heading": 9}})
    with pytest.raises(ConfigError, match="must be a whole number"):
        Config.load(rules={"missing-section": {"min_headings": "many"}})
    with pytest.raises(ConfigError, match="need one rule's name"):
        Config.load(rules={"RL4": {"min_headings": 3}})


@pytest.mark.parametrize("settings, message", [
    ({"rules": {"placeholdr": "off"}}, "unknown rule 'placeholdr'"),
    ({"rules": {"RL9": "off"}}, "unknown rule 'RL9'"),
    ({"rules": {"placeholder": "loud"}}, "expected off, on, info, warning, error"),
    ({"rules": {"placeholder": {"severity": "fatal"}}}, "severity must be one of"),
    ({"rules": ["placeholder"]}, "'rules' must be a mapping"),
    ({"select": [3]}, "'select' must be a list"),
    ({"ignore": ["nothing-such"]}, "unknown rule 'nothing-such'"),
])
def test_bad_settings_are_refused(settings, message):
    with pytest.raises(ConfigError, match=message):
        Config.load(**settings)


def test_an_unknown_genre_is_refused():
    with pytest.raises(UnknownGenre):
        Config.load(genre="诗歌")
    with pytest.raises(UnknownGenre):
        Config.load().with_overrides(genre="诗歌")


GENRE_PACK = """\
genre: yanjiu
names: [研究报告]
title: ['研究报告']
sections:
  - part: work
    name: 基本情况
  - part: problems
  - name: 对策建议
    aliases: ['对策|建议']
"""

DIAOYAN_DRAFT = "关于全县农村养老服务的研究报告\n\n一、基本情况。\n\n全县共有养老机构十二家。\n\n二、存在问题。\n\n床位利用率偏低。\n"


def test_a_genre_pack_from_the_config_is_used_for_its_drafts(tmp_path):
    pack = tmp_path / "yanjiu.yaml"
    pack.write_text(GENRE_PACK, encoding="utf-8")
    config = Config.load(genre_packs=[str(pack)])
    assert "yanjiu" in {g.genre for g in config.genres}
    missing = [d for d in lint_text(DIAOYAN_DRAFT, config=config) if d.rule == "missing-section"]
    assert [(d.line, "对策建议" in d.message) for d in missing] == [(9, True)]
    # without the pack, the same draft is of no known genre and nothing is missing
    assert not [d for d in lint_text(DIAOYAN_DRAFT, config=Config.load()) if d.rule == "missing-section"]
    assert "yanjiu" not in {g.genre for g in Config.load().genres}
    # a declared genre may name the user's pack
    assert Config.load(genre_packs=[str(pack)], genre="研究报告").genre == "研究报告"


def test_a_genre_pack_with_a_built_in_id_replaces_it(tmp_path):
    pack = tmp_path / "zicha.yaml"
    pack.write_text(GENRE_PACK.replace("genre: yanjiu", "genre: zicha")
                    .replace("names: [研究报告]", "names: [自查报告]").replace("'研究报告'", "'自查'"), encoding="utf-8")
    config = Config.load(genre_packs=[str(pack)])
    zicha = [g for g in config.genres if g.genre == "zicha"]
    assert len(zicha) == 1 and [s.name for s in zicha[0].sections][-1] == "对策建议"


def test_per_path_overrides_apply_to_matching_files_only(tmp_path):
    from checker.settings.config import Override, RuleSettings, RuleSetting

    override = Override(files=("archive/**",), settings=RuleSettings(rules=(RuleSetting("placeholder", enabled=False),)))
    config = Config.load(overrides=(override,), root=str(tmp_path))
    archived = str(tmp_path / "archive" / "2019" / "old.txt")
    current = str(tmp_path / "drafts" / "new.txt")
    assert not config.for_path(archived).rule("placeholder").enabled
    assert config.for_path(current).rule("placeholder").enabled
    assert not [r for r in rules_found(PLACEHOLDER_DRAFT, config, path=archived) if r[0] == "placeholder"]
    assert [r for r in rules_found(PLACEHOLDER_DRAFT, config, path=current) if r[0] == "placeholder"]


def test_a_config_pickles_and_lints_the_same_after(tmp_path):
    pack = tmp_path / "yanjiu.yaml"
    pack.write_text(GENRE_PACK, encoding="utf-8")
    config = Config.load(genre_packs=[str(pack)], rules={"RL3": "info", "placeholder": "warning"})
    copy = pickle.loads(pickle.dumps(config))
    text = PLACEHOLDER_DRAFT + NUMBERING_DRAFT + DIAOYAN_DRAFT
    assert rules_found(text, copy) == rules_found(text, config)
    assert rules_found(text, copy)
