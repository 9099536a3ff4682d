"""The ``reportlint`` command as users meet it: a real subprocess, its exit
codes, its stdout and its one-line errors on stderr."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from checker import __version__

from conftest import EXAMPLES

DIAGNOSTIC_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
                             r"\[(?P<rule>[a-z][a-z0-9-]*)\] (?P<message>.+)$")
UNREADABLE = r"(?:, \d+ could not be read)?"
SUMMARY_LINE = re.compile(r"^(no problems found \((?P<files0>\d+) files? checked" + UNREADABLE + r"\)"
                          r"|(?P<total>\d+) problems? \((?P<parts>[^)]*)\) in (?P<affected>\d+) of (?P<files>\d+) "
                          r"files? checked" + UNREADABLE + r"(?:, (?P<fixable>\d+) fixable with --fix)?)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

WARNING_PACK = """\
pack: office
description: 本单位的额外检查。
rules:
  - name: draft-marker
    code: RL901
    type: pattern
    severity: warning
    message: 草稿标记“{match}”未删除
    description: Draft markers.
    options:
      patterns:
        - '【待定】'
    examples:
      fail:
        - 全年完成投资【待定】亿元。
  - name: soft-note
    code: RL902
    type: pattern
    severity: info
    message: 提示“{match}”
    description: An informational note.
    options:
      patterns:
        - '【备注】'
    examples:
      fail:
        - 【备注】已核实。
"""


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


def assert_one_line_error(result, *fragments: str) -> str:
    message = err(result)
    assert result.returncode == 2, (result.returncode, message, out(result))
    assert "Traceback" not in message and "Traceback" not in out(result)
    lines = message.strip("\n").split("\n")
    assert len(lines) == 1, message
    assert lines[0].startswith("reportlint: "), message
    for fragment in fragments:
        assert fragment in lines[0], (fragment, message)
    return lines[0]


def diagnostic_lines(text: str) -> list[re.Match]:
    """The findings' first lines (in the full format, the excerpt under each
    is indented and followed by a blank line), checking the summary line."""
    lines = [line for line in text.rstrip("\n").split("\n") if line and not line.startswith(" ")]
    matches = [DIAGNOSTIC_LINE.match(line) for line in lines[:-1]]
    assert all(matches), lines
    assert SUMMARY_LINE.match(lines[-1]), lines[-1]
    return matches


@pytest.fixture
def unreadable(tmp_path):
    data = "总结报告".encode("utf-8") + b"\xff\xfe\xfd" + "文本".encode("utf-8")
    file = tmp_path / "damaged.txt"
    file.write_bytes(data)
    return file


@pytest.fixture
def binary(tmp_path):
    file = tmp_path / "scan.txt"
    file.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return file


# -- exit codes ---------------------------------------------------------------------------

def test_clean_example_exits_0(run_cli):
    result = run_cli("examples/clean.txt")
    assert result.returncode == 0, out(result) + err(result)
    assert diagnostic_lines(out(result)) == []
    assert err(result) == ""


def test_placeholder_example_exits_1(run_cli):
    result = run_cli("examples/placeholders.txt")
    assert result.returncode == 1
    found = diagnostic_lines(out(result))
    assert any(m["rule"] == "placeholder" for m in found)
    assert err(result) == ""


def test_missing_file_exits_2(run_cli, tmp_path):
    assert_one_line_error(run_cli(str(tmp_path / "nope.txt")), "nope.txt")


def test_undecodable_file_exits_2_with_byte_offset(run_cli, unreadable):
    assert_one_line_error(run_cli(str(unreadable)), "damaged.txt", "offset 12")


def test_binary_file_exits_2(run_cli, binary):
    assert_one_line_error(run_cli(str(binary)), "scan.txt", "binary")


def test_malformed_rules_file_exits_2(run_cli, tmp_path):
    pack = tmp_path / "broken.yaml"
    pack.write_text("pack: broken\nrules:\n  - name: x\n    code: [RL9\n", encoding="utf-8")
    line = assert_one_line_error(run_cli("--rules", str(pack), "examples/clean.txt"), "broken.yaml:")
    assert re.search(r"broken\.yaml:\d+: ", line), line


def test_rules_file_with_python_tag_exits_2(run_cli, tmp_path):
    marker = tmp_path / "executed"
    pack = tmp_path / "evil.yaml"
    pack.write_text(f"pack: !!python/object/apply:os.system ['touch {marker}']\nrules: []\n", encoding="utf-8")
    assert_one_line_error(run_cli("--rules", str(pack), "examples/clean.txt"), "evil.yaml:1:")
    assert not marker.exists()


def test_no_arguments_exits_2(run_cli):
    assert_one_line_error(run_cli(), "no input")


def test_usage_error_exits_2_in_one_line(run_cli):
    assert_one_line_error(run_cli("--no-such-option", "examples/clean.txt"), "--no-such-option")
    assert_one_line_error(run_cli("--format", "xml", "examples/clean.txt"), "xml")


@pytest.mark.parametrize("bad", ["unreadable", "binary", "missing"])
def test_one_unreadable_file_among_several(run_cli, tmp_path, request, bad):
    bad_path = tmp_path / "missing.txt" if bad == "missing" else request.getfixturevalue(bad)
    draft = tmp_path / "draft.txt"
    shutil.copy(EXAMPLES / "placeholders.txt", draft)
    result = run_cli(str(draft), str(bad_path), "examples/clean.txt")
    assert_one_line_error(result, bad_path.name)
    found = diagnostic_lines(out(result))
    assert found and all(m["path"] == str(draft) for m in found)
    assert any(m["rule"] == "placeholder" for m in found)
    assert "of 2 files checked, 1 could not be read" in out(result)


# -- --fail-on ----------------------------------------------------------------------------

@pytest.fixture
def office_pack(tmp_path):
    pack = tmp_path / "office.yaml"
    pack.write_text(WARNING_PACK, encoding="utf-8")
    return pack


def clean_draft_with(tmp_path, name: str, insert: str):
    """examples/clean.txt (which draws no finding) with ``insert`` added to its last line."""
    text = (EXAMPLES / "clean.txt").read_text(encoding="utf-8").rstrip("\n") + insert + "\n"
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    return draft


@pytest.fixture
def warning_draft(tmp_path):
    return clean_draft_with(tmp_path, "warning.txt", "全年完成投资【待定】亿元。")


@pytest.fixture
def info_draft(tmp_path):
    return clean_draft_with(tmp_path, "info.txt", "【备注】数据已核实。")


def test_warning_finding_fails_by_default(run_cli, office_pack, warning_draft):
    result = run_cli("--rules", str(office_pack), str(warning_draft))
    assert result.returncode == 1, out(result) + err(result)
    found = diagnostic_lines(out(result))
    assert [(m["rule"], m["severity"]) for m in found] == [("draft-marker", "warning")]


def test_fail_on_error_ignores_warnings(run_cli, office_pack, warning_draft):
    result = run_cli("--fail-on", "error", "--rules", str(office_pack), str(warning_draft))
    assert result.returncode == 0, out(result) + err(result)
    # The finding is still shown; only the exit code changes.
    assert [m["rule"] for m in diagnostic_lines(out(result))] == ["draft-marker"]


def test_fail_on_error_still_fails_on_errors(run_cli, office_pack):
    result = run_cli("--fail-on", "error", "--rules", str(office_pack), "examples/placeholders.txt")
    assert result.returncode == 1


def test_info_findings_fail_only_with_fail_on_info(run_cli, office_pack, info_draft):
    default = run_cli("--rules", str(office_pack), str(info_draft))
    assert default.returncode == 0, out(default) + err(default)
    assert [(m["rule"], m["severity"]) for m in diagnostic_lines(out(default))] == [("soft-note", "info")]
    strict = run_cli("--fail-on", "info", "--rules", str(office_pack), str(info_draft))
    assert strict.returncode == 1


# -- inputs -------------------------------------------------------------------------------

def test_dash_reads_standard_input(run_cli):
    data = (EXAMPLES / "placeholders.txt").read_bytes()
    result = run_cli("-", stdin=data)
    assert result.returncode == 1
    found = diagnostic_lines(out(result))
    assert found and {m["path"] for m in found} == {"-"}
    from_file = diagnostic_lines(out(run_cli("examples/placeholders.txt")))
    assert [(m["line"], m["column"], m["message"]) for m in found] == \
        [(m["line"], m["column"], m["message"]) for m in from_file]


def test_standard_input_in_gbk(run_cli):
    result = run_cli("-", stdin="某镇工作总结\n全年召开会议**次。\n".encode("gbk"))
    assert result.returncode == 1
    found = [(m["line"], m["column"]) for m in diagnostic_lines(out(result)) if m["rule"] == "placeholder"]
    assert found == [("2", "7")]


def test_directory_is_linted_recursively_for_txt_and_md(run_cli, tmp_path):
    folder = tmp_path / "drafts"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    bad = "XX镇党委高度重视。\n"
    (folder / "a.txt").write_text(bad, encoding="utf-8")
    (folder / "sub" / "b.md").write_text(bad, encoding="utf-8")
    (folder / "sub" / "deeper" / "c.txt").write_text(bad, encoding="utf-8")
    (folder / "sub" / "clean.txt").write_text("全镇完成投资3.2亿元。\n", encoding="utf-8")
    for ignored in ("notes.rst", "data.csv", "a.txt.bak"):  # (*.docx: see test_docx.py)
        (folder / ignored).write_text(bad, encoding="utf-8")
    (folder / "sub" / "image.png").write_bytes(b"\x89PNG\x00\x00")  # not read at all
    (folder / ".hidden" / "d.txt").write_text(bad, encoding="utf-8")
    result = run_cli(str(folder))
    assert result.returncode == 1, err(result)
    found = diagnostic_lines(out(result))
    placeholder_paths = {m["path"] for m in found if m["rule"] == "placeholder"}
    assert placeholder_paths == {str(folder / "a.txt"), str(folder / "sub" / "b.md"),
                                 str(folder / "sub" / "deeper" / "c.txt")}
    # Whatever else is reported, it is about the four drafts only.
    assert {m["path"] for m in found} <= placeholder_paths | {str(folder / "sub" / "clean.txt")}
    assert "4 files checked" in out(result)


# -- text output --------------------------------------------------------------------------

def test_text_lines_match_the_json_findings(run_cli):
    text = run_cli("examples/placeholders.txt", "examples/residue.txt")
    data = json.loads(out(run_cli("--format", "json", "examples/placeholders.txt", "examples/residue.txt")))
    expected = [(f["path"], str(d["line"]), str(d["column"]), d["severity"], d["rule"], d["message"])
                for f in data["files"] for d in f["diagnostics"]]
    found = [(m["path"], m["line"], m["column"], m["severity"], m["rule"], m["message"])
             for m in diagnostic_lines(out(text))]
    assert found == expected and len(found) > 2
    summary = SUMMARY_LINE.match(out(text).rstrip("\n").split("\n")[-1])
    assert int(summary["total"]) == len(found)
    assert int(summary["files"]) == 2 and int(summary["affected"]) == 2
    errors = sum(1 for item in expected if item[3] == "error")
    assert f"{errors} error" in summary["parts"]
    safe = sum(1 for f in data["files"] for d in f["diagnostics"] if d.get("fix", {}).get("applicability") == "safe")
    assert safe and int(summary["fixable"]) == safe  # what --fix would fix, counted in the summary


def test_clean_summary_line(run_cli):
    lines = out(run_cli("examples/clean.txt")).rstrip("\n").split("\n")
    assert lines == ["no problems found (1 file checked)"]


def test_no_colour_when_stdout_is_not_a_terminal(run_cli):
    result = run_cli("examples/placeholders.txt")
    assert "\x1b[" not in out(result)


def test_color_flag_forces_colour(run_cli):
    coloured = out(run_cli("--color", "always", "examples/placeholders.txt"))
    assert ANSI.search(coloured)
    plain = out(run_cli("examples/placeholders.txt"))
    assert ANSI.sub("", coloured) == plain
    assert "\x1b[" not in out(run_cli("--color", "never", "examples/placeholders.txt"))
    assert "\x1b[" not in out(run_cli("--no-color", "examples/placeholders.txt"))  # the old spelling


def test_no_color_and_force_color_on_a_terminal():
    """On a real terminal (a pty) auto colours; $NO_COLOR turns it off, --color always wins over it."""
    import os
    import pty
    import subprocess
    import sys

    from conftest import ROOT

    def on_terminal(*args: str, **env: str) -> str:
        leader, follower = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "checker.cli", *args, "examples/placeholders.txt"],
                                   stdout=follower, stderr=subprocess.DEVNULL, cwd=ROOT,
                                   env={**{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")},
                                        **env})
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
        os.close(leader)
        return b"".join(chunks).decode("utf-8", "replace")

    assert ANSI.search(on_terminal())
    assert not ANSI.search(on_terminal(NO_COLOR="1"))
    assert ANSI.search(on_terminal("--color", "always", NO_COLOR="1"))
    assert not ANSI.search(on_terminal("--color", "never"))


def test_force_color_colours_a_pipe(run_cli):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    result = subprocess.run([sys.executable, "-m", "checker.cli", "examples/placeholders.txt"], capture_output=True,
                            cwd=ROOT, env={**os.environ, "FORCE_COLOR": "1"}, timeout=60)
    assert ANSI.search(result.stdout.decode("utf-8"))


# -- other commands -----------------------------------------------------------------------

def clean_outline() -> tuple[str, list[tuple[int, str]], list[tuple[int, str]]]:
    """Title, level-1 and level-2 headings of examples/clean.txt, read from the file."""
    lines = (EXAMPLES / "clean.txt").read_text(encoding="utf-8").splitlines()
    level1 = [(n, l) for n, l in enumerate(lines, 1) if re.match(r"[一二三四五六七八九十]+、", l)]
    level2 = [(n, l) for n, l in enumerate(lines, 1) if re.match(r"（[一二三四五六七八九十]+）", l)]
    assert level1 and level2
    return lines[0], level1, level2


# the suite runs in English (conftest); a user's default is Chinese
OUTLINE_WORDS = {
    "en": ("(genre: 工作总结)", "title", r"\[level {}\]", "enumeration: "),
    "zh": ("（体裁：工作总结）", "标题", r"\[第{}层\]", "列举："),
}


@pytest.mark.parametrize("language", sorted(OUTLINE_WORDS))
def test_outline_text(run_cli, language):
    genre, title_label, level, enumeration = OUTLINE_WORDS[language]
    title, level1, level2 = clean_outline()
    result = run_cli("outline", "--lang", language, "examples/clean.txt")
    assert result.returncode == 0, err(result)
    text = out(result)
    assert text.startswith(f"examples/clean.txt  {genre}\n")
    assert re.search(rf"^\s+1\s+{title_label}\s+{re.escape(title[:20])}", text, re.M)
    for depth, headings in ((1, level1), (2, level2)):
        for number, line in headings:
            assert re.search(rf"^\s+{number}\s+{re.escape(line[:8])}.*{level.format(depth)}", text, re.M), line
    assert re.search(rf"^\s+{enumeration}一是@\d+:\d+ 二是@", text, re.M)
    if language == "zh":
        assert not re.search(r"level|paragraph|title|enumeration|genre", text)


def test_outline_counts_paragraphs_in_chinese(run_cli, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("某局工作总结\n一、主要工作\n全年完成任务。\n推进改革。\n\n二、存在问题\n学习不够。\n", encoding="utf-8")
    chinese = out(run_cli("outline", "--lang", "zh", str(draft)))
    assert re.search(r"^\s+2  一、主要工作  \[第1层\]\n\s+2 段（第 3-4 行）$", chinese, re.M), chinese
    assert re.search(r"^\s+1 段（第 7 行）$", chinese, re.M), chinese
    english = out(run_cli("outline", str(draft)))
    assert re.search(r"^\s+2 paragraphs \(lines 3-4\)$", english, re.M), english
    assert re.search(r"^\s+1 paragraph \(line 7\)$", english, re.M), english


def test_outline_json(run_cli):
    _, level1, level2 = clean_outline()
    result = run_cli("outline", "--format", "json", "examples/clean.txt")
    assert result.returncode == 0, err(result)
    data = json.loads(out(result))
    assert data["version"] == 1
    [outline] = data["outlines"]
    assert outline["path"] == "examples/clean.txt"
    assert outline["title"]["line"] == 1
    top = outline["sections"]
    assert [(s["line"], s["level"]) for s in top] == [(n, 1) for n, _ in level1]
    children = [(c["line"], c["level"]) for s in top for c in s["children"]]
    assert children == [(n, 2) for n, _ in level2]
    assert [s["marker"] for s in top] == [line.split("、")[0] + "、" for _, line in level1]


def test_outline_of_missing_file_exits_2(run_cli, tmp_path):
    assert_one_line_error(run_cli("outline", str(tmp_path / "nope.txt")), "nope.txt")


def test_rules_lists_the_builtin_rules(run_cli):
    result = run_cli("rules")
    assert result.returncode == 0, err(result)
    rows = {line.split()[1]: line.split()[0] for line in out(result).splitlines() if line.strip()}
    assert rows["placeholder"] == "RL101"
    assert rows["ad-residue"] == "RL201"


def test_rules_lists_an_added_pack(run_cli, office_pack):
    result = run_cli("rules", "--rules", str(office_pack))
    assert result.returncode == 0, err(result)
    names = [line.split()[1] for line in out(result).splitlines() if line.strip()]
    assert {"placeholder", "ad-residue", "draft-marker", "soft-note"} <= set(names)


def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in out(result)
    assert out(result).startswith("reportlint")


def test_cli_never_modifies_its_input(run_cli, tmp_path):
    draft = tmp_path / "draft.txt"
    data = (EXAMPLES / "placeholders.txt").read_bytes().replace(b"\n", b"\r\n")
    draft.write_bytes(data)
    run_cli(str(draft))
    run_cli("--format", "json", str(draft))
    assert draft.read_bytes() == data


def test_outline_names_the_genre_detected_or_declared(run_cli):
    detected = run_cli("outline", "--format", "json", "examples/sections.txt")
    assert detected.returncode == 0
    assert json.loads(detected.stdout)["outlines"][0]["genre"] == "自查报告"
    declared = run_cli("outline", "--format", "json", "--genre", "述职报告", "examples/sections.txt")
    assert json.loads(declared.stdout)["outlines"][0]["genre"] == "述职报告"
    text = run_cli("outline", "examples/untitled.txt")
    assert text.stdout.decode("utf-8").splitlines()[0].endswith("(genre: 各类报告)")
    unknown = run_cli("outline", "--genre", "诗歌", "examples/untitled.txt")
    assert unknown.returncode == 2 and len(unknown.stderr.decode("utf-8").strip().splitlines()) == 1
