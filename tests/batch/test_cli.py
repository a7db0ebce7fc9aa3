"""``tei-plenum batch`` through click: outputs, failures, manifest, report, progress, usage."""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from tei_plenum.batch import MANIFEST_NAME, Outcome, Status
from tei_plenum.cli.batch import PlainProgress, progress_display
from tei_plenum.export.html import to_html
from tei_plenum.export.text import to_text
from tei_plenum.pipeline import convert_file
from tei_plenum.xmlsafe import parse_xml_file
from tests.batch.conftest import DOCUMENTS, LAYOUT, VALID, run, tree_bytes


def test_outputs_mirror_the_inputs_and_match_the_single_file_commands(
    collection: Path, tmp_path: Path
):
    out = tmp_path / "out"
    result = run(str(collection), "-o", str(out), "--jobs", "1")
    assert result.exit_code == 0, result.output
    expected = {f"{rel}{suffix}" for rel in LAYOUT.values() for suffix in (".xml", ".html", ".txt")}
    assert set(tree_bytes(out)) == expected | {"index.html"}
    rel = LAYOUT["report-soviet-specialists-1960"]
    source = collection / f"{rel}.txt"
    assert (out / f"{rel}.xml").read_bytes() == convert_file(source).tei
    tree = parse_xml_file(out / f"{rel}.xml")
    assert (out / f"{rel}.txt").read_text("utf-8") == to_text(tree)
    html = to_html(tree, source_name="report-soviet-specialists-1960.xml")
    assert (out / f"{rel}.html").read_text("utf-8") == html
    # Inputs are never touched, and the stray Markdown file is not an input.
    assert source.read_bytes() == (DOCUMENTS / "report-soviet-specialists-1960.txt").read_bytes()
    assert not any(p.name.startswith("notes") for p in out.rglob("*"))


def test_summary_table_counts_files_and_pages(collection: Path, tmp_path: Path):
    result = run(str(collection), "-o", str(tmp_path / "out"), "-j", "1")
    lines = result.stdout.splitlines()
    assert lines[0] == "files      5 inputs: 5 converted, 0 failed, 0 skipped (unchanged)"
    assert lines[1] == f"pages      {sum(VALID.values())}"
    assert lines[4] == "validation 0 errors"
    assert lines[5].startswith("wall time  ")


def test_to_limits_the_outputs_and_only_html_brings_the_index(collection: Path, tmp_path: Path):
    result = run(str(collection), "-o", str(tmp_path / "tei"), "--to", "tei", "-j", "1")
    assert result.exit_code == 0
    assert {Path(p).suffix for p in tree_bytes(tmp_path / "tei")} == {".xml"}
    result = run(str(collection), "-o", str(tmp_path / "web"), "--to", "html,text", "-j", "1")
    assert result.exit_code == 0
    names = tree_bytes(tmp_path / "web")
    assert {Path(p).suffix for p in names} == {".html", ".txt"}
    assert "index.html" in names


def add_broken_inputs(collection: Path) -> None:
    (collection / "broken").mkdir()
    (collection / "broken" / "latin1.txt").write_bytes(b"Caf\xe9 au lait, ni UTF-8 ni rien.\n")
    os.mkfifo(collection / "broken" / "pipe.txt")


def test_failures_are_reported_and_the_rest_completes(collection: Path, tmp_path: Path):
    add_broken_inputs(collection)
    out = tmp_path / "out"
    result = run(str(collection), "-o", str(out), "-j", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 2
    latin1, pipe = errors
    assert latin1.startswith(f"tei-plenum: error: {collection / 'broken/latin1.txt'}: ")
    assert latin1.endswith(
        ": line 1, column 4: cannot decode byte 0xe9 as utf-8 "
        "(use --encoding to name the file's encoding)"
    )
    assert pipe.startswith(f"tei-plenum: error: {collection / 'broken/pipe.txt'}: ")
    assert "not a regular file" in pipe
    assert "7 inputs: 5 converted, 2 failed" in result.stdout
    for rel in LAYOUT.values():
        assert (out / f"{rel}.xml").is_file()
    assert not (out / "broken").exists() or not any((out / "broken").iterdir())


def test_an_invalid_document_fails_but_keeps_its_outputs(
    collection: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    rule = tmp_path / "always.sch"
    rule.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        "<pattern><rule context=\"tei:TEI[@xml:id='doc-report-soviet-specialists-1960']\">"
        '<assert id="no-reports" test="false()">no reports</assert>'
        "</rule></pattern></schema>",
        "utf-8",
    )
    from tei_plenum.validate import Validator

    original = Validator.from_schemas
    monkeypatch.setattr(Validator, "from_schemas", classmethod(lambda cls, _p: original([rule])))
    result = run(
        str(collection),
        "-o",
        str(tmp_path / "out"),
        "-j",
        "1",
        "--report",
        str(tmp_path / "r.json"),
    )
    assert result.exit_code == 1
    rel = LAYOUT["report-soviet-specialists-1960"]
    assert (tmp_path / "out" / f"{rel}.xml").is_file()
    record = next(
        r
        for r in json.loads((tmp_path / "r.json").read_text("utf-8"))["files"]
        if r["output_stem"] == rel
    )
    assert record["status"] == "invalid"
    assert record["validation"]["valid"] is False
    assert record["validation"]["errors"] == 1
    # The worker validates the tree it built, which has no lines; a failing document is read
    # back from its bytes so that the message gives the line of the file (the TEI element).
    assert record["validation"]["messages"][0].endswith(
        f"{rel}.xml:3: error: no reports [no-reports]"
    )
    assert "4 converted, 1 failed" in result.stdout


def test_unchanged_inputs_are_skipped_and_changed_ones_redone(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run(str(collection), "-o", str(out), "-j", "1").exit_code == 0
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["entries"]) == sorted(LAYOUT.values())
    stamp = (out / "hostile-plain-prose.xml").stat().st_mtime_ns

    again = run(str(collection), "-o", str(out), "-j", "1")
    assert "5 inputs: 0 converted, 0 failed, 5 skipped" in again.stdout
    assert (out / "hostile-plain-prose.xml").stat().st_mtime_ns == stamp

    with (collection / "hostile-plain-prose.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nOne more paragraph about Beijing.\n")
    (out / "journals" / "journal-puzanov-1959.html").unlink()
    redo = run(str(collection), "-o", str(out), "-j", "1")
    assert "5 inputs: 2 converted, 0 failed, 3 skipped" in redo.stdout
    assert "Beijing." in (out / "hostile-plain-prose.txt").read_text("utf-8").splitlines()[-1]
    assert (out / "journals" / "journal-puzanov-1959.html").is_file()

    forced = run(str(collection), "-o", str(out), "-j", "1", "--force")
    assert "5 inputs: 5 converted, 0 failed, 0 skipped" in forced.stdout


def test_a_new_sidecar_or_other_options_redo_the_file(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(str(collection), "-o", str(out), "-j", "1")
    shutil.copyfile(
        DOCUMENTS / "web-north-south-talks-1972.meta.toml",
        collection / "hostile-plain-prose.meta.toml",
    )
    redo = run(str(collection), "-o", str(out), "-j", "1", "--no-validate")
    # --no-validate changes the settings hash: everything is redone, the sidecar is used.
    assert "5 converted, 0 failed, 0 skipped" in redo.stdout
    assert b"SND-1972-0415" in (out / "hostile-plain-prose.xml").read_bytes()
    again = run(str(collection), "-o", str(out), "-j", "1", "--no-validate")
    assert "0 converted, 0 failed, 5 skipped" in again.stdout
    (collection / "hostile-plain-prose.meta.toml").write_text('title = "Loose notes"\n', "utf-8")
    changed = run(str(collection), "-o", str(out), "-j", "1", "--no-validate")
    assert "1 converted, 0 failed, 4 skipped" in changed.stdout


def test_one_and_two_jobs_write_identical_outputs(collection: Path, tmp_path: Path):
    add_broken_inputs(collection)
    one = run(str(collection), "-o", str(tmp_path / "one"), "-j", "1")
    two = run(str(collection), "-o", str(tmp_path / "two"), "-j", "2")
    assert one.exit_code == two.exit_code == 1
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")
    assert one.stdout.splitlines()[:5] == two.stdout.splitlines()[:5]


def test_report_json_has_one_record_per_input(collection: Path, tmp_path: Path):
    add_broken_inputs(collection)
    report = tmp_path / "report.json"
    run(str(collection), "-o", str(tmp_path / "out"), "-j", "2", "--report", str(report))
    data = json.loads(report.read_text("utf-8"))
    assert data["totals"]["converted"] == 5
    assert data["totals"]["failed"] == 2
    assert data["totals"]["pages"] == sum(VALID.values())
    by_stem = {r["output_stem"]: r for r in data["files"]}
    assert len(data["files"]) == 7
    rel = LAYOUT["report-soviet-specialists-1960"]
    record = by_stem[rel]
    assert record["status"] == "converted"
    assert record["reason"] is None
    assert record["outputs"] == [f"{rel}.xml", f"{rel}.html", f"{rel}.txt"]
    assert record["counts"]["pages"] == 2
    assert record["document"]["kind"] == "report"
    assert record["document"]["date"] == "1960-02-20"
    assert record["validation"] == {"checked": True, "valid": True, "errors": 0, "messages": []}
    assert set(record["timings_s"]) == {"convert", "validate", "export"}
    assert by_stem["broken/pipe"]["status"] == "failed"
    assert "not a regular file" in by_stem["broken/pipe"]["reason"]
    assert by_stem["broken/pipe"]["outputs"] == []


def test_quiet_prints_nothing_but_errors(collection: Path, tmp_path: Path):
    ok = run(str(collection), "-o", str(tmp_path / "a"), "-j", "1", "--quiet")
    assert (ok.exit_code, ok.stdout, ok.stderr) == (0, "", "")
    (collection / "latin1.txt").write_bytes(b"Caf\xe9\n")
    bad = run(str(collection), "-o", str(tmp_path / "b"), "-j", "1", "-q")
    assert bad.exit_code == 1
    assert bad.stdout == ""
    assert len(bad.stderr.splitlines()) == 1
    assert bad.stderr.startswith(f"tei-plenum: error: {collection / 'latin1.txt'}: ")


def test_without_a_terminal_progress_is_plain_lines(collection: Path, tmp_path: Path):
    result = run(str(collection), "-o", str(tmp_path / "out"), "-j", "1")
    progress = [line for line in result.stderr.splitlines() if line.startswith("tei-plenum: batch")]
    assert len(progress) == 1
    assert progress[0].startswith("tei-plenum: batch: 5/5 files, ")
    assert progress[0].endswith(" files/s")


def test_plain_progress_prints_periodically_with_rate_and_time_left():
    clock = iter([0.0, 1.0, 5.0, 6.0, 10.0]).__next__
    lines: list[str] = []

    class Stream:
        def write(self, text: str) -> None:
            lines.append(text)

        def flush(self) -> None:
            pass

    progress = PlainProgress(4, Stream(), every=5.0, clock=clock)
    for _ in range(4):
        progress.update(Outcome("in/a.txt", "a", Status.CONVERTED))
    # Updates at t=1, 5, 6, 10: a line at 5 (5 s since start) and at the end.
    assert [line.strip() for line in lines if line.strip()] == [
        "tei-plenum: batch: 2/4 files, 0.4 files/s, 5 s left",
        "tei-plenum: batch: 4/4 files, 0.4 files/s",
    ]


def test_usage_errors_exit_2(collection: Path, tmp_path: Path):
    afile = tmp_path / "file"
    afile.write_text("x", "utf-8")
    assert run(str(collection), "-o", str(afile)).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(str(empty), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no input files found" in result.stderr
    assert run(str(collection), "-o", str(tmp_path / "out"), "--to", "pdf").exit_code == 2
    assert run(str(collection), "-o", str(tmp_path / "out"), "--jobs", "0").exit_code == 2
    missing = run(str(collection), "-o", str(tmp_path / "out"), "--authority", "none.xml")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("tei-plenum: error: none.xml")
    assert not (tmp_path / "out").exists()


def test_nothing_is_written_outside_outdir(collection: Path, tmp_path: Path):
    victim = tmp_path / "victim"
    victim.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "journals").symlink_to(victim, target_is_directory=True)
    outside = tmp_path / "outside.txt"
    shutil.copyfile(DOCUMENTS / "letter-ministry-of-culture-1957.txt", outside)
    (collection / "linked.txt").symlink_to(outside)
    result = run(str(collection), "-o", str(out), "-j", "1")
    assert result.exit_code == 1
    assert list(victim.iterdir()) == []
    assert "is a symbolic link" in result.stderr
    assert "a symbolic link to a file outside" in result.stderr
    assert not (out / "linked.xml").exists()
    assert "6 inputs: 4 converted, 2 failed" in result.stdout


def test_a_bad_sidecar_fails_only_its_document(collection: Path, tmp_path: Path):
    sidecar = collection / "hostile-plain-prose.meta.toml"
    sidecar.write_text('titel = "A typo"\n', "utf-8")
    result = run(str(collection), "-o", str(tmp_path / "out"), "-j", "1")
    assert result.exit_code == 1
    (error,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert error.startswith(
        f"tei-plenum: error: {collection / 'hostile-plain-prose.txt'}: {sidecar}:1: "
        "unknown sidecar key 'titel'"
    )
    assert "5 inputs: 4 converted, 1 failed" in result.stdout


def test_on_a_terminal_progress_is_a_bar_with_rate(monkeypatch: pytest.MonkeyPatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    monkeypatch.setattr(sys, "stderr", stream)
    with progress_display(3, quiet=False) as update:
        for _ in range(3):
            update(Outcome("in/a.txt", "a", Status.CONVERTED))
    shown = stream.getvalue()
    assert "Converting" in shown
    assert "3/3" in shown
    assert "files/s" in shown
    stream.truncate(0)
    with progress_display(3, quiet=True) as update:
        update(Outcome("in/a.txt", "a", Status.CONVERTED))
    assert stream.getvalue() == ""


def test_upper_case_inputs_are_converted_and_other_files_noted(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(DOCUMENTS / "hostile-plain-prose.txt", folder / "LETTER.TXT")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "out"
    result = run(str(folder), "-o", str(out), "-j", "1")
    assert result.exit_code == 0, result.output
    assert (out / "LETTER.xml").is_file()
    assert (
        f"tei-plenum: note: 1 file in the input folders not converted (not *.txt): "
        f"{folder / 'scan.pdf'}\n"
    ) in result.stderr
