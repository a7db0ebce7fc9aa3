"""``batch`` converts each input exactly as ``convert`` does, with the same options."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

from click.testing import CliRunner

from tei_plenum.batch import Settings, Status, plan, prepare, process
from tei_plenum.batch.manifest import sha256_file
from tei_plenum.batch.worker import Task
from tei_plenum.cli import main
from tei_plenum.cli.batch import batch
from tei_plenum.cli.convert import convert
from tei_plenum.options import ConvertOptions
from tests.batch.conftest import DOCUMENTS, run

TELEGRAM = DOCUMENTS / "ciphered-telegram-ivanov-1956.txt"
AUTHORITY = (
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
    b'<person xml:id="pers-rozanov"><persName>Rozanov</persName>'
    b'<idno type="wikidata">Q1</idno></person>'
    b"</listPerson></standOff></TEI>"
)


def _converted(*args: str) -> bytes:
    result = CliRunner().invoke(main, ["convert", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_batch_has_every_conversion_option_of_convert():
    def names(command):
        return {p.name for p in command.params}

    shared = {"encoding", "authority_files", "enrich", "revision_date"}
    assert shared <= names(convert) & names(batch)
    # Beyond these, convert has only --meta (the sidecar of a single input) and -o, which
    # batch names for what it is there, the output folder.
    assert names(convert) - names(batch) == {"meta_path", "output"}


def test_encoding_applies_to_every_input(tmp_path: Path):
    source = tmp_path / "in" / "win.txt"
    source.parent.mkdir()
    text = TELEGRAM.read_text("utf-8").replace("Making copies", "“Making” copies")
    source.write_bytes(text.encode("cp1252"))
    refused = run(str(source), "-o", str(tmp_path / "plain"), "-j", "1", "-q")
    assert refused.exit_code == 1
    assert "use --encoding" in refused.stderr
    out = tmp_path / "out"
    result = run(str(source), "-o", str(out), "-j", "1", "-q", "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    assert (out / "win.xml").read_bytes() == _converted(str(source), "--encoding", "cp1252")


def test_no_enrich_date_and_authority_give_what_convert_gives(tmp_path: Path):
    authority = tmp_path / "mine.xml"
    authority.write_bytes(AUTHORITY)
    options = ["--no-enrich", "--date", "2026-01-15", "--authority", str(authority)]
    out = tmp_path / "out"
    result = run(str(TELEGRAM), "-o", str(out), "-j", "2", "--to", "tei", *options)
    assert result.exit_code == 0, result.output
    tei = (out / f"{TELEGRAM.stem}.xml").read_bytes()
    assert tei == _converted(str(TELEGRAM), *options)
    assert b'<change when="2026-01-15"' in tei
    assert b"<persName" not in tei.split(b"<text>")[1]
    enriched = tmp_path / "enriched"
    run(str(TELEGRAM), "-o", str(enriched), "-j", "1", "--to", "tei", "--authority", str(authority))
    assert (enriched / f"{TELEGRAM.stem}.xml").read_bytes() == _converted(
        str(TELEGRAM), "--authority", str(authority)
    )


def test_a_changed_conversion_option_converts_again(tmp_path: Path):
    source = tmp_path / "in" / "telegram.txt"
    source.parent.mkdir()
    shutil.copyfile(TELEGRAM, source)
    out = tmp_path / "out"
    assert "1 converted" in run(str(source), "-o", str(out), "-j", "1").stdout
    assert "1 skipped" in run(str(source), "-o", str(out), "-j", "1").stdout
    for option in (["--no-enrich"], ["--date", "2026-01-15"], ["--encoding", "utf-8"]):
        again = run(str(source), "-o", str(out), "-j", "1", *option)
        assert "1 converted" in again.stdout, option


def test_the_report_records_the_conversion_options(tmp_path: Path):
    report = tmp_path / "report.json"
    args = ["-o", str(tmp_path / "out"), "-j", "1", "--report", str(report)]
    run(str(TELEGRAM), *args, "--no-enrich", "--date", "2026-01-15")
    assert json.loads(report.read_text("utf-8"))["conversion"] == {
        "encoding": None,
        "enrich": False,
        "revision_date": "2026-01-15",
        "authority_files": [],
    }


def test_the_work_on_one_input_can_travel_to_another_process(tmp_path: Path):
    """The task and the settings pickle, and the worker needs nothing else: what an executor
    other than the process pool needs."""
    options = ConvertOptions(encoding="utf-8", enrich=False, revision_date="2026-01-15")
    settings = Settings(tmp_path / "out", formats=("tei",), options=options, validate=False)
    job = plan([str(TELEGRAM)], settings).discovery.jobs[0]
    task = Task(job, sha256_file(job.source), None)
    moved_task, moved_settings = pickle.loads(pickle.dumps((task, settings)))
    assert (moved_task, moved_settings) == (task, settings)
    settings.outdir.mkdir()  # as the driver does before any work
    prepare(moved_settings)
    outcome = process(moved_task, moved_settings)
    assert outcome.status is Status.CONVERTED
    assert outcome.outputs == (f"{TELEGRAM.stem}.xml",)
    expected = _converted(str(TELEGRAM), "--no-enrich", "--date", "2026-01-15")
    assert (tmp_path / "out" / f"{TELEGRAM.stem}.xml").read_bytes() == expected
