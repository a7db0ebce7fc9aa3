"""Speed and memory of the converter: one sample, a corpus, the command-line start-up.

Prints the median in-process conversion time of the sample, documents per second over a
generated corpus (with and without enrichment, and with a 50,000-record authority), the
start-up time of the command and the peak memory of converting the sample.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import SAMPLE, text_corpus
from bench.names import GENERATED_RECORDS, write_authority
from tei_plenum.options import ConvertOptions
from tei_plenum.pipeline import convert_file, prepare

REPEATS = 30


def _median_ms(func: object, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _throughput(paths: list[Path], options: ConvertOptions) -> float:
    prepare(options)  # the authority is compiled once per process, not per document
    start = time.perf_counter()
    for path in paths:
        convert_file(path, options=options)
    return len(paths) / (time.perf_counter() - start)


# Runs the command in a child and reports the child's own peak memory (VmHWM): the kernel's
# rusage figure for children would include the benchmark's memory copied at fork time.
_MEASURED = """
import sys
from tei_plenum.cli import main
from bench import own_peak_mb
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(own_peak_mb(), file=sys.stderr)
"""


def _child_run(cache: Path, *args: str) -> tuple[float, float]:
    """Wall time and peak memory (MiB) of one command-line run, with compiled patterns kept
    in ``cache``."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "TEI_PLENUM_CACHE_DIR": str(cache)},
    )
    elapsed = time.perf_counter() - start
    return elapsed, float(done.stderr.strip().splitlines()[-1])


def run(count: int = 1000) -> None:
    """Print the converter's figures on ``count`` generated documents."""
    minimal = ConvertOptions(enrich=False)
    full_ms = _median_ms(lambda: convert_file(SAMPLE))
    plain_ms = _median_ms(lambda: convert_file(SAMPLE, options=minimal))
    print(f"sample ({SAMPLE.stat().st_size / 1024:.1f} KiB, 8 pages):")
    print(f"  median convert, full enrichment: {full_ms:.2f} ms")
    print(f"  median convert, structure only:  {plain_ms:.2f} ms")
    with tempfile.TemporaryDirectory(prefix="bench-convert-") as tmp:
        folder = Path(tmp)
        paths = text_corpus(folder / "corpus", count)
        rate_full = _throughput(paths, ConvertOptions())
        rate_plain = _throughput(paths, minimal)
        print(f"corpus of {count} generated sample-sized documents, one core, in process:")
        print(f"  full enrichment: {rate_full:.0f} documents/s")
        print(f"  structure only:  {rate_plain:.0f} documents/s")
        big = folder / "authority-50k.xml"
        write_authority(big, GENERATED_RECORDS)
        rate_large = _throughput(paths, ConvertOptions(authority_files=(big,)))
        print(
            f"  full enrichment with a {GENERATED_RECORDS:,}-record authority: {rate_large:.0f} "
            f"documents/s ({rate_full / rate_large:.2f}x slower than the bundled one)"
        )
        out, cache = folder / "one.xml", folder / "cache"
        subprocess.run(  # the command line keeps the compiled patterns, as users' runs do
            [sys.executable, "-m", "tei_plenum", "convert", str(SAMPLE), "-o", str(out)],
            check=True,
            env={**os.environ, "TEI_PLENUM_CACHE_DIR": str(cache)},
        )
        startup = min(_child_run(cache, "--version")[0] for _ in range(5))
        one, peak = min(_child_run(cache, "convert", str(SAMPLE), "-o", str(out)) for _ in range(5))
        print("command line:")
        print(f"  start-up (tei-plenum --version): {startup:.3f} s")
        print(f"  convert the sample: {one:.3f} s, peak memory {peak:.1f} MiB")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
