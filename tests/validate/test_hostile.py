"""Hostile inputs give one clear error, quickly, without expanding, reading or fetching."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tei_plenum.validate.validator import Validator

SECRET = "CONTENTS-OF-A-PRIVATE-FILE"


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator.from_schemas(None)


def _only_error(project: Validator, path: Path) -> str:
    started = time.monotonic()
    report = project.validate_file(path)
    assert time.monotonic() - started < 10
    assert not report.valid
    assert len(report.diagnostics) == 1
    return report.diagnostics[0].message


def test_billion_laughs_is_refused(project: Validator, tmp_path: Path) -> None:
    levels = ['<!ENTITY l0 "ha">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    doc = tmp_path / "laughs.xml"
    doc.write_text(f"<!DOCTYPE TEI [{''.join(levels)}]><TEI>&l9;</TEI>")
    assert "entit" in _only_error(project, doc)


def test_quadratic_blowup_is_refused(project: Validator, tmp_path: Path) -> None:
    doc = tmp_path / "quadratic.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 50_000}">]><TEI>{"&a;" * 50_000}</TEI>')
    assert "entit" in _only_error(project, doc)


@pytest.mark.parametrize("target", ["secret.txt", "http://127.0.0.1:9/x"])
def test_external_entities_are_never_read(project: Validator, tmp_path: Path, target: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doc = tmp_path / "external.xml"
    doc.write_text(f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "{target}">]><TEI>&e;</TEI>')
    message = _only_error(project, doc)
    assert SECRET not in message


def test_external_dtd_is_not_loaded(project: Validator, tmp_path: Path) -> None:
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY leak "{SECRET}">')
    doc = tmp_path / "dtd.xml"
    doc.write_text('<!DOCTYPE TEI SYSTEM "evil.dtd"><TEI>&leak;</TEI>')
    assert SECRET not in _only_error(project, doc)


def test_xinclude_is_not_processed(project: Validator, tmp_path: Path) -> None:
    (tmp_path / "secret.xml").write_text(f"<p>{SECRET}</p>")
    doc = tmp_path / "xinclude.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<xi:include href="secret.xml"/></TEI>'
    )
    report = project.validate_file(doc)
    assert not report.valid
    assert all(SECRET not in d.message for d in report.diagnostics)


def test_deep_nesting_is_refused(project: Validator, tmp_path: Path) -> None:
    doc = tmp_path / "deep.xml"
    doc.write_text("<a>" * 100_000 + "</a>" * 100_000)
    assert "depth" in _only_error(project, doc).lower()


def test_huge_text_node_is_refused(project: Validator, tmp_path: Path) -> None:
    doc = tmp_path / "huge.xml"
    with doc.open("w") as handle:
        handle.write("<TEI>")
        handle.write("x" * (50 * 1024 * 1024))
        handle.write("</TEI>")
    assert "not well-formed" in _only_error(project, doc)
