"""The speakers enricher: turns, speakers and participants (encoding guide §13).

Documents are built by hand as the reader and the names enricher leave them; a ``persName``
mark given in a test stands for a name the authority knew. The expected turns and participant
records follow the guide's table of paragraph patterns and its ``particDesc`` example.
"""

from __future__ import annotations

import pytest

from tei_plenum.enrich.speakers import mark_speakers
from tei_plenum.model import (
    Block,
    Container,
    Document,
    Entity,
    EntityType,
    Mark,
    Participant,
    Role,
    SourceSpan,
    attrs,
)

FRONT = (Container("front", "front"),)
BODY = (Container("body", "body"),)
CLOSER = (Container("body", "body"), Container("closer", "closer"))
CONVERSATION = "record of conversation"


def _name(text: str, surface: str, key: str) -> Mark:
    start = text.index(surface)
    return Mark(start, start + len(surface), "persName", attrs(ref=f"#{key}"))


def _block(
    text: str, *marks: Mark, role: Role = Role.PARAGRAPH, path: tuple[Container, ...] = BODY
) -> Block:
    return Block(role, text, SourceSpan(1), 1, path=path, marks=marks)


def _doc(*blocks: Block, genre: str = CONVERSATION, entities: tuple[Entity, ...] = ()) -> Document:
    return Document("test.txt", "pdf-text", blocks, 1, genre=genre, entities=entities)


def _run(doc: Document) -> Document:
    result = mark_speakers(doc)
    assert [b.text for b in result.blocks] == [b.text for b in doc.blocks]
    return result


def _who(block: Block) -> str | None:
    """The speaker a block's turn points to, or None outside any turn."""
    turns = [c for c in block.path if c.tag == "sp"]
    assert len(turns) <= 1
    return dict(turns[0].attrs)["who"] if turns else None


def _marks(block: Block) -> list[tuple[str, str, dict[str, str]]]:
    return [(m.tag, block.text[m.start : m.end], dict(m.attrs)) for m in block.marks]


# --- which documents have turns -----------------------------------------------------------


@pytest.mark.parametrize("genre", [CONVERSATION, "minutes", "memorandum of conversation"])
def test_the_genres_with_turns_get_them_from_one_label(genre: str) -> None:
    doc = _run(_doc(_block("KARELIN: We will send the documents."), genre=genre))
    assert _who(doc.blocks[0]) == "#pers-karelin"


@pytest.mark.parametrize("genre", ["report", "letter", "journal", "document"])
def test_a_narrative_genre_with_one_label_is_left_alone(genre: str) -> None:
    doc = _doc(
        _block("KARELIN: We will send the documents."), _block("The meeting ended."), genre=genre
    )
    assert mark_speakers(doc) == doc


def test_any_document_with_two_labelled_turns_gets_turns() -> None:
    doc = _run(
        _doc(
            _block("KARELIN: We will send the documents."),
            _block("HAN: We thank you."),
            genre="letter",
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-karelin", "#pers-han"]


# --- direct turns: a label names the speaker -------------------------------------------------


def test_a_label_in_capitals_is_a_speaker_and_a_participant() -> None:
    text = "KARELIN: I will ask the trade representative."
    doc = _run(_doc(_block(text)))
    block = doc.blocks[0]
    assert block.path == (*BODY, Container("sp-1", "sp", attrs(who="#pers-karelin")))
    assert _marks(block) == [
        ("speaker", "KARELIN:", {}),
        ("persName", "KARELIN", {"ref": "#pers-karelin"}),
    ]
    assert doc.participants == (Participant("pers-karelin", "Karelin", ("interlocutor",)),)


def test_an_honorific_belongs_to_the_label_but_not_to_the_name() -> None:
    doc = _run(_doc(_block("Comrade Puzanov: We agree.")))
    assert _marks(doc.blocks[0]) == [
        ("speaker", "Comrade Puzanov:", {}),
        ("persName", "Puzanov", {"ref": "#pers-puzanov"}),
    ]


def test_a_side_label_names_the_side_and_the_speaker() -> None:
    doc = _run(_doc(_block("North (KIM): The talks must go on.")))
    block = doc.blocks[0]
    assert _who(block) == "#pers-kim-north"
    assert _marks(block) == [
        ("speaker", "North (KIM):", {}),
        ("name", "North", {"type": "side", "ref": "#grp-north"}),
        ("persName", "KIM", {"ref": "#pers-kim-north"}),
    ]
    assert doc.groups == (("grp-north", "North"),)
    assert doc.participants == (
        Participant("pers-kim-north", "Kim", ("interlocutor",), side="grp-north"),
    )


def test_questions_and_answers_are_the_interviewer_and_the_respondent() -> None:
    doc = _run(
        _doc(_block("Q: When will the plant open?"), _block("A: In June."), genre="document")
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-interviewer", "#pers-interviewee"]
    assert [_marks(b) for b in doc.blocks] == [[("speaker", "Q:", {})], [("speaker", "A:", {})]]
    assert doc.participants == (
        Participant("pers-interviewer", "Questioner", ("interviewer",)),
        Participant("pers-interviewee", "Respondent", ("interviewee",)),
    )


def test_each_label_opens_its_own_turn_and_a_speaker_keeps_one_record() -> None:
    doc = _run(
        _doc(
            _block("KARELIN: First."),
            _block("HAN: Second."),
            _block("KARELIN: Third."),
        )
    )
    turns = [next(c for c in b.path if c.tag == "sp") for b in doc.blocks]
    assert [t.key for t in turns] == ["sp-1", "sp-2", "sp-3"]
    assert [p.key for p in doc.participants] == ["pers-karelin", "pers-han"]


def test_a_label_names_a_participant_by_surname() -> None:
    # Korean names put the family name first, Western names last (the surname rule).
    title = "RECORD OF CONVERSATION with Han Sang-dok and V. P. Lobanov"
    doc = _run(
        _doc(
            _block(
                title,
                _name(title, "Han Sang-dok", "pers-han-sang-dok"),
                _name(title, "V. P. Lobanov", "pers-lobanov"),
                role=Role.TITLE,
                path=FRONT,
            ),
            _block("HAN: We thank you."),
            _block("LOBANOV: You are welcome."),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-han-sang-dok", "#pers-lobanov"]
    assert [p.key for p in doc.participants] == ["pers-han-sang-dok", "pers-lobanov"]


@pytest.mark.parametrize(
    "text",
    [
        "Agenda: the plan for 1958.",
        "Resolved: to build the plant.",
        "Note: the figures are preliminary.",
        "[Ambassador's] note: see the telegram.",
        "Question: none were asked.",
    ],
)
def test_field_labels_are_never_turns(text: str) -> None:
    doc = _run(_doc(_block(text), _block("KARELIN: Agreed.")))
    assert _who(doc.blocks[0]) is None


@pytest.mark.parametrize("path", [FRONT, CLOSER])
def test_labels_outside_the_bodys_text_are_not_turns(path: tuple[Container, ...]) -> None:
    doc = _run(_doc(_block("KARELIN: Greetings.", path=path), _block("HAN: Thank you.")))
    assert _who(doc.blocks[0]) is None
    assert _who(doc.blocks[1]) == "#pers-han"


# --- continuation ------------------------------------------------------------------------------


def test_a_paragraph_starting_in_lower_case_continues_the_turn_across_a_page_break() -> None:
    doc = _run(
        _doc(
            _block("KARELIN: We will send the documents,"),
            Block(Role.PAGE_BREAK, "", SourceSpan(2), 2, path=BODY),
            _block("and the cars will follow."),
            _block("The conversation lasted an hour."),
        )
    )
    first, page_break, continued, narrative = doc.blocks
    assert continued.path == first.path
    assert _who(page_break) is None
    assert _who(narrative) is None


# --- reported turns ----------------------------------------------------------------------


def test_a_known_person_followed_by_a_speech_verb_is_a_reported_turn() -> None:
    text = "Han Sang-dok said that the shipment had reached Nampo."
    record = Entity("pers-han-sang-dok", EntityType.PERSON, "Han Sang-dok", idnos=(("test", "1"),))
    doc = _run(
        _doc(_block(text, _name(text, "Han Sang-dok", "pers-han-sang-dok")), entities=(record,))
    )
    block = doc.blocks[0]
    assert _who(block) == "#pers-han-sang-dok"
    assert _marks(block) == [("persName", "Han Sang-dok", {"ref": "#pers-han-sang-dok"})]
    # The participant is the one record: it leaves standOff and keeps the authority's ids.
    assert doc.entities == ()
    assert doc.participants == (
        Participant("pers-han-sang-dok", "Han Sang-dok", ("interlocutor",), idnos=(("test", "1"),)),
    )


@pytest.mark.parametrize(
    "verb", ["stated", "noted", "replied", "asked", "emphasized", "pointed out", "also said"]
)
def test_speech_verbs(verb: str) -> None:
    text = f"Nam Il {verb} that the plan was fulfilled."
    doc = _run(_doc(_block(text, _name(text, "Nam Il", "pers-nam-il"))))
    assert _who(doc.blocks[0]) == "#pers-nam-il"


def test_an_unknown_name_before_a_speech_verb_is_no_turn() -> None:
    doc = _run(_doc(_block("Nam Il said that the plan was fulfilled."), _block("KARELIN: Good.")))
    assert _who(doc.blocks[0]) is None


def test_i_is_the_author_who_signed_the_record() -> None:
    signed = "S. KARELIN"
    doc = _run(
        _doc(
            _block("I replied that we would help."),
            _block(signed, _name(signed, signed, "pers-karelin"), role=Role.SIGNED, path=CLOSER),
        )
    )
    assert _who(doc.blocks[0]) == "#pers-karelin"
    assert doc.participants == (Participant("pers-karelin", "S. Karelin", ("author",)),)


def test_a_journal_keeps_reported_speech_in_the_narrative() -> None:
    byline = "From the journal of S. N. KARELIN"
    author = Mark(byline.index("S. N."), len(byline), "docAuthor")
    said = "Nam Il said that the plan was fulfilled."
    blocks = (
        _block(byline, author, role=Role.BYLINE, path=FRONT),
        _block(said, _name(said, "Nam Il", "pers-nam-il")),
    )
    doc = _run(_doc(*blocks))
    assert _who(doc.blocks[1]) is None
    # The journal's author is still a participant, and the byline names him.
    assert _marks(doc.blocks[0]) == [
        ("docAuthor", "S. N. KARELIN", {}),
        ("persName", "S. N. KARELIN", {"ref": "#pers-karelin"}),
    ]
    assert doc.participants == (Participant("pers-karelin", "S. N. Karelin", ("author",)),)


def test_a_journal_with_labelled_turns_has_reported_turns_too() -> None:
    byline = "From the journal of S. N. KARELIN"
    author = Mark(byline.index("S. N."), len(byline), "docAuthor")
    said = "Nam Il said that the plan was fulfilled."
    doc = _run(
        _doc(
            _block(byline, author, role=Role.BYLINE, path=FRONT),
            _block("KARELIN: We will help."),
            _block("NAM: Thank you."),
            _block(said, _name(said, "Nam Il", "pers-nam-il")),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-karelin", "#pers-nam", "#pers-nam-il"]


# --- participants ----------------------------------------------------------------------------


def test_a_participants_line_names_who_was_present_with_their_offices() -> None:
    text = (
        "Present at the conversation: Embassy Second Secretary V. P. Lobanov and the "
        "interpreter Ri Chol-u."
    )
    doc = _run(_doc(_block(text, role=Role.PARTICIPANTS), _block("KARELIN: Welcome.")))
    assert _marks(doc.blocks[0]) == [
        ("persName", "V. P. Lobanov", {"ref": "#pers-lobanov"}),
        ("persName", "Ri Chol-u", {"ref": "#pers-ri-chol-u"}),
    ]
    office = "Embassy Second Secretary"
    assert doc.participants[:2] == (
        Participant("pers-lobanov", "V. P. Lobanov", ("present",), occupation=office),
        Participant("pers-ri-chol-u", "Ri Chol-u", ("interpreter",), occupation="interpreter"),
    )


def test_a_participants_line_headed_by_a_side() -> None:
    text = "North: Kim Yong-ju (Co-Chairman), Pak Song-chol"
    doc = _run(_doc(_block(text, role=Role.PARTICIPANTS), _block("KARELIN: Welcome.")))
    assert [surface for _, surface, _ in _marks(doc.blocks[0])] == ["Kim Yong-ju", "Pak Song-chol"]
    assert doc.groups == (("grp-north", "North"),)
    assert [(p.key, p.roles, p.side) for p in doc.participants[:2]] == [
        ("pers-kim-yong-ju", ("present",), "grp-north"),
        ("pers-pak-song-chol", ("present",), "grp-north"),
    ]


def test_later_mentions_of_a_participants_full_name_are_marked() -> None:
    present = "Present: V. P. Lobanov"
    later = "V. P. LOBANOV and V. P. Lobanov took notes; Lobanov left."
    doc = _run(_doc(_block(present, role=Role.PARTICIPANTS), _block(later)))
    assert _marks(doc.blocks[1]) == [
        ("persName", "V. P. LOBANOV", {"ref": "#pers-lobanov"}),
        ("persName", "V. P. Lobanov", {"ref": "#pers-lobanov"}),
    ]


def test_a_participant_who_also_speaks_has_both_roles() -> None:
    present = "Present: V. P. Lobanov"
    doc = _run(_doc(_block(present, role=Role.PARTICIPANTS), _block("LOBANOV: Noted.")))
    assert _who(doc.blocks[1]) == "#pers-lobanov"
    assert doc.participants == (
        Participant("pers-lobanov", "V. P. Lobanov", ("present", "interlocutor"), occupation=None),
    )


def test_the_authoritys_name_and_ids_win_over_the_printed_label() -> None:
    text = "KARELIN: We will help."
    record = Entity("pers-karelin", EntityType.PERSON, "S. N. Karelin", idnos=(("test", "2"),))
    doc = _run(_doc(_block(text, _name(text, "KARELIN", "pers-karelin")), entities=(record,)))
    assert doc.participants == (
        Participant("pers-karelin", "S. N. Karelin", ("interlocutor",), idnos=(("test", "2"),)),
    )
    assert doc.entities == ()


def test_a_mention_recorded_apart_points_to_the_participant_instead() -> None:
    present = "Present: Józef Cyrankiewicz"
    said = "Comrade Cyrankiewicz informed the meeting of the talks in Moscow."
    own = Entity("pers-cyrankiewicz", EntityType.PERSON, "Cyrankiewicz")
    place = Entity("place-moscow", EntityType.PLACE, "Moscow")
    moscow = Mark(said.index("Moscow"), len(said) - 1, "placeName", attrs(ref="#place-moscow"))
    doc = _run(
        _doc(
            _block(present, role=Role.PARTICIPANTS),
            _block(said, _name(said, "Cyrankiewicz", "pers-cyrankiewicz"), moscow),
            genre="minutes",
            entities=(own, place),
        )
    )
    assert _marks(doc.blocks[1])[0] == (
        "persName",
        "Cyrankiewicz",
        {"ref": "#pers-jozef-cyrankiewicz"},
    )
    assert _who(doc.blocks[1]) == "#pers-jozef-cyrankiewicz"
    # The separate record is pointed to by nothing now, so it goes; the place stays.
    assert doc.entities == (place,)
