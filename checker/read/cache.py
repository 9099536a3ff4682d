"""reportlint's per-user cache: files that are slow to build and cheap to
read back (jieba's dictionary as a sorted word index, the compiled outline parser).

They live in ``$XDG_CACHE_HOME/reportlint`` (else ``~/.cache/reportlint``),
named by what they were built from, and are written atomically (a temporary
file in the same directory, renamed into place, removed on failure). A cache
that cannot be read or written costs time, never an error.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Optional

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
    path = cache_dir() / name
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
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
