"""Where a batch's per-document work runs: the process pool, or a Dask cluster.

Both run :func:`~tei_plenum.batch.worker.process` on each task and hand back only its small
:class:`Outcome`, behind one interface: an :class:`Executor` is opened as a context manager
(a cluster is reached then, before the batch writes anything) and ``outcomes(items,
settings)`` yields one outcome per item as each is completed. Items whose outcome is already
known (skipped and refused inputs, as :class:`~tei_plenum.parallel.Done`) come back
unchanged. The order is the executor's: the pool's outcomes come in input order, a cluster's
as its workers finish them, so whoever needs input order restores it.

Dask is an optional dependency: :func:`executor_for` imports it (``batch.cluster``) only when a
scheduler is named.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from dataclasses import dataclass
from typing import Protocol, Self

from ..errors import ConfigError
from ..parallel import Done, ordered
from .worker import Outcome, Settings, Status, Task, prepare, process

Item = Task | Done[Outcome]

# The scheduler address that starts a cluster on this machine instead of joining one.
LOCAL = "local"


class Executor(Protocol):
    """Runs each task's ``process(task, settings)`` somewhere and yields its outcome."""

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc_info: object) -> None: ...

    @property
    def dashboard(self) -> str | None:
        """The address of a page that shows the work as it runs, when there is one."""
        ...

    def outcomes(self, items: Iterable[Item], settings: Settings) -> Generator[Outcome, None, None]:
        """One outcome per item, each as soon as it is completed; items are taken lazily."""
        ...


@dataclass(frozen=True, slots=True)
class ProcessPool:
    """The project's one process pool (:func:`tei_plenum.parallel.ordered`) with ``jobs``
    forked workers, which inherit what the parent compiled; ``jobs=1`` runs in this process."""

    jobs: int

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    @property
    def dashboard(self) -> str | None:
        return None

    def outcomes(self, items: Iterable[Item], settings: Settings) -> Generator[Outcome, None, None]:
        return ordered(process, items, settings, jobs=self.jobs, lost=lost, prepare=prepare)


def lost(task: Task) -> Outcome:
    """The outcome of a file whose pool worker died (a crash, the out-of-memory killer)."""
    return Outcome(
        str(task.job.source),
        str(task.job.rel),
        Status.FAILED,
        reason="a worker process stopped while converting this file or one beside it; "
        "run the batch again to retry",
    )


def executor_for(scheduler: str | None, *, jobs: int, dashboard: bool = False) -> Executor:
    """The process pool of ``jobs`` workers when no scheduler is named; else the Dask cluster
    at the scheduler's address, or a new one of ``jobs`` workers on this machine for
    ``"local"`` (with Dask's dashboard when asked for)."""
    if dashboard and scheduler != LOCAL:
        raise ConfigError("a dashboard is served only for a local Dask cluster")
    if scheduler is None:
        return ProcessPool(jobs)
    try:
        from .cluster import DaskCluster
    except ImportError as exc:
        if exc.name not in ("dask", "distributed"):
            raise
        raise ConfigError(
            "running on a Dask scheduler needs Dask: pip install 'tei-plenum[dask]'"
        ) from None
    return DaskCluster(scheduler, jobs=jobs, dashboard=dashboard)
