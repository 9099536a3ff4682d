"""Rule type ``name-consistency``: a unit or a person named as another report named them.

``check: unit`` — against the author unit (the signature's, else the title's):
a self-reference of another unit type (我乡 in a 镇's report, 我委 in a 局's, 我局 in a
公司's); for a 镇/乡/街道 author, a township organ of another type written without a
name (带领乡党委一班人, 全乡 in a 镇's report), another township as the subject of a clause (白沙镇党委、政府在…
in 青石镇's report); another county leading (在青山县委、县政府的坚强领导下) or
addressed (青山县人民政府：) where the author's name opens with its county; another
place built in the closing pledge (为建设美丽富裕新石桥提供坚强保证 in 柳溪镇's report); the
old name of a unit reorganised in 2018 (option ``renamed``: old name → new names)
where the draft writes the new name elsewhere — not after 原 and not where the
sentence tells the reorganisation (职责整合, 更名, 划入). Left alone: 我县/我市 (the
author's county), an author whose name or county is left blank (某某街道, XX县), superior and partner units named as such (市自然资源和规划局的指导,
与西城街道接壤), drafts whose author is unknown.

``check: name`` — a person named two ways: a three-character name of the byline,
signature or a titled mention (局长张卫东) written elsewhere with one character
different (李明华 … 李明化; 张卫东 … 张伟东带队), unless the other name carries a
title of its own that differs (副局长李明军 is another person). A titled name is a
candidate however it goes on (局长周明源全年…). Reported at the later mention.

Message fields: unit {found}, {expected}, {line}, {what}; name {name}, {other}, {line}.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from checker.model import Document, Span
from checker.analyse.consistency import DraftFacts
from checker.analyse.people import TITLES, name_candidates, one_off_keys, organ_level
from checker.analyse.unit_mentions import TOWNSHIP_TYPES, UNIT_TYPES
from checker.settings.wordlists import wordlist
from .base import Finding, OptionError, expect
from .consistency_base import DraftCheck
from checker.settings.lazy_regex import lazy_regex

CHECKS = ("unit", "name")
TOLD_REFORM = lazy_regex(r"职责|整合|更名|改为|撤销|划入|组建|合并|改革")
CLAUSE_MARKS = "，,。；;"


def _clauses_around(line: str, start: int, end: int) -> str:
    """The clause of an old name and the one before it: where a reorganisation told
    of it stands (机构改革中，县卫计委更名为…), not the rest of a long sentence
    (在县卫计委的具体指导下，…深化公立医院改革 tells none)."""
    after = min([p for p in (line.find(m, end) for m in CLAUSE_MARKS) if p >= 0] or [len(line)])
    opened = max(line.rfind(m, 0, start) for m in CLAUSE_MARKS)
    opened = max(line.rfind(m, 0, opened) for m in CLAUSE_MARKS) if opened >= 0 else -1
    return line[opened + 1:after]
TITLE_BEFORE = lazy_regex(rf"(?:{TITLES})$")
# a role followed by the name alone (联系人：赵文彬): the deputy in charge is often the contact, the head never
CONTACT_ITSELF = lazy_regex(r"(?:联系人|联络员|经办人|承办人)[：:]?[ \t\u3000]*")
BLANK_NAME = lazy_regex(r"某|[XxＸｘ×*＊○□〇]")  # 某某街道, XX县: a name left blank is no name to compare


def _superior_level(place: str, county: str) -> bool:
    """``place`` is a city over a county or district ``county`` (在临州市委、市政府的坚强领导下 in
    临河县's report: its city leads it too)."""
    return place.endswith("市") and county.endswith(("县", "区"))


def _short_name(author) -> str:
    """The place an author's pledge names (柳溪镇 → 柳溪, 南湖街道 → 南湖; a county
    department: its county, 青禾县 → 青禾), or "" for one without a place."""
    if author.type in TOWNSHIP_TYPES:
        return author.name.removesuffix(author.type)
    return author.county[:-1] if len(author.county) >= 3 else ""


class NameConsistencyRule(DraftCheck):
    CHECKS = CHECKS
    OPTIONS = {"check": None, "renamed": {}}

    def __init__(self, options: dict):
        super().__init__(options)
        options = self.options
        renamed = expect(options["renamed"], dict, "renamed", "a mapping of old unit names to lists of new names")
        self.renamed: dict[str, tuple[str, ...]] = {}
        for old, new in renamed.items():
            if not isinstance(old, str) or not isinstance(new, list) or not new or not all(
                    isinstance(name, str) and name for name in new):
                raise OptionError("option 'renamed' maps each old unit name to a non-empty list of new names")
            self.renamed[old] = tuple(new)
        self.old_names = (re.compile("|".join(sorted(map(re.escape, self.renamed), key=len, reverse=True)))
                          if self.renamed else None)

    # -- unit --------------------------------------------------------------------
    def _unit(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        author = facts.author
        yield from self._renamed(document, facts)
        if author is None:
            return
        signature = self._signature_of_another_type(document, facts)
        if signature is not None:
            yield signature
            author = facts.title_author  # the draft is the title's unit's: judged against it once more
        where = author.line
        text = "\n".join(document.lines)
        for mention in facts.self_references:
            if mention.text.startswith("本") and mention.type in (*TOWNSHIP_TYPES, "社区") \
                    and author.type not in TOWNSHIP_TYPES:
                continue  # 各乡镇优先录用本镇户籍人员 in a 局's draft: each town's own, no self-reference
            if mention.type in UNIT_TYPES and not author.calls_itself(mention.type):
                yield self._finding(mention, f"我{author.type}", where, "自称与落款单位类型不一致")
        county, county_line = (author.county, where) if author.county else facts.county
        leading = self._leading_county(facts, text) if not county else ("", 0)
        if county.endswith(("县", "区")) and not BLANK_NAME.search(county):
            for mention in facts.county_self_references:  # 我县 in 港城区's report
                if mention.type != county[-1] and not mention.text == "全区":  # 全区 may be an autonomous region
                    yield self._finding(mention, county, county_line, "对本县（区）的称谓与本单位所在地不一致")
        if author.type in TOWNSHIP_TYPES:
            for mention in facts.bare_organs:  # 带领乡党委一班人 in a 镇's draft
                if mention.type != author.type:
                    yield self._finding(mention, author.name, where, "单位称谓与落款单位类型不一致")
        for mention in facts.role_mentions:
            if mention.role == "vision":
                own = _short_name(author)
                if own and mention.place != own and not BLANK_NAME.search(own) \
                        and not wordlist("vision-words").regex.fullmatch(mention.place):
                    yield self._finding(mention, own, where, "所建设的地方与本单位不一致")
            elif mention.role == "subject":
                if author.type in TOWNSHIP_TYPES and mention.place != author.name and not BLANK_NAME.search(author.name):
                    yield self._finding(mention, author.name, where, "主体单位与落款单位不一致")
            elif mention.role == "document":  # 制定《柳湾镇安全生产工作职责清单》 in 石桥镇's report
                if self._another_units_document(author, mention):
                    yield self._finding(mention, author.name if author.type in TOWNSHIP_TYPES else author.county, where,
                                        "本单位制定的文件名称中的单位与本单位不一致")
            elif mention.role == "unit-subject":  # 安平县自然资源局高度重视 in 宁源县自然资源局's report
                if mention.place != author.county and not BLANK_NAME.search(author.county + mention.place):
                    yield self._finding(mention, author.county + author.name, where, "主体单位与落款单位不一致")
            elif (author.county and mention.place and mention.place != author.county and not BLANK_NAME.search(author.county)
                  and not _superior_level(mention.place, author.county)):
                what = "称谓中的县（区、市）与本单位所在地不一致" if mention.role == "salutation" else "领导机关所在地与本单位不一致"
                yield self._finding(mention, author.county, where, what)
            elif (not author.county and mention.role == "led-by" and mention.place and (facts.county[0] or leading[0])
                  and mention.place != (facts.county[0] or leading[0]) and text.count(mention.place) == 1
                  and not BLANK_NAME.search((facts.county[0] or leading[0]) + mention.place)):
                # 在云河县委…领导下 in a 乡's report addressed to 白河县防汛抗旱指挥部, 云河县 named nowhere else;
                # 中央、省、市和青山县委 in a 乡's report 在云岭县委…领导下: the county leading it is its own
                own, own_line = facts.county if facts.county[0] else leading
                yield self._finding(mention, own, own_line, "领导机关所在地与本单位不一致")

    @staticmethod
    def _leading_county(facts: DraftFacts, text: str) -> tuple[str, int]:
        """(county, line) of the county named most often as leading the author (在云岭县委…领导下),
        the earliest on a tie, where two counties are named so; ("", 0) otherwise."""
        leading = [m for m in facts.role_mentions if m.role == "led-by" and m.place.endswith(("县", "区"))]
        if len({m.place for m in leading}) < 2:
            return "", 0
        best = max(leading, key=lambda m: (text.count(m.place), -m.line))
        return best.place, best.line

    @staticmethod
    def _another_units_document(author, mention) -> bool:
        """The title of a document the author made opens with another place of its own
        kind: another township for a township (not its county), another county for a
        county's unit whose name follows (禾川县人力资源和社会保障局党组… in 丰禾县人社局's)."""
        place = mention.place
        if BLANK_NAME.search(place + author.name + author.county):
            return False
        if author.type in TOWNSHIP_TYPES:
            return place.endswith(TOWNSHIP_TYPES) and place != author.name
        return (bool(author.county) and place.endswith(("县", "区", "市")) and place != author.county
                and mention.text[len(place):].startswith(author.name))

    @staticmethod
    def _signature_of_another_type(document: Document, facts: DraftFacts) -> Optional[Finding]:
        """The signature's unit of another type than the title's (平川县石桥乡人民政府 under
        石桥镇2025年…自查报告) while two or more self-references of the body call the title's
        and none the signature's: one finding at the signature, not one at each 我镇."""
        author, titled = facts.author, facts.title_author
        if titled is not None and author.line != titled.line:
            other = NameConsistencyRule._signature_of_another_unit(document, author, titled)
            if other is not None:
                return other
        if titled is None or author.line == titled.line or author.calls_itself(titled.type) \
                or titled.calls_itself(author.type):
            return None
        kinds = [mention.type for mention in facts.self_references if mention.type in UNIT_TYPES]
        if sum(map(titled.calls_itself, kinds)) < 2 or any(map(author.calls_itself, kinds)):
            return None
        return NameConsistencyRule._at_signature(document, author, titled, "落款单位与标题、正文的自称不一致")

    @staticmethod
    def _signature_of_another_unit(document: Document, author, titled) -> Optional[Finding]:
        """The signature's unit of the title's type and county but another name (中共临水县卫生健康局党组
        under 中共临水县医疗保障局党组关于…的报告): the title opens with its unit, the author, before 关于;
        the signature's name is nowhere in the title."""
        if author.type != titled.type or author.county != titled.county or not author.county \
                or author.name in titled.name or titled.name in author.name:
            return None
        title = document.lines[titled.line - 1]
        opening = title.split("关于", 1)[0] if "关于" in title else ""
        if not opening or titled.name not in opening or author.name in title or BLANK_NAME.search(author.text):
            return None
        return NameConsistencyRule._at_signature(document, author, titled, "落款单位与标题中的单位不一致")

    @staticmethod
    def _at_signature(document: Document, author, titled, what: str) -> Optional[Finding]:
        """One finding at the signature's unit name, against the title's unit."""
        line = document.lines[author.line - 1]
        start = line.find(author.name)
        if start < 0:
            return None
        return Finding(Span.on_line(author.line, start, start + len(author.name)),
                       {"found": author.name, "expected": titled.name, "line": titled.line, "what": what})

    def _renamed(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        if self.old_names is None:
            return
        text = "\n".join(document.lines)
        written: dict[str, Optional[str]] = {}  # old name -> the new name the draft writes
        lines_of: dict[str, int] = {}  # new name -> the first line writing it
        for number, line in enumerate(document.lines, 1):
            for match in self.old_names.finditer(line):
                old = match.group(0)
                if old not in written:
                    written[old] = next((name for name in self.renamed[old] if name in text), None)
                new = written[old]
                if new is None or line[max(0, match.start() - 2):match.start()].endswith(("原", "原县", "原市", "原区")):
                    continue
                if any(line[match.start() - name.index(old):].startswith(name)
                       for name in self.renamed[old] if old in name and match.start() >= name.index(old)):
                    continue  # 规划局 inside 自然资源和规划局, 旅游局 inside 文化广电旅游局: the new name itself
                if TOLD_REFORM.search(_clauses_around(line, match.start(), match.end())):
                    continue  # 职责整合划入…, 机构改革中，县卫计委更名为…: the reorganisation told
                if new not in lines_of:
                    lines_of[new] = next((n for n, text in enumerate(document.lines, 1) if new in text), 0)
                yield Finding(Span.on_line(number, match.start(), match.end()),
                              {"found": old, "expected": new, "line": lines_of[new], "what": "机构改革前的旧称"})

    @staticmethod
    def _finding(mention, expected: str, line: int, what: str) -> Finding:
        return Finding(Span.on_line(mention.line, mention.column - 1, mention.end_column - 1),
                       {"found": mention.place or mention.text, "expected": expected, "line": line, "what": what})

    # -- name --------------------------------------------------------------------
    def _name(self, document: Document, facts: DraftFacts) -> Iterator[Finding]:
        """One pass over the lines: every name-like run is looked up by the keys it
        shares with the known names one character away (no scan per name)."""
        known: dict[str, list] = {}
        for person in facts.people:
            known.setdefault(person.name, []).append(person)
        by_key: dict[str, list[str]] = {}
        for name in known:
            for key in one_off_keys(name):
                by_key.setdefault(key, []).append(name)
        titled = {(p.line, p.column): p.title for p in facts.people if p.title}
        reported: set[tuple[int, int]] = set()
        titled_on: dict[int, list[tuple[int, str]]] = {}  # a titled name is a candidate however it goes on
        for person in facts.people:
            if person.title:
                titled_on.setdefault(person.line, []).append((person.column - 1, person.name))
        for number, line in enumerate(document.lines, 1):
            candidates = {*name_candidates(line), *titled_on.get(number, ())} if by_key else ()
            for start, other in sorted(candidates):
                for name in {name for key in one_off_keys(other) for name in by_key.get(key, ()) if name != other}:
                    finding = self._one_off(known, name, other, number, start, line, titled, reported)
                    if finding is not None:
                        yield finding

    @staticmethod
    def _one_off(known, name: str, other: str, number: int, start: int, line: str, titled, reported):
        """``other`` written at (number, start) one character away from the known ``name``."""
        mentions = known[name]
        first = mentions[0]
        titles = {p.title for p in mentions if p.title}
        own_title = titled.get((number, start + 1))
        if own_title is None:
            title_match = TITLE_BEFORE.search(line[:start])
            own_title = title_match.group(0) if title_match else None
        if own_title and own_title not in titles:
            return None  # 副局长李明军 is someone else
        levels = {p.level for p in mentions if p.level}
        own_level = organ_level(line[:start - len(own_title)], own_title) if own_title else ""
        if own_level and levels and own_level not in levels:
            return None  # 县委书记周建国 beside the 乡党委书记 周建华: a title of another level, another person
        role = wordlist("other-person-roles").regex.search(line[:start])
        if role and not (CONTACT_ITSELF.fullmatch(role.group(0)) and titles and all(t.startswith("副") for t in titles)):
            return None  # 联系人：局办公室  刘志强 is a clerk, not the 局长 刘志刚; 联系人：赵文彬 may be the 副局长 赵文斌
        if other in known and len(known[other]) > 1:
            return None  # both names stand more than once: two people
        other_titles = {p.title for p in known.get(other, ()) if p.title}
        if titles and other_titles and not titles & other_titles:
            return None  # 局长张卫东 and 副县长张卫国 are each introduced with a title: two people
        if (number, start) < (first.line, first.column - 1):
            span = Span.on_line(first.line, first.column - 1, first.end_column - 1)
            key, shown, against, earlier_line = (first.line, first.column), name, other, number
        else:
            span = Span.on_line(number, start, start + len(other))
            key, shown, against, earlier_line = (number, start + 1), other, name, first.line
        if key in reported:
            return None
        reported.add(key)
        return Finding(span, {"name": shown, "other": against, "line": earlier_line})
