"""The built wheel works on its own: installed into a fresh venv, run from
another folder, it finds its grammar and rule packs inside the package."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

NETWORK_TROUBLE = ("NewConnectionError", "Temporary failure in name resolution", "Name or service not known",
                   "Network is unreachable", "Connection refused", "ConnectTimeoutError", "ReadTimeoutError",
                   "No matching distribution found", "Could not find a version")
# Not part of the source: build output, environments, caches (a stale build/lib
# could otherwise hide a file missing from the package data).
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__",
                                    ".pytest_cache", "*.pyc")


def network_is_down() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=5).close()
        return False
    except OSError:
        return True


def run(command: list, *, cwd: Path, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def must_succeed(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode == 0:
        return
    output = result.stdout + result.stderr
    if any(sign in output for sign in NETWORK_TROUBLE) and network_is_down():
        pytest.skip(f"{what} needs the package index and the network is unavailable")
    pytest.fail(f"{what} failed ({result.returncode}):\n{output[-4000:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    wheels = base / "wheels"
    must_succeed(run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, source],
                     cwd=base, timeout=600), "building the wheel")
    [wheel] = wheels.glob("reportlint-*.whl")
    venv = base / "venv"
    must_succeed(run([sys.executable, "-m", "venv", venv], cwd=base), "creating a venv")
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    must_succeed(run([bin_dir / "python", "-m", "pip", "install", wheel], cwd=base, timeout=900),
                 "installing the wheel")
    work = base / "elsewhere"
    work.mkdir()
    return {"wheel": wheel, "venv": venv, "bin": bin_dir, "work": work, "source": source}


def test_wheel_ships_grammar_and_every_rule_pack(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    assert "checker/grammar/outline.lark" in names
    assert "checker/data/numeral_words.txt" in names  # the small jieba dictionary (checker/parse/segment.py)
    source = installed["source"]  # the snapshot the wheel was built from
    packs = sorted(p.relative_to(source / "rules").as_posix() for p in (source / "rules").rglob("*.yaml"))
    assert packs
    missing = [p for p in packs if f"checker/rules/{p}" not in names]
    assert not missing, f"rule packs missing from the wheel: {missing}"
    modules = sorted(p.relative_to(source).as_posix() for p in (source / "checker").rglob("*.py"))
    assert not [m for m in modules if m not in names], "Python modules missing from the wheel"


def test_installed_checker_is_imported_from_the_venv(installed):
    result = run([installed["bin"] / "python", "-c", "import checker; print(checker.__file__)"],
                 cwd=installed["work"])
    assert result.returncode == 0, result.stderr
    location = Path(result.stdout.strip()).resolve()
    assert installed["venv"].resolve() in location.parents, location
    assert ROOT not in location.parents


def test_installed_reportlint_finds_placeholders_from_another_folder(installed):
    draft = installed["work"] / "draft.txt"
    shutil.copy(EXAMPLES / "placeholders.txt", draft)
    result = run([installed["bin"] / "reportlint", "draft.txt"], cwd=installed["work"])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert any(line.startswith("draft.txt:") and "[placeholder]" in line for line in result.stdout.splitlines())


def test_installed_reportlint_lists_the_shipped_rules(installed):
    result = run([installed["bin"] / "reportlint", "rules"], cwd=installed["work"])
    assert result.returncode == 0, result.stderr
    names = {line.split()[1] for line in result.stdout.splitlines() if line.strip()}
    assert {"placeholder", "ad-residue"} <= names
    reference = run([installed["bin"] / "reportlint", "rules", "--markdown"], cwd=installed["work"])
    assert reference.returncode == 0, reference.stderr
    assert "### `placeholder` (RL101)" in reference.stdout
    # The same reference as the source snapshot generates: every pack made it into the wheel.
    from_source = subprocess.run([sys.executable, "-m", "checker.cli", "rules", "--markdown"],
                                 cwd=installed["source"], capture_output=True, text=True, timeout=120)
    assert from_source.returncode == 0, from_source.stderr
    assert reference.stdout == from_source.stdout


def test_installed_outline_uses_the_shipped_grammar(installed):
    draft = installed["work"] / "clean.txt"
    shutil.copy(EXAMPLES / "clean.txt", draft)
    result = run([installed["bin"] / "reportlint", "outline", "clean.txt"], cwd=installed["work"])
    assert result.returncode == 0, result.stderr
    assert "一、" in result.stdout and "[level 1]" in result.stdout
