"""A Word document (.docx) -> SourceText: one line per paragraph, numbers rendered.

The body is read in document order with python-docx: each paragraph is one
line (or several: a manual line break ends a line), a table's paragraphs come
where the table stands (row by row, cell by cell, each paragraph of a cell a
line; nested tables likewise), and content controls are looked through.
Headers, footers, footnotes, comments and text boxes are not part of the body
and are not read.

A paragraph's line is its text as the reader sees it: Word's automatic list
number (see :mod:`checker.read.word_numbering`) comes first, then the runs' text
(tracked insertions in, deletions out; hidden text — ``w:vanish`` — out; a tab
is a tab; a manual line break ``w:br``/``w:cr`` ends the line and the text
after it is the next line).

Each line carries a :class:`~checker.model.LineOrigin` (``SourceText.origins``):
the paragraph's index in :func:`body_paragraphs`, the offset of the line's first
character in the paragraph's visible text (the texts of :func:`paragraph_pieces`
joined), the length of the rendered number in front, and the table cell holding
it. That maps a diagnostic's line and column back to a ``w:t`` element and an
offset inside it exactly: ``origin.text_offset(column)``, then walk the pieces.

A .doc (the old binary format), a password-protected document (an OLE
compound file holding an ``EncryptedPackage``), a truncated or corrupt
package is an :class:`~checker.read.reading.InputError` in one line, of kind
``old-format``, ``encrypted``, ``corrupt`` or ``too-large``.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePath
from typing import Iterator, Optional

from checker.model import InputError, LineOrigin, SourceText
from .word_numbering import ListCounter, Numbering, child_val, w

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
OLD_WORD_SUFFIXES = (".doc", ".dot")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a zip bomb is refused, not unpacked
# what a Word body may hold (a 300-page report: ~5 MB of XML, ~8,000 paragraphs, ~60,000 runs)
MAX_BODY_XML_BYTES = 64 * 1024 * 1024
MAX_WORD_PARAGRAPHS = 200_000
MAX_WORD_RUNS = 2_000_000
MAX_WORD_CHARACTERS = 2_000_000  # about as many as a 5 MB text draft (reading.DEFAULT_MAX_FILE_SIZE) holds

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# inside a paragraph: what is not its visible text
SKIPPED_IN_PARAGRAPH = {w("del"), w("moveFrom"), w("txbxContent"), w("pPr"), w("rPr"), w("instrText"),
                        w("delText"), w("footnoteReference"), w("endnoteReference"), MC_FALLBACK}
CHARACTERS = {w("tab"): "\t", w("ptab"): "\t", w("noBreakHyphen"): "-"}
LINE_BREAKS = {w("br"), w("cr")}  # a manual line (or page, column) break ends a line
# block containers whose paragraphs belong to the body, in order
BLOCK_CONTAINERS = {w("tbl"), w("tr"), w("tc"), w("sdt"), w("sdtContent"), w("customXml"), w("ins")}


def is_word_input(path: Optional[str], data: bytes) -> bool:
    """True for a file to read as a Word document: a Word suffix, the
    signature of an OLE compound file (.doc, encrypted .docx) whatever its
    name, or a ZIP package on standard input."""
    suffix = PurePath(path or "").suffix.lower()
    return (suffix in WORD_SUFFIXES + OLD_WORD_SUFFIXES or data.startswith(OLE_MAGIC)
            or (path in (None, "-") and data.startswith(ZIP_MAGIC)))


def source_from_docx(data: bytes, path: str) -> SourceText:
    """Read a Word document's body; raises InputError naming what is wrong."""
    import zipfile  # here, not at the top: only Word input needs it


    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(f"{path}: password-protected Word document; remove the password "
                             f"(save it without encryption) to check it", kind="encrypted")
        raise InputError(f"{path}: an old binary Word document (.doc); save it as .docx to check it",
                         kind="old-format")
    if not data.startswith(ZIP_MAGIC):
        raise InputError(f"{path}: not a Word document (.docx is a ZIP package; this file is not one)",
                         kind="corrupt")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(member.file_size for member in package.infolist())
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError(f"{path}: Word document unpacks to {unpacked} bytes "
                                 f"(more than {MAX_UNPACKED_BYTES}); not read", kind="too-large")
            _bound_body(package, path)
        read = list(document_lines(data))
        characters = sum(len(text) for text, _ in read)
        if characters > MAX_WORD_CHARACTERS:
            raise InputError(f"{path}: Word document has {characters:,} characters of text (at most "
                             f"{MAX_WORD_CHARACTERS:,}); not checked", kind="too-large")
    except InputError:
        raise
    except zipfile.BadZipFile as error:
        raise InputError(f"{path}: corrupt or truncated Word document ({error})", kind="corrupt") from None
    except Exception as error:  # python-docx, lxml and zipfile fail in many ways on a damaged package
        reason = " ".join(str(error).split()) or type(error).__name__
        raise InputError(f"{path}: corrupt Word document ({reason})", kind="corrupt") from None
    return SourceText(lines=tuple(text for text, _ in read), path=path, encoding="docx",
                      origins=tuple(origin for _, origin in read))


def _bound_body(package, path: str) -> None:
    """Refuse, before python-docx parses it, a body too large to check in
    reasonable time and memory: its XML over MAX_BODY_XML_BYTES, or more than
    MAX_WORD_PARAGRAPHS paragraphs or MAX_WORD_RUNS runs (counted on the raw
    XML: millions of empty ``<w:p/>`` fit in a small package)."""
    try:
        member = package.getinfo("word/document.xml")
    except KeyError:
        return  # python-docx says what is missing
    if member.file_size > MAX_BODY_XML_BYTES:
        raise InputError(f"{path}: Word document body is {member.file_size:,} bytes of XML (at most "
                         f"{MAX_BODY_XML_BYTES:,}); not read", kind="too-large")
    with package.open(member) as stream:
        xml = stream.read(MAX_BODY_XML_BYTES + 1)
    for what, tag, limit in (("paragraphs", b"p", MAX_WORD_PARAGRAPHS), ("runs", b"r", MAX_WORD_RUNS)):
        # opening tags only (<w:p>, <w:p …>, <w:p/>; any prefix), not </w:p> nor <w:pPr>
        opening = re.compile(rb"<[A-Za-z_][\w.-]*:" + tag + rb"[\s/>]")
        count = sum(1 for _ in opening.finditer(xml))
        if count > limit:
            raise InputError(f"{path}: Word document has {count:,} {what} (at most {limit:,}); not read",
                             kind="too-large")


def document_lines(data: bytes) -> Iterator[tuple[str, LineOrigin]]:
    """Each line of the body as rendered, with its origin, in document order."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = docx.Document(io.BytesIO(data))
    numbering = Numbering(_related_xml(document.part, RELATIONSHIP_TYPE.NUMBERING))
    styles = ParagraphStyles(_related_xml(document.part, RELATIONSHIP_TYPE.STYLES))
    counter = ListCounter(numbering)
    for index, (paragraph, cell) in enumerate(body_paragraphs(document.element.body)):
        label = ""
        list_position = styles.list_position(paragraph, numbering)
        if list_position is not None:
            label = counter.label(*list_position)
        offset = 0
        for number, segment in enumerate(paragraph_text(paragraph).split("\n")):
            prefix = label if number == 0 else ""
            yield prefix + segment, LineOrigin(index, offset, len(prefix), *cell)
            offset += len(segment) + 1


def _related_xml(part, relationship_type: str):
    try:
        return part.part_related_by(relationship_type).element
    except KeyError:
        return None


def body_paragraphs(body) -> Iterator[tuple[object, tuple[int, int, int]]]:
    """Each ``w:p`` of the body in document order with its table cell
    ``(table, row, cell)``, 1-based (tables numbered in document order, nested
    ones too; the innermost holding the paragraph), or ``(0, 0, 0)``."""
    tables = [0]

    def walk(container, cell: tuple[int, int, int]) -> Iterator:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                yield child, cell
            elif tag == w("tbl"):
                tables[0] += 1
                table = tables[0]
                rows = [row for row in _blocks(child) if row.tag == w("tr")]
                for row_number, row in enumerate(rows, 1):
                    cells = [c for c in _blocks(row) if c.tag == w("tc")]
                    for cell_number, table_cell in enumerate(cells, 1):
                        yield from walk(table_cell, (table, row_number, cell_number))
            elif tag in BLOCK_CONTAINERS:
                yield from walk(child, cell)

    yield from walk(body, (0, 0, 0))


def _blocks(element) -> Iterator:
    """The children of a table or row, looking through content controls and
    custom XML around rows and cells."""
    for child in element:
        if child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            yield from _blocks(child)
        else:
            yield child


def _hidden(run) -> bool:
    """True for a run whose properties hide it (``w:vanish`` not switched off)."""
    properties = run.find(w("rPr"))
    vanish = properties.find(w("vanish")) if properties is not None else None
    return vanish is not None and vanish.get(w("val")) not in ("0", "false", "off")


def paragraph_pieces(paragraph) -> list[tuple[object, str]]:
    """The visible text of a ``w:p`` piece by piece, in order: ``(element,
    text)`` for each ``w:t`` (its text), tab, and manual line break (``"\\n"``).
    Runs, hyperlinks, fields' results and tracked insertions are read; deletions,
    hidden runs (``w:vanish``), text boxes and field codes are not."""
    out: list[tuple[object, str]] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED_IN_PARAGRAPH or (tag == w("r") and _hidden(child)):
                continue
            if tag == w("t"):
                out.append((child, (child.text or "").replace("\r", "").replace("\n", "")))
            elif tag in CHARACTERS:
                out.append((child, CHARACTERS[tag]))
            elif tag in LINE_BREAKS:
                out.append((child, "\n"))
            else:
                walk(child)

    walk(paragraph)
    return out


def paragraph_text(paragraph) -> str:
    """The visible text of a ``w:p`` (``paragraph_pieces`` joined): a manual
    line break is ``"\\n"``."""
    return "".join(text for _, text in paragraph_pieces(paragraph))


class ParagraphStyles:
    """The list a paragraph style puts its paragraphs in (a heading style
    linked to a numbering level), following ``w:basedOn``."""

    def __init__(self, styles_xml=None) -> None:
        self.styles: dict[str, object] = {}
        self.default: Optional[str] = None
        if styles_xml is None:
            return
        for style in styles_xml.findall(w("style")):
            if style.get(w("type")) != "paragraph":
                continue
            style_id = style.get(w("styleId"))
            self.styles[style_id] = style
            if style.get(w("default")) in ("1", "true", "on"):
                self.default = style_id

    def list_position(self, paragraph, numbering: Numbering) -> Optional[tuple[str, int]]:
        """(numId, level) of a numbered paragraph, else None."""
        properties = paragraph.find(w("pPr"))
        direct = properties.find(w("numPr")) if properties is not None else None
        num_id = child_val(direct, "numId")
        level = child_val(direct, "ilvl")
        style_id = child_val(properties, "pStyle") or self.default
        if num_id is None:
            num_id, style_level = self._style_list(style_id)
            level = level if level is not None else style_level
            if num_id is not None and level is None:
                level = str(numbering.level_of_style(num_id, style_id))
        if num_id is None or num_id == "0":
            return None
        return num_id, int(level) if level and level.isdigit() else 0

    def _style_list(self, style_id: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            properties = style.find(w("pPr"))
            numpr = properties.find(w("numPr")) if properties is not None else None
            num_id = child_val(numpr, "numId")
            if num_id is not None:
                return num_id, child_val(numpr, "ilvl")
            style_id = child_val(style, "basedOn")
        return None, None

