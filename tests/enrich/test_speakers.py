"""The speakers enricher: turns, speakers and participants (encoding guide §13).

Documents are built by hand as the reader and the names enricher leave them; a ``persName``
mark given in a test stands for a name the authority knew. The expected turns and participant
records follow the guide's table of paragraph patterns and its ``particDesc`` example.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tei_plenum.enrich.participants import Cast, printed_name
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


@pytest.mark.parametrize(
    ("caption", "role"),
    [
        # The caption set on lines of its own, read as a marking of the docket.
        ("FROM THE JOURNAL", Role.MARKING),
        # The archive's own title of a journal entry.
        ("From the Diary of A. M. Puzanov, 'Record of a Conversation with Kim Il'", Role.COVER),
    ],
)
def test_a_journal_known_by_its_caption_keeps_reported_speech_in_the_narrative(
    caption: str, role: Role
) -> None:
    said = "Nam Il said that the plan was fulfilled."
    blocks = (
        _block(caption, role=role, path=FRONT),
        _block(said, _name(said, "Nam Il", "pers-nam-il")),
    )
    assert _who(_run(_doc(*blocks)).blocks[1]) is None


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
    # "NAM" is Nam Il, the one participant whose name it ends: one record for both.
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-karelin", "#pers-nam-il", "#pers-nam-il"]


def test_where_turns_are_reported_too_a_labelled_turn_goes_on_in_its_speakers_voice() -> None:
    said = "Nam Il said that the note would follow."
    doc = _run(
        _doc(
            _block(said, _name(said, "Nam Il", "pers-nam-il")),
            _block("KARELIN: We are waiting for the note."),
            _block("Once the note has come, we will send our answer."),
            _block("We then discussed the shipments."),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-nam-il", "#pers-karelin", "#pers-karelin", None]


# --- participants ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("CHANG Ki-yeong", "Chang Ki-yeong"),
        ("S. N. KARELIN", "S. N. Karelin"),
        ("[F.V.] Mochulskii", "F.V. Mochulskii"),  # initials keep their capitals
        ("Schagda[r]suren", "Schagdarsuren"),
        ("Choe Jeong-hwan [Choe Jong Hwan]", "Choe Jeong-hwan [Choe Jong Hwan]"),  # a variant
    ],
)
def test_a_participants_record_shows_the_name_in_title_case_without_brackets(
    printed: str, name: str
) -> None:
    assert printed_name(printed) == name


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


def test_a_participants_phrase_ending_in_a_body_names_nobody() -> None:
    text = "Chinese Side: Members of the Chinese Friendship Delegation; Chen Fu, Counsellor"
    doc = _run(_doc(_block(text, role=Role.PARTICIPANTS), _block("KARELIN: Welcome.")))
    assert [p.name for p in doc.participants] == ["Chen Fu", "Karelin"]


def test_a_full_name_is_not_repointed_to_a_participant_who_shares_a_word_of_it() -> None:
    # "Deputy Premier Kim Il" once became the participant Nam Il, both read as "Il".
    present = "Present at the conversation: Kim Il Sung and Minister of Foreign Affairs Nam Il."
    named = (
        _name(present, "Kim Il Sung", "pers-kim-il-sung"),
        _name(present, "Nam Il", "pers-nam-il"),
    )
    said = "The delegation will be headed by Deputy Premier Kim Il."
    doc = _run(
        _doc(
            _block(present, *named, role=Role.PARTICIPANTS),
            _block(said, _name(said, "Kim Il", "pers-kim-il")),
        )
    )
    assert _marks(doc.blocks[1]) == [("persName", "Kim Il", {"ref": "#pers-kim-il"})]


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
    own = Entity("pers-cyrankiewicz", EntityType.PERSON, "Cyrankiewicz", unresolved=True)
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


# --- label forms ------------------------------------------------------------------------------


def test_a_label_that_introduces_a_short_form_binds_it_for_later_labels() -> None:
    first = "Premier Kim Il Sung (hereafter Kim): How was the journey?"
    doc = _run(
        _doc(
            _block(first, _name(first, "Kim Il Sung", "pers-kim-il-sung")),
            _block("Delegation Head Li Xiannian (hereafter Li): Very pleasant."),
            _block("Kim: I am glad."),
            _block("Li: Thank you."),
        )
    )
    assert [_who(b) for b in doc.blocks] == [
        "#pers-kim-il-sung",
        "#pers-li-xiannian",
        "#pers-kim-il-sung",
        "#pers-li-xiannian",
    ]
    # The label keeps every word, the short form included; the person is the full name.
    assert _marks(doc.blocks[1]) == [
        ("speaker", "Delegation Head Li Xiannian (hereafter Li):", {}),
        ("persName", "Li Xiannian", {"ref": "#pers-li-xiannian"}),
    ]
    assert _marks(doc.blocks[2])[1] == ("persName", "Kim", {"ref": "#pers-kim-il-sung"})
    assert [p.key for p in doc.participants] == ["pers-kim-il-sung", "pers-li-xiannian"]


def test_a_bracketed_given_name_and_to_be_abbreviated_as() -> None:
    doc = _run(
        _doc(
            _block("Premier Zhou [Enlai] (to be abbreviated as Zhou): Welcome."),
            _block("Zhou: Please sit down."),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-zhou-enlai", "#pers-zhou-enlai"]
    assert _marks(doc.blocks[0])[1] == ("persName", "Zhou [Enlai]", {"ref": "#pers-zhou-enlai"})
    assert doc.participants == (Participant("pers-zhou-enlai", "Zhou [Enlai]", ("interlocutor",)),)


def test_a_speaker_introduced_in_prose_with_a_short_form() -> None:
    prose = "Premier Pak Song-chol [henceforth referred to as Pak] received the delegation."
    doc = _run(
        _doc(
            _block(prose, _name(prose, "Pak Song-chol", "pers-pak-song-chol")),
            _block("Pak: You are welcome in Pyongyang."),
            _block("Pak: We have prepared a programme."),
        )
    )
    assert _who(doc.blocks[0]) is None
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-pak-song-chol", "#pers-pak-song-chol"]
    assert doc.participants == (
        Participant("pers-pak-song-chol", "Pak Song-chol", ("interlocutor",)),
    )


def test_a_short_form_never_links_to_another_person_than_the_one_introduced() -> None:
    # The names enricher took "Kim" for the famous Kim; the document said which Kim it meant.
    prose = "Kim Yong-nam [henceforth referred to as Kim] met the ambassador."
    label = "Kim: The ministry has no objection."
    doc = _run(
        _doc(
            _block(prose, _name(prose, "Kim Yong-nam", "pers-kim-yong-nam")),
            _block(label, _name(label, "Kim", "pers-kim-il-sung")),
        )
    )
    assert _who(doc.blocks[1]) == "#pers-kim-yong-nam"
    assert _marks(doc.blocks[1])[1] == ("persName", "Kim", {"ref": "#pers-kim-yong-nam"})


def test_an_uppercase_surname_label_is_the_person_of_the_participants_list() -> None:
    present = "Present: Embassy Counsellor A. Ya. Pimenov, Minister Nam Il."
    doc = _run(
        _doc(
            _block(present, role=Role.PARTICIPANTS),
            _block("PIMENOV: The documents are ready."),
            _block("NAM: We will sign them tomorrow."),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-pimenov", "#pers-nam-il"]
    assert _marks(doc.blocks[1])[1] == ("persName", "PIMENOV", {"ref": "#pers-pimenov"})
    assert [p.key for p in doc.participants] == ["pers-pimenov", "pers-nam-il"]


def test_a_label_shared_by_several_participants_prefers_the_one_who_speaks() -> None:
    title = "Conversation between Lee Hu-rak and Kim Il Sung"
    doc = _run(
        _doc(
            _block(
                title,
                _name(title, "Lee Hu-rak", "pers-lee-hu-rak"),
                _name(title, "Kim Il Sung", "pers-kim-il-sung"),
                role=Role.TITLE,
                path=FRONT,
            ),
            _block("KIM Il 1st Vice Premier", role=Role.PARTICIPANTS),
            _block("KIM Joong-lin Secretary of the Central Committee", role=Role.PARTICIPANTS),
            _block("KIM: Welcome to Pyongyang."),
        )
    )
    assert _who(doc.blocks[3]) == "#pers-kim-il-sung"


def test_a_label_no_participant_is_certain_for_gets_its_own_record() -> None:
    doc = _run(
        _doc(
            _block("KIM Il 1st Vice Premier", role=Role.PARTICIPANTS),
            _block("KIM Joong-lin Secretary of the Central Committee", role=Role.PARTICIPANTS),
            _block("KIM: Welcome to Pyongyang."),
        )
    )
    assert _who(doc.blocks[2]) == "#pers-kim"
    assert [p.key for p in doc.participants] == ["pers-kim-il", "pers-kim-joong-lin", "pers-kim"]


def test_a_name_that_shares_only_a_word_with_a_participant_is_not_that_participant() -> None:
    present = "Present: Minister of Foreign Affairs Nam Il."
    said = "The delegation will be headed by Deputy Premier Kim Il."
    doc = _run(
        _doc(
            _block(present, _name(present, "Nam Il", "pers-nam-il"), role=Role.PARTICIPANTS),
            _block(said, _name(said, "Kim Il", "pers-kim-il")),
        )
    )
    assert _marks(doc.blocks[1]) == [("persName", "Kim Il", {"ref": "#pers-kim-il"})]


def test_dash_labels_make_turns_when_the_document_uses_them() -> None:
    doc = _run(
        _doc(
            _block("Ts. Tsedenbal – I have asked for this meeting to discuss the trade."),
            _block("Gromyko – We are ready to listen."),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-tsedenbal", "#pers-gromyko"]
    assert _marks(doc.blocks[0]) == [
        ("speaker", "Ts. Tsedenbal –", {}),
        ("persName", "Ts. Tsedenbal", {"ref": "#pers-tsedenbal"}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Il Sung – the leader of the party – spoke first.",
        "Gromyko – We are ready to listen.",
    ],
)
def test_a_single_dash_or_a_dash_before_lower_case_is_no_turn(text: str) -> None:
    doc = _run(_doc(_block(text), _block("The talks lasted an hour.")))
    assert _who(doc.blocks[0]) is None


def test_stop_labels_make_turns_when_two_named_people_have_them() -> None:
    first = "Kennedy. I am glad we can speak directly."
    second = "Khrushchev. So am I, Mr. President."
    third = "Kennedy. Then let us begin with Berlin."
    doc = _run(
        _doc(
            _block(first, _name(first, "Kennedy", "pers-kennedy")),
            _block(second, _name(second, "Khrushchev", "pers-khrushchev")),
            _block(third, _name(third, "Kennedy", "pers-kennedy")),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-kennedy", "#pers-khrushchev", "#pers-kennedy"]
    assert _marks(doc.blocks[1])[0] == ("speaker", "Khrushchev.", {})


@pytest.mark.parametrize(
    "texts",
    [
        # Places that open a paragraph are no speakers: no person is marked there.
        ("Moscow. The talks went well.", "Warsaw. The press was silent."),
        # One speaker alone is no pattern of the document.
        ("Kennedy. I am glad we can speak.", "The call ended at noon."),
    ],
)
def test_stop_labels_without_two_named_speakers_are_no_turns(texts: tuple[str, str]) -> None:
    blocks = [
        _block(t, _name(t, "Kennedy", "pers-kennedy")) if "Kennedy" in t else _block(t)
        for t in texts
    ]
    doc = _run(_doc(*blocks, genre="document"))
    assert [_who(b) for b in doc.blocks] == [None, None]


def test_one_speakers_stop_label_in_capitals_is_a_turn() -> None:
    text = "I. GANDHI. I will begin our conversation with the region."
    doc = _run(
        _doc(
            _block("The talks were held in Moscow."),
            _block(text, _name(text, "I. GANDHI", "pers-indira-gandhi")),
            genre="record of conversation",
        )
    )
    assert [_who(b) for b in doc.blocks] == [None, "#pers-indira-gandhi"]


def test_an_answer_label_that_names_who_answers_makes_that_person_the_respondent() -> None:
    answer = "ANSWER FROM COM. TITO. We shall not join any bloc."
    doc = _run(
        _doc(
            _block("QUESTION FROM THE JOURNALISTS. Will Yugoslavia join a bloc?"),
            _block(answer, _name(answer, "TITO", "pers-tito")),
            _block("QUESTION. And the trade with the West?"),
            _block("ANSWER. It will grow."),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == [
        "#pers-interviewer",
        "#pers-tito",
        "#pers-interviewer",
        "#pers-tito",
    ]
    assert _marks(doc.blocks[1])[0] == ("speaker", "ANSWER FROM COM. TITO.", {})
    # The askers are no person: the questioner is known by the label's words.
    assert doc.participants[0] == Participant(
        "pers-interviewer", "The Journalists", ("interviewer",)
    )


def test_a_label_alone_on_its_line_opens_the_turn_of_the_paragraphs_after_it() -> None:
    doc = _run(
        _doc(
            _block("Comrade Erich Honecker:"),
            _block("I thank you for the invitation."),
            _block("Our countries are far apart."),
            _block("Comrade Kim Il Sung:"),
            _block("You are welcome."),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == [
        "#pers-erich-honecker",
        "#pers-erich-honecker",
        "#pers-erich-honecker",
        "#pers-kim-il-sung",
        "#pers-kim-il-sung",
    ]
    assert _marks(doc.blocks[0]) == [
        ("speaker", "Comrade Erich Honecker:", {}),
        ("persName", "Erich Honecker", {"ref": "#pers-erich-honecker"}),
    ]


def test_an_office_in_capitals_leads_a_reported_turn_of_that_participant() -> None:
    present = "Present: The Prime Minister. Marshal Stalin. M. Molotov."
    doc = _run(
        _doc(
            _block(present, role=Role.PARTICIPANTS),
            _block("THE PRIME MINISTER hoped they might settle many questions."),
            _block("MARSHAL STALIN replied that he was ready to discuss anything."),
            _block("THE PRIME MINISTER gave the Marshal a photograph."),
            genre="minutes",
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-prime-minister", "#pers-stalin", None]
    assert [(p.key, p.name) for p in doc.participants] == [
        ("pers-prime-minister", "The Prime Minister"),
        ("pers-stalin", "Stalin"),
        ("pers-molotov", "M. Molotov"),
    ]
    # An office is no personal name: only the one who is named gets a persName.
    assert _marks(doc.blocks[1]) == []
    assert _marks(doc.blocks[2]) == [("persName", "STALIN", {"ref": "#pers-stalin"})]


@pytest.mark.parametrize(
    "verb",
    ["says that", "announces that", "inquires about", "thanks", "sends comrade Stalin greetings"],
)
def test_present_tense_reported_speech_in_minutes(verb: str) -> None:
    text = f"Zhou Enlai {verb} the plan."
    doc = _run(_doc(_block(text, _name(text, "Zhou Enlai", "pers-zhou-enlai")), genre="minutes"))
    assert _who(doc.blocks[0]) == "#pers-zhou-enlai"


def test_present_tense_reported_speech_stays_narrative_in_a_report() -> None:
    text = "Zhou Enlai announces that the plan is fulfilled."
    doc = _doc(_block(text, _name(text, "Zhou Enlai", "pers-zhou-enlai")), genre="report")
    assert mark_speakers(doc) == doc


# --- which labels are speakers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Reason: file no. 267",
        "Signature: (illegible)",
        "To: the Ministry",
        "Time: 4:30 p.m.",
        "Location: the Reception Hall",
        "Date and Time: 3 November, 10:15",
        "Archival Signature: fond 5",
        "Original Language: Russian",
    ],
)
def test_field_labels_never_speak(text: str) -> None:
    doc = _run(_doc(_block(text), _block("KARELIN: Agreed."), _block("HAN: Agreed.")))
    assert _who(doc.blocks[0]) is None
    assert [p.key for p in doc.participants] == ["pers-karelin", "pers-han"]


def test_question_and_answer_labels_make_an_interview() -> None:
    doc = _run(
        _doc(
            _block("Question: When will the plant open?"),
            _block("Answer: In June."),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-interviewer", "#pers-interviewee"]


def test_a_question_label_without_an_answer_is_a_field() -> None:
    doc = _run(_doc(_block("Question: the supply of coal."), _block("KARELIN: Agreed.")))
    assert _who(doc.blocks[0]) is None


# --- continuation --------------------------------------------------------------------------------


def test_in_a_dialogue_a_paragraph_without_a_label_continues_the_turn() -> None:
    doc = _run(
        _doc(
            _block("Gromyko – There are no changes this year."),
            _block("Our ambassador is received at the level of a deputy minister."),
            _block("Tsedenbal – Thank you for the information."),
            _block("The conversation lasted one hour."),
        )
    )
    assert [_who(b) for b in doc.blocks] == [
        "#pers-gromyko",
        "#pers-gromyko",
        "#pers-tsedenbal",
        None,
    ]
    # The continuation is one more paragraph of the same sp.
    assert doc.blocks[1].path == doc.blocks[0].path


def test_where_turns_are_reported_too_an_unlabelled_paragraph_is_narrative() -> None:
    said = "Nam Il said that the note would follow."
    doc = _run(
        _doc(
            _block("KARELIN: We are waiting for the note."),
            _block("We then discussed the shipments."),
            _block(said, _name(said, "Nam Il", "pers-nam-il")),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-karelin", None, "#pers-nam-il"]


# --- participants ----------------------------------------------------------------------------


def test_participants_with_their_office_after_the_name() -> None:
    lines = [
        "Participants:",
        "Lee Hu-rak Co-chairman of the Coordinating Committee",
        "CHANG Ki-yeong Assistant to the co-chairman (Cabinet Secretary)",
        "KIM Il 1st Vice Premier",
        "RYU Jang-sik Asistant to the co-chairman",
    ]
    first = lines[1]
    blocks = [
        _block(lines[0], role=Role.PARTICIPANTS),
        _block(first, _name(first, "Lee Hu-rak", "pers-lee-hu-rak"), role=Role.PARTICIPANTS),
        *(_block(line, role=Role.PARTICIPANTS) for line in lines[2:]),
        _block("LEE: Thank you."),
    ]
    doc = _run(_doc(*blocks))
    assert [(p.key, p.name, p.occupation) for p in doc.participants] == [
        ("pers-lee-hu-rak", "Lee Hu-rak", "Co-chairman of the Coordinating Committee"),
        (
            "pers-chang-ki-yeong",
            "Chang Ki-yeong",
            "Assistant to the co-chairman (Cabinet Secretary)",
        ),
        ("pers-kim-il", "Kim Il", "1st Vice Premier"),
        ("pers-ryu-jang-sik", "Ryu Jang-sik", "Asistant to the co-chairman"),
    ]
    assert _marks(doc.blocks[2]) == [
        ("persName", "CHANG Ki-yeong", {"ref": "#pers-chang-ki-yeong"}),
    ]
    assert _who(doc.blocks[-1]) == "#pers-lee-hu-rak"


def test_a_line_of_one_name_and_office_is_a_list_when_another_name_follows() -> None:
    text = "Nam Il First Vice Premier, Kim Il"
    marks = (_name(text, "Nam Il", "pers-nam-il"), _name(text, "Kim Il", "pers-kim-il"))
    doc = _run(_doc(_block(text, *marks, role=Role.PARTICIPANTS), _block("NAM: Welcome.")))
    assert [(p.key, p.occupation) for p in doc.participants] == [
        ("pers-nam-il", "First Vice Premier"),
        ("pers-kim-il", None),
    ]


def test_an_office_after_the_name_in_a_list_and_no_group_as_a_person() -> None:
    group = "Chinese Side: Members of the Chinese Friendship Delegation;"
    listed = "Chen Fu, Charge d'Affaires of the Embassy, and Chief of Staff Su Yu"
    joined = "Nie Rongzhen, Vice Premier and Chairman of the Science Commission, and Chen Yi"
    blocks = [
        _block(group, role=Role.PARTICIPANTS),
        _block(listed, role=Role.PARTICIPANTS),
        _block(joined, role=Role.PARTICIPANTS),
        _block("NIE: Welcome."),
    ]
    doc = _run(_doc(*blocks))
    assert [(p.key, p.occupation) for p in doc.participants] == [
        ("pers-chen-fu", "Charge d'Affaires of the Embassy"),
        ("pers-su-yu", "Chief of Staff"),
        ("pers-nie-rongzhen", "Vice Premier and Chairman of the Science Commission"),
        ("pers-chen-yi", None),
    ]
    assert _marks(doc.blocks[0]) == []


def test_a_short_form_in_the_title_is_the_participant_with_the_full_name() -> None:
    title = "Record of Conversation between Premier Kim and the Delegation"
    label = "Premier Kim Il Sung (hereafter Kim): Welcome."
    doc = _run(
        _doc(
            _block(title, _name(title, "Kim", "pers-kim"), role=Role.TITLE, path=FRONT),
            _block(label, _name(label, "Kim Il Sung", "pers-kim-il-sung")),
        )
    )
    assert _marks(doc.blocks[0]) == [("persName", "Kim", {"ref": "#pers-kim-il-sung"})]
    assert doc.participants == (Participant("pers-kim-il-sung", "Kim Il Sung", ("interlocutor",)),)


def test_every_speaker_is_a_participant() -> None:
    doc = _run(
        _doc(
            _block("THE CHAIRMAN: The meeting is open."),
            _block("Comrade Novotný: Agreed."),
            _block("Q: Any objections?"),
            _block("A: None."),
            _block("South (LEE): Agreed."),
        )
    )
    keys = {p.key for p in doc.participants}
    assert all(_who(b)[1:] in keys for b in doc.blocks)  # type: ignore[index]


def test_a_verb_of_speech_without_a_speaker_continues_the_reported_turn() -> None:
    said = "Kim Il Sung answers that the harvest will be better."
    doc = _run(
        _doc(
            _block(said, _name(said, "Kim Il Sung", "pers-kim-il-sung")),
            _block("Speaks of the difficulties with the supply of the cities."),
            _block("The delegation then left for the airport."),
            genre="minutes",
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-kim-il-sung", "#pers-kim-il-sung", None]


def test_a_local_record_of_a_participant_the_authority_knows_is_merged_into_it() -> None:
    title = "RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND ZHOU ENLAI"
    said = "Stalin thanks Zhou Enlai and asks about the harvest."
    stalin = Entity("pers-stalin", EntityType.PERSON, "Joseph Stalin", idnos=(("test", "3"),))
    doc = _run(
        _doc(
            _block(title, _name(title, "I.V. STALIN", "pers-i-v-stalin"), role=Role.TITLE,
                   path=FRONT),
            _block(said, _name(said, "Stalin", "pers-stalin")),
            genre="minutes",
            entities=(stalin,),
        )
    )  # fmt: skip
    assert _marks(doc.blocks[0]) == [("persName", "I.V. STALIN", {"ref": "#pers-stalin"})]
    assert _who(doc.blocks[1]) == "#pers-stalin"
    assert [p.key for p in doc.participants] == ["pers-stalin"]


def test_a_speaker_only_a_label_names_is_recorded_with_a_warning() -> None:
    present = "Present: V. P. Lobanov"
    doc = _run(
        _doc(
            _block(present, role=Role.PARTICIPANTS),
            _block("LOBANOV: Noted."),
            _block("KARELIN: We agree."),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-lobanov", "#pers-karelin"]
    assert doc.warnings == (
        "speaker 'KARELIN' is identified by the speaker label alone: recorded as participant "
        "pers-karelin",
    )


@pytest.mark.parametrize(
    "said", ["In reply, Kim Il Sung said:", "In reply, Kim Il Sung said:….", "Kim Il Sung said: …"]
)
def test_a_reported_clause_ending_in_a_colon_is_followed_by_the_words(said: str) -> None:
    # The translator's dots after the colon leave out words, not the announcement.
    doc = _run(
        _doc(
            _block(said, _name(said, "Kim Il Sung", "pers-kim-il-sung")),
            _block("We are grateful for the help of the Soviet Union."),
            _block("The conversation lasted an hour."),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-kim-il-sung", "#pers-kim-il-sung", None]


def test_an_office_names_the_participant_whose_office_it_heads() -> None:
    present = "Participants: The President; Secretary of State Dean Rusk; Ambassador L. Thompson"
    doc = _run(
        _doc(
            _block(present, role=Role.PARTICIPANTS),
            _block("The Secretary said that the talks in Geneva should go on."),
            _block("The President agreed."),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-dean-rusk", "#pers-president"]


def test_he_or_she_and_a_verb_of_speech_continue_the_turn_before() -> None:
    said = "Kim Il Sung said that the harvest would be good."
    doc = _run(
        _doc(
            _block(said, _name(said, "Kim Il Sung", "pers-kim-il-sung")),
            _block("He asked that the Soviet side send tractors."),
            _block("We agreed to meet again in June."),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-kim-il-sung", "#pers-kim-il-sung", None]


def test_labels_before_words_in_lower_case_are_no_turns() -> None:
    doc = _doc(
        _block("Pak Song-chol: the Minister received us in the afternoon."),
        _block("Nam Il: also present."),
        genre="report",
    )
    assert mark_speakers(doc) == doc


def test_a_local_record_with_a_fuller_name_is_merged_into_the_authoritys_record() -> None:
    title = "Record of Conversation between Premier Zhou Enlai and Prime Minister Nehru"
    label = "Prime Minister Jawaharlal Nehru (hereafter Nehru): We want it too."
    nehru = Entity("pers-nehru", EntityType.PERSON, "Jawaharlal Nehru", idnos=(("test", "4"),))
    doc = _run(
        _doc(
            _block(title, _name(title, "Nehru", "pers-nehru"), role=Role.TITLE, path=FRONT),
            _block(
                label,
                _name(label, "Jawaharlal Nehru", "pers-jawaharlal-nehru"),
                Mark(label.index("Nehru)"), label.index(")"), "persName", attrs(ref="#pers-nehru")),
            ),
            _block("Nehru: Then let our officials meet."),
            entities=(nehru,),
        )
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-nehru", "#pers-nehru"]
    refs = {m[2]["ref"] for b in doc.blocks for m in _marks(b) if m[0] == "persName"}
    assert refs == {"#pers-nehru"}
    assert doc.participants == (
        Participant("pers-nehru", "Jawaharlal Nehru", ("interlocutor",), idnos=(("test", "4"),)),
    )


def test_a_signers_record_keeps_the_fuller_name_the_document_prints() -> None:
    signed = "COUNSELLOR [signature] (B. ORLOV)"
    orlov = Entity("pers-orlov", EntityType.PERSON, "B.N. Orlov", unresolved=True)
    doc = _run(
        _doc(
            _block("I received the consul at his request."),
            _block(signed, _name(signed, "B. ORLOV", "pers-orlov"), role=Role.SIGNED, path=CLOSER),
            entities=(orlov,),
        )
    )
    assert [(p.key, p.name, p.roles) for p in doc.participants] == [
        ("pers-orlov", "B.N. Orlov", ("author",))
    ]


def test_a_participant_is_found_by_surname_only_when_the_initials_agree() -> None:
    cast = Cast()
    cast.add("pers-fidel-castro", "Fidel Castro", "interlocutor")
    assert cast.resolve("F. Castro") == "pers-fidel-castro"
    assert cast.resolve("Castro") == "pers-fidel-castro"
    assert cast.resolve("R. Castro") is None


def test_an_arabic_surname_is_found_without_its_article() -> None:
    cast = Cast()
    cast.add("pers-karim-el-masri", "Karim El-Masri", "interlocutor")
    assert cast.resolve("Masri") == "pers-karim-el-masri"
    assert cast.resolve("El-Masri") == "pers-karim-el-masri"


def _known(*keys: str) -> tuple[Entity, ...]:
    return tuple(Entity(key, EntityType.PERSON, key.removeprefix("pers-").title()) for key in keys)


def test_a_dash_closed_up_to_a_known_persons_name_opens_a_turn() -> None:
    first = "Cde. Orlov: The secretary is Varga."
    second = "Varga—it is worth speaking about the harvest."
    doc = _run(
        _doc(
            _block(first, _name(first, "Orlov", "pers-orlov"), _name(first, "Varga", "pers-varga")),
            _block(second, _name(second, "Varga", "pers-varga")),
            genre="minutes",
            entities=_known("pers-orlov", "pers-varga"),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-orlov", "#pers-varga"]
    # No space ends a speaker element there: the turn's @who alone names the speaker.
    assert [tag for tag, _, _ in _marks(doc.blocks[1])] == ["persName"]


def test_a_dash_closed_up_to_an_unknown_name_stays_in_the_turn() -> None:
    first = "Cde. Orlov: The secretary is Varga."
    second = "Varga—it is worth speaking about the harvest."
    doc = _run(
        _doc(
            _block(first, _name(first, "Orlov", "pers-orlov")),
            _block(second),
            genre="minutes",
            entities=_known("pers-orlov"),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-orlov", "#pers-orlov"]


def _title_and_turns(*texts: str, genre: str = "minutes") -> Document:
    title = "MINUTES OF THE TALKS BETWEEN A. P. KOVAL AND PRESIDENT ORTEGA"
    blocks = [
        _block(
            title,
            _name(title, "A. P. KOVAL", "pers-koval"),
            _name(title, "ORTEGA", "pers-ortega"),
            role=Role.TITLE,
            path=FRONT,
        )
    ]
    for text in texts:
        names = [n for n in ("Ortega", "A.P. Koval") if n in text]
        blocks.append(
            _block(text, *(_name(text, n, f"pers-{n.split()[-1].lower()}") for n in names))
        )
    return _run(_doc(*blocks, genre=genre))


def test_labels_without_a_colon_name_the_people_of_the_title() -> None:
    doc = _title_and_turns(
        "Ortega Dear friends, we thank you for the invitation.",
        "A.P. Koval. We welcome you to our capital.",
    )
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-ortega", "#pers-koval"]
    assert ("speaker", "Ortega", {}) in _marks(doc.blocks[1])
    assert ("speaker", "A.P. Koval.", {}) in _marks(doc.blocks[2])


def test_a_name_that_is_the_subject_of_a_sentence_is_no_label() -> None:
    doc = _title_and_turns(
        "Ortega Dear friends, we thank you for the invitation.",
        "A.P. Koval. We welcome you to our capital.",
        "Ortega said that the harvest was good.",
        genre="report",
    )
    assert [_who(b) for b in doc.blocks[1:]] == [None, None, None]


def test_a_name_before_a_sentence_needs_other_labels_in_the_record() -> None:
    doc = _title_and_turns("Ortega Dear friends, we thank you for the invitation.")
    assert _who(doc.blocks[1]) is None


def test_stop_labels_with_initials_alternate_between_two_people() -> None:
    first = "P. L. VARNEY. The harbour talks can resume next month."
    second = "T. Okoro. Then our ministers should meet before that."
    doc = _run(
        _doc(
            _block(first, _name(first, "P. L. VARNEY", "pers-varney")),
            _block(second, _name(second, "T. Okoro", "pers-okoro")),
        )
    )
    assert [_who(b) for b in doc.blocks] == ["#pers-varney", "#pers-okoro"]
    assert {p.key for p in doc.participants} == {"pers-varney", "pers-okoro"}


def test_one_persons_stop_labels_printed_two_ways_are_no_pattern() -> None:
    first = "Okoro. The harbour talks can resume next month."
    second = "T. Okoro. Our ministers should meet before that."
    doc = _run(
        _doc(
            _block(first, _name(first, "Okoro", "pers-okoro")),
            _block(second, _name(second, "T. Okoro", "pers-okoro")),
            genre="document",
        )
    )
    assert [_who(b) for b in doc.blocks] == [None, None]


def test_a_transcripts_legend_is_no_turn_and_no_participant() -> None:
    first = "HADI: We begin with the harbour."
    doc = _run(
        _doc(
            _block("Key: UF = Unidentified Female Speaker. Bracketed words are the translator's."),
            _block(first, _name(first, "HADI", "pers-hadi")),
            _block("UF: And the railway?"),
        )
    )
    assert _who(doc.blocks[0]) is None
    assert "pers-key" not in {p.key for p in doc.participants}


def test_an_office_label_names_the_one_holder_the_title_names_after_that_office() -> None:
    title = "Discussion between Ambassador Zhang Haifeng and Nguyen Duy Trinh"
    head = _block(
        title,
        _name(title, "Zhang Haifeng", "pers-zhang-haifeng"),
        _name(title, "Nguyen Duy Trinh", "pers-nguyen-duy-trinh"),
        role=Role.TITLE,
        path=FRONT,
    )
    second = "Nguyen Duy Trinh: We will attend."
    turns = (
        _block("Ambassador: Premier Zhou asks whether you will attend."),
        _block(second, _name(second, "Nguyen Duy Trinh", "pers-nguyen-duy-trinh")),
    )
    doc = _run(_doc(head, *turns))
    assert [_who(b) for b in doc.blocks[1:]] == ["#pers-zhang-haifeng", "#pers-nguyen-duy-trinh"]
    assert "pers-ambassador" not in {p.key for p in doc.participants}
    # Two ambassadors in the title: the label names neither, and stays an office.
    both = title.replace("and Nguyen Duy Trinh", "and Ambassador Nguyen Duy Trinh")
    head = replace(head, text=both, marks=(
        _name(both, "Zhang Haifeng", "pers-zhang-haifeng"),
        _name(both, "Nguyen Duy Trinh", "pers-nguyen-duy-trinh"),
    ))  # fmt: skip
    assert _who(_run(_doc(head, *turns)).blocks[1]) == "#pers-ambassador"


# --- the parties the archive's title names -----------------------------------------------------

COVER = (Container("front", "front"), Container("archiveCover", "div"))


def _cover_title(text: str, *marks: Mark) -> Block:
    return Block(
        Role.COVER, text, SourceSpan(1), 1, path=COVER, attrs=attrs(type="title"), marks=marks
    )


def test_the_parties_of_an_archive_title_of_a_conversation_take_part_without_a_turn() -> None:
    title = "Discussion between Li Wen and Tran Bao, 'On Laos and Karelin'"
    doc = _run(
        _doc(
            _cover_title(
                title,
                _name(title, "Li Wen", "pers-li-wen"),
                _name(title, "Tran Bao", "pers-tran-bao"),
                _name(title, "Karelin", "pers-karelin"),
            ),
            _block("Li Wen: We support the letter."),
        )
    )
    # The subject after the comma names no party.
    assert [(p.key, p.roles) for p in doc.participants] == [
        ("pers-li-wen", ("interlocutor",)),
        ("pers-tran-bao", ("interlocutor",)),
    ]


def test_the_people_of_an_archive_title_of_another_kind_take_no_part() -> None:
    title = "Telegram from Li Wen to Tran Bao"
    doc = _run(
        _doc(
            _cover_title(
                title,
                _name(title, "Li Wen", "pers-li-wen"),
                _name(title, "Tran Bao", "pers-tran-bao"),
            ),
            _block("Li Wen: We support the letter."),
        )
    )
    assert [p.key for p in doc.participants] == ["pers-li-wen"]
