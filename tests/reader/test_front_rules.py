"""The front's rule tables, row by row, and how the front reads its steps in turn.

Every row has a test named ``test_<table>_<row>``; ``test_every_row_has_its_own_test`` keeps
it so.
"""

from __future__ import annotations

import sys

from tei_plenum.model import Role
from tei_plenum.reader.front import (
    DOC_TITLE,
    DOCKET_RULES,
    FRONT,
    LETTERHEAD_RULES,
    TITLE_PAGE,
    TITLE_RULES,
    FrontState,
    read_front,
)
from tests.reader.tables import cell, decide, untested_rules

STATE = FrontState()
AFTER_TITLE = FrontState(seen_title=True)


def test_table_order():
    assert [rule.name for rule in DOCKET_RULES] == [
        "page-break",
        "journal-byline",
        "marking",
        "dated-column-cell",
        "column-cell",
    ]
    assert [rule.name for rule in LETTERHEAD_RULES] == [
        "page-break",
        "dateline",
        "date",
        "letterhead",
    ]
    assert [rule.name for rule in TITLE_RULES] == [
        "page-break",
        "journal-entry-date",
        "body-start",
        "document-date",
        "docket-line",
        "subtitle-in-title",
        "title",
        "subtitle",
        "marking",
    ]


def test_every_row_has_its_own_test():
    tables = {"docket": DOCKET_RULES, "letterhead": LETTERHEAD_RULES, "title": TITLE_RULES}
    assert untested_rules(tables, sys.modules[__name__]) == []


# --- docket ----------------------------------------------------------------------------------


def test_docket_page_break():
    found = decide(DOCKET_RULES, cell(page_break=True), STATE)
    assert (found.rule, found.claim) == ("page-break", None)  # the docket ends at the page


def test_docket_journal_byline():
    text = "From the journal of V. I. Ivanov"
    found = decide(DOCKET_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("journal-byline", (Role.BYLINE, (FRONT,), {}))
    assert found.marks(text) == [("docAuthor", "V. I. Ivanov")]
    assert decide(DOCKET_RULES, cell("Diary of"), STATE).marks("Diary of") == []


def test_docket_marking():
    found = decide(DOCKET_RULES, cell("Copy Nº 1", column="right", row_group=1), STATE)
    assert found.rule == "marking"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "copyNumber", "place": "top right"})
    assert found.marks("Copy Nº 1") == [("num", "1")]
    stamp = decide(DOCKET_RULES, cell("[stamp: Incoming 02277-ss]"), STATE)
    assert stamp.placed == (Role.MARKING, (FRONT,), {"type": "marking", "place": "top"})


def test_docket_dated_column_cell():
    found = decide(DOCKET_RULES, cell("5 March 1957", column="left", row_group=1), STATE)
    assert (found.rule, found.claim) == ("dated-column-cell", None)  # a date ends the docket


def test_docket_column_cell():
    found = decide(DOCKET_RULES, cell("Embassy of the USSR", column="left", row_group=1), STATE)
    assert found.rule == "column-cell"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "marking", "place": "top left"})
    # Outside a column row the same line is no docket line at all.
    assert decide(DOCKET_RULES, cell("Embassy of the USSR"), STATE).rule is None


# --- letterhead ------------------------------------------------------------------------------


def test_letterhead_page_break():
    found = decide(LETTERHEAD_RULES, cell(page_break=True, page=2), STATE)
    assert (found.rule, found.placed) == ("page-break", (Role.PAGE_BREAK, (), {"n": "2"}))


def test_letterhead_dateline():
    found = decide(LETTERHEAD_RULES, cell("Pyongyang, 5 March 1957"), STATE)
    assert (found.rule, found.placed) == ("dateline", (Role.DATELINE, (FRONT,), {}))


def test_letterhead_date():
    found = decide(LETTERHEAD_RULES, cell("5 March 1957"), STATE)
    assert (found.rule, found.placed) == ("date", (Role.DOC_DATE, (FRONT, TITLE_PAGE), {}))
    assert found.state == FrontState(dated=True)  # the title block will not date it again


def test_letterhead_letterhead():
    found = decide(LETTERHEAD_RULES, cell("Embassy of the GDR in the DPRK"), STATE)
    assert found.rule == "letterhead"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "letterhead", "place": "top"})


# --- title block -----------------------------------------------------------------------------


def test_title_page_break():
    found = decide(TITLE_RULES, cell(page_break=True, page=2), AFTER_TITLE)
    assert (found.rule, found.placed) == ("page-break", (Role.PAGE_BREAK, (), {"n": "2"}))
    assert found.state == AFTER_TITLE


def test_title_journal_entry_date():
    journal = FrontState(seen_title=True, journal=True)
    found = decide(TITLE_RULES, cell("6 March 1959"), journal)
    assert (found.rule, found.claim) == ("journal-entry-date", None)
    assert decide(TITLE_RULES, cell("6 March 1959"), AFTER_TITLE).rule == "document-date"


def test_title_body_start():
    for text in ("I.", "To: USSR MFA, Moscow", "Dear Comrade Minister!"):
        assert (decide(TITLE_RULES, cell(text), STATE).rule, text) == ("body-start", text)


def test_title_document_date():
    found = decide(TITLE_RULES, cell("30-31 August 1956"), AFTER_TITLE)
    expected = (Role.DOC_DATE, (FRONT, TITLE_PAGE), {})
    assert (found.rule, found.placed) == ("document-date", expected)
    assert found.state == FrontState(seen_title=True, seen_date=True, dated=True)
    dated = AFTER_TITLE._replace(dated=True)
    assert decide(TITLE_RULES, cell("30-31 August 1956"), dated).rule != "document-date"


def test_title_subtitle_in_title():
    found = decide(TITLE_RULES, cell("Report on the trip to the provinces"), AFTER_TITLE)
    expected = (Role.SUBTITLE, (FRONT, TITLE_PAGE, DOC_TITLE), {})
    assert (found.rule, found.placed) == ("subtitle-in-title", expected)


def test_title_title():
    found = decide(TITLE_RULES, cell("DECISION OF THE KWP CC PLENUM"), STATE)
    expected = (Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE), {})
    assert (found.rule, found.placed) == ("title", expected)
    assert found.state == AFTER_TITLE
    journal = decide(TITLE_RULES, cell("JOURNAL OF AMBASSADOR V. I. IVANOV"), STATE)
    assert journal.state == FrontState(seen_title=True, journal=True)
    # A second line in capitals is the title's too.
    assert decide(TITLE_RULES, cell("ON THE TASKS OF THE PARTY"), AFTER_TITLE).rule == "title"


def test_title_subtitle():
    text = "The results of the work of the government delegation"
    found = decide(TITLE_RULES, cell(text), AFTER_TITLE)
    expected = (Role.SUBTITLE, (FRONT, TITLE_PAGE, DOC_TITLE), {})
    assert (found.rule, found.placed) == ("subtitle", expected)
    # After the date, a subtitle stands on the title page outside the title.
    dated = decide(TITLE_RULES, cell(text), AFTER_TITLE._replace(seen_date=True, dated=True))
    assert dated.placed == (Role.SUBTITLE, (FRONT, TITLE_PAGE), {})
    assert decide(TITLE_RULES, cell(text), STATE).rule != "subtitle"  # no title yet


def test_title_docket_line():
    found = decide(TITLE_RULES, cell("Copy Nº 1"), STATE)
    assert found.rule == "docket-line"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "copyNumber", "place": "top"})
    # After a title, a docket line is no subtitle, whether it reads like a sentence or not.
    for text, kind in (("Making copies is forbidden.", "handling"), ("Nº 196", "registration")):
        after = decide(TITLE_RULES, cell(text), AFTER_TITLE)
        assert after.placed == (Role.MARKING, (FRONT,), {"type": kind, "place": "top"})


def test_title_marking():
    found = decide(TITLE_RULES, cell("[faded stamp: Incoming 2990s]"), STATE)
    assert found.rule == "marking"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "marking", "place": "top"})


# --- the front as a whole --------------------------------------------------------------------


def test_the_front_reads_banner_docket_and_title_block_in_turn():
    cells = [
        cell("Wilson Center Digital Archive Translation - English", line=1),
        cell("SECRET"),
        cell("DECISION OF THE PLENUM"),
        cell("30 August 1956"),
        cell("The plenum decides:"),
    ]
    front = read_front(cells)
    assert [c.role for c in front.claims] == [Role.BANNER, Role.MARKING, Role.TITLE, Role.DOC_DATE]
    assert front.end == 4
    assert front.cells == tuple(cells[:4])


def test_a_banner_below_the_second_line_is_no_banner():
    front = read_front([cell("Wilson Center Digital Archive", line=3), cell("Text.")])
    assert front.claims == ()


def test_a_journal_byline_takes_its_owners_name_from_the_next_cell_of_its_column():
    cells = [
        cell("From the Journal of", column="left", row_group=1, line=1),
        cell("V. I. Ivanov", column="left", row_group=1, line=2),
        cell("SECRET", column="right", row_group=1, line=1),
    ]
    front = read_front(cells)
    assert [c.text for c in front.cells] == ["From the Journal of V. I. Ivanov", "SECRET"]
    assert front.cells[0].span.end_line == 2
    assert front.end == 3  # both input cells of the byline are the front's
    name_opposite = cell("V. I. Ivanov", column="right", row_group=1, line=1)
    assert read_front([cells[0], name_opposite]).cells[0].text == "From the Journal of"


def test_a_letterhead_is_read_only_before_a_title_a_few_lines_on():
    head = [cell("Embassy of the GDR in the DPRK"), cell("Pyongyang, 5 March 1957")]
    front = read_front([*head, cell("LETTER TO THE MINISTRY"), cell("The text.")])
    assert [c.role for c in front.claims] == [Role.MARKING, Role.DATELINE, Role.TITLE]
    far = [*head, *(cell(f"Line {n}") for n in range(5)), cell("LETTER TO THE MINISTRY")]
    assert read_front(far).claims == ()
