"""Run rules over a parsed document and turn their findings into diagnostics."""

from __future__ import annotations

from typing import Iterable

from .model import Diagnostic, Document
from .ruleset import Rule


def run_rules(document: Document, rules: Iterable[Rule]) -> list[Diagnostic]:
    rules = list(rules)
    diagnostics = []
    for rule in rules:
        if not rule.enabled:
            continue
        for finding in rule.checker.check(document):
            diagnostics.append(
                Diagnostic(
                    rule=rule.name,
                    code=rule.code,
                    severity=rule.severity,
                    message=rule.format_message(finding.values, finding.message),
                    span=finding.span,
                    fix=finding.fix,
                    path=document.path,
                )
            )
    diagnostics = _without_explained(diagnostics, rules)
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics


def _without_explained(diagnostics: list[Diagnostic], rules: list[Rule]) -> list[Diagnostic]:
    """Drop a finding of a rule on a line where a rule it ``yields_to`` reports
    too: the other finding explains it (an advert line has no full stop)."""
    yields_to = {rule.name: set(rule.yields_to) for rule in rules if rule.yields_to}
    if not yields_to:
        return diagnostics
    lines_of: dict[str, set[int]] = {}
    for diagnostic in diagnostics:
        lines_of.setdefault(diagnostic.rule, set()).update(range(diagnostic.span.line, diagnostic.span.end_line + 1))
    return [d for d in diagnostics
            if not any(d.line in lines_of.get(other, ()) for other in yields_to.get(d.rule, ()))]
