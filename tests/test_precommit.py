"""The pre-commit hook, through the real pre-commit: a throwaway repository
whose commit is blocked by a placeholder, passes once the draft is fixed, and
passes when its .reportlint.yaml switches the rule off or excludes the file.

The hook repository is this checkout as it stands (tracked and untracked,
not ignored, files), committed in a temporary copy so that every pre-commit
run uses the same revision and the hook environment is installed once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

IDENTITY = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com"}
DRAFT_WITH_PLACEHOLDER = "关于2024年工作的总结\n\nXX镇全年完成投资3.2亿元。\n"
DRAFT_FIXED = "关于2024年工作的总结\n\n青石镇全年完成投资3.2亿元。\n"


def git(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    if shutil.which("git") is None:
        pytest.fail("git is needed (.ci/run installs it)")
    return {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
            "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env) -> tuple[Path, str]:
    """This checkout's files committed in a copy: (its path, the revision)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, timeout=60)
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout here (pre-commit installs hooks from a repository)")
    copy = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "hook repository")):
        done = git(*args, cwd=copy, env=env)
        assert done.returncode == 0, done.stderr
    return copy, git("rev-parse", "HEAD", cwd=copy, env=env).stdout.strip()


def pre_commit(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.fixture
def drafts_repo(tmp_path, env, hook_repo) -> Path:
    """A repository of drafts using the hook, with pre-commit installed in it."""
    repo = tmp_path / "drafts"
    repo.mkdir()
    assert git("init", "-q", cwd=repo, env=env).returncode == 0
    path, rev = hook_repo
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {path.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: reportlint\n", encoding="utf-8")
    installed = pre_commit("install", cwd=repo, env=env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


def commit(repo: Path, env: dict, *files: str) -> subprocess.CompletedProcess:
    assert git("add", *files, cwd=repo, env=env).returncode == 0
    return git("commit", "-m", "drafts", cwd=repo, env=env)


def commits(repo: Path, env: dict) -> int:
    counted = git("rev-list", "--count", "HEAD", cwd=repo, env=env)
    return int(counted.stdout) if counted.returncode == 0 else 0


def readme_config(hook_path: Path) -> str:
    """The README's .pre-commit-config.yaml, its repository URL pointed at ``hook_path``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 预提交钩子（pre-commit）"):]
    block = section[section.index("```yaml\n") + 8:section.index("```\n", section.index("```yaml\n") + 8)]
    url = next(line.split("repo:")[1].split()[0] for line in block.splitlines() if "repo:" in line)
    return block.replace(url, hook_path.as_posix())


def test_the_readme_rev_is_pinned_by_autoupdate_and_the_pinned_rev_works(tmp_path, env, hook_repo):
    """The README's rev names nothing that does not exist: it is a tag this repository
    carries, or a placeholder `pre-commit autoupdate --bleeding-edge` replaces by the
    newest commit; with that pinned rev the hook runs and blocks the draft."""
    path, rev = hook_repo
    config = readme_config(path)
    written = next(line.split("rev:")[1].split()[0] for line in config.splitlines() if "rev:" in line)
    tags = git("tag", "--list", cwd=ROOT, env=env).stdout.split()
    repo = tmp_path / "pinned"
    repo.mkdir()
    assert git("init", "-q", cwd=repo, env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    if written not in tags:
        assert "autoupdate" in config, config  # the README says how to pin it
        updated = pre_commit("autoupdate", "--bleeding-edge", cwd=repo, env=env)
        assert updated.returncode == 0, updated.stdout + updated.stderr
        assert f"rev: {rev}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    (repo / "draft.txt").write_text(DRAFT_WITH_PLACEHOLDER, encoding="utf-8")
    assert git("add", "-A", cwd=repo, env=env).returncode == 0
    result = pre_commit("run", "--all-files", cwd=repo, env=env)
    assert result.returncode == 1 and "draft.txt:3:1" in result.stdout + result.stderr, result.stdout + result.stderr


def test_try_repo_reports_the_placeholder(tmp_path, env, hook_repo):
    repo = tmp_path / "try"
    repo.mkdir()
    assert git("init", "-q", cwd=repo, env=env).returncode == 0
    (repo / "draft.txt").write_text(DRAFT_WITH_PLACEHOLDER, encoding="utf-8")
    (repo / "notes.md").write_text("# 会议纪要\n\n会议研究了××事项。\n", encoding="utf-8")
    assert git("add", "-A", cwd=repo, env=env).returncode == 0
    path, rev = hook_repo
    result = pre_commit("try-repo", str(path), "reportlint", "--ref", rev, "--all-files", cwd=repo, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "draft.txt:3:1: error [placeholder]" in output or "draft.txt:3:1" in output, output
    assert "notes.md:3:" in output and "placeholder" in output, output


def test_a_commit_is_blocked_until_the_draft_is_fixed(drafts_repo, env):
    (drafts_repo / "draft.txt").write_text(DRAFT_WITH_PLACEHOLDER, encoding="utf-8")
    blocked = commit(drafts_repo, env, "draft.txt", ".pre-commit-config.yaml")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and commits(drafts_repo, env) == 0, output
    assert "reportlint" in output and "Failed" in output and "draft.txt:3:1" in output and "[placeholder]" in output
    (drafts_repo / "draft.txt").write_text(DRAFT_FIXED, encoding="utf-8")
    passed = commit(drafts_repo, env, "draft.txt", ".pre-commit-config.yaml")
    assert passed.returncode == 0 and commits(drafts_repo, env) == 1, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr


def test_the_repository_config_switches_the_rule_off_or_excludes_the_file(drafts_repo, env):
    (drafts_repo / "draft.txt").write_text(DRAFT_WITH_PLACEHOLDER, encoding="utf-8")
    (drafts_repo / ".reportlint.yaml").write_text("rules: {placeholder: off}\n", encoding="utf-8")
    passed = commit(drafts_repo, env, "draft.txt", ".reportlint.yaml", ".pre-commit-config.yaml")
    assert passed.returncode == 0 and commits(drafts_repo, env) == 1, passed.stdout + passed.stderr
    # exclude applies to the files pre-commit names (the hook passes --force-exclude)
    (drafts_repo / "archive").mkdir()
    (drafts_repo / "archive" / "old.txt").write_text(DRAFT_WITH_PLACEHOLDER, encoding="utf-8")
    (drafts_repo / ".reportlint.yaml").write_text("exclude: [archive/]\n", encoding="utf-8")
    (drafts_repo / "draft.txt").write_text(DRAFT_FIXED, encoding="utf-8")
    passed = commit(drafts_repo, env, "archive/old.txt", "draft.txt", ".reportlint.yaml")
    assert passed.returncode == 0 and commits(drafts_repo, env) == 2, passed.stdout + passed.stderr


def test_a_word_draft_is_checked_by_the_hook(drafts_repo, env):
    from word_drafts import WordDraft

    draft = WordDraft()
    outline = draft.new_list()
    draft.paragraph("关于2024年工作的总结")
    draft.paragraph("主要工作", outline, 0)
    draft.paragraph("XX镇全年完成投资3.2亿元。")
    draft.save(drafts_repo / "总结.docx")
    blocked = commit(drafts_repo, env, "总结.docx", ".pre-commit-config.yaml")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and commits(drafts_repo, env) == 0, output
    assert "总结.docx:3:1" in output and "[placeholder]" in output, output
