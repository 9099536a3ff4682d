"""The baseline: findings accepted once, so that only new ones are reported.

``reportlint --write-baseline FILE`` records the current findings; with
``--baseline FILE`` (or ``baseline:`` in the configuration) a finding whose
fingerprint (checker/settings/fingerprint.py: rule + the text around it, not its line)
is recorded for its file is not reported. The file is JSON::

    {
      "version": 1,
      "files": {
        "drafts/述职报告.txt": [
          {"rule": "placeholder", "fingerprint": "…", "line": 8, "message": "未填写的占位符“**”"}
        ]
      }
    }

File paths are relative to the baseline's folder (``/`` separated, so the
baseline works from any working folder and on any system); ``line`` and
``message`` are for the reader and play no part in matching.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .config import ConfigError
from checker.model import Diagnostic

FORMAT_VERSION = 1


class BaselineError(ConfigError):
    """A baseline file that cannot be read; str() is ``file:line: what is wrong``.
    A configuration error too (a configuration may name the baseline)."""


@dataclass(frozen=True)
class Entry:
    rule: str
    fingerprint: str
    line: int = 0
    message: str = ""

    def as_json(self) -> dict:
        return {"rule": self.rule, "fingerprint": self.fingerprint, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Baseline:
    """Accepted findings per file (immutable; picklable)."""

    path: str  # the baseline file
    files: tuple[tuple[str, tuple[Entry, ...]], ...] = ()  # (path relative to the baseline's folder, entries)

    @property
    def root(self) -> Path:
        return Path(self.path).absolute().parent

    @cached_property
    def _accepted(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(entry.fingerprint for entry in entries) for name, entries in self.files}

    @property
    def size(self) -> int:
        return sum(len(entries) for _, entries in self.files)

    def key(self, path: str) -> str:
        """How ``path`` (a linted file) is named in the baseline."""
        if path == "-":
            return "-"
        return Path(os.path.relpath(Path(path).absolute(), self.root)).as_posix()

    def filter(self, path: str, diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], tuple[str, ...]]:
        """The diagnostics the baseline does not accept, and the fingerprints of those it does."""
        accepted = self._accepted.get(self.key(path), frozenset())
        if not accepted:
            return list(diagnostics), ()
        kept = [d for d in diagnostics if d.fingerprint not in accepted]
        matched = tuple(d.fingerprint for d in diagnostics if d.fingerprint in accepted)
        return kept, matched

    @classmethod
    def load(cls, path: str) -> "Baseline":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(f"{path}:1: no such baseline file (write one with --write-baseline {path})") from None
        except (OSError, UnicodeDecodeError) as error:
            raise BaselineError(f"{path}:1: cannot read: {getattr(error, 'strerror', None) or error}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(f"{path}:{error.lineno}: invalid JSON: {error.msg}") from None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{path}:1: not a reportlint baseline (version {FORMAT_VERSION}, with 'files')")
        files = []
        for name, entries in data["files"].items():
            if not isinstance(entries, list) or not all(
                    isinstance(e, dict) and isinstance(e.get("rule"), str) and isinstance(e.get("fingerprint"), str)
                    for e in entries):
                raise BaselineError(f"{path}:{_line_of(text, name)}: the entries of {name!r} must be a list of "
                                    "{rule, fingerprint, line, message}")
            files.append((name, tuple(Entry(e["rule"], e["fingerprint"], int(e.get("line") or 0), str(e.get("message", "")))
                                      for e in entries)))
        return cls(path, tuple(files))

    @classmethod
    def of_results(cls, path: str, results: Iterable) -> "Baseline":
        """A baseline accepting every diagnostic of ``results`` (FileResults)."""
        empty = cls(path)
        files: dict[str, list[Entry]] = {}
        for result in results:
            entries = [Entry(d.rule, d.fingerprint, d.line, d.message) for d in result.diagnostics if d.fingerprint]
            if entries:
                files.setdefault(empty.key(result.path), []).extend(entries)
        return cls(path, tuple((name, tuple(entries)) for name, entries in sorted(files.items())))

    def pruned(self, results: Iterable) -> tuple["Baseline", list[tuple[str, Entry]]]:
        """This baseline without the entries that no longer match: those of the
        linted files (``results``) their findings did not match, and those of
        files that no longer exist. Returns it and the entries removed."""
        linted: dict[str, set[str]] = {}
        for result in results:
            linted.setdefault(self.key(result.path), set()).update(getattr(result, "baselined", ()))
        kept_files, removed = [], []
        for name, entries in self.files:
            if name in linted:
                kept = tuple(e for e in entries if e.fingerprint in linted[name])
            elif name != "-" and not (self.root / name).exists():
                kept = ()
            else:
                kept = entries
            removed.extend((name, e) for e in entries if e not in kept)
            if kept:
                kept_files.append((name, kept))
        return Baseline(self.path, tuple(kept_files)), removed

    def write(self) -> None:
        """Write the baseline file atomically (a temporary file renamed over it)."""
        data = {"version": FORMAT_VERSION,
                "files": {name: [e.as_json() for e in entries] for name, entries in self.files}}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        target = Path(self.path)
        folder = target.absolute().parent
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


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
        report.extend(f"{path}: removed {name}:{entry.line} [{entry.rule}] {entry.message}" for name, entry in removed)
        report.append(f"{path}: {len(removed)} entries removed, {pruned.size} kept")
    return report


__all__ = ["Baseline", "BaselineError", "Entry", "load_baseline", "prune_baselines"]
