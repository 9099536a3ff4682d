"""Shared fixtures: the repository root, ../shared (skipped where absent), a
CLI runner that calls the real console-script function."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# reportlint speaks Chinese unless told otherwise (checker/messages.py). Most tests
# assert the English words of the summary and errors; they run in English, here and in
# every subprocess they start. tests/test_language.py checks the Chinese default and
# every way of choosing English, with this variable removed.
os.environ["REPORTLINT_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent


def parse_text(text: str, path=None):
    """The parsed document of ``text`` (a test's draft; ``path`` names its format)."""
    from checker.model import SourceText
    from checker.parse.outline import parse_document

    return parse_document(SourceText.from_string(text, path))


SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_dir(name: str) -> Path:
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared samples live beside the repository)")
    return folder


# Tests that read the shared materials beside the repository (../shared: samples,
# corpus, the SARIF schema) carry the ``corpus`` mark: those taking one of these
# fixtures, and those marked by hand. Where ../shared is absent (a fresh clone) they
# are deselected, said in one line at the end of the run, not skipped one by one;
# `pytest -m corpus` runs only them (README, 安装与测试).
SHARED_FIXTURES = {"samples_dir", "corpus_dir", "sarif_validator"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.corpus)
    if SHARED.is_dir() or config.getoption("-m"):
        return
    needing = [item for item in items if item.get_closest_marker("corpus")]
    if needing:
        config.hook.pytest_deselected(items=needing)
        items[:] = [item for item in items if not item.get_closest_marker("corpus")]
        config._reportlint_corpus_deselected = len(needing)


def pytest_terminal_summary(terminalreporter, config):
    count = getattr(config, "_reportlint_corpus_deselected", 0)
    if count:
        terminalreporter.write_line(f"{count} corpus tests deselected: {SHARED} is absent "
                                    "(they need the shared samples and corpus; see README, 安装与测试)")


@pytest.fixture
def samples_dir() -> Path:
    return shared_dir("samples")


@pytest.fixture
def corpus_dir() -> Path:
    return shared_dir("corpus")


@pytest.fixture
def run_cli():
    """Run ``reportlint ARGS`` in a real subprocess; returns CompletedProcess."""
    import subprocess

    def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None):
        return subprocess.run(
            [sys.executable, "-m", "checker.cli", *args],
            input=stdin, capture_output=True, cwd=cwd or ROOT, timeout=120,
        )

    return run


@pytest.fixture
def fresh_table(tmp_path, monkeypatch):
    """``fresh_table(module)``: the module's table kept in the per-user cache
    (read/cache.KeptTable) replaced by an empty one in a cache folder of the
    test's own; returns that folder. Nothing is written at exit."""
    from checker.read.cache import KeptTable

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = []

    def fresh(module):
        table = module._table
        made.append(KeptTable(table.name, table.max_kept, table.valid))
        monkeypatch.setattr(module, "_table", made[-1])
        return tmp_path / "reportlint"

    yield fresh
    for table in made:
        table.added.clear()
