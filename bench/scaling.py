"""How the time to lint grows with the size of a pathological input.

    python bench/scaling.py [SHAPE…]        # default: every shape
    python bench/scaling.py --list          # the shapes and what they stress

Each shape is a draft that once made a rule type or the parser quadratic (or
worse) in the length of a line or of the document. It is linted at 1×, 4× and
16× its base size (in this process, warm: jieba and the rules loaded first);
the script prints the seconds and the ratio of each step. Linear time reads as
a ratio near 4 per step; quadratic as 16. Record the output in
docs/performance.md. Not a test: nothing here asserts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
SCALES = (1, 4, 16)

TITLE = "关于某某工作的报告\n"


def _lines(text: str, count: int) -> str:
    return TITLE + text * count


# name -> (suffix, base size, builder(n) -> text, what it stresses)
SHAPES: dict[str, tuple[str, int, Callable[[int], str], str]] = {
    "shi-spaced": (".txt", 250, lambda n: TITLE + "一是 " * n + "\n",
                   "many 一是 on one line, no clause end between them (enumerations)"),
    "shi-bracketed": (".txt", 250, lambda n: TITLE + "（一是" * n + "\n", "many （一是 on one line"),
    "shi-quoted": (".txt", 250, lambda n: TITLE + "“一是" * n + "\n", "many “一是 on one line"),
    "findings-one-line": (".txt", 1250, lambda n: TITLE + "XX，" * n + "\n",
                          "many placeholder findings on one line (pattern)"),
    "emphasis-md": (".md", 500, lambda n: "# 关于某某工作的报告\n\n" + "*x*" * n + "\n",
                    "Markdown *x* repeated on one line (pattern, outline, truncation)"),
    "long-line": (".txt", 4000, lambda n: TITLE + "我们" * n + "\n", "one long line without punctuation"),
    "level4-siblings": (".txt", 1000, lambda n: _lines("（1）加强学习，提高认识\n", n),
                        "many sibling （1） headings (truncation, sequences)"),
    "level1-siblings": (".txt", 2000, lambda n: _lines("一、加强学习，提高认识\n", n),
                        "many sibling 一、 headings"),
    "numbered-items": (".txt", 60, lambda n: TITLE + "".join(f"{i}. 第{i}项工作。\n" for i in range(1, n + 1)),
                       "1. … N. numbered items in order"),
    "enumerator-lines": (".txt", 500, lambda n: _lines("一是加强学习。二是改进作风。\n", n),
                         "many lines of 一是…二是…"),
    "nested-levels": (".txt", 250, lambda n: _lines("一、总体\n（一）分项\n1. 细项\n（1）要点\n①内容。\n", n),
                      "every heading level, repeated"),
    "part-lines": (".txt", 250, lambda n: _lines("第一部分　工作回顾\n一、成绩\n内容。\n", n),
                   "part lines between headings (sequences)"),
    "count-statements": (".txt", 250, lambda n: _lines("主要有以下三个方面：\n一是学习。\n二是作风。\n三是纪律。\n", n),
                         "many stated counts (count-mismatch)"),
}


def main(argv: list[str]) -> None:
    if "--list" in argv:
        for name, (suffix, base, _, what) in SHAPES.items():
            print(f"{name:<20} {suffix:<4} base {base:>5}  {what}")
        return
    names = argv or list(SHAPES)
    unknown = [name for name in names if name not in SHAPES]
    if unknown:
        sys.exit(f"unknown shape {unknown[0]} (see --list)")
    sys.path.insert(0, str(ROOT))
    from checker.api import Config, lint_source
    from checker.model import SourceText

    config = Config.load()
    lint_source(SourceText.from_string(TITLE + "一是加强学习。\n", "warm.txt"), config)  # jieba loaded
    print(f"{'shape':<20} " + " ".join(f"{f'{scale}×':>9}" for scale in SCALES) + "   ratios (≈4 linear, ≈16 quadratic)")
    for name in names:
        suffix, base, build, _ = SHAPES[name]
        seconds = []
        for scale in SCALES:
            source = SourceText.from_string(build(base * scale), f"scaling{suffix}")
            start = time.perf_counter()
            lint_source(source, config)
            seconds.append(time.perf_counter() - start)
        ratios = " ".join(f"{later / max(earlier, 1e-6):5.1f}" for earlier, later in zip(seconds, seconds[1:]))
        print(f"{name:<20} " + " ".join(f"{s:8.3f}s" for s in seconds) + f"   {ratios}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
