"""Speed of the plain-text export over a folder of TEI files (parse + reading text), in
process on one core. Prints figures; not a test."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tei_plenum.export.text import to_text
from tei_plenum.xmlsafe import parse_xml_file


def run(tei_dir: Path) -> None:
    """Print the wall time of exporting every ``*.xml`` in ``tei_dir`` to text."""
    files = sorted(tei_dir.glob("*.xml"))
    start = time.perf_counter()
    words = sum(len(to_text(parse_xml_file(path)).split()) for path in files)
    elapsed = time.perf_counter() - start
    print(
        f"text export of {len(files)} files: {elapsed:.2f} s "
        f"({elapsed / len(files) * 1000:.2f} ms/file, {words:,} words; target under 2 s)"
    )


if __name__ == "__main__":
    run(Path(sys.argv[1]))
