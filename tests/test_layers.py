"""The package's layout: the layers are folders (docs/architecture.md), few
modules stay at the top of checker/, and every folder ships in the wheel."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checker"
LAYERS = ("read", "parse", "analyse", "lint", "settings", "formats")


def test_at_most_fifteen_modules_at_the_top_of_the_package():
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert "api.py" in top and len(top) <= 15, top


def test_every_layer_is_a_folder_the_architecture_shows():
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    folders = {path.parent.name for path in PACKAGE.glob("*/__init__.py")} - {"kinds"}
    assert folders == set(LAYERS)
    for layer in LAYERS:
        assert re.search(rf"^\s+{layer}/\s", architecture, re.M), f"docs/architecture.md does not show {layer}/"


def test_the_architectures_folder_tree_names_every_module_there_is():
    """docs/architecture.md's tree of checker/ names each module of each layer folder
    (the rule types as kinds/, a formatter by its format: text for text_format.py), and
    no module that is not there."""
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = architecture.split("```\nchecker/", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"\b([a-z_]+\.py)\b", tree))
    modules_there = {path.name for path in PACKAGE.glob("*.py")} | {path.name for path in PACKAGE.glob("*/*.py")}
    assert named <= modules_there, named - modules_there
    for layer in LAYERS:
        for path in (PACKAGE / layer).glob("*.py"):
            name = path.name.removesuffix("_format.py") if layer == "formats" else path.name
            if name != "__init__.py" and not re.search(rf"\b{re.escape(name)}\b", tree):
                raise AssertionError(f"docs/architecture.md's tree does not name {layer}/{path.name}")


def test_every_package_folder_ships_in_the_wheel():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(checker(?:\.[\w]+)*)"', pyproject.split("packages = [", 1)[1].split("]", 1)[0]))
    folders = {".".join(path.parent.relative_to(ROOT).parts) for path in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, folders - listed


def test_no_cache_lives_in_an_objects_dict():
    """Caches are the analysis step's facts, never attributes slipped into an object."""
    # (a pickling __getstate__/__setstate__ copying __dict__ whole is no cache)
    cache = re.compile(r"__dict__(?:\[|\.setdefault|\.get\b)")
    users = [str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py") if cache.search(path.read_text(encoding="utf-8"))]
    assert users == []


def test_the_parsed_document_is_frozen():
    from checker.model import Document

    assert Document.__dataclass_params__.frozen


# attribute writes outside parse/ whose names a parsed type's field shares, each on an
# object that is no part of a parsed document (the whole list)
NOT_THE_DOCUMENT = {("checker/fixing.py", ".text ="),                # a FixOutcome's text
                    ("checker/read/word_review.py", ".text ="),      # an XML element's
                    ("checker/settings/yamlfile.py", ".line ="),     # a Located mapping's
                    ("checker/settings/config.py", "__setattr__"),   # Config's own __post_init__
                    ("checker/settings/lazy_regex.py", "setattr")}   # a LazyPattern binds its methods


def document_writes(package: Path = PACKAGE) -> set[tuple[str, str]]:
    """(module, what) of every statement outside parse/ that assigns, deletes or
    mutates in place (append, update…) an attribute named like a field of the
    parse's types (Document, Section, Heading, Paragraph, Enumerator, SourceText)
    on anything but ``self``, or calls setattr/__setattr__."""
    import dataclasses

    from checker import model

    types = (model.Document, model.Section, model.Heading, model.Paragraph, model.Enumerator, model.SourceText)
    fields = {field.name for kind in types for field in dataclasses.fields(kind)}
    mutators = {"append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "sort", "add",
                "discard", "popitem", "reverse"}

    def on_a_field(node) -> bool:
        node = node.value if isinstance(node, ast.Subscript) else node
        return isinstance(node, ast.Attribute) and node.attr in fields \
            and not (isinstance(node.value, ast.Name) and node.value.id == "self")

    found = set()
    for path in package.rglob("*.py"):
        if "parse" in path.relative_to(package).parts:
            continue
        module = str(path.relative_to(package.parent))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                if on_a_field(target):
                    attribute = target.value if isinstance(target, ast.Subscript) else target
                    found.add((module, f".{attribute.attr} ="))
            if isinstance(node, ast.Call):
                function = node.func
                if isinstance(function, ast.Attribute) and function.attr in mutators and on_a_field(function.value):
                    found.add((module, f".{function.value.attr}.{function.attr}()"))
                elif isinstance(function, ast.Name) and function.id in ("setattr", "delattr"):
                    found.add((module, function.id))
                elif isinstance(function, ast.Attribute) and function.attr in ("__setattr__", "__delattr__"):
                    found.add((module, function.attr))
    return found


def test_nothing_outside_the_parser_writes_to_a_parsed_document():
    """Document is frozen, but its Sections (built by the parser bit by bit) are
    not: no module outside parse/ assigns or mutates their fields."""
    assert document_writes() == NOT_THE_DOCUMENT


def test_the_write_finder_finds_a_write(tmp_path):
    (tmp_path / "checker" / "lint").mkdir(parents=True)
    (tmp_path / "checker" / "parse").mkdir()
    writes = ("def f(document, section):\n    section.children.append(1)\n"
              "    document.line_kinds[3] = 'x'\n    object.__setattr__(document, 'genre', 'y')\n")
    (tmp_path / "checker" / "lint" / "probe.py").write_text(writes, encoding="utf-8")
    (tmp_path / "checker" / "parse" / "builder.py").write_text(writes, encoding="utf-8")  # the parser may
    assert document_writes(tmp_path / "checker") == {("checker/lint/probe.py", ".children.append()"),
                                                     ("checker/lint/probe.py", ".line_kinds ="),
                                                     ("checker/lint/probe.py", "__setattr__")}


# -- the import graph, counting imports inside functions --------------------------------

FACES = ("checker.cli", "checker.lsp", "checker.formats")
BELOW_THE_API = ("checker.read", "checker.parse", "checker.analyse", "checker.lint")


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere (at the top, inside a
    function, under TYPE_CHECKING): ``from a import b`` counts a.b where that
    is a module, else a."""
    known = modules()
    graph = {}
    for module, path in known.items():
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = package[:len(package) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                imported |= {f"{target}.{a.name}" if f"{target}.{a.name}" in known else target for a in node.names}
        graph[module] = {name for name in imported if name in known and name != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while component[-1:] != [module]:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_counting_imports_inside_functions():
    graph = import_graph()
    assert "checker.lint.ruleset" in graph["checker.settings.config"]  # the graph is the real one
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_faces_use_the_api_and_the_result_types_only():
    """CLI, language server and formatters import nothing of reading, parsing,
    analysis or the rule engine but through checker.api."""
    graph = import_graph()
    faces = [module for module in graph if module.startswith(FACES)]
    assert len(faces) > 5
    reaching = {face: sorted(m for m in graph[face] if m.startswith(BELOW_THE_API)) for face in faces}
    assert {face: below for face, below in reaching.items() if below} == {}


def test_the_rule_types_table_of_the_schema_matches_the_code():
    """docs/rules-schema.md lists every rule type of lint/kinds/ (and no other),
    each with every option it takes."""
    from checker.lint.kinds import RULE_TYPES

    schema = (ROOT / "docs" / "rules-schema.md").read_text(encoding="utf-8")
    table = schema.split("## Rule types", 1)[1].split("\n## ", 1)[0]
    rows = {match.group(1): match.group(2) for match in re.finditer(r"^\| `([\w-]+)` \|(.*)$", table, re.M)}
    assert set(rows) == set(RULE_TYPES)
    for name, kind in RULE_TYPES.items():
        inherited = {option for base in re.findall(r"the options of `([\w-]+)`", rows[name]) for option in RULE_TYPES[base].OPTIONS}
        missing = [option for option in kind.OPTIONS
                   if option not in inherited and not re.search(rf"`{option}[`:]", rows[name])]
        assert not missing, f"docs/rules-schema.md: type {name} does not document {missing}"


ORDERED = ("read", "parse", "analyse", "lint")
GROUND = {"checker.model", "checker.lexicon", "checker.numerals", "checker.resources", "checker.messages"}
# the whole list of imports against the direction, as docs/architecture.md names it
AGAINST_THE_DIRECTION = {("checker.settings.config", "checker.lint.kinds"),
                         ("checker.settings.config", "checker.lint.ruleset")}


def folder_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in LAYERS else ""


def against_the_direction(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(module, imported) pairs where a folder imports one to its right: read/ →
    parse/ → analyse/ → lint/ may each import the folders left of it, settings/
    and the ground; settings/ only read/ and the ground."""
    found = set()
    for module, imported in graph.items():
        folder = folder_of(module)
        if folder not in ORDERED and folder != "settings":
            continue
        allowed = set(ORDERED[:ORDERED.index(folder) + 1]) | {"settings"} if folder in ORDERED else {"read", "settings"}
        for other in imported:
            other_folder = folder_of(other)
            if (other_folder and other_folder not in allowed) or (not other_folder and other not in GROUND
                                                                   and other != "checker"):
                found.add((module, other))
    return found


def test_the_imports_against_the_direction_are_those_the_architecture_names():
    assert against_the_direction(import_graph()) == AGAINST_THE_DIRECTION
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module, other in AGAINST_THE_DIRECTION:
        for name in (module, other):
            path = name.removeprefix("checker.").replace(".", "/")
            assert f"`{path}.py`" in text or f"`{path}/`" in text, path


def test_the_direction_finder_finds_an_import_to_the_right():
    graph = {"checker.parse.outline": {"checker.lint.engine", "checker.read.reading", "checker.model"},
             "checker.settings.config": {"checker.analyse.analysis", "checker.read.safe_files"},
             "checker.lint.engine": {"checker.parse.outline", "checker.api"}}
    assert against_the_direction(graph) == {("checker.parse.outline", "checker.lint.engine"),
                                            ("checker.settings.config", "checker.analyse.analysis"),
                                            ("checker.lint.engine", "checker.api")}


def test_one_class_per_name():
    """No two classes of the package share a name (issue 17: two Cover, two KINDS)."""
    where: dict[str, list[str]] = {}
    for module, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(module)
    assert {name: found for name, found in where.items() if len(found) > 1} == {}
