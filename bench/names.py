"""Speed of the names enricher with the bundled authority and with a 50,000-record one.

The automaton makes matching cost proportional to the text, so throughput with a hundred times
more records should stay within a factor of two. Prints figures; not a test.

Run as ``python -m bench.names [TEXT...]`` (default: the bundled sample and the guide's
conversation example).
"""

from __future__ import annotations

import itertools
import re
import sys
import tempfile
import time
from pathlib import Path

from tei_plenum import resources
from tei_plenum.authority import Authority, read_records
from tei_plenum.enrich.names import enrich_names
from tei_plenum.model import Block, Document, Mark, Role, SourceSpan
from tei_plenum.vocabulary import TEI_NS

ROOT = Path(__file__).resolve().parent.parent
GENERATED_RECORDS = 50_000
REPEATS = 20
_SYLLABLES = (
    "ka ko ku ki ba bo bu na no nu da do du ra ro ru ma mo mu sa so su ha ho hu "
    "cha cho chu ja jo ju ta to tu pa po pu ga go gu ya yo yu"
).split()


def run(texts: list[str]) -> None:
    """Print automaton build times and enrichment throughput for both authorities."""
    docs = [_document(text, f"text-{n}.txt") for n, text in enumerate(texts)]
    chars = sum(len(block.text) for doc in docs for block in doc.blocks) * REPEATS
    with tempfile.TemporaryDirectory(prefix="bench-names-") as tmp:
        generated = Path(tmp) / "generated.xml"
        write_authority(generated, GENERATED_RECORDS)
        bundled_records = read_records(resources.data_path("authority.xml"))
        big_records = bundled_records + read_records(generated)
        results = {}
        for label, records in (("bundled", bundled_records), ("50,000", big_records)):
            start = time.perf_counter()
            authority = Authority(records)
            built = time.perf_counter() - start
            start = time.perf_counter()
            for _ in range(REPEATS):
                for doc in docs:
                    enrich_names(doc, authority)
            elapsed = time.perf_counter() - start
            results[label] = chars / elapsed
            print(
                f"{label:>8} authority: {authority.size:6d} records, automaton built in "
                f"{built * 1000:7.1f} ms; enrichment {chars / elapsed / 1000:8.1f} k chars/s"
            )
    ratio = results["bundled"] / results["50,000"]
    print(f"throughput ratio bundled / 50,000: {ratio:.2f} (must stay below 2)")


def _document(text: str, name: str) -> Document:
    """Paragraphs as the reader leaves them: wrapped lines joined, bracket contents marked."""
    blocks = []
    for number, chunk in enumerate(re.split(r"\n\s*\n", text), start=1):
        joined = " ".join(chunk.split())
        if joined:
            marks = tuple(
                Mark(m.start() + 1, m.end() - 1, "bracket")
                for m in re.finditer(r"\[[^\[\]]*\]", joined)
            )
            blocks.append(Block(Role.PARAGRAPH, joined, SourceSpan(number), 1, marks=marks))
    return Document(name, "bench", tuple(blocks), 1)


def write_authority(path: Path, count: int) -> None:
    """A synthetic authority of ``count`` people with Korean-like names and two spellings."""
    names = itertools.islice(itertools.product(_SYLLABLES, repeat=3), count)
    with path.open("w", encoding="utf-8") as out:
        out.write(f'<TEI xmlns="{TEI_NS}"><standOff><listPerson>\n')
        for n, (a, b, c) in enumerate(names):
            name = f"{a.title()} {b.title()}-{c}"
            out.write(
                f'<person xml:id="pers-gen-{n}"><persName>{name}</persName>'
                f'<persName type="variant">{a.title()} {b.title()}{c}</persName></person>\n'
            )
        out.write("</listPerson></standOff></TEI>\n")


if __name__ == "__main__":
    paths = [Path(arg) for arg in sys.argv[1:]] or [
        ROOT / "data" / "kwp-cc-plenum-1956-08.txt",
        ROOT / "tests" / "fixtures" / "examples" / "conversation-sample.txt",
    ]
    run([path.read_text(encoding="utf-8") for path in paths if path.exists()])
