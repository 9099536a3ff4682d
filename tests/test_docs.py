"""The documentation says what the code does: the generated rule reference is
current, CI runs the README's test command, the files the docs name exist, and the
README speaks Chinese."""

from __future__ import annotations

import re

from conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The body of a ``## heading`` section, up to the next heading of that level."""
    level = heading.split(" ", 1)[0]
    start = text.index(heading + "\n") + len(heading) + 1
    following = re.search(rf"^{re.escape(level)} ", text[start:], re.M)
    return text[start:start + following.start()] if following else text[start:]


def test_rules_reference_is_generated_from_the_packs(run_cli):
    result = run_cli("rules", "--markdown")
    assert result.returncode == 0, result.stderr.decode()
    generated = result.stdout.decode("utf-8")
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == generated, (
        "docs/rules.md is out of date; regenerate with "
        "python -m checker.cli rules --markdown > docs/rules.md"
    )


def test_ci_runs_the_readme_test_command_verbatim():
    blocks = re.findall(r"```sh\n(.*?)```", section(README, "## 安装与测试"), re.S)
    assert len(blocks) >= 2, "README's 安装与测试 has an install block and a test block"
    command = blocks[1].strip()
    assert "\n" not in command and "pytest" in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines(), f".ci/run does not run the README's test command:\n{command}"


def test_readme_install_command_lints_an_example_that_exists():
    blocks = re.findall(r"```sh\n(.*?)```", section(README, "## 安装与测试"), re.S)
    named = re.findall(r"examples/[\w.-]+", blocks[0])
    assert named
    for path in named:
        assert (ROOT / path).is_file(), path


def test_example_files_named_in_the_readme_exist():
    named = set(re.findall(r"\bexamples/([\w.-]+\.(?:txt|md))", README))
    # "`examples/` short drafts … (`clean.txt` draws no finding)" names files by bare name.
    layout = section(README, "## 目录结构")
    named |= {name for name in re.findall(r"`([\w.-]+\.txt)`", layout)}
    assert "clean.txt" in named and "placeholders.txt" in named
    for name in sorted(named):
        assert (EXAMPLES / name).is_file(), f"README names examples/{name}, which does not exist"


def test_paths_named_in_the_architecture_exist():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8") + README
    named = set(re.findall(r"\b((?:checker|grammar|rules|docs)/[\w./-]*[\w/])", text))
    assert "checker/read/reading.py" in named and "grammar/outline.lark" in named
    missing = []
    for path in sorted(named):
        if "…" in path or "*" in path:
            continue
        # ``checker/grammar`` and ``checker/rules`` are where the wheel puts grammar/ and rules/.
        if path in ("checker/grammar", "checker/rules"):
            continue
        if not (ROOT / path).exists():
            missing.append(path)
    assert not missing, f"docs name paths that do not exist: {missing}"


def test_the_readme_speaks_chinese():
    """Chinese first: below the English note at the top (which points to --lang en and
    docs/rules.md's English), no paragraph, list item or table row of README.md is
    English prose — a sentence added in English would grow an English copy beside the
    Chinese one. Code, inline code and link targets do not count."""
    top = README.split("\n\n", 2)[1]
    assert top.startswith(">") and "--lang en" in top and "docs/rules.md" in top, top
    prose = re.sub(r"```.*?```", "", README, flags=re.S)
    english = []
    for block in re.split(r"\n\s*\n|\n(?=- |\| )", prose):
        if block.lstrip().startswith((">", "#", "![")):
            continue
        words = re.sub(r"`[^`]*`|\]\([^)]*\)", "", block)
        han = len(re.findall(r"[\u4e00-\u9fff]", words))
        latin = len(re.findall(r"[A-Za-z]", words))
        if latin >= 30 and han < latin / 2:
            english.append(block[:80])
    assert not english, f"README.md has English prose (write it in Chinese): {english}"
