"""The one process pool and the one per-process cache of compiled tools."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tei_plenum.authority import Authority
from tei_plenum.diagnostics import Diagnostic
from tei_plenum.errors import ConfigError
from tei_plenum.parallel import WINDOW_PER_JOB, Done, file_stamps, ordered, per_process
from tei_plenum.validate import Validator

PERSON = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
    '<person xml:id="{key}"><persName>{name}</persName></person>'
    "</listPerson></standOff></TEI>"
)


def where_and_what(item: int, shared: str) -> tuple[int, str, int]:
    """The process that ran the item, the shared argument it saw, and the item."""
    return os.getpid(), shared, item


def dies_on_three(item: int, shared: str) -> tuple[int, str, int]:
    if item == 3:
        os._exit(1)
    return where_and_what(item, shared)


def lost(item: int) -> tuple[int, str, int]:
    return -1, "lost", item


def test_results_come_back_in_input_order_from_worker_processes():
    items = [*range(10), Done((0, "done", 99)), *range(10, 20)]
    results = list(ordered(where_and_what, items, "settings", jobs=2, lost=lost))
    assert [item for _pid, _shared, item in results] == [*range(10), 99, *range(10, 20)]
    assert {shared for _pid, shared, item in results if item != 99} == {"settings"}
    workers = {pid for pid, _shared, item in results if item != 99}
    assert os.getpid() not in workers
    assert 1 <= len(workers) <= 2


def test_one_job_runs_in_this_process():
    results = list(ordered(where_and_what, [1, Done((0, "done", 2)), 3], "s", jobs=1, lost=lost))
    assert results == [(os.getpid(), "s", 1), (0, "done", 2), (os.getpid(), "s", 3)]


def test_a_dead_worker_loses_only_the_items_in_flight():
    items = list(range(40))
    results = list(ordered(dies_on_three, items, "s", jobs=2, lost=lost))
    assert [item for _pid, _shared, item in results] == items
    dead = {item for _pid, shared, item in results if shared == "lost"}
    assert 3 in dead
    # Items in flight beside the crash may be lost with it; a fresh pool converts the rest.
    assert len(dead) <= WINDOW_PER_JOB * 2
    assert results[-1][1] == "s"


def test_prepare_runs_in_every_worker_before_its_first_item(tmp_path: Path):
    marks = tmp_path / "marks"
    marks.mkdir()
    results = list(
        ordered(
            where_and_what,
            range(8),
            str(marks),
            jobs=2,
            lost=lost,
            prepare=lambda folder: (Path(folder) / str(os.getpid())).touch(),
        )
    )
    workers = {str(pid) for pid, _shared, _item in results}
    assert workers <= {path.name for path in marks.iterdir()}


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


class _DiesOnCrash:
    """A validation engine that kills its worker on files named crash, as a segfault would."""

    schema = "dies"

    def check(self, _tree: object, source: str) -> Iterator[Diagnostic]:
        if "crash" in source:
            os._exit(1)
        return iter(())


def test_validation_workers_that_die_cost_only_their_files(tmp_path: Path):
    paths = []
    for name in ["crash", *(f"ok-{n:02d}" for n in range(40))]:
        path = tmp_path / f"{name}.xml"
        path.write_text("<TEI/>", "utf-8")
        paths.append(path)
    reports = list(Validator([_DiesOnCrash()]).validate_files(paths, jobs=2))
    assert [report.path for report in reports] == [str(path) for path in paths]
    stopped = [r.path for r in reports if any(d.code == "worker-stopped" for d in r.diagnostics)]
    assert str(tmp_path / "crash.xml") in stopped
    assert reports[-1].valid


def slow_with_marks(item: int, folder: Path) -> int:
    """Marks the start and the end of its work, so that the test sees what was running."""
    (folder / f"{item}.start").touch()
    time.sleep(0.5)
    (folder / f"{item}.end").touch()
    return item


def interrupt_after_the_first(results: Iterator[int]) -> None:
    """Stop at the first result, as Ctrl-C would, closing the iterator as callers do."""
    with closing(results):
        for _ in results:
            raise KeyboardInterrupt


def test_after_an_interrupt_no_worker_is_still_running(tmp_path: Path):
    results = ordered(slow_with_marks, range(8), tmp_path, jobs=2, lost=lambda item: -1)
    with pytest.raises(KeyboardInterrupt):
        interrupt_after_the_first(results)
    started = {p.stem for p in tmp_path.glob("*.start")}
    assert len(started) >= 2
    assert {p.stem for p in tmp_path.glob("*.end")} == started
