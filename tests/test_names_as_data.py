"""File names are data (issue 22): a name that is not UTF-8 never breaks JSON
or SARIF (each undecodable byte is U+FFFD, the SARIF URI percent-encodes the
real bytes), control and bidi characters in a name are escaped on a terminal;
the HTML report's script runs by its hash, not by 'unsafe-inline'; -j starts
no more workers than there are cores."""

from __future__ import annotations

import json
import os

import pytest

from checker.batch import job_count
from checker.formats import html_format

DRAFT = "关于某某工作的报告\n今年完成了XX项工作。\n".encode("utf-8")


@pytest.fixture
def odd_names(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe\xe9.txt"), "wb") as stream:
        stream.write(DRAFT)
    (folder / "a\x1b]0;pwned\x07\u202eb.txt").write_bytes(DRAFT)
    return folder


@pytest.mark.parametrize("format_name", ["json", "sarif", "github", "html"])
def test_a_name_that_is_not_utf8_keeps_machine_output_valid(run_cli, odd_names, format_name):
    result = run_cli("--format", format_name, str(odd_names))
    assert result.returncode == 1, result.stderr
    text = result.stdout.decode("utf-8")  # strict: raises on a raw byte
    assert "\ufffd\ufffd\ufffd.txt" in text or "%FF%FE%E9.txt" in text
    if format_name == "json":
        assert {os.path.basename(f["path"]) for f in json.loads(text)["files"]} >= {"\ufffd\ufffd\ufffd.txt"}
    if format_name == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(text)["runs"][0]["results"]}
        assert any(uri.endswith("%FF%FE%E9.txt") for uri in uris)


def test_control_and_bidi_characters_in_names_are_escaped_on_a_terminal(run_cli, odd_names):
    out = run_cli("--format", "concise", str(odd_names)).stdout.decode("utf-8")
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "a\\x1b]0;pwned\\x07\\u202eb.txt:2:6:" in out
    assert "\\xff\\xfe\\xe9.txt:2:6:" in out


def test_the_html_script_runs_by_its_hash_not_unsafe_inline(run_cli, tmp_path):
    (tmp_path / "d.txt").write_bytes(DRAFT)
    page = run_cli("--format", "html", str(tmp_path / "d.txt")).stdout.decode("utf-8")
    policy = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    script_policy = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_policy and html_format.SCRIPT_HASH in script_policy
    assert f"<script>{html_format.SCRIPT}</script>" in page


def test_jobs_are_capped_at_the_cores():
    cores = job_count(0)
    assert job_count(500) == cores and job_count(1) == 1


def test_a_missing_name_with_an_escape_is_shown_escaped_on_stderr(run_cli, tmp_path):
    result = run_cli(str(tmp_path / "gone\x1b[31m.txt"))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "\x1b" not in err and "gone\\x1b[31m.txt: no such file" in err
