"""One wrong member in a listed formula (for the fixed-expression rule type).

A formula such as 创新、协调、绿色、开放、共享 is written as a list: items joined by
、 (the last one also by 和/及/与). A list of as many items as one of the formula's
groups, in which every item but one is a distinct member and the one left over
looks like the member it replaces, is a wrong member — in any order of listing,
with or without the formula's label nearby. The groups are read from the entry's
canonical form: 严以修身、严以用权、严以律己，谋事要实、创业要实、做人要实 has two
groups of three, separated by ，.

What keeps it quiet on clean text:
- the list is one clause (，。；：and brackets end it) and the window is the whole
  list, or — in a longer list — the stranger stands between two members or
  shares the members' common affix (民族自信 among …自信);
- the member it would replace appears nowhere in the list's clause (经济建设…生态文明建设和
  党的建设 names all five, and a sixth item is an addition, not a replacement; 医药 in
  深化医药卫生体制改革 before the list does not count);
- the stranger looks like the missing member: as long as it, or sharing its first
  or last character, or the affix all members share; no digits, no brackets. The
  last item ends before a word that may follow a list (…生活富裕的总要求), before an
  opening quotation mark (…党的建设“五位一体”: the label after the list) or, when
  nothing marks its end, after as many characters as the member it replaces
  (…美育、安全教育五育并举: 安全教育).
- an item may carry a short lead word shared by the list (坚持人民至上、坚持自信自立).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from checker.lexicon import QUOTE_MARKS as QUOTES
from checker.settings.lazy_regex import lazy_regex

CLAUSE = lazy_regex(r"[^。；！？：;!?:，,（）()【】\[\]]+")
LAST_JOINER = lazy_regex(r"和|及|与|以及")
# what may follow the last item of a list inside its clause (…生活富裕的总要求, …稳预期工作)
AFTER_LAST = lazy_regex(r"的|等|和|及|与|工作|战略|总体|理念|要求|目标|方针|制度|精神|布局|体系|$")
MAX_LEAD = 4  # 坚持, 必须坚持


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


def list_chains(line: str) -> list[list[Segment]]:
    """The 、-joined lists of ``line``, one per clause that has a 、."""
    chains = []
    for clause in CLAUSE.finditer(line):
        if "、" not in clause.group():
            continue
        segments, start = [], clause.start()
        for part in clause.group().split("、"):
            segments.append(Segment(start, start + len(part), part))
            start += len(part) + 1
        chains.append(segments)
    return chains


def _affix(words: tuple[str, ...]) -> tuple[str, str]:
    prefix = words[0]
    suffix = words[0]
    for word in words[1:]:
        while not word.startswith(prefix):
            prefix = prefix[:-1]
        while not word.endswith(suffix):
            suffix = suffix[1:]
    return prefix, suffix


def _split_last(chain: list[Segment], group: tuple[str, ...]) -> list[Segment]:
    """The last item joined by 和/及/与 (享乐主义和奢靡之风) becomes two items, when
    one side of the joiner is a member."""
    last = chain[-1]
    for joiner in reversed(list(LAST_JOINER.finditer(last.text))):
        left, right = last.text[: joiner.start()], last.text[joiner.end():]
        if left and right and (left in group or any(right.startswith(m) for m in group)):
            cut = last.start + joiner.start()
            return chain[:-1] + [Segment(last.start, cut, left), Segment(cut + len(joiner.group()), last.end, right)]
    return chain


def _text(segment: Segment, lead: str) -> tuple[int, str]:
    """(offset in the line, text) of an item without its quotes and lead word."""
    text = segment.text
    offset = segment.start + len(text) - len(text.lstrip(QUOTES))
    text = text.strip(QUOTES)
    if lead and text.startswith(lead):
        offset, text = offset + len(lead), text[len(lead):]
    return offset, text


def _is(text: str, member: str, where: str) -> bool:
    if where == "first":
        return text.endswith(member)
    if where == "last":
        return text.startswith(member)
    return text == member


def _stranger(offset: int, text: str, where: str, missing: str) -> Optional[Segment]:
    if where == "first":
        size = min(len(text), len(missing))
        return Segment(offset + len(text) - size, offset + len(text), text[-size:])
    if where == "last":
        # where the item may end: before a word that may follow a list (的, 等, 工作…) or, with
        # no such word (安全教育五育并举, 规范化一流营商环境), after as many characters as the
        # member it replaces
        # no item runs across an opening quotation mark (…党的建设“五位一体”)
        text = text[:next((i for i, char in enumerate(text) if char in "“\"‘《"), len(text))]
        cuts = [cut for cut in range(2, min(len(text), len(missing) + 2) + 1)
                if AFTER_LAST.match(text, cut) or cut == len(missing)]
        if not cuts:
            return None
        size = min(cuts, key=lambda cut: abs(cut - len(missing)))
        return Segment(offset, offset + size, text[:size])
    return Segment(offset, offset + len(text), text)


def _looks_like(stranger: str, missing: str, affix: tuple[str, str]) -> bool:
    if not 2 <= len(stranger) <= len(missing) + 2 or re.search(r"[0-9０-９A-Za-z（）()“”、]", stranger):
        return False
    prefix, suffix = affix
    return (len(stranger) == len(missing) or stranger[0] == missing[0] or stranger[-1] == missing[-1]
            or bool(prefix and stranger.startswith(prefix)) or bool(suffix and stranger.endswith(suffix)))


def _lead(window: list[Segment], affix: tuple[str, str]) -> str:
    """A short word every item after the first begins with (坚持), unless it is the
    members' own common beginning (严以)."""
    texts = [segment.text.strip(QUOTES) for segment in window[1:]]
    lead = texts[0] if texts else ""
    for text in texts[1:]:
        while not text.startswith(lead):
            lead = lead[:-1]
    lead = lead[:MAX_LEAD]
    if not lead or (affix[0] and (affix[0].startswith(lead) or lead.startswith(affix[0]))):
        return ""
    return lead


def wrong_members(line: str, chains: list[list[Segment]], group: tuple[str, ...]) -> Iterator[tuple[Segment, str]]:
    """(the stranger, the member it replaces) for each list of ``line`` that is
    ``group`` with one member replaced."""
    size = len(group)
    affix = _affix(group)
    by_length = sorted(group, key=len, reverse=True)
    for raw in chains:
        chain = _split_last(raw, group)
        for first in range(0, len(chain) - size + 1):
            window = chain[first:first + size]
            wheres = ["first"] + ["inner"] * (size - 2) + ["last"]
            found = _judge(line[raw[0].start:raw[-1].end], window, wheres, by_length, affix, whole=len(chain) == size)
            if found:
                yield found
                break


def _judge(clause: str, window: list[Segment], wheres: list[str], group: list[str], affix: tuple[str, str],
           whole: bool) -> Optional[tuple[Segment, str]]:
    lead = _lead(window, affix)
    matched: list[str] = []
    unmatched = []
    for index, (segment, where) in enumerate(zip(window, wheres)):
        offset, text = _text(segment, lead if index else "")
        member = next((m for m in group if _is(text, m, where)), None)
        if member is None or member in matched:
            unmatched.append((offset, text, where))
        else:
            matched.append(member)
    if len(unmatched) != 1 or len(matched) != len(group) - 1:
        return None
    [missing] = [m for m in group if m not in matched]
    if missing in clause:
        return None
    offset, text, where = unmatched[0]
    stranger = _stranger(offset, text, where, missing)
    if stranger is None or stranger.text in group or not _looks_like(stranger.text, missing, affix):
        return None
    prefix, suffix = affix
    shares_affix = bool((prefix and stranger.text.startswith(prefix)) or (suffix and stranger.text.endswith(suffix)))
    if not whole and where != "inner" and not shares_affix:
        return None
    return stranger, missing
