"""Where each line of a Word document's text sits: its paragraph's runs.

:mod:`checker.read.docx_reading` gives each line of a .docx a
:class:`~checker.model.LineOrigin`: the index of its ``w:p`` among the body
paragraphs, where the line starts in the paragraph's visible text, and the
length of the rendered list number in front. To put a comment or a tracked
change on the right words, this module turns those into elements: for each
line its ``w:p``, and for the paragraph the runs (``w:r``) that hold each
stretch of its visible text (lines of one paragraph share that list, so a
split made for one line is seen by the others). Offsets given to
:func:`split_at` and :func:`runs_between` count from the start of the line's
text (after the number).

An origin is *exact* when the paragraph's text at that place is the line the
reader gave (always, unless the reader and this module disagree); a finding on
an inexact line is anchored on its whole paragraph instead of its words.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .docx_reading import CHARACTERS, LINE_BREAKS, body_paragraphs, paragraph_pieces
from .word_numbering import w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class RunText:
    """A run's share of its paragraph's visible text: ``[start, end)``."""

    run: object  # the w:r element
    start: int
    end: int


@dataclass
class ParagraphRuns:
    """A ``w:p`` and its runs with their offsets (refreshed after a split)."""

    paragraph: object
    runs: list[RunText] = field(default_factory=list)

    def refresh(self) -> None:
        self.runs = run_texts(self.paragraph)


@dataclass
class ParagraphLine:
    """The paragraph a line of the document's text comes from."""

    shared: ParagraphRuns
    base: int  # where the line's text starts in the paragraph's visible text
    prefix: int  # characters of the rendered list number before the line's text
    text: str  # the line's text (after the number)
    exact: bool
    in_table: bool = False

    @property
    def paragraph(self):
        return self.shared.paragraph

    @property
    def runs(self) -> list[RunText]:
        """The runs holding this line's text, offsets relative to the line."""
        end = self.base + len(self.text)
        return [RunText(p.run, p.start - self.base, p.end - self.base) for p in self.shared.runs
                if p.start >= self.base and p.end <= end and p.end > p.start]


def line_origins(document, source) -> list[ParagraphLine]:
    """One origin per line of ``source`` (the reader's SourceText of the python-docx
    ``document``): origin i is line i + 1."""
    paragraphs = [ParagraphRuns(p) for p, _ in body_paragraphs(document.element.body)]
    texts: dict[int, str] = {}
    origins = []
    for line, where in zip(source.lines, source.origins):
        shared = paragraphs[where.paragraph]
        if where.paragraph not in texts:
            shared.refresh()
            texts[where.paragraph] = "".join(text for _, text in paragraph_pieces(shared.paragraph))
        text = line[where.label:]
        exact = texts[where.paragraph][where.offset:where.offset + len(text)] == text
        origins.append(ParagraphLine(shared, where.offset, where.label, text, exact, in_table=where.table > 0))
    return origins


def run_texts(paragraph) -> list[RunText]:
    """The runs of ``paragraph`` with the offsets of their visible text, in order."""
    out: list[RunText] = []
    offset = 0
    for element, text in paragraph_pieces(paragraph):
        run = element.getparent()
        if out and out[-1].run is run:
            out[-1].end += len(text)
        else:
            out.append(RunText(run, offset, offset + len(text)))
        offset += len(text)
    return out


def _length(child) -> int:
    if child.tag == w("t"):
        return len((child.text or "").replace("\r", "").replace("\n", ""))
    return 1 if child.tag in CHARACTERS or child.tag in LINE_BREAKS else 0


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


def split_at(origin: ParagraphLine, offsets: Sequence[int]) -> None:
    """Split the runs of ``origin``'s paragraph so that each offset (into the
    line's text) falls between two runs."""
    for offset in sorted({origin.base + o for o in offsets}, reverse=True):
        for piece in origin.shared.runs:
            if piece.start < offset < piece.end:
                split_run(piece.run, offset - piece.start)
                break
    origin.shared.refresh()


def runs_between(origin: ParagraphLine, start: int, end: int) -> list:
    """The w:r elements whose text lies in ``[start, end)`` of the line (after split_at)."""
    return [piece.run for piece in origin.runs if start <= piece.start and piece.end <= end]


def nearest_with_text(origins: Sequence[ParagraphLine], index: int,
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
