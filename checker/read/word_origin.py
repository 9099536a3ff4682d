"""Where each line of a Word document's text comes from: its paragraph and runs.

:mod:`checker.docx_reading` turns a .docx into lines (one per body paragraph,
in document order, tables cell by cell, the automatic list number rendered in
front). A finding points at a line and columns of that text; to put a comment
or a tracked change on the right words of the document, this module walks the
same paragraphs in the same order and records, for each line, the ``w:p``
element, the length of the rendered number in front, and the runs (``w:r``)
that hold each stretch of the paragraph's visible text.

An origin is *exact* when the text rebuilt from its runs, after the number,
is the line the reader gave; where the reader and this walk disagree (a
construct one of them reads differently) the origin says so, and a finding on
that line is anchored on its whole paragraph instead of its words.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Iterator, Optional, Sequence

from .docx_reading import (CHARACTERS, SKIPPED_IN_PARAGRAPH, ParagraphStyles, _body_paragraphs,
                           _related_xml)
from .word_numbering import ListCounter, Numbering, w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class RunText:
    """A run's share of its paragraph's visible text: ``[start, end)``."""

    run: object  # the w:r element
    start: int
    end: int


@dataclass
class LineOrigin:
    """The paragraph a line of the document's text comes from."""

    paragraph: object  # the w:p element
    prefix: int  # characters of the rendered list number before the paragraph's text
    text: str  # the paragraph's visible text (after the number)
    exact: bool  # the reader's line is prefix + text
    in_table: bool = False
    runs: list[RunText] = field(default_factory=list)


def line_origins(document, lines: Sequence[str]) -> list[LineOrigin]:
    """One origin per body paragraph of a python-docx ``document``, in the
    order of the reader's ``lines`` (origin i is line i + 1)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    numbering = Numbering(_related_xml(document.part, RELATIONSHIP_TYPE.NUMBERING))
    styles = ParagraphStyles(_related_xml(document.part, RELATIONSHIP_TYPE.STYLES))
    counter = ListCounter(numbering)
    origins = []
    for index, paragraph in enumerate(_body_paragraphs(document.element.body)):
        position = styles.list_position(paragraph, numbering)
        label = counter.label(*position) if position is not None else ""
        runs = run_texts(paragraph)
        text = "".join(piece for _, piece in _pieces(paragraph))
        line = lines[index] if index < len(lines) else None
        origins.append(LineOrigin(paragraph, len(label), text, exact=line == label + text,
                                  in_table=_in_table(paragraph), runs=runs))
    return origins


def _in_table(paragraph) -> bool:
    parent = paragraph.getparent()
    while parent is not None:
        if parent.tag == w("tc"):
            return True
        parent = parent.getparent()
    return False


def _pieces(paragraph) -> Iterator[tuple[object, str]]:
    """(w:r, text) for each stretch of visible text, as the reader sees it."""

    def walk(element, run) -> Iterator[tuple[object, str]]:
        for child in element:
            tag = child.tag
            if tag in SKIPPED_IN_PARAGRAPH:
                continue
            if tag == w("t"):
                text = (child.text or "").replace("\r", "").replace("\n", "")
                if text:
                    yield run, text
            elif tag in CHARACTERS:
                yield run, CHARACTERS[tag]
            else:
                yield from walk(child, child if tag == w("r") else run)

    yield from walk(paragraph, None)


def run_texts(paragraph) -> list[RunText]:
    """The runs of ``paragraph`` with the offsets of their text, in order."""
    out: list[RunText] = []
    offset = 0
    for run, text in _pieces(paragraph):
        if out and out[-1].run is run:
            out[-1].end += len(text)
        else:
            out.append(RunText(run, offset, offset + len(text)))
        offset += len(text)
    return out


def _length(child) -> int:
    if child.tag == w("t"):
        return len((child.text or "").replace("\r", "").replace("\n", ""))
    return 1 if child.tag in CHARACTERS else 0


def split_run(run, at: int):
    """Split ``run`` after ``at`` characters of its text into two runs with the
    same properties (``w:rPr``), the second placed right after the first;
    return the second."""
    second = copy.deepcopy(run)
    done = 0
    for mine, theirs in zip(list(run), list(second)):
        if mine.tag == w("rPr"):
            continue
        length = _length(mine)
        if done + length <= at and not (length == 0 and done == at):
            second.remove(theirs)  # wholly before the cut
        elif done >= at:
            run.remove(mine)  # wholly after the cut
        else:  # a w:t the cut goes through
            cut = at - done
            mine.text, theirs.text = mine.text[:cut], mine.text[cut:]
            for element in (mine, theirs):
                element.set(XML_SPACE, "preserve")
        done += length
    run.addnext(second)
    return second


def split_at(origin: LineOrigin, offsets: Sequence[int]) -> None:
    """Split the runs of ``origin``'s paragraph so that each offset (into its
    visible text) falls between two runs; refresh ``origin.runs``."""
    for offset in sorted(set(offsets), reverse=True):
        for piece in origin.runs:
            if piece.start < offset < piece.end:
                split_run(piece.run, offset - piece.start)
                break
    origin.runs = run_texts(origin.paragraph)


def runs_between(origin: LineOrigin, start: int, end: int) -> list:
    """The w:r elements whose text lies in ``[start, end)`` (after split_at)."""
    return [piece.run for piece in origin.runs if start <= piece.start and piece.end <= end and piece.end > piece.start]


def nearest_with_text(origins: Sequence[LineOrigin], index: int,
                      preferred: Sequence[int] = ()) -> Optional[int]:
    """The origin to anchor a finding on when line ``index`` has no text: the
    closest of ``preferred`` (headings, title) above it, else the closest
    line with text above, else below."""
    for candidate in sorted((i for i in preferred if i <= index), reverse=True):
        if 0 <= candidate < len(origins) and origins[candidate].runs:
            return candidate
    for candidate in list(range(index, -1, -1)) + list(range(index + 1, len(origins))):
        if 0 <= candidate < len(origins) and origins[candidate].runs:
            return candidate
    return None
