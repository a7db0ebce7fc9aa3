"""classify, through ``read``: roles and container paths of small documents in the seed's layout."""

from __future__ import annotations

from tei_plenum.model import Block, Role
from tei_plenum.reader import read


def src(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def blocks(text: str) -> list[Block]:
    return [b for b in read(text, source_name="t.txt").blocks if b.role is not Role.PAGE_BREAK]


def summary(text: str) -> list[tuple[str, str, str]]:
    """(role, container path, text) per block, the path as tags joined by "/"."""
    return [(str(b.role), "/".join(c.tag for c in b.path), b.text) for b in blocks(text)]


def by_text(text: str) -> dict[str, Block]:
    return {b.text: b for b in blocks(text)}


def marks(block: Block) -> list[tuple[str, str, dict[str, str]]]:
    return [(m.tag, block.text[m.start : m.end], dict(m.attrs)) for m in block.marks]


DECISION = src(
    " Wilson Center Digital Archive Translation - English",
    "",
    "Translation from Korean       SECRET  ",
    "Copy Nº 1  ",
    "  ",
    "DECISION OF THE KWP CC PLENUM  ",
    "30-31 August 1956  ",
    "  ",
    "The results of the work of the government delegation  ",
    "  ",
    "I.  ",
    "  ",
    "Having heard the report the plenum notes:  ",
    "  ",
    "in the metallurgical industry: for the restoration of plants;  ",
    "  ",
    "in the chemical industry: fertilizer plants.  ",
    "  ",
    "It is necessary to increase the production.  ",
    "  ",
    "First. In all sectors consolidate the successes.  ",
    "  ",
    "a) the first point;  ",
    "  ",
    "b) the second point.  ",
    "  ",
    "xxx  ",
    "  ",
    "2.  ",
    "  ",
    "[stamp: Incoming 02277-ss]  ",
    "  ",
    "The plenum closed.  ",
    "  ",
    "CHAIRMAN OF THE KWP CC KIM IL SUNG  ",
    "  ",
    "Five copies printed   Translated [by]:  ",
    "Nº 933      Rozanov [signature]  ",
    "printed. m/b     Bulgakov [signature]  ",
    "12 September 1956       Suvorov [signature]  ",
)


def test_decision_roles_and_paths():
    assert summary(DECISION) == [
        ("banner", "front", "Wilson Center Digital Archive Translation - English"),
        ("marking", "front", "Translation from Korean"),
        ("marking", "front", "Copy Nº 1"),
        ("marking", "front", "SECRET"),
        ("title", "front/titlePage/docTitle", "DECISION OF THE KWP CC PLENUM"),
        ("docDate", "front/titlePage", "30-31 August 1956"),
        ("subtitle", "front/titlePage", "The results of the work of the government delegation"),
        ("head", "body/div", "I."),
        ("p", "body/div", "Having heard the report the plenum notes:"),
        ("item", "body/div/list", "in the metallurgical industry: for the restoration of plants;"),
        ("item", "body/div/list", "in the chemical industry: fertilizer plants."),
        ("p", "body/div", "It is necessary to increase the production."),
        ("p", "body/div", "First. In all sectors consolidate the successes."),
        ("item", "body/div/list", "a) the first point;"),
        ("item", "body/div/list", "b) the second point."),
        ("separator", "body/div", "xxx"),
        ("head", "body/div", "2."),
        ("docket", "body/div", "[stamp: Incoming 02277-ss]"),
        ("p", "body/div", "The plenum closed."),
        ("signed", "body/closer", "CHAIRMAN OF THE KWP CC KIM IL SUNG"),
        ("marking", "back", "Five copies printed"),
        ("marking", "back", "Nº 933"),
        ("marking", "back", "printed. m/b"),
        ("marking", "back", "12 September 1956"),
        ("byline", "back/closer", "Translated [by]:"),
        ("signed", "back/closer", "Rozanov [signature]"),
        ("signed", "back/closer", "Bulgakov [signature]"),
        ("signed", "back/closer", "Suvorov [signature]"),
    ]


def test_decision_marking_types_places_and_numbers():
    found = by_text(DECISION)
    expected = {
        "Translation from Korean": ("translationNote", "top left"),
        "Copy Nº 1": ("copyNumber", "top left"),
        "SECRET": ("classification", "top right"),
        "Five copies printed": ("printRun", "bottom left"),
        "Nº 933": ("registration", "bottom left"),
        "printed. m/b": ("typist", "bottom left"),
        "12 September 1956": ("printDate", "bottom left"),
    }
    for text, (kind, place) in expected.items():
        assert (found[text].attr("type"), found[text].attr("place")) == (kind, place), text
    assert marks(found["Copy Nº 1"]) == [("num", "1", {"value": "1"})]
    assert marks(found["Five copies printed"]) == [("num", "Five", {"value": "5"})]
    assert marks(found["Nº 933"]) == [("idno", "933", {"type": "registration"})]


def test_sections_lists_and_labels():
    found = {b.text: b for b in blocks(DECISION)}
    heads = [b for b in blocks(DECISION) if b.role is Role.HEAD]
    assert [dict(b.path[-1].attrs) for b in heads] == [
        {"type": "section", "n": "1"},
        {"type": "section", "n": "2"},
    ]
    first = found["First. In all sectors consolidate the successes."]
    assert first.attr("n") == "1"
    assert marks(first) == [("label", "First.", {})]
    metallurgy = found["in the metallurgical industry: for the restoration of plants;"]
    assert marks(metallurgy) == [("label", "in the metallurgical industry:", {})]
    assert dict(metallurgy.path[-1].attrs) == {"type": "enumeration"}
    point = found["a) the first point;"]
    assert marks(point) == [("label", "a)", {})]
    assert dict(point.path[-1].attrs) == {"type": "points"}
    # The enumeration and the points are two lists, not one.
    assert metallurgy.path[-1] != point.path[-1]
    assert found["b) the second point."].path[-1] == point.path[-1]


def test_bracketed_docket_line_in_body_keeps_its_bracket_mark():
    docket = by_text(DECISION)["[stamp: Incoming 02277-ss]"]
    assert marks(docket) == [("bracket", "stamp: Incoming 02277-ss", {})]


def test_two_markings_on_one_docket_line_are_split():
    text = src("Nº 196  Copy Nº 1  ", "SECRET  ", "  ", "RECORD OF CONVERSATION  ", "  ", "Text.  ")
    assert summary(text)[:4] == [
        ("marking", "front", "Nº 196"),
        ("marking", "front", "Copy Nº 1"),
        ("marking", "front", "SECRET"),
        ("title", "front/titlePage/docTitle", "RECORD OF CONVERSATION"),
    ]
    found = by_text(text)
    assert found["Nº 196"].attr("type") == "registration"
    assert found["Copy Nº 1"].attr("type") == "copyNumber"
    assert (found["Copy Nº 1"].span.line, found["Copy Nº 1"].span.column) == (1, 9)


def test_double_space_in_a_line_that_is_not_two_markings_becomes_one_space():
    text = src("TITLE OF IT  ", "  ", "Text  of the report.  ", "  ", "More text.  ")
    assert "Text of the report." in by_text(text)


def test_bracketed_docket_line_before_the_title_is_a_marking():
    text = src(
        "[faded image of a stamp: Incoming 02277-ss]  ",
        "SECRET  ",
        "  ",
        "REPORT ON THE TRIP  ",
        "  ",
        "The text.  ",
    )
    assert summary(text) == [
        ("marking", "front", "[faded image of a stamp: Incoming 02277-ss]"),
        ("marking", "front", "SECRET"),
        ("title", "front/titlePage/docTitle", "REPORT ON THE TRIP"),
        ("p", "body/div", "The text."),
    ]
    assert by_text(text)["[faded image of a stamp: Incoming 02277-ss]"].attr("type") == "marking"


TELEGRAM = src(
    "Ciphered telegram Nº 1234      Top Secret  ",
    "Making copies is forbidden      Copy No. 2  ",
    "  ",
    "From: Pyongyang  ",
    "To: USSR MFA, Moscow  ",
    "  ",
    "15 May 1957  ",
    "  ",
    "Dear Comrade Ambassador!  ",
    "  ",
    "The shipment arrived in the port.  ",
    "  ",
    "With communist greetings,  ",
    "  ",
    "AMBASSADOR KARELIN  ",
)


def test_opener_and_closer_of_a_telegram():
    assert summary(TELEGRAM) == [
        ("marking", "front", "Ciphered telegram Nº 1234"),
        ("marking", "front", "Making copies is forbidden"),
        ("marking", "front", "Top Secret"),
        ("marking", "front", "Copy No. 2"),
        ("address", "body/div/opener", "From: Pyongyang"),
        ("address", "body/div/opener/address", "To: USSR MFA, Moscow"),
        ("dateline", "body/div/opener", "15 May 1957"),
        ("salute", "body/div/opener", "Dear Comrade Ambassador!"),
        ("p", "body/div", "The shipment arrived in the port."),
        ("salute", "body/closer", "With communist greetings,"),
        ("signed", "body/closer", "AMBASSADOR KARELIN"),
    ]
    found = by_text(TELEGRAM)
    assert found["From: Pyongyang"].attr("role") == "sender"
    assert found["To: USSR MFA, Moscow"].attr("role") == "recipient"
    assert found["Ciphered telegram Nº 1234"].attr("type") == "telegramNumber"
    assert marks(found["Ciphered telegram Nº 1234"]) == [("idno", "1234", {"type": "telegram"})]
    assert found["Making copies is forbidden"].attr("place") == "top left"
    assert found["Copy No. 2"].attr("place") == "top right"


def test_letter_dateline_and_salute_open_the_letter():
    text = src(
        "LETTER TO THE MINISTRY  ",
        "  ",
        "Pyongyang, 5 March 1957  ",
        "  ",
        "Dear Comrade Minister!  ",
        "  ",
        "We thank you for the books.  ",
        "  ",
        "The second paragraph.  ",
    )
    found = by_text(text)
    dateline = found["Pyongyang, 5 March 1957"]
    assert dateline.role is Role.DATELINE
    assert dateline.path[-1].tag == "opener"
    assert found["Dear Comrade Minister!"].role is Role.SALUTE


def test_a_dateline_whose_days_suffix_stands_apart_opens_the_letter():
    text = src(
        "LETTER TO THE MINISTRY  ",
        "  ",
        "Pyongyang, 28 th September, 1955  ",
        "  ",
        "Dear Comrade Minister!  ",
        "  ",
        "We thank you for the books.  ",
    )
    dateline = by_text(text)["Pyongyang, 28 th September, 1955"]
    assert dateline.role is Role.DATELINE
    assert dateline.path[-1].tag == "opener"


def test_participants_caption():
    text = src(
        "RECORD OF CONVERSATION  ",
        "  ",
        "Present at the conversation: V. P. Lobanov and the interpreter Ri Chol-u.  ",
        "  ",
        "The ambassador asked about the plant.  ",
        "  ",
        "The conversation lasted an hour.  ",
    )
    found = by_text(text)
    participants = found[
        "Present at the conversation: V. P. Lobanov and the interpreter Ri Chol-u."
    ]
    assert participants.role is Role.PARTICIPANTS
    assert found["The ambassador asked about the plant."].role is Role.PARAGRAPH
    assert read(text, source_name="t.txt").genre == "record of conversation"


def test_swapped_back_columns_are_classified_by_content():
    text = src(
        "Translation from Korean       SECRET  ",
        "  ",
        "TITLE OF THE LETTER  ",
        "  ",
        "The text of it.  ",
        "  ",
        "Translated [by]:   Five copies printed  ",
        "Rozanov [signature]      Nº 933  ",
    )
    assert summary(text)[-4:] == [
        ("byline", "back/closer", "Translated [by]:"),
        ("signed", "back/closer", "Rozanov [signature]"),
        ("marking", "back", "Five copies printed"),
        ("marking", "back", "Nº 933"),
    ]
    found = by_text(text)
    assert found["Five copies printed"].attr("place") == "bottom right"
    assert found["Nº 933"].attr("type") == "registration"


def test_journal_byline_and_dated_entries():
    text = src(
        "From the Journal of  ",
        "V. I. Ivanov  ",
        "  ",
        "5 March 1959  ",
        "  ",
        "Today I met the minister.  ",
        "  ",
        "6 March 1959  ",
        "  ",
        "The minister visited the embassy.  ",
    )
    doc = read(text, source_name="t.txt")
    assert doc.genre == "journal"
    found = {b.text: b for b in doc.blocks}
    byline = found["From the Journal of V. I. Ivanov"]
    assert byline.role is Role.BYLINE
    assert marks(byline) == [("docAuthor", "V. I. Ivanov", {})]
    entry = found["6 March 1959"]
    assert entry.role is Role.HEAD
    assert dict(entry.path[-1].attrs) == {"type": "entry"}
    assert found["The minister visited the embassy."].path[-1] == entry.path[-1]


def test_page_breaks_between_blocks_take_the_path_of_the_next_block():
    text = src(
        "TITLE  ", "  ", "I.  ", "  ", "Page one.  ", "", "", "", "  ", "2.  ", "  ", "Two.  "
    )
    doc = read(text, source_name="t.txt")
    pb = next(b for b in doc.blocks if b.role is Role.PAGE_BREAK)
    head = next(b for b in doc.blocks if b.text == "2.")
    assert pb.attr("n") == "2"
    assert pb.path == head.path


def test_page_break_mid_paragraph_is_a_pb_mark_in_the_paragraph():
    text = src("TITLE  ", "  ", "so that they not be scattered,", "", "", "", "but concentrated.  ")
    para = by_text(text)["so that they not be scattered, but concentrated."]
    assert [(m.tag, m.start, dict(m.attrs)) for m in para.marks] == [("pb", 31, {"n": "2"})]


def test_plain_prose_gets_a_warning():
    doc = read(src("Just one sentence here.", "", "And another one."), source_name="t.txt")
    assert [b.role for b in doc.blocks] == [Role.PARAGRAPH, Role.PARAGRAPH]
    assert doc.warnings


# --- the kind of document --------------------------------------------------------------------


def genre(*lines: str) -> tuple[str, tuple[str, ...]]:
    doc = read(src(*lines), source_name="t.txt")
    return doc.genre, doc.warnings


def test_the_printed_title_names_the_kind_first():
    assert genre("May 2, 1958", "Letter from Kim to Pak", "CABLE FROM THE EMBASSY", "Text.")[0] == (
        "telegram"
    )


def test_without_a_printed_title_the_archives_title_names_the_kind():
    assert genre("May 2, 1958", "Letter from Kim to Pak", "Dear Pak, the text.")[0] == "letter"
    assert genre("May 2, 1958", "Memorandum of Conversation, Kim with Pak", "Text.")[0] == (
        "memorandum of conversation"
    )


def test_a_letter_the_archive_files_as_a_note_is_a_letter():
    body = ("Dear Ravi,", "I attach the survey of the coal fields.", "Yours sincerely,", "V. Lal")
    assert genre("May 2, 1962", "Note, V. Lal to Ravi Menon", *body)[0] == "letter"
    # Without a complimentary close, the archive's word stands.
    assert genre("May 2, 1962", "Note, V. Lal to Ravi Menon", *body[:2])[0] == "note"


def test_an_extract_from_minutes_is_the_decision_the_archive_names():
    extract = ("Extract from protocol no. 12 of the meeting of the Board", "1. To approve it.")
    assert genre("May 2, 1958", "Decision of the Board on Fisheries", *extract)[0] == "decision"
    # Under an archive title naming no decision, an extract from minutes is minutes.
    assert genre("May 2, 1958", "Board on Fisheries, 1958", *extract)[0] == "minutes"


def test_a_short_line_naming_the_kind_names_it():
    found = genre("May 2, 1958", "Trade, 1958", "Embassy in Moscow", "Meeting, record of talks",
                  "The counsellor met the deputy minister at the ministry.")  # fmt: skip
    assert found[0] == "record of conversation"


def test_labelled_turns_make_a_record_of_a_conversation():
    lines = ("Comrade Kim:", "We agree with it.", "Comrade Pak:", "So do we.")
    assert genre(*lines)[0] == "record of conversation"


def test_an_attachment_line_makes_a_letter():
    lines = ("The note is attached for your information.", "ATTACHMENT: two sheets", "A. Lee")
    assert genre(*lines)[0] == "letter"


def test_a_dated_paper_from_an_institution_is_a_report():
    lines = ("Ministry of Trade", "Berlin, 3 May 1962", "The harvest was poor in all regions.")
    assert genre(*lines)[0] == "report"


def test_an_unknown_kind_is_other_and_warned():
    found, warnings = genre("The harvest was poor in all regions.", "Prices rose sharply.")
    assert found == "other"
    assert any("document type unknown" in w for w in warnings)


def test_a_printed_title_in_lower_case_is_warned():
    lines = ("Copy No. 2", "on the situation in the provinces", "The harvest was poor.")
    assert any("first word may be lost" in w for w in genre(*lines)[1])
