"""Rule type ``empty-section``: a heading with nothing under it.

A section's body runs to the next heading of the same or a higher level; text
after the heading sentence on the heading's own line and child headings count
as body. Reported on the heading when the body is empty or only placeholders
(……, 略, 待补充). A heading that is itself a full sentence (（一）农业产业链条
偏短。) is an item, not an empty section — unless it is a short label
(（二）加大执法力度。) and every sibling (two or more) has a body. Below the top level, a bodiless label
heading is reported only where a sibling has a body: a run of short item
headings (1.加强学习 2.转变作风) is a list, not a row of empty sections. A
bare marker line (（三） alone, with nothing under it) is always empty.

Options:
  placeholders: regexes; a body line matching one in full is a placeholder,
            not content.
  placeholder_message: the message where the body is only placeholders
            ({heading}, {placeholder}).
"""

from __future__ import annotations

from typing import Iterator, Optional

from checker.analyse.analysis import Facts
from checker.model import Document, Heading
from .base import Finding, check_known, optional_message, regex_list
from checker.settings.lazy_regex import lazy_regex

LABEL_TAIL = lazy_regex(r"[：:][ \t\u3000]*(?P<rest>.*)$")


class EmptySection:
    OPTIONS = {"placeholders": [], "placeholder_message": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.placeholders = regex_list(options["placeholders"], "placeholders")
        self.placeholder_message = optional_message(options["placeholder_message"], "placeholder_message")

    def _placeholder(self, text: str) -> bool:
        text = text.strip(" \t\u3000\u00a0")
        return bool(text) and any(p.fullmatch(text) for p in self.placeholders)

    def _label(self, heading: Heading) -> tuple[str, Optional[str]]:
        """The heading as a label, and the placeholder written after its colon, if any
        (（一）主要做法：……)."""
        title = heading.title.strip()
        tail = LABEL_TAIL.search(title)
        if tail and tail.group("rest") and self._placeholder(tail.group("rest")):
            return title[: tail.start()], tail.group("rest").strip()
        return title, None

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for section in document.sections():
            heading = section.heading
            if heading.level > 4 or section.children or section.table_lines:
                continue
            label, tail_placeholder = self._label(heading)
            formulas = facts.closing.formulas  # 特此报告。 ends the body, not this section
            texts = [p.text.strip() for p in section.paragraphs if p.text.strip() and p.line not in formulas]
            content = [t for t in texts if not self._placeholder(t)]
            if content:
                continue
            placeholders = [t for t in texts if self._placeholder(t)]
            if tail_placeholder:
                placeholders.insert(0, tail_placeholder)
            if not placeholders and label:  # a bare marker line (（三） alone) is always empty
                shape = facts.heading_shapes[heading.line]
                if shape.sentence:
                    # a heading that is a full sentence is an item, not a section — unless it is a
                    # short label (加大执法力度。) among siblings that all have a body
                    if not (shape.short_label and shape.siblings >= 2 and shape.siblings_with_body == shape.siblings):
                        continue
                elif heading.level > 1 and not shape.siblings_with_body:
                    continue  # a list of short item headings
            written = (heading.marker + label).strip()
            values = {"heading": written, "placeholder": placeholders[0] if placeholders else ""}
            message = self.placeholder_message if placeholders else None
            yield Finding(heading.span, values, message)
