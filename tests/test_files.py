"""Safe file access: atomic writes and the clean-up of temporaries a killed run left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_plenum.files import open_atomically, remove_stale_temporaries, write_atomically


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_bytes(b"old")

    def interrupted_write() -> None:
        with open_atomically(target) as handle:
            handle.write(b"half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xml"]


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    stale = tmp_path / "a" / ".doc.xml.0123456789ab.tmp"
    stale.write_bytes(b"half")
    kept = [tmp_path / "notes.tmp", tmp_path / ".doc.xml.short.tmp", tmp_path / "doc.xml"]
    for path in kept:
        path.write_bytes(b"keep")
    assert remove_stale_temporaries(tmp_path) == 1
    assert not stale.exists()
    assert all(path.exists() for path in kept)


def test_write_atomically_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
