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

Figures (the real drafts: ../shared/samples, ../shared/corpus and tests/drafts):
  cold drafts   each real draft from a fresh process (`reportlint draft.txt`;
                the per-user cache already filled), beside autocorrect-py
                linting it from a fresh process, alternated: the median ratio,
                and the worst draft by name with its ratio
  cold, no cache  the largest sample with an empty cache directory (a first run)
  empty file    an empty file from a fresh process
  warm          characters per second per core in one process over every
                real draft, all rules
  paragraph     one one-paragraph document, warm (editor re-lint latency)
  one line      30,000 findings on one line (`今年完成了XX项工作，` × 30,000),
                each output format, a fresh process
  batch         1,000 real drafts (the real drafts repeated) in one call with
                -j 2: wall time, CPU time of every process (the workers
                included: under load the wall time of -j 2 depends on the
                cores left), and the peak RSS of the largest process;
                autocorrect-py lints them in one process
  peak memory   the highest peak RSS of any cold real-draft run

Fresh processes run as a user's do: bytecode cached (PYTHONDONTWRITEBYTECODE
is dropped), the per-user cache filled (one of the benchmark's own).
Each fresh-process figure is both wall and CPU (user + system) time: on the
shared machine the load inflates wall time, so compare CPU where it is high.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from bench.drafts import one_paragraph  # noqa: E402

AUTOCORRECT_ONE = ("import sys, autocorrect_py; path = sys.argv[1]; "
                   "autocorrect_py.lint_for(open(path, encoding='utf-8').read(), path)")
AUTOCORRECT_MANY = ("import sys, pathlib, autocorrect_py\n"
                    "for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
                    "    autocorrect_py.lint_for(path.read_text(encoding='utf-8'), str(path))\n")


def has_autocorrect() -> bool:
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        return False
    return True


# Runs a command and prints its exit code, wall seconds, CPU seconds (user +
# system) and peak RSS (KiB, of the largest process it waited for). A small
# process of its own, so that the peak RSS the command inherits at fork is
# this helper's, not the benchmark's.
MEASURE = ("import os, subprocess, sys, time\n"
           "start = time.perf_counter()\n"
           "process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
           "_, status, usage = os.wait4(process.pid, 0)\n"
           "print(os.waitstatus_to_exitcode(status), time.perf_counter() - start,\n"
           "      usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n")


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # seconds, user + system, the command and its children
    rss: float  # MiB, the largest process


def run_measured(command: list[str], env: dict | None = None) -> Run:
    result = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env,
                            check=True)
    code, wall, cpu, rss = result.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return Run(float(wall), float(cpu), int(rss) / 1024)  # ru_maxrss is in KiB on Linux


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
               statistics.median(r.rss for r in runs))


def alternated(commands: list[list[str]], runs: int, env: dict | None = None) -> list[Run]:
    """The median run of each command, the commands run in turn ``runs`` times
    (so that a change of load touches all of them alike)."""
    results: list[list[Run]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            results[index].append(run_measured(command, env))
    return [median(r) for r in results]


def reportlint_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "checker.cli", *args]


def autocorrect_command(path: str) -> list[str]:
    return [sys.executable, "-c", AUTOCORRECT_ONE, path]


def warm_throughput(texts: list[tuple[str, str]], rounds: int) -> float:
    """Characters per CPU second, one process, one core."""
    from checker.api import Config, lint_text

    config = Config.load()
    for path, text in texts:  # load the parser and dictionaries
        lint_text(text, path=path, config=config)
    characters = sum(len(text) for _, text in texts)
    timings = []
    for _ in range(rounds):
        start = time.process_time()
        for path, text in texts:
            lint_text(text, path=path, config=config)
        timings.append(time.process_time() - start)
    return characters / statistics.median(timings)


def autocorrect_throughput(texts: list[tuple[str, str]], rounds: int) -> float:
    import autocorrect_py

    characters = sum(len(text) for _, text in texts)
    timings = []
    for _ in range(rounds + 1):
        start = time.process_time()
        for path, text in texts:
            autocorrect_py.lint_for(text, path)
        timings.append(time.process_time() - start)
    return characters / statistics.median(timings[1:])


def paragraph_latency(repeats: int) -> float:
    """Median CPU seconds to lint a one-paragraph document, warm."""
    from checker.api import Config, lint_text

    config = Config.load()
    text = one_paragraph()
    lint_text(text, path="draft.txt", config=config)
    timings = []
    for _ in range(repeats):
        start = time.process_time()
        lint_text(text, path="draft.txt", config=config)
        timings.append(time.process_time() - start)
    return statistics.median(timings)


def load_average() -> str:
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def real_drafts() -> list[Path]:
    """Every real draft: the samples, the corpus and tests/drafts."""
    files = sorted([*SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt")])
    if not files:
        raise SystemExit(f"no real drafts in {SHARED}/samples and {SHARED}/corpus")
    files += sorted(path for path in (ROOT / "tests" / "drafts").rglob("*") if path.suffix in (".txt", ".md"))
    return files


def real_texts() -> list[tuple[str, str]]:
    return [(str(path), path.read_text(encoding="utf-8")) for path in real_drafts()]


ONE_LINE = "今年完成了XX项工作，"  # one placeholder finding each
FORMATS = ("full", "concise", "json", "sarif", "github", "html")


def digits(value: float) -> int:
    """Decimals shown: two below 10 (0.36 M chars/s, 2.25 s), one below 100, none above."""
    return 2 if value < 10 else 1 if value < 100 else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and 200 drafts")
    parser.add_argument("--runs", type=int, help="runs per cold figure (default 5, quick 1)")
    parser.add_argument("--drafts", type=int, help="drafts in the batch figure (default 1000, quick 200)")
    parser.add_argument("--jobs", type=int, default=2, help="-j for the batch figure (default 2)")
    parser.add_argument("--batch-runs", type=int, help="runs of the batch figure (default 3, quick 1)")
    parser.add_argument("--findings", type=int, default=30_000, help="findings on the one line (default 30,000)")
    options = parser.parse_args()
    runs = options.runs or (1 if options.quick else 5)
    count = options.drafts or (200 if options.quick else 1000)
    autocorrect = has_autocorrect()
    rows: list[tuple[str, str, str, str]] = []

    def row(figure: str, ours: float, theirs: float | None, unit: str, lower_is_better: bool = True) -> None:
        ratio = ""
        if theirs:
            ratio = f"{ours / theirs:.1f}×" if lower_is_better else f"{theirs / ours:.1f}×"
        rows.append((figure, f"{ours:,.{digits(ours)}f} {unit}",
                     f"{theirs:,.{digits(theirs)}f} {unit}" if theirs else "—", ratio))
        print(f"{figure:<60} {rows[-1][1]:>14} {rows[-1][2]:>14} {ratio:>6}   (load {load_average()})", flush=True)

    print(f"reportlint benchmark: {runs} runs per cold figure, {count} drafts, -j {options.jobs}; "
          f"autocorrect-py {'measured' if autocorrect else 'not importable'}; load {load_average()}")
    work = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    # As a user runs it: Python's bytecode cached (a shell with
    # PYTHONDONTWRITEBYTECODE=1 makes every fresh process compile the package's
    # source again, ~100 ms), and a per-user cache of the benchmark's own, filled
    # once by linting every real draft (not one that other processes sharing
    # ~/.cache/reportlint keep replacing).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    try:
        drafts = real_drafts()
        subprocess.run(reportlint_command(*map(str, drafts)), capture_output=True)  # bytecode and the per-user cache

        # cold, each real draft, alternated with autocorrect-py on the same draft
        per_draft: list[tuple[Path, Run, Run | None]] = []
        for path in drafts:
            commands = [reportlint_command(str(path))] + ([autocorrect_command(str(path))] if autocorrect else [])
            measured = alternated(commands, runs)
            per_draft.append((path, measured[0], measured[1] if autocorrect else None))
        ours_cpu = statistics.median(r.cpu for _, r, _ in per_draft)
        ours_wall = statistics.median(r.wall for _, r, _ in per_draft)
        theirs_cpu = statistics.median(t.cpu for _, _, t in per_draft) if autocorrect else None
        theirs_wall = statistics.median(t.wall for _, _, t in per_draft) if autocorrect else None
        row(f"cold, {len(drafts)} real drafts, median per draft: CPU", ours_cpu * 1000,
            theirs_cpu and theirs_cpu * 1000, "ms")
        row(f"cold, {len(drafts)} real drafts, median per draft: wall", ours_wall * 1000,
            theirs_wall and theirs_wall * 1000, "ms")
        if autocorrect:
            ratios = sorted((r.cpu / t.cpu, path, r, t) for path, r, t in per_draft)
            print(f"{'cold: median ratio (CPU) over the drafts':<60} {statistics.median(x[0] for x in ratios):.1f}×")
            worst, path, r, t = ratios[-1]
            row(f"cold, worst draft ({path.name}, {len(path.read_text(encoding='utf-8')):,} characters): CPU",
                r.cpu * 1000, t.cpu * 1000, "ms")
        heaviest = max(per_draft, key=lambda item: item[1].rss)
        first_runs = []
        for _ in range(max(1, runs // 2)):
            shutil.rmtree(work / "no-cache", ignore_errors=True)
            first_runs.append(run_measured(reportlint_command(str(drafts[0])),
                                           {**os.environ, "XDG_CACHE_HOME": str(work / "no-cache")}))
        first = [median(first_runs)]
        row(f"the same ({drafts[0].name}), empty cache (a first run): CPU", first[0].cpu * 1000, None, "ms")
        row("the same, empty cache: peak RSS", first[0].rss, None, "MiB")

        empty = work / "empty.txt"
        empty.write_text("", encoding="utf-8")
        measured = alternated([reportlint_command(str(empty))] + ([autocorrect_command(str(empty))]
                                                                   if autocorrect else []), runs)
        row("empty file, fresh process: CPU", measured[0].cpu * 1000,
            measured[1].cpu * 1000 if autocorrect else None, "ms")
        row("empty file, fresh process: wall", measured[0].wall * 1000,
            measured[1].wall * 1000 if autocorrect else None, "ms")

        texts = real_texts()
        rounds = 3 if options.quick else 7
        ours_speed = warm_throughput(texts, rounds)
        theirs_speed = autocorrect_throughput(texts, rounds) if autocorrect else None
        characters = sum(len(text) for _, text in texts)
        row(f"warm, {len(texts)} real drafts ({characters / 1000:,.1f}k characters), per core (CPU)",
            ours_speed / 1e6, theirs_speed and theirs_speed / 1e6, "M chars/s", lower_is_better=False)

        row("one-paragraph document, warm (CPU)", paragraph_latency(200 if options.quick else 1000) * 1000, None,
            "ms")

        line = work / "one-line.txt"
        line.write_text("关于某某工作的报告\n" + ONE_LINE * options.findings + "\n", encoding="utf-8")
        for name in FORMATS:
            result = run_measured(reportlint_command("--output-format", name, str(line)))
            row(f"{options.findings:,} findings on one line, {name}: CPU", result.cpu, None, "s")

        batch = work / "batch"
        batch.mkdir()
        batch_characters = 0
        for index in range(count):
            source = drafts[index % len(drafts)]
            text = source.read_text(encoding="utf-8")
            batch_characters += len(text)
            (batch / f"draft{index:04d}{source.suffix}").write_text(text, encoding="utf-8")
        batch_runs = options.batch_runs or (1 if options.quick else 3)
        commands = [reportlint_command("-j", str(options.jobs), "--output-format", "concise", str(batch))]
        if autocorrect:
            commands.append([sys.executable, "-c", AUTOCORRECT_MANY, str(batch)])
        measured = alternated(commands, batch_runs)
        label = f"{count:,} real drafts ({batch_characters / 1e6:.1f} M characters), one call"
        row(f"{label}, -j {options.jobs} (autocorrect: one process): wall", measured[0].wall,
            measured[1].wall if autocorrect else None, "s")
        row(f"{label}: CPU, every process (autocorrect: one process)", measured[0].cpu,
            measured[1].cpu if autocorrect else None, "s")
        row(f"{label}: peak RSS of the largest process", measured[0].rss,
            measured[1].rss if autocorrect else None, "MiB")
        row(f"peak RSS, cold, the heaviest real draft ({heaviest[0].name})", heaviest[1].rss,
            heaviest[2].rss if heaviest[2] else None, "MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load_average()} (1/5/15 min); "
          f"medians of {runs} alternated runs")
    print()
    print("| figure | reportlint | autocorrect-py | ratio |")
    print("|---|---|---|---|")
    for figure, ours, theirs, ratio in rows:
        print(f"| {figure} | {ours} | {theirs} | {ratio} |")


if __name__ == "__main__":
    main()
