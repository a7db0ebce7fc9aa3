"""``batch`` on a Dask cluster: a local cluster of two worker processes on 127.0.0.1, started
by the tests themselves. The same outputs as the process pool, workers that die, resume
across executors, failures, and a scheduler that cannot be reached or is not installed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tei_plenum.batch import (
    MANIFEST_NAME,
    Outcome,
    ProcessPool,
    Settings,
    Status,
    execute,
    executor_for,
    plan,
)
from tei_plenum.batch.worker import Task, process
from tei_plenum.cli import main
from tei_plenum.errors import ConfigError
from tei_plenum.files import open_atomically
from tests.batch.conftest import LAYOUT, copies_of_the_sample, run, tree_bytes
from tests.batch.test_cli import add_broken_inputs
from tests.batch.test_resume import Interrupt, assert_complete_subset
from tests.conftest import SAMPLE

NOT_INSTALLED = "Dask is not installed (pip install 'tei-plenum[dask]')"


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    """The scheduler of a local cluster (two single-threaded worker processes and the
    scheduler, on 127.0.0.1), as ``--scheduler local`` starts it; the tests join it by its
    address as they would join a remote one."""
    pytest.importorskip("distributed", reason=NOT_INSTALLED)
    with executor_for("local", jobs=2) as local:
        yield str(local.client.scheduler.address)


def wait_until_idle(address: str) -> None:
    """Tasks a stopped driver left running finish on the workers: wait for them."""
    from distributed import Client

    with Client(address) as client:
        deadline = time.monotonic() + 60
        while sum(client.run(_executing).values()) and time.monotonic() < deadline:
            time.sleep(0.05)


def _executing(dask_worker: Any) -> int:
    return int(dask_worker.state.executing_count)


@pytest.fixture
def big_collection(tmp_path: Path) -> Path:
    """More copies of the eight-page sample than the cluster has in flight."""
    return copies_of_the_sample(tmp_path / "big", 24, parts=3)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("tei-plenum: error: ")]


def report_of(path: Path) -> list[tuple[str, str, list[str]]]:
    return [
        (r["source"], r["status"], r["outputs"]) for r in json.loads(path.read_bytes())["files"]
    ]


@pytest.mark.slow
def test_outputs_and_report_are_those_of_the_process_pool(
    collection: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
):
    add_broken_inputs(collection)
    reports = {name: tmp_path / f"{name}.json" for name in ("pool", "dask")}
    pool = run(
        str(collection), "-o", str(tmp_path / "pool"), "-j", "2", "--report", str(reports["pool"])
    )
    # The scheduler's address as users of a shared cluster give it, in the environment.
    monkeypatch.setenv("TEI_PLENUM_SCHEDULER", address)
    dask = run(str(collection), "-o", str(tmp_path / "dask"), "--report", str(reports["dask"]))
    assert pool.exit_code == dask.exit_code == 1
    assert tree_bytes(tmp_path / "dask") == tree_bytes(tmp_path / "pool")
    assert len(tree_bytes(tmp_path / "pool")) == 3 * len(LAYOUT) + 1
    # Each bad input is reported by the same line, and the records keep the input order.
    assert len(error_lines(pool.stderr)) == 2
    assert sorted(error_lines(dask.stderr)) == sorted(error_lines(pool.stderr))
    assert dask.stdout.splitlines()[:5] == pool.stdout.splitlines()[:5]
    assert report_of(reports["dask"]) == report_of(reports["pool"])


@pytest.mark.slow
def test_a_local_cluster_of_jobs_workers_writes_the_same_outputs(collection: Path, tmp_path: Path):
    pytest.importorskip("distributed", reason=NOT_INSTALLED)
    pool = run(str(collection), "-o", str(tmp_path / "pool"), "-j", "2")
    local = run(str(collection), "-o", str(tmp_path / "local"), "--scheduler", "local", "-j", "2")
    assert pool.exit_code == local.exit_code == 0, local.output
    assert tree_bytes(tmp_path / "local") == tree_bytes(tmp_path / "pool")


VICTIM = "plenum-007"


def dies_once_halfway_through_a_write(task: Task, settings: Settings) -> Any:
    """The worker converting the victim is killed (``SIGKILL``, nothing cleans up) halfway
    through writing its TEI, the first time only; every other run is the real work."""
    marker = settings.outdir.parent / "victim-was-killed"
    if task.job.rel.name == VICTIM and not marker.exists():
        marker.touch()
        target = task.job.output(settings.outdir, ".xml")
        target.parent.mkdir(parents=True, exist_ok=True)
        with open_atomically(target, tag=task.tag) as handle:
            handle.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI')
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    return process(task, settings)


@pytest.mark.slow
def test_a_worker_killed_mid_document_loses_nothing_and_duplicates_nothing(
    big_collection: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
):
    from tei_plenum.batch import cluster

    reference = tmp_path / "reference"
    execute(plan([str(big_collection)], Settings(reference)), jobs=2)
    out = tmp_path / "out"
    monkeypatch.setattr(cluster, "process", dies_once_halfway_through_a_write)
    with executor_for(address, jobs=2) as executor:
        workers_before = set(executor.client.run(os.getpid).values())
        result = execute(
            plan([str(big_collection)], Settings(out)), executor=executor, keep_outcomes=True
        )
        workers_after = set(executor.client.run(os.getpid).values())
    assert (tmp_path / "victim-was-killed").exists()
    assert len(workers_before - workers_after) == 1  # the killed one was replaced
    # Each input is reported once, converted, in input order.
    rels = [outcome.rel for outcome in result.outcomes]
    assert rels == sorted(rels)
    assert len(set(rels)) == 24
    assert {outcome.status for outcome in result.outcomes} == {Status.CONVERTED}
    assert result.totals.documents == 24
    # The half-written TEI never became an output: the retry writes under the run's tag, so
    # it takes over the temporary file the killed worker left.
    assert tree_bytes(out) == tree_bytes(reference)
    # The next run finds everything current.
    again = execute(plan([str(big_collection)], Settings(out)), jobs=1)
    assert again.totals.statuses[Status.SKIPPED] == 24
    assert tree_bytes(out) == tree_bytes(reference)


def kills_its_worker_on_files_named_crash(task: Task, settings: Settings) -> Any:
    """A stand-in for a document that crashes whichever worker converts it; it counts its
    tries in a file beside the output folder."""
    if "crash" in task.job.source.name:
        with (settings.outdir.parent / "crash-tries").open("a") as tries:
            tries.write("x")
        os.kill(os.getpid(), signal.SIGKILL)
    return process(task, settings)


def allow_failures(count: int, dask_scheduler: Any) -> int:
    """On the scheduler: how many workers may die running a task before it fails (returns
    the number it replaces)."""
    before = int(dask_scheduler.allowed_failures)
    dask_scheduler.allowed_failures = count
    return before


@pytest.mark.slow
def test_a_file_that_kills_every_worker_fails_alone_and_the_batch_goes_on(
    big_collection: Path, tmp_path: Path, address: str, monkeypatch: pytest.MonkeyPatch
):
    from tei_plenum.batch import cluster

    # The seventeenth input: after the first tasks, of one document, it shares a task of four.
    shutil.copyfile(SAMPLE, big_collection / "part-1" / "zz-crash.txt")
    monkeypatch.setattr(cluster, "TASK_SECONDS", 1000.0)
    monkeypatch.setattr(cluster, "MAX_PER_TASK", 4)
    monkeypatch.setattr(cluster, "process", kills_its_worker_on_files_named_crash)
    with executor_for(address, jobs=2) as executor:
        # One try each instead of four: Dask's nannies, killed in quick succession, sometimes
        # fail to bring a worker back, which would leave the shared cluster without workers.
        before = executor.client.run_on_scheduler(allow_failures, 0)
        try:
            result = execute(
                plan([str(big_collection)], Settings(tmp_path / "out")),
                executor=executor,
                keep_outcomes=True,
            )
        finally:
            executor.client.run_on_scheduler(allow_failures, before)
    statuses = {outcome.rel: outcome.status for outcome in result.outcomes}
    assert statuses.pop("part-1/zz-crash") is Status.FAILED
    assert set(statuses.values()) == {Status.CONVERTED}
    assert len(statuses) == 24
    crash = result.outcomes[16]
    assert crash.source == str(big_collection / "part-1" / "zz-crash.txt")
    assert crash.reason == (
        "the worker converting this file stopped on every try (1); its log may say why"
    )
    # A try with the documents of its task, which then went again one by one: one more.
    assert (tmp_path / "crash-tries").read_text() == "x" * 2
    assert not list((tmp_path / "out").rglob("zz-crash.*"))


@pytest.mark.slow
@pytest.mark.parametrize("first", ["dask", "pool"])
def test_a_run_interrupted_on_one_executor_resumes_on_the_other(
    collection: Path, tmp_path: Path, address: str, first: str
):
    reference = tmp_path / "reference"
    assert run(str(collection), "-o", str(reference), "-j", "2").exit_code == 0
    out = tmp_path / "out"
    # The pool in this process: interrupted, it leaves no worker writing behind it.
    interrupted = executor_for(address, jobs=2) if first == "dask" else ProcessPool(1)
    with pytest.raises(KeyboardInterrupt), interrupted as executor:
        execute(plan([str(collection)], Settings(out)), executor=executor, on_outcome=Interrupt(3))
    wait_until_idle(address)
    assert_complete_subset(out, tree_bytes(reference))
    entries = json.loads((out / MANIFEST_NAME).read_text("utf-8"))["entries"]
    assert len(entries) == 3

    then = ["-j", "2"] if first == "dask" else ["--scheduler", address]
    resumed = run(str(collection), "-o", str(out), *then)
    assert "5 inputs: 2 converted, 0 failed, 3 skipped" in resumed.stdout
    assert tree_bytes(out) == tree_bytes(reference)


def free_port() -> int:
    """A port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_scheduler_is_one_error_line_and_nothing_written(
    collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    pytest.importorskip("distributed", reason=NOT_INSTALLED)
    from tei_plenum.batch import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    scheduler = f"tcp://127.0.0.1:{free_port()}"
    out = tmp_path / "out"
    started = time.monotonic()
    result = run(str(collection), "-o", str(out), "--scheduler", scheduler)
    assert time.monotonic() - started < 15
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"tei-plenum: error: cannot reach the Dask scheduler at {scheduler}: ")
    assert not out.exists()


def test_without_dask_a_scheduler_is_one_error_line(
    collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # As if Dask were not installed: importing it fails.
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "tei_plenum.batch.cluster", raising=False)
    result = CliRunner().invoke(
        main, ["batch", str(collection), "-o", str(tmp_path / "out"), "--scheduler", "local"]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "tei-plenum: error: running on a Dask scheduler needs Dask: "
        "pip install 'tei-plenum[dask]'\n"
    )
    assert not (tmp_path / "out").exists()
    # The process pool needs no Dask.
    assert run(str(collection), "-o", str(tmp_path / "out"), "-j", "1").exit_code == 0


def test_a_dashboard_needs_a_local_cluster(collection: Path, tmp_path: Path):
    result = run(str(collection), "-o", str(tmp_path / "out"), "--dashboard")
    assert result.exit_code == 2
    assert result.stderr == (
        "tei-plenum: error: a dashboard is served only for a local Dask cluster\n"
    )


class StopsTheScheduler:
    """An ``on_outcome`` hook that shuts the whole cluster down after ``after`` inputs."""

    def __init__(self, cluster: Any, after: int) -> None:
        self.cluster, self.after, self.seen = cluster, after, 0

    def __call__(self, _outcome: Outcome) -> None:
        self.seen += 1
        if self.seen == self.after:
            self.cluster.close()


@pytest.mark.slow
def test_a_lost_scheduler_stops_the_run_and_a_rerun_finishes_it(
    big_collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    pytest.importorskip("distributed", reason=NOT_INSTALLED)
    from tei_plenum.batch import cluster

    reference = tmp_path / "reference"
    execute(plan([str(big_collection)], Settings(reference)), jobs=2)
    out = tmp_path / "out"
    # The client waits a second for the scheduler to come back instead of ten.
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    own = executor_for("local", jobs=2)
    with own, executor_for(own.client.scheduler.address, jobs=2) as joined:
        stop = StopsTheScheduler(own._cluster, after=4)
        with pytest.raises(ConfigError, match=r"^lost the Dask scheduler at tcp://127\.0\.0\.1:"):
            execute(plan([str(big_collection)], Settings(out)), executor=joined, on_outcome=stop)
    entries = json.loads((out / MANIFEST_NAME).read_text("utf-8"))["entries"]
    assert len(entries) >= 4
    resumed = execute(plan([str(big_collection)], Settings(out)), jobs=2)
    assert resumed.totals.statuses[Status.SKIPPED] == len(entries)
    assert tree_bytes(out) == tree_bytes(reference)


def test_a_worker_that_cannot_see_the_output_folder_fails_the_file_and_writes_nothing(
    collection: Path, tmp_path: Path
):
    """A worker without the shared storage: the output folder the driver made is not there."""
    elsewhere = tmp_path / "not-shared" / "out"
    settings = Settings(elsewhere)
    job = plan([str(collection)], settings).discovery.jobs[0]
    outcome = process(Task(job, "", None), settings)
    assert outcome.status is Status.FAILED
    assert outcome.reason == (
        f"the output folder {elsewhere} does not exist where this file was converted "
        "(every worker must see it at the same path)"
    )
    assert not (tmp_path / "not-shared").exists()


@pytest.mark.slow
def test_a_cluster_left_without_workers_stops_the_run(
    collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    pytest.importorskip("distributed", reason=NOT_INSTALLED)
    from tei_plenum.batch import cluster

    monkeypatch.setattr(cluster, "WATCH_EVERY", 0.2)
    monkeypatch.setattr(cluster, "NO_WORKERS_TIMEOUT", 1.0)
    with executor_for("local", jobs=0) as empty:  # a scheduler, and no worker ever
        address = empty.client.scheduler.address
        with pytest.raises(ConfigError) as stopped:
            execute(plan([str(collection)], Settings(tmp_path / "out")), executor=empty)
    assert str(stopped.value) == (
        f"the Dask scheduler at {address} has had no workers for 1 s; "
        "start some, then run the batch again to go on"
    )
