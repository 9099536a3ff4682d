"""What reportlint says to people, in Chinese (the default) or English.

The command-line help is written in English in cli.py (the message ids, as in
gettext) and translated from checker/data/help_zh.json when it is shown.

The words live in one catalog, checker/data/messages.json (key -> {"zh", "en"},
``str.format`` fields), not in the code. The language: ``--lang`` (the CLI
calls :func:`set_language`), else ``$REPORTLINT_LANG``, else an English locale
(``LC_ALL``, ``LC_MESSAGES`` or ``LANG`` starting with ``en``) gives English;
anything else Chinese. Machine output (JSON, SARIF) never goes through it.
Reading the catalog is one small JSON file, on first use.
"""

from __future__ import annotations

import inspect
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

LANGUAGES = ("zh", "en")
CATALOG = Path(__file__).resolve().parent / "data" / "messages.json"
HELP_CATALOG = Path(__file__).resolve().parent / "data" / "help_zh.json"
RULES_CATALOG = Path(__file__).resolve().parent / "data" / "rules_zh.json"  # rule name -> what it finds, in Chinese

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


def severity(name: str) -> str:
    """错误/警告/提示 (error/warning/info) for a severity name."""
    return text(f"severity.{name}")


__all__ = ["LANGUAGES", "count", "help_text", "rule_summary", "language", "language_of_environment", "set_language", "severity", "text"]
