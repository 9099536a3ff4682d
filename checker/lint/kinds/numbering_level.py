"""Rule type ``numbering-level``: a level skipped going down the outline
(一、 straight to 1., or （一） straight to （1）). Circled numbers (①) may stand
under any level and are not judged.

Message fields: {marker}, {parent} (the parent heading's marker), {missing}
(the skipped level's form).
"""

from __future__ import annotations

from typing import Iterator

from checker.lexicon import CIRCLED_LEVEL, LEVEL_FORMS
from checker.analyse.analysis import Facts
from checker.model import Document
from .base import Finding, check_known


class NumberingLevelRule:
    OPTIONS: dict = {}

    def __init__(self, options: dict):
        check_known(options, self.OPTIONS)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for section in document.sections():
            heading, parent = section.heading, section.parent
            if heading.level == CIRCLED_LEVEL or parent is None or parent.heading is None:
                continue
            if heading.level > parent.level + 1 and parent.children[0] is section:
                yield Finding(heading.marker_span, {
                    "marker": heading.marker,
                    "parent": parent.heading.marker,
                    "missing": LEVEL_FORMS[parent.level + 1],
                })
