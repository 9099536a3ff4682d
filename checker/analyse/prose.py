"""Where a document's running text is not prose: spans the text rules look through.

The text-norm rules (punctuation, numbers, whitespace, expressions) judge
running text. They stay out of:

- residue spans: text copied from the template's website (a watermark
  ``[【公*众号：某某君】@]``, a ``##paidbegin##`` marker), reported as residue and
  not as punctuation (the analysis step's ``Facts.residue``);
- in Markdown, code spans (`` `a,b` ``) and the separator row of a table
  (``|---|:--:|``).

And in Markdown, the lines that are its structure rather than sentences
(``Facts.markdown_structure_lines``: # headings, table rows, fences, quotes,
rules, comments), which truncation does not judge as paragraphs.

:func:`not_prose_spans` gives, per line, the 0-based ``(start, end)`` offsets
to look through; the analysis step computes it once per document
(``Facts.not_prose``).
"""

from __future__ import annotations

from typing import Optional

from checker.model import Document, Span
from checker.settings.lazy_regex import lazy_regex

CODE_SPAN = lazy_regex(r"(`+)(?!`).+?(?<!`)\1")
TABLE_SEPARATOR = lazy_regex(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}:?\s*\|\s*$")
NotProse = dict[int, list[tuple[int, int]]]
# a line of Markdown structure: an ATX heading, a table row, a fence, a quote, a thematic
# break, a setext underline, an HTML comment
MARKDOWN_STRUCTURE = lazy_regex(r"^[ \t]*(?:#|\||```|~~~|>|(?:[-*_][ \t]*){3,}$|={3,}[ \t]*$|<!--)")


def not_prose_spans(document: Document, residue: tuple[Span, ...]) -> dict[int, list[tuple[int, int]]]:
    """Line number -> the 0-based spans of that line that are not prose: the
    ``residue`` spans (the analysis step's), in Markdown code spans and table
    separator rows."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for span in residue:
        if span.line == span.end_line:
            spans.setdefault(span.line, []).append((span.column - 1, span.end_column - 1))
    if document.source.is_markdown:
        for number, text in enumerate(document.lines, 1):
            if TABLE_SEPARATOR.match(text):
                spans.setdefault(number, []).append((0, len(text)))
                continue
            if "`" in text:
                spans.setdefault(number, []).extend(m.span() for m in CODE_SPAN.finditer(text))
    return spans


def markdown_structure_lines(document: Document) -> frozenset[int]:
    """The lines of a Markdown draft that are Markdown structure, not sentences
    (none in a text draft)."""
    if not document.source.is_markdown:
        return frozenset()
    return frozenset(number for number, text in enumerate(document.lines, 1) if MARKDOWN_STRUCTURE.match(text))


def is_masked(spans: Optional[list[tuple[int, int]]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a masked span."""
    return bool(spans) and any(start < b and a < end for a, b in spans)
