"""A time limit on the rules of user packs: the runtime bound behind the
static regex guard (checker/regexsafety.py).

One budget per document: every user pattern run on a draft — each rule of a
user pack (or a built-in rule given patterns by a configuration), each search
of a user genre pack's pattern — spends from the same :class:`Budget`, opened
by :func:`document_budget` around the document's analysis and rules
(checker/api.py). A pattern that takes a little under any per-search limit on
every heading cannot add up to minutes: the document's user patterns together
stop at the budget. The budget is ``USER_PATTERN_SECONDS`` plus a second per
``CHARACTERS_PER_SECOND`` characters of the draft (a long draft gives honest
patterns more to read).

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
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional

USER_PATTERN_SECONDS = 2.0  # all user patterns together on one draft; a built-in rule takes milliseconds
CHARACTERS_PER_SECOND = 250_000  # and a second more per this many characters of the draft


class TimeLimitExceeded(Exception):
    """A rule that ran past its time limit; str() names it."""


class BudgetSpent(TimeLimitExceeded):
    """A user pattern not run at all: the document's budget was used up before it."""


@contextmanager
def time_limit(seconds: float, message: str) -> Iterator[None]:
    """Run the block; raise TimeLimitExceeded(``message``) after ``seconds``."""
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0]):  # someone else's timer is running: leave it
        yield
        return

    def expire(signum, frame):
        raise TimeLimitExceeded(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Budget:
    """The seconds the user patterns of one document may take together."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.spent = 0.0
        self.stopped: Optional[str] = None  # what ran over it
        self._running = False

    @contextmanager
    def spend(self, what: str) -> Iterator[None]:
        """Run the block on what is left of the budget; :class:`BudgetSpent`
        without running it where nothing is."""
        if self._running:  # a user pattern inside another's block: already counted
            yield
            return
        if self.stopped is not None or self.spent >= self.seconds:
            raise BudgetSpent(f"{what} was not run: {self.stopped or 'the user patterns'} used up the "
                              f"{self.seconds:.3g}-second limit of user patterns on this draft")
        start = time.perf_counter()
        self._running = True
        try:
            with time_limit(self.seconds - self.spent, f"{what} ran over the {self.seconds:.3g}-second limit of user "
                            "patterns on this draft and was stopped (a pattern that backtracks?)"):
                yield
        except TimeLimitExceeded:
            self.stopped = what
            raise
        finally:
            self._running = False
            self.spent += time.perf_counter() - start


_BUDGET: ContextVar[Optional[Budget]] = ContextVar("user_pattern_budget", default=None)


def budget_for(characters: int) -> float:
    """The seconds of a draft of ``characters`` characters (module docstring)."""
    return USER_PATTERN_SECONDS + characters / CHARACTERS_PER_SECOND


@contextmanager
def document_budget(seconds: float) -> Iterator[Budget]:
    """One document's budget: the user patterns run inside the block share it."""
    budget = Budget(seconds)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def bounded(what: str):
    """The block of one user pattern (rule or search), under the current
    document's budget; outside any (a rule run alone), a budget of its own."""
    return (_BUDGET.get() or Budget(USER_PATTERN_SECONDS)).spend(what)


class BoundedPattern:
    """A user's regular expression that is not run inside a rule (a genre
    pack's title, opening, alias and exclude patterns, matched by the analysis
    step): each search spends from the document's budget (:func:`bounded`).
    One that runs over is stopped with :class:`TimeLimitExceeded` naming it
    and its ``file:line`` (reported as an internal error, exit code 2) and from
    then on matches nothing in this process, unsearched: a pattern that
    backtracks without end costs the budget once, not once per heading, rule
    or draft. Once a document's budget is used up, the other user patterns
    match nothing on that document (the overrun is reported once).
    Otherwise it behaves as the compiled pattern."""

    def __init__(self, pattern: "re.Pattern", where: str):
        self.compiled = pattern
        self.where = where
        self.stopped: Optional[str] = None

    def search(self, text: str, *args) -> "Optional[re.Match]":
        if self.stopped:
            return None
        try:
            with bounded(f"pattern {self.compiled.pattern[:60]!r} ({self.where})"):
                return self.compiled.search(text, *args)
        except BudgetSpent:
            return None
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


__all__ = ["BoundedPattern", "Budget", "BudgetSpent", "TimeLimitExceeded", "USER_PATTERN_SECONDS", "bounded",
           "budget_for", "document_budget", "time_limit"]
