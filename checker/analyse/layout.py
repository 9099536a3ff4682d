"""How the draft lays out its body: the indentation its body lines share, and
the one the headings of each level share.

A rule judging a heading's indentation (numbering-style) asks what the draft's
own layout is; that is a fact of the draft, worked out here once.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping

from checker.lexicon import INDENT_CHARS, MARKUP_AND_BLANKS
from checker.model import Document
from checker.settings.lazy_regex import lazy_regex
from checker.settings.wordlists import lexicon_regex, threshold

# How many body lines must share an indentation (body-indent-share), and how deep
# it may be: deeper sets a line right or centre (a signature, a date, a centred
# table caption), not a body paragraph (body-indent-max-chars): rules/lexicon/structure.yaml
TABLE_ROW = lazy_regex(r"\S[ \u3000]*\t")  # cells split by tabs
PAGE_NUMBER = "^{lexicon:page-numbers}$"


def body_indent(document: Document) -> str:
    """The indentation most body paragraphs share, else the one most lines of the
    body (paragraphs and headings) share, or "" where they share none. Paragraphs
    come first: a draft that sets its level-1 headings flush left and indents
    everything else still indents its body. Table rows pasted with tabs are not
    body text and do not count."""
    max_chars = threshold("body-indent-max-chars")
    indents: dict[str, list[str]] = {"paragraph": [], "heading": []}
    for line, kind in document.line_kinds.items():
        text = document.lines[line - 1]
        if kind in ("paragraph", "enumerated", "heading") and not TABLE_ROW.search(text):
            indent = text[: len(text) - len(text.lstrip(INDENT_CHARS))]
            if len(indent) <= max_chars:
                indents["heading" if kind == "heading" else "paragraph"].append(indent)
    share = threshold("body-indent-share")
    return _shared(indents["paragraph"], share) or _shared(indents["paragraph"] + indents["heading"], share)


def _shared(indents: list[str], share: float) -> str:
    if not indents:
        return ""
    indent, count = Counter(indents).most_common(1)[0]
    return indent if indent and count >= share * len(indents) else ""


def page_number_lines(document: Document) -> frozenset[int]:
    """The lines that are a page number of a printed copy (－ 3 －; the lexicon's
    page-numbers), emphasis and blanks around it left out: a page break of the
    copy, across which a sentence cut by it goes on."""
    page_number = lexicon_regex(PAGE_NUMBER)
    return frozenset(number for number, text in enumerate(document.lines, 1)
                     if text and page_number.match(text.strip(MARKUP_AND_BLANKS)))


def heading_indents(document: Document) -> Mapping[int, str]:
    """Per heading level, the indentation most of its headings share ("" on a tie)."""
    by_level: dict[int, Counter] = {}
    for heading in document.headings():
        by_level.setdefault(heading.level, Counter())[heading.indent] += 1
    return {level: max(counts, key=lambda indent: (counts[indent], indent == ""))
            for level, counts in by_level.items()}
