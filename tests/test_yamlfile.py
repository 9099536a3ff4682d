"""yamlfile reads with libyaml where PyYAML has it, else in pure Python: both
give the same data, the same lines and the same errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.settings import yamlfile
from checker.settings.yamlfile import Located, LocatedList, RuleFileError, read_yaml

ROOT = Path(__file__).resolve().parent.parent
PACKS = sorted((ROOT / "rules").rglob("*.yaml"))

needs_libyaml = pytest.mark.skipif(yamlfile._CLoader is None, reason="PyYAML was built without libyaml")


def located(node):
    """``node`` as plain data with every line it remembers."""
    if isinstance(node, Located):
        return ("map", node.line, [(key, node.key_lines[key], located(value)) for key, value in node.items()])
    if isinstance(node, LocatedList):
        return ("list", node.line, node.item_lines, [located(item) for item in node])
    return (type(node).__name__, node)


def test_the_built_in_packs_are_there():
    assert len(PACKS) >= 10


@needs_libyaml
@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.name)
def test_both_parsers_give_the_same_data_and_lines(path):
    fast = read_yaml(str(path), "rule")
    slow = read_yaml(str(path), "rule", pure_python=True)
    assert located(fast) == located(slow)
    assert fast["rules" if "rules" in fast else next(iter(fast))]  # not an empty read


BROKEN = {
    "unclosed quote": "pack: x\nrules:\n  - name: 'open\n",
    "bad indentation": "pack: x\nrules:\n  - name: a\n   code: RL1\n",
    "duplicate key": "pack: x\npack: y\n",
    "non-string key": "pack: x\n1: y\n",
    "tab indent": "pack: x\nrules:\n\t- a\n",
}


@needs_libyaml
@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_both_parsers_report_a_broken_file_on_the_same_line(tmp_path, text):
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    errors = []
    for pure_python in (False, True):
        with pytest.raises(RuleFileError) as caught:
            read_yaml(str(path), "rule", pure_python=pure_python)
        errors.append(str(caught.value))
    lines = [error[len(f"{path}:"):].split(":")[0] for error in errors]
    assert all(error.startswith(f"{path}:") for error in errors)
    assert lines[0] == lines[1] and int(lines[0]) > 1


def test_the_python_parser_reads_a_pack_where_libyaml_is_absent(monkeypatch):
    monkeypatch.setattr(yamlfile, "_CLoader", None)
    data = read_yaml(str(ROOT / "rules" / "placeholders.yaml"), "rule")
    assert isinstance(data, Located) and data.line >= 1 and data["rules"].item_lines[0] > 1
    assert yaml.__with_libyaml__ is not None  # the module still imports either way
