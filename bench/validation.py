"""Speed of ``tei-plenum validate`` against jing over a folder of TEI files. Prints figures.

Run as ``python -m bench.validation [DIR]``; without DIR, 1,000 copies of the shared plenum
example are written to a temporary folder. Measures whole command runs (start-up included):
the default schemas, the default with two workers, ``--schema tei_all.rng``, jing over all
files, and one file alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "plenum-excerpt.tei.xml"
TEI_ALL = SHARED / "tei" / "tei_all.rng"
COPIES = 1000


def _timed(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started, done.returncode


def run(tei_dir: Path) -> None:
    """Print wall times of our validator and of jing over every ``*.xml`` in ``tei_dir``."""
    files = sorted(tei_dir.rglob("*.xml"))
    exe = str(Path(sys.executable).parent / "tei-plenum")
    print(f"{len(files)} files in {tei_dir}")
    runs = {
        "tei-plenum validate (XSD + Schematron)": [exe, "validate", str(tei_dir)],
        "tei-plenum validate --jobs 2": [exe, "validate", "--jobs", "2", str(tei_dir)],
        "tei-plenum validate --schema tei_all.rng": [
            exe,
            "validate",
            "--jobs",
            "2",
            "--schema",
            str(TEI_ALL),
            str(tei_dir),
        ],
        "one file, default schemas": [exe, "validate", str(files[0])],
    }
    jing = shutil.which("jing")
    if jing:
        runs["jing tei_all.rng (grammar only)"] = [jing, str(TEI_ALL), *map(str, files)]
    for label, command in runs.items():
        seconds, code = _timed(command)
        print(f"{label:45s} {seconds:7.2f} s  (exit {code})")


def main() -> None:
    if len(sys.argv) > 1:
        run(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(COPIES):
            shutil.copy(EXAMPLE, folder / f"doc-{i:04d}.xml")
        run(folder)


if __name__ == "__main__":
    main()
