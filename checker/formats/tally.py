"""Counts over a run, kept as results stream past: files checked and unread,
diagnostics by severity and by rule. The CLI picks the exit code from them;
the formatters print the summary line and ``--statistics`` from them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from checker.model import FileResult
from checker.api import INTERNAL_ERROR


@dataclass
class Tally:
    checked: int = 0  # files read and linted
    unreadable: int = 0  # files with an error entry instead
    affected: int = 0  # files with at least one diagnostic
    by_severity: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)  # (code, rule name, severity) -> count
    fixable: int = 0  # findings whose fix is safe: what --fix would apply

    def add(self, result: FileResult) -> None:
        if result.error is not None:
            self.unreadable += 1
            return
        self.checked += 1
        self.affected += bool(result.diagnostics)
        for diagnostic in result.diagnostics:
            self.by_severity[diagnostic.severity] += 1
            self.by_rule[(diagnostic.code, diagnostic.rule, diagnostic.severity)] += 1
            self.fixable += diagnostic.fix is not None and diagnostic.fix.applicability == "safe"

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    @property
    def internal_errors(self) -> int:
        return sum(n for (_, rule, _), n in self.by_rule.items() if rule == INTERNAL_ERROR.name)

    def per_rule(self) -> list[tuple[str, str, str, int]]:
        """(code, rule, severity, count), the most frequent first, then by code."""
        return sorted(((code, rule, severity, n) for (code, rule, severity), n in self.by_rule.items()),
                      key=lambda row: (-row[3], row[0], row[1]))
