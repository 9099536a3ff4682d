"""``reportlint annotate``: a Word draft's review copy, beside it, never over it.

The draft is read and linted as ``check`` does (the same configuration,
suppression and baseline). Each finding becomes a comment anchored on its
span: its line's paragraph (:mod:`checker.read.word_origin`), the span's columns
less the rendered list number. A finding without words to hold it — a span
that is empty, covers only the automatic number, or lies on an empty
paragraph — goes on its whole paragraph, else on the nearest heading or title
above. With ``fix``, the text is fixed as ``check --fix`` would fix it
(:func:`checker.fixing.fix_source`), and each line's difference from the
original becomes tracked changes in its paragraph, so accepting them all
gives that text. A change that would touch the automatic number, or a line
whose paragraph the mapping cannot follow exactly, is left out (counted in
``skipped``). The copy is written as every file the tool writes
(:mod:`checker.read.safe_files`), never over the draft; the words of the
comments come from the messages catalog (Chinese, English with --lang en).
"""

from __future__ import annotations

import difflib
import io
import os
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Optional, Sequence

from .api import Config, lint_source
from .fixing import fix_source
from .read.word_review import (Anchor, TrackedChange, Revisions, add_comment, comment_text, prepare,
                               summary_text)
from .messages import text
from .model import Diagnostic, FileResult
from .read.reading import InputError, read_bytes, source_from_bytes
from .read.safe_files import WriteError, check_writable, write_atomically
from .read.word_origin import ParagraphLine, line_origins, nearest_with_text

REVIEW_SUFFIX = ".reportlint.docx"
ANNOTATABLE_SUFFIXES = (".docx",)


class AnnotateError(InputError):
    """A draft that cannot be annotated (not a .docx, output over the draft…)."""


@dataclass
class Annotation:
    """What annotating one draft did."""

    path: str
    output: str
    result: FileResult  # the draft's findings (after fixing: what remains, as check --fix reports)
    findings: list[Diagnostic] = field(default_factory=list)  # each one a comment
    changes: int = 0  # tracked changes written
    skipped: int = 0  # lines whose fixes could not be written as tracked changes


def review_path(path: str) -> str:
    """DRAFT.docx -> DRAFT.reportlint.docx, beside it."""
    pure = PurePath(path)
    return str(pure.with_name(pure.stem + REVIEW_SUFFIX))


def check_annotatable(path: str, output: str) -> None:
    """Refuse, before any work, a draft that is no .docx and an output that is
    the draft itself (also through a link) or no file that may be written (a
    directory, a device, a read-only or hard-linked file, a missing folder)."""
    if PurePath(path).suffix.lower() not in ANNOTATABLE_SUFFIXES:
        raise AnnotateError(text("annotate.not_docx", path=path), "unsupported")
    _not_the_draft(path, output)
    try:
        check_writable(output)
    except WriteError as error:
        raise AnnotateError(text("annotate.unwritable", error=error), error.kind) from None


def _not_the_draft(path: str, output: str) -> None:
    if os.path.exists(output) and os.path.exists(path) and os.path.samefile(path, output):
        raise AnnotateError(text("annotate.over_draft", path=output), "unsupported")


def annotate_path(path: str, config: Config, output: Optional[str] = None, fix: bool = False,
                  unsafe: bool = False, max_size: Optional[int] = None) -> Annotation:
    """Write the review copy of the draft ``path``; raise InputError for a
    draft that cannot be read or annotated."""
    import docx

    output = output or review_path(path)
    check_annotatable(path, output)
    data = read_bytes(path, max_size)
    source = source_from_bytes(data, path)
    result = lint_source(source, config)
    document = docx.Document(io.BytesIO(data))
    origins = line_origins(document, source)
    findings = list(result.diagnostics)
    anchors = [anchor_of(d, origins, result) for d in findings]
    summary = title_anchor(origins, result)
    changes: list[TrackedChange] = []
    skipped = 0
    if fix:
        fixed = fix_source(source, "\n".join(source.lines), config, unsafe)
        changes, skipped = line_changes(source.lines, fixed.text.split("\n"), origins)
        result = fixed.result
    placed = [a for a in anchors + [summary] if a is not None]
    prepare(origins, placed, changes)
    for finding, anchor in zip(findings, anchors):
        if anchor is not None:
            add_comment(document, origins, anchor, comment_text(finding, source.lines))
    if summary is not None:
        add_comment(document, origins, summary, summary_text(findings, len(changes), fix))
    revisions = Revisions(document)
    for change in changes:
        revisions.apply(origins[change.index], change)
    save_review(document, path, output)
    return Annotation(path, output, result, findings, len(changes), skipped)


def anchor_of(diagnostic: Diagnostic, origins: Sequence[ParagraphLine], result: FileResult) -> Optional[Anchor]:
    """Where ``diagnostic``'s comment goes (see the module's docstring)."""
    span = diagnostic.span
    first, last = span.line - 1, span.end_line - 1
    if 0 <= first <= last < len(origins) and origins[first].exact and origins[last].exact:
        start = _clamp(span.column - 1 - origins[first].prefix, origins[first])
        end = _clamp(span.end_column - 1 - origins[last].prefix, origins[last])
        if first == last and start < end:
            return Anchor(first, start, last, end)
        if first < last and start < len(origins[first].text) and end > 0:
            return Anchor(first, start, last, end)
    index = min(max(first, 0), len(origins) - 1)
    return whole_paragraph(origins, index, result)


def _clamp(offset: int, origin: ParagraphLine) -> int:
    return min(max(offset, 0), len(origin.text))


def whole_paragraph(origins: Sequence[ParagraphLine], index: int, result: FileResult) -> Optional[Anchor]:
    """Line ``index``'s whole paragraph, or the nearest heading or title above
    it with text (else the nearest line with text)."""
    if index < 0:
        return None
    preferred = []
    if result.document is not None:
        preferred = [line - 1 for line, kind in result.document.line_kinds.items() if kind in ("title", "heading")]
    if not origins[index].runs:
        found = nearest_with_text(origins, index, preferred)
        if found is None:
            return None
        index = found
    return Anchor(index, 0, index, len(origins[index].text))


def title_anchor(origins: Sequence[ParagraphLine], result: FileResult) -> Optional[Anchor]:
    """The summary comment's place: the title, else the first line with text."""
    document = result.document
    title = document.title.line - 1 if document is not None and document.title is not None else 0
    return whole_paragraph(origins, title, result) if origins else None


def line_changes(before: Sequence[str], after: Sequence[str],
                 origins: Sequence[ParagraphLine]) -> tuple[list[TrackedChange], int]:
    """The differences between the draft's lines and the fixed lines as changes
    in paragraphs, and the number of lines whose difference cannot be one
    (lines added or removed, the list number touched, a paragraph not
    followed exactly)."""
    changes: list[TrackedChange] = []
    skipped = 0
    lines = difflib.SequenceMatcher(None, list(before), list(after), autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        if tag != "replace" or i2 - i1 != j2 - j1:
            skipped += max(i2 - i1, j2 - j1)
            continue
        for index, new in zip(range(i1, i2), after[j1:j2]):
            made = paragraph_changes(index, before[index], new, origins[index] if index < len(origins) else None)
            if made is None:
                skipped += 1
            else:
                changes.extend(made)
    return changes, skipped


def paragraph_changes(index: int, old: str, new: str, origin: Optional[ParagraphLine]) -> Optional[list[TrackedChange]]:
    if origin is None or not origin.exact or new[:origin.prefix] != old[:origin.prefix]:
        return None
    old_text, new_text = old[origin.prefix:], new[origin.prefix:]
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
    return [TrackedChange(index, i1, i2, new_text[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def save_review(document, path: str, output: str) -> None:
    """Write the review copy through the one writer of every file the tool
    writes (:func:`checker.read.safe_files.write_atomically`: a temporary file
    in the target's folder renamed over it), checking again just before the
    rename that the target is not the draft."""
    buffer = io.BytesIO()
    document.save(buffer)
    try:
        write_atomically(output, buffer.getvalue(), check=lambda target: _not_the_draft(path, target))
    except WriteError as error:
        raise AnnotateError(text("annotate.unwritable", error=error), error.kind) from None
