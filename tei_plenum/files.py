"""Safe file access shared by every command: read regular files only, write atomically."""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import InputError, Location

MAX_INPUT_BYTES = 64 * 1024 * 1024


def read_regular_file(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """Return the bytes of a regular file, refusing FIFOs, devices and directories up front.

    The type check comes before ``open`` so that a FIFO is refused instead of blocking.
    """
    where = Location(str(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a file", where)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("is not a regular file (FIFO, device or socket)", where)
    if info.st_size > max_bytes:
        raise InputError(f"is larger than the {max_bytes // (1024 * 1024)} MiB limit", where)
    try:
        with path.open("rb") as handle:
            # The size seen by stat, plus one byte to notice a file that grew meanwhile.
            data = handle.read(min(info.st_size, max_bytes) + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", where) from None
    if len(data) > max_bytes:
        raise InputError(f"is larger than the {max_bytes // (1024 * 1024)} MiB limit", where)
    return data


@contextmanager
def open_atomically(path: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` only if the block ends without error.

    The data goes to a temporary file beside ``path`` and is renamed into place at the end, so
    a reader, a crash or Ctrl-C sees either the old file or the complete new one, never a
    half-written output.
    """
    where = Location(str(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError("output directory does not exist", where)
    if path.is_dir():
        raise InputError("output path is a directory", where)
    tmp_name = temporary_sibling(path)
    # O_EXCL: never reuse an existing file; 0o666 lets the user's umask decide the mode, as
    # for any file the user creates.
    fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


_TEMP_SUFFIX = ".tmp"


def temporary_sibling(path: Path) -> Path:
    """A new name beside ``path`` for a file that will replace it once complete; left behind
    by a killed process, it is found by :func:`remove_stale_temporaries`."""
    parent = path.parent if str(path.parent) else Path(".")
    return parent / f".{path.name}.{secrets.token_hex(6)}{_TEMP_SUFFIX}"


_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def remove_stale_temporaries(folder: Path) -> int:
    """Delete temporary files that :func:`open_atomically` left behind when its process was
    killed (``kill -9`` allows no clean-up); returns how many were removed."""
    removed = 0
    for candidate in folder.rglob(f".*{_TEMP_SUFFIX}"):
        if _TEMPORARY.match(candidate.name) and candidate.is_file() and not candidate.is_symlink():
            candidate.unlink(missing_ok=True)
            removed += 1
    return removed


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`open_atomically`."""
    with open_atomically(path) as handle:
        handle.write(data)


def same_file(a: Path, b: Path) -> bool:
    """True when two paths name the same existing file (so an output would overwrite an input)."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False
