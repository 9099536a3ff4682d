"""Strict YAML files that remember where everything is.

Rule packs and genre packs are read with PyYAML's safe loader only; mappings and
lists remember their lines (and each key's and item's line) so every problem can
be reported as ``file:line: what is wrong`` — a :class:`RuleFileError`.

The safe loader is libyaml's (``yaml.CSafeLoader``, about six times faster on
the built-in packs) where PyYAML was built with it, else the pure-Python one;
both get the same line-keeping constructors and give the same data and lines
(tests/test_yamlfile.py reads every pack with both).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from checker.read.safe_files import ReadError, read_text_limited

if TYPE_CHECKING:
    import yaml  # read_yaml imports it when a file is read


MAX_YAML_BYTES = 1024 * 1024  # a rule or genre pack; the largest built-in one is under 30 KB
MAX_YAML_VALUES = 100_000  # values once aliases are expanded; the built-in packs have a few thousand


class RuleFileError(Exception):
    """A malformed rule or genre file; str() is ``file:line: what is wrong``."""


class Located(dict):
    """A YAML mapping that remembers the line it started on, and each key's line."""

    line: int = 0
    key_lines: dict


class LocatedList(list):
    line: int = 0
    item_lines: list


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise RuleFileError(f"{loader.name}:{key_node.start_mark.line + 1}: keys must be strings, got {key!r}")
        if key in mapping:
            raise RuleFileError(f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LocatedList:
    sequence = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.item_lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


def _build_loaders() -> None:
    """PyYAML's safe loader and libyaml's (where PyYAML has it) with the line-keeping
    constructors: built on first read, so that a run whose packs come from the
    prepared cache (checker/settings/prepared.py) never imports yaml."""
    import yaml

    class _PythonLoader(yaml.SafeLoader):
        pass

    # libyaml's parser with the same safe constructors, where PyYAML has it
    c_loader = type("_CLoader", (yaml.CSafeLoader,), {}) if getattr(yaml, "__with_libyaml__", False) else None
    for loader_class in filter(None, (_PythonLoader, c_loader)):
        loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
        loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    globals().update(_PythonLoader=_PythonLoader, _CLoader=c_loader)


def __getattr__(name: str):  # _PythonLoader, _CLoader: built on first need
    if name in ("_PythonLoader", "_CLoader"):
        _build_loaders()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_RECORDS: list[list[str]] = []  # open recordings (settings/prepared.py): the paths read_yaml reads


@contextmanager
def recording() -> Iterator[list[str]]:
    """Collect the path of every file read_yaml reads inside the ``with``."""
    paths: list[str] = []
    _RECORDS.append(paths)
    try:
        yield paths
    finally:  # this recording, not an equal one: a nested recording may hold the same paths
        del _RECORDS[next(index for index, open_paths in enumerate(_RECORDS) if open_paths is paths)]


def read_yaml(path: str, what: str, pure_python: bool = False) -> Any:
    """The data of one YAML file (``what`` names the kind of file in errors).
    ``pure_python`` forces PyYAML's Python parser even where libyaml is there.

    Rule packs and genre packs are untrusted: they are read through
    safe_files.read_limited (regular files only: a device or FIFO is refused
    without blocking; a file over MAX_YAML_BYTES is refused before it is read
    and no more than that is ever read), and one whose aliases would expand to more than
    MAX_YAML_VALUES values (an alias bomb: 559 bytes, billions of values) or
    refer to themselves is refused on its node graph, before anything is built
    from it or walks it."""
    for paths in _RECORDS:
        paths.append(os.path.abspath(path))
    try:
        text = read_text_limited(path, MAX_YAML_BYTES)
    except ReadError as error:
        if error.kind == "missing":
            raise RuleFileError(f"{path}:1: no such {what} file") from None
        if error.kind == "too-large":
            size = f"{error.size:,} bytes" if error.size is not None else "more bytes than that"
            raise RuleFileError(f"{path}:1: {size}; a {what} file may have at most {MAX_YAML_BYTES:,}") from None
        if error.kind == "undecodable":
            raise RuleFileError(f"{path}:1: {what} files must be UTF-8 ({error})") from None
        raise RuleFileError(f"{path}:1: {error}") from None
    import yaml

    if "_PythonLoader" not in globals():
        _build_loaders()
    python_loader, c_loader = globals()["_PythonLoader"], globals()["_CLoader"]
    loader = (python_loader if pure_python or c_loader is None else c_loader)(text)
    loader.name = path
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _bound_expansion(path, node)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleFileError(f"{path}:{line}: invalid YAML: {_one_line(error.problem or error.context)}") from None
    except yaml.YAMLError as error:  # a ReaderError (a control character): its message spans lines
        raise RuleFileError(f"{path}:1: invalid YAML: {_one_line(str(error))}") from None
    except RecursionError:  # '[' * 100000
        raise RuleFileError(f"{path}:1: invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _bound_expansion(path: str, root: yaml.Node) -> None:
    """Count the values ``root`` stands for once every alias is expanded, in
    time linear in the distinct nodes (each node's count is kept); raise at the
    first node over MAX_YAML_VALUES, or at an alias inside its own anchor."""
    counts: dict[int, int] = {}
    open_nodes: set[int] = set()  # the nodes on the path from the root
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _node_children(node)
        if children_done:
            open_nodes.discard(key)
            counts[key] = 1 + sum(counts[id(child)] for child in children)
            if counts[key] > MAX_YAML_VALUES:
                raise RuleFileError(f"{path}:{node.start_mark.line + 1}: aliases here expand to more than "
                                    f"{MAX_YAML_VALUES:,} values (an alias bomb?)")
            continue
        if key in counts:
            continue
        if key in open_nodes:
            raise RuleFileError(f"{path}:{node.start_mark.line + 1}: an alias refers to the value that contains it")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in counts)


def _node_children(node: yaml.Node) -> list:
    import yaml  # already loaded: read_yaml imported it

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def where(path: str, node: Any, fallback: int = 1) -> str:
    """``file:line`` of a mapping or list (``fallback`` where it has no line)."""
    return f"{path}:{getattr(node, 'line', fallback) or fallback}"


def at(path: str, node: Any, key: str) -> str:
    """``file:line`` of ``key`` in a mapping (of the mapping where it has no such key)."""
    line = getattr(node, "key_lines", {}).get(key)
    return f"{path}:{line}" if line else where(path, node)


def reject_unknown_keys(path: str, node: dict, known: set, context: str = "") -> None:
    """Raise at the first key of ``node`` not in ``known`` (``context`` says
    where, e.g. " in a section")."""
    unknown = sorted(set(node) - set(known))
    if unknown:
        raise RuleFileError(f"{at(path, node, unknown[0])}: unknown key '{unknown[0]}'{context} "
                            f"(known: {', '.join(sorted(known))})")


# The two forms of examples (docs/rules-schema.md, "Examples: two forms"): a rule's and an
# expression's say what is reported and what is not; a word list reports nothing, its
# examples say what it matches and what it does not.
EXAMPLE_FORMS = {"rule": ("fail", "pass"), "list": ("match", "no_match")}


def reject_other_example_form(path: str, examples: Any, form: str) -> None:
    """Raise at the first key of ``examples`` that belongs to the other form of
    examples than ``form`` ("rule": fail/pass, "list": match/no_match)."""
    if not isinstance(examples, dict):
        return
    other = next(name for name in EXAMPLE_FORMS if name != form)
    wrong = next((key for key in examples if key in EXAMPLE_FORMS[other]), None)
    if wrong is not None and form == "rule":
        raise RuleFileError(f"{at(path, examples, wrong)}: '{wrong}' is a word list's example; "
                            "a rule's and an expression's examples are 'fail' and 'pass'")
    if wrong is not None:
        raise RuleFileError(f"{at(path, examples, wrong)}: '{wrong}' is a rule's and an expression's example; "
                            "a word list's examples are 'match' and 'no_match'")


def read_entries(path: str, key: str, what: str, described: str) -> Iterator[tuple[str, Any, str]]:
    """The entries of a file that is one mapping ``{key: {name: node, …}}`` (a
    parts library): ``(name, node, file:line of the name)``;
    ``what`` names the kind of file and ``described`` its entries in errors."""
    yield from read_sections(path, what, {key: described})[key]


def read_sections(path: str, what: str, sections: dict[str, str],
                  optional: dict[str, str] | None = None) -> dict[str, list[tuple[str, Any, str]]]:
    """The entries of a file that is one mapping of sections, each ``{name:
    node, …}`` (a lexicon: ``lists`` and ``thresholds``): per section, ``(name,
    node, file:line of the name)``. ``sections`` are required, ``optional``
    may be left out, each mapped to how its entries are described in errors."""
    optional = optional or {}
    data = read_yaml(path, what)
    first = next(iter(sections))
    if not isinstance(data, dict) or not isinstance(data.get(first), dict):
        raise RuleFileError(f"{where(path, data)}: a {what} file is a mapping with '{first}' ({sections[first]})")
    reject_unknown_keys(path, data, set(sections) | set(optional))
    found = {}
    for key, described in {**sections, **optional}.items():
        if key not in data and key in optional:
            found[key] = []
            continue
        if not isinstance(data.get(key), dict):
            raise RuleFileError(f"{at(path, data, key)}: '{key}' of a {what} file maps names to {described}")
        found[key] = [(name, node, at(path, data[key], name)) for name, node in data[key].items()]
    return found
