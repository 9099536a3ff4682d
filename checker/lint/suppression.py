"""The suppression station: after the engine, drop what reportlint comments
switch off, and report the comments that switched off nothing.

Rules never know about suppression. A comment (checker/parse/directives.py) covers:

- ``disable RULE…``: the lines after it, up to an ``enable`` naming the same
  rule (or an ``enable`` naming none), else to the end of the file;
  ``disable`` alone covers every rule, up to an ``enable`` naming none;
- ``disable-next-line RULE…``: the next line that is neither blank nor a comment;
- ``disable-file RULE…``: every line.

A diagnostic is suppressed where its first line is covered for its rule (by
name, code or code prefix). A comment, or a rule it names, that suppressed no
diagnostic becomes an ``unused-suppression`` diagnostic (where that rule is on),
so stale comments get cleaned up; so does a comment of an unknown kind or one
naming no known rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from checker.parse.directives import Directive, find_directives
from checker.settings.fingerprint import stamp
from checker.messages import finding_words
from checker.model import Diagnostic, Document
from .ruleset import Rule, selects

UNUSED = "unused-suppression"
EVERY_RULE = ""  # the token of a comment naming no rule


@dataclass(frozen=True)
class Cover:
    """Lines ``first``..``last`` covered for rules named ``token`` by ``directive``."""

    directive: Directive
    token: str
    first: int
    last: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return (self.first <= diagnostic.line <= self.last
                and (self.token == EVERY_RULE or selects(self.token, diagnostic.rule, diagnostic.code)))


def _next_text_lines(document: Document) -> list[int]:
    """For each line number n (index n), the first line after n that is
    neither blank nor a comment (0: none) — one backward pass, so 30,000
    stacked disable-next-line comments cost 30,000 steps, not 30,000²/2."""
    lines = document.lines  # comments are blank there
    following = [0] * (len(lines) + 2)
    for number in range(len(lines), 0, -1):
        following[number - 1] = number if lines[number - 1].strip() else following[number]
    return following


def covers_of(document: Document, directives: Sequence[Directive]) -> list[Cover]:
    last_line = len(document.lines)
    following = _next_text_lines(document) if any(d.kind == "disable-next-line" for d in directives) else []
    # the line of the next enable for every rule / naming a rule, from each directive on (one backward pass)
    next_enable_all = [last_line + 1] * (len(directives) + 1)
    next_enable_for: list[dict[str, int]] = [{} for _ in range(len(directives) + 1)]
    for index in range(len(directives) - 1, -1, -1):
        later = directives[index]
        next_enable_all[index] = next_enable_all[index + 1]
        next_enable_for[index] = next_enable_for[index + 1]
        if later.kind == "enable":
            if not later.rules:
                next_enable_all[index] = later.line
            else:
                next_enable_for[index] = {**next_enable_for[index + 1], **{t: later.line for t in later.rules}}
    covers = []
    for index, directive in enumerate(directives):
        tokens = directive.rules or (EVERY_RULE,)
        if directive.kind == "disable-file":
            covers.extend(Cover(directive, token, 1, last_line) for token in tokens)
        elif directive.kind == "disable-next-line":
            target = following[directive.line] if directive.line < len(following) else 0
            covers.extend(Cover(directive, token, target, target) for token in tokens if target)
        elif directive.kind == "disable":
            for token in tokens:
                end = next_enable_all[index + 1]
                if token != EVERY_RULE:
                    end = min(end, next_enable_for[index + 1].get(token, last_line + 1))
                covers.append(Cover(directive, token, directive.line + 1, end - 1))
    return covers


def apply_suppressions(document: Document, diagnostics: list[Diagnostic],
                       rules: Sequence[Rule]) -> list[Diagnostic]:
    """``diagnostics`` less those the document's comments suppress, plus an
    ``unused-suppression`` diagnostic for each comment (or rule it names) that
    suppressed nothing, where that rule is among ``rules`` and on."""
    directives = find_directives(document.source.lines)
    if not directives:
        return diagnostics
    covers = covers_of(document, directives)
    one_line: dict[int, list[Cover]] = {}  # disable-next-line covers, by line: looked up, not scanned
    spanning: list[Cover] = []
    for cover in covers:
        if cover.first == cover.last:
            one_line.setdefault(cover.first, []).append(cover)
        else:
            spanning.append(cover)
    used: set[tuple[int, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        covering = [c for c in (*one_line.get(diagnostic.line, ()), *spanning) if c.covers(diagnostic)]
        used.update((c.directive.line, c.token) for c in covering)
        if not covering:
            kept.append(diagnostic)
    unused_rule = next((rule for rule in rules if rule.name == UNUSED and rule.enabled), None)
    if unused_rule is not None:
        kept.extend(stamp(_unused(directives, used, unused_rule, rules, document.path), document.source.lines))
        kept.sort(key=Diagnostic.sort_key)
    return kept


def _unused(directives: Sequence[Directive], used: set[tuple[int, str]], rule: Rule,
            rules: Sequence[Rule], path: Optional[str]) -> list[Diagnostic]:
    found = []
    for directive in directives:
        if directive.kind == "enable":
            continue
        if not directive.known:
            detail = finding_words("finding.unknown_directive").format(kind=directive.kind)
        else:
            tokens = directive.rules or (EVERY_RULE,)
            unused = [t for t in tokens if (directive.line, t) not in used]
            if not unused:
                continue
            unknown = [t for t in unused if t != EVERY_RULE and not any(selects(t, r.name, r.code) for r in rules)]
            if unknown:
                detail = finding_words("finding.no_such_rule").format(names="、".join(unknown))
            elif directive.rules and len(unused) < len(tokens):
                detail = finding_words("finding.nothing_to_suppress").format(names="、".join(unused))
            else:
                detail = ""
        found.append(Diagnostic(rule=rule.name, code=rule.code, severity=rule.severity,
                                message=rule.format_message({"comment": directive.text, "detail": detail}),
                                span=directive.span, path=path))
    return found
