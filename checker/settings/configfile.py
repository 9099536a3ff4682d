"""Configuration files: where they are, and what they say.

A configuration is ``.reportlint.yaml`` or the ``[tool.reportlint]`` table of
``pyproject.toml``; for each linted file the nearest one walking up from its
folder counts, the search stopping at the repository root (a folder holding
``.git``). In one folder ``.reportlint.yaml`` wins over ``pyproject.toml``.
Relative paths in a file (``rule_packs``, ``genre_packs``, ``baseline``) and
its globs (``exclude``, ``overrides[].files``) are relative to its folder.

Every problem is a :class:`~checker.settings.config.ConfigError` reading
``file:line: what is wrong`` (for pyproject.toml, the line of the key where it
can be found, else of the ``[tool.reportlint]`` table).
"""

from __future__ import annotations

import bisect
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from .baseline import Baseline
from .config import Config, ConfigError, Locate, Override, RuleSettings, parse_rule_settings, parse_selectors
from .genres import UnknownGenre
from checker.model import SEVERITIES
from checker.read.safe_files import ReadError, read_limited
from .yamlfile import Located, LocatedList, RuleFileError, read_yaml, reject_unknown_keys
from .yamlfile import at as _at
from .yamlfile import where as _where
from checker.settings.lazy_regex import lazy_regex

YAML_NAMES = (".reportlint.yaml", ".reportlint.yml")
PYPROJECT = "pyproject.toml"
KEYS = {"genre", "rules", "select", "ignore", "rule_packs", "genre_packs", "exclude", "overrides", "fail_on",
        "baseline"}
OVERRIDE_KEYS = {"files", "rules", "select", "ignore", "genre"}
MAX_GLOB_STARS = 3  # single '*' per path part in exclude/overrides globs: '*a*a*…*b' backtracks polynomially
MAX_PYPROJECT_BYTES = 4 * 1024 * 1024  # a pyproject.toml; configurations themselves are YAML-sized
_PYPROJECTS: dict[tuple, Optional[Located]] = {}  # parsed once per process (see read_pyproject)


# ---------------------------------------------------------------- reading


def _toml_module():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


# a line that defines a key: a table header ([a.b.KEY], [[a.KEY]]) or ``KEY =``
_TABLE_HEADER = lazy_regex(r"^\s*\[\[?([^\]]*)\]\]?")
_KEY_LINE = lazy_regex(r"^\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_-]+))\s*=")


def _key_lines(text_lines: Sequence[str]) -> dict[str, list[int]]:
    """For each key name, the (ascending) numbers of the lines that define it;
    every line is looked at once."""
    found: dict[str, list[int]] = {}
    for number, text in enumerate(text_lines, 1):
        header = _TABLE_HEADER.match(text)
        if header:
            name = header.group(1).rsplit(".", 1)[-1].strip().strip("\"'")
        else:
            key = _KEY_LINE.match(text)
            name = next((group for group in key.groups() if group is not None), None) if key else None
        if name:
            found.setdefault(name, []).append(number)
    return found


def _locate_toml(value: Any, text_lines: Sequence[str], line: int,
                 index: Optional[dict[str, list[int]]] = None) -> Any:
    """TOML data as Located/LocatedList, each key's line the first line at or
    after its table's that defines it (``key =`` or a ``[….key]`` table
    header). Linear: the lines are indexed once (:func:`_key_lines`), each key
    is a binary search in its own list of lines."""
    index = _key_lines(text_lines) if index is None else index
    if isinstance(value, dict):
        located = Located()
        located.line, located.key_lines = line, {}
        for key, item in value.items():
            lines = index.get(key, ())
            after = bisect.bisect_left(lines, line)
            key_line = lines[after] if after < len(lines) else line
            located[key] = _locate_toml(item, text_lines, key_line, index)
            located.key_lines[key] = key_line
        return located
    if isinstance(value, list):
        located_list = LocatedList(_locate_toml(item, text_lines, line, index) for item in value)
        located_list.line, located_list.item_lines = line, [line] * len(value)
        return located_list
    return value


def read_pyproject(path: str) -> Optional[Located]:
    """The ``[tool.reportlint]`` table of a pyproject.toml, or None where it has
    none. Untrusted: regular files of at most MAX_PYPROJECT_BYTES only; one
    without the word ``reportlint`` is not parsed; each file (by identity and
    modification time) is parsed once per process, however many folders below
    it are searched."""
    try:
        status = os.stat(path)
        key = (os.path.realpath(path), status.st_ino, status.st_size, status.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _PYPROJECTS:
        return _PYPROJECTS[key]
    try:
        raw = read_limited(path, MAX_PYPROJECT_BYTES)
    except ReadError as error:
        raise ConfigError(f"{path}:1: {error}") from None
    table = None if b"reportlint" not in raw else _parse_pyproject(path, raw)
    if key is not None:
        _PYPROJECTS[key] = table
    return table


def _parse_pyproject(path: str, raw: bytes) -> Optional[Located]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}:1: cannot read: not UTF-8 (bad byte at offset {error.start})") from None
    try:
        data = _toml_module().loads(text)
    except RecursionError:
        raise ConfigError(f"{path}:1: invalid TOML: nested too deeply") from None
    except ValueError as error:  # tomllib.TOMLDecodeError; its message ends "(at line N, column M)"
        found = re.search(r"line (\d+)", str(error))
        raise ConfigError(f"{path}:{found.group(1) if found else 1}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("reportlint") if isinstance(data.get("tool"), dict) else None
    if table is None:
        return None
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\s*tool\s*\.\s*reportlint\s*[\].]")
    start = next((n for n, line in enumerate(lines, 1) if header.match(line)), 1)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{start}: [tool.reportlint] must be a table")
    try:
        return _locate_toml(table, lines, start)
    except RecursionError:
        raise ConfigError(f"{path}:{start}: [tool.reportlint] is nested too deeply") from None


def read_settings(path: str) -> Located:
    """The settings mapping of a configuration file (YAML, or pyproject.toml)."""
    if Path(path).suffix == ".toml":
        table = read_pyproject(path)
        if table is None:
            raise ConfigError(f"{path}:1: no [tool.reportlint] table")
        return table
    try:
        data = read_yaml(path, "config")
    except RuleFileError as error:
        raise ConfigError(str(error)) from None
    if data is None:
        data = Located()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: a configuration is a mapping of settings (genre, rules, exclude…)")
    return data


# ---------------------------------------------------------------- finding


def trusted_owner(path: Path) -> bool:
    """Whether ``path`` and its folder belong to the user (or to root), as git's
    safe.directory asks of a repository: a configuration in a folder someone
    else owns (a shared /tmp, another user's home) is not applied."""
    me = os.getuid() if hasattr(os, "getuid") else None
    if me is None:  # pragma: no cover - Windows: no owners to compare
        return True
    try:
        owners = {path.stat().st_uid, path.parent.stat().st_uid}
    except OSError:
        return False
    return owners <= {me, 0}


def find_config_file(folder: Path, warn: Optional[Callable[[str], None]] = None) -> Optional[Path]:
    """The nearest configuration file for a file in ``folder``, walking up to
    the repository root (the first folder holding .git), else None. A file
    owned by another user, or in a folder another user owns, is skipped;
    ``warn`` is told so."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        names = [candidate / name for name in YAML_NAMES] + [candidate / PYPROJECT]
        for found in names:
            if not found.is_file():
                continue
            if not trusted_owner(found):
                if warn is not None:
                    warn(f"{found}: skipped: owned by another user (uid {_owner(found)}); "
                         "use --config to apply it")
                continue
            if found.name != PYPROJECT or read_pyproject(str(found)) is not None:
                return found
        if (candidate / ".git").exists():
            return None
    return None


def _owner(path: Path) -> str:
    try:
        return str(path.stat().st_uid if path.stat().st_uid != os.getuid() else path.parent.stat().st_uid)
    except OSError:
        return "?"


# ---------------------------------------------------------------- building


def _locator(path: str) -> Locate:
    return lambda node, key=None: _at(path, node, key) if key else _where(path, node)


def _paths(path: str, node: Located, key: str, folder: Path) -> tuple[str, ...]:
    value = node.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise ConfigError(f"{_at(path, node, key)}: '{key}' must be a list of paths")
    return tuple(str(folder / item) for item in value)


def _globs(path: str, node: dict, key: str) -> tuple[str, ...]:
    value = node.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{_at(path, node, key)}: '{key}' must be a list of gitignore-style patterns")
    for item in value:
        stars = max((len(re.findall(r"(?<!\*)\*(?!\*)", part)) for part in item.split("/")), default=0)
        if stars > MAX_GLOB_STARS:
            raise ConfigError(f"{_at(path, node, key)}: pattern {item[:60]!r} has {stars} '*' in one path part; "
                              f"at most {MAX_GLOB_STARS} (matching time grows with the name's length to that power)")
    return tuple(value)


def _settings(path: str, node: dict) -> RuleSettings:
    locate = _locator(path)
    return RuleSettings(
        select=parse_selectors(node["select"], "select", lambda n, k=None: _at(path, node, "select"))
        if "select" in node else None,
        ignore=parse_selectors(node["ignore"], "ignore", lambda n, k=None: _at(path, node, "ignore"))
        if "ignore" in node else (),
        rules=parse_rule_settings(node["rules"], locate) if "rules" in node else (),
        where=_at(path, node, "select"), ignore_where=_at(path, node, "ignore"),
    )


def _genre(path: str, node: dict, config: Config) -> Optional[str]:
    genre = node.get("genre")
    if genre is None:
        return None
    if not isinstance(genre, str):
        raise ConfigError(f"{_at(path, node, 'genre')}: 'genre' must be a genre id or name (述职报告, shuzhi…)")
    try:
        config.with_overrides(genre=genre)
    except UnknownGenre as error:
        raise ConfigError(f"{_at(path, node, 'genre')}: {error}") from None
    return genre


def _overrides(path: str, data: dict, base: Config) -> tuple[Override, ...]:
    node = data.get("overrides", [])
    if not isinstance(node, list):
        raise ConfigError(f"{_at(path, data, 'overrides')}: 'overrides' must be a list of "
                          "{files: [patterns], rules: {…}} mappings")
    overrides = []
    for item in node:
        if not isinstance(item, dict):
            raise ConfigError(f"{_where(path, item, node.line)}: each override is a mapping with 'files'")
        try:
            reject_unknown_keys(path, item, OVERRIDE_KEYS, " in an override")
        except RuleFileError as error:
            raise ConfigError(str(error)) from None
        if not item.get("files"):
            raise ConfigError(f"{_where(path, item)}: an override needs 'files' (gitignore-style patterns)")
        override = Override(files=_globs(path, item, "files"), settings=_settings(path, item),
                            genre=_genre(path, item, base))
        base.with_overrides(settings=override.settings)  # unknown rules and bad options: refused now
        overrides.append(override)
    return tuple(overrides)


def _baseline(path: str, data: dict, folder: Path) -> Optional[Baseline]:
    value = data.get("baseline")
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{_at(path, data, 'baseline')}: 'baseline' must be the path of a baseline file")
    if not (folder / value).is_file():
        raise ConfigError(f"{_at(path, data, 'baseline')}: baseline file {value!r} does not exist "
                          f"(write one with reportlint --write-baseline {folder / value})")
    return Baseline.load(str(folder / value))


def load_config_file(path: str | Path, rule_files: Sequence[str] = (), genre: Optional[str] = None,
                     with_baseline: bool = True) -> Config:
    """The configuration a file describes, on the built-in rules and genres;
    ``rule_files`` (from ``--rules``) add packs and ``genre`` (``--genre``)
    wins over the file's. Its ``baseline`` is read unless ``with_baseline``
    is false (a malformed one raises BaselineError)."""
    path = str(path)
    folder = Path(path).resolve().parent
    data = read_settings(path)
    try:
        reject_unknown_keys(path, data, KEYS)
    except RuleFileError as error:
        raise ConfigError(str(error)) from None
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise ConfigError(f"{_at(path, data, 'fail_on')}: 'fail_on' must be one of {', '.join(SEVERITIES)}")
    base = Config.load(
        [*_paths(path, data, "rule_packs", folder), *rule_files],
        genre_packs=_paths(path, data, "genre_packs", folder),
        exclude=_globs(path, data, "exclude"), fail_on=fail_on, root=str(folder), source=path,
        baseline=_baseline(path, data, folder) if with_baseline else None,
    )
    config = base.with_overrides(settings=_settings(path, data), genre=genre or _genre(path, data, base),
                                 overrides=_overrides(path, data, base))
    return config


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        sys.stderr.write(f"reportlint: warning: {message}\n")


class ConfigResolver:
    """The configuration for each linted file: ``--config FILE`` for all,
    ``--isolated`` for none (built-in defaults), else the nearest file found
    (each file read once). ``baseline`` (``--baseline FILE``) replaces the
    files' baselines; ``with_baselines=False`` drops them all (``--write-baseline``)."""

    def __init__(self, config_file: Optional[str] = None, isolated: bool = False,
                 rule_files: Sequence[str] = (), genre: Optional[str] = None,
                 baseline: Optional[str] = None, with_baselines: bool = True,
                 warn: Optional[Callable[[str], None]] = None):
        self.config_file, self.isolated = config_file, isolated
        self.warn = warn or _warn_once
        self.rule_files, self.genre = tuple(rule_files), genre
        self.with_baselines = with_baselines
        self.baseline = Baseline.load(baseline) if baseline and with_baselines else None
        self._by_file: dict[Optional[str], Config] = {}
        self._file_in: dict[Path, Optional[Path]] = {}

    def config_file_for(self, path: str) -> Optional[str]:
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file
        folder = Path.cwd() if path == "-" else Path(path).absolute().parent
        if folder not in self._file_in:
            self._file_in[folder] = find_config_file(folder, self.warn)
        found = self._file_in[folder]
        if found is None:
            return None
        shown = os.path.relpath(found)  # messages name it as the user would
        return str(found) if shown.startswith("..") else shown

    def config_for(self, path: str) -> Config:
        """The configuration of ``path`` (``-`` is standard input: found from
        the working folder); raises ConfigError, RuleFileError, UnknownGenre."""
        source = self.config_file_for(path)
        if source not in self._by_file:
            own_baseline = self.with_baselines and self.baseline is None
            config = (load_config_file(source, self.rule_files, self.genre, with_baseline=own_baseline) if source
                      else Config.load(self.rule_files, genre=self.genre))
            self._by_file[source] = config.with_overrides(baseline=self.baseline) if self.baseline else config
        return self._by_file[source]


__all__ = ["ConfigResolver", "find_config_file", "load_config_file", "read_settings"]
