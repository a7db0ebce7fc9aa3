"""Speed and memory of ``tei-plenum batch``: convert, validate, HTML and text for a corpus on one
and on two worker processes, and on a local Dask cluster of two workers. Prints figures; not a
test.

Run as ``python -m bench.batch [TEXT_DIR] [N]``. Each measurement runs in a fresh Python
process so that one run's memory does not flatter or burden the next; the peak resident size
of the pool's workers is read from ``getrusage(RUSAGE_CHILDREN)`` inside that process, that of
Dask's workers from the workers themselves. Besides wall-clock time, every run reports the CPU
time it took (this process, and the workers): on a shared, loaded machine the wall clock
depends on the neighbours, CPU time much less.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from bench import own_peak_mb
from bench.corpus import text_corpus
from tei_plenum.batch import Settings, execute, executor_for, plan, prepare
from tei_plenum.options import ConvertOptions

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNT = 1000
# Targets from the project's design card.
TARGET_SPEEDUP = 1.7
TARGET_RATE = 100.0
TARGET_WORKER_MB = 150.0
# Dask on one machine should cost little: its rate within 15% of the process pool's.
TARGET_DASK_RATIO = 0.85
# Tiny documents (one line, TEI only, no names, no validation) show the cost of a task itself.
TINY_COUNT = 2000
TINY: dict[str, Any] = {
    "formats": ("tei",),
    "options": ConvertOptions(enrich=False),
    "validate": False,
}


def run(text_dir: Path, n: int = DEFAULT_COUNT) -> None:
    """Print wall time, files per second, speed-up and peak memory for ``n`` documents.

    Uses the ``*.txt`` files of ``text_dir`` when there are enough, else generates ``n``
    sample-sized variants. With ``n`` above the default, a run of the default size on two
    workers is added so that the growth from one size to the other can be read off.
    """
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        corpus = _corpus(text_dir, n, work / "src")
        print(f"corpus: {n} documents in {corpus}")
        single = _measure(corpus, work / "out-1", jobs=1)
        double = _measure(corpus, work / "out-2", jobs=2)
        for figures in (single, double):
            _print(figures)
        speedup = single["wall_s"] / double["wall_s"]
        print(
            f"speed-up on 2 workers: {speedup:.2f}x (target >= {TARGET_SPEEDUP}x; ceiling "
            f"here, a pure CPU loop on 2 processes: {_ceiling():.2f}x)"
        )
        rate = double["files_per_s"]
        print(f"2 workers: {rate:.0f} documents/s (target >= {TARGET_RATE:.0f})")
        print(
            f"peak per worker: {double['worker_peak_mb']:.0f} MB "
            f"(target < {TARGET_WORKER_MB:.0f} MB)"
        )
        if find_spec("distributed") is not None:
            _compare_with_dask(corpus, work, double)
        else:
            print("Dask: not installed (pip install 'tei-plenum[dask]'), not measured")
        if n > DEFAULT_COUNT:
            smaller = _measure(_corpus(corpus, DEFAULT_COUNT, work / "small"), work / "o", jobs=2)
            growth = double["wall_s"] / smaller["wall_s"]
            print(
                f"growth: {n} files take {growth:.1f}x the time of {DEFAULT_COUNT} "
                f"({n / DEFAULT_COUNT:.0f}x the files); worker peak "
                f"{smaller['worker_peak_mb']:.0f} MB -> {double['worker_peak_mb']:.0f} MB, "
                f"parent peak {smaller['parent_peak_mb']:.0f} MB -> "
                f"{double['parent_peak_mb']:.0f} MB"
            )


def _compare_with_dask(corpus: Path, work: Path, pool: dict[str, Any]) -> None:
    """The same corpus on a local Dask cluster of two workers next to ``--jobs 2``; the cost
    of a Dask task, from a corpus of tiny documents; what a million documents an hour need."""
    dask = _measure(corpus, work / "out-dask", jobs=2, scheduler="local")
    _print(dask)
    ratio = dask["files_per_s"] / pool["files_per_s"]
    cpu_ratio = dask["cpu_s"] / pool["cpu_s"]
    print(
        f"Dask / pool: {ratio:.2f} of the rate (target >= {TARGET_DASK_RATIO:.2f}), "
        f"{cpu_ratio:.2f}x the CPU time; not counted: the local cluster took "
        f"{dask['startup_s']:.1f} s to start and its workers {dask['compile_cpu_s']:.1f} s "
        "of CPU to compile the authority and the schemas, each once"
    )
    tiny = _tiny_corpus(work / "tiny", TINY_COUNT)
    base = _measure(tiny, work / "tiny-pool", jobs=2, tiny=True)
    for label, one in (("one document per task", True), ("documents grouped", False)):
        out = work / f"tiny-dask-{int(one)}"
        figures = _measure(tiny, out, jobs=2, scheduler="local", tiny=True, one_per_task=one)
        wall = (figures["wall_s"] - base["wall_s"]) / TINY_COUNT * 1000
        cpu = (figures["cpu_s"] - base["cpu_s"]) / TINY_COUNT * 1000
        print(
            f"overhead of Dask per document, {label} ({TINY_COUNT} one-line documents, "
            f"TEI only): {wall:.2f} ms wall, {cpu:.2f} ms CPU (pool alone "
            f"{base['wall_s'] / TINY_COUNT * 1000:.2f} ms wall, "
            f"{base['cpu_s'] / TINY_COUNT * 1000:.2f} ms CPU)"
        )
    per_document = dask["workers_cpu_s"] / dask["files"]
    driver = dask["driver_cpu_s"] / dask["files"]
    print(
        f"a Dask worker spends {per_document * 1000:.1f} ms CPU per document: 1,000,000 "
        f"documents in an hour need about {1_000_000 * per_document / 3600:.0f} single-threaded "
        f"workers (one core each); the driver and the scheduler spend {driver * 1000:.2f} ms "
        f"CPU per document ({1 / driver:.0f} documents/s from one core)"
    )


def _tiny_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    for index in range(n):
        (folder / f"note-{index:05d}.txt").write_text(f"Note number {index}.\n", "utf-8")
    return folder


def _spin(rounds: int) -> int:
    total = 0
    for i in range(rounds):
        total += i * i
    return total


def _ceiling(rounds: int = 5_000_000) -> float:
    """How much faster two processes finish two equal CPU-bound tasks than one does: on busy
    or shared cores this is the most any parallel program can show."""
    start = time.perf_counter()
    _spin(rounds)
    _spin(rounds)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(2) as pool:
        pool.submit(_spin, 1).result()  # start both workers before timing
        start = time.perf_counter()
        list(pool.map(_spin, [rounds, rounds]))
        parallel = time.perf_counter() - start
    return serial / parallel


def _corpus(text_dir: Path, n: int, folder: Path) -> Path:
    existing = sorted(text_dir.glob("*.txt"))
    if len(existing) < n:
        text_corpus(folder, n)
        return folder
    folder.mkdir(parents=True)
    for path in existing[:n]:
        shutil.copyfile(path, folder / path.name)
    return folder


def _measure(
    corpus: Path,
    out: Path,
    *,
    jobs: int,
    scheduler: str | None = None,
    tiny: bool = False,
    one_per_task: bool = False,
) -> dict[str, Any]:
    arguments = [str(corpus), str(out), str(jobs), scheduler or "pool", "tiny" if tiny else "full"]
    if one_per_task:
        arguments.append("one-per-task")
    command = [sys.executable, "-m", "bench.batch", "--measure", *arguments]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)


def _print(figures: dict[str, Any]) -> None:
    where = f"--jobs {figures['jobs']}"
    if figures["scheduler"] is not None:
        where = f"--scheduler {figures['scheduler']} {where}"
    print(
        f"{where}: {figures['wall_s']:.2f} s for {figures['files']} files "
        f"({figures['files_per_s']:.1f} files/s, {figures['failed']} failed); CPU "
        f"{figures['cpu_s']:.1f} s (this process {figures['driver_cpu_s']:.1f} s, workers "
        f"{figures['workers_cpu_s']:.1f} s); peak memory: parent "
        f"{figures['parent_peak_mb']:.0f} MB, worker {figures['worker_peak_mb']:.0f} MB"
    )


def _measure_here(
    corpus: Path, out: Path, jobs: int, scheduler: str | None, tiny: bool, one_per_task: bool
) -> dict[str, Any]:
    """One batch in this process, as the command runs it (HTML, text, TEI, validation; only
    the TEI of tiny documents), on the process pool or on a new local Dask cluster (whose
    tasks take one document each with ``one_per_task``)."""
    if one_per_task:
        from tei_plenum.batch import cluster

        cluster.MAX_PER_TASK = 1
    settings = Settings(out, **TINY) if tiny else Settings(out)
    start = time.perf_counter()
    with executor_for(scheduler, jobs=jobs) as executor:
        startup = time.perf_counter() - start
        client = getattr(executor, "client", None)  # a Dask cluster's; the pool has none
        # What a run compiles once (authority, schemas) is built before the clock starts, here
        # (the pool's workers inherit it) and in each Dask worker; its cost is shown apart.
        prepare(settings)
        before = _workers_cpu(client)
        if client is not None:
            client.run(prepare, settings)
        compile_cpu = _workers_cpu(client) - before
        before = _workers_cpu(client)
        own_before, children_before = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = execute(plan([str(corpus)], settings), executor=executor)
        wall = time.perf_counter() - start
        own = _cpu(resource.RUSAGE_SELF) - own_before
        # The pool's workers have ended and been counted as children; Dask's still run.
        workers = _workers_cpu(client) - before
        workers += _cpu(resource.RUSAGE_CHILDREN) - children_before
        dask_peak = max(client.run(own_peak_mb).values()) if client is not None else 0.0
    files = result.totals.documents
    parent = own_peak_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "jobs": jobs,
        "scheduler": scheduler,
        "files": files,
        "failed": result.totals.failed,
        "wall_s": wall,
        "files_per_s": files / wall,
        "startup_s": startup,
        "compile_cpu_s": compile_cpu,
        "cpu_s": own + workers,
        "driver_cpu_s": own,
        "workers_cpu_s": workers,
        "parent_peak_mb": parent,
        # With --jobs 1 the work happens in the parent: that is the worker.
        "worker_peak_mb": dask_peak or (children if jobs > 1 else parent),
    }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def _workers_cpu(client: Any) -> float:
    """The CPU time so far of a Dask cluster's workers (0 without one)."""
    return sum(client.run(_own_cpu).values()) if client is not None else 0.0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        corpus_dir, out_dir, job_count, where, size = sys.argv[2:7]
        scheduler = None if where == "pool" else where
        one = sys.argv[7:8] == ["one-per-task"]
        figures = _measure_here(
            Path(corpus_dir), Path(out_dir), int(job_count), scheduler, size == "tiny", one
        )
        print(json.dumps(figures))
    else:
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir())
        run(folder, int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_COUNT)
