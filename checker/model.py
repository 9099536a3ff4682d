"""The ground types every layer shares: spans, the parsed document, diagnostics.

Positions are 1-based. Lines count every physical line of the original file;
columns count code points. ``end_column`` is exclusive (the column just past the
last character), so a two-character match at column 5 ends at column 7.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Optional
from checker.settings.lazy_regex import lazy_regex



SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, order=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def on_line(cls, line: int, start: int, end: int) -> "Span":
        """A span on one line from 0-based string offsets ``start:end``."""
        return cls(line, start + 1, line, end + 1)


LINE_BREAK = lazy_regex(r"\r\n|\r|\n")


def split_lines(text: str) -> tuple[list[str], str]:
    """Split on every physical line end (CRLF, CR, LF); return lines and the
    dominant line end. A final line end does not open an extra line."""
    parts = LINE_BREAK.split(text)
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    ends = LINE_BREAK.findall(text)
    newline = max(set(ends), key=ends.count) if ends else "\n"
    return parts, newline


@dataclass(frozen=True)
class LineOrigin:
    """Where one line of a Word document's ``SourceText`` comes from, exactly.

    - ``paragraph``: the 0-based index of its ``w:p`` among the body paragraphs in
      document order, table cells included (``docx_reading.body_paragraphs``);
    - ``offset``: where the line's text starts in that paragraph's visible text
      (``docx_reading.paragraph_pieces``: the pieces' texts joined; a manual line
      break is a ``"\\n"`` piece there and ends a line);
    - ``label``: how many characters of the line are Word's automatic list number
      rendered in front (first line of a numbered paragraph only, else 0);
    - ``table``/``row``/``cell``: 1-based table number (every ``w:tbl`` of the body in
      document order, nested ones too), row and cell of the innermost table
      holding the paragraph; 0 outside tables.

    A 1-based ``column`` of the line is character ``offset + column - 1 - label`` of
    the paragraph's visible text (``text_offset``), or inside the number when
    ``column <= label``."""

    paragraph: int
    offset: int = 0
    label: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0

    def text_offset(self, column: int) -> Optional[int]:
        """0-based offset in the paragraph's visible text of the line's 1-based
        ``column``; None for a column inside the rendered list number."""
        if column <= self.label:
            return None
        return self.offset + column - 1 - self.label

    @property
    def place(self) -> Optional[str]:
        """表2 第3行第2列 for a table cell, else None."""
        if not self.table:
            return None
        return f"表{self.table} 第{self.row}行第{self.cell}列"


@dataclass(frozen=True)
class SourceText:
    """Decoded text plus what is needed to write it back unchanged."""

    lines: tuple[str, ...]
    path: Optional[str] = None
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    # For a Word document, one LineOrigin per line (see LineOrigin); else None.
    origins: Optional[tuple[LineOrigin, ...]] = None

    def origin(self, line: int) -> Optional[LineOrigin]:
        """The origin of 1-based ``line`` in a Word document, else None."""
        if self.origins is None or not 1 <= line <= len(self.origins):
            return None
        return self.origins[line - 1]

    def place(self, line: int) -> Optional[str]:
        """表2 第3行第2列 where ``line`` is a table cell of a Word document."""
        origin = self.origin(line)
        return origin.place if origin is not None else None

    def table_lines(self) -> frozenset:
        """The 1-based lines that stand in a table cell."""
        if self.origins is None:
            return frozenset()
        return frozenset(n for n, origin in enumerate(self.origins, 1) if origin.table)

    @classmethod
    def from_string(cls, text: str, path: Optional[str] = None) -> "SourceText":
        lines, newline = split_lines(text)
        return cls(lines=tuple(lines), path=path, newline=newline)

    @property
    def is_markdown(self) -> bool:
        return bool(self.path) and self.path.lower().endswith((".md", ".markdown"))


@dataclass(frozen=True)
class Heading:
    """An outline marker at the start of a line (一、 （一） 1. （1） ①)."""

    line: int
    level: int  # 1..4 per GB/T 9704; 5 for circled numbers
    number: int
    marker: str  # the marker as written, e.g. "1、" or "(三)"
    style: str  # the marker's form with the number abstracted, e.g. "N、"
    standard_style: str  # the form GB/T 9704 / 15834 expect at this level
    indent: str  # whitespace before the marker, as written
    marker_span: Span
    title: str  # the heading sentence (up to the first full stop)
    body: str  # what follows the heading sentence on the same line
    body_column: int  # 1-based column where ``body`` starts
    indent_column: int = 1  # 1-based column where ``indent`` starts (before a Markdown '#' or '**')
    path: tuple[int, ...] = ()  # a decimal heading's numbers (2.2.1 -> (2, 2, 1)); () for the others

    @property
    def span(self) -> Span:
        """The heading as written: its marker through its heading sentence."""
        end = self.body_column - (len(self.title) - len(self.title.rstrip()))
        return Span(self.line, self.marker_span.column, self.line, max(end, self.marker_span.end_column))


@dataclass(frozen=True)
class Paragraph:
    line: int
    text: str
    column: int = 1  # where ``text`` starts on its line (after a heading title)

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + len(self.text))


@dataclass(frozen=True)
class Enumerator:
    """One item marker of an enumeration inside a paragraph."""

    kind: str  # "shi" (一是), "circled" (①), "paren" (（1）) or "di" (第一，)
    number: int
    marker: str
    span: Span
    leading: bool  # True where the marker opens its line


@dataclass
class Section:
    heading: Optional[Heading]  # None for the document root
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    enumerators: list[Enumerator] = field(default_factory=list)  # 一是… and ①… in its own text
    parent: Optional["Section"] = field(default=None, repr=False)
    end_line: int = 0  # last line that belongs to the section (children included)
    table_lines: list[int] = field(default_factory=list)  # its lines in a Word table (content, not paragraphs)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    def walk(self) -> Iterator["Section"]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()



@dataclass(frozen=True)
class Document:
    """A parsed draft. The parser (checker/parse/outline.py) builds it whole and
    nothing changes it afterwards; what a run is told (the declared genre, the
    genre packs) goes to the analysis step (checker/analyse/analysis.py), whose
    ``Facts`` the rules receive beside the document."""

    source: SourceText
    root: Section
    title: Optional[Paragraph] = None
    salutation: Optional[Paragraph] = None
    # line -> blank, title, byline, salutation, heading, enumerated, paragraph, attachment,
    # closing, table or appendix
    line_kinds: dict[int, str] = field(default_factory=dict)
    # lines that open a part of the document (第一部分　…, 第二章 …), above its headings
    part_lines: list[int] = field(default_factory=list)
    # Lines that are not draft text (reportlint comments, checker/parse/directives.py):
    # ``lines`` shows them blank, so neither the parser nor a rule reads them.
    hidden_lines: frozenset = frozenset()
    # The text lines, hidden lines blank (``source.lines`` as written).
    lines: tuple[str, ...] = ()

    @property
    def path(self) -> Optional[str]:
        return self.source.path

    def sections(self) -> Iterator[Section]:
        """Every section with a heading, in document order."""
        for section in self.root.walk():
            if section.heading is not None:
                yield section

    def headings(self) -> list[Heading]:
        return [s.heading for s in self.sections()]

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every body paragraph (heading bodies included), in document order."""
        for section in self.root.walk():
            yield from section.paragraphs


@dataclass(frozen=True)
class OutlineEntry:
    """A heading as an outline shows it: its line, its marker and title, the
    last line of its section, and the headings under it."""

    line: int
    label: str
    end_line: int
    children: tuple["OutlineEntry", ...] = ()


@dataclass(frozen=True)
class Outline:
    """What a report shows of a parsed draft (the HTML page's outline and line
    kinds), small enough to travel with a result from a worker process."""

    title: Optional[Paragraph]
    headings: tuple[OutlineEntry, ...]
    line_kinds: dict[int, str]
    hidden_lines: frozenset

    @classmethod
    def of(cls, document: Document) -> "Outline":
        def entry(section: Section) -> OutlineEntry:
            heading = section.heading
            return OutlineEntry(heading.line, f"{heading.marker}{heading.title}".strip(), section.end_line,
                                tuple(entry(child) for child in section.children))

        return cls(document.title, tuple(entry(child) for child in document.root.children), document.line_kinds,
                   document.hidden_lines)


@dataclass(frozen=True)
class Edit:
    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: str = "safe"  # "safe" or "unsafe"


@dataclass(frozen=True)
class Diagnostic:
    rule: str
    code: str
    severity: str
    message: str
    span: Span
    fix: Optional[Fix] = None
    path: Optional[str] = None
    # a stable key for this finding across edits (rule + the text around it +
    # occurrence), stamped by the engine: checker/settings/fingerprint.py
    fingerprint: Optional[str] = None
    # the table cell of a Word document the line stands in (LineOrigin with
    # table, row, cell), stamped by the engine; else None
    cell: Optional[LineOrigin] = None

    @property
    def place(self) -> Optional[str]:
        """表2 第3行第2列 for a finding in a Word table's cell, else None."""
        return self.cell.place if self.cell is not None else None

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self):
        return (self.span, self.rule)


class InputError(Exception):
    """A file that cannot be read as a text draft; the message is one line.

    ``kind`` names the failure for the JSON error entries: ``missing``,
    ``directory``, ``permission``, ``special`` (pipe, device, socket),
    ``too-large``, ``binary``, ``undecodable``, ``usage`` (a size limit that is
    no size), ``unreadable`` (anything else: another OS error, a Word document
    that cannot be read)."""

    def __init__(self, message: str, kind: str = "unreadable"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class FileError:
    """Why a file could not be checked at all (it has no diagnostics then).
    ``kind`` is one word (missing, directory, special, permission, too-large,
    binary, undecodable, unreadable, encrypted, old-format, corrupt; README "JSON
    输出"); ``message`` one line naming the file."""

    kind: str
    message: str


@dataclass
class FileResult:
    """What linting one file gave: its diagnostics (sorted by position), or the
    ``error`` that kept it from being checked. ``lines`` are its text lines, for
    the excerpts of the text output; ``document`` the parsed draft, where kept
    (not across processes); ``outline`` what the reports show of it."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Optional[Document] = None
    error: Optional[FileError] = None
    lines: tuple[str, ...] = ()
    # the baseline keys (rule + matched text) of the findings it accepted (not in ``diagnostics``)
    baselined: tuple[str, ...] = ()
    # the analysis step's facts on ``document`` (checker/analyse/analysis.py), where kept
    facts: Any = None
    # the draft's outline for the reports; kept across processes, unlike ``document``
    outline: Optional[Outline] = None
