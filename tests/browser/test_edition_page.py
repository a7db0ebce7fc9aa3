"""The reading page's edition features in a real browser: the citation and its link, notes
and their back links, reported speakers, and nothing sideways on a phone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tei_plenum.export.html import to_html
from tei_plenum.xmlsafe import parse_xml
from tests.browser.conftest import SCREENSHOTS, LoadedPage, open_page
from tests.export.html.fixtures import ARCHIVE_URL, BODY, STANDOFF, record

pytestmark = pytest.mark.browser

LONG = "https://archive.example.org/" + "very-long-identifier-without-any-break-" * 6
TEXT = BODY.replace(
    "</body>",
    "<sp who='#pers-pak'><p>Pak said that the harvest was good"
    "<note>The harvest of 1956, as the record says elsewhere.</note>.</p></sp>"
    f"<p>See <ref target='{LONG}'>{LONG}</ref> and Q1234567890123456789012345678901234567.</p>"
    "</body>",
)


@pytest.fixture
def edition_page(browser_context, tmp_path: Path) -> Iterator[LoadedPage]:
    tree = parse_xml(record(body=TEXT, standoff=STANDOFF).encode("utf-8"))
    path = tmp_path / "record-4711.html"
    path.write_text(to_html(tree, source_name="record-4711.tei.xml"), encoding="utf-8")
    loaded = open_page(browser_context, "record", path)
    yield loaded
    loaded.page.close()  # type: ignore[attr-defined]


def test_citation_is_shown_and_its_link_opens_the_archive(edition_page: LoadedPage):
    page = edition_page.page
    note = page.locator(".cite-note")
    assert note.is_visible()
    assert note.inner_text().startswith("Embassy of the USSR in the DPRK, “Record of a Conver")
    # The archive answers here with a page of its own; nothing leaves the machine.
    page.route(ARCHIVE_URL, lambda route: route.fulfill(body="archive", content_type="text/plain"))
    note.locator("a").click()
    page.wait_for_url(ARCHIVE_URL)
    assert page.locator("body").inner_text() == "archive"
    assert edition_page.requests == [edition_page.url, ARCHIVE_URL]
    assert edition_page.console_errors == []


def test_linked_data_parses_and_names_the_persons(edition_page: LoadedPage):
    text = edition_page.page.locator("script[type='application/ld+json']").text_content()
    about = json.loads(text)["about"]
    assert [(a["@type"], a["name"]) for a in about] == [
        ("Event", "Korean War"),
        ("Person", "John Quincy Adams"),
        ("Person", "V. Ivanov"),
        ("Person", "Pak Tal-mun"),
        ("Person", "Zhou Enlai"),
        ("Place", "Beijing"),
        ("Place", "Kaesong"),
    ]
    assert edition_page.page.locator("meta[name='citation_title']").get_attribute("content") == (
        "Record of a Conversation with Comrade Pak Tal-mun"
    )


def test_notes_are_at_the_end_and_link_both_ways(edition_page: LoadedPage):
    page = edition_page.page
    reference = page.locator("main a.noteref")
    assert reference.inner_text() == "1"
    reference.click()
    assert page.evaluate("location.hash") == "#note-1"
    note = page.locator("#note-1")
    assert note.inner_text().startswith("The harvest of 1956")
    # The notes follow the text.
    assert page.evaluate(
        "document.querySelector('main').compareDocumentPosition("
        "document.getElementById('notes')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    note.locator("a.noteback").click()
    assert page.evaluate("location.hash") == f"#{reference.get_attribute('id')}"
    assert edition_page.requests == [edition_page.url]


def test_reported_turn_shows_its_speaker(edition_page: LoadedPage):
    turn = edition_page.page.locator(".tei-sp[data-speaker]")
    label = turn.evaluate("el => getComputedStyle(el, '::before').content")
    assert label == '"Pak Tal-mun"'


def test_index_has_one_link_per_page(edition_page: LoadedPage):
    pak = edition_page.page.locator(".index-person li").nth(2)
    assert pak.locator(".idx-name").inner_text() == "Pak Tal-mun"
    assert pak.locator("a.occ").all_inner_texts() == ["p. 1", "p. 2"]


@pytest.mark.parametrize(
    ("label", "width", "height"), [("desktop", 1100, 800), ("phone", 390, 844)]
)
def test_nothing_sticks_out_sideways(edition_page: LoadedPage, label, width, height):
    page = edition_page.page
    page.set_viewport_size({"width": width, "height": height})
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"record-{label}.png", full_page=True)
