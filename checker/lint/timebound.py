"""A time limit on the rules of user packs: the runtime bound behind the
static regex guard (checker/regexsafety.py).

Python's ``re`` cannot be given a deadline, but a signal interrupts a match:
:func:`time_limit` arms a one-shot interval timer (``SIGALRM``) and raises
:class:`TimeLimitExceeded` in the code that is running when it fires. Signals
reach the main thread only, so whatever lints must do so in the main thread:
the command line does (and each ``-j`` worker process), and so does the
language server (checker/lsp.py: the protocol runs in a second thread). In any
other thread, and on Windows, it does nothing and the static guard is the
only bound.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional

USER_RULE_SECONDS = 2.0  # one user rule on one draft; a built-in rule takes milliseconds


class TimeLimitExceeded(Exception):
    """A rule that ran past its time limit; str() names it."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Run the block; raise TimeLimitExceeded(``what`` …) after ``seconds``."""
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0]):  # someone else's timer is running: leave it
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(f"{what} ran over its {seconds:g}-second limit and was stopped "
                                "(a pattern that backtracks?)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class BoundedPattern:
    """A user's regular expression that is not run inside a rule (a genre
    pack's title, opening, alias and exclude patterns, matched by the analysis
    step): each search has USER_RULE_SECONDS. One that runs over is stopped
    with :class:`TimeLimitExceeded` naming it and its ``file:line`` (the rule
    that asked for the analysis reports it as an internal error, exit code 2)
    and from then on matches nothing in this process, unsearched: a pattern
    that backtracks without end costs its limit once, not once per heading,
    rule or draft. Otherwise it behaves as the compiled pattern."""

    def __init__(self, pattern: "re.Pattern", where: str):
        self.compiled = pattern
        self.where = where
        self.stopped: Optional[str] = None

    def search(self, text: str, *args) -> "Optional[re.Match]":
        if self.stopped:
            return None
        try:
            with time_limit(USER_RULE_SECONDS, f"pattern {self.compiled.pattern[:60]!r} ({self.where})"):
                return self.compiled.search(text, *args)
        except TimeLimitExceeded as error:
            self.stopped = str(error)
            raise

    def __getattr__(self, name: str):  # .pattern, .flags… of the compiled pattern
        if name == "compiled":  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __getstate__(self) -> dict:
        return dict(self.__dict__)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)


__all__ = ["BoundedPattern", "TimeLimitExceeded", "USER_RULE_SECONDS", "time_limit"]
