"""The citation: one record of facts from the header, and its Chicago, CSL-JSON and BibTeX
forms. Expected values are written out from the Chicago Manual's pattern for an archival
document consulted online, not copied from the output."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from tei_plenum.docmeta import read_tei_header
from tei_plenum.export.citation import (
    bibtex,
    chicago_bibliography,
    chicago_date,
    chicago_note,
    cited,
    csl_json,
    names_joined,
    plain,
)
from tei_plenum.export.html import Edition
from tei_plenum.xmlsafe import parse_xml
from tests.export.html.fixtures import ARCHIVE_URL, HEADER, page, record

NOTE = (
    "Embassy of the USSR in the DPRK, “Record of a Conversation with Comrade Pak Tal-mun,” "
    "March 4, 1957, fond 0102, opis 13, delo 5, Archive of Foreign Policy, Moscow, Russia, "
    f"trans. Ann Example and Bo Sample, Example Digital Archive, {ARCHIVE_URL}."
)
ENTRY = (
    "Embassy of the USSR in the DPRK. “Record of a Conversation with Comrade Pak Tal-mun.” "
    "March 4, 1957. Fond 0102, opis 13, delo 5. Archive of Foreign Policy. Moscow, Russia. "
    f"Translated by Ann Example and Bo Sample. Example Digital Archive. {ARCHIVE_URL}."
)


def item(header: str = HEADER, **kwargs):
    meta = read_tei_header(parse_xml(record(header=header).encode()).getroot())
    title = meta.title.main
    return cited(meta, key="rec 4711", title=title, source_url=ARCHIVE_URL, **kwargs)


def test_chicago_note_and_bibliography_entry():
    assert plain(chicago_note(item())) == NOTE
    assert plain(chicago_bibliography(item())) == ENTRY
    links = [p for p in chicago_note(item()) if p.url]
    assert [(p.text, p.url) for p in links] == [(ARCHIVE_URL, ARCHIVE_URL)]


def test_the_edition_and_the_pages_own_address_follow_the_archive():
    edition = Edition(title="Korea Files", editors=("A. Editor",), publisher="Example Press")
    found = item(edition=edition, url="https://ed.example.org/docs/rec.html")
    assert plain(chicago_note(found)).endswith(
        f"Example Digital Archive, {ARCHIVE_URL}, in Korea Files, ed. A. Editor "
        "(Example Press), https://ed.example.org/docs/rec.html."
    )
    parts = chicago_bibliography(found)
    assert [p.text for p in parts if p.italic] == ["Korea Files"]
    assert plain(parts).endswith(
        "In Korea Files, edited by A. Editor. Example Press. https://ed.example.org/docs/rec.html."
    )


def test_missing_facts_are_left_out_not_invented():
    bare = "<teiHeader><fileDesc><titleStmt><title>Why?</title></titleStmt></fileDesc></teiHeader>"
    found = cited(read_tei_header(parse_xml(record(header=bare).encode()).getroot()), key="k",
                  title="Why?")  # fmt: skip
    # The title's own question mark ends it: no comma or period is added inside the quotes.
    assert plain(chicago_note(found)) == "“Why?”"
    assert json.loads(csl_json(found)) == [
        {"id": "k", "type": "manuscript", "title": "Why?", "language": "en"}
    ]


def test_unknown_translator_and_the_publisher_as_translator_are_not_credited():
    header = HEADER.replace("<persName>Ann Example</persName><persName>Bo Sample</persName>",
                            "<persName>Unknown translator</persName>"
                            "<orgName>Example Digital Archive</orgName>")  # fmt: skip
    assert "trans." not in plain(chicago_note(item(header)))


@pytest.mark.parametrize(
    ("attrs", "words"),
    [
        ('when="1956-08-30"', "August 30, 1956"),
        ('from="1956-08-30" to="1956-08-31"', "August 30–31, 1956"),
        ('from="1956-08-30" to="1956-09-02"', "August 30–September 2, 1956"),
        ('when="1956-08"', "August 1956"),
        ('notBefore="1956-11" notAfter="1957-01"', "November 1956–January 1957"),
        ('when="1956-02-30"', "on the day"),  # not a date: the words as printed
        ("", "on the day"),
    ],
)
def test_dates_as_chicago_writes_them(attrs, words):
    header = HEADER.replace('<date when="1957-03-04">4 March 1957</date>',
                            f"<date {attrs}>on the day</date>")  # fmt: skip
    assert chicago_date(item(header)) == words


def test_csl_json_and_bibtex_carry_the_same_facts():
    data = json.loads(csl_json(item()))
    assert data == [
        {
            "id": "rec-4711",
            "type": "manuscript",
            "title": "Record of a Conversation with Comrade Pak Tal-mun",
            "author": [{"literal": "Embassy of the USSR in the DPRK"}],
            "translator": [{"literal": "Ann Example"}, {"literal": "Bo Sample"}],
            "issued": {"date-parts": [[1957, 3, 4]]},
            "genre": "record of conversation",
            "archive": "Archive of Foreign Policy",
            "archive-place": "Moscow, Russia",
            "archive_location": "fond 0102, opis 13, delo 5",
            "source": "Example Digital Archive",
            "language": "en",
            "URL": ARCHIVE_URL,
        }
    ]
    entry = bibtex(item())
    assert entry.startswith("@misc{rec-4711,\n")
    assert "  author = {{Embassy of the USSR in the DPRK}},\n" in entry
    assert "  date = {1957-03-04},\n" in entry
    assert "  translator = {{Ann Example} and {Bo Sample}},\n" in entry
    assert f"  url = {{{ARCHIVE_URL}}},\n" in entry
    assert entry.endswith("  langid = {english}\n}\n")


def test_bibtex_escapes_what_tex_reads_as_commands():
    header = HEADER.replace("Comrade Pak Tal-mun</title>", "50% of {Plan} #3 &amp; co_op</title>")
    assert r"title = {Record of a Conversation with 50\% of \{Plan\} \#3 \& co\_op}" in bibtex(
        item(header)
    )


def test_names_joined():
    assert [names_joined(n) for n in (["A"], ["A", "B"], ["A", "B", "C"])] == [
        "A",
        "A and B",
        "A, B, and C",
    ]


def test_the_page_shows_every_form_and_links_the_archive():
    doc = page()
    section = doc.get_element_by_id("cite")
    assert section.find_class("cite-note")[0].text_content() == NOTE
    assert section.find_class("cite-bibliography")[0].text_content() == ENTRY
    assert section.find_class("cite-plain")[0].text_content() == NOTE
    assert [a.get("href") for a in section.find_class("cite-note")[0].iter("a")] == [ARCHIVE_URL]
    downloads = {a.text_content(): a for a in section.find_class("cite-downloads")[0].iter("a")}
    assert downloads["CSL-JSON"].get("download") == "record-4711.json"
    assert downloads["BibTeX"].get("download") == "record-4711.bib"
    csl = downloads["CSL-JSON"].get("href")
    assert csl.startswith("data:application/vnd.citationstyles.csl+json;charset=utf-8,")
    assert json.loads(unquote(csl.split(",", 1)[1]))[0]["id"] == "record-4711"
    assert (
        unquote(downloads["BibTeX"].get("href")).split(",", 1)[1].startswith("@misc{record-4711,")
    )
    # The old form's working labels are gone.
    assert "source file" not in section.text_content()
    assert "Translation - English" not in section.text_content()
