"""``[12/40] drafts/b.txt`` on one line of stderr while many files are
checked, for a person watching a terminal; nothing at all otherwise."""

from __future__ import annotations

from typing import TextIO

CLEAR_LINE = "\r\x1b[K"


class Progress:
    def __init__(self, stream: TextIO, total: int, enabled: bool):
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.shown = False

    def show(self, done: int, path: str) -> None:
        if not self.enabled:
            return
        self.stream.write(f"{CLEAR_LINE}[{done}/{self.total}] {path}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the progress line away (before other output, and at the end)."""
        if self.shown:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
            self.shown = False
