"""Apply the fixes findings carry, and write the result back without losing data.

A fix is a group of edits (``model.Fix``) that stands or falls together. One
pass takes the findings' fixes in a deterministic order (safe before unsafe,
then by position, then by rule), keeps each whose edits overlap none already
kept (an identical edit offered twice, by two findings, is one edit), and
applies the kept edits from the end of the text backwards, so earlier
positions stay valid. The text is then linted again and the next pass picks up
what was deferred; passes stop when nothing changes (at most ``MAX_PASSES``).
Only reported findings are fixed: what a fix brings about remains, reported
(lint and fix agree; tests/test_fix_agreement.py).

Writing (``write_fixed``) goes through the one writer of every file the tool
writes (``safe_files.write_atomically``: regular files only, symlinks written
through, permissions and owner kept, read-only and hard-linked files refused,
atomic): the text is encoded as it was read (encoding, BOM; line ends are never
touched, so mixed CRLF/LF files keep each line's own end) and replaces the
original — after checking that the file still holds the bytes that were read.
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from .api import Config, lint_source
from .messages import count
from .model import LINE_BREAK, Diagnostic, Edit, FileError, FileResult, SourceText, split_lines
from .read.reading import InputError, decode, is_word_input, read_bytes, source_from_bytes
from .read.safe_files import WriteError, write_atomically

MAX_PASSES = 10
BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class FixError(InputError):
    """A file that cannot be fixed safely (changed meanwhile, not writable…)."""


@dataclass
class FixOutcome:
    """What fixing one text did: the text before and after, the findings whose
    fixes were applied, and the lint of the fixed text (what remains)."""

    source: SourceText  # as read
    original: str
    text: str
    fixed: list[Diagnostic] = field(default_factory=list)
    result: Optional[FileResult] = None
    data: bytes = b""  # the bytes read, to detect a change before writing
    word: bool = False  # a Word document: checked, not fixed

    @property
    def changed(self) -> bool:
        return self.text != self.original


def wanted(diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> list[Diagnostic]:
    """The findings whose fix is to be applied: safe ones, and unsafe ones when asked."""
    return [d for d in diagnostics if d.fix and (unsafe or d.fix.applicability == "safe")]


class _Offsets:
    """Line/column (1-based, code points) -> offset into the whole text."""

    def __init__(self, text: str):
        self.length = len(text)
        self.starts = [0] + [match.end() for match in LINE_BREAK.finditer(text)]

    def __call__(self, line: int, column: int) -> int:
        if line - 1 >= len(self.starts):
            return self.length  # a line deletion of the last line reaches past it
        return min(self.starts[line - 1] + column - 1, self.length)

    def span(self, edit: Edit) -> tuple[int, int]:
        return self(edit.span.line, edit.span.column), self(edit.span.end_line, edit.span.end_column)


def _conflict(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two different edits that overlap, or insert at the same place (order unknown)."""
    if a == b:
        return False
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


class _Chosen:
    """The edits kept so far, sorted by start. They never conflict with one
    another, so they are disjoint and in order: an edit can only conflict with
    the last one starting at or before it and the first one after it — two
    looks (a binary search), not one per edit kept (that was quadratic)."""

    def __init__(self) -> None:
        self.starts: list[tuple[int, int, str]] = []

    def _neighbours(self, edit: tuple[int, int, str]) -> list[tuple[int, int, str]]:
        at = bisect.bisect_right(self.starts, (edit[0], float("inf"), ""))
        return self.starts[max(at - 1, 0):at + 1]

    def conflicts(self, edit: tuple[int, int, str]) -> bool:
        return any(_conflict(edit, other) for other in self._neighbours(edit))

    def add(self, edit: tuple[int, int, str]) -> None:
        if edit not in self._neighbours(edit):  # an identical edit offered twice is one edit
            bisect.insort(self.starts, edit)


def _collides(edits: list[tuple[int, int, str]]) -> bool:
    """Whether some of one fix's own edits conflict: sorted by start, it is
    enough to compare each with the next."""
    ordered = sorted(edits)
    return any(_conflict(a, b) for a, b in zip(ordered, ordered[1:]))


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic]) -> tuple[str, list[Diagnostic]]:
    """One pass: apply the fixes of ``diagnostics`` that do not overlap one taken
    before them; return the new text and the diagnostics whose fixes were applied.
    O(n log n) in the edits; the text is rebuilt once, from its pieces."""
    offsets = _Offsets(text)
    chosen = _Chosen()
    applied: list[Diagnostic] = []
    order = sorted((d for d in diagnostics if d.fix), key=lambda d: (
        d.fix.applicability != "safe", min(e.span for e in d.fix.edits), d.rule, d.message))
    for diagnostic in order:
        edits = {(*offsets.span(edit), edit.replacement) for edit in diagnostic.fix.edits}
        edits = sorted(e for e in edits if text[e[0]:e[1]] != e[2])  # a no-op changes nothing
        if not edits or any(chosen.conflicts(e) for e in edits):
            continue
        if _collides(edits):
            continue  # a fix whose own edits collide is not applied
        for edit in edits:
            chosen.add(edit)
        applied.append(diagnostic)
    pieces, position = [], 0
    for start, end, replacement in chosen.starts:
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _source_like(source: SourceText, text: str) -> SourceText:
    lines, newline = split_lines(text)
    return SourceText(lines=tuple(lines), path=source.path, encoding=source.encoding, bom=source.bom,
                      newline=newline)


def fix_source(source: SourceText, text: str, config: Config, unsafe: bool = False,
               linted: Optional[FileResult] = None) -> FixOutcome:
    """Fix ``text`` (the decoded content of ``source``) pass by pass.

    Only what the lint reported is fixed: the first pass applies the fixes of
    the findings reported on ``text``; a later pass applies only fixes that an
    earlier pass had to defer (two fixes on one span: the second waits), at
    most as many per rule as were deferred. A finding that a fix brings about
    (a blank left after a comma made full-width) is not fixed silently: it
    remains, and the report after fixing shows it. ``linted``: the lint of
    ``text`` with ``config`` where the caller has it (the language server),
    so it is not linted twice; at most MAX_PASSES + 1 lints in all."""
    outcome = FixOutcome(source, text, text)
    current = source
    result = linted if linted is not None else lint_source(current, config)
    deferred: Optional[Counter] = None  # per rule, the reported fixes still waiting
    for _ in range(MAX_PASSES):
        candidates = wanted(result.diagnostics, unsafe)
        if deferred is not None:
            candidates = _within(candidates, deferred)
        new_text, applied = apply_fixes(outcome.text, candidates)
        if not applied or new_text == outcome.text:
            break
        outcome.text = new_text
        outcome.fixed.extend(applied)
        current = _source_like(source, new_text)
        result = lint_source(current, config)
        deferred = Counter(d.rule for d in candidates) - Counter(d.rule for d in applied)
        if not deferred:
            break
    outcome.result = result
    return outcome


def _within(diagnostics: list[Diagnostic], budget: Counter) -> list[Diagnostic]:
    """The first ``budget[rule]`` of ``diagnostics`` of each rule, in order."""
    left = Counter(budget)
    kept = []
    for diagnostic in diagnostics:
        if left[diagnostic.rule] > 0:
            left[diagnostic.rule] -= 1
            kept.append(diagnostic)
    return kept


def encode_like(text: str, source: SourceText) -> bytes:
    """``text`` in the encoding (and with the BOM) the source was read in."""
    return (BOMS.get(source.encoding, b"") if source.bom else b"") + text.encode(source.encoding)


def fix_bytes(data: bytes, path: Optional[str], config: Config, unsafe: bool = False) -> FixOutcome:
    if is_word_input(path, data):  # checked, never rewritten: fixes are for text files
        source = source_from_bytes(data, path)
        return FixOutcome(source, "", "", result=lint_source(source, config), data=data, word=True)
    text, encoding, bom = decode(data, path or "<stdin>")
    lines, newline = split_lines(text)
    source = SourceText(lines=tuple(lines), path=path, encoding=encoding, bom=bom, newline=newline)
    outcome = fix_source(source, text, config, unsafe)
    outcome.data = data
    return outcome


def fix_path(path: str, config: Config, unsafe: bool = False, write: bool = True,
             max_size: Optional[int] = None, name: Optional[str] = None) -> FixOutcome:
    """Fix one file (``-``: standard input, which can only be shown, not written);
    with ``write`` the fixed text replaces the file (:func:`write_fixed`)."""
    if path == "-" and write:
        raise FixError("-: standard input cannot be fixed in place (use --diff)", "unfixable")
    outcome = fix_bytes(read_bytes(path, max_size), name or path, config, unsafe)
    if write:
        write_fixed(outcome)
    return outcome


def write_fixed(outcome: FixOutcome) -> None:
    """Write the fixed text over its file atomically, as it was encoded, with its
    permissions; refuse where the file no longer holds the bytes read, or where
    the bytes read would not come back unchanged from the decoded text."""
    path = outcome.source.path
    if not outcome.changed:
        return
    if encode_like(outcome.original, outcome.source) != outcome.data:
        raise FixError(f"{path}: not fixed: its bytes do not round-trip through {outcome.source.encoding}",
                       "unfixable")
    data = encode_like(outcome.text, outcome.source)

    def unchanged(target: str) -> None:
        with open(target, "rb") as file:
            if file.read(len(outcome.data) + 1) != outcome.data:
                raise FixError(f"{path}: changed since it was read; not fixed (run again)", "changed")

    try:
        write_atomically(path, data, check=unchanged)
    except WriteError as error:
        raise FixError(f"{error} (not fixed)", error.kind) from None


def unified_diff(outcome: FixOutcome) -> str:
    """The change as a unified diff (``--- path`` / ``+++ path``); "" if none."""
    if not outcome.changed:
        return ""
    path = outcome.source.path or "-"
    before = LINE_WITH_END.findall(outcome.original)
    after = LINE_WITH_END.findall(outcome.text)
    out = []
    for line in difflib.unified_diff(before, after, fromfile=path, tofile=path):
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


class FixRun:
    """``--fix`` / ``--diff`` over many files, one after another: yields each
    file's result after fixing (what remains), as ``batch.lint_files`` yields
    lint results, and keeps what it did for the diff and the summary."""

    def __init__(self, unsafe: bool = False, write: bool = True, max_size: Optional[int] = None,
                 stdin_name: Optional[str] = None):
        self.stdin_name = stdin_name  # what standard input is called (--stdin-filename)
        self.unsafe = unsafe
        self.write = write
        self.max_size = max_size  # the file-size limit (reading.max_file_size)
        self.outcomes: list[FixOutcome] = []
        self.latest: Optional[FixOutcome] = None  # the last file's, None where it could not be fixed

    def results(self, paths: Sequence[str], configs: Sequence[Config]) -> Iterator[FileResult]:
        for path, config in zip(paths, configs):
            self.latest = None
            try:
                self.latest = fix_path(path, config, self.unsafe, self.write, self.max_size,
                                       self.stdin_name if path == "-" else None)
            except InputError as error:
                yield FileResult(path, error=FileError(error.kind, str(error)))
                continue
            self.outcomes.append(self.latest)
            yield self.latest.result

    def latest_diff(self) -> str:
        return unified_diff(self.latest) if self.latest else ""

    def summary(self) -> str:
        """One line: how many findings were (or would be) fixed in how many
        files, and how many remain."""
        outcomes = self.outcomes
        fixed = sum(len(outcome.fixed) for outcome in outcomes)
        files = sum(outcome.changed for outcome in outcomes)
        remain = sum(len(outcome.result.diagnostics) for outcome in outcomes if outcome.result)
        words = sum(outcome.word for outcome in outcomes)
        line = count("fix.fixed" if self.write else "fix.would_fix", fixed, files=files,
                     files_s="" if files == 1 else "s", remain=remain, remain_s="s" if remain == 1 else "")
        return line + (count("fix.word", words) if words else "")
