"""How time grows with the input: each path at 1x, 4x and 16x, and the growth per step.

1x is the bundled sample eight times over, about 190 KiB of text (its TEI for the paths that
read TEI); 4x and 16x repeat it four and sixteen times as often. A path linear in its input
grows about four times per step (less while fixed costs still count), a quadratic one sixteen
times. The error-heavy validation gives every paragraph an undeclared attribute and every name
a pointer to no record, and lists at most 100 findings per file, as the command line does.
Run as ``python -m bench.scaling``. Prints figures; not a test (tests/test_scaling.py bounds
each path's growth).
"""

from __future__ import annotations

import functools
import itertools
import re
import time
from collections.abc import Callable

from bench.corpus import SAMPLE
from tei_plenum.export.html import to_html
from tei_plenum.export.text import to_text
from tei_plenum.pipeline import convert_text
from tei_plenum.validate.validator import Validator
from tei_plenum.xmlsafe import parse_xml

SIZES = (1, 4, 16)
COPIES = 8  # copies of the sample in the 1x input
RUNS = 2
PAGE_BREAK = "\n\n\n\n"


def _best(work: Callable[[], object]) -> float:
    """The best processor time of a few runs: other work on the machine does not count."""
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def _error_heavy(tei: bytes) -> bytes:
    broken = re.sub(rb"<p(?=[ >])", b'<p foo="1"', tei)
    return re.sub(rb'ref="#', b'ref="#missing-', broken)


def run() -> None:
    """Print one row per path: processor seconds at 1x, 4x and 16x and each step's growth."""
    validator = Validator.from_schemas(None, max_findings=100)
    sample = SAMPLE.read_text(encoding="utf-8")
    texts = {size: PAGE_BREAK.join([sample] * (COPIES * size)) for size in SIZES}
    teis = {size: convert_text(texts[size]).tei for size in SIZES}
    broken = {size: _error_heavy(tei) for size, tei in teis.items()}
    validator.validate_tree(parse_xml(broken[1]))  # compile the XSD explainer untimed
    paths: list[tuple[str, Callable[[int], object]]] = [
        ("convert", lambda n: convert_text(texts[n])),
        ("validate, valid", lambda n: validator.validate_tree(parse_xml(teis[n]))),
        ("validate, error-heavy", lambda n: validator.validate_tree(parse_xml(broken[n]))),
        ("export html", lambda n: to_html(parse_xml(teis[n]))),
        ("export text", lambda n: to_text(parse_xml(teis[n]))),
    ]
    sizes = ", ".join(
        f"{size}x = {len(texts[size].encode()) // 1024:,} KiB text, "
        f"{len(teis[size]) // 1024:,} KiB TEI"
        for size in SIZES
    )
    print(f"inputs: {sizes}")
    header = f"{'1x':>9}{'4x':>9}{'16x':>9}{'growth 1x-4x':>15}{'4x-16x':>9}"
    print(f"{'path (processor time)':<24}{header}")
    for name, work in paths:
        seconds = [_best(functools.partial(work, size)) for size in SIZES]
        growth = [later / earlier for earlier, later in itertools.pairwise(seconds)]
        print(
            f"{name:<24}"
            + "".join(f"{s:>8.3f}s" for s in seconds)
            + f"{growth[0]:>14.1f}x{growth[1]:>8.1f}x"
        )


if __name__ == "__main__":
    run()
