"""The ``--format json`` contract (README "JSON 输出"): exactly the documented
keys, exact 1-based code-point spans with an exclusive end, stable order."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import EXAMPLES, ROOT

TOP_KEYS = {"version", "files"}
FILE_KEYS = {"path", "diagnostics"}
DIAGNOSTIC_KEYS = {"rule", "code", "severity", "message", "line", "column", "end_line", "end_column"}
FIX_KEYS = {"applicability", "edits"}
EDIT_KEYS = {"line", "column", "end_line", "end_column", "replacement"}
QUOTED = re.compile(r"“(.+?)”")


def lint_json(run_cli, *args: str, stdin: bytes | None = None) -> dict:
    result = run_cli("--format", "json", *args, stdin=stdin)
    assert result.returncode in (0, 1), result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def check_shape(data: dict) -> None:
    assert set(data) == TOP_KEYS
    assert data["version"] == 1
    for file in data["files"]:
        assert set(file) == FILE_KEYS or set(file) == FILE_KEYS | {"error"} and not file["diagnostics"]
        assert isinstance(file["path"], str)
        for d in file["diagnostics"]:
            assert set(d) - {"fix", "fingerprint"} == DIAGNOSTIC_KEYS, d
            assert "fingerprint" not in d or re.fullmatch(r"[0-9a-f]{24}", d["fingerprint"]), d
            assert re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", d["rule"])
            assert re.fullmatch(r"RL\d{3}", d["code"])
            assert d["severity"] in ("error", "warning", "info")
            assert isinstance(d["message"], str) and d["message"]
            for key in ("line", "column", "end_line", "end_column"):
                assert type(d[key]) is int and d[key] >= 1, (key, d)
            assert (d["end_line"], d["end_column"]) > (d["line"], d["column"]), d
            if "fix" in d:
                assert set(d["fix"]) == FIX_KEYS
                assert d["fix"]["applicability"] in ("safe", "unsafe")
                assert d["fix"]["edits"]
                for edit in d["fix"]["edits"]:
                    assert set(edit) == EDIT_KEYS
                    assert isinstance(edit["replacement"], str)


def test_keys_are_exactly_the_documented_ones(run_cli):
    data = lint_json(run_cli, "examples/placeholders.txt", "examples/residue.txt", "examples/clean.txt")
    check_shape(data)
    assert [f["path"] for f in data["files"]] == ["examples/placeholders.txt", "examples/residue.txt",
                                                 "examples/clean.txt"]
    assert data["files"][0]["diagnostics"] and data["files"][1]["diagnostics"]
    assert data["files"][2]["diagnostics"] == []


def test_two_character_match_at_column_5_ends_at_7(run_cli):
    data = lint_json(run_cli, "-", stdin="全年召开**次会议。\n".encode("utf-8"))
    [d] = [d for d in data["files"][0]["diagnostics"] if d["rule"] == "placeholder"]
    assert (d["rule"], d["code"], d["severity"]) == ("placeholder", "RL101", "error")
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (1, 5, 1, 7)
    assert QUOTED.search(d["message"]).group(1) == "**"


def test_columns_count_code_points_not_utf16_units(run_cli):
    # 𠮷 is outside the BMP: one code point, two UTF-16 units, four UTF-8 bytes.
    data = lint_json(run_cli, "-", stdin="标题\n𠮷𠮷村XX组\n".encode("utf-8"))
    [d] = [d for d in data["files"][0]["diagnostics"] if d["rule"] == "placeholder"]
    assert (d["line"], d["column"], d["end_column"]) == (2, 4, 6)


def test_every_span_covers_the_text_it_names(run_cli):
    lines = (EXAMPLES / "placeholders.txt").read_text(encoding="utf-8").splitlines()
    data = lint_json(run_cli, "examples/placeholders.txt")
    checked = 0
    for d in data["files"][0]["diagnostics"]:
        assert d["line"] == d["end_line"]
        covered = lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1]
        quoted = QUOTED.search(d["message"])
        if d["rule"] == "placeholder" and quoted:
            assert covered == quoted.group(1), (d, covered)
            checked += 1
    assert checked >= 5


def test_fix_edits_delete_exactly_the_residue(run_cli):
    """A fix deletes the residue it reports, or its whole line where nothing else stands on it."""
    text = (EXAMPLES / "residue.txt").read_text(encoding="utf-8").splitlines()
    data = lint_json(run_cli, "examples/residue.txt")
    fixes = [d for d in data["files"][0]["diagnostics"] if "fix" in d]
    assert fixes, "the watermark and paywall findings offer a fix"
    whole_lines = 0
    for d in fixes:
        [edit] = d["fix"]["edits"]
        assert edit["replacement"] == ""
        if (edit["end_line"], edit["end_column"]) == (edit["line"] + 1, 1):  # the whole line is residue
            assert (edit["line"], edit["column"]) == (d["line"], 1)
            whole_lines += 1
            continue
        assert (edit["line"], edit["column"], edit["end_line"], edit["end_column"]) == \
            (d["line"], d["column"], d["end_line"], d["end_column"])
        removed = text[edit["line"] - 1][edit["column"] - 1:edit["end_column"] - 1]
        assert removed and removed in d["message"]
    assert 0 < whole_lines < len(fixes)


def test_diagnostics_are_ordered_by_position_and_stable(run_cli):
    first = lint_json(run_cli, "examples/placeholders.txt", "examples/residue.txt")
    second = lint_json(run_cli, "examples/placeholders.txt", "examples/residue.txt")
    assert first == second
    for file in first["files"]:
        keys = [(d["line"], d["column"], d["end_line"], d["end_column"], d["rule"]) for d in file["diagnostics"]]
        assert keys == sorted(keys)


def test_ordering_across_rules_on_one_line(run_cli):
    data = lint_json(run_cli, "-", stdin="某镇工作总结\n本文来源于网络，XX镇召开**次会议。\n".encode("utf-8"))
    diagnostics = data["files"][0]["diagnostics"]
    keys = [(d["line"], d["column"], d["end_line"], d["end_column"], d["rule"]) for d in diagnostics]
    assert keys == sorted(keys)
    ours = [(d["rule"], d["column"]) for d in diagnostics if d["rule"] in ("ad-residue", "placeholder")]
    assert ours == [("ad-residue", 1), ("placeholder", 9), ("placeholder", 14)]


def test_json_output_is_utf8_not_escaped(run_cli):
    result = run_cli("--format", "json", "examples/placeholders.txt")
    text = result.stdout.decode("utf-8")
    assert "未填写的占位符" in text and "\\u" not in text


def readme_json_example() -> dict:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## JSON 输出", 1)[1]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block, "README's JSON 输出 section has a ```json example"
    return json.loads(block.group(1))


def test_readme_json_example_matches_the_contract(run_cli):
    example = readme_json_example()
    check_shape(example)
    actual = lint_json(run_cli, "examples/placeholders.txt")
    assert set(example) == set(actual)
    assert set(example["files"][0]) == set(actual["files"][0])
    example_keys = set(example["files"][0]["diagnostics"][0])
    actual_keys = {k for d in actual["files"][0]["diagnostics"] for k in d} - {"fix"}
    assert example_keys == actual_keys


def test_readme_json_example_is_real_output(tmp_path):
    """The README's example diagnostic is what reportlint says for such a draft."""
    example = readme_json_example()
    [expected] = example["files"][0]["diagnostics"]
    draft = tmp_path / example["files"][0]["path"]
    line = "全年召开**次会议。"  # "**" at column 5, as in the example
    draft.write_text("\n".join(["工作总结", "", line]) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "checker.cli", "--format", "json", draft.name],
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, timeout=120)
    assert result.returncode == 1, result.stderr.decode()
    actual = json.loads(result.stdout.decode("utf-8"))
    assert actual["files"][0]["path"] == example["files"][0]["path"]
    assert [d for d in actual["files"][0]["diagnostics"] if d["rule"] == expected["rule"]] == [expected]
