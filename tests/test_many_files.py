"""Many files in one call: -j N gives the output of -j 1, in the same order;
an exception inside one rule on one draft becomes an internal-error diagnostic
for that draft while the other rules and drafts still report (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from checker.api import Config
from checker.lint.engine import run_rules
from checker.model import SourceText
from checker.parse.outline import parse_document

from conftest import EXAMPLES, ROOT
from test_cli import err, out


def inputs(tmp_path) -> list[str]:
    missing = str(tmp_path / "missing.txt")
    examples = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    return [examples[0], missing, *examples[1:], "examples/"]


@pytest.mark.parametrize("output_format", ["full", "json"])
def test_parallel_output_is_the_sequential_output(run_cli, tmp_path, output_format):
    files = inputs(tmp_path)
    sequential = run_cli("--output-format", output_format, "-j", "1", *files)
    parallel = run_cli("--output-format", output_format, "-j", "2", *files)
    assert sequential.returncode == parallel.returncode == 2
    assert out(parallel) == out(sequential) and out(sequential).count("placeholder") > 3
    assert err(parallel) == err(sequential) and "missing.txt" in err(parallel)


def test_parallel_on_the_corpus_and_samples(run_cli, corpus_dir, samples_dir):
    sequential = run_cli("--format", "json", str(corpus_dir), str(samples_dir))
    every_core = run_cli("--format", "json", "-j", "0", str(corpus_dir), str(samples_dir))
    assert out(every_core) == out(sequential)
    assert len(json.loads(out(sequential))["files"]) >= 6


# -- internal errors ----------------------------------------------------------------------

CRASHING_RUN = """\
import sys
from checker.lint.kinds.truncation import Truncation

original = Truncation.check


def check(self, document, facts):
    if any("触发故障" in line for line in document.lines):
        raise ZeroDivisionError("injected fault")
    return original(self, document, facts)


Truncation.check = check  # in this child process only
from checker.cli import main

main(sys.argv[1:])
"""


def test_a_rule_that_raises_becomes_an_internal_error(tmp_path):
    """The real CLI in a child process whose truncation rule type raises on
    one draft (the fault injected there, nothing patched in this process)."""
    script = tmp_path / "crashing_run.py"
    script.write_text(CRASHING_RUN, encoding="utf-8")
    crash = tmp_path / "crash.txt"
    crash.write_text("工作总结\n\n全年召开**次会议，触发故障\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("工作总结\n\n全年召开了三次会议，研究部署\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for jobs in ("1", "2"):
        result = subprocess.run([sys.executable, str(script), "--format", "json", "-j", jobs, str(crash),
                                 str(other)], cwd=ROOT, env=env, capture_output=True, timeout=120)
        assert result.returncode == 2, err(result)
        assert "Traceback" not in err(result)
        crashed, unaffected = json.loads(out(result))["files"]
        rules = [d["rule"] for d in crashed["diagnostics"]]
        assert "internal-error" in rules and "placeholder" in rules  # the other rules still report
        assert "truncated-paragraph" not in rules
        [internal] = [d for d in crashed["diagnostics"] if d["rule"] == "internal-error"]
        assert internal["code"] == "RL001" and internal["severity"] == "error"
        assert "truncated-paragraph" in internal["message"] and "ZeroDivisionError: injected fault" \
            in internal["message"]
        assert any(d["rule"] == "truncated-paragraph" for d in unaffected["diagnostics"])  # other drafts unaffected
    text = subprocess.run([sys.executable, str(script), str(crash)], cwd=ROOT, env=env, capture_output=True,
                          timeout=120)
    assert text.returncode == 2
    assert out(text).rstrip("\n").split("\n")[-1].endswith("1 file checked, 1 internal error")


class Raising:
    def check(self, document, facts):
        yield from ()
        raise KeyError("no such level")


def test_engine_turns_one_rule_exception_into_one_diagnostic():
    config = Config.load()
    rules = [replace(rule, rule_type=Raising()) if rule.name == "placeholder" else rule for rule in config.rules]
    text = "工作总结\n\n全年召开**次会议。\n全年召开了三次会议，研究部署\n"
    document = parse_document(SourceText.from_string(text, "a.txt"))
    diagnostics = run_rules(document, rules)
    internal = [d for d in diagnostics if d.rule == "internal-error"]
    assert len(internal) == 1 and "placeholder (RL101)" in internal[0].message
    assert "KeyError" in internal[0].message
    assert any(d.rule == "truncated-paragraph" for d in diagnostics)
    assert config.rule("placeholder").rule_type is not rules[[r.name for r in rules].index("placeholder")].rule_type
