"""Where a batch spends its time: ``tei-plenum batch --to tei,html,text`` under cProfile.

The batch runs in this process with one job, so the profile sees every stage a worker runs
(convert, validate, HTML, text, writing the files, the summary), as a worker runs it. Prints a
table of the stages' cumulative times as shares of the worker's, then the functions with the
most time of their own. cProfile slows small Python functions more than C code, so the shares
are a guide to where to look, not a measurement of speed (``bench.throughput`` measures that).

Run as ``python -m bench.profile [N] [STATS_FILE]``; N generated sample-sized documents
(default 200); the raw statistics are kept in STATS_FILE when given. Prints; not a test.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

from bench.corpus import text_corpus
from tei_plenum.batch import Settings, execute, plan, prepare

DEFAULT_COUNT = 200
TOP = 25

# (label, file suffix, function): the stages of a worker, by the function that runs each.
STAGES = (
    ("worker, one document", "batch/worker.py", "process"),
    ("convert", "pipeline.py", "convert_file"),
    ("  reader: layout", "reader/layout.py", "segment"),
    ("  reader: classification", "reader/__init__.py", "read"),
    ("  enrichment, all steps", "enrich/__init__.py", "enrich"),
    ("    names", "enrich/names.py", "enrich_names"),
    ("    dates", "enrich/dates.py", "enrich_dates"),
    ("    phrases", "enrich/phrases.py", "mark_phrases"),
    ("  catalogue", "enrich/catalogue.py", "catalogue"),
    ("  TEI writer", "tei/__init__.py", "build_tei"),
    ("  fidelity check: comparison", "pipeline.py", "check_fidelity"),
    ("  serialise", "tei/serialize.py", "serialize"),
    ("parse of the TEI written", "xmlsafe.py", "parse_xml"),
    ("validation", "validate/validator.py", "validate_tree"),
    ("  XSD", "validate/engines.py", "check"),
    ("  project rules", "validate/projectrules.py", "check"),
    ("HTML view", "export/html/__init__.py", "to_html"),
    ("text view", "export/text.py", "to_text"),
    ("reading text, every walk (fidelity check, text view)", "export/text.py", "text_blocks"),
    ("TEI header read back", "docmeta/from_tei.py", "read_tei_header"),
    ("writing the files", "files.py", "write_atomically"),
)


def _cumulative(stats: pstats.Stats, suffix: str, function: str) -> float:
    raw = stats.stats  # type: ignore[attr-defined]
    return sum(
        entry[3]
        for (path, _line, name), entry in raw.items()
        if name == function and path.endswith(suffix)
    )


def run(count: int = DEFAULT_COUNT, keep: Path | None = None) -> None:
    """Profile a batch of ``count`` generated documents and print the stages' shares."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as tmp:
        work = Path(tmp)
        text_corpus(work / "src", count)
        settings = Settings(work / "out")
        prepare(settings)  # compiled once per process, as before a pool forks
        batch = plan([str(work / "src")], settings)
        profiler = cProfile.Profile()
        profiler.enable()
        execute(batch, jobs=1)
        profiler.disable()
    if keep is not None:
        profiler.dump_stats(keep)
    stats = pstats.Stats(profiler)
    whole = _cumulative(stats, *STAGES[0][1:]) or 1.0
    print(f"{count} documents, one job, under cProfile: {whole:.2f} s in the worker")
    print("| stage | cumulative | share |\n|---|---:|---:|")
    for label, suffix, function in STAGES:
        seconds = _cumulative(stats, suffix, function)
        print(f"| {label} | {seconds:.2f} s | {seconds / whole:.1%} |")
    print(f"\nfunctions with the most time of their own (top {TOP}):")
    stats.sort_stats("tottime").print_stats(TOP)


if __name__ == "__main__":
    run(
        int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT,
        Path(sys.argv[2]) if len(sys.argv) > 2 else None,
    )
