"""Which date a whole document gets in its header, when the text prints several: the archive's
page line, a date line, a title's day, an enclosed letter's dateline. Every source is
invented in the archive's web-page form (its date line, its title line, then the text)."""

from __future__ import annotations

from lxml import etree

from tei_plenum.pipeline import convert_text
from tests.converter.conftest import xp


def _tei(*lines: str) -> etree._ElementTree:
    return convert_text("\n".join(lines) + "\n", source_name="invented.txt").tree


def _created(tree: etree._ElementTree) -> list[str]:
    return [str(v) for v in xp(tree, "//tei:profileDesc/tei:creation/tei:date/@when")]


def _years(tree: etree._ElementTree) -> set[str]:
    found = xp(tree, "//tei:text//tei:date/@when | //tei:text//tei:date/@from")
    return {str(value)[:4] for value in found}


TELEGRAM = (
    "June 5, 1976",
    "Telegram from the Embassy in Sofia, 'Grain Deliveries'",
    "SOFIA, {dateline}.",
    "SECRET",
    "The trade office reported on June 2 that the deliveries had begun.",
)


def test_a_two_digit_year_outside_the_documents_own_time_is_no_date_line() -> None:
    """A document is dated when it is written: '03. 06. 05.' heading a telegram the archive
    dates 1976 is no date of 2005 (the header keeps the archive's day)."""
    tree = _tei(*(line.format(dateline="03. 06. 05") for line in TELEGRAM))
    assert _created(tree) == ["1976-06-05"]
    assert _years(tree) == {"1976"}


def test_a_two_digit_year_in_the_documents_own_time_is_read() -> None:
    tree = _tei(*(line.format(dateline="03. 06. 76") for line in TELEGRAM))
    assert _created(tree) == ["1976-06-03"]


def test_the_covering_telegrams_day_dates_it_not_the_enclosed_letters() -> None:
    tree = _tei(
        "May 4, 1956",
        "Telegram, Petrov to Cde. Orlov, Transmitting a Letter of the Trade Mission",
        "I am forwarding a letter of the trade mission received on 3 May.",
        "(P. Petrov)",
        "4 May 1956",
        "Dear Comrade Orlov,",
        "We thank you for the shipment of machine tools.",
        "Respectfully yours,",
        "A. Sokolov",
        "Minsk",
        "20 April 1956",
    )
    assert _created(tree) == ["1956-05-04"]
    # The enclosed letter's signing is no sending of the telegram three weeks before its date.
    assert xp(tree, "//tei:correspAction/tei:date/@when") in ([], ["1956-05-04"])


# A note written on the 12th about a conversation on the 2nd, under the archive's date line.
NOTE = (
    "Note on a Conversation with Comrade Weber on 2 March 1971",
    "Embassy of the GDR in Prague",
    "Prague, 12 March 1971",
    "N o t e",
    "on a Conversation with Comrade Weber on 2 March 1971",
    "Comrade Weber said that the exports of machinery had grown.",
    "Schulz",
    "Third Secretary",
)


def test_a_notes_own_date_line_dates_it_not_the_day_of_the_conversation_it_reports() -> None:
    assert _created(_tei("March 12, 1971", *NOTE)) == ["1971-03-12"]


def test_without_the_archives_day_in_a_date_line_the_titles_day_still_dates_it() -> None:
    """The rule above needs the archive's agreement: with the archive dating the note by
    the conversation, the title's day stays the document's."""
    assert _created(_tei("March 2, 1971", *NOTE)) == ["1971-03-02"]
