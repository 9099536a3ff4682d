"""What reportlint says to people, in Chinese (the default) or English.

The command-line help is written in English in cli.py (the message ids, as in
gettext) and translated from checker/data/help_zh.json when it is shown.

The words live in one catalog, checker/data/messages.json (key -> {"zh", "en"},
``str.format`` fields), not in the code. The language: ``--lang`` (the CLI
calls :func:`set_language`), else ``$REPORTLINT_LANG``, else an English locale
(``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` starting with ``en``) gives English;
anything else Chinese. Machine output (JSON, SARIF) never goes through it.
Words that become part of a finding's message (``finding.*``: the rule types'
and the engine's fragments) are Chinese in every language, like the rules'
messages in rules/*.yaml (:func:`finding_words`). Reading the catalog is one
small JSON file, on first use.
"""

from __future__ import annotations

import inspect
import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

LANGUAGES = ("zh", "en")
CATALOG = Path(__file__).resolve().parent / "data" / "messages.json"
HELP_CATALOG = Path(__file__).resolve().parent / "data" / "help_zh.json"
RULES_CATALOG = Path(__file__).resolve().parent / "data" / "rules_zh.json"  # rule name -> what it finds, in Chinese
DESCRIPTIONS_CATALOG = Path(__file__).resolve().parent / "data" / "descriptions_zh.yaml"  # rule name -> all it finds
LEXICON_CATALOG = Path(__file__).resolve().parent / "data" / "lexicon_zh.yaml"  # word list / threshold -> what it is for
ERRORS_CATALOG = Path(__file__).resolve().parent / "data" / "errors_zh.json"  # English error -> Chinese, see localise
FIELD = "{}"  # where an error template has a value (a file name, a number, a nested message)

_chosen: Optional[str] = None


def set_language(language: Optional[str]) -> None:
    """Use ``language`` (zh or en) from now on; None: back to the environment's."""
    global _chosen
    _chosen = language


def language() -> str:
    if _chosen:
        return _chosen
    return language_of_environment(os.environ)


def language_of_environment(environ) -> str:
    wanted = environ.get("REPORTLINT_LANG", "").strip().lower()
    if wanted[:2] in LANGUAGES:
        return wanted[:2]
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


@lru_cache(maxsize=1)
def _catalog() -> dict:
    with open(CATALOG, encoding="utf-8") as stream:
        return json.load(stream)


def text(key: str, **values) -> str:
    """The catalog's words for ``key`` in the current language, filled with ``values``."""
    return _catalog()[key][language()].format(**values)


def finding_words(key: str) -> str:
    """The catalog's words for ``key`` that go into a finding's message, as a
    ``str.format`` template: Chinese in every language, as the rules' own
    messages (rules/*.yaml) are; the English beside them says what they mean."""
    return _catalog()[key]["zh"]


def count(key: str, n: int, **values) -> str:
    """``text`` with ``n`` and an English plural ``s`` filled in."""
    return text(key, n=n, s="" if n == 1 else "s", **values)


@lru_cache(maxsize=1)
def _help_catalog() -> dict:
    with open(HELP_CATALOG, encoding="utf-8") as stream:
        return json.load(stream)


def help_text(english: str) -> str:
    """A help text (an option's, a command's) in the current language; the
    English itself where there is no translation."""
    if not english or language() == "en":
        return english
    return _help_catalog().get(inspect.cleandoc(english), english)


@lru_cache(maxsize=1)
def _rules_catalog() -> dict:
    with open(RULES_CATALOG, encoding="utf-8") as stream:
        return json.load(stream)


def rule_summary(name: str, english: str) -> str:
    """What rule ``name`` finds, in one line: Chinese from the catalog, else
    (English asked, or a rule of a user's pack) ``english``."""
    if language() == "en":
        return english
    return _rules_catalog().get(name, english)


@lru_cache(maxsize=1)
def rule_descriptions_zh() -> dict:
    """Rule name -> its full description in Chinese (checker/data/descriptions_zh.yaml)."""
    import yaml  # loaded anyway by the rules; here only when a description is shown

    with open(DESCRIPTIONS_CATALOG, encoding="utf-8") as stream:
        return {name: text.strip() for name, text in (yaml.safe_load(stream) or {}).items()}


@lru_cache(maxsize=1)
def lexicon_descriptions_zh() -> dict:
    """What each word list and threshold of the lexicon is for, in Chinese
    (checker/data/lexicon_zh.yaml): ``{"lists": {name: text}, "thresholds": {name: text}}``."""
    import yaml

    with open(LEXICON_CATALOG, encoding="utf-8") as stream:
        loaded = yaml.safe_load(stream) or {}
    return {part: {name: text.strip() for name, text in (loaded.get(part) or {}).items()}
            for part in ("lists", "thresholds")}


def rule_description(name: str, english: str) -> tuple[str, bool]:
    """All that rule ``name`` finds, in the current language, and whether it
    is in that language (a rule of a user's pack has only its English)."""
    if language() == "en":
        return english, True
    chinese = rule_descriptions_zh().get(name)
    return (chinese, True) if chinese else (english, False)


@lru_cache(maxsize=1)
def _errors_catalog() -> dict:
    with open(ERRORS_CATALOG, encoding="utf-8") as stream:
        return json.load(stream)


@lru_cache(maxsize=1)
def _error_templates() -> list[tuple[re.Pattern, str]]:
    """The error templates as patterns, the most specific (most fixed text) first."""
    found = []
    for english, chinese in _errors_catalog()["errors"].items():
        parts = english.split(FIELD)
        found.append((len("".join(parts)), re.compile("(.*?)".join(map(re.escape, parts)), re.S), chinese))
    found.sort(key=lambda item: -item[0])
    return [(pattern, chinese) for _, pattern, chinese in found]


def localise(message: str) -> str:
    """An error message of the code (English, the message id, as gettext's)
    in the current language. checker/data/errors_zh.json maps each template
    of the code — the message with ``{}`` where the code puts a value — to its
    Chinese (``{}`` in the same order, or ``{0}``, ``{1}``…); the values are
    translated in turn (a message within a message). A message no template
    matches keeps its ``where: `` head and has the rest translated; an
    unknown one stays as it is."""
    if language() == "en" or not message:
        return message
    return _translate(message, 0)


def _translate(message: str, depth: int) -> str:
    if depth > 4 or not message.strip():
        return message
    for pattern, chinese in _error_templates():
        match = pattern.fullmatch(message)
        if match:
            return chinese.format(*(_translate(value, depth + 1) for value in match.groups()))
    start = message.find(": ")
    while start != -1:  # "where: message" — the location stays, the message is translated
        rest = message[start + 2:]
        translated = _translate(rest, depth + 1)
        if translated != rest:
            return message[:start + 2] + translated
        start = message.find(": ", start + 2)
    return message


def click_text(english: str) -> str:
    """One of click's own texts (its gettext message ids: usage errors,
    "Usage:", "Options"…) in the current language."""
    if language() == "en":
        return english
    return _errors_catalog()["click"].get(english, english)


def click_plural(singular: str, plural: str, n: int) -> str:
    """click's ngettext: the singular or plural message id, translated."""
    return click_text(singular if n == 1 else plural)


def severity(name: str) -> str:
    """错误/警告/提示 (error/warning/info) for a severity name."""
    return text(f"severity.{name}")


__all__ = ["LANGUAGES", "click_plural", "click_text", "count", "finding_words", "help_text", "lexicon_descriptions_zh", "localise", "rule_description", "rule_descriptions_zh", "rule_summary", "language", "language_of_environment", "set_language", "severity", "text"]
