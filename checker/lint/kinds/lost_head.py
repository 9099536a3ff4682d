"""Rule type ``lost-head``: a body paragraph that lost its head — it begins
mid-word or mid-sentence, the beginning cut off in copying.

Two shapes, both judged only where they are unmistakable (precision first):

- the paragraph opens with a single character and a clause mark (年，我们坚持…;
  来，本人…; 剩；重大项目…): the tail of a word or phrase whose head is gone.
  Characters that do open a sentence so (``openers``: 是，对，但，…) are not reported;
- the paragraph opens with a single character and a word that needs the word
  before it whole (``bound``: 以来, 以后, 期间…): 职以来，本人… (任职以来), 汛以来，
  全县… (入汛以来); a character of ``openers`` (此以后) is not reported;
- the line before is body text — a paragraph, or a run-in heading whose line
  goes on with its text (**（一）…。** 全年…) — that ends without punctuation, and
  a word runs across the break (…部分行业产能过 / 剩；… reads 产能过剩) — and jieba,
  segmenting the paragraph's beginning alone, agrees that it starts with a
  fragment (one character that is not a word of its own there). Where no
  dictionary word runs across (获得 / 感和满意度: jieba has no 获得感) nothing is
  reported: a truncated line followed by a sentence that opens with a verb
  (…新兴产业 / 建强支部12个) looks the same.

jieba's full dictionary (segment.full_words) is asked only for the second shape,
where a body line ends without punctuation before another body line, so a clean
draft never loads it. Residue, Markdown code spans and table rows are looked
through (the paragraph kinds come from the parser). Message field ``{head}``:
the fragment the paragraph opens with.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.lexicon import INDENT_CHARS
from checker.analyse.analysis import Facts
from checker.model import Document, Span
from checker.parse import segment
from .base import Finding, OptionError, check_known, expect
from checker.settings.lazy_regex import lazy_regex

HAN = lazy_regex(r"[\u4e00-\u9fff]")
FRAGMENT_OPENING = lazy_regex(r"^([\u4e00-\u9fff])[，；,;]")  # not 注：, 附：, 一、二季度
MARKUP = "*_ " + INDENT_CHARS
SPAN = 4  # characters each side of the break that jieba reads


RUN_IN_HEADING = lazy_regex(r"[。；;！？]")  # a heading line that goes on with body text


class LostHeadRule:
    OPTIONS = {"openers": "", "bound": []}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.openers = set(expect(options["openers"], str, "openers", "a string of characters"))
        bound = expect(options["bound"], list, "bound", "a list of words")
        if not all(isinstance(word, str) and word for word in bound):
            raise OptionError("option 'bound': a list of words")
        self.bound = re.compile("^([\u4e00-\u9fff])(?:" + "|".join(map(re.escape, bound)) + ")") if bound else None

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        previous: Optional[tuple[int, str, str]] = None  # (line, kind, text) of the last non-blank line
        for number in range(1, len(document.lines) + 1):
            kind = document.line_kinds.get(number, "blank")
            if kind == "blank":
                continue
            line = document.lines[number - 1]
            text = line.lstrip(MARKUP)
            start = len(line) - len(text)
            if kind == "paragraph":
                head = self._head(text, previous)
                if head:
                    yield Finding(Span.on_line(number, start, start + len(head)), {"head": head})
            previous = (number, kind, line.rstrip(MARKUP))

    def _head(self, text: str, previous: Optional[tuple[int, str, str]]) -> str:
        opening = FRAGMENT_OPENING.match(text) or (self.bound.match(text) if self.bound else None)
        if opening and opening.group(1) not in self.openers:
            return opening.group(1)
        if previous is None or not previous[2] or not HAN.match(previous[2][-1]) or not HAN.match(text[:1]):
            return ""
        if previous[1] not in ("paragraph", "enumerated") and \
                not (previous[1] == "heading" and RUN_IN_HEADING.search(previous[2][:-1])):
            return ""
        before, after = previous[2][-SPAN:], text[:SPAN]
        alone = segment.full_words(text[: SPAN * 2])
        if not alone or len(alone[0]) != 1 or alone[0] != after[0]:
            return ""  # jieba reads a whole word at the paragraph's beginning
        offset = 0
        for word in segment.full_words(before + after):
            end = offset + len(word)
            if offset < len(before) < end:  # a word runs across the break
                return text[: end - len(before)]
            offset = end
        return ""
