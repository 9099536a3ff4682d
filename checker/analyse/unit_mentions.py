"""Who writes the draft and how it names itself.

- The author unit: the unit named in the signature (云溪县卫生健康局, 中共青石镇委员会,
  东城街道办事处), else in the title block (云溪县自然资源局局长2025年度述职报告); its
  type (局, 委, 办, 镇, 乡, 街道, 公司), its own name (青石镇, 东城街道) and its county
  (云溪县) where the name opens with one.
- Self-references: 我局, 我委, 我镇, 本镇, 我街道, 我公司…; a township organ written
  without a name (带领镇党委一班人, 全乡), which in a township's draft is its own.
- Places in a self-referential role: a 镇/乡/街道 as the subject of a clause (白沙镇党委、
  政府在…), who leads it (在X县委、县政府的领导下: its county, if named), and the county of the salutation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence
from checker.settings.lazy_regex import lazy_regex
from checker.settings.wordlists import lazy_lexicon_regex, lexicon_regex, wordlist

UNIT_TYPES = ("街道", "社区", "镇", "乡", "局", "委", "办", "厅", "公司", "院", "中心", "校", "社", "所", "站", "队",
              "村", "行", "馆", "厂", "园", "部")
TOWNSHIP_TYPES = ("街道", "镇", "乡")
# how a unit calls itself (我局, 本镇, 我中心, 我校…) and the type each word names; a word
# that also opens a common phrase is held back by what follows it: 我所在的支部 and
# 我所分管的 (所 + a verb) are no 派出所, 我站在群众一边 no 站, 我会同 no 会 (not read at all),
# 我社会 no 社, 我队伍 no 队, 我司法所 no 司
SELF_REFERENCE = lazy_regex(
    r"(?:我(?P<mine>街道|社区|镇|乡|局|委(?!员)|办(?!法)|厅|公司|集团|院(?!士)|中心(?!城)|校(?![园区友长])"
    r"|社(?![会保团员情交科工])|所(?=[，。、；]|与|联合|会同|党支部|全体|干部|民警|职工|辖区|共|累计|全年|高度|认真|始终|坚持|严格|扎实|积极|及时)"
    r"|站(?![在稳起出到好队位岗上成着了定住台点立])|大队|支队|队(?![伍员])|司(?![法机令空长职])"
    r"|村(?![民级庄里子组])|行(?![政动为业使程走之列进])|馆(?![藏])|厂(?![区房家])|园(?![区林艺地])|部(?![门署分队位件]))"
    r"|本(?P<this>街道|社区|镇|乡|局|公司|集团|中心|校|所|站|馆|厂))")  # 本村劳动力, 本行业: no self-reference
# a self-reference word -> the author type it names (我司 and 我集团 are a 公司's, 我大队 a 队's)
SELF_TYPE = {"司": "公司", "集团": "公司", "大队": "队", "支队": "队"}
TOWNSHIP = lazy_regex(r"(?P<name>[\u4e00-\u9fff]{2,3}?(?:街道|镇|(?<!城)乡))")  # 城乡建设局 names no 乡
COUNTY_PREFIX = lazy_regex(r"^(?:中共)?(?P<county>[\u4e00-\u9fff]{2,3}?[县区市](?<![社小园景]区))(?!委|政府|人民政府|长)")
SUBJECT_TOWNSHIP = lazy_lexicon_regex(
    r"(?:(?:^[ \t\u3000#*]*|[。；]|(?:年|以来|季度|半年)[，,])(?P<name>[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡))"
    r"(?=党委|党工委|政府|人民政府|办事处|{lexicon:subject-verbs}|{lexicon:subject-verbs-opening})"
    # after any comma only with a verb of the author's own doing (要求，东城街道对照考核细则)
    r"|[，,](?P<acting>[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡))(?:党工委|党委|政府|人民政府|办事处)?"
    r"(?:、(?:办事处|政府|人民政府))?(?={lexicon:subject-verbs}))")
# a township organ written without its name (镇党委, 乡政府, 全乡, 街道党工委): in a
# township's own draft it is the author's; one of another type is left over. Before it:
# a mark or a word that cannot end a place name (带领镇党委, 由乡政府, 全镇).
BARE_TOWNSHIP = lazy_regex(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[由在经和与及向对将为领请是并即从]))(?P<type>镇|乡|街道)"
    r"(?P<organ>党委|党工委|人民政府|政府|办事处|纪委)"
    r"|(?<![健完齐安保周成])全(?P<whole>镇|乡|街道)(?![村镇])")
# (在市税务局党委和临川县委、县政府的坚强领导下: the county after another leader too)
# the chain of superiors whose meetings a unit studies (学习贯彻中央、省、市和云岭县委重要会议精神): its county last
SUPERIOR_CHAIN = lazy_regex(r"中央、省(?:委)?、市(?:委)?(?:和|及|、)(?P<county>[\u4e00-\u9fff]{2,3}?[县区])委")
LED_BY = lazy_regex(r"在(?:[\u4e00-\u9fff、]{2,12}?[和、])?(?:(?P<county>[\u4e00-\u9fff]{2,3}?[县区市])|[县区市])委[\u4e00-\u9fff、]{0,14}?的[\u4e00-\u9fff]{0,4}领导")
# the place a closing pledge builds (为建设美丽富裕新柳溪提供坚强保证): the author's own
VISION = lazy_regex(r"为(?:奋力|加快|全面)?(?:建设|打造|谱写|推动|开创)[\u4e00-\u9fff、]{0,14}?新(?P<place>[\u4e00-\u9fff]{2})"
                    r"(?=提供|作出|做出|贡献|而努力|而奋斗)")
SALUTATION_COUNTY = lazy_regex(r"^[ \t\u3000]*(?P<county>[\u4e00-\u9fff]{2,3}?[县区市])(?:委|人民政府|政府)")
# the county a draft names as its own where its author's name does not (白石乡人民政府): the
# county of the addressee (白河县防汛抗旱指挥部：) or of the instructions it follows (根据中共云岗县委
# 组织部…的通知要求) — a county or district only: a county's department may well address the city
COUNTY = r"(?P<county>[\u4e00-\u9fff]{2,3}?[县区](?<![社小园景]区))"
ADDRESSEE_COUNTY = lazy_regex(rf"^[ \t\u3000]*(?:中共)?{COUNTY}[\u4e00-\u9fff]{{1,14}}[：:][ \t\u3000]*$")
INSTRUCTED_BY = lazy_regex(rf"(?:根据|按照|遵照)(?:中共)?{COUNTY}(?:委|人民政府|政府)")
# a document the author made itself (制定《东湖街道2025年基层党建工作要点》, 印发《禾川县人力资源和社会
# 保障局党组落实…方案》): the place its title opens with is the author's
OWN_DOCUMENT = lazy_regex(r"(?:制定|制订|印发|出台|修订|编制|起草|拟定)了?《(?:中共)?(?P<place>[\u4e00-\u9fff]{2,3}?(?:街道|镇|乡|县|区|市))"
                          r"(?P<rest>[^》]{2,60})》")
# a clause where another unit does the making (指导、督促、帮助…制定)
OTHERS_DOING = lazy_regex(r"指导|督促|帮助|协助|推动|要求|支持|转发")
PARTY_COMMITTEE = lazy_regex(r"(?:党工委|党委|委员会|委(?!员))")
PLACE_COMMITTEE = lazy_regex(r"(?P<type>街道|镇|乡)(?:党工委|党委|委员会|委)$")
NOT_A_NAME = "各全本我该每乡镇村县区市省街"
NOT_IN_A_NAME = lazy_regex(r"[是由在和与及的对向将为从把]")  # 三是由乡党委… names no 乡
# a verb before a township organ (列席镇党委会议, 协助镇纪委): the author's own organ, no place
VERB_BEFORE_ORGAN = lazy_lexicon_regex(r"^{lexicon:verbs-before-organ}")
# a unit of a township names the township but is none (青石镇卫生院: 我院, 青石镇中心小学: 我校,
# 东关街道柳园社区: 我社区; not 我镇's organs): the last such word of its name
TOWNSHIP_INSTITUTION = lazy_regex(r"[\u4e00-\u9fff]{0,10}(?P<suffix>卫生院|社区|中心|小学|中学|学校|所|站|大队|中队|合作社|社)")
# the unit words an author's name ends with, and the type each makes
BUREAU = lazy_regex(r"(?P<name>[\u4e00-\u9fff]{2,12}?(?P<suffix>局|委员会|委|办公室|厅|医院|法院|检察院|研究院|学院|卫生院"
                    r"|社区|中心|小学|中学|学校|大学|派出所|所|站|大队|支队|中队|合作社|联合社|联社|信用社|报社|出版社"
                    r"|支行|分行|银行|馆|厂|幼儿园|(?<![支总])部|村(?=党|村民委员会|委员会|委会|[ \t\u3000]|$)))")
INSTITUTION_TYPES = (("社区", ("社区",)), ("委", ("委员会", "委")), ("办", ("办公室",)), ("院", ("院",)),
                     ("校", ("小学", "中学", "学校", "大学")), ("队", ("队",)), ("社", ("社",)), ("行", ("行",)),
                     ("园", ("幼儿园",)))
# where the unit's name ends in a title or signature: 关于…, a year, 的 (县教育局关于全县中小学校…: 局)
UNIT_NAME_END = lazy_regex(r"关于|(?:19|20)\d\d|[一二][〇零○一二三四五六七八九]{3}年|的")
COMPANY = lazy_regex(r"(?P<name>[\u4e00-\u9fff]{2,16}?(?:公司|集团))")


@dataclass(frozen=True)
class AuthorUnit:
    text: str  # as written: 云溪县卫生健康局
    type: str  # one of UNIT_TYPES
    name: str  # the unit's own name: 青石镇, 东城街道, 卫生健康局
    county: str  # 云溪县 where the unit's name opens with it, else ""
    line: int
    also: tuple[str, ...] = ()  # other self-references it may use: a 镇党委 says 我镇 and 我委

    def calls_itself(self, kind: str) -> bool:
        return kind == self.type or kind in self.also


@dataclass(frozen=True)
class UnitMention:
    line: int
    column: int
    end_column: int
    text: str
    role: str  # "self" (我局), "subject" (白沙镇党委、政府在…), "led-by" (在X县委…领导下), "salutation",
    #            "vision" (为建设…新柳溪提供坚强保证), "unit-subject" (安平县自然资源局高度重视),
    #            "document" (制定《柳湾镇…清单》: place, and text the title)
    type: str = ""  # for a self-reference: 局, 镇…
    place: str = ""  # for the others: the township or county named


def parse_unit(text: str, line: int) -> Optional[AuthorUnit]:
    """The unit a signature or title names, or None."""
    text = text.strip(" \t\u3000#*")
    text = text[len(prefix.group(0)):] if (prefix := wordlist("unit-name-prefixes").regex.match(text)) else text
    county_match = COUNTY_PREFIX.match(text)
    county = county_match.group("county") if county_match else ""
    # the township after its county (临川区南湖街道办事处: 南湖街道), else anywhere in the name
    for match in [*TOWNSHIP.finditer(text, len(county))][:1] + [*TOWNSHIP.finditer(text)] if county else \
            TOWNSHIP.finditer(text):
        name = match.group("name")
        if name[0] in NOT_A_NAME or name.endswith("乡镇"):
            continue
        kind = next(t for t in TOWNSHIP_TYPES if name.endswith(t))
        rest = text[match.end():]
        institution = TOWNSHIP_INSTITUTION.match(UNIT_NAME_END.split(rest, 1)[0])
        if institution:  # 青石镇卫生院, 东关街道柳园社区: a unit of the 镇, which may say 我镇 too
            return AuthorUnit(text, _institution_type(institution.group("suffix")),
                              name.removeprefix("中共") + institution.group(0), county, line, (kind,))
        also = ("委",) * bool(PARTY_COMMITTEE.match(rest)) + ("办",) * rest.startswith("办事处")
        return AuthorUnit(text, kind, name.removeprefix("中共"), county, line, also)
    rest = UNIT_NAME_END.split(text[len(county):] if county else text, 1)[0]
    # the last unit the name holds is the author (县公安局城关派出所, 县交通运输局执法大队)
    units = [*BUREAU.finditer(rest)]
    # …社区居民委员会 is the 社区's, 河湾村民委员会 the 村's
    village = next((unit for unit in units if unit.group("name").endswith(("村民委员会", "村委会"))), None)
    if village is not None:
        return AuthorUnit(text, "村", village.group("name"), county, line, ("委",))
    bureau = next((unit for unit in units if unit.group("suffix") == "社区"), units[-1] if units else None)
    company = COMPANY.search(rest)
    if company and (bureau is None or company.start() < bureau.start()):
        name = company.group("name")
        return AuthorUnit(text, "公司", name, county, line)
    if bureau:
        name = bureau.group("name")
        kind = _institution_type(bureau.group("suffix"))
        place = PLACE_COMMITTEE.search(name) if kind == "委" else None  # 镇党委, 某镇委员会: the 镇's own
        also = (place.group("type"),) if place else ("校",) if name.endswith("学院") else \
            ("委",) if kind in ("社区", "村") else ()
        if kind in UNIT_TYPES:
            return AuthorUnit(text, kind, name, county, line, also)
    return None


def _institution_type(suffix: str) -> str:
    """The unit type a name's last word makes (委员会: 委, 中学: 校, 合作社: 社)."""
    for kind, ends in INSTITUTION_TYPES:
        if suffix.endswith(ends):
            return kind
    return suffix if suffix in UNIT_TYPES else suffix[-1]


def author_unit(signature_lines: Iterable[tuple[int, str]], title_lines: Iterable[tuple[int, str]]) -> Optional[AuthorUnit]:
    """The signature's unit (its first line naming one), else the title block's;
    never an addressee (县卫生健康局： under a 县人民医院's title is its superior)."""
    for number, text in list(signature_lines) + list(title_lines):
        if text.rstrip(" \t\u3000").endswith(("：", ":")):
            continue
        unit = parse_unit(text, number)
        if unit is not None:
            return unit
    return None


def _quoted(line: str, position: int) -> bool:
    """``position`` stands inside a “…” opened before it on the line."""
    opened = line.rfind("“", 0, position)
    return opened >= 0 and line.rfind("”", 0, position) < opened


def self_references(lines: Sequence[str]) -> tuple[UnitMention, ...]:
    found = []
    for number, line in enumerate(lines, 1):
        if "我" not in line and "本" not in line:
            continue
        for match in SELF_REFERENCE.finditer(line):
            if _quoted(line, match.start()):
                continue  # 村民说“我村变化大”: someone else's words
            kind = match.group("mine") or match.group("this")
            kind = SELF_TYPE.get(kind, kind)
            found.append(UnitMention(number, match.start() + 1, match.end() + 1, match.group(0), "self", type=kind))
    return tuple(found)


# how a draft names its own county or district (我县, 本区, 全县): a 区's draft saying 我县 (or a 县's
# saying 我区) was written for another place; not an alternative left open (全县（区）, 区（县）)
COUNTY_SELF = lazy_regex(r"(?<![（(])(?:[我本全](?P<kind>县|区))(?![（(域级])")
RENAMED_COUNTY = lazy_regex(r"撤县设区|撤县建区|县改区|撤县设市")


def county_self_references(lines: Sequence[str]) -> tuple[UnitMention, ...]:
    """我县, 本区, 全县… (role "county-self", type 县 or 区); none where the draft tells its county
    became a district (撤县设区)."""
    if any(RENAMED_COUNTY.search(line) for line in lines):
        return ()
    found = []
    for number, line in enumerate(lines, 1):
        if "县" not in line and "区" not in line:
            continue
        for match in COUNTY_SELF.finditer(line):
            if not _quoted(line, match.start()):
                found.append(UnitMention(number, match.start() + 1, match.end() + 1, match.group(0), "county-self",
                                         type=match.group("kind")))
    return tuple(found)


def bare_organs(lines: Sequence[str]) -> tuple[UnitMention, ...]:
    """Township organs written without a name (带领镇党委一班人, 由乡政府牵头, 全乡):
    the draft's own, in a township's draft (role "bare", type 镇/乡/街道)."""
    found = []
    for number, line in enumerate(lines, 1):
        if "镇" not in line and "乡" not in line and "街道" not in line:
            continue
        for match in BARE_TOWNSHIP.finditer(line):
            kind = match.group("type") or match.group("whole")
            found.append(UnitMention(number, match.start() + 1, match.end() + 1, match.group(0), "bare", type=kind))
    return tuple(found)


def role_mentions(lines: Sequence[str], salutation_line: int) -> tuple[UnitMention, ...]:
    """Places named in a self-referential role: a township as a clause's subject,
    the county leading (在X县委…领导下), the county of the salutation."""
    found = []
    for number, line in enumerate(lines, 1):
        # every match holds a township word (街道/镇/乡) or 领导: a line without is not scanned
        township = "镇" in line or "乡" in line or "街道" in line
        for match in SUBJECT_TOWNSHIP.finditer(line) if township else ():
            group = "name" if match.group("name") else "acting"
            name = match.group(group)
            if name[0] not in NOT_A_NAME and not NOT_IN_A_NAME.search(name) and not VERB_BEFORE_ORGAN.search(name):
                found.append(UnitMention(number, match.start(group) + 1, match.end(group) + 1, name, "subject",
                                         place=name))
        for match in LED_BY.finditer(line) if "领导" in line else ():
            place = match.group("county") or ""  # 在县委、县政府的领导下: the county left unnamed
            start, end = match.span("county") if place else match.span()
            found.append(UnitMention(number, start + 1, end + 1, match.group(0), "led-by", place=place))
        for match in SUPERIOR_CHAIN.finditer(line) if "中央" in line else ():
            found.append(UnitMention(number, match.start("county") + 1, match.end("county") + 1, match.group(0), "led-by",
                                     place=match.group("county")))
        for match in VISION.finditer(line) if "新" in line else ():  # 为建设美丽富裕新柳溪提供坚强保证
            found.append(UnitMention(number, match.start("place") + 1, match.end("place") + 1, match.group(0),
                                     "vision", place=match.group("place")))
        for match in OWN_DOCUMENT.finditer(line) if "《" in line else ():  # 制定《柳湾镇安全生产工作职责清单》
            clause = re.split(r"[，,。；;]", line[:match.start()])[-1]
            if match.group("place") in clause or OTHERS_DOING.search(clause):
                continue  # 指导柳湾镇制定《柳湾镇…方案》: the other place's own document
            found.append(UnitMention(number, match.start("place") + 1, match.end("place") + 1,
                                     match.group("place") + match.group("rest"), "document", place=match.group("place")))
    if salutation_line:
        match = SALUTATION_COUNTY.match(lines[salutation_line - 1])
        if match:
            found.append(UnitMention(salutation_line, match.start("county") + 1, match.end("county") + 1,
                                     match.group("county"), "salutation", place=match.group("county")))
    return tuple(found)


def own_county(lines: Sequence[str], salutation_line: int) -> tuple[str, int]:
    """(county, line) a draft names as its own outside its author's name: the one county
    of its addressee (白河县防汛抗旱指挥部：) and of the instructions it follows (根据中共云岗县委
    组织部…通知要求); ("", 0) where it names none or two."""
    counties: dict[str, int] = {}
    if salutation_line:
        match = ADDRESSEE_COUNTY.match(lines[salutation_line - 1])
        if match:
            counties[match.group("county")] = salutation_line
    for number, line in enumerate(lines, 1):
        if "根据" in line or "按照" in line or "遵照" in line:
            for match in INSTRUCTED_BY.finditer(line):
                counties.setdefault(match.group("county"), number)
    return next(iter(counties.items())) if len(counties) == 1 else ("", 0)


def units_as_subject(lines: Sequence[str], author: Optional[AuthorUnit]) -> tuple[UnitMention, ...]:
    """A county's unit of the author's own kind as the subject of a clause told by itself
    (安平县自然资源局高度重视 in 宁源县自然资源局's report; role "unit-subject", place: its
    county); only for an author whose name gives its county and is no township."""
    if author is None or not author.county or author.type in TOWNSHIP_TYPES or len(author.name) < 3:
        return ()
    # a city's bureau tells of its counties' bureaus (安平县自然资源局积极探索… in 临州市自然资源局's
    # report): only a place of the author's own level is another author
    level = "市" if author.county.endswith("市") else "县区"
    subject = lexicon_regex(rf"(?:^[ \t\u3000#*]*|[。；，,]){COUNTY}{re.escape(author.name)}(?:党组|党委)?"
                            r"(?=[\u4e00-\u9fff]{0,4}(?:{lexicon:subject-verbs}))")
    found = []
    for number, line in enumerate(lines, 1):
        if author.name not in line:
            continue
        for match in subject.finditer(line):
            if match.group("county")[-1] not in level:
                continue
            found.append(UnitMention(number, match.start("county") + 1, match.end("county") + 1,
                                     match.group(0).lstrip("。；，, \t\u3000#*"), "unit-subject",
                                     place=match.group("county")))
    return tuple(found)
