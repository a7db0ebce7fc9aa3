"""The one per-process cache of compiled tools.

What is costly to build from settings (the authority automaton, the project schemas) comes from
:func:`per_process`: built once per process, and built by the parent before a pool forks, so
that every worker inherits it instead of compiling it again. The cache lives here and nowhere
else.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Compiled tools kept per process: the authorities and validators of a run, with room for a
# few replaced by an edited file.
CACHE_SIZE = 32

FileStamp = tuple[str, int, int]


def per_process(build: Callable[[K], V], key: K) -> V:
    """``build(key)``, made once per process and then shared: compiled schemas, the authority
    automaton. ``build`` must be a function (not a lambda) so that equal calls find each other;
    a failure is not cached, so the next call raises again."""
    return cast(V, _cached(build, key))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _cached(build: Callable[[Any], Any], key: Hashable) -> Any:
    return build(key)


def file_stamps(paths: Sequence[Path]) -> tuple[FileStamp, ...]:
    """A cache key for tools built from files: each path with its size and modification time,
    so that an edited file is compiled again. A file that cannot be seen gets ``-1``s, leaving
    the error to the loader."""
    stamps = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamps.append((str(path), -1, -1))
        else:
            stamps.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(stamps)
