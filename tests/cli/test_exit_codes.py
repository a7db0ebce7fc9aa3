"""The exit-code table: one row per outcome, each reached by real commands, and the README's
table equal to the code's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.cli.outcome import EXIT_CODES, RunOutcome, outcome_of, worst
from tei_plenum.errors import (
    ConfigError,
    DocumentError,
    InputDecodeError,
    InputError,
    InternalError,
    SchemaLoadError,
    TeiParseError,
)
from tests.conftest import FIXTURES, ROOT, SAMPLE

INVALID = ROOT / "tests" / "validate" / "invalid" / "unknown-element.xml"


def _run(*args: str) -> int:
    return CliRunner().invoke(main, list(args)).exit_code


def test_the_readme_table_is_the_code_table():
    readme = (ROOT / "README.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `(\d+)` \| (.+?) \|$", readme, flags=re.MULTILINE))
    assert {int(code): text.replace("`", "") for code, text in rows.items()} == {
        code: outcome.value for outcome, code in EXIT_CODES.items()
    }


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (ConfigError("bad option"), RunOutcome.USAGE),
        (SchemaLoadError("no schema"), RunOutcome.USAGE),
        (InputError("no such file"), RunOutcome.USAGE),
        (DocumentError("empty"), RunOutcome.DOCUMENT_FAILED),
        (InputDecodeError("cannot decode"), RunOutcome.DOCUMENT_FAILED),
        (TeiParseError("not well-formed"), RunOutcome.DOCUMENT_FAILED),
        (InternalError("fidelity"), RunOutcome.INTERNAL),
    ],
)
def test_each_kind_of_error_has_its_outcome(error, outcome):
    assert outcome_of(error) is outcome


def test_the_worst_outcome_wins():
    assert worst([]) is RunOutcome.SUCCESS
    assert worst([RunOutcome.DOCUMENT_FAILED, RunOutcome.USAGE]) is RunOutcome.USAGE
    assert worst([RunOutcome.INTERNAL, RunOutcome.DOCUMENT_FAILED]) is RunOutcome.INTERNAL


def test_0_success(tmp_path: Path):
    out = tmp_path / "sample.xml"
    assert _run("convert", str(SAMPLE), "-o", str(out)) == 0
    assert _run("validate", str(out)) == 0
    assert _run("export", str(out), "--to", "text") == 0
    assert _run("entities", str(out)) == 0
    assert _run("batch", str(SAMPLE), "-o", str(tmp_path / "batch"), "-j", "1", "-q") == 0
    assert _run("--help") == 0


def test_1_a_document_failed(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Title\nCaf\xe9 noir\n")
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>\n", "utf-8")
    assert _run("convert", str(latin)) == 1
    assert _run("validate", str(INVALID)) == 1
    assert _run("export", str(broken), "--to", "html") == 1
    assert _run("batch", str(latin), "-o", str(tmp_path / "out"), "-j", "1", "-q") == 1


def test_several_inputs_exit_with_the_worst_outcome(tmp_path: Path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Title\nCaf\xe9 noir\n")
    out = tmp_path / "out"
    out.mkdir()
    assert _run("convert", str(SAMPLE), str(latin), "-o", str(out)) == 1
    missing = str(tmp_path / "missing.txt")
    assert _run("convert", str(latin), missing, str(SAMPLE), "-o", str(out)) == 2
    assert (out / "kwp-cc-plenum-1956-08.xml").is_file()


def test_2_usage_configuration_or_unreadable_input(tmp_path: Path):
    missing = str(tmp_path / "missing.txt")
    assert _run("convert", missing) == 2
    assert _run("validate", missing) == 2
    assert _run("entities", missing) == 2
    assert _run("export", missing, "--to", "text") == 2
    assert _run("convert", str(SAMPLE), "--no-such-option") == 2
    assert _run("convrt", str(SAMPLE)) == 2
    assert _run("convert", str(SAMPLE), "--encoding", "no-such-codec") == 2
    out = tmp_path / "out"
    assert _run("batch", str(SAMPLE), "-o", str(out), "--encoding", "no-such-codec") == 2
    assert not out.exists()


@pytest.mark.parametrize(
    ("raised", "code"), [(RuntimeError("boom"), 3), (KeyboardInterrupt(), 130)]
)
@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["convert", str(SAMPLE)], "tei_plenum.cli.convert.convert_file"),
        (["export", str(INVALID), "--to", "text"], "tei_plenum.cli.export.parse_xml_file"),
        (
            ["batch", str(FIXTURES / "documents"), "-o", "OUT", "-j", "1"],
            "tei_plenum.cli.batch.execute",
        ),
    ],
    ids=["convert", "export", "batch"],
)
def test_3_internal_error_and_130_interrupted(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: list[str],
    target: str,
    raised: BaseException,
    code: int,
):
    def fail(*_args: object, **_kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(target, fail)
    args = [str(tmp_path / "out") if arg == "OUT" else arg for arg in command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert "Traceback" not in result.stderr
    expected = "tei-plenum: internal error: RuntimeError: boom" if code == 3 else "interrupted"
    assert expected in result.stderr
