"""features: each verdict asks the right recogniser, once; the shapes the regions ask about."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from tei_plenum.reader import patterns as pat
from tei_plenum.reader.features import Features
from tests.reader.tables import cell


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("marking", "Copy Nº 2", pat.Marking("copyNumber", (8, 9), "2")),
        ("page_number", "- 4 -", 4),
        ("banner", "Wilson Center Digital Archive", True),
        ("bracketed", "[stamp]", True),
        ("separator", "* * *", True),
        ("date_only", "5 March 1957", True),
        ("dateline", "Pyongyang, 5 March 1957", (0, 9)),
        ("section", "IV.", pat.Section(4, None)),
        ("ordinal", "Third, the plan.", (3, 6)),
        ("numbered", "12. The plan.", ("12", 3)),
        ("number_label", "2) The plan.", 2),
        ("point", "(c) the plan", ("c", 3)),
        ("item_label", "in the plan: more", 12),
        ("field", "Subject: the plan", ("subject", 8)),
        ("participants", "Participants: A", 13),
        ("participant_line", "North: Kim Il Sung, Pak", True),
        ("addressee", "To Comrade Ivanov", True),
        ("opening_salute", "Dear Comrade Ivanov!", True),
        ("closing_salute", "With comradely greetings,", True),
        ("caption", "Translated [by]: Ivanov", 16),
        ("signature", "Ivanov [[illegible signature]]", True),
        ("title_like", "REPORT", True),
        ("kind_title", "The Journal of A. Petrov", True),
        ("title_fragment", "of the talks between the parties", True),
        ("document_number", "Note number 12", True),
        ("number_sign", "Nº 12 Copy Nº 1", True),
        ("institution", "Ministry of Trade", True),
        ("labelled", "Comrade Pak:", True),
        ("genre", "Minutes of the meeting", "minutes"),
        ("journal_byline", "Diary of Ivanov", 8),
        ("upper", "SECRET", True),
    ],
)
def test_each_verdict_is_its_recognisers_answer(name: str, text: str, expected: object):
    assert getattr(Features(text), name) == expected
    assert getattr(Features("the plan."), name) in (None, False)


def test_a_verdict_is_computed_once_and_kept():
    features = Features("Copy Nº 1")
    first = features.marking
    # Asking again would make an equal but new record; the kept one comes back instead.
    assert features.marking is first
    assert Features("Copy Nº 1").marking is not first


def test_features_and_cells_cannot_be_changed():
    target = cell("SECRET")
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.features.text = "Copy Nº 1"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.text = "Copy Nº 1"  # type: ignore[misc]


def test_a_cell_made_with_new_text_has_features_of_that_text():
    assert replace(cell("SECRET"), text="Copy Nº 1").features.marking == pat.Marking(
        "copyNumber", (8, 9), "1"
    )


def test_field_name_lowercase_and_date_field():
    assert Features("Date and time: noon").field_name == "date and time"
    assert Features("Date and time: noon").date_field
    assert not Features("To: Moscow").date_field
    assert Features("in the plan").lowercase
    assert not Features("In the plan").lowercase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("II.", True),
        ("To: Moscow", True),
        ("Participants: A and B", True),
        ("Dear Comrade Minister!", True),
        ("Moscow, 5 March 1957", True),
        ("THE RESOLUTION", False),
        ("5 March 1957", False),
    ],
)
def test_starts_body(text: str, expected: bool):
    assert Features(text).starts_body is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the tasks of the party", True),
        ("and the plan for 1957.", True),  # lower case continues the title
        ("The plenum decided.", False),  # a finished sentence
        ("I.", False),  # the body's
        ("On " + "the tasks " * 40, False),  # too long
    ],
)
def test_subtitle_line(text: str, expected: bool):
    assert Features(text).subtitle_line is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Embassy of the GDR in the DPRK", True),
        ("Pyongyang, 5 March 1957", True),
        ("5 March 1957", True),
        ("The embassy reports.", False),
        ("embassy of the GDR", False),
        ("To: Moscow", False),
    ],
)
def test_letterhead_line(text: str, expected: bool):
    assert Features(text).letterhead_line is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: Pyongyang", True),
        ("Copy to: the embassy", True),
        ("To Comrade N. T. Fedorenko.", True),
        ("Pyongyang, 5 March 1957", True),
        ("15 May 1957", True),
        ("Dear Comrade Ambassador!", True),
        ("Subject: the visit", False),
        ("To conclude, the plan was fulfilled.", False),
    ],
)
def test_opener_line(text: str, expected: bool):
    assert Features(text).opener_line is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With communist greetings,", True),
        ("Ivanov [signature]", True),
        ("Pyongyang, 5 March 1957", True),
        ("CHAIRMAN OF THE KWP CC KIM IL SUNG", True),
        ("Ambassador of the USSR V. I.", True),  # an initial's stop ends no sentence
        ("Ellen R. Whitcombe, Jr.", True),  # nor does a name's suffix
        ("0930", True),  # the hour a telegram came, under its dates
        ("14:30 hours", True),
        ("Ambassador Ivanov", True),
        ("/A. PUZANOV/", True),
        ("Signed: Corneliu Bogdan", True),
        ("– 123 chargé d'affaires –", True),
        ("Chargé d'Affaires ad interim", True),  # an office, though mostly lower case
        ("Attaché Kim Chol translated the conversation.", True),
        ("Recorded by: First Secretary V. Pelishenko.", True),
        ("He translated the conversation.", False),
        ("The plenum closed.", False),
        ("II.", False),
        ("To: Moscow", False),
        ("the ambassador", False),
        ("Chairman Of The Committee For Cultural Relations With The Countries Of Asia", False),
        ("AMBASSADOR " * 15, False),  # too long
    ],
)
def test_closer_line(text: str, expected: bool):
    assert Features(text.strip()).closer_line is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Cde. N. S. Khrushchev", True),
        ("4-5 – to file", True),
        ("File", True),
        ("Cde. A. A. Gromyko", True),
        ("The copies were sent to the Ministry of Foreign Affairs on the same day.", False),
        ("Nº 933", False),  # a marking
        ("4-ek", False),  # a typist's mark
        ("12 September 1956", False),
        ("Copies to:", False),
    ],
)
def test_list_line(text: str, expected: bool):
    assert Features(text).list_line is expected
