"""Rule type ``truncation``: a body paragraph that stops mid-sentence.

Every body paragraph — text lines, 一是… lines, and the text that follows a
heading sentence on the heading's line — must end with a terminal mark (。！？；
……, or a closing quote or bracket after one). So must a bodiless item heading
with a clause break (，；) in a list of one-line items that all end with one. Titles, bylines, salutations,
headings themselves, the closing signature/date block and lead-in lines ending
in ： are not paragraphs. Reported on the paragraph's last character.

Left alone: lines matching an ``ignore`` regex (附件：…, 联系人：…), a short
unpunctuated last line after a blank line (a signature without a date), a line
that reads as a heading the outline did not take (一、2021年工作回顾), a line
standing right above a body paragraph that reads as an unnumbered subheading
(short and unpunctuated: 加强组织领导; or two parallel phrases without
figures: 压实安全责任，筑牢安全防线), and in Markdown files
structural lines (# headings, tables, fences, rules); trailing **emphasis**
markers are looked through.

Options:
  terminal: the characters that may end a paragraph.
  closing:  closing quotes and title marks (” 》): they end a paragraph only
            after a terminal mark (…抓实。”) or around a whole one-unit line
            (《某某管理办法》); 实施“青苗培养计划” has lost its full stop.
  ignore:   regexes; a paragraph in which one matches (re.search) is skipped.
  lead_in_message: where set, a lead-in ending in ： that nothing follows in its
            section (no later paragraph, no child heading: 主要做好以下工作： right
            before the next part) is reported with this message; {tail} as above.
  look_through: regexes for trailing text that is not part of the sentence (a
            paywall marker, a watermark that another rule reports): removed
            from the end of a paragraph, as often as they match, before it is
            judged.
"""

from __future__ import annotations

from typing import Iterator

from checker.lexicon import INDENT_CHARS as INDENT
from checker.lexicon import COLONS, COMMAS, INNER_BREAKS, SEMICOLONS
from checker.analyse.analysis import Facts
from checker.analyse.headings import MARKDOWN_TRAILING, without_trailing
from checker.model import Document, Paragraph, Span
from .base import Finding, OptionError, check_known, expect, optional_message, regex_list
from checker.settings.lazy_regex import lazy_regex

LEAD_IN = COLONS
TAIL_CHARS = 10
ITEM_CLAUSE = lazy_regex(f"[{COMMAS}{SEMICOLONS}]")  # an item heading with a clause break is a sentence, not a label
OPENING_MARKS = "“‘「『《\"'"


class Truncation:
    OPTIONS = {"terminal": "。！？；…", "closing": "", "ignore": [], "look_through": [],
               "lead_in_message": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        terminal = expect(options["terminal"], str, "terminal", "a string of characters")
        if not terminal:
            raise OptionError("option 'terminal' must list at least one character")
        self.terminal = set(terminal)
        self.closing = expect(options["closing"], str, "closing", "a string of characters")
        self.ignore = regex_list(options["ignore"], "ignore")
        self.look_through = regex_list(options["look_through"], "look_through")
        self.lead_in_message = optional_message(options["lead_in_message"], "lead_in_message")

    def _closed(self, text: str) -> bool:
        """Whether ``text`` ends with closing marks after a terminal mark
        (要把项目抓实。”), or is one quoted or bracketed unit (“两个维护”,
        《某某管理办法》); 实施“青苗培养计划” has lost its full stop."""
        body = text.rstrip(self.closing)
        if body == text:
            return False
        if body and body[-1] in self.terminal:
            return True
        stripped = text.strip(INDENT)
        return stripped[:1] in OPENING_MARKS and not any(mark in stripped for mark in INNER_BREAKS)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        markdown = document.source.is_markdown
        signature = facts.closing.undated_signature
        yield from self._truncated_items(document, facts, markdown)
        for section in document.root.walk():
            for index, paragraph in enumerate(section.paragraphs):
                if paragraph.line == signature and document.line_kinds.get(paragraph.line) != "heading":
                    continue
                followed = index + 1 < len(section.paragraphs) \
                    or any(child.heading.line > paragraph.line for child in section.children) \
                    or any(line > paragraph.line for line in section.table_lines)
                finding = self._check(document, facts, paragraph, markdown, followed)
                if finding:
                    yield finding

    def _truncated_items(self, document: Document, facts: Facts, markdown: bool) -> Iterator[Finding]:
        """A bodiless item heading that is a sentence (it has a comma) but stops
        without a terminal mark in a list of one-line items that all end with one
        (facts.heading_shapes): （二）加快防火通道建设，力争明年底前实现 after
        （一）…40名。 (a label heading among sections with bodies, 坚持项目为王，推动经济发展,
        is not)."""
        for section in document.sections():
            heading = section.heading
            shape = facts.heading_shapes[heading.line]
            if section.paragraphs or section.children or section.table_lines or not shape.level_siblings:
                continue
            title = heading.title.rstrip(INDENT)
            if markdown:
                title = MARKDOWN_TRAILING.sub("", title).rstrip()
            if not title or title[-1] in self.terminal or title[-1] in LEAD_IN or not ITEM_CLAUSE.search(title):
                continue
            if shape.level_siblings_one_line == shape.level_siblings:
                end = heading.marker_span.end_column + len(title) - (len(heading.title) - len(heading.title.lstrip()))
                yield Finding(Span(heading.line, end - 1, heading.line, end), {"tail": title.strip()[-TAIL_CHARS:]})

    @staticmethod
    def _line_start(document: Document, paragraph: Paragraph) -> int:
        line = document.lines[paragraph.line - 1]
        return len(line) - len(line.lstrip(INDENT)) + 1

    def _check(self, document: Document, facts: Facts, paragraph: Paragraph, markdown: bool, followed: bool = True):
        text = paragraph.text.rstrip(INDENT)
        if markdown:
            if paragraph.line in facts.markdown_structure_lines:
                return None  # a # heading, a table row, a fence… (the analysis step's)
            text = MARKDOWN_TRAILING.sub("", text).rstrip()
        text = without_trailing(text, self.look_through)
        if not text.strip():
            return None
        last = text[-1]
        if last in self.terminal or self._closed(text):
            return None
        if any(pattern.search(text) for pattern in self.ignore):
            return None
        if last in LEAD_IN:
            if followed or not self.lead_in_message:
                return None  # a lead-in: what it announces follows
            end = paragraph.column + len(text)
            return Finding(Span(paragraph.line, end - 1, paragraph.line, end), {"tail": text.strip()[-TAIL_CHARS:]},
                           self.lead_in_message)
        if paragraph.column == self._line_start(document, paragraph):
            if paragraph.line in facts.heading_like_lines:
                return None  # a heading the outline did not take as one (一、2021年工作回顾)
            if paragraph.line in facts.subheading_lines:
                return None  # an unnumbered subheading above its paragraph (加强组织领导)
        end = paragraph.column + len(text)
        tail = text.strip()[-TAIL_CHARS:]
        return Finding(Span(paragraph.line, end - 1, paragraph.line, end), {"tail": tail})
