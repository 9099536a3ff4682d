"""The public Python API: the CLI and the language server are thin layers on it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .engine import run_rules
from .genres import UnknownGenre, find_genre
from .model import Diagnostic, FileResult, SourceText
from .outline import parse_document
from .reading import InputError, expand_paths, read_source
from .ruleset import Rule, load_rules


@dataclass
class Config:
    """Which rules run, and how. Build with :meth:`load`."""

    rules: list[Rule]
    genre: Optional[str] = None

    @classmethod
    def load(cls, rule_files: Sequence[str] = (), genre: Optional[str] = None) -> "Config":
        """``genre`` (an id such as ``shuzhi`` or a name such as 述职报告, see
        rules/genres/) overrides the genre each draft's title names; an unknown
        one raises :class:`UnknownGenre`."""
        rules = _builtin_rules() if not rule_files else load_rules(list(rule_files))
        if genre is not None:
            find_genre(genre)
        return cls(rules=list(rules), genre=genre)

    def rule(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.name == name)


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    return tuple(load_rules())


def lint_source(source: SourceText, config: Optional[Config] = None) -> FileResult:
    config = config or Config.load()
    document = parse_document(source)
    document.genre = config.genre  # the declared genre, for the section rules
    return FileResult(source.path or "-", run_rules(document, config.rules), document)


def lint_text(text: str, *, path: Optional[str] = None, config: Optional[Config] = None) -> list[Diagnostic]:
    """Lint a string; ``path`` names it in diagnostics (and a .md path turns on
    Markdown awareness)."""
    return lint_source(SourceText.from_string(text, path), config).diagnostics


def lint_paths(paths: Iterable[str], config: Optional[Config] = None) -> list[FileResult]:
    """Lint files, directories (their *.txt and *.md) and ``-`` (stdin).
    Raises :class:`InputError` for the first unreadable input."""
    config = config or Config.load()
    return [lint_source(read_source(path), config) for path in expand_paths(list(paths))]


__all__ = ["Config", "FileResult", "InputError", "UnknownGenre", "lint_paths", "lint_source", "lint_text"]
