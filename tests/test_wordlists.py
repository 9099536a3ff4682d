"""The lexicon (rules/lexicon/*.yaml): every list's examples, its loader's
file:line errors, and references from rule packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.lint.kinds.base import OptionError, compile_regex
from checker.settings.wordlists import builtin_lexicon, builtin_wordlists, expand, load_lexicon, load_wordlists
from checker.settings.yamlfile import RuleFileError

LISTS = builtin_wordlists()
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_examples(name):
    found = LISTS[name]
    for text in found.examples_match:
        assert found.matches(text), f"{found.source}: {name} should match {text!r}"
    for text in found.examples_no_match:
        assert not found.matches(text), f"{found.source}: {name} should not match {text!r}"


def test_a_list_is_referred_to_from_a_rule_regex():
    regex = compile_regex("{lexicon:watermarks}", "patterns")
    assert regex.search("推进项目5个。[【公*众号：某某君】@]").group(0) == "[【公*众号：某某君】@]"
    assert expand("(?<=x){lookbehind:list-lead-ins}") .startswith("(?<=x)(?<=包括)|")


def test_an_unknown_list_is_an_option_error():
    with pytest.raises(OptionError, match="unknown lexicon list 'no-such-list'"):
        compile_regex("{lexicon:no-such-list}", "patterns")


@pytest.mark.parametrize("body, line, message", [
    ("lists:\n  Bad_Name:\n    description: x\n", 2, "must be kebab-case"),
    ("lists:\n  openers:\n    description: x\n    match: somewhere\n    words: [a]\n    examples: {match: [a]}\n",
     4, "'match' must be one of start, end, search, full"),
    ("lists:\n  openers:\n    description: x\n    match: start\n    words: ['(a']\n    examples: {match: [a]}\n",
     5, "invalid regular expression"),
    ("lists:\n  openers:\n    description: x\n    match: start\n    words: [a]\n", 2, "needs 'examples'"),
    ("lists:\n  openers:\n    description: x\n    match: start\n    words: [a]\n    examples: {match: [a]}\n"
     "    colour: red\n", 7, "unknown key 'colour'"),
    ("lists:\n  openers:\n    description: x\n    match: start\n    words: [a]\n    examples:\n      fail: [a]\n",
     7, "'fail' is a rule's and an expression's example; a word list's examples are 'match' and 'no_match'"),
])
def test_lexicon_file_errors_name_file_and_line(tmp_path, body, line, message):
    assert_refused_at(tmp_path, body, line, message)


def assert_refused_at(tmp_path, body: str, line: int, message: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_wordlists([path])
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)


@pytest.mark.parametrize("body, line, message", [
    ("lists: {}\nthresholds:\n  Max:\n    description: x\n    value: 3\n", 3, "must be kebab-case"),
    ("lists: {}\nthresholds:\n  max-chars:\n    description: x\n", 3, "needs 'description' (a non-empty string) and 'value'"),
    ("lists: {}\nthresholds:\n  max-chars:\n    value: 3\n", 3, "needs 'description' (a non-empty string) and 'value'"),
    ("lists: {}\nthresholds:\n  max-chars:\n    description: x\n    value: many\n", 5,
     "'value' must be a number, 0 or more, not 'many'"),
    ("lists: {}\nthresholds:\n  max-chars:\n    description: x\n    value: -1\n", 5, "0 or more"),
    ("lists: {}\nthresholds:\n  max-chars:\n    description: x\n    value: true\n", 5, "must be a number"),
    ("lists: {}\nthresholds:\n  max-chars:\n    description: x\n    value: 3\n    unit: chars\n", 6,
     "unknown key 'unit'"),
    ("lists: {}\nthresholds: [3]\n", 2, "'thresholds' of a lexicon file maps names to"),
    ("lists: {}\nlimits: {}\n", 2, "unknown key 'limits'"),
])
def test_threshold_errors_name_file_and_line(tmp_path, body, line, message):
    assert_refused_at(tmp_path, body, line, message)


def test_a_threshold_is_defined_once_across_the_lexicon(tmp_path):
    entry = "lists: {}\nthresholds:\n  max-chars:\n    description: x\n    value: 3\n"
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(entry, encoding="utf-8")
    second.write_text(entry, encoding="utf-8")
    with pytest.raises(RuleFileError, match=rf"^{second}:3: threshold 'max-chars' is already defined at {first}:3$"):
        load_lexicon([first, second])
    assert load_lexicon([first]).thresholds["max-chars"].value == 3


def test_every_threshold_is_read_where_a_draft_is_read_and_no_constant_is_left_there():
    """Each threshold of the lexicon is read (threshold("NAME")) by the parser, the
    analysis step or the genre matching, where no module keeps a number of its own
    under a *_MAX_CHARS, *_MAX, *_SHARE or *_LINES name."""
    import re

    package = ROOT / "checker"
    paths = [*(package / "parse").glob("*.py"), *(package / "analyse").glob("*.py"), package / "settings" / "genres.py"]
    source = {path.name: path.read_text(encoding="utf-8") for path in paths}
    used = {name for text in source.values() for name in re.findall(r'threshold\("([a-z-]+)"\)', text)}
    assert used == set(builtin_lexicon().thresholds)
    constants = [f"{name}: {match}" for name, text in source.items()
                 for match in re.findall(r"^[A-Z_]*(?:_MAX_CHARS|_MAX|_SHARE|_LINES) = [0-9.]+", text, re.M)]
    assert constants == []
