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
# The processes are found in /proc (Linux).
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


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


def batch_command(inputs: Path, out: Path) -> list[str]:
    return [str(TEI_PLENUM), "batch", str(inputs), "-j", "1", "-o", str(out)]


def started_writing(process: subprocess.Popen[str], out: Path) -> bool:
    assert process.poll() is None, "the first run ended before it could be caught"
    return any(out.glob("*.xml"))


@pytest.fixture
def own_file(tmp_path: Path) -> Path:
    """A user's own file in the output folder, named like a temporary of the tool."""
    out = tmp_path / "out" / "notes"
    out.mkdir(parents=True)
    mine = out / ".draft.txt.0123456789ab.tmp"
    mine.write_text("a user's notes\n", "utf-8")
    return mine


@pytest.mark.slow
def test_a_second_run_on_a_busy_folder_waits_then_refuses_naming_it(
    sample_copies: Path, tmp_path: Path, own_file: Path
):
    out = tmp_path / "out"
    first = subprocess.Popen(
        batch_command(sample_copies, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert wait_for(lambda: started_writing(first, out), 60)
        # Frozen while it holds the folder: however slow the machine, it is still busy.
        os.kill(first.pid, signal.SIGSTOP)
        started = time.monotonic()
        second = subprocess.run(
            batch_command(sample_copies, out), capture_output=True, text=True, timeout=60
        )
        waited = time.monotonic() - started
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert second.returncode == 2
    assert second.stderr == (
        f"tei-plenum: error: {out}: another tei-plenum run is writing to this folder; "
        "wait for it to finish, or choose another output folder\n"
    )
    assert second.stdout == ""
    assert waited >= 5
    stdout, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr
    assert "40 inputs: 40 converted, 0 failed, 0 skipped" in stdout
    assert len(list(out.glob("*.xml"))) == 40
    assert own_file.read_text("utf-8") == "a user's notes\n"
    assert [p for p in out.rglob("*.tmp") if p != own_file] == []


@pytest.mark.slow
def test_a_second_run_that_the_first_makes_wait_goes_on_when_it_ends(
    tmp_path: Path, own_file: Path
):
    inputs = tmp_path / "small"
    inputs.mkdir()
    for n in range(6):
        shutil.copyfile(SAMPLE, inputs / f"plenum-{n}.txt")
    out = tmp_path / "out"
    first = subprocess.Popen(
        batch_command(inputs, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert wait_for(lambda: started_writing(first, out), 60)
        os.kill(first.pid, signal.SIGSTOP)
        second = subprocess.Popen(
            batch_command(inputs, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        time.sleep(1)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    first.communicate(timeout=60)
    assert first.returncode == 0
    stdout, stderr = second.communicate(timeout=60)
    # It started only once the first had finished: everything was current by then.
    assert second.returncode == 0, stderr
    assert "6 inputs: 0 converted, 0 failed, 6 skipped" in stdout
    assert own_file.read_text("utf-8") == "a user's notes\n"
    assert [p for p in out.rglob("*.tmp") if p != own_file] == []
