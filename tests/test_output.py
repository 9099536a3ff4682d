"""What a person reads: the full text output (each finding with its source
line and the span marked, lined up for full-width characters), the concise
line, --statistics, the sort order, the --format aliases, and file errors as
entries in every format. Real CLI subprocesses on real files."""

from __future__ import annotations

import json
import re

import pytest

from checker.formats.base import JsonArrayStream, dumps
from checker.formats.excerpt import excerpt, width

from conftest import EXAMPLES
from test_cli import DIAGNOSTIC_LINE, assert_one_line_error, diagnostic_lines, err, out


def draft(tmp_path, name: str, *lines: str):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def blocks(text: str) -> list[list[str]]:
    """The full output cut into findings: header line, then the excerpt lines."""
    found, current = [], None
    for line in text.rstrip("\n").split("\n"):
        if DIAGNOSTIC_LINE.match(line):
            current = [line]
            found.append(current)
        elif line.startswith(" ") and current is not None:
            current.append(line)
        else:
            current = None
    return found


def only_block(text: str, rule: str) -> list[str]:
    [block] = [b for b in blocks(text) if f"[{rule}]" in b[0]]
    return block


# -- the full text output ---------------------------------------------------------------

def test_excerpt_shows_the_line_and_marks_the_span_under_full_width_text(run_cli, tmp_path):
    path = draft(tmp_path, "a.txt", "工作总结", "", "全年召开**次会议。")
    result = run_cli(str(path))
    assert result.returncode == 1, err(result)
    header, top, source, marker = only_block(out(result), "placeholder")
    assert header == f"{path}:3:5: error [placeholder] 未填写的占位符“**”"
    assert top == "   |"
    assert source == " 3 | 全年召开**次会议。"
    # 全年召开 is four characters of two columns each: the carets start 8 columns in
    assert marker == "   | " + " " * 8 + "^^"
    assert width(source[:source.index("**")]) == width(marker[:marker.index("^")])


def test_marker_lines_up_across_half_and_full_width_characters(run_cli, tmp_path):
    path = draft(tmp_path, "a.txt", "工作总结", "", "完成5G基站12个，XX村覆盖率100%。")
    result = run_cli(str(path))
    _, _, source, marker = only_block(out(result), "placeholder")
    assert source.endswith("完成5G基站12个，XX村覆盖率100%。")
    assert width(source[:source.index("XX")]) == marker.index("^")
    assert marker.endswith("^^")


def test_long_line_is_cut_to_a_window_around_the_span(run_cli, tmp_path):
    before = "甲" * 30 + "乙" * 20
    after = "丙" * 20 + "丁" * 30 + "。"
    path = draft(tmp_path, "a.txt", "工作总结", "", before + "XX" + after)
    _, _, source, marker = only_block(out(run_cli(str(path))), "placeholder")
    assert source == " 3 | …" + "乙" * 20 + "XX" + "丙" * 20 + "…"
    assert marker == "   | " + " " * (1 + 40) + "^^"


def test_tab_and_no_break_space_are_shown_safely(run_cli, tmp_path):
    path = draft(tmp_path, "a.txt", "工作总结", "", "\t全年\u00a0召开XX次会议。")
    _, _, source, marker = only_block(out(run_cli(str(path))), "placeholder")
    assert source == " 3 | →全年⍽召开XX次会议。"
    assert "\t" not in source and "\u00a0" not in source
    assert marker == "   | " + " " * (1 + 4 + 1 + 4) + "^^"


def test_excerpt_unit_cases():
    assert width("全角ab") == 6 and width("e\u0301") == 1 and width("\u3000") == 2
    shown = excerpt("短句", 2, 2)  # a position past the last character
    assert (shown.text, shown.marker_start, shown.marker_width) == ("短句", 4, 1)
    long_span = excerpt("开头" + "长" * 100, 2, 102)
    assert long_span.text == "开头" + "长" * 40 + "…" and long_span.marker_width == 80


def test_full_headers_are_the_concise_lines(run_cli):
    files = ("examples/placeholders.txt", "examples/residue.txt", "examples/numbering.txt")
    full = out(run_cli(*files))
    concise = out(run_cli("--output-format", "concise", *files))
    assert [b[0] for b in blocks(full)] == concise.rstrip("\n").split("\n")[:-1]
    assert full.rstrip("\n").split("\n")[-1] == concise.rstrip("\n").split("\n")[-1]
    assert all(len(b) == 4 for b in blocks(full))


def test_concise_is_one_line_per_finding_then_the_summary(run_cli):
    result = run_cli("--output-format", "concise", "examples/placeholders.txt")
    lines = out(result).rstrip("\n").split("\n")
    assert all(DIAGNOSTIC_LINE.match(line) for line in lines[:-1]) and len(lines) > 3
    assert re.match(r"\d+ problems \(", lines[-1])


def test_format_aliases_keep_working(run_cli):
    assert out(run_cli("--format", "text", "examples/placeholders.txt")) == \
        out(run_cli("--output-format", "full", "examples/placeholders.txt"))
    assert out(run_cli("--format", "json", "examples/placeholders.txt")) == \
        out(run_cli("--output-format", "json", "examples/placeholders.txt"))


def test_findings_are_sorted_by_file_then_line_then_column(run_cli, tmp_path):
    path = draft(tmp_path, "b.txt", "工作总结", "", "本文来源于网络，XX镇召开**次会议", "全年完成X项。")
    files = (str(path), "examples/placeholders.txt")
    found = diagnostic_lines(out(run_cli(*files)))
    paths = [m["path"] for m in found]
    assert paths == sorted(paths, key=files.index)
    for file in files:
        positions = [(int(m["line"]), int(m["column"])) for m in found if m["path"] == file]
        assert positions == sorted(positions) and positions


# -- --statistics -------------------------------------------------------------------------

def test_statistics_count_per_rule(run_cli):
    files = ("examples/placeholders.txt", "examples/residue.txt", "examples/numbering.txt")
    data = json.loads(out(run_cli("--format", "json", *files)))
    expected: dict[tuple[str, str], int] = {}
    for file in data["files"]:
        for d in file["diagnostics"]:
            expected[(d["code"], d["rule"])] = expected.get((d["code"], d["rule"]), 0) + 1
    result = run_cli("--statistics", *files)
    assert result.returncode == 1
    lines = out(result).rstrip("\n").split("\n")
    rows = [re.fullmatch(r"\s*(\d+)  (RL\d{3})  (\S+)\s+(error|warning|info)", line) for line in lines[:-1]]
    assert all(rows), lines
    assert {(m[2], m[3]): int(m[1]) for m in rows} == expected
    counts = [int(m[1]) for m in rows]
    assert counts == sorted(counts, reverse=True)
    assert lines[-1].startswith(f"{sum(expected.values())} problems")


def test_statistics_in_json_sit_beside_the_files(run_cli):
    data = json.loads(out(run_cli("--format", "json", "--statistics", "examples/placeholders.txt")))
    placeholder = sum(1 for d in data["files"][0]["diagnostics"] if d["rule"] == "placeholder")
    assert {"code": "RL101", "rule": "placeholder", "severity": "error", "count": placeholder} \
        in data["statistics"]


# -- the JSON is written file by file, and is exactly one JSON document ----------------------

@pytest.mark.parametrize("items", [[], [{"a": 1}], [{"a": [1, 2], "b": "中文"}, {"c": {}}, 3]])
def test_streamed_json_equals_the_whole_document(items):
    stream = JsonArrayStream()
    skeleton = {"version": 1, "runs": [{"tool": {"x": 1}, "results": JsonArrayStream.ITEMS}]}
    text = stream.begin(skeleton) + "".join(stream.item(i) for i in items)
    ending = {"version": 1, "runs": [{"tool": {"x": 1}, "results": JsonArrayStream.ITEMS, "after": [True]}]}
    text += stream.end(ending)
    assert text == dumps({"version": 1, "runs": [{"tool": {"x": 1}, "results": items, "after": [True]}]})


# -- files that cannot be read ------------------------------------------------------------

@pytest.fixture
def mixed_inputs(tmp_path):
    good = draft(tmp_path, "good.txt", "工作总结", "", "全年召开**次会议。")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("总结报告".encode("utf-8") + b"\xff\xfe\xfd" + "文本".encode("utf-8"))
    missing = tmp_path / "missing.txt"
    return [good, binary, damaged, missing, EXAMPLES / "clean.txt"]


def test_file_errors_are_entries_in_json(run_cli, mixed_inputs):
    result = run_cli("--format", "json", *map(str, mixed_inputs))
    assert result.returncode == 2
    data = json.loads(out(result))
    assert [f["path"] for f in data["files"]] == [str(p) for p in mixed_inputs]
    good, binary, damaged, missing, clean = data["files"]
    assert [d["rule"] for d in good["diagnostics"]] == ["placeholder"] and "error" not in good
    assert clean == {"path": str(mixed_inputs[-1]), "diagnostics": []}
    kinds = {f["path"]: f["error"]["kind"] for f in (binary, damaged, missing)}
    assert list(kinds.values()) == ["binary", "undecodable", "missing"]
    for entry in (binary, damaged, missing):
        assert entry["diagnostics"] == [] and entry["path"] in entry["error"]["message"]
    assert "offset 12" in damaged["error"]["message"]
    stderr = err(result).strip("\n").split("\n")
    assert len(stderr) == 3 and all(line.startswith("reportlint: ") for line in stderr)
    assert "Traceback" not in err(result)


def test_file_errors_in_text_output(run_cli, mixed_inputs):
    result = run_cli(*map(str, mixed_inputs))
    assert result.returncode == 2
    assert out(result).rstrip("\n").split("\n")[-1] == \
        "1 problem (1 error) in 1 of 2 files checked, 3 could not be read"
    assert len(err(result).strip("\n").split("\n")) == 3


def test_only_unreadable_files_do_not_read_as_success(run_cli, tmp_path):
    result = run_cli(str(tmp_path / "missing.txt"))
    assert_one_line_error(result, "missing.txt")
    assert out(result) == "nothing checked: 1 file could not be read\n"  # not "no problems found"
