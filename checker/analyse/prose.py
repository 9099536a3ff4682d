"""Where a document's running text is not prose: spans the text rules look through.

The text-norm rules (punctuation, numbers, whitespace, expressions) judge
running text. They stay out of:

- residue spans: text copied from the template's website (a watermark
  ``[【公*众号：某某君】@]``, a ``##paidbegin##`` marker), reported as residue and
  not as punctuation (the analysis step's ``document.facts.residue``);
- in Markdown, code spans (`` `a,b` ``) and the separator row of a table
  (``|---|:--:|``).

:func:`masked_spans` gives, per line, the 0-based ``(start, end)`` offsets to
look through; it is computed once per document.
"""

from __future__ import annotations

import re
from typing import Optional

from checker.model import Document

CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")
_CACHE_ATTRIBUTE = "_prose_masked_spans"


def masked_spans(document: Document) -> dict[int, list[tuple[int, int]]]:
    """Line number -> the 0-based spans of that line that are not prose."""
    cached = document.__dict__.get(_CACHE_ATTRIBUTE)
    if cached is None:
        cached = _compute(document)
        document.__dict__[_CACHE_ATTRIBUTE] = cached
    return cached


def is_masked(spans: Optional[list[tuple[int, int]]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a masked span."""
    return bool(spans) and any(start < b and a < end for a, b in spans)


def _compute(document: Document) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for line, start, end in residue_spans(document):
        spans.setdefault(line, []).append((start, end))
    if document.source.is_markdown:
        for number, text in enumerate(document.lines, 1):
            if TABLE_SEPARATOR.match(text):
                spans.setdefault(number, []).append((0, len(text)))
                continue
            if "`" in text:
                spans.setdefault(number, []).extend(m.span() for m in CODE_SPAN.finditer(text))
    return spans


def residue_spans(document: Document) -> list[tuple[int, int, int]]:
    """``(line, start, end)`` of the template-site residue in ``document``:
    the analysis step's facts (checker/analyse/analysis.py)."""
    return [(span.line, span.column - 1, span.end_column - 1)
            for span in document.facts.residue if span.line == span.end_line]
