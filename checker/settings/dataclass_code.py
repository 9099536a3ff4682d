"""Dataclasses built from compiled code kept across processes.

Building a dataclass (``@dataclass``) writes the source text of its methods
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, a frozen one's
``__setattr__``/``__delattr__``) and compiles it with ``exec``: that compile was
about 40 of the ≈100 ms CPU that importing the package cost (its ~60
dataclasses, ~350 methods). The standard library's ``dataclasses`` calls
``exec`` by its module-global name, so :func:`install` gives that module an
``exec`` of its own which compiles a text the first time and takes the code
from the per-user cache (checker/read/cache.py) after that: one file per
Python version, keyed by the exact source text, compiled as ``exec`` compiles
it there (no inherited ``__future__`` flags, file name ``<string>``). The same
text compiled the same way is the same code, so every class is the one
``dataclasses`` builds (tests/test_dataclass_code.py compares them). Anything
other than a text passes through to the built-in ``exec``; a missing, damaged
or foreign file costs the compile, never an error.

checker/__init__.py installs it before any of the package's modules is
imported; it stays installed for the dataclasses built later (the lazily
imported formats, fixing, the language server). It serves the package's own
classes only: a dataclass of any other module in the process (a program that
imports checker as a library) is built by the built-in ``exec`` as always and
nothing of it is kept. Checked against CPython 3.10-3.13's ``dataclasses``,
which all call ``exec(text, module_globals, namespace)``; a version that built
methods another way would never call this ``exec`` with a text, and so would
simply build its classes as usual.
"""

from __future__ import annotations

import builtins
import hashlib
import sys

from checker.read import cache

MAX_KEPT = 5_000  # method texts in the file; past this it starts again


def _store_name() -> str:
    python = f"{sys.version}|{sys.implementation.cache_tag}".encode()
    return f"dataclass-code-{hashlib.sha256(python).hexdigest()[:20]}.marshal"


def _is_code(text, code) -> bool:
    return isinstance(text, str) and isinstance(code, type(_is_code.__code__))


_table = cache.KeptTable(_store_name(), MAX_KEPT, _is_code)  # source text -> code object


def compiled(text: str):
    """The code ``exec(text)`` runs inside ``dataclasses``: from the store, or
    compiled (and added to it)."""
    code = _table.entries().get(text)
    if code is None:
        code = compile(text, "<string>", "exec", dont_inherit=True)
        _table.add(text, code)
    return code


def _ours(globals) -> bool:
    """A class of this package: ``dataclasses`` runs a class's methods' text in
    the globals of the module that defines it (Python 3.10-3.13 alike)."""
    name = globals.get("__name__", "") if isinstance(globals, dict) else ""
    return name == "checker" or name.startswith("checker.")


def _exec(source, globals=None, locals=None, /, **keywords):
    if globals is None:  # as the built-in: the caller's namespace (dataclasses'), not this module's
        caller = sys._getframe(1)
        globals = caller.f_globals
        if locals is None:
            locals = caller.f_locals
    if isinstance(source, str) and _ours(globals):
        source = compiled(source)
    return builtins.exec(source, globals, locals, **keywords)


def install() -> None:
    """Give ``dataclasses`` the caching ``exec`` (only on CPython, whose
    ``dataclasses`` looks ``exec`` up among its globals)."""
    if sys.implementation.name != "cpython":  # pragma: no cover - another interpreter: leave it be
        return
    import dataclasses

    if "exec" not in vars(dataclasses):
        dataclasses.exec = _exec
