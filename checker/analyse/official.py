"""The parts of an official document (公文, GB/T 9704-2012 党政机关公文格式),
found once per document for the analysis step (``Facts.official``).

From the top: the 发文字号 (a line near the top that reads as an issuing
number, 某区建〔2025〕18号, also written wrongly: [2025], (25), 第18号); the
title (after the 发文机关标志 and the number where they stand above it) and the
文种 its end names (报告, 请示, 通知…); the 主送机关 (the line right under the
title, addressing organs); the body; the 附件说明 (附件：… and the numbered
lines continuing it, before the signature); the 成文日期 (the closing block's
date); the attachments appended after it (附件1 or 附件 alone, then the
attachment's title on the next line); the 抄送 line of the 版记.

Rule types (checker/kinds/official.py) judge these parts; they never look for
them again. Everything here reads lines and the parser's line kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from checker.model import Document
from checker.lexicon import BLANKS, COMMAS, FULLWIDTH_SENTENCE_END
from checker.settings.lazy_regex import lazy_regex
from checker.settings.wordlists import threshold

# an issuing number as written, right or wrong: 机关代字 + year in some brackets + serial (+ 号)
DOCUMENT_NUMBER = lazy_regex(
    r"^[ \t\u3000]*[\u4e00-\u9fff]{1,12}[ \t\u3000]*[〔\[【(（［﹝][ \t\u3000]*[0-9０-９]{2,4}[ \t\u3000]*"
    r"[〕\]】)）］﹞][ \t\u3000]*第?[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*号?[ \t\u3000]*$")
# the 文种 at the end of a title (条例 第八条, and the report genres in common use)
KIND_AT_END = lazy_regex(r"(报告|请示|通知|通报|意见|决定|决议|批复|函|纪要|公报|公告|通告|命令|议案|讲话|发言|致辞|总结|"
                         r"方案|规划|计划|办法|规定|细则|材料)[ \t\u3000]*$")
CLOSING_KIND = lazy_regex(r"^[ \t\u3000]*(?:特此(报告|请示|通知|通报|函告|函复|批复|说明)|(?:以上请示)?[妥当]否[，,]?请批[示复])"
                          r"[。！]?[ \t\u3000]*$")
# an organ the document is addressed to ends in one of these (区人民政府, 市委办公室, 各乡镇)
ORGAN_END = lazy_regex(r"(政府|委员会|常委会|办公室|办公厅|党委|党组|工委|纪委|监委|局|厅|部|委|办|院|署|处|科|中心|"
                       r"集团|公司|乡镇|街道|各单位|有关单位|各部门|有关部门|领导)[ \t\u3000]*[：:，,；;。]?[ \t\u3000]*$")
ATTACHMENT_NOTE = lazy_regex(r"^[ \t\u3000]*附[ \t\u3000]*件(?![0-9０-９一二三四五六七八九十][ \t\u3000]*$)")
NOTE_ITEM = lazy_regex(r"^[ \t\u3000]*[0-9０-９]{1,2}[.．、]")
COPY_TO = lazy_regex(r"^[ \t\u3000]*抄[ \t\u3000]*送")
APPENDED_LABEL = lazy_regex(r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*(?P<number>[0-9０-９]{0,3}|[一二三四五六七八九十]{1,3})"
                            r"[ \t\u3000]*$")
NOTE_NAME = lazy_regex(r"^[ \t\u3000]*(?:附[ \t\u3000]*件[ \t\u3000]*[：:;；,，.。]?)?[ \t\u3000]*"
                       r"(?:(?P<number>[0-9０-９]{1,2})[ \t\u3000]*[.．、][ \t\u3000]*)?(?P<name>.*?)"
                       r"[ \t\u3000。.；;，,]*$")


@dataclass(frozen=True)
class Appended:
    """An attachment appended after the signature: its label line (附件1) and
    number as written, and its title line (0 where none follows)."""

    label_line: int
    number: str
    title_line: int
    title: str


@dataclass(frozen=True)
class OfficialParts:
    number_line: int = 0  # the 发文字号, or 0
    title_line: int = 0  # the title (after the 发文机关标志 and the number), or 0
    title_kind: str = ""  # the 文种 the title ends in, or ""
    closing_kind: tuple[int, str] = (0, "")  # a 特此报告。 line and the 文种 it names
    recipient_line: int = 0  # the 主送机关 under the title, or 0
    note_lines: tuple[int, ...] = ()  # the 附件说明: 附件：… and its numbered lines
    date_line: int = 0  # the 成文日期 of the closing block, or 0
    appended: tuple[Appended, ...] = ()  # attachments appended after the signature
    copy_lines: tuple[int, ...] = ()  # 抄送 lines
    body_lines: tuple[int, ...] = ()  # the body's paragraph lines (closing formulas included)

    @property
    def kind(self) -> str:
        """The document's 文种: the title's, else the closing formula's."""
        return self.title_kind or self.closing_kind[1]

    def note_items(self, lines: tuple[str, ...]) -> dict[str, tuple[int, str]]:
        """The 附件说明's items: number as written (\"\" for a single one) -> (line, name)."""
        items = {}
        for line in self.note_lines:
            match = NOTE_NAME.match(lines[line - 1])
            if match and match.group("name"):
                items[_digits(match.group("number") or "")] = (line, match.group("name").strip())
        return items


def _digits(text: str) -> str:
    return text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def official_parts(document: Document) -> OfficialParts:
    lines = document.lines
    kinds = document.line_kinds
    content = [n for n in range(1, len(lines) + 1) if lines[n - 1].strip(BLANKS)]
    head = content[:int(threshold("header-lines"))]  # where the 发文机关标志, the number and the title stand
    number_line = next((n for n in head if DOCUMENT_NUMBER.match(lines[n - 1])), 0)
    title_line = _title_line(document, content, number_line)
    title_kind = ""
    if title_line:
        match = KIND_AT_END.search(lines[title_line - 1])
        title_kind = match.group(1) if match else ""
    recipient_line = 0
    after_title = [n for n in content if n > title_line][:2] if title_line else []
    official_title = bool(number_line) or (title_line and "关于" in lines[title_line - 1])
    # the line under the title addresses organs — unless a date or a salutation follows
    # it: then it is a byline (关于…的报告 / 县应急管理局 / （2025年1月6日） / 县政府：)
    if len(after_title) > 1 and _under_byline(lines[after_title[1] - 1]):
        after_title = []
    if after_title and official_title:
        text = lines[after_title[0] - 1].strip(BLANKS)
        # set flush left (GB/T 9704 7.3.2: 居左顶格), or short and without a comma: not an
        # indented body sentence that happens to end in an organ's name
        flush = lines[after_title[0] - 1][:1] not in BLANKS
        addressing = flush or (len(text) <= 30 and not re.search(f"[{COMMAS}]", text[:-1]))
        if addressing and len(text) <= 60 and ORGAN_END.search(text) and not re.search(f"[{FULLWIDTH_SENTENCE_END}]", text[:-1]):
            recipient_line = after_title[0]
    appendix = [n for n in content if kinds.get(n) == "appendix"]
    date_line = min((n for n, kind in kinds.items() if kind == "closing" and _is_date(lines[n - 1])
                     and "印发" not in lines[n - 1]), default=0)
    limit = date_line or (appendix[0] if appendix else len(lines) + 1)
    note_lines = _note_lines(lines, content, limit)
    closing_kind = next(((n, m.group(1) or "请示") for n in content for m in [CLOSING_KIND.match(lines[n - 1])] if m),
                        (0, ""))
    body = tuple(n for n in content if kinds.get(n) in ("paragraph", "enumerated", "heading")
                 and n > max(title_line, recipient_line) and n < limit and n not in note_lines)
    return OfficialParts(
        number_line=number_line, title_line=title_line, title_kind=title_kind, closing_kind=closing_kind,
        recipient_line=recipient_line, note_lines=note_lines, date_line=date_line,
        appended=tuple(_appended(lines, appendix)),
        copy_lines=tuple(n for n in content if COPY_TO.match(lines[n - 1])), body_lines=body)


def _title_line(document: Document, content: list[int], number_line: int) -> int:
    """The title: the first line after the issuing number where there is one
    (the 发文机关标志 stands above it), else the parser's title."""
    if number_line:
        return next((n for n in content if n > number_line), 0)
    return document.title.line if document.title is not None else 0


def _under_byline(line: str) -> bool:
    """A line that may follow a byline: a date (in brackets or not) or a salutation."""
    text = line.strip(BLANKS)
    return bool(re.match(r"^[（(]?[0-9０-９〇零一二三四五六七八九]{2,4}[ \t\u3000]*年.{1,3}月", text)) \
        or text.endswith(("：", ":"))


def _is_date(line: str) -> bool:
    return bool(re.search(r"[0-9０-９〇零一二三四五六七八九]{2,4}[ \t\u3000]*年.{1,3}月.{1,4}日", line))


def _note_lines(lines: tuple[str, ...], content: list[int], limit: int) -> tuple[int, ...]:
    """The 附件说明 above the signature: the last 附件… line before ``limit`` and
    the numbered lines continuing it."""
    start = next((n for n in reversed(content) if n < limit and ATTACHMENT_NOTE.match(lines[n - 1])
                  and not APPENDED_LABEL.match(lines[n - 1])), 0)
    if not start:
        return ()
    found = [start]
    for n in content:
        if n <= start or n >= limit:
            continue
        if NOTE_ITEM.match(lines[n - 1]) and n == found[-1] + 1:
            found.append(n)
        else:
            break
    return tuple(found)


def _appended(lines: tuple[str, ...], appendix: list[int]):
    for index, number in enumerate(appendix):
        match = APPENDED_LABEL.match(lines[number - 1])
        if not match:
            continue
        following = appendix[index + 1] if index + 1 < len(appendix) else 0
        title = lines[following - 1].strip(BLANKS) if following else ""
        if following and (APPENDED_LABEL.match(title) or COPY_TO.match(title)):
            following, title = 0, ""
        yield Appended(number, _digits(match.group("number")), following, title)


__all__ = ["OfficialParts", "official_parts", "Appended"]
