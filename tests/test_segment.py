"""Segmentation without jieba's dictionary loaded decides exactly as jieba
with its full dictionary does: every enumerator candidate (small numeral
dictionary, then the sorted word index) in the samples, the corpus, the test drafts, the examples, the rules'
examples and generated clauses, and the word index answers every fragment
as jieba's prefix table does. The word index lives in the per-user cache;
its absence, damage or unwritability costs time, never an error."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.parse import segment, word_index
from checker.parse.enumerations import SHI_CANDIDATE, clause_at
from checker.lint.ruleset import load_rules
from conftest import EXAMPLES, ROOT, SHARED

NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
           "十一", "十二", "十三", "十九", "二十", "二十一", "三十"]
# words a list item often opens with after 一是 / 二是: those that start with a
# numeral meet the words 一是一 / 二是二 of the dictionary
OPENING_WORDS = ["一些", "一体", "一批", "一把手", "一以贯之", "一站式", "一线", "一般", "一定", "一系列",
                 "二手", "二万户", "二〇二四年", "一是一", "二是二", "十分", "一、二", "三是三", ""]


@pytest.fixture(scope="module")
def jieba_full():
    """jieba itself with its full dictionary: the reference."""
    import jieba

    with open(word_index.jieba_dictionary(), "rb") as dictionary:
        frequencies, total = jieba.Tokenizer.gen_pfdict(dictionary)
    tokenizer = jieba.Tokenizer(str(word_index.jieba_dictionary()))
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, total, True
    return tokenizer


def jieba_words(tokenizer, text: str) -> list[str]:
    return list(tokenizer.cut(text, HMM=False))


def real_texts() -> list[str]:
    files = [*EXAMPLES.glob("*.txt"), *SHARED.glob("samples/*.txt"), *SHARED.glob("corpus/*.txt"),
             *(ROOT / "tests" / "drafts").glob("*.txt")]
    texts = [path.read_text(encoding="utf-8") for path in files]
    texts += [example.text for rule in load_rules() for example in (*rule.fails, *rule.passes)]
    return texts


def candidate_clauses() -> list[str]:
    """Every candidate in the samples, the corpus, the examples and the rules'
    examples, then numbers × opening words × clause openings of real text."""
    texts = real_texts()
    clauses = [clause_at(line, m.start()) for text in texts for line in text.splitlines()
               for m in SHI_CANDIDATE.finditer(line)]
    openings = [m.group(0) for text in texts for m in re.finditer(r"(?<=[，。；：、\n])[^，。；：、\n]{1,24}", text)]
    generator = random.Random(9)
    for number in NUMBERS:
        for word in OPENING_WORDS:
            for opening in generator.sample(openings, 12):
                clauses.append(clause_at(f"{number}是{word}{opening}", 0))
    return [c for c in clauses if SHI_CANDIDATE.match(c)]


def test_the_small_dictionary_decides_as_the_full_one(jieba_full):
    clauses = candidate_clauses()
    by_numerals = {c: segment.first_word_by_numerals(c) for c in clauses}
    decided = [c for c, first in by_numerals.items() if first is not None]
    left = [c for c, first in by_numerals.items() if first is None]
    assert len(decided) > 3000 and left  # both ways are exercised
    assert all(c.lstrip(segment.NUMERALS).startswith("是") or "是" in c for c in left)
    differing = [(c, first, jieba_words(jieba_full, c)[0]) for c, first in by_numerals.items()
                 if segment.enumerator_first_word(c) != jieba_words(jieba_full, c)[0]]
    assert differing == []


def test_the_word_index_answers_as_jiebas_prefix_table(jieba_full):
    """Words, prefixes and fragments that start no word, drawn at random from
    the table itself and from real text; the total is jieba's."""
    index = word_index.full_index()
    assert index.total == jieba_full.total
    generator = random.Random(7)
    keys = generator.sample(sorted(jieba_full.FREQ), 20000)
    text = "".join(real_texts())
    fragments = [text[i:i + generator.randint(1, 5)] for i in generator.sample(range(len(text) - 5), 20000)]
    fragments += [key + "\u9fa5" for key in keys[:2000]] + ["", "\U0010ffff", "AT&T", "B超"]
    differing = [(f, index.get(f), jieba_full.FREQ.get(f)) for f in keys + fragments
                 if index.get(f) != jieba_full.FREQ.get(f)]
    assert differing == []
    assert {jieba_full.FREQ.get(f) is None for f in fragments} == {True, False}  # both kinds met


SMALL_DICTIONARIES = ["", "中国 5 ns\n", "中国 5\n中 7\n中国人 2\n中国 9 n\nab 3\nAT&T 3 nz\n中 1\n",
                      "乙 1\n甲 2\n乙 3\n甲乙 4\n甲 5\n丙 6\n乙 7\n"]


@pytest.mark.parametrize("chunk", [1, 2, 3, 4_096])
@pytest.mark.parametrize("text", SMALL_DICTIONARIES)
def test_the_index_built_in_chunks_is_jiebas_table(monkeypatch, text, chunk):
    """Built through sorted chunks merged (repeated words in different chunks:
    the last line gives the frequency), the index answers every word and
    prefix as gen_pfdict's table does, with its total."""
    import io

    import jieba

    monkeypatch.setattr(word_index, "CHUNK", chunk)
    built = io.BytesIO()
    word_index.build(io.BytesIO(text.encode("utf-8")), built)
    index = word_index.WordIndex(built.getvalue())
    table, total = jieba.Tokenizer.gen_pfdict(io.BytesIO(text.encode("utf-8")))
    assert index.total == total and index.count == len({line.split(" ")[0] for line in text.splitlines()})
    assert {key: index.get(key) for key in [*table, "中华", "乙丙", "z"]} == {**table, "中华": None, "乙丙": None, "z": None}


def test_a_bad_dictionary_line_is_named():
    import io

    with pytest.raises(ValueError, match="line 2"):
        word_index.build(io.BytesIO("中国 5\n中国\n".encode("utf-8")), io.BytesIO())


@pytest.mark.parametrize("clause, first", [("一是加强学习", "一"), ("十二是压实责任", "十二"),
                                           ("一是一", "一是一"), ("二是二", "二是二")])
def test_first_words(clause, first):
    assert segment.enumerator_first_word(clause) == first


SEGMENT = ("import sys; from checker.parse import segment; "
           "print(segment.enumerator_first_word('一是一'), segment.enumerator_first_word('三是加强'), "
           "'jieba' in sys.modules, segment.full_words('地块地块')[1])")


def run_segment(cache_home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", SEGMENT], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def word_indexes(cache_home: Path) -> list[Path]:
    """The word index files, and any temporary left behind (the regexes' code,
    checker/settings/lazy_regex.py, and the dataclasses' code,
    checker/settings/dataclass_code.py, are other files of the same cache)."""
    return [path for path in (cache_home / "reportlint").iterdir()
            if not path.name.startswith(("regex-code-", "dataclass-code-"))]


def test_the_full_dictionary_is_cached_per_user_without_leftovers(tmp_path):
    first = run_segment(tmp_path)
    assert (first.returncode, first.stdout.split(), first.stderr) == (0, ["一是一", "三", "False", "地块"], "")
    [cache] = word_indexes(tmp_path)  # one index: no temporary left behind
    assert cache.stat().st_size > 1_000_000
    stamp = cache.stat().st_mtime_ns
    again = run_segment(tmp_path)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    assert cache.stat().st_mtime_ns == stamp  # read, not written again


DAMAGES = {"garbage": lambda data: b"\x00 not an index",
           "empty": lambda data: b"",
           "truncated": lambda data: data[: len(data) // 2],
           "one byte changed": lambda data: data[:-1000] + bytes([data[-1000] ^ 1]) + data[-999:]}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_cache_is_rebuilt(tmp_path, damage):
    first = run_segment(tmp_path)
    [cache] = word_indexes(tmp_path)
    good = cache.read_bytes()
    cache.write_bytes(DAMAGES[damage](good))
    result = run_segment(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, first.stdout, "")
    assert cache.read_bytes() == good and word_indexes(tmp_path) == [cache]


def test_a_cache_directory_that_cannot_be_made_costs_no_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_segment(blocker)  # $XDG_CACHE_HOME/reportlint cannot be created under a file
    assert (result.returncode, result.stdout.split()[:2], result.stderr) == (0, ["一是一", "三"], "")


def test_a_read_only_cache_directory_costs_no_error(tmp_path):
    if os.geteuid() == 0:  # root writes through permission bits: take a directory nobody can write in
        read_only = Path("/proc")
    else:
        read_only = tmp_path / "read-only"
        (read_only / "reportlint").mkdir(parents=True)
        for folder in (read_only / "reportlint", read_only):
            folder.chmod(0o555)
    result = run_segment(read_only)
    assert (result.returncode, result.stdout.split()[:2], result.stderr) == (0, ["一是一", "三"], "")
    assert not list(read_only.glob("reportlint/*"))
