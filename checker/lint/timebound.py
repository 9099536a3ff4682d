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

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

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


__all__ = ["TimeLimitExceeded", "USER_RULE_SECONDS", "time_limit"]
