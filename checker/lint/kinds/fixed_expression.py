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

  The data file is read like every rule file: a mistake stops the run with
  ``file:line: what is wrong``. Matches in residue, Markdown code spans and
  table separator rows are not reported (checker/analyse/prose.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from checker.analyse.analysis import Facts
from checker.model import Document, Edit, Fix, Span
from checker.analyse.prose import is_masked
from checker.resources import data_dir
from checker.settings.patterns import PatternError, compile_pattern
from checker.settings.regex_literals import LiteralScan, required_literals
from checker.settings.yamlfile import RuleFileError, at, read_yaml, reject_unknown_keys, where
from .base import Finding, OptionError, check_known, expect
from .formula_labels import KNOWN_ADVICE, LabelIndex
from .formula_lists import Segment, groups_of, list_chains, wrong_members

ENTRY_KEYS = {"canonical", "wrong", "pattern", "members", "strangers", "min_members", "ordered", "label", "fix",
              "advice", "source", "examples"}
REQUIRED_KEYS = ("canonical", "advice", "source", "examples")
JOINERS = r"[、，,和与及]"


@dataclass(frozen=True)
class Expression:
    canonical: str
    advice: str
    source: str
    regex: Optional[re.Pattern]  # wrong forms and pattern
    fix: Optional[str]
    members: tuple[str, ...]
    strangers: tuple[str, ...]
    min_members: int
    ordered: bool
    run: Optional[re.Pattern]  # a run of members and strangers joined by 、，和…
    item: Optional[re.Pattern]
    groups: tuple[tuple[str, ...], ...]  # the canonical form's groups of members
    label: Optional[str]
    fails: tuple[str, ...]
    passes: tuple[str, ...]
    line: int  # where the entry stands in its file

    def findings(self, number: int, line: str, wrong: bool = True, run: bool = True
                 ) -> Iterator[tuple[int, int, str, Optional[str], str]]:
        """(start, end, matched text, replacement, advice) of each wrong form on
        ``line`` written as the entry's wrong forms, pattern or run of members
        (``wrong``, ``run``: False where the line cannot hold that part)."""
        if self.regex is not None and wrong:
            for match in self.regex.finditer(line):
                if match.end() > match.start():
                    fix = match.expand(self.fix) if self.fix is not None else None
                    yield match.start(), match.end(), match.group(0), fix, self.advice
        if self.run is not None and run:
            for run in self.run.finditer(line):
                items = [m.group(0) for m in self.item.finditer(run.group(0))]
                order = [self.members.index(item) for item in items if item in self.members]
                stranger = any(item in self.strangers for item in items)
                if (stranger and len(order) >= self.min_members - 1) or \
                        (self.ordered and len(order) >= self.min_members and order != sorted(order)):
                    yield run.start(), run.end(), run.group(0), None, self.advice

    def member_findings(self, line: str, chains: list[list[Segment]], present: set[str]
                        ) -> Iterator[tuple[int, int, str, Optional[str], str]]:
        """The same for a list of ``line`` (``chains``: formula_lists.list_chains;
        ``present``: the members of any entry found on it) shaped like one of the
        entry's groups with one member replaced."""
        for group in self.groups:
            if len(present.intersection(group)) < len(group) - 1:
                continue
            for stranger, missing in wrong_members(line, chains, group):
                advice = f"“{stranger.text}”不在其列，此处应为“{missing}”；{self.advice}"
                yield stranger.start, stranger.end, stranger.text, missing, advice


def _strings(path: str, node: dict, key: str) -> tuple[str, ...]:
    value = node.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleFileError(f"{at(path, node, key)}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _compile(path: str, node: dict, key: str, pattern: str) -> re.Pattern:
    """A pattern of the expression file, through the one compiler for data
    (lexicon references, the backtracking guard): refused at its file:line."""
    try:
        return compile_pattern(pattern)
    except PatternError as error:
        raise RuleFileError(f"{at(path, node, key)}: {error}") from None


def _entry(path: str, node) -> Expression:
    if not isinstance(node, dict):
        raise RuleFileError(f"{where(path, node)}: each expression is a mapping with canonical, advice, source, examples")
    reject_unknown_keys(path, node, ENTRY_KEYS, " in an expression")
    for key in REQUIRED_KEYS:
        if key not in node:
            raise RuleFileError(f"{where(path, node)}: expression is missing '{key}'")
    for key in ("canonical", "advice", "source"):
        if not isinstance(node[key], str) or not node[key].strip():
            raise RuleFileError(f"{at(path, node, key)}: '{key}' must be a non-empty string")
    wrong, members, strangers = _strings(path, node, "wrong"), _strings(path, node, "members"), _strings(path, node, "strangers")
    pattern = node.get("pattern")
    if pattern is not None and (not isinstance(pattern, str) or not pattern):
        raise RuleFileError(f"{at(path, node, 'pattern')}: 'pattern' must be a regular expression")
    label = node.get("label")
    if label is not None and (not isinstance(label, str) or not re.search("[一二三四五六七八九十两双]", label)):
        raise RuleFileError(f"{at(path, node, 'label')}: 'label' is a numbered label such as 三会一课")
    if not (wrong or pattern or members or label):
        raise RuleFileError(f"{where(path, node)}: expression '{node['canonical']}' needs 'wrong', 'pattern', 'members' "
                            "or 'label'")
    if strangers and not members:
        raise RuleFileError(f"{at(path, node, 'strangers')}: 'strangers' go with 'members'")
    if pattern:
        _compile(path, node, "pattern", pattern)  # the pattern alone, so an error quotes what was written
    alternatives = [re.escape(w) for w in sorted(wrong, key=len, reverse=True)] + ([pattern] if pattern else [])
    regex = _compile(path, node, "pattern", "|".join(f"(?:{a})" for a in alternatives)) if alternatives else None
    fix = node.get("fix")
    if fix is not None:
        if not isinstance(fix, str) or regex is None:
            raise RuleFileError(f"{at(path, node, 'fix')}: 'fix' is the text that replaces a wrong form")
        try:
            regex.sub(fix, "")
        except (re.error, IndexError) as error:
            raise RuleFileError(f"{at(path, node, 'fix')}: {error}") from None
    min_members = node.get("min_members", 3)
    if not isinstance(min_members, int) or isinstance(min_members, bool) or min_members < 2:
        raise RuleFileError(f"{at(path, node, 'min_members')}: 'min_members' must be a whole number ≥ 2")
    ordered = node.get("ordered", True)
    if not isinstance(ordered, bool) or (not ordered and not members):
        raise RuleFileError(f"{at(path, node, 'ordered')}: 'ordered' is true or false and goes with 'members'")
    run = item = None
    if members and (ordered or strangers):
        words = "|".join(re.escape(w) for w in sorted(members + strangers, key=len, reverse=True))
        item = re.compile(words)
        run = re.compile(f"(?:{words})(?:{JOINERS}(?:{words}))+")
    examples = node["examples"]
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"} or not examples.get("fail") \
            or not examples.get("pass"):
        raise RuleFileError(f"{at(path, node, 'examples')}: 'examples' needs 'fail' and 'pass', each a non-empty list")
    fails, passes = _strings(path, examples, "fail"), _strings(path, examples, "pass")
    return Expression(node["canonical"], node["advice"].strip(), node["source"].strip(), regex, fix, members,
                      strangers, min_members, ordered, run, item, groups_of(node["canonical"], members), label, fails, passes,
                      getattr(node, "line", 0))


def load_expressions(path: str) -> tuple[tuple[Expression, ...], LabelIndex]:
    """The entries of an expression file, and the index of their numbered labels."""
    data = read_yaml(path, "expression")
    if not isinstance(data, dict) or not isinstance(data.get("expressions"), list):
        raise RuleFileError(f"{path}:1: an expression file is a mapping with 'expressions' (a list)")
    reject_unknown_keys(path, data, {"description", "expressions", "known_labels"})
    expressions = tuple(_entry(path, node) for node in data["expressions"])
    known = _strings(path, data, "known_labels")
    labels = {e.label: e for e in expressions if e.label}
    return expressions, LabelIndex(labels, set(known))


class FixedExpressionRule:
    OPTIONS = {"expressions": None}

    def __init__(self, options: dict):
        options = check_known(options, self.OPTIONS)
        name = expect(options["expressions"], str, "expressions", "the path of an expression file")
        path = Path(name) if Path(name).is_absolute() else data_dir("rules") / name
        if not path.is_file():
            raise OptionError(f"option 'expressions': no such file {name!r}")
        self.path = str(path)
        self.expressions, self.labels = load_expressions(self.path)
        # only the entries that can match a line's text, and those with groups for the lists
        self.checked = tuple(e for e in self.expressions if e.regex is not None or e.run is not None)
        # one scan of a line finds the entries whose wrong forms or runs may stand on it:
        # requirement 2i is entry i's wrong forms and pattern, 2i + 1 its run of members
        self.scan = LiteralScan([required_literals(regex) if regex is not None else frozenset()
                                 for e in self.checked for regex in (e.regex, e.run)])
        self.grouped = tuple(e for e in self.expressions if e.groups)
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
                for start, end, text, replacement, advice in expression.findings(number, line, wrong, run):
                    if is_masked(not_prose.get(number), start, end) or is_masked(taken, start, end):
                        continue
                    taken.append((start, end))
                    yield self._finding(number, start, end, text, replacement, expression, advice)
            present = set(self.members.findall(line)) if "、" in line else set()
            chains = list_chains(line) if len(present) >= 2 else []
            for expression in (self.grouped if chains else ()):
                for start, end, text, replacement, advice in expression.member_findings(line, chains, present):
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
