"""The Chinese word lists and the thresholds that steer the structural
heuristics, read from ``rules/lexicon/*.yaml`` (format in docs/rules-schema.md,
*Lexicon*).

Each list holds words or short regular expressions and says how it is matched
(``match: start`` — the text opens with one, leading blanks allowed; ``end`` —
the text ends with one; ``search`` — one occurs anywhere; ``full`` — the whole
text, blanks around it allowed, is one). Its examples say what it must and must
not match, and the test suite runs them. A list is also reachable from any
regular expression of a rule or genre pack as ``{lexicon:NAME}``, which stands
for ``(?:word|word|…)``, so a regex two packs share is written once.

A threshold is a number the analysis step reads a draft by (the longest line
taken as an undated signature, the share of body lines that sets the body's
indentation…): ``threshold(NAME)``, each with a description saying what it is.

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
from .yamlfile import EXAMPLE_FORMS, RuleFileError, read_sections, reject_other_example_form, reject_unknown_keys
from .yamlfile import at as _at
from checker.settings.lazy_regex import LazyPattern, compile_cached, lazy_regex

LIST_ID = lazy_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
LIST_KEYS = {"description", "match", "words", "examples"}
EXAMPLE_KEYS = set(EXAMPLE_FORMS["list"])
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


@dataclass(frozen=True)
class Threshold:
    name: str
    description: str
    value: float  # an int where the file writes one
    source: str = ""  # file:line


@dataclass(frozen=True)
class Lexicon:
    lists: dict[str, WordList]
    thresholds: dict[str, Threshold]


def load_wordlists(paths: Iterable[Path | str]) -> dict[str, WordList]:
    """The word lists of lexicon files (:func:`load_lexicon`)."""
    return load_lexicon(paths).lists


def load_lexicon(paths: Iterable[Path | str]) -> Lexicon:
    """Read lexicon files: each a mapping with ``lists`` (list names mapped to
    description, match, words, examples) and optionally ``thresholds``
    (threshold names mapped to description and value); a name may be defined
    only once."""
    lists: dict[str, WordList] = {}
    thresholds: dict[str, Threshold] = {}
    for path in map(str, paths):
        sections = read_sections(path, "lexicon", {"lists": "list names mapped to their words"},
                                 {"thresholds": "threshold names mapped to description and value"})
        for name, node, where in sections["thresholds"]:
            thresholds[name] = _threshold(path, name, node, where, thresholds)
        for name, node, where in sections["lists"]:
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
            reject_other_example_form(path, examples, "list")
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
    return Lexicon(lists, thresholds)


def _threshold(path: str, name: str, node: object, where: str, defined: dict[str, Threshold]) -> Threshold:
    """One threshold entry: a number, 0 or more, with its description."""
    if not LIST_ID.match(name):
        raise RuleFileError(f"{where}: threshold name {name!r} must be kebab-case (like 'signature-max-chars')")
    if name in defined:
        raise RuleFileError(f"{where}: threshold '{name}' is already defined at {defined[name].source}")
    if not isinstance(node, dict) or "value" not in node or not isinstance(node.get("description"), str) \
            or not node["description"].strip():
        raise RuleFileError(f"{where}: threshold '{name}' needs 'description' (a non-empty string) and 'value'")
    reject_unknown_keys(path, node, {"description", "value"}, f" in threshold '{name}'")
    value = node["value"]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise RuleFileError(f"{_at(path, node, 'value')}: threshold '{name}': 'value' must be a number, "
                            f"0 or more, not {value!r}")
    return Threshold(name, node["description"].strip(), value, where)


def builtin_wordlist_paths() -> list[Path]:
    return sorted(resources.data_path("rules", "lexicon").glob("*.yaml"))


@lru_cache(maxsize=1)
def builtin_lexicon() -> Lexicon:
    """The built-in lists and thresholds, read and checked once per user (the
    prepared cache, checker/settings/prepared.py, keyed by the files' contents)."""
    from .prepared import prepared

    return prepared("lexicon", lambda: load_lexicon(builtin_wordlist_paths()))


def builtin_wordlists() -> dict[str, WordList]:
    """The built-in lists."""
    return builtin_lexicon().lists


def threshold(name: str) -> float:
    """A built-in threshold by name (a KeyError names one no file defines)."""
    return builtin_lexicon().thresholds[name].value


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
