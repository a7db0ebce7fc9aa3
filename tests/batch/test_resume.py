"""An interrupted batch resumes where it stopped and ends byte-identical to an uninterrupted one."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tei_plenum import parallel
from tei_plenum.batch import MANIFEST_NAME, Outcome, Settings, Status, execute, executors, plan
from tei_plenum.batch.worker import process
from tests.batch.conftest import LAYOUT, copies_of_the_sample, run, tree_bytes

TEI_PLENUM = Path(sys.executable).parent / "tei-plenum"


def assert_complete_subset(
    partial: Path, reference: dict[str, bytes], *, temporaries_allowed: bool = False
) -> None:
    """Every output present after an interruption is a finished file: no truncated outputs
    (the corpus index is only written at the end of a run). Ctrl-C leaves no temporary files;
    ``kill -9`` may, since it allows no clean-up (the next run removes them)."""
    present = tree_bytes(partial)
    temporaries = [name for name in present if name.endswith(".tmp")]
    assert temporaries_allowed or not temporaries
    for name in temporaries:
        del present[name]
    assert set(present) < set(reference)
    for name, data in present.items():
        assert data == reference[name], name


class Interrupt:
    """An ``on_outcome`` hook that acts like Ctrl-C after ``after`` inputs have finished."""

    def __init__(self, after: int) -> None:
        self.after, self.seen = after, 0

    def __call__(self, _outcome: Outcome) -> None:
        self.seen += 1
        if self.seen == self.after:
            raise KeyboardInterrupt


@pytest.mark.parametrize("jobs", [1, 2])
def test_resume_after_an_interrupt_equals_an_uninterrupted_run(
    collection: Path, tmp_path: Path, jobs: int
):
    reference_dir = tmp_path / "reference"
    assert run(str(collection), "-o", str(reference_dir), "-j", str(jobs)).exit_code == 0
    reference = tree_bytes(reference_dir)

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        execute(plan([str(collection)], Settings(out)), jobs=jobs, on_outcome=Interrupt(3))
    assert_complete_subset(out, reference)
    entries = json.loads((out / MANIFEST_NAME).read_text("utf-8"))["entries"]
    assert sorted(entries) == sorted(LAYOUT.values())[:3]

    resumed = run(str(collection), "-o", str(out), "-j", str(jobs))
    assert "5 inputs: 2 converted, 0 failed, 3 skipped" in resumed.stdout
    assert tree_bytes(out) == reference


@pytest.fixture
def big_collection(tmp_path: Path) -> Path:
    """Enough copies of the eight-page sample for a run that can be stopped halfway."""
    return copies_of_the_sample(tmp_path / "big", 60, parts=4)


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL])
def test_a_killed_process_resumes_to_the_same_outputs(
    big_collection: Path, tmp_path: Path, how: signal.Signals
):
    reference_dir = tmp_path / "reference"
    command = [str(TEI_PLENUM), "batch", str(big_collection), "-j", "2", "-o"]
    subprocess.run([*command, str(reference_dir)], check=True, capture_output=True, timeout=120)
    reference = tree_bytes(reference_dir)

    out = tmp_path / "out"
    process = subprocess.Popen(
        [*command, str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(list(out.rglob("*.xml"))) < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    # Like Ctrl-C in a terminal (or a crash), the signal reaches the parent and its workers.
    os.killpg(process.pid, how)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == (130 if how == signal.SIGINT else -how), stderr
    assert_complete_subset(out, reference, temporaries_allowed=how == signal.SIGKILL)
    assert len([name for name in tree_bytes(out) if name.endswith(".xml")]) >= 6

    subprocess.run([*command, str(out)], check=True, capture_output=True, timeout=120)
    assert tree_bytes(out) == reference


def dies_on_files_named_crash(task, settings):
    """A stand-in for the worker that dies, as a segfault would, on one input."""
    if "crash" in task.job.source.name:
        os._exit(1)
    return process(task, settings)


def test_a_dying_worker_fails_its_files_and_the_batch_goes_on(
    collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    shutil.copyfile(collection / "hostile-plain-prose.txt", collection / "crash.txt")
    # More files than the pool has in flight, so that some are submitted after the crash.
    for n in range(12):
        shutil.copyfile(collection / "hostile-plain-prose.txt", collection / f"zz-{n:02d}.txt")
    monkeypatch.setattr(executors, "process", dies_on_files_named_crash)
    result = execute(
        plan([str(collection)], Settings(tmp_path / "out")), jobs=2, keep_outcomes=True
    )
    statuses = {outcome.rel: outcome.status for outcome in result.outcomes}
    assert statuses["crash"] == Status.FAILED
    assert len(statuses) == 18
    # Files in flight beside the crash may fail with it; the pool is renewed for the rest.
    assert statuses["zz-11"] == Status.CONVERTED
    assert result.totals.failed <= parallel.WINDOW_PER_JOB * 2
    monkeypatch.undo()
    again = execute(plan([str(collection)], Settings(tmp_path / "out")), jobs=1)
    assert again.totals.failed == 0
