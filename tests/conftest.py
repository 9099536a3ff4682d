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
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def shared_dir(name: str) -> Path:
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the shared samples live beside the repository)")
    return folder


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
