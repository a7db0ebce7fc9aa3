"""Outputs that cannot be written (a full disk, no permission, a read-only folder): one error
line naming the path, exit 2, never an internal error; a batch still prints its summary and
writes its report where it can. The failures are injected at the rename that ends every
atomic write (the ``fail`` fixture), so that the tests need no special file system; batch
runs have theirs in ``tests/batch/test_write_failures.py``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tei_plenum.cli import main
from tests.conftest import DENIED, EXAMPLES, FULL, SAMPLE, Fail


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def no_temporaries(folder: Path) -> bool:
    return not list(folder.rglob("*.tmp"))


def test_convert_on_a_full_disk(tmp_path: Path, fail: Fail):
    out = tmp_path / "out.xml"
    out.write_bytes(b"previous")
    fail(lambda path: path == out, FULL)
    result = invoke("convert", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"tei-plenum: error: {out}: cannot write: No space left on device\n"
    assert out.read_bytes() == b"previous"
    assert no_temporaries(tmp_path)


def test_export_without_permission(tmp_path: Path, fail: Fail):
    out = tmp_path / "doc.html"
    fail(lambda path: path == out, DENIED)
    source = EXAMPLES / "plenum-excerpt.tei.xml"
    result = invoke("export", str(source), "--to", "html", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == f"tei-plenum: error: {out}: cannot write: Permission denied\n"
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_convert_into_a_read_only_folder(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = invoke("convert", str(SAMPLE), "-o", str(folder / "x.xml"))
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert (
        result.stderr == f"tei-plenum: error: {folder / 'x.xml'}: cannot write: Permission denied\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_disk():
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "tei_plenum", "convert", str(SAMPLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "tei-plenum: error: <stdout>: cannot write: No space left on device\n"
