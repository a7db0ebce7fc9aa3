"""The batch on a Dask cluster: the same per-document work, submitted to a Dask scheduler.

Imported only when a scheduler is named (``tei-plenum[dask]``). The driver keeps everything
but the documents: it submits ``process(task, settings)`` in bounded windows, a few documents
to a Dask task, and takes the outcomes as they are completed. Workers read the inputs and
write the outputs themselves, with the same atomic writes, so every path must mean the same
file on every worker (shared storage); relative paths are made absolute against the driver's
folder before they travel.

A worker that dies mid-document has its task run again elsewhere by the scheduler, up to
Dask's ``distributed.scheduler.allowed-failures`` times; an output is only ever replaced whole
by identical bytes, so converting a document twice is harmless. A document whose every try
killed its worker comes back as a failed outcome, like any other failure.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Generator, Iterable
from contextlib import suppress
from dataclasses import replace
from importlib.util import find_spec
from pathlib import Path
from time import monotonic, sleep
from typing import Any, Self

import dask.config
from distributed import (
    CancelledError,
    Client,
    Future,
    KilledWorker,
    LocalCluster,
    WorkerPlugin,
    as_completed,
)
from distributed.client import ClosedClientError

from ..errors import ConfigError
from ..parallel import WINDOW_PER_JOB, Done
from .executors import LOCAL, Item
from .manifest import package_version
from .worker import Outcome, Settings, Status, Task, prepare, process

# Seconds to reach a scheduler before giving up with an error.
CONNECT_TIMEOUT = 10.0
# Seconds between two looks at how many worker threads the cluster has (it may grow).
RESIZE_EVERY = 10.0
# Seconds between two looks for finished tasks, and between two counts of the workers while
# none finishes; seconds without any worker after which the run stops.
POLL = 0.01
WATCH_EVERY = 5.0
NO_WORKERS_TIMEOUT = 120.0
# A task takes as many documents as fill about this many seconds, within these bounds.
TASK_SECONDS = 1.0
MAX_PER_TASK = 64
# Dask's background sampling for its dashboard, and its watch over a blocked event loop: in a
# local cluster they cost the processes that convert a few per cent of CPU, so they are slowed
# down or off unless the dashboard is shown.
QUIET: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class Prepare(WorkerPlugin):
    """Builds the authority and the schemas in each worker once, before its first document
    (and in every worker that joins later), after checking it runs this very version."""

    def __init__(self, settings: Settings, version: str) -> None:
        self.settings, self.version = settings, version

    def setup(self, worker: Any) -> None:
        here = package_version()
        if here != self.version:
            raise ConfigError(
                f"worker {worker.address} runs tei-plenum {here}, this command "
                f"{self.version}; install the same version everywhere"
            )
        prepare(self.settings)


class DaskCluster:
    """An :class:`~tei_plenum.batch.executors.Executor` on the Dask scheduler at ``address``,
    or on a new cluster of ``jobs`` single-threaded worker processes on 127.0.0.1 when the
    address is ``"local"`` (Dask's dashboard only when ``dashboard`` asks for it)."""

    def __init__(self, address: str, *, jobs: int, dashboard: bool = False) -> None:
        if dashboard and find_spec("bokeh") is None:
            raise ConfigError("Dask's dashboard needs bokeh: pip install bokeh")
        self.address, self.jobs, self.show_dashboard = address, jobs, dashboard
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None
        self._plugins: list[str] = []

    def __enter__(self) -> Self:
        try:
            if self.address == LOCAL:
                self._cluster = self._local_cluster()
            self._client = Client(self._cluster or self.address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TimeoutError) as exc:
            self.__exit__()
            if self.address == LOCAL:
                raise ConfigError(f"cannot start a local Dask cluster: {exc}") from None
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        return self

    def _local_cluster(self) -> LocalCluster:
        """``jobs`` single-threaded worker processes on 127.0.0.1. Each worker is sent one
        task at a time, so that a worker that dies takes only the task it runs with it (the
        scheduler tries it again elsewhere), never one merely queued beside it."""
        config: dict[str, object] = {"distributed.scheduler.worker-saturation": 1.0}
        if not self.show_dashboard:
            config |= QUIET
        # For the scheduler and the nannies made here, and for every worker they start (again).
        with dask.config.set(config):
            return LocalCluster(
                n_workers=self.jobs,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                # The scheduler serves HTTP even without a dashboard: any free port then.
                dashboard_address=f"127.0.0.1:{8787 if self.show_dashboard else 0}",
                silence_logs=logging.ERROR,
                config=config,
            )

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            # A long-lived cluster keeps no trace of this run (a lost scheduler has none).
            for name in self._plugins:
                with suppress(Exception):
                    self._client.unregister_worker_plugin(name)
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None
        self._plugins.clear()

    @property
    def client(self) -> Client:
        if self._client is None:
            raise RuntimeError("the Dask executor is used outside its with block")
        return self._client

    @property
    def dashboard(self) -> str | None:
        return self.client.dashboard_link if self.show_dashboard else None

    def outcomes(self, items: Iterable[Item], settings: Settings) -> Generator[Outcome, None, None]:
        """Submit documents while fewer than a few tasks per worker thread are in flight;
        yield each outcome as its task is completed, and each known one as it is reached."""
        scheduler = self.client.scheduler
        address = self.address if scheduler is None else str(scheduler.address)
        run = _Run(self.client, address, settings)
        # Named for this run, so that runs sharing a cluster do not replace each other's.
        self._plugins.append(f"tei-plenum-batch-{run.name}")
        try:
            plugin = Prepare(run.settings, package_version())
            self.client.register_plugin(plugin, name=self._plugins[-1])
        except Exception as exc:
            raise ConfigError(f"the Dask workers cannot prepare the batch: {exc}") from None
        window, resized = self._window(), monotonic()
        gathered: list[Task] = []
        for item in items:
            if isinstance(item, Done):
                yield item.result
                continue
            gathered.append(item)
            if len(gathered) >= run.size():
                run.submit(gathered)
                gathered = []
            if monotonic() - resized > RESIZE_EVERY:
                window, resized = self._window(), monotonic()
            while len(run.flying) >= window:
                yield from run.collect()
        if gathered:
            run.submit(gathered)
        while run.flying:
            yield from run.collect()

    def _window(self) -> int:
        """How many tasks to keep in flight: enough to keep every worker thread busy."""
        threads: dict[str, int] = self.client.nthreads()
        return WINDOW_PER_JOB * max(1, sum(threads.values()))


def process_all(
    work: Callable[[Task, Settings], Outcome], tasks: list[Task], settings: Settings
) -> list[Outcome]:
    """One Dask task, on a worker: ``work`` on each of a few documents in turn."""
    return [work(task, settings) for task in tasks]


class _Run:
    """One batch's traffic with the scheduler: the tasks in flight with their documents, and
    how many documents the next task takes.

    A task costs the scheduler and the worker a few milliseconds whatever it does, so each
    takes as many documents as fill about :data:`TASK_SECONDS` at the pace measured so far
    (one at first). Should a worker die on every try of a task, each of its documents is sent
    again alone, so that only the document that kills its worker fails.
    """

    def __init__(self, client: Client, address: str, settings: Settings) -> None:
        self.client, self.address = client, address
        self.settings = _anchored_settings(settings)
        self.name = uuid.uuid4().hex
        self.flying: dict[Future[list[Outcome]], list[Task]] = {}
        self._finished = as_completed()
        self._submitted = 0
        self._seconds_each: float | None = None

    def size(self) -> int:
        if self._seconds_each is None:
            return 1
        return max(1, min(MAX_PER_TASK, int(TASK_SECONDS / max(self._seconds_each, 1e-6))))

    def submit(self, tasks: list[Task]) -> None:
        anchored = [_anchored_task(task) for task in tasks]
        # An explicit key spares hashing the arguments; the dashboard shows "convert".
        key = (f"convert-{self.name}", self._submitted)
        try:
            future = self.client.submit(
                process_all, process, anchored, self.settings, key=key, pure=False
            )
        except ClosedClientError:
            raise self._lost() from None
        self._submitted += 1
        self.flying[future] = tasks
        self._finished.add(future)

    def collect(self) -> list[Outcome]:
        """The outcomes of the next task to finish; none when its documents are sent again."""
        future = self._next()
        tasks = self.flying.pop(future)
        try:
            outcomes: list[Outcome] = future.result()
        except CancelledError as exc:
            if self.client.status != "running":
                raise self._lost() from None
            reason = f"the Dask cluster cancelled this file: {exc}"
        except KilledWorker as exc:
            if len(tasks) > 1:
                for task in tasks:
                    self.submit([task])
                return []
            reason = (
                f"the worker converting this file stopped on every try "
                f"({exc.allowed_failures + 1}); its log may say why"
            )
        except Exception as exc:
            reason = f"the Dask cluster could not run this file: {type(exc).__name__}: {exc}"
        else:
            self._learn(outcomes)
            # The user's spelling of each path, as every other outcome reports it.
            return [
                replace(o, source=str(t.job.source)) for o, t in zip(outcomes, tasks, strict=True)
            ]
        finally:
            future.release()
        return [_failed(task, reason) for task in tasks]

    def _next(self) -> Future[list[Outcome]]:
        """The next task to finish. A cluster left without workers for
        :data:`NO_WORKERS_TIMEOUT` seconds stops the run: Dask does not always bring back a
        worker that died, and nothing would ever finish."""
        alone_since: float | None = None
        look_at = monotonic() + WATCH_EVERY
        while not self._finished.has_ready():
            sleep(POLL)
            if monotonic() < look_at:
                continue
            look_at = monotonic() + WATCH_EVERY
            if self.client.nthreads():
                alone_since = None
            elif alone_since is None:
                alone_since = monotonic()
            elif monotonic() - alone_since > NO_WORKERS_TIMEOUT:
                raise ConfigError(
                    f"the Dask scheduler at {self.address} has had no workers for "
                    f"{NO_WORKERS_TIMEOUT:.0f} s; start some, then run the batch again to go on"
                )
        return next(self._finished)

    def _learn(self, outcomes: list[Outcome]) -> None:
        spent = sum(sum(outcome.timings.values()) for outcome in outcomes) / len(outcomes)
        before = self._seconds_each
        self._seconds_each = spent if before is None else 0.8 * before + 0.2 * spent

    def _lost(self) -> ConfigError:
        """The whole run stops when the scheduler is gone: what finished is in the manifest."""
        return ConfigError(
            f"lost the Dask scheduler at {self.address}; run the batch again to go on"
        )


def _failed(task: Task, reason: str) -> Outcome:
    return Outcome(
        str(task.job.source),
        str(task.job.rel),
        Status.FAILED,
        reason=reason,
        input_sha=task.input_sha,
        sidecar_sha=task.sidecar_sha,
    )


def _anchored_settings(settings: Settings) -> Settings:
    """The settings with absolute paths, which mean the same on every worker of a cluster
    whose storage is shared (a worker's current folder is its own)."""
    options = settings.options
    authority = tuple(Path(path).absolute() for path in options.authority_files)
    return replace(
        settings,
        outdir=settings.outdir.absolute(),
        options=replace(options, authority_files=authority),
    )


def _anchored_task(task: Task) -> Task:
    job = task.job
    sidecar = job.sidecar.absolute() if job.sidecar is not None else None
    return replace(task, job=replace(job, source=job.source.absolute(), sidecar=sidecar))
