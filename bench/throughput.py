"""The throughput of the whole pipeline against a floor measured in the same run.

``tei-plenum batch --to tei,html,text`` (convert, validate with the project's schemas, HTML,
text, manifest, corpus index) over a generated corpus, at ``--jobs 1`` and ``--jobs 2``, next
to the floor: one Python process that only parses each TEI file the batch wrote with lxml and
serialises it again. Machines differ and shared cores are noisy, so every round measures the
floor beside the batch, the ratio is taken within a round, and the best round and the spread of
all rounds are printed. Also: the wall time of converting the sample with ``tei-plenum
convert`` (start-up included), and the peak memory of a batch process and of its workers.

Run as ``python -m bench.throughput [N] [ROUNDS]``. Prints figures; not a test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import SAMPLE, text_corpus

DEFAULT_COUNT = 1000
DEFAULT_ROUNDS = 3
CONVERT_REPEATS = 7
# Targets of the project (issue "Throughput"): on an idle two-core machine.
TARGET_RATIO = 7.0
TARGET_RATE = 200.0
TARGET_STARTUP_S = 0.15
TARGET_WORKER_MB = 150.0

# Runs one batch in a child and prints, as JSON, its wall time, the CPU time of the batch and
# its workers (on shared cores a steadier figure than the wall clock), and the peak memory
# (MiB) of the batch process itself (VmHWM) and of its largest worker (rusage of children).
_BATCH = """
import json, resource, sys, time
from bench import own_peak_mb
from tei_plenum.cli import main
start = time.perf_counter()
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(u.ru_utime + u.ru_stime for u in (own, workers))
    print(json.dumps({"wall": wall, "cpu": cpu, "parent_mb": own_peak_mb(),
                      "worker_mb": workers.ru_maxrss / 1024}))
"""

# The floor: parse every TEI file with lxml and write it back, nothing else.
_FLOOR = """
import sys, time
from pathlib import Path
from lxml import etree
paths = sorted(Path(sys.argv[1]).rglob("*.xml"))
start = time.perf_counter()
for path in paths:
    etree.parse(str(path)).write(str(path), encoding="UTF-8", xml_declaration=True)
print(time.perf_counter() - start, len(paths))
"""


def _command() -> list[str]:
    """The installed ``tei-plenum`` command beside this Python, or the module."""
    script = Path(sys.executable).with_name("tei-plenum")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tei_plenum"]


def _batch(corpus: Path, out: Path, jobs: int) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    arguments = [str(corpus), "-o", str(out), "--jobs", str(jobs), "--to", "tei,html,text", "-q"]
    done = subprocess.run(
        [sys.executable, "-c", _BATCH, "batch", *arguments],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _floor(out: Path) -> tuple[float, int]:
    done = subprocess.run(
        [sys.executable, "-c", _FLOOR, str(out)], check=True, capture_output=True, text=True
    )
    seconds, files = done.stdout.split()
    return float(seconds), int(files)


def _startup(target: Path, cache: str) -> float:
    """The best wall time of ``tei-plenum convert SAMPLE -o FILE``, a fresh process each, with
    compiled patterns kept in ``cache`` ("" for none: every pattern compiled from its text)."""
    environment = {**os.environ, "TEI_PLENUM_CACHE_DIR": cache}
    command = [*_command(), "convert", str(SAMPLE), "-o", str(target)]
    subprocess.run(command, check=True, env=environment)  # fills the cache
    best = float("inf")
    for _ in range(CONVERT_REPEATS):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=environment)
        best = min(best, time.perf_counter() - start)
    return best


def _spread(values: list[float], unit: str, digits: int = 1) -> str:
    return f"{min(values):.{digits}f}–{max(values):.{digits}f}{unit}" if len(values) > 1 else ""


def run(count: int = DEFAULT_COUNT, rounds: int = DEFAULT_ROUNDS) -> None:
    """Print documents/s at one and two jobs, the floor, their ratio and the start-up time."""
    with tempfile.TemporaryDirectory(prefix="bench-throughput-") as tmp:
        work = Path(tmp)
        corpus = work / "src"
        text_corpus(corpus, count)
        print(f"corpus: {count} generated sample-sized documents; {rounds} rounds")
        single, double, floors, ratios, cpu = [], [], [], [], []
        memory: dict[str, float] = {"parent_mb": 0.0, "worker_mb": 0.0}
        for _ in range(rounds):
            one = _batch(corpus, work / "out-1", jobs=1)
            two = _batch(corpus, work / "out-2", jobs=2)
            floor, files = _floor(work / "out-2")
            if files != count:
                raise SystemExit(f"the batch wrote {files} TEI files of {count}")
            single.append(count / one["wall"])
            double.append(count / two["wall"])
            floors.append(floor)
            ratios.append(two["wall"] / floor)
            cpu.extend(run["cpu"] / count * 1000 for run in (one, two))
            memory = {
                "parent_mb": max(memory["parent_mb"], one["parent_mb"], two["parent_mb"]),
                "worker_mb": max(memory["worker_mb"], two["worker_mb"]),
            }
        print(f"--jobs 1: {max(single):.1f} documents/s (best; rounds {_spread(single, '')})")
        print(
            f"--jobs 2: {max(double):.1f} documents/s (best; rounds {_spread(double, '')}; "
            f"target >= {TARGET_RATE:.0f} on an idle two-core machine)"
        )
        print(
            f"floor, lxml parse and write back of the {count} TEI files in one process: "
            f"{min(floors):.2f} s (best; rounds {_spread(floors, ' s', 2)})"
        )
        print(
            f"ratio, --jobs 2 wall time / floor of the same round: {min(ratios):.1f}x (best; "
            f"rounds {_spread(ratios, 'x')}; target <= {TARGET_RATIO:.0f}x)"
        )
        print(
            f"CPU time per document, batch and workers: {min(cpu):.1f} ms (best; runs "
            f"{_spread(cpu, ' ms')})"
        )
        print(
            f"peak memory: batch process {memory['parent_mb']:.0f} MB, largest worker "
            f"{memory['worker_mb']:.0f} MB (target < {TARGET_WORKER_MB:.0f} MB)"
        )
        warm = _startup(work / "sample.xml", str(work / "cache"))
        cold = _startup(work / "sample.xml", "")
        print(
            f"tei-plenum convert of the sample, start-up included: {warm:.3f} s with compiled "
            f"patterns cached, {cold:.3f} s without (best of {CONVERT_REPEATS}; "
            f"target < {TARGET_STARTUP_S} s)"
        )


if __name__ == "__main__":
    run(
        int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT,
        int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_ROUNDS,
    )
