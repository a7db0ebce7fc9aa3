"""The project XSD and tei_all.rng agree on whole documents: valid ones pass both, and each
document under invalid/ (named after the TEI rule it breaks) fails both."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tei_plenum.validate.validator import Validator

from ..conftest import ROOT, TEI_ALL_RNG

HERE = Path(__file__).parent
INVALID = sorted((HERE / "invalid").glob("*.xml"))
# The golden files and the worked examples.
VALID = sorted((ROOT / "tests").rglob("*.tei.xml"))
JING = shutil.which("jing")


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator.from_schemas(None)


def _jing_accepts(path: Path) -> bool:
    assert JING is not None
    done = subprocess.run([JING, str(TEI_ALL_RNG), str(path)], capture_output=True, timeout=120)
    return done.returncode == 0


def test_there_are_invalid_samples_for_each_kind_of_break() -> None:
    assert len(INVALID) >= 8
    assert len(VALID) >= 2


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_documents_pass_the_project_schemas(project: Validator, path: Path) -> None:
    report = project.validate_file(path)
    assert [d for d in report.diagnostics if d.is_error] == []


@pytest.mark.slow
@pytest.mark.jing
@pytest.mark.skipif(JING is None, reason="jing is not installed")
@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_valid_documents_pass_jing(path: Path) -> None:
    assert _jing_accepts(path)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_documents_fail_the_project_xsd(project: Validator, path: Path) -> None:
    report = project.validate_file(path)
    assert not report.valid
    # libxml2 already refuses a duplicate xml:id while parsing
    assert {d.code for d in report.diagnostics} & {"xsd", "not-well-formed"}


@pytest.mark.slow
@pytest.mark.jing
@pytest.mark.skipif(JING is None, reason="jing is not installed")
@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_documents_fail_jing(path: Path) -> None:
    assert not _jing_accepts(path)
