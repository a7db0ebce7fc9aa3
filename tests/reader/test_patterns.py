"""patterns: every line recogniser, with what it must and must not accept."""

from __future__ import annotations

import pytest

from tei_plenum.reader import patterns as pat
from tei_plenum.reader.patterns import Marking, Section
from tei_plenum.reader.patterns import speakers as said
from tei_plenum.vocabulary import Classification, MarkingType

# --- markings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("SECRET", Classification.SECRET),
        ("Secret!", Classification.SECRET),
        ("Top Secret", Classification.TOP_SECRET),
        ("TOP  SECRET", Classification.TOP_SECRET),
        ("Top Secret!", Classification.TOP_SECRET),
        ("STRICTLY SECRET", Classification.TOP_SECRET),
        ("Strictly secret", Classification.TOP_SECRET),
        ("Most Secret", Classification.TOP_SECRET),
        ("strictly confidential", Classification.CONFIDENTIAL),
        ("CONFIDENTIAL.", Classification.CONFIDENTIAL),
        ("Confidential", Classification.CONFIDENTIAL),
        ("Of special importance", Classification.SPECIAL_IMPORTANCE),
        ("TOP SECRET. OF SPECIAL IMPORTANCE", Classification.SPECIAL_IMPORTANCE),
        ("Special file", Classification.SPECIAL_IMPORTANCE),
        ("Top secret - special folder", Classification.SPECIAL_IMPORTANCE),
        ("For official use only", Classification.RESTRICTED),
        ("Not for publication", Classification.RESTRICTED),
        ("Restricted", Classification.RESTRICTED),
        ("NOT SECRET", Classification.UNCLASSIFIED),
        ("Unclassified", Classification.UNCLASSIFIED),
        ("S e c r e t", Classification.SECRET),
        ("T O P  S E C R E T !", Classification.TOP_SECRET),
        ("TOP SECRET [stamp]", Classification.TOP_SECRET),
        ("Classification: Secret", Classification.SECRET),
        ("Security classification: CONFIDENTIAL", Classification.CONFIDENTIAL),
        ("Highly classified.", None),
    ],
)
def test_classification_markings(text: str, level: Classification | None):
    assert pat.marking(text) == Marking(MarkingType.CLASSIFICATION, level=level)


@pytest.mark.parametrize(
    ("text", "kind", "span", "value"),
    [
        ("Copy Nº 1", "copyNumber", (8, 9), "1"),
        ("Copy No. 2", "copyNumber", (9, 10), "2"),
        ("Copy no. 4 re: no. 318", "copyNumber", (9, 10), "4"),
        ("COPY N° 12", "copyNumber", (8, 10), "12"),
        ("Copy #3", "copyNumber", (6, 7), "3"),
        ("Ex. No. 3", "copyNumber", (8, 9), "3"),
        ("Exemplar Nº 4", "copyNumber", (12, 13), "4"),
        ("Copy number 2", "copyNumber", (12, 13), "2"),
        ("Copy Nº 1 of 3", "copyNumber", (8, 9), "1"),
        ("Number 1338", "registration", (7, 11), "1338"),
        ("Ciphered telegram Nº 1234", "telegramNumber", (21, 25), "1234"),
        ("Telegram No. 55/ss", "telegramNumber", (13, 18), "55/ss"),
        ("Cryptogram No 803", "telegramNumber", (14, 17), "803"),
        ("Nº 933", "registration", (3, 6), "933"),
        ("Nº [311]", "registration", (4, 7), "311"),  # read by the translator from a stamp
        ("Reg. Nº 12/ss", "registration", (8, 13), "12/ss"),
        ("Outgoing No. 0417", "registration", (13, 17), "0417"),
        # A letter's reference under its letterhead.
        ("REF: C-94-61", "registration", (5, 12), "C-94-61"),
        ("Our ref.: 12/66", "registration", (10, 15), "12/66"),
        ("Five copies printed", "printRun", (0, 4), "5"),
        ("Printed in three copies", "printRun", (11, 16), "3"),
        ("2 copies", "printRun", (0, 1), "2"),
    ],
)
def test_markings_with_numbers(text: str, kind: str, span: tuple[int, int], value: str):
    assert pat.marking(text) == Marking(kind, span, value)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Translation from Korean", "translationNote"),
        ("Translated from the Russian", "translationNote"),
        ("Making copies is forbidden", "handling"),
        ("Making of copies prohibited", "handling"),
        ("Copying is not permitted", "handling"),
        ("Not to be copied", "handling"),
        ("Do not copy", "handling"),
        ("Reproduction strictly prohibited", "handling"),
        ("To be returned to the 1st Department", "handling"),
        ("Must be returned within 48 hours", "handling"),
        ("[Stamp: Making copies is forbidden]", "handling"),
        ("printed. m/b", "typist"),
        ("typed by ab", "typist"),
        ("Drafted by Ve-Ko 09.11", "typist"),
        ("Checked by [unknown signature]", "typist"),
        ("4ak", "typist"),
        ("5-nb", "typist"),
        ("Top urgent", "marking"),
        ("VERY URGENT!", "marking"),
        ("NEWSFLASH!", "marking"),
        ("Arrived: 3.5.71 09:15", "routing"),
        ("Dispatched 12 June, 18.00", "routing"),
        ("Deciphered at 14:20", "routing"),
        # A copy issued to its readers after the telegram was processed.
        ("Issued: 5/15/64 9 : 30 am", "routing"),
    ],
)
def test_markings_without_numbers(text: str, kind: str):
    assert pat.marking(text) == Marking(kind)


@pytest.mark.parametrize(
    "text",
    [
        "Secretary",
        "The secret police arrived.",
        "Secret (1)",
        "Top Secret Top Secret",
        "Classification of the documents",
        "TOP SECRET [the minister asked that this telegram be kept in the special file]",
        "Copy 3",
        "4th",
        "12kg",
        "2 ek",
        "Copy Nº one",
        "Nº",
        "Ciphered telegram",
        "Many copies printed",
        "The factory will duplicate its output.",
        "Copying machines were delivered.",
        "Reproduction of the plan is needed.",
        "He asked us to return within a week.",
        "Translation from Korean, as the archive says, is what this long line claims it to be.",
        "DECISION OF THE KWP CC PLENUM",
        "Sent 5 delegates to the congress of the union in the capital.",
        "Arrived late in the evening.",
        "",
    ],
)
def test_non_markings(text: str):
    assert pat.marking(text) is None


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Nº 196 Copy Nº 1", ["Nº 196", "Copy Nº 1"]),
        ("SECRET Copy Nº 1", ["SECRET", "Copy Nº 1"]),
        ("Number 1338 Top Secret Top Urgent", ["Number 1338", "Top Secret", "Top Urgent"]),
        ("Copy No. 2 Secret!", ["Copy No. 2", "Secret!"]),
    ],
)
def test_marking_parts(text: str, parts: list[str]):
    spans = pat.marking_parts(text)
    assert spans is not None
    assert [text[start:end] for start, end in spans] == parts


@pytest.mark.parametrize(
    "text",
    [
        "Top Secret",  # one marking
        "Number 1338 Top Secret Top Urgent Q36RA",  # a word that is no marking
        "from the journal SECRET Copy Nº 1",
        "Secret police Copy Nº 1",
        "",
    ],
)
def test_no_marking_parts(text: str):
    assert pat.marking_parts(text) is None


@pytest.mark.parametrize(
    ("word", "value"), [("Five", 5), ("twelve", 12), ("12", 12), ("hundred", 100)]
)
def test_number_value(word: str, value: int):
    assert pat.number_value(word) == value


@pytest.mark.parametrize("word", ["many", "six-teen", ""])
def test_number_value_refuses_non_numbers(word: str):
    assert pat.number_value(word) is None


# --- page numbers, numerals, sections --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"), [("- 2 -", 2), ("-12-", 12), ("Page 3", 3), ("[Page 4]", 4)]
)
def test_page_numbers(text: str, number: int):
    assert pat.page_number(text) == number


@pytest.mark.parametrize("text", ["2", "- 2", "Page two", "page 1000", "Pages 2"])
def test_non_page_numbers(text: str):
    assert pat.page_number(text) is None


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("XLIX", 49), ("LXXXIX", 89)],
)
def test_roman_values(numeral: str, value: int):
    assert pat.roman_value(numeral) == value


@pytest.mark.parametrize("numeral", ["", "iv", "C", "XC", "LL", "IIV2", "M"])
def test_non_roman_values(numeral: str):
    assert pat.roman_value(numeral) is None


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("I.", Section(1, None)),
        ("2.", Section(2, None)),
        ("4)", Section(4, None)),
        ("V)", Section(5, None)),
        ("12.", Section(12, None)),
        ("II. Economy", Section(2, "Economy")),
        ("III. The tasks of the Party", Section(3, "The tasks of the Party")),
    ],
)
def test_section_headings(text: str, section: Section):
    assert pat.section_heading(text) == section


@pytest.mark.parametrize(
    "text",
    [
        "123.",
        "IC.",
        "II.The",
        "I. ",
        "2",
        "2. economy",
        "3. The plenum notes that the results were good.",
        "4. The plan, the budget and the report;",
        "1. One two three four five six seven eight nine ten eleven twelve thirteen",
        "XC.",
    ],
)
def test_non_section_headings(text: str):
    assert pat.section_heading(text) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2. On the letter by Comrade Nowicki:", 2),
        ("3. On the visit of Comrade Orlov to Hanoi and on the talks he held there with them:", 3),
        ("12. Economy", 12),
    ],
)
def test_numbered_headings_of_any_length(text: str, number: int):
    assert pat.numbered_heading(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "3. The plenum notes that the results were good.",  # a sentence
        "4. The plan, the budget and the report;",
        "2. on the letter:",  # lower case
        "II. On the letter:",  # not arabic
        "2) On the letter:",
        "2.",  # no title on its line
        "5. " + "One two three four five six seven eight nine ten eleven twelve " * 2 + "end:",
    ],
)
def test_not_numbered_headings(text: str):
    assert pat.numbered_heading(text) is None


# --- labels ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("First. In all sectors", (1, 6)),
        ("Firstly, we must", (1, 8)),
        ("Second: the plan", (2, 7)),
        ("Eleventh. A", (11, 9)),
        ("FIRST. Go", (1, 6)),
    ],
)
def test_ordinal_labels(text: str, label: tuple[int, int]):
    assert pat.ordinal_label(text) == label


@pytest.mark.parametrize(
    "text", ["tenth. x", "Tenth.", "Thirteenth. A", "First of all, we", "Secondly,we", "Firsts. A"]
)
def test_non_ordinal_labels(text: str):
    assert pat.ordinal_label(text) is None


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("a) the plan", ("a", 2)),
        ("(b) the plan", ("b", 3)),
        ("3) x", ("3", 2)),
        ("12) y", ("12", 3)),
    ],
)
def test_point_labels(text: str, point: tuple[str, int]):
    assert pat.point_label(text) == point


@pytest.mark.parametrize("text", ["I) x", "(c)x", "a)", "J) x", "123) x", "a. the plan"])
def test_non_point_labels(text: str):
    assert pat.point_label(text) is None


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("in the metallurgical industry: for x", 30),
        ("a: b", 2),
        ("in the [chemical] sector: x", 25),
    ],
)
def test_item_label_ends_after_the_first_colon(text: str, end: int):
    assert pat.item_label_end(text) == end


@pytest.mark.parametrize(
    "text",
    [
        "in the agricultural sector put the main",
        "x. y: z",
        ":a",
        "a" * 61 + ": b",
        "the [handwritten: 010097ss]",
    ],
)
def test_item_without_label(text: str):
    assert pat.item_label_end(text) is None


# --- capitals, dates, places -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["DECISION OF THE KWP CC PLENUM", "KIM IL SUNG", "KWP CC, 1956"])
def test_is_upper(text: str):
    assert pat.is_upper(text)


@pytest.mark.parametrize("text", ["Decision", "I.", "A", "DPRK and USSR", "CHAIRMAN of the KWP CC"])
def test_is_not_upper(text: str):
    assert not pat.is_upper(text)


@pytest.mark.parametrize(
    "text",
    [
        "30-31 August 1956",
        "12 September 1956",
        "September 12, 1956",
        "Sept. 12, 1956",
        "August 1956",
        "5.III.1957",
        "05.03.1957",
        "1957-03-05",
        "30 August - 2 September 1956",
        "1st May 1957.",
        "24.III.50",
        "13.10.50",
        "07/10/50",
        "80. 10. 02.",
        "1980. 10. 02.",
        "1979 June 12",
        # The day's suffix set apart right before the month, as some typescripts print it.
        "28 th September, 1955",
    ],
)
def test_date_only(text: str):
    assert pat.is_date_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "On 12 September 1956",
        "12 September",
        "1956",
        "12 Septembre 1956",
        "May 1957 and after",
        "12.3.4.",
        "No. 12/3/50",
        "28 th",
        "the 28 th of September 1955",
    ],
)
def test_not_date_only(text: str):
    assert not pat.is_date_only(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Pyongyang, 5 March 1957", (0, 9)),
        ("Moscow 12 September 1956", (0, 6)),
        ("Pyongyang, 5.III.1957", (0, 9)),
        ("New York, March 5, 1957.", (0, 8)),
        ("Frankfurt am Main, 5 March 1957", (0, 17)),
        ("Embassy of the USSR in the DPRK, 5 March 1957", (0, 31)),
        ("Pyongyang, 80. 10. 02.", (0, 9)),
        ("Moscow, 24.III.50", (0, 6)),
        ("Washington, 10/14/50", (0, 10)),
        ("Pyongyang, 28 th September, 1955", (0, 9)),
        # An hour before or after the date.
        ("Hanoi, 3 p.m., 5 May 1966", (0, 5)),
        ("Hanoi, 5 June 1965, 10:30 a.m.", (0, 5)),
        # The date first, as some letterheads print it.
        ("April 12, 1979 Ulaanbaatar", (15, 26)),
        ("12 March 1979, Ulan Bator", (15, 25)),
    ],
)
def test_dateline_place(text: str, span: tuple[int, int]):
    assert pat.dateline_place(text) == span


@pytest.mark.parametrize(
    "text",
    [
        "5 March 1957",
        "pyongyang, 5 March 1957",
        "He left on 5 March 1957",
        "The plenum closed on 31 August 1956.",
        "Pyongyang, March",
        "Pyongyang, 28 th, 1955",
        "Pyongyang, 2 p.m.",
        "April 12, 1979 Secret",
        "12 March 1979 Monday",
        "12 March 1979 the talks",
    ],
)
def test_not_a_dateline(text: str):
    assert pat.dateline_place(text) is None


# --- genres and titles -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("From the Journal of V. I. Ivanov", "journal"),
        ("Diary of the ambassador", "journal"),
        ("RECORD OF CONVERSATION with Kim Il Sung", "record of conversation"),
        ("Memorandum of Conversation", "memorandum of conversation"),
        ("Memorandum of Telephone Conversation with the Minister", "memorandum of conversation"),
        ("Notes of A. Petrov on a Visit to the Factory", "note"),
        ("Notes of talks", "record of conversation"),
        ("Transcript of Official Negotiations between A and B", "record of conversation"),
        ("Conversation between Pak and Kim", "record of conversation"),
        ("Discussion between Li Wen and Tran Van Hoa", "record of conversation"),
        ("Minutes of the Discussions between Cdes. A and B", "minutes"),
        ("Meeting, record of conversation", "record of conversation"),
        ("Protocol Nº 5", "minutes"),
        ("Stenographic record", "minutes"),
        ("Transcript", "minutes"),
        ("Record of Meeting at the Embassy", "minutes"),
        ("Summary of a CC MPRP Meeting", "minutes"),
        ("Record of the Joint Party Committee Meeting", "minutes"),
        ("Working Notes from the Session of the CPSU CC Presidium", "minutes"),
        ("Record of Soviet-Japanese Talks", "record of conversation"),
        ("Soviet-Indian Talks (Conclusion)", "record of conversation"),
        (
            "Meeting between Mikhail Gorbachev and Deng Xiaoping (Excerpts)",
            "record of conversation",
        ),
        ("Ciphered Telegram", "telegram"),
        ("Cryptogram No 512 from Hanoi", "telegram"),
        ("Telephone Message via VCh, Molotov to Tito", "telegram"),
        ("Telephonogram from the Embassy", "telegram"),
        ("Cable from the Ambassador, 'Visit (Conversation with Zhou)'", "telegram"),
        ("Letter to the CC", "letter"),
        ("Resolution of the Presidium", "resolution"),
        ("Politburo Resolution and Letter to the CC", "resolution"),
        ("DECISION OF THE KWP CC PLENUM", "decision"),
        ("Report on the work", "report"),
        ("Remarks by the Hungarian Embassy in Hanoi on the Article", "report"),
        ("Assessment of the Situation in the Region", "report"),
        ("Information about the trip", "information"),
        ("Information of the Information Department", "information"),
        ("I n f o r m a t i o n", "information"),
        ("Note Number 12 from the Chargé", "note"),
        ("Memorandum on the harvest", "note"),
        ("Kim Il, 'On the Tasks: Report to the Third Congress of the Party'", "speech"),
    ],
)
def test_genre_of(text: str, genre: str):
    assert pat.genre_of(text) == genre


@pytest.mark.parametrize(
    "text",
    [
        "The Plenum",
        "ORDERLY",
        "recorder",
        "Reporter",
        "",
        "in order to agree",
        "Remarks by Kim",
        "RIVERSIDE TRADE AND INFORMATION CENTER",  # a body's name, no kind of document
    ],
)
def test_no_genre(text: str):
    assert pat.genre_of(text) is None


def test_every_genre_is_in_the_vocabulary():
    assert {genre for _, genre in pat.titles._GENRES} < set(pat.GENRES)


def test_a_title_that_reads_like_a_dateline_is_no_dateline():
    assert pat.dateline_place("Minutes of the Plenum Held on 5 May 1957") is None
    assert pat.dateline_place("Pyongyang Held on 5 May 1957") is not None
    assert pat.looks_like_title("Minutes of the Plenum Held on 5 May 1957")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RECORD OF A CONVERSATION", True),
        ("The Journal of Ambassador A. Petrov", True),
        ("Extract Minutes from Protocol Nº 7 of the Meeting", True),
        ("I n f o r m a t i o n", True),
        ("Note number 12", False),  # a document number, not a title
        ("TELEGRAM 055.123", False),
        ("From the journal of A. Petrov", False),  # a byline
        ("The plenum met.", False),
    ],
)
def test_names_a_kind(text: str, expected: bool):
    assert pat.names_a_kind(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Note number 399", True),
        ("TELEGRAM 066.621", True),
        ("# P12/34", True),
        ("Nº 378", True),
        ("Telegram No. 55", True),
        ("RESOLUTION", False),
        ("Report on 1958", False),
    ],
)
def test_is_document_number(text: str, expected: bool):
    assert pat.is_document_number(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("of official negotiations between the two delegations", True),
        ("on the situation in Hungary and Poland", True),
        ("with the deputy head of the planning board for trade", True),
        ("on the situation.", False),  # a sentence
        ("to Comrade Stalin", False),
        ("of it", False),  # too short for a title
    ],
)
def test_is_title_fragment(text: str, expected: bool):
    assert pat.is_title_fragment(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SED Central Committee", True),
        ("Embassy", True),
        ("1st Far Eastern Department", True),
        ("The Influence of the Party on the Economy", False),
        ("Report of the Ministry", False),
    ],
)
def test_is_institution_line(text: str, expected: bool):
    assert pat.is_institution_line(text) is expected


def test_letter_spaced_words_are_closed_up():
    assert pat.unspaced("I n f o r m a t i o n about it") == "Information about it"
    assert pat.unspaced("P r a g u e") == "Prague"
    assert pat.unspaced("a b and c") == "a b and c"  # two letters are no spaced word


def test_number_signs():
    assert pat.has_number_sign("Nº 196 Copy Nº 1")
    assert pat.has_number_sign("No. 0666")
    assert not pat.has_number_sign("No doubt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comrade Kim Il Sung:", True),
        ("North (KIM): Yes.", True),
        ("To: the Ministry", False),  # a field
        # A cable form's fields: their last word names a field, not a speaker.
        ("Number: [blacked out]", False),
        ("Sent: Prague, 16 November 1963", False),
        # A letterhead's contact fields, however many words lead into them.
        ("Cables: ORBIS WARSAW", False),
        ("Sports Warsaw Phone: 12-34-56, 65-43-21 Telex: 1234PL", False),
        ("The delegation said: yes", False),  # words in lower case: a sentence
    ],
)
def test_opens_with_label(text: str, expected: bool):
    assert pat.opens_with_label(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "DECISION OF THE KWP CC PLENUM",
        "DECISION.",
        "Record of Conversation with Kim",
        "Letter to the ambassador about the trade negotiations and the shipments, etc.",
    ],
)
def test_looks_like_title(text: str):
    assert pat.looks_like_title(text)


@pytest.mark.parametrize(
    "text",
    [
        "The results of the work",
        "Report.",
        "Record of the talks ended here.",
        "Ordered goods arrived",
        "Recordings",
        "A" + "b" * 230,
    ],
)
def test_does_not_look_like_title(text: str):
    assert not pat.looks_like_title(text)


# --- fields, participants, salutes, captions -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("From: Pyongyang", ("from", 5)),
        ("TO: USSR MFA", ("to", 3)),
        ("Copy to: x", ("copy to", 8)),
        ("Date and Time: 5 May", ("date and time", 14)),
        ("Agenda:", ("agenda", 7)),
        ("Resolved: that", ("resolved", 9)),
        ("[Ambassador's] note: x", ("note", 20)),
        ("Ambassador's note: x", ("ambassador's note", 18)),
        ("Present: A", ("present", 8)),
        ("Recorded by: z", ("recorded by", 12)),
    ],
)
def test_field_labels(text: str, field: tuple[str, int]):
    assert pat.field_label(text) == field


@pytest.mark.parametrize(
    "text", ["Kim Il Sung: yes", "To the ministry", "From:x", "Fromage: x", "North (KIM): no"]
)
def test_non_field_labels(text: str):
    assert pat.field_label(text) is None


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Present at the conversation: V. P. Lobanov", 28),
        ("Present: A", 8),
        ("Participants:", 13),
        ("Those present:", 14),
        ("Also present: B", 13),
        ("Took part in the talks: C", 23),
        ("Those Taking Part: Ivanov, Petrov(1)", 18),
        ("Those who took part: F", 20),
        ("At the meeting there were also present: D", 39),
        ("The following were present: E", 27),
        ("in the presence of comrades: A, B", 28),
        # The caption as a heading of its own line, without a colon.
        ("In Attendance", 13),
        ("Attending", 9),
    ],
)
def test_participants_captions(text: str, end: int):
    assert pat.participants_label_end(text) == end


@pytest.mark.parametrize(
    "text",
    [
        "Presently, we agreed: x",
        "Participants were many.",
        "Kim Il Sung: present",
        "At the meeting there were many questions: x",
        "In attendance were the two ministers.",
    ],
)
def test_non_participants_captions(text: str):
    assert pat.participants_label_end(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "North: Kim Yong-ju (Co-Chairman), Pak Song-chol",
        "South: Lee Hu-rak.",
        "From Seoul",
        "CHANG Ki-yeong Assistant to the co-chairman (Cabinet Secretary)",
        "Kim Tu-bong, Pak Chang-ok",
    ],
)
def test_participant_lines(text: str):
    assert pat.is_participant_line(text)


@pytest.mark.parametrize(
    "text",
    [
        # The first turn after a participants list is a turn, not a participant.
        "KARELIN: We will send the documents.",
        "LEE: Yes.",
        "North (KIM): Is everyone well?",
        "Kim: How was the journey?",
        "Comrade Kim Il Sung:",
        "The meeting began at 10:00.",
        # A heading after the list: a date is no name.
        "Second Plenary Session (October 4th)",
    ],
)
def test_non_participant_lines(text: str):
    assert not pat.is_participant_line(text)


@pytest.mark.parametrize(
    "text",
    ["Dear Comrade Ambassador!", "Respected Comrade Kim Il Sung,", "Comrades!", "Dear friends:"],
)
def test_opening_salutes(text: str):
    assert pat.is_opening_salute(text)


@pytest.mark.parametrize(
    "text", ["Dear Comrade, we write to say that the plan is good.", "Dearest", "Comrades, listen."]
)
def test_non_opening_salutes(text: str):
    assert not pat.is_opening_salute(text)


@pytest.mark.parametrize(
    "text",
    [
        "With communist greetings,",
        "With comradely greetings",
        "Respectfully yours,",
        "Sincerely,",
        "Yours faithfully",
        "With respect,",
        "With kind regards,",
        "With best wishes",
    ],
)
def test_closing_salutes(text: str):
    assert pat.is_closing_salute(text)


@pytest.mark.parametrize(
    "text",
    [
        "With greetings to all of you and to your families and friends in the city of Moscow.",
        "Sincerely we hope that the plan will be carried out.",
        "With the plan approved, the meeting closed.",
    ],
)
def test_non_closing_salutes(text: str):
    assert not pat.is_closing_salute(text)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Translated [by]:", 16),
        ("Translated from the Korean by:", 30),
        ("Translated into English by: Q", 27),
        ("Recorded by V. P. Lobanov", 12),
        ("Recorded [by]: Z", 14),
        ("Minutes taken by:", 17),
        ("Translator: X", 11),
        ("Interpreters: A, B", 13),
    ],
)
def test_caption_end(text: str, end: int):
    assert pat.caption_end(text) == end


@pytest.mark.parametrize(
    "text", ["Translation from Korean", "Translated the report", "Recorded music", "Rozanov"]
)
def test_non_captions(text: str):
    assert pat.caption_end(text) is None


# --- signature lines, credits, distribution lists ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[signature]  N. ZAKHAROV",
        "AMBASSADOR OF THE USSR IN THE DPRK [signature] /A. PUZANOV/",
        "/A. PUZANOV/",
        "Signed: Corneliu Bogdan",
        "(signed) I. Kádár",
        "– 123 chargé d'affaires –",
        "— Kádas —",
        "Ivanov [signature]",
        "Ambassador of the USSR [signature] V. I.",
    ],
)
def test_signature_lines(text: str):
    assert pat.is_signature_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "G R O M Y K O",  # letter-spaced words are not always signatures ("P r a h a")
        "The minister put his [signature] on the plan and sent it back.",
        "and/or",
        "- 2 -",
        "Signed:",
        "A. PUZANOV",
        "The treaty was signed: both sides agreed on every point of it after a long debate.",
    ],
)
def test_non_signature_lines(text: str):
    assert not pat.is_signature_line(text)


@pytest.mark.parametrize(
    ("text", "signature", "date"),
    [
        ("[signature] N. ZAKHAROV 25 April 1969", "[signature] N. ZAKHAROV", "25 April 1969"),
        ("12 May 1957 /V. IVANOV/", "/V. IVANOV/", "12 May 1957"),
        ("V. IVANOV 12 May 1957", "V. IVANOV", "12 May 1957"),
        ("G R O M Y K O  4 June 1962", "G R O M Y K O", "4 June 1962"),
    ],
)
def test_signature_date(text: str, signature: str, date: str):
    found = pat.signature_date(text)
    assert found is not None
    (a, b), (c, d) = found
    assert (text[a:b], text[c:d]) == (signature, date)


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang, 5 March 1957",
        "St. Petersburg 5 May 1957",
        "V. Ivanov 12 May 1957",  # a name, but a place would look the same
        "MOLOTOV 6 November 1945",
        "[signature] N. ZAKHAROV",
    ],
)
def test_no_signature_date(text: str):
    assert pat.signature_date(text) is None


def test_a_signature_line_that_names_its_signer():
    assert pat.signs_by_name("[signature]  N. ZAKHAROV")
    assert pat.signs_by_name("– 214 chargé d'affaires –")
    assert not pat.signs_by_name("[signature]")
    assert not pat.signs_by_name("[[illegible signature]]")
    assert not pat.signs_by_name("The plenum closed.")


def test_the_parts_of_a_signature():
    assert pat.signed_label_end("Signed: Corneliu Bogdan") == 8
    assert pat.signed_label_end("Signed:") is None
    # A copy's abbreviated "signed", before a name it is no part of.
    assert pat.signed_label_end("Sd. R. Weber") == 4
    assert pat.signed_label_end("Sgd. R. Weber") == 5
    text = "AMBASSADOR [signature] /A. PUZANOV/"
    start, end = pat.slashed_name(text)
    assert text[start:end] == "A. PUZANOV"
    assert pat.slashed_name("and/or and/ or") is None
    text = "– 123 chargé d'affaires –"
    start, end = pat.dashed_line(text)
    assert text[start:end] == "123 chargé d'affaires"
    assert pat.dashed_line("- 2 -") is None
    assert pat.dashed_line("– Yes, we agree –") is None  # dialogue
    assert pat.letter_spaced("MINISTER G R O M Y K O") == (9, 22)
    assert pat.letter_spaced("a b c d") is None  # not a name


@pytest.mark.parametrize(
    "text", ["Chargé d'Affaires ad interim", "Deputy Assistant Under-Secretary", "First Secretary"]
)
def test_office_lines(text: str):
    assert pat.is_office_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "the ambassador",
        "The ambassador left.",
        "Minister of Foreign Affairs of the USSR and Chairman of the Council",
    ],
)
def test_non_office_lines(text: str):
    assert not pat.is_office_line(text)


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("Attaché Kim Chol translated the conversation.", "interpreter", "Attaché Kim Chol"),
        ("Kim Chol acted as interpreter.", "interpreter", "Kim Chol"),
        ("Interpreter: Kim Chol", "interpreter", "Kim Chol"),
        ("Interpreters: Kim Chol and Pak Il", "interpreter", "Kim Chol and Pak Il"),
        ("Interpreted by: [Kim Chol]", "interpreter", "[Kim Chol]"),
        (
            "The conversation was interpreted by Embassy attaché I. Sergeev.",
            "interpreter",
            "Embassy attaché I. Sergeev",
        ),
        ("Recorded by V. P. Lobanov", "recorder", "V. P. Lobanov"),
        ("Recorded by: First Secretary V. Pelishenko", "recorder", "First Secretary V. Pelishenko"),
        (
            "The record was made by Third Secretary B. Petrov.",
            "recorder",
            "Third Secretary B. Petrov",
        ),
        ("Minutes taken by: J. Tejchma", "recorder", "J. Tejchma"),
        ("Counsellor Ivanov recorded the conversation.", "recorder", "Counsellor Ivanov"),
    ],
)
def test_credits(text: str, role: str, name: str):
    found = pat.credit(text)
    assert found is not None
    assert (found.role, text[found.name[0] : found.name[1]]) == (role, name)


@pytest.mark.parametrize(
    "text",
    [
        "He translated the conversation.",
        "The Chinese side translated.",
        "After that the minister translated the conversation.",
        "Recorded by the Embassy.",
        "Translated [by]:",  # the translators' caption, not a credit of a conversation
        "Recorded music was played at the reception.",
    ],
)
def test_non_credits(text: str):
    assert pat.credit(text) is None


@pytest.mark.parametrize(
    ("text", "caption", "items"),
    [
        ("Distribution:", "Distribution:", []),
        ("Distribution list:", "Distribution list:", []),
        (
            "Five copies sent: 1 – to Cde. Gromyko, 2 – to Cde. Zorin, 3 – to the file",
            "Five copies sent:",
            ["1 – to Cde. Gromyko,", "2 – to Cde. Zorin,", "3 – to the file"],
        ),
        ("Copies to: Cde. Kim Il, Cde. Nam Il", "Copies to:", ["Cde. Kim Il, Cde. Nam Il"]),
        ("cc: Mr. Smith", "cc:", ["Mr. Smith"]),
        ("bcc. Secretary General", "bcc.", ["Secretary General"]),
        ("Received by: Comrades Novak, Horvat", "Received by:", ["Comrades Novak, Horvat"]),
        ("Three copies sent re", "Three copies sent re", []),
        ("To be seen by", "To be seen by", []),
        (
            "Printed in 3 copies: 1. Addressee; 2. MFA; 3. File.",
            "Printed in 3 copies:",
            ["1. Addressee;", "2. MFA;", "3. File."],
        ),
        ("Nº 2 to file.", "", ["Nº 2 to file."]),
        ("1 – to the addressee, 2-3 – to file", "", ["1 – to the addressee,", "2-3 – to file"]),
        # A count of copies and where they went: the line is the item.
        ("1 x Ecuador", "", []),
    ],
)
def test_distribution(text: str, caption: str, items: list[str]):
    found = pat.distribution(text)
    assert found is not None
    assert text[: found.caption] == caption
    ends = (*found.items[1:], len(text))[: len(found.items)]
    assert [text[a:b].strip() for a, b in zip(found.items, ends, strict=True)] == items


@pytest.mark.parametrize(
    "text",
    [
        "2 to 3 years",
        "Two copies printed.",
        "The copies were distributed.",
        "1. Approve the plan.",
        "Acc. to the plan",
        "It was seen by the minister.",
        "10 x 5 metres",
    ],
)
def test_non_distribution(text: str):
    assert pat.distribution(text) is None


def test_print_run_end():
    assert pat.print_run_end("Two copies printed. Nº 2 to file.") == 19
    assert pat.print_run_end("Two copies printed. The rest were burnt.") is None
    assert pat.print_run_end("Nº 2 to file. Nº 3 to file.") is None


@pytest.mark.parametrize(
    ("text", "end"), [("1 – to X", 3), ("4-5 – to file", 5), ("1. Cde. X", 2), ("Nº 2 to file.", 4)]
)
def test_copy_label_end(text: str, end: int):
    assert pat.copy_label_end(text) == end


@pytest.mark.parametrize("text", ["4-ek", "1-to X", "Cde. X", "1957 was a year."])
def test_no_copy_label(text: str):
    assert pat.copy_label_end(text) is None


# --- separators, signatures, bracketed lines -------------------------------------------------


@pytest.mark.parametrize("text", ["xxx", "XXX", "* * *", "***", "=====", "---", "___", "~~~"])
def test_separators(text: str):
    assert pat.is_separator(text)


@pytest.mark.parametrize("text", ["xx", "* *", "xXx", "- - -", "=== ===", "xxx yyy", ""])
def test_non_separators(text: str):
    assert not pat.is_separator(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Rozanov [signature]", True),
        ("[[illegible signature]]", True),
        ("[Signed]", True),
        ("signature", False),
        ("[signatures of all members]", False),
    ],
)
def test_signature_mark(text: str, found: bool):
    assert bool(pat.SIGNATURE_MARK.search(text)) is found


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("[faded image of a stamp: TOP SECRET]", True),
        ("[[illegible signature]]", True),
        ("[stamp: [[TOP SECRET]] Incoming]", True),
        ("[Kansen] and [Sondin]", False),
        ("[a]]", False),
        ("x [a]", False),
        ("[a] [b", False),
        ("[", False),
    ],
)
def test_bracketed_line_is_one_whole_pair(text: str, whole: bool):
    assert pat.is_bracketed_line(text) is whole


@pytest.mark.parametrize(
    ("text", "omission"),
    [
        ("[…]", True),
        ("[...]", True),
        ("[. . .]", True),
        ("[text omitted]", True),
        ("[[…]]", False),  # a doubled pair: an unreadable passage
        ("[…] Dear Comrades,", False),
        ("[stamp]", False),
        ("…", False),
    ],
)
def test_omission_line_is_one_omission_mark(text: str, omission: bool):
    assert pat.is_omission_line(text) is omission


# --- speakers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "name", "alias"),
    [
        ("KARELIN: We agree.", "KARELIN:", "KARELIN", None),
        ("Comrade Puzanov: We agree.", "Comrade Puzanov:", "Comrade Puzanov", None),
        ("Premier Kim Il Sung (hereafter Kim): Well?", "Premier Kim Il Sung (hereafter Kim):",
         "Premier Kim Il Sung", "Kim"),
        ("Premier Zhou [Enlai] (to be abbreviated as Zhou): Yes.",
         "Premier Zhou [Enlai] (to be abbreviated as Zhou):", "Premier Zhou [Enlai]", "Zhou"),
        ("Ts. Narkhuu – I wanted to meet you.", "Ts. Narkhuu –", "Ts. Narkhuu", None),
        ("Comrade Kim Il Sung:", "Comrade Kim Il Sung:", "Comrade Kim Il Sung", None),
        ("THE CHAIRMAN: The meeting is open.", "THE CHAIRMAN:", "THE CHAIRMAN", None),
        ("Kennedy. I am glad.", "Kennedy.", "Kennedy", None),
        ("Brezhnev. ...We agree.", "Brezhnev.", "Brezhnev", None),
        ("Varga—it is worth waiting.", "Varga—", "Varga", None),
    ],
)  # fmt: skip
def test_speaker_labels(text: str, label: str, name: str, alias: str | None):
    found = said.speaker_label(text)
    assert found is not None
    assert text[: found.end] == label
    assert found.name is not None
    assert text[found.name[0] : found.name[1]] == name
    assert (text[found.alias[0] : found.alias[1]] if found.alias else None) == alias
    assert found.alone == (text == label)


def test_side_and_interview_labels():
    side = said.speaker_label("North (KIM): Yes.")
    assert side is not None
    assert (side.side, side.side_name) == ((0, 5), (7, 10))
    answer = said.speaker_label("Answer: In June.")
    assert answer is not None
    assert answer.interview == "answer"
    text = "ANSWER FROM COM. TITO. We shall not."
    stop = said.speaker_label(text)
    assert stop is not None
    assert stop.interview == "answer"
    assert stop.name is not None
    assert (text[: stop.end], text[slice(*stop.name)]) == ("ANSWER FROM COM. TITO.", "COM. TITO")
    question = said.speaker_label("QUESTION. Will you join?")
    assert question is not None
    assert question.interview == "question"


@pytest.mark.parametrize(
    "text",
    [
        "Reason: file no. 267",
        "Signature: (illegible)",
        "Date and Time: Nov. 3, 1972 10:15",
        "Archival Signature: fond 5",
        "Original Language: Russian",
        "Note in left margin: illegible",
        "City: Pyongyang",
        # A transcript's legend: abbreviations against what they stand for.
        "Key: UF = Unidentified Female Speaker. Bracketed words are the translator's.",
        "Legend: K.S. = Karim Saleh, the minister of transport and his deputy.",
        "Kim: the delegation of the Korean Workers' Party",
        "Kim Il Sung – the leader of the party – spoke.",
        "The talks were held in Moscow.",
        # A word that makes a sentence of its own, an office, an initial: no stop label.
        "Yes. We agree.",
        "Ambassador. The word was said.",
        "J. Smith wrote.",
        # A dash closed up to a name before a relative, or around an apposition: no label.
        "Varga—who chaired the session—spoke first.",
        "Varga—the new premier—agreed.",
    ],
)
def test_non_speaker_labels(text: str):
    assert said.speaker_label(text) is None


@pytest.mark.parametrize(
    ("text", "name_end", "found"),
    [
        ("Ortega Dear comrades, welcome.", 6, True),
        ("Ortega I am grateful to you.", 6, True),
        ("Ortega said that he agreed.", 6, False),
        ("Ortega. We agree.", 6, False),
        ("Ortega Street Bridge was closed.", 6, False),
        ("Subject Ortega arrived.", 7, False),
    ],
)
def test_bare_labels(text: str, name_end: int, found: bool):
    label = said.bare_label(text, name_end)
    assert (label is not None) is found
    if label is not None:
        assert (label.end, label.name, label.form) == (name_end, (0, name_end), "bare")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Han Sang-dok said that the ship had come.", "Han Sang-dok"),
        ("Zhou Enlai announces that all is well.", "Zhou Enlai"),
        ("Stalin thanks Zhou Enlai.", "Stalin"),
        # Briefing a listener on a subject reports speech too.
        ("Le Duan familiarized the Ambassador with the plan.", "Le Duan"),
        ("Gromyko outlines the position of the government.", "Gromyko"),
        ("THE PRIME MINISTER hoped they might agree.", "THE PRIME MINISTER"),
        ("Kim Il Sung sends comrade Stalin greetings.", "Kim Il Sung"),
        ("I replied that we would help.", "I"),
        ("Nam Il, the Minister, also said so.", "Nam Il"),
        # An adverb of manner between the speaker and the verb.
        ("N.S. Khrushchev humorously notes that it is warm.", "N.S. Khrushchev"),
    ],
)
def test_reported_clauses(text: str, who: str):
    span = said.reported_clause(text)
    assert span is not None
    assert text[span[0] : span[1]] == who


@pytest.mark.parametrize(
    "text",
    [
        "THE PRIME MINISTER gave a photograph.",
        "Kim Il Sung sends a telegram.",
        "Yes.",
        # Set off after the name: whose account it is. The person named is only reported.
        "Li Tok-su, in Pak Chol's words, expressed a hope that the talks resume.",
        "Novak, according to the attaché, said nothing of it.",
    ],
)
def test_non_reported_clauses(text: str):
    assert said.reported_clause(text) is None


@pytest.mark.parametrize(
    ("words", "person"),
    [
        ("Delegation Head Wu Xinyu", "Wu Xinyu"),
        ("MARSHAL STALIN", "STALIN"),
        ("Chairman Mao [Zedong]", "Mao [Zedong]"),
        ("[PRC Ambassador] Zhang Wentian", "Zhang Wentian"),
        ("Embassy Counsellor A. Ya. Pimenov", "A. Ya. Pimenov"),
        ("THE PRIME MINISTER", None),
        ("the Chief of Staff", None),
    ],
)
def test_person_span(words: str, person: str | None):
    span = said.person_span(words, 0, len(words))
    assert (words[span[0] : span[1]] if span else None) == person


def test_aliases_and_elided_speakers():
    text = "Chief Delegate Kim Tae-hui [henceforth referred to as Kim] and Pak (hereafter P.) came."
    assert [text[s:e] for _, s, e in said.aliases(text)] == ["Kim", "P."]
    assert said.elided_speaker("Speaks of the difficulties.")
    assert not said.elided_speaker("Speaking of the difficulties, he left.")


@pytest.mark.parametrize(
    ("text", "reported", "opens"),
    [
        ("Comrade Zhou Enlai: We agree.", False, True),
        ("THE PRIME MINISTER gave a photograph.", False, True),
        ("STALIN replied that he agreed.", False, True),
        ("USSR trade grew.", False, False),
        ("Zhou Enlai announces that all is well.", True, True),
        ("Zhou Enlai announces that all is well.", False, False),
        ("He asks about the harvest.", True, False),
        ("The conversation lasted an hour.", False, True),
    ],
)
def test_turn_start(text: str, reported: bool, opens: bool):
    assert said.turn_start(text, reported=reported) == opens


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("In reply, Kim Il Sung said that the plan was fulfilled.", "Kim Il Sung"),
        (
            "After the exchange of mutual greetings, Comrade Tolvan asks about the trip.",
            "Comrade Tolvan",
        ),
        ("Upon exchanging greetings, Bakrani mentions the weather.", "Bakrani"),
        # A lead-in runs to its comma: a phrase that is a sentence of its own is none.
        ("After the greetings. Tolvan asks about the trip.", None),
    ],
)
def test_a_reported_clause_after_a_lead_in(text: str, who: str | None):
    span = said.reported_clause(text)
    assert (text[span[0] : span[1]] if span else None) == who


# --- notes of the edition --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "translators"),
    [
        ("[1] Translator's note: the annex is not in the file.", 1, True),
        ("[12] Translators' note: see the protocol.", 12, True),
        ("[3]The protocol was not found.", 3, False),
        ('[2] "Nodong Sinmun", 5 May 1962.', 2, False),
        ("[4] ”Machines” meant tractors.", 4, False),  # a quotation mark of another shape
        ("[5] „Neues Deutschland”, 3 May.", 5, False),
    ],
)
def test_a_note_line_opens_with_its_number_in_brackets(
    text: str, number: int, translators: bool
) -> None:
    found = pat.note_line(text)
    assert found is not None
    assert (found.number, found.translators) == (number, translators)
    assert text[slice(*found.label)] == str(number)


@pytest.mark.parametrize(
    "text", ["[Karl] Weinholz", "[1]", "[1] 2 tons", "The letter[1] was sent.", "[[1]] text"]
)
def test_other_lines_are_no_note_lines(text: str) -> None:
    assert pat.note_line(text) is None
