"""The names enricher, rule by rule, with expectations checked by hand against the guide."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_plenum.authority import Authority
from tei_plenum.enrich.names import BRACKET_NOTE, enrich_names
from tei_plenum.model import (
    Block,
    Document,
    Entity,
    EntityType,
    Mark,
    Participant,
    Role,
    SourceSpan,
    nests,
)

TRANSLATOR = "#resp-translator-en"


def _doc(*texts: str, participants: tuple[Participant, ...] = ()) -> Document:
    """Blocks as the reader leaves them: each bracket pair's content under a bracket mark."""
    blocks = []
    for number, text in enumerate(texts, start=1):
        marks = tuple(
            Mark(m.start() + 1, m.end() - 1, "bracket") for m in re.finditer(r"\[[^\]]*\]", text)
        )
        blocks.append(Block(Role.PARAGRAPH, text, SourceSpan(number), 1, marks=marks))
    return Document("test.txt", "trailing", tuple(blocks), 1, participants=participants)


def _marks(doc: Document, block: int = 0) -> list[tuple[str, str, dict[str, str]]]:
    text = doc.blocks[block].text
    return [(m.tag, text[m.start : m.end], dict(m.attrs)) for m in doc.blocks[block].marks]


def _names(doc: Document, block: int = 0) -> list[tuple[str, str, str]]:
    return [(tag, surface, a.get("ref", "")) for tag, surface, a in _marks(doc, block)]


def _enrich(*texts: str, participants: tuple[Participant, ...] = ()) -> Document:
    return enrich_names(_doc(*texts, participants=participants), Authority.load())


def test_longest_match_wins_over_a_shorter_spelling_inside_it() -> None:
    doc = _enrich("Comrade Kim Il Sung and Kim Il met.")
    assert _names(doc) == [
        ("persName", "Kim Il Sung", "#pers-kim-il-sung"),
        ("persName", "Kim Il", "#pers-kim-il"),
    ]


def test_no_match_inside_a_word() -> None:
    assert _names(_enrich("UNESCO, Moscowite and the CPSUX")) == []


def test_possessive_marks_the_name_only() -> None:
    assert _names(_enrich("Stalin's works")) == [("persName", "Stalin", "#pers-stalin")]


def test_all_caps_forms_match() -> None:
    doc = _enrich("CHAIRMAN OF THE KWP CC KIM IL SUNG")
    assert _names(doc) == [
        ("orgName", "KWP CC", "#org-kwp-cc"),
        ("persName", "KIM IL SUNG", "#pers-kim-il-sung"),
    ]


def test_transliteration_variants_share_one_record() -> None:
    doc = _enrich("Pak Heonyeong, Pak Hon-yong and Pak Heon-yeong")
    assert {ref for *_, ref in _names(doc)} == {"#pers-pak-heonyeong"}
    assert [e.key for e in doc.entities] == ["pers-pak-heonyeong"]


def test_place_nests_inside_organisation_and_organisation_inside_event() -> None:
    doc = _enrich("the DPRK Government delegation; the 20th CPSU congress")
    assert _names(doc) == [
        ("orgName", "DPRK Government", "#org-dprk-government"),
        ("placeName", "DPRK", "#place-dprk"),
        ("eventName", "20th CPSU congress", "#event-cpsu-congress-20"),
        ("orgName", "CPSU", "#org-cpsu"),
    ]


def test_no_nested_double_tagging_of_the_same_kind() -> None:
    doc = _enrich("the KWP CC decided")
    assert _names(doc) == [("orgName", "KWP CC", "#org-kwp-cc")]


def test_generic_references_and_adjectives_stay_unmarked() -> None:
    assert _names(_enrich("the plenum of our Party welcomed Soviet and Korean aid")) == []


def test_event_record_carries_its_date_and_preferred_label() -> None:
    doc = _enrich("proposed by the 3rd congress of the Party")
    assert _names(doc) == [("eventName", "3rd congress of the Party", "#event-kwp-congress-3")]
    (event,) = doc.entities
    assert (event.name, event.dates) == (
        "3rd Congress of the Korean Workers' Party",
        (("when", "1956-04"),),
    )


def test_entities_in_first_occurrence_order_with_authority_data() -> None:
    doc = _enrich("the USSR and Moscow", "Moscow, the DPRK and the USSR")
    assert [e.key for e in doc.entities] == ["place-ussr", "place-moscow", "place-dprk"]
    assert doc.entities[0].idnos == (("wikidata", "Q15180"),)
    assert doc.entities[0].full_name == "Union of Soviet Socialist Republics"


def test_bracketed_unknown_place_after_in_becomes_a_low_certainty_place() -> None:
    doc = _enrich("the foundries in [Zaravan] and the [should be] sites")
    assert _marks(doc) == [
        (
            "placeName",
            "Zaravan",
            {"ref": "#place-zaravan", "cert": "low", "resp": TRANSLATOR},
        ),
        ("bracket", "should be", {}),
    ]
    (place,) = doc.entities
    assert place == Entity(
        "place-zaravan", EntityType.PLACE, "Zaravan", unresolved=True, note=BRACKET_NOTE
    )


def test_a_bracketed_uncertain_spelling_links_to_the_authority_record() -> None:
    # issue 11 §3: a spelling the authority lists as an uncertain variant ([Kansen] for
    # Kangson) links to that record, so two documents about the same plant can be joined.
    doc = _enrich("the foundries in [Kansen]")
    assert _marks(doc) == [
        ("placeName", "Kansen", {"ref": "#place-kangson", "cert": "low", "resp": TRANSLATOR})
    ]
    (place,) = doc.entities
    assert (place.key, place.name, place.unresolved) == ("place-kangson", "Kangson", False)


def test_an_uncertain_spelling_outside_brackets_links_with_medium_certainty() -> None:
    doc = _enrich("the foundries of Kansen and Kangson")
    assert _marks(doc) == [
        ("placeName", "Kansen", {"ref": "#place-kangson", "cert": "medium"}),
        ("placeName", "Kangson", {"ref": "#place-kangson"}),
    ]


def test_bracketed_known_name_points_to_the_authority_record() -> None:
    doc = _enrich("a delegation from [Pyongyang] arrived")
    assert _marks(doc) == [
        ("placeName", "Pyongyang", {"ref": "#place-pyongyang", "cert": "low", "resp": TRANSLATOR})
    ]


def test_bracket_after_a_capitalised_name_is_a_name_part() -> None:
    doc = _enrich("the clique of Pak Heonyeong and Ri [Syn Yep] because")
    assert _marks(doc) == [
        ("persName", "Pak Heonyeong", {"ref": "#pers-pak-heonyeong"}),
        ("persName", "Ri [Syn Yep]", {"ref": "#pers-ri-sung-yop", "cert": "medium"}),
        ("seg", "Syn Yep", {"type": "namePart", "cert": "low", "resp": TRANSLATOR}),
    ]
    assert doc.entities[1].name == "Ri Sung-yop"
    assert doc.entities[1].note == BRACKET_NOTE


@pytest.mark.parametrize(
    "text",
    ["Translated [by]: Rozanov", "the Ministry [of Foreign Trade]", "Ministry of [Foreign Trade]"],
)
def test_other_brackets_are_left_for_the_supplied_stage(text: str) -> None:
    doc = _enrich(text)
    assert [tag for tag, *_ in _marks(doc)] == ["bracket"]


def test_note_only_when_every_mention_is_bracketed() -> None:
    doc = _enrich("in [Pyongyang] and in Pyongyang")
    assert doc.entities[0].note is None


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("Comrade Pak Kil-yon said", "Pak Kil-yon", "pers-pak-kil-yon"),
        ("Ambassador V. A. Zorin arrived", "V. A. Zorin", "pers-zorin"),
        ("COMRADE SO CHOL spoke", "SO CHOL", "pers-so-chol"),
        ("Deputy Minister Ri Sang-jo of", "Ri Sang-jo", "pers-ri-sang-jo"),
    ],
)
def test_titles_reveal_unresolved_people(text: str, surface: str, key: str) -> None:
    doc = _enrich(text)
    assert _names(doc) == [("persName", surface, f"#{key}")]
    (person,) = doc.entities
    assert person.unresolved
    assert person.key == key


def test_unresolved_all_caps_name_is_title_cased_in_the_record() -> None:
    assert _enrich("COMRADE SO CHOL spoke").entities[0].name == "So Chol"


def test_title_words_are_not_names() -> None:
    assert _names(_enrich("the Secretary General and Minister Of")) == []


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("in Chonan Province", "Chonan Province", "place-chonan-province"),
        ("the port of Sobaeksu", "Sobaeksu", "place-sobaeksu"),
        ("the city of Ongjin", "Ongjin", "place-ongjin"),
    ],
)
def test_place_cues_reveal_unresolved_places(text: str, surface: str, key: str) -> None:
    doc = _enrich(text)
    assert _names(doc) == [("placeName", surface, f"#{key}")]
    assert doc.entities[0].unresolved


def test_known_name_after_a_cue_is_resolved() -> None:
    doc = _enrich("the port of Nampo and Kangwon Province")
    assert _names(doc) == [
        ("placeName", "Nampo", "#place-nampo"),
        ("placeName", "Kangwon Province", "#place-kangwon"),
    ]
    assert not any(e.unresolved for e in doc.entities)


PARTICIPANTS = (
    Participant("pers-karelin", "S. N. Karelin", ("author",)),
    Participant("pers-han-sang-dok", "Han Sang-dok", ("interlocutor",)),
    Participant("pers-kim-il-sung", "Kim Il Sung", ("interlocutor",)),
)


def test_participants_are_referenced_and_get_no_standoff_record() -> None:
    doc = _enrich(
        "Han Sang-dok told Ambassador Karelin and S. KARELIN that Kim Il-sung agreed in Moscow.",
        participants=PARTICIPANTS,
    )
    assert _names(doc) == [
        ("persName", "Han Sang-dok", "#pers-han-sang-dok"),
        ("persName", "Karelin", "#pers-karelin"),
        ("persName", "S. KARELIN", "#pers-karelin"),
        ("persName", "Kim Il-sung", "#pers-kim-il-sung"),
        ("placeName", "Moscow", "#place-moscow"),
    ]
    assert [e.key for e in doc.entities] == ["place-moscow"]


def test_authority_person_with_a_participants_surname_points_to_the_participant() -> None:
    participants = (Participant("pers-puzanov", "A. M. Puzanov"),)
    doc = _enrich("Puzanov said", participants=participants)
    assert _names(doc) == [("persName", "Puzanov", "#pers-puzanov")]
    assert doc.entities == ()


def test_korean_surnames_alone_never_merge_two_people() -> None:
    participants = (Participant("pers-kim-tu-bong", "Kim Tu-bong"),)
    doc = _enrich("Kim Il Sung met Kim Tu-bong", participants=participants)
    assert _names(doc) == [
        ("persName", "Kim Il Sung", "#pers-kim-il-sung"),
        ("persName", "Kim Tu-bong", "#pers-kim-tu-bong"),
    ]
    assert [e.key for e in doc.entities] == ["pers-kim-il-sung"]


def test_an_existing_speaker_mark_is_not_tagged_twice() -> None:
    text = "KARELIN: I agree."
    block = Block(
        Role.PARAGRAPH,
        text,
        SourceSpan(1),
        1,
        marks=(Mark(0, 7, "persName", (("ref", "#pers-karelin"),)),),
    )
    doc = Document("t.txt", "trailing", (block,), 1, participants=PARTICIPANTS)
    assert enrich_names(doc, Authority.load()).blocks[0].marks == block.marks


def test_existing_entities_are_kept_first() -> None:
    kept = Entity("pers-rozanov", EntityType.PERSON, "Rozanov", occupation="translator")
    doc = enrich_names(replace(_doc("the USSR"), entities=(kept,)), Authority.load())
    assert [e.key for e in doc.entities] == ["pers-rozanov", "place-ussr"]


def test_deterministic_and_idempotent() -> None:
    texts = ("in [Kansen] the DPRK Government and Comrade Pak Kil-yon", "KIM IL SUNG's USSR")
    first = _enrich(*texts)
    assert first == _enrich(*texts)
    assert enrich_names(first, Authority.load()) == first


def test_user_authority_file_is_used(tmp_path: Path) -> None:
    path = tmp_path / "mine.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPlace>'
        '<place xml:id="place-sobaeksu"><placeName>Sobaeksu</placeName>'
        '<idno type="geonames">1</idno></place></listPlace></standOff></TEI>',
        encoding="utf-8",
    )
    doc = enrich_names(_doc("the port of Sobaeksu"), Authority.load([path]))
    assert _names(doc) == [("placeName", "Sobaeksu", "#place-sobaeksu")]
    assert doc.entities[0].idnos == (("geonames", "1"),)
    assert not doc.entities[0].unresolved


_WORDS = st.sampled_from(
    [
        "the",
        "USSR",
        "Kim",
        "Il",
        "Sung",
        "DPRK",
        "Government",
        "in",
        "of",
        "[Kansen]",
        "Ri",
        "[Syn",
        "Yep]",
        "Comrade",
        "Pak",
        "Stalin's",
        "CPSU",
        "20th",
        "congress",
        "port",
        ",",
        "KWP",
        "CC",
        "Province",
        "Hwanghae",
        "[by]",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=14))
def test_text_never_changes_and_every_mark_nests(words: list[str]) -> None:
    text = " ".join(words)
    doc = _enrich(text)
    (block,) = doc.blocks
    assert block.text == text
    for mark in block.marks:
        others = [m for m in block.marks if m is not mark]
        assert nests(others, mark.start, mark.end)
    refs = {a["ref"][1:] for _, _, a in _marks(doc) if "ref" in a}
    assert refs == {e.key for e in doc.entities}
    assert enrich_names(doc, Authority.load()) == doc
