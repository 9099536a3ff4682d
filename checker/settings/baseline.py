"""The baseline: findings accepted once, so that only new ones are reported.

``reportlint --write-baseline FILE`` records the current findings; with
``--baseline FILE`` (or ``baseline:`` in the configuration) they are not
reported again. As in PHPStan's baseline, a finding is recorded by its file,
its rule and the text it matched (blanks removed), with how many times that
text draws that rule in that file — not by its line or the text around it. So
filling one of three placeholders on a line, editing elsewhere in the
sentence, moving a paragraph or re-indenting brings nothing back; only the
findings beyond the recorded count (the first ones in document order are the
accepted ones) are new. The file is JSON::

    {
      "version": 2,
      "files": {
        "drafts/述职报告.txt": [
          {"rule": "placeholder", "text": "XX", "count": 2, "message": "未填写的占位符“XX”"}
        ]
      }
    }

File paths are relative to the baseline's folder (``/`` separated, so the
baseline works from any working folder and on any system); ``message`` (the
first such finding's) is for the reader and plays no part in matching. A
finding whose span holds no text (a missing part) is recorded by its message.
A version-1 baseline (fingerprints of the text around each finding) is not
read: the run stops with one line saying to write it again.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .config import ConfigError
from .fingerprint import BLANKS
from checker.model import Diagnostic
from checker.read.safe_files import ReadError, read_text_limited, write_atomically

FORMAT_VERSION = 2
MAX_BASELINE_BYTES = 64 * 1024 * 1024  # about 400,000 entries; a baseline is read whole


class BaselineError(ConfigError):
    """A baseline file that cannot be read; str() is ``file:line: what is wrong``.
    A configuration error too (a configuration may name the baseline)."""


def matched_text(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """The text ``diagnostic`` matched, blanks removed; its message where the span holds none."""
    span = diagnostic.span
    if lines and span.line <= len(lines):
        last = min(span.end_line, len(lines))
        if last == span.line:
            text = lines[span.line - 1][span.column - 1:span.end_column - 1]
        else:
            text = "\n".join([lines[span.line - 1][span.column - 1:], *lines[span.line:last - 1],
                              lines[last - 1][:span.end_column - 1]])
        text = BLANKS.sub("", text)
        if text:
            return text
    return diagnostic.message


def key_of(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """What the baseline matches a finding by: its rule and its matched text."""
    return f"{diagnostic.rule}\0{matched_text(diagnostic, lines)}"


@dataclass(frozen=True)
class Entry:
    rule: str
    text: str
    count: int = 1
    message: str = ""

    @property
    def key(self) -> str:
        return f"{self.rule}\0{self.text}"

    def as_json(self) -> dict:
        return {"rule": self.rule, "text": self.text, "count": self.count, "message": self.message}


@dataclass(frozen=True)
class Baseline:
    """Accepted findings per file (immutable; picklable)."""

    path: str  # the baseline file
    files: tuple[tuple[str, tuple[Entry, ...]], ...] = ()  # (path relative to the baseline's folder, entries)

    @property
    def root(self) -> Path:
        return Path(self.path).absolute().parent

    @cached_property
    def _accepted(self) -> dict[str, Counter]:
        return {name: Counter({entry.key: entry.count for entry in entries}) for name, entries in self.files}

    @property
    def size(self) -> int:
        """How many findings it accepts."""
        return sum(entry.count for _, entries in self.files for entry in entries)

    def key(self, path: str) -> str:
        """How ``path`` (a linted file) is named in the baseline."""
        if path == "-":
            return "-"
        return Path(os.path.relpath(Path(path).absolute(), self.root)).as_posix()

    def filter(self, path: str, diagnostics: Sequence[Diagnostic],
               lines: Sequence[str] = ()) -> tuple[list[Diagnostic], tuple[str, ...]]:
        """The diagnostics the baseline does not accept, and the keys of those
        it does (one per accepted finding). Of the findings with one rule and
        text, the first ``count`` in document order are accepted."""
        accepted = self._accepted.get(self.key(path))
        if not accepted:
            return list(diagnostics), ()
        left = Counter(accepted)
        kept, matched = [], []
        for diagnostic in diagnostics:
            key = key_of(diagnostic, lines)
            if left[key] > 0:
                left[key] -= 1
                matched.append(key)
            else:
                kept.append(diagnostic)
        return kept, tuple(matched)

    @classmethod
    def load(cls, path: str) -> "Baseline":
        """Read a baseline: an untrusted file (regular, at most MAX_BASELINE_BYTES,
        its values checked); every problem is a one-line BaselineError."""
        try:
            text = read_text_limited(path, MAX_BASELINE_BYTES)
        except ReadError as error:
            if error.kind == "missing":
                raise BaselineError(f"{path}:1: no such baseline file (write one with --write-baseline {path})") from None
            raise BaselineError(f"{path}:1: {error}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(f"{path}:{error.lineno}: invalid JSON: {error.msg}") from None
        except (RecursionError, ValueError) as error:  # '[' * 100000; an integer of 5,000 digits
            raise BaselineError(f"{path}:1: invalid JSON: "
                                f"{'nested too deeply' if isinstance(error, RecursionError) else error}") from None
        if isinstance(data, dict) and data.get("version") == 1:
            raise BaselineError(f"{path}:1: a version-1 baseline (fingerprints), no longer read: "
                                f"write it again with --write-baseline {path}")
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{path}:1: not a reportlint baseline (version {FORMAT_VERSION}, with 'files')")
        files = []
        for name, entries in data["files"].items():
            if not isinstance(entries, list) or not all(_valid_entry(e) for e in entries):
                raise BaselineError(f"{path}:{_line_of(text, name)}: the entries of {name!r} must be a list of "
                                    "{rule, text, count, message} (rule and text strings, count a whole "
                                    "number from 1, message a string)")
            files.append((name, tuple(Entry(e["rule"], e["text"], e.get("count", 1), str(e.get("message") or ""))
                                      for e in entries)))
        return cls(path, tuple(files))

    @classmethod
    def of_results(cls, path: str, results: Iterable) -> "Baseline":
        """A baseline accepting every diagnostic of ``results`` (FileResults, with their lines)."""
        empty = cls(path)
        files: dict[str, dict[str, Entry]] = {}
        for result in results:
            entries = files.setdefault(empty.key(result.path), {})
            for diagnostic in result.diagnostics:
                text = matched_text(diagnostic, result.lines)
                entry = entries.get(f"{diagnostic.rule}\0{text}")
                entries[f"{diagnostic.rule}\0{text}"] = Entry(diagnostic.rule, text, entry.count + 1, entry.message) \
                    if entry else Entry(diagnostic.rule, text, 1, diagnostic.message)
        return cls(path, tuple((name, tuple(entries.values())) for name, entries in sorted(files.items()) if entries))

    def pruned(self, results: Iterable) -> tuple["Baseline", list[tuple[str, Entry]]]:
        """This baseline without what no longer matches: of the linted files
        (``results``), each entry's count cut to the findings it accepted (an
        entry that accepted none removed), and the entries of files that no
        longer exist. Returns it and what was removed (an entry with the count
        taken off it)."""
        linted: dict[str, Counter] = {}
        for result in results:
            linted.setdefault(self.key(result.path), Counter()).update(getattr(result, "baselined", ()))
        kept_files, removed = [], []
        for name, entries in self.files:
            if name in linted:
                matched = linted[name]
                kept = tuple(Entry(e.rule, e.text, min(e.count, matched[e.key]), e.message)
                             for e in entries if matched[e.key] > 0)
            elif name != "-" and not (self.root / name).exists():
                kept = ()
            else:
                kept = entries
            still = {e.key: e.count for e in kept}
            removed.extend((name, Entry(e.rule, e.text, e.count - still.get(e.key, 0), e.message))
                           for e in entries if still.get(e.key, 0) < e.count)
            if kept:
                kept_files.append((name, kept))
        return Baseline(self.path, tuple(kept_files)), removed

    def write(self) -> None:
        """Write the baseline file through the one writer (safe_files.write_atomically:
        regular files only, symlinks followed, permissions kept, atomic); WriteError otherwise."""
        data = {"version": FORMAT_VERSION,
                "files": {name: [e.as_json() for e in entries] for name, entries in self.files}}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_atomically(self.path, text.encode("utf-8"))


def _valid_entry(entry: object) -> bool:
    count = entry.get("count", 1) if isinstance(entry, dict) else None
    return (isinstance(entry, dict) and isinstance(entry.get("rule"), str) and isinstance(entry.get("text"), str)
            and isinstance(count, int) and not isinstance(count, bool) and count >= 1
            and isinstance(entry.get("message", ""), (str, type(None))))


def _line_of(text: str, name: str) -> int:
    quoted = json.dumps(name, ensure_ascii=False)
    for number, line in enumerate(text.splitlines(), 1):
        if quoted in line:
            return number
    return 1


def load_baseline(path: Optional[str]) -> Optional[Baseline]:
    return Baseline.load(path) if path else None



def prune_baselines(results: Sequence, baselines: Sequence[Optional[Baseline]]) -> list[str]:
    """Prune each baseline (``baselines[i]`` is the one ``results[i]`` was
    checked against), write those that change, and say what was removed."""
    by_path: dict[str, tuple[Baseline, list]] = {}
    for result, baseline in zip(results, baselines):
        if baseline is not None:
            by_path.setdefault(baseline.path, (baseline, []))[1].append(result)
    report = []
    for path, (baseline, its_results) in by_path.items():
        pruned, removed = baseline.pruned(its_results)
        if removed:
            pruned.write()
        report.extend(f"{path}: removed {name} [{entry.rule}] 「{entry.text}」 ×{entry.count}" for name, entry in removed)
        report.append(f"{path}: {sum(entry.count for _, entry in removed)} findings removed, {pruned.size} kept")
    return report


__all__ = ["Baseline", "BaselineError", "Entry", "key_of", "load_baseline", "matched_text", "prune_baselines"]
