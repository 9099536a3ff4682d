"""Rule type ``required-sections``: the parts a genre of report must have.

The genre (checker/settings/genres.py) is the one declared with ``--genre``, else the
one the title names, else the fallback (which demands nothing). Each required
part must be named by a heading — a top-level one, else a deeper one — or a
paragraph lead-in (存在的主要问题：…); the first part also accepts topic
headings (一、坚持理论武装) as the work done. A draft with fewer than
``min_headings`` top-level headings has no outline to judge and is left alone
(unless its title, or the user, names a strict genre: then one heading will do);
so is, in a genre that is not ``strict``, a draft whose headings name none of
the genre's later parts (a summary written by topic).

Reported where the part belongs: on the heading of the next part present, or
at the end of the previous one (the message names both).
"""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document, Heading, Section, Span
from checker.messages import finding_words
from .base import Finding, check_known, expect


def heading_text(heading: Heading) -> str:
    return (heading.marker + heading.title).strip().rstrip("。．.：:；;，,")


def _section_of(document: Document, heading: Heading) -> Section:
    return next(s for s in document.sections() if s.heading is heading)


def end_span(document: Document, line: int) -> Span:
    text = document.lines[line - 1].rstrip() if line <= len(document.lines) else ""
    return Span(line, max(len(text), 1), line, max(len(text), 1) + (1 if text else 0))


class RequiredSections:
    OPTIONS = {"min_headings": 2}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        self.min_headings = expect(options["min_headings"], int, "min_headings", "a whole number")

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        pack, match = facts.genre, facts.outline
        # a draft whose title (or the user) names a strict genre is judged even on one heading
        named_strict = pack.strict and facts.genre_from in ("declared", "title")
        if len(match.top) < (1 if named_strict else self.min_headings):
            return
        if not pack.strict and not any(i in match.named for i, s in enumerate(pack.sections) if not s.covers_thematic):
            return
        sections = pack.sections
        for index, section in enumerate(sections):
            if not section.required or index in match.present:
                continue
            before = next((match.first(i) for i in range(index + 1, len(sections)) if match.first(i)), None)
            limit = before.line if before else None
            after = next((match.last(i, limit) for i in range(index - 1, -1, -1) if match.last(i, limit)), None)
            if before and after:
                where = finding_words("finding.part_after_and_before").format(after=heading_text(after), before=heading_text(before))
            elif before:
                where = finding_words("finding.part_before").format(before=heading_text(before))
            elif after:
                where = finding_words("finding.part_after").format(after=heading_text(after))
            else:
                where = finding_words("finding.part_at_start" if index == 0 else "finding.part_at_end")
            if before:
                span = before.span
            else:
                # the last body line of the part before (of the whole body where none is):
                # before the closing block, attachments and closing formulas
                end = _section_of(document, after).end_line if after else len(document.lines)
                line = facts.last_body_line(end)
                span = end_span(document, line)
            yield Finding(span, {"section": section.name, "genre": pack.name, "where": where})
