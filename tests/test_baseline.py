"""Fingerprints and the baseline: accepted findings (file, rule, matched text,
count) stay accepted when the draft is edited or moves around them, only those
beyond the count are new, stale entries are pruned."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from checker.api import Config, lint_text
from checker.settings.baseline import Baseline

CONFIG = Config.load()
DRAFT = "关于2024年工作的总结\n\nXX镇完成投资。\n\n××村完成投资。\n"
MOVED = "关于2024年工作的总结\n\n前言一段，交代背景。\n\n　　XX镇完成投资。\n\n××村完成投资。\n"


def fingerprints(text: str, rule: str = "placeholder") -> list[str]:
    return [d.fingerprint for d in lint_text(text, config=CONFIG) if d.rule == rule]


def test_every_diagnostic_carries_a_fingerprint():
    diagnostics = lint_text(DRAFT + "<!-- reportlint-disable ad-residue -->\n", config=CONFIG)
    assert diagnostics and all(d.fingerprint and len(d.fingerprint) == 24 for d in diagnostics)
    assert "unused-suppression" in {d.rule for d in diagnostics}


def test_a_fingerprint_ignores_lines_above_and_blanks_but_not_the_text_around():
    before = fingerprints(DRAFT)
    assert len(set(before)) == 2
    assert fingerprints(MOVED) == before  # a paragraph inserted above, an indent added
    assert fingerprints(DRAFT.replace("XX镇完成投资", "XX乡完成投资"))[0] != before[0]
    assert fingerprints(DRAFT.replace("XX镇完成投资", "XX乡完成投资"))[1] == before[1]


def test_the_same_text_twice_is_told_apart_by_occurrence():
    twice = fingerprints("关于2024年工作的总结\n\nXX镇完成投资。\n\nXX镇完成投资。\n")
    assert len(twice) == 2 and twice[0] != twice[1]


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def rules_lines(result) -> list[tuple[str, int]]:
    assert result.returncode in (0, 1), result.stderr.decode()
    data = json.loads(result.stdout)
    return [(d["rule"], d["line"]) for f in data["files"] for d in f["diagnostics"]]


def test_write_baseline_then_only_new_findings_are_reported(repo, run_cli):
    written = run_cli("--write-baseline", "baseline.json", "drafts", cwd=repo)
    assert written.returncode == 0, written.stderr
    assert written.stdout == b""  # only what it wrote, on stderr
    assert written.stderr.decode().strip().splitlines() == ["reportlint: wrote 2 findings of 1 files to baseline.json"]
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert [(e["rule"], e["text"], e["count"]) for e in data["files"]["drafts/a.txt"]] == [
        ("placeholder", "XX", 1), ("placeholder", "××", 1)]
    assert run_cli("--baseline", "baseline.json", "drafts", cwd=repo).returncode == 0
    # a paragraph inserted above does not revive the accepted findings; a new one is reported
    (repo / "drafts" / "a.txt").write_text(MOVED + "\n**县完成投资。\n", encoding="utf-8")
    result = run_cli("--format", "json", "--baseline", "baseline.json", "drafts", cwd=repo)
    assert rules_lines(result) == [("placeholder", 9)] and result.returncode == 1
    # from another working folder, the same baseline names the same files
    result = run_cli("--format", "json", "--baseline", str(repo / "baseline.json"), "a.txt", cwd=repo / "drafts")
    assert rules_lines(result) == [("placeholder", 9)]


LINE = "关于2024年工作的总结\n\n全年总产量XX万吨，产值XX亿元，同比增长XX%。\n"


def test_filling_one_placeholder_or_moving_the_line_brings_nothing_back(repo, run_cli):
    (repo / "drafts" / "a.txt").write_text(LINE, encoding="utf-8")
    assert run_cli("--write-baseline", "baseline.json", "drafts", cwd=repo).returncode == 0
    [entry] = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["files"]["drafts/a.txt"]
    assert (entry["rule"], entry["text"], entry["count"]) == ("placeholder", "XX", 3)
    edits = [LINE.replace("总产量XX万吨", "总产量12万吨"),  # one of three filled: the other two stay accepted
             LINE.replace("全年总产量", "2024年全年粮食总产量"),  # an edit elsewhere on the line
             LINE.replace("\n\n全年", "\n\n前言一段。\n\n　　全年")]  # the line moved and indented
    for edited in edits:
        (repo / "drafts" / "a.txt").write_text(edited, encoding="utf-8")
        result = run_cli("--format", "json", "--baseline", "baseline.json", "drafts", cwd=repo)
        assert rules_lines(result) == [] and result.returncode == 0, edited
    # only a finding beyond the accepted count is new: a fourth XX, reported where it stands (the last)
    (repo / "drafts" / "a.txt").write_text(LINE + "\n新增XX个项目。\n", encoding="utf-8")
    result = run_cli("--format", "json", "--baseline", "baseline.json", "drafts", cwd=repo)
    assert rules_lines(result) == [("placeholder", 5)] and result.returncode == 1


def test_a_version_1_baseline_is_refused_in_one_line(repo, run_cli):
    (repo / "old.json").write_text('{"version": 1, "files": {"drafts/a.txt": [{"rule": "placeholder", '
                                   '"fingerprint": "0123", "line": 3, "message": ""}]}}', encoding="utf-8")
    message = one_line_error(run_cli("--baseline", "old.json", "drafts", cwd=repo))
    assert "old.json:1: a version-1 baseline" in message and "--write-baseline old.json" in message


def test_baseline_prune_removes_and_lists_what_no_longer_matches(repo, run_cli):
    (repo / "drafts" / "gone.txt").write_text(DRAFT, encoding="utf-8")
    assert run_cli("--write-baseline", "baseline.json", "drafts", cwd=repo).returncode == 0
    (repo / "drafts" / "gone.txt").unlink()
    (repo / "drafts" / "a.txt").write_text(DRAFT.replace("XX镇", "某镇"), encoding="utf-8")
    result = run_cli("--baseline", "baseline.json", "--baseline-prune", "drafts", cwd=repo)
    assert result.returncode == 0, result.stderr
    messages = result.stderr.decode()
    assert "removed drafts/a.txt [placeholder] 「XX」 ×1" in messages and "removed drafts/gone.txt [placeholder]" in messages
    assert "3 findings removed, 1 kept" in messages
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert list(data["files"]) == ["drafts/a.txt"]
    assert [e["text"] for e in data["files"]["drafts/a.txt"]] == ["××"]
    # nothing left to prune: the file stays as it is
    before = (repo / "baseline.json").read_bytes()
    result = run_cli("--baseline", "baseline.json", "--baseline-prune", "drafts", cwd=repo)
    assert "0 findings removed, 1 kept" in result.stderr.decode() and (repo / "baseline.json").read_bytes() == before


def test_prune_cuts_a_count_to_what_still_matches(repo, run_cli):
    (repo / "drafts" / "a.txt").write_text(LINE, encoding="utf-8")
    assert run_cli("--write-baseline", "baseline.json", "drafts", cwd=repo).returncode == 0
    (repo / "drafts" / "a.txt").write_text(LINE.replace("总产量XX", "总产量12").replace("产值XX", "产值3"), encoding="utf-8")
    result = run_cli("--baseline", "baseline.json", "--baseline-prune", "drafts", cwd=repo)
    assert "removed drafts/a.txt [placeholder] 「XX」 ×2" in result.stderr.decode()
    [entry] = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["files"]["drafts/a.txt"]
    assert entry["count"] == 1


def test_the_configured_baseline_is_relative_to_the_config(repo, run_cli):
    (repo / "lint").mkdir()
    assert run_cli("--write-baseline", "lint/accepted.json", "drafts", cwd=repo).returncode == 0
    (repo / ".reportlint.yaml").write_text("baseline: lint/accepted.json\n", encoding="utf-8")
    assert run_cli("a.txt", cwd=repo / "drafts").returncode == 0
    assert run_cli("--isolated", "drafts", cwd=repo).returncode == 1
    # --write-baseline ignores the configured one, and records everything again
    assert run_cli("--write-baseline", "lint/accepted.json", "drafts", cwd=repo).returncode == 0
    assert Baseline.load(str(repo / "lint" / "accepted.json")).size == 2


def one_line_error(result) -> str:
    message = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in message and len(message.strip().splitlines()) == 1, message
    return message.strip()


def test_bad_baselines_and_bad_combinations_are_one_line_errors(repo, run_cli):
    assert "no such baseline file" in one_line_error(run_cli("--baseline", "nope.json", "drafts", cwd=repo))
    (repo / "broken.json").write_text('{\n  "version": 2,\n  "files": {,}\n}\n', encoding="utf-8")
    assert "invalid baseline: broken.json:3: invalid JSON" in one_line_error(
        run_cli("--baseline", "broken.json", "drafts", cwd=repo))
    (repo / "other.json").write_text('{"version": 2, "files": {"a.txt": [{"rule": 1}]}}', encoding="utf-8")
    assert "entries of 'a.txt'" in one_line_error(run_cli("--baseline", "other.json", "drafts", cwd=repo))
    (repo / ".reportlint.yaml").write_text("fail_on: error\nbaseline: missing.json\n", encoding="utf-8")
    assert "invalid config: " in one_line_error(run_cli("drafts", cwd=repo))
    assert ".reportlint.yaml:2: baseline file 'missing.json' does not exist" in one_line_error(run_cli("drafts", cwd=repo))
    (repo / ".reportlint.yaml").unlink()
    assert "--baseline-prune needs a baseline" in one_line_error(run_cli("--baseline-prune", "drafts", cwd=repo))
    assert "goes with neither" in one_line_error(
        run_cli("--write-baseline", "b.json", "--baseline", "broken.json", "drafts", cwd=repo))


def test_a_config_with_a_baseline_pickles_and_filters_in_the_api(repo):
    from checker.api import lint_source
    from checker.model import SourceText

    path = str(repo / "drafts" / "a.txt")
    first = lint_source(SourceText.from_string(DRAFT, path), CONFIG)
    baseline = Baseline.of_results(str(repo / "baseline.json"), [first])
    config = pickle.loads(pickle.dumps(CONFIG.with_overrides(baseline=baseline)))
    result = lint_source(SourceText.from_string(MOVED, path), config)
    assert result.diagnostics == [] and len(result.baselined) == 2


def test_parallel_workers_honour_config_suppression_and_baseline(repo, run_cli):
    suppressed = MOVED.replace("　　XX镇", "<!-- reportlint-disable-next-line placeholder -->\n　　XX镇")
    (repo / "drafts" / "b.md").write_text(suppressed, encoding="utf-8")
    (repo / "drafts" / "c.txt").write_text(DRAFT.replace("××村", "**村"), encoding="utf-8")
    assert run_cli("--write-baseline", "lint.json", "drafts/a.txt", cwd=repo).returncode == 0
    (repo / ".reportlint.yaml").write_text("baseline: lint.json\nrules: {missing-section: off}\n", encoding="utf-8")
    serial = run_cli("--format", "json", "-j", "1", "drafts", cwd=repo)
    parallel = run_cli("--format", "json", "-j", "2", "drafts", cwd=repo)
    assert serial.stdout == parallel.stdout and serial.returncode == parallel.returncode == 1
    assert rules_lines(parallel) == [("placeholder", 8), ("placeholder", 3), ("placeholder", 5)]
