"""The one compiler for regular expressions that come from data (rule
options, genre packs, expression files): ``{lexicon:NAME}`` references
expanded (checker/settings/wordlists.py), the shape refused where its
backtracking can explode (checker/settings/regexsafety.py), then compiled.
Each caller turns :class:`PatternError` into its own ``file:line`` error."""

from __future__ import annotations

import re

from . import regexsafety
from .wordlists import expand


class PatternError(ValueError):
    """What is wrong with a pattern from data, in one line (no place: the caller adds it)."""


def compile_pattern(pattern: str) -> re.Pattern:
    try:
        return regexsafety.compile_checked(expand(pattern))  # refused before it ever runs on a line
    except KeyError as error:
        raise PatternError(f"unknown lexicon list {error.args[0]!r} in {pattern!r}") from None
    except re.error as error:
        raise PatternError(f"invalid regular expression {pattern!r}: {error}") from None
    except regexsafety.UnsafeRegex as error:
        raise PatternError(f"unsafe regular expression {pattern!r}: {error}") from None
