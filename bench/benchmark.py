"""Print reportlint's speed figures (record them in docs/performance.md).

    python bench/benchmark.py [FILES…]     # default: ../shared/corpus/*.txt and examples/*.txt

Figures: import and rule loading, jieba's first load, steady-state throughput
(characters and lines per second over the inputs, best of several rounds), and
the cost of one CLI run in a fresh process. Not a test: nothing here asserts.
"""

from __future__ import annotations

import glob
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5


def timed(function):
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    files = argv or sorted(glob.glob(str(ROOT.parent / "shared" / "corpus" / "*.txt"))) + \
        sorted(glob.glob(str(ROOT / "examples" / "*.txt")))
    if not files:
        sys.exit("no input files")
    import_seconds, _ = timed(lambda: __import__("checker.api"))
    from checker.api import Config, lint_source
    from checker.reading import read_source
    from checker import segment

    load_seconds, config = timed(Config.load)
    sources = [read_source(path) for path in files]
    characters = sum(len(line) for s in sources for line in s.lines)
    lines = sum(len(s.lines) for s in sources)
    first_seconds, _ = timed(lambda: [lint_source(s, config) for s in sources])
    steady = min(timed(lambda: [lint_source(s, config) for s in sources])[0] for _ in range(ROUNDS))
    jieba_seconds, _ = timed(segment._tokenizer) if not segment.is_loaded() else (0.0, None)
    cli_seconds = min(
        timed(lambda: subprocess.run([sys.executable, "-m", "checker.cli", "--format", "json", *files],
                                     capture_output=True, cwd=ROOT))[0]
        for _ in range(3)
    )
    print(f"inputs                 {len(files)} files, {lines} lines, {characters} characters")
    print(f"import checker.api     {import_seconds * 1000:8.1f} ms")
    print(f"load built-in rules    {load_seconds * 1000:8.1f} ms")
    print(f"first lint (cold)      {first_seconds * 1000:8.1f} ms   (includes jieba's dictionary load)")
    print(f"steady lint            {steady * 1000:8.1f} ms   best of {ROUNDS}")
    print(f"throughput             {characters / steady / 1000:8.1f} k characters/s, {lines / steady:,.0f} lines/s")
    if jieba_seconds:
        print(f"jieba load             {jieba_seconds * 1000:8.1f} ms")
    print(f"CLI run, fresh process {cli_seconds * 1000:8.1f} ms   best of 3, all inputs")


if __name__ == "__main__":
    main(sys.argv[1:])
