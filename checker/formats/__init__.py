"""Output formats, by ``--output-format`` name. Each is a streaming
:class:`~checker.formats.base.Formatter` (begin / file / end); formatters are
pure and decide nothing (exit codes live in the CLI).

A format's module is imported when the format is asked for (``FORMATTERS[name]``),
so a run in the text format loads neither the HTML nor the SARIF writer.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Iterator

from .base import Formatter, RunInfo, render

# name -> (module, class)
_PLACES: dict[str, tuple[str, str]] = {
    "full": ("text_format", "FullFormatter"),
    "concise": ("text_format", "ConciseFormatter"),
    "json": ("json_format", "JsonFormatter"),
    "sarif": ("sarif_format", "SarifFormatter"),
    "github": ("github_format", "GithubFormatter"),
    "html": ("html_format", "HtmlFormatter"),  # one self-contained page: the drafts with their findings marked
}


class _Formatters(Mapping):
    """The formatter classes by name, each module imported on first use."""

    def __getitem__(self, name: str) -> type[Formatter]:
        module, cls = _PLACES[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)

    def __iter__(self) -> Iterator[str]:
        return iter(_PLACES)

    def __len__(self) -> int:
        return len(_PLACES)


FORMATTERS: Mapping[str, type[Formatter]] = _Formatters()

# Older names that keep working.
ALIASES = {"text": "full"}

__all__ = ["ALIASES", "FORMATTERS", "Formatter", "RunInfo", "render"]
