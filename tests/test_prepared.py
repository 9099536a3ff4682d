"""The prepared rule set in the per-user cache (checker/settings/prepared.py):
read back while the packs are unchanged, built again when a pack, a file it
names or the cache entry itself changes; regexes compiled on first use."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from checker.read import cache
from checker.settings import prepared as prep
from checker.settings.prepared import LazyPattern, dumps, prepared

PACK = """pack: mine
description: a user pack
rules:
  - name: my-word
    code: RL901
    type: pattern
    severity: warning
    message: "用词：{{match}}"
    description: a word of mine
    options:
      patterns: ["{word}"]
    examples:
      fail: ["今年{word}了。"]
"""

EXPRESSIONS = """expressions:
  - canonical: 两学一做
    wrong: [{wrong}]
    advice: 写作“两学一做”。
    source: 文件
    examples:
      fail: ["开展{wrong}学习教育。"]
      pass: ["开展两学一做学习教育。"]
"""

EXPRESSION_PACK = """pack: mine
description: a user pack
rules:
  - name: my-expressions
    code: RL902
    type: fixed-expression
    severity: warning
    message: "{{match}}"
    description: expressions of mine
    options:
      expressions: {path}
    examples:
      fail: ["开展{wrong}学习教育。"]
"""


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home / "reportlint"


def counted(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_an_entry_is_read_back_while_the_packs_are_unchanged(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("a", encoding="utf-8")
    build, calls = counted({"rules": [re.compile("甲+")]})
    first = prepared("test", build, [str(pack)])
    second = prepared("test", build, [str(pack)])
    assert len(calls) == 1
    assert second["rules"][0].pattern == first["rules"][0].pattern == "甲+"


def test_a_changed_pack_is_built_again(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("a", encoding="utf-8")
    build, calls = counted("value")
    prepared("test", build, [str(pack)])
    pack.write_text("b", encoding="utf-8")
    prepared("test", build, [str(pack)])
    assert len(calls) == 2
    prepared("test", build, [str(pack)])
    assert len(calls) == 2


def test_another_pack_has_its_own_entry(tmp_path):
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("a", encoding="utf-8")
    two.write_text("a", encoding="utf-8")
    build, calls = counted("value")
    prepared("test", build, [str(one)])
    prepared("test", build, [str(two)])
    prepared("test", build, [])
    assert len(calls) == 3


@pytest.mark.parametrize("damage", [
    lambda data: data[:len(data) // 2],  # truncated
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
    lambda data: b"garbage",
    lambda data: b"",
])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache_home, damage):
    build, calls = counted([1, 2, 3])
    assert prepared("test", build) == [1, 2, 3]
    [entry] = cache_home.glob("prepared-test-*.pickle")
    entry.write_bytes(damage(entry.read_bytes()))
    assert prepared("test", build) == [1, 2, 3]
    assert len(calls) == 2
    assert prepared("test", build) == [1, 2, 3]  # rewritten sound
    assert len(calls) == 2


def test_an_entry_that_cannot_be_unpickled_is_rebuilt(cache_home):
    """A sound checksum over a pickle naming a class that no longer exists."""
    build, calls = counted("value")
    entry = prep.entry_name("test")
    payload = b"\x80\x04\x95\x1a\x00\x00\x00\x00\x00\x00\x00\x8c\x08checker.\x94\x8c\x07Missing\x94\x93\x94."
    cache.write(entry, prep.FORMAT + prep._digest(payload) + payload)
    assert prepared("test", build) == "value"
    assert len(calls) == 1


def test_a_cache_that_cannot_be_written_costs_time_only(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # reportlint/ cannot be made under a file
    build, calls = counted("value")
    assert prepared("test", build) == prepared("test", build) == "value"
    assert len(calls) == 2


def test_a_file_the_pack_names_is_checked_again(tmp_path):
    """A user pack's expression file is not among the packs named, yet read
    while building: a change to it alone builds the set again."""
    from checker.api import Config, lint_text
    from checker.settings.yamlfile import RuleFileError

    expressions = tmp_path / "expressions.yaml"
    expressions.write_text(EXPRESSIONS.format(wrong="两学一作"), encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(EXPRESSION_PACK.format(path=expressions, wrong="两学一作"), encoding="utf-8")
    text = "标题\n开展两学一作和两学一坐学习教育。\n"
    found = [d for d in lint_text(text, config=Config.load([str(pack)])) if d.rule == "my-expressions"]
    assert [d.span.column for d in found] == [3]
    expressions.write_text(EXPRESSIONS.format(wrong="两学一坐"), encoding="utf-8")
    # built again: the pack's own example (两学一作) is no longer reported, so the pack is refused
    with pytest.raises(RuleFileError, match="fail example"):
        Config.load([str(pack)])


def test_regexes_come_back_uncompiled_and_compile_on_first_use():
    regex = re.compile("[甲乙]+")
    [lazy] = __import__("pickle").loads(dumps([regex]))
    assert isinstance(lazy, LazyPattern) and "search" not in vars(lazy)
    assert lazy.search("丙甲乙").group(0) == "甲乙"
    assert "search" in vars(lazy)  # bound: later calls go straight to the compiled regex
    assert [m.span() for m in lazy.finditer("甲丙乙")] == [(0, 1), (2, 3)]
    assert lazy.groups == 0 and lazy == regex
    assert {regex} == {lazy} and {lazy} <= {regex}  # the same in sets as the regex it stands for


def run_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_the_command_sees_a_user_pack_change_at_once(tmp_path, cache_home):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    pack = tmp_path / "mine.yaml"
    draft = tmp_path / "draft.txt"
    draft.write_text("关于工作的报告\n今年甲乙了，也丙丁了。\n", encoding="utf-8")
    pack.write_text(PACK.format(word="甲乙"), encoding="utf-8")
    first = run_cli("--isolated", "--rules", str(pack), "--output-format", "concise", str(draft), env=env)
    assert "[my-word]" in first.stdout and "甲乙" in first.stdout
    assert run_cli("--isolated", "--rules", str(pack), "--output-format", "concise", str(draft),
                   env=env).stdout == first.stdout  # read back
    pack.write_text(PACK.format(word="丙丁"), encoding="utf-8")
    second = run_cli("--isolated", "--rules", str(pack), "--output-format", "concise", str(draft), env=env)
    assert "丙丁" in second.stdout and "甲乙" not in second.stdout
    pack.write_text(PACK.format(word="丙丁").replace("type: pattern", "type: no-such-type"), encoding="utf-8")
    broken = run_cli("--isolated", "--rules", str(pack), str(draft), env=env)
    assert broken.returncode == 2 and "no-such-type" in broken.stderr


def test_the_built_in_set_from_the_cache_finds_what_a_fresh_one_finds(cache_home):
    """The same findings from a set built now and one read back (fresh processes)."""
    from conftest import SHARED

    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    drafts = sorted(str(p) for p in SHARED.glob("samples/*.txt"))
    built = run_cli("--isolated", "--output-format", "concise", *drafts, env=env)
    assert list(cache_home.glob("prepared-builtin-*.pickle"))
    read_back = run_cli("--isolated", "--output-format", "concise", *drafts, env=env)
    assert built.stdout == read_back.stdout and built.stdout.count("\n") > 50
