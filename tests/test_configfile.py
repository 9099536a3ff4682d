"""Configuration files through the real CLI: discovery (nearest file, repository
root, pyproject.toml), --config, --isolated, exclude, overrides, fail_on, and
`invalid config: FILE:LINE: …` for every mistake."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from checker.settings.config import ConfigError
from checker.settings.configfile import find_config_file, load_config_file
from test_config import GENRE_PACK
from test_ruleset import GOOD

DRAFT = "XX镇党委高度重视。\n"  # missing-title and placeholder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(result) -> list[tuple[str, str, str, int]]:
    """(file name, rule, severity, line) of a --format json run."""
    assert result.returncode in (0, 1), result.stderr.decode()
    data = json.loads(result.stdout)
    return sorted((Path(f["path"]).name, d["rule"], d["severity"], d["line"])
                  for f in data["files"] for d in f["diagnostics"])


def one_line_error(result) -> str:
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2, (result.returncode, message)
    assert "Traceback" not in message and len(message.strip().splitlines()) == 1, message
    return message.strip()


@pytest.fixture
def repo(tmp_path) -> Path:
    """A throwaway repository (a folder with .git) holding drafts/a.txt."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    write(root / "drafts" / "a.txt", DRAFT)
    return root


def test_the_nearest_config_above_a_file_applies(repo, run_cli):
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: warning\n")
    write(repo / "drafts" / "sub" / ".reportlint.yaml", "rules:\n  placeholder: off\n")
    write(repo / "drafts" / "sub" / "b.txt", DRAFT)
    found = findings(run_cli("--format", "json", "drafts", cwd=repo))
    assert ("a.txt", "placeholder", "warning", 1) in found
    assert not [f for f in found if f[0] == "b.txt" and f[1] == "placeholder"]
    assert ("b.txt", "missing-title", "warning", 1) in found


def test_discovery_stops_at_the_repository_root(tmp_path, repo, run_cli):
    write(tmp_path / ".reportlint.yaml", "rules:\n  placeholder: off\n")  # above the repository
    assert find_config_file(repo / "drafts") is None
    found = findings(run_cli("--format", "json", "drafts/a.txt", cwd=repo))
    assert ("a.txt", "placeholder", "error", 1) in found


def test_pyproject_table_is_a_config_and_yaml_wins_in_the_same_folder(repo, run_cli):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.reportlint]\nignore = ["missing-title"]\n'
                                   '\n[tool.reportlint.rules]\nplaceholder = "info"\n')
    assert find_config_file(repo / "drafts") == (repo / "pyproject.toml").resolve()
    assert findings(run_cli("--format", "json", "drafts", cwd=repo)) == [("a.txt", "placeholder", "info", 1)]
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: warning\n")
    found = findings(run_cli("--format", "json", "drafts", cwd=repo))
    assert ("a.txt", "placeholder", "warning", 1) in found and ("a.txt", "missing-title", "warning", 1) in found


def test_a_pyproject_without_the_table_is_passed_over(tmp_path, repo):
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: off\n")
    write(repo / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config_file(repo / "drafts") == (repo / ".reportlint.yaml").resolve()


def test_config_option_overrides_discovery_and_isolated_ignores_all(tmp_path, repo, run_cli):
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: off\n")
    other = write(tmp_path / "elsewhere" / "team.yaml", "rules:\n  placeholder: info\n")
    assert ("a.txt", "placeholder", "info", 1) in findings(
        run_cli("--format", "json", "--config", str(other), "drafts", cwd=repo))
    assert ("a.txt", "placeholder", "error", 1) in findings(run_cli("--format", "json", "--isolated", "drafts", cwd=repo))
    assert not [f for f in findings(run_cli("--format", "json", "drafts", cwd=repo)) if f[1] == "placeholder"]
    assert "exclude each other" in one_line_error(run_cli("--config", str(other), "--isolated", "drafts", cwd=repo))


def test_stdin_takes_the_config_of_the_working_folder(repo, run_cli):
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: off\n")
    result = run_cli("--format", "json", "-", stdin=DRAFT.encode(), cwd=repo)
    assert [f[1] for f in findings(result)] == ["missing-title"]


def test_exclude_leaves_out_files_in_folders_and_with_force_exclude(repo, run_cli):
    write(repo / ".reportlint.yaml", "exclude:\n  - archive/\n  - '*.bak.txt'\n")
    write(repo / "drafts" / "archive" / "old.txt", DRAFT)
    write(repo / "drafts" / "a.bak.txt", DRAFT)
    assert {f[0] for f in findings(run_cli("--format", "json", "drafts", cwd=repo))} == {"a.txt"}
    # a file named on the command line is checked, unless --force-exclude (pre-commit)
    assert {f[0] for f in findings(run_cli("--format", "json", "drafts/archive/old.txt", cwd=repo))} == {"old.txt"}
    result = run_cli("--format", "json", "--force-exclude", "drafts/archive/old.txt", "drafts/a.txt", cwd=repo)
    assert {f[0] for f in findings(result)} == {"a.txt"}
    result = run_cli("--force-exclude", "drafts/archive/old.txt", cwd=repo)
    assert result.returncode == 0, result.stderr


def test_relative_paths_are_relative_to_the_config_file(repo, run_cli):
    write(repo / "packs" / "office.yaml", GOOD)
    write(repo / ".reportlint.yaml", "rule_packs: [packs/office.yaml]\n")
    write(repo / "drafts" / "a.txt", "全年完成投资【待定】亿元。\n")
    found = findings(run_cli("--format", "json", "a.txt", cwd=repo / "drafts"))
    assert ("a.txt", "draft-marker", "warning", 1) in found


def test_overrides_by_path_and_genre(repo, run_cli):
    write(repo / ".reportlint.yaml", """\
overrides:
  - files: ['archive/**']
    rules: {placeholder: off}
  - files: ['shuzhi/*.txt']
    genre: 述职报告
""")
    write(repo / "archive" / "old.txt", DRAFT)
    draft = "关于2024年的报告\n\n一、主要工作。\n\n抓好学习。\n\n二、下步打算。\n\n继续努力。\n"
    write(repo / "shuzhi" / "wang.txt", draft)
    write(repo / "other" / "li.txt", draft)
    found = findings(run_cli("--format", "json", "archive", "drafts", "shuzhi", "other", cwd=repo))
    assert ("a.txt", "placeholder", "error", 1) in found
    assert not [f for f in found if f[0] == "old.txt" and f[1] == "placeholder"]
    assert [f for f in found if f[0] == "wang.txt" and f[1] == "missing-section"]
    assert not [f for f in found if f[0] == "li.txt" and f[1] == "missing-section"]


def test_fail_on_from_the_config_and_the_command_line_wins(repo, run_cli):
    write(repo / ".reportlint.yaml", "ignore: [placeholder]\nfail_on: error\n")
    assert run_cli("drafts", cwd=repo).returncode == 0  # only the missing-title warning
    assert run_cli("--fail-on", "warning", "drafts", cwd=repo).returncode == 1


@pytest.mark.parametrize("text, line, fragment", [
    ("rules:\n  placeholdr: off\n", 2, "unknown rule 'placeholdr'"),
    ("genre: 述职报告\nfail_on: loud\n", 2, "'fail_on' must be one of"),
    ("rules:\n  placeholder: warning\nexlude: [a]\n", 3, "unknown key 'exlude'"),
    ("\n\ngenre: 诗歌\n", 3, "unknown genre '诗歌'"),
    ("rules:\n  RL3: warning\n  missing-section:\n    min_headings: many\n", 3, "must be a whole number"),
    ("select: [RL1]\nignore:\n  - nothing-such\n", 2, "unknown rule 'nothing-such'"),
    ("overrides:\n  - rules: {placeholder: off}\n", 2, "needs 'files'"),
    ("overrides:\n  - files: [a]\n    rules: {placeholdr: off}\n", 3, "unknown rule 'placeholdr'"),
    ("rule_packs: [missing.yaml]\n", 1, "no such rule file"),
    ("rules: [\n", 2, "invalid YAML"),
])
def test_a_bad_config_names_file_and_line(repo, run_cli, text, line, fragment):
    config = write(repo / ".reportlint.yaml", text)
    message = one_line_error(run_cli("drafts", cwd=repo))
    assert message.startswith("reportlint: invalid ")
    assert f".reportlint.yaml:{line}: " in message or (fragment == "no such rule file" and "missing.yaml:1:" in message)
    assert fragment in message, message
    with pytest.raises(Exception):
        load_config_file(config)


def test_a_bad_pyproject_table_names_the_key_line(repo, run_cli):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.reportlint]\nfail_on = "error"\n'
                                   'select = ["RL1"]\nbogus = 1\n')
    message = one_line_error(run_cli("drafts", cwd=repo))
    assert "pyproject.toml:7: unknown key 'bogus'" in message
    write(repo / "pyproject.toml", '[tool.reportlint]\n\n[tool.reportlint.rules]\nplaceholder = "off"\nplaceholdr = "off"\n')
    assert "pyproject.toml:5: unknown rule 'placeholdr'" in one_line_error(run_cli("drafts", cwd=repo))
    write(repo / "pyproject.toml", '[tool.reportlint]\nfail_on = \n')
    assert "pyproject.toml:2: invalid TOML" in one_line_error(run_cli("drafts", cwd=repo))


def test_the_api_loads_a_config_file(repo):
    config = write(repo / ".reportlint.yaml", "genre: zicha\nrules: {RL2: off}\n")
    loaded = load_config_file(config)
    assert loaded.genre == "zicha" and loaded.source == str(config) and loaded.root == str(repo.resolve())
    assert not any(r.enabled for r in loaded.rules if r.code.startswith("RL2"))
    with pytest.raises(ConfigError):
        load_config_file(write(repo / "bad.yaml", "genre: 1\n"))


def test_the_readme_configuration_examples_load(tmp_path):
    """The README's complete .reportlint.yaml and its pyproject.toml table are
    valid as written (with the packs they name put in place)."""
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme[readme.index("## 配置\n"):]
    yaml_text = re.search(r"```yaml\n(.*?)```", part, re.S).group(1)
    toml_text = re.search(r"```toml\n(.*?)```", part, re.S).group(1)
    rule_pack = re.search(r"```yaml\n(pack: my-office.*?)```", readme, re.S).group(1)
    write(tmp_path / "packs" / "office.yaml", rule_pack)
    write(tmp_path / "packs" / "yanjiu.yaml", GENRE_PACK)
    config = load_config_file(write(tmp_path / ".reportlint.yaml", yaml_text))
    assert config.genre == "述职报告" and config.fail_on == "error"
    assert config.rule("missing-section").severity == "error" and config.rule("missing-section").rule_type.min_headings == 3
    assert not config.rule("count-mismatch").enabled and "draft-marker" in {r.name for r in config.rules}
    assert "yanjiu" in {g.genre for g in config.genres}
    assert config.excludes(str(tmp_path / "archive" / "old.txt"))
    assert not config.for_path(str(tmp_path / "speeches" / "a.txt")).rule("missing-section").enabled
    from_toml = load_config_file(write(tmp_path / "pyproject.toml", toml_text))
    assert not from_toml.rule("empty-section").enabled and not from_toml.rule("count-mismatch").enabled



def test_rules_lists_the_rules_as_the_config_sets_them(repo, run_cli):
    write(repo / ".reportlint.yaml", "rules:\n  placeholder: warning\n  RL3: off\n")
    rows = {line.split()[1]: line.split()[2] for line in run_cli("rules", cwd=repo).stdout.decode().splitlines()}
    assert rows["placeholder"] == "warning" and rows["numbering-skip"] == "off" and rows["ad-residue"] == "error"
    rows = {line.split()[1]: line.split()[2]
            for line in run_cli("rules", "--isolated", cwd=repo).stdout.decode().splitlines()}
    assert rows["placeholder"] == "error" and rows["numbering-skip"] != "off"
    write(repo / ".reportlint.yaml", "rules:\n  placeholdr: warning\n")
    assert ".reportlint.yaml:2: unknown rule 'placeholdr'" in one_line_error(run_cli("rules", cwd=repo))


class CountedLines(list):
    """The lines of a file, counting how often any of them is looked at."""

    looked = 0

    def __getitem__(self, index):
        self.looked += 1
        return super().__getitem__(index)

    def __iter__(self):
        for line in super().__iter__():
            self.looked += 1
            yield line


@pytest.mark.parametrize("shape", ["many keys", "deep inline tables"])
def test_locating_the_keys_of_a_pyproject_looks_at_each_line_a_bounded_number_of_times(shape):
    """Issue 22: each key's line was a forward search from its table's line to
    the first line defining it, or to the end of the file: n keys, or a key
    nested n deep in inline tables over n more lines, looked at about n² lines.
    Counted, not timed."""
    from checker.settings.configfile import _locate_toml, _toml_module

    n = 2000
    if shape == "many keys":
        text = "[tool.reportlint]\n" + "".join(f"key{i} = {i}\n" for i in range(n))
    else:
        depth = 150
        text = ("[tool.reportlint]\nx = " + "{a = " * depth + "1" + "}" * depth + "\n"
                + "".join(f"f{i} = {i}\n" for i in range(n)))
    lines = CountedLines(text.splitlines())
    table = _toml_module().loads(text)["tool"]["reportlint"]
    located = _locate_toml(table, lines, 1)
    assert lines.looked <= 2 * len(lines)  # the forward searches looked hundreds of thousands of times
    if shape == "many keys":
        assert located.key_lines["key0"] == 2 and located.key_lines[f"key{n - 1}"] == n + 1
    else:
        assert located.key_lines["x"] == 2 and located["x"].key_lines["a"] == 2  # inside x's line
        assert located.key_lines[f"f{n - 1}"] == n + 2


def test_a_pyproject_nested_too_deeply_is_one_line(repo, run_cli):
    write(repo / "pyproject.toml", "[tool.reportlint]\nx = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n")
    message = one_line_error(run_cli("drafts", cwd=repo))
    assert "pyproject.toml:" in message and "nested too deeply" in message
