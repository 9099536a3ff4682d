"""The shape every output format has: ``begin()``, then ``parts(result)`` for
each file as its result arrives (in input order), then ``end(tally)``; each
gives the text to write. ``parts`` yields a file's text piece by piece (a
finding, a line of the draft), so the output of a draft full of findings is
never held whole: memory stays flat over many files and over many findings.
``file(result)`` is the same text at once.

Formatters are pure: they print what they are given and decide nothing (no
exit codes, no filtering); the CLI writes their text and picks the exit code.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

from checker.model import FileResult
from checker.formats.tally import Tally


@dataclass(frozen=True)
class RunInfo:
    """What a formatter knows of the run besides the results."""

    rules: Sequence[Any] = ()  # the configuration's rules (ruleset.Rule), for rule tables
    color: bool = False
    statistics: bool = False  # counts per rule instead of (text) or beside (json) the findings


class Formatter:
    machine = False  # machine-readable output: no progress display beside it
    statistics = True  # whether --statistics has a meaning in this format

    def __init__(self, run: RunInfo = RunInfo()):
        self.run = run

    def begin(self) -> str:
        return ""

    def file(self, result: FileResult) -> str:
        """The whole text of one file (a format that streams joins its parts)."""
        return ""

    def parts(self, result: FileResult) -> Iterable[str]:
        """The text of one file, piece by piece, in order."""
        yield self.file(result)

    def end(self, tally: Tally) -> str:
        return ""


class Streamed(Formatter):
    """A format that writes a file's text piece by piece: it defines
    ``parts``; ``file`` joins them."""

    def file(self, result: FileResult) -> str:
        return "".join(self.parts(result))

    def parts(self, result: FileResult) -> Iterable[str]:
        return ()


def render(formatter: Formatter, results: Iterable[FileResult]) -> str:
    """The whole output for ``results`` at once (the API, tests)."""
    tally = Tally()
    parts = [formatter.begin()]
    for result in results:
        tally.add(result)
        parts.extend(formatter.parts(result))
    parts.append(formatter.end(tally))
    return "".join(parts)


def data_text(text: str) -> str:
    """``text`` as valid UTF-8 data: a file name that was not UTF-8 reaches us
    with each undecodable byte as a surrogate escape (U+DC80–U+DCFF, Python's
    os.fsdecode); each such byte becomes U+FFFD (�) — as a UTF-8 decoder
    replacing errors writes it — so JSON, SARIF, GitHub annotations and HTML
    stay valid UTF-8. (The text output shows the byte as ``\\xNN`` instead.)"""
    if text.isascii():
        return text
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def dumps(value: Any) -> str:
    return data_text(indented(value))


def indented(value: Any, margin: str = "") -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, every line after
    the first starting with ``margin`` — the same text, written without the
    json module's pure-Python encoder for indented output (it took most of
    the time of a JSON or SARIF report of many findings)."""
    out: list[str] = []
    _write_json(value, margin, out)
    return "".join(out)


def _write_json(value: Any, margin: str, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None or value is True or value is False:
        out.append("null" if value is None else "true" if value else "false")
    elif type(value) is int:
        out.append(int.__repr__(value))
    elif isinstance(value, (list, tuple)) or (isinstance(value, dict) and all(type(k) is str for k in value)):
        if not value:
            out.append("{}" if isinstance(value, dict) else "[]")
            return
        inner = margin + "  "
        opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
        separator = opening + "\n"
        for key, item in value.items() if isinstance(value, dict) else ((None, item) for item in value):
            out.append(separator + inner + ("" if key is None else encode_basestring(key) + ": "))
            _write_json(item, inner, out)
            separator = ",\n"
        out.append("\n" + margin + closing)
    else:  # a float, a dict with other keys: as json writes it
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + margin))


class JsonArrayStream:
    """A JSON document, one of whose arrays is written item by item; the text is
    exactly ``dumps`` of the whole document. The array's place is marked in the
    document by :data:`ITEMS`; the parts after it may be known only at the end.
    An item may hold an array of its own, written item by item too (``items``)."""

    ITEMS = "\u2063reportlint-streamed-items\u2063"

    def __init__(self) -> None:
        self.count = 0
        self.indent = ""

    def _split(self, text: str) -> tuple[str, str]:
        marker = dumps(self.ITEMS)
        at = text.index(marker)
        line = text[text.rindex("\n", 0, at) + 1:at]
        self.indent = " " * (len(line) - len(line.lstrip()) + 2)
        return text[:at], text[at + len(marker):]

    def begin(self, document: dict) -> str:
        return self._split(dumps(document))[0] + "["

    def _separator(self) -> str:
        separator = "," if self.count else ""
        self.count += 1
        return separator + "\n"

    def item(self, value: Any) -> str:
        return self._separator() + self.indent + data_text(indented(value, self.indent))

    def items(self, value: dict, inner: Iterable[Any]) -> Iterator[str]:
        """One item, ``value``, whose array marked by :data:`ITEMS` holds
        ``inner``: written piece by piece, one inner item at a time."""
        separator = self._separator()
        array = JsonArrayStream()
        head, tail = array._split(self.indent + data_text(indented(value, self.indent)))
        yield separator + head + "["
        for each in inner:
            yield array.item(each)
        yield array._close() + tail

    def _close(self) -> str:
        return "\n" + self.indent[:-2] + "]" if self.count else "]"

    def end(self, document: dict) -> str:
        return self._close() + self._split(dumps(document))[1]
