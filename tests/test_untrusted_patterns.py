"""Untrusted patterns cannot hang (issue 22): counted or repeated groups whose
variable run can also take what follows it are refused by the static guard;
a user rule that runs long anyway is stopped by the time limit and reported
naming the rule and its file:line; globs with many '*' are refused at their
line before they ever match."""

from __future__ import annotations

import json
import time

import pytest

from checker.lint import engine
from checker.settings import timebound
from checker.settings import regexsafety
from checker.model import SourceText
from checker.parse.outline import parse_document
from checker.lint.ruleset import Rule

from test_untrusted_packs import HARMLESS, pattern_pack

REPEATED_RUNS = ["(?:.*,){8}X", "(?:.*?,){12}X", "(.*,)+X", "(?:[^。]*，)+。", "(?:\\s*\\S+\\s*,){3}$"]


@pytest.mark.parametrize("pattern", REPEATED_RUNS)
def test_a_repeated_group_whose_run_takes_its_separator_is_refused(pattern):
    with pytest.raises(regexsafety.UnsafeRegex, match="variable run inside a repeated group"):
        regexsafety.check(pattern)


@pytest.mark.parametrize("pattern", [*HARMLESS, "(?:[^，]*，)+", "(?:[^,]*,){8}X", r"(\d{1,3},){3}"])
def test_repeated_groups_with_a_clear_end_pass(pattern):
    regexsafety.check(pattern)


def test_the_issue_pattern_is_refused_at_its_line_in_a_pack(run_cli, tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(pattern_pack("(?:.*,){8}X"), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\n" + "," * 60 + "\n", encoding="utf-8")
    result = run_cli("--rules", str(pack), str(draft))  # ran, it took over 30 s
    assert result.returncode == 2 and len(result.stderr.decode().splitlines()) == 1
    assert f"{pack}:13:" in result.stderr.decode() and "variable run" in result.stderr.decode()


class Endless:
    def check(self, document, facts):
        while True:
            pass


def test_a_user_rule_that_runs_too_long_is_stopped_and_named(monkeypatch):
    monkeypatch.setattr(timebound, "USER_PATTERN_SECONDS", 0.2)
    rule = Rule(name="slow", code="RL990", type="pattern", severity="warning", message="m", description="d",
                rule_type=Endless(), source="office.yaml:7")
    document = parse_document(SourceText.from_string("关于某某工作的报告\n内容。\n", "d.txt"))
    diagnostics = engine.run_rules(document, [rule])
    assert [d.rule for d in diagnostics] == ["internal-error"]
    assert "slow" in diagnostics[0].message and "office.yaml:7" in diagnostics[0].message
    assert "0.2-second limit" in diagnostics[0].message


@pytest.mark.parametrize("config", [
    "exclude: ['*a*a*a*a*a*a*a*a*a*a*b']\n",
    "overrides:\n  - files: ['x/*a*a*a*a*b']\n    rules: {placeholder: off}\n",
])
def test_globs_with_many_stars_are_refused_at_their_line(run_cli, tmp_path, config):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".reportlint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / ("a" * 43 + "c.txt")).write_text("关于某某工作的报告\n内容。\n", encoding="utf-8")
    result = run_cli(str(tmp_path))  # matched, '*a*…*b' on a 44-character name took over 60 s
    err = result.stderr.decode()
    assert result.returncode == 2 and len(err.splitlines()) == 1
    assert ".reportlint.yaml:" in err and "'*' in one path part" in err


def test_globs_with_a_few_stars_still_work(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".reportlint.yaml").write_text("exclude: ['**/*草稿*.txt', '*a*b*']\n", encoding="utf-8")
    (tmp_path / "旧草稿1.txt").write_text("关于某某工作的报告\n今年完成了XX项工作。\n", encoding="utf-8")
    (tmp_path / "定稿.txt").write_text("关于某某工作的报告\n今年完成了XX项工作。\n", encoding="utf-8")
    result = run_cli(str(tmp_path))
    assert "invalid config" not in result.stderr.decode()
    assert "定稿.txt" in result.stdout.decode() and "草稿" not in result.stdout.decode()  # excluded, not refused


def test_a_built_in_rule_given_patterns_by_a_configuration_runs_under_the_time_limit(run_cli, tmp_path):
    """Options in a configuration make a built-in rule run the user's patterns:
    it is bounded like a user pack's rule (it was not: '.*' six times before \\s,
    which the static guard lets through, ran for years on a long line)."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".reportlint.yaml").write_text(
        "rules:\n  ad-residue:\n    patterns: ['.*.*.*.*.*.*\\s']\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("关于某某工作的报告\n" + "今年完成了各项工作，成效明显" * 30 + "。\n", encoding="utf-8")
    result = run_cli(str(draft), "--format", "json")
    assert result.returncode == 2
    [error] = [d for d in json.loads(result.stdout)["files"][0]["diagnostics"] if d["rule"] == "internal-error"]
    assert "ad-residue" in error["message"] and "second limit" in error["message"]


ENDLESS = r".*.*.*.*.*.*\s"  # passes the static guard; on a long line without a space it would run for years
LONG = "今年完成了各项工作，成效明显" * 30  # 420 characters, no space


@pytest.mark.parametrize("field, draft", [
    ("title", "关于" + LONG[:53] + "的报告\n一、基本情况\n内容。\n"),  # a title has at most 60 characters
    ("opening", LONG + "。\n一、基本情况\n内容。\n"),  # no title: the opening paragraph names the genre
    ("aliases", "关于全县养老服务的研究报告\n一、" + LONG + "\n内容。\n"),
])
def test_a_genre_pack_pattern_that_backtracks_is_stopped_and_named(run_cli, tmp_path, field, draft):
    """Genre packs' patterns are matched by the analysis, outside any rule, so
    the rule time limit did not cover them: each pattern of a user's genre pack
    is searched under the same limit, and stopped once for the run."""
    title = f"['{ENDLESS}']" if field == "title" else "['研究报告']"
    aliases = f"['{ENDLESS}']" if field == "aliases" else "['对策|建议']"
    opening = f"['{ENDLESS}']" if field == "opening" else "['研究报告']"
    pack = tmp_path / "yanjiu.yaml"
    pack.write_text(f"genre: yanjiu\nnames: [研究报告]\ntitle: {title}\nopening: {opening}\nsections:\n"
                    f"  - part: work\n    name: 基本情况\n  - name: 对策建议\n    aliases: {aliases}\n",
                    encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".reportlint.yaml").write_text("genre_packs: [yanjiu.yaml]\n", encoding="utf-8")
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    result = run_cli(str(path), "--format", "json")  # unbounded, it never finished
    assert result.returncode == 2
    errors = [d for d in json.loads(result.stdout)["files"][0]["diagnostics"] if d["rule"] == "internal-error"]
    [error] = errors  # stopped once: from then on it matches nothing, so the other rules do not fail too
    assert f"{pack}:" in error["message"] and "second limit" in error["message"]


def test_a_user_genre_packs_patterns_are_bounded_and_travel_to_workers(tmp_path):
    import pickle

    from checker.settings.timebound import BoundedPattern
    from checker.settings.config import Config

    pack = tmp_path / "yanjiu.yaml"
    pack.write_text("genre: yanjiu\nnames: [研究报告]\ntitle: ['研究报告']\nsections:\n"
                    "  - name: 对策建议\n    aliases: ['对策|建议']\n", encoding="utf-8")
    genres = pickle.loads(pickle.dumps(Config.load(genre_packs=[str(pack)]).genres))  # as -j sends them
    [user] = [g for g in genres if g.genre == "yanjiu"]
    assert isinstance(user.titles[0], BoundedPattern) and user.recognises("关于养老服务的研究报告")
    assert user.sections[0].matches("对策建议") and not user.sections[0].matches("基本情况")
    assert not any(isinstance(p, BoundedPattern) for g in genres if g.genre != "yanjiu" for p in g.titles)


class SlowSearch:
    """A compiled pattern whose every search takes a while but ends: under the
    old limit of 2 s per search it could cost 1.9 s on every heading."""

    def __init__(self, compiled, seconds: float):
        self.compiled, self.seconds, self.searches = compiled, seconds, 0
        self.pattern = compiled.pattern

    def search(self, text, *args):
        self.searches += 1
        time.sleep(self.seconds)
        return self.compiled.search(text, *args)


def test_the_user_patterns_of_a_draft_share_one_time_budget(monkeypatch, tmp_path):
    """One budget per document (issue 22, #5): the user patterns' searches on
    a draft stop together when it is spent, however many headings ask; the
    overrun is one internal error naming the pattern; the next draft has a
    budget of its own."""
    from checker.api import Config, lint_source

    monkeypatch.setattr(timebound, "USER_PATTERN_SECONDS", 0.3)  # a small budget: 6 searches of 0.05 s
    monkeypatch.setattr(timebound, "CHARACTERS_PER_SECOND", 10 ** 12)
    pack = tmp_path / "yanjiu.yaml"
    pack.write_text("genre: yanjiu\nnames: [研究报告]\ntitle: ['研究报告']\nsections:\n"
                    "  - name: 对策建议\n    aliases: ['对策|建议']\n", encoding="utf-8")
    config = Config.load(genre_packs=[str(pack)])
    [user] = [g for g in config.genres if g.genre == "yanjiu"]
    [alias] = user.sections[0].aliases
    slow = SlowSearch(alias.compiled, 0.05)
    monkeypatch.setattr(alias, "compiled", slow)
    headings = "".join(f"{'一二三四五六七八九十'[k % 10]}、第{k}方面的情况\n内容。\n" for k in range(60))
    draft = "关于全县养老服务的研究报告\n" + headings
    diagnostics = lint_source(SourceText.from_string(draft, "d.txt"), config).diagnostics
    errors = [d for d in diagnostics if d.rule == "internal-error"]
    assert len(errors) == 1 and "0.3-second limit of user patterns" in errors[0].message, errors
    assert f"{pack}:" in errors[0].message
    assert slow.searches <= 0.3 / 0.05 + 1  # stopped with the budget, not after 60 headings' searches
    # the pattern that overran stays stopped in this process; a later draft's budget is fresh
    with timebound.document_budget(0.3) as first:
        pass
    with timebound.document_budget(0.3) as second:
        assert second is not first and second.spent == 0


def test_once_a_drafts_budget_is_spent_the_other_user_rules_are_not_run(monkeypatch):
    monkeypatch.setattr(timebound, "CHARACTERS_PER_SECOND", 10 ** 12)
    ran = []

    class Slow:
        def __init__(self, name):
            self.name = name

        def check(self, document, facts):
            ran.append(self.name)
            time.sleep(0.2)
            return iter(())

    rules = [Rule(name=f"slow-{k}", code=f"RL99{k}", type="pattern", severity="warning", message="m",
                  description="d", rule_type=Slow(k), source=f"office.yaml:{k}") for k in range(5)]
    document = parse_document(SourceText.from_string("关于某某工作的报告\n内容。\n", "d.txt"))
    with timebound.document_budget(0.3):
        diagnostics = engine.run_rules(document, rules)
    assert ran == [0, 1]  # the second ran over the budget; the others were not started
    messages = [d.message for d in diagnostics]
    assert len(messages) == 4 and all(d.rule == "internal-error" for d in diagnostics)
    assert "slow-1" in messages[0] and "0.3-second limit of user patterns" in messages[0]
    assert all("was not run" in m and "slow-1" in m for m in messages[1:])
