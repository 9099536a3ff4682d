"""Numbers as written in outlines: Chinese numerals, full-width digits, circled."""

from __future__ import annotations

CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                  "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def chinese_to_int(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 九十九 -> 99; None if not a numeral."""
    if not text:
        return None
    if "十" not in text:
        if len(text) == 1 and text in CHINESE_DIGITS:
            return CHINESE_DIGITS[text]
        return None
    tens, _, units = text.partition("十")
    if "十" in units:
        return None
    tens_value = 1 if tens == "" else CHINESE_DIGITS.get(tens) if len(tens) == 1 else None
    units_value = 0 if units == "" else CHINESE_DIGITS.get(units) if len(units) == 1 else None
    if tens_value is None or units_value is None:
        return None
    return tens_value * 10 + units_value


def int_to_chinese(number: int) -> str:
    names = "零一二三四五六七八九"
    if number < 10:
        return names[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


def parse_number(text: str) -> int | None:
    """The value of any outline number: 三, 12, １２, ③."""
    text = text.strip().translate(FULLWIDTH_DIGITS)
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) == 1 and text in CIRCLED:
        return CIRCLED.index(text) + 1
    return chinese_to_int(text)
