"""A command imports only what it uses: checking a plain-text file loads
neither the outline parser (lark: lines are read with the grammar's own
terminals), nor jieba, nor the
worker-process machinery of -j, nor the Word reader's zipfile."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

HEAVY = ("lark", "jieba", "multiprocessing", "concurrent.futures.process", "zipfile", "docx")
RUN = ("import sys\n"
       "from checker.cli import main\n"
       "sys.argv = ['reportlint', *sys.argv[1:]]\n"
       "try:\n"
       "    main()\n"
       "except SystemExit:\n"
       "    pass\n"
       "print('loaded:', *[m for m in WATCHED if m in sys.modules], file=sys.stderr)\n")


def loaded_after(*args: str, watched: tuple[str, ...] = HEAVY, cwd=ROOT) -> list[str]:
    """Which of ``watched`` modules a real ``reportlint ARGS`` run has imported at its end."""
    script = RUN.replace("WATCHED", repr(watched))
    result = subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, capture_output=True, text=True,
                            timeout=120)
    [line] = [line for line in result.stderr.splitlines() if line.startswith("loaded:")]
    return line.split()[1:]


def test_an_empty_file_loads_nothing_heavy(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert loaded_after(str(empty)) == []


def test_a_paragraph_without_markers_loads_nothing_heavy(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("关于加强学习的通知\n\u3000\u3000全年开展学习12次，参训人员共计300人次。\n", encoding="utf-8")
    assert loaded_after(str(draft)) == []


def test_a_run_from_the_filled_cache_reads_no_yaml(tmp_path):
    """The packs, genres and lexicon come from the prepared cache: once it is
    filled (the first run), a run imports no YAML parser."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    loaded_after(str(empty), watched=("yaml",))  # fills the per-user cache where it is empty
    assert loaded_after(str(empty), watched=("yaml",)) == []


def test_headings_and_enumerators_load_neither_lark_nor_jieba(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("标题\n一、主要工作\n\u3000\u3000一是加强学习。二是健全制度。\n", encoding="utf-8")
    assert loaded_after(str(draft)) == []  # no lark (the grammar's terminals), no jieba (word indexes)


COMMAND_MODULES = ("checker.explain", "checker.fixing", "checker.rulesdoc", "checker.formats.outline_format",
                   "checker.formats.html_format", "checker.formats.sarif_format", "checker.formats.github_format",
                   "checker.formats.json_format", "checker.annotating", "checker.lsp")


def modules_after(*args: str) -> list[str]:
    return loaded_after(*args, watched=COMMAND_MODULES)


def test_check_imports_only_the_modules_it_runs(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("关于加强学习的报告\n一、主要工作\n\u3000\u3000今年完成了XX项工作。\n", encoding="utf-8")
    assert modules_after(str(draft)) == []  # no other command's module, no other format's writer
    assert modules_after("--output-format", "json", str(draft)) == ["checker.formats.json_format"]
    assert modules_after("--diff", str(draft)) == ["checker.fixing"]
