"""The hardened parser: what it refuses, and where it says the problem is."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.errors import TeiParseError
from tei_plenum.xmlsafe import parse_xml

TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p>"
    "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
)


def _document(doctype: str, body: str) -> str:
    text = f"<text><body>{body}</body></text>"
    return f'<?xml version="1.0"?>\n{doctype}\n{TEI_OPEN}{HEADER}\n{text}</TEI>\n'


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE TEI SYSTEM "tei.dtd">',
        '<!DOCTYPE TEI PUBLIC "-//Example//DTD TEI//EN" "http://example.org/tei.dtd">',
        '<!DOCTYPE TEI SYSTEM "tei.dtd" [<!ELEMENT p ANY>]>',
    ],
)
def test_an_entity_reference_no_dtd_resolves_is_refused_with_its_position(doctype: str) -> None:
    # libxml2 leaves "&foo;" unexpanded when a DTD it never loads might declare it; every view
    # would then drop it silently.
    data = _document(doctype, "<p>a &amp; b &foo; c</p>")
    with pytest.raises(TeiParseError) as caught:
        parse_xml(data.encode(), source="doc.xml")
    line = data.splitlines()[3]
    assert caught.value.location is not None
    assert (caught.value.location.line, caught.value.location.column) == (
        4,
        line.index("&foo;") + 1,
    )
    assert "&foo;" in caught.value.message
    assert str(caught.value).startswith(f"doc.xml:4:{line.index('&foo;') + 1}: ")


def test_a_reference_in_an_attribute_is_refused_too() -> None:
    # There libxml2 drops the reference from the value: "x  y" instead of "x &foo; y".
    data = _document('<!DOCTYPE TEI SYSTEM "tei.dtd">', '<p rend="x &foo; y">a</p>')
    with pytest.raises(TeiParseError, match="&foo;"):
        parse_xml(data.encode())


def test_character_and_predefined_references_still_parse() -> None:
    data = _document('<!DOCTYPE TEI SYSTEM "tei.dtd">', "<p>&lt;&amp;&#233;&#x20AC;</p>")
    tree = parse_xml(data.encode())
    assert tree.getroot()[1][0][0].text == "<&é€"


@pytest.mark.parametrize(
    "command", [["export", "--to", "text"], ["export", "--to", "html"], ["entities"]]
)
def test_read_only_views_refuse_instead_of_dropping_the_reference(
    command: list[str], tmp_path: Path
) -> None:
    source = tmp_path / "doc.xml"
    source.write_text(
        _document(
            '<!DOCTYPE TEI SYSTEM "tei.dtd">', '<p>a &foo; b <persName ref="#x">X</persName></p>'
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        [
            command[0],
            str(source),
            *command[1:],
            *(["-o", str(out)] if command[0] == "export" else []),
        ],
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"tei-plenum: error: {source}:4:")
    assert "&foo;" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()
    assert result.stdout == ""
