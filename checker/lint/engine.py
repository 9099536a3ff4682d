"""Run rules over a parsed document and turn their findings into diagnostics.

A rule that raises does not end the run: its findings on that document are
replaced by one ``internal-error`` diagnostic naming the rule and the exception,
and the other rules still report.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional

from checker.analyse.analysis import Facts, analyse
from checker.settings.fingerprint import stamp
from checker.messages import finding_words
from checker.model import Diagnostic, Document, Fix, Span
from .rule import Rule
from checker.settings.timebound import bounded


# A rule the engine itself reports (RL0xx): no YAML and no rule type behind it,
# but a Rule like any other, so the rule reference, `explain` and SARIF show it.
INTERNAL_ERROR = Rule(
    name="internal-error",
    code="RL001",
    type="engine",
    severity="error",
    message=finding_words("finding.internal_error"),
    description="A rule (or the parser) raised an exception on this document: a bug in reportlint or in a "
                "rule type, not a defect of the draft. The rule's other findings on this document are lost; "
                "the other rules and files are still checked, and the exit code is 2. Please report it with "
                "the draft (or the line) that triggers it.",
    rule_type=None,
    pack="engine",
    builtin=True,
)

# The engine-level rules, for the rule lists of machine formats and `explain`.
ENGINE_RULES = (INTERNAL_ERROR,)


def internal_error(path: Optional[str], culprit: str, error: BaseException) -> Diagnostic:
    """The diagnostic standing for ``culprit`` (a rule name, or "parser")
    having raised ``error`` on the document at ``path``."""
    exception = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Diagnostic(
        rule=INTERNAL_ERROR.name,
        code=INTERNAL_ERROR.code,
        severity=INTERNAL_ERROR.severity,
        message=INTERNAL_ERROR.message.format(rule=culprit, exception=" ".join(exception.split())),
        span=Span(1, 1, 1, 2),
        path=path,
    )


def _diagnostics_of(rule: Rule, document: Document, facts: Facts) -> list[Diagnostic]:
    """The rule's findings on the document as diagnostics; all or nothing, so a
    rule that raises half-way leaves no partial report."""
    try:
        if not rule.builtin:  # a user pack's rule: on the document's time budget (checker/settings/timebound.py)
            with bounded(f"rule {rule.name} ({rule.source})"):
                findings = list(rule.rule_type.check(document, facts))
        else:
            findings = rule.rule_type.check(document, facts)
        return [
            Diagnostic(
                rule=rule.name,
                code=rule.code,
                severity=rule.severity,
                message=rule.format_message(finding.values, finding.message),
                span=finding.span,
                # applicability is the rule's declaration (YAML ``fix:``); undeclared, no fix
                fix=Fix(finding.fix.edits, rule.fix) if finding.fix and rule.fix else None,
                path=document.path,
            )
            for finding in findings
        ]
    except Exception as error:  # noqa: BLE001 - any bug in one rule must not end the run
        return [internal_error(document.path, f"{rule.name} ({rule.code})", error)]


def run_rules(document: Document, rules: Iterable[Rule], facts: Optional[Facts] = None) -> list[Diagnostic]:
    """The rules' diagnostics on a parsed document, sorted and fingerprinted;
    each rule judges the document and its ``facts`` (the analysis step's, of
    the document alone where not given)."""
    facts = facts if facts is not None else analyse(document)
    rules = list(rules)
    diagnostics = []
    for rule in rules:
        if rule.enabled:
            diagnostics.extend(_diagnostics_of(rule, document, facts))
    diagnostics = _without_explained(diagnostics, rules)
    diagnostics.sort(key=Diagnostic.sort_key)
    return in_cells(stamp(diagnostics, document.source.lines), document.source)


def in_cells(diagnostics: list[Diagnostic], source) -> list[Diagnostic]:
    """Each diagnostic on a Word table's cell with that cell (Diagnostic.cell)."""
    if source.origins is None:
        return diagnostics
    cells = [source.origin(d.line) for d in diagnostics]
    return [dataclasses.replace(d, cell=origin) if origin is not None and origin.table else d
            for d, origin in zip(diagnostics, cells)]


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
