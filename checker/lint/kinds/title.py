"""Rule type ``required-title``: the draft opens with its title.

The title is the first non-blank line when it reads as one (outline.py decides:
short, no sentence punctuation, not a heading). A draft without one is reported
once, at line 1, where the title belongs.

Options:
  speech_salutation: a regex; a draft whose first line is a salutation matching
            it (同志们：, 各位代表：) is a speech text as delivered and
            published, whose title stands outside the text read aloud, and is
            not reported. A salutation addressed to an organ (县委巡察组：)
            opens a written report, which needs its title. "" turns this off.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.analyse.analysis import Facts
from checker.model import Document, Span
from .base import Finding, check_known, compile_regex, expect


class RequiredTitle:
    OPTIONS = {"speech_salutation": ""}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        pattern = expect(options["speech_salutation"], str, "speech_salutation", "a regular expression (or \"\")")
        self.speech: Optional[re.Pattern] = compile_regex(pattern, "speech_salutation") if pattern else None

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        if document.title is not None:
            return
        first = next((n for n, kind in sorted(document.line_kinds.items()) if kind != "blank"), None)
        if first is None:
            return  # an empty draft: nothing to name
        salutation = document.salutation
        if self.speech and salutation is not None and salutation.line == first and self.speech.search(salutation.text):
            return
        line = document.lines[0] if document.lines else ""
        yield Finding(Span(1, 1, 1, 2 if line else 1), {"first": line.strip()[:20]})
