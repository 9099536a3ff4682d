"""SourceText -> Document: classify each line with the Lark grammar, then fold
the lines into the section tree.

The grammar (grammar/outline.lark) knows what a line *is* by its first
characters (a level-2 marker, a salutation, plain text…). What depends on
position is decided here: the title is the first non-blank line when it reads
as a title, byline lines may follow it, a salutation counts only before the
first heading, and a closing block (signature, date) may end the document.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator, NamedTuple, Optional

from checker.read import cache
from checker import resources
from .directives import directive_lines
from .enumerations import find_enumerators, is_enumerator
from checker.lexicon import CIRCLED_LEVEL, COLONS, FULLWIDTH_SENTENCE_END, COMMAS, INDENT_CHARS, PUNCTUATION, SEMICOLONS, SENTENCE_END, STANDARD_STYLES
from checker.model import Document, Heading, Paragraph, Section, SourceText, Span
from checker.numerals import parse_number
from checker.settings.wordlists import lexicon_regex, threshold, wordlist
from checker.settings.lazy_regex import compile_cached, lazy_regex

if TYPE_CHECKING:
    from lark import Lark

HEADING_LEVELS = {"level1": 1, "level2": 2, "level3": 3, "level4": 4, "circled": 5}
FOUR_DIGITS = 1000  # a heading number this large must continue its list
PAIRED_MARKS = ("《》", "“”", "（）", "()", "【】", "「」", "〔〕")
NUMERAL_RUN = lazy_regex(r"[一二三四五六七八九十]+|[0-9]+|[０-９]+|[①-⑳]")
MARKDOWN_HEADING = lazy_regex(r"#{1,6}[ \t]+")
MARKDOWN_INDENT = lazy_regex(f"[{INDENT_CHARS}]*")
LEADING_RESIDUE = r"(?:{lexicon:paywall-markers}|{lexicon:watermarks})+"
MARKDOWN_BOLD_OPEN = lazy_regex(r"(?:\*\*|__)(?=[^\s*_])")
# A date alone on its line; numbers left blank or as X / × (2024年　月　日, 202X年X月X日)
# still make it the date of the closing block (the placeholder rule reports them).
DATE_BLANK = r"[xXＸ×*＊]{1,2}|[ \u3000]{1,4}"
DATE_LINE = lazy_regex(
    r"^[ \t\u3000]*[（(]?(\d{4}|\d{2}(?=年)|[〇○零一二三四五六七八九]{4}|\d{2,3}[xXＸ×]{1,2}|[xXＸ×*＊]{2,4})年"
    r"(?:[0-9一二三四五六七八九十]{1,2}|" + DATE_BLANK + r")月"
    r"((?:[0-9一二三四五六七八九十]{1,3}|" + DATE_BLANK + r")日)?[）)]?[ \t\u3000]*$"
)
MARKER_START = lazy_regex(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,3}[.．、])")
# Lines that may follow the signature and date: the 版记 (抄送：…, …印发) and a
# bracketed note (（此件公开发布）, （联系人：…）).
# (the labels and the notes' openings: rules/lexicon/structure.yaml)
AFTER_CLOSING = (r"^[ \t\u3000]*(?:{lexicon:after-closing-labels}[ \t\u3000]*[：:].*|.{0,40}印发|"
                 r"[（(]{lexicon:closing-notes}[^）)]*[）)])[ \t\u3000]*$")
MARKDOWN_EMPHASIS = lazy_regex(r"^(?:\*\*|__|\*|_)+|(?:\*\*|__|\*|_)+$")
# a signature names a unit or a person; a bracketed or elided line (（略）, ……) does not
# a labelled signature above the date: 述责述廉人：刘某某, 报告单位：县教育局
SIGNATURE_LABEL = lazy_regex(r"^[\u4e00-\u9fff]{1,8}(?:人|单位)[ \u3000]*[：:][ \u3000]*[^，,。；;：:！？!?、]{1,20}$")
NOT_A_NAME = lazy_regex(r"^(?:[（(][^）)]*[）)]|[…—\-.·].*)$")
# 一、二季度 / 三、四年级 / 七、八月份: two consecutive numbers before a unit are a
# range, not a level-1 heading followed by its title.
# (the units: rules/lexicon/structure.yaml)
NUMBER_RANGE = r"^[ \u3000]*([一二三四五六七八九十]{1,3}){lexicon:range-units}"
# 第一部分　2024年工作总结 / 第二章 …: a part of the document above its 一、 headings;
# the numbering of the headings may restart in each part.
# lines that stand under a title, never as one: a subtitle, a bracketed note or
# date, a labelled byline (述职人：…, 汇报单位：…)
UNDER_TITLE = lazy_regex(r"^(?:——|—|－－|--)|^[（(][^（）()]*[）)]$|^[\u4e00-\u9fff]{1,6}(?:人|单位)[：:]")
# (the part words: rules/lexicon/structure.yaml, shared with genres.HEADING_LIKE)
PART_LINE = r"^[ \t\u3000]*第[一二三四五六七八九十]{1,3}{lexicon:part-words}[^，。；！？,;!?]{0,36}$"
# 附件：1.… and the numbered lines that continue the list (2.… 3.…) are the
# attachment list, not headings or body text.
# a decimal heading: 1.1 / 1．1 / 2.2.1 then a blank or a title (checked in decimal_heading)
DECIMAL_HEADING = lazy_regex(r"^(?P<indent>[ \t\u3000]*)(?P<marker>[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,2})"
                             r"(?![.．0-9０-９%％])(?P<gap>[ \t\u3000]*)(?P<text>\S.*)$")
DECIMAL_BASE_LEVEL = 4  # 1.1 is one level below 1. (level 3)
DECIMAL_NOT_TITLE = "万亿千百十元个件项人次户家倍年月日号米吨亩%％‰"
# the label over an attachment appended after the signature (GB/T 9704 7.3.7): 附件, 附件1, 附件2
APPENDED_ATTACHMENT = lazy_regex(
    r"^[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*(?P<number>[0-9０-９]{0,3}|[一二三四五六七八九十]{1,3})[ \t\u3000]*$")
ATTACHMENT = lazy_regex(r"^[ \t\u3000]*附[ \t\u3000]*件[0-9一二三四五六七八九十]*[ \t\u3000]*[：:][ \t\u3000]*(?P<rest>.*)$")
# 注：1.… (or 注： alone) after body text opens a block of notes: it and the numbered
# lines continuing it (2.… 3.…) explain the text above; they are not the outline.
NOTES = lazy_regex(r"^[ \t\u3000]*(?:\*\*)?(?:注|备注)(?:\*\*)?[ \t\u3000]*[：:](?:\*\*)?[ \t\u3000]*(?P<rest>.*)$")
NOTE_ITEM = lazy_regex(r"^[ \t\u3000]*(?:\*\*)?(?:[（(][ \u3000]*(?P<bracketed>[0-9０-９]{1,2})[ \u3000]*[）)]|"
                       r"(?P<plain>[0-9０-９]{1,2})[ \u3000]*[.．、])")
ATTACHMENT_ITEM = lazy_regex(
    r"^[ \t\u3000]*(?:[（(][ \u3000]*(?P<bracketed>[0-9０-９]{1,2})[ \u3000]*[）)]|(?P<plain>[0-9０-９]{1,2})[ \u3000]*[.．、])"
)


@lru_cache(maxsize=1)
def line_parser() -> "Lark":
    """The LALR parser of grammar/outline.lark. Building it takes longer than
    reading it back, so it is saved in the per-user cache, named by the
    grammar, lark's version and Python's."""
    import lark

    grammar = resources.data_path("grammar", "outline.lark").read_text(encoding="utf-8")
    key = hashlib.sha256(f"{grammar}\0{lark.__version__}\0{sys.version_info[:2]}".encode()).hexdigest()[:20]
    name = f"outline-parser-{key}.lark"
    saved = cache.read(name)
    if saved:
        try:
            return lark.Lark.load(io.BytesIO(saved))
        except Exception:  # a damaged or foreign cache file: build the parser again
            pass
    parser = lark.Lark(grammar, parser="lalr", lexer="contextual", maybe_placeholders=False)
    data = io.BytesIO()
    parser.save(data)
    cache.write(name, data.getvalue())
    return parser


# What a line marker of grammar/outline.lark (the *_MARK terminals) can start
# with. A line whose content starts with none of these can only be TEXT (or
# blank), and is read without the parser — most body lines
# (tests/test_outline_fast_path.py checks this against the grammar and on every
# line of the samples and corpus).
MARKER_STARTS = frozenset("一二三四五六七八九十（(0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
# A salutation: a text line of 尊敬的… or a short line ending in whom it addresses,
# then a colon (同志们： 县委第二巡察组： 主任、各位副主任、秘书长，各位委员：); the
# words are rules/lexicon/structure.yaml's (salutation-openers, speech-addressees,
# addressees)
SALUTATION = (r"(?:{lexicon:salutation-openers}[^。；！？\n]{1,40}"
              r"|[^。；！？：:\n]{0,30}(?:{lexicon:speech-addressees}|{lexicon:addressees}))[ \u3000]*[：:][ \u3000]*$")


@dataclass
class LineShape:
    """What the grammar saw on one line."""

    kind: str  # blank, heading, enumerated, salutation, text
    indent: str = ""
    indent_start: Optional[int] = None  # where ``indent`` starts on the line, when not right before the content
    prefix: int = 0  # characters before the content (indent, Markdown '#')
    marker: Optional[Marker] = None
    level: int = 0
    text: str = ""  # content after the marker (the whole content for text)
    text_column: int = 1


def shape_of(line: str, markdown: bool) -> LineShape:
    # a paywall marker or watermark glued to the start of a line (##paidbegin##一是…) hides
    # nothing: the line is read from after it (ad-residue reports it on the line as written)
    residue = lexicon_regex(LEADING_RESIDUE).match(line)
    if residue:
        return _shape(line, residue.end())
    prefix = 0
    if markdown:
        # blanks before '#' or '**' indent the marker as they would indent it in plain text
        lead = MARKDOWN_INDENT.match(line).end()
        heading_hashes = MARKDOWN_HEADING.match(line, lead)
        if heading_hashes:
            prefix = heading_hashes.end()
        # **（一）产业振兴。** … / **一是**…: a marker set in bold is still a marker;
        # the closing emphasis is read as blanks so that columns stay those of the line
        bold = MARKDOWN_BOLD_OPEN.match(line, prefix or lead)
        if bold:
            closing = line.find(bold.group(0), bold.end())
            if closing > 0:
                blanked = line[:closing] + " " * len(bold.group(0)) + line[closing + len(bold.group(0)):]
                shape = _shape(blanked, bold.end())
                if shape.kind in ("heading", "enumerated", "salutation"):  # also **县委巡察组：**
                    return _led_by(shape, line, lead)
        if heading_hashes:
            return _led_by(_shape(line, prefix), line, lead)
    return _shape(line, prefix)


def _led_by(shape: LineShape, line: str, lead: int) -> LineShape:
    """``shape`` of a Markdown line whose '#' or '**' stands after ``lead`` blanks."""
    if lead:
        shape.indent, shape.indent_start = line[:lead], 0
    return shape


def _shape(line: str, prefix: int) -> LineShape:
    """What the grammar sees in ``line`` from ``prefix`` on; a text line that
    is a salutation (see SALUTATION) is one."""
    shape = plain_shape(line, prefix) or parsed_shape(line, prefix)
    if shape.kind == "text" and lexicon_regex(SALUTATION).match(shape.text):
        shape.kind = "salutation"
    return shape


def plain_shape(line: str, prefix: int) -> Optional[LineShape]:
    """The shape of a line that the grammar can only read as blank or text
    (see MARKER_STARTS), found without the parser; None for any other line."""
    body = line[prefix:]
    content = body.lstrip(INDENT_CHARS)
    indent = body[:len(body) - len(content)]
    if not content:
        return LineShape(kind="blank", indent=indent, prefix=prefix)
    if content[0] in MARKER_STARTS:
        return None
    return LineShape(kind="text", indent=indent, prefix=prefix, text=content, text_column=prefix + len(indent) + 1)


class Marker(NamedTuple):
    """A line marker as the grammar's lexer reads it (the fields of lark's Token
    that the builder uses)."""

    type: str  # the terminal: LEVEL1_MARK … CIRCLED_MARK, ENUM_MARK
    value: str
    start_pos: int  # in the line from the shape's prefix on
    end_pos: int


GRAMMAR_TERMINAL = lazy_regex(r"^(?P<name>[A-Z0-9_]+)(?:\.\d+)?:[ ]*/(?P<regex>.*)/$", re.M)
GRAMMAR_LEVEL_RULE = lazy_regex(r"^(?P<rule>\w+):[ ]*(?P<terminal>[A-Z0-9_]+_MARK)$", re.M)


@lru_cache(maxsize=1)
def line_lexer() -> tuple[re.Pattern, re.Pattern, dict[str, int]]:
    """The grammar's line, read as its lexer reads it, without Lark: the
    INDENT terminal, then one of the *_MARK terminals (whose priority puts them
    before TEXT; no two of them match at one place), then the rest of the line
    as TEXT — the regexes taken from grammar/outline.lark itself; and each
    heading terminal's level. tests/test_outline_fast_path.py compares the
    shapes with Lark's parse of every line of the samples, corpus and examples
    and of generated marker lines."""
    grammar = resources.data_path("grammar", "outline.lark").read_text(encoding="utf-8")
    terminals = {m.group("name"): m.group("regex") for m in GRAMMAR_TERMINAL.finditer(grammar)}
    marks = "|".join(f"(?P<{name}>{regex})" for name, regex in terminals.items() if name.endswith("_MARK"))
    levels = {m.group("terminal"): HEADING_LEVELS[m.group("rule")] for m in GRAMMAR_LEVEL_RULE.finditer(grammar)
              if m.group("rule") in HEADING_LEVELS}
    return compile_cached(terminals["INDENT"]), compile_cached(marks), levels


def parsed_shape(line: str, prefix: int) -> LineShape:
    """What the grammar sees in ``line`` from ``prefix`` on (line_lexer)."""
    body = line[prefix:]
    indent_terminal, marks, levels = line_lexer()
    indented = indent_terminal.match(body)
    start = indented.end() if indented else 0
    mark = marks.match(body, start)
    if mark:
        name = mark.lastgroup
        shape = LineShape(kind="enumerated" if name == "ENUM_MARK" else "heading",
                          marker=Marker(name, mark.group(), mark.start(), mark.end()), level=levels.get(name, 0),
                          text=body[mark.end():], text_column=prefix + mark.end() + 1)
    elif start < len(body):
        shape = LineShape(kind="text", text=body[start:], text_column=prefix + start + 1)
    else:
        shape = LineShape(kind="blank")
    shape.indent = body[:start]
    shape.prefix = prefix
    return shape


def lark_shape(line: str, prefix: int) -> LineShape:
    """What the grammar's Lark parser sees in ``line`` from ``prefix`` on: the
    reference parsed_shape is tested against."""
    from lark import Token, Tree

    tree = line_parser().parse(line[prefix:])
    indent = ""
    shape = LineShape(kind="blank")
    for child in tree.children:
        if isinstance(child, Token) and child.type == "INDENT":
            indent = child.value
            continue
        if not isinstance(child, Tree):
            continue
        kind = child.data
        if kind == "line_body":  # empty alternative: nothing but whitespace
            continue
        tokens = list(child.scan_values(lambda v: isinstance(v, Token)))
        text_token = next((t for t in tokens if t.type == "TEXT"), None)
        marker = next((t for t in tokens if t.type.endswith("_MARK")), None)
        level = 0
        if kind == "heading":
            level = HEADING_LEVELS[child.children[0].data]
        if kind == "text":
            content = tokens[0]
            shape = LineShape(kind=kind, text=content.value, text_column=prefix + content.start_pos + 1)
        else:
            shape = LineShape(
                kind=kind,
                marker=Marker(marker.type, marker.value, marker.start_pos, marker.end_pos),
                level=level,
                text=text_token.value if text_token else "",
                text_column=prefix + (text_token.start_pos if text_token else marker.end_pos) + 1,
            )
    shape.indent = indent
    shape.prefix = prefix
    return shape


def marker_style(marker: str) -> str:
    """The marker's form with its number abstracted: 一、 -> N、, １. -> Ｎ."""
    def abstract(match: re.Match) -> str:
        return "Ｎ" if match.group(0)[0] in "０１２３４５６７８９" else "N"

    return NUMERAL_RUN.sub(abstract, marker, count=1)


def split_heading_text(text: str) -> tuple[str, str, int]:
    """The heading sentence (up to its first full stop) and what follows."""
    for index, char in enumerate(text):
        if char in SENTENCE_END:
            return text[: index + 1], text[index + 1:], index + 1
    return text, "", len(text)


def marker_number(shape: LineShape) -> Optional[int]:
    """The number a heading shape's marker carries."""
    numeral = NUMERAL_RUN.search(shape.marker.value)
    return parse_number(numeral.group(0)) if numeral else None


MEANT_LEVEL_LOOKAHEAD = 40  # headings after a marker searched for the sibling it continues


def meant_level(shape: LineShape, headings: list[Heading], following: Iterator[LineShape]) -> int:
    """The level a heading marker was meant at: its own, unless it is written in
    another level's form between two siblings whose numbers it continues —
    (4) between （三） and （五） is the fourth item of level 2, mis-styled, and
    counts as its value there (one numbering-style finding, not a skip and a
    level problem). The siblings are the open heading of that level before it
    (（三） between 二、 and 四、 even after 二、's own （一）…（四）; 3. after 二、 and its
    （一）…（四）) and the next heading of that level or above; a marker that continues
    its own level's siblings (（三） after （二） under 二、) keeps its level."""
    number = marker_number(shape)
    if not headings or number is None or shape.level == CIRCLED_LEVEL:
        return shape.level
    open_headings: dict[int, Heading] = {}  # per level, its last heading with nothing shallower after it
    lowest = CIRCLED_LEVEL + 1
    for heading in reversed(headings):
        if heading.level == shape.level and lowest > shape.level and heading.number == number - 1:
            return shape.level  # it continues its own siblings
        if heading.level < lowest and heading.level != CIRCLED_LEVEL:
            open_headings[heading.level] = heading
            lowest = heading.level
            if lowest == 1:
                break
    candidates = [level for level, heading in sorted(open_headings.items(), reverse=True)
                  if level != shape.level and heading.number == number - 1]
    if not candidates:
        return shape.level
    later = list(itertools.islice(following, MEANT_LEVEL_LOOKAHEAD))
    for level in candidates:
        next_heading = next((heading for heading in later if heading.level <= level), None)
        if next_heading is not None and next_heading.level == level and marker_number(next_heading) == number + 1:
            return level
    return shape.level


def make_heading(line_number: int, shape: LineShape) -> Optional[Heading]:
    # blanks after a closing bracket belong to the title, not to the marker's form:
    # （一） 加强学习, and **（一）** 加强学习 in Markdown (the emphasis read as blanks)
    marker = shape.marker.value.rstrip(" \u3000")
    number = marker_number(shape)
    if number is None:
        return None
    if shape.level == 1:
        following = lexicon_regex(NUMBER_RANGE).match(shape.text)
        if following and parse_number(following.group(1)) == number + 1:
            return None  # 一、二季度: a range of two numbers
    marker_start = shape.prefix + shape.marker.start_pos
    title, body, body_offset = split_heading_text(shape.text)
    return Heading(
        line=line_number,
        level=shape.level,
        number=number,
        marker=marker,
        style=marker_style(marker),
        standard_style=STANDARD_STYLES[shape.level],
        indent=shape.indent,
        indent_column=(shape.indent_start if shape.indent_start is not None
                       else marker_start - len(shape.indent)) + 1,
        marker_span=Span.on_line(line_number, marker_start, marker_start + len(marker)),
        title=title,
        body=body,
        body_column=shape.text_column + body_offset,
    )


def attachment_item(text: str) -> Optional[int]:
    """The number of a line of an attachment list (2.某某表, （2）某某表), if it
    reads as one: numbered, with no sentence punctuation."""
    match = ATTACHMENT_ITEM.match(text)
    # a mark after the name (1.某某表。) is the note's slip (attachment-note), not a sentence
    if not match or any(mark in text.rstrip(" \t\u3000。；;，,、") for mark in "。；;！？"):
        return None
    return parse_number(match.group("bracketed") or match.group("plain"))


def note_item(text: str) -> Optional[int]:
    """The number of a numbered note (2.投资增速按可比口径计算。), if the line is one."""
    match = NOTE_ITEM.match(text)
    return parse_number(match.group("bracketed") or match.group("plain")) if match else None


def looks_like_title(text: str) -> bool:
    """Short, without sentence punctuation, and not a line that belongs under a
    title (a subtitle ——…, a date, a bracketed note, 述职人：…) or opens a part
    (第一部分　…): a draft that starts with one of those has lost its title."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= threshold("title-max-chars")
        and stripped[-1] not in SENTENCE_END + SEMICOLONS + COMMAS + COLONS
        and not any(mark in stripped for mark in FULLWIDTH_SENTENCE_END)
        and not UNDER_TITLE.match(stripped)
        and not DATE_LINE.match(stripped)
        and not lexicon_regex(PART_LINE).match(stripped)
    )


def looks_like_byline(text: str) -> bool:
    """A line under the title that reads as a byline, date or subtitle: short,
    without sentence punctuation, not opening like a report's first sentence
    (根据…, 按照…, 今年以来…) unless it ends like a title (2025年上半年工作总结, the
    second line of a title set on two lines), every bracket and quote it opens
    closed (根据《某某方案 is a first sentence cut short, not a byline)."""
    return (len(text.strip()) <= threshold("byline-max-chars") and not any(m in text for m in "。！？，；")
            and (not wordlist("sentence-openers").matches(text) or wordlist("title-endings").matches(text.strip()))
            and all(text.count(opening) <= text.count(closing) for opening, closing in PAIRED_MARKS))


def closing_lines(lines: tuple[str, ...], markdown: bool = False) -> set[int]:
    """1-based numbers of the trailing signature/date block, if any: up to
    closing-names-max signature lines (joint reports carry several) of at most
    signature-max-chars, the date, and after it the 版记 lines (抄送：…), a
    bracketed note (（此件公开发布）), or — below a signed date — up to
    lines-after-date-max other lines (an advert left by the template site);
    the thresholds: rules/lexicon/structure.yaml."""
    def text_of(number: int) -> str:
        text = lines[number - 1].strip()
        return MARKDOWN_EMPHASIS.sub("", text).strip() if markdown else text

    content = [i for i, line in enumerate(lines, 1) if line.strip()]
    trailing: list[int] = []
    while content and lexicon_regex(AFTER_CLOSING).match(text_of(content[-1])):
        trailing.append(content.pop())
    # attachments appended after the signed date (附件1 and its title, GB/T 9704 7.3.7)
    # are documents of their own: the closing block is the one above them
    first_date = next((k for k, n in enumerate(content) if DATE_LINE.match(text_of(n))), None)
    if first_date is not None:
        appended = next((k for k in range(first_date + 1, len(content))
                         if APPENDED_ATTACHMENT.match(text_of(content[k]))), None)
        if appended is not None:
            content = content[:appended]
    # an attachment list set after the date (附件：1.… 2.…) follows the closing block too
    last_attachment = next((i for i in range(len(content) - 1, -1, -1) if ATTACHMENT.match(text_of(content[i]))), None)
    if last_attachment is not None and all(attachment_item(text_of(n)) is not None
                                           for n in content[last_attachment + 1:]):
        trailing.extend(content[last_attachment:])
        content = content[:last_attachment]
        while content and lexicon_regex(AFTER_CLOSING).match(text_of(content[-1])):
            trailing.append(content.pop())
    # a line or two after a signed date that the 版记 does not know (an advert, a note)
    # close the draft too: they are not body text cut short
    after_date = next((extra for extra in range(1, int(threshold("lines-after-date-max")) + 1) if len(content) > extra + 2
                       and DATE_LINE.match(text_of(content[-1 - extra]))
                       and not any(MARKER_START.match(text_of(n)) for n in content[-extra:])), 0) \
        if content and not DATE_LINE.match(text_of(content[-1])) else 0
    if after_date:
        trailing.extend(content[-after_date:])
        content = content[:-after_date]
    closing: set[int] = set()
    if not content or not DATE_LINE.match(text_of(content[-1])):
        return closing
    closing.add(content[-1])
    names = 0
    name_max_chars, names_max = threshold("signature-max-chars"), threshold("closing-names-max")
    for number in reversed(content[1:-1]):  # the first content line opens the draft, it signs nothing
        text = text_of(number)
        if (len(text) <= name_max_chars and names < names_max
                and (SIGNATURE_LABEL.match(text) or not PUNCTUATION.search(text) and not NOT_A_NAME.match(text))):
            closing.add(number)
            names += 1
        else:
            break
    if after_date and not names:
        return set()  # a date and lines after it, unsigned: not a closing block
    return closing | set(trailing)


def parse_document(source: SourceText) -> Document:
    root = Section(heading=None)
    # reportlint comments (checker/parse/directives.py) are not draft text: read as blank lines
    hidden = directive_lines(source.lines)
    lines = tuple("" if n in hidden else line for n, line in enumerate(source.lines, 1)) if hidden else source.lines
    # built here and frozen: only its line kinds and part lines fill in below, and the
    # title and salutation join it at the end
    document = Document(source=source, root=root, hidden_lines=hidden, lines=lines)
    title: Optional[Paragraph] = None
    salutation: Optional[Paragraph] = None
    stack: list[Section] = [root]
    seen_content = False
    in_title_block = False
    seen_heading = False
    closing = closing_lines(document.lines, source.is_markdown)
    attachment_next: Optional[int] = None  # the number the attachment list continues with
    note_next: Optional[int] = None  # the number a block of notes continues with
    last_numbers: dict[int, int] = {}  # per level, the number of the last heading

    shapes = [shape_of(line, source.is_markdown) for line in document.lines]
    heading_indices = [index for index, shape in enumerate(shapes) if shape.kind == "heading"]
    headings: list[Heading] = []  # the headings read so far
    table_lines = source.table_lines()  # a Word table's cells: content of the section, not paragraphs
    appendix = appendix_start(document.lines, closing)
    for number, line in enumerate(document.lines, 1):
        shape = shapes[number - 1]
        kind = shape.kind
        if kind == "blank":
            document.line_kinds[number] = "blank"
            continue
        if appendix and number >= appendix and number not in closing:
            document.line_kinds[number] = "appendix"  # an appended attachment: its own document, not the body
            continue
        if number in table_lines:
            document.line_kinds[number] = "table"
            stack[-1].table_lines.append(number)
            seen_content = True
            continue
        first_content = not seen_content
        seen_content = True

        decimal = decimal_heading(number, line) if not first_content and not source.is_markdown else None
        if decimal is not None:  # 1.1 组织领导, 2.2.1 …: its own outline level below 1.
            in_title_block = False
            seen_heading = True
            open_section(document, stack, decimal)
            continue

        attachment = ATTACHMENT.match(line) if not first_content else None
        if attachment or (attachment_next is not None and attachment_item(line) == attachment_next):
            document.line_kinds[number] = "attachment"
            if attachment:
                rest = attachment.group("rest")
                first_item = attachment_item(rest)
                # 附件：1.… continues with 2.; 附件： alone with 1.; 附件：某某表 has no list
                attachment_next = first_item + 1 if first_item else (None if rest.strip() else 1)
            else:
                attachment_next += 1
            continue
        attachment_next = None

        notes = NOTES.match(line) if seen_heading else None
        if notes or (note_next is not None and note_item(line) == note_next):
            document.line_kinds[number] = "notes"
            first_note = note_item(notes.group("rest")) if notes else None
            note_next = (first_note + 1 if first_note else (None if notes.group("rest").strip() else 1)) if notes \
                else note_next + 1
            continue
        note_next = None

        if kind == "enumerated" and not is_enumerator(shape.marker.value + shape.text, 0):
            kind = _as_text(shape)

        if kind == "heading":
            following = (shapes[heading_indices[i]] for i in range(bisect_right(heading_indices, number - 1),
                                                                       len(heading_indices)))
            shape.level = meant_level(shape, headings, following)
            heading = make_heading(number, shape)
            if heading is not None and heading.number >= FOUR_DIGITS \
                    and last_numbers.get(heading.level) != heading.number - 1:
                heading = None  # 2023. opening a line is a year; 1000. after 999. an item
            if heading is not None:
                last_numbers[heading.level] = heading.number
                headings.append(heading)
                in_title_block = False
                seen_heading = True
                open_section(document, stack, heading)
                continue
            kind = _as_text(shape)

        if number in closing and not first_content:
            document.line_kinds[number] = "closing"
            continue
        if first_content and kind == "text" and looks_like_title(shape.text):
            title = Paragraph(number, shape.text.strip(), shape.text_column)
            document.line_kinds[number] = "title"
            in_title_block = True
            continue
        if first_content and kind == "text" and UNDER_TITLE.match(shape.text.strip()) and looks_like_byline(shape.text):
            # the title is missing but what stood under it is there (——在…会议上的讲话):
            # the title block goes on without its title
            document.line_kinds[number] = "byline"
            in_title_block = True
            continue
        if kind == "salutation" and not seen_heading and salutation is None:
            salutation = Paragraph(number, shape.text, shape.text_column)
            document.line_kinds[number] = "salutation"
            in_title_block = False
            continue
        text = shape.marker.value + shape.text if kind == "enumerated" else shape.text
        column = shape.prefix + shape.marker.start_pos + 1 if kind == "enumerated" else shape.text_column
        if lexicon_regex(PART_LINE).match(text):
            document.part_lines.append(number)
        if in_title_block and looks_like_byline(text):
            document.line_kinds[number] = "byline"
            continue
        in_title_block = False
        document.line_kinds[number] = "enumerated" if kind == "enumerated" else "paragraph"
        add_paragraph(stack[-1], Paragraph(number, text, column))

    finish_sections(root, len(document.lines))
    return replace(document, title=title, salutation=salutation)


def open_section(document: Document, stack: list[Section], heading: Heading) -> None:
    """Fold ``heading`` into the section tree by level and record its line."""
    while stack[-1].level >= heading.level:
        stack.pop()
    section = Section(heading=heading, parent=stack[-1])
    stack[-1].children.append(section)
    stack.append(section)
    document.line_kinds[heading.line] = "heading"
    if heading.body:
        add_paragraph(section, Paragraph(heading.line, heading.body, heading.body_column), opens_line=False)


def decimal_heading(line_number: int, line: str) -> Optional[Heading]:
    """A decimal heading (1.1 组织领导, 2.2.1 …, 1．1 …; usual in 调研报告 and
    technical reports): two or three numbers joined by points, then a blank —
    or a short unpunctuated title that opens with no unit (not 1.5万家…, 3.5亿元…).
    Level 4 for 1.1, 5 for 1.1.1 (below 1. at level 3); its number is the last
    one, its ``path`` all of them; the form written is its own standard."""
    match = DECIMAL_HEADING.match(line)
    if match is None:
        return None
    marker, gap, text = match.group("marker"), match.group("gap"), match.group("text")
    if not gap and (len(text) > threshold("decimal-title-max-chars") or PUNCTUATION.search(text) or text[0] in DECIMAL_NOT_TITLE):
        return None
    path = tuple(parse_number(part) for part in re.split(r"[.．]", marker))
    separator = "．" if "．" in marker else "."
    style = separator.join(marker.split(separator)[:-1]) + separator + "N"
    start = match.start("marker")
    title, body, body_offset = split_heading_text(text)
    return Heading(
        line=line_number, level=DECIMAL_BASE_LEVEL + len(path) - 2, number=path[-1], marker=marker, style=style,
        standard_style=style, indent=match.group("indent"), indent_column=1,
        marker_span=Span.on_line(line_number, start, start + len(marker)),
        title=title, body=body, body_column=match.start("text") + 1 + body_offset, path=path)


def appendix_start(lines: tuple[str, ...], closing: set[int]) -> int:
    """The line of the first attachment label (附件, 附件1) after the closing
    block, where the appended attachments begin (GB/T 9704 7.3.7); 0 if none."""
    if not closing:
        return 0
    first_closing = min(closing)
    for number in range(first_closing + 1, len(lines) + 1):
        if number not in closing and APPENDED_ATTACHMENT.match(lines[number - 1]):
            return number
    return 0


def _as_text(shape: LineShape) -> str:
    """Turn a line whose marker is no marker (2023. 全年…, 一是一、二是二) into
    text that keeps it; returns the new kind."""
    shape.text = shape.marker.value + shape.text
    shape.text_column = shape.prefix + shape.marker.start_pos + 1
    return "text"


def add_paragraph(section: Section, paragraph: Paragraph, opens_line: bool = True) -> None:
    section.paragraphs.append(paragraph)
    found = find_enumerators(paragraph.text, paragraph.line, paragraph.column, leading_allowed=opens_line)
    section.enumerators.extend(sorted(found, key=lambda e: e.span))


def finish_sections(section: Section, last_line: int) -> None:
    """Set each section's end line: the line before the next heading of the same
    or a higher level (or the end of the document)."""
    section.end_line = last_line
    for index, child in enumerate(section.children):
        following = section.children[index + 1] if index + 1 < len(section.children) else None
        finish_sections(child, following.heading.line - 1 if following else last_line)
