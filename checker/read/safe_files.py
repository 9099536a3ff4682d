"""Reading and writing the files around a draft, which are untrusted too.

Every settings file the tool reads (configuration, rule and genre packs,
lexicon and expression files, baselines) goes through :func:`read_limited`:
a device, FIFO, socket or directory is refused without being opened; the
file is then opened without blocking (a FIFO put there meanwhile never hangs
the open) and must still be a regular file once open (the opened descriptor is
what is looked at, so nothing can be swapped in between), is refused
before reading when its size is over the limit and is read no further than
the limit (a file that grows, or reports size 0, is still cut off).

Every file the tool writes (``--fix``, ``--write-baseline``,
``--baseline-prune``, ``--output-file``) goes through :func:`write_atomically`
(or :class:`AtomicWriter`, the same written piece by piece):

- the target is followed through its symlinks (the link stays, the file it
  points at is replaced);
- an existing target must be a regular file (a device, FIFO, socket or
  directory is refused), writable by the user (a read-only file is refused,
  as ``chmod 444`` asks), with one name (a hard-linked file is refused: a
  rename would leave the other name holding the old text);
- the new content goes to a temporary file in the same folder, gets the old
  file's permissions (a new file: 0666 less the umask) and owner where that
  can be kept (otherwise the write is refused rather than giving someone's
  file to the user), is flushed to disk, and is renamed over the target — a
  reader sees the old file or the new one, never half of one.

Each refusal is a :class:`WriteError` (or :class:`ReadError`) whose message is
one line naming the file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from typing import Callable, Optional

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))
CHUNK = 64 * 1024


class ReadError(Exception):
    """A settings file that cannot be read safely; the message is one line
    without the file name (the caller adds ``file:line:``)."""

    def __init__(self, message: str, kind: str = "unreadable", size: Optional[int] = None):
        super().__init__(message)
        self.kind = kind
        self.size = size  # for "too-large": the size found, where known before reading


class WriteError(Exception):
    """A file that cannot be written safely; the message is one line naming it."""

    def __init__(self, message: str, kind: str = "unwritable"):
        super().__init__(message)
        self.kind = kind


def what_special(mode: int) -> Optional[str]:
    """What a file that is not a regular file is (``a named pipe (FIFO)``…), else None."""
    for test, what in _KINDS:
        if test(mode):
            return what
    return None


def _look(path: str) -> os.stat_result:
    """The status of ``path`` before it is opened (a seam for the race test)."""
    return os.stat(path)


def _refuse_special(status: os.stat_result) -> None:
    special = what_special(status.st_mode)
    if special:
        raise ReadError(f"{special}, not a regular file; not read",
                        "directory" if stat.S_ISDIR(status.st_mode) else "special")


def read_limited(path: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them;
    :class:`ReadError` otherwise (missing, special, too large, unreadable)."""
    try:
        _refuse_special(_look(path))  # a device is never opened (opening some has effects)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError("no such file", "missing") from None
    except PermissionError:
        raise ReadError("permission denied", "permission") from None
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)  # what was opened: a FIFO or device put there meanwhile is refused here
        _refuse_special(status)
        if status.st_size > limit:
            raise ReadError(f"{status.st_size:,} bytes, over the {limit:,}-byte limit", "too-large", status.st_size)
        chunks, total = [], 0
        while total <= limit:
            try:
                chunk = os.read(descriptor, min(CHUNK, limit + 1 - total))
            except BlockingIOError:  # pragma: no cover - regular files do not block
                raise ReadError("cannot read without blocking", "special") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise ReadError(f"over the {limit:,}-byte limit (it grew while being read)", "too-large")
        return b"".join(chunks)
    except OSError as error:
        raise ReadError(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def read_text_limited(path: str, limit: int) -> str:
    """:func:`read_limited`, decoded as UTF-8 (a BOM is dropped)."""
    data = read_limited(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"not UTF-8 (bad byte at offset {error.start})", "undecodable") from None


def resolve_target(path: str) -> str:
    """Where writing ``path`` lands: the file its symlinks point at."""
    return os.path.realpath(path)


def check_writable(path: str) -> Optional[os.stat_result]:
    """The status of the file that writing ``path`` would replace (None where
    it does not exist yet); :class:`WriteError` where it must not be replaced."""
    target = resolve_target(path)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        folder = os.path.dirname(target) or "."
        if not os.path.isdir(folder):
            raise WriteError(f"{path}: cannot write: the folder {folder} does not exist", "missing") from None
        return None
    except OSError as error:
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    special = what_special(status.st_mode)
    if special:
        raise WriteError(f"{path}: {special}, not a regular file; not written", "special")
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(f"{path}: read-only file; not written (make it writable first)", "read-only")
    if status.st_nlink > 1:
        raise WriteError(f"{path}: has {status.st_nlink} hard links; not written (replacing it would "
                         "leave the other names with the old text; copy it first)", "hard-link")
    return status


def write_atomically(path: str, data: bytes, check: Optional[Callable[[str], None]] = None) -> None:
    """Replace (or create) the file ``path`` with ``data`` as the module
    docstring describes. ``check(target)``, where given, runs just before the
    rename (the fixer checks there that the file still holds what it read)."""
    with AtomicWriter(path, check) as stream:
        stream.write(data)


class AtomicWriter:
    """The file ``path`` written piece by piece (``write``) and put in place
    at once when the ``with`` block ends, as :func:`write_atomically` does; a
    block left by an exception leaves the old file (or none) and no temporary
    file. A report streamed to ``--output-file`` is never held whole."""

    def __init__(self, path: str, check: Optional[Callable[[str], None]] = None):
        self.path, self.check = path, check
        self.status = check_writable(path)
        self.target = resolve_target(path)
        self.folder = os.path.dirname(self.target) or "."
        self.temporary: Optional[str] = None
        try:
            handle, self.temporary = tempfile.mkstemp(prefix=f".{os.path.basename(self.target)}.",
                                                      suffix=".reportlint", dir=self.folder)
        except OSError as error:
            raise self._failure(error) from None
        self.stream = os.fdopen(handle, "wb")

    def _failure(self, error: OSError) -> WriteError:
        if error.errno == errno.EACCES:
            return WriteError(f"{self.path}: cannot write: permission denied in {self.folder}", "permission")
        return WriteError(f"{self.path}: cannot write: {error.strerror or error}")

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except OSError as error:
            raise self._failure(error) from None

    def _commit(self) -> None:
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            if self.status is not None:
                _keep_owner(self.path, self.temporary, self.status)
                os.chmod(self.temporary, stat.S_IMODE(self.status.st_mode))
            else:
                mask = os.umask(0)
                os.umask(mask)
                os.chmod(self.temporary, 0o666 & ~mask)
            if self.check is not None:
                self.check(self.target)
            os.replace(self.temporary, self.target)
            self.temporary = None
        except OSError as error:
            raise self._failure(error) from None

    def _discard(self) -> None:
        self.stream.close()
        remove_temporary(self.temporary)
        self.temporary = None

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        try:
            if kind is None:
                self._commit()
        finally:
            self._discard()


def remove_temporary(path: Optional[str]) -> None:
    """Remove a temporary file left by a write that did not finish (None: there
    is none); a file that cannot be removed is left, never an error."""
    if path is not None:
        try:
            os.unlink(path)
        except OSError:
            pass


def _keep_owner(path: str, temporary: str, status: os.stat_result) -> None:
    """Give the temporary file the original's owner and group, or refuse."""
    if (status.st_uid, status.st_gid) == (os.getuid(), os.getgid()):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except OSError:
        if status.st_uid != os.getuid():
            raise WriteError(f"{path}: owned by another user (uid {status.st_uid}); not written, it would "
                             "change owner", "owner") from None
        try:  # our file with a group we cannot give: keep the owner, say nothing of the group
            os.chown(temporary, status.st_uid, -1)
        except OSError:
            pass
        if os.stat(temporary).st_gid != status.st_gid:
            raise WriteError(f"{path}: its group {status.st_gid} cannot be kept; not written", "owner") from None


__all__ = ["AtomicWriter", "ReadError", "WriteError", "check_writable", "read_limited", "read_text_limited", "resolve_target",
           "what_special", "write_atomically"]
