"""The project's own example drafts: clean.txt draws nothing, and together the
examples show every built-in rule firing."""

from __future__ import annotations

from checker.api import Config, lint_paths

from conftest import EXAMPLES


def test_clean_example_draws_no_finding():
    [result] = lint_paths([str(EXAMPLES / "clean.txt")])
    assert result.diagnostics == []


def test_every_rule_fires_in_some_example():
    fired = {d.rule for result in lint_paths([str(EXAMPLES)]) for d in result.diagnostics}
    assert {rule.name for rule in Config.load().rules if rule.enabled} - fired == set()  # not figure-conflict: off


def test_each_defect_example_has_findings():
    for result in lint_paths([str(EXAMPLES)]):
        if not result.path.endswith("clean.txt"):
            assert result.diagnostics, result.path
