"""Text for people. ``full`` (the default): each finding's line
``path:line:col: severity [rule] message``, then the source line around the
span with the span marked, as ruff and rustc show them; ``concise``: the first
line only. Then one summary line; ``--statistics`` prints a count per rule
instead of the findings."""

from __future__ import annotations

from typing import Iterable

import click

from checker.messages import count, severity as severity_word, text
from checker.model import Diagnostic, FileResult
from checker.formats.tally import Tally
from .base import Streamed
from .excerpt import excerpt, terminal_name

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


class ConciseFormatter(Streamed):
    def _style(self, text: str, **style) -> str:
        return click.style(text, **style) if self.run.color else text

    def header(self, path: str, diagnostic: Diagnostic) -> str:
        severity = self._style(severity_word(diagnostic.severity), fg=SEVERITY_COLORS[diagnostic.severity], bold=True)
        rule = self._style(f"[{diagnostic.rule}]", dim=True)
        place = f"（{diagnostic.place}）" if diagnostic.place else ""
        return (f"{terminal_name(path)}:{diagnostic.line}:{diagnostic.column}: {severity} {rule} "
                f"{diagnostic.message}{place}\n")

    def finding(self, result: FileResult, diagnostic: Diagnostic) -> str:
        return self.header(result.path, diagnostic)

    def parts(self, result: FileResult) -> Iterable[str]:
        if self.run.statistics:
            return ()
        return (self.finding(result, d) for d in result.diagnostics)

    def end(self, tally: Tally) -> str:
        return (statistics(tally) if self.run.statistics else "") + summary(tally) + "\n"


class FullFormatter(ConciseFormatter):
    def finding(self, result: FileResult, diagnostic: Diagnostic) -> str:
        return self.header(result.path, diagnostic) + self.source_block(result, diagnostic) + "\n"

    def source_block(self, result: FileResult, diagnostic: Diagnostic) -> str:
        """The source line around the span, the span marked below it:

        ::

              |
            3 | 全年召开**次会议。
              |         ^^^^
        """
        span = diagnostic.span
        if not 1 <= span.line <= len(result.lines):
            return ""
        line = result.lines[span.line - 1]
        end = span.end_column - 1 if span.end_line == span.line else len(line)
        shown = excerpt(line, span.column - 1, end)
        number = str(span.line)
        gutter = " " * (len(number) + 1)
        bar = self._style("|", dim=True)
        marker = self._style("^" * shown.marker_width, fg=SEVERITY_COLORS[diagnostic.severity], bold=True)
        return (f"{gutter} {bar}\n"
                f" {self._style(number, dim=True)} {bar} {shown.text}\n"
                f"{gutter} {bar} {' ' * shown.marker_start}{marker}\n")


def statistics(tally: Tally) -> str:
    """One row per rule that reported: count, code, rule, severity."""
    return "".join(f"{count:>6}  {code}  {rule:<24} {severity}\n"
                   for code, rule, severity, count in tally.per_rule())


def summary(tally: Tally) -> str:
    """One line, in the catalog's language (checker/messages.py): the problems
    by severity, the files checked, and how many ``--fix`` would fix; files that
    could not be read (reported on stderr) and internal errors are counted, so
    that "no problems" is not read as "all is well", and a run that read
    nothing says so."""
    if not tally.checked and tally.unreadable:
        return count("summary.nothing_read", tally.unreadable)
    checked = count("summary.checked", tally.checked)
    if tally.unreadable:
        checked += text("list.separator") + count("summary.unreadable", tally.unreadable)
    if tally.internal_errors:
        checked += text("list.separator") + count("summary.internal", tally.internal_errors)
    if not tally.total:
        return text("summary.none", checked=checked)
    counts = tally.by_severity
    parts = text("list.separator").join(count("count.severity", counts[s], word=severity_word(s))
                                        for s in ("error", "warning", "info") if counts[s])
    line = count("summary.problems", tally.total, parts=parts, affected=tally.affected, checked=checked)
    if tally.fixable:
        line += count("summary.fixable", tally.fixable)
    return line
