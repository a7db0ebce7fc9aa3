"""flattened: a document flattened onto one line, cut where a reader sees its blocks."""

from __future__ import annotations

from tei_plenum.reader.flattened import split_flattened

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


def test_prose_without_boundaries_stays_one_block():
    text = "The delegation arrived on time. It was received by the minister, who spoke at length."
    assert blocks(text) == [text]
