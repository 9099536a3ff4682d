"""Rule type ``numbering-sequence``: one kind of problem in runs of sibling numbers.

Options:
  problem: skip | duplicate | order | single — which problem this rule reports
           (see checker/analyse/sequences.py for how each is judged).
  items:   which runs to judge, any of ``headings`` (一、 （一） 1. （1） ① lines),
           ``shi`` (一是/二是, leading or inline), ``circled`` (inline ①②),
           ``paren`` (inline （1）（2）), ``di`` (第一，第二， leading or inline).

Message fields: {marker} the item as written, {missing} the missing numbers,
{previous} the item before it, {first} the run's first item.

Fix (skip, duplicate, order): renumber the run consecutively from its start,
each marker in its own form. The renumbering is cut among the run's findings:
each finding's fix renumbers from its item up to the next finding's, so all
of them together renumber the run once (a fix does not grow with the number
of findings; ``--fix`` applies them together). It may change meaning — a skip may stand
for a missing item — so the built-in rules declare it ``fix: unsafe``.
"""

from __future__ import annotations

from typing import Iterator

from checker.analyse.analysis import Facts
from checker.model import Document, Fix
from checker.analyse.sequences import enumerator_runs, heading_runs, problems, renumbering_parts
from .base import Finding, OptionError, check_known, expect

PROBLEMS = ("skip", "duplicate", "order", "single")
RENUMBERABLE = ("skip", "duplicate", "order")  # a lone item has nothing to renumber
ITEM_KINDS = ("headings", "shi", "circled", "paren", "di")


class NumberingSequenceRule:
    OPTIONS = {"problem": None, "items": list(ITEM_KINDS)}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        if options["problem"] not in PROBLEMS:
            raise OptionError(f"option 'problem' must be one of {', '.join(PROBLEMS)}")
        self.problem = options["problem"]
        items = expect(options["items"], list, "items", f"a list drawn from {', '.join(ITEM_KINDS)}")
        if not items or any(item not in ITEM_KINDS for item in items):
            raise OptionError(f"option 'items' must be a non-empty list drawn from {', '.join(ITEM_KINDS)}")
        self.items = set(items)
        self.can_fix = self.problem in RENUMBERABLE

    def _runs(self, document: Document):
        if "headings" in self.items:
            yield from heading_runs(document)
        for run in enumerator_runs(document):
            if run.kind in self.items:
                yield run

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        for run in self._runs(document):
            found = [problem for problem in problems(run) if problem.kind == self.problem]
            parts: list = [()] * len(found)
            if found and self.can_fix:
                position = {id(item): index for index, item in enumerate(run.items)}
                found.sort(key=lambda problem: position[id(problem.item)])
                parts = renumbering_parts(run, document.lines, [position[id(p.item)] for p in found])
            for problem, edits in zip(found, parts):
                fix = Fix(edits) if edits else None
                values = {
                    "marker": problem.item.marker.strip(),
                    "missing": "、".join(f"“{run.label(n)}”" for n in problem.numbers),
                    "previous": run.label(problem.numbers[0]) if problem.numbers else "",
                    "first": run.items[0].marker.strip(),
                }
                yield Finding(self._span(problem, run, document), values, fix=fix)

    @staticmethod
    def _span(problem, run, document: Document):
        """Where a problem is reported: on its item — except a duplicate of a
        number typed by hand just before an automatic one in a Word document
        (三、 typed among automatic 一、二、, the list then shows 三、 again):
        the typed number is the mistake."""
        source = document.source
        if problem.kind != "duplicate" or source.origins is None:
            return problem.item.span
        index = next(i for i, item in enumerate(run.items) if item is problem.item)
        previous = run.items[index - 1]
        here, there = source.origin(problem.item.span.line), source.origin(previous.span.line)
        if here is not None and there is not None and here.label and not there.label:
            return previous.span
        return problem.item.span
