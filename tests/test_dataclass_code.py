"""Dataclasses built from compiled code kept in the per-user cache
(checker/settings/dataclass_code.py): the code read back is the code the text
compiles to, a class built from it behaves as dataclasses builds it, and a
damaged store costs the compile only."""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import subprocess
import sys
import types
from dataclasses import FrozenInstanceError, fields, replace

import pytest

import checker  # noqa: F401 - installs the caching exec
from checker.settings import dataclass_code


@pytest.fixture
def fresh_store(fresh_table):
    return fresh_table(dataclass_code)


SHAPES = """
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Span:
    line: int
    column: int = 0
    tags: tuple = field(default_factory=tuple)

@dataclass
class Tally:
    counts: dict = field(default_factory=dict)
    total: int = 0
"""


def build(module_name: str = "checker._dataclass_shapes"):
    """Classes of the shapes the package uses (frozen, ordered, defaults, a
    factory), defined in a module of that name: by default one of the package."""
    module = types.ModuleType(module_name)
    sys.modules[module_name] = module
    try:
        exec(SHAPES, vars(module))
    finally:
        del sys.modules[module_name]
    return module.Span, module.Tally


def behaviour(span_class, tally_class) -> list:
    span, other = span_class(3, 4), span_class(3, 5, ("x",))
    tally = tally_class()
    tally.total += 2
    with pytest.raises(FrozenInstanceError):
        span.line = 1
    return [repr(span), span == span_class(3, 4), span < other, hash(span) == hash(span_class(3, 4)),
            repr(replace(span, column=9)), [f.name for f in fields(span_class)], repr(tally), tally == tally_class({}, 2)]


def test_installed_on_import_of_the_package():
    assert vars(dataclasses)["exec"] is dataclass_code._exec


def test_read_back_code_is_the_compiled_code_and_the_classes_behave_alike(fresh_store, monkeypatch):
    first = behaviour(*build())
    assert dataclass_code._table.added  # compiled, to be kept
    dataclass_code._table.save()
    [store] = fresh_store.glob("dataclass-code-*.marshal")
    monkeypatch.setattr(dataclass_code._table, "known", None)  # another process: reads the store
    again = behaviour(*build())
    assert again == first and not dataclass_code._table.added  # every text from the store
    for text, code in dataclass_code._table.entries().items():
        assert code == compile(text, "<string>", "exec", dont_inherit=True)


def test_without_the_store_the_same_classes(fresh_store, monkeypatch):
    cached = behaviour(*build())
    monkeypatch.delitem(vars(dataclasses), "exec")  # the built-in exec
    assert behaviour(*build()) == cached


def test_a_package_dataclass_method_is_the_one_dataclasses_writes():
    """The methods of the package's classes come from code equal to a plain
    compile of their text (in a process that never reads the store)."""
    from checker.model import Diagnostic, Span

    script = ("import dataclasses, sys\n"
              "texts = {}\n"
              "def spy(source, globals=None, locals=None):\n"
              "    if isinstance(source, str): texts[source] = 1\n"
              "    return exec(source, globals, locals)\n"
              "dataclasses.exec = spy  # installed first: the package leaves it (no caching exec)\n"
              "import checker\n"
              "assert dataclasses.exec is spy\n"
              "import marshal; sys.stdout.buffer.write(marshal.dumps(list(texts)))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    texts = marshal.loads(result.stdout)
    assert len(texts) > 100
    codes = {}
    for text in texts:
        for constant in compile(text, "<string>", "exec", dont_inherit=True).co_consts:
            if hasattr(constant, "co_code"):
                for inner in constant.co_consts:
                    if hasattr(inner, "co_code"):
                        codes.setdefault(inner.co_name, []).append(inner)
    for cls in (Span, Diagnostic):
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__"):
            method = vars(cls)[name]
            method = getattr(method, "__wrapped__", method)
            assert method.__code__ in codes[name], (cls, name)


@pytest.mark.parametrize("damage", [b"", b"x" * 40, b"\0" * 32 + b"not marshal", "good-checksum-not-code"])
def test_a_damaged_store_costs_the_compile_never_an_error(fresh_store, monkeypatch, damage):
    first = behaviour(*build())
    dataclass_code._table.save()
    [store] = fresh_store.glob("dataclass-code-*.marshal")
    if damage == "good-checksum-not-code":
        payload = marshal.dumps({"def __create_fn__(): pass": "not code", 3: 4})
        store.write_bytes(hashlib.sha256(payload).digest() + payload)
    else:
        store.write_bytes(damage)
    monkeypatch.setattr(dataclass_code._table, "known", None)
    assert behaviour(*build()) == first


def test_exec_without_globals_runs_in_the_callers_namespace():
    namespace = {"seen": None}
    dataclass_code._exec("seen = __name__", None, namespace)
    assert namespace["seen"] == __name__


def test_a_dataclass_of_another_module_is_built_as_usual_and_not_kept(fresh_store, monkeypatch):
    """Importing checker as a library leaves the program's own dataclasses alone."""
    outside = behaviour(*build("a_users_program"))
    assert not dataclass_code._table.added and not dataclass_code._table.entries()
    monkeypatch.delitem(vars(dataclasses), "exec")  # the built-in exec
    assert behaviour(*build("a_users_program")) == outside
    assert behaviour(*build()) == outside  # and the package's own, as before
