"""``make bench``: every benchmark of the project, on corpora generated for the run."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench import convert, html, names, scaling, search, text, throughput, validation
from bench.corpus import SAMPLE, tei_corpus, text_corpus

COUNT = 1000


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        folder = Path(tmp)
        print("== throughput (the whole batch against the lxml floor)")
        throughput.run(count)
        print("\n== conversion")
        convert.run(count)
        print("\n== names (automaton over the authority)")
        names.run([SAMPLE.read_text(encoding="utf-8")])
        teis = folder / "tei"
        tei_corpus(teis, count)
        print("\n== validation")
        validation.run(teis)
        print("\n== HTML and text export")
        html.run(teis)
        text.run(teis)
        print("\n== scaling (1x, 4x, 16x the sample)")
        scaling.run()
        print("\n== search database")
        search.run((count, count * 10))
        texts = folder / "texts"
        text_corpus(texts, count)
        try:
            from bench import batch
        except ImportError:
            return
        print("\n== batch")
        batch.run(texts)


if __name__ == "__main__":
    main()
