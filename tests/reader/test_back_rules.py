"""The back's rule table, row by row, and where the back starts.

Every row has a test named ``test_<table>_<row>``; ``test_every_row_has_its_own_test`` keeps
it so.
"""

from __future__ import annotations

import sys

import pytest

from tei_plenum.model import Mark, Role
from tei_plenum.reader.back import (
    BACK,
    BACK_RULES,
    CLOSER,
    NOTES,
    Back,
    BackState,
    distribution_list,
    read_back,
)
from tests.reader.tables import cell, decide, untested_rules

DISTRIBUTION = distribution_list(1)
STATE = BackState()
CAPTIONED = BackState(captioned=True, closed=True)
LISTING = BackState(lists=1, listing=True)


def test_table_order():
    assert [rule.name for rule in BACK_RULES] == [
        "page-break",
        "caption",
        "credit",
        "signer",
        "signature",
        "distribution-caption",
        "distribution",
        "distribution-item",
        "numbered-copy",
        "marking",
    ]


def test_every_row_has_its_own_test():
    assert untested_rules({"back": BACK_RULES}, sys.modules[__name__]) == []


def test_back_page_break():
    found = decide(BACK_RULES, cell(page_break=True, page=3), CAPTIONED)
    assert (found.rule, found.placed) == ("page-break", (Role.PAGE_BREAK, (), {"n": "3"}))
    assert found.state == CAPTIONED


def test_back_caption():
    found = decide(BACK_RULES, cell("Translated [by]:", column="right", row_group=4), STATE)
    assert (found.rule, found.placed) == ("caption", (Role.BYLINE, (BACK, CLOSER), {}))
    assert found.state == CAPTIONED


def test_back_credit():
    found = decide(BACK_RULES, cell("Attaché Kim Chol translated the conversation."), STATE)
    assert (found.rule, found.placed) == ("credit", (Role.BYLINE, (BACK, CLOSER), {}))
    assert found.state == BackState(closed=True)  # no names are signed under it


def test_back_signature():
    found = decide(BACK_RULES, cell("AMBASSADOR [signature] /A. PUZANOV/"), LISTING)
    assert (found.rule, found.placed) == ("signature", (Role.SIGNED, (BACK, CLOSER), {}))
    assert found.state == LISTING._replace(closed=True)


def test_back_distribution_caption():
    found = decide(BACK_RULES, cell("Distribution:"), STATE)
    assert (found.rule, found.placed) == (
        "distribution-caption",
        (Role.HEAD, (BACK, DISTRIBUTION), {}),
    )
    assert found.state == LISTING
    # A second caption opens a list of its own.
    second = decide(BACK_RULES, cell("Copies sent to:"), LISTING)
    assert second.placed == (Role.HEAD, (BACK, distribution_list(2)), {})
    # After the closer a list would break TEI's order: the line is a marking.
    assert decide(BACK_RULES, cell("Distribution:"), CAPTIONED._replace(captioned=False)).rule == (
        "marking"
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [("Nº 2 to file.", "Nº 2"), ("1 – to the addressee,", "1 –"), ("cc: Cde. Kim Il", "cc:")],
)
def test_back_distribution(text: str, label: str):
    found = decide(BACK_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("distribution", (Role.ITEM, (BACK, DISTRIBUTION), {}))
    assert found.marks(text) == [("label", label)]
    assert found.state == LISTING


def test_back_distribution_item():
    found = decide(BACK_RULES, cell("2. Cde. N. S. Khrushchev"), LISTING)
    assert (found.rule, found.placed) == (
        "distribution-item",
        (Role.ITEM, (BACK, DISTRIBUTION), {}),
    )
    assert found.marks("2. Cde. N. S. Khrushchev") == [("label", "2.")]
    assert decide(BACK_RULES, cell("File"), LISTING).placed == (Role.ITEM, (BACK, DISTRIBUTION), {})
    # Without a caption before it, or for a marking, it is a marking.
    assert decide(BACK_RULES, cell("File"), STATE).rule == "marking"
    assert decide(BACK_RULES, cell("Nº 933"), LISTING).rule == "marking"


@pytest.mark.parametrize(
    ("text", "label"),
    [("1 - Cde. I. I. Sidorenko", "1 -"), ("12 – Ministry of Trade", "12 –"), ("3. File", "3.")],
)
def test_back_numbered_copy(text: str, label: str):
    found = decide(BACK_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("numbered-copy", (Role.ITEM, (BACK, DISTRIBUTION), {}))
    assert found.marks(text) == [("label", label)]
    assert found.state == LISTING
    # A numbered sentence is no copy; after the closer no list may follow.
    assert decide(BACK_RULES, cell("1 - The delegation arrived on 5 May."), STATE).rule == (
        "marking"
    )
    assert decide(BACK_RULES, cell(text), CAPTIONED._replace(captioned=False)).rule == "marking"


def test_back_signer():
    found = decide(BACK_RULES, cell("Rozanov [signature]"), CAPTIONED)
    assert (found.rule, found.placed) == ("signer", (Role.SIGNED, (BACK, CLOSER), {}))
    # Before the caption a signed name is a signature of its own; markings or dates after
    # the caption are no signers.
    assert decide(BACK_RULES, cell("Rozanov [signature]"), STATE).rule == "signature"
    assert decide(BACK_RULES, cell("Nº 933"), CAPTIONED).rule == "marking"
    assert decide(BACK_RULES, cell("12 September 1956"), CAPTIONED).rule == "marking"


def test_back_marking():
    found = decide(BACK_RULES, cell("Nº 933", column="left", row_group=4), STATE)
    assert found.rule == "marking"
    expected = {"type": "registration", "place": "bottom left"}
    assert found.placed == (Role.MARKING, (BACK,), expected)
    assert found.marks("Nº 933") == [("idno", "933")]
    printed = decide(BACK_RULES, cell("12 September 1956"), STATE)
    assert printed.placed == (Role.MARKING, (BACK,), {"type": "printDate", "place": "bottom"})


# --- where the back starts -------------------------------------------------------------------


def test_the_back_is_the_registry_block_at_the_end():
    cells = [
        cell("The plenum closed."),
        cell("Five copies printed", column="left", row_group=2),
        cell("Nº 933", column="left", row_group=2),
        cell("Translated [by]:", column="right", row_group=2),
        cell("Rozanov [signature]", column="right", row_group=2),
    ]
    back = read_back(cells)
    assert back.start == 1
    assert [c.role for c in back.claims] == [Role.MARKING, Role.MARKING, Role.BYLINE, Role.SIGNED]
    assert read_back(cells[1:]).start == 0  # nothing but the back


def test_the_back_starts_at_a_registry_line_not_at_a_date_or_signature_before_it():
    cells = [
        cell("The plenum closed."),
        cell("12 September 1956"),
        cell("Nº 933"),
        cell("Ivanov [signature]"),
    ]
    assert read_back(cells).start == 2


def test_a_document_without_a_registry_block_has_no_back():
    cells = [cell("The plenum closed."), cell("12 September 1956"), cell("Ivanov [signature]")]
    assert read_back(cells) == Back(len(cells), ())
    assert read_back([]) == Back(0, ())


def test_a_distribution_list_at_the_end_starts_the_back():
    cells = [
        cell("The plenum closed."),
        cell("AMBASSADOR [signature] /A. PUZANOV/"),
        cell("Distribution:"),
        cell("1. Cde. N. S. Khrushchev"),
        cell("2. File"),
    ]
    back = read_back(cells)
    assert back.start == 2
    assert [c.role for c in back.claims] == [Role.HEAD, Role.ITEM, Role.ITEM]
    # Short lines at the end without a caption above them are not the back's.
    assert read_back([cell("The plenum closed."), cell("1. Cde. N. S. Khrushchev")]).start == 2


def test_a_caption_without_its_colon_heads_the_copies_under_it():
    cells = [
        cell("The plenum closed."),
        cell("AMBASSADOR [signature] (I. Vasilev)"),
        cell("Three copies sent re"),
        cell("1 - Cde. P. I. Sokolov"),
        cell("2 - Cde. M. D. Orlova"),
        cell("3 - to file"),
        cell("Nº 412"),
    ]
    back = read_back(cells)
    assert back.start == 2
    assert [c.role for c in back.claims] == [
        Role.HEAD,
        Role.ITEM,
        Role.ITEM,
        Role.ITEM,
        Role.MARKING,
    ]


def test_who_is_to_read_the_copy_heads_a_list_of_its_own():
    cells = [
        cell("The harvest will be good."),
        cell("– 12 – chargé d'affaires –"),
        cell("To be seen by"),
        cell("Comrade Novak J."),
        cell("Seen by"),
        cell("Comrade Horvat"),
        cell("Comrade Kralj"),
    ]
    back = read_back(cells)
    assert back.start == 2
    assert [c.role for c in back.claims] == [
        Role.HEAD,
        Role.ITEM,
        Role.HEAD,
        Role.ITEM,
        Role.ITEM,
    ]
    assert back.claims[0].path[-1] != back.claims[2].path[-1]  # two lists


def test_how_the_copies_were_handled_belongs_to_the_registry_block():
    cells = [
        cell("I promised to find out."),
        cell("FIRST SECRETARY [signature]"),
        cell("12 copies printed"),
        cell("Distributed according to a list"),
        cell("Nº 400-dv."),
    ]
    back = read_back(cells)
    assert back.start == 2
    assert [dict(c.attrs).get("type") for c in back.claims] == [
        "printRun",
        "handling",
        "registration",
    ]


def test_a_distribution_caption_without_items_is_a_marking():
    back = read_back([cell("The plenum closed."), cell("Nº 933"), cell("Distribution:")])
    assert back.start == 1
    assert [(c.role, dict(c.attrs).get("type")) for c in back.claims] == [
        (Role.MARKING, "registration"),
        (Role.MARKING, "marking"),
    ]


def test_a_marking_between_a_caption_and_its_copies_ends_the_list():
    cells = [
        cell("The plenum closed."),
        cell("Distribution:", column="left", row_group=3),
        cell("Two copies printed.", column="left", row_group=3),
        cell("Nº 1 to addressee,", column="left", row_group=3),
        cell("Nº 2 to file.", column="left", row_group=3),
    ]
    claims = read_back(cells).claims
    # The caption heads nothing, so it is a marking; the copies form a list of their own.
    assert [(c.role, c.path[-1]) for c in claims] == [
        (Role.MARKING, BACK),
        (Role.MARKING, BACK),
        (Role.ITEM, distribution_list(2)),
        (Role.ITEM, distribution_list(2)),
    ]


@pytest.mark.parametrize("run", ["Three copies printed", "4 copies typed", "Two copies made."])
def test_numbered_copies_under_a_print_run_are_a_list_after_it(run: str):
    cells = [
        cell("The talks will continue in May."),
        cell("SOVIET AMBASSADOR [signature] /V. PETROV/"),
        cell(run),
        cell("1 - Cde. I. I. Sidorenko"),
        cell("2 - Cde. P. K. Mukhin"),
        cell("3 - to file"),
    ]
    back = read_back(cells)
    # The signature stays the body's closer; the print run is its marking (guide §12).
    assert back.start == 2
    assert [(c.role, c.path[-1]) for c in back.claims] == [
        (Role.MARKING, BACK),
        (Role.ITEM, DISTRIBUTION),
        (Role.ITEM, DISTRIBUTION),
        (Role.ITEM, DISTRIBUTION),
    ]
    assert dict(back.claims[0].attrs)["type"] == "printRun"


def test_numbered_copies_right_under_a_signature_are_a_list():
    cells = [
        cell("The talks will continue in May."),
        cell("/V. PETROV/"),
        cell("1 - Cde. I. I. Sidorenko"),
        cell("2 - to file"),
    ]
    back = read_back(cells)
    assert back.start == 2
    assert [c.role for c in back.claims] == [Role.ITEM, Role.ITEM]


def test_numbered_lines_in_the_text_are_no_copies():
    paragraphs = [
        cell("The Embassy proposes the following."),
        cell("1 - The delegation will arrive on 5 May."),
        cell("2 - The expenses will be borne by the Soviet side."),
    ]
    assert read_back(paragraphs).start == len(paragraphs)
    # Short numbered lines under a paragraph, with no print run or signature above them.
    listed = [cell("The Embassy proposes the following."), cell("1 - Cde. I. I. Sidorenko")]
    assert read_back(listed).start == len(listed)


def test_notes_at_the_end_are_notes_of_the_back():
    cells = [
        cell("The annex is enclosed.[1]"),
        cell("[Karl] Weinholz"),
        cell("Berlin, 12 March 1964"),
        cell("[1] Translator's note: the annex is not in the file."),
        cell(page_break=True, page=2),
        cell("[2] The protocol is in another file."),
    ]
    back = read_back(cells)
    # The signature and its date stay the body's closer.
    assert back.start == 3
    first, page_break, second = back.claims
    assert (first.role, first.path) == (Role.NOTE, (BACK,))
    assert dict(first.attrs) == {
        "type": "translator",
        "place": "end",
        "n": "1",
        "resp": "#resp-translator-en",
    }
    assert first.marks == (Mark(1, 2, "label"),)
    assert page_break.role is Role.PAGE_BREAK
    assert dict(second.attrs)["type"] == "editorial"


def test_a_caption_over_the_notes_heads_their_division():
    cells = [cell("PETKOV[1]"), cell("2 May 1964"), cell("Notes"), cell("[1] Ivan Petkov, envoy.")]
    back = read_back(cells)
    assert back.start == 2
    assert [(c.role, c.path) for c in back.claims] == [
        (Role.HEAD, (BACK, NOTES)),
        (Role.NOTE, (BACK, NOTES)),
    ]
    # Not without notes under it.
    assert read_back([cell("We agree."), cell("Notes")]).claims == ()


def test_only_notes_numbered_in_a_row_at_the_very_end_are_notes():
    out_of_order = [cell("Text.[1]"), cell("[2] The first note."), cell("[1] The second note.")]
    assert [c.role for c in read_back(out_of_order).claims] == [Role.NOTE]
    among_text = [cell("[1] A bracketed number opens this paragraph."), cell("The end.")]
    assert read_back(among_text).claims == ()


def test_a_registration_number_in_brackets_ends_the_registry_block():
    cells = [
        cell("I informed him about the tractors."),
        cell("AMBASSADOR"),
        cell("[signature]"),
        cell("(I. VASILEV)"),
        cell("Three copies printed"),
        cell("1 - Cde. P. I. Sokolov"),
        cell("2 - to file"),
        cell("Nº [311]"),
    ]
    back = read_back(cells)
    assert back.start == 4
    assert [(c.role, dict(c.attrs).get("type")) for c in back.claims] == [
        (Role.MARKING, "printRun"),
        (Role.ITEM, None),
        (Role.ITEM, None),
        (Role.MARKING, "registration"),
    ]
