"""Lint many files, one after another or in worker processes, yielding each
file's result in the order the files were given, as soon as it is ready.

Memory does not grow with the number of files: at most a few results per
worker are in flight, and a result is handed on (and dropped) before the next
file beyond the window is submitted. Workers receive the configuration once,
when they start, and send back results without the parsed document and its facts.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, Optional, Sequence

from .api import Config, lint_file
from .model import FileError, FileResult

if TYPE_CHECKING:
    from concurrent.futures import Future

IN_FLIGHT_PER_WORKER = 4

_worker_configs: tuple[Config, ...] = ()


def job_count(jobs: int) -> int:
    """``-j 0`` means one worker per core this process may use; more workers
    than cores are not started (``-j 500`` on 2 cores would only add 498
    interpreters' memory: each worker loads the rules and the dictionary)."""
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    return min(jobs, cores) if jobs > 0 else cores


def _start_worker(configs: tuple[Config, ...]) -> None:
    global _worker_configs
    _worker_configs = configs


def _lint_in_worker(path: str, config_index: int, max_size: Optional[int]) -> FileResult:
    return replace(lint_file(path, _worker_configs[config_index], max_size), document=None, facts=None)


def _outcome(head: "Future | FileResult", path: str) -> FileResult:
    if isinstance(head, FileResult):
        return head
    try:
        return head.result()
    except Exception as error:  # noqa: BLE001 - a worker killed (out of memory, signal)
        return FileResult(path, error=FileError("internal", f"{path}: the worker checking it failed "
                                                            f"({type(error).__name__}: {error})"))


def lint_files(paths: Sequence[str], configs: Sequence[Config], jobs: int = 1,
               max_size: Optional[int] = None, stdin_name: Optional[str] = None) -> Iterator[FileResult]:
    """Each path's :class:`FileResult`, in the order of ``paths``; ``configs[i]``
    is the configuration of ``paths[i]`` (the same object for the files that
    share one: each distinct configuration goes to each worker once);
    ``max_size``: the file-size limit (see reading.max_file_size);
    ``stdin_name``: the name standard input (``-``) goes by (--stdin-filename)."""
    workers = min(job_count(jobs), len(paths))
    if workers <= 1:
        for path, config in zip(paths, configs):
            yield lint_file(path, config, max_size, stdin_name if path == "-" else None)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing only where workers run

    distinct = {id(config): config for config in configs}
    index_of = {key: index for index, key in enumerate(distinct)}
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker,
                             initargs=(tuple(distinct.values()),)) as pool:
        pending: deque[tuple[str, Future | FileResult]] = deque()
        upcoming = zip(paths, configs)

        def submit_next() -> None:
            for path, config in upcoming:
                # standard input belongs to this process: read and lint it here
                pending.append((path, lint_file(path, config, max_size, stdin_name) if path == "-"
                                else pool.submit(_lint_in_worker, path, index_of[id(config)], max_size)))
                return

        for _ in range(workers * IN_FLIGHT_PER_WORKER):
            submit_next()
        while pending:
            path, head = pending.popleft()
            submit_next()
            yield _outcome(head, path)
