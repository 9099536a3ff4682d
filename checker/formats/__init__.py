"""Output formats, by ``--output-format`` name. Each is a streaming
:class:`~checker.formats.base.Formatter` (begin / file / end); formatters are
pure and decide nothing (exit codes live in the CLI).
"""

from __future__ import annotations

from .base import Formatter, RunInfo, render
from .json_format import JsonFormatter
from .text_format import ConciseFormatter, FullFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "full": FullFormatter,
    "concise": ConciseFormatter,
    "json": JsonFormatter,
}

# Older names that keep working.
ALIASES = {"text": "full"}

__all__ = ["ALIASES", "FORMATTERS", "Formatter", "RunInfo", "render"]
