"""What the database keeps of one document, read from our TEI and from another tool's."""

from __future__ import annotations

from lxml import etree

from tei_plenum.authority import Authority
from tei_plenum.export.anchors import block_anchors
from tei_plenum.export.html import to_html
from tei_plenum.export.text import find_text, to_text
from tei_plenum.search.rows import date_range, document_rows, expand_date
from tei_plenum.xmlsafe import parse_xml, parse_xml_file
from tests.search.conftest import CONVERSATION, FOREIGN


def conversation():
    tree = parse_xml_file(CONVERSATION)
    return tree, document_rows(tree, name="conversation", authority=Authority.load())


def foreign():
    tree = parse_xml(FOREIGN.encode("utf-8"))
    return tree, document_rows(tree, name="foreign-letter", authority=Authority.load())


def test_document_facts_from_our_header() -> None:
    _tree, rows = conversation()
    doc = rows.document
    assert doc.title == "Record of Conversation with Kim Il Sung, 22 January 1958"
    assert (doc.date_text, doc.date_from, doc.date_to, doc.year) == (
        "22 January 1958",
        "1958-01-22",
        "1958-01-22",
        1958,
    )
    assert doc.genre == "record of conversation"
    assert (doc.issuer, doc.issuer_key) == ("A. M. PUZANOV", "pers-puzanov")
    # The level our headers state (its taxonomy category), beside the printed words.
    assert (doc.classification, doc.classification_text) == (
        "confidential",
        "STRICTLY CONFIDENTIAL",
    )
    assert doc.copy_number == "1"
    assert (doc.archive_country, doc.archive_settlement, doc.archive_collection) == (
        "Russia",
        "Moscow",
        "Fond 0102, Opis 14",
    )
    assert doc.archive_repository == "Archive of Foreign Policy of the Russian Federation"
    assert doc.archive_idno == "Delo 8, Listy 12-14"
    assert doc.url == "https://digitalarchive.example.org/document/conversation-puzanov-kim-1958"
    assert (doc.language, doc.language_note, doc.text_language) == (
        "ru",
        "Translation from Russian",
        "en",
    )
    assert doc.pages == 2
    assert doc.summary.startswith("Invented record: Puzanov and Kim Il Sung")
    assert ("number", "registration", "196") in rows.identifiers
    assert ("archive", "shelfmark", "Delo 8, Listy 12-14") in rows.identifiers


def test_paragraphs_are_the_text_view_with_the_html_anchors() -> None:
    tree, rows = conversation()
    plain = to_text(tree)
    assert rows.text + "\n" == plain
    words = [rows.text[p.char_start : p.char_end] for p in rows.paragraphs]
    assert "\n\n".join(words) == rows.text
    assert all(w.strip() == w != "" for w in words)
    assert [p.anchor for p in rows.paragraphs] == list(block_anchors([find_text(tree)]).values())
    ids = set(etree.HTML(to_html(tree)).xpath("//main//@id"))
    assert {p.anchor for p in rows.paragraphs} <= ids
    # The paragraph that runs from page 1 onto page 2 starts on page 1.
    steel = next(
        p for p in rows.paragraphs if "production of steel" in rows.text[p.char_start : p.char_end]
    )
    assert steel.page == "1"
    assert rows.paragraphs[-1].page == "2"


def test_mentions_point_into_the_plain_text() -> None:
    tree, rows = conversation()
    plain = to_text(tree)
    for mention in rows.mentions:
        assert plain[mention.char_start : mention.char_end] == mention.surface
    kenniho = next(m for m in rows.mentions if m.surface == "Kenniho")
    assert (kenniho.page, kenniho.certainty) == ("2", "low")
    entity = rows.entities[kenniho.entity]
    # Not in the authority: the document's own record, marked unresolved.
    assert (entity.key, entity.type, entity.unresolved, entity.shared) == (
        "place-kenniho",
        "place",
        1,
        False,
    )
    kim = rows.entities[next(m.entity for m in rows.mentions if m.surface == "KIM IL SUNG")]
    assert (kim.key, kim.name, kim.shared) == ("pers-kim-il-sung", "Kim Il Sung", True)
    # The Cabinet "of the DPRK" holds a second name: two mentions, the inner one inside.
    outer = next(m for m in rows.mentions if m.surface == "Cabinet of Ministers of the DPRK")
    inner = next(m for m in rows.mentions if m.paragraph == outer.paragraph and m is not outer)
    assert inner.surface == "DPRK"
    assert outer.char_start < inner.char_start < inner.char_end == outer.char_end


def test_dates_and_their_ranges() -> None:
    _tree, rows = conversation()
    dates = {d.surface: (d.date_from, d.date_to, d.certainty) for d in rows.dates}
    assert dates["no later than 1 February"] == (None, "1958-02-01", "high")
    assert dates["November 1957"] == ("1957-11-01", "1957-11-30", None)
    assert dates["between 10 and 25 May"] == ("1958-05-10", "1958-05-25", "high")
    assert dates["15.I.1958"] == ("1958-01-15", "1958-01-15", None)
    assert len(rows.dates) == 11  # the docDate, nine in the body, the date of printing


def test_turns_of_the_conversation() -> None:
    _tree, rows = conversation()
    assert [t.speaker_key for t in rows.turns] == [
        "pers-kim-il-sung", "pers-puzanov", "pers-kim-il-sung", "pers-puzanov",
        "pers-kim-il-sung", "pers-kim-il-sung", "pers-nam-il", "pers-puzanov",
        "pers-kim-il-sung",
    ]  # fmt: skip
    last = rows.turns[-1]
    # "Please give my greetings to Comrade N. S. Khrushchev." after the label.
    assert (last.label, last.words, last.page) == ("KIM IL SUNG:", 9, "2")
    assert rows.turns[1].label == "Comrade Puzanov:"
    assert rows.entities[rows.turns[0].entity].key == "pers-kim-il-sung"


def test_a_foreign_tei_file_gives_what_it_has() -> None:
    tree, rows = foreign()
    doc = rows.document
    assert doc.title == "Letter from a mill owner"
    assert (doc.date_from, doc.genre, doc.classification_text, doc.url) == (None,) * 4
    assert doc.pages == 1  # one page break in the text, no extent in the header
    assert [(p.anchor, p.page) for p in rows.paragraphs] == [
        ("p-1", None),
        ("p-2", None),
        ("closing", "7"),
    ]
    names = {m.surface: rows.entities[m.entity] for m in rows.mentions}
    assert set(names) == {"Mr Hartley", "Leeds", "J. Barker", "Weavers' Union"}
    assert (names["Mr Hartley"].key, names["Mr Hartley"].type) == (None, "person")
    assert (names["Leeds"].key, names["Leeds"].wikidata, names["Leeds"].shared) == (
        "https://www.wikidata.org/wiki/Q39121",
        "Q39121",
        True,
    )
    barker = names["J. Barker"]
    assert (barker.key, barker.name, barker.occupation, barker.shared) == (
        "jb",
        "John Barker",
        "mill owner",
        False,
    )
    assert (names["Weavers' Union"].key, names["Weavers' Union"].unresolved) == ("nowhere", 1)
    assert [(d.surface, d.date_from) for d in rows.dates] == [("2 March 1851", "1851-03-02")]
    assert rows.turns == ()
    plain = to_text(tree)
    for mention in rows.mentions:
        assert plain[mention.char_start : mention.char_end] == mention.surface


def test_a_classification_level_stated_by_ana_is_read() -> None:
    tei = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><classDecl>
      <taxonomy><category xml:id="cls-secret"><catDesc>secret</catDesc></category></taxonomy>
      </classDecl></encodingDesc></teiHeader><text><front>
      <fw type="classification" ana="#cls-secret">SECRET</fw></front><body><p>x</p></body>
      </text></TEI>"""
    rows = document_rows(parse_xml(tei.encode()), name="x")
    assert (rows.document.classification, rows.document.classification_text) == (
        "secret",
        "SECRET",
    )


def test_dates_expand_to_first_and_last_day() -> None:
    assert expand_date("1958") == "1958-01-01"
    assert expand_date("1958", end=True) == "1958-12-31"
    assert expand_date("1960-02", end=True) == "1960-02-29"
    assert expand_date("1958-02-03T10:00") == "1958-02-03"
    assert expand_date("1958-13") is None
    assert expand_date("1958-02-30") is None
    assert expand_date("soon") is None
    assert date_range({"notBefore": "1950"}) == ("1950-01-01", None)
