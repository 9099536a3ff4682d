"""Word documents built in the tests: python-docx for the package, and real
numbering definitions (w:abstractNum / w:num, as Word writes them) put into
its numbering part; an OLE compound file for the old binary .doc."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Optional, Sequence

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# the outline of a Chinese official report as Word's multilevel list defines it
OFFICIAL_LEVELS = (
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
    ("decimalEnclosedCircle", "%5"),
)


def level_xml(index: int, number_format: str, text: str, start: int = 1, restart: Optional[int] = None,
              style: Optional[str] = None, legal: bool = False) -> str:
    return (
        f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + (f'<w:pStyle w:val="{style}"/>' if style else "")
        + ('<w:isLgl/>' if legal else "")
        + f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


class WordDraft:
    """A .docx under construction: paragraphs, tables, lists, headers."""

    def __init__(self) -> None:
        self.document = docx.Document()
        self.numbering = self.document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING).element
        self._next_abstract = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in
                                       self.numbering.findall(qn("w:abstractNum"))), default=0)
        self._next_num = 1 + max((int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))),
                                 default=0)

    # -- numbering definitions -------------------------------------------------
    def add_list(self, levels: Sequence = OFFICIAL_LEVELS, starts: Sequence[int] = (), style_link: str = "",
                 num_style_link: str = "", **level_options) -> str:
        """A w:abstractNum with ``levels`` ((numFmt, lvlText) or (numFmt,
        lvlText, {options})); returns its id. ``style_link`` names the list
        style it defines; ``num_style_link`` makes it stand for the list that
        defines that style."""
        abstract_id = str(self._next_abstract)
        self._next_abstract += 1
        parts = []
        for index, level in enumerate(levels):
            number_format, text, *rest = level
            options = dict(level_options, **(rest[0] if rest else {}))
            if index < len(starts):
                options["start"] = starts[index]
            parts.append(level_xml(index, number_format, text, **options))
        element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                            f'<w:multiLevelType w:val="multilevel"/>'
                            + (f'<w:styleLink w:val="{style_link}"/>' if style_link else "")
                            + (f'<w:numStyleLink w:val="{num_style_link}"/>' if num_style_link else "")
                            + f'{"".join(parts)}</w:abstractNum>')
        # the schema puts every w:abstractNum before the first w:num
        first_num = self.numbering.find(qn("w:num"))
        if first_num is None:
            self.numbering.append(element)
        else:
            first_num.addprevious(element)
        return abstract_id

    def add_instance(self, abstract_id: str, start_overrides: Optional[dict[int, int]] = None,
                     level_overrides: Optional[dict[int, str]] = None) -> str:
        """A w:num using ``abstract_id``; ``start_overrides`` restarts levels
        (Word's "restart numbering"), ``level_overrides`` redefines them."""
        num_id = str(self._next_num)
        self._next_num += 1
        overrides = ""
        for level in sorted(set(start_overrides or {}) | set(level_overrides or {})):
            inner = ""
            if start_overrides and level in start_overrides:
                inner += f'<w:startOverride w:val="{start_overrides[level]}"/>'
            if level_overrides and level in level_overrides:
                inner += level_overrides[level]
            overrides += f'<w:lvlOverride w:ilvl="{level}">{inner}</w:lvlOverride>'
        self.numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                        f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))
        return num_id

    def new_list(self, levels: Sequence = OFFICIAL_LEVELS, **options) -> str:
        """A list definition and one instance of it; returns the numId."""
        return self.add_instance(self.add_list(levels, **options))

    def link_style(self, style_name: str, num_id: str, level: Optional[int] = None) -> None:
        """Number every paragraph of a paragraph style (as a heading style
        linked to a multilevel list is)."""
        style = self.document.styles[style_name]
        level_xml_part = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
        style.element.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}>{level_xml_part}<w:numId w:val="{num_id}"/></w:numPr>'))

    # -- content ---------------------------------------------------------------
    def paragraph(self, text: str = "", num: Optional[str] = None, level: int = 0,
                  style: Optional[str] = None):
        paragraph = self.document.add_paragraph(text, style=style)
        if num is not None:
            number(paragraph, num, level)
        return paragraph

    def table(self, rows: Sequence[Sequence[str]]):
        table = self.document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, texts in zip(table.rows, rows):
            for cell, text in zip(row.cells, texts):
                cell.text = text
        return table

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def number(paragraph, num: str, level: int = 0) -> None:
    """Put a paragraph in list ``num`` at ``level`` (w:numPr)."""
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))


def write_draft(path: Path, lines: Sequence[str], numbered: dict[int, tuple[str, int]] = None) -> Path:
    """A document with one paragraph per line; ``numbered`` maps a 0-based
    line index to (numId, level) for lines that carry an automatic number."""
    draft = WordDraft()
    for index, line in enumerate(lines):
        num, level = (numbered or {}).get(index, (None, 0))
        draft.paragraph(line, num, level)
    return draft.save(path)


# -- the old binary format ----------------------------------------------------
def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (version 3, 512-byte sectors) holding
    ``streams`` — the container of a .doc (a WordDocument stream) and of an
    encrypted .docx (EncryptionInfo, EncryptedPackage). Streams are padded to
    4096 bytes so that none lives in the mini stream."""
    sector = 512
    end_of_chain, fat_sector, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    names = list(streams)
    datas = [streams[n].ljust(4096, b"\0") for n in names]
    directory_sectors = (len(names) + 1 + 3) // 4
    data_sectors = sum(len(d) // sector for d in datas)
    fat = []
    # sector 0: the FAT itself; then the directory; then each stream's sectors
    fat.append(fat_sector)
    first_directory = len(fat)
    for i in range(directory_sectors):
        fat.append(len(fat) + 1 if i < directory_sectors - 1 else end_of_chain)
    starts = []
    for data in datas:
        starts.append(len(fat))
        count = len(data) // sector
        for i in range(count):
            fat.append(len(fat) + 1 if i < count - 1 else end_of_chain)
    assert len(fat) <= sector // 4, "one FAT sector is enough for these files"
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = free, right: int = free) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, end_of_chain, 0, child=1 if names else free)]
    for index, (name, data) in enumerate(zip(names, datas)):
        entries.append(entry(name, 2, starts[index], len(data), right=index + 2 if index + 1 < len(names) else free))
    directory = b"".join(entries).ljust(directory_sectors * sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, first_directory, 0, 4096, end_of_chain, 0,
                                        end_of_chain, 0))
    difat = struct.pack("<I", 0) + struct.pack("<I", free) * 108
    header = (header + difat).ljust(sector, b"\0")
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(datas)
    assert len(body) == (1 + directory_sectors + data_sectors) * sector
    return header + body
