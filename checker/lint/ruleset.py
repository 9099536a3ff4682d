"""YAML rule packs -> validated Rule objects.

A pack is a YAML mapping ``{pack: name, description: text, rules: [...]}``;
docs/rules-schema.md documents every key. Files are read with PyYAML's safe
loader only. Every problem is a :class:`RuleFileError` whose message is
``file:line: what is wrong`` (no traceback reaches the user).
"""

from __future__ import annotations

import string
from dataclasses import replace
from pathlib import Path
from typing import Any, Optional

from checker import resources
from .engine import run_rules
from .kinds import RULE_TYPES, OptionError
from checker.model import SEVERITIES
from .rule import Example, Rule
from checker.settings.yamlfile import Located, LocatedList, RuleFileError, read_yaml, reject_other_example_form
from checker.settings.yamlfile import EXAMPLE_FORMS, reject_unknown_keys
from checker.settings.yamlfile import at as _at
from checker.settings.yamlfile import where as _where
from checker.settings.lazy_regex import lazy_regex

NAME = lazy_regex(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CODE = lazy_regex(r"^RL\d{3}$")
CODE_PREFIX = lazy_regex(r"^RL\d{0,3}$")  # RL3: every numbering rule; RL301: one rule
PACK_KEYS = {"pack", "description", "rules"}
RULE_KEYS = {"name", "code", "type", "severity", "message", "description", "options", "examples", "enabled",
             "yields_to", "fix"}
REQUIRED_RULE_KEYS = ("name", "code", "type", "severity", "message", "description", "examples")
EXAMPLE_KEYS = set(EXAMPLE_FORMS["rule"])
PASS_EXAMPLE_KEYS = {"text", "path"}
FAIL_EXAMPLE_KEYS = {"text", "count", "lines", "path", "fixed"}
FIX_APPLICABILITIES = ("safe", "unsafe")


def selects(selector: str, name: str, code: str) -> bool:
    """Whether ``selector`` — a rule name, a code or a code prefix such as
    ``RL3`` — names the rule ``name`` with ``code``."""
    return selector == name or (CODE_PREFIX.match(selector) is not None and code.startswith(selector))


def _quoted_line(node: Any, message: str) -> Optional[int]:
    """The line of the innermost value or key that ``message`` quotes ('…'),
    so an option error points at the entry it is about."""
    if isinstance(node, Located):
        entries = [(value, node.key_lines.get(key)) for key, value in node.items()]
    elif isinstance(node, LocatedList):
        entries = list(zip(node, getattr(node, "item_lines", [])))
    else:
        return None
    for value, line in entries:
        found = _quoted_line(value, message)
        if found:
            return found
        if isinstance(value, str) and value and repr(value) in message:
            return line
    if isinstance(node, Located):
        for key in node:
            if f"'{key}'" in message:
                return node.key_lines.get(key)
    return None


def _template_problem(template: str) -> Optional[str]:
    """Why a message template cannot be filled with named values, or None."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        return str(error)
    for _, name, _, conversion in parsed:
        if name is not None and (not name or name[0].isdigit()):
            return f"field {{{name}}} must be a name, like {{match}} (write {{{{ and }}}} for literal braces)"
        if conversion not in (None, "r", "s", "a"):
            return f"unknown conversion !{conversion} in {{{name}!{conversion}}}"
    return None


def _examples(path: str, node: Any, which: str) -> tuple[Example, ...]:
    known = FAIL_EXAMPLE_KEYS if which == "fail" else PASS_EXAMPLE_KEYS
    if not isinstance(node, list):
        raise RuleFileError(f"{_where(path, node)}: examples.{which} must be a list")
    examples = []
    for item in node:
        if isinstance(item, str):
            examples.append(Example(item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise RuleFileError(f"{_where(path, item, node.line)}: an example is a string or a mapping with 'text'")
        reject_unknown_keys(path, item, known, f" in a {which} example")
        count = item.get("count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
            raise RuleFileError(f"{_at(path, item, 'count')}: 'count' must be a positive whole number")
        lines = item.get("lines")
        if lines is not None and (not isinstance(lines, list) or not all(isinstance(n, int) for n in lines)):
            raise RuleFileError(f"{_at(path, item, 'lines')}: 'lines' must be a list of line numbers")
        example_path = item.get("path")
        if example_path is not None and not isinstance(example_path, str):
            raise RuleFileError(f"{_at(path, item, 'path')}: 'path' must be a file name")
        fixed = item.get("fixed")
        if fixed is not None and not isinstance(fixed, str):
            raise RuleFileError(f"{_at(path, item, 'fixed')}: 'fixed' must be the text once fixed")
        examples.append(Example(item["text"], example_path, count, tuple(lines) if lines else None, fixed))
    return tuple(examples)


def build_rule(path: str, node: Any, pack: str) -> Rule:
    if not isinstance(node, dict):
        raise RuleFileError(f"{_where(path, node)}: each rule must be a mapping")
    where = _where(path, node)
    reject_unknown_keys(path, node, RULE_KEYS)
    for key in REQUIRED_RULE_KEYS:
        if key not in node:
            raise RuleFileError(f"{where}: rule is missing '{key}'")
    name, code, kind, severity = node["name"], node["code"], node["type"], node["severity"]
    if not isinstance(name, str) or not NAME.match(name):
        raise RuleFileError(f"{_at(path, node, 'name')}: name {name!r} is not kebab-case (like 'ad-residue')")
    if not isinstance(code, str) or not CODE.match(code):
        raise RuleFileError(f"{_at(path, node, 'code')}: rule '{name}': code {code!r} must look like RL101")
    if kind not in RULE_TYPES:
        raise RuleFileError(f"{_at(path, node, 'type')}: rule '{name}': unknown type {kind!r} "
                            f"(known: {', '.join(sorted(RULE_TYPES))})")
    if severity not in SEVERITIES:
        raise RuleFileError(f"{_at(path, node, 'severity')}: rule '{name}': severity must be one of "
                            f"{', '.join(SEVERITIES)}, not {severity!r}")
    for key in ("message", "description"):
        if not isinstance(node[key], str) or not node[key].strip():
            raise RuleFileError(f"{_at(path, node, key)}: rule '{name}': '{key}' must be a non-empty string")
    problem = _template_problem(node["message"])
    if problem:
        raise RuleFileError(f"{_at(path, node, 'message')}: rule '{name}': message: {problem}")
    options = node.get("options", {}) or {}
    if not isinstance(options, dict):
        raise RuleFileError(f"{_where(path, options, node.line)}: rule '{name}': options must be a mapping")
    try:
        rule_type = RULE_TYPES[kind](options)
    except OptionError as error:
        line = _quoted_line(options, str(error))
        where_options = f"{path}:{line}" if line else _where(path, options, node.line)
        raise RuleFileError(f"{where_options}: rule '{name}': {error}") from None
    examples = node["examples"]
    reject_other_example_form(path, examples, "rule")
    if not isinstance(examples, dict) or set(examples) - EXAMPLE_KEYS or not examples.get("fail"):
        raise RuleFileError(f"{_where(path, examples, node.line)}: rule '{name}': examples needs 'fail' "
                            f"(and may have 'pass'), each a non-empty list")
    enabled = node.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleFileError(f"{_at(path, node, 'enabled')}: rule '{name}': enabled must be true or false")
    yields_to = node.get("yields_to", [])
    if not isinstance(yields_to, list) or not all(isinstance(n, str) and NAME.match(n) for n in yields_to):
        raise RuleFileError(f"{_at(path, node, 'yields_to')}: rule '{name}': yields_to must be a list of rule names")
    fix = _fix_declaration(path, node, name, rule_type, examples)
    return Rule(
        name=name, code=code, type=kind, severity=severity, message=node["message"],
        description=node["description"].strip(), rule_type=rule_type, options=dict(options),
        passes=_examples(path, examples.get("pass", []), "pass"),
        fails=_examples(path, examples["fail"], "fail"), enabled=enabled, yields_to=tuple(yields_to),
        source=where, pack=pack, fix=fix,
    )


def _fix_declaration(path: str, node: Any, name: str, rule_type: Any, examples: Any) -> Optional[str]:
    """The rule's ``fix:`` (safe or unsafe), checked against what its type can
    offer: a type that cannot fix must not declare one, and a pattern that names
    a fix action needs the rule to say how safe it is."""
    fix = node.get("fix")
    if fix is not None and fix not in FIX_APPLICABILITIES:
        raise RuleFileError(f"{_at(path, node, 'fix')}: rule '{name}': fix must be one of "
                            f"{', '.join(FIX_APPLICABILITIES)}, not {fix!r}")
    if fix is not None and not getattr(rule_type, "can_fix", False):
        raise RuleFileError(f"{_at(path, node, 'fix')}: rule '{name}': declares a fix, but its type "
                            f"'{node['type']}' offers none here")
    if fix is None and getattr(rule_type, "needs_fix_declaration", False):
        raise RuleFileError(f"{_where(path, node)}: rule '{name}': its options name a fix action; "
                            f"declare it with 'fix: safe' or 'fix: unsafe'")
    if fix is None:
        for item in examples.get("fail", []):
            if isinstance(item, dict) and "fixed" in item:
                raise RuleFileError(f"{_at(path, item, 'fixed')}: rule '{name}': an example shows a fix, "
                                    f"but the rule declares none ('fix:')")
    return fix


def load_pack(path: Path | str) -> list[Rule]:
    path = str(path)
    data = read_yaml(path, "rule")
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: a rule pack is a mapping with 'pack', 'description' and 'rules'")
    reject_unknown_keys(path, data, PACK_KEYS)
    if not isinstance(data.get("pack"), str) or not isinstance(data.get("rules"), list):
        raise RuleFileError(f"{_where(path, data)}: a rule pack needs 'pack' (a name) and 'rules' (a list)")
    return [build_rule(path, node, data["pack"]) for node in data["rules"]]


def builtin_pack_paths() -> list[Path]:
    return sorted(resources.data_dir("rules").glob("*.yaml"))


def load_rules(extra: list[str] = ()) -> list[Rule]:
    """The built-in packs, then user packs; names and codes must be unique."""
    rules: list[Rule] = []
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    builtin = builtin_pack_paths()
    for path in [*builtin, *extra]:
        for rule in load_pack(path):
            if path in builtin:
                rule = replace(rule, builtin=True)
            else:
                check_examples(rule)  # a user pack's examples are its tests: run them at load
            if rule.name in names:
                raise RuleFileError(f"{rule.source}: rule name '{rule.name}' is already defined at {names[rule.name]}")
            if rule.code in codes:
                raise RuleFileError(f"{rule.source}: code {rule.code} is already used at {codes[rule.code]}")
            names[rule.name] = rule.source
            codes[rule.code] = rule.source
            rules.append(rule)
    for rule in rules:
        unknown = [other for other in rule.yields_to if other not in names or other == rule.name]
        if unknown:
            raise RuleFileError(f"{rule.source}: rule '{rule.name}': yields_to names unknown rule '{unknown[0]}'")
    return rules


def check_examples(rule: Rule) -> None:
    """Run a rule's own examples (the rule alone): each fail example must be
    reported — as often as its ``count`` says — and each pass example not; a
    RuleFileError at the rule's ``file:line`` otherwise. The built-in packs'
    examples are run by the test suite instead."""
    from checker.model import SourceText
    from checker.parse.outline import parse_document

    def findings(example: Example) -> int:
        document = parse_document(SourceText.from_string(example.text, example.path))
        return sum(d.rule == rule.name for d in run_rules(document, [rule]))

    for number, example in enumerate(rule.fails, 1):
        found = findings(example)
        if not found or (example.count is not None and found != example.count):
            expected = f"{example.count} finding(s)" if example.count is not None else "a finding"
            raise RuleFileError(f"{rule.source}: rule '{rule.name}': fail example {number} ({example.text!r}) "
                                f"gives {found} finding(s), not {expected}")
    for number, example in enumerate(rule.passes if not rule.yields_to else (), 1):
        found = findings(example)
        if found:
            raise RuleFileError(f"{rule.source}: rule '{rule.name}': pass example {number} ({example.text!r}) "
                                f"gives {found} finding(s), not none")
