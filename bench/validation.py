"""Speed of ``tei-plenum validate`` against jing over the same files, in the same run.

Run as ``python -m bench.validation [DIR]``; without DIR, 1,000 sample-sized TEI files are made
by the converter (bench.corpus) in a temporary folder. Every figure is a whole command run,
start-up included. The runs are interleaved and each is repeated, keeping the best time, so
that other work on the machine slows both sides alike rather than whichever ran last.

``--schema tei_all.rng`` runs once over a few files: libxml2 needs seconds to compile
tei_all's grammar, and TEI's embedded Schematron runs in pure Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import tei_corpus
from tei_plenum.resources import schema_path

TEI_ALL = schema_path("tei_all.rng")
COPIES = 1000
REPEATS = 3
TEI_ALL_FILES = 20
# Targets from the validation brief: beat jing over a folder; one file under 0.3 s.
TARGET_ONE_FILE = 0.3


def _timed(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started, done.returncode


def run(tei_dir: Path) -> None:
    """Print best-of-``REPEATS`` wall times of our validator and of jing over ``tei_dir``."""
    files = sorted(tei_dir.rglob("*.xml"))
    exe = str(Path(sys.executable).parent / "tei-plenum")
    print(f"{len(files)} files in {tei_dir}, best of {REPEATS} interleaved runs")
    runs = {
        "tei-plenum validate (XSD + Schematron)": [exe, "validate", str(tei_dir)],
        "tei-plenum validate --jobs 2": [exe, "validate", "--jobs", "2", str(tei_dir)],
        "one file, default schemas": [exe, "validate", str(files[0])],
    }
    jing = shutil.which("jing")
    if jing:
        runs["jing tei_all.rng (grammar only)"] = [jing, str(TEI_ALL), *map(str, files)]
    best: dict[str, tuple[float, int]] = {}
    for _ in range(REPEATS):
        for label, command in runs.items():
            seconds, code = _timed(command)
            if label not in best or seconds < best[label][0]:
                best[label] = (seconds, code)
    for label, (seconds, code) in best.items():
        print(f"{label:45s} {seconds:7.2f} s  (exit {code})")
    ours = best["tei-plenum validate (XSD + Schematron)"][0]
    if jing:
        jing_time = best["jing tei_all.rng (grammar only)"][0]
        print(f"{'folder: ours / jing':45s} {ours / jing_time:7.2f}   (target below 1)")
    one = best["one file, default schemas"][0]
    print(f"{'one file':45s} {one:7.2f} s  (target below {TARGET_ONE_FILE} s)")
    some = files[:TEI_ALL_FILES]
    seconds, code = _timed(
        [exe, "validate", "--jobs", "2", "--schema", str(TEI_ALL), *map(str, some)]
    )
    label = f"--schema tei_all.rng --jobs 2, {len(some)} files"
    print(f"{label:45s} {seconds:7.2f} s  (exit {code}, once)")


def main() -> None:
    if len(sys.argv) > 1:
        run(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory(prefix="bench-validation-") as tmp:
        folder = Path(tmp)
        tei_corpus(folder, COPIES)
        run(folder)


if __name__ == "__main__":
    main()
