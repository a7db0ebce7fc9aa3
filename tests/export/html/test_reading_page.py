"""The reading page as a reader and a machine see it: meta tags, linked data, the index of
names, roles and languages in words, workflow marks only for review, and TEI from other
sources (notes, choices, deletions, line breaks, facsimiles)."""

from __future__ import annotations

import json

import pytest

from tei_plenum.export.html import Facsimile, HtmlOptions
from tei_plenum.languages import display_name
from tests.export.html.fixtures import ARCHIVE_URL, page, record
from tests.export.test_html import reading_tokens


def tags(doc) -> list[tuple[str, str]]:
    return [(m.get("name"), m.get("content")) for m in doc.iter("meta") if m.get("name")]


def test_highwire_and_dublin_core_tags():
    found = tags(page())
    assert ("citation_title", "Record of a Conversation with Comrade Pak Tal-mun") in found
    assert ("citation_author", "Embassy of the USSR in the DPRK") in found
    assert ("citation_date", "1957/03/04") in found
    assert ("citation_publisher", "Example Digital Archive") in found
    assert ("DC.date", "1957-03-04") in found
    assert ("DC.identifier", ARCHIVE_URL) in found
    assert [c for n, c in found if n == "DC.contributor"] == ["Ann Example", "Bo Sample"]
    assert (
        "DC.source",
        "fond 0102, opis 13, delo 5, Archive of Foreign Policy, Moscow, Russia",
    ) in found


def test_json_ld_names_the_people_and_places_with_their_wikidata_ids():
    doc = page()
    blocks = list(doc.iter("script"))
    assert [s.get("type") for s in blocks] == ["application/ld+json"]
    data = json.loads(blocks[0].text)
    assert data["@type"] == ["ArchiveComponent", "CreativeWork"]
    assert data["dateCreated"] == "1957-03-04"
    assert data["sameAs"] == ARCHIVE_URL
    about = {(a["@type"], a["name"]): a.get("sameAs") for a in data["about"]}
    assert about == {
        ("Person", "John Quincy Adams"): None,
        ("Person", "V. Ivanov"): None,
        ("Person", "Pak Tal-mun"): "https://www.wikidata.org/wiki/Q100001",
        ("Person", "Zhou Enlai"): "https://www.wikidata.org/wiki/Q16977",
        ("Place", "Beijing"): "https://www.wikidata.org/wiki/Q956",
        ("Place", "Kaesong"): None,
        ("Event", "Korean War"): None,
    }


def test_json_ld_cannot_close_its_block():
    xml = record().replace("Comrade Pak Tal-mun</title>", "&lt;/script&gt;&lt;!--</title>")
    block = page(xml).find(".//script")
    assert "</" not in block.text
    assert "<!--" not in block.text
    assert json.loads(block.text)["name"] == "Record of a Conversation with </script><!--"


def test_index_has_one_link_per_page_sorted_by_surname():
    index = page().get_element_by_id("index")
    people = [
        li.find_class("idx-name")[0].text_content() for li in index.find_class("index-person")[0]
    ]
    # Adams by his sort key, Ivanov by surname, Pak and Zhou family name first as written.
    assert people == ["John Quincy Adams", "V. Ivanov", "Pak Tal-mun", "Zhou Enlai"]
    pak = index.find_class("index-person")[0][2]
    occurrences = pak.find_class("occ")
    # Four mentions on two pages: one link per page, to the first mention on each.
    assert [a.text_content() for a in occurrences] == ["p. 1", "p. 2"]
    assert [a.get("aria-label") for a in occurrences] == [
        "Pak Tal-mun, on page 1, 2 mentions",
        "Pak Tal-mun, on page 2, 2 mentions",
    ]
    doc = page()
    first = doc.get_element_by_id(occurrences[0].get("href")[1:])
    assert first.text_content() == "Pak Tal-mun"
    assert [h.text_content() for h in index.iter("h3")] == ["People", "Places", "Events"]


def test_roles_and_languages_in_words():
    panel = page().find_class("about")[0]
    rows = dict(zip([dt.text_content() for dt in panel.iter("dt")],
                    [dd.text_content() for dd in panel.iter("dd")], strict=True))  # fmt: skip
    assert rows["Participants"] == (
        "V. Ivanov (author of the record)Pak Tal-mun (interlocutor)Li Sam-ho (interpreter)"
    )
    assert rows["Source language"] == "Korean"


@pytest.mark.parametrize(
    ("tag", "name"),
    [("ko", "Korean"), ("zh", "Chinese"), ("ru", "Russian"), ("xx-unknown", "xx-unknown")],
)
def test_language_names(tag, name):
    assert display_name(tag) == name


def test_workflow_marks_only_for_review():
    header_subtitle = "<title type='sub'>TEI encoding of the English translation</title>"
    xml = record().replace("</title>\n<author>", f"</title>{header_subtitle}\n<author>")
    assert not page(xml).find_class("subtitle")
    assert page(xml, HtmlOptions(review=True)).find_class("subtitle")


def test_notes_go_to_the_end_numbered_with_links_both_ways():
    body = (
        "<body><p>First<note>A note with <persName>Nam</persName>.</note> and second"
        "<note>Outer <note>inner</note> end.</note> words.</p></body>"
    )
    assert reading_tokens(page(record(body=body))) == ["First", "and", "second", "words."]
    doc = page(record(body=body))
    assert [r.text_content() for r in doc.find(".//main").find_class("noteref")] == ["1", "2"]
    # The third is in the second note, and numbered after it.
    refs = doc.find_class("noteref")
    assert [r.text_content() for r in refs] == ["1", "2", "3"]
    notes = doc.get_element_by_id("notes")
    items = notes.find(".//ol").findall("li")
    assert [li.find_class("note-body")[0].text_content().split() for li in items] == [
        ["A", "note", "with", "Nam."],
        ["Outer", "3", "end."],
        ["inner"],
    ]
    for ref, item in zip(refs, items, strict=True):
        assert ref.get("href") == f"#{item.get('id')}"
        assert item.find_class("noteback")[0].get("href") == f"#{ref.get('id')}"
    # A name in a note is indexed like any other.
    assert doc.get_element_by_id("index").text_content().count("Nam") == 1


def test_choice_shows_one_reading_and_keeps_the_other_in_its_title():
    body = (
        "<body><p><choice><sic>teh</sic><corr>the</corr></choice> "
        "<choice><abbr>CC</abbr><expan>Central Committee</expan></choice> "
        "<choice><orig>shew</orig><reg>show</reg></choice></p></body>"
    )
    doc = page(record(body=body))
    assert reading_tokens(doc) == ["the", "Central", "Committee", "show"]
    titles = [c.get("title") for c in doc.find_class("tei-choice")]
    assert titles == ["as written: teh", "abbreviated: CC", "original spelling: shew"]


def test_deletions_additions_and_line_breaks():
    body = "<body><p>Dear <del>Sir</del><add>Comrade</add>,<lb/>yours</p></body>"
    main = page(record(body=body)).find(".//main")
    assert main.find(".//del").text_content() == "Sir"
    assert main.find(".//ins").text_content() == "Comrade"
    assert main.find(".//br") is not None


def test_page_markers_stand_apart_from_the_next_word():
    body = "<body><p>end of one<pb n='2'/>the next</p><p>x<pb n='3'/> y</p></body>"
    main = page(record(body=body)).find(".//main")
    assert [m.text for m in main.find_class("pb")] == [" [p. 2] ", " [p. 3]"]
    assert main.text_content().split() == ["end", "of", "one", "[p.", "2]", "the", "next", "x",
                                           "[p.", "3]", "y"]  # fmt: skip


def test_page_markers_switch_starts_as_asked():
    assert page().get_element_by_id("show-pages").get("checked") is not None
    off = page(options=HtmlOptions(page_markers=False))
    assert off.get_element_by_id("show-pages").get("checked") is None


def test_reported_turns_name_their_speaker():
    standoff = "<standOff><listPerson><person xml:id='p-k'><persName>Kim</persName></person>" \
               "</listPerson></standOff>"  # fmt: skip
    body = "<body><sp who='#p-k'><p>He said he agreed.</p></sp></body>"
    turn = page(record(body=body, standoff=standoff)).find_class("tei-sp")[0]
    assert turn.get("data-speaker") == "Kim"
    assert turn.text_content().split() == ["He", "said", "he", "agreed."]


def test_page_markers_link_to_their_images():
    body = (
        "<body><pb n='1' facs='https://img.example.org/p1.jpg'/><p>a</p><pb n='2'/><p>b</p>"
        "<pb n='3' facs='javascript:x'/><p>c</p></body>"
    )
    options = HtmlOptions(facsimile=Facsimile(template="https://iiif.example.org/{page}.jpg"))
    markers = page(record(body=body), options).find(".//main").find_class("pb")
    assert [(m.tag, m.get("href")) for m in markers] == [
        ("a", "https://img.example.org/p1.jpg"),
        ("a", "https://iiif.example.org/2.jpg"),
        ("a", "https://iiif.example.org/3.jpg"),
    ]
    pdf = Facsimile(pdf="https://files.example.org/doc.pdf", offset=1)
    assert pdf.url("2", 2) == "https://files.example.org/doc.pdf#page=3"
    assert [m.tag for m in page(record(body=body)).find(".//main").find_class("pb")] == [
        "a",
        "span",
        "span",
    ]


def test_user_stylesheet_is_appended():
    style = page(options=HtmlOptions(css="main { color: teal; }")).find(".//style").text
    assert style.rstrip().endswith("main { color: teal; }")


def test_other_language_tags_are_named_by_langcodes():
    pytest.importorskip("langcodes")
    assert display_name("ko-Latn") == "Korean (Latin)"
    assert display_name("sr-Cyrl") == "Serbian (Cyrillic)"
