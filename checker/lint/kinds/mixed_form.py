"""Rule type ``mixed-form``: one thing written in two forms in one document.

Options:
  forms:   the interchangeable forms, at least two: a literal string (``％``),
           or a mapping ``{name, regex, write}`` (``regex`` finds the form, may
           match nothing but a position; ``write`` is what a fix to this form
           puts in place of another form's match; ``name`` names it in
           messages).
  prevail: which form the document keeps, the others being reported:
           ``first`` (default) the form used first, as a style set by the
           draft's own first choice; ``majority`` the form used most (ties go
           to the one used first); ``norm`` the first form listed, the norm's
           own, reported nowhere — the others are reported only in a document
           that also uses the norm's form (a document consistent in another
           form follows a house style).
  ignore:  regexes for text where a form is not the thing judged (a URL's
           ``%20``): an occurrence inside an ignore match is not counted.

Every occurrence of a form other than the prevailing one is a finding, with a
fix that writes the prevailing form. Occurrences in residue, Markdown code
spans and table separator rows are not counted (checker/analyse/prose.py).
Message fields: ``{form}`` (the form's name), ``{prevailing}``, ``{first_line}``
(the first line where the prevailing form stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Span
from checker.analyse.prose import is_masked
from .base import Finding, OptionError, check_known, compile_regex, expect, regex_list

PREVAIL = ("first", "majority", "norm")


@dataclass(frozen=True)
class Form:
    name: str
    regex: re.Pattern
    write: str


def _form(entry) -> Form:
    if isinstance(entry, str) and entry:
        return Form(entry, re.compile(re.escape(entry)), entry)
    if not isinstance(entry, dict) or set(entry) != {"name", "regex", "write"}:
        raise OptionError("option 'forms': each form is a non-empty string or a mapping with name, regex and write")
    if not isinstance(entry["name"], str) or not entry["name"] or not isinstance(entry["write"], str):
        raise OptionError("option 'forms': 'name' must be a non-empty string and 'write' a string")
    return Form(entry["name"], compile_regex(entry["regex"], "forms"), entry["write"])


class MixedFormRule:
    OPTIONS = {"forms": [], "prevail": "first", "ignore": []}
    can_fix = needs_fix_declaration = True  # every finding writes the prevailing form

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        forms = expect(options["forms"], list, "forms", "a list of at least two forms")
        self.forms = [_form(entry) for entry in forms]
        if len(self.forms) < 2 or len({form.name for form in self.forms}) != len(self.forms):
            raise OptionError("option 'forms' must list at least two forms with different names")
        if options["prevail"] not in PREVAIL:
            raise OptionError(f"option 'prevail' must be one of {', '.join(PREVAIL)}")
        self.prevail = options["prevail"]
        self.ignore = regex_list(options["ignore"], "ignore")

    def _occurrences(self, document: Document, facts: Facts) -> list[tuple[int, int, int, Form]]:
        """(line, start, end, form) of every form used, in document order."""
        not_prose = facts.not_prose
        found = []
        for number, line in enumerate(document.lines, 1):
            matches = [(match.start(), match.end(), form) for form in self.forms for match in form.regex.finditer(line)]
            if not matches:
                continue
            ignored = [m.span() for regex in self.ignore for m in regex.finditer(line)]
            for start, end, form in sorted(matches, key=lambda m: m[0]):
                if is_masked(not_prose.get(number), start, max(end, start + 1)) \
                        or any(a <= start and end <= b for a, b in ignored):
                    continue
                found.append((number, start, end, form))
        return found

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        found = self._occurrences(document, facts)
        used = list(dict.fromkeys(form for *_, form in found))  # in order of first use
        if len(used) < 2:
            return
        if self.prevail == "norm":
            prevailing = self.forms[0]
            if prevailing not in used:
                return
        elif self.prevail == "majority":
            counts = {form: sum(1 for *_, f in found if f == form) for form in used}
            prevailing = max(used, key=lambda form: (counts[form], -used.index(form)))
        else:
            prevailing = used[0]
        first_line = next(number for number, *_, form in found if form == prevailing)
        for number, start, end, form in found:
            if form == prevailing:
                continue
            span = Span.on_line(number, start, end)
            yield Finding(span, {"form": form.name, "prevailing": prevailing.name, "first_line": first_line},
                          fix=Fix((Edit(span, prevailing.write),)))
