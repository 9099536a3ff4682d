"""``reportlint explain RULE`` and the progress line on a terminal's stderr
(a real pseudo-terminal; never when stderr is piped, never beside a machine
format)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from checker.settings.config import Config

from conftest import EXAMPLES, ROOT
from test_cli import assert_one_line_error, err, out


# -- explain ------------------------------------------------------------------------------

def test_explain_by_name_shows_the_documentation_and_the_yaml_examples(run_cli):
    result = run_cli("explain", "placeholder")
    assert result.returncode == 0, err(result)
    text = out(result)
    rule = Config.load().rule("placeholder")
    lines = text.split("\n")
    assert lines[0] == "placeholder (RL101)"
    assert "type pattern" in lines[1] and f"default severity {rule.severity}" in lines[1]
    assert lines[2] == f"  message: {rule.message}"
    assert rule.description.strip().split("\n")[0] in lines
    assert "Reported:" in lines and "Not reported:" in lines
    reported, not_reported = lines.index("Reported:"), lines.index("Not reported:")
    for example in rule.fails:
        assert all(f"    | {line}" in lines[reported:not_reported] for line in example.text.split("\n"))
    for example in rule.passes:
        assert all(f"    | {line}" in lines[not_reported:] for line in example.text.split("\n"))
    # the regular expressions only with --verbose
    assert "Options:" not in lines and "regex:" not in text and "(options and regular expressions: --verbose)" in lines
    verbose = out(run_cli("explain", "--verbose", "placeholder")).split("\n")
    assert "Options:" in verbose and any("regex:" in line for line in verbose)


def test_explain_reads_in_chinese_by_default(run_cli):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("REPORTLINT_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run([sys.executable, "-m", "checker.cli", "explain", "placeholder"], capture_output=True,
                            cwd=ROOT, env=env, timeout=60)
    lines = result.stdout.decode("utf-8").split("\n")
    assert lines[1].startswith("  类型 pattern · 默认级别：错误") and lines[2].startswith("  提示语：")
    assert "会报告的例子：" in lines and "不会报告的例子：" in lines and "（选项与正则表达式用 --verbose 查看）" in lines


def test_explain_by_code_is_the_same(run_cli):
    assert out(run_cli("explain", "RL201")) == out(run_cli("explain", "ad-residue"))
    assert out(run_cli("explain", "rl201")) == out(run_cli("explain", "ad-residue"))


def test_explain_an_engine_rule(run_cli):
    result = run_cli("explain", "internal-error")
    assert result.returncode == 0, err(result)
    assert out(result).startswith("internal-error (RL001)\n  type engine · default severity error")


def test_explain_a_rule_of_an_added_pack(run_cli, tmp_path):
    from test_cli import WARNING_PACK

    pack = tmp_path / "office.yaml"
    pack.write_text(WARNING_PACK, encoding="utf-8")
    result = run_cli("explain", "--rules", str(pack), "RL901")
    assert result.returncode == 0, err(result)
    assert out(result).startswith("draft-marker (RL901)\n") and "    | 全年完成投资【待定】亿元。" in out(result)


def test_explain_an_unknown_rule_exits_2_in_one_line(run_cli):
    assert_one_line_error(run_cli("explain", "no-such-rule"), "no-such-rule", "reportlint rules")


# -- progress -----------------------------------------------------------------------------

def run_with_terminal_stderr(*args: str) -> tuple[int, bytes, bytes]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "checker.cli", *args], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=terminal)
    os.close(terminal)
    stdout = process.stdout.read()
    code = process.wait(timeout=120)
    stderr = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's other side is closed and drained
            break
        if not chunk:
            break
        stderr += chunk
    os.close(controller)
    return code, stdout, stderr


@pytest.fixture
def several():
    return sorted(str(p.relative_to(ROOT)) for p in EXAMPLES.glob("*.txt"))


def test_progress_on_a_terminal(several):
    code, stdout, stderr = run_with_terminal_stderr(*several)
    assert code == 1
    shown = stderr.decode("utf-8")
    for number, path in enumerate(several, 1):
        assert f"[{number}/{len(several)}] {path}" in shown
    assert shown.endswith("\r\x1b[K")  # taken away at the end
    assert b"\x1b[K" not in stdout and stdout.decode("utf-8").rstrip("\n").split("\n")[-1].startswith(
        tuple("0123456789"))


def test_no_progress_for_machine_formats_or_one_file(several):
    for args in (("--format", "json", *several), ("--output-format", "sarif", *several), (several[0],)):
        _, _, stderr = run_with_terminal_stderr(*args)
        assert b"[1/" not in stderr, args


def test_no_progress_when_stderr_is_piped(run_cli, several):
    result = run_cli(*several)
    assert result.returncode == 1 and err(result) == ""
