"""A Word document (.docx) -> SourceText: one line per paragraph, numbers rendered.

The body is read in document order with python-docx: each paragraph is one
line, a table's paragraphs come where the table stands (row by row, cell by
cell, each paragraph of a cell a line; nested tables likewise), and content
controls are looked through. Headers, footers, footnotes, comments and text
boxes are not part of the body and are not read. So ``line`` N of a
diagnostic is the N-th paragraph of the body, empty paragraphs included.

A paragraph's line is its text as the reader sees it: Word's automatic list
number (see :mod:`checker.read.word_numbering`) comes first, then the runs' text
(tracked insertions in, deletions out; a tab is a tab; a manual line break
within a paragraph joins the two halves).

A .doc (the old binary format), a password-protected document (an OLE
compound file holding an ``EncryptedPackage``), a truncated or corrupt
package is an :class:`~checker.read.reading.InputError` in one line, of kind
``old-format``, ``encrypted``, ``corrupt`` or ``too-large``.
"""

from __future__ import annotations

import io
from pathlib import PurePath
from typing import Iterator, Optional

from checker.model import SourceText
from .word_numbering import ListCounter, Numbering, child_val, w

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
OLD_WORD_SUFFIXES = (".doc", ".dot")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a zip bomb is refused, not unpacked

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# inside a paragraph: what is not its visible text
SKIPPED_IN_PARAGRAPH = {w("del"), w("moveFrom"), w("txbxContent"), w("pPr"), w("rPr"), w("instrText"),
                        w("delText"), w("footnoteReference"), w("endnoteReference"), MC_FALLBACK}
CHARACTERS = {w("tab"): "\t", w("ptab"): "\t", w("noBreakHyphen"): "-"}
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

    from .reading import InputError

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
        lines = list(document_lines(data))
    except InputError:
        raise
    except zipfile.BadZipFile as error:
        raise InputError(f"{path}: corrupt or truncated Word document ({error})", kind="corrupt") from None
    except Exception as error:  # python-docx, lxml and zipfile fail in many ways on a damaged package
        reason = " ".join(str(error).split()) or type(error).__name__
        raise InputError(f"{path}: corrupt Word document ({reason})", kind="corrupt") from None
    return SourceText(lines=tuple(lines), path=path, encoding="docx", word_document=True)


def document_lines(data: bytes) -> Iterator[str]:
    """Each body paragraph's rendered text, in document order."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE

    document = docx.Document(io.BytesIO(data))
    numbering = Numbering(_related_xml(document.part, RELATIONSHIP_TYPE.NUMBERING))
    styles = ParagraphStyles(_related_xml(document.part, RELATIONSHIP_TYPE.STYLES))
    counter = ListCounter(numbering)
    for paragraph in _body_paragraphs(document.element.body):
        label = ""
        list_position = styles.list_position(paragraph, numbering)
        if list_position is not None:
            label = counter.label(*list_position)
        yield label + paragraph_text(paragraph)


def _related_xml(part, relationship_type: str):
    try:
        return part.part_related_by(relationship_type).element
    except KeyError:
        return None


def _body_paragraphs(container) -> Iterator:
    for child in container:
        if child.tag == w("p"):
            yield child
        elif child.tag in BLOCK_CONTAINERS:
            yield from _body_paragraphs(child)


def paragraph_text(paragraph) -> str:
    """The visible text of a ``w:p``: runs, hyperlinks, fields' results,
    tracked insertions; not deletions, text boxes or field codes."""
    out: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in SKIPPED_IN_PARAGRAPH:
                continue
            if tag == w("t"):
                out.append(child.text or "")
            elif tag in CHARACTERS:
                out.append(CHARACTERS[tag])
            else:
                walk(child)

    walk(paragraph)
    return "".join(out).replace("\r", "").replace("\n", "")


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

