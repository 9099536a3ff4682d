"""Rule type ``decimal-parent``: a decimal heading whose leading numbers are not
its parent's (3.1 under 2.; 2.2.1 under 2.3; 2.1 under 一、 — the parent's number
is 1). A parent whose own number is not its place among its siblings (2.3
after 2.1) is the slip there; its children are not judged. Options: none. Fields ``{marker}``, ``{parent}``, ``{expected}``."""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document
from .base import Finding, check_known


def _in_place(section) -> bool:
    """Whether a heading's number is its place among its siblings of its level."""
    siblings = [s for s in section.parent.children if s.heading.level == section.heading.level] \
        if section.parent is not None else [section]
    return section.heading.number == siblings.index(section) + 1


class DecimalParentRule:
    OPTIONS: dict = {}

    def __init__(self, options: dict):
        check_known(options, self.OPTIONS)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for section in document.sections():
            heading, parent = section.heading, section.parent
            if len(heading.path) < 2 or parent is None or parent.heading is None:
                continue
            above = parent.heading
            if not _in_place(parent):
                continue  # the parent's own number is the slip (2.3 after 2.1): its children follow it
            numbers = above.path or (above.number,)
            if len(numbers) != len(heading.path) - 1 or numbers == heading.path[:-1]:
                continue
            separator = "．" if "．" in heading.marker else "."
            expected = separator.join(str(n) for n in (*numbers, heading.number))
            yield Finding(heading.marker_span, {"marker": heading.marker, "parent": above.marker.strip(),
                                                "expected": expected})
