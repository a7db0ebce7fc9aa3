"""The lexicon: the one surname rule, the title lists and the views the enrichers derive."""

from __future__ import annotations

import re

import pytest

from tei_plenum.authority import Authority
from tei_plenum.enrich.names import enrich_names
from tei_plenum.enrich.speakers import mark_speakers
from tei_plenum.lexicon import (
    LABEL_HONORIFICS,
    LABEL_TITLES,
    NAME_TITLES,
    OFFICE_WORDS,
    TITLES,
    alternation,
    cue_words,
    given_names_agree,
    is_initial,
    name_words,
    surname,
)
from tei_plenum.model import Block, Container, Document, Role, SourceSpan


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("V. P. Lobanov", "Lobanov"),
        ("S. N. KARELIN", "KARELIN"),
        ("A. Ya. Pimenov", "Pimenov"),
        ("Ž. Novák", "Novák"),
        ("Nikita Sergeyevich Khrushchev", "Khrushchev"),
        ("Han Sang-dok", "Han"),
        ("Kim Il Sung", "Kim"),
        ("Choe Yong Gon", "Choe"),
        ("Mao [Zedong]", "Mao"),
        ("Puzanov", "Puzanov"),
    ],
)
def test_surname_is_last_in_western_names_and_first_in_east_asian_ones(
    name: str, expected: str
) -> None:
    assert surname(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nam Il", "Nam"),
        ("Kim Il", "Kim"),
        ("KIM Il", "KIM"),
        ("Zhou Enlai", "Zhou"),
        ("Syngman Rhee", "Rhee"),
        ("Rhee Syngman", "Rhee"),
        ("Erich Honecker", "Honecker"),
    ],
)
def test_a_two_word_east_asian_name_is_read_family_name_first(name: str, expected: str) -> None:
    # "Nam Il" was once filed under "Il", which linked "Deputy Premier Kim Il" to Nam Il.
    assert surname(name) == expected


@pytest.mark.parametrize("name", ["", "S. N.", "[signature]", "  "])
def test_a_name_without_words_has_no_surname(name: str) -> None:
    assert surname(name) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("S.", True),
        ("Yu.", True),
        ("Ž.", True),
        ("A.M.", True),
        ("Mrs.", False),
        ("s.", False),
        ("SN.", False),
        # The "signed" of a copied signature.
        ("Sd.", False),
        # A transliterated letter of two, in capitals; not any two capitals.
        ("TS.", True),
        ("SH.", True),
        ("US.", False),
    ],
)
def test_an_initial_is_a_capital_perhaps_one_small_letter_and_a_full_stop(
    word: str, expected: bool
) -> None:
    assert is_initial(word) is expected


def test_name_words_leave_out_initials_and_the_translators_insertions() -> None:
    assert name_words("V. P. Lobanov") == ["Lobanov"]
    assert name_words("Ri [Syn Yep] Sun") == ["Ri", "Sun"]


def test_every_printed_form_is_listed_once() -> None:
    forms = [title.form for title in TITLES]
    assert len(forms) == len(set(forms))


def test_the_names_view_knows_capitals_and_small_honorifics_but_not_label_only_forms() -> None:
    assert {"Colonel", "COLONEL", "Deputy Minister", "comrade", "cde."} <= set(NAME_TITLES)
    assert not {"Comrades", "Mr", "Prime Minister", "colonel"} & set(NAME_TITLES)


def test_the_label_view_strips_honorifics_and_some_offices_only() -> None:
    assert {"Comrades", "Mr", "Prime Minister", "Deputy Minister"} <= set(LABEL_TITLES)
    assert not {"Colonel", "Professor", "COMRADE"} & set(LABEL_TITLES)
    assert set(LABEL_HONORIFICS) == {
        *("Comrade", "Comrades", "Cde.", "Cde", "Com.", "Comr.", "Mr.", "Mr"),
        *("Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Shri", "Smt."),
    }


def test_alternation_prefers_the_longest_title_and_escapes_full_stops() -> None:
    titled = re.compile(rf"(?:{alternation(['General', 'General Secretary', 'Mr.'])})\s+(\w+)")
    assert titled.match("General Secretary Kim").group(1) == "Kim"
    assert titled.match("General  Secretary Kim").group(1) == "Kim"
    assert titled.match("Mr. Kim") is not None
    assert titled.match("Mrx Kim") is None


def test_every_title_contains_one_of_its_cue_words() -> None:
    cues = cue_words(NAME_TITLES)
    assert all(any(cue in title for cue in cues) for title in NAME_TITLES)


def test_office_words_are_found_in_any_case() -> None:
    office = re.compile(rf"\b(?:{alternation(OFFICE_WORDS)})\b", re.IGNORECASE)
    assert office.search("CHARGÉ D'AFFAIRES OF THE USSR")
    assert office.search("Head of the Department")
    assert not office.search("Headquarters of the Army")


def _paragraphs(*texts: str, genre: str = "record of conversation") -> Document:
    body = Container("body", "body")
    blocks = tuple(
        Block(Role.PARAGRAPH, text, SourceSpan(n), 1, path=(body,))
        for n, text in enumerate(texts, start=1)
    )
    return Document("t.txt", "plain-text", blocks, 1, genre=genre)


def test_the_names_enricher_takes_a_name_after_a_title_from_the_lexicon() -> None:
    doc = enrich_names(_paragraphs("Colonel Oblomov and comrade Pekarev came."), Authority(()))
    text = doc.blocks[0].text
    assert [text[m.start : m.end] for m in doc.blocks[0].marks] == ["Oblomov", "Pekarev"]


def test_the_speakers_enricher_leaves_a_label_honorific_out_of_the_speaker() -> None:
    doc = mark_speakers(_paragraphs("Prime Minister Oblomov: Welcome.", "Mr Pekarev: Thank you."))
    assert [p.key for p in doc.participants] == ["pers-oblomov", "pers-pekarev"]


@pytest.mark.parametrize(
    ("printed", "theirs", "agree"),
    [
        (["I.", "V."], ["Iosif"], True),  # a patronymic's initial after the given name
        (["R."], ["Fidel"], False),
        (["L.I."], ["Leonid", "Ilyich"], True),  # initials printed together
        (["Yu."], ["Jurij"], True),  # J and Y are one initial
        (["Anastas", "Ivanovich"], ["Anastas"], True),
        (["Andrei"], ["Anatoly"], False),
        (["B."], ["Anna"], False),
        ([], ["Anna"], False),
    ],
)
def test_given_names_agree_word_by_word_or_by_initial(
    printed: list[str], theirs: list[str], agree: bool
) -> None:
    assert given_names_agree(printed, theirs) is agree
