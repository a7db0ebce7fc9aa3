"""Problems inside a well-formed file are reported at the column of the element's start tag."""

from __future__ import annotations

from pathlib import Path

from tei_plenum.validate import Validator

HEADER = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
    "</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
    "</fileDesc></teiHeader>\n"
)
BODY = (
    '<text><body><p>one</p>  <p>two <persName ref="#nowhere">X</persName></p><bogus/></body>'
    "</text></TEI>\n"
)


def test_columns_point_at_the_start_tags(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_text(HEADER + BODY, encoding="utf-8")
    report = Validator.from_schemas(None).validate_file(path)
    where = {d.code: (d.location.line, d.location.column) for d in report.diagnostics}
    assert where["tp-pointer-ref"] == (2, BODY.index("<persName") + 1)
    assert where["xsd"] == (2, BODY.index("<bogus") + 1)


def test_the_second_element_of_a_name_on_a_line_gets_its_own_column(tmp_path: Path) -> None:
    body = (
        '<text><body><p><persName ref="#a">A</persName> and '
        '<persName ref="#b">B</persName></p></body></text></TEI>\n'
    )
    path = tmp_path / "two.xml"
    path.write_text(HEADER + body, encoding="utf-8")
    report = Validator.from_schemas(None).validate_file(path)
    columns = sorted(d.location.column for d in report.diagnostics if d.code == "tp-pointer-ref")
    first = body.index("<persName") + 1
    assert columns == [first, body.index("<persName", first) + 1]
