"""Chinese word segmentation as jieba does it, paying only for what a document needs.

:func:`cut` is jieba's own dictionary-only segmentation (``Tokenizer.cut`` with
HMM=False, jieba 0.42.1: blocks of Han, letters and digits; in each, the
segmentation with the highest sum of log word frequencies; lone letters and
digits joined), asking its dictionary one fragment at a time, so no
dictionary has to be loaded whole:

- :func:`full_words` asks jieba's full dictionary through a sorted word file
  in the per-user cache, looked up by bisection (checker/word_index.py);
- enumerator candidates (一是…, 十二是…) are judged by the first word of the
  clause they open, decided on a small in-memory dictionary
  (checker/data/numeral_words.txt, a few hundred words taken from jieba's own
  by tools/build_numeral_dictionary.py), with the same result as the full one:

    the best segmentation has the highest sum of word scores. Unless a
    dictionary word crosses from the numerals into the 是 after them, every
    segmentation cuts right before that 是; the score of what follows is then
    the same for every choice of the first word and cancels out, so only the
    words made of numerals count — and the small dictionary has all of them,
    with their frequencies and the full dictionary's total. The words that do
    cross (一是一, 二是二) are in it too; when one of them is in the clause,
    the full dictionary decides.

jieba itself is never imported: tests/test_segment.py checks that these
decisions are jieba's, with its full dictionary, on every candidate of the
samples, the corpus, the test drafts and generated clauses.
"""

from __future__ import annotations

from functools import lru_cache
from math import log
from pathlib import Path
from typing import Callable, Iterator, Optional

from checker.parse.word_index import full_index, jieba_dictionary  # noqa: F401  (jieba_dictionary: for tools/)
from checker.settings.lazy_regex import lazy_regex

NUMERALS = "一二三四五六七八九十"
NUMERAL_DICTIONARY = Path(__file__).resolve().parent.parent / "data" / "numeral_words.txt"

# jieba 0.42.1's re_han_default, re_skip_default and re_eng
HAN_BLOCK = lazy_regex("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
SKIP = lazy_regex(r"(\r\n|\s)")
LETTER_OR_DIGIT = lazy_regex("[a-zA-Z0-9]")

Frequency = Callable[[str], Optional[int]]  # word → frequency, 0 for a prefix only, None for neither


def cut(text: str, frequency: Frequency, total: int) -> Iterator[str]:
    """jieba's ``cut(text, HMM=False)`` over the dictionary ``frequency`` answers for."""
    for block in HAN_BLOCK.split(text):
        if not block:
            continue
        if HAN_BLOCK.match(block):
            yield from _cut_block(block, frequency, total)
        else:
            for piece in SKIP.split(block):
                if SKIP.match(piece):
                    yield piece
                else:
                    yield from piece


def _cut_block(sentence: str, frequency: Frequency, total: int) -> Iterator[str]:
    """jieba's __cut_DAG_NO_HMM: get_DAG, calc, then the route with lone
    letters and digits joined."""
    length = len(sentence)
    known: dict[str, Optional[int]] = {}

    def ask(fragment: str) -> Optional[int]:
        if fragment not in known:
            known[fragment] = frequency(fragment)
        return known[fragment]

    dag = {}
    for start in range(length):
        ends = []
        end, fragment = start, sentence[start]
        while end < length and ask(fragment) is not None:
            if ask(fragment):
                ends.append(end)
            end += 1
            fragment = sentence[start:end + 1]
        dag[start] = ends or [start]
    log_total = log(total)
    route = {length: (0, 0)}
    for index in range(length - 1, -1, -1):
        route[index] = max((log(ask(sentence[index:end + 1]) or 1) - log_total + route[end + 1][0], end)
                           for end in dag[index])
    position, letters = 0, ""
    while position < length:
        after = route[position][1] + 1
        word = sentence[position:after]
        if len(word) == 1 and LETTER_OR_DIGIT.match(word):
            letters += word
        else:
            if letters:
                yield letters
                letters = ""
            yield word
        position = after
    if letters:
        yield letters


def full_words(text: str) -> list[str]:
    """Segment ``text`` as jieba does with its full dictionary (dictionary
    only, no HMM guessing)."""
    index = full_index()
    return list(cut(text, index.get, index.total))


@lru_cache(maxsize=1)
def _numeral_dictionary() -> tuple[dict[str, int], int]:
    """The small dictionary as jieba's prefix table, and the full one's total."""
    with open(NUMERAL_DICTIONARY, encoding="utf-8") as dictionary:
        total = int(dictionary.readline().split()[2])  # "# total N …": the full dictionary's
        table: dict[str, int] = {}
        for line in dictionary:
            word, frequency = line.split()[:2]
            table[word] = int(frequency)
            for end in range(1, len(word)):
                table.setdefault(word[:end], 0)
    return table, total


@lru_cache(maxsize=1)
def _crossing_words() -> tuple[str, ...]:
    """The small dictionary's words that run from numerals into 是 (一是一)."""
    return tuple(word for word, frequency in _numeral_dictionary()[0].items() if frequency and "是" in word)


def enumerator_first_word(clause: str) -> str:
    """The first word of ``clause`` — numerals, 是, then anything — as jieba
    segments it with its full dictionary (see the module's docstring)."""
    first = first_word_by_numerals(clause)
    return first if first is not None else next(iter(full_words(clause)), "")


def first_word_by_numerals(clause: str) -> Optional[str]:
    """The first word of ``clause`` from the small dictionary, or None where
    a word crosses from its numerals into what follows (一是一…) and only the
    full dictionary can tell."""
    numerals = len(clause) - len(clause.lstrip(NUMERALS))
    if numerals == 0 or any(clause.startswith(word, start) and start + len(word) > numerals
                            for start in range(numerals) for word in _crossing_words()):
        return None
    table, total = _numeral_dictionary()
    return next(cut(clause[:numerals], table.get, total), "")
