"""What the headings of a draft are, beyond what the parser took: the lines
that read as a heading although the outline did not take them, and the shape
of each heading among its siblings (a full sentence, a short label, how many of
its siblings have a body).

Rule types judge these facts (truncation leaves a heading-like line alone;
empty-section tells an item or a list from an empty section); they do not
work them out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from checker.lexicon import ELLIPSIS, ENUMERATION_COMMA, INDENT_CHARS, INNER_BREAKS, SEMICOLONS, SENTENCE_END
from checker.model import Document, Section
from checker.settings.genres import HEADING_LIKE_MARKER, heading_like
from checker.settings.lazy_regex import lazy_regex
from checker.settings.wordlists import lexicon_regex

# what ends a heading that is a full sentence (（一）农业产业链条偏短。)
ITEM_END = SENTENCE_END + SEMICOLONS + ELLIPSIS
# a heading sentence this short, without inner punctuation, is a section's label
# (（二）加大执法力度。), not a statement
SHORT_LABEL_MAX_CHARS = 12
INNER_PUNCTUATION = lazy_regex(f"[{INNER_BREAKS}{ENUMERATION_COMMA}“”\"]")
# Markdown emphasis markers closing a line (**加强组织领导**)
MARKDOWN_TRAILING = lazy_regex(r"(?:\*\*|__|\*|_)+$")


def without_trailing(text: str, patterns: Iterable[re.Pattern]) -> str:
    """``text`` without the trailing matches of ``patterns`` (a paywall marker, a
    watermark at the end of a paragraph), as often as they match."""
    patterns = tuple(patterns)
    changed = True
    while changed and text:
        changed = False
        for pattern in patterns:
            ending = [m for m in pattern.finditer(text) if m.end() == len(text) and m.start() < m.end()]
            if ending:
                text = text[: ending[0].start()].rstrip(INDENT_CHARS)
                changed = True
    return text


def heading_like_lines(document: Document, residue: Iterable[re.Pattern]) -> frozenset[int]:
    """The lines of body paragraphs that start their line and read as a heading
    the outline did not take (一、2021年工作回顾; genres.heading_like), judged on
    the text without trailing Markdown emphasis and trailing ``residue``."""
    residue = tuple(residue)
    marker = lexicon_regex(HEADING_LIKE_MARKER)
    markdown = document.source.is_markdown
    lines = set()
    for paragraph in document.paragraphs():
        line = document.lines[paragraph.line - 1]
        if paragraph.column != len(line) - len(line.lstrip(INDENT_CHARS)) + 1:
            continue  # text after a heading sentence on the heading's line
        text = paragraph.text.rstrip(INDENT_CHARS)
        if not marker.match(text):
            continue  # what is left after the stripping below starts as the text does
        if markdown:
            text = MARKDOWN_TRAILING.sub("", text).rstrip()
        text = without_trailing(text, residue)
        if text.strip() and heading_like(text) is not None:
            lines.add(paragraph.line)
    return frozenset(lines)


@dataclass(frozen=True)
class HeadingShape:
    """A heading among its siblings (the other children of its parent)."""

    sentence: bool  # its title is a full sentence (ends in 。；…): an item rather than a label
    short_label: bool  # its title is short, without inner punctuation: a label even with a full stop
    siblings: int
    siblings_with_body: int  # siblings with a child heading, a table or a non-blank paragraph


def has_body(section: Section) -> bool:
    return bool(section.children or section.table_lines) or any(p.text.strip() for p in section.paragraphs)


def heading_shapes(document: Document) -> Mapping[int, HeadingShape]:
    """Per heading line, its :class:`HeadingShape`; linear (each parent counts its
    children's bodies once)."""
    shapes = {}
    for parent in document.root.walk():
        children = parent.children
        bodies = [has_body(child) for child in children]
        with_body = sum(bodies)
        for child, body in zip(children, bodies):
            title = child.heading.title.strip()
            shapes[child.heading.line] = HeadingShape(
                sentence=bool(title) and title[-1] in ITEM_END,
                short_label=_short_label(title),
                siblings=len(children) - 1,
                siblings_with_body=with_body - body,
            )
    return shapes


def _short_label(title: str) -> bool:
    text = title.rstrip(ITEM_END)
    return len(text) <= SHORT_LABEL_MAX_CHARS and not INNER_PUNCTUATION.search(text)
