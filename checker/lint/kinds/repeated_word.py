"""Rule type ``repeated-word``: a word written twice back to back by mistake
(地块地块, 的的, 进一步进一步).

Options:
  function_words: single characters that never double as a word of their own
                  (的, 了, 在 …): a doubled one is a candidate (的的; but
                  的的确确 is one word and stays quiet)
  max_length:     the longest word looked for doubled (default 4)
  allow:          regexes for words whose doubling is legitimate
                  reduplication (研究研究, 一步一步): a whole-word match is
                  never reported
  head_titles:    characters that make a unit's word its head's title (长:
                  大队 → 大队长): a unit followed by its head's title
                  (执法大队大队长) is not the unit written twice
  organ_endings:  characters an organ's name ends with (院, 局, 委…): where
                  the first copy is the end of a longer organ's name
                  (最高人民法院 + 人民法院案例库), the two are different names

A line is looked at only where a cheap pattern finds a candidate (two to
``max_length`` Chinese characters written twice, or a doubled function
word) that ``allow`` does not excuse, so a clean draft pays nothing; then jieba
with its full dictionary (segment.full_words) segments the clause around it,
and only two equal words side by side are reported — 常常, 扎扎实实 and
层层 are one word each, and 学习习近平, 施工工地 are two different words.
Where the second copy begins a longer word of the clause (认真认真落实 reads
认真 + 认真落实), the copies are segmented alone: a word of its own written
twice is reported however the words around it segment — unless that longer
word is the copy and one of ``head_titles`` (执法大队大队长 reads 大队 + 大队长,
the unit and its head's title), while 专业专业化 (专业 + 专业化) is reported; or
unless the first copy ends a longer word that is an organ's name (one of
``organ_endings`` last: 最高人民法院人民法院案例库 reads 最高人民法院 + 人民法院案例库,
a court and a database named after all courts), while 加强监管监管 is reported. The
finding is the second word, with a fix deleting it (unsafe: read the sentence).
Residue, Markdown code spans and table separator rows are looked through.
Message field ``{word}``.
"""

from __future__ import annotations

import re
from typing import Iterator

from checker.parse import segment
from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Span
from checker.analyse.prose import is_masked
from .base import Finding, OptionError, check_known, expect, regex_list
from checker.settings.lazy_regex import lazy_regex

HAN = "\u4e00-\u9fff"
CLAUSE_END = lazy_regex(r"[，。；：！？、,.;:!?（）()“”《》\s]")
WINDOW = 12  # characters of context on each side, within the clause


class RepeatedWordRule:
    OPTIONS = {"function_words": "", "max_length": 4, "allow": [], "head_titles": "", "organ_endings": ""}
    can_fix = needs_fix_declaration = True

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        function_words = expect(options["function_words"], str, "function_words", "a string of characters")
        if re.search(f"[^{HAN}]", function_words):
            raise OptionError("option 'function_words' must hold Chinese characters only")
        max_length = expect(options["max_length"], int, "max_length", "a whole number")
        if not 2 <= max_length <= 8:
            raise OptionError("option 'max_length' must be between 2 and 8")
        self.allow = regex_list(options["allow"], "allow")
        self.head_titles = expect(options["head_titles"], str, "head_titles", "a string of characters")
        self.organ_endings = expect(options["organ_endings"], str, "organ_endings", "a string of characters")
        if re.search(f"[^{HAN}]", self.head_titles):
            raise OptionError("option 'head_titles' must hold Chinese characters only")
        if re.search(f"[^{HAN}]", self.organ_endings):
            raise OptionError("option 'organ_endings' must hold Chinese characters only")
        doubled_function_word = f"|([{re.escape(function_words)}])\\2" if function_words else ""
        self.candidate = re.compile(f"([{HAN}]{{2,{max_length}}})\\1{doubled_function_word}")

    def _allowed(self, word: str) -> bool:
        return any(regex.fullmatch(word) for regex in self.allow)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        not_prose = facts.not_prose
        for number, line in enumerate(document.lines, 1):
            reported: set[int] = set()
            for candidate in self.candidate.finditer(line):
                unit = candidate.group(1) or candidate.group(2)
                if self._allowed(unit) or is_masked(not_prose.get(number), *candidate.span()):
                    continue
                words = list(_clause_words(line, candidate.start(), candidate.end()))  # segmented once
                found = list(self._doubled_words(words, candidate.start(), candidate.end())) or \
                    self._doubled_alone(words, unit, candidate.start(), self.head_titles, self.organ_endings)
                for start, word in found:
                    if start not in reported and not self._allowed(word):
                        reported.add(start)
                        span = Span.on_line(number, start, start + len(word))
                        yield Finding(span, {"word": word}, fix=Fix((Edit(span, ""),)))

    @staticmethod
    def _doubled_alone(words: list[tuple[int, str]], unit: str, start: int, head_titles: str,
                       organ_endings: str) -> list[tuple[int, str]]:
        """The second copy of ``unit`` where the clause's segmentation hides it
        (认真认真落实: 认真 + 认真落实): ``unit`` is a word of its own, the two
        copies alone segment as two equal words, the word the second copy
        begins (among the clause's ``words``) is not the unit's head's title
        (大队 + 大队长), and the first copy does not end a longer organ's name
        (最高人民法院 + 人民法院案例库)."""
        if len(unit) < 2 or segment.full_words(unit) != [unit] or segment.full_words(unit * 2) != [unit, unit]:
            return []
        second = start + len(unit)
        if any(offset == second and word[:-1] == unit and word[-1] in head_titles
               for offset, word in words):
            return []
        if unit[-1] in organ_endings and any(offset < start and offset + len(word) == second and word.endswith(unit)
                                             for offset, word in words):
            return []
        return [(second, unit)]

    @staticmethod
    def _doubled_words(words: list[tuple[int, str]], start: int, end: int) -> Iterator[tuple[int, str]]:
        """(offset, word) of each word that repeats the word before it among the
        clause's ``words`` (_clause_words around ``start:end``)."""
        previous = None
        for offset, word in words:
            if previous == word and start <= offset - len(word) and offset + len(word) <= end \
                    and re.fullmatch(f"[{HAN}]+", word):
                yield offset, word
            previous = word


def _clause_words(line: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, word) of the clause around ``start:end`` (up to ``WINDOW``
    characters each side), as jieba's full dictionary segments it."""
    left = start
    while left > 0 and start - left < WINDOW and not CLAUSE_END.match(line[left - 1]):
        left -= 1
    right = end
    while right < len(line) and right - end < WINDOW and not CLAUSE_END.match(line[right]):
        right += 1
    offset = left
    for word in segment.full_words(line[left:right]):
        yield offset, word
        offset += len(word)
