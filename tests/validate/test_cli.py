"""``tei-plenum validate`` from the command line: reports, summary and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main

from ..conftest import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"
INVALID = Path(__file__).parent / "invalid" / "unknown-element.xml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_valid_file_exits_zero_with_a_summary() -> None:
    code, out, _ = _run(str(EXAMPLE))
    assert code == 0
    assert out == "1 file, 1 valid, 0 invalid, 0 errors\n"


def test_invalid_file_is_reported_at_its_line(tmp_path: Path) -> None:
    code, out, _ = _run(str(INVALID))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{INVALID}:")
    assert ": error: " in first
    assert first.endswith("[xsd]")
    assert "foo" in first
    assert out.splitlines()[-1] == "1 file, 0 valid, 1 invalid, 1 error"


def test_not_well_formed_file_does_not_stop_the_run(tmp_path: Path) -> None:
    broken = tmp_path / "a.xml"
    broken.write_text("<TEI>\n  <p>\n</TEI>\n")
    shutil.copy(EXAMPLE, tmp_path / "b.xml")
    code, out, _ = _run(str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{broken}:3:")
    assert "[not-well-formed]" in lines[0]
    assert lines[-1] == "2 files, 1 valid, 1 invalid, 1 error"


def test_missing_path_and_empty_directory_exit_two_but_others_are_checked(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = _run(str(tmp_path / "nope.xml"), str(empty), str(EXAMPLE))
    assert code == 2
    assert f"{tmp_path / 'nope.xml'}: no such file or directory" in err
    assert f"{empty}: directory holds no XML files" in err
    assert out.splitlines()[-1] == "1 file, 1 valid, 0 invalid, 0 errors"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    code, _, err = _run(str(fifo))
    assert code == 2
    assert "FIFO" in err


def test_json_report(tmp_path: Path) -> None:
    code, out, _ = _run("--format", "json", str(INVALID), str(EXAMPLE))
    assert code == 1
    report = json.loads(out)
    assert [f["valid"] for f in report["files"]] == [False, True]
    problem = report["files"][0]["problems"][0]
    assert problem["rule"] == "xsd"
    assert problem["schema"] == "tei_plenum.xsd"
    assert problem["xpath"].startswith("/TEI/text/body/div")
    assert isinstance(problem["line"], int)
    assert report["summary"] == {
        "files": 2, "valid": 1, "invalid": 1, "errors": 1, "unreadable": [],
    }  # fmt: skip


def test_schema_option_replaces_the_defaults(tmp_path: Path) -> None:
    sch = tmp_path / "rule.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:pb"><assert id="no-pb" test="false()">'
        'page <value-of select="@n"/></assert></rule></pattern></schema>'
    )
    code, out, _ = _run("--schema", str(sch), str(EXAMPLE))
    assert code == 1
    assert out.count("[no-pb]") == 3
    assert "page 8 [no-pb]" in out


def test_unknown_schema_type_is_a_usage_error(tmp_path: Path) -> None:
    other = tmp_path / "schema.txt"
    other.write_text("x")
    code, _, err = _run("--schema", str(other), str(EXAMPLE))
    assert code == 2
    assert "unknown schema type" in err


@pytest.mark.slow
def test_jobs_give_the_same_report_as_one_process(tmp_path: Path) -> None:
    for i in range(6):
        shutil.copy(EXAMPLE if i % 2 else INVALID, tmp_path / f"{i}.xml")
    assert _run("--jobs", "2", str(tmp_path)) == _run(str(tmp_path))


def test_real_command_line_run() -> None:
    exe = Path(sys.executable).parent / "tei-plenum"
    done = subprocess.run(
        [str(exe), "validate", str(EXAMPLE)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout == "1 file, 1 valid, 0 invalid, 0 errors\n"


def _many_errors(tmp_path: Path, count: int) -> Path:
    """A document whose only errors are ``count`` undeclared attributes."""
    paragraphs = "".join(f'<p foo="{i}">x</p>\n' for i in range(count))
    path = tmp_path / "broken.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t'
        "</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
        f"</sourceDesc></fileDesc></teiHeader><text><body>\n{paragraphs}</body></text></TEI>",
        encoding="utf-8",
    )
    return path


def test_findings_are_capped_per_file_and_the_rest_counted(tmp_path: Path) -> None:
    broken = _many_errors(tmp_path, 150)
    code, out, _ = _run(str(broken))
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 100 + 2
    assert all(line.endswith("[xsd]") for line in lines[:100])
    assert lines[100] == f"{broken}: note: 50 more errors not listed (--max-findings 0 lists all)"
    assert lines[101] == "1 file, 0 valid, 1 invalid, 150 errors"
    code, out, _ = _run(str(broken), "--max-findings", "0")
    assert len(out.splitlines()) == 150 + 1
    code, out, _ = _run(str(broken), "--max-findings", "3", "--format", "json")
    entry = json.loads(out)["files"][0]
    assert len(entry["problems"]) == 3
    assert entry["unlisted"] == {"errors": 147, "warnings": 0}
    assert json.loads(out)["summary"]["errors"] == 150


def test_a_negative_cap_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run(str(EXAMPLE), "--max-findings", "-1")
    assert code == 2
    assert "--max-findings" in err
