"""The shape every output format has: ``begin()``, then ``file(result)`` for
each file as its result arrives (in input order), then ``end(tally)``; each
returns the text to write. Streaming keeps memory flat over many files.

Formatters are pure: they print what they are given and decide nothing (no
exit codes, no filtering); the CLI writes their text and picks the exit code.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

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
        return ""

    def end(self, tally: Tally) -> str:
        return ""


def render(formatter: Formatter, results: Iterable[FileResult]) -> str:
    """The whole output for ``results`` at once (the API, tests)."""
    tally = Tally()
    parts = [formatter.begin()]
    for result in results:
        tally.add(result)
        parts.append(formatter.file(result))
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
    return data_text(json.dumps(value, ensure_ascii=False, indent=2))


class JsonArrayStream:
    """A JSON document, one of whose arrays is written item by item; the text is
    exactly ``dumps`` of the whole document. The array's place is marked in the
    document by :data:`ITEMS`; the parts after it may be known only at the end."""

    ITEMS = "\u2063reportlint-streamed-items\u2063"

    def __init__(self) -> None:
        self.count = 0
        self.indent = ""

    def _split(self, document: dict) -> tuple[str, str]:
        text = dumps(document)
        marker = dumps(self.ITEMS)
        at = text.index(marker)
        line = text[text.rindex("\n", 0, at) + 1:at]
        self.indent = " " * (len(line) - len(line.lstrip()) + 2)
        return text[:at], text[at + len(marker):]

    def begin(self, document: dict) -> str:
        return self._split(document)[0] + "["

    def item(self, value: Any) -> str:
        separator = "," if self.count else ""
        self.count += 1
        return separator + "\n" + textwrap.indent(dumps(value), self.indent)

    def end(self, document: dict) -> str:
        after = self._split(document)[1]
        return ("\n" + self.indent[:-2] + "]" if self.count else "]") + after
