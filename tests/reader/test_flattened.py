"""flattened: a document flattened onto one line, cut into the blocks a reader sees and its
turns cut into paragraphs of their own."""

from __future__ import annotations

from tei_plenum.model import Block, Container, Mark, Role, SourceSpan
from tei_plenum.reader import read, segment
from tei_plenum.reader.flattened import is_flattened, split_flattened, split_turns

RECORD = (
    "[Stamp: “SECRET”] RECORD OF A TALK WITH COMRADE KIM IL 3 March 1958 Present: comrades "
    "Puzanov, Pak. Translated by comr. Lee. THE AMBASSADOR asked about the harvest. Kim Il "
    "replied that it was good. Comrade Puzanov: We are glad. The agenda: 1) Trade [2] The "
    "trade grew. 2) Credits [to be agreed: later]. Dear Comrade Kim, the letter follows."
)


def blocks(text: str) -> list[str]:
    return [text[start:end] for start, end in split_flattened(text)]


def test_a_flattened_record_is_cut_at_every_visible_boundary():
    assert blocks(RECORD) == [
        "[Stamp: “SECRET”]",
        "RECORD OF A TALK WITH COMRADE KIM IL",
        "3 March 1958",
        "Present: comrades Puzanov, Pak.",
        "Translated by comr. Lee.",
        "THE AMBASSADOR asked about the harvest.",
        "Kim Il replied that it was good.",
        "Comrade Puzanov: We are glad.",
        "The agenda:",
        "1) Trade [2]",
        "The trade grew.",
        "2) Credits [to be agreed: later]. Dear Comrade Kim, the letter follows.",
    ]


def test_words_are_neither_lost_nor_moved():
    assert " ".join(blocks(RECORD)).split() == RECORD.split()


def test_no_boundary_inside_brackets_or_quotes():
    text = "The note [Present: nobody. THE AMBASSADOR left.] and “To: the Minister” stay whole."
    assert blocks(text) == [text]


def test_a_letters_close_signer_dateline_and_note_are_blocks_of_their_own():
    text = (
        "We enclose the brochure.[2] With comradely greetings, [Otto] Brenner Leipzig, 2 May "
        "1963 [1] Translator's note: the brochure is not in the file."
    )
    assert blocks(text) == [
        "We enclose the brochure.[2]",
        "With comradely greetings,",
        "[Otto] Brenner",
        "Leipzig, 2 May 1963",
        "[1] Translator's note: the brochure is not in the file.",
    ]


def test_a_cable_forms_fields_are_blocks_of_their_own():
    text = "Approved by: Li Wen, Han Bo Level: Urgent Copied to: […] Subject: The talks."
    assert blocks(text) == [
        "Approved by: Li Wen, Han Bo",
        "Level: Urgent",
        "Copied to: […]",
        "Subject: The talks.",
    ]


def test_a_signature_under_an_office_in_capitals_and_the_notes_after_it_are_blocks():
    text = (
        "Attaché V. Orlin was present. SECOND SECRETARY OF THE [signature] EMBASSY "
        "(P. ZAGORSKY) 12 copies printed"
    )
    assert blocks(text) == [
        "Attaché V. Orlin was present.",
        "SECOND SECRETARY OF THE [signature] EMBASSY (P. ZAGORSKY)",
        "12 copies printed",
    ]


def test_a_labelled_turn_after_a_remark_in_parentheses_is_cut():
    text = "Chen: How many? Abe: Four. (later corrected to five) Chen: We have ten."
    assert blocks(text) == [
        "Chen: How many?",
        "Abe: Four. (later corrected to five)",
        "Chen: We have ten.",
    ]
    # Not before a label whose words are no sentence.
    assert blocks("He met Kim (at last) Lin: a friend") == ["He met Kim (at last) Lin: a friend"]


def test_prose_without_boundaries_stays_one_block():
    text = "The delegation arrived on time. It was received by the minister, who spoke at length."
    assert blocks(text) == [text]


BODY = (Container("body", "body"), Container("div-0", "div", (("type", "record"),)))
PADDING = " The weather was mild and the delegation rested." * 12


def _paragraph(text: str, role: Role = Role.PARAGRAPH) -> Block:
    return Block(role, text, SourceSpan(1, 1, 1), 1, BODY)


def _texts(blocks: tuple[Block, ...]) -> list[str]:
    return [b.text for b in blocks]


def test_one_long_line_is_flattened_and_a_web_copy_is_not():
    line = "Comrade Gromyko: We agree." + PADDING
    assert is_flattened(segment(line + "\n"))
    assert not is_flattened(segment("June 1, 1962\nRecord of Conversation\n" + line + "\n"))
    assert not is_flattened(segment("Comrade Gromyko: We agree.\n"))


def test_a_paragraph_is_cut_before_each_labelled_turn():
    text = "The talks began at ten. Comrade Gromyko: We agree. Comrade Chen Yi: So do we."
    found = split_turns((_paragraph(text),), "document")
    assert _texts(found) == [
        "The talks began at ten.",
        "Comrade Gromyko: We agree.",
        "Comrade Chen Yi: So do we.",
    ]
    # Each piece says where it starts in the source line.
    assert [b.span.column for b in found] == [1, 25, 52]


def test_a_speaker_in_capitals_opens_a_paragraph_whatever_the_verb():
    text = "Present: none. THE PRIME MINISTER gave a photograph. MARSHAL STALIN said no."
    found = split_turns((_paragraph(text),), "document")
    assert _texts(found) == [
        "Present: none.",
        "THE PRIME MINISTER gave a photograph.",
        "MARSHAL STALIN said no.",
    ]


def test_a_named_speaker_and_a_verb_of_speech_only_in_the_genres_with_turns():
    text = "Zhou Enlai sends greetings. Stalin thanks Zhou Enlai. He asks about the harvest."
    assert _texts(split_turns((_paragraph(text),), "record of conversation")) == [
        "Zhou Enlai sends greetings.",
        "Stalin thanks Zhou Enlai. He asks about the harvest.",
    ]
    assert _texts(split_turns((_paragraph(text),), "report")) == [text]
    # The recorder's own turn is cut the same way; a reported person is not.
    text = "Pak said that Li, in Pak's words, expressed a hope. I told Pak that I would help."
    assert _texts(split_turns((_paragraph(text),), "record of conversation")) == [
        "Pak said that Li, in Pak's words, expressed a hope.",
        "I told Pak that I would help.",
    ]


def test_no_cut_after_an_abbreviation_or_an_initial():
    text = "Zhou Enlai met Mr. Molotov said to be ill. Later we saw A. Gromyko said to be away."
    found = split_turns((_paragraph(text),), "record of conversation")
    assert _texts(found) == [text]


def test_a_block_opened_by_a_name_opens_before_its_bracketed_first_names():
    text = (
        "The Premier informed [Arnaldo] VELTRONE that the protocol was approved yesterday. "
        "[Arnaldo] VELTRONE stated that his government would sign it. The Premier agreed."
    )
    assert [text[s:e].split()[0] for s, e in split_flattened(text)][:2] == ["The", "[Arnaldo]"]


def test_no_cut_after_the_label_that_opens_an_item():
    text = "1. Pak Seong-cheol said that the looms had come."
    found = split_turns((_paragraph(text),), "record of conversation")
    assert _texts(found) == [text]


def test_the_turns_after_a_participants_line_are_paragraphs():
    text = "Present: comrade Deng Xiaoping. Comrade Zhou Enlai: We read the minutes."
    found = split_turns((_paragraph(text, Role.PARTICIPANTS),), "record of conversation")
    assert [(b.role, b.text) for b in found] == [
        (Role.PARTICIPANTS, "Present: comrade Deng Xiaoping."),
        (Role.PARAGRAPH, "Comrade Zhou Enlai: We read the minutes."),
    ]


def test_marks_move_with_their_piece_and_a_mark_across_a_cut_forbids_it():
    text = "Agenda: trade. Comrade Gromyko: We agree."
    label = Mark(0, 7, "label")
    found = split_turns((_paragraph(text).with_marks([label]),), "document")
    assert [b.marks for b in found] == [(label,), ()]
    across = Mark(10, 20, "q")
    assert _texts(split_turns((_paragraph(text).with_marks([across]),), "document")) == [text]


def test_a_flattened_record_reads_as_turns_with_every_word_kept():
    line = (
        "The talks began at ten in the Kremlin." + PADDING + " Comrade Gromyko: We agree to "
        "the proposal. Comrade Chen Yi: So do we, and we thank the Soviet comrades."
    )
    doc = read(line + "\n", source_name="t.txt")
    paragraphs = [b.text for b in doc.blocks if b.role is Role.PARAGRAPH]
    assert paragraphs[-2:] == [
        "Comrade Gromyko: We agree to the proposal.",
        "Comrade Chen Yi: So do we, and we thank the Soviet comrades.",
    ]
    assert " ".join(b.text for b in doc.blocks).split() == line.split()


def test_the_recorder_speaking_of_the_conversation_ends_the_last_turn():
    text = "Comrade Gromyko: We agree. The conversation lasted two hours."
    found = split_turns((_paragraph(text),), "document")
    assert _texts(found) == ["Comrade Gromyko: We agree.", "The conversation lasted two hours."]
