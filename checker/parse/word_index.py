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
time, and written atomically as it is built (an external merge sort through
temporary files: building holds under a megabyte, so a first run stays as
small as any other); one whose header, length or checksum does not
hold is built again. Where the cache cannot be written, the built index lives
in memory for the process (slower, never an error).

Layout (this machine's byte order; the cache is per user and per machine):
    magic (8 bytes) · count n (uint32) · total (uint64) · crc32 of the rest (uint32)
    offsets[n + 1] (uint32, into the words' bytes) · frequencies[n] (uint32)
    the words' UTF-8 bytes, concatenated in sorted order
"""

from __future__ import annotations

import heapq
import importlib.util
import io
import struct
import zlib
from array import array
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

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


CHUNK = 4_096  # dictionary lines sorted at a time: what building holds in memory


def build(dictionary: BinaryIO, out: BinaryIO) -> None:
    """Write the index file of a jieba dictionary (an open binary file), read
    as jieba's gen_pfdict reads it, to ``out`` (seekable).

    Holding its 349,045 words as Python objects to sort them took ≈60 MB (a
    first run peaked at ≈95 MB); instead the lines are sorted a chunk at a time
    into temporary files and merged (an external merge sort), and the offsets,
    frequencies and words go to temporary files too, so building holds about a
    chunk (< 1 MB)."""
    total = 0
    runs: list[BinaryIO] = []
    chunk: list[tuple[bytes, int, int]] = []
    for number, line in enumerate(dictionary, 1):
        try:
            word, frequency = line.strip().decode("utf-8").split(" ")[:2]
            chunk.append((word.encode("utf-8"), number, int(frequency)))
        except ValueError:
            raise ValueError(f"invalid dictionary entry at line {number}: {line!r}") from None
        total += chunk[-1][2]
        if len(chunk) == CHUNK:
            runs.append(_sorted_run(chunk))
            chunk = []
    runs.append(_sorted_run(chunk))
    with _scratch() as offsets, _scratch() as frequencies, _scratch() as words:
        count = position = 0
        batch_offsets, batch_frequencies, batch_words = array("I", [0]), array("I"), []
        previous = None
        for word, frequency in heapq.merge(*map(_records, runs), key=itemgetter(0)):  # stable: later lines last
            if word == previous:  # the last line of a word gives its frequency
                batch_frequencies[-1] = frequency
                continue
            if len(batch_words) == CHUNK:  # written a batch at a time (the last word stays until the next)
                _write_batch(batch_offsets, batch_frequencies, batch_words, offsets, frequencies, words)
            position += len(word)
            batch_offsets.append(position)
            batch_frequencies.append(frequency)
            batch_words.append(word)
            count += 1
            previous = word
        _write_batch(batch_offsets, batch_frequencies, batch_words, offsets, frequencies, words)
        checksum = 0
        for part in (offsets, frequencies, words):
            for block in _blocks(part):
                checksum = zlib.crc32(block, checksum)
        out.write(HEADER.pack(MAGIC, count, total, checksum))
        for part in (offsets, frequencies, words):
            for block in _blocks(part):
                out.write(block)
    for run in runs:
        run.close()


def _write_batch(batch_offsets: array, batch_frequencies: array, batch_words: list[bytes],
                 offsets: BinaryIO, frequencies: BinaryIO, words: BinaryIO) -> None:
    offsets.write(batch_offsets)
    frequencies.write(batch_frequencies)
    words.write(b"".join(batch_words))
    del batch_offsets[:], batch_frequencies[:], batch_words[:]


RECORD = struct.Struct("<Iq")  # a word's length, its frequency


def _sorted_run(chunk: list[tuple[bytes, int, int]]) -> BinaryIO:
    """The chunk's words sorted, each with the frequency of its last line, in a temporary file."""
    chunk.sort()
    run = _scratch()
    run.write(b"".join(RECORD.pack(len(word), frequency) + word
                       for index, (word, _, frequency) in enumerate(chunk)
                       if index + 1 == len(chunk) or chunk[index + 1][0] != word))
    run.seek(0)
    return run


def _records(run: BinaryIO) -> Iterator[tuple[bytes, int]]:
    while True:
        head = run.read(RECORD.size)
        if not head:
            return
        length, frequency = RECORD.unpack(head)
        yield run.read(length), frequency


def _blocks(stream: BinaryIO, size: int = 1 << 20) -> Iterator[bytes]:
    stream.seek(0)
    while block := stream.read(size):
        yield block


def _scratch() -> BinaryIO:
    """A temporary file (in memory where none can be made)."""
    import tempfile

    try:
        return tempfile.TemporaryFile()
    except OSError:
        return io.BytesIO()


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
            mapped = None  # damaged: build it again
    with open(dictionary, "rb") as source:
        if cache.write_with(name, lambda stream: build(source, stream)):
            mapped = cache.mapped(name)
    if mapped is not None:
        return WordIndex(mapped)
    built = io.BytesIO()  # the cache cannot be written: the index lives in memory for this process
    with open(dictionary, "rb") as source:
        build(source, built)
    return WordIndex(built.getvalue())
