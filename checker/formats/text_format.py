"""``path:line:col: severity [rule] message``, then one summary line."""

from __future__ import annotations

from collections import Counter

import click

from ..model import FileResult

SEVERITY_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(results: list[FileResult], color: bool = False, unreadable: int = 0) -> str:
    lines = []
    for result in results:
        for diagnostic in result.diagnostics:
            location = f"{result.path}:{diagnostic.line}:{diagnostic.column}:"
            severity = click.style(diagnostic.severity, fg=SEVERITY_COLORS[diagnostic.severity], bold=True) \
                if color else diagnostic.severity
            rule = click.style(f"[{diagnostic.rule}]", dim=True) if color else f"[{diagnostic.rule}]"
            lines.append(f"{location} {severity} {rule} {diagnostic.message}")
    lines.append(summary(results, unreadable))
    return "\n".join(lines) + "\n"


def summary(results: list[FileResult], unreadable: int = 0) -> str:
    """One line: the problems by severity and the files checked; ``unreadable``
    files (reported on stderr) are counted so that "no problems" is not read as
    "all is well"."""
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    total = sum(counts.values())
    files = len(results)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if unreadable:
        checked += f", {unreadable} could not be read"
    if not total:
        return f"no problems found ({checked})"
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    affected = sum(1 for r in results if r.diagnostics)
    return f"{total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {affected} of {checked}"
