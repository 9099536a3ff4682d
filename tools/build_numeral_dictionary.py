"""Write checker/data/numeral_words.txt, the small jieba dictionary that
decides whether 一是 / 十二是 … opens an enumeration (checker/parse/segment.py).

    python tools/build_numeral_dictionary.py

It keeps, from jieba's own dictionary (the installed jieba's dict.txt), every
word made of Chinese numerals (一, 十二, 二十一…) and every word that is
numerals followed by 是 (一是一, 二是二): those are all the words that can
start inside the numerals of an enumerator candidate. The first line records
the full dictionary's total frequency, so that the small dictionary scores
words exactly as the full one does. Re-run it after upgrading jieba.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "checker" / "data" / "numeral_words.txt"
NUMERAL_WORD = re.compile(r"^[一二三四五六七八九十]+(?:是.*)?$")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import jieba

    from checker.parse.segment import jieba_dictionary

    total, kept = 0, []
    with open(jieba_dictionary(), encoding="utf-8") as dictionary:
        for line in dictionary:
            word, frequency = line.split(" ")[:2]
            total += int(frequency)
            if NUMERAL_WORD.match(word):
                kept.append(f"{word} {frequency}")
    TARGET.parent.mkdir(exist_ok=True)
    TARGET.write_text(f"# total {total} jieba {jieba.__version__} (tools/build_numeral_dictionary.py)\n"
                      + "\n".join(sorted(kept)) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(kept)} words of {total:,} total frequency")


if __name__ == "__main__":
    main()
