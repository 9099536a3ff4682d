"""Diagnostic fingerprints: a stable key for "the same finding" across edits.

A fingerprint is a hash of the rule, the text of the finding's span with up to
CONTEXT_CHARS characters either side on its lines (blanks removed, so
re-indenting or re-wrapping spaces changes nothing), and the occurrence index
among the earlier findings of that rule with that same text. Line and column
are not part of it: inserting a paragraph above a finding leaves its
fingerprint as it was. The engine stamps every diagnostic; SARIF
``partialFingerprints`` and the JSON output carry it. (The baseline matches by
rule and matched text with a count instead: checker/settings/baseline.py.)
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Sequence

from checker.model import Diagnostic, Span
from checker.settings.lazy_regex import lazy_regex

CONTEXT_CHARS = 20
BLANKS = lazy_regex(r"\s+")  # \s covers the ideographic space U+3000
VERSION = "1"  # part of the hash: a change of the recipe changes every fingerprint


def context_of(span: Span, lines: Sequence[str]) -> str:
    """The span's text with up to CONTEXT_CHARS characters either side, blanks removed."""
    if not lines or span.line > len(lines):
        return ""
    last = min(span.end_line, len(lines))
    first_line = lines[span.line - 1]
    if last == span.line:
        text = first_line[max(0, span.column - 1 - CONTEXT_CHARS):span.end_column - 1 + CONTEXT_CHARS]
    else:
        text = "\n".join([first_line[max(0, span.column - 1 - CONTEXT_CHARS):],
                          *lines[span.line:last - 1],
                          lines[last - 1][:span.end_column - 1 + CONTEXT_CHARS]])
    return BLANKS.sub("", text)


def stamp(diagnostics: Sequence[Diagnostic], lines: Sequence[str]) -> list[Diagnostic]:
    """``diagnostics`` (in document order) with their fingerprints set."""
    seen: dict[tuple[str, str], int] = {}
    stamped = []
    for diagnostic in diagnostics:
        context = context_of(diagnostic.span, lines)
        occurrence = seen.get((diagnostic.rule, context), 0)
        seen[(diagnostic.rule, context)] = occurrence + 1
        key = "\0".join((VERSION, diagnostic.rule, context, str(occurrence)))
        fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
        stamped.append(dataclasses.replace(diagnostic, fingerprint=fingerprint))
    return stamped
