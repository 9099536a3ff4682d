"""Every rule's YAML examples: each fail example is reported by that rule (with
the stated count and lines, where given) and each pass example is not."""

from __future__ import annotations

import pytest

from checker.api import Config, lint_text

CONFIG = Config.load()


def _cases(kind: str):
    for rule in CONFIG.rules:
        examples = rule.fails if kind == "fail" else rule.passes
        for index, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.name}-{kind}-{index}")


def _findings(rule, example):
    return [d for d in lint_text(example.text, path=example.path, config=CONFIG) if d.rule == rule.name]


def test_every_rule_has_fail_and_pass_examples():
    for rule in CONFIG.rules:
        assert rule.fails, rule.name
        assert rule.passes, rule.name


@pytest.mark.parametrize("rule, example", list(_cases("fail")))
def test_fail_example_is_reported(rule, example):
    found = _findings(rule, example)
    assert found, f"{rule.name} did not report {example.text!r}"
    if example.count is not None:
        assert len(found) == example.count, [(d.line, d.column, d.message) for d in found]
    if example.lines is not None:
        assert sorted({d.line for d in found}) == sorted(example.lines)
    for diagnostic in found:
        assert diagnostic.code == rule.code and diagnostic.severity == rule.severity


@pytest.mark.parametrize("rule, example", list(_cases("pass")))
def test_pass_example_is_quiet(rule, example):
    found = _findings(rule, example)
    assert not found, [(d.line, d.column, d.message) for d in found]
