"""Rule type ``lost-head``: a body paragraph that lost its head — it begins
mid-word or mid-sentence, the beginning cut off in copying.

Each shape is judged only where it is unmistakable (precision first):

- the paragraph opens with a single character and a clause mark (年，我们坚持…;
  来，本人…; 剩；重大项目…): the tail of a word or phrase whose head is gone.
  Characters that do open a sentence so (``openers``: 是，对，但，…) are not reported;
- the paragraph opens with a single character and a word that needs the word
  before it whole (``bound``: 以来, 以后, 期间…): 职以来，本人… (任职以来), 汛以来，
  全县… (入汛以来); a character of ``openers`` (此以后) is not reported;
- the paragraph opens with a word that needs a word before it and cannot open a
  sentence even whole (``bound_first``: 以来，全局… ← 今年以来);
- the paragraph opens with a function word that never opens a sentence as a word
  of its own (``particles``: 的, 了, 过, 和, 并, 等, 及…) or a measure word that
  needs a numeral or 各/每 before it (``classifiers``: 位委员… ← 各位委员), jieba
  reading it alone there:
  的工作机制…, 并已整改…; a word that begins with it (的确, 了解, 和谐, 并且, 等级,
  及时) is a legitimate opening;
- the paragraph's first few characters (``closer_reach``) hold a closing quote or
  bracket (``closers``: ” 》 ）…) with no opening mark before it: ”活动以来…,
  意见》精神…, 办）牵头… — the opening half was cut off; a list marker before it
  (1）, a）) is not;
- a number cut in two: the paragraph opens with a decimal point and digits
  (.8%…), or with digits where the body line before ends with a digit (…达到1 /
  26户); a year (2025年…) is not;
- the line before is body text — a paragraph, or a run-in heading whose line
  goes on with its text (**（一）…。** 全年…) — that ends without punctuation, and
  a word runs across the break (…部分行业产能过 / 剩；… reads 产能过剩) — and jieba,
  segmenting the paragraph's beginning alone, agrees that it starts with a
  fragment (one character that is not a word of its own there), or with a word
  that is exactly the tail of the word across the break (…系统性、整 / 体性、…:
  整体性; …食品生产 / — 5 — / 经营主体…: 生产经营). A page number of a
  printed copy between the two (－ 3 －, — 12 —: ``facts.page_number_lines``) is looked through.
  Where no dictionary word runs across (获得 / 感和满意度: jieba has no 获得感) nothing
  is reported: a truncated line followed by a sentence that opens with a verb
  (…新兴产业 / 建强支部12个) looks the same — except across a page number: a full
  body line (``PAGE_LINE`` characters or more) that ends in a word, then a page
  number, then a paragraph opening with a word (…监管食品生产 / — 5 — / 经营主体…)
  is one sentence the copy's page break cut;
- the paragraph opens with a character jieba reads alone, and the draft writes
  its first two characters elsewhere at least ``echoes`` times, each time after a
  character that makes one word with the first (新城街道… in the title and the
  signature / 城街道坚持…: 新城); where the draft writes them even once at the
  start of a sentence or without such a word, nothing is reported; nor where
  the first character is a unit's short name (``abbreviations``: 局党组… after
  县教育局党组, 镇党委… after 乡镇党委).

jieba's full dictionary (segment.full_words, a bisection over the word index) is
asked only on candidate lines. Residue, Markdown code spans and table rows are
looked through (the paragraph kinds come from the parser). Message field
``{head}``: the fragment the paragraph opens with.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.lexicon import MARKUP_AND_BLANKS
from checker.analyse.analysis import Facts
from checker.model import Document, Span
from checker.parse import segment
from .base import Finding, OptionError, check_known, expect
from checker.settings.lazy_regex import lazy_regex

HAN = lazy_regex(r"[\u4e00-\u9fff]")
FRAGMENT_OPENING = lazy_regex(r"^([\u4e00-\u9fff])[，；,;]")  # not 注：, 附：, 一、二季度
SPAN = 4  # characters each side of the break that jieba reads
PAGE_LINE = 16  # a line a page break cut is a full printed line: at least this many characters
OPENING_MARKS = "“‘《（「『【〈(["
LIST_MARKER = lazy_regex(r"[0-9０-９A-Za-z一二三四五六七八九十]{1,3}")  # 1）, a）, 十）
NUMBER_TAIL = lazy_regex(r"^[.．][0-9]+|^[0-9]+(?:[.．][0-9]+)?")
YEAR = lazy_regex(r"^[0-9]{4}年")


class LostHeadRule:
    OPTIONS = {"openers": "", "bound": [], "bound_first": [], "particles": "", "classifiers": "", "closers": "",
               "closer_reach": 8,
               "echoes": 0, "abbreviations": ""}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.openers = set(expect(options["openers"], str, "openers", "a string of characters"))
        bound = expect(options["bound"], list, "bound", "a list of words")
        if not all(isinstance(word, str) and word for word in bound):
            raise OptionError("option 'bound': a list of words")
        self.bound = re.compile("^([\u4e00-\u9fff])(?:" + "|".join(map(re.escape, bound)) + ")") if bound else None
        first = expect(options["bound_first"], list, "bound_first", "a list of words")
        if not all(isinstance(word, str) and word for word in first):
            raise OptionError("option 'bound_first': a list of words")
        self.bound_first = re.compile("^(?:" + "|".join(map(re.escape, first)) + ")") if first else None
        self.particles = set(expect(options["particles"], str, "particles", "a string of characters")) \
            | set(expect(options["classifiers"], str, "classifiers", "a string of characters"))
        self.closers = set(expect(options["closers"], str, "closers", "a string of characters"))
        self.closer_reach = expect(options["closer_reach"], int, "closer_reach", "a whole number")
        self.echoes = expect(options["echoes"], int, "echoes", "a whole number")
        self.abbreviations = set(expect(options["abbreviations"], str, "abbreviations", "a string of characters"))

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        previous: Optional[tuple[int, str, str]] = None  # (line, kind, text) of the last non-blank line
        paged = False  # a page number stands between ``previous`` and this line
        whole: list = []  # the draft as one text and its line starts, when the echo shape first needs them
        for number in range(1, len(document.lines) + 1):
            kind = document.line_kinds.get(number, "blank")
            if kind == "blank":
                continue
            line = document.lines[number - 1]
            text = line.lstrip(MARKUP_AND_BLANKS)
            if number in facts.page_number_lines:
                paged = True
                continue  # a page number of a printed copy: the line before goes on after it
            start = len(line) - len(text)
            if kind == "paragraph":
                head = self._head(text, previous, facts) or self._echo(text, number, document, whole) \
                    or (self._paged(text, previous, facts) if paged else "")
                if head:
                    yield Finding(Span.on_line(number, start, start + len(head)), {"head": head})
            previous = (number, kind, line.rstrip(MARKUP_AND_BLANKS))
            paged = False

    def _head(self, text: str, previous: Optional[tuple[int, str, str]], facts: Facts) -> str:
        opening = FRAGMENT_OPENING.match(text) or (self.bound.match(text) if self.bound else None)
        if opening and opening.group(1) not in self.openers:
            return opening.group(1)
        alone = self.bound_first.match(text) if self.bound_first else None
        if alone:
            return alone.group(0)
        if text[:1] in self.particles and segment.full_words(text[: SPAN * 2])[:1] == [text[0]]:
            return text[0]
        closer = self._closer(text)
        if closer:
            return closer
        body_before = previous is not None and bool(previous[2]) and (
            previous[1] in ("paragraph", "enumerated")
            or (previous[1] == "heading" and previous[0] in facts.run_in_heading_lines))
        number = NUMBER_TAIL.match(text)
        if number and (not text[0].isdigit() or (body_before and previous[2][-1].isdigit() and not YEAR.match(text))):
            return number.group(0)
        if not body_before or not HAN.match(previous[2][-1]) or not HAN.match(text[:1]):
            return ""
        before, after = previous[2][-SPAN:], text[:SPAN]
        alone = segment.full_words(text[: SPAN * 2])
        if not alone or not after.startswith(alone[0]):
            return ""
        head = self._across(before, text)
        if len(alone[0]) != 1 and head != alone[0]:
            return ""  # jieba reads a whole word at the paragraph's beginning that no word across the break holds
        return head

    @staticmethod
    def _across(before: str, text: str) -> str:
        """The paragraph's beginning up to the end of a word that runs into it from ``before``."""
        offset = 0
        for word in segment.full_words(before + text[:SPAN]):
            end = offset + len(word)
            if offset < len(before) < end:  # a word runs across the break
                return text[: end - len(before)]
            offset = end
        return ""

    @staticmethod
    def _paged(text: str, previous: Optional[tuple[int, str, str]], facts: Facts) -> str:
        """The first word of a paragraph that a page break cut off from its sentence: the
        body line before the page number (a paragraph, or a run-in heading's line) is a
        full line that ends in a word."""
        if previous is None or len(previous[2].strip()) < PAGE_LINE \
                or not (previous[1] == "paragraph" or previous[0] in facts.run_in_heading_lines) \
                or not HAN.match(previous[2][-1]) or not HAN.match(text[:1]):
            return ""
        return segment.full_words(text[:SPAN])[0]

    def _closer(self, text: str) -> str:
        for index, char in enumerate(text[: self.closer_reach]):
            if char in OPENING_MARKS:
                return ""
            if char in self.closers:
                return "" if LIST_MARKER.fullmatch(text[:index]) else text[: index + 1]
        return ""

    def _echo(self, text: str, number: int, document: Document, whole: list) -> str:
        """The first character of a paragraph that the draft elsewhere always writes
        as the end of a word with the character before it."""
        pair = text[:2]
        if self.echoes <= 0 or len(pair) < 2 or not HAN.fullmatch(pair[0]) or not HAN.fullmatch(pair[1]) \
                or pair[0] in self.openers or pair[0] in self.particles or pair[0] in self.abbreviations:
            return ""
        if not whole:  # the draft as one text and where each line starts in it
            whole.extend(("\n".join(document.lines), [0]))
            for line in document.lines:
                whole[1].append(whole[1][-1] + len(line) + 1)
        draft, starts = whole
        if draft.count(pair) <= self.echoes:  # this paragraph's own opening is one of them
            return ""
        own = starts[number - 1] + len(document.lines[number - 1]) - len(text)
        others = []
        for position in _occurrences(draft, pair):
            if position != own:
                if not position or not HAN.match(draft[position - 1]):
                    return ""  # written elsewhere at a line start or after a mark (cheap, first)
                others.append(position)
        if segment.full_words(text[: SPAN * 2])[:1] != [pair[0]]:
            return ""  # jieba reads a whole word at the paragraph's beginning
        for position in others:
            if not self._across(draft[max(0, position - SPAN): position], draft[position:]):
                return ""  # written elsewhere without a word running into it
        return pair[0]


def _occurrences(text: str, part: str) -> Iterator[int]:
    position = text.find(part)
    while position != -1:
        yield position
        position = text.find(part, position + 1)
