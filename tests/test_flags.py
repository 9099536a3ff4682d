"""The command-line habits users bring from ruff and Vale (issue 20): --select,
--ignore, --extend-select, --exit-zero, -q, --stdin-filename, -o/--output-file,
one option name for the output format, outline with --config/--isolated,
`reportlint genres`, `rules` sorted by code with whole summaries."""

from __future__ import annotations

import json

H_TXT = '某局2024年工作总结\n\n我局坚决做到"两个维护";全面完成任务(见附件)!已达标。\n牢固树立四个意识。\n**县完成投资。\n'


def out(result) -> str:
    return result.stdout.decode("utf-8")


def rules_found(result) -> list[str]:
    assert result.returncode in (0, 1), result.stderr.decode()
    return [d["rule"] for f in json.loads(out(result))["files"] for d in f["diagnostics"]]


def one_line_error(result) -> str:
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in message and len(message.strip().splitlines()) == 1, message
    return message.strip()


def draft(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text(H_TXT, encoding="utf-8")
    return str(path)


def test_select_ignore_and_extend_select_take_names_and_code_prefixes(run_cli, tmp_path):
    path = draft(tmp_path)
    everything = set(rules_found(run_cli("--output-format", "json", path)))
    assert {"placeholder", "halfwidth-punctuation", "fixed-expression"} <= everything
    assert set(rules_found(run_cli("--output-format", "json", "--select", "RL5", path))) == \
        {"halfwidth-punctuation", "fixed-expression"}
    assert set(rules_found(run_cli("--output-format", "json", "--select", "placeholder,RL507", path))) == \
        {"placeholder", "fixed-expression"}
    assert set(rules_found(run_cli("--output-format", "json", "--ignore", "RL5", "--ignore", "placeholder", path))) \
        == everything - {"placeholder", "halfwidth-punctuation", "fixed-expression"}
    assert set(rules_found(run_cli("--output-format", "json", "--select", "placeholder", "--extend-select", "RL501",
                                   path))) == {"placeholder", "halfwidth-punctuation"}
    # the flags win over the configuration
    (tmp_path / ".git").mkdir()
    (tmp_path / ".reportlint.yaml").write_text("rules: {placeholder: off}\n", encoding="utf-8")
    assert "placeholder" not in rules_found(run_cli("--output-format", "json", path, cwd=tmp_path))
    assert "placeholder" in rules_found(run_cli("--output-format", "json", "--extend-select", "placeholder", path,
                                                cwd=tmp_path))
    assert "unknown rule 'nope'" in one_line_error(run_cli("--select", "nope", path))


def test_exit_zero_and_quiet(run_cli, tmp_path):
    path = draft(tmp_path)
    assert run_cli(path).returncode == 1
    result = run_cli("--exit-zero", "-q", "--output-format", "concise", path)
    assert result.returncode == 0
    lines = out(result).splitlines()
    assert lines and all(line.startswith(path) for line in lines)  # the findings only, no summary
    assert run_cli("--exit-zero", str(tmp_path / "missing.txt")).returncode == 2  # an error is still an error


def test_stdin_filename_decides_markdown_configuration_and_name(run_cli, tmp_path):
    notes = "# 工作总结\n\n**重点工作**\n".encode("utf-8")
    as_text = rules_found(run_cli("--output-format", "json", "-", stdin=notes))
    assert as_text.count("placeholder") == 2  # ** read as two placeholders in plain text
    result = run_cli("--output-format", "json", "--stdin-filename", "notes.md", "-", stdin=notes)
    assert "placeholder" not in rules_found(result)
    assert json.loads(out(result))["files"][0]["path"] == "notes.md"
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / ".reportlint.yaml").write_text("rules: {placeholder: off}\n", encoding="utf-8")
    text = "关于工作的总结\n\nXX镇完成投资。\n".encode("utf-8")
    assert "placeholder" in rules_found(run_cli("--output-format", "json", "-", stdin=text, cwd=tmp_path))
    assert "placeholder" not in rules_found(run_cli("--output-format", "json", "--stdin-filename", "drafts/a.txt",
                                                    "-", stdin=text, cwd=tmp_path))
    assert "--stdin-filename" in one_line_error(run_cli("--stdin-filename", "a.md", draft(tmp_path)))


def test_output_file_gets_the_report_and_stdout_stays_empty(run_cli, tmp_path):
    path = draft(tmp_path)
    for output_format in ("json", "html", "full"):
        target = tmp_path / f"report.{output_format}"
        result = run_cli("--output-format", output_format, "-o", str(target), path)
        assert result.returncode == 1 and out(result) == ""
        shown = run_cli("--output-format", output_format, path)
        assert target.read_text(encoding="utf-8") == out(shown)
    assert "cannot write" in one_line_error(run_cli("-o", str(tmp_path / "no" / "such" / "r.txt"), path))


def test_output_file_is_written_by_the_package_writer(run_cli, tmp_path):
    """-o goes through checker/read/safe_files.write_atomically: a symlink is
    followed (the link stays), a read-only file or a folder is refused in one
    line before the run and left as it was, a non-UTF-8 file name in the
    report becomes valid UTF-8, no temporary file is left behind."""
    import os

    path = draft(tmp_path)
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    assert run_cli("--output-format", "json", "-o", str(tmp_path / "link.json"), path).returncode == 1
    assert (tmp_path / "link.json").is_symlink() and json.loads(real.read_text(encoding="utf-8"))["files"]
    assert "not a regular file" in one_line_error(run_cli("-o", str(tmp_path), path))
    odd = tmp_path / os.fsdecode(b"\xff.txt")
    odd.write_bytes(H_TXT.encode("utf-8"))
    assert run_cli("--output-format", "json", "-o", str(tmp_path / "odd.json"), str(odd)).returncode == 1
    assert "\ufffd.txt" in (tmp_path / "odd.json").read_text(encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("old", encoding="utf-8")
    locked.chmod(0o444)  # refused even where the user could write it anyway (root)
    assert "read-only" in one_line_error(run_cli("-o", str(locked), path))
    assert locked.read_text(encoding="utf-8") == "old"
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".reportlint") or name.endswith(".tmp")]


def test_outline_takes_the_same_output_format_option_and_config(run_cli, tmp_path):
    path = draft(tmp_path)
    assert json.loads(out(run_cli("outline", "--output-format", "json", path)))["outlines"]
    assert out(run_cli("outline", "--format", "json", path)) == out(run_cli("outline", "--output-format", "json", path))
    (tmp_path / "c.yaml").write_text("genre: shuzhi\n", encoding="utf-8")
    configured = json.loads(out(run_cli("outline", "--output-format", "json", "--config", str(tmp_path / "c.yaml"), path)))
    assert "述职报告" in json.dumps(configured, ensure_ascii=False)
    assert run_cli("outline", "--isolated", path).returncode == 0
    assert "exclude each other" in one_line_error(run_cli("outline", "--isolated", "--config", "c.yaml", path))


def test_genres_lists_every_genre_with_its_required_parts(run_cli):
    from checker.settings.genres import builtin_genres

    listed = out(run_cli("genres"))
    assert "`reportlint genres` lists" in out(run_cli("check", "--help"))  # not 7 of the 12 names
    for pack in builtin_genres():
        line = next(line for line in listed.splitlines() if line.startswith(pack.genre + " "))
        for section in pack.sections:
            assert section.name + ("*" if section.required else "") in line, (pack.genre, section.name)


def test_rules_are_sorted_by_code_with_whole_summaries(run_cli):
    rows = out(run_cli("rules", "--isolated")).splitlines()
    codes = [row.split()[0] for row in rows]
    assert codes == sorted(codes) and len(codes) > 20
    halfwidth = next(row for row in rows if " halfwidth-punctuation " in row)
    assert "wants the full-width mark" in halfwidth  # not cut at the colon after "A half-width ,"


def test_statistics_beside_html_is_refused_like_sarif_and_github(run_cli, tmp_path):
    path = draft(tmp_path)
    for output_format in ("html", "sarif", "github"):
        assert f"not {output_format}" in one_line_error(run_cli("--statistics", "--output-format", output_format, path))


def test_the_readme_documents_every_option_of_every_command():
    """README names each option `reportlint <command> --help` shows (check's in its table)."""
    from checker.cli import main
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f"{name} {option}" for name, command in main.commands.items() if name != "lsp"
               for param in command.params for option in getattr(param, "opts", ())
               if option.startswith("--") and option not in ("--help",) and f"`{option}" not in readme
               and f"{option}`" not in readme and f", {option}" not in readme]
    assert not missing, missing
