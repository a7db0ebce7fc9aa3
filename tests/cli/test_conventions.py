"""The conventions every command shares (README, "Command-line conventions"): option values
checked by click types, suggestions for misspelt commands, the version line, and the library
objects the commands stand on usable with their defaults."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tei_plenum import ConvertOptions, Validator
from tei_plenum.cli import main
from tei_plenum.errors import ConfigError
from tests.cli.conftest import run_cli
from tests.conftest import ROOT, SAMPLE

VALID_TEI = ROOT / "tests" / "fixtures" / "examples"


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
    report = Validator().validate_file(VALID_TEI / "plenum-excerpt.tei.xml")
    assert report.valid
    assert [type(e) for e in Validator().engines] == [
        type(e) for e in Validator.from_schemas(None).engines
    ]
