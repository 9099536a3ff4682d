"""The configuration: one immutable object owning the rules and the genres.

A :class:`Config` is built once — rule packs loaded, genre packs loaded, rule
settings applied — and never changes: :meth:`Config.with_overrides` and
:meth:`Config.for_path` return new objects, and its rules are frozen, so one
caller's change cannot leak into another lint (a language server, ``-j``
workers, a batch job share one). It pickles.

Rule settings (the ``rules:``, ``select:`` and ``ignore:`` keys of a
configuration file, docs in README "配置") name a rule by its name
(``placeholder``) or by a code prefix (``RL3``: every numbering rule):

- ``off`` (or ``false``) switches the rule off; a severity (``error``,
  ``warning``, ``info``) switches it on at that severity;
- a mapping may hold ``severity``, ``enabled`` and, for one rule named, the
  options of its rule type (validated by the type, as in a rule pack).

``select`` keeps only the rules it names (and switches them on), ``ignore``
switches rules off; then the ``rules:`` entries apply, code prefixes before
names, so the more specific entry wins.

Reading configuration files (discovery, ``file:line`` errors) is
checker/settings/configfile.py's job; this module only applies what they say.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from .genres import GenrePack, UnknownGenre, builtin_genres, find_genre, load_genres
from checker.lint.kinds import RULE_TYPES, OptionError
from checker.model import SEVERITIES
from checker.lint.ruleset import CODE_PREFIX, Rule, load_rules, selects
from .prepared import prepared

RULE_SETTING_KEYS = ("severity", "enabled")

# ``locate(node, key)``: where a value stands, for an error message
# (``file:line`` in a configuration file, the argument's name in the API)
Locate = Callable[[Any, Optional[str]], str]


class ConfigError(ValueError):
    """A bad configuration value; str() is ``where: what is wrong``, where
    ``where`` is ``file:line`` for a configuration file."""


def _api_locate(label: str) -> Locate:
    return lambda node, key=None: f"{label}.{key}" if key else label


@dataclass(frozen=True)
class RuleSetting:
    """What one entry of ``rules:`` says about the rules it selects."""

    selector: str  # a rule name or a code prefix (RL3)
    enabled: Optional[bool] = None
    severity: Optional[str] = None
    options: tuple[tuple[str, Any], ...] = ()
    where: str = ""  # file:line of the entry, for errors


@dataclass(frozen=True)
class RuleSettings:
    """``select``, ``ignore`` and ``rules:`` of one configuration (file, override or API call)."""

    select: Optional[tuple[str, ...]] = None
    ignore: tuple[str, ...] = ()
    rules: tuple[RuleSetting, ...] = ()
    where: str = ""  # file:line of select, for errors
    ignore_where: str = ""  # file:line of ignore

    @property
    def empty(self) -> bool:
        return self.select is None and not self.ignore and not self.rules


def parse_selectors(node: Any, key: str, locate: Locate) -> tuple[str, ...]:
    """A ``select``/``ignore`` list: rule names or code prefixes."""
    if isinstance(node, str):
        node = [node]
    if not isinstance(node, (list, tuple)) or not all(isinstance(item, str) and item for item in node):
        raise ConfigError(f"{locate(node, None)}: '{key}' must be a list of rule names or code prefixes (like RL3)")
    return tuple(node)


def parse_rule_settings(node: Any, locate: Locate) -> tuple[RuleSetting, ...]:
    """The ``rules:`` mapping: each rule name or code prefix mapped to ``off``,
    a severity, or ``{severity, enabled, options…}``."""
    if not isinstance(node, Mapping):
        raise ConfigError(f"{locate(node, None)}: 'rules' must be a mapping of rule names (or code prefixes) "
                          "to off, a severity, or settings")
    settings = []
    for selector, value in node.items():
        where = locate(node, selector)
        if not isinstance(selector, str) or not selector:
            raise ConfigError(f"{where}: a rule is named by its name or a code prefix, not {selector!r}")
        if value is False or value == "off":
            settings.append(RuleSetting(selector, enabled=False, where=where))
        elif value is True or value == "on":
            settings.append(RuleSetting(selector, enabled=True, where=where))
        elif isinstance(value, str) and value in SEVERITIES:
            settings.append(RuleSetting(selector, enabled=True, severity=value, where=where))
        elif isinstance(value, Mapping):
            severity, enabled = value.get("severity"), value.get("enabled", True)
            if severity is not None and severity not in SEVERITIES:
                raise ConfigError(f"{locate(value, 'severity')}: rule '{selector}': severity must be one of "
                                  f"{', '.join(SEVERITIES)}, not {severity!r}")
            if not isinstance(enabled, bool):
                raise ConfigError(f"{locate(value, 'enabled')}: rule '{selector}': enabled must be true or false")
            options = tuple((k, v) for k, v in value.items() if k not in RULE_SETTING_KEYS)
            settings.append(RuleSetting(selector, enabled, severity, options, where))
        else:
            raise ConfigError(f"{where}: rule '{selector}': expected off, on, {', '.join(SEVERITIES)} "
                              f"or a mapping of settings, not {value!r}")
    return tuple(settings)


def _selected(selector: str, rules: Sequence[Rule], where: str) -> list[int]:
    found = [index for index, rule in enumerate(rules) if selects(selector, rule.name, rule.code)]
    if not found:
        raise ConfigError(f"{where}: unknown rule '{selector}' (a rule name such as 'placeholder', "
                          "or a code prefix such as RL3; `reportlint rules` lists them)")
    return found


def apply_rule_settings(rules: Sequence[Rule], settings: RuleSettings) -> tuple[Rule, ...]:
    """New rules with ``settings`` applied (``rules`` themselves are frozen)."""
    rules = list(rules)
    if settings.select is not None:
        chosen = {i for selector in settings.select for i in _selected(selector, rules, settings.where)}
        rules = [dataclasses.replace(rule, enabled=i in chosen) for i, rule in enumerate(rules)]
    for selector in settings.ignore:
        for i in _selected(selector, rules, settings.ignore_where or settings.where):
            rules[i] = dataclasses.replace(rules[i], enabled=False)
    # code prefixes (shortest first) before rule names: the more specific entry wins
    ordered = sorted(settings.rules, key=lambda s: (not CODE_PREFIX.match(s.selector), len(s.selector)))
    for setting in ordered:
        chosen_rules = _selected(setting.selector, rules, setting.where)
        if setting.options and CODE_PREFIX.match(setting.selector):
            raise ConfigError(f"{setting.where}: rule options ({setting.options[0][0]}) need one rule's name, "
                              f"not the code prefix {setting.selector}")
        for i in chosen_rules:
            rules[i] = _with_setting(rules[i], setting)
    return tuple(rules)


def _with_setting(rule: Rule, setting: RuleSetting) -> Rule:
    changes: dict[str, Any] = {}
    if setting.enabled is not None:
        changes["enabled"] = setting.enabled
    if setting.severity is not None:
        changes["severity"] = setting.severity
    if setting.options:
        options = {**rule.options, **dict(setting.options)}
        try:
            changes["rule_type"] = RULE_TYPES[rule.type](options)
        except OptionError as error:
            raise ConfigError(f"{setting.where}: rule '{rule.name}': {error}") from None
        changes["options"] = options
        changes["builtin"] = False  # its patterns are the user's now: run under the time limit (lint/engine.py)
    return dataclasses.replace(rule, **changes)


@dataclass(frozen=True)
class Override:
    """Settings for the files matching ``files`` (gitignore-style globs,
    relative to the configuration's folder)."""

    files: tuple[str, ...]
    settings: RuleSettings = RuleSettings()
    genre: Optional[str] = None


@lru_cache(maxsize=256)
def _pathspec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def matches_globs(patterns: Sequence[str], path: str, root: Optional[str]) -> bool:
    """Whether ``path`` matches one of the gitignore-style ``patterns`` taken
    relative to ``root`` (a path outside ``root`` matches none)."""
    if not patterns or path == "-":
        return False
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root or "."))
    if relative.startswith(".."):
        return False
    return _pathspec(tuple(patterns)).match_file(Path(relative).as_posix())


_UNSET: Any = object()


@dataclass(frozen=True)
class Config:
    """Which rules run, how, and on which genres. Build with :meth:`load` (or
    :func:`checker.settings.configfile.load_config_file`); immutable."""

    rules: tuple[Rule, ...]
    genre: Optional[str] = None  # declared genre (id or name); None: read from each draft's title
    genres: tuple[GenrePack, ...] = ()  # built-in plus genre_packs; empty means the built-in ones
    exclude: tuple[str, ...] = ()  # gitignore-style globs relative to ``root``
    overrides: tuple[Override, ...] = ()
    baseline: Any = None  # a checker.settings.baseline.Baseline, or None
    fail_on: Optional[str] = None  # lowest severity that fails a run, where the file sets it
    root: Optional[str] = None  # the configuration file's folder
    source: Optional[str] = None  # the configuration file, None for built-in defaults

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "genres", tuple(self.genres) or builtin_genres())
        object.__setattr__(self, "exclude", tuple(self.exclude))
        object.__setattr__(self, "overrides", tuple(self.overrides))

    @classmethod
    def load(cls, rule_files: Sequence[str] = (), genre: Optional[str] = None, *,
             genre_packs: Sequence[str] = (), rules: Any = None, select: Any = None, ignore: Any = None,
             **fields: Any) -> "Config":
        """The built-in rules plus ``rule_files`` (YAML packs), the built-in
        genres plus ``genre_packs``; ``genre`` (an id such as ``shuzhi`` or a
        name such as 述职报告) overrides the genre each draft's title names.
        ``rules``/``select``/``ignore`` as in a configuration file. An unknown
        genre raises :class:`UnknownGenre`, a malformed pack
        :class:`~checker.settings.yamlfile.RuleFileError`, a bad setting :class:`ConfigError`."""
        loaded = _builtin_rules() if not rule_files else \
            prepared("rules", lambda: tuple(load_rules(list(rule_files))), rule_files)
        genres = prepared("genres", lambda: load_genres(genre_packs, base=builtin_genres()), genre_packs) \
            if genre_packs else builtin_genres()
        base = cls(rules=loaded, genres=genres, **fields)
        return base.with_overrides(genre=genre, rules=rules, select=select, ignore=ignore)

    def rule(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.name == name)

    def with_overrides(self, *, rules: Any = None, select: Any = None, ignore: Any = None,
                       settings: Optional[RuleSettings] = None, genre: Optional[str] = _UNSET, **fields: Any) -> "Config":
        """A new configuration: ``rules`` (a mapping as in a configuration
        file, e.g. ``{"placeholder": "off", "RL3": "warning"}``), ``select``,
        ``ignore``, ``genre`` (None: read from the title), and any field
        (``baseline``, ``fail_on``, ``exclude``…) replaced."""
        if settings is None:
            settings = RuleSettings(
                select=parse_selectors(select, "select", _api_locate("select")) if select is not None else None,
                ignore=parse_selectors(ignore, "ignore", _api_locate("ignore")) if ignore is not None else (),
                rules=parse_rule_settings(rules, _api_locate("rules")) if rules is not None else (),
                where="select", ignore_where="ignore",
            )
        changes = dict(fields)
        if not settings.empty:
            changes["rules"] = apply_rule_settings(self.rules, settings)
        if genre is not _UNSET:
            if genre is not None:
                find_genre(genre, self.genres)
            changes["genre"] = genre
        return dataclasses.replace(self, **changes) if changes else self

    def for_path(self, path: Optional[str]) -> "Config":
        """The configuration for one file: this one with the ``overrides``
        whose ``files`` match ``path`` applied, in order."""
        if not self.overrides or not path:
            return self
        chosen = tuple(i for i, o in enumerate(self.overrides) if matches_globs(o.files, path, self.root))
        return self._with_chosen_overrides(chosen) if chosen else self

    def _with_chosen_overrides(self, chosen: tuple[int, ...]) -> "Config":
        config = self
        for index in chosen:
            override = self.overrides[index]
            config = config.with_overrides(settings=override.settings)
            if override.genre is not None:
                config = config.with_overrides(genre=override.genre)
        return config

    def excludes(self, path: str) -> bool:
        """Whether ``exclude`` leaves ``path`` out."""
        return matches_globs(self.exclude, path, self.root)


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    """The built-in rules, prepared (one cache file, checker/settings/prepared.py)."""
    return prepared("builtin", lambda: tuple(load_rules()))


__all__ = ["Config", "ConfigError", "Override", "RuleSetting", "RuleSettings", "UnknownGenre",
           "apply_rule_settings", "matches_globs", "parse_rule_settings", "parse_selectors"]
