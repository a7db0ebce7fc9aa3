"""A folder of every hostile XML form beside good files: each file gets its own verdict.

One bad file must never stop a run or take the report with it: the text summary counts every
file, the JSON report names every file with its status, and nothing outside the folder is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_plenum.cli import main
from tei_plenum.validate.validator import Validator
from tei_plenum.vocabulary import TEI_NS
from tei_plenum.xmlsafe import parse_xml

from ..conftest import ROOT

GOOD = ROOT / "tests" / "golden" / "files" / "kwp-cc-plenum-1956-08.tei.xml"
SECRET = "CONTENTS-OF-A-PRIVATE-FILE"
TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'


def _laughs() -> str:
    levels = ['<!ENTITY l0 "ha">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE TEI [{''.join(levels)}]>{TEI}&l9;</TEI>"


def _with_doctype(document: str, doctype: str) -> str:
    assert document.count("<TEI ") == 1
    return document.replace("<TEI ", f"{doctype}\n<TEI ")


def _hostile(folder: Path) -> dict[str, bool]:
    """Write the hostile files into ``folder``; returns each file name and whether it is valid."""
    good = GOOD.read_text(encoding="utf-8")
    body = good.split("\n", 1)[1]  # without the XML declaration
    forms: dict[str, str | bytes] = {
        "billion-laughs.xml": _laughs(),
        "quadratic-blowup.xml": (
            f'<!DOCTYPE TEI [<!ENTITY a "{"x" * 50_000}">]>{TEI}{"&a;" * 500}</TEI>'
        ),
        "external-entity-file.xml": (
            f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "secret.txt">]>{TEI}&e;</TEI>'
        ),
        "external-entity-http.xml": (
            f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>{TEI}&e;</TEI>'
        ),
        "parameter-entity.xml": (
            f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "evil.dtd"> %p;]>{TEI}&leak;</TEI>'
        ),
        "external-dtd-entity.xml": f'<!DOCTYPE TEI SYSTEM "evil.dtd">{TEI}<p>&leak;</p></TEI>',
        "external-dtd-undeclared.xml": _with_doctype(
            body, '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">'
        ).replace("</titlePart>", " &foo;</titlePart>", 1),
        "internal-doctype-undeclared.xml": f"<!DOCTYPE TEI>\n{TEI}<p>a &foo; b</p></TEI>",
        "public-dtd-undeclared-in-attribute.xml": (
            f'<!DOCTYPE TEI PUBLIC "-//X//DTD Y//EN" "tei.dtd">{TEI}<p rend="&foo;">a</p></TEI>'
        ),
        "xinclude.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
            '<xi:include href="secret.txt" parse="text"/></TEI>'
        ),
        "deep-nesting.xml": "<a>" * 100_000 + "</a>" * 100_000,
        "huge-text.xml": f"<TEI>{'x' * 11_000_000}</TEI>",
        "not-xml.xml": "This is a plain letter, not XML at all.\n",
        "empty.xml": b"",
        "binary.xml": bytes(range(256)) * 16,
        "nul-inside.xml": f"{TEI}<p>a\x00b</p></TEI>".encode(),
        "wrong-root.xml": '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        "unterminated.xml": good[: len(good) // 2],
        "bom-utf8.xml": b"\xef\xbb\xbf" + good.encode("utf-8"),
        "bom-utf16le.xml": "\ufeff".encode("utf-16-le")
        + good.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"),
        "bom-utf16be.xml": "\ufeff".encode("utf-16-be")
        + good.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
        "bom-utf8-declared-latin1.xml": b"\xef\xbb\xbf"
        + good.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8"),
        "bom-twice.xml": b"\xef\xbb\xbf\xef\xbb\xbf" + good.encode("utf-8"),
        "external-dtd-only.xml": _with_doctype(body, '<!DOCTYPE TEI SYSTEM "tei.dtd">'),
        "good.xml": good,
    }
    # A byte-order mark decides the encoding over a contrary declaration, as in libxml2.
    valid = {"bom-utf8.xml", "bom-utf16le.xml", "bom-utf16be.xml", "bom-utf8-declared-latin1.xml"}
    valid |= {"external-dtd-only.xml", "good.xml"}
    for name, content in forms.items():
        target = folder / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return {name: name in valid for name in forms}


@pytest.fixture
def hostile_folder(tmp_path: Path) -> tuple[Path, dict[str, bool]]:
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY leak "{SECRET}">', encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    return folder, _hostile(folder)


def test_json_report_names_every_file_with_its_status(
    hostile_folder: tuple[Path, dict[str, bool]],
) -> None:
    folder, expected = hostile_folder
    result = CliRunner().invoke(main, ["validate", str(folder), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    report = json.loads(result.stdout)
    verdicts = {Path(entry["path"]).name: entry["valid"] for entry in report["files"]}
    assert verdicts == expected
    for entry in report["files"]:
        if not entry["valid"]:
            assert entry["problems"], entry["path"]
    assert report["summary"]["files"] == len(expected)
    assert report["summary"]["valid"] == sum(expected.values())
    assert SECRET not in result.stdout


def test_text_report_names_every_invalid_file_and_counts_all(
    hostile_folder: tuple[Path, dict[str, bool]],
) -> None:
    folder, expected = hostile_folder
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1, result.output
    named = {Path(line.split(":", 1)[0]).name for line in result.stdout.splitlines()[:-1]}
    assert named == {name for name, valid in expected.items() if not valid}
    valid = sum(expected.values())
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith(
        f"{len(expected)} files, {valid} valid, {len(expected) - valid} invalid"
    )
    assert SECRET not in result.stdout


def test_a_tree_libxml2_cannot_check_gets_a_finding_instead_of_a_crash() -> None:
    # A tree built in code can hold what no parse of ours gives: an entity reference node.
    tree = parse_xml(GOOD.read_bytes())
    next(tree.getroot().iter(f"{{{TEI_NS}}}p")).append(etree.Entity("foo"))
    report = Validator.from_schemas(None).validate_tree(tree, "built.xml")
    assert not report.valid
    assert [d.code for d in report.diagnostics] == ["xsd"]
    assert "cannot check" in report.diagnostics[0].message
