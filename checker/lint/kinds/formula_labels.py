"""A numbered label one character off a known one (for the fixed-expression rule
type): “三会一训” for “三会一课”, “两个拥护” for “两个维护”.

The labels are data: each expression entry may name its ``label`` (the numbered
formula it is about), and the expression file lists other numbered labels that
are correct in their own right (``known_labels``: 两个确保, 三个代表 …). A
candidate is a quoted word with a numeral in it, or — for labels with two
numerals (三会一课, 四议两公开), which no ordinary phrase resembles — the same
word unquoted. It is reported when it has the length of a label, differs from
it in exactly one character, and is no known label itself. The character that
differs is not a numeral in the candidate (两个务必 and 三个务必 are two
formulas), except a later numeral of a quoted label with two numerals
(“四议三公开” for 四议两公开, “三会两课”): such labels vary only their first
numeral (三位一体, 四位一体); a numeral of the label may be replaced by another word only in a
quoted candidate (“一岗多责” for 一岗双责).

A label with two numerals (三管三必须) may also have its last word of two
characters replaced, in a quoted candidate (“三管三负责”).

The known labels of four characters or more (两学一做, 四个不摘) are targets
too: a quoted word one character off one of them is reported, with a general
advice (``KNOWN_ADVICE``), since the file names no entry for them.
"""

from __future__ import annotations

import re
from typing import Iterator
from checker.settings.lazy_regex import lazy_regex

NUMERALS = "一二三四五六七八九十两双百"
QUOTED = lazy_regex(r"“([^”\n]{2,8})”")
CJK = "[\u4e00-\u9fff]"


KNOWN_TARGET_LENGTH = 4  # shorter known labels (三农, 六稳) are one character off too many words
KNOWN_ADVICE = "数字概括的提法一字不易，核对原文"


class LabelIndex:
    """Every one-character-off shape of the labels, to find near misses in one pass."""

    def __init__(self, labels: dict[str, object], known: set[str]):
        self.labels = labels  # label -> what it belongs to (an expression)
        self.known = set(labels) | known
        self.shapes: dict[str, str] = {}
        unquoted = []
        targets = list(labels) + sorted(k for k in known if len(k) >= KNOWN_TARGET_LENGTH and k not in labels)
        for label in targets:
            if sum(c in NUMERALS for c in label) >= 2 and not any(c in NUMERALS for c in label[-2:]):
                # the last word of a label with two numerals (三管三必须 → “三管三负责”), quoted only
                self.shapes.setdefault(label[:-2] + "??", label)
            for index, char in enumerate(label):
                self.shapes.setdefault(label[:index] + "?" + label[index + 1:], label)
                if char not in NUMERALS and label in labels and sum(c in NUMERALS for c in label) >= 2:
                    unquoted.append(re.escape(label[:index]) + CJK + re.escape(label[index + 1:]))
        self.unquoted = re.compile("|".join(sorted(unquoted, key=len, reverse=True))) if unquoted else None
        # a quoted word, or two numerals close together (三会一课, 两不愁三保障): most lines have neither
        self.gate = re.compile(f"“|[{NUMERALS}][^{NUMERALS}]{{1,2}}[{NUMERALS}]")

    def _label_for(self, word: str, quoted: bool) -> str | None:
        if word in self.known:
            return None
        for index, char in enumerate(word):
            if char in NUMERALS:
                label = self.shapes.get(word[:index] + "?" + word[index + 1:])
                if quoted and index > 0 and label is not None and label[index] in NUMERALS \
                        and sum(c in NUMERALS for c in label) >= 2:
                    return label  # a later numeral of a two-numeral label (“四议三公开”); N位一体 vary the first
                continue
            label = self.shapes.get(word[:index] + "?" + word[index + 1:])
            if label is not None and (quoted or (label in self.labels and label[index] not in NUMERALS)):
                return label
        if quoted and len(word) > 2 and not any(c in NUMERALS for c in word[-2:]):
            return self.shapes.get(word[:-2] + "??")
        return None

    def near_misses(self, line: str) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, word, the label it misses) on ``line``."""
        if not self.gate.search(line):
            return
        seen = set()
        for match in QUOTED.finditer(line):
            label = self._label_for(match.group(1), quoted=True)
            if label is not None:
                seen.add(match.start(1))
                yield match.start(1), match.end(1), match.group(1), label
        if self.unquoted is None:
            return
        for match in self.unquoted.finditer(line):
            label = self._label_for(match.group(0), quoted=False)
            if label is not None and match.start() not in seen:
                yield match.start(), match.end(), match.group(0), label
