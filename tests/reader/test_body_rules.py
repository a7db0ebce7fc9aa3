"""The body's rule tables, row by row, and how the body splits into opener, text and closer.

Every row has a test named ``test_<table>_<row>``; ``test_every_row_has_its_own_test`` keeps
it so.
"""

from __future__ import annotations

import sys

import pytest

from tei_plenum.model import Container, Role
from tei_plenum.reader.body import (
    BODY,
    BODY_RULES,
    CLOSER,
    CLOSER_RULES,
    OPENER,
    OPENER_RULES,
    BodyState,
    read_body,
)
from tests.reader.tables import cell, decide, untested_rules

DIV = Container("div-0", "div", (("type", "document"),))
BASE = (BODY, DIV)
STATE = BodyState(BASE)
POINTS = Container("list-3", "list", (("type", "points"),))
COPIES = Container("list-3", "list", (("type", "distribution"),))
ENUMERATION = Container("list-3", "list", (("type", "enumeration"),))
_LONG_HEAD = "On the visit of Comrade Orlov to Hanoi and on the talks that he held there with them:"


def test_table_order():
    assert [rule.name for rule in OPENER_RULES] == [
        "salute",
        "dateline",
        "sender",
        "addressee",
        "address-line",
        "marking",
        "recipient",
    ]
    assert [rule.name for rule in BODY_RULES] == [
        "distribution-item",
        "section-head",
        "series-head",
        "entry-head",
        "separator",
        "omission",
        "bracketed-line",
        "signature",
        "distribution-caption",
        "distribution",
        "marking",
        "participants-caption",
        "participant-line",
        "agenda-point",
        "point",
        "enumeration-item",
        "enumeration-start",
        "field-paragraph",
        "ordinal-paragraph",
        "numbered-paragraph",
        "paragraph",
    ]
    assert [rule.name for rule in CLOSER_RULES] == [
        "salute",
        "dateline",
        "credit",
        "addressee-below",
        "address-below",
        "addressee",
        "address-line",
        "signer",
    ]


def test_every_row_has_its_own_test():
    tables = {"opener": OPENER_RULES, "body": BODY_RULES, "closer": CLOSER_RULES}
    assert untested_rules(tables, sys.modules[__name__]) == []


# --- opener ----------------------------------------------------------------------------------


def test_opener_salute():
    found = decide(OPENER_RULES, cell("Dear Comrade Ambassador!"), STATE)
    assert (found.rule, found.placed) == ("salute", (Role.SALUTE, (*BASE, OPENER), {}))
    assert found.state == STATE


@pytest.mark.parametrize("text", ["Date: 15 May 1957", "15 May 1957", "Pyongyang, 5 March 1957"])
def test_opener_dateline(text: str):
    found = decide(OPENER_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("dateline", (Role.DATELINE, (*BASE, OPENER), {}))


def test_opener_sender():
    found = decide(OPENER_RULES, cell("From: Pyongyang"), STATE)
    assert found.rule == "sender"
    assert found.placed == (Role.ADDRESS, (*BASE, OPENER), {"role": "sender"})


ADDRESS = Container("address-1", "address", (("role", "recipient"),))


@pytest.mark.parametrize(
    "text", ["To: USSR MFA, Moscow", "To Comrade N. T. Fedorenko.", "to Mr. Jan Nowak"]
)
def test_opener_addressee(text: str):
    found = decide(OPENER_RULES, cell(text), STATE)
    assert found.rule == "addressee"
    assert found.placed == (Role.ADDRESS, (*BASE, OPENER, ADDRESS), {"role": "recipient"})
    assert found.state == STATE._replace(opened=1, address=ADDRESS, address_end=text)


@pytest.mark.parametrize(
    ("before", "text"),
    [
        ("to Mr. Jan Nowak", "Chairman of the Council of Ministers of"),  # an office
        ("Chairman of the Council of Ministers of", "the Republic of Ruritania"),  # left open
        ("the Republic of Ruritania", "Strelsau"),  # a place
        ("Committee on Trade", "STRELSAU, RU 20510"),  # with its postal code
        ("STRELSAU, RU 20510", "R.U."),  # a state's abbreviation, whose stop ends nothing
    ],
)
def test_opener_address_line(before: str, text: str):
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end=before)
    found = decide(OPENER_RULES, cell(text), open_address)
    assert found.rule == "address-line"
    assert found.placed == (Role.ADDRESS, (*BASE, OPENER, ADDRESS), {})
    assert found.state == open_address._replace(address_end=text)


def test_only_a_whole_word_leaves_an_address_line_open():
    # "Berlin" ends in the letters of "in", not in the word: the line after it is no address.
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end="Berlin")
    assert decide(OPENER_RULES, cell("the talks went well in May"), open_address).rule != (
        "address-line"
    )
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end="Embassy in")
    found = decide(OPENER_RULES, cell("the talks went well in May"), open_address)
    assert found.rule == "address-line"


@pytest.mark.parametrize(
    "text", ["We thank you for the books.", "the talks we held there went well"]
)
def test_a_sentence_after_an_address_is_no_line_of_it(text: str):
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end="to Mr. Jan Nowak")
    assert decide(OPENER_RULES, cell(text), open_address).rule == "recipient"


def test_a_comrade_named_with_a_colon_is_a_letters_salute_only():
    lines = ["Comrade Ivo Markov:", "I have read your report; the plan is approved.", "Ana Petrova"]
    letter = read_body([cell(t) for t in lines], "letter")
    assert [(str(c.role), c.path[-1].tag) for c in letter][:2] == [
        ("salute", "opener"),
        ("p", "div"),
    ]
    # In a conversation the same line is a speaker's label, which the speakers step reads.
    talk = read_body([cell(t) for t in lines], "record of conversation")
    assert str(talk[0].role) != "salute"


def test_the_items_of_a_list_of_copies_at_the_end_are_no_signature():
    lines = [
        "The ambassador brought a statement.",
        "Copy to: - Mr. Minister Aalders",
        "- Mr. Minister Brink",
        "B .1170",
    ]
    assert [role for role, _ in roles(lines, "telegram")] == ["p", "item", "item", "item"]


def test_a_signature_then_dates_and_an_hour_are_one_closer():
    lines = ["The vote was put off to the next day.", "VASILEV", "2 November 1947", "0930"]
    claims = read_body([cell(t) for t in lines], "telegram")
    assert [(str(c.role), c.path[-1].tag) for c in claims] == [
        ("p", "div"),
        ("signed", "closer"),
        ("dateline", "closer"),
        ("dateline", "closer"),
    ]


def test_an_office_on_two_lines_opens_the_closer():
    lines = [
        "We consider it expedient to receive the delegation.",
        "Deputy Head of the Department of the Central Committee of the Ruritanian Party",
        "for Relations with Foreign Parties.",
        "(I. Vasilev)",
    ]
    claims = read_body([cell(t) for t in lines], "report")
    assert [(str(c.role), c.path[-1].tag) for c in claims] == [
        ("p", "div"),
        ("signed", "closer"),
        ("signed", "closer"),
        ("signed", "closer"),
    ]


def test_opener_marking():
    found = decide(OPENER_RULES, cell("Ref. No. 221"), STATE)
    assert found.rule == "marking"
    assert found.placed == (Role.MARKING, (*BASE, OPENER), {"type": "registration", "place": "top"})


def test_a_reference_number_between_dateline_and_salute_stays_in_the_opener():
    lines = [
        "to Mr. Jan Nowak",
        "Strelsau, 14th March 1987",
        "Ref. No. 221",
        "Dear Mr. Nowak,",
        "We thank you for the books.",
    ]
    claims = read_body([cell(t) for t in lines], "letter")
    assert [(str(c.role), c.path[-1].tag) for c in claims] == [
        ("address", "address"),
        ("dateline", "opener"),
        ("marking", "opener"),
        ("salute", "opener"),
        ("p", "div"),
    ]


def test_opener_recipient():
    found = decide(OPENER_RULES, cell("Copy to: Cde. Kim"), STATE)
    assert found.rule == "recipient"
    assert found.placed == (Role.ADDRESS, (*BASE, OPENER), {"role": "recipient"})


# --- the text between opener and closer ------------------------------------------------------


def test_body_section_head():
    in_a_list = STATE._replace(opened=2, list=POINTS, list_kind="points")
    found = decide(BODY_RULES, cell("II."), in_a_list)
    div = Container("div-3", "div", (("type", "section"), ("n", "2")))
    assert (found.rule, found.placed) == ("section-head", (Role.HEAD, (BODY, div), {}))
    assert found.state == in_a_list._replace(base=(BODY, div), opened=3, list=None)


def test_body_series_head():
    long = f"3. {_LONG_HEAD}"
    in_a_series = STATE._replace(opened=2, series=frozenset({cell(long)}))
    found = decide(BODY_RULES, cell(long), in_a_series)
    div = Container("div-3", "div", (("type", "section"), ("n", "3")))
    assert (found.rule, found.placed) == ("series-head", (Role.HEAD, (BODY, div), {}))
    assert found.state == in_a_series._replace(base=(BODY, div), opened=3)
    # Outside a series with a section heading next to it, the same line is a paragraph.
    assert decide(BODY_RULES, cell(long), STATE).rule == "numbered-paragraph"


def test_body_entry_head():
    journal = STATE._replace(journal=True)
    found = decide(BODY_RULES, cell("6 March 1959"), journal)
    div = Container("div-1", "div", (("type", "entry"),))
    assert (found.rule, found.placed) == ("entry-head", (Role.HEAD, (BODY, div), {}))
    assert found.state.base == (BODY, div)
    assert decide(BODY_RULES, cell("6 March 1959"), STATE).rule == "paragraph"


def test_body_separator():
    in_a_list = STATE._replace(list=POINTS, list_kind="points", lead_in=True)
    found = decide(BODY_RULES, cell("* * *"), in_a_list)
    assert (found.rule, found.placed) == ("separator", (Role.SEPARATOR, BASE, {}))
    assert found.state == in_a_list._replace(list=None, lead_in=False, filled=True)


def test_body_bracketed_line():
    in_a_list = STATE._replace(list=POINTS, list_kind="points")
    found = decide(BODY_RULES, cell("[stamp: Incoming 02277-ss]"), in_a_list)
    assert (found.rule, found.placed) == ("bracketed-line", (Role.DOCKET, BASE, {}))
    assert found.state.list == POINTS  # a stamp between two points does not end their list


@pytest.mark.parametrize("text", ["[…]", "[...]"])
def test_body_omission(text: str):
    in_a_list = STATE._replace(list=POINTS, list_kind="points", lead_in=True)
    found = decide(BODY_RULES, cell(text), in_a_list)
    assert (found.rule, found.placed) == ("omission", (Role.PARAGRAPH, BASE, {}))
    assert found.marks(text) == []
    assert found.state == STATE._replace(filled=True)
    # A doubled pair is an unreadable passage, and other bracketed lines stay dockets.
    assert decide(BODY_RULES, cell("[[…]]"), STATE).rule == "bracketed-line"
    assert decide(BODY_RULES, cell("[stamp: Incoming]"), STATE).rule == "bracketed-line"


@pytest.mark.parametrize(
    "text",
    ["[signature] N. ZAKHAROV", "/A. PUZANOV/", "Signed: I. Kádár", "– 123 chargé d'affaires –"],
)
def test_body_signature(text: str):
    filled = STATE._replace(opened=2, list=POINTS, filled=True)
    found = decide(BODY_RULES, cell(text), filled)
    closer = Container("closer-3", "closer")
    after = Container("div-4", "div", (("type", "document"),))
    assert (found.rule, found.placed) == ("signature", (Role.SIGNED, (*BASE, closer), {}))
    # The text after the signature opens a division of the same type.
    assert found.state == STATE._replace(base=(BODY, after), opened=4)
    # Directly in the body (before a document's first section), or before any text of its
    # division, a signature is a paragraph; a bare signature mark, whose office and name
    # lines stand apart from it, closes nothing.
    assert decide(BODY_RULES, cell(text), BodyState((BODY,), filled=True)).rule == "paragraph"
    assert decide(BODY_RULES, cell(text), STATE).rule == "paragraph"
    assert decide(BODY_RULES, cell("[signature]"), filled).rule == "bracketed-line"
    assert decide(BODY_RULES, cell("the [signature]"), filled).rule == "paragraph"


def test_body_distribution_caption():
    found = decide(BODY_RULES, cell("Distribution:"), STATE._replace(opened=2))
    assert (found.rule, found.placed) == ("distribution-caption", (Role.HEAD, (*BASE, COPIES), {}))
    assert found.marks("Distribution:") == []
    assert (found.state.list, found.state.list_kind, found.state.opened) == (
        COPIES,
        "distribution",
        3,
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1 – to Cde. A. A. Gromyko,", "1 –"),
        ("Nº 2 to file.", "Nº 2"),
        ("Copies to: Cde. Kim Il, Cde. Nam Il", "Copies to:"),
    ],
)
def test_body_distribution(text: str, label: str):
    found = decide(BODY_RULES, cell(text), STATE._replace(opened=2))
    assert (found.rule, found.placed) == ("distribution", (Role.ITEM, (*BASE, COPIES), {}))
    assert found.marks(text) == [("label", label)]
    # An item continues the distribution list that is open.
    listing = STATE._replace(list=COPIES, list_kind="distribution", opened=3)
    assert decide(BODY_RULES, cell(text), listing).state.list == COPIES


def test_body_distribution_item():
    listing = STATE._replace(list=COPIES, list_kind="distribution", opened=3)
    found = decide(BODY_RULES, cell("2. Cde. N. S. Khrushchev"), listing)
    assert (found.rule, found.placed) == ("distribution-item", (Role.ITEM, (*BASE, COPIES), {}))
    assert found.marks("2. Cde. N. S. Khrushchev") == [("label", "2.")]
    assert decide(BODY_RULES, cell("File"), listing).rule == "distribution-item"
    # Outside a distribution list, or for a sentence, it is not one.
    assert decide(BODY_RULES, cell("File"), STATE).rule == "paragraph"
    sentence = "The delegation was received by the Minister on the same day."
    assert decide(BODY_RULES, cell(sentence), listing).rule == "paragraph"


@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        ("- 2 -", {"type": "pageNum"}),
        ("SECRET", {"type": "classification", "ana": "#cls-secret"}),
        ("Classification: Top Secret", {"type": "classification", "ana": "#cls-top-secret"}),
        ("Highly classified!", {"type": "classification"}),
        ("Copy Nº 3", {"type": "copyNumber"}),
    ],
)
def test_body_marking(text: str, attributes: dict[str, str]):
    found = decide(BODY_RULES, cell(text), STATE)
    assert found.rule == "marking"
    assert found.claim is not None
    assert (found.claim.role, found.claim.path) == (Role.MARKING, BASE)
    assert dict(found.claim.attrs) == {**attributes, "place": "top"}
    # A registry line is the back's; among the body's paragraphs it is text.
    assert decide(BODY_RULES, cell("Five copies printed"), STATE).rule == "paragraph"


def test_body_participants_caption():
    bare = decide(BODY_RULES, cell("Participants:"), STATE._replace(list=POINTS))
    assert (bare.rule, bare.placed) == ("participants-caption", (Role.PARTICIPANTS, BASE, {}))
    assert (bare.state.field, bare.state.list) == ("participants", None)
    # A caption with the names on its own line heads nothing after it.
    inline = decide(BODY_RULES, cell("Present at the conversation: A. Ivanov."), STATE)
    assert (inline.rule, inline.state.field) == ("participants-caption", None)


def test_body_participant_line():
    under_caption = STATE._replace(field="participants")
    found = decide(BODY_RULES, cell("South: Lee Hu-rak, Chong Hong-jin"), under_caption)
    assert (found.rule, found.placed) == ("participant-line", (Role.PARTICIPANTS, BASE, {}))
    assert found.state.field == "participants"  # the next line may list names too
    outside = decide(BODY_RULES, cell("South: Lee Hu-rak, Chong Hong-jin"), STATE)
    assert outside.rule == "paragraph"


def test_body_agenda_point():
    agenda = STATE._replace(opened=2, list_kind="agenda")
    first = decide(BODY_RULES, cell("1. The harvest of the year."), agenda)
    listed = Container("list-3", "list", (("type", "agenda"),))
    assert (first.rule, first.placed) == ("agenda-point", (Role.ITEM, (*BASE, listed), {}))
    assert first.marks("1. The harvest of the year.") == [("label", "1.")]
    second = decide(BODY_RULES, cell("2) Other questions."), first.state)
    assert second.rule == "agenda-point"
    assert second.claim is not None
    assert second.claim.path == (*BASE, listed)
    # Outside an agenda a numbered line is a numbered paragraph.
    assert decide(BODY_RULES, cell("1. The harvest of the year."), STATE).rule == (
        "numbered-paragraph"
    )


def test_body_point():
    first = decide(BODY_RULES, cell("a) the first point;"), STATE._replace(opened=2))
    assert (first.rule, first.placed) == ("point", (Role.ITEM, (*BASE, POINTS), {}))
    assert first.marks("a) the first point;") == [("label", "a)")]
    assert (first.state.list, first.state.list_kind) == (POINTS, "points")
    second = decide(BODY_RULES, cell("(b) the second point."), first.state)
    assert (second.rule, second.state.list) == ("point", POINTS)
    # After an enumeration, a point opens a list of its own.
    enumerated = STATE._replace(opened=2, list=ENUMERATION, list_kind="enumeration")
    own = decide(BODY_RULES, cell("a) the first point;"), enumerated)
    assert own.state.list == POINTS


def test_body_enumeration_item():
    open_list = STATE._replace(opened=3, list=ENUMERATION, list_kind="enumeration")
    text = "in the chemical industry: fertilizer plants."
    found = decide(BODY_RULES, cell(text), open_list)
    assert (found.rule, found.placed) == ("enumeration-item", (Role.ITEM, (*BASE, ENUMERATION), {}))
    assert found.marks(text) == [("label", "in the chemical industry:")]
    assert found.state.opened == 3  # the same list goes on


def test_body_enumeration_start():
    after_colon = STATE._replace(opened=2, lead_in=True)
    text = "in the metallurgical industry: for the restoration of plants;"
    found = decide(BODY_RULES, cell(text), after_colon)
    assert (found.rule, found.placed) == (
        "enumeration-start",
        (Role.ITEM, (*BASE, ENUMERATION), {}),
    )
    assert found.marks(text) == [("label", "in the metallurgical industry:")]
    assert (found.state.list, found.state.lead_in) == (ENUMERATION, False)
    # Without a paragraph ending in a colon before it, a lower-case line is a paragraph.
    assert decide(BODY_RULES, cell(text), STATE).rule == "paragraph"


def test_body_field_paragraph():
    found = decide(BODY_RULES, cell("Agenda:"), STATE._replace(list=POINTS, list_kind="points"))
    assert (found.rule, found.placed) == ("field-paragraph", (Role.PARAGRAPH, BASE, {}))
    assert found.marks("Agenda:") == [("label", "Agenda:")]
    assert (found.state.list, found.state.list_kind, found.state.field) == (
        None,
        "agenda",
        "agenda",
    )
    subject = decide(BODY_RULES, cell("Subject: the visit of the delegation"), STATE)
    assert subject.marks("Subject: the visit of the delegation") == [("label", "Subject:")]
    assert subject.state.list_kind is None


def test_body_ordinal_paragraph():
    text = "Secondly, the plan must be fulfilled."
    found = decide(BODY_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("ordinal-paragraph", (Role.PARAGRAPH, BASE, {"n": "2"}))
    assert found.marks(text) == [("label", "Secondly,")]


def test_body_numbered_paragraph():
    text = "03. The plenum decides to act."
    found = decide(BODY_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("numbered-paragraph", (Role.PARAGRAPH, BASE, {"n": "03"}))
    assert found.marks(text) == [("label", "03.")]


def test_body_paragraph():
    in_a_list = STATE._replace(list=POINTS, list_kind="points", field="participants")
    found = decide(BODY_RULES, cell("The plenum closed."), in_a_list)
    assert (found.rule, found.placed) == ("paragraph", (Role.PARAGRAPH, BASE, {}))
    # The list, its kind and the field all end here; the division now holds text.
    assert found.state == STATE._replace(filled=True)
    assert decide(BODY_RULES, cell("The plenum notes:"), STATE).state.lead_in


# --- closer ----------------------------------------------------------------------------------


def test_closer_salute():
    found = decide(CLOSER_RULES, cell("With communist greetings,"), STATE)
    assert (found.rule, found.placed) == ("salute", (Role.SALUTE, (BODY, CLOSER), {}))


@pytest.mark.parametrize("text", ["Pyongyang, 5 March 1957", "5 March 1957"])
def test_closer_dateline(text: str):
    found = decide(CLOSER_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("dateline", (Role.DATELINE, (BODY, CLOSER), {}))


@pytest.mark.parametrize(
    "text",
    ["Attaché Kim Chol translated the conversation.", "Recorded by: First Secretary V. Pelishenko"],
)
def test_closer_credit(text: str):
    found = decide(CLOSER_RULES, cell(text), STATE)
    assert (found.rule, found.placed) == ("credit", (Role.BYLINE, (BODY, CLOSER), {}))


def test_closer_signer():
    found = decide(CLOSER_RULES, cell("CHAIRMAN OF THE KWP CC KIM IL SUNG"), STATE)
    assert (found.rule, found.placed) == ("signer", (Role.SIGNED, (BODY, CLOSER), {}))
    # A signer's line ends an addressee's address above it.
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end="Hon. A. Rossi")
    found = decide(CLOSER_RULES, cell("(signed) R. Elphberg."), open_address)
    assert (found.rule, found.state) == ("signer", STATE._replace(opened=1))


@pytest.mark.parametrize(
    "text", ["Hon. Prof. Aldo Rossi", "His Excellency Mr. Jan Nowak", "To Comrade N. T. Orlov"]
)
def test_closer_addressee(text: str):
    # A letter may name its addressee under the signature, in a style nobody signs with.
    found = decide(CLOSER_RULES, cell(text), STATE)
    assert found.rule == "addressee"
    assert found.placed == (Role.ADDRESS, (BODY, CLOSER, ADDRESS), {"role": "recipient"})


def test_closer_addressee_below():
    below = cell("Shri Arun Das,")
    state = STATE._replace(addressed=frozenset({below}))
    found = decide(CLOSER_RULES, below, state)
    assert found.rule == "addressee-below"
    assert found.placed == (Role.ADDRESS, (BODY, CLOSER, ADDRESS), {"role": "recipient"})


def test_closer_address_below():
    below = cell("New Delhi.")
    state = STATE._replace(opened=1, address=ADDRESS, addressed=frozenset({below}))
    found = decide(CLOSER_RULES, below, state)
    assert (found.rule, found.placed) == (
        "address-below",
        (Role.ADDRESS, (BODY, CLOSER, ADDRESS), {}),
    )


def test_a_letters_addressee_at_its_foot_is_an_address_in_the_closer():
    lines = [
        "I enclose the survey.",
        "With kind regards,",
        "Yours sincerely,",
        "[Ravi Menon]",
        "Shri Arun Das,",
        "Minister of Fisheries,",
        "New Delhi.",
    ]
    assert roles(lines, "letter") == [
        ("p", "div"),
        ("salute", "closer"),
        ("salute", "closer"),
        ("signed", "closer"),
        ("address", "address"),
        ("address", "address"),
        ("address", "address"),
    ]
    # Right under the closing salutation, the name is the signer's: no address.
    signer = ["I enclose the survey.", "Yours sincerely,", "Dr. Ravi Menon,", "Director."]
    assert ("address", "address") not in roles(signer, "letter")
    # With no signature above them, the lines are the text's.
    assert roles(["We met.", "Shri Arun Das,", "New Delhi."], "letter")[1] == ("p", "div")


def test_closer_address_line():
    open_address = STATE._replace(opened=1, address=ADDRESS, address_end="Hon. Prof. Aldo Rossi")
    found = decide(CLOSER_RULES, cell("Minister for Foreign Trade"), open_address)
    assert found.rule == "address-line"
    assert found.placed == (Role.ADDRESS, (BODY, CLOSER, ADDRESS), {})


# --- the body as a whole ---------------------------------------------------------------------


def roles(texts: list[str], genre: str = "document") -> list[tuple[str, str]]:
    """(role, innermost container) of each line read as a body."""
    claims = read_body([cell(t) for t in texts], genre)
    return [(str(c.role), c.path[-1].tag) for c in claims]


def test_opener_text_and_closer_are_read_with_their_own_tables():
    assert roles(
        [
            "From: Pyongyang",
            "Dear Comrade Minister!",
            "We thank you for the books.",
            "With comradely greetings,",
            "AMBASSADOR V. IVANOV",
        ]
    ) == [
        ("address", "opener"),
        ("salute", "opener"),
        ("p", "div"),
        ("salute", "closer"),
        ("signed", "closer"),
    ]


def test_an_addressee_block_is_one_address_in_the_opener_and_under_the_signature():
    lines = [
        "to Mr. Jan Nowak",
        "Chairman of the Council of Ministers of",
        "the Republic of Ruritania",
        "Strelsau",
        "We thank you for the books.",
        "[signed Rudolf Elphberg]",
        "Hon. Prof. Aldo Rossi",
        "Minister for Foreign Trade",
    ]
    claims = read_body([cell(t) for t in lines], "letter")
    assert [(str(c.role), "/".join(k.tag for k in c.path[1:])) for c in claims] == [
        ("address", "div/opener/address"),
        ("address", "div/opener/address"),
        ("address", "div/opener/address"),
        ("address", "div/opener/address"),
        ("p", "div"),
        ("signed", "closer"),
        ("address", "closer/address"),
        ("address", "closer/address"),
    ]
    assert claims[0].path[-1] == claims[3].path[-1]  # one address of four lines
    # Only the first line of each address names its party.
    assert [dict(c.attrs).get("role") for c in claims if str(c.role) == "address"] == [
        "recipient", None, None, None, "recipient", None
    ]  # fmt: skip


def test_a_line_that_could_open_or_close_the_body_opens_it():
    assert roles(["From: Pyongyang", "15 May 1957"]) == [
        ("address", "opener"),
        ("dateline", "opener"),
    ]


def test_a_body_that_would_be_all_closer_has_no_closer():
    assert roles(["KIM IL SUNG", "PAK HON YONG"]) == [("p", "div"), ("p", "div")]


def test_in_a_journal_a_date_line_heads_the_first_entry_not_the_opener():
    assert roles(["5 March 1959", "Today I met the minister."], genre="journal") == [
        ("head", "div"),
        ("p", "div"),
    ]


def test_sections_leave_no_document_div_before_the_first_heading():
    claims = read_body([cell("The preamble."), cell("I."), cell("The first section.")], "decision")
    assert claims[0].path == (BODY,)
    assert claims[2].path == claims[1].path != (BODY,)


@pytest.mark.parametrize(
    "lines",
    [
        ["2. On the letter by Comrade Nowicki:", "Text.", f"3. {_LONG_HEAD}", "Text."],
        [f"2. {_LONG_HEAD}", "Text.", "3. On the letter by Comrade Nowicki:", "Text."],
        # A chain: the heading at its end makes every long one before it a heading.
        [f"1. {_LONG_HEAD}", f"2. {_LONG_HEAD}", "3. On the letter:", "Text."],
    ],
)
def test_the_headings_of_a_numbered_series_are_read_alike(lines: list[str]):
    assert [role for role, _ in roles(lines)] == [
        "head" if line[:1].isdigit() else "p" for line in lines
    ]


@pytest.mark.parametrize(
    "lines",
    [
        # Not the next number, another style between, or a sentence next to the heading.
        ["2. On the letter by Comrade Nowicki:", f"4. {_LONG_HEAD}"],
        ["2. On the letter by Comrade Nowicki:", "II.", f"3. {_LONG_HEAD}"],
        ["2. On the letter:", "3. The counsellor thanked me.", f"4. {_LONG_HEAD}"],
    ],
)
def test_a_long_numbered_line_outside_a_series_of_headings_stays_a_paragraph(lines: list[str]):
    assert roles(lines)[-1] == ("p", "div")


@pytest.mark.parametrize(
    "lines",
    [
        [
            "1. The consul plainly avoids meeting the other missions.",
            "2. The consuls ignore our invitations to the national day:",
            "- the Hungarians were sent a junior attaché",
            "3. Reports obtained from their press attaché, turn out to be unreliable",
        ],
        # A long heading-shaped line before a numbered sentence is one of its points too.
        [
            "1. Reports obtained from their press attaché, turn out to be unreliable",
            "2. The consul plainly avoids meeting the other missions.",
        ],
    ],
)
def test_the_points_of_a_series_of_numbered_sentences_are_read_alike(lines: list[str]):
    claims = read_body([cell(line) for line in lines], "telegram")
    numbered = [c for c, line in zip(claims, lines, strict=True) if line[:1].isdigit()]
    assert {(c.role, c.path[-1].tag) for c in numbered} == {(Role.PARAGRAPH, "div")}
    assert claims[0].path[-1].attrs == (("type", "telegram"),)


def test_a_short_heading_next_to_a_numbered_sentence_stays_a_heading():
    lines = ["1. The consul plainly avoids meeting the other missions.", "2. Trade", "Text."]
    assert [role for role, _ in roles(lines)] == ["p", "head", "p"]


def test_a_page_break_keeps_the_state_of_the_text_around_it():
    texts = [cell("a) the first point;"), cell(page_break=True), cell("b) the second point.")]
    claims = read_body(texts, "document")
    assert claims[1].role is Role.PAGE_BREAK
    assert claims[0].path == claims[2].path


def test_a_distribution_list_ends_at_the_next_section_or_paragraph():
    lines = ["Distribution:", "1. Cde. N. S. Khrushchev", "2. File", "III.", "File", "End."]
    assert roles(lines) == [
        ("head", "list"),
        ("item", "list"),
        ("item", "list"),
        ("head", "div"),
        ("p", "div"),
        ("p", "div"),
    ]


def test_a_signature_among_the_text_closes_its_division():
    lines = ["The note is attached.", "[signature] N. ZAKHAROV", "Top Secret", "The note."]
    claims = read_body([cell(t) for t in lines], "document")
    assert [(str(c.role), c.path[-1].tag) for c in claims] == [
        ("p", "div"),
        ("signed", "closer"),
        ("marking", "div"),
        ("p", "div"),
    ]
    assert claims[1].path[-2] == claims[0].path[-1]  # the closer ends the first division
    assert claims[2].path[-1] != claims[0].path[-1]  # and a new one follows


def test_a_distribution_caption_without_items_is_a_paragraph():
    lines = ["Distribution:", "The delegation left Pyongyang on the same day by train.", "End."]
    assert roles(lines) == [("p", "div"), ("p", "div"), ("p", "div")]


def test_an_initial_that_is_a_roman_numeral_signs_unless_a_series_has_its_number():
    # "I. STALIN" under the text signs it; "V. ECONOMY" after "IV. TRADE" heads section five.
    signed = roles(["We agree to the exchange.", "I. STALIN"])
    assert signed == [("p", "div"), ("signed", "closer")]
    lines = ["IV. TRADE", "Exports rose.", "V. ECONOMY", "Prices fell."]
    assert [r for r, _ in roles(lines)] == ["head", "p", "head", "p"]
    # Amid the text, with more text after it, it still closes a division and heads none.
    amid = roles(["We agree to the exchange.", "V. ZORIN", "Sent by the duty officer."])
    assert ("head", "div") not in amid
    assert ("signed", "closer") in amid
