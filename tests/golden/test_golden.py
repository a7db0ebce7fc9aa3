"""Golden files: every fixture document and the bundled sample, converted whole.

A mismatch fails with a unified diff and leaves the actual output beside the golden file as
``*.actual`` (git-ignored). Regenerate with ``pytest tests/golden --update-golden`` (or
``make golden``) and review the diff before committing it.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tei_plenum.pipeline import convert_file
from tests.conftest import EXAMPLES, FIXTURES, SAMPLE

GOLDEN = Path(__file__).parent / "files"
SOURCES = [
    *sorted((FIXTURES / "documents").glob("*.txt")),
    SAMPLE,
    EXAMPLES / "conversation-sample.txt",
]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_conversion_matches_golden_file(source: Path, update_golden: bool) -> None:
    actual = convert_file(source).tei
    golden = GOLDEN / f"{source.stem}.tei.xml"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(actual)
        return
    assert golden.exists(), f"no golden file {golden.name}; run pytest --update-golden"
    expected = golden.read_bytes()
    if actual != expected:
        golden.with_suffix(".actual").write_bytes(actual)
        diff = difflib.unified_diff(
            expected.decode().splitlines(),
            actual.decode().splitlines(),
            "golden",
            "actual",
            lineterm="",
        )
        pytest.fail("output differs from the golden file:\n" + "\n".join(list(diff)[:80]))
