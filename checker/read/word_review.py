"""The Word review copy: findings as comments (批注), fixes as tracked changes (修订).

Given a python-docx document, the origins of its lines
(:mod:`checker.read.word_origin`) and what to say where, this module edits the
document in memory: it splits runs where a comment or a change begins or
ends (each piece keeps its run's properties), anchors each comment on its runs
with python-docx (``Document.add_comment``, author "reportlint"), and writes
each change as ``w:del`` around the runs it removes and ``w:ins`` with a new
run (the first removed run's properties) holding what it puts in. It decides
nothing: where each finding goes and which changes to make is worked out by
:mod:`checker.annotating`.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from .. import messages
from ..model import Diagnostic
from .word_numbering import w
from .word_origin import ParagraphLine, runs_between, split_at

AUTHOR = "reportlint"
INITIALS = "RL"


@dataclass(frozen=True)
class Anchor:
    """Where a comment goes: from (line index, offset) to (line index, offset),
    offsets into each paragraph's visible text (after its list number)."""

    start_index: int
    start: int
    end_index: int
    end: int


@dataclass(frozen=True)
class TrackedChange:
    """One tracked change in a paragraph: ``[start, end)`` of its visible text
    becomes ``replacement``."""

    index: int
    start: int
    end: int
    replacement: str


def quoted(text: str) -> str:
    return messages.text("annotate.quote", text=text)


def fix_text(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """The fix a finding offers, in words: 将「…」改为「…」, 删除「…」, 插入「…」
    (replace “…” with “…”, delete, insert with --lang en)."""
    fix = diagnostic.fix
    if fix is None:
        return ""
    parts = []
    for edit in fix.edits:
        span = edit.span
        old = ""
        if span.line == span.end_line and 0 < span.line <= len(lines):
            old = lines[span.line - 1][span.column - 1:span.end_column - 1]
        if old and edit.replacement:
            parts.append(messages.text("annotate.fix_replace", old=quoted(old), new=quoted(edit.replacement)))
        elif old:
            parts.append(messages.text("annotate.fix_delete", old=quoted(old)))
        elif edit.replacement:
            parts.append(messages.text("annotate.fix_insert", new=quoted(edit.replacement)))
    if not parts:
        return ""
    kind = "annotate.fix_safe" if fix.applicability == "safe" else "annotate.fix_unsafe"
    return messages.text(kind, edits=messages.text("annotate.fix_separator").join(parts))


def comment_text(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """What a finding's comment says: the message, the rule and its code, the fix."""
    out = [diagnostic.message, messages.text("annotate.rule", rule=diagnostic.rule, code=diagnostic.code,
                                             severity=messages.severity(diagnostic.severity))]
    fix = fix_text(diagnostic, lines)
    if fix:
        out.append(fix)
    return "\n".join(out)


def summary_text(diagnostics: Sequence[Diagnostic], changes: int, fixing: bool) -> str:
    """The comment on the title: the counts per severity (and of the changes)."""
    if not diagnostics:
        head = messages.text("annotate.summary_none")
    else:
        counts = messages.text("annotate.summary_separator").join(
            messages.count("annotate.summary_count", n, word=messages.severity(s))
            for s in ("error", "warning", "info") if (n := sum(d.severity == s for d in diagnostics)))
        head = messages.count("annotate.summary", len(diagnostics), counts=counts)
    if fixing:
        head += "\n" + messages.count("annotate.summary_changes", changes)
    return head


def prepare(origins: Sequence[ParagraphLine], anchors: Sequence[Anchor], changes: Sequence[TrackedChange]) -> None:
    """Split runs at every offset where a comment or a change begins or ends."""
    cuts: dict[int, list[int]] = {}
    for anchor in anchors:
        cuts.setdefault(anchor.start_index, []).append(anchor.start)
        cuts.setdefault(anchor.end_index, []).append(anchor.end)
    for change in changes:
        cuts.setdefault(change.index, []).extend((change.start, change.end))
    for index, offsets in cuts.items():
        split_at(origins[index], offsets)


def add_comment(document, origins: Sequence[ParagraphLine], anchor: Anchor, text: str):
    """Anchor a comment on the runs of ``anchor`` (after :func:`prepare`)."""
    from docx.text.run import Run

    first = origins[anchor.start_index]
    last = origins[anchor.end_index]
    if anchor.start_index == anchor.end_index:
        runs = runs_between(first, anchor.start, anchor.end)
    else:
        runs = runs_between(first, anchor.start, len(first.text)) + runs_between(last, 0, anchor.end)
    if not runs:
        raise ValueError("an anchor without text")
    comment = document.add_comment([Run(runs[0], None), Run(runs[-1], None)], text=text, author=AUTHOR,
                                   initials=INITIALS)
    _reference_outside_changes(runs[-1], comment.comment_id)
    return comment


def _reference_outside_changes(last_run, comment_id: int) -> None:
    """A range may end inside someone's tracked insertion (their words are
    commented), but the run holding the comment's reference mark goes after
    that insertion: inside, it would be their inserted text, and rejecting
    their insertion would take our comment with it."""
    for sibling in last_run.itersiblings():
        mark = sibling.find(w("commentReference"))
        if sibling.tag == w("r") and mark is not None and mark.get(w("id")) == str(comment_id):
            outermost = None
            for ancestor in sibling.iterancestors():
                if ancestor.tag == w("p"):
                    break
                if ancestor.tag in (w("ins"), w("del")):
                    outermost = ancestor
            if outermost is not None:
                outermost.addnext(sibling)
            return


class Revisions:
    """Writes tracked changes with fresh ids, by reportlint, now."""

    def __init__(self, document) -> None:
        body = document.element
        used = [int(v) for e in body.iter() if (v := e.get(w("id"))) is not None and v.lstrip("-").isdigit()]
        self.next_id = max(used, default=0) + 1
        self.date = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str):
        from docx.oxml import OxmlElement

        element = OxmlElement(f"w:{tag}", attrs={w("id"): str(self.next_id), w("author"): AUTHOR,
                                                 w("date"): self.date})
        self.next_id += 1
        return element

    def apply(self, origin: ParagraphLine, change: TrackedChange) -> None:
        """Turn ``[start, end)`` of the paragraph into ``replacement`` as a
        deletion and an insertion (after :func:`prepare`)."""
        removed = runs_between(origin, change.start, change.end)
        place = None  # the element the insertion follows (None: before ``following``)
        following = None
        for run in removed:
            deletion = self.mark("del")
            run.addprevious(deletion)
            deletion.append(run)
            for text in run.iter(w("t")):
                text.tag = w("delText")
            for code in run.iter(w("instrText")):
                code.tag = w("delInstrText")
            place = deletion
        if not change.replacement:
            return
        model = removed[0] if removed else None
        if place is None:
            before = [p.run for p in origin.runs if p.end == change.start and p.end > p.start]
            after = [p.run for p in origin.runs if p.start == change.start and p.end > p.start]
            if before:
                model, place = before[-1], _outermost_change(before[-1])
            elif after:
                model, following = after[0], _outermost_change(after[0])
        insertion = self.mark("ins")
        insertion.append(new_run(change.replacement, model))
        if place is not None:
            place.addnext(insertion)
        elif following is not None:
            following.addprevious(insertion)
        else:
            origin.paragraph.append(insertion)


def _outermost_change(run):
    """The run, or the w:del / w:ins wrapping it, to put a sibling beside."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in (w("del"), w("ins")) else run


def new_run(text: str, model=None):
    """A w:r holding ``text`` (tabs as w:tab), with ``model``'s properties."""
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    properties = model.find(w("rPr")) if model is not None else None
    if properties is not None:
        properties = copy.deepcopy(properties)
        for history in properties.findall(w("rPrChange")):  # a formatting change is the old run's, not ours
            properties.remove(history)
        run.append(properties)
    for index, piece in enumerate(text.split("\t")):
        if index:
            run.append(OxmlElement("w:tab"))
        if piece:
            element = OxmlElement("w:t")
            element.text = piece
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(element)
    return run
