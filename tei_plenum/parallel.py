"""One process pool for every command that spreads documents over cores, and the one
per-process cache of compiled tools.

:func:`ordered` calls a top-level function ``work(item, shared)`` for every item and yields the
results in input order. ``shared`` is what every item needs (frozen settings, or compiled
schemas): the pool's initializer hands it to each worker process once (under fork the worker
inherits the parent's object without pickling it), so only the small item and the small result
cross between processes. The same ``work`` runs unchanged in this process (``jobs=1``), on the
pool, or on any executor that can call a picklable function.

What is costly to build from settings (the authority automaton, the project schemas) comes from
:func:`per_process`: built once per process, and built by the parent before a pool forks, so
that every worker inherits it instead of compiling it again. The cache and the worker's shared
argument live here and nowhere else.

A worker never outlives its parent: each one watches the process that started it and exits
when that process is gone (``kill -9`` allows the parent no clean-up), so an orphan never goes
on writing into an output folder that a new run may have taken over.
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Hashable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Enough queued work to keep every worker busy while the parent handles finished items.
WINDOW_PER_JOB = 4
# Compiled tools kept per process: the authorities and validators of a run, with room for a
# few replaced by an edited file.
CACHE_SIZE = 32
# Seconds between two checks, in each worker, that its parent process is still alive.
PARENT_CHECK = 0.2

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


@dataclass(frozen=True, slots=True)
class Done(Generic[R]):
    """An item whose result is already known (a skipped or refused input): it keeps its place
    in the order without going to a worker."""

    result: R


def ordered(
    work: Callable[[T, S], R],
    items: Iterable[T | Done[R]],
    shared: S,
    *,
    jobs: int,
    lost: Callable[[T], R],
    prepare: Callable[[S], object] | None = None,
) -> Generator[R, None, None]:
    """``work(item, shared)`` for every item, in input order, on ``jobs`` processes.

    Items are taken lazily and at most ``WINDOW_PER_JOB * jobs`` are in flight, so memory stays
    flat however many there are. ``prepare(shared)`` runs in each worker before its first item
    (a forked worker finds the parent's cache already filled). A worker that dies (a crash, the
    out-of-memory killer) costs the items it had in flight, which become ``lost(item)``; a fresh
    pool takes the rest. Workers ignore Ctrl-C: the caller handles it; the items not started
    are cancelled and those running (one per worker) are waited for, so that no worker is
    still writing when the interrupt reaches the caller. That happens when the iterator is
    closed: a caller that may stop early iterates inside ``contextlib.closing``.
    """
    if jobs <= 1:
        for item in items:
            yield item.result if isinstance(item, Done) else work(item, shared)
        return
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(jobs, shared, prepare)
    pending: deque[Done[R] | tuple[T, Future[R]]] = deque()
    window = WINDOW_PER_JOB * jobs
    try:
        for item in items:
            if isinstance(item, Done):
                pending.append(item)
            else:
                try:
                    future = pool.submit(_call, work, item)
                except BrokenProcessPool:
                    pool.shutdown(wait=False)
                    pool = _pool(jobs, shared, prepare)
                    future = pool.submit(_call, work, item)
                pending.append((item, future))
            while pending and (isinstance(pending[0], Done) or len(pending) >= window):
                yield _resolve(pending.popleft(), lost)
        while pending:
            yield _resolve(pending.popleft(), lost)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def _pool(
    jobs: int, shared: object, prepare: Callable[[Any], object] | None
) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(shared, prepare, os.getpid()),
    )


def _resolve(entry: Done[R] | tuple[T, Future[R]], lost: Callable[[T], R]) -> R:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(entry, Done):
        return entry.result
    item, future = entry
    try:
        return future.result()
    except BrokenProcessPool:
        return lost(item)


# In a worker process: the ``shared`` argument its pool was started with.
_WORKER: dict[str, Any] = {}


def _start_worker(shared: object, prepare: Callable[[Any], object] | None, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _WORKER["shared"] = shared
    if prepare is not None:
        prepare(shared)


def _exit_with_parent(parent: int) -> None:
    """Stop this worker as soon as ``parent`` is no longer its parent (it died, and the worker
    was handed to another process)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def _call(work: Callable[[T, Any], R], item: T) -> R:
    return work(item, _WORKER["shared"])
