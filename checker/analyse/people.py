"""People a draft names: the byline (云溪县自然资源局　李明华), the signature
(述职人：李明华) — holding the reporter's title where the report's title names one
(…局长2025年度述职报告) — and names with a title in the body (局长张卫东, 副局长刘芳;
right after the title, three characters however they go on: 局长周明远全年…).

A name is a common surname and one or two more characters, closed by what may
follow a name (出席, 带队, 同志, a punctuation mark…); a three-character name is
tried before a two-character one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence
from checker.settings.lazy_regex import lazy_regex

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            "傅康温邢俞洪葛盛乔柴祝岳庞樊兰殷施翟颜倪苗鲁章耿冉聂焦柳饶蒙阎卓蔺屈鄢晏褚邬鞠卞")
TITLES = ("副局长|局长|副书记|书记|副镇长|镇长|副乡长|乡长|副主任|主任|副组长|组长|副县长|县长|副区长|区长|副市长|市长|所长|副部长|部长|主席|"
          "处长|科长|队长|站长|副院长|院长|副校长|校长|社长|理事长|会长|秘书长|副行长|行长|副总经理|总经理|经理|董事长|委员|常委")
AFTER_NAME = (r"(?=[，。、；：）)\s（(]|$|出席|主持|带队|讲话|参加|同志|对|在|到|作|强调|指出|等|表示|率|陪同|一同|分管|负责|"
              r"任|为|的|和|与|及|就|深入|来|赴|督导|检查|调研|宣读|通报|介绍|汇报|传达|部署|提出|要求|作了|牵头|带领|亲自|召集|挂帅)")
NAME = rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}"
# a name closed by what may follow one (three characters tried first), else — right
# after its title — three characters however they go on (局长周明远全年…, 主任许嘉宁每周…)
# that hold no title, however they are closed (由局长任组长，… names no one)
TITLED = lazy_regex(rf"(?P<title>{TITLES})(?P<name>(?![\u4e00-\u9fff]?(?:{TITLES}))[{SURNAMES}][\u4e00-\u9fff]{{2}}{AFTER_NAME}"
                    rf"|[{SURNAMES}][\u4e00-\u9fff]{AFTER_NAME}|[{SURNAMES}](?![\u4e00-\u9fff]?(?:{TITLES}))[\u4e00-\u9fff]{{2}})")
SIGNED = lazy_regex(rf"(?:述职人|报告人|汇报人|发言人|述责述廉人|签名)[ \t\u3000]*[：:][ \t\u3000]*(?P<name>{NAME})(?![\u4e00-\u9fff])")
REPORTER_TITLE = lazy_regex(rf"(?:{TITLES})(?=[\d一二三四五六七八九〇零]{{0,4}}年?[度]?[\u4e00-\u9fff]{{0,10}}(?:述职|述责|述廉|报告))")
# a byline: the unit or the reporter's title, then the name (南湖街道党工委书记  李振华)
# the level of the organ a title is of (县委书记, 中共枫林乡委员会书记, 副县长: 县, 乡, 县)
ORGAN_LEVEL = lazy_regex(r"(?P<level>[省市县区乡镇村])(?:委员会|党工委|党委|人民政府|政府|委)?$")
TITLE_LEVEL = lazy_regex(r"^副?(?P<level>[省市县区乡镇])长$")
BYLINE = lazy_regex(rf"(?:[局委办厅镇乡道府司院心]|(?P<title>{TITLES}))[ \t\u3000]+(?P<name>{NAME})[ \t\u3000]*$")


@dataclass(frozen=True)
class PersonMention:
    line: int
    column: int
    end_column: int
    name: str
    title: str  # 局长, 副局长… where the text gives one before the name
    role: str  # "byline", "signature" or "body"
    level: str = ""  # the level of the organ its title is of (县委书记: 县), "" where none is written


def organ_level(before: str, title: str) -> str:
    """The level of the organ a title is of, from the title (副县长: 县) or the words right
    before it (县委书记, 中共枫林乡委员会书记, 乡党委书记: 县, 乡, 乡); "" where none is written."""
    own = TITLE_LEVEL.match(title)
    if own:
        return own.group("level")
    match = ORGAN_LEVEL.search(before.rstrip(" \t\u3000"))
    return match.group("level") if match else ""


def people(lines: Sequence[str], title_block: Iterable[int], closing: Iterable[int]) -> tuple[PersonMention, ...]:
    found = []
    title_lines, closing_lines = set(title_block), set(closing)
    # the reporter's title where the report's title names one (柳溪镇党委书记2025年述职述廉报告:
    # 书记): the byline's or 述职人's name holds it
    reporter = next((match.group(0) for n in sorted(title_lines) if 0 < n <= len(lines)
                     for match in [REPORTER_TITLE.search(lines[n - 1])] if match), "")
    for number, line in enumerate(lines, 1):
        if number in title_lines:
            match = BYLINE.search(line)
            if match:
                title = match.group("title") or ""
                found.append(PersonMention(number, match.start("name") + 1, match.end("name") + 1,
                                           match.group("name"), reporter or title, "byline",
                                           organ_level(line[:match.start("title")], title) if title else ""))
                continue
        match = SIGNED.search(line)
        if match:
            role = "signature" if number in closing_lines or number > len(lines) - 4 else "body"
            found.append(PersonMention(number, match.start("name") + 1, match.end("name") + 1,
                                       match.group("name"), reporter, role))
            continue
        for match in TITLED.finditer(line):
            found.append(PersonMention(number, match.start("name") + 1, match.end("name") + 1,
                                       match.group("name"), match.group("title"), "body",
                                       organ_level(line[:match.start("title")], match.group("title"))))
    return tuple(found)


CANDIDATE = lazy_regex(rf"(?=(?P<name>[{SURNAMES}][\u4e00-\u9fff]{{2}}){AFTER_NAME})")


def name_candidates(line: str) -> Iterator[tuple[int, str]]:
    """(0-based start, text) of every three-character run that may be a name
    (a surname, two more characters, closed like a name); runs may overlap."""
    for match in CANDIDATE.finditer(line):
        yield match.start(), match.group("name")


def one_off_keys(name: str) -> tuple[str, ...]:
    """Keys shared by the three-character names of the same surname that differ
    from ``name`` in one character (王建国, 王健国 and 王建华 share one each)."""
    if len(name) != 3:
        return ()
    return (name[:1] + "?" + name[2], name[:2] + "?")
