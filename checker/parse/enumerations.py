"""Enumerators inside paragraphs: 一是…二是…三是…, ①…②…, （1）…（2）… and
第一，…第二，….

（1） and 第一， count only where they open a clause (start of the text or right
after punctuation): 附表（1） and 排名全市第一，… are no items, nor is 第二、三季度.

A candidate 一是 must open a clause (start of the text or right after
punctuation, or right after a word announcing a list: 表现为一是…, 包括一是…), and jieba must see its numeral as a word of its own: that
keeps out 唯一是 / 统一是 / 之一是 / 其一是 (the numeral belongs to a longer
word) and the idiom 一是一、二是二 (segmented as one word 一是一). jieba is
asked only when the cheap pattern has found a candidate.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import segment
from checker.lexicon import COMMAS, ENUMERATION_COMMA, PUNCTUATION
from checker.model import Enumerator, Span
from checker.numerals import CIRCLED, parse_number
from checker.settings.wordlists import lazy_lexicon_regex
from checker.settings.lazy_regex import lazy_regex

# * : Markdown **一是**; # 】 ] : the end of a paywall marker or watermark (##paidend##二是…)
CLAUSE_OPENERS = "。；;：:！？!?，,、“‘\"（(　 \t\u00a0*#】]］"
# after a word announcing a list without a colon (rules/lexicon/structure.yaml, list-lead-ins):
# 主要表现为一是…；二是… (not 其中一是…: one of them is…); not “三是”: a quoted term
# (?=…) in the candidates: a position where no candidate starts fails at once, before the
# lookbehinds are tried (5-6× faster scans, the same matches)
SHI_CANDIDATE = lazy_lexicon_regex(
    r"(?=[一二三四五六七八九十]{1,3}是)(?:^|(?<=[" + re.escape(CLAUSE_OPENERS) + r"])|{lookbehind:list-lead-ins})([一二三四五六七八九十]{1,3})是(?![”’」』])"
)
# A straight quote " is typed both to open and to close (English input mode):
# after 是 it closes a quoted term only where one stands before the numeral too
# ("三是"); 一是"三会一课"制度… opens a quote.
STRAIGHT_QUOTES = "\"'"
OPENING_QUOTES = "“‘「『" + STRAIGHT_QUOTES
# jieba decides the first word of a clause from the characters near it; a
# window of this many characters keeps each candidate's cost constant, so a
# line with many candidates and no clause end (一是 一是 一是 …) stays linear.
SEGMENT_WINDOW = 24
# （1）…（2）… inside a paragraph (a line that opens with （1） is a heading)
PAREN_CANDIDATE = lazy_regex(r"(?=[（(])(?:^|(?<=[" + re.escape(CLAUSE_OPENERS) + r"]))[（(]([0-9０-９]{1,2})[）)](?![号#＃])")
# 第一，…第二，… (not 第一书记, 全市第一, 第二、三季度)
DI_CANDIDATE = lazy_regex(r"(?=第)(?:^|(?<=[" + re.escape(CLAUSE_OPENERS) + r"]))第([一二三四五六七八九十]{1,3})[，,、](?![一二三四五六七八九十])")
CIRCLED_CANDIDATE = lazy_regex("[" + CIRCLED + "](?![号#＃])")  # not ①号机组: a name


def clause_at(text: str, start: int) -> str:
    """The clause that the numeral+是 at ``start`` opens, at most
    SEGMENT_WINDOW characters of it."""
    clause_end = PUNCTUATION.search(text, start + 2, start + SEGMENT_WINDOW)
    return text[start: clause_end.start() if clause_end else start + SEGMENT_WINDOW]


def _quoted_term(text: str, match: re.Match) -> bool:
    """Whether the candidate is a term in straight quotes ("三是")."""
    return (match.end() < len(text) and text[match.end()] in STRAIGHT_QUOTES
            and match.start() > 0 and text[match.start() - 1] in OPENING_QUOTES)


def is_enumerator(text: str, start: int) -> bool:
    """Whether a numeral+是 at ``start`` is an enumerator: the candidate pattern
    matches there and jieba, on the clause it opens, ends a word after the
    numeral or after 是 — its first word is the numeral, a part of it (九|十二|是
    for 九十二是) or the numeral with 是; not 一是一 (一是一、二是二)."""
    match = SHI_CANDIDATE.match(text, start)
    if match is None or _quoted_term(text, match):
        return False
    numeral = match.group(1)
    first = segment.enumerator_first_word(clause_at(text, start))
    return bool(first) and (numeral.startswith(first) or first == numeral + "是")


def find_enumerators(text: str, line: int, column: int = 1, leading_allowed: bool = True) -> Iterator[Enumerator]:
    """Enumerators in ``text``, which starts at ``column`` of ``line``."""
    for match in SHI_CANDIDATE.finditer(text):  # each candidate costs O(SEGMENT_WINDOW)
        if not is_enumerator(text, match.start()):
            continue
        number = parse_number(match.group(1))
        if number is None or number == 0:
            continue
        yield Enumerator(
            kind="shi",
            number=number,
            marker=match.group(0),
            span=Span.on_line(line, column - 1 + match.start(), column - 1 + match.end()),
            leading=leading_allowed and match.start() == 0,
        )
    for kind, pattern in (("circled", CIRCLED_CANDIDATE), ("paren", PAREN_CANDIDATE), ("di", DI_CANDIDATE)):
        for match in pattern.finditer(text):
            number = CIRCLED.index(match.group(0)) + 1 if kind == "circled" else parse_number(match.group(1))
            if not number:
                continue
            marker = match.group(0).rstrip(COMMAS + ENUMERATION_COMMA)  # 第二， : the comma is no part of the marker
            yield Enumerator(
                kind=kind,
                number=number,
                marker=marker,
                span=Span.on_line(line, column - 1 + match.start(), column - 1 + match.start() + len(marker)),
                leading=leading_allowed and match.start() == 0,
            )
