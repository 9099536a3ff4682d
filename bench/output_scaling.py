"""How the time to *report* grows with the findings (issue 22): each output
format over drafts that once made it quadratic, at 1×, 4× and 16× a base size.

    python bench/output_scaling.py [SHAPE…]     # the formats
    python bench/output_scaling.py lsp           # the language server, through a real exchange

Each shape is linted once (warm, in this process), then rendered by its
format; the script prints the seconds of lint + render and the ratio of each
step (about 4 linear, 16 quadratic) and the output's size. ``lsp`` starts
``reportlint lsp`` and times, per document size, the diagnostics published on
open and the fix-all code action (every line has a safe fix). Record the output
in docs/performance.md. Not a test: nothing here asserts
(tests/test_linear_output.py counts the work instead).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SCALES = (1, 4, 16)
TITLE = "关于某某工作的报告\n"


def level_four(n: int) -> str:
    return TITLE + "一、总体\n（一）分项\n1. 细项\n" + "".join(f"（{k}）要点内容\n" for _ in range(n) for k in range(1, 10))


# name -> (format, base size, builder(n) -> text, what it stresses)
SHAPES: dict[str, tuple[str, int, Callable[[int], str], str]] = {
    "text-one-line": ("full", 1250, lambda n: TITLE + "今年完成了XX项工作，" * n + "\n",
                      "many findings on one long line: each excerpt (was: the whole line per finding)"),
    "json-renumbering": ("json", 50, level_four,
                         "（1）…（9） repeated under one parent: the fixes (was: the run per finding)"),
    "html-outline": ("html", 250, level_four, "many sections and findings: the outline's badges"),
    "html-one-line": ("html", 1250, lambda n: TITLE + "今年完成了XX项工作，" * n + "\n",
                      "many marks on one line"),
    "sarif-findings": ("sarif", 1250, lambda n: TITLE + "今年完成了XX项工作，" * n + "\n", "many results"),
    "stacked-disable": ("full", 2000, lambda n: TITLE + "<!-- reportlint-disable-next-line placeholder -->\n" * n
                        + "今年完成了XX项工作。\n", "stacked disable-next-line comments (suppression)"),
}


LSP_BASE = 1500  # lines of "今年完成了工作,成效明显。" (a safe fix each); 16× is 24,000 lines, 336,000 characters


def lsp_scaling() -> None:
    """Open documents of 1×, 4×, 16× LSP_BASE lines in a real server; time the
    published diagnostics and the fix-all code action of each."""
    import tempfile

    sys.path.insert(0, str(ROOT / "tests"))
    from lsp_client import LspClient

    print(f"{'lsp':<18} " + " ".join(f"{f'{scale}×':>9}" for scale in SCALES) + "   ratios   characters at 16×")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        client = LspClient(root)
        try:
            client.initialize(root)
            rows: dict[str, list[float]] = {"diagnostics": [], "fix-all": []}
            characters = 0
            for scale in SCALES:
                text = TITLE + "今年完成了工作,成效明显。\n" * (LSP_BASE * scale)
                characters = len(text)
                uri = (root / f"scale{scale}.txt").as_uri()
                start = time.perf_counter()
                client.open(uri, text)
                client.diagnostics(uri, timeout=1800)
                rows["diagnostics"].append(time.perf_counter() - start)
                start = time.perf_counter()
                client.request("textDocument/codeAction", {
                    "textDocument": {"uri": uri},
                    "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                    "context": {"diagnostics": [], "only": ["source.fixAll.reportlint"]}}, timeout=1800)
                rows["fix-all"].append(time.perf_counter() - start)
            for name, seconds in rows.items():
                ratios = " ".join(f"{later / max(earlier, 1e-6):4.1f}" for earlier, later in zip(seconds, seconds[1:]))
                print(f"{'lsp-' + name:<18} " + " ".join(f"{s:8.3f}s" for s in seconds)
                      + f"   {ratios}   {characters:,}", flush=True)
            client.close()
        finally:
            client.kill()


def main(argv: list[str]) -> None:
    if argv == ["lsp"]:
        lsp_scaling()
        return
    sys.path.insert(0, str(ROOT))
    from checker.api import Config, lint_source
    from checker.formats import FORMATTERS
    from checker.formats.base import RunInfo, render
    from checker.model import SourceText

    config = Config.load()
    lint_source(SourceText.from_string(TITLE + "一是加强学习。\n", "warm.txt"), config)
    names = argv or list(SHAPES)
    print(f"{'shape':<18} " + " ".join(f"{f'{scale}×':>9}" for scale in SCALES) + "   ratios   output at 16×")
    for name in names:
        format_name, base, build, _ = SHAPES[name]
        seconds, size = [], 0
        for scale in SCALES:
            source = SourceText.from_string(build(base * scale), "scaling.txt")
            start = time.perf_counter()
            result = lint_source(source, config)
            size = len(render(FORMATTERS[format_name](RunInfo(rules=config.rules)), [result]).encode("utf-8"))
            seconds.append(time.perf_counter() - start)
        ratios = " ".join(f"{later / max(earlier, 1e-6):4.1f}" for earlier, later in zip(seconds, seconds[1:]))
        print(f"{name:<18} " + " ".join(f"{s:8.3f}s" for s in seconds) + f"   {ratios}   {size:,} B", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
