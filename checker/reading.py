"""bytes -> SourceText: encoding detection, BOM, line ends.

UTF-8 (with or without BOM) first; UTF-16 where a BOM says so; otherwise
GB18030 (a superset of GBK and GB2312) when the bytes decode cleanly as it and
read as text. Anything else is an :class:`InputError` naming the byte offset.
"""

from __future__ import annotations

import codecs
import sys
import unicodedata
from pathlib import Path
from typing import Optional

from .docx_reading import is_word_input, source_from_docx
from .model import SourceText, split_lines

TEXT_SUFFIXES = (".txt", ".md")
FOLDER_SUFFIXES = TEXT_SUFFIXES + (".docx",)  # what a folder given as input contributes


class InputError(Exception):
    """A file that cannot be read as a text draft; the message is one line.
    ``kind`` classifies the failure for machine output (JSON ``error.kind``):
    missing, directory, permission, binary, undecodable, unreadable."""

    def __init__(self, message: str, kind: str = "unreadable"):
        super().__init__(message)
        self.kind = kind



def _looks_like_text(text: str) -> bool:
    """True where a GB18030 decoding reads as a document, not as noise."""
    if not text:
        return True
    odd = 0
    for ch in text:
        if ch in "\t\r\n\f":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cn", "Cs") or "\U00020000" <= ch:
            odd += 1
    return odd <= len(text) // 200


def decode(data: bytes, where: str) -> tuple[str, str, bool]:
    """Decode file bytes; return (text, encoding, had_bom)."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        offset = data.index(b"\x00")
        raise InputError(f"{where}: binary file (NUL byte at offset {offset}), not a text draft", "binary")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as error:
            raise InputError(
                f"{where}: invalid UTF-8 byte 0x{data[3 + error.start]:02x} at offset {3 + error.start}",
                "undecodable") from None
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(encoding), encoding, True
            except UnicodeDecodeError as error:
                raise InputError(f"{where}: invalid UTF-16 data at offset {2 + error.start}",
                                 "undecodable") from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            text = None
            if gb_error.start > utf8_error.start:
                # It reads further as GB18030 (a GBK file with a damaged byte):
                # name that byte, not the first Chinese character.
                raise InputError(
                    f"{where}: cannot decode: invalid GB18030 byte 0x{data[gb_error.start]:02x} "
                    f"at offset {gb_error.start} (not UTF-8 either)", "undecodable"
                ) from None
        if text is not None and _looks_like_text(text):
            return text, "gb18030", False
        raise InputError(
            f"{where}: cannot decode: invalid UTF-8 byte 0x{data[utf8_error.start]:02x} "
            f"at offset {utf8_error.start} (not GB18030 text either)", "undecodable"
        ) from None


def source_from_bytes(data: bytes, path: Optional[str]) -> SourceText:
    if is_word_input(path, data):
        return source_from_docx(data, path or "<stdin>")
    text, encoding, bom = decode(data, path or "<stdin>")
    lines, newline = split_lines(text)
    return SourceText(lines=tuple(lines), path=path, encoding=encoding, bom=bom, newline=newline)


def read_source(path: str) -> SourceText:
    """Read one file, or standard input for ``-``."""
    return source_from_bytes(read_bytes(path), path)


def read_bytes(path: str) -> bytes:
    """The bytes of one file, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "missing") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory", "directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied", "permission") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories become the *.txt, *.md and *.docx files
    under them (sorted, hidden folders and Word's ~$ lock files skipped). A
    missing path is an InputError."""
    found: list[str] = []
    for path in paths:
        if path == "-":
            found.append(path)
            continue
        target = Path(path)
        if target.is_dir():
            for candidate in sorted(target.rglob("*")):
                relative = candidate.relative_to(target).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if candidate.name.startswith("~$"):
                    continue
                if candidate.is_file() and candidate.suffix.lower() in FOLDER_SUFFIXES:
                    found.append(str(candidate))
        elif target.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory", "missing")
    return found
