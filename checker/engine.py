"""Run rules over a parsed document and turn their findings into diagnostics."""

from __future__ import annotations

from typing import Iterable

from .model import Diagnostic, Document
from .ruleset import Rule


def run_rules(document: Document, rules: Iterable[Rule]) -> list[Diagnostic]:
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
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics
