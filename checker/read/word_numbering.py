"""Word's automatic list numbering: the number a reader sees before a paragraph.

Word keeps list numbers out of the paragraph text. A paragraph names a list
instance (``w:numPr``: ``w:numId`` and level ``w:ilvl``), directly or through
its paragraph style; the instance (``w:num``) points to an abstract definition
(``w:abstractNum``) whose levels (``w:lvl``) give the start value, the number
format (``w:numFmt``) and the label template (``w:lvlText``: ``%1、``,
``（%2）``, ``%1.%2``). :class:`ListCounter` replays the document in order and
renders each numbered paragraph's label as Word shows it.

What Word does, and what is done here:

- a definition that only names a list style (``w:numStyleLink``) stands for
  the definition of that style (``w:styleLink``);
- instances of one abstract definition continue one sequence; an instance
  with ``w:lvlOverride/w:startOverride`` (Word's "restart numbering") starts a
  sequence of its own at the overridden value, and a ``w:lvl`` inside the
  override replaces that level's definition;
- using a level restarts the deeper levels (``w:lvlRestart`` narrows that to
  the levels it names; ``0`` never restarts);
- ``w:isLgl`` shows every number of the label as a decimal;
- a bullet (``numFmt bullet``) or ``none`` is no number: its label is empty;
- the separator Word puts after a label (``w:suff``: tab, space) is layout,
  not text, and is left out, so ``一、`` + 总体情况 reads ``一、总体情况``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from checker.numerals import int_to_chinese

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """The qualified name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


def child_val(element, tag: str) -> Optional[str]:
    """The ``w:val`` of the child ``tag`` of ``element`` (None where absent)."""
    if element is None:
        return None
    child = element.find(w(tag))
    return None if child is None else child.get(w("val"))


MAX_NUMBER = 32767  # Word's own bound on a list's start value (ST_DecimalNumber as Word shows it)


def _int(text: Optional[str], default: Optional[int] = None) -> Optional[int]:
    """A decimal attribute, clamped to 0…MAX_NUMBER as Word does (a huge
    w:start would make upperRoman or lowerLetter labels gigabytes long)."""
    try:
        value = int(text[:12]) if text is not None else default
    except ValueError:
        return default
    return min(max(value, 0), MAX_NUMBER) if value is not None else None


# -- number formats (ST_NumberFormat) ---------------------------------------

CHINESE_DIGITS = "〇一二三四五六七八九"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULL_STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def chinese_counting(number: int) -> str:
    """一 … 十、十一 … 九十九、一百、一百零一 … (chineseCounting)."""
    if number < 100:
        return int_to_chinese(number)
    if number >= 10000:
        return chinese_digits(number)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            out += ("零" if zero and out else "") + CHINESE_DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out


def chinese_digits(number: int) -> str:
    """Digit by digit: 二〇二四 (ideographDigital)."""
    return "".join(CHINESE_DIGITS[int(d)] for d in str(number))


def chinese_legal(number: int) -> str:
    """壹、贰 … 拾、拾壹 (chineseLegalSimplified)."""
    return chinese_counting(number).translate(str.maketrans(CHINESE_DIGITS[1:] + "十百千", LEGAL_DIGITS[1:] + "拾佰仟"))


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def letters(number: int) -> str:
    """a … z, aa … zz, aaa …: Word repeats the letter (lowerLetter)."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def cycle(symbols: str) -> Callable[[int], str]:
    return lambda number: symbols[(number - 1) % len(symbols)]


def enclosed(symbols: str) -> Callable[[int], str]:
    """①…⑳ for 1–20, then plain digits, as Word does."""
    return lambda number: symbols[number - 1] if 1 <= number <= len(symbols) else str(number)


NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": enclosed(CIRCLED),
    "decimalEnclosedCircleChinese": enclosed(CIRCLED),
    "decimalEnclosedParen": enclosed(PARENTHESIZED),
    "decimalEnclosedFullstop": enclosed(FULL_STOP),
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "japaneseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "ideographDigital": chinese_digits,
    "taiwaneseDigital": chinese_digits,
    "japaneseDigitalTenThousand": chinese_digits,
    "chineseLegalSimplified": chinese_legal,
    "ideographLegalTraditional": chinese_legal,
    "ideographTraditional": cycle(HEAVENLY_STEMS),
    "ideographZodiac": cycle(EARTHLY_BRANCHES),
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
    "ordinal": lambda n: f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}",
}
NO_NUMBER_FORMATS = ("bullet", "none")


def format_number(number: int, number_format: str) -> str:
    """``number`` as ``number_format`` shows it; an unknown format as a decimal.
    Counted past MAX_NUMBER (a list of 40,000 items), a label stays bounded."""
    return NUMBER_FORMATS.get(number_format, str)(min(number, MAX_NUMBER * 2))


# -- definitions --------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """One ``w:lvl`` of a list definition."""

    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    restart: Optional[int] = None  # w:lvlRestart: None = after any shallower level, 0 = never
    legal: bool = False  # w:isLgl
    style: Optional[str] = None  # w:pStyle: the paragraph style this level belongs to

    @classmethod
    def from_xml(cls, lvl) -> "Level":
        text_element = lvl.find(w("lvlText"))
        return cls(
            start=_int(child_val(lvl, "start"), 1),
            number_format=child_val(lvl, "numFmt") or "decimal",
            text=text_element.get(w("val"), "") if text_element is not None else "",
            restart=_int(child_val(lvl, "lvlRestart")),
            legal=lvl.find(w("isLgl")) is not None and child_val(lvl, "isLgl") not in ("0", "false", "off"),
            style=child_val(lvl, "pStyle"),
        )


@dataclass(frozen=True)
class ListInstance:
    """A ``w:num``: the abstract definition it uses and its overrides."""

    abstract_id: str
    levels: dict[int, Level]  # the abstract levels with the overrides applied
    start_overrides: dict[int, int] = field(default_factory=dict)


class Numbering:
    """The numbering part's definitions (empty for a document without one)."""

    def __init__(self, numbering_xml=None) -> None:
        self.instances: dict[str, ListInstance] = {}
        self.abstract_levels: dict[str, dict[int, Level]] = {}
        if numbering_xml is None:
            return
        style_links, defining = {}, {}  # abstract id -> list style it stands for; list style -> its definition
        for abstract in numbering_xml.findall(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            levels = {_int(lvl.get(w("ilvl")), 0): Level.from_xml(lvl) for lvl in abstract.findall(w("lvl"))}
            self.abstract_levels[abstract_id] = levels
            if child_val(abstract, "numStyleLink"):
                style_links[abstract_id] = child_val(abstract, "numStyleLink")
            if child_val(abstract, "styleLink"):
                defining[child_val(abstract, "styleLink")] = abstract_id
        for num in numbering_xml.findall(w("num")):
            abstract_id = child_val(num, "abstractNumId")
            # a list attached to a list style (w:numStyleLink) uses the definition of that style
            abstract_id = defining.get(style_links.get(abstract_id), abstract_id)
            levels = dict(self.abstract_levels.get(abstract_id, {}))
            overrides = {}
            for override in num.findall(w("lvlOverride")):
                level = _int(override.get(w("ilvl")), 0)
                redefined = override.find(w("lvl"))
                if redefined is not None:
                    levels[level] = Level.from_xml(redefined)
                start = _int(child_val(override, "startOverride"))
                if start is not None:
                    overrides[level] = start
                    levels[level] = replace(levels.get(level, Level()), start=start)
            self.instances[num.get(w("numId"))] = ListInstance(abstract_id, levels, overrides)

    def level_of_style(self, num_id: str, style_id: str) -> int:
        """The level whose ``w:pStyle`` names ``style_id`` (a heading style
        linked to a list level), else 0."""
        instance = self.instances.get(num_id)
        if instance is not None:
            for index, level in instance.levels.items():
                if level.style == style_id:
                    return index
        return 0


class ListCounter:
    """Replays numbered paragraphs in document order; :meth:`label` returns
    the label Word shows before each (``""`` for a bullet or no number)."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        # one sequence per abstract definition, one more per restarted instance
        self.counts: dict[str, dict[int, int]] = {}

    def label(self, num_id: str, level_index: int) -> str:
        instance = self.numbering.instances.get(num_id)
        if instance is None or num_id == "0":
            return ""
        level = instance.levels.get(level_index)
        if level is None:
            return ""
        key = f"num:{num_id}" if instance.start_overrides else f"abstract:{instance.abstract_id}"
        counts = self.counts.setdefault(key, {})
        counts[level_index] = counts[level_index] + 1 if level_index in counts else level.start
        for deeper in [index for index in counts if index > level_index]:
            restart = instance.levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and level_index <= restart - 1):
                del counts[deeper]
        if level.number_format in NO_NUMBER_FORMATS:
            return ""
        return self._render(level, instance, counts)

    @staticmethod
    def _render(level: Level, instance: ListInstance, counts: dict[int, int]) -> str:
        out, text, index = [], level.text, 0
        while index < len(text):
            char = text[index]
            if char == "%" and index + 1 < len(text) and text[index + 1] in "123456789":
                shown = int(text[index + 1]) - 1
                shown_level = instance.levels.get(shown, Level())
                value = counts.get(shown, shown_level.start)
                out.append(format_number(value, "decimal" if level.legal else shown_level.number_format))
                index += 2
                continue
            out.append(char)
            index += 1
        return "".join(out)
