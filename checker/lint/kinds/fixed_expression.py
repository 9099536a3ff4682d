"""Rule type ``fixed-expression``: fixed political and official expressions
written other than in their canonical form.

Options:
  expressions: the YAML data file listing the expressions, relative to the
               built-in rules folder (``expressions/political.yaml``) or an
               absolute path. Each entry:

    canonical:   the expression as it must be written (message field {canonical})
    wrong:       literal wrong forms, each reported where it occurs
    pattern:     a regex for wrong forms (with or instead of ``wrong``)
    members:     the members of an enumerated formula in their order; a run
                 of at least ``min_members`` of them (default 3) joined by
                 、，和与及 in another order is reported
    ordered:     false for a formula whose members are listed in any order
                 (医保、医疗、医药; 进企业、进农村、进社区…): no order is reported
    strangers:   words that do not belong among ``members``: one joined to a
                 run of at least ``min_members - 1`` members is reported.
                 Beyond the listed strangers, a list shaped like one group of
                 the canonical form (groups split at ，) with exactly one
                 member replaced by any other word is reported, in any order
                 and without the label nearby (formula_lists.py)
    label:       the numbered label the entry is about (三会一课); a word one
                 character off it (“三会一训”) is reported, unless it is a
                 label itself (formula_labels.py)
    fix:         what replaces a ``wrong`` / ``pattern`` match (``\\1`` refers to
                 a group), where the right form is clear
    advice:      what to write and why (message field {advice})
    source:      the document that fixes the wording (message field {source})
    examples:    {fail: [...], pass: [...]}, run by the tests (each fail text
                 is reported by this entry, each pass text by no entry)

  Besides ``expressions``, the file may list ``known_labels``: numbered
  labels that are right in their own right (两个确保, 三个代表), so that
  none of them is taken for a near miss of an entry's label.

  The data file is read by the settings (checker/settings/expressions.py), like
  every rule file: a mistake stops the run with ``file:line: what is wrong``. Matches in residue, Markdown code spans and
  table separator rows are not reported (checker/analyse/prose.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Optional

from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Span
from checker.analyse.prose import is_masked
from checker.resources import data_dir
from checker.settings.expressions import Expression, load_expressions
from checker.settings.regex_literals import LiteralScan, required_literals
from .base import Finding, OptionError, check_known, expect
from .formula_labels import KNOWN_ADVICE, LabelIndex
from .formula_lists import Segment, list_chains, wrong_members


def entry_findings(entry: Expression, line: str, wrong: bool = True, run: bool = True
                   ) -> Iterator[tuple[int, int, str, Optional[str], str]]:
    """(start, end, matched text, replacement, advice) of each wrong form on
    ``line`` written as ``entry``'s wrong forms, pattern or run of members
    (``wrong``, ``run``: False where the line cannot hold that part)."""
    if entry.regex is not None and wrong:
        for match in entry.regex.finditer(line):
            if match.end() > match.start():
                fix = match.expand(entry.fix) if entry.fix is not None else None
                yield match.start(), match.end(), match.group(0), fix, entry.advice
    if entry.run is not None and run:
        for run in entry.run.finditer(line):
            items = [m.group(0) for m in entry.item.finditer(run.group(0))]
            order = [entry.members.index(item) for item in items if item in entry.members]
            stranger = any(item in entry.strangers for item in items)
            if (stranger and len(order) >= entry.min_members - 1) or \
                    (entry.ordered and len(order) >= entry.min_members and order != sorted(order)):
                yield run.start(), run.end(), run.group(0), None, entry.advice


def member_findings(entry: Expression, line: str, chains: list[list[Segment]], present: set[str]
                    ) -> Iterator[tuple[int, int, str, Optional[str], str]]:
    """The same for a list of ``line`` (``chains``: formula_lists.list_chains;
    ``present``: the members of any entry found on it) shaped like one of the
    entry's groups with one member replaced."""
    for group in entry.groups:
        if len(present.intersection(group)) < len(group) - 1:
            continue
        for stranger, missing in wrong_members(line, chains, group):
            advice = f"“{stranger.text}”不在其列，此处应为“{missing}”；{entry.advice}"
            yield stranger.start, stranger.end, stranger.text, missing, advice


class FixedExpressionRule:
    OPTIONS = {"expressions": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        name = expect(options["expressions"], str, "expressions", "the path of an expression file")
        path = Path(name) if Path(name).is_absolute() else data_dir("rules") / name
        if not path.is_file():
            raise OptionError(f"option 'expressions': no such file {name!r}")
        self.path = str(path)
        loaded = load_expressions(self.path)  # the file, read by the settings' loader
        self.expressions = loaded.expressions
        self.labels = LabelIndex({e.label: e for e in self.expressions if e.label}, set(loaded.known_labels))
        # only the entries that can match a line's text, and those with groups for the lists
        self.checked = tuple(e for e in self.expressions if e.regex is not None or e.run is not None)
        # one scan of a line finds the entries whose wrong forms or runs may stand on it:
        # requirement 2i is entry i's wrong forms and pattern, 2i + 1 its run of members
        self.scan = LiteralScan([required_literals(regex) if regex is not None else frozenset()
                                 for e in self.checked for regex in (e.regex, e.run)])
        self.grouped = tuple(e for e in self.expressions if e.groups)
        # which grouped entries a member found on a line can concern (member_findings needs all but one
        # member of a group present: an entry none of whose members stands there is passed over)
        self.grouped_by_member: dict[str, frozenset[int]] = {}
        for index, entry in enumerate(self.grouped):
            for member in {m for group in entry.groups for m in group}:
                self.grouped_by_member[member] = self.grouped_by_member.get(member, frozenset()) | {index}
        self.grouped_always = frozenset(i for i, e in enumerate(self.grouped) if any(len(g) <= 1 for g in e.groups))
        members = {member for e in self.grouped for group in e.groups for member in group}
        self.members = re.compile("|".join(re.escape(m) for m in sorted(members, key=len, reverse=True)) or "(?!)")
        self.can_fix = self.needs_fix_declaration = any(e.fix is not None for e in self.expressions)

    def check(self, document: Document, facts: Facts) -> Iterator[Finding]:
        not_prose = facts.not_prose
        for number, line in enumerate(document.lines, 1):
            if not line.strip():
                continue
            taken: list[tuple[int, int]] = []
            candidates = self.scan.candidates(line)  # in order: 2i (wrong forms) before 2i + 1 (run)
            for position, candidate in enumerate(candidates):
                index, part = divmod(candidate, 2)
                if part and position and candidates[position - 1] == candidate - 1:
                    continue  # the run, taken with the wrong forms just before
                wrong = not part
                run = bool(part) or (position + 1 < len(candidates) and candidates[position + 1] == candidate + 1)
                expression = self.checked[index]
                for start, end, text, replacement, advice in entry_findings(expression, line, wrong, run):
                    if is_masked(not_prose.get(number), start, end) or is_masked(taken, start, end):
                        continue
                    taken.append((start, end))
                    yield self._finding(number, start, end, text, replacement, expression, advice)
            present = set(self.members.findall(line)) if "、" in line else set()
            chains = list_chains(line) if len(present) >= 2 else []
            concerned = self.grouped_always.union(*map(self.grouped_by_member.get, present)) if chains else ()
            for expression in map(self.grouped.__getitem__, sorted(concerned)):
                for start, end, text, replacement, advice in member_findings(expression, line, chains, present):
                    if is_masked(not_prose.get(number), start, end) or is_masked(taken, start, end):
                        continue
                    taken.append((start, end))
                    yield self._finding(number, start, end, text, replacement, expression, advice)
            for start, end, text, label in self.labels.near_misses(line):
                if is_masked(not_prose.get(number), start, end) or is_masked(taken, start, end):
                    continue
                taken.append((start, end))
                expression = self.labels.labels.get(label) or self._known_label(label)
                yield self._finding(number, start, end, text, label, expression,
                                    f"“{text}”应为“{label}”；{expression.advice}")

    @staticmethod
    def _known_label(label: str) -> "Expression":
        """A stand-in entry for a known label that no entry is about (两学一做)."""
        return Expression(f"“{label}”", KNOWN_ADVICE, "党的文献和政府文件中的数字概括提法", None, None, (), (), 3, True,
                          None, None, (), label, (), (), 0)

    @staticmethod
    def _finding(number: int, start: int, end: int, text: str, replacement: Optional[str], expression: Expression,
                 advice: str) -> Finding:
        span = Span.on_line(number, start, end)
        fix = Fix((Edit(span, replacement),)) if replacement is not None else None
        values = {"match": text, "canonical": expression.canonical, "advice": advice, "source": expression.source}
        return Finding(span, values, fix=fix)
