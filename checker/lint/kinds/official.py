"""Rule types over the parts of an official document (``Facts.official``,
checker/analyse/official.py):

``official-part``: the options of ``pattern`` (patterns, ignore), matched only
  on one part's lines —
    part:  number (发文字号) | title | recipient (主送机关) | body |
           attachment-note (附件说明) | date (成文日期) | copy-to (抄送)
    kinds: the 文种 (the title's, else the closing formula's: 报告, 请示…) the
           rule applies to; empty: any document that has the part
    single_item_message: for the attachment note: where set, a note of one
           attachment that numbers it (附件：1．某某表) is reported with it
    report_from: report the N-th match of the part on (default 1: all); 2
           reports a second request in a 请示 (一文一事)
``attachment-agreement``: the attachments appended after the signature against
  the 附件说明 (GB/T 9704 7.3.7): a label whose number is not an Arabic numeral
  (附件一), a number the note does not list, a title that differs from the
  note's name. Attachments sent as separate files (a note, nothing appended)
  are not missing.
``title-genre``: the title names no 文种 though the closing formula names one
  (特此报告。), or names another one than the closing (标题"报告", 结尾"特此请示").
"""

from __future__ import annotations

from typing import Iterator


from checker.analyse.analysis import Facts
from checker.lexicon import BLANKS, COMMAS, SEMICOLONS
from checker.model import Document, Edit, Fix, Span
from .base import Finding, OptionError, check_known, expect
from .pattern import PatternRule
from checker.settings.lazy_regex import lazy_regex

SINGLE_ITEM = lazy_regex(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*[：:][ \t\u3000]*(?P<number>[0-9０-９]{1,2}[ \t\u3000]*[.．、][ \t\u3000]*)")
PARTS = ("number", "title", "recipient", "body", "attachment-note", "date", "copy-to")


def _line_span(document: Document, line: int) -> Span:
    text = document.lines[line - 1]
    start = len(text) - len(text.lstrip(BLANKS))
    return Span.on_line(line, start, max(len(text.rstrip(BLANKS)), start + 1))


class OfficialPartRule(PatternRule):
    OPTIONS = {**PatternRule.OPTIONS, "part": None, "kinds": [], "report_from": 1, "single_item_message": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        part = options.pop("part")
        if part not in PARTS:
            raise OptionError(f"option 'part' must be one of {', '.join(PARTS)}")
        kinds = expect(options.pop("kinds"), list, "kinds", "a list of 文种 (报告, 请示…)")
        self.report_from = expect(options.pop("report_from"), int, "report_from", "a whole number ≥ 1")
        self.single_item_message = options.pop("single_item_message")
        if self.single_item_message is not None and (part != "attachment-note"
                                                     or not isinstance(self.single_item_message, str)):
            raise OptionError("option 'single_item_message' is a message, for part attachment-note only")
        if self.report_from < 1:
            raise OptionError("option 'report_from' must be a whole number ≥ 1")
        super().__init__(options)
        self.part = part
        self.kinds = set(kinds)

    def part_lines(self, document: Document, facts: Facts) -> list[tuple[int, str]]:
        parts = facts.official
        if self.kinds and parts.kind not in self.kinds:
            return []
        numbers = {
            "number": (parts.number_line,), "title": (parts.title_line,), "recipient": (parts.recipient_line,),
            "body": parts.body_lines, "attachment-note": parts.note_lines, "date": (parts.date_line,),
            "copy-to": parts.copy_lines,
        }[self.part]
        return [(n, document.lines[n - 1]) for n in numbers if n]

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        lines = self.part_lines(document, facts)
        found = self.check_lines(document, facts, lines)
        for index, finding in enumerate(found, 1):
            if index >= self.report_from:
                yield finding
        if self.single_item_message and len(lines) == 1:
            yield from self._single_item(*lines[0])

    def _single_item(self, number: int, line: str) -> Iterator[Finding]:
        """附件：1．某某表 with one attachment: the number is for several (GB/T 9704 7.3.4)."""
        item = SINGLE_ITEM.match(line)
        if item:
            span = Span.on_line(number, item.start("number"), item.end("number"))
            yield Finding(span, {"match": item.group("number")}, self.single_item_message,
                          Fix((Edit(span, ""),)))


class AttachmentAgreementRule:
    OPTIONS = {"label_message": None, "unlisted_message": None, "title_message": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        for key, value in options.items():
            if not isinstance(value, str):
                raise OptionError(f"option '{key}' must be a message string")
        self.messages = options

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        parts = facts.official
        if not parts.appended:
            return
        items = parts.note_items(document.lines)
        for appended in parts.appended:
            label = document.lines[appended.label_line - 1].strip(BLANKS)
            values = {"label": label, "title": appended.title, "note": ""}
            if appended.number and not appended.number.isdigit():
                yield Finding(_line_span(document, appended.label_line), values, self.messages["label_message"])
                continue
            if not items:
                continue  # no note to agree with (missing note: another matter)
            key = appended.number if appended.number in items else ("" if len(items) == 1 else appended.number)
            if key not in items:
                yield Finding(_line_span(document, appended.label_line), values, self.messages["unlisted_message"])
                continue
            name = items[key][1]
            if appended.title_line and _normal(appended.title) != _normal(name):
                values["note"] = name
                yield Finding(_line_span(document, appended.title_line), values, self.messages["title_message"])


def _normal(text: str) -> str:
    return "".join(ch for ch in text if ch not in BLANKS + "。." + SEMICOLONS + COMMAS)


class TitleGenreRule:
    OPTIONS = {"missing_message": None, "different_message": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        for key, value in options.items():
            if not isinstance(value, str):
                raise OptionError(f"option '{key}' must be a message string")
        self.messages = options

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        parts = facts.official
        closing_line, closing_kind = parts.closing_kind
        if not parts.title_line or not closing_kind:
            return
        values = {"closing": closing_kind, "title_kind": parts.title_kind}
        if not parts.title_kind:
            yield Finding(_line_span(document, parts.title_line), values, self.messages["missing_message"])
        elif parts.title_kind != closing_kind and not _compatible(parts.title_kind, closing_kind):
            yield Finding(_line_span(document, closing_line), values, self.messages["different_message"])


def _compatible(title_kind: str, closing_kind: str) -> bool:
    """特此说明 closes many kinds; 函告/函复 close a 函."""
    return closing_kind == "说明" or (title_kind == "函" and closing_kind.startswith("函"))


__all__ = ["OfficialPartRule", "AttachmentAgreementRule", "TitleGenreRule"]
