"""The stable JSON contract for editors and scripts (documented in README.md).

``{"version": 1, "files": [{"path": ..., "diagnostics": [{"rule", "code",
"severity", "message", "line", "column", "end_line", "end_column"}]}]}``;
positions are 1-based code points, ``end_column`` exclusive. A diagnostic with
an automatic fix also carries ``"fix": {"applicability": "safe"|"unsafe",
"edits": [{"line", "column", "end_line", "end_column", "replacement"}]}``.
"""

from __future__ import annotations

import json

from ..model import Diagnostic, FileResult

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


def document(results: list[FileResult]) -> dict:
    return {
        "version": VERSION,
        "files": [
            {"path": r.path, "diagnostics": [diagnostic_object(d) for d in r.diagnostics]} for r in results
        ],
    }


def render(results: list[FileResult], color: bool = False, unreadable: int = 0) -> str:
    """The JSON document (files that could not be read are reported on stderr
    and by exit code 2, not here)."""
    return json.dumps(document(results), ensure_ascii=False, indent=2) + "\n"
