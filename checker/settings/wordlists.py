"""The Chinese word lists that steer the structural heuristics, read from
``rules/lexicon/*.yaml`` (format in docs/rules-schema.md, *Lexicon*).

Each list holds words or short regular expressions and says how it is matched
(``match: start`` — the text opens with one, leading blanks allowed; ``end`` —
the text ends with one; ``search`` — one occurs anywhere; ``full`` — the whole
text, blanks around it allowed, is one). Its examples say what it must and must
not match, and the test suite runs them. A list is also reachable from any
regular expression of a rule or genre pack as ``{lexicon:NAME}``, which stands
for ``(?:word|word|…)``, so a regex two packs share is written once.

Files are read with the rule-pack loader: every problem is a
:class:`~checker.settings.yamlfile.RuleFileError` reading ``file:line: what is wrong``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from checker import resources
from .yamlfile import RuleFileError, read_entries, reject_unknown_keys
from .yamlfile import at as _at
from checker.settings.lazy_regex import LazyPattern, compile_cached, lazy_regex

LIST_ID = lazy_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
LIST_KEYS = {"description", "match", "words", "examples"}
EXAMPLE_KEYS = {"match", "no_match"}
MATCH_MODES = {
    "start": r"^[ \t\u3000]*(?:{})",
    "end": r"(?:{})[ \t\u3000]*$",
    "search": r"(?:{})",
    "full": r"^[ \t\u3000]*(?:{})[ \t\u3000]*$",
}
REFERENCE = lazy_regex(r"\{(lexicon|lookbehind):([a-z0-9-]+)\}")


@dataclass(frozen=True)
class WordList:
    name: str
    description: str
    mode: str  # one of MATCH_MODES
    words: tuple[str, ...]
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    source: str = ""  # file:line

    @property
    def alternation(self) -> str:
        """The words as one group, to embed in a larger regular expression."""
        return "(?:" + "|".join(self.words) + ")"

    @property
    def regex(self) -> re.Pattern:
        return _compiled(MATCH_MODES[self.mode].format("|".join(self.words)))

    def matches(self, text: str) -> bool:
        return bool(self.regex.search(text))

    def lookbehind(self) -> str:
        """``(?<=w1)|(?<=w2)…``: a position right after one of the words
        (each a plain word: a lookbehind needs a fixed width)."""
        return "|".join(f"(?<={word})" for word in self.words)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return compile_cached(pattern)


def _strings(path: str, owner: dict, key: str, what: str) -> tuple[str, ...]:
    node = owner[key]
    if not isinstance(node, list) or not all(isinstance(item, str) and item for item in node):
        raise RuleFileError(f"{_at(path, owner, key)}: '{key}' must be a list of non-empty strings ({what})")
    return tuple(node)


def load_wordlists(paths: Iterable[Path | str]) -> dict[str, WordList]:
    """Read lexicon files: each a mapping with ``lists`` (list names mapped to
    description, match, words, examples); a name may be defined only once."""
    lists: dict[str, WordList] = {}
    for path in map(str, paths):
        for name, node, where in read_entries(path, "lists", "lexicon", "list names mapped to their words"):
            if not LIST_ID.match(name):
                raise RuleFileError(f"{where}: list name {name!r} must be kebab-case (like 'sentence-openers')")
            if name in lists:
                raise RuleFileError(f"{where}: list '{name}' is already defined at {lists[name].source}")
            if not isinstance(node, dict):
                raise RuleFileError(f"{where}: list '{name}' is a mapping with 'match', 'words' and 'examples'")
            reject_unknown_keys(path, node, LIST_KEYS, f" in list '{name}'")
            for key in ("description", "match", "words", "examples"):
                if key not in node:
                    raise RuleFileError(f"{where}: list '{name}' needs '{key}'")
            if not isinstance(node["description"], str) or not node["description"].strip():
                raise RuleFileError(f"{_at(path, node, 'description')}: 'description' must be a non-empty string")
            if node["match"] not in MATCH_MODES:
                raise RuleFileError(f"{_at(path, node, 'match')}: 'match' must be one of "
                                    f"{', '.join(MATCH_MODES)}, not {node['match']!r}")
            words = _strings(path, node, "words", "words or regular expressions")
            for word in words:
                try:
                    re.compile(word)
                except re.error as error:
                    raise RuleFileError(f"{_at(path, node, 'words')}: list '{name}': invalid regular expression "
                                        f"{word!r}: {error}") from None
            examples = node["examples"]
            if not isinstance(examples, dict) or not examples.get("match"):
                raise RuleFileError(f"{_at(path, node, 'examples')}: list '{name}': examples needs 'match' "
                                    "(and may have 'no_match'), each a non-empty list")
            reject_unknown_keys(path, examples, EXAMPLE_KEYS, f" in the examples of list '{name}'")
            lists[name] = WordList(
                name=name, description=node["description"].strip(), mode=node["match"], words=words,
                examples_match=_strings(path, examples, "match", "texts the list matches"),
                examples_no_match=_strings(path, examples, "no_match", "texts it does not match")
                if "no_match" in examples else (),
                source=where,
            )
    return lists


def builtin_wordlist_paths() -> list[Path]:
    return sorted(resources.data_path("rules", "lexicon").glob("*.yaml"))


@lru_cache(maxsize=1)
def builtin_wordlists() -> dict[str, WordList]:
    """The built-in lists, read and checked once per user (the prepared cache,
    checker/settings/prepared.py, keyed by the files' contents)."""
    from .prepared import prepared

    return prepared("lexicon", lambda: load_wordlists(builtin_wordlist_paths()))


def wordlist(name: str) -> WordList:
    """A built-in list by name (a KeyError names a list no file defines)."""
    return builtin_wordlists()[name]


def expand(pattern: str) -> str:
    """``pattern`` with each ``{lexicon:NAME}`` replaced by that list's words as
    one group, and each ``{lookbehind:NAME}`` by a position right after one of
    them; an unknown name raises KeyError('NAME')."""
    if "{lexicon:" not in pattern and "{lookbehind:" not in pattern:
        return pattern
    lists = builtin_wordlists()

    def replace(match: re.Match) -> str:
        found = lists[match.group(2)]
        return found.alternation if match.group(1) == "lexicon" else found.lookbehind()

    return REFERENCE.sub(replace, pattern)


@lru_cache(maxsize=None)
def lexicon_regex(pattern: str) -> re.Pattern:
    """``pattern``, its lexicon references expanded, compiled (once)."""
    return compile_cached(expand(pattern))


class _LexiconPattern(LazyPattern):
    """A regex with lexicon references, expanded and compiled on first use (so
    that a module may hold one without reading the lexicon at import)."""

    def __init__(self, source: str, flags: int = 0):  # no .pattern until expanded: __getattr__ compiles
        self.source = source
        self.flags = flags

    def compiled(self) -> re.Pattern:
        self.pattern = expand(self.source)
        return super().compiled()


def lazy_lexicon_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """``lexicon_regex(pattern)``, done when the regex is first used."""
    return _LexiconPattern(pattern, flags)
