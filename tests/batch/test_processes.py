"""Real processes around a batch: workers die with their parent, and two runs on one output
folder take turns (the folder lock) without deleting each other's files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLE

TEI_PLENUM = Path(sys.executable).parent / "tei-plenum"


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after its closing bracket.
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running, or stopped; a zombie waiting to be reaped has finished."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture
def sample_copies(tmp_path: Path) -> Iterator[Path]:
    """Forty copies of the eight-page sample: a run long enough to be caught halfway."""
    root = tmp_path / "big"
    root.mkdir()
    for n in range(40):
        shutil.copyfile(SAMPLE, root / f"plenum-{n:03d}.txt")
    return root


@pytest.mark.slow
def test_workers_exit_when_the_batch_parent_is_killed(sample_copies: Path, tmp_path: Path):
    out = tmp_path / "out"
    parent = subprocess.Popen(
        [str(TEI_PLENUM), "batch", str(sample_copies), "-j", "2", "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    workers: list[int] = []
    try:
        assert wait_for(lambda: len(children(parent.pid)) >= 2 and any(out.rglob("*.xml")), 60)
        workers = children(parent.pid)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        assert wait_for(lambda: not any(alive(pid) for pid in workers), 10), workers
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
