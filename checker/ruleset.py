"""YAML rule packs -> validated Rule objects.

A pack is a YAML mapping ``{pack: name, description: text, rules: [...]}``;
docs/rules-schema.md documents every key. Files are read with PyYAML's safe
loader only. Every problem is a :class:`RuleFileError` whose message is
``file:line: what is wrong`` (no traceback reaches the user).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from . import resources
from .kinds import KINDS, OptionError
from .model import SEVERITIES

NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CODE = re.compile(r"^RL\d{3}$")
PACK_KEYS = {"pack", "description", "rules"}
RULE_KEYS = {"name", "code", "type", "severity", "message", "description", "options", "examples", "enabled"}
REQUIRED_RULE_KEYS = ("name", "code", "type", "severity", "message", "description", "examples")
EXAMPLE_KEYS = {"pass", "fail"}
PASS_EXAMPLE_KEYS = {"text", "path"}
FAIL_EXAMPLE_KEYS = {"text", "count", "lines", "path"}


class RuleFileError(Exception):
    """A malformed rule file; str() is ``file:line: what is wrong``."""


class Located(dict):
    """A YAML mapping that remembers the line it started on."""

    line: int = 0


class LocatedList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise RuleFileError(f"{loader.name}:{key_node.start_mark.line + 1}: keys must be strings, got {key!r}")
        if key in mapping:
            raise RuleFileError(f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass(frozen=True)
class Example:
    text: str
    path: Optional[str] = None  # a file name, where the example depends on it (e.g. .md)
    count: Optional[int] = None  # fail examples: exact number of findings, where given
    lines: Optional[tuple[int, ...]] = None  # fail examples: the lines they stand on, where given


@dataclass
class Rule:
    name: str
    code: str
    type: str
    severity: str
    message: str
    description: str
    checker: Any  # an instance of the rule type, built from ``options``
    options: dict = field(default_factory=dict)
    passes: tuple[Example, ...] = ()
    fails: tuple[Example, ...] = ()
    enabled: bool = True
    source: str = ""  # file:line where the rule is defined
    pack: str = ""

    def format_message(self, values: dict, template: Optional[str] = None) -> str:
        """Fill ``{name}`` fields of the rule's message (or of ``template``);
        unknown fields stay as written."""
        return string.Formatter().vformat(template or self.message, (), _Defaulting(values))


class _Defaulting(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _where(path: str, node: Any, fallback: int = 1) -> str:
    return f"{path}:{getattr(node, 'line', fallback) or fallback}"


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
        unknown = set(item) - known
        if unknown:
            raise RuleFileError(f"{_where(path, item)}: unknown key '{sorted(unknown)[0]}' in a {which} example "
                                f"(known: {', '.join(sorted(known))})")
        count = item.get("count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
            raise RuleFileError(f"{_where(path, item)}: 'count' must be a positive whole number")
        lines = item.get("lines")
        if lines is not None and (not isinstance(lines, list) or not all(isinstance(n, int) for n in lines)):
            raise RuleFileError(f"{_where(path, item)}: 'lines' must be a list of line numbers")
        example_path = item.get("path")
        if example_path is not None and not isinstance(example_path, str):
            raise RuleFileError(f"{_where(path, item)}: 'path' must be a file name")
        examples.append(Example(item["text"], example_path, count, tuple(lines) if lines else None))
    return tuple(examples)


def build_rule(path: str, node: Any, pack: str) -> Rule:
    if not isinstance(node, dict):
        raise RuleFileError(f"{_where(path, node)}: each rule must be a mapping")
    where = _where(path, node)
    unknown = set(node) - RULE_KEYS
    if unknown:
        raise RuleFileError(f"{where}: unknown key '{sorted(unknown)[0]}' (known: {', '.join(sorted(RULE_KEYS))})")
    for key in REQUIRED_RULE_KEYS:
        if key not in node:
            raise RuleFileError(f"{where}: rule is missing '{key}'")
    name, code, kind, severity = node["name"], node["code"], node["type"], node["severity"]
    if not isinstance(name, str) or not NAME.match(name):
        raise RuleFileError(f"{where}: name {name!r} is not kebab-case (like 'ad-residue')")
    if not isinstance(code, str) or not CODE.match(code):
        raise RuleFileError(f"{where}: rule '{name}': code {code!r} must look like RL101")
    if kind not in KINDS:
        raise RuleFileError(f"{where}: rule '{name}': unknown type {kind!r} (known: {', '.join(sorted(KINDS))})")
    if severity not in SEVERITIES:
        raise RuleFileError(f"{where}: rule '{name}': severity must be one of {', '.join(SEVERITIES)}, not {severity!r}")
    for key in ("message", "description"):
        if not isinstance(node[key], str) or not node[key].strip():
            raise RuleFileError(f"{where}: rule '{name}': '{key}' must be a non-empty string")
    options = node.get("options", {}) or {}
    if not isinstance(options, dict):
        raise RuleFileError(f"{_where(path, options, node.line)}: rule '{name}': options must be a mapping")
    try:
        checker = KINDS[kind](options)
    except OptionError as error:
        raise RuleFileError(f"{_where(path, options, node.line)}: rule '{name}': {error}") from None
    examples = node["examples"]
    if not isinstance(examples, dict) or set(examples) - EXAMPLE_KEYS or not examples.get("fail"):
        raise RuleFileError(f"{_where(path, examples, node.line)}: rule '{name}': examples needs 'fail' "
                            f"(and may have 'pass'), each a non-empty list")
    enabled = node.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RuleFileError(f"{where}: rule '{name}': enabled must be true or false")
    return Rule(
        name=name, code=code, type=kind, severity=severity, message=node["message"],
        description=node["description"].strip(), checker=checker, options=dict(options),
        passes=_examples(path, examples.get("pass", []), "pass"),
        fails=_examples(path, examples["fail"], "fail"), enabled=enabled, source=where, pack=pack,
    )


def load_pack(path: Path | str) -> list[Rule]:
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleFileError(f"{path}:1: no such rule file") from None
    except UnicodeDecodeError as error:
        raise RuleFileError(f"{path}:1: rule files must be UTF-8 (bad byte at offset {error.start})") from None
    except OSError as error:
        raise RuleFileError(f"{path}:1: cannot read: {error.strerror or error}") from None
    loader = _Loader(text)
    loader.name = path
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleFileError(f"{path}:{line}: invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise RuleFileError(f"{path}:1: invalid YAML: {error}") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}:1: a rule pack is a mapping with 'pack', 'description' and 'rules'")
    unknown = set(data) - PACK_KEYS
    if unknown:
        raise RuleFileError(f"{_where(path, data)}: unknown key '{sorted(unknown)[0]}' (known: {', '.join(sorted(PACK_KEYS))})")
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
    for path in [*builtin_pack_paths(), *extra]:
        for rule in load_pack(path):
            if rule.name in names:
                raise RuleFileError(f"{rule.source}: rule name '{rule.name}' is already defined at {names[rule.name]}")
            if rule.code in codes:
                raise RuleFileError(f"{rule.source}: code {rule.code} is already used at {codes[rule.code]}")
            names[rule.name] = rule.source
            codes[rule.code] = rule.source
            rules.append(rule)
    return rules
