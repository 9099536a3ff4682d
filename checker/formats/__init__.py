"""Formatters: pure functions from lint results to text. A formatter never
decides anything (exit codes live in the CLI).

Each takes ``(results, color, unreadable)`` — ``unreadable`` counts the inputs
that could not be read — and returns the whole output as a string.
"""

from __future__ import annotations

from . import json_format, text_format

FORMATTERS = {
    "text": text_format.render,
    "json": json_format.render,
}
