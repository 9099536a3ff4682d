"""The lexicon (rules/lexicon/*.yaml): every list's examples, its loader's
file:line errors, and references from rule packs."""

from __future__ import annotations

import pytest

from checker.lint.kinds.base import OptionError, compile_regex
from checker.settings.wordlists import builtin_wordlists, expand, load_wordlists
from checker.settings.yamlfile import RuleFileError

LISTS = builtin_wordlists()


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
])
def test_lexicon_file_errors_name_file_and_line(tmp_path, body, line, message):
    path = tmp_path / "words.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_wordlists([path])
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)
