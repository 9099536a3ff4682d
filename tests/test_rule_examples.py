"""Every rule's YAML examples: each fail example is reported by that rule (with
the stated count and lines, where given) and each pass example is not; where a
fail example shows its ``fixed`` text, applying the rule's fixes gives it."""

from __future__ import annotations

import dataclasses

import pytest

from checker.api import Config, lint_text
from checker.fixing import fix_source
from checker.model import SourceText

CONFIG = Config.load()


def _cases(kind: str):
    for rule in CONFIG.rules:
        examples = rule.fails if kind == "fail" else rule.passes
        for index, example in enumerate(examples):
            yield pytest.param(rule, example, id=f"{rule.name}-{kind}-{index}")


def _findings(rule, example):
    # a rule off by default (figure-conflict) is judged on its examples switched on
    config = CONFIG if rule.enabled else Config(rules=[dataclasses.replace(rule, enabled=True)])
    return [d for d in lint_text(example.text, path=example.path, config=config) if d.rule == rule.name]


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


def _fixed_cases():
    for rule in CONFIG.rules:
        for index, example in enumerate(rule.fails):
            if example.fixed is not None:
                yield pytest.param(rule, example, id=f"{rule.name}-fixed-{index}")


@pytest.mark.parametrize("rule, example", list(_fixed_cases()))
def test_fixed_example_is_what_the_rules_fixes_make(rule, example):
    only_this_rule = Config(rules=[rule])
    outcome = fix_source(SourceText.from_string(example.text, example.path), example.text, only_this_rule,
                         unsafe=True)
    assert outcome.text == example.fixed
    assert all(d.fix.applicability == rule.fix for d in outcome.fixed)
    assert not [d for d in outcome.result.diagnostics if d.fix], "a fixed text offers no further fix"


def test_some_examples_show_their_fix():
    assert {rule.fix for rule in CONFIG.rules for example in rule.fails if example.fixed} == {"safe", "unsafe"}
