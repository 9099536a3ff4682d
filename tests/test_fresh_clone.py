"""Tests a newcomer can run (issue 20): on a fresh clone, without ../shared beside
the repository, the tests that need the shared samples and corpus are deselected
and said in one line at the end — nothing is skipped one by one — and
``pytest -m corpus`` asks for them by name (README, 安装与测试; .ci/run runs them)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT

NEEDS_SHARED = '''
def test_reads_the_samples(samples_dir):
    assert samples_dir.is_dir()


def test_needs_nothing():
    assert 1 + 1 == 2
'''


def test_a_fresh_clone_deselects_the_corpus_tests_in_one_line_and_skips_nothing(tmp_path):
    clone = tmp_path / "clone"  # no ../shared beside it
    (clone / "tests").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "conftest.py", clone / "tests" / "conftest.py")
    shutil.copy(ROOT / "pyproject.toml", clone / "pyproject.toml")
    (clone / "tests" / "test_two.py").write_text(NEEDS_SHARED, encoding="utf-8")
    assert not (tmp_path / "shared").exists()

    def pytest(*args: str) -> str:
        result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", *args, "tests"],
                                cwd=clone, capture_output=True, timeout=300)
        return result.stdout.decode("utf-8")

    said = pytest("-q")
    assert "1 passed, 1 deselected" in said and "skipped" not in said, said
    assert "1 corpus tests deselected:" in said and "see README, 安装与测试" in said
    asked = pytest("-q", "-m", "corpus")  # asked for by name: they run, and without ../shared they say why
    assert "1 skipped, 1 deselected" in asked and "is absent" in asked, asked
