"""Rule type ``section-order``: a genre's parts in the wrong order.

The genre's parts (checker/settings/genres.py) come in order — work done, problems,
their causes, next steps. Each top-level heading that names a part is compared
with the headings above it: where one above names a later part (二、下步打算
above 三、存在问题), the heading is reported, naming the heading it should
precede. Only top-level headings count (for the work done, topic headings
too); a heading naming several parts (存在问题及下步打算) stands for each.
"""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document
from .base import Finding, check_known
from .required_sections import heading_text


class SectionOrder:
    OPTIONS: dict = {}

    def __init__(self, options: dict):
        check_known(options, self.OPTIONS)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        pack, match = facts.genre, facts.outline
        firsts = sorted((match.first(i).line, i) for i in match.headings)
        order = "→".join(pack.sections[i].name for i in sorted(match.headings))
        for position, (line, index) in enumerate(firsts):
            later = [(l, i) for l, i in firsts[:position] if i > index and l < line]
            if not later:
                continue
            _, other = later[0]
            heading = match.first(index)
            yield Finding(heading.span, {
                "heading": heading_text(heading),
                "section": pack.sections[index].name,
                "other": heading_text(match.first(other)),
                "other_section": pack.sections[other].name,
                "genre": pack.name,
                "order": order,
            })
