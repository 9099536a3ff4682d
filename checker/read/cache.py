"""reportlint's per-user cache: files that are slow to build and cheap to
read back (jieba's dictionary as a sorted word index, the compiled outline parser).

They live in ``$XDG_CACHE_HOME/reportlint`` (else ``~/.cache/reportlint``),
named by what they were built from, and are written atomically (a temporary
file in the same directory, renamed into place, removed on failure). A cache
that cannot be read or written costs time, never an error.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path
from typing import BinaryIO, Callable, Optional

from .safe_files import remove_temporary


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportlint"


def read(name: str) -> Optional[bytes]:
    """The cached file ``name``, or None where it is absent or unreadable."""
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> bool:
    """Store ``data`` as ``name``; False (and nothing left behind) where the
    cache directory cannot be written."""
    return write_with(name, lambda stream: stream.write(data))


def write_with(name: str, fill: Callable[[BinaryIO], object]) -> bool:
    """Store as ``name`` what ``fill`` writes to the (binary, seekable) stream
    it is given; False (and nothing left behind) where the cache directory
    cannot be written. An error ``fill`` raises leaves nothing behind either."""
    path = cache_dir() / name
    temporary = None
    try:
        import tempfile  # only where something is written

        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as stream:
            fill(stream)
        os.replace(temporary, path)
        temporary = None
        return True
    except OSError:
        return False
    finally:
        remove_temporary(temporary)


def mapped(name: str):
    """The cached file ``name`` mapped read-only into memory (pages are read
    as they are touched), or None where it is absent, empty or unreadable."""
    import mmap

    try:
        with open(cache_dir() / name, "rb") as stream:
            return mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None


# -- a table kept across processes (compiled regex and dataclass code) --------------------

def read_table(name: str) -> dict:
    """The marshalled dict stored as ``name`` by :func:`add_to_table`, or an
    empty one where it is absent, damaged (its checksum) or not a dict."""
    import hashlib
    import marshal

    data = read(name)
    if not data or len(data) < 32 or hashlib.sha256(data[32:]).digest() != data[:32]:
        return {}
    try:
        value = marshal.loads(data[32:])
    except (EOFError, ValueError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


def add_to_table(name: str, added: dict, max_kept: int) -> None:
    """Add ``added`` to the table ``name`` (with what other processes added
    meanwhile; past ``max_kept`` entries it starts again), written atomically
    with its checksum."""
    import hashlib
    import marshal

    kept = read_table(name)
    if len(kept) + len(added) > max_kept:
        kept = {}
    kept.update(added)
    try:
        payload = marshal.dumps(kept)
    except ValueError:
        return
    write(name, hashlib.sha256(payload).digest() + payload)


class KeptTable:
    """A dict kept across processes in the cache file ``name``: read on first
    use (the entries ``valid`` accepts), what this process added written back
    when it exits (:meth:`save`)."""

    def __init__(self, name: str, max_kept: int, valid: Optional[Callable[[object, object], bool]] = None):
        self.name, self.max_kept, self.valid = name, max_kept, valid
        self.known: Optional[dict] = None
        self.added: dict = {}

    def entries(self) -> dict:
        if self.known is None:
            table = read_table(self.name)
            self.known = {key: value for key, value in table.items() if self.valid(key, value)} if self.valid else table
            atexit.register(self.save)
        return self.known

    def add(self, key, value) -> None:
        self.entries()[key] = self.added[key] = value

    def save(self) -> None:
        if self.added:
            add_to_table(self.name, self.added, self.max_kept)
            self.added.clear()
