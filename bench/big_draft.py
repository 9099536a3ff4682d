"""A draft at the size limit, full of findings (issue 22: at 50 MB one took
153 s and 5 GB, its JSON 450 MB): wall and CPU time, peak RSS and output size
per output format, from a fresh process each (``--max-file-size 1G``, so sizes
over the default limit are measured too).

    python bench/big_draft.py [MB…] [--formats full,json]   # default: 1 5 8 10, every format

The draft repeats one line with two findings (a placeholder and a half-width
comma) under a title, up to the size asked. Record the output in
docs/performance.md; not a test (nothing here asserts).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LINE = "今年完成了XX项工作,成效明显。\n"  # 2 findings, 43 bytes
FORMATS = ("full", "concise", "json", "sarif", "github", "html")


def measured(command: list[str], output: Path) -> tuple[int, float, float, float, int]:
    """(exit code, wall seconds, CPU seconds, peak RSS in MiB, output bytes) of one fresh run."""
    with open(output, "wb") as stream:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=stream, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    return (os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
            output.stat().st_size)


def main(argv: list[str]) -> None:
    formats = FORMATS
    if "--formats" in argv:
        at = argv.index("--formats")
        formats = tuple(argv[at + 1].split(","))
        argv = argv[:at] + argv[at + 2:]
    sizes = [float(a) for a in argv] or [1.0, 5.0, 8.0, 10.0]
    reportlint = [sys.executable, "-m", "checker.cli", "--max-file-size", "1G"]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'draft':>8} {'lines':>10} {'format':>7} {'exit':>4} {'wall':>8} {'CPU':>8} {'peak RSS':>10} "
          f"{'output':>12} {'load':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            draft = Path(folder) / "big.txt"
            lines = int(megabytes * 1024 * 1024 - 100) // len(LINE.encode("utf-8"))
            draft.write_text("关于某某工作的报告\n" + LINE * lines, encoding="utf-8")
            for format_name in formats:
                code, wall, cpu, rss, size = measured([*reportlint, "--format", format_name, str(draft)],
                                                      Path(folder) / "out")
                print(f"{megabytes:>6g}MB {lines:>10,} {format_name:>7} {code:>4} {wall:>7.1f}s {cpu:>7.1f}s "
                      f"{rss:>7,.0f} MiB {size / 1024 ** 2:>9,.1f} MB {os.getloadavg()[0]:>5.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
