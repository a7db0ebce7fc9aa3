"""A batch whose outputs cannot be written (a full disk, no permission): each failure is one
error line naming the path and never an internal error; a document that cannot be written
fails alone (exit 1), a file of the run itself (manifest, corpus index, report) makes the
exit status 2, and the summary and the report are still written where they can be."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import Result

from tei_plenum.batch import MANIFEST_NAME
from tests.batch.conftest import run
from tests.conftest import DENIED, FULL, Fail


def no_temporaries(folder: Path) -> bool:
    return not list(folder.rglob("*.tmp"))


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("tei-plenum: error")]


def batch(collection: Path, out: Path, report: Path) -> Result:
    return run(str(collection), "-o", str(out), "-j", "1", "--report", str(report))


def test_batch_corpus_index_on_a_full_disk(collection: Path, tmp_path: Path, fail: Fail):
    out, report = tmp_path / "out", tmp_path / "reports" / "report.json"
    fail(lambda path: path == out / "index.html", FULL)
    result = batch(collection, out, report)
    assert result.exit_code == 2
    assert errors(result) == [
        f"tei-plenum: error: {out / 'index.html'}: cannot write: No space left on device"
    ]
    assert "internal error" not in result.stderr
    assert "5 inputs: 5 converted, 0 failed" in result.stdout
    assert json.loads(report.read_text("utf-8"))["totals"]["converted"] == 5
    assert not (out / "index.html").exists()
    assert no_temporaries(out)


def test_batch_document_output_on_a_full_disk(collection: Path, tmp_path: Path, fail: Fail):
    out, report = tmp_path / "out", tmp_path / "report.json"
    victim = out / "journals" / "journal-puzanov-1959.html"
    fail(lambda path: path == victim, FULL)
    result = batch(collection, out, report)
    assert result.exit_code == 1
    source = collection / "journals" / "journal-puzanov-1959.txt"
    assert errors(result) == [
        f"tei-plenum: error: {source}: {victim}: cannot write: No space left on device"
    ]
    assert "5 inputs: 4 converted, 1 failed" in result.stdout
    records = json.loads(report.read_text("utf-8"))["files"]
    assert [r["status"] for r in records].count("failed") == 1
    assert no_temporaries(out)


def test_batch_manifest_that_stops_being_writable(collection: Path, tmp_path: Path, fail: Fail):
    out, report = tmp_path / "out", tmp_path / "report.json"
    saves = []

    def after_the_first_save(path: Path) -> bool:
        if path.name != MANIFEST_NAME:
            return False
        saves.append(path)
        return len(saves) > 1

    fail(after_the_first_save, FULL)
    result = batch(collection, out, report)
    assert result.exit_code == 2
    manifest = out / MANIFEST_NAME
    assert errors(result) == [
        f"tei-plenum: error: {manifest}: cannot write: No space left on device"
    ]
    assert "5 inputs: 5 converted, 0 failed" in result.stdout
    assert report.is_file()
    assert (out / "index.html").is_file()


def test_batch_into_a_folder_it_cannot_write_stops_before_converting(
    collection: Path, tmp_path: Path, fail: Fail
):
    out, report = tmp_path / "out", tmp_path / "report.json"
    fail(lambda path: path.is_relative_to(out), DENIED)
    result = batch(collection, out, report)
    assert result.exit_code == 2
    assert result.stderr == (
        f"tei-plenum: error: {out / MANIFEST_NAME}: cannot write: Permission denied\n"
    )
    assert list(out.iterdir()) == []


def test_batch_report_on_a_full_disk_still_prints_the_summary(
    collection: Path, tmp_path: Path, fail: Fail
):
    out, report = tmp_path / "out", tmp_path / "report.json"
    fail(lambda path: path == report, FULL)
    result = batch(collection, out, report)
    assert result.exit_code == 2
    assert errors(result) == [f"tei-plenum: error: {report}: cannot write: No space left on device"]
    assert "5 inputs: 5 converted, 0 failed" in result.stdout
    assert not report.exists()
