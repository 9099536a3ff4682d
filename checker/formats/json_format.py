"""The stable JSON contract for editors and scripts (documented in README.md).

``{"version": 1, "files": [{"path": ..., "diagnostics": [{"rule", "code",
"severity", "message", "line", "column", "end_line", "end_column"}]}]}``;
positions are 1-based code points, ``end_column`` exclusive. A diagnostic with
an automatic fix also carries ``"fix": {"applicability": "safe"|"unsafe",
"edits": [{"line", "column", "end_line", "end_column", "replacement"}]}``.
``fingerprint`` is the finding's content key (checker/settings/fingerprint.py), as the
baseline records it. A file that could not be read has ``"error": {"kind", "message"}`` and no
diagnostics. With ``--statistics``, ``"statistics": [{"code", "rule",
"severity", "count"}]`` follows the files.
"""

from __future__ import annotations

from typing import Iterable

from checker.model import Diagnostic, FileResult
from checker.formats.tally import Tally
from .base import JsonArrayStream, RunInfo, Streamed

VERSION = 1


def diagnostic_object(diagnostic: Diagnostic) -> dict:
    span = diagnostic.span
    item = {
        "rule": diagnostic.rule,
        "code": diagnostic.code,
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "line": span.line,
        "column": span.column,
        "end_line": span.end_line,
        "end_column": span.end_column,
    }
    if diagnostic.fingerprint is not None:
        item["fingerprint"] = diagnostic.fingerprint
    if diagnostic.cell is not None:
        cell = diagnostic.cell
        item["table"] = {"table": cell.table, "row": cell.row, "cell": cell.cell, "place": cell.place}
    if diagnostic.fix is not None:
        item["fix"] = {
            "applicability": diagnostic.fix.applicability,
            "edits": [
                {"line": e.span.line, "column": e.span.column, "end_line": e.span.end_line,
                 "end_column": e.span.end_column, "replacement": e.replacement}
                for e in diagnostic.fix.edits
            ],
        }
    return item


def file_head(result: FileResult) -> dict:
    """The file's object, its diagnostics array marked to be streamed in."""
    item: dict = {"path": result.path}
    if result.error is not None:
        item["error"] = {"kind": result.error.kind, "message": result.error.message}
    item["diagnostics"] = JsonArrayStream.ITEMS
    return item


def statistics_objects(tally: Tally) -> list[dict]:
    return [{"code": code, "rule": rule, "severity": severity, "count": count}
            for code, rule, severity, count in tally.per_rule()]


class JsonFormatter(Streamed):
    machine = True

    def __init__(self, run: RunInfo = RunInfo()):
        super().__init__(run)
        self.files = JsonArrayStream()

    def begin(self) -> str:
        return self.files.begin({"version": VERSION, "files": JsonArrayStream.ITEMS})

    def parts(self, result: FileResult) -> Iterable[str]:
        """The file's object, one diagnostic at a time (a draft full of
        findings never has its whole JSON in memory)."""
        return self.files.items(file_head(result),
                                (diagnostic_object(d) for d in result.diagnostics))

    def end(self, tally: Tally) -> str:
        document: dict = {"version": VERSION, "files": JsonArrayStream.ITEMS}
        if self.run.statistics:
            document["statistics"] = statistics_objects(tally)
        return self.files.end(document) + "\n"
