"""bytes -> SourceText: encoding detection, BOM, line ends.

UTF-8 (with or without BOM) first; UTF-16 where a BOM says so; otherwise
GB18030 (a superset of GBK and GB2312) when the bytes decode cleanly as it and
read as text. Anything else is an :class:`InputError` naming the byte offset.
A file that is overwhelmingly valid UTF-8 with a few stray bytes is reported
as UTF-8 with the first stray byte, never decoded as GB18030 garbage.

Files are untrusted: a path is looked at with ``os.stat`` before it is opened,
so a named pipe or a device (/dev/zero) is refused without being opened (and
the opened descriptor is looked at again: one swapped in meanwhile is refused
too, never read), and a
file larger than the size limit (the ``max_size`` given, else
``REPORTLINT_MAX_FILE_SIZE``, else :data:`DEFAULT_MAX_FILE_SIZE` for a text
draft and :data:`DEFAULT_MAX_WORD_SIZE` for a Word file) is refused before it
is read; no more than the limit is ever read (standard input included). Every
refusal is an :class:`InputError` whose ``kind`` names the failure.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Optional

from .docx_reading import is_word_input, source_from_docx
from .safe_files import ReadError, read_limited
from checker.model import InputError, SourceText, split_lines
from checker.settings.lazy_regex import lazy_regex

TEXT_SUFFIXES = (".txt", ".md")
FOLDER_SUFFIXES = TEXT_SUFFIXES + (".docx",)  # what a folder given as input contributes


# A text draft: a real one is a few hundred KB; one this large full of findings still
# takes 20-30 s of CPU and under 300 MB in every output format, about a minute of wall
# time on a busy machine (docs/performance.md, bench/big_draft.py). A Word file is
# larger for its pictures; its text is bounded by the counts of docx_reading.
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
DEFAULT_MAX_WORD_SIZE = 50 * 1024 * 1024
MEGABYTE = 1024 * 1024
MAX_SIZE_LIMIT = 1024 * 1024 * 1024  # the most --max-file-size may allow
MAX_FILE_SIZE_ENV = "REPORTLINT_MAX_FILE_SIZE"
SIZE_UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}
SIZE = lazy_regex(r"^\s*(\d+)\s*([KMG]?)(?:i?B)?\s*$", re.IGNORECASE)
# a file whose valid multi-byte UTF-8 outweighs its invalid bytes this many times
# over is UTF-8 with stray bytes (GBK text read as UTF-8 scores about 0.55)
UTF8_DOMINANCE = 4
HIGH_BYTES = bytes(range(0x80, 0x100))
ESCAPED_BYTE = lazy_regex("[\udc80-\udcff]")  # an invalid byte, as surrogateescape decodes it


def parse_size(text: str) -> int:
    """A size in bytes from ``52428800``, ``50M``, ``512K``, ``1G`` (×1024);
    ValueError where it is none."""
    match = SIZE.match(str(text)[:100])
    if not match:
        raise ValueError(f"not a size: {str(text)[:40]!r} (bytes, or a number with K, M or G)")
    size = int(match.group(1)) * SIZE_UNITS[match.group(2).upper()]
    if size > MAX_SIZE_LIMIT:
        raise ValueError(f"{str(text)[:40]!r} is over the largest size limit, {MAX_SIZE_LIMIT // 1024 ** 2:,}M "
                         "(a larger draft would not finish in reasonable time)")
    return size


def configured_size(max_size: Optional[int] = None) -> Optional[int]:
    """The size limit asked for: ``max_size`` where given, else
    ``$REPORTLINT_MAX_FILE_SIZE``; None for the defaults (text or Word)."""
    if max_size is not None:
        return max_size
    configured = os.environ.get(MAX_FILE_SIZE_ENV)
    if configured:
        try:
            return parse_size(configured)
        except ValueError as error:
            raise InputError(f"{MAX_FILE_SIZE_ENV}: {error}", "usage") from None
    return None


def max_file_size(max_size: Optional[int] = None) -> int:
    """The size limit of a text draft: the one asked for, else DEFAULT_MAX_FILE_SIZE."""
    configured = configured_size(max_size)
    return DEFAULT_MAX_FILE_SIZE if configured is None else configured


def _too_large(where: str, limit: int, size: Optional[int] = None) -> InputError:
    measured = f"{size:,} bytes, " if size is not None else ""
    return InputError(f"{where}: {measured}over the {limit:,}-byte size limit "
                      f"(--max-file-size or {MAX_FILE_SIZE_ENV} raises it)", "too-large")


def _megabytes(size: int) -> str:
    return f"{round(size / MEGABYTE, 1):g}"


def _over_the_text_default(where: str, size: Optional[int]) -> InputError:
    """A text draft over the default limit: its size, the limit, and how to raise it."""
    limit = _megabytes(DEFAULT_MAX_FILE_SIZE)
    if size is None:
        return InputError(f"{where}: over the default {limit} MB limit of a text draft "
                          f"(--max-file-size or {MAX_FILE_SIZE_ENV} raises it)", "too-large")
    return InputError(f"{where}: {_megabytes(size)} MB, over the default {limit} MB limit of a text draft "
                      f"(--max-file-size {-(-size // MEGABYTE)}M or {MAX_FILE_SIZE_ENV} raises it)", "too-large")



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
                raise InputError(f"{where}: invalid UTF-16 data at offset {2 + error.start}", "undecodable") from None
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(data):
            raise InputError(
                f"{where}: cannot decode: invalid UTF-8 byte 0x{data[utf8_error.start]:02x} "
                f"at offset {utf8_error.start} (the rest reads as UTF-8)", "undecodable") from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            text = None
            if gb_error.start > utf8_error.start:
                # It reads further as GB18030 (a GBK file with a damaged byte):
                # name that byte, not the first Chinese character.
                raise InputError(
                    f"{where}: cannot decode: invalid GB18030 byte 0x{data[gb_error.start]:02x} "
                    f"at offset {gb_error.start} (not UTF-8 either)", "undecodable") from None
        if text is not None and _looks_like_text(text):
            return text, "gb18030", False
        raise InputError(
            f"{where}: cannot decode: invalid UTF-8 byte 0x{data[utf8_error.start]:02x} "
            f"at offset {utf8_error.start} (not GB18030 text either)", "undecodable") from None


def _mostly_utf8(data: bytes) -> bool:
    """Whether the bytes that are not ASCII are overwhelmingly valid UTF-8
    (a UTF-8 draft with a stray byte), as opposed to GBK/GB18030 text, where
    most lead bytes break UTF-8."""
    invalid = len(ESCAPED_BYTE.findall(data.decode("utf-8", "surrogateescape")))
    valid = len(data) - len(data.translate(None, HIGH_BYTES)) - invalid
    return valid >= UTF8_DOMINANCE * invalid


def source_from_bytes(data: bytes, path: Optional[str]) -> SourceText:
    if is_word_input(path, data):
        return source_from_docx(data, path or "<stdin>")
    text, encoding, bom = decode(data, path or "<stdin>")
    lines, newline = split_lines(text)
    return SourceText(lines=tuple(lines), path=path, encoding=encoding, bom=bom, newline=newline)


def read_source(path: str, max_size: Optional[int] = None) -> SourceText:
    """Read one file, or standard input for ``-``; see :func:`read_bytes`."""
    return source_from_bytes(read_bytes(path, max_size), path)


def read_bytes(path: str, max_size: Optional[int] = None) -> bytes:
    """The bytes of one file, or of standard input for ``-``: at most the size
    limit (see :func:`max_file_size`). A regular file only, checked before it is
    opened (pipes and devices are never opened) and again on the opened
    descriptor (checker/read/safe_files.py: nothing swapped in between is read)."""
    configured = configured_size(max_size)
    if path == "-":  # a Word file or a text draft: known once read
        limit = DEFAULT_MAX_WORD_SIZE if configured is None else configured
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large("-", limit)
        if configured is None and len(data) > DEFAULT_MAX_FILE_SIZE and not is_word_input("-", data):
            raise _over_the_text_default("-", len(data))
        return data
    word = is_word_input(path, b"")  # by its name; a Word file named otherwise is read as large as a text
    limit = configured if configured is not None else DEFAULT_MAX_WORD_SIZE if word else DEFAULT_MAX_FILE_SIZE
    try:
        return read_limited(path, limit)
    except ReadError as error:
        if error.kind == "too-large" and configured is None and not word:
            raise _over_the_text_default(path, error.size) from None
        if error.kind == "too-large":
            raise _too_large(path, limit, error.size) from None
        if error.kind == "missing":
            raise InputError(f"{path}: no such file", "missing") from None
        if error.kind == "directory":
            raise InputError(f"{path}: is a directory", "directory") from None
        raise InputError(f"{path}: {error}", error.kind) from None


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
