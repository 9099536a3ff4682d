"""Regexes compiled on first use (checker/settings/lazy_regex.py), their
compiled code kept in the per-user cache across processes: the regex read back
is the one re.compile makes, and a damaged cache costs the compile only."""

from __future__ import annotations

import re

import pytest

from checker.settings import lazy_regex
from checker.settings.lazy_regex import LazyPattern, compile_cached, lazy_regex as lazy

PATTERNS = [
    (r"(?P<year>20\d{2})年(?P<month>1[0-2]|[1-9])月", 0),
    (r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)])", re.M),
    (r"[\u4e00-\u9fff]{2,8}(?:人|单位)[：:]", 0),
    (r"(?i:qq)|微信|客服", 0),
    (r"(?<=[，。；])第([一二三四五六七八九十]{1,3})[，,、](?![一二三四五六七八九十])", 0),
    (r"(?x) a  b # comment", 0),
]


@pytest.fixture
def fresh_store(fresh_table):
    return fresh_table(lazy_regex)


def same(a: re.Pattern, b: re.Pattern) -> bool:
    return (a == b and a.pattern == b.pattern and a.flags == b.flags and a.groups == b.groups
            and a.groupindex == b.groupindex)


def test_compiled_and_read_back_equal_re_compile(fresh_store, monkeypatch):
    for pattern, flags in PATTERNS:
        assert same(compile_cached(pattern, flags), re.compile(pattern, flags))
    lazy_regex._table.save()
    [store] = fresh_store.glob("regex-code-*.marshal")
    monkeypatch.setattr(lazy_regex._table, "known", None)  # another process: reads the store
    for pattern, flags in PATTERNS:
        read_back = compile_cached(pattern, flags)
        assert same(read_back, re.compile(pattern, flags))
        assert (pattern, flags) not in lazy_regex._table.added  # from the store, not compiled again
    assert read_back.search("x ab").group(0) == "ab"  # the inline (?x) kept
    assert compile_cached(*PATTERNS[0]).search("于2024年12月召开").group("month") == "12"


def test_every_regex_of_the_rules_reads_back_as_compiled(fresh_store, monkeypatch):
    from checker.settings.config import Config

    sources = {(rule_pattern.pattern, rule_pattern.flags) for rule_pattern in _patterns(Config.load().rules)}
    assert len(sources) > 50
    for pattern, flags in sources:
        compile_cached(pattern, flags)
    lazy_regex._table.save()
    monkeypatch.setattr(lazy_regex._table, "known", None)
    for pattern, flags in sources:
        assert same(compile_cached(pattern, flags), re.compile(pattern, flags))


def _patterns(value, seen=None):
    """Every regex (compiled or lazy) reachable from the rules' attributes."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (re.Pattern, LazyPattern)):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns(item, seen)
    elif hasattr(value, "__dict__") and not isinstance(value, type):
        for item in vars(value).values():
            yield from _patterns(item, seen)


@pytest.mark.parametrize("damage", [b"", b"x" * 40, b"\0" * 32 + b"not marshal", "good-checksum-bad-code"])
def test_a_damaged_store_costs_the_compile_never_an_error(fresh_store, monkeypatch, damage):
    compile_cached(*PATTERNS[0])
    lazy_regex._table.save()
    [store] = fresh_store.glob("regex-code-*.marshal")
    if damage == "good-checksum-bad-code":
        import hashlib
        import marshal

        payload = marshal.dumps({PATTERNS[0]: (0, b"\xff" * 16, 2, {"year": 1, "month": 2}, (None, "year", "month"))})
        store.write_bytes(hashlib.sha256(payload).digest() + payload)
    else:
        store.write_bytes(damage)
    monkeypatch.setattr(lazy_regex._table, "known", None)
    assert same(compile_cached(*PATTERNS[0]), re.compile(*PATTERNS[0]))


def test_an_invalid_pattern_raises_as_re_compile_does(fresh_store):
    with pytest.raises(re.error):
        compile_cached("[一-")


def test_a_lazy_regex_compiles_on_first_use_then_binds_its_methods(fresh_store):
    regex = lazy(r"(\d+)项")
    assert "search" not in vars(regex) and regex.pattern == r"(\d+)项"
    assert regex.search("完成12项").group(1) == "12"
    assert "search" in vars(regex) and regex.groups == 1
    assert regex == re.compile(r"(\d+)项") and hash(regex) == hash(re.compile(r"(\d+)项"))
