"""The output rule, for every writing option of every command: a path the tool writes is
refused (exit 2, one error line, nothing written, no input touched) when it is an input,
lies inside an input folder, or is a symbolic link. Also the link rule for sidecars."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tei_plenum.batch import MANIFEST_NAME
from tei_plenum.cli import main
from tests.conftest import FIXTURES

TELEGRAM = FIXTURES / "documents" / "ciphered-telegram-ivanov-1956.txt"
PROSE = FIXTURES / "documents" / "hostile-plain-prose.txt"
EXAMPLE_TEI = FIXTURES / "examples" / "plenum-excerpt.tei.xml"
AUTHORITY = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
    '<person xml:id="pers-test"><persName>Invented Person</persName></person>'
    "</listPerson></standOff></TEI>\n"
)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """``in/a.txt``, ``in/b.txt`` with a sidecar, ``doc.xml``, an authority file, and a
    ``private/`` file that links may point at."""
    (tmp_path / "in").mkdir()
    shutil.copyfile(TELEGRAM, tmp_path / "in" / "a.txt")
    shutil.copyfile(PROSE, tmp_path / "in" / "b.txt")
    (tmp_path / "in" / "b.meta.toml").write_text('title = "An invented title"\n', "utf-8")
    shutil.copyfile(EXAMPLE_TEI, tmp_path / "doc.xml")
    (tmp_path / "authority.xml").write_text(AUTHORITY, "utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "creds.toml").write_text('title = "SECRET-TOKEN-42"\n', "utf-8")
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file and link below ``folder``: what a refused run must leave as it was."""
    return {
        str(p.relative_to(folder)): (f"-> {p.readlink()}" if p.is_symlink() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def assert_refused(result: Result, before: dict[str, bytes | str], after: Path, why: str):
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tei-plenum: error: ")
    assert why in lines[0]
    assert "Traceback" not in result.stderr
    assert snapshot(after) == before


INPUT = "output path is an input file"
AUTH = "authority.xml"
IN_FOLDER = "lies inside the input folder"
LINK = "output path is a symbolic link"


@pytest.mark.parametrize(
    ("args", "why"),
    [
        (["convert", "in/a.txt", "-o", "in/a.txt"], INPUT),
        (["convert", "in/b.txt", "-o", "in/b.meta.toml"], INPUT),
        (["convert", "in/a.txt", "--meta", "in/b.meta.toml", "-o", "in/b.meta.toml"], INPUT),
        (["convert", "in/a.txt", "--authority", AUTH, "-o", AUTH], INPUT),
        (["convert", "in/a.txt", "-o", "link.xml"], LINK),
        # Several inputs, one of whose outputs (./doc.xml) is another input.
        (["convert", "in/a.txt", "doc.xml", "-o", "."], INPUT),
        (["convert", "in", "-o", "in/xml"], IN_FOLDER),
        (["export", "doc.xml", "--to", "html", "-o", "doc.xml"], INPUT),
        (["export", "doc.xml", "--to", "text", "-o", "link.xml"], LINK),
        (["batch", "in/a.txt", "-o", "out", "--report", "in/a.txt"], INPUT),
        (["batch", "in/b.txt", "-o", "out", "--report", "in/b.meta.toml"], INPUT),
        (["batch", "in", "-o", "out", "--report", "in/report.json"], IN_FOLDER),
        (["batch", "in", "-o", "out", "--report", "link.xml"], LINK),
        (["batch", "in", "-o", "out", "--authority", AUTH, "--report", AUTH], INPUT),
        # Outputs, manifest and index of a batch whose output folder is the input folder.
        (["batch", "in", "-o", "in"], IN_FOLDER),
        (["batch", "in", "-o", "in", "--to", "tei"], IN_FOLDER),
    ],
    ids=[
        "convert-input",
        "convert-sidecar",
        "convert-meta",
        "convert-authority",
        "convert-link",
        "convert-folder-output-is-an-input",
        "convert-inside-input-folder",
        "export-input",
        "export-link",
        "batch-report-input",
        "batch-report-sidecar",
        "batch-report-inside-input-folder",
        "batch-report-link",
        "batch-report-authority",
        "batch-outdir-is-the-input-folder",
        "batch-outdir-is-the-input-folder-tei-only",
    ],
)
def test_every_writing_option_refuses_unsafe_paths(
    work: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], why: str
):
    monkeypatch.chdir(work)
    (work / "link.xml").symlink_to(work / "private" / "creds.toml")
    before = snapshot(work)
    assert_refused(invoke(*args), before, work, why)


def test_the_manifest_and_the_corpus_index_are_never_written_through_links(work: Path):
    out = work / "out"
    out.mkdir()
    for name in (MANIFEST_NAME, "index.html"):
        (out / name).symlink_to(work / "private" / "creds.toml")
        before = snapshot(work)
        result = invoke("batch", str(work / "in"), "-o", str(out))
        assert_refused(result, before, work, LINK)
        assert str(out / name) in result.stderr
        (out / name).unlink()


def test_an_input_that_is_the_manifest_or_the_index_is_never_overwritten(work: Path):
    out = work / "out"
    out.mkdir()
    for name in (MANIFEST_NAME, "index.html"):
        (out / name).write_text("An invented text that a user keeps here.\n", "utf-8")
    before = snapshot(work)
    manifest = invoke("batch", str(out / MANIFEST_NAME), "-o", str(out))
    assert_refused(manifest, before, work, INPUT)
    index = invoke("batch", str(out / "index.html"), str(work / "in" / "a.txt"), "-o", str(out))
    assert_refused(index, before, work, INPUT)


def test_an_output_folder_inside_the_input_folder_is_allowed(work: Path):
    result = invoke("batch", str(work / "in"), "-o", str(work / "in" / "edition"), "-j", "1")
    assert result.exit_code == 0, result.output
    assert (work / "in" / "edition" / "a.xml").is_file()
    again = invoke("batch", str(work / "in"), "-o", str(work / "in" / "edition"), "-j", "1")
    assert "2 inputs: 0 converted, 0 failed, 2 skipped" in again.stdout


def test_convert_writes_beside_its_input(work: Path):
    result = invoke("convert", str(work / "in" / "a.txt"), "-o", str(work / "in" / "a.xml"))
    assert result.exit_code == 0, result.output
    assert (work / "in" / "a.xml").read_bytes().startswith(b"<?xml")


class TestSidecarLinks:
    """``in/doc.meta.toml -> ../private/creds.toml`` is refused, never read."""

    @pytest.fixture
    def linked(self, work: Path) -> Path:
        (work / "in" / "a.meta.toml").symlink_to(work / "private" / "creds.toml")
        return work

    def test_convert_refuses_the_document(self, linked: Path):
        out = linked / "a.xml"
        result = invoke("convert", str(linked / "in" / "a.txt"), "-o", str(out))
        assert result.exit_code == 2
        assert result.stderr == (
            f"tei-plenum: error: {linked / 'in' / 'a.meta.toml'}: sidecar is a symbolic link "
            "to a file outside its folder; refusing to read it\n"
        )
        assert not out.exists()

    def test_batch_refuses_that_document_and_converts_the_others(self, linked: Path):
        out = linked / "out"
        result = invoke("batch", str(linked / "in"), "-o", str(out), "-j", "1")
        assert result.exit_code == 1
        assert "sidecar is a symbolic link to a file outside its folder" in result.stderr
        assert "2 inputs: 1 converted, 1 failed" in result.stdout
        published = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
        assert b"SECRET-TOKEN-42" not in published
        assert not (out / "a.xml").exists()

    def test_a_link_inside_the_folder_is_read(self, work: Path):
        (work / "in" / "shared.toml").write_text('title = "A shared invented title"\n', "utf-8")
        (work / "in" / "a.meta.toml").symlink_to("shared.toml")
        result = invoke("convert", str(work / "in" / "a.txt"))
        assert result.exit_code == 0, result.output
        assert "A shared invented title" in result.stdout
