"""Where the shipped grammar and rule packs live.

In a wheel they are installed inside the package (checker/grammar,
checker/rules, mapped in pyproject.toml); in a source checkout they sit at the
top of the repository, beside checker/.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
VERSION = "0.1.0"  # the package's version (pyproject.toml says the same); checker.api.__version__


def data_dir(name: str) -> Path:
    for candidate in (PACKAGE_DIR / name, PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"reportlint is installed without its {name}/ folder (looked in {PACKAGE_DIR})")


def data_path(folder: str, *parts: str) -> Path:
    return data_dir(folder).joinpath(*parts)
