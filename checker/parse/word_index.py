"""jieba's full dictionary as a sorted word file, looked up by bisection.

jieba segments with a prefix table (every word with its frequency, every
prefix of a word with 0) that costs ≈0.2 s and ≈70 MB to load. The few
questions the linter asks — is this fragment a word, or the start of one, and
how frequent is it — are answered here without loading anything: the words,
sorted by their UTF-8 bytes (the order of their characters), sit in one file
of the per-user cache (checker/read/cache.py), mapped into memory, and each
question is one bisection over it (≈20 probes touching a few pages).

The file is built once per user from the installed jieba's dict.txt exactly
as jieba reads it (``Tokenizer.gen_pfdict``: the last line of a word gives
its frequency, every line counts in the total), named by that file's size and
time, and written atomically; one whose header, length or checksum does not
hold is built again. Where the cache cannot be written, the built index lives
in memory for the process (slower, never an error).

Layout (this machine's byte order; the cache is per user and per machine):
    magic (8 bytes) · count n (uint32) · total (uint64) · crc32 of the rest (uint32)
    offsets[n + 1] (uint32, into the words' bytes) · frequencies[n] (uint32)
    the words' UTF-8 bytes, concatenated in sorted order
"""

from __future__ import annotations

import importlib.util
import struct
import zlib
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Optional

from checker.read import cache

MAGIC = b"RLWORDS1"
HEADER = struct.Struct("=8sIQI")


def jieba_dictionary() -> Path:
    """jieba's full dictionary (dict.txt in its package), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


class WordIndex:
    """Sorted words with their frequencies, over the bytes of an index file."""

    def __init__(self, data) -> None:
        magic, count, total, checksum = HEADER.unpack_from(data, 0)
        offsets_at = HEADER.size
        frequencies_at = offsets_at + 4 * (count + 1)
        words_at = frequencies_at + 4 * count
        if magic != MAGIC or len(data) < words_at:
            raise ValueError("not a word index")
        view = memoryview(data)
        self.offsets = view[offsets_at:frequencies_at].cast("I")
        self.frequencies = view[frequencies_at:words_at].cast("I")
        if self.offsets[0] != 0 or words_at + self.offsets[count] != len(data) \
                or zlib.crc32(view[HEADER.size:]) != checksum:
            raise ValueError("damaged word index")
        self.data, self.words_at, self.count, self.total = data, words_at, count, total

    def _word(self, index: int) -> bytes:
        return self.data[self.words_at + self.offsets[index]: self.words_at + self.offsets[index + 1]]

    def get(self, fragment: str) -> Optional[int]:
        """As jieba's prefix table answers ``FREQ.get(fragment)``: the word's
        frequency, 0 for a fragment that only starts words, None for one that
        starts none."""
        key = fragment.encode("utf-8")
        if not key:
            return None
        low, high = 0, self.count
        while low < high:  # the first word not below key
            middle = (low + high) // 2
            if self._word(middle) < key:
                low = middle + 1
            else:
                high = middle
        if low == self.count:
            return None
        word = self._word(low)
        if word == key:
            return self.frequencies[low]
        return 0 if word.startswith(key) else None


def build(dictionary) -> bytes:
    """The index file of a jieba dictionary (an open binary file), read as
    jieba's gen_pfdict reads it."""
    frequencies: dict[bytes, int] = {}
    total = 0
    for number, line in enumerate(dictionary, 1):
        try:
            word, frequency = line.strip().decode("utf-8").split(" ")[:2]
            frequencies[word.encode("utf-8")] = int(frequency)
            total += int(frequency)
        except ValueError:
            raise ValueError(f"invalid dictionary entry at line {number}: {line!r}") from None
    words = sorted(frequencies)
    offsets = array("I", [0])
    position = 0
    for word in words:
        position += len(word)
        offsets.append(position)
    body = offsets.tobytes() + array("I", (frequencies[word] for word in words)).tobytes() + b"".join(words)
    return HEADER.pack(MAGIC, len(words), total, zlib.crc32(body)) + body


@lru_cache(maxsize=1)
def full_index() -> WordIndex:
    """The index of the installed jieba's dictionary, from the per-user cache
    (built and cached on first need)."""
    dictionary = jieba_dictionary()
    stat = dictionary.stat()
    name = f"jieba-words-{stat.st_size}-{stat.st_mtime_ns}.index"
    mapped = cache.mapped(name)
    if mapped is not None:
        try:
            return WordIndex(mapped)
        except (ValueError, TypeError, struct.error):
            pass  # damaged: build it again
    with open(dictionary, "rb") as source:
        data = build(source)
    cache.write(name, data)
    mapped = cache.mapped(name)
    return WordIndex(mapped if mapped is not None else data)
