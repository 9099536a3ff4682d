"""reportlint: a linter for Chinese official report drafts."""

from .api import Config, FileResult, lint_paths, lint_source, lint_text
from .model import Diagnostic, Span

__version__ = "0.1.0"

__all__ = ["Config", "Diagnostic", "FileResult", "Span", "__version__", "lint_paths", "lint_source", "lint_text"]
