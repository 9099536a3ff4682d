"""GitHub Actions workflow commands: one annotation per finding,

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE (CODE)::message``

(``warning`` and ``notice`` for the other severities), and one ``::error``
per file that could not be read. Messages escape ``%``, CR and LF; property
values escape ``:`` and ``,`` too, as the runner expects.
"""

from __future__ import annotations

from typing import Iterable

from checker.model import Diagnostic, FileResult
from .base import Streamed, data_text

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return data_text(f"::{name} {fields}::{escape_data(message)}\n")


def annotation(path: str, diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    return command(COMMANDS[diagnostic.severity],
                   {"file": path, "line": span.line, "col": span.column, "endLine": span.end_line,
                    "endColumn": span.end_column, "title": f"{diagnostic.rule} ({diagnostic.code})"},
                   diagnostic.message)


class GithubFormatter(Streamed):
    machine = True
    statistics = False

    def parts(self, result: FileResult) -> Iterable[str]:
        if result.error is not None:
            return (command("error", {"file": result.path, "title": f"reportlint: {result.error.kind}"},
                            result.error.message),)
        return (annotation(result.path, d) for d in result.diagnostics)
