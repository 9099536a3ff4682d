"""reportlint's speed and memory, side by side with autocorrect-py.

    python bench/run.py                 # every figure, a Markdown table at the end
    python bench/run.py --quick         # fewer runs and 200 drafts instead of 1,000

Run it with the interpreter of the environment reportlint is installed in
(``.venv/bin/python bench/run.py``). autocorrect-py (AutoCorrect's Python
binding, a Rust core) is measured beside it when importable
(``pip install autocorrect-py``). Every figure is the median of several runs;
the load average is printed beside them, since a busy machine slows both.
Figures and what they mean are recorded in docs/performance.md; the targets
live there too, never in a timed unit test.

Figures:
  cold draft    one generated ~10,000-character draft from a fresh process
                (`reportlint draft.txt`; the per-user cache already filled)
  cold, no cache  the same with an empty cache directory (a first run)
  empty file    an empty file from a fresh process
  warm          characters per second per core in one process over the real
                drafts (../shared/samples) and the corpus (../shared/corpus)
  paragraph     one one-paragraph document, warm (editor re-lint latency)
  batch         N generated drafts in one call with -j 2: wall time, and the
                peak RSS of the largest process
  peak memory   peak RSS of the cold one-draft run
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from bench.drafts import draft, one_paragraph  # noqa: E402

AUTOCORRECT_ONE = ("import sys, autocorrect_py; path = sys.argv[1]; "
                   "autocorrect_py.lint_for(open(path, encoding='utf-8').read(), path)")
AUTOCORRECT_MANY = ("import sys, pathlib, autocorrect_py\n"
                    "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
                    "    autocorrect_py.lint_for(path.read_text(encoding='utf-8'), str(path))\n")


def has_autocorrect() -> bool:
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        return False
    return True


# Runs a command and prints its exit code, wall seconds and peak RSS (KiB, of
# the largest process it waited for). A small process of its own, so that the
# peak RSS the command inherits at fork is this helper's, not the benchmark's.
MEASURE = ("import os, subprocess, sys, time\n"
           "start = time.perf_counter()\n"
           "process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
           "_, status, usage = os.wait4(process.pid, 0)\n"
           "print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_maxrss)\n")


def run_measured(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB of the largest process) of one run."""
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env,
                            check=True)
    code, wall, rss = result.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return float(wall), int(rss) / 1024  # ru_maxrss is in KiB on Linux


def median_run(command: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    results = [run_measured(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def reportlint_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker.cli", *args]


def warm_throughput(texts: list[tuple[str, str]], rounds: int) -> float:
    """Characters per second, one process, one core."""
    from checker.api import Config, lint_text

    config = Config.load()
    for path, text in texts:  # load the parser and dictionaries
        lint_text(text, path=path, config=config)
    characters = sum(len(text) for _, text in texts)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path, text in texts:
            lint_text(text, path=path, config=config)
        timings.append(time.perf_counter() - start)
    return characters / statistics.median(timings)


def autocorrect_throughput(texts: list[tuple[str, str]], rounds: int) -> float:
    import autocorrect_py

    characters = sum(len(text) for _, text in texts)
    timings = []
    for _ in range(rounds + 1):
        start = time.perf_counter()
        for path, text in texts:
            autocorrect_py.lint_for(text, path)
        timings.append(time.perf_counter() - start)
    return characters / statistics.median(timings[1:])


def paragraph_latency(repeats: int) -> float:
    """Median seconds to lint a one-paragraph document, warm."""
    from checker.api import Config, lint_text

    config = Config.load()
    text = one_paragraph()
    lint_text(text, path="draft.txt", config=config)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        lint_text(text, path="draft.txt", config=config)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def real_texts() -> list[tuple[str, str]]:
    files = sorted([*SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt")])
    if not files:
        raise SystemExit(f"no real drafts in {SHARED}/samples and {SHARED}/corpus")
    return [(str(path), path.read_text(encoding="utf-8")) for path in files]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and 200 drafts")
    parser.add_argument("--runs", type=int, help="runs per cold figure (default 9, quick 3)")
    parser.add_argument("--drafts", type=int, help="drafts in the batch figure (default 1000, quick 200)")
    parser.add_argument("--jobs", type=int, default=2, help="-j for the batch figure (default 2)")
    options = parser.parse_args()
    runs = options.runs or (3 if options.quick else 9)
    count = options.drafts or (200 if options.quick else 1000)
    autocorrect = has_autocorrect()
    rows: list[tuple[str, str, str, str]] = []

    def row(figure: str, ours: float, theirs: float | None, unit: str, lower_is_better: bool = True) -> None:
        ratio = ""
        if theirs:
            ratio = f"{ours / theirs:.1f}×" if lower_is_better else f"{theirs / ours:.1f}×"
        rows.append((figure, f"{ours:,.{1 if ours < 100 else 0}f} {unit}",
                     f"{theirs:,.{1 if theirs < 100 else 0}f} {unit}" if theirs else "—", ratio))
        print(f"{figure:<48} {rows[-1][1]:>14} {rows[-1][2]:>14} {ratio:>6}   (load {load_average()})", flush=True)

    print(f"reportlint benchmark: {runs} runs per cold figure, {count} drafts, -j {options.jobs}; "
          f"autocorrect-py {'measured' if autocorrect else 'not importable'}; load {load_average()}")
    work = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        one = work / "draft.txt"
        one.write_text(draft(7), encoding="utf-8")
        empty = work / "empty.txt"
        empty.write_text("", encoding="utf-8")
        subprocess.run(reportlint_command(str(one)), capture_output=True)  # fill the per-user cache

        cold, cold_rss = median_run(reportlint_command(str(one)), runs)
        theirs, theirs_rss = (median_run([sys.executable, "-c", AUTOCORRECT_ONE, str(one)], runs)
                              if autocorrect else (None, None))
        row(f"one draft ({len(draft(7)):,} characters), fresh process", cold * 1000,
            theirs and theirs * 1000, "ms")

        def first_run() -> float:
            shutil.rmtree(work / "no-cache", ignore_errors=True)
            return run_measured(reportlint_command(str(one)), {**os.environ, "XDG_CACHE_HOME": str(work / "no-cache")})[0]

        first = statistics.median(first_run() for _ in range(max(1, runs // 3)))
        row("the same, empty cache (a first run)", first * 1000, None, "ms")

        empty_wall, _ = median_run(reportlint_command(str(empty)), runs)
        theirs_empty = (median_run([sys.executable, "-c", AUTOCORRECT_ONE, str(empty)], runs)[0]
                        if autocorrect else None)
        row("empty file, fresh process", empty_wall * 1000, theirs_empty and theirs_empty * 1000, "ms")

        texts = real_texts()
        rounds = 3 if options.quick else 7
        ours_speed = warm_throughput(texts, rounds)
        theirs_speed = autocorrect_throughput(texts, rounds) if autocorrect else None
        characters = sum(len(text) for _, text in texts)
        row(f"warm, {len(texts)} real drafts ({characters / 1000:,.1f}k characters), per core",
            ours_speed / 1e6, theirs_speed and theirs_speed / 1e6, "M chars/s", lower_is_better=False)

        row("one-paragraph document, warm", paragraph_latency(200 if options.quick else 1000) * 1000, None, "ms")

        batch = work / "batch"
        batch.mkdir()
        batch_characters = 0
        for seed in range(count):
            text = draft(1000 + seed)
            batch_characters += len(text)
            (batch / f"draft{seed:04d}.txt").write_text(text, encoding="utf-8")
        batch_runs = 1 if options.quick else 3
        wall, rss = median_run(reportlint_command("-j", str(options.jobs), "--output-format", "concise",
                                                  str(batch)), batch_runs)
        theirs_wall, theirs_batch_rss = (median_run([sys.executable, "-c", AUTOCORRECT_MANY, str(batch)], batch_runs)
                                         if autocorrect else (None, None))
        label = f"{count:,} drafts ({batch_characters / 1e6:.1f} M characters), one call"
        row(f"{label}, -j {options.jobs} (autocorrect: one process)", wall, theirs_wall, "s")
        row(f"{label}: peak RSS of the largest process", rss, theirs_batch_rss, "MiB")
        row("peak RSS, one draft, fresh process", cold_rss, theirs_rss, "MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load_average()} (1/5/15 min); "
          f"medians of {runs} runs")
    print()
    print("| figure | reportlint | autocorrect-py | ratio |")
    print("|---|---|---|---|")
    for figure, ours, theirs, ratio in rows:
        print(f"| {figure} | {ours} | {theirs} | {ratio} |")


if __name__ == "__main__":
    main()
