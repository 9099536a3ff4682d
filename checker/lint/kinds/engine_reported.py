"""Rule type ``engine``: a rule the engine reports itself rather than a rule
type judging the text (``unused-suppression``, from checker/lint/suppression.py).
Its YAML gives it a name, code, severity, message, documentation and examples
like any rule, so a configuration can switch it off; the type finds nothing."""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document
from .base import Finding, check_known


class EngineReported:
    OPTIONS: dict = {}

    def __init__(self, options: dict):
        check_known(options, self.OPTIONS)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        return iter(())
