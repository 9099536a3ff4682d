"""Chinese word segmentation with jieba, paying only for what a document needs.

Enumerator candidates (一是…, 十二是…) are judged by the first word jieba
gives the clause they open. That word is decided on a small dictionary
(checker/data/numeral_words.txt, a few hundred words taken from jieba's own by
tools/build_numeral_dictionary.py), with the same result as the full one:

    jieba picks the segmentation with the highest sum of word scores. Unless a
    dictionary word crosses from the numerals into the 是 after them, every
    segmentation cuts right before that 是; the score of what follows is then
    the same for every choice of the first word and cancels out, so only the
    words made of numerals count — and the small dictionary has all of them,
    with their frequencies and the full dictionary's total. The words that do
    cross (一是一, 二是二) are in it too; when one of them is in the clause,
    the full dictionary decides (tests/test_segment.py checks both ways give
    the same decisions on real and generated clauses).

:func:`full_words` segments any text with jieba's full dictionary. It is
loaded on first use (≈0.5 s) from a prefix table kept in the per-user cache
(checker/parse/cache.py); where that cannot be written, each process builds the
table again (slower, never an error).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
import marshal
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import cache

NUMERALS = "一二三四五六七八九十"
NUMERAL_DICTIONARY = Path(__file__).resolve().parent.parent / "data" / "numeral_words.txt"
CACHE_FORMAT = 1  # bump when the cached prefix table changes shape


def jieba_dictionary() -> Path:
    """jieba's full dictionary (dict.txt in its package), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def _import_jieba():
    """The jieba module, imported without what its package pulls in and the
    linter never uses: pkg_resources (≈100 ms; jieba falls back to plain
    open() without it, and every dictionary here is opened by path) and the
    HMM tables of jieba.finalseg (≈10 ms; used only by cut(HMM=True), and then
    loaded on first use by importlib's LazyLoader)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    block_pkg_resources = "pkg_resources" not in sys.modules
    if block_pkg_resources:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    spec = importlib.util.find_spec("jieba")
    jieba = importlib.util.module_from_spec(spec)
    sys.modules["jieba"] = jieba
    try:
        # set before jieba's `from . import finalseg` runs, which then takes it as it is
        jieba.finalseg = _deferred_module("jieba.finalseg", spec.submodule_search_locations)
        spec.loader.exec_module(jieba)
    except BaseException:
        sys.modules.pop("jieba", None)
        sys.modules.pop("jieba.finalseg", None)
        raise
    finally:
        if block_pkg_resources and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


def _deferred_module(name: str, search_locations):
    """Module ``name`` registered so that it runs only when one of its
    attributes is first used (importlib.util.LazyLoader)."""
    spec = importlib.machinery.PathFinder.find_spec(name, search_locations)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@lru_cache(maxsize=1)
def _numeral_tokenizer():
    jieba = _import_jieba()
    with open(NUMERAL_DICTIONARY, "rb") as dictionary:
        total = int(dictionary.readline().split()[2])  # "# total N …": the full dictionary's
        frequencies, _ = jieba.Tokenizer.gen_pfdict(dictionary)
    return _tokenizer(jieba, NUMERAL_DICTIONARY, frequencies, total)


def _tokenizer(jieba, dictionary: Path, frequencies: dict, total: int):
    """A jieba Tokenizer on a prefix table built here (no jieba cache file)."""
    tokenizer = jieba.Tokenizer(str(dictionary))
    tokenizer.FREQ, tokenizer.total = frequencies, total
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def _crossing_words() -> tuple[str, ...]:
    """The small dictionary's words that run from numerals into 是 (一是一)."""
    return tuple(word for word, frequency in _numeral_tokenizer().FREQ.items() if frequency and "是" in word)


def enumerator_first_word(clause: str) -> str:
    """The first word of ``clause`` — numerals, 是, then anything — as jieba
    segments it with its full dictionary (see the module's docstring)."""
    first = first_word_by_numerals(clause)
    return first if first is not None else next(iter(full_words(clause)), "")


def first_word_by_numerals(clause: str) -> Optional[str]:
    """The first word of ``clause`` from the small dictionary, or None where
    a word crosses from its numerals into what follows (一是一…) and only the
    full dictionary can tell."""
    numerals = len(clause) - len(clause.lstrip(NUMERALS))
    if numerals == 0 or any(clause.startswith(word, start) and start + len(word) > numerals
                            for start in range(numerals) for word in _crossing_words()):
        return None
    return next(iter(_numeral_tokenizer().cut(clause[:numerals], HMM=False)), "")


def full_words(text: str) -> list[str]:
    """Segment ``text`` with jieba's full dictionary (dictionary only, no HMM
    guessing). The first call loads the dictionary."""
    return list(_full_tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=1)
def _full_tokenizer():
    jieba = _import_jieba()
    dictionary = jieba_dictionary()
    return _tokenizer(jieba, dictionary, *_prefix_table(jieba, dictionary))


def _prefix_table(jieba, dictionary: Path) -> tuple[dict, int]:
    """jieba's prefix table of ``dictionary`` (word → frequency, 0 for a
    prefix) and total frequency, from the cache when it holds this very
    dictionary, else built and cached."""
    stat = dictionary.stat()
    name = f"jieba-{jieba.__version__}-{stat.st_size}-{stat.st_mtime_ns}-m{marshal.version}-f{CACHE_FORMAT}.marshal"
    cached = cache.read(name)
    if cached:
        try:
            frequencies, total = marshal.loads(cached)
            if isinstance(frequencies, dict) and isinstance(total, int):
                return frequencies, total
        except (EOFError, ValueError, TypeError):
            pass  # damaged: build it again
    with open(dictionary, "rb") as source:
        frequencies, total = jieba.Tokenizer.gen_pfdict(source)
    cache.write(name, marshal.dumps((frequencies, total)))
    return frequencies, total
