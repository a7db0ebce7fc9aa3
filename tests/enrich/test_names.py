"""The names enricher, rule by rule, with expectations checked by hand against the guide."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tei_plenum.authority import Authority
from tei_plenum.enrich.name_forms import Evidence, letter_spaced, person_forms
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
from tei_plenum.vocabulary import person_key

TRANSLATOR = "#resp-translator-en"


def _doc(
    *texts: str,
    participants: tuple[Participant, ...] = (),
    when: str | None = None,
    role: Role = Role.PARAGRAPH,
) -> Document:
    """Blocks as the reader leaves them: each bracket pair's content under a bracket mark;
    ``when`` is the document's date as the dates enricher sets it."""
    blocks = []
    for number, text in enumerate(texts, start=1):
        marks = tuple(
            Mark(m.start() + 1, m.end() - 1, "bracket") for m in re.finditer(r"\[[^\]]*\]", text)
        )
        blocks.append(Block(role, text, SourceSpan(number), 1, marks=marks))
    doc_date = (("when", when),) if when else ()
    return Document(
        "test.txt", "trailing", tuple(blocks), 1, participants=participants, doc_date=doc_date
    )


def _marks(doc: Document, block: int = 0) -> list[tuple[str, str, dict[str, str]]]:
    text = doc.blocks[block].text
    return [(m.tag, text[m.start : m.end], dict(m.attrs)) for m in doc.blocks[block].marks]


def _names(doc: Document, block: int = 0) -> list[tuple[str, str, str]]:
    return [(tag, surface, a.get("ref", "")) for tag, surface, a in _marks(doc, block)]


def _enrich(
    *texts: str,
    participants: tuple[Participant, ...] = (),
    when: str | None = None,
    role: Role = Role.PARAGRAPH,
) -> Document:
    doc = _doc(*texts, participants=participants, when=when, role=role)
    return enrich_names(doc, Authority.load())


def _persons(doc: Document, block: int = 0) -> list[tuple[str, str]]:
    return [(surface, ref) for tag, surface, ref in _names(doc, block) if tag == "persName"]


def test_longest_match_wins_over_a_shorter_spelling_inside_it() -> None:
    doc = _enrich("Comrade Kim Il Sung and Kim Il met.")
    assert _names(doc) == [
        ("persName", "Kim Il Sung", "#pers-kim-il-sung"),
        ("persName", "Kim Il", "#pers-kim-il"),
    ]


def test_no_match_inside_a_word() -> None:
    assert _names(_enrich("UNICEF, Moscowite and the CPSUX")) == []


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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("moving to the south [China] and", "China"),
        ("sent to our neighbour [Moscow] at once", "Moscow"),
        ("a letter from the chairman [Kim Il Sung] came", "Kim Il Sung"),
        ("a letter from the Premier [Zhou Enlai] came", "Zhou Enlai"),
    ],
)
def test_a_bracket_clarifying_a_common_noun_holds_a_plain_mention(text: str, name: str) -> None:
    # The bracket says what the noun before it meant: words the translator supplied
    # (guide §9), holding the same mention the name makes outside brackets, which is no
    # uncertain transliteration.
    (plain,) = _marks(_enrich(name))
    doc = _enrich(text)
    assert _marks(doc) == [
        ("supplied", name, {"reason": "translator-insertion", "resp": TRANSLATOR}),
        plain,
    ]
    assert [entity.note for entity in doc.entities] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "a delegation from [Pyongyang] arrived",  # after a preposition
        "the [Pyongyang] delegation arrived",  # after the article alone
        "the delegation and [Pyongyang] agreed",  # after a conjunction
        "the delegation visited [Pyongyang] twice",  # after a verb
        "the army left [Pyongyang] at dawn",
        "the above-mentioned [Pyongyang] delegation",  # after a participle
        "the said [Pyongyang] delegation",
    ],
)
def test_a_bracket_in_the_sentence_itself_stays_an_uncertain_name(text: str) -> None:
    (mark,) = _marks(_enrich(text))
    assert mark == (
        "placeName",
        "Pyongyang",
        {"ref": "#place-pyongyang", "cert": "low", "resp": TRANSLATOR},
    )


def test_bracket_after_a_capitalised_name_is_a_name_part() -> None:
    doc = _enrich("the clique of Pak Heonyeong and Ri [Syn Yep] because")
    assert _marks(doc) == [
        ("persName", "Pak Heonyeong", {"ref": "#pers-pak-heonyeong"}),
        ("persName", "Ri [Syn Yep]", {"ref": "#pers-ri-sung-yop", "cert": "medium"}),
        ("seg", "Syn Yep", {"type": "namePart", "cert": "low", "resp": TRANSLATOR}),
    ]
    assert doc.entities[1].name == "Ri Sung-yop"
    assert doc.entities[1].note == BRACKET_NOTE


def test_first_names_supplied_before_a_printed_surname_are_no_uncertain_transliteration() -> None:
    doc = _enrich("The editor [Mustafa] Belhadj asked about the canal.")
    assert _persons(doc) == [("[Mustafa] Belhadj", "#pers-mustafa-belhadj")]
    assert doc.entities[0].note is None


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
@example(["[Syn", "Government", "Yep]", "USSR", "USSR"])  # a known acronym after a bracket
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


# ----------------------------------------------------------------- precision first (§1)


def test_office_words_after_a_title_are_no_name() -> None:
    doc = _enrich(
        "To the Ambassador Extraordinary and Plenipotentiary of the USSR Comrade V. I. Ivanov"
    )
    assert _persons(doc) == [("V. I. Ivanov", "#pers-ivanov")]
    doc = _enrich("Shri Ravi Menon, Minister Without Portfolio, New Delhi")
    assert _persons(doc) == [("Ravi Menon", "#pers-ravi-menon")]


def test_an_initial_of_two_capitals_belongs_to_the_name_in_capitals() -> None:
    doc = _enrich("TO THE HEAD OF THE DEPARTMENT COMRADE TS. BATBAYAR")
    assert _persons(doc) == [("TS. BATBAYAR", "#pers-batbayar")]
    assert [e.name for e in doc.entities] == ["Ts. Batbayar"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # Words of the next line, where a flattened export joined two lines.
        ("to the Ruritanian Embassy in Hanoi Premier Li Wen said", "Ruritanian Embassy in Hanoi"),
        ("Ministry of Foreign Affairs Korean Side: the delegation", "Ministry of Foreign Affairs"),
        # An office ending in "-man" is no adjective of nationality.
        ("the Office of the Chairman Comrade Li Wen received us", "Office of the Chairman"),
    ],
)
def test_a_bodys_name_ends_before_the_next_lines_words(text: str, org: str) -> None:
    assert [s for tag, s, _ in _names(_enrich(text)) if tag == "orgName"] == [org]


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        # The next line's first word, where a flattened export joined two lines.
        ("To: Comrade A. A. Gromyko Your telegram No. 5 arrived", ["A. A. Gromyko"]),
        ("[signature] K. Chernenko Nº 13-op (1 page)", ["K. Chernenko"]),
        ("Prime Minister Forwarded to the Planning Office.", []),
    ],
)
def test_a_personal_name_ends_before_the_next_lines_words(text: str, persons: list[str]) -> None:
    assert [s for s, _ in _persons(_enrich(text))] == persons


@pytest.mark.parametrize(
    "name", ["Rajiv Dalmia", "Homi Sethna", "Vikram Lal", "Moshe Kedem", "Ramon Ibarra"]
)
def test_a_first_name_of_india_israel_or_spanish_america_opens_a_name(name: str) -> None:
    assert [s for s, _ in _persons(_enrich(f"{name} met them in the capital."))] == [name]


def test_a_mission_to_a_state_is_the_mission_in_it() -> None:
    doc = _enrich("The Ruritanian Embassy to Freedonia wrote.", "Ruritanian Embassy in Freedonia")
    refs = [ref for b in (0, 1) for tag, _, ref in _names(doc, b) if tag == "orgName"]
    assert refs == ["#org-ruritanian-embassy-in-freedonia"] * 2
    assert [e.name for e in doc.entities] == ["Ruritanian Embassy to Freedonia"]


def test_a_possessive_ends_a_titled_name() -> None:
    doc = _enrich("Record of the Reception by Premier Ho Chi Minh's Cabinet of the Delegation")
    assert _persons(doc) == [("Ho Chi Minh", "#pers-ho-chi-minh")]
    doc = _enrich("Notes on Premier Gorshkov's Reception of the Delegation")
    assert _persons(doc) == [("Gorshkov", "#pers-gorshkov")]


def test_a_lone_unknown_word_after_an_office_is_no_name() -> None:
    assert _persons(_enrich("the Prime Minister Visit to Laos and the Minister Counsellor")) == []


def test_a_participants_entry_tags_the_person_not_the_office_words() -> None:
    doc = _enrich(
        "YUN Chol-ho Director of Conference Management, Korean Red Cross", role=Role.PARTICIPANTS
    )
    assert _names(doc) == [("persName", "YUN Chol-ho", "#pers-yun-chol-ho")]
    assert doc.entities[0].name == "Yun Chol-ho"


def test_a_newspaper_and_its_bracketed_original_title_are_one_typed_name() -> None:
    doc = _enrich("the newspaper Peasants' Voice [Nongmin Sinmun] wrote that")
    assert _marks(doc) == [
        ("orgName", "Peasants' Voice [Nongmin Sinmun]", {"ref": "#org-peasants-voice",
                                                         "type": "newspaper"}),
        ("seg", "Nongmin Sinmun", {"type": "originalTitle", "resp": TRANSLATOR}),
    ]  # fmt: skip


def test_a_known_periodical_is_an_organisation_typed_so() -> None:
    doc = _enrich("an editorial of Pravda on Poland")
    assert _marks(doc)[0] == ("orgName", "Pravda", {"ref": "#org-pravda", "type": "newspaper"})


@pytest.mark.parametrize(
    "text",
    [
        "Democracy inside a Marxist-Leninist Party is democratic centralism.",
        "after the XXI CPSU Party Congress",
        "a DPRK Party-government delegation arrived",
        "at the Tirana Government Building",
        "the Albanian Government Delegation arrived",
    ],
)
def test_common_nouns_and_an_events_words_make_no_organisation(text: str) -> None:
    assert [ref for tag, _, ref in _names(_enrich(text)) if tag == "orgName"] in ([], ["#org-cpsu"])


def test_a_name_found_by_its_shape_never_cuts_across_a_known_one() -> None:
    doc = _enrich("Translated by Fedorenko and Li Ming Zhou Enlai thanks Stalin.")
    assert _persons(doc) == [
        ("Fedorenko", "#pers-fedorenko"),
        ("Li Ming", "#pers-li-ming"),
        ("Zhou Enlai", "#pers-zhou-enlai"),
        ("Stalin", "#pers-stalin"),
    ]


def test_an_organisation_found_by_its_form_ends_before_a_person() -> None:
    doc = _enrich("the Second Department at the Ministry of Foreign Affairs Kim Pyong-ho said")
    assert _names(doc)[-2:] == [
        ("orgName", "Ministry of Foreign Affairs", "#org-ministry-of-foreign-affairs"),
        ("persName", "Kim Pyong-ho", "#pers-kim-pyong-ho"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "key"),
    [
        ("the signatures of Ts. Batbayar and", "Ts. Batbayar", "pers-batbayar"),
        ("by Viktor Semyonovich Orlov to", "Viktor Semyonovich Orlov",
         "pers-viktor-semyonovich-orlov"),
        ("TO comrade KOSYGIN Aleksei Nikolaevich", "KOSYGIN Aleksei Nikolaevich", "pers-kosygin"),
        ("The reply of Luo Ruiqing was", "Luo Ruiqing", "pers-luo-ruiqing"),
        ("he met Ri Chol-man in", "Ri Chol-man", "pers-ri-chol-man"),
        ("a talk with NGUYEN Van-loc of", "NGUYEN Van-loc", "pers-nguyen-van-loc"),
        ("he met Choe Jeong-hwan in", "Choe Jeong-hwan", "pers-choe-jeong-hwan"),
        ("the views of ZAWADZKI on", "ZAWADZKI", "pers-zawadzki"),
        # Vietnamese three-part names: the onsets tr, th, nh, ngh and "y" as a vowel.
        ("a talk with Truong Nhu Tang on", "Truong Nhu Tang", "pers-truong-nhu-tang"),
        ("received by Nguyen Thi Binh and", "Nguyen Thi Binh", "pers-nguyen-thi-binh"),
        ("the deputy Le Thanh Nghi said", "Le Thanh Nghi", "pers-le-thanh-nghi"),
        ("visited by Phan Huy Quat in", "Phan Huy Quat", "pers-phan-huy-quat"),
        # Given names of Latin America, France and the Balkans.
        ("the report of Carlos Rafael Rodriguez on", "Carlos Rafael Rodriguez",
         "pers-carlos-rafael-rodriguez"),
        ("a cable to Francois Mitterrand on", "Francois Mitterrand", "pers-francois-mitterrand"),
        ("the deputy Vasil Bilak said", "Vasil Bilak", "pers-vasil-bilak"),
    ],
)  # fmt: skip
def test_personal_name_shapes_are_names(text: str, surface: str, key: str) -> None:
    assert _persons(_enrich(text)) == [(surface, f"#{key}")]


@pytest.mark.parametrize(
    "text",
    [
        # "Le" opens a Vietnamese name only with a given name of two words or one of two
        # syllables: a French article before one short word is no person.
        "an interview in Le Soir on",
        "the editor of Le Temps wrote",
    ],
)
def test_a_french_article_is_no_vietnamese_family_name(text: str) -> None:
    assert _persons(_enrich(text)) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # A title in title case: the verb after the name is no part of it.
        ("Premier Zhou Enlai Receives the Delegation of Ghana", "Zhou Enlai"),
        ("Marshal Tito Meets with Ambassador Kiselev", "Tito"),
        # A document's kind after a name on one line of an address.
        ("To Comrade Gromyko Extract from Minutes No. 12", "Gromyko"),
    ],
)
def test_a_name_ends_before_a_headline_verb_or_a_documents_kind(text: str, surface: str) -> None:
    assert next(s for s, _ in _persons(_enrich(text))) == surface


@pytest.mark.parametrize(
    "text",
    [
        "the talks took place in Huai Ren Hall, Zhongnanhai",
        "a reception at the Ho Chi Minh Mausoleum and the Phan Dinh Phung Street",
    ],
)
def test_a_name_shape_before_a_building_or_street_is_no_person(text: str) -> None:
    assert [s for s, _ in _persons(_enrich(text)) if s != "Ho Chi Minh"] == []


def test_a_full_name_and_its_initials_form_are_one_local_record() -> None:
    doc = _enrich("talks with Georges Pompidou in Paris", "a letter from G. Pompidou on")
    assert _persons(doc, 0) == [("Georges Pompidou", "#pers-georges-pompidou")]
    assert _persons(doc, 1) == [("G. Pompidou", "#pers-georges-pompidou")]
    # Two different first names stay two people; East Asian names never merge.
    doc = _enrich("Jean Dupont and Pierre Dupont", "Kim Chol-su and Kim Chol")
    assert len({ref for _, ref in _persons(doc, 0)}) == 2
    assert len({ref for _, ref in _persons(doc, 1)}) == 2


def test_an_address_line_in_capitals_names_its_addressee() -> None:
    assert _persons(_enrich("To: RAPACKI, URGENT")) == [("RAPACKI", "#pers-rapacki")]
    # A heading in capitals is no address: its words of a surname's shape stay unmarked.
    assert _persons(_enrich("REPORT ON THE HARVEST IN ROSTOV")) == []


def test_a_list_after_comrades_names_each_person() -> None:
    doc = _enrich("present were comrades: Wacek, Antoni, Zenon, with the help of the staff")
    assert [surface for surface, _ in _persons(doc)] == ["Wacek", "Antoni", "Zenon"]
    assert _persons(_enrich("Dear Comrades! Taking into consideration")) == []


def test_a_bracketed_romanisation_is_part_of_one_name_and_of_its_record() -> None:
    doc = _enrich("Seo Cheon-ju [So Chon Ju], Minister of Light Industry, and Seo Cheon-ju")
    assert _marks(doc) == [
        ("persName", "Seo Cheon-ju [So Chon Ju]", {"ref": "#pers-seo-cheon-ju"}),
        ("reg", "So Chon Ju", {"type": "romanization", "resp": TRANSLATOR}),
        ("persName", "Seo Cheon-ju", {"ref": "#pers-seo-cheon-ju"}),
    ]
    (person,) = doc.entities
    assert (person.name, person.variants, person.unresolved) == (
        "Seo Cheon-ju",
        ("So Chon Ju",),
        True,
    )


def test_a_bracketed_romanisation_the_authority_knows_links_the_name() -> None:
    doc = _enrich("the removal of Pak Geum-cheol [Pak Kum Chol] from the leadership")
    assert _names(doc)[0] == ("persName", "Pak Geum-cheol [Pak Kum Chol]", "#pers-pak-kum-chol")


def test_a_bracketed_part_before_a_surname_belongs_to_the_name() -> None:
    doc = _enrich("a trend represented by [Osóbka] Morawski and by Drobner")
    assert _marks(doc)[:2] == [
        ("persName", "[Osóbka] Morawski", {"ref": "#pers-osobka-morawski"}),
        ("seg", "Osóbka", {"type": "namePart", "cert": "low", "resp": TRANSLATOR}),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("a talk with [Salvador] Allende on", "[Salvador] Allende", "Salvador"),
        # A nickname in quotes among the first names.
        ("a visit of [Ernesto “Che”] Guevara to", "[Ernesto “Che”] Guevara", "Ernesto “Che”"),
    ],
)
def test_a_bracketed_first_name_before_a_surname_belongs_to_the_name(
    text: str, surface: str, part: str
) -> None:
    marks = _marks(_enrich(text))
    assert [(tag, s) for tag, s, _ in marks] == [("persName", surface), ("seg", part)]


@pytest.mark.parametrize(
    ("text", "surname", "key"),
    [
        ("met [Chilean President Salvador] Allende on", "Allende", "pers-salvador-allende"),
        # A possessive stays outside; a second surname word belongs to the name.
        ("[Brazilian President João] Goulart’s visit", "Goulart", "pers-joao-goulart"),
        ("from [Mexican President Adolfo] López Mateos has", "López Mateos",
         "pers-adolfo-lopez-mateos"),
        # The bracket's words after the office are first names only if they open with one.
        ("with [Bolivian President Víctor Paz] Estenssoro in", "Estenssoro",
         "pers-victor-paz-estenssoro"),
    ],
)  # fmt: skip
def test_a_surname_after_a_bracketed_office_and_first_name_is_the_mention(
    text: str, surname: str, key: str
) -> None:
    # The bracket is never split: the surname after it is the person, and the first names
    # inside it are no name of their own.
    assert _persons(_enrich(text)) == [(surname, f"#{key}")]


def test_a_bracketed_office_without_a_first_name_leaves_the_word_after_it_alone() -> None:
    assert _persons(_enrich("the [Cuban] Foreign Ministry said")) == []
    # The bracket gives no first name: the word after the office is its holder alone.
    assert _persons(_enrich("the [Party] Secretary Chavez wrote")) == [("Chavez", "#pers-chavez")]


def test_an_initial_j_or_y_is_one_transliterated_initial() -> None:
    # Yuri Andropov as Hungarian and Polish translations initial him, and as Russian does.
    doc = _enrich("talks with Comrade J. Andropov and later with Comrade Y. Andropov")
    assert _persons(doc) == [("J. Andropov", "#pers-andropov"), ("Y. Andropov", "#pers-andropov")]
    # Another initial is another person.
    assert _persons(_enrich("a letter of K. Andropov")) != [("K. Andropov", "#pers-andropov")]


def test_a_known_party_and_cc_name_its_central_committee_in_either_order() -> None:
    doc = _enrich("a decision of the VWP CC on", "the CC VWP wrote", "the VWP and the KWP CC")
    assert _names(doc, 0) == [("orgName", "VWP CC", "#org-vwp-cc")]
    assert _names(doc, 1) == [("orgName", "CC VWP", "#org-vwp-cc")]
    # The authority's own record of a central committee wins.
    assert _names(doc, 2) == [("orgName", "VWP", "#org-vwp"), ("orgName", "KWP CC", "#org-kwp-cc")]


def test_the_cc_of_a_known_party_is_its_central_committee() -> None:
    doc = _enrich(
        "As Secretary of the CC of the VWP, he", "the head of the C.C. of the B.C.P. said"
    )
    assert _names(doc, 0) == [
        ("orgName", "CC of the VWP", "#org-vwp-cc"),
        ("orgName", "VWP", "#org-vwp"),
    ]
    assert _names(doc, 1) == [
        ("orgName", "C.C. of the B.C.P.", "#org-bcp-cc"),
        ("orgName", "B.C.P.", "#org-bcp"),
    ]


def test_a_preposition_in_a_title_case_title_ends_a_body_s_name() -> None:
    doc = _enrich("Telegram to the Polish Embassy in Hanoi Regarding the Visit of the Delegation")
    assert _names(doc) == [
        ("orgName", "Polish Embassy in Hanoi", "#org-polish-embassy-in-hanoi"),
        ("placeName", "Hanoi", "#place-hanoi"),
    ]


def test_an_acronym_spelled_out_once_is_that_organisation_everywhere() -> None:
    doc = _enrich(
        "the head of the INDA (National Institute of Dairy Agriculture) came",
        "the INDA promised more milk; INDAX is no acronym of it",
    )
    assert _names(doc, 0) == [
        ("orgName", "INDA", "#org-inda"),
        ("orgName", "National Institute of Dairy Agriculture", "#org-inda"),
    ]
    assert _names(doc, 1) == [("orgName", "INDA", "#org-inda")]
    (record,) = doc.entities
    assert record.full_name == "National Institute of Dairy Agriculture"
    # A gloss that names no body (no head noun) makes no organisation.
    assert _names(_enrich("the ABC (all basic chores) list")) == []
    # A quote the gloss closes is no part of its name: one record still.
    quoted = _enrich('handwritten: "ODR [Overseas Dairy Department"]')
    assert [ref for _, _, ref in _names(quoted) if ref.startswith("#org")] == ["#org-odr"] * 2
    assert [e.full_name for e in quoted.entities] == ["Overseas Dairy Department"]


def test_an_organisations_name_ends_before_a_documents_kind() -> None:
    assert _names(_enrich("Ministry of Foreign Trade Document No. 12")) == [
        ("orgName", "Ministry of Foreign Trade", "#org-ministry-of-foreign-trade")
    ]


def test_an_of_complement_in_capitals_ends_the_name_and_may_lack_its_article() -> None:
    # "of DPRK": the acronym is the complement, never a dangling "of"; the authority spells
    # the ministry "of the DPRK", and the same body is meant.
    doc = _enrich(
        "the Ministry of Foreign Affairs of DPRK and the Ministry of Foreign Affairs of Poland"
    )
    assert [n for n in _names(doc) if n[0] == "orgName"] == [
        ("orgName", "Ministry of Foreign Affairs of DPRK", "#org-dprk-mfa"),
        (
            "orgName",
            "Ministry of Foreign Affairs of Poland",
            "#org-ministry-of-foreign-affairs-of-poland",
        ),
    ]


def test_an_in_complement_may_lack_its_article() -> None:
    doc = _enrich("Comrade Lindner of the GDR Embassy in DPRK called.", when="1957-05-05")
    assert [n for n in _names(doc) if n[0] == "orgName"] == [
        ("orgName", "GDR Embassy in DPRK", "#org-gdr-embassy-dprk")
    ]


def test_an_office_before_a_bracketed_name_is_no_pseudonym() -> None:
    doc = _enrich("an order of the Minister of Defense [Rodion Malinovsky] on")
    assert [s for s, _ in _persons(doc)] == ["Rodion Malinovsky"]


def test_a_known_name_the_translator_completed_spans_the_bracket() -> None:
    doc = _enrich("the Neutral [Nations Supervisory] Commission met")
    assert _marks(doc) == [
        ("orgName", "Neutral [Nations Supervisory] Commission", {"ref": "#org-nnsc"}),
        ("bracket", "Nations Supervisory", {}),
    ]


def test_a_bracketed_office_is_no_place() -> None:
    doc = _enrich("for the arrival of [Interior Minister] Lei Fazhang in")
    assert [tag for tag, *_ in _marks(doc)] == ["bracket", "persName"]


def test_a_letter_spaced_known_name_is_found() -> None:
    assert _names(_enrich("A. G R O M Y K O")) == [("persName", "G R O M Y K O", "#pers-gromyko")]


@given(st.text(alphabet=st.sampled_from("AbÉ1 .\n"), max_size=40))
def test_letter_spaced_words_are_every_spaced_run_after_a_space(text: str) -> None:
    # The quick test for a spaced pair before the full pattern misses no spaced word.
    runs = re.finditer(r"\b[^\W\d_] [^\W\d_] [^\W\d_] [^\W\d_](?: [^\W\d_])*(?!\S)", text)
    expected = [
        (m.start(), m.end(), m.group().replace(" ", ""))
        for m in runs
        if not m.start() or text[m.start() - 1].isspace()
    ]
    assert list(letter_spaced(text)) == expected


# ----------------------------------------------------------------- one record per person (§3)


def test_case_hyphens_and_initials_give_one_record() -> None:
    doc = _enrich("I. V. Stalin, I.V. STALIN, KIM Il-sung and Kim Ir Sen")
    assert [ref for *_, ref in _names(doc)] == [
        "#pers-stalin",
        "#pers-stalin",
        "#pers-kim-il-sung",
        "#pers-kim-il-sung",
    ]
    assert [e.key for e in doc.entities] == ["pers-stalin", "pers-kim-il-sung"]


def test_initials_that_disagree_with_the_known_bearer_are_another_person() -> None:
    doc = _enrich("A. P. Stalin, a namesake, wrote")
    assert _persons(doc) == [("A. P. Stalin", "#pers-a-p-stalin")]


def test_given_names_that_agree_link_a_name_printed_otherwise() -> None:
    doc = _enrich("comrade BREZHNEV Leonid Il'yich and Comrade Erich Honecker")
    assert _persons(doc) == [
        ("BREZHNEV Leonid Il'yich", "#pers-brezhnev"),
        ("Erich Honecker", "#pers-honecker"),
    ]


def test_initials_printed_together_agree_with_a_known_bearer() -> None:
    assert _persons(_enrich("Ambassador A.M. Puzanov said")) == [("A.M. Puzanov", "#pers-puzanov")]


def test_a_word_opening_the_next_sentence_is_no_surname() -> None:
    doc = _enrich("Head of the Department E. Nowak Below I give my report.")
    assert _persons(doc) == [("E. Nowak", "#pers-nowak")]


def test_catalogue_words_and_closing_quotes_end_a_name() -> None:
    doc = _enrich("'Report to the Congress of the Workers' Party of North Vietnam' Citation: text")
    assert [surface for _, surface, _ in _names(doc)] == [
        "Workers' Party of North Vietnam",
        "North Vietnam",
    ]


def test_monsieur_before_a_known_surname_is_no_initial() -> None:
    assert _persons(_enrich("Present: M. Molotov.")) == [("Molotov", "#pers-molotov")]


# ----------------------------------------------------------------- time (§4)


@pytest.mark.parametrize(
    ("when", "key"),
    [("1946-05-01", "place-south-korea-zone"), ("1972-11-03", "place-rok")],
)
def test_a_place_that_did_not_exist_yet_is_never_linked(when: str, key: str) -> None:
    assert _names(_enrich("elections in South Korea", when=when)) == [
        ("placeName", "South Korea", f"#{key}")
    ]


def test_china_before_october_1949_is_not_the_prc() -> None:
    assert _names(_enrich("the talks in China", when="1945-11-06"))[0][2] == "#place-china"
    assert _names(_enrich("the talks in China", when="1955-11-06"))[0][2] == "#place-prc"


@pytest.mark.parametrize(
    ("text", "when", "key"),
    [
        ("the Asian-African Conference", "1965-05-10", "event-asian-african-conference-1965"),
        ("the Asian-African Conference", "1957-05-10", "event-bandung-conference"),
        ("the second Asian-African Conference", "1972", "event-asian-african-conference-1965"),
        ("the Asian-African Conference of 1955", "1965-05-10", "event-bandung-conference"),
        ("the 1955 Asian-African Conference", "1965-05-10", "event-bandung-conference"),
    ],
)  # fmt: skip
def test_an_event_is_recognised_by_its_name_and_its_year(text: str, when: str, key: str) -> None:
    ((tag, surface, ref),) = _names(_enrich(text, when=when))
    assert (tag, ref) == ("eventName", f"#{key}")
    assert surface in text
    assert "Asian-African Conference" in surface


def test_a_record_shows_the_occupation_held_at_the_documents_date() -> None:
    early = _enrich("Kim Il Sung", when="1950-06-25").entities[0]
    late = _enrich("Kim Il Sung", when="1980-10-10").entities[0]
    assert (early.occupation, late.occupation) == (
        "Premier of the DPRK",
        "General Secretary of the KWP CC",
    )
    assert dict(early.idnos) == {"wikidata": "Q41117"}
    assert ("from", "1948-09-09") in early.roles[2].dates


def test_a_lone_surname_after_an_office_is_the_one_who_held_it_then() -> None:
    doc = _enrich("Is President Park doing well?", when="1972-11-03")
    assert _persons(doc) == [("Park", "#pers-park-chung-hee")]
    doc = _enrich("Is President Park doing well?", when="1955-01-01")
    assert _persons(doc) == [("Park", "#pers-park")]


def test_a_lone_unknown_surname_after_an_office_is_a_name_only_by_its_shape() -> None:
    assert _persons(_enrich("Comrade Ambassador Savchenko said")) == [
        ("Savchenko", "#pers-savchenko")
    ]
    assert _persons(_enrich("the Secretary Present at the meeting")) == []


def test_an_office_and_one_word_on_a_line_of_their_own_name_the_holder() -> None:
    # A distribution list: each line is an office and its holder's name.
    doc = _enrich("Deputy Minister Horvath", "Minister Kallai.", "the Minister Kallai said")
    assert _persons(doc, 0) == [("Horvath", "#pers-horvath")]
    assert _persons(doc, 1) == [("Kallai", "#pers-kallai")]
    # Within a sentence, set off by a word in small letters, it is the holder too.
    assert _persons(doc, 2) == [("Kallai", "#pers-kallai")]


def test_an_office_and_one_word_after_a_senders_label_name_the_holder() -> None:
    # A flattened cable: the sender's field runs on into the subject line.
    doc = _enrich("From: Ambassador Horvath Talks between the Foreign Ministers No. 18")
    assert _persons(doc) == [("Horvath", "#pers-horvath")]
    # Not when the label is far from the office.
    assert _persons(_enrich("From: the Ministry of Culture, Ambassador Horvath Talks")) == []


def test_another_first_initial_is_another_person_of_that_surname() -> None:
    # The document's own records: "I. Petrenko" is Ivan Petrenko, "O. Petrenko" someone else;
    # "V. Lobanov" and "V. P. Lobanov" agree, "C.M." and "C." too: one record each.
    doc = _enrich(
        "Ivan Petrenko arrived. I. Petrenko was satisfied. O. Petrenko spoke. "
        "V. P. Lobanov and V. Lobanov wrote. C.M. Kornienko and C. Kornienko replied."
    )
    assert [ref for _, ref in _persons(doc)] == [
        "#pers-petrenko",
        "#pers-petrenko",
        "#pers-o-petrenko",
        "#pers-lobanov",
        "#pers-lobanov",
        "#pers-kornienko",
        "#pers-kornienko",
    ]


def test_a_participant_is_not_named_by_another_first_initial() -> None:
    castro = Participant("pers-fidel-castro", "Fidel Castro", ("interlocutor",))
    doc = _enrich("F. Castro and R. Castro came.", participants=(castro,))
    assert _persons(doc) == [
        ("F. Castro", "#pers-fidel-castro"),
        ("R. Castro", "#pers-raul-castro"),
    ]


def test_initials_printed_together_may_lose_their_last_stop() -> None:
    doc = _enrich("He thanked Comrade L.I Brezhnev and Comrade L.I. Brezhnev.")
    assert _persons(doc) == [
        ("L.I Brezhnev", "#pers-brezhnev"),
        ("L.I. Brezhnev", "#pers-brezhnev"),
    ]


def test_a_hyphenated_office_is_no_part_of_the_name() -> None:
    doc = _enrich("To: Comrade Vice-Minister Borowski", role=Role.ADDRESS)
    assert _persons(doc) == [("Borowski", "#pers-borowski")]


def test_an_organisations_name_ends_before_and_an_office() -> None:
    doc = _enrich(
        "First Secretary of the Central Committee of the Workers' Party of Ruritania and "
        "Chairman of the State Council and Council of Ministers"
    )
    assert [s for tag, s, _ in _names(doc) if tag == "orgName"] == [
        "Central Committee of the Workers' Party of Ruritania",
        "State Council",
        "Council of Ministers",
    ]


def test_two_bodies_joined_by_and_are_two_names() -> None:
    doc = _enrich("To the Ministry of Railways and Ministry of Higher Education of Ruritania:")
    assert [s for tag, s, _ in _names(doc) if tag == "orgName"] == [
        "Ministry of Railways",
        "Ministry of Higher Education of Ruritania",
    ]
    # "and" between two words of one body's name keeps the name whole.
    whole = _enrich("the Ministry of Health and Social Welfare of Ruritania")
    assert [s for tag, s, _ in _names(whole) if tag == "orgName"] == [
        "Ministry of Health and Social Welfare of Ruritania"
    ]


def test_a_body_named_with_words_the_translator_supplied() -> None:
    doc = _enrich(
        "Inform the [Ruritanian] Embassy in Ostravia and the [PRC] Embassy in [North] Korea."
    )
    assert [(s, ref) for tag, s, ref in _names(doc) if tag == "orgName"] == [
        ("[Ruritanian] Embassy in Ostravia", "#org-ruritanian-embassy-in-ostravia"),
        ("[PRC] Embassy in [North] Korea", "#org-prc-embassy-dprk"),
    ]
    assert [e.name for e in doc.entities if e.unresolved] == ["Ruritanian Embassy in Ostravia"]


def test_a_local_record_keeps_initials_in_capitals() -> None:
    doc = _enrich("E.M. TOLKUNOV, the USSR Ambassador, agreed.")
    assert [e.name for e in doc.entities if e.key == "pers-tolkunov"] == ["E.M. Tolkunov"]


def test_a_full_name_with_both_family_names_is_the_known_person() -> None:
    doc = _enrich("Comrade Fidel Castro Ruz and Raúl Castro Ruz")
    assert _persons(doc) == [
        ("Fidel Castro Ruz", "#pers-fidel-castro"),
        ("Raúl Castro Ruz", "#pers-raul-castro"),
    ]


def test_a_surname_before_its_initials_is_a_name_when_shaped_like_one() -> None:
    doc = _enrich("From the diary of Petrenko I.S. in Washington D.C. on the visit")
    assert _persons(doc) == [("Petrenko I.S.", "#pers-petrenko")]


def test_a_surname_a_comma_and_spaced_initials_are_one_name() -> None:
    doc = _enrich("to Cdes. Lisovsky and Bogdanenko, P. Yu. 12 May 1961")
    assert _persons(doc) == [
        ("Lisovsky", "#pers-lisovsky"),
        ("Bogdanenko, P. Yu.", "#pers-bogdanenko"),
    ]


def test_the_last_initials_of_a_listed_name_are_no_surname() -> None:
    text = '[handwritten: "to Cdes. Lisovsky and Bogdanenko, P. Yu. 12 May 1961"]'
    listed = [f for f in person_forms(text) if f.evidence is Evidence.LISTED]
    assert [text[f.start : f.end] for f in listed] == ["Lisovsky", "Bogdanenko"]


def test_a_degree_after_a_surname_is_no_initials() -> None:
    doc = _enrich("Date: 02/03/04 Maria Bogdanenko, Ph.D.")
    assert [surface for surface, _ in _persons(doc)] == ["Maria Bogdanenko"]


def test_initials_before_a_capitalised_word_are_that_words() -> None:
    doc = _enrich("Bogdanenko, P. Yu. Lisovsky and others")
    assert ("Bogdanenko, P. Yu.", "#pers-bogdanenko") not in _persons(doc)


def test_initials_alone_are_no_name() -> None:
    doc = _enrich("a letter from Marshal Ye. K. [sic, K. Ye. is correct] Voroshilov.")
    assert _persons(doc) == [("Voroshilov", "#pers-voroshilov")]


def test_an_initial_the_translator_completed_is_part_of_the_name() -> None:
    doc = _enrich("At the Congress A[nastas] I. Mikoyan told me")
    assert _persons(doc) == [("A[nastas] I. Mikoyan", "#pers-mikoyan")]


@pytest.mark.parametrize(
    ("title", "people"),
    [
        ("Ciphered Telegram No.54755 from Kovalev to Filippov", ["Kovalev", "Filippov"]),
        ("Cable No. 5773, Orlov to Gromyko", ["Orlov", "Gromyko"]),
        ("Telegram from Pyongyang to Bucharest", []),
        # An addressee that is a body a state's acronym leads: the sender is still a person.
        ("Ciphered telegram, Vasilev to USSR Foreign Ministry", ["Vasilev"]),
        ("Cable No. 12, Vasilev to MFA", ["Vasilev"]),
        ("Report from Embassy to Ministry", []),
        # Where the sender was, in parentheses, parts the two names.
        ("Telegram from Wolak (Rangoon) to Pietras (Warsaw)", ["Wolak", "Pietras"]),
    ],
)
def test_a_messages_title_names_its_sender_and_addressee(title: str, people: list[str]) -> None:
    doc = _enrich(title, role=Role.TITLE)
    assert [surface for surface, _ in _persons(doc)] == people


def test_a_sender_in_the_text_needs_other_evidence() -> None:
    doc = _enrich("We read the telegram from Kovalev to the committee.")
    assert _persons(doc) == []


def test_a_letter_typed_thrice_is_a_typo_of_a_known_name() -> None:
    doc = _enrich("talks with Vice Premier Li Xiannnian and Li Xiannian")
    assert _marks(doc) == [
        ("persName", "Li Xiannnian", {"ref": "#pers-li-xiannian", "cert": "medium"}),
        ("persName", "Li Xiannian", {"ref": "#pers-li-xiannian"}),
    ]


def test_a_known_name_inside_another_name_is_no_mention_of_it() -> None:
    doc = _enrich(
        "support from the MacArthur Foundation. Deputy Secretary Dana Rusk Fellner met the "
        "National Security Council and the Security Council. Brezhnev, Zhukov Ciph. Teleg."
    )
    assert _names(doc) == [
        ("persName", "Dana Rusk Fellner", "#pers-dana-rusk-fellner"),
        ("orgName", "National Security Council", "#org-national-security-council"),
        ("orgName", "Security Council", "#org-un-security-council"),
        ("persName", "Brezhnev", "#pers-brezhnev"),
        ("persName", "Zhukov", "#pers-zhukov"),
    ]


def test_middle_initials_belong_to_the_name() -> None:
    doc = _enrich("President George H. W. Bush and Harold J.K. Benton met.")
    assert _persons(doc) == [
        ("George H. W. Bush", "#pers-george-bush"),
        ("Harold J.K. Benton", "#pers-harold-benton"),
    ]


def test_a_new_event_is_not_one_over_by_the_documents_date() -> None:
    doc = _enrich(
        "the Geneva Conference, a new Geneva Conference, a new Geneva Conference on Laos",
        when="1961-01-09",
    )
    assert [(s, r) for t, s, r in _names(doc) if t == "eventName"] == [
        ("Geneva Conference", "#event-geneva-conference-1954"),
        ("Geneva Conference on Laos", "#event-geneva-conference-laos"),
    ]


def test_a_surname_in_capitals_after_bracketed_first_names() -> None:
    doc = _enrich("The Premier informed [Arnaldo] VELTRONE that it was done.")
    assert _persons(doc) == [("[Arnaldo] VELTRONE", "#pers-arnaldo-veltrone")]
    # A bracketed word in small letters gives no first name.
    assert _persons(_enrich("The Premier informed [the] VELTRONE delegation.")) == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # One word after an office in the bracket is the holder's first name; the bracket is
        # never split, so the surname is the mention.
        ("To: [Ambassador Tolver] KOLBASA - Ottawa", ("KOLBASA", "#pers-tolver-kolbasa")),
        (
            "Meet [Head of the Planning Council Tolver] Pellbury.",
            ("Pellbury", "#pers-tolver-pellbury"),
        ),
        # A note's number glued to the surname stays out of the name.
        ("From: [Director Bogusław] Wrzosek1", ("Wrzosek", "#pers-boguslaw-wrzosek")),
        # The first names follow the last word of a body's name: they start at the given name.
        (
            "that [Minister of Defence Samir Tolvan] Bakrani met",
            ("Bakrani", "#pers-samir-tolvan-bakrani"),
        ),
        ("tell [President Ahmed Tolvan] Sultani that", ("Sultani", "#pers-ahmed-tolvan-sultani")),
        # An envoy's post ends with its place; the one word after it is the first name.
        (
            "[Israeli Ambassador to Peru Tolvar] Ronel sent",
            ("Ronel", "#pers-tolvar-ronel"),
        ),
    ],
)
def test_a_surname_after_a_bracketed_office_and_first_name(text: str, person) -> None:
    assert _persons(_enrich(text))[-1:] == [person]


def test_the_surname_after_bracketed_first_names_names_him_later() -> None:
    doc = _enrich("[Minister of Defence Samir Tolvan] Bakrani met us.", "Bakrani agreed.")
    assert _persons(doc, 1) == [("Bakrani", "#pers-samir-tolvan-bakrani")]
    assert [e.key for e in doc.entities] == ["pers-samir-tolvan-bakrani"]


def test_a_word_after_a_body_that_is_no_office_is_no_first_name() -> None:
    doc = _enrich("the interpreter of the Ministry [of Foreign Trade] Ri Chol-u")
    assert _persons(doc) == [("Ri Chol-u", "#pers-ri-chol-u")]


def test_initials_the_translator_bracketed_before_a_surname() -> None:
    doc = _enrich(
        "Present were [K.L.] Varenskii, counsellor, and Comrade [A. B.] Pelsh.",
        "Varenskii agreed.",
    )
    assert _persons(doc) == [
        ("[K.L.] Varenskii", "#pers-varenskii"),  # a surname by its ending
        ("[A. B.] Pelsh", "#pers-pelsh"),  # a surname after a title
    ]
    (initials,) = [m for m in doc.blocks[0].marks if m.tag == "seg"][:1]
    assert doc.blocks[0].text[initials.start : initials.end] == "K.L."
    assert _persons(doc, 1) == [("Varenskii", "#pers-varenskii")]


def test_letters_the_translator_supplied_inside_a_name_stay_inside_it() -> None:
    doc = _enrich("Comrade Dorj[i]suren and the deputy Foreign Minister Ganbold[o]suren met.")
    assert _persons(doc) == [
        ("Dorj[i]suren", "#pers-dorjisuren"),
        ("Ganbold[o]suren", "#pers-ganboldosuren"),  # a Mongolian name by its ending
    ]
    assert [e.name for e in doc.entities] == ["Dorjisuren", "Ganboldosuren"]


@pytest.mark.parametrize(
    "text",
    [
        "The [U.S.] Senate voted.",
        "He read [A.] Good reports.",  # no surname after them
        "The aid of the [U.K.] Parliament.",
    ],
)
def test_bracketed_initials_before_other_words_are_no_name(text: str) -> None:
    assert _persons(_enrich(text)) == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # An adjective of nationality runs on to the body's noun it qualifies.
        (
            "The Executive Committee of the Varnish government met.",
            "Executive Committee of the Varnish government",
        ),
        (
            "The Central Committee of the Ostrian party agreed.",
            "Central Committee of the Ostrian party",
        ),
        # A place's name before a word in small letters ends the name.
        ("The Embassy of Japan said so.", "Embassy of Japan"),
        # A department numbered in Roman figures, amid a sentence.
        (
            "The III. Political Department of the Ministry of Trade objected.",
            "III. Political Department of the Ministry of Trade",
        ),
    ],
)
def test_a_bodys_complement_ends_with_its_noun(text: str, body: str) -> None:
    assert [s for t, s, _ in _names(_enrich(text)) if t == "orgName"][:1] == [body]


def test_an_adjective_before_another_noun_ends_no_bodys_name() -> None:
    # "of the Soviet side" is no part of a body's name: nothing is left to name one by.
    assert [s for t, s, _ in _names(_enrich("The Political Bureau of the Soviet side replied."))
            if t == "orgName"] == []  # fmt: skip


def test_an_organisation_named_by_its_form_starts_after_its_owners_name() -> None:
    doc = _enrich("unite with Samuel Ndoro's Kenyan African Workers' Front (KAWF).")
    assert [s for t, s, _ in _names(doc) if t == "orgName"][:1] == ["Kenyan African Workers' Front"]
    # A place's or a common noun's possessive is part of the name.
    doc = _enrich(
        "the Soviet Union's Communist Party Central Committee and the Korean Worker’s Party"
    )
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == [
        "Soviet Union's Communist Party Central Committee",
        "Korean Worker’s Party",
    ]


def test_a_street_named_after_a_place_is_no_mention_of_the_place() -> None:
    text = "at Calle Berlin No. 22 and in Berlin Street, then in Berlin itself."
    doc = _enrich(text)
    assert _names(doc) == [("placeName", "Berlin", "#place-berlin")]
    assert [m.start for m in doc.blocks[0].marks if m.tag == "placeName"] == [text.rindex("Berlin")]


def test_a_committee_named_by_its_subject() -> None:
    doc = _enrich("Hon. Ted Ames, United States Senate Committee on Appropriations")
    names = [(t, s) for t, s, _ in _names(doc)]
    assert ("orgName", "United States Senate Committee on Appropriations") in names
    assert _names(_enrich("the Committee on Trade met"))[0][:2] == ("orgName", "Committee on Trade")
    # A known body's view on a subject, or a day, is no committee's name.
    doc = _enrich("the International Olympic Committee on North Korea; the Commission on Monday")
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == ["International Olympic Committee"]


def test_an_office_addressed_is_no_person() -> None:
    assert _persons(_enrich("PRIVATE FOR MR. UNDERSECRETARY")) == []
    assert _persons(_enrich("He told Mr. President that")) == []
    assert _persons(_enrich("He told Mr. Padilla that")) == [("Padilla", "#pers-padilla")]


def test_a_partys_central_committee_in_other_words_is_the_authoritys() -> None:
    doc = _enrich(
        "the Central Committee of the Soviet Communist Party and the CC of the Communist Party "
        "of China"
    )
    committees = [(s, ref) for t, s, ref in _names(doc) if ref.endswith("-cc")]
    assert committees == [
        ("Central Committee of the Soviet Communist Party", "#org-cpsu-cc"),
        ("CC of the Communist Party of China", "#org-ccp-cc"),
    ]


def test_mexico_df_is_the_city() -> None:
    doc = _enrich("the embassy in Mexico, D. F., and the Mexico office")
    assert _names(doc)[0] == ("placeName", "Mexico, D. F.", "#place-mexico-city")


def test_a_person_addressed_and_the_body_on_the_next_line_are_two_names() -> None:
    # A flattened export joins an inside address's lines: "Mr. Name" then the body's name.
    doc = _enrich("Mr. Erik Sandvold International Skating Union Rue du Lac 4")
    assert [(t, s) for t, s, _ in _names(doc)] == [
        ("persName", "Erik Sandvold"),
        ("orgName", "International Skating Union"),
    ]
    doc = _enrich("Mr. Alma Brekke Baltic Ferry Board Kungsgatan 3")
    assert [(t, s) for t, s, _ in _names(doc)] == [
        ("persName", "Alma Brekke"),
        ("orgName", "Baltic Ferry Board"),
    ]


def test_an_office_and_a_surname_name_the_holder_at_the_documents_date() -> None:
    doc = _enrich("Vice Chairman Lin sent greetings.", when="1968-04-10")
    assert _persons(doc) == [("Lin", "#pers-lin-biao")]
    # Before he held the office, nobody of the authority is meant.
    doc = _enrich("Vice Chairman Lin sent greetings.", when="1950-04-10")
    assert _persons(doc) != [("Lin", "#pers-lin-biao")]


def test_an_office_after_an_honorific_is_no_name() -> None:
    assert _persons(_enrich("If Mr. Prime Minister wishes, we can continue.")) == []


def test_a_name_found_by_its_shape_ends_before_a_known_place_or_a_label() -> None:
    doc = _enrich("Ferenc Tóth Copies to: Comrade Vargáné Damascus")
    assert _persons(doc) == [
        ("Ferenc Tóth", "#pers-ferenc-toth"),
        ("Vargáné", "#pers-vargane"),
    ]


def test_an_acronym_spelled_out_after_it_names_its_own_body() -> None:
    doc = _enrich(
        "the CPSU CC (General Department, 2nd Sector) and the Bureau of the LCY [the League "
        "of the Communists of Yugoslavia] met"
    )
    names = [(s, r) for t, s, r in _names(doc) if t == "orgName"]
    assert ("CPSU CC", "#org-cpsu-cc") in names
    assert ("League of the Communists of Yugoslavia", "#org-lcy") in names
    assert all(r != "#org-cc" for _, r in names)


def test_a_party_and_state_leadership_is_no_party_of_its_own() -> None:
    doc = _enrich("the GDR Party and State Leadership decided it")
    assert [t for t, _, _ in _names(doc)] == ["placeName"]


def test_a_first_name_before_a_middle_initial_belongs_to_the_name() -> None:
    doc = _enrich("Memorandum, Héctor A. Subiza, Head. In Tikhvin A. Gromyko said it.")
    assert _persons(doc) == [
        ("Héctor A. Subiza", "#pers-hector-subiza"),
        ("A. Gromyko", "#pers-gromyko"),
    ]


def test_a_name_by_its_shape_never_runs_two_known_people_together() -> None:
    """A known name ending a sentence looks like a given name and an initial before the next
    sentence's name: "Chen Yi. Zhou Enlai" is two people, not a third."""
    doc = _enrich("The guests were met by Marshal Chen Yi. Zhou Enlai joined them at noon.")
    assert _persons(doc) == [("Chen Yi", "#pers-chen-yi"), ("Zhou Enlai", "#pers-zhou-enlai")]


def test_every_name_of_a_list_after_coms_is_a_person() -> None:
    doc = _enrich("To: Coms. Zaitsev, Lisitsyn, Dubrovin and Pel'shin.")
    assert [surface for surface, _ in _persons(doc)] == [
        "Zaitsev",
        "Lisitsyn",
        "Dubrovin",
        "Pel'shin",
    ]


@pytest.mark.parametrize("lead", ["cdes.", "coms.", "Comrs."])
def test_one_capitalised_word_after_an_abbreviated_lead_is_a_sentence_start(lead: str) -> None:
    """The abbreviation's full stop may end the sentence: the word after it opens the next."""
    doc = _enrich(f"The two Bulgarian {lead} Accepted the draft without changes.")
    assert _persons(doc) == []


def test_a_single_name_after_comrades_is_still_listed() -> None:
    doc = _enrich("The report was read by comrades Lisitsyn yesterday.")
    assert [surface for surface, _ in _persons(doc)] == ["Lisitsyn"]


@pytest.mark.parametrize(
    "line",
    [
        "Ministry of Agrarian Affairs Incoming Telegram No. 41",
        "Ministry of Agrarian Affairs Outgoing Cable",
        "Ministry of Agrarian Affairs Report",
    ],
)
def test_a_routing_or_kind_word_after_a_body_is_no_word_of_its_name(line: str) -> None:
    doc = _enrich(line)
    assert [(tag, surface) for tag, surface, _ in _names(doc)] == [
        ("orgName", "Ministry of Agrarian Affairs")
    ]


def test_unknown_names_listed_beside_known_people_are_people() -> None:
    doc = _enrich("Present were Stalin, Molotov, Petrenko and Zaitsev, with Kardelj.")
    assert [surface for surface, _ in _persons(doc)] == [
        "Stalin",
        "Molotov",
        "Petrenko",
        "Zaitsev",
        "Kardelj",
    ]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # One known person is no evidence that the rest of a list are people.
        ("They saw Stalin, Petrenko and Zaitsev.", ["Stalin"]),
        # A known place in a list stays a place.
        ("Stalin, Molotov and Moscow agreed.", ["Stalin", "Molotov"]),
    ],
)
def test_a_list_names_no_more_people_than_its_evidence_allows(text: str, people: list[str]) -> None:
    assert [surface for surface, _ in _persons(_enrich(text))] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("The telegram was deciphered by Orlova.", ["Orlova"]),
        ("Typed by Ivanchenko, 3 copies.", ["Ivanchenko"]),
        ("Translated by Z. Maslova on request.", ["Z. Maslova"]),
        ("Deciphered by Nowak, checked by Zielny.", ["Nowak", "Zielny"]),
        # A body or a place after the verb is no clerk.
        ("It was prepared by the Ministry.", []),
        ("It was drafted by Moscow.", []),
        # Nor are the clerks' initials.
        ("The minutes were typed by K/L.", []),
        ("Typed by M/B [sic], 2 copies.", []),
    ],
)
def test_the_name_after_deciphered_by_or_typed_by_is_a_person(text: str, people: list[str]) -> None:
    assert [surface for surface, _ in _persons(_enrich(text))] == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("the visit of Danish Prime Minister Halvorsen to Egypt", ["Halvorsen"]),
        ("Ambassador Kellner, who arrived today, agreed.", ["Kellner"]),
        # An initial, a rank, a common word, a known place, or a longer name is no holder.
        ("Talks with [the Foreign Minister M.R.] Desai went on.", ["Desai"]),
        ("the Secretary General Assembly", []),
        ("the President Hotel, where we stayed", []),
        ("the Ambassador Moscow sent", []),
        ("President Halvorsen Institute staff", []),
        ("the Secretary Present at the meeting", []),
    ],
)
def test_a_word_set_off_after_an_office_is_its_holder(text: str, people: list[str]) -> None:
    assert [surface for surface, _ in _persons(_enrich(text))] == people


def test_a_clerks_name_cut_short_before_a_capitalised_word_is_no_name() -> None:
    assert _persons(_enrich("Translated by Someone Translator.")) == []


@pytest.mark.parametrize("title", ["Com.", "Comr."])
def test_an_abbreviated_comrade_announces_a_name(title: str) -> None:
    assert _persons(_enrich(f"I spoke with {title} Wierzbicki yesterday."))[0][0] == "Wierzbicki"


def test_a_diplomatic_post_its_one_bearer_cannot_hold_then_means_another_person() -> None:
    # In 1955 the authority's Zhukov was Minister of Defence, no consul.
    doc = _enrich("Consul Zhukov visited the minister.", when="1955-04-12")
    assert _persons(doc) == [("Zhukov", "#pers-zhukov-other")]
    assert _persons(_enrich("Minister Zhukov spoke.", when="1955-04-12")) == [
        ("Zhukov", "#pers-zhukov")
    ]


@pytest.mark.parametrize(
    "text",
    ["Marshal Voroshilov spoke.", "President Voroshilov spoke.", "Premier Khrushchev spoke."],
)
def test_a_rank_or_another_office_never_unlinks_its_bearer(text: str) -> None:
    """The authority does not list every office a person held: only a diplomatic post
    against another office held at the date says another person is meant."""
    assert _persons(_enrich(text, when="1960-05-01"))[0][1] in {
        "#pers-voroshilov",
        "#pers-khrushchev",
    }


def test_a_point_of_the_compass_before_a_known_place_names_another_place() -> None:
    doc = _enrich("Arms went to Central America and to Northern Albania.", when="1987-12-10")
    places = [(s, r) for t, s, r in _names(doc) if t == "placeName"]
    assert places == [
        ("Central America", "#place-central-america"),
        ("Northern Albania", "#place-northern-albania"),
    ]


def test_a_body_the_authority_dates_is_no_link_before_it_existed() -> None:
    text = "The PLO leadership met the delegation."
    assert ("orgName", "PLO", "#org-plo") in _names(_enrich(text, when="1975-03-01"))
    assert ("orgName", "PLO", "#org-plo") not in _names(_enrich(text, when="1960-03-01"))


def test_a_sea_river_or_islands_named_before_the_features_noun_is_a_place() -> None:
    doc = _enrich(
        "The fleet left the Varnish Sea for the Korean Peninsula, passed the Oster Islands and"
        " anchored on Tellan Island; the Taiwan Strait and the Brioni Islands were calm.",
        when="1962-05-04",
    )
    places = [(s, r) for t, s, r in _names(doc) if t == "placeName"]
    assert places == [
        ("Varnish Sea", "#place-varnish-sea"),
        ("Korean Peninsula", "#place-korean-peninsula"),
        ("Oster Islands", "#place-oster-islands"),
        ("Tellan Island", "#place-tellan-island"),
        ("Taiwan Strait", "#place-taiwan-strait"),  # the authority's, not Taiwan's
        ("Brioni Islands", "#place-brioni"),  # a spelling of the authority's record
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Many Islands were lost in the storm.",  # a sentence's first word
        "It was late. Northern River towns were flooded.",
        "They said that the River was high.",  # a determiner
        "Mr. Peter Dale Sea arrived.",  # after another capitalised word
        "the Sea of Okhotsk",  # the feature's noun first is another rule's
    ],
)
def test_no_place_from_a_features_noun_after_a_sentences_first_word(text: str) -> None:
    places = [s for t, s, _ in _names(_enrich(text)) if t == "placeName"]
    assert not any(s.endswith(("Islands", "River", "Sea")) for s in places), places


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Translated by Fundação Tomás Ribeiro.", "Fundação Tomás Ribeiro"),
        ("a grant of the Stiftung Karl Weber", "Stiftung Karl Weber"),
    ],
)
def test_a_name_after_a_foreign_noun_for_a_foundation_is_the_bodys(text: str, body: str) -> None:
    doc = _enrich(text)
    assert _persons(doc) == []
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == [body]


def test_the_second_member_of_an_of_complement_is_no_body_of_its_own() -> None:
    doc = _enrich("Mr. Tomás Ribeiro, of Mines and Public Works, agreed.")
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == []
    doc = _enrich("the Ministry of Mines and Public Works agreed.")
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == [
        "Ministry of Mines and Public Works"
    ]


def test_an_initial_a_translator_completed_is_dropped_from_the_key_as_an_initial() -> None:
    assert person_key("I[van]. Tarasov") == person_key("V. Tarasov") == "pers-tarasov"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a patrol in the Gulf of Korea", "Gulf of Korea"),
        ("ships passed the Strait of the Philippines", "Strait of the Philippines"),
    ],
)
def test_a_feature_named_after_a_known_place_is_a_place_of_its_own(text: str, place: str) -> None:
    doc = _enrich(text, when="1960-06-07")
    assert [s for t, s, _ in _names(doc) if t == "placeName"] == [place]


def test_a_lone_surname_after_a_title_is_the_person_named_in_full_after_it() -> None:
    doc = _enrich(
        "Deputy Minister Liang [Qichao] received us.",
        "Liang Bo was present. Later Deputy Minister Liang spoke.",
    )
    assert _persons(doc, 0) == [("Liang [Qichao]", "#pers-liang-qichao")]
    assert _persons(doc, 1) == [("Liang Bo", "#pers-liang-bo"), ("Liang", "#pers-liang-qichao")]


def test_two_people_named_after_one_title_leave_the_lone_surname_to_other_rules() -> None:
    doc = _enrich(
        "Ambassador Nikolai Sorokin and Ambassador Pavel Sorokin met.",
        "Ambassador Sorokin spoke.",
    )
    assert [ref for _, ref in _persons(doc, 1)] not in (
        ["#pers-nikolai-sorokin"],
        ["#pers-pavel-sorokin"],
    )


@pytest.mark.parametrize("name", ["Gong Weiming", "Pu Jianhua", "Ling Xiaobo"])
def test_a_chinese_name_of_a_less_common_family_name_is_found_by_its_shape(name: str) -> None:
    assert _persons(_enrich(f"Please ask {name} to join the delegation."))[0][0] == name


@pytest.mark.parametrize("time", ["January", "Monday"])
def test_a_month_or_weekday_after_in_is_no_place_of_a_post(time: str) -> None:
    doc = _enrich(f"The Ruritanian Embassy in {time} asked for a meeting.")
    assert [s for t, s, _ in _names(doc) if t == "orgName"] == ["Ruritanian Embassy"]


# ------------------------------------------------------------- a state's form abbreviated


def test_initials_before_a_known_state_abbreviate_its_form_of_state() -> None:
    doc = _enrich("The ambassador of the D. R. Vietnam met the envoy of the S.R. Romania.")
    assert _names(doc) == [
        ("placeName", "D. R. Vietnam", "#place-drv"),
        ("placeName", "S.R. Romania", "#place-romania"),
    ]


def test_initials_left_beside_a_state_are_no_person() -> None:
    # The authority does not list this spelling: the state is found, its initials are no name.
    doc = _enrich("The delegation of the Q. R. Poland arrived.")
    assert _names(doc) == [("placeName", "Poland", "#place-poland")]
    assert [e.key for e in doc.entities] == ["place-poland"]


def test_a_verb_in_a_title_case_title_is_no_third_name_word() -> None:
    doc = _enrich("Talks with Erich Tolvanek Visiting the Plant")
    assert _persons(doc) == [("Erich Tolvanek", "#pers-erich-tolvanek")]
    # A name of three words stays whole.
    assert _persons(_enrich("Talks with Erich Tolvan Bakrani in Hanoi")) == [
        ("Erich Tolvan Bakrani", "#pers-erich-tolvan-bakrani")
    ]
    assert _persons(_enrich("Talks with Erich Discussing the Plant")) == []
    # A surname may end so: only the verbs of titles are none.
    assert _persons(_enrich("Talks with Erich Tolvaning")) == [
        ("Erich Tolvaning", "#pers-erich-tolvaning")
    ]


# ------------------------------------------------------------- lettered sections, addresses


def test_the_letters_of_lettered_sections_are_no_initials() -> None:
    doc = _enrich("A. Relations with Ruritania", "The harvest was good.", "B. Trade", "Trade grew.")
    assert [e.key for e in doc.entities if e.key.startswith("pers-")] == []
    assert _persons(doc, 2) == []
    assert _persons(doc, 3) == []


def test_lettered_speakers_keep_their_initials() -> None:
    doc = _enrich("A. Tolvanov: We agree.", "B. Bakranov: So do we.")
    assert _persons(doc, 0) == [("A. Tolvanov", "#pers-tolvanov")]
    assert _persons(doc, 1) == [("B. Bakranov", "#pers-bakranov")]


def test_a_single_initial_opening_a_block_alone_is_an_initial() -> None:
    # No letter next to it in the alphabet opens another block: no lettered sequence.
    doc = _enrich("A. Tolvan arrived.", "C. Bakran left.")
    assert _persons(doc, 0) == [("A. Tolvan", "#pers-tolvan")]


def test_a_post_office_is_no_person() -> None:
    assert _persons(_enrich("The Officer in Charge, Leh, P.O. Kargil, Ladakh.")) == []


def test_a_heading_s_letter_is_no_initial_unless_a_surname_follows() -> None:
    assert _persons(_enrich("I. EXTERNAL RELATIONS", role=Role.HEAD)) == []
    doc = _enrich("L. D. Tolvanova", role=Role.HEAD)
    assert _persons(doc) == [("L. D. Tolvanova", "#pers-tolvanova")]


def test_news_agencies_bodies_and_places_the_authority_lists() -> None:
    doc = _enrich("Tanjug and Kyodo reported that the GPRA and the Kashag met in Gangtok, Sikkim.")
    assert [ref for *_, ref in _names(doc)] == [
        "#org-tanjug",
        "#org-kyodo",
        "#org-gpra",
        "#org-kashag",
        "#place-gangtok",
        "#place-sikkim",
    ]


def test_a_known_place_after_a_romance_of_is_part_of_another_name() -> None:
    doc = _enrich("The envoys flew from Santiago de Chile and Santiago de Cuba to Chile and Cuba.")
    assert [(surface, ref) for _, surface, ref in _names(doc)] == [
        ("Chile", "#place-chile"),
        ("Cuba", "#place-cuba"),
    ]
    doc = _enrich("He returned from Rio de Janeiro.")
    assert _names(doc) == [("placeName", "Rio de Janeiro", "#place-rio-de-janeiro")]


def test_a_partys_name_of_two_eras_names_the_party_of_the_documents_time() -> None:
    """ "Hungarian Workers' Party" is the MDP until October 1956; later it is read as the HSWP
    (a translator's short form), with the doubt in @cert."""
    text = "A delegation of the Hungarian Workers' Party arrived."
    assert _marks(_enrich(text, when="1953-05-01")) == [
        ("orgName", "Hungarian Workers' Party", {"ref": "#org-mdp"})
    ]
    assert _marks(_enrich(text, when="1980-09-10")) == [
        ("orgName", "Hungarian Workers' Party", {"ref": "#org-hswp", "cert": "medium"})
    ]


def test_first_names_a_bracket_supplies_before_a_surname_raise_no_doubt_of_its_spelling() -> None:
    """The translator supplied words ("[Soviet Ambassador Ilya] Shcherbakov"); only a name
    bracketed whole ("[Zaravan]") or its bracketed spelling ("Ri [Syn Yep]") is in doubt."""
    doc = _enrich("[Soviet Ambassador Ilya] Shcherbakov met [Hungarian Ambassador Jozsef] Kovacs.")
    assert [(e.name, e.note) for e in doc.entities] == [
        ("Ilya Shcherbakov", None),
        ("Jozsef Kovacs", None),
    ]


def test_a_bracketed_family_name_before_the_rest_of_a_known_name_is_one_name() -> None:
    doc = _enrich("Chairman Mao and Comrade [Liu] Shaoqi agreed; Comrade [Lin] Dehuai did not.")
    assert [(tag, surface, ref) for tag, surface, ref in _names(doc) if tag == "persName"] == [
        ("persName", "Mao", "#pers-mao-zedong"),
        ("persName", "[Liu] Shaoqi", "#pers-liu-shaoqi"),
    ]


def test_fidel_alone_and_more_capitals_the_authority_lists() -> None:
    doc = _enrich("Fidel flew from Nanning to Montevideo and La Paz.")
    assert [ref for *_, ref in _names(doc)] == [
        "#pers-fidel-castro",
        "#place-nanning",
        "#place-montevideo",
        "#place-la-paz",
    ]


def test_a_name_ends_before_the_office_after_it_and_shri_is_a_title() -> None:
    doc = _enrich(
        "The note went to Shri K.R. Menon Under Secretary and to Comrade V. Pak Deputy Minister.",
        "Signed for Under Secretary.",
    )
    assert _persons(doc) == [("K.R. Menon", "#pers-menon"), ("V. Pak", "#pers-pak")]
    assert _persons(doc, 1) == []


def test_a_bodys_name_in_quotation_marks_starts_at_its_first_word() -> None:
    # An embassy's post is part of its name; no Korea is named apart from North Korea.
    doc = _enrich("The cable 'North Korea's Embassy in Helsinki' arrived.")
    assert [(surface, ref) for _, surface, ref in _names(doc)] == [
        ("North Korea's Embassy in Helsinki", "#org-north-koreas-embassy-in-helsinki"),
        ("North Korea", "#place-dprk"),
        ("Helsinki", "#place-helsinki"),
    ]


def test_the_kwp_with_the_apostrophe_before_the_s() -> None:
    assert _names(_enrich("The Korean Worker's Party sent a delegation.")) == [
        ("orgName", "Korean Worker's Party", "#org-kwp")
    ]


def test_a_code_name_is_its_bearers_in_its_time_and_certain_where_the_translator_says_so() -> None:
    alone = _enrich("A cable for Cde. Filippov came.", when="1950-10-01")
    assert _marks(alone) == [("persName", "Filippov", {"ref": "#pers-stalin", "cert": "medium"})]
    glossed = _enrich("To Cde. Filippov [Stalin].", "Filippov agreed.", when="1950-10-01")
    assert _names(glossed)[0] == ("persName", "Filippov", "#pers-stalin")
    assert dict(_marks(glossed)[0][2]) == {"ref": "#pers-stalin"}
    assert _marks(glossed, 1) == [("persName", "Filippov", {"ref": "#pers-stalin"})]
    later = _enrich("A cable for Cde. Filippov came.", when="1965-03-01")
    assert [ref for _, _, ref in _names(later)] == ["#pers-filippov"]


@pytest.mark.parametrize(
    "text",
    [
        "We met Chargé d'Affaires Tomescu at noon.",
        "We met Chargé D'Affaires Tomescu at noon.",  # every word capitalised
        "We met CHARGÉ D'AFFAIRES Tomescu at noon.",
    ],
)
def test_a_surname_after_an_office_printed_in_any_of_its_cases(text: str) -> None:
    assert _persons(_enrich(text)) == [("Tomescu", "#pers-tomescu")]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("We met Abdul Rahman Karimi.", "Abdul Rahman Karimi"),
        # The given names in another romanisation, one by one from the first.
        ("We met Abdur Rahmon Karimi.", "Abdur Rahmon Karimi"),
        ("We met Abdul Karimi.", "Abdul Karimi"),
        # The second given name alone is not where the record's names start: the surname is
        # the mention.
        ("We met Rahman Karimi.", "Karimi"),
        # Another given name is another person of that surname.
        ("We met Omar Karimi.", None),
    ],
)
def test_given_names_before_a_surname_the_authority_lists_alone(
    tmp_path: Path, text: str, mention: str | None
) -> None:
    authority = tmp_path / "people.xml"
    authority.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="pers-karimi"><persName>Abdul Rahman Karimi</persName>'
        '<persName type="variant">Karimi</persName></person>'
        "</listPerson></standOff></TEI>",
        encoding="utf-8",
    )
    doc = enrich_names(_doc(text), Authority.load([authority]))
    linked = [s for s, ref in _persons(doc) if ref == "#pers-karimi"]
    assert linked == ([mention] if mention else [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("authenticated: R. Tamasov MFA", "R. Tamasov"),
        ("Correct: R. Tamasov CC CPSU", "R. Tamasov"),
        # A name printed in capitals keeps its capital words.
        ("R. TAMASOV", "R. TAMASOV"),
    ],
)
def test_an_acronym_after_initials_and_a_surname_is_no_part_of_the_name(
    text: str, name: str
) -> None:
    assert [s for s, _ in _persons(_enrich(text))] == [name]


def test_a_known_given_name_after_a_preposition_opens_the_name() -> None:
    assert _persons(_enrich("A letter from Ivan K. Petrovsky arrived.")) == [
        ("Ivan K. Petrovsky", "#pers-ivan-petrovsky")
    ]
    # A word that is no given name there is a place's ("in Tikhvin A. Gromyko").
    assert _persons(_enrich("In Tikhvin A. Gromyko spoke.")) == [("A. Gromyko", "#pers-gromyko")]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("I met the Chief of the Trade Department Belyaev yesterday.", ["Belyaev"]),
        ("I met the Deputy Head of the Consular Department Sokolova.", ["Sokolova"]),
        # No surname by its ending, the lexicon or the authority: no person.
        ("the Chief of the Trade Department Monday", []),
        # Two capitalised words are more than a lone surname.
        ("the Chief of the Trade Department Belyaev Ivan came", []),
    ],
)
def test_a_surname_after_an_office_and_its_body_is_the_holder(text: str, people: list[str]) -> None:
    assert [surface for surface, _ in _persons(_enrich(text, when="1962-01-01"))] == people


@pytest.mark.parametrize(
    ("text", "name", "ref"),
    [
        ("talks with N. Korea began", "N. Korea", "#place-dprk"),
        ("talks with S. Korea began", "S. Korea", "#place-rok"),
        # In small letters the point of the compass still names the state, never Korea.
        ("protests spread in south Korea", "south Korea", "#place-rok"),
        ("the position of north Korea", "north Korea", "#place-dprk"),
        # Where the capitalised name is no state's, the place stays the one named.
        ("floods in south China", "China", "#place-prc"),
    ],
)
def test_north_and_south_korea_by_any_spelling_are_the_two_states(
    text: str, name: str, ref: str
) -> None:
    assert [(s, r) for tag, s, r in _names(_enrich(text, when="1987-03-03"))] == [(name, ref)]


def test_his_excellency_abbreviated_is_no_initials() -> None:
    doc = _enrich("We thank H.E. RFU President Halvorsen and the RFU officials.")
    assert _persons(doc) == [("Halvorsen", "#pers-halvorsen")]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The Honourable Tormod WHITCOMBE", "Tormod WHITCOMBE"),
        ("a letter to Senator Tormod Whitcombe", "Tormod Whitcombe"),
        ("a letter to Congressman Tormod Whitcombe", "Tormod Whitcombe"),
    ],
)
def test_a_legislators_style_leads_a_name(text: str, person: str) -> None:
    assert [s for s, _ in _persons(_enrich(text))] == [person]


def test_a_known_place_after_a_bracketed_first_name_is_no_surname() -> None:
    doc = _enrich("the delegation of the Trade Ministry [Ivo] USSR arrived")
    assert [(s, ref) for tag, s, ref in _names(doc) if tag != "bracket"] == [
        ("Trade Ministry", "#org-trade-ministry"),
        ("USSR", "#place-ussr"),
    ]


def test_a_name_a_bracket_completes_binds_the_same_alias_when_read_again() -> None:
    doc = _enrich("Then [Ruritanian President Tomas] Halvorsen spoke, and Halvorsen agreed.")
    again = enrich_names(doc, Authority.load())
    assert again.aliases == doc.aliases
    assert [a.name for a in doc.aliases] == ["Tomas Halvorsen"]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # The many of a continent: no state is named.
        ("the Festival of Youth of America opened", []),
        ("a congress of the peoples of America", []),
        ("the imperialists of America", [("America", "#place-usa")]),
        # Germany and Korea by their points of the compass in another form.
        (
            "Western Germany and Eastern Germany",
            [("Western Germany", "#place-frg"), ("Eastern Germany", "#place-gdr")],
        ),
        (
            "Northern Korea and Southern Korea",
            [("Northern Korea", "#place-dprk"), ("Southern Korea", "#place-rok")],
        ),
    ],
)
def test_continents_and_the_divided_states(text: str, places: list[tuple[str, str]]) -> None:
    found = [(s, ref) for tag, s, ref in _names(_enrich(text, when="1964-06-02"))]
    assert found == places


@pytest.mark.parametrize(
    "text",
    [
        "the League to Defend Peace and Resist U.S. Pressure met",
        "the Society for Trade and Combat U.K. Aggression met",
    ],
)
def test_a_states_abbreviation_is_no_pair_of_initials(text: str) -> None:
    assert _persons(_enrich(text, when="1962-08-02")) == []
