"""A small collection copied from the fixture documents, and helpers to run and compare batches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tei_plenum.cli import main
from tests.conftest import FIXTURES, SAMPLE

DOCUMENTS = FIXTURES / "documents"
# Documents that convert to valid TEI; pages per the fixture README: 1 + 2 + 1 + 2 + 3.
VALID = {
    "hostile-plain-prose": 1,
    "journal-puzanov-1959": 2,
    "minutes-puwp-politburo-1957": 1,
    "report-soviet-specialists-1960": 2,
    "resolution-kwp-presidium-1958": 3,
}
# Where each one goes in the test collection (below the input folder).
LAYOUT = {
    "hostile-plain-prose": "hostile-plain-prose",
    "journal-puzanov-1959": "journals/journal-puzanov-1959",
    "minutes-puwp-politburo-1957": "poland/minutes-puwp-politburo-1957",
    "report-soviet-specialists-1960": "reports/1960/report-soviet-specialists-1960",
    "resolution-kwp-presidium-1958": "resolution-kwp-presidium-1958",
}


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    """Five valid documents in nested folders, plus a stray non-text file."""
    root = tmp_path / "in"
    for name, rel in LAYOUT.items():
        target = root / f"{rel}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DOCUMENTS / f"{name}.txt", target)
    (root / "reports" / "notes.md").write_text("not an input\n", "utf-8")
    return root


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (the manifest aside) by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".tei-plenum-batch.json"
    }


def copies_of_the_sample(root: Path, count: int, parts: int) -> Path:
    """``count`` copies of the eight-page sample spread over ``parts`` sub-folders of ``root``:
    a collection larger than what a pool or a cluster has in flight."""
    for n in range(count):
        folder = root / f"part-{n % parts}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE, folder / f"plenum-{n:03d}.txt")
    return root
