"""Rule type ``numbering-style``: outline markers written in the wrong form.

GB/T 9704-2012 and GB/T 15834-2011 B.3.3 fix the forms: 一、 （一） 1. （1）.
Off-style variants ((三), 1、, 1．, １., 一., 一，, （一）、) are reported with the
expected form, and so is whitespace (space, NBSP, full-width space) before a
heading marker — unless the document indents its body paragraphs the same way
and so do most headings of that level, in which case the heading follows the
document's own layout (one （二） indented among flush-left （一） and （三） is
still reported).

Options:
  expect: standard (default) — every off-standard marker is reported;
          majority — each level's most used form is the expected one, and only
          markers deviating from it are reported.
  indent: report whitespace before a heading marker (default true).
  indent_message: the message for that case ({indent} names the characters).

Message fields: {marker}, {expected}. Fixes replace the marker, or delete the
whitespace.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterator

from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Heading, Span
from checker.analyse.sequences import render_number
from checker.messages import finding_words
from .base import Finding, OptionError, check_known, expect

EXPECTATIONS = ("standard", "majority")
# each blank's name in a finding (checker/data/messages.json, finding.blank.*)
WHITESPACE_NAMES = {" ": "space", "\u00a0": "nbsp", "\u3000": "ideographic", "\t": "tab",
                    "\u2002": "en_space", "\u2003": "em_space", "\ufeff": "zero_width"}


def _blank_name(ch: str) -> str:
    return finding_words(f"finding.blank.{WHITESPACE_NAMES[ch]}") if ch in WHITESPACE_NAMES else repr(ch)


def _counts_by_level(headings: list[Heading], key: Callable[[Heading], str]) -> dict[int, Counter]:
    """Per level, how often each value of ``key`` (a form, an indentation) occurs."""
    by_level: dict[int, Counter] = {}
    for heading in headings:
        by_level.setdefault(heading.level, Counter())[key(heading)] += 1
    return by_level


CHINESE_NUMERALS = set("一二三四五六七八九十〇零")


def _numerals_of_another_level(heading: Heading) -> bool:
    """A marker whose form is right for its level but whose numerals are another
    level's: （3） counted among （二） and （四） (levels 2 and 4 share the
    brackets; 一、 and （一） count in Chinese numerals, 1. and （1） in Arabic)."""
    digits = any(ch.isdigit() for ch in heading.marker)
    chinese = any(ch in CHINESE_NUMERALS for ch in heading.marker)
    return (heading.level in (1, 2) and digits) or (heading.level in (3, 4) and chinese)


class NumberingStyleRule:
    OPTIONS = {"expect": "standard", "indent": True,
               "indent_message": finding_words("finding.indent_before_marker")}

    can_fix = True  # replace the marker, delete the whitespace

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        if options["expect"] not in EXPECTATIONS:
            raise OptionError(f"option 'expect' must be one of {', '.join(EXPECTATIONS)}")
        self.expect = options["expect"]
        self.indent = expect(options["indent"], bool, "indent", "true or false")
        self.indent_message = expect(options["indent_message"], str, "indent_message", "a string")

    def _expected_styles(self, headings: list[Heading]) -> dict[int, str]:
        if self.expect == "standard":
            return {h.level: h.standard_style for h in headings}
        by_level = _counts_by_level(headings, lambda heading: heading.style)
        expected = {}
        for heading in headings:
            counts = by_level[heading.level]
            top = max(counts.values())
            expected[heading.level] = heading.standard_style if counts[heading.standard_style] == top \
                else counts.most_common(1)[0][0]
        return expected

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        headings = document.headings()
        # a decimal heading (1.1, 2.2.1) is written in its own form; the others set the style of a level
        expected_styles = self._expected_styles([h for h in headings if not h.path])
        allowed_indent = facts.body_indent
        level_indents = facts.heading_indents
        for heading in headings:
            if self.indent and heading.indent and \
                    (heading.indent != allowed_indent or heading.indent != level_indents[heading.level]):
                start = heading.indent_column - 1
                span = Span.on_line(heading.line, start, start + len(heading.indent))
                names = "、".join(dict.fromkeys(_blank_name(ch) for ch in heading.indent))
                yield Finding(span, {"marker": heading.marker, "indent": names}, self.indent_message,
                              Fix((Edit(span, ""),)))
            expected_style = expected_styles.get(heading.level, heading.style)
            if (heading.style != expected_style or _numerals_of_another_level(heading)) and not heading.path:
                expected = render_number(heading.level, heading.number, expected_style)
                yield Finding(heading.marker_span, {"marker": heading.marker, "expected": expected},
                              fix=Fix((Edit(heading.marker_span, expected),)))
