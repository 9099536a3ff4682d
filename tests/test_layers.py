"""The package's layout: the layers are folders (docs/architecture.md), few
modules stay at the top of checker/, and every folder ships in the wheel."""

from __future__ import annotations

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


def test_every_package_folder_ships_in_the_wheel():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(checker(?:\.[\w]+)*)"', pyproject.split("packages = [", 1)[1].split("]", 1)[0]))
    folders = {".".join(path.parent.relative_to(ROOT).parts) for path in PACKAGE.rglob("__init__.py")}
    assert folders <= listed, folders - listed


def test_no_cache_lives_in_an_objects_dict():
    """Caches are the analysis step's facts, never attributes slipped into an object."""
    users = [str(path.relative_to(ROOT)) for path in PACKAGE.rglob("*.py") if "__dict__" in path.read_text(encoding="utf-8")]
    assert users == []


def test_the_parsed_document_is_frozen():
    from checker.model import Document

    assert Document.__dataclass_params__.frozen
