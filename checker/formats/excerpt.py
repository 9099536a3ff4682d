"""The source excerpt under a finding: the line around the span, the span
marked with carets on the next line, lined up in a terminal.

What the author types into Word's Find is the text shown, so the real characters
are kept; only characters a terminal would not show faithfully are replaced by a
visible stand-in (a tab by →, a no-break or other odd space by ⍽, a control or
format character such as a zero-width space by ⍰). Widths follow Unicode East
Asian Width: Wide and Fullwidth characters (汉字, full-width punctuation, the
ideographic space) take two columns, combining marks none, the rest one
(Ambiguous ones such as “” take one, as in most terminals).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

CONTEXT = 20  # characters shown on each side of the span
LONGEST_SPAN = 40  # characters of a longer span shown before it is cut
ELLIPSIS = "…"
ORDINARY_SPACES = (" ", "\u3000")


def shown(character: str) -> str:
    """What stands for ``character`` in an excerpt."""
    if character == "\t":
        return "→"
    category = unicodedata.category(character)
    if category == "Zs" and character not in ORDINARY_SPACES:
        return "⍽"
    if category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return "⍰"
    return character


def width(text: str) -> int:
    """Terminal columns ``text`` takes."""
    columns = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) == "Me":
            continue
        columns += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return columns


@dataclass(frozen=True)
class Excerpt:
    text: str  # the line, cut to a window around the span, odd characters shown
    marker_start: int  # terminal columns before the marker
    marker_width: int  # terminal columns of the marker (at least 1)


def excerpt(line: str, start: int, end: int) -> Excerpt:
    """The window of ``line`` around ``line[start:end]`` (0-based code points;
    ``end`` may lie past the line, ``start == end`` marks one position)."""
    start = min(start, len(line))
    end = min(max(end, start), len(line))
    visible_end = min(end, start + LONGEST_SPAN)
    left = max(0, start - CONTEXT)
    right = min(len(line), visible_end + CONTEXT) if visible_end == end else visible_end
    # only the window is looked at (``shown`` maps one character to one), so an
    # excerpt costs the same on a 10-character line and on a 10-million one
    before = (ELLIPSIS if left else "") + _shown(line[left:start])
    span = _shown(line[start:visible_end])
    after = _shown(line[visible_end:right]) + (ELLIPSIS if right < len(line) else "")
    return Excerpt(before + span + after, width(before), max(1, width(span)))


def _shown(text: str) -> str:
    return "".join(shown(c) for c in text)


BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_name(name: str) -> str:
    """A file name as a terminal may show it: control characters (an OSC or
    CSI escape, a newline), bidi controls (U+202E) and bytes that were not
    UTF-8 (surrogate escapes) written as ``\\xNN`` / ``\\uNNNN`` escapes; the
    rest as it is."""
    if name.isprintable() and not BIDI_CONTROLS.intersection(name):
        return name
    out = []
    for character in name:
        code = ord(character)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif character in BIDI_CONTROLS or not character.isprintable():
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(character)
    return "".join(out)
