"""A numbered label one character off a known one (for the fixed-expression rule
type): “三会一训” for “三会一课”, “两个拥护” for “两个维护”.

The labels are data: each expression entry may name its ``label`` (the numbered
formula it is about), and the expression file lists other numbered labels that
are correct in their own right (``known_labels``: 两个确保, 三个代表 …). A
candidate is a quoted word with a numeral in it, or — for labels with two
numerals (三会一课, 四议两公开), which no ordinary phrase resembles — the same
word unquoted. It is reported when it has the length of a label, differs from
it in exactly one character that is not a numeral, and is no known label itself.
"""

from __future__ import annotations

import re
from typing import Iterator

NUMERALS = "一二三四五六七八九十两双百"
QUOTED = re.compile(r"“([^”\n]{2,8})”")
CJK = "[\u4e00-\u9fff]"


class LabelIndex:
    """Every one-character-off shape of the labels, to find near misses in one pass."""

    def __init__(self, labels: dict[str, object], known: set[str]):
        self.labels = labels  # label -> what it belongs to (an expression)
        self.known = set(labels) | known
        self.shapes: dict[str, str] = {}
        unquoted = []
        for label in labels:
            for index, char in enumerate(label):
                if char not in NUMERALS:
                    self.shapes[label[:index] + "?" + label[index + 1:]] = label
                    if sum(c in NUMERALS for c in label) >= 2:
                        unquoted.append(re.escape(label[:index]) + CJK + re.escape(label[index + 1:]))
        self.unquoted = re.compile("|".join(sorted(unquoted, key=len, reverse=True))) if unquoted else None
        # a quoted word, or two numerals close together (三会一课, 两不愁三保障): most lines have neither
        self.gate = re.compile(f"“|[{NUMERALS}][^{NUMERALS}]{{1,2}}[{NUMERALS}]")

    def _label_for(self, word: str) -> str | None:
        if word in self.known:
            return None
        for index, char in enumerate(word):
            if char in NUMERALS:
                continue
            label = self.shapes.get(word[:index] + "?" + word[index + 1:])
            if label is not None:
                return label
        return None

    def near_misses(self, line: str) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, word, the label it misses) on ``line``."""
        if not self.gate.search(line):
            return
        seen = set()
        for match in QUOTED.finditer(line):
            label = self._label_for(match.group(1))
            if label is not None:
                seen.add(match.start(1))
                yield match.start(1), match.end(1), match.group(1), label
        if self.unquoted is None:
            return
        for match in self.unquoted.finditer(line):
            label = self._label_for(match.group(0))
            if label is not None and match.start() not in seen:
                yield match.start(), match.end(), match.group(0), label
