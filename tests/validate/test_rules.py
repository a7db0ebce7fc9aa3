"""Each co-constraint of tei_plenum.sch fires on a document that breaks it, at the right line."""

from __future__ import annotations

import pytest

from tei_plenum.diagnostics import Severity
from tei_plenum.errors import TeiParseError
from tei_plenum.validate.validator import Validator
from tei_plenum.xmlsafe import parse_xml

from ..conftest import EXAMPLES

EXAMPLE = (EXAMPLES / "plenum-excerpt.tei.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator.from_schemas(None)


def _findings(validator: Validator, old: str, new: str) -> list[tuple[str, int | None]]:
    assert old in EXAMPLE
    tree = parse_xml(EXAMPLE.replace(old, new, 1).encode(), source="doc.xml")
    return [(d.code, d.location.line) for d in validator.iter_diagnostics(tree, "doc.xml")]


def test_the_example_has_no_findings(project: Validator) -> None:
    tree = parse_xml(EXAMPLE.encode(), source="doc.xml")
    assert list(project.iter_diagnostics(tree, "doc.xml")) == []


@pytest.mark.parametrize(
    ("old", "new", "rule", "line"),
    [
        (
            '<persName ref="#pers-kim-il-sung">KIM',
            '<persName ref="#pers-nobody">KIM',
            "tp-pointer-ref",
            258,
        ),
        ('resp="#resp-encoder">between', 'resp="#resp-editor">between', "tp-pointer-resp", 236),
        (
            '<item n="typist" corresp="#mk-typist">',
            '<item n="typist" corresp="#mk-typo">',
            "tp-pointer-corresp",
            87,
        ),
        ('<pb n="8"/>', '<pb n="7"/>', "tp-pb-sequence", 252),
        (
            'from="1956-06-01" to="1956-07-19"',
            'from="1956-07-20" to="1956-07-19"',
            "tp-date-order",
            236,
        ),
        (
            'when="1956-09-12">12 September 1956</date></fw>',
            'when="1956-9-12">12 September 1956</date></fw>',
            "tp-date-format",
            267,
        ),
        (
            '<item n="classification" corresp="#mk-classification">',
            '<item n="classification">',
            "tp-marking-recorded",
            224,
        ),
    ],
)
def test_rule_fires_at_the_offending_element(
    project: Validator, old: str, new: str, rule: str, line: int
) -> None:
    assert (rule, line) in _findings(project, old, new)


def test_duplicate_xml_id_is_an_error_at_the_second_use(project: Validator) -> None:
    duplicated = EXAMPLE.replace('<place xml:id="place-gdr">', '<place xml:id="place-ussr">', 1)
    with pytest.raises(TeiParseError) as caught:
        parse_xml(duplicated.encode(), source="doc.xml")
    assert caught.value.location.line == 172
    assert "place-ussr" in caught.value.message


def test_unreferenced_record_is_a_warning(project: Validator) -> None:
    tree = parse_xml(
        EXAMPLE.replace('<place xml:id="place-gdr">', '<place xml:id="place-nowhere">', 1)
        .replace('ref="#place-gdr"', 'ref="#place-ussr"')
        .encode(),
        source="doc.xml",
    )
    found = list(project.iter_diagnostics(tree, "doc.xml"))
    assert [(d.code, d.severity) for d in found] == [("tp-record-referenced", Severity.WARNING)]
    assert project.validate_tree(tree, "doc.xml").valid


def test_speaker_must_be_a_participant(project: Validator) -> None:
    text = (EXAMPLES / "conversation-sample.tei.xml").read_text(encoding="utf-8")
    broken = text.replace('<sp who="#pers-karelin">', '<sp who="#place-moscow">', 1)
    tree = parse_xml(broken.encode(), source="c.xml")
    codes = {d.code for d in project.iter_diagnostics(tree, "c.xml")}
    assert "tp-sp-who" in codes
