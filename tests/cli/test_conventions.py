"""The conventions every command shares (README, "Command-line conventions"): option values
checked by click types, suggestions for misspelt commands, the version line, whole help
summaries, ``-`` for standard input and output, folders wherever many files are taken, a
missing input as exit 2 with one line, output folders created, and the library objects the
commands stand on usable with their defaults."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tei_plenum import ConvertOptions, Validator, convert_bytes, parse_xml, to_text
from tei_plenum.cli import COMMANDS, main
from tei_plenum.errors import ConfigError
from tests.cli.conftest import run_cli
from tests.conftest import EXAMPLES, SAMPLE

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"


@pytest.mark.parametrize("value", ["2024-13-45", "today", "2024-02-30", "24-01-01", "2024-1-5"])
@pytest.mark.parametrize("command", ["convert", "batch"])
def test_a_date_that_is_no_calendar_date_is_a_usage_error(tmp_path, command: str, value: str):
    out = tmp_path / "out"
    args = [command, str(SAMPLE), "--date", value] + (
        ["-o", str(out)] if command == "batch" else []
    )
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert f"Invalid value for '--date': {value!r} is not a calendar date" in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_the_library_refuses_the_same_dates():
    with pytest.raises(ConfigError, match="not a calendar date"):
        ConvertOptions(revision_date="2024-13-45")
    assert ConvertOptions(revision_date="2024-02-29").revision_date == "2024-02-29"


def test_a_misspelt_command_gets_a_suggestion():
    result = CliRunner().invoke(main, ["convrt", str(SAMPLE)])
    assert result.exit_code == 2
    assert "No such command 'convrt'. Did you mean 'convert'?" in result.stderr
    unknown = CliRunner().invoke(main, ["frobnicate"])
    assert unknown.exit_code == 2
    assert "Did you mean" not in unknown.stderr


def test_python_m_prints_the_program_name_with_the_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("tei-plenum, version ")
    usage = run_cli("convert", "--help")
    assert usage.stdout.startswith("Usage: tei-plenum convert ")


def test_validator_works_with_the_default_schemas():
    report = Validator().validate_file(EXAMPLE)
    assert report.valid
    assert [type(e) for e in Validator().engines] == [
        type(e) for e in Validator.from_schemas(None).engines
    ]


def test_top_level_help_summaries_are_whole_sentences():
    result = CliRunner().invoke(main, ["--help"])
    listing = result.stdout.split("Commands:\n")[1].splitlines()
    assert len(listing) == len(COMMANDS)
    for line in listing:
        summary = line.split(maxsplit=1)[1]
        assert summary.endswith("."), line
        assert not summary.endswith("..."), line


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_commands_own(name: str):
    # The listing is written from the table without importing the commands, so the table
    # must say what each command's help says.
    command = main.get_command(click.Context(main), name)
    assert command is not None
    assert command.get_short_help_str(limit=200) == COMMANDS[name]


def test_the_top_level_help_imports_no_command():
    code = (
        "import sys\n"
        "from tei_plenum.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Commands:" in done.stdout
    loaded = set(done.stderr.split())
    assert not {f"tei_plenum.cli.{name}" for name in COMMANDS} & loaded


# Standard input and output: "-" wherever a file is read or written.


def test_dash_output_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    converted = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", "-"])
    assert converted.exit_code == 0
    assert converted.stdout_bytes.startswith(b"<?xml")
    exported = CliRunner().invoke(main, ["export", str(EXAMPLE), "--to", "text", "-o", "-"])
    assert exported.exit_code == 0
    assert exported.stdout
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_batch_report_to_standard_output_leaves_it_pure_json(tmp_path):
    result = CliRunner().invoke(
        main, ["batch", str(SAMPLE), "-o", str(tmp_path / "out"), "-j", "1", "--report", "-"]
    )
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert [record["status"] for record in report["files"]] == ["converted"]
    assert "files      1 input: 1 converted" in result.stderr


def test_every_reading_command_takes_standard_input(tmp_path):
    tei = EXAMPLE.read_bytes()
    validated = run_stdin(tei, "validate", "-")
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout.decode() == "1 file, 1 valid, 0 invalid, 0 errors\n"
    listed = run_stdin(tei, "entities", "-")
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.reader(io.StringIO(listed.stdout.decode())))
    assert len(rows) > 1
    assert {row[0] for row in rows[1:]} == {"<stdin>"}
    exported = run_stdin(tei, "export", "-", "--to", "text", "-o", "-")
    assert exported.returncode == 0
    assert exported.stdout.decode() == to_text(parse_xml(tei))
    converted = run_stdin(SAMPLE.read_bytes(), "convert", "-", "-o", "-")
    assert converted.returncode == 0
    assert converted.stdout == convert_bytes(SAMPLE.read_bytes(), source_name="<stdin>").tei


def run_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "tei_plenum", *args],
        input=data,
        capture_output=True,
        timeout=60,
        check=False,
    )


# Folders wherever many files are taken.


def test_entities_and_convert_take_folders(tmp_path):
    tei = tmp_path / "tei"
    (tei / "sub").mkdir(parents=True)
    shutil.copyfile(EXAMPLE, tei / "sub" / "a.xml")
    shutil.copyfile(EXAMPLE, tei / "b.xml")
    listed = CliRunner().invoke(main, ["entities", str(tei)])
    assert listed.exit_code == 0, listed.stderr
    documents = [row[0] for row in csv.reader(io.StringIO(listed.stdout))][1:]
    half = len(documents) // 2
    assert documents == ["b.xml"] * half + ["a.xml"] * half

    texts = tmp_path / "texts"
    (texts / "sub").mkdir(parents=True)
    shutil.copyfile(SAMPLE, texts / "one.txt")
    shutil.copyfile(SAMPLE, texts / "sub" / "two.txt")
    (texts / "notes.md").write_text("not an input\n", "utf-8")
    out = tmp_path / "out"
    converted = CliRunner().invoke(main, ["convert", str(texts), "-o", str(out)])
    assert converted.exit_code == 0, converted.stderr
    assert sorted(p.name for p in out.iterdir()) == ["one.xml", "two.xml"]


# A missing input: exit 2, one error line, no usage block, for every command.


@pytest.mark.parametrize(
    "command",
    [
        ["convert", "MISSING"],
        ["export", "MISSING", "--to", "text"],
        ["validate", "MISSING"],
        ["entities", "MISSING"],
        ["batch", "MISSING", "-o", "OUT"],
    ],
    ids=lambda command: command[0],
)
def test_a_missing_input_is_one_line_and_exit_2(tmp_path, command: list[str]):
    missing = str(tmp_path / "missing.txt")
    args = [
        missing if a == "MISSING" else str(tmp_path / "out") if a == "OUT" else a for a in command
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"tei-plenum: error: {missing}: no such file")
    assert "Usage:" not in result.output


def test_batch_with_a_missing_input_converts_the_others_and_exits_2(tmp_path):
    missing = str(tmp_path / "missing.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(SAMPLE), missing, "-o", str(out), "-j", "1"])
    assert result.exit_code == 2
    assert f"tei-plenum: error: {missing}: no such file or directory" in result.stderr
    assert (out / "kwp-cc-plenum-1956-08.xml").is_file()


# Output folders are created when missing.


def test_output_folders_are_created(tmp_path):
    second = tmp_path / "second.txt"
    shutil.copyfile(SAMPLE, second)
    out = tmp_path / "new" / "out"
    converted = CliRunner().invoke(main, ["convert", str(SAMPLE), str(second), "-o", f"{out}/"])
    assert converted.exit_code == 0, converted.stderr
    assert sorted(p.name for p in out.iterdir()) == ["kwp-cc-plenum-1956-08.xml", "second.xml"]
    one = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path / "a" / "b.xml")])
    assert one.exit_code == 0
    assert (tmp_path / "a" / "b.xml").is_file()
    report = tmp_path / "reports" / "report.json"
    batched = CliRunner().invoke(
        main, ["batch", str(SAMPLE), "-o", str(tmp_path / "ed"), "-j", "1", "--report", str(report)]
    )
    assert batched.exit_code == 0, batched.stderr
    assert json.loads(report.read_text("utf-8"))["totals"]["converted"] == 1


def test_a_single_input_has_singular_progress(tmp_path):
    result = CliRunner().invoke(main, ["batch", str(SAMPLE), "-o", str(tmp_path / "o"), "-j", "1"])
    assert "tei-plenum: batch: 1/1 file, " in result.stderr
    again = CliRunner().invoke(main, ["batch", str(SAMPLE), "-o", str(tmp_path / "o"), "-j", "1"])
    # Everything skipped: no rate anywhere.
    assert "tei-plenum: batch: 1/1 file\n" in again.stderr
    assert again.stdout.splitlines()[-1].endswith(" s")
