"""Bundled schemas by name: ``validate --schema tei_all`` checks against the official TEI schema
shipped in ``schemas/``, from any working directory; a name that is neither bundled nor a file
is one clear usage error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.errors import SchemaLoadError
from tei_plenum.validate.validator import BUNDLED_SCHEMAS, Validator

from ..conftest import EXAMPLES

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"
# Breaks TEI's grammar: an element TEI does not define (jing rejects it too, see
# test_schemas_agree.py).
INVALID = Path(__file__).parent / "invalid" / "unknown-element.xml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_the_bundled_names() -> None:
    assert sorted(BUNDLED_SCHEMAS) == ["tei_all", "tei_plenum"]


def test_tei_plenum_names_the_default_schemas() -> None:
    named = Validator.from_schemas(["tei_plenum"]).engines
    default = Validator.from_schemas(None).engines
    assert [(type(e), e.schema) for e in named] == [(type(e), e.schema) for e in default]
    assert [e.schema for e in named] == ["tei_plenum.xsd", "tei_plenum.sch"]


def test_a_name_can_be_combined_with_a_schema_file(tmp_path: Path) -> None:
    sch = tmp_path / "rule.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:pb"><assert id="no-pb" test="false()">no pb</assert>'
        "</rule></pattern></schema>"
    )
    code, out, _ = _run("--schema", "tei_plenum", "--schema", str(sch), str(EXAMPLE))
    # The example is valid against the project schemas; the extra rule finds its three pages.
    assert code == 1
    assert out.count("[no-pb]") == 3
    assert out.splitlines()[-1] == "1 file, 0 valid, 1 invalid, 3 errors"


def test_an_unknown_name_is_one_usage_error_naming_the_bundled_schemas() -> None:
    code, out, err = _run("--schema", "tei_lite", str(EXAMPLE))
    assert code == 2
    assert out == ""
    assert err == (
        "tei-plenum: error: tei_lite: no such schema file, nor a bundled schema of that name "
        "(bundled: tei_all, tei_plenum)\n"
    )


def test_a_missing_schema_path_is_the_same_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "gone.rng"
    with pytest.raises(SchemaLoadError, match="no such schema file") as caught:
        Validator.from_schemas([missing])
    assert caught.value.location is not None
    assert caught.value.location.path == str(missing)


@pytest.mark.slow
def test_tei_all_by_name_checks_against_the_official_schema() -> None:
    code, out, err = _run("--schema", "tei_all", "--format", "json", str(EXAMPLE), str(INVALID))
    assert code == 1, err
    report = json.loads(out)
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path[str(EXAMPLE)]["valid"] is True
    assert by_path[str(EXAMPLE)]["problems"] == []
    problems = by_path[str(INVALID)]["problems"]
    assert problems
    assert {p["schema"] for p in problems} == {"tei_all.rng"}
    assert {p["rule"] for p in problems} == {"rng"}
    assert report["summary"]["valid"] == 1


@pytest.mark.slow
def test_tei_all_by_name_from_a_real_command_line_outside_the_project(tmp_path: Path) -> None:
    # Run from an empty folder: the name must not depend on the working directory.
    done = subprocess.run(
        [sys.executable, "-m", "tei_plenum", "validate", "--schema", "tei_all", str(EXAMPLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=180,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "1 file, 1 valid, 0 invalid, 0 errors\n"
