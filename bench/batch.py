"""Speed and memory of ``tei-plenum batch``: convert, validate, HTML and text for a corpus on one
and on two worker processes. Prints figures; not a test.

Run as ``python -m bench.batch [TEXT_DIR] [N]``. Each measurement runs in a fresh Python
process so that one run's memory does not flatter or burden the next; the peak resident size
of the pool's workers is read from ``getrusage(RUSAGE_CHILDREN)`` inside that process.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench import own_peak_mb
from bench.corpus import text_corpus
from tei_plenum.batch import Settings, execute, plan

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNT = 1000
# Targets from the project's design card.
TARGET_SPEEDUP = 1.7
TARGET_RATE = 100.0
TARGET_WORKER_MB = 150.0


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


def _measure(corpus: Path, out: Path, *, jobs: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.batch", "--measure", str(corpus), str(out), str(jobs)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(done.stdout)


def _print(figures: dict[str, Any]) -> None:
    print(
        f"--jobs {figures['jobs']}: {figures['wall_s']:.2f} s for {figures['files']} files "
        f"({figures['files_per_s']:.1f} files/s, {figures['failed']} failed); peak memory: "
        f"parent {figures['parent_peak_mb']:.0f} MB, worker {figures['worker_peak_mb']:.0f} MB"
    )


def _measure_here(corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    """One batch in this process, as the command runs it (HTML, text, TEI, validation)."""
    start = time.perf_counter()
    result = execute(plan([str(corpus)], Settings(out)), jobs=jobs)
    wall = time.perf_counter() - start
    files = result.totals.documents
    parent = own_peak_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "jobs": jobs,
        "files": files,
        "failed": result.totals.failed,
        "wall_s": wall,
        "files_per_s": files / wall,
        "parent_peak_mb": parent,
        # With --jobs 1 the work happens in the parent: that is the worker.
        "worker_peak_mb": children if jobs > 1 else parent,
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        corpus_dir, out_dir, job_count = sys.argv[2:5]
        print(json.dumps(_measure_here(Path(corpus_dir), Path(out_dir), int(job_count))))
    else:
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir())
        run(folder, int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_COUNT)
