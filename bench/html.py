"""Speed of the HTML export: one file through the command line, 1,000 files in process and on
two worker processes. Prints figures; not a test.

Run as ``python -m bench.html [TEI_DIR]``; the corpus is built by copying the TEI files of
TEI_DIR (default: the worked examples in tests/fixtures/examples) until it holds 1,000 files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tei_plenum.export.html import to_html
from tei_plenum.xmlsafe import parse_xml_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SIZE = 1000
WORKERS = 2
CLI_RUNS = 5


def run(tei_dir: Path) -> None:
    """Print the export timings for a corpus built from the TEI files in ``tei_dir``."""
    sources = sorted(tei_dir.glob("*.xml"))
    if not sources:
        raise SystemExit(f"no TEI files (*.xml) in {tei_dir}")
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        work = Path(tmp)
        corpus = _build_corpus(sources, work / "in")
        size = sum(p.stat().st_size for p in corpus) / len(corpus) / 1024
        print(f"corpus: {len(corpus)} files copied from {len(sources)}, {size:.1f} KiB each")

        cli = min(_cli_export(corpus[0], work / "one.html") for _ in range(CLI_RUNS))
        print(f"one file through `tei-plenum export --to html`: {cli:.3f} s (best of {CLI_RUNS})")

        start = time.perf_counter()
        _export_all([str(p) for p in corpus], str(work / "serial"))
        serial = time.perf_counter() - start
        print(f"in process, 1 core: {serial:.2f} s ({serial / len(corpus) * 1000:.2f} ms/file)")

        start = time.perf_counter()
        chunks = [[str(p) for p in corpus[i::WORKERS]] for i in range(WORKERS)]
        with ProcessPoolExecutor(WORKERS) as pool:
            done = sum(pool.map(_export_all, chunks, [str(work / "parallel")] * WORKERS))
        parallel = time.perf_counter() - start
        print(f"{WORKERS} worker processes: {parallel:.2f} s for {done} files "
              f"({done / parallel:.0f} files/s, pool start-up included)")  # fmt: skip


def _build_corpus(sources: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    corpus = []
    for i in range(CORPUS_SIZE):
        target = folder / f"{i:04d}-{sources[i % len(sources)].name}"
        shutil.copyfile(sources[i % len(sources)], target)
        corpus.append(target)
    return corpus


def _cli_export(source: Path, output: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tei_plenum", "export", str(source), "--to", "html"]
    start = time.perf_counter()
    subprocess.run([*command, "-o", str(output)], check=True, env=env)
    return time.perf_counter() - start


def _export_all(paths: list[str], out_dir: str) -> int:
    """Parse, render and write each file: the whole per-file cost a batch export pays."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        source = Path(path)
        html = to_html(parse_xml_file(source), source_name=source.name)
        (folder / f"{source.stem}.html").write_text(html, encoding="utf-8")
    return len(paths)


if __name__ == "__main__":
    run(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "examples")
