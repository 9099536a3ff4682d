"""The analysis step: every structural fact the rules judge, computed once per
document.

The parser (checker/parse/outline.py) says what each line *is*; this step says what
the document *is*: its title block, its closing block (with an undated
signature), its genre (declared, else named by the title block, else by the
opening paragraph), its outline matched against the genre's parts, and the
residue spans (paywall markers, watermarks) other rules look through, and the
spans of each line that are not prose. ``analyse(document, settings)`` returns
them as a frozen :class:`Facts`, once per document; the engine hands the facts
to every rule beside the (frozen) document, and rule types judge these facts
and never detect them again.

A new fact: an extractor function ``(document, …) -> value`` in a module of
checker/analyse/ (its own, for a new topic), a field of :class:`Facts`, one
line in :func:`analyse`; rule types read it as ``facts.name`` in
``check(document, facts)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Protocol, Sequence

from checker.analyse.consistency import DraftFacts, draft_facts
from checker.settings.genres import GenrePack, OutlineMatch, builtin_genres, detect_genre, find_genre, match_outline
from checker.lexicon import INDENT_CHARS, PUNCTUATION
from checker.model import Document, Span
from .official import OfficialParts, official_parts
from checker.settings.wordlists import lexicon_regex, threshold
from checker.analyse import units
from checker.analyse.prose import NotProse, markdown_structure_lines, not_prose_spans
from checker.analyse.layout import body_indent, heading_indents, page_number_lines
from checker.analyse.headings import HeadingShape, heading_like_lines, heading_shapes, run_in_heading_lines
from checker.analyse.headings import subheading_lines

RESIDUE_LISTS = ("{lexicon:paywall-markers}", "{lexicon:watermarks}")
RESIDUE = "|".join(RESIDUE_LISTS)
# a line that is only a closing formula: 特此报告。 以上报告，请审议。 妥否，请批示。
CLOSING_FORMULA = r"^[ \t\u3000]*{lexicon:closing-formulas}[^。！]{0,20}[。！]?[ \t\u3000]*$"


@dataclass(frozen=True)
class ClosingBlock:
    """The end of the draft that is no body text."""

    # the lines the parser took as the closing block: signatures above the date,
    # the date, the 版记 (抄送：…) and notes after it, an attachment list after it
    lines: frozenset[int] = frozenset()
    # the last content line where it may be a signature without a date
    # (某某镇党委 set apart at the end), else 0
    undated_signature: int = 0
    # lines after the last body text that hold only a closing formula (特此报告。
    # 以上报告，请审议。): they end the body, they are not part of its last section
    formulas: frozenset[int] = frozenset()

    def __contains__(self, line: int) -> bool:
        return line in self.lines or (line == self.undated_signature and line > 0)


@dataclass(frozen=True)
class Facts:
    title_block: tuple[str, ...]  # the title, then the lines under it that may name the genre
    closing: ClosingBlock
    genre: GenrePack
    # how the genre was found: "declared", "title" (the title block names it), "opening"
    # (a draft without a title: its opening paragraph names it), or "fallback"
    genre_from: str
    outline: OutlineMatch  # the outline matched against the genre's parts
    # paywall markers and watermarks (rules/lexicon/residue.yaml): text that is not the
    # draft's, which ad-residue reports and other rules look through
    residue: tuple[Span, ...] = ()
    # the parts of an official document (发文字号, 主送机关, 附件说明, 成文日期, appended
    # attachments, 抄送; checker/official.py)
    official: OfficialParts = OfficialParts()
    # whom the draft speaks for (checker/analyse/units.py): the lines where it names
    # its own unit (title, bylines, closing block); whether they name one 镇/乡/街道;
    # whether the title names a genre that anonymises on purpose (通报, 典型案例)
    author_lines: frozenset[int] = frozenset()
    one_unit: bool = False
    anonymised: bool = False
    # lines that tell a case with 某某 standing for a name (units.case_lines), and lines
    # with an alternative whose first unit is of the author's kind (units.own_kind_lines)
    case_lines: frozenset[int] = frozenset()
    own_kind_lines: frozenset[int] = frozenset()
    # the facts of the whole draft its consistency is judged on: period, signature date,
    # author unit, dates, people, quantities and stated relations (checker/analyse/consistency.py)
    draft: DraftFacts = field(default_factory=DraftFacts)
    # line -> the 0-based (start, end) stretches of that line that are not prose (residue,
    # Markdown code spans, table separator rows): the text rules look through them
    not_prose: NotProse = field(default_factory=dict)
    # the indentation most body lines share ("" where they share none), and per heading
    # level the one most of its headings share (checker/analyse/layout.py)
    body_indent: str = ""
    heading_indents: Mapping[int, str] = field(default_factory=dict)
    # lines of body paragraphs that read as a heading the outline did not take
    # (一、2021年工作回顾), lines that read as an unnumbered subheading above a paragraph
    # (加强组织领导), and each heading's shape among its siblings (checker/analyse/headings.py)
    heading_like_lines: frozenset[int] = frozenset()
    subheading_lines: frozenset[int] = frozenset()
    # heading lines that go on with body text after the heading (（一）抓项目。全年推进…)
    run_in_heading_lines: frozenset[int] = frozenset()
    # lines that are a page number of a printed copy (－ 3 －; checker/analyse/layout.py), and
    # in Markdown the lines of its structure: # headings, table rows, fences… (prose.py)
    page_number_lines: frozenset[int] = frozenset()
    markdown_structure_lines: frozenset[int] = frozenset()
    heading_shapes: Mapping[int, HeadingShape] = field(default_factory=dict)
    # per line n, the last line of body text up to n (closing block, attachment list,
    # notes and closing formulas are not body text; 1 where there is none): where the
    # body of a section ending at n ends
    body_ends: tuple[int, ...] = ()

    def last_body_line(self, end: int) -> int:
        """The last line of body text at or above line ``end`` (1 where there is none)."""
        return self.body_ends[min(end, len(self.body_ends) - 1)] if self.body_ends else 1


class AnalysisSettings(Protocol):
    """What the analysis is told (a :class:`~checker.settings.config.Config` is one)."""

    genre: Optional[str]  # the declared genre (``--genre``: an id or a name), or None
    genres: Optional[Sequence[GenrePack]]  # the packs to choose from; None: the built-in ones


def analyse(document: Document, settings: Optional[AnalysisSettings] = None) -> Facts:
    """The facts of a parsed document; ``settings`` (a Config) declare the genre
    and the genre packs, None: detect it among the built-in ones."""
    declared = settings.genre if settings is not None else None
    genres = settings.genres if settings is not None else None
    genre, genre_from = choose_genre(document, genres, declared)
    residue = residue_spans(document)
    residue_patterns = tuple(map(lexicon_regex, RESIDUE_LISTS))
    residue_lines = frozenset(span.line for span in residue)  # where a residue pattern matches
    closing = closing_block(document)
    block = tuple(title_block(document))
    authors = units.author_lines(document, closing.lines | ({closing.undated_signature} - {0}))
    return Facts(
        title_block=block,
        closing=closing,
        genre=genre,
        genre_from=genre_from,
        outline=match_outline(document, genre),
        residue=residue,
        not_prose=not_prose_spans(document, residue),
        official=official_parts(document),
        author_lines=authors,
        one_unit=units.speaks_for_one_township(document, authors),
        anonymised=units.anonymises(document, block),
        case_lines=units.case_lines(document),
        own_kind_lines=units.own_kind_lines(document, authors),
        draft=draft_facts(document, closing.lines),
        body_indent=body_indent(document),
        heading_indents=heading_indents(document),
        heading_like_lines=heading_like_lines(document, residue_patterns, residue_lines),
        subheading_lines=subheading_lines(document, residue_patterns, residue_lines),
        run_in_heading_lines=run_in_heading_lines(document),
        page_number_lines=page_number_lines(document),
        markdown_structure_lines=markdown_structure_lines(document),
        heading_shapes=heading_shapes(document),
        body_ends=body_ends(document, closing.formulas),
    )


def residue_spans(document: Document) -> tuple[Span, ...]:
    regex = lexicon_regex(RESIDUE)
    return tuple(Span.on_line(number, *match.span())
                 for number, line in enumerate(document.lines, 1) for match in regex.finditer(line))


def title_block(document: Document) -> list[str]:
    """The title and the lines under it (bylines, subtitles, the second line of
    a title set on two lines: 某县市场监督管理局 / 关于…的自查报告); where the
    title is missing, what stood under it (——某某2024年度述职报告)."""
    bylines = [document.lines[n - 1].strip() for n, kind in sorted(document.line_kinds.items()) if kind == "byline"]
    # a line ending in a colon (县财政局：, 现将有关情况汇报如下：) addresses or leads in
    lines = [line for line in bylines if not line.endswith(("：", ":"))]
    return [document.title.text, *lines] if document.title is not None else lines


def choose_genre(document: Document, genres: Optional[Sequence[GenrePack]] = None,
                 declared: Optional[str] = None) -> tuple[GenrePack, str]:
    """The declared genre, else the one the title names,
    else the one a line of the title block names (a two-line title, a subtitle
    ——某某2024年度述职报告), else — for a draft without a title — the one its
    opening paragraph names, where exactly one genre's ``opening`` patterns
    match it, else the fallback; and how it was found. The packs are
    ``genres``, else the built-in ones."""
    genres = genres or builtin_genres()
    if declared:
        return find_genre(declared, genres), "declared"
    for text in title_block(document):
        pack = detect_genre(text, genres)
        if not pack.fallback:
            return pack, "title"
    if document.title is None:
        opening = next(document.paragraphs(), None)
        named = [pack for pack in genres if opening is not None and not pack.fallback and pack.opens(opening.text)]
        if len(named) == 1:
            return named[0], "opening"
    return detect_genre(None, genres), "fallback"


def closing_block(document: Document) -> ClosingBlock:
    lines = frozenset(n for n, kind in document.line_kinds.items() if kind == "closing")
    return ClosingBlock(lines, 0 if lines else undated_signature(document), closing_formulas(document))


def closing_formulas(document: Document) -> frozenset[int]:
    """The lines after the last body text that hold only a closing formula
    (rules/lexicon/structure.yaml, closing-formulas)."""
    formula = lexicon_regex(CLOSING_FORMULA)
    found = set()
    for number in sorted(document.line_kinds, reverse=True):
        kind = document.line_kinds[number]
        if kind in ("blank", "closing", "attachment", "notes"):
            continue
        if kind != "paragraph" or not formula.match(document.lines[number - 1]):
            break
        found.add(number)
    return frozenset(found)


def body_ends(document: Document, formulas: frozenset[int]) -> tuple[int, ...]:
    """Per line n (0 to the last), the last line of body text up to n, else 1:
    blank lines, the closing block, the attachment list, notes and the closing
    formulas (以上报告，请审议。) are not body text — a missing part goes before them."""
    ends = [1]
    last = 1
    for number in range(1, len(document.lines) + 1):
        kind = document.line_kinds.get(number, "blank")
        if kind not in ("blank", "closing", "attachment", "notes") and number not in formulas:
            last = number
        ends.append(last)
    return tuple(ends)


def undated_signature(document: Document) -> int:
    """The last content line when it may be an undated signature (某某镇党委):
    a paragraph line, short, unpunctuated, set apart by a blank line or
    indentation; else 0. How short: signature-max-chars (rules/lexicon/structure.yaml)."""
    max_chars = threshold("signature-max-chars")
    for number in sorted(document.line_kinds, reverse=True):
        kind = document.line_kinds[number]
        if kind == "blank":
            continue
        line = document.lines[number - 1]
        text = line.strip()
        set_apart = number == 1 or not document.lines[number - 2].strip() or line[:1] in INDENT_CHARS
        if kind == "paragraph" and set_apart and len(text) <= max_chars and not PUNCTUATION.search(text):
            return number
        return 0
    return 0
