"""Generated corpora for the benchmarks: sample-sized documents in the archive's layout.

Each document is the bundled sample with its paragraphs shuffled within their page and its
numbers changed, so every document differs but keeps the sample's size and features.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from tei_plenum import resources
from tei_plenum.pipeline import convert_file

SAMPLE = resources.data_path("kwp-cc-plenum-1956-08.txt")
_BLOCK_END = "  \n  \n"


def _variant(text: str, rng: random.Random) -> str:
    pages = text.split("\n\n\n\n")
    shuffled = []
    for page in pages:
        blocks = page.split(_BLOCK_END)
        if len(blocks) > 4:
            middle = blocks[2:-1]
            rng.shuffle(middle)
            blocks = blocks[:2] + middle + blocks[-1:]
        shuffled.append(_BLOCK_END.join(blocks))
    text = "\n\n\n\n".join(shuffled)
    return re.sub(r"\b(19[45]\d)\b", lambda m: str(int(m.group()) + rng.randint(0, 9)), text)


def text_corpus(folder: Path, count: int, seed: int = 1956) -> list[Path]:
    """Write ``count`` sample-sized source texts into ``folder`` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    base = SAMPLE.read_text(encoding="utf-8")
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"doc-{index:05d}.txt"
        path.write_text(_variant(base, rng), encoding="utf-8")
        paths.append(path)
    return paths


def tei_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` sample-sized TEI files made by the converter itself."""
    sources = text_corpus(folder / "src", min(count, 50))
    folder.mkdir(parents=True, exist_ok=True)
    teis = [convert_file(path).tei for path in sources]
    paths = []
    for index in range(count):
        path = folder / f"doc-{index:05d}.xml"
        path.write_bytes(teis[index % len(teis)])
        paths.append(path)
    return paths
