"""Expression files (rules/expressions/*.yaml, or a user's, named by a
fixed-expression rule's ``expressions`` option): read through the one YAML
loader (settings/yamlfile.py: ``file:line`` for every mistake) and their
patterns through the one compiler for data (settings/patterns.py: lexicon
references, the backtracking guard). The fixed-expression rule type
(checker/lint/kinds/fixed_expression.py, where the file's format is
described) judges lines with what this module loads; it reads no file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from checker.lexicon import QUOTE_MARKS as QUOTES
from .patterns import PatternError, compile_pattern
from .yamlfile import EXAMPLE_FORMS, RuleFileError, at, read_yaml, reject_other_example_form, reject_unknown_keys, where

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


@dataclass(frozen=True)
class ExpressionFile:
    """What an expression file holds: its entries, and the numbered labels that are
    right in their own right (``known_labels``: 两个确保, 三个代表)."""

    expressions: tuple[Expression, ...]
    known_labels: frozenset[str] = frozenset()


def groups_of(canonical: str, members: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The groups of a canonical list (split at ，, items at 、和及与) whose items are all
    members; a group of fewer than three items is too short to judge."""
    groups = []
    for part in re.split(r"[，,]", canonical):
        # 和/及/与 join the last item (享乐主义和奢靡之风) unless they belong to a member (和谐)
        items = tuple(item.strip(QUOTES) for piece in part.split("、")
                      for item in ([piece] if piece.strip(QUOTES) in members else re.split(r"和|及|与", piece)) if item)
        if len(items) >= 3 and all(item in members for item in items):
            groups.append(items)
    return tuple(groups)


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
    reject_other_example_form(path, examples, "rule")
    if not isinstance(examples, dict) or set(examples) - set(EXAMPLE_FORMS["rule"]) or not examples.get("fail") \
            or not examples.get("pass"):
        raise RuleFileError(f"{at(path, node, 'examples')}: 'examples' needs 'fail' and 'pass', each a non-empty list")
    fails, passes = _strings(path, examples, "fail"), _strings(path, examples, "pass")
    return Expression(node["canonical"], node["advice"].strip(), node["source"].strip(), regex, fix, members,
                      strangers, min_members, ordered, run, item, groups_of(node["canonical"], members), label, fails, passes,
                      getattr(node, "line", 0))


def load_expressions(path: str) -> ExpressionFile:
    """The entries of an expression file and the numbered labels it knows."""
    data = read_yaml(path, "expression")
    if not isinstance(data, dict) or not isinstance(data.get("expressions"), list):
        raise RuleFileError(f"{path}:1: an expression file is a mapping with 'expressions' (a list)")
    reject_unknown_keys(path, data, {"description", "expressions", "known_labels"})
    expressions = tuple(_entry(path, node) for node in data["expressions"])
    known = _strings(path, data, "known_labels")
    return ExpressionFile(expressions, frozenset(known))
