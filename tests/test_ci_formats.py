"""The CI formats: SARIF 2.1.0 (validated against the official schema in
../shared/schemas) and GitHub Actions annotations (escaping tested with nasty
messages and file names). Real CLI subprocesses on real files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from urllib.parse import unquote

import jsonschema
import pytest

from checker.formats.github_format import escape_data, escape_property
from checker.formats.sarif_format import SarifFormatter
from checker.formats.base import RunInfo, render
from checker.model import Diagnostic, FileResult, Span

from conftest import EXAMPLES, ROOT, shared_dir
from test_cli import assert_one_line_error, err, out

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@pytest.fixture
def sarif_validator():
    schema = json.loads((shared_dir("schemas") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


@pytest.fixture
def inputs(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return ["examples/placeholders.txt", "examples/residue.txt", str(binary), "examples/numbering.txt",
            "examples/sections.txt", "examples/clean.txt"]


def run_in(folder, *args):
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=folder, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)


# -- SARIF --------------------------------------------------------------------------------

def test_sarif_is_valid_and_says_what_json_says(run_cli, inputs, sarif_validator):
    result = run_cli("--output-format", "sarif", *inputs)
    assert result.returncode == 2 and "scan.txt" in err(result)
    sarif = json.loads(out(result))
    sarif_validator.validate(sarif)
    [run] = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "reportlint" and driver["version"]
    data = json.loads(out(run_cli("--format", "json", *inputs)))
    expected = [(f["path"], d["code"], LEVELS[d["severity"]], d["message"],
                 (d["line"], d["column"], d["end_line"], d["end_column"]))
                for f in data["files"] for d in f["diagnostics"]]
    found = []
    for item in run["results"]:
        [location] = item["locations"]
        physical = location["physicalLocation"]
        region = physical["region"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert driver["rules"][item["ruleIndex"]]["id"] == item["ruleId"]
        found.append((unquote(physical["artifactLocation"]["uri"]), item["ruleId"], item["level"],
                      item["message"]["text"],
                      (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"])))
    assert found == expected and len(found) > 10
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["descriptor"]["id"] == "binary" and "scan.txt" in notification["message"]["text"]


def test_sarif_rules_carry_their_documentation(run_cli, sarif_validator):
    result = run_cli("--output-format", "sarif", "examples/clean.txt")
    assert result.returncode == 0
    sarif = json.loads(out(result))
    sarif_validator.validate(sarif)
    rules = {rule["name"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    listed = {line.split()[1]: line.split()[0] for line in out(run_cli("rules")).splitlines() if line.strip()}
    assert {name: rule["id"] for name, rule in rules.items() if name in listed} == listed
    assert rules["internal-error"]["id"] == "RL001"
    placeholder = rules["placeholder"]
    assert placeholder["defaultConfiguration"]["level"] == "error"
    assert placeholder["shortDescription"]["text"] and placeholder["fullDescription"]["text"]
    markdown = placeholder["help"]["markdown"]
    assert "Reported:" in markdown and "Not reported:" in markdown and "`placeholder` (RL101)" in markdown
    assert sarif["runs"][0]["results"] == []
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_uris_are_relative_to_the_working_folder(tmp_path, sarif_validator):
    (tmp_path / "报告" / "二稿").mkdir(parents=True)
    inside = tmp_path / "报告" / "二稿" / "述职 报告.txt"
    inside.write_text("述职报告\n\n全年召开**次会议。\n", encoding="utf-8")
    result = run_in(tmp_path, "--output-format", "sarif", "报告", str(EXAMPLES / "placeholders.txt"))
    sarif = json.loads(out(result))
    sarif_validator.validate(sarif)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif["runs"][0]["results"]]
    assert {"uri": "%E6%8A%A5%E5%91%8A/%E4%BA%8C%E7%A8%BF/%E8%BF%B0%E8%81%8C%20%E6%8A%A5%E5%91%8A.txt",
            "uriBaseId": "%SRCROOT%"} in uris
    assert {"uri": (EXAMPLES / "placeholders.txt").as_uri()} in uris  # outside the folder: absolute
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"


def test_sarif_results_carry_the_fingerprints_json_carries_and_the_baseline_counts(run_cli, tmp_path, sarif_validator):
    files = ("examples/placeholders.txt", "examples/residue.txt")
    sarif = json.loads(out(run_cli("--output-format", "sarif", *files)))
    sarif_validator.validate(sarif)
    data = json.loads(out(run_cli("--format", "json", *files)))
    expected = [d["fingerprint"] for f in data["files"] for d in f["diagnostics"]]
    assert [r["partialFingerprints"]["reportlint/v1"] for r in sarif["runs"][0]["results"]] == expected
    baseline = tmp_path / "baseline.json"
    run_cli("--write-baseline", str(baseline), *files)
    recorded = json.loads(baseline.read_text(encoding="utf-8"))  # by rule and matched text, with a count
    assert len(expected) == sum(e["count"] for entries in recorded["files"].values() for e in entries)


def test_a_finding_without_fingerprint_has_no_partial_fingerprints(sarif_validator):
    diagnostic = Diagnostic("placeholder", "RL101", "error", "未填写的占位符“**”", Span(3, 5, 3, 7), path="a.txt")
    sarif = json.loads(render(SarifFormatter(RunInfo()), [FileResult("a.txt", [diagnostic])]))
    sarif_validator.validate(sarif)
    assert "partialFingerprints" not in sarif["runs"][0]["results"][0]


def test_statistics_is_refused_beside_sarif_and_github(run_cli):
    for output_format in ("sarif", "github"):
        assert_one_line_error(run_cli("--output-format", output_format, "--statistics", "examples/clean.txt"),
                              "--statistics", output_format)


# -- GitHub annotations -------------------------------------------------------------------

ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice) (?P<properties>[^:]*)::(?P<message>.*)$")

NASTY_PACK = """\
pack: nasty
description: 讨厌的消息。
rules:
  - name: nasty-note
    code: RL990
    type: pattern
    severity: info
    message: "100% 完成：“{match}”, 见下:\\r\\n第二行%0A不是换行"
    description: A message with every character the workflow commands treat specially.
    options:
      patterns:
        - '【待定】'
    examples:
      fail:
        - 全年完成投资【待定】亿元。
"""


def unescape(text: str) -> str:
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def annotations(text: str) -> list[dict]:
    found = []
    for line in text.splitlines():
        match = ANNOTATION.match(line)
        assert match, line
        properties = dict(item.split("=", 1) for item in match["properties"].split(","))
        found.append({"command": match["command"], "message": unescape(match["message"]),
                      **{key: unescape(value) for key, value in properties.items()}})
    return found


def test_escape_order_keeps_percent_signs_unambiguous():
    assert escape_data("100%0A\r\n") == "100%250A%0D%0A"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    assert unescape(escape_property("x:%3A,\n")) == "x:%3A,\n"


def test_github_annotations_escape_nasty_messages_and_paths(run_cli, tmp_path):
    pack = tmp_path / "nasty.yaml"
    pack.write_text(NASTY_PACK, encoding="utf-8")
    draft = tmp_path / "二稿,v1:final.txt"
    draft.write_text("工作总结\n\n全年完成投资【待定】亿元，XX镇。\n", encoding="utf-8")
    result = run_cli("--output-format", "github", "--rules", str(pack), str(draft))
    assert result.returncode == 1, err(result)
    text = out(result)
    found = annotations(text)
    data = json.loads(out(run_cli("--format", "json", "--rules", str(pack), str(draft))))
    [file] = data["files"]
    assert len(found) == len(file["diagnostics"]) == len(text.splitlines())
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    for annotation, d in zip(found, file["diagnostics"]):
        assert annotation == {"command": commands[d["severity"]], "message": d["message"], "file": str(draft),
                              "line": str(d["line"]), "col": str(d["column"]), "endLine": str(d["end_line"]),
                              "endColumn": str(d["end_column"]), "title": f"{d['rule']} ({d['code']})"}
    [nasty] = [a for a in found if a["title"] == "nasty-note (RL990)"]
    assert nasty["command"] == "notice" and "\r\n第二行%0A不是换行" in nasty["message"]


def test_github_reports_unreadable_files(run_cli, tmp_path):
    result = run_cli("--output-format", "github", str(tmp_path / "missing.txt"), "examples/placeholders.txt")
    assert result.returncode == 2
    found = annotations(out(result))
    assert found[0] == {"command": "error", "file": str(tmp_path / "missing.txt"), "title": "reportlint: missing",
                        "message": f"{tmp_path / 'missing.txt'}: no such file"}
    assert all(a["file"] == "examples/placeholders.txt" for a in found[1:]) and len(found) > 3
