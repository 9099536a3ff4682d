"""What the consistency rule types (consistency_dates.py, consistency_figures.py,
consistency_names.py) share: an option ``check`` naming one of their checks, and
a ``check`` that hands that check the draft's consistency facts (Facts.draft,
extracted once per draft in checker/analyse/consistency.py)."""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document
from checker.analyse.consistency import DraftFacts
from .base import Finding, OptionError, check_known


class DraftCheck:
    """A rule type whose ``check:`` option chooses the method ``_<check>(document, draft)``."""

    CHECKS: tuple[str, ...] = ()
    OPTIONS: dict = {"check": None}

    def __init__(self, options: dict):
        self.options = check_known(options, self.OPTIONS)
        if self.options["check"] not in self.CHECKS:
            raise OptionError(f"option 'check' must be one of {', '.join(self.CHECKS)}")
        self.what = self.options["check"]

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        draft: DraftFacts = facts.draft
        yield from getattr(self, "_" + self.what)(document, draft)
