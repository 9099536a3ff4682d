"""What the headings of a draft are, beyond what the parser took: the lines
that read as a heading although the outline did not take them, the lines that
read as an unnumbered subheading (加强组织领导 above its paragraph), and the
shape of each heading among its siblings (a full sentence, a short label, how
many of its siblings have a body, whether its siblings are one-line items).

Rule types judge these facts (truncation leaves a heading-like line and a
subheading alone, and judges an item heading among one-line items;
empty-section tells an item or a list from an empty section); they do not
work them out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping

from checker.lexicon import CLAUSE_BREAKS, ELLIPSIS, ENUMERATION_COMMA, INDENT_CHARS, INNER_BREAKS, MARKUP_AND_BLANKS
from checker.lexicon import PUNCTUATION, SEMICOLONS, SENTENCE_END
from checker.model import Document, Paragraph, Section
from checker.settings.genres import HEADING_LIKE_MARKER, heading_like
from checker.settings.lazy_regex import lazy_regex
from checker.settings.wordlists import lexicon_regex, threshold

# what ends a heading that is a full sentence (（一）农业产业链条偏短。)
ITEM_END = SENTENCE_END + SEMICOLONS + ELLIPSIS
# a heading sentence short (short-label-max-chars, rules/lexicon/structure.yaml) and
# without inner punctuation is a section's label (（二）加大执法力度。), not a statement
INNER_PUNCTUATION = lazy_regex(f"[{INNER_BREAKS}{ENUMERATION_COMMA}“”\"]")
# Markdown emphasis markers closing a line (**加强组织领导**)
MARKDOWN_TRAILING = lazy_regex(r"(?:\*\*|__|\*|_)+$")
# an unnumbered subheading: short and unpunctuated (加强组织领导), or two phrases about
# as long (压实安全责任，筑牢安全防线); how short: subheading-max-chars,
# parallel-phrase-min-chars and parallel-phrase-length-slack (rules/lexicon/structure.yaml)
PARALLEL_SEPARATOR = lazy_regex(r"[ \u3000]*[，,][ \u3000]*|[ \u3000]+")
DIGIT = lazy_regex(r"[0-9０-９]")
MARKS = CLAUSE_BREAKS + ENUMERATION_COMMA  # what PUNCTUATION finds
# what ends a one-line item heading (（一）…40名。)
ONE_LINE_ITEM_END = SENTENCE_END + SEMICOLONS


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


def _line_start_texts(document: Document, residue: tuple[re.Pattern, ...], residue_lines: frozenset[int],
                      wanted: Callable[[Paragraph], bool]) -> Iterator[tuple[int, str]]:
    """(line, text) of the body paragraphs that start their line and pass ``wanted(paragraph)``,
    the text without trailing Markdown emphasis and trailing ``residue`` (looked for
    only on ``residue_lines``, the lines where one of the patterns matches)."""
    markdown = document.source.is_markdown
    for paragraph in document.paragraphs():
        if not wanted(paragraph):
            continue
        line = document.lines[paragraph.line - 1]
        if paragraph.column != len(line) - len(line.lstrip(INDENT_CHARS)) + 1:
            continue  # text after a heading sentence on the heading's line
        text = paragraph.text.rstrip(INDENT_CHARS)
        if markdown:
            text = MARKDOWN_TRAILING.sub("", text).rstrip()
        if paragraph.line in residue_lines:
            text = without_trailing(text, residue)
        if text.strip():
            yield paragraph.line, text


# a sentence mark before a heading line's last character: the line goes on with body text
RUN_IN = lazy_regex(r"[。；;！？]")


def run_in_heading_lines(document: Document) -> frozenset[int]:
    """The heading lines that go on with body text after the heading
    (**（一）抓项目。** 全年推进…): a sentence mark before the line's last
    character, trailing emphasis and blanks left out."""
    lines = set()
    for number, kind in document.line_kinds.items():
        if kind == "heading":
            text = document.lines[number - 1].rstrip(MARKUP_AND_BLANKS)
            if RUN_IN.search(text[:-1]):
                lines.add(number)
    return frozenset(lines)


def heading_like_lines(document: Document, residue: Iterable[re.Pattern],
                       residue_lines: frozenset[int]) -> frozenset[int]:
    """The lines of body paragraphs that start their line and read as a heading
    the outline did not take (一、2021年工作回顾; genres.heading_like), judged on
    the text without trailing Markdown emphasis and trailing ``residue`` (which
    matches on ``residue_lines`` only)."""
    marker = lexicon_regex(HEADING_LIKE_MARKER)

    def opens_with_a_marker(paragraph: Paragraph) -> bool:  # what is left after the stripping starts as the text does
        return marker.match(paragraph.text.rstrip(INDENT_CHARS)) is not None

    return frozenset(line for line, text in _line_start_texts(document, tuple(residue), residue_lines, opens_with_a_marker)
                     if heading_like(text) is not None)


def subheading_lines(document: Document, residue: Iterable[re.Pattern],
                     residue_lines: frozenset[int]) -> frozenset[int]:
    """The lines of body paragraphs that start their line, stand right above a
    body paragraph and read as an unnumbered subheading: short and unpunctuated
    (加强组织领导), or two parallel phrases (压实安全责任，筑牢安全防线; 聚焦主责主业
    推动高质量发展); judged on the text as :func:`heading_like_lines` judges it."""
    kinds = document.line_kinds
    shape = SubheadingShape.from_lexicon()

    def candidate(paragraph: Paragraph) -> bool:
        if kinds.get(paragraph.line + 1) not in ("paragraph", "enumerated"):
            return False
        # a line ending in a mark (推进项目5个。) is none, trailing emphasis or not; residue may hide one
        return paragraph.line in residue_lines or paragraph.text.rstrip(MARKUP_AND_BLANKS)[-1:] not in MARKS

    return frozenset(line for line, text in _line_start_texts(document, tuple(residue), residue_lines, candidate)
                     if shape.subheading(text.strip()))


@dataclass(frozen=True)
class SubheadingShape:
    """How short an unnumbered subheading is (rules/lexicon/structure.yaml)."""

    max_chars: float
    phrase_min_chars: float
    phrase_length_slack: float

    @classmethod
    def from_lexicon(cls) -> "SubheadingShape":
        return cls(threshold("subheading-max-chars"), threshold("parallel-phrase-min-chars"),
                   threshold("parallel-phrase-length-slack"))

    def subheading(self, text: str) -> bool:
        return (len(text) <= self.max_chars and not PUNCTUATION.search(text)) or self.parallel_phrases(text)

    def parallel_phrases(self, text: str) -> bool:
        """Two phrases of about the same length, without figures, joined by a comma
        or a space: the shape of a heading, not of a broken sentence."""
        if not self.max_chars:
            return False
        parts = PARALLEL_SEPARATOR.split(text)
        if len(parts) != 2 or any(PUNCTUATION.search(part) or DIGIT.search(part) for part in parts):
            return False
        lengths = [len(part) for part in parts]
        return all(self.phrase_min_chars <= n <= self.max_chars for n in lengths) \
            and max(lengths) - min(lengths) <= self.phrase_length_slack


@dataclass(frozen=True)
class HeadingShape:
    """A heading among its siblings (the other children of its parent)."""

    sentence: bool  # its title is a full sentence (ends in 。；…): an item rather than a label
    short_label: bool  # its title is short, without inner punctuation: a label even with a full stop
    siblings: int
    siblings_with_body: int  # siblings with a child heading, a table or a non-blank paragraph
    # its siblings of its own level, and how many of them are one-line items: nothing
    # under them (no paragraph, child or table) and a title ending in 。！？；
    level_siblings: int = 0
    level_siblings_one_line: int = 0


def has_body(section: Section) -> bool:
    return bool(section.children or section.table_lines) or any(p.text.strip() for p in section.paragraphs)


def heading_shapes(document: Document) -> Mapping[int, HeadingShape]:
    """Per heading line, its :class:`HeadingShape`; linear (each parent counts its
    children's bodies once)."""
    markdown = document.source.is_markdown
    short_label_max_chars = threshold("short-label-max-chars")
    shapes = {}
    for parent in document.root.walk():
        children = parent.children
        if not children:
            continue
        bodies = [has_body(child) for child in children]
        with_body = sum(bodies)
        one_line = [_one_line_item(child, markdown) for child in children]
        levels: dict[int, int] = {}
        one_line_by_level: dict[int, int] = {}
        for child, item in zip(children, one_line):
            level = child.heading.level
            levels[level] = levels.get(level, 0) + 1
            one_line_by_level[level] = one_line_by_level.get(level, 0) + item
        for child, body, item in zip(children, bodies, one_line):
            title = child.heading.title.strip()
            level = child.heading.level
            shapes[child.heading.line] = HeadingShape(
                sentence=bool(title) and title[-1] in ITEM_END,
                short_label=_short_label(title, short_label_max_chars),
                siblings=len(children) - 1,
                siblings_with_body=with_body - body,
                level_siblings=levels[level] - 1,
                level_siblings_one_line=one_line_by_level[level] - item,
            )
    return shapes


def _one_line_item(section: Section, markdown: bool) -> bool:
    """An item heading with nothing under it that ends with a sentence mark."""
    if section.paragraphs or section.children or section.table_lines:
        return False
    title = section.heading.title.rstrip(INDENT_CHARS)
    if markdown:
        title = MARKDOWN_TRAILING.sub("", title).rstrip()
    return bool(title) and title[-1] in ONE_LINE_ITEM_END


def _short_label(title: str, max_chars: float) -> bool:
    text = title.rstrip(ITEM_END)
    return len(text) <= max_chars and not INNER_PUNCTUATION.search(text)
