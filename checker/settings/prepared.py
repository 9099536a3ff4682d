"""The prepared rule set in the per-user cache: a cold run reads one file
instead of parsing YAML and regular-expression syntax.

``prepared(name, build, packs)`` returns what ``build()`` returns (the rules
of the built-in packs plus ``packs``, the genre packs…: parsed, validated, a
user pack's examples run, the literal scans built), pickled once per user in
the per-user cache (checker/read/cache.py) and read back on later runs. The
entry is named by a digest of everything it was built from:

- reportlint's version, the Python version and its own code (the name, size
  and modification time of every module of the package: an edited or
  upgraded reportlint never reads an entry an older one wrote);
- the contents of every built-in data file (rules/: packs, expression
  files, word lists, genres, parts) and of each pack named in ``packs``;

and records the contents of every other file read while building it (an
expression file a user pack names), checked again when it is read back. A
pack that changes, a different user pack, a damaged or truncated entry
(checksummed) or one that cannot be unpickled is not used: the set is built
again and the entry rewritten (atomically). A cache that cannot be written
costs time, never an error; a build that fails (a malformed pack) raises as
it always did and caches nothing.

Regular expressions are stored by their source, not compiled
(:class:`LazyPattern`): each compiles the first time it is used, so a
pattern whose literals never stand on a line (regex_literals.LiteralScan)
is never compiled in that run.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from checker.read.safe_files import ReadError, read_limited
from .yamlfile import MAX_YAML_BYTES

from checker import resources
from checker.read import cache
from checker.settings import yamlfile
from checker.settings.lazy_regex import LazyPattern  # noqa: F401  (stored in the cache; re-exported)

T = TypeVar("T")
FORMAT = b"reportlint-prepared-1\n"
PACKAGE = Path(__file__).resolve().parent.parent


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, re.Pattern):
            return LazyPattern, (obj.pattern, obj.flags)
        return NotImplemented


def dumps(value: object) -> bytes:
    """``value`` pickled with every compiled regex stored by its source."""
    stream = io.BytesIO()
    _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return stream.getvalue()


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _code_stamp() -> str:
    stamps = []
    for path in sorted(PACKAGE.rglob("*.py")):
        try:
            status = path.stat()
        except OSError:
            continue
        stamps.append(f"{path.relative_to(PACKAGE)}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(stamps)


def _contents(path: Path | str) -> bytes:
    """A file's bytes for the cache key: read as untrusted (checker/read/safe_files.py),
    so a pack at /dev/zero or a FIFO is not read for ever here before its load refuses it."""
    try:
        return read_limited(str(path), MAX_YAML_BYTES)
    except ReadError as error:
        return b"\0unreadable " + str(error).encode()


@lru_cache(maxsize=1)
def _builtin_key() -> bytes:
    """The digest of the code and the built-in data, once per process (the
    rule set, the genres and the lexicon are each an entry keyed by it)."""
    key = hashlib.sha256()
    for part in (FORMAT, resources.VERSION.encode(), sys.version.encode(), _code_stamp().encode()):
        key.update(_digest(part))
    data = resources.data_dir("rules")
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        key.update(_digest(str(path.relative_to(data)).encode()) + _digest(_contents(path)))
    return key.digest()


def entry_name(name: str, packs: Sequence[str] = ()) -> str:
    """The cache file of ``name`` built from the built-in data and ``packs``."""
    key = hashlib.sha256(_builtin_key())
    for pack in packs:
        key.update(_digest(os.path.abspath(pack).encode()) + _digest(_contents(pack)))
    return f"prepared-{name}-{key.hexdigest()[:32]}.pickle"


def _load(entry: str) -> tuple[bool, object]:
    """(True, the value) of a sound entry whose recorded files are unchanged."""
    data = cache.read(entry)
    if not data or not data.startswith(FORMAT) or len(data) < len(FORMAT) + 32:
        return False, None
    checksum, payload = data[len(FORMAT):len(FORMAT) + 32], data[len(FORMAT) + 32:]
    if _digest(payload) != checksum:
        return False, None  # damaged or truncated
    try:
        read, value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - any unreadable entry is rebuilt, never an error
        return False, None
    if any(_digest(_contents(path)) != digest for path, digest in read):
        return False, None  # a file the packs named has changed
    return True, value


def prepared(name: str, build: Callable[[], T], packs: Sequence[str] = ()) -> T:
    """``build()``, or what it returned last time from the same packs."""
    entry = entry_name(name, packs)
    found, value = _load(entry)
    if found:
        return value  # type: ignore[return-value]
    with yamlfile.recording() as read:
        value = build()
    recorded = tuple((path, _digest(_contents(path))) for path in sorted(set(read)))
    payload = dumps((recorded, value))
    if cache.write(entry, FORMAT + _digest(payload) + payload):
        _forget_old(name, entry)
    return value


def _forget_old(name: str, kept: str, keep: int = 8) -> None:
    """Remove all but the ``keep`` newest entries of ``name`` (packs change)."""
    try:
        entries = sorted(cache.cache_dir().glob(f"prepared-{name}-*.pickle"), key=lambda p: p.stat().st_mtime,
                         reverse=True)
        for path in entries[keep:]:
            if path.name != kept:
                path.unlink()
    except OSError:
        pass


