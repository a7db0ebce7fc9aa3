"""The one per-process cache of compiled tools."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_plenum.authority import Authority
from tei_plenum.errors import ConfigError
from tei_plenum.parallel import file_stamps, per_process

PERSON = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
    '<person xml:id="{key}"><persName>{name}</persName></person>'
    "</listPerson></standOff></TEI>"
)


def built(key: tuple[str, int]) -> list[object]:
    """A fresh object per build, so that a cache hit can be told from a rebuild."""
    return [key]


def fails(key: str) -> None:
    raise ConfigError(f"cannot build {key}")


def test_per_process_builds_once_per_key():
    first = per_process(built, ("a", 1))
    assert per_process(built, ("a", 1)) is first
    assert per_process(built, ("a", 2)) is not first


def test_a_failed_build_is_not_kept():
    for _ in range(2):
        with pytest.raises(ConfigError, match="cannot build x"):
            per_process(fails, "x")


def test_file_stamps_change_when_a_file_does(tmp_path: Path):
    path = tmp_path / "a.xml"
    path.write_text("one", "utf-8")
    before = file_stamps([path])
    path.write_text("one more", "utf-8")
    assert file_stamps([path]) != before
    assert file_stamps([tmp_path / "missing.xml"]) == ((str(tmp_path / "missing.xml"), -1, -1),)


def test_the_authority_is_compiled_again_when_its_file_changes(tmp_path: Path):
    user = tmp_path / "mine.xml"
    user.write_text(PERSON.format(key="pers-rozanov", name="Rozanov"), "utf-8")
    first = Authority.load([user])
    assert Authority.load([user]) is first
    user.write_text(PERSON.format(key="pers-belousov", name="Belousov"), "utf-8")
    second = Authority.load([user])
    assert "pers-belousov" in second
    assert "pers-rozanov" not in second
