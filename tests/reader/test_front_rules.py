"""The front's rule tables, row by row, and how the front reads its steps in turn.

Every row has a test named ``test_<table>_<row>``; ``test_every_row_has_its_own_test`` keeps
it so.
"""

from __future__ import annotations

import sys

from tei_plenum.model import Role
from tei_plenum.reader.front import (
    ABOVE_TITLE_RULES,
    ARCHIVE_COVER,
    COVER_RULES,
    DOC_TITLE,
    DOCKET_RULES,
    FRONT,
    LETTERHEAD,
    LETTERHEAD_RULES,
    OMISSION,
    TITLE_PAGE,
    TITLE_RULES,
    FrontState,
    read_front,
    title_anchor,
)
from tests.reader.tables import cell, decide, untested_rules

STATE = FrontState()
AFTER_TITLE = FrontState(seen_title=True)
OPEN_TITLE = FrontState(seen_title=True, open_title=True)


def test_table_order():
    assert [rule.name for rule in COVER_RULES] == ["cover-field"]
    assert [rule.name for rule in DOCKET_RULES] == [
        "page-break",
        "omission",
        "journal-byline",
        "marking",
        "dated-column-cell",
        "column-cell",
    ]
    assert [rule.name for rule in ABOVE_TITLE_RULES] == [
        "page-break",
        "omission",
        "journal-byline",
        "dateline",
        "docket-date",
        "date",
        "above-title",
    ]
    assert [rule.name for rule in LETTERHEAD_RULES] == [
        "page-break",
        "dateline",
        "date",
        "marking",
        "letterhead",
    ]
    assert [rule.name for rule in TITLE_RULES] == [
        "page-break",
        "omission",
        "journal-entry-date",
        "body-start",
        "document-date",
        "docket-line",
        "addressee",
        "title-continued",
        "beside-bare-title",
        "subtitle-in-title",
        "title",
        "archive-title-printed",
        "subtitle",
        "marking",
    ]


def test_every_row_has_its_own_test():
    tables = {
        "cover": COVER_RULES,
        "docket": DOCKET_RULES,
        "above": ABOVE_TITLE_RULES,
        "letterhead": LETTERHEAD_RULES,
        "title": TITLE_RULES,
    }
    assert untested_rules(tables, sys.modules[__name__]) == []


# --- cover -----------------------------------------------------------------------------------


def test_cover_cover_field():
    text = "Citation: “Letter, Kim to Pak,” 1961, Archive. https://example.org/document/7"
    found = decide(COVER_RULES, cell(text, cover="citation"), STATE)
    assert found.rule == "cover-field"
    assert found.placed == (Role.COVER, (FRONT, ARCHIVE_COVER), {"type": "citation"})
    assert found.marks(text) == [("label", "Citation:"), ("ref", "https://example.org/document/7")]
    title = decide(COVER_RULES, cell("Letter, Kim to Pak", cover="title"), STATE)
    assert title.placed == (
        Role.COVER,
        (FRONT, ARCHIVE_COVER),
        {"type": "title", "xml:id": "archive-title"},
    )
    assert decide(COVER_RULES, cell("Letter, Kim to Pak"), STATE).rule is None


# --- docket ----------------------------------------------------------------------------------


def test_docket_page_break():
    found = decide(DOCKET_RULES, cell(page_break=True), STATE)
    assert (found.rule, found.claim) == ("page-break", None)  # the docket ends at the page


def test_docket_omission():
    found = decide(DOCKET_RULES, cell("[…]"), STATE)
    assert (found.rule, found.placed) == ("omission", (Role.PARAGRAPH, (FRONT, OMISSION), {}))
    assert found.state == STATE
    assert OMISSION.attrs == (("type", "omission"),)


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


# --- above a title found a few lines down -------------------------------------------------


def test_above_page_break():
    found = decide(ABOVE_TITLE_RULES, cell(page_break=True, page=2), STATE)
    assert (found.rule, found.placed) == ("page-break", (Role.PAGE_BREAK, (), {"n": "2"}))


def test_above_omission():
    found = decide(ABOVE_TITLE_RULES, cell("[...]"), STATE._replace(numbered=True))
    assert (found.rule, found.placed) == ("omission", (Role.PARAGRAPH, (FRONT, OMISSION), {}))
    assert found.state == STATE._replace(numbered=True)


def test_above_journal_byline():
    found = decide(ABOVE_TITLE_RULES, cell("From the journal of A. Petrov"), STATE)
    assert (found.rule, found.placed) == ("journal-byline", (Role.BYLINE, (FRONT,), {}))


def test_above_journal_byline_without_the_article():
    found = decide(ABOVE_TITLE_RULES, cell("From diary of V.I. Vorotnikov"), STATE)
    assert (found.rule, found.placed) == ("journal-byline", (Role.BYLINE, (FRONT,), {}))


def test_above_dateline():
    found = decide(ABOVE_TITLE_RULES, cell("Berlin, 8 May 1962"), STATE)
    assert (found.rule, found.placed) == ("dateline", (Role.DATELINE, (FRONT,), {}))


def test_above_docket_date():
    numbered = FrontState(numbered=True)
    found = decide(ABOVE_TITLE_RULES, cell("3 June 1958"), numbered)
    assert found.rule == "docket-date"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "docketDate", "place": "top"})
    assert found.state == numbered


def test_above_date():
    found = decide(ABOVE_TITLE_RULES, cell("3 June 1958"), STATE)
    assert (found.rule, found.placed) == ("date", (Role.DOC_DATE, (FRONT, TITLE_PAGE), {}))


def test_above_above_title():
    def placed(text: str) -> tuple[str | None, bool]:
        found = decide(ABOVE_TITLE_RULES, cell(text), STATE)
        assert found.rule == "above-title"
        return dict(found.claim.attrs).get("type"), found.state.numbered

    assert placed("Copy No. 2") == ("copyNumber", True)
    assert placed("Nº 12 Copy Nº 1") == ("marking", True)
    assert placed("[handwritten: 0193-ss]") == ("marking", False)
    assert placed("To: Cdes. Molotov, Beria") == ("routing", False)
    assert placed("Ministry of Trade") == ("letterhead", False)
    assert placed("PARTY CENTRAL COMMITTEE") == ("letterhead", False)
    assert placed("Appendix 2") == ("marking", False)
    beside = decide(ABOVE_TITLE_RULES, cell("Ministry of Trade", column="left", row_group=1), STATE)
    assert dict(beside.claim.attrs) == {"type": "letterhead", "place": "top left"}


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


def test_letterhead_marking():
    found = decide(LETTERHEAD_RULES, cell("Outgoing Nº 417"), STATE)
    assert found.rule == "marking"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "registration", "place": "top"})


def test_letterhead_letterhead():
    found = decide(LETTERHEAD_RULES, cell("Embassy of the GDR in the DPRK"), STATE)
    assert found.rule == "letterhead"
    assert found.placed == (Role.MARKING, (FRONT,), {"type": "letterhead", "place": "top"})


# --- title block -----------------------------------------------------------------------------


def test_title_page_break():
    found = decide(TITLE_RULES, cell(page_break=True, page=2), AFTER_TITLE)
    assert (found.rule, found.placed) == ("page-break", (Role.PAGE_BREAK, (), {"n": "2"}))
    assert found.state == AFTER_TITLE


def test_title_omission():
    found = decide(TITLE_RULES, cell("[…]"), OPEN_TITLE)
    assert (found.rule, found.placed) == ("omission", (Role.PARAGRAPH, (FRONT, OMISSION), {}))
    assert found.state == AFTER_TITLE  # a line under it no longer carries the title on


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
    assert found.state == OPEN_TITLE
    journal = decide(TITLE_RULES, cell("JOURNAL OF AMBASSADOR V. I. IVANOV"), STATE)
    assert journal.state == FrontState(seen_title=True, journal=True, open_title=True)
    # A second line in capitals is the title's too.
    assert decide(TITLE_RULES, cell("ON THE TASKS OF THE PARTY"), AFTER_TITLE).rule == "title"
    # A kind word alone may go on under a date row.
    bare = decide(TITLE_RULES, cell("RESOLUTION"), STATE)
    assert bare.state == FrontState(seen_title=True, open_title=True, bare_kind=True)
    # Stamps, numbers and offices are never the first title line.
    for text in ("TOP SECRET", "TELEGRAM 066.621", "SOVIET AMBASSADOR", "[STAMP OF THE CC]"):
        assert decide(TITLE_RULES, cell(text), STATE).rule != "title", text


def test_title_addressee():
    # Under an open title ("telegram to …") an addressee line opens the body's address.
    for state in (STATE, OPEN_TITLE, AFTER_TITLE):
        found = decide(TITLE_RULES, cell("to Mr. Jan Nowak"), state)
        assert (found.rule, found.claim) == ("addressee", None)


def test_title_title_continued():
    text = "with Ambassador Pak Song-chol of the DPRK"
    found = decide(TITLE_RULES, cell(text), OPEN_TITLE)
    assert found.rule == "title-continued"
    assert found.placed == (Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE), {})
    # Not after a finished title line, nor a caption in lower case.
    assert decide(TITLE_RULES, cell(text), AFTER_TITLE).rule != "title-continued"
    caption = "in the company of comrades: Kim, Pak"
    assert decide(TITLE_RULES, cell(caption), OPEN_TITLE).rule != "title-continued"


def test_title_beside_bare_title():
    bare = FrontState(seen_title=True, open_title=True, bare_kind=True)
    found = decide(TITLE_RULES, cell("1 March Pyongyang"), bare)
    assert found.rule == "beside-bare-title"
    assert found.placed == (Role.MARKING, (FRONT, TITLE_PAGE), {"type": "marking", "place": "top"})
    assert found.state == bare  # the title may still go on
    assert decide(TITLE_RULES, cell("1 March Pyongyang"), OPEN_TITLE).rule != "beside-bare-title"


def test_title_archive_title_printed():
    archived = FrontState(archive_title="Ruritanian-Freedonian Joint Declaration on Fisheries")
    found = decide(TITLE_RULES, cell("Joint Declaration on Fisheries"), archived)
    assert (found.rule, found.placed) == (
        "archive-title-printed",
        (Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE), {}),
    )
    assert found.state == archived._replace(seen_title=True, reprinted=True)
    # The title names no kind: a sentence under it that does not end is no subtitle.
    text = "The President of Ruritania and the President of Freedonia, meeting in May, and"
    assert decide(TITLE_RULES, cell(text), found.state).rule != "subtitle"
    # Only the end of the archive's title, and never a sentence.
    assert decide(TITLE_RULES, cell("Joint Declaration"), archived).rule is None
    assert decide(TITLE_RULES, cell("Declaration on Fisheries."), archived).rule is None
    assert decide(TITLE_RULES, cell("Joint Declaration on Fisheries"), STATE).rule is None


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


def test_an_omission_among_the_docket_lines_stays_in_the_front():
    cells = [
        cell("May 3, 1962", cover="date", line=1),
        cell("Strictly secret!"),
        cell("[…]"),
        cell("Copy No. 3"),
        cell("NOTE"),
        cell("The counsellor asked to see me."),
    ]
    front = read_front(cells)
    assert [(c.role, c.path) for c in front.claims] == [
        (Role.COVER, (FRONT, ARCHIVE_COVER)),
        (Role.MARKING, (FRONT,)),
        (Role.PARAGRAPH, (FRONT, OMISSION)),
        (Role.MARKING, (FRONT,)),
        (Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE)),
    ]
    assert front.end == 5


def test_an_omission_that_no_line_of_the_front_follows_is_left_to_the_body():
    for lines in (["SECRET", "[…]"], ["SECRET", "DECISION OF THE PLENUM", "[…]"]):
        cells = [*map(cell, lines), cell(page_break=True, page=2), cell("The plenum decides:")]
        front = read_front(cells)
        assert [c.role for c in front.claims] == [Role.MARKING, Role.TITLE][: len(lines) - 1]
        assert front.end == len(lines) - 1
        assert front.cells == tuple(cells[: len(lines) - 1])


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
    sentence = "The embassy has received the delegation and arranged its stay in the capital."
    far = [*head, cell(sentence), cell("LETTER TO THE MINISTRY")]
    assert read_front(far).claims == ()
    # A letter without a title: the letterhead down to its dateline.
    letter = read_front([*head, cell("Comrade Minister,"), cell(sentence)])
    assert [c.role for c in letter.claims] == [Role.MARKING, Role.DATELINE]
    # A dateline alone opens the body.
    assert read_front([head[1], cell("Comrade Minister,"), cell(sentence)]).claims == ()
    # A letter's date alone, right above its salutation, ends the letterhead too.
    dated = [cell("Fisheries Board"), cell("REF: OS-12-61"), cell("March 3, 1961.")]
    letter = read_front([*dated, cell("Dear Arunji,"), cell(sentence)])
    assert [c.role for c in letter.claims] == [Role.MARKING, Role.MARKING, Role.DOC_DATE]
    assert read_front([*dated, cell(sentence)]).claims == ()


def test_every_line_above_a_title_naming_its_kind_is_docket_letterhead_or_date():
    cells = [
        cell("Nº 14 Copy Nº 2"),
        cell("2 June 1958"),
        cell("[handwritten: 0193-ss"),
        cell("Incoming 221-s]"),
        cell("The Journal of Ambassador A. Petrov"),
        cell("for the period 1 to 15 May 1958"),
        cell("3 May 1958"),
        cell("Today I met the minister."),
    ]
    assert title_anchor(cells, 0) == 4
    front = read_front(cells)
    assert [(c.role, dict(c.attrs).get("type")) for c in front.claims] == [
        (Role.MARKING, "marking"),
        (Role.MARKING, "docketDate"),  # under a number: the docket's date, not the document's
        (Role.MARKING, "marking"),
        (Role.MARKING, "marking"),
        (Role.TITLE, None),
        (Role.TITLE, None),  # the period continues the title
    ]
    assert front.end == 6  # the journal's first entry is the body's


def test_a_title_that_lost_its_first_word_is_found_under_a_date_or_marking():
    cells = [
        cell("Office of the Chairman"),
        cell("Pyongyang, 4 May 1962"),
        cell("of the talks between the delegations of the two parties on 4 May 1962"),
        cell("Comrade Kim Il:"),
    ]
    assert title_anchor(cells, 0) == 2
    # Under a letterhead line that it continues, it is no title.
    letterhead = [cell("Embassy"), cell("of the Hungarian People's Republic"), cell("Text.")]
    assert title_anchor(letterhead, 0) is None


def test_a_journals_copy_number_date_and_title_fragment_are_its_front():
    cells = [
        cell("From the journal of"),
        cell("B.K. Lund"),
        cell("Copy no. 3 re: no. 415"),
        cell("9 March 1964"),
        cell("with the deputy head of the planning board for trade"),
        cell("4 March 1964"),
        cell("I visited the deputy head at his office."),
    ]
    front = read_front(cells)
    assert front.end == 6  # one journal text follows, no entry for the dispatch date
    assert [(c.role, dict(c.attrs).get("type")) for c in front.claims[-4:]] == [
        (Role.MARKING, "copyNumber"),
        (Role.MARKING, "docketDate"),
        (Role.TITLE, None),
        (Role.DOC_DATE, None),
    ]


def test_a_subject_line_under_a_dateline_is_a_title():
    cells = [
        cell("Department of Foreign Relations"),
        cell("Berlin, 3 May 1962"),
        cell("The Situation in the Far East"),
        cell("in the Spring of 1962"),
        cell("The situation has changed since the winter, and the embassy reports on it."),
    ]
    assert title_anchor(cells, 0) == 2
    assert [c.role for c in read_front(cells).claims][-2:] == [Role.TITLE, Role.TITLE]
    # An address or a greeting under a dateline is no subject line.
    greeting = [cells[1], cell("Esteemed Comrade Kim Il Sung"), cells[4]]
    assert title_anchor(greeting, 0) is None


def test_after_the_archives_cover_a_dateline_gets_a_letterhead_division():
    cells = [
        cell("May 3, 1962", cover="date", line=1),
        cell("Embassy of the GDR"),
        cell("Pyongyang, 3 May 1962"),
        cell("Report on the Harvest"),
        cell("The harvest was poor this year in all provinces of the country, it says."),
    ]
    front = read_front(cells)
    assert [(c.role, c.path) for c in front.claims] == [
        (Role.COVER, (FRONT, ARCHIVE_COVER)),
        (Role.MARKING, (FRONT, LETTERHEAD)),
        (Role.DATELINE, (FRONT, LETTERHEAD)),
        (Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE)),
    ]


def test_a_kind_word_ending_a_time_on_the_line_above_is_no_title():
    cells = [
        cell("Copies: Ivanov, Petrov, Copy."),
        cell("From TIRANA No. 88 9 hours 15"),
        cell("minutes, 2.6.1953"),
        cell("The ambassador was received by the minister at his request."),
    ]
    front = read_front(cells)
    assert [(c.role, dict(c.attrs).get("type")) for c in front.claims] == [
        (Role.MARKING, "routing"),
        (Role.MARKING, "marking"),
        (Role.MARKING, "marking"),
    ]
    # Under a line that ends in a word, a kind in small letters is a title that lost its
    # first words.
    lost = [cell("Corrected text of a"), cell("telegram to the embassy"), cells[3]]
    assert [c.role for c in read_front(lost).claims][-1] == Role.TITLE


def test_a_capitals_line_opening_with_and_goes_on_with_the_one_above():
    cells = [
        cell("1979", cover="date", line=1),
        cell("Letter from Ellen Whitcombe", cover="title", line=2),
        cell("RIVERSIDE TRADE"),
        cell("AND INFORMATION CENTER (RTC)"),
        cell("12 Mill Road, Suite 3, Riverside, Ont. 10203 • Telephone: 555-0199"),
        cell("Dear Friend:"),
        cell("The members of the center will meet in the spring as every year."),
    ]
    assert title_anchor(cells, 2) is None
    front = read_front(cells)
    pairs = zip(front.cells, front.claims, strict=True)
    titles = [c.text for c, claim in pairs if claim.role is Role.TITLE]
    assert titles[:1] != ["AND INFORMATION CENTER (RTC)"]


def test_a_caption_under_the_title_is_no_part_of_it():
    # "DECISIONS:" heads what the body decides; before, it was read as a title line.
    for state in (AFTER_TITLE, OPEN_TITLE):
        assert decide(TITLE_RULES, cell("DECISIONS:"), state).claim is None


def test_an_addressee_under_a_routing_field_is_routed_too():
    texts = [
        "TO: Gen. Ivo Markov, Member of Politburo",
        "Comrade Ana Petrova, Minister of Finance",
        "RESOLUTION “A” No 4",
        "OF POLITBURO OF THE CENTRAL COMMITTEE OF THE RURITANIAN WORKERS' PARTY FROM 2 MARCH 1972",
        "Approves the plan for the sowing.",
    ]
    cells = [
        cell("March 2, 1972", cover="date", line=1),
        cell("Bureau Resolution on the Sowing", cover="title", line=2),
        *(cell(text, line=3 + n) for n, text in enumerate(texts)),
    ]
    claims = read_front(cells).claims
    assert [dict(c.attrs).get("type") for c in claims[2:4]] == ["routing", "routing"]
