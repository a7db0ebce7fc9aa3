"""Regular expressions whose compiled form is kept between runs.

Python turns a pattern's text into the engine's matching code in pure Python: the project's
few hundred fixed patterns (the reader's recognisers, the dates grammar, name matching) took
about 0.2 s of every short command, half of a one-document ``convert``. The matching code
depends only on the pattern, its flags and the interpreter, so the command line stores it in
the user's cache directory (:func:`save`) and :func:`compile` hands it straight to the engine
the next time. The engine checks code it is given before use, and a file that is missing,
damaged or written by another interpreter is ignored: the patterns are then compiled as
usual, so the cache can only change how fast a pattern is made, never what it matches.

Patterns built for one document (its aliases, say) go through :func:`re.compile`, not here:
they would only fill the file.

The directory is ``$TEI_PLENUM_CACHE_DIR``, else ``$XDG_CACHE_HOME/tei-plenum``, else
``~/.cache/tei-plenum``; ``TEI_PLENUM_CACHE_DIR=""`` turns the cache off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import contextlib
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import TypeAlias

# Enough for every fixed pattern of the project several times over; past it, the patterns of
# the latest run are kept first.
MAX_PATTERNS = 4000
_MAGIC = b"tei-plenum compiled patterns 1\n"
_CODE_TYPE = next(t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE)

# What a stored entry holds: the flags the pattern ends up with, its matching code, its number
# of groups and their names.
_Entry: TypeAlias = "tuple[int, array.array[int], int, dict[str, int]]"


def cache_dir() -> Path | None:
    """Where compiled patterns are kept, or None when the cache is off."""
    chosen = os.environ.get("TEI_PLENUM_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tei-plenum"


def _file_name() -> str:
    """One file per interpreter build: matching code is private to the engine that made it."""
    build = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return f"patterns-{hashlib.sha256(build.encode()).hexdigest()[:16]}.bin"


def _code(pattern: str, flags: int) -> _Entry:
    """The entry for ``pattern``, made the way :func:`re.compile` makes it."""
    parsed = _parser.parse(pattern, flags)
    code = array.array(_CODE_TYPE, _compiler._code(parsed, flags))
    return flags | parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict)


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, code, groups, names = entry
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, index in names.items():
        indexgroup[index] = name
    built: re.Pattern[str] = _sre.compile(
        pattern, final_flags, code.tolist(), groups, names, tuple(indexgroup)
    )
    return built


def _read(path: Path) -> dict[tuple[str, int], _Entry]:
    """The entries stored at ``path``; none if the file is missing or not whole."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    try:
        if not data.startswith(_MAGIC):
            return {}
        head_end = data.index(b"\n", len(_MAGIC))
        head = json.loads(data[len(_MAGIC) : head_end])
        body = data[head_end + 1 :]
        if hashlib.blake2b(body, digest_size=16).hexdigest() != head["digest"]:
            return {}
        code = array.array(_CODE_TYPE)
        code.frombytes(body)
        entries: dict[tuple[str, int], _Entry] = {}
        for pattern, flags, final_flags, groups, names, start, size in head["patterns"]:
            entries[pattern, flags] = (final_flags, code[start : start + size], groups, names)
        return entries
    except (ValueError, KeyError, TypeError):
        return {}


def _write(path: Path, entries: dict[tuple[str, int], _Entry]) -> None:
    """Write ``entries`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    code = array.array(_CODE_TYPE)
    rows = []
    for (pattern, flags), (final_flags, entry_code, groups, names) in entries.items():
        rows.append([pattern, flags, final_flags, groups, names, len(code), len(entry_code)])
        code.extend(entry_code)
    body = code.tobytes()
    head = {"digest": hashlib.blake2b(body, digest_size=16).hexdigest(), "patterns": rows}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + json.dumps(head).encode("ascii") + b"\n" + body)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


@dataclass
class PatternStore:
    """The compiled patterns kept in one cache file (``path``, None for no file), and the
    patterns asked of it since it was opened."""

    path: Path | None
    stored: dict[tuple[str, int], _Entry] = field(default_factory=dict)
    asked: dict[tuple[str, int], None] = field(default_factory=dict)

    @classmethod
    def open(cls, directory: Path | None) -> PatternStore:
        """The store of this interpreter in ``directory``, with what it already holds."""
        if directory is None:
            return cls(None)
        path = directory / _file_name()
        return cls(path, _read(path))

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``pattern`` compiled: from the stored code if there is any the engine accepts."""
        key = (pattern, flags)
        self.asked[key] = None
        entry = self.stored.get(key)
        if entry is not None:
            with contextlib.suppress(RuntimeError, TypeError, ValueError):
                return _build(pattern, entry)
            del self.stored[key]
        return re.compile(pattern, flags)

    def save(self) -> None:
        """Write the patterns asked for, then those of the file written since, up to
        :data:`MAX_PATTERNS`; nothing when the file holds them all already."""
        if self.path is None or all(key in self.stored for key in self.asked):
            return
        kept = {key: self.stored.get(key) or _code(*key) for key in self.asked}
        for key, entry in _read(self.path).items():
            if len(kept) >= MAX_PATTERNS:
                break
            kept.setdefault(key, entry)
        _write(self.path, kept)
        self.stored = kept


@functools.cache
def _process_store() -> PatternStore:
    """The store every fixed pattern of this process goes through, opened on first use."""
    return PatternStore.open(cache_dir())


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """:func:`re.compile` for a fixed pattern of the project, from the cache when it holds it."""
    return _process_store().compile(pattern, int(flags))


def save() -> None:
    """Store the compiled form of every fixed pattern this process used that the cache lacks.

    Best effort: a cache that cannot be written (read-only home, full disk) is left as it
    was, since it only saves time."""
    with contextlib.suppress(OSError, ValueError):
        _process_store().save()
