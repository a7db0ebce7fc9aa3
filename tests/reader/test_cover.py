"""cover: the archive's catalogue furniture above a document, in both forms it takes."""

from __future__ import annotations

import pytest
from lxml import etree

from tei_plenum.pipeline import convert_text
from tei_plenum.reader.cover import PDF_EXPORT, WEB_PAGE, find_cover
from tei_plenum.reader.patterns import cover as cp

CITATION = (
    "Citation: “Record of Conversation with Ambassador Puzanov,” March 03, 1958, History and "
    "Public Policy Program Digital Archive, AVPRF, f. 0102, op. 14, d. 8, ll. 12-15. Translated "
    "by Anna Petrova. https://digitalarchive.example.org/document/900001"
)
FLATTENED = (
    "International History Declassified Digital Archive "
    "March 03, 1958 Record of Conversation with Ambassador Puzanov "
    + CITATION
    + " Summary: Puzanov and Kim Il discuss the harvest. Credits: Made possible by a "
    "grant of the Example Foundation. Original Language: Korean Contents: "
    "English Translation Original Scan TOP SECRET RECORD OF CONVERSATION The text."
)


def fields(text: str) -> list[tuple[str, str]]:
    cover = find_cover(text)
    assert cover is not None
    return [(f.name, text[f.start : f.end]) for f in cover.fields]


def test_a_flattened_export_cover_is_cut_into_its_fields():
    cover = find_cover(FLATTENED)
    assert cover is not None
    assert (cover.form, cover.flattened) == (PDF_EXPORT, True)
    assert fields(FLATTENED) == [
        ("banner", "International History Declassified Digital Archive"),
        ("date", "March 03, 1958"),
        ("title", "Record of Conversation with Ambassador Puzanov"),
        ("citation", CITATION),
        ("summary", "Summary: Puzanov and Kim Il discuss the harvest."),
        ("credits", "Credits: Made possible by a grant of the Example Foundation."),
        ("originalLanguage", "Original Language: Korean"),
        ("contents", "Contents: English Translation Original Scan"),
    ]  # fmt: skip
    assert FLATTENED[cover.end :].lstrip().startswith("TOP SECRET")


def test_an_export_cover_with_a_block_per_line_is_not_flattened():
    text = (
        "digitalarchive.wilsoncenter.org Digital Archive\n"
        "May 5, 1961 Letter, Kim Il to Pak Chang-ok\n"
        "Citation:\n“Letter, Kim Il to Pak Chang-ok,” May 5, 1961, History and Public Policy "
        "Program Digital Archive, PRC FMA 106-00012-03. https://example.org/document/7\n"
        "Original Language:\nKorean\n"
        "Contents:\nEnglish Translation Dear Comrade Pak,\n"
        "The delegation arrived.\n"
    )
    cover = find_cover(text)
    assert cover is not None
    assert not cover.flattened
    assert [name for name, _ in fields(text)] == [
        "banner", "date", "title", "citation", "originalLanguage", "contents"
    ]  # fmt: skip
    assert text[cover.end :].startswith(" Dear Comrade Pak,\n")


def test_the_original_language_ends_the_cover_when_no_contents_follow():
    text = (
        "Digital Archive International History Declassified 1956 Note on the Harvest "
        "Citation: “Note on the Harvest,” 1956, History and Public Policy Program Digital "
        "Archive. Original Language: Hungarian The harvest was poor."
    )
    assert fields(text)[-1] == ("originalLanguage", "Original Language: Hungarian")
    assert fields(text)[1] == ("date", "1956")


def test_a_banner_without_a_citation_is_no_cover():
    assert find_cover("Digital Archive International History Declassified\nThe text.") is None


def test_a_web_copy_starts_with_the_page_date_and_title_lines():
    text = "June 2, 1958\nLetter from Kim Il to the Soviet Embassy\nDear Comrades,\nThe text.\n"
    cover = find_cover(text)
    assert cover is not None
    assert cover.form == WEB_PAGE
    assert fields(text) == [
        ("date", "June 2, 1958"),
        ("title", "Letter from Kim Il to the Soviet Embassy"),
    ]
    assert text[cover.end :].startswith("Dear Comrades,")


def test_a_page_title_that_only_names_a_kind_of_document_is_the_title():
    text = "September 21, 1983\nSoviet-Ghanaian Talks (Conclusion)\nSecret\nThe talks.\n"
    assert fields(text) == [
        ("date", "September 21, 1983"),
        ("title", "Soviet-Ghanaian Talks (Conclusion)"),
    ]


def test_a_page_title_naming_a_body_and_its_meeting_is_the_title():
    """A body's name makes a letterhead only when no kind of document is named with it."""
    text = "March 3, 1977\nSummary of a CC MPRP Meeting\n(Top Secret)\nThe report.\n"
    assert fields(text) == [
        ("date", "March 3, 1977"),
        ("title", "Summary of a CC MPRP Meeting"),
    ]


def test_a_page_title_routing_a_message_between_two_bodies_is_the_title():
    title = "Ruritanian Foreign Ministry, Strelsau, to Ruritanian Embassy, Zenda"
    text = f"June 2, 1962\n{title}\nThe ambassador reported the following:\n"
    assert fields(text) == [("date", "June 2, 1962"), ("title", title)]


def test_page_furniture_above_the_date_line_is_part_of_the_cover():
    text = "Skip to content\n\nJune 2, 1958\nTelegram, Pak to Kim\nTop Secret\n"
    assert fields(text) == [
        ("furniture", "Skip to content"),
        ("date", "June 2, 1958"),
        ("title", "Telegram, Pak to Kim"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Top Secret",
        "SED Central Committee",
        "Central Committee of the Korean Workers' Party",
        "To: Comrade Kim",
        "12 June 1958",
    ],
)
def test_a_line_under_the_page_date_that_is_no_archive_title_stays_the_documents(second: str):
    text = f"June 2, 1958\n{second}\nThe text.\n"
    assert fields(text) == [("date", "June 2, 1958")]


def test_a_document_opening_with_its_own_date_has_no_page_lines():
    assert find_cover("2 June 1958\nLetter to Kim\nThe text.\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cable, Tolvanov to Cde. Bakran", True),
        ("Sino-Soviet Trade, 1981", True),
        ("Report on the Harvest of 1958", True),
        ("SED Central Committee", False),
        ("TOP SECRET", False),
        ("[stamp]", False),
        ("Participants:", False),
        ("The delegation arrived in the capital. It met Kim Il at the ministry.", False),
        ("Politburo Resolution requesting troops be stationed to defend against attack.", True),
    ],
)
def test_reads_like_archive_title(text: str, expected: bool):
    assert cp.reads_like_archive_title(text) is expected


def test_page_date_lines_are_the_archives_month_first_dates():
    assert cp.is_page_date_line("October 12, 1950")
    assert cp.is_page_date_line("May 1950")
    assert cp.is_page_date_line("c. 1950")
    assert not cp.is_page_date_line("12 October 1950")
    assert not cp.is_page_date_line("October 12, 1950, Moscow")


def test_label_and_address_of_a_cover_block():
    assert cp.label_end("Original Language: Korean") == len("Original Language:")
    assert cp.label_end("Korean") is None
    text = "Citation: “A,” 1958, Archive. https://example.org/document/7."
    start, end = cp.url_span(text)
    assert text[start:end] == "https://example.org/document/7"


def test_the_list_of_contents_ends_before_a_docket_line_of_the_document():
    text = "Contents: English Translation Translation from Korean SECRET"
    assert text[: cp.contents_end(text, len("Contents:"))] == "Contents: English Translation"


def test_a_cover_title_reading_as_two_markings_stays_one_field() -> None:
    # A catalogue title that reads as two docket markings is still the archive's one title:
    # split, its two halves both carried the title's id, and the TEI was not well formed.
    text = (
        "Digital Archive International History Declassified Strictly Secret Copy No. 3 "
        "Citation: “Strictly Secret Copy No. 3,” History and Public Policy Program Digital "
        "Archive, Example Archive. https://digitalarchive.example.org/document/900002 "
        "Original Language: Russian Contents: English Translation The committee met."
    )
    tree = etree.fromstring(convert_text(text).tei)
    titles = tree.xpath("//*[@xml:id='archive-title']")
    assert [" ".join("".join(t.itertext()).split()) for t in titles] == [
        "Strictly Secret Copy No. 3"
    ]
