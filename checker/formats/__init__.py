"""Output formats, by ``--output-format`` name. Each is a streaming
:class:`~checker.formats.base.Formatter` (begin / file / end); formatters are
pure and decide nothing (exit codes live in the CLI).
"""

from __future__ import annotations

from .base import Formatter, RunInfo, render
from .github_format import GithubFormatter
from .html_format import HtmlFormatter
from .json_format import JsonFormatter
from .sarif_format import SarifFormatter
from .text_format import ConciseFormatter, FullFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "full": FullFormatter,
    "concise": ConciseFormatter,
    "json": JsonFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
    "html": HtmlFormatter,  # one self-contained page: the drafts with their findings marked
}

# Older names that keep working.
ALIASES = {"text": "full"}

__all__ = ["ALIASES", "FORMATTERS", "Formatter", "RunInfo", "render"]
