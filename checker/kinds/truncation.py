"""Rule type ``truncation``: a body paragraph that stops mid-sentence.

Every body paragraph — text lines, 一是… lines, and the text that follows a
heading sentence on the heading's line — must end with a terminal mark (。！？；
……, or a closing quote or bracket after one). Titles, bylines, salutations,
headings themselves, the closing signature/date block and lead-in lines ending
in ： are not paragraphs. Reported on the paragraph's last character.

Left alone: lines matching an ``ignore`` regex (附件：…, 联系人：…), a short
unpunctuated last line after a blank line (a signature without a date), a line
that reads as a heading the outline did not take (一、2021年工作回顾), a short
unpunctuated line standing right above a body paragraph (an unnumbered
subheading such as 加强组织领导), and in Markdown files
structural lines (# headings, tables, fences, rules); trailing **emphasis**
markers are looked through.

Options:
  terminal: the characters that may end a paragraph.
  ignore:   regexes; a paragraph in which one matches (re.search) is skipped.
  subheading_max_chars: the longest line taken as an unnumbered subheading
            (0: none).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..genres import heading_like
from ..model import Document, Paragraph, Span
from .base import Finding, OptionError, check_known, compile_regex, expect

LEAD_IN = "：:"
SIGNATURE_MAX_CHARS = 30
PUNCTUATION = re.compile(r"[，,。；;：:！？!?、]")
MARKDOWN_STRUCTURE = re.compile(r"^[ \t]*(?:#|\||```|~~~|>|(?:[-*_][ \t]*){3,}$|<!--)")
MARKDOWN_TRAILING = re.compile(r"(?:\*\*|__|\*|_)+$")
TAIL_CHARS = 10
INDENT = " \t\u00a0\u2002\u2003\u3000\ufeff"  # as grammar/outline.lark's INDENT


class Truncation:
    OPTIONS = {"terminal": "。！？；…", "ignore": [], "subheading_max_chars": 12}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        terminal = expect(options["terminal"], str, "terminal", "a string of characters")
        if not terminal:
            raise OptionError("option 'terminal' must list at least one character")
        self.terminal = set(terminal)
        ignore = expect(options["ignore"], list, "ignore", "a list of regular expressions")
        self.ignore = [compile_regex(item, "ignore") for item in ignore]
        self.subheading_max_chars = expect(options["subheading_max_chars"], int, "subheading_max_chars",
                                           "a whole number")

    def _signature_line(self, document: Document) -> int:
        """The last content line when it may be an undated signature (某某镇党委):
        short, unpunctuated, set apart by a blank line or indentation."""
        for number in sorted(document.line_kinds, reverse=True):
            kind = document.line_kinds[number]
            if kind == "blank":
                continue
            if kind == "closing":
                return 0
            line = document.lines[number - 1]
            text = line.strip()
            set_apart = number == 1 or not document.lines[number - 2].strip() or line[:1] in " \t\u3000"
            if kind == "paragraph" and set_apart and len(text) <= SIGNATURE_MAX_CHARS and not PUNCTUATION.search(text):
                return number
            return 0
        return 0

    def check(self, document: Document) -> Iterator[Finding]:
        markdown = document.source.is_markdown
        signature = self._signature_line(document)
        for paragraph in document.paragraphs():
            if paragraph.line == signature and document.line_kinds.get(paragraph.line) != "heading":
                continue
            finding = self._check(document, paragraph, markdown)
            if finding:
                yield finding

    def _subheading(self, document: Document, paragraph: Paragraph, text: str) -> bool:
        """A short unpunctuated line right above a body paragraph: 加强组织领导."""
        if len(text.strip()) > self.subheading_max_chars or PUNCTUATION.search(text):
            return False
        return document.line_kinds.get(paragraph.line + 1) in ("paragraph", "enumerated")

    @staticmethod
    def _line_start(document: Document, paragraph: Paragraph) -> int:
        line = document.lines[paragraph.line - 1]
        return len(line) - len(line.lstrip(INDENT)) + 1

    def _check(self, document: Document, paragraph: Paragraph, markdown: bool):
        text = paragraph.text.rstrip(INDENT)
        if markdown:
            if MARKDOWN_STRUCTURE.match(document.lines[paragraph.line - 1]):
                return None
            text = MARKDOWN_TRAILING.sub("", text).rstrip()
        if not text.strip():
            return None
        last = text[-1]
        if last in self.terminal or last in LEAD_IN:
            return None
        if any(pattern.search(text) for pattern in self.ignore):
            return None
        if paragraph.column == self._line_start(document, paragraph):
            if heading_like(text) is not None:
                return None  # a heading the outline did not take as one (一、2021年工作回顾)
            if self._subheading(document, paragraph, text):
                return None
        end = paragraph.column + len(text)
        tail = text.strip()[-TAIL_CHARS:]
        return Finding(Span(paragraph.line, end - 1, paragraph.line, end), {"tail": tail})
