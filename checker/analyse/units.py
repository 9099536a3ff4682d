"""Whom the draft speaks for: its author lines and whether its author is one
township-level unit, and whether its genre anonymises the people it names.

- ``author_lines``: the title, the bylines under it and the closing block (the
  signature above the date) — the places where a draft names its own unit.
- ``one_unit``: the author lines name one 镇, 乡 or 街道 (青石镇党委书记 周立新, 柳林镇镇长,
  落款 某某街道办事处): such a draft speaks of itself, so 乡镇（街道） in it is a
  template alternative left unchosen. A county department writing about
  乡镇（街道） in general (全县乡镇（街道）便民服务中心全部建成) is not.
- ``anonymised``: the title names a genre that anonymises on purpose (通报,
  典型案例, 警示教育), or the title block names the draft's own unit or author
  with 某某 (中共某某镇委员会关于…, 某某同志…对照检查材料: a sample draft that
  anonymises itself throughout): 某某镇, 张某某 there are deliberate. A draft
  without a title is counted as anonymised too: nothing says it is a report
  going upward rather than a sample, so 某某 in it is not judged (precision first).
- ``own_kind_lines``: where a draft by one county or city organ (县卫生健康局,
  南城区市场监督管理局) offers alternatives of its own kind (局（委）, 区（县）): the
  template was written for every such organ and this one did not choose. 乡镇（街道）
  in a county department's draft is of another kind: a general statement.
- ``case_lines``: in a draft that does not anonymise as a whole, the lines that
  quote a case (典型案例：…, 以案说纪, 通报…): 某某镇某某村 there anonymises the case.
"""

from __future__ import annotations


from checker.model import Document
from checker.settings.lazy_regex import lazy_regex

# a township-level unit named as the author: 青石镇党委, 某某街道办事处, 城关镇人民政府
TOWNSHIP_AUTHOR = lazy_regex(r"[\u4e00-\u9fff]{1,6}?(?<![县市区省])(?:镇|乡|街道)(?=党委|党工委|人民政府|政府|办事处|纪委|"
                             r"副?(?:镇长|乡长)|[\s\u3000]|$)")
ANONYMISING_TITLE = lazy_regex(r"通报(?!表扬|表彰|嘉奖)|典型案例|典型问题|警示教育|案例汇编|以案促改|曝光")
# the kinds of unit a template offers as alternatives: 局（委）, 区（县）, 党委（党组）, 镇（乡）
UNIT_KIND = r"(?:街道|党工委|党委|党组|中心|[省市县区旗乡镇局委办厅处科所站])"
ALTERNATIVE = lazy_regex(rf"(?<![各全诸每所有和及、乡])({UNIT_KIND})（[省市县区旗乡镇局委办厅处科所站街道党工组中心、/]{{1,8}}）")
CASE_LINE = lazy_regex(r"案例|典型问题|以案|通报(?!表扬|表彰|嘉奖)|曝光|警示教育")


def author_lines(document: Document, closing_lines: frozenset[int]) -> frozenset[int]:
    lines = {number for number, kind in document.line_kinds.items() if kind in ("title", "byline")}
    return frozenset(lines | set(closing_lines))


def speaks_for_one_township(document: Document, lines: frozenset[int]) -> bool:
    return any(TOWNSHIP_AUTHOR.search(document.lines[number - 1].strip()) for number in lines)


def anonymises(document: Document, title_block: tuple[str, ...]) -> bool:
    if document.title is None:
        return True
    return any(ANONYMISING_TITLE.search(line) or "某某" in line for line in title_block[:2])


def case_lines(document: Document) -> frozenset[int]:
    return frozenset(number for number, line in enumerate(document.lines, 1)
                     if "某某" in line and CASE_LINE.search(line))


def own_kind_lines(document: Document, authors: frozenset[int]) -> frozenset[int]:
    """The lines with an alternative whose first unit is of a kind the author lines name."""
    named = "".join(document.lines[number - 1] for number in authors)
    if not named:
        return frozenset()
    return frozenset(number for number, line in enumerate(document.lines, 1)
                     if "（" in line and any(m.group(1) in named for m in ALTERNATIVE.finditer(line)))
