"""The public Python API: the CLI, the language server and the formatters are
thin layers on it, and import nothing of the layers below (reading, parsing,
analysis, the rule engine) but through it."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Optional

from .analyse.analysis import Facts, analyse
from .settings.config import Config, ConfigError
from .lint.engine import ENGINE_RULES, INTERNAL_ERROR, internal_error, run_rules
from .settings.timebound import budget_for, document_budget
from .settings.genres import UnknownGenre
from .resources import VERSION
from .model import Diagnostic, Document, FileError, FileResult, Outline, SourceText
from .parse.outline import parse_document
from .read.reading import InputError, configured_size, expand_paths, max_file_size, parse_size, read_source
from .read.safe_files import AtomicWriter, WriteError, check_writable, write_atomically
from .settings.yamlfile import RuleFileError
from .lint.suppression import apply_suppressions

__version__ = VERSION


def lint_source(source: SourceText, config: Optional[Config] = None) -> FileResult:
    """Lint one decoded file with ``config`` (its per-path overrides applied).
    A crash of the parser or the analysis on this text is reported as one
    ``internal-error`` diagnostic, not raised (rule crashes: see engine.py)."""
    config = (config or Config.load()).for_path(source.path)
    path = source.path or "-"
    try:
        document = parse_document(source)
    except Exception as error:  # noqa: BLE001 - one document's bug must not end a batch
        return FileResult(path, [internal_error(source.path, "parser", error)], lines=source.lines)
    with document_budget(budget_for(sum(map(len, source.lines)))):  # the user patterns' time, all together
        try:  # the declared genre and the genre packs (built-in plus genre_packs) are the config's
            facts = analyse(document, config)
        except Exception as error:  # noqa: BLE001 - one document's bug must not end a batch
            return FileResult(path, [internal_error(source.path, "analysis", error)], lines=source.lines)
        diagnostics = run_rules(document, config.rules, facts)
    diagnostics = apply_suppressions(document, diagnostics, config.rules)
    baselined: tuple[str, ...] = ()
    if config.baseline is not None:  # findings accepted once are not reported again
        diagnostics, baselined = config.baseline.filter(path, diagnostics, source.lines)
    return FileResult(path, diagnostics, document, lines=source.lines, baselined=baselined, facts=facts,
                      outline=Outline.of(document))


def analyse_source(source: SourceText, config: Optional[Config] = None) -> tuple[Document, Facts]:
    """The parsed draft and its facts (genre, title and closing blocks, outline
    matched to the genre), as the rules see them with ``config``: what
    ``reportlint outline`` shows. Parser and analysis errors are raised."""
    config = (config or Config.load()).for_path(source.path)
    document = parse_document(source)
    with document_budget(budget_for(sum(map(len, source.lines)))):
        return document, analyse(document, config)


def draft_facts(facts: Facts) -> dict:
    """The facts of the whole draft that the consistency rules judge (the report's
    period, the signature date, the author unit and who leads it, self-references,
    dates with their weekday, people, totals, changes, shares), as plain data —
    what ``reportlint outline`` shows under the outline. The keys are listed in
    docs/consistency.md."""
    return facts.draft.summary()


def lint_file(path: str, config: Optional[Config] = None, max_size: Optional[int] = None,
              name: Optional[str] = None) -> FileResult:
    """Read and lint one file (or ``-``, stdin); a file that cannot be read
    becomes a result with ``error`` set and no diagnostics, rather than raising.
    ``max_size``: the file-size limit in bytes (default: see reading.max_file_size);
    ``name``: what to call it instead of ``path`` (standard input's --stdin-filename),
    which decides Markdown and names the findings."""
    try:
        source = read_source(path, max_size)
    except InputError as error:
        return FileResult(name or path, error=FileError(error.kind, str(error)))
    if name:
        source = dataclasses.replace(source, path=name)
    return lint_source(source, config)


def lint_text(text: str, *, path: Optional[str] = None, config: Optional[Config] = None) -> list[Diagnostic]:
    """Lint a string; ``path`` names it in diagnostics (and a .md path turns on
    Markdown awareness)."""
    return lint_source(SourceText.from_string(text, path), config).diagnostics


def lint_paths(paths: Iterable[str], config: Optional[Config] = None) -> list[FileResult]:
    """Lint files, directories (their *.txt, *.md and *.docx) and ``-`` (stdin).
    Raises :class:`InputError` for the first unreadable input."""
    config = config or Config.load()
    return [lint_source(read_source(path), config) for path in expand_paths(list(paths))]


__all__ = ["ENGINE_RULES", "INTERNAL_ERROR", "Config", "ConfigError", "FileResult", "InputError", "RuleFileError",
           "UnknownGenre", "__version__", "analyse_source", "draft_facts", "expand_paths", "lint_file", "lint_paths",
           "lint_source", "lint_text", "configured_size", "max_file_size", "parse_size", "read_source", "AtomicWriter", "WriteError",
           "check_writable", "write_atomically"]
