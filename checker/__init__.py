"""reportlint: a linter for Chinese official report drafts."""

from .settings import dataclass_code

dataclass_code.install()  # before the first dataclass is built: their methods' code from the per-user cache

from .api import Config, FileResult, __version__, lint_paths, lint_source, lint_text
from .model import Diagnostic, Span

__all__ = ["Config", "Diagnostic", "FileResult", "Span", "__version__", "lint_paths", "lint_source", "lint_text"]
