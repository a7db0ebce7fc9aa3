"""Safe file access shared by every command: read regular files only, write atomically, and
one rule for what a run may write.

:func:`check_output` is that rule. Every path the tool writes (a converted or exported file,
the outputs, manifest and corpus index of a batch, a report) is checked against the run's
:class:`InputSet` before any work starts, and :func:`open_atomically` applies the link part of
the rule again at the moment it writes.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from . import pattern_cache
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


def find_files(
    paths: Sequence[Path], suffix: str, kind: str
) -> tuple[list[Path], list[InputError]]:
    """Expand folders to the files named ``*suffix`` inside them (recursively, sorted), for
    every command that takes many files; collect the paths that cannot be used.

    A path that does not exist, a folder without such files (``kind`` names them in the
    message: "XML"), a FIFO or device named directly, or a file found in a folder that is a
    link to a file outside it (:func:`links_out_of`) is an :class:`InputError`, checked with
    ``stat`` so that nothing blocks; the other paths are still returned. Linked folders inside
    a folder are not entered.
    """
    files: list[Path] = []
    problems: list[InputError] = []
    for path in paths:
        where = Location(str(path))
        try:
            mode = path.stat().st_mode
        except OSError:
            problems.append(InputError("no such file or directory", where))
            continue
        if stat.S_ISDIR(mode):
            found = sorted(_files_below(path, suffix))
            linked = {p for p in found if links_out_of(p, path)}
            problems.extend(
                InputError(
                    f"a symbolic link to a file outside {path}; not followed", Location(str(p))
                )
                for p in sorted(linked)
            )
            if not found:
                problems.append(InputError(f"directory holds no {kind} files", where))
            files.extend(p for p in found if p not in linked)
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(InputError("is not a regular file (FIFO, device or socket)", where))
    return files, problems


def _files_below(folder: Path, suffix: str) -> Iterator[Path]:
    for here, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in names:
            candidate = Path(here, name)
            if name.endswith(suffix) and _is_regular(candidate):
                yield candidate


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def links_out_of(path: Path, folder: Path) -> bool:
    """The link rule for files the tool finds by itself (inputs in a folder, a sidecar beside
    its input): such a file may be a symbolic link only to a file inside ``folder``, so that a
    link can never pull a file from elsewhere into a published edition."""
    return path.is_symlink() and not _real(path).is_relative_to(_real(folder))


@dataclass(frozen=True, slots=True)
class InputSet:
    """What a run reads, which nothing it writes may replace or join: the input files (with
    their sidecars and authority files), kept as file identities, and the folders searched
    for inputs. ``spared`` is a folder inside an input folder that the search never enters
    (the output folder of a batch): writing there adds nothing to the inputs."""

    files: frozenset[tuple[int, int]] = frozenset()
    # Each folder's real path, and the path as the user gave it (for messages).
    folders: Mapping[Path, str] = field(default_factory=dict)
    spared: Path | None = None

    @classmethod
    def of(
        cls,
        files: Iterable[Path | None] = (),
        folders: Iterable[Path] = (),
        spared: Path | None = None,
    ) -> InputSet:
        """The set for these files (``None`` entries and missing files are left out) and
        folders."""
        identities = set()
        for path in files:
            if path is None:
                continue
            try:
                info = path.stat()
            except OSError:
                continue
            identities.add((info.st_dev, info.st_ino))
        return cls(
            frozenset(identities),
            {_real(folder): str(folder) for folder in folders},
            None if spared is None else _real(spared),
        )

    def spares(self, real: Path, folder: Path) -> bool:
        """True when ``real`` lies in the spared folder, and that folder is one the search of
        ``folder`` skips (strictly inside it: an input folder is never spared as a whole)."""
        spared = self.spared
        return (
            spared is not None
            and spared != folder
            and spared.is_relative_to(folder)
            and real.is_relative_to(spared)
        )


def check_output(path: Path, inputs: InputSet | None = None) -> None:
    """Refuse to write ``path`` when it is a symbolic link, one of the run's input files, or
    lies inside a folder searched for inputs; raise :class:`InputError` naming the path.

    The one rule for every file any command writes.
    """
    where = Location(str(path))
    try:
        info = os.lstat(path)
    except OSError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise InputError("output path is a symbolic link; refusing to write through it", where)
    inputs = inputs or InputSet()
    if info is not None and (info.st_dev, info.st_ino) in inputs.files:
        raise InputError("output path is an input file; refusing to overwrite it", where)
    if not inputs.folders:
        return
    real = _real(path)
    # The path's own ancestors, looked up among the folders: as fast for ten thousand folders
    # (a glob that matched them) as for one.
    for folder in (real, *real.parents):
        shown = inputs.folders.get(folder)
        if shown is not None and not inputs.spares(real, folder):
            raise InputError(
                f"output path lies inside the input folder {shown}; refusing to write there",
                where,
            )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


_TEMP_SUFFIX = ".tmp"
_TAG = pattern_cache.compile(r"^[0-9a-f]{12}$")


def new_tag() -> str:
    """A fresh tag for the names of temporary files (12 hexadecimal digits)."""
    return secrets.token_hex(6)


@contextmanager
def open_atomically(path: Path, *, tag: str | None = None) -> Iterator[BinaryIO]:
    """A binary handle whose content replaces ``path`` only if the block ends without error.

    The data goes to a temporary file ``.NAME.TAG.tmp`` beside ``path`` and is renamed into
    place at the end, so a reader, a crash or Ctrl-C sees either the old file or the complete
    new one, never a half-written output. ``tag`` names the temporaries of one run (so that
    they can be found after a ``kill -9``); by default each write has a tag of its own. A
    missing output folder is created. Every failure is an :class:`InputError` naming ``path``.
    """
    where = Location(str(path))
    check_output(path)
    parent = path.parent if str(path.parent) else Path(".")
    make_folder(parent)
    if path.is_dir():
        raise InputError("output path is a directory", where)
    tmp_name = temporary_sibling(path, tag)
    try:
        fd = _create(tmp_name, own=tag is not None)
    except OSError as exc:
        raise InputError(f"cannot write: {_reason(exc)}", where) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(tmp_name, path)
    except BaseException as exc:
        with suppress(OSError):
            tmp_name.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, InputError):
            raise InputError(f"cannot write: {_reason(exc)}", where) from None
        raise


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents when missing (output folders are never required to
    exist); raise :class:`InputError` naming it when that is impossible."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = "a file of that name exists" if isinstance(exc, FileExistsError) else _reason(exc)
        raise InputError(
            f"cannot create the output folder: {reason}", Location(str(folder))
        ) from None


def temporary_sibling(path: Path, tag: str | None = None) -> Path:
    """A name beside ``path`` (``.NAME.TAG.tmp``) for a file that will replace it once
    complete; ``tag`` names the run that writes it, else the name is new."""
    parent = path.parent if str(path.parent) else Path(".")
    return parent / f".{path.name}.{tag or new_tag()}{_TEMP_SUFFIX}"


def _create(name: Path, *, own: bool) -> int:
    # O_EXCL: never reuse an existing file; 0o666 lets the user's umask decide the mode, as
    # for any file the user creates. A temporary carrying the run's own tag can only be a
    # leftover of this very run (a worker that died), and is replaced.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
    try:
        return os.open(name, flags, 0o666)
    except FileExistsError:
        if not own or name.is_symlink():
            raise
        name.unlink()
        return os.open(name, flags, 0o666)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def remove_temporaries(folder: Path, tags: Iterable[str]) -> int:
    """Delete the temporary files that runs with these ``tags`` left in ``folder`` when they
    were killed (``kill -9`` allows no clean-up); returns how many were removed. Nothing else
    is touched, whatever its name: only temporaries a run recorded as its own."""
    wanted = sorted(tag for tag in tags if _TAG.match(tag))
    if not wanted:
        return 0
    own = re.compile(rf"^\..+\.(?:{'|'.join(wanted)}){re.escape(_TEMP_SUFFIX)}$")
    removed = 0
    for here, _dirs, names in os.walk(folder, followlinks=False):
        for name in names:
            candidate = Path(here, name)
            if own.match(name) and candidate.is_file() and not candidate.is_symlink():
                candidate.unlink(missing_ok=True)
                removed += 1
    return removed


def write_atomically(path: Path, data: bytes, *, tag: str | None = None) -> None:
    """Write ``data`` to ``path`` through :func:`open_atomically`."""
    with open_atomically(path, tag=tag) as handle:
        handle.write(data)


# How long a run waits for another run to release the folder it wants to write.
LOCK_WAIT = 5.0


@contextmanager
def folder_lock(folder: Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold ``folder`` for this process (and the workers it forks) while the block runs.

    A second run on the same folder waits up to ``wait`` seconds (the workers of a run that
    was just killed need a moment to notice and stop), then gives up with an
    :class:`InputError` naming the folder. The lock is the operating system's (``flock`` on
    the folder itself), so it disappears with the processes that hold it: a crash never
    leaves a stale lock behind.
    """
    where = Location(str(folder))
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise InputError(f"cannot open the output folder: {_reason(exc)}", where) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise InputError(f"cannot lock: {_reason(exc)}", where) from None
                if time.monotonic() >= deadline:
                    raise InputError(
                        "another tei-plenum run is writing to this folder; "
                        "wait for it to finish, or choose another output folder",
                        where,
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)
