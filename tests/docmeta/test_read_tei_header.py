"""Reading the fact sheet back from TEI: our own headers round-trip, foreign ones are read for
what they state."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tei_plenum.docmeta import (
    DocumentMeta,
    Identifier,
    Marking,
    Name,
    Phrase,
    Title,
    TitleSource,
    read_tei_header,
)
from tei_plenum.enrich.catalogue import catalogue
from tei_plenum.metadata import Sidecar, load_sidecar, sidecar_for
from tei_plenum.pipeline import convert_file
from tei_plenum.xmlsafe import parse_xml
from tests.conftest import FIXTURES, SAMPLE

SOURCES = [*sorted((FIXTURES / "documents").glob("*.txt")), SAMPLE]


def _as_stated(meta: DocumentMeta) -> DocumentMeta:
    """The fact sheet less the working titles a header states only inside composed strings
    (``msName``, ``msItem/title``): the printed title, subtitle and title from the text."""
    return replace(meta, title=replace(meta.title, printed="", subtitle="", from_text=""))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_our_header_reads_back_as_the_fact_sheet_it_was_written_from(source: Path) -> None:
    conversion = convert_file(source)
    sidecar_path = sidecar_for(source)
    sidecar = load_sidecar(sidecar_path) if sidecar_path else Sidecar()
    written = catalogue(conversion.document, sidecar)
    assert read_tei_header(conversion.tree.getroot()) == _as_stated(written)


def test_the_round_trip_covers_sidecar_markings_and_people() -> None:
    """The fixtures above exercise what the round trip is meant to cover."""
    source = FIXTURES / "documents" / "record-of-conversation-puzanov-kim-1958.txt"
    meta = read_tei_header(convert_file(source).tree.getroot())
    assert meta.title.source is TitleSource.SIDECAR
    assert meta.provenance is not None
    assert "translator_en" in meta.provenance.keys
    assert meta.archive.repository
    assert meta.archive.idnos
    assert meta.numbers
    assert meta.print_date is not None
    assert meta.participants.people
    assert meta.languages.original == "ru"
    assert meta.physical.signatures


FOREIGN = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Letter to the <hi>Editor</hi></title>
        <author>Jane  Doe</author>
        <respStmt><resp>transcribed by</resp><name>R. Roe</name><name>S. Poe</name></respStmt>
      </titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc>
        <msDesc>
          <msIdentifier>
            <settlement>Vienna</settlement>
            <repository>City Archive</repository>
            <idno>Box 4</idno>
            <altIdentifier><idno type="old">B-17</idno></altIdentifier>
          </msIdentifier>
          <msContents><textLang mainLang="de"/></msContents>
        </msDesc>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc><listPerson><person><persName>Jane Doe</persName></person></listPerson>
      </particDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <front>
      <fw type="header">Running head</fw>
      <fw type="stamp">Received <num value="4">4</num> May</fw>
      <docTitle><titlePart>LETTER</titlePart></docTitle>
      <docDate when="1901-05-02">2 May 1901</docDate>
    </front>
    <body><p>Dear Sir,</p></body>
  </text>
</TEI>
"""


def test_a_foreign_header_is_read_for_what_it_states() -> None:
    meta = read_tei_header(parse_xml(FOREIGN).getroot())
    # An untyped title is the main title; a printed titlePart makes it a printed one.
    assert meta.title == Title("Letter to the Editor", TitleSource.PRINTED)
    assert meta.issuer == Name("Jane Doe")
    (resp,) = meta.responsibilities
    assert (resp.id, resp.resp, [n.text for n in resp.names]) == (
        "",
        "transcribed by",
        ["R. Roe", "S. Poe"],
    )
    assert (meta.archive.settlement, meta.archive.repository) == ("Vienna", "City Archive")
    assert meta.archive.idnos == (Identifier("", "Box 4"),)
    assert meta.numbers == (Identifier("old", "B-17"),)
    # textLang describes the manuscript: its language is the one msDesc describes.
    assert (meta.languages.manuscript, meta.languages.original, meta.languages.note) == (
        "de",
        "",
        "",
    )
    # No creation date in the header: the text's docDate.
    assert meta.date == Phrase("2 May 1901", (("when", "1901-05-02"),))
    # The running head is page furniture; other fw are the document's markings.
    assert meta.markings == (Marking("", "stamp", "Received 4 May"),)
    assert [p.name for p in meta.participants.people] == ["Jane Doe"]
    # What the header does not state stays empty.
    assert (meta.genre, meta.summary, meta.source.publisher, meta.provenance) == ("", "", "", None)


def test_older_tei_without_a_namespace_and_without_a_header() -> None:
    old = parse_xml(
        b"<TEI.2><teiHeader><fileDesc><titleStmt><title type='main'>Old</title>"
        b"</titleStmt></fileDesc></teiHeader><text><body><p>x</p></body></text></TEI.2>"
    )
    assert read_tei_header(old.getroot()).title.main == "Old"
    bare = parse_xml(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p/></body></text></TEI>'
    )
    meta = read_tei_header(bare.getroot())
    assert meta == DocumentMeta(title=Title("", TitleSource.CONSTRUCTED))


def test_a_marking_only_the_header_lists_is_read_from_the_header() -> None:
    tei = parse_xml(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc><msDesc>'
        b"<msIdentifier/><physDesc><additions><list><item n='copyNumber'>Copy number: "
        b"<num value='2'>2</num></item></list></additions></physDesc></msDesc></sourceDesc>"
        b"</fileDesc></teiHeader><text><body><p/></body></text></TEI>"
    )
    (marking,) = read_tei_header(tei.getroot()).markings
    assert marking == Marking("", "copyNumber", "Copy number: 2", Phrase("2", (("value", "2"),)))


def test_a_classification_level_is_read_through_its_category() -> None:
    tei = parse_xml(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><classDecl>'
        b'<taxonomy><category xml:id="lvl-2"><catDesc>geheim</catDesc></category></taxonomy>'
        b"</classDecl></encodingDesc></teiHeader><text><front>"
        b'<fw type="classification" ana="#lvl-2">Geheim!</fw>'
        b'<fw type="classification" ana="#cls-top-secret">Strictly secret</fw>'
        b'<fw type="classification" ana="#elsewhere">Classified</fw>'
        b"</front><body><p/></body></text></TEI>"
    )
    meta = read_tei_header(tei.getroot())
    # Another project's category by its description; ours by its key, even without the
    # taxonomy; a pointer to no category states no level.
    assert [(m.text, m.level) for m in meta.markings] == [
        ("Geheim!", "geheim"),
        ("Strictly secret", "top secret"),
        ("Classified", ""),
    ]
    assert meta.classification == meta.markings[0]


def test_our_classification_level_round_trips() -> None:
    meta = read_tei_header(convert_file(SAMPLE).tree.getroot())
    assert meta.classification is not None
    assert (meta.classification.text, meta.classification.level) == ("SECRET", "secret")
