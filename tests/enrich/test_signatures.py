"""The signatures enricher: office and name in the closer, names signed under a caption in the
back (encoding guide §12).

Blocks are built as the reader and the names enricher leave them: the body's closer holds
``signed`` blocks, the back holds a caption (``byline``) and the names signed under it. Where a
test gives a ``persName`` or ``placeName`` mark, it stands for what the names enricher found.
"""

from __future__ import annotations

import pytest

from tei_plenum.authority import Authority, Record
from tei_plenum.enrich.signatures import split_signatures
from tei_plenum.model import (
    Block,
    Container,
    Document,
    Entity,
    EntityType,
    Mark,
    Role,
    SourceSpan,
    attrs,
)

BODY_CLOSER = (Container("body", "body"), Container("closer", "closer"))
BACK = (Container("back", "back"), Container("closer-back", "closer"))


def _mark(text: str, surface: str, tag: str, **values: str) -> Mark:
    start = text.index(surface)
    return Mark(start, start + len(surface), tag, attrs(**values))


def _block(
    text: str, *marks: Mark, role: Role = Role.SIGNED, path: tuple[Container, ...] = BODY_CLOSER
) -> Block:
    return Block(role, text, SourceSpan(1), 1, path=path, marks=marks)


def _run(
    *blocks: Block, entities: tuple[Entity, ...] = (), authority: Authority | None = None
) -> Document:
    doc = Document("test.txt", "pdf-text", blocks, 1, entities=entities)
    result = split_signatures(doc, authority)
    assert [b.text for b in result.blocks] == [b.text for b in blocks]
    return result


def _marks(block: Block) -> list[tuple[str, str, dict[str, str]]]:
    return [(m.tag, block.text[m.start : m.end], dict(m.attrs)) for m in block.marks]


# --- the body's closer: office and name as siblings ---------------------------------------------


def test_office_is_the_text_before_a_known_name() -> None:
    text = "SOVIET AMBASSADOR TO THE DPRK A. PUZANOV [signature]"
    block = _block(
        text,
        _mark(text, "DPRK", "placeName", ref="#place-dprk"),
        _mark(text, "A. PUZANOV", "persName", ref="#pers-puzanov"),
    )
    doc = _run(block)
    assert _marks(doc.blocks[0]) == [
        ("roleName", "SOVIET AMBASSADOR TO THE DPRK", {"type": "office"}),
        ("placeName", "DPRK", {"ref": "#place-dprk"}),
        ("persName", "A. PUZANOV", {"ref": "#pers-puzanov"}),
    ]
    assert doc.entities == ()  # the names enricher's record is the one


def test_a_known_name_without_an_office_word_gets_no_office() -> None:
    text = "Pyongyang Kim Il Sung"
    name = _mark(text, "Kim Il Sung", "persName", ref="#pers-kim-il-sung")
    assert _marks(_run(_block(text, name)).blocks[0]) == [
        ("persName", "Kim Il Sung", {"ref": "#pers-kim-il-sung"})
    ]


def test_initials_and_a_surname_are_a_name_with_an_unresolved_record() -> None:
    text = "Chairman of the Committee S. KARELIN"
    doc = _run(_block(text))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "Chairman of the Committee", {"type": "office"}),
        ("persName", "S. KARELIN", {"ref": "#pers-karelin"}),
    ]
    assert doc.entities == (
        Entity("pers-karelin", EntityType.PERSON, "S. Karelin", unresolved=True),
    )


def test_the_words_after_the_offices_place_are_the_name() -> None:
    text = "AMBASSADOR OF THE USSR IVANOV"
    doc = _run(_block(text, _mark(text, "USSR", "placeName", ref="#place-ussr")))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "AMBASSADOR OF THE USSR", {"type": "office"}),
        ("placeName", "USSR", {"ref": "#place-ussr"}),
        ("persName", "IVANOV", {"ref": "#pers-ivanov"}),
    ]
    assert [(e.key, e.name, e.unresolved) for e in doc.entities] == [
        ("pers-ivanov", "Ivanov", True)
    ]


def test_a_short_line_of_capitalised_words_is_a_name() -> None:
    doc = _run(_block("HAN SOL-YA [signature]"))
    assert _marks(doc.blocks[0]) == [("persName", "HAN SOL-YA", {"ref": "#pers-han-sol-ya"})]
    assert [(e.key, e.name) for e in doc.entities] == [("pers-han-sol-ya", "Han Sol-ya")]


def test_a_name_the_translator_supplied_in_brackets_is_the_signers() -> None:
    text = "[Ravi Menon]"
    doc = _run(_block(text, Mark(1, 11, "bracket")))
    assert ("persName", "Ravi Menon", {"ref": "#pers-ravi-menon"}) in _marks(doc.blocks[0])
    # The surname the names enricher marked grows to the whole name.
    marked = _block(text, Mark(1, 11, "bracket"), _mark(text, "Menon", "persName", ref="#pers-x"))
    doc = _run(marked, entities=(Entity("pers-x", EntityType.PERSON, "Ravi Menon"),))
    assert ("persName", "Ravi Menon", {"ref": "#pers-x"}) in _marks(doc.blocks[0])
    # A description the brackets enricher read is no name.
    seal = _block("[Seal]", Mark(1, 5, "seg", attrs(type="description")), Mark(1, 5, "bracket"))
    assert "persName" not in [tag for tag, *_ in _marks(_run(seal).blocks[0])]


def test_a_name_before_the_office_that_ends_the_line() -> None:
    doc = _run(_block("Pál Szarvas Ambassador"))
    assert _marks(doc.blocks[0]) == [("persName", "Pál Szarvas", {"ref": "#pers-pal-szarvas"})]
    # Words of offices are no name ("Acting Ambassador", "First Deputy Minister").
    for text in ("Acting Ambassador", "First Deputy Minister", "SOVIET AMBASSADOR"):
        assert "persName" not in [tag for tag, *_ in _marks(_run(_block(text)).blocks[0])]


def test_first_names_supplied_before_a_signers_surname() -> None:
    doc = _run(_block("[Torleiv] Anda", Mark(1, 8, "bracket")))
    assert ("persName", "[Torleiv] Anda", {"ref": "#pers-torleiv-anda"}) in _marks(doc.blocks[0])


def test_the_name_after_a_signature_mark() -> None:
    text = "Secretary of the Committee [signature] Pak Chang-ok"
    doc = _run(_block(text))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "Secretary of the Committee", {"type": "office"}),
        ("persName", "Pak Chang-ok", {"ref": "#pers-pak-chang-ok"}),
    ]


def test_a_sentence_after_a_signature_mark_is_not_a_name() -> None:
    text = "Secretary [signature] on behalf of the committee"
    assert _marks(_run(_block(text)).blocks[0]) == []


def test_an_office_alone_is_an_office() -> None:
    text = "Chairman of the Presidium"
    doc = _run(_block(text))
    assert _marks(doc.blocks[0]) == [("roleName", text, {"type": "office"})]
    assert doc.entities == ()


def test_an_office_with_only_a_signature_mark_is_left_alone() -> None:
    assert _marks(_run(_block("Chairman [signature]")).blocks[0]) == []


@pytest.mark.parametrize(
    "text", ["MINISTRY OF FOREIGN TRADE", "Foreign Relations Section [signature] PLANNING BOARD"]
)
def test_a_body_signing_in_capitals_is_no_person(text: str) -> None:
    doc = _run(_block(text))
    assert [tag for tag, *_ in _marks(doc.blocks[0])] == []
    assert doc.entities == ()


def test_a_line_that_is_neither_office_nor_name_is_left_alone() -> None:
    doc = _run(_block("with comradely greetings and respect"))
    assert _marks(doc.blocks[0]) == []
    assert doc.entities == ()


def test_a_name_already_recorded_gets_no_second_record() -> None:
    known = Entity("pers-karelin", EntityType.PERSON, "S. N. Karelin")
    doc = _run(_block("Ambassador S. KARELIN"), entities=(known,))
    assert _marks(doc.blocks[0])[-1] == ("persName", "S. KARELIN", {"ref": "#pers-karelin"})
    assert doc.entities == (known,)


def test_a_name_that_would_cross_an_existing_mark_is_neither_marked_nor_recorded() -> None:
    text = "Director V. KOVAL"
    crossing = _mark(text, "Director V.", "orgName", ref="#org-x")
    doc = _run(_block(text, crossing))
    assert _marks(doc.blocks[0]) == [("orgName", "Director V.", {"ref": "#org-x"})]
    assert doc.entities == ()


def test_a_name_typed_between_slashes_under_the_signature() -> None:
    text = "AMBASSADOR OF THE USSR IN THE DPRK [signature] /A. PUZANOV/"
    doc = _run(_block(text, _mark(text, "USSR", "placeName", ref="#place-ussr")))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "AMBASSADOR OF THE USSR IN THE DPRK", {"type": "office"}),
        ("placeName", "USSR", {"ref": "#place-ussr"}),
        ("persName", "A. PUZANOV", {"ref": "#pers-puzanov"}),
    ]
    alone = _run(_block("/S. KARELIN/"))
    assert _marks(alone.blocks[0]) == [("persName", "S. KARELIN", {"ref": "#pers-karelin"})]


def test_a_letter_spaced_name_keeps_its_spacing_and_is_recorded_unspaced() -> None:
    doc = _run(_block("G R O M Y K O"))
    assert _marks(doc.blocks[0]) == [("persName", "G R O M Y K O", {"ref": "#pers-gromyko"})]
    assert doc.entities == (Entity("pers-gromyko", EntityType.PERSON, "Gromyko", unresolved=True),)
    # The authority's record of the unspaced name, when it has one.
    known = Record("pers-a-gromyko", EntityType.PERSON, "Andrei Gromyko", variants=("Gromyko",))
    linked = _run(_block("MINISTER G R O M Y K O"), authority=Authority([known]))
    assert _marks(linked.blocks[0]) == [
        ("roleName", "MINISTER", {"type": "office"}),
        ("persName", "G R O M Y K O", {"ref": "#pers-a-gromyko"}),
    ]
    assert [(e.key, e.name, e.unresolved) for e in linked.entities] == [
        ("pers-a-gromyko", "Andrei Gromyko", False)
    ]


def test_the_signed_label_stays_outside_the_name() -> None:
    doc = _run(_block("Signed: Corneliu Bogdan"))
    assert _marks(doc.blocks[0]) == [
        ("persName", "Corneliu Bogdan", {"ref": "#pers-corneliu-bogdan"})
    ]


@pytest.mark.parametrize("label", ["Signed", "SIGNED:", "(signed)"])
def test_a_signed_label_on_its_own_line_is_no_name(label: str) -> None:
    doc = _run(_block(label), _block("Teodor Vasilescu"))
    assert _marks(doc.blocks[0]) == []
    assert _marks(doc.blocks[1]) == [
        ("persName", "Teodor Vasilescu", {"ref": "#pers-teodor-vasilescu"})
    ]
    assert [e.name for e in doc.entities] == ["Teodor Vasilescu"]


def test_the_date_the_signer_put_first_is_no_part_of_the_name() -> None:
    text = "9.3.51 VASILESCU"
    dated = Mark(0, 6, "date", attrs(when="1951-03-09"))
    doc = _run(_block(text, dated))
    assert _marks(doc.blocks[0]) == [
        ("date", "9.3.51", {"when": "1951-03-09"}),
        ("persName", "VASILESCU", {"ref": "#pers-vasilescu"}),
    ]


def test_offices_in_the_plural_are_no_signers_names() -> None:
    doc = _run(
        _block("Ellen Whitcombe"),
        _block("Co-Directors, RTC"),
        _block("Co-Chairmen, RTC"),
        _block("Editor, River News"),
        # A place the names enricher found in the paper's title is no end of an office.
        _block(
            "Editor, Danube Review",
            _mark("Editor, Danube Review", "Danube", "placeName", ref="#place-danube"),
        ),
    )
    assert [_marks(b) for b in doc.blocks[1:]] == [
        [("roleName", "Co-Directors, RTC", {"type": "office"})],
        [("roleName", "Co-Chairmen, RTC", {"type": "office"})],
        [("roleName", "Editor, River News", {"type": "office"})],
        [
            ("roleName", "Editor, Danube Review", {"type": "office"}),
            ("placeName", "Danube", {"ref": "#place-danube"}),
        ],
    ]
    assert [e.name for e in doc.entities] == ["Ellen Whitcombe"]


def test_a_sender_between_dashes_is_read_between_them() -> None:
    doc = _run(_block("– 123 chargé d'affaires –"))
    assert _marks(doc.blocks[0]) == [
        ("num", "123", {"value": "123"}),
        ("roleName", "chargé d'affaires", {"type": "office"}),
    ]
    named = _run(_block("— Kádas —"))
    assert _marks(named.blocks[0]) == [("persName", "Kádas", {"ref": "#pers-kadas"})]
    # A cable's number before the sender's name, each set off by dashes, doubled or not.
    for text in ("-- 77 -- Kovacs --", "– 77 – Kovacs –"):
        assert _marks(_run(_block(text)).blocks[0]) == [
            ("num", "77", {"value": "77"}),
            ("persName", "Kovacs", {"ref": "#pers-kovacs"}),
        ]
    # The office after the number leaves the dash out.
    office = _run(_block("– 160 – chargé d'affaires –"))
    assert ("roleName", "chargé d'affaires", {"type": "office"}) in _marks(office.blocks[0])


def test_a_department_between_dashes_is_not_a_signer() -> None:
    text = "- Far East Department -"
    department = _mark(text, "Far East Department", "orgName", ref="#org-far-east-department")
    doc = _run(_block(text, department))
    assert _marks(doc.blocks[0]) == [
        ("orgName", "Far East Department", {"ref": "#org-far-east-department"})
    ]
    assert doc.entities == ()


def test_a_number_on_the_signature_line_is_a_num_outside_the_name() -> None:
    text = "Nº 2395 [signature] N. ZAKHAROV"
    assert _marks(_run(_block(text)).blocks[0]) == [
        ("num", "2395", {"value": "2395"}),
        ("persName", "N. ZAKHAROV", {"ref": "#pers-zakharov"}),
    ]
    # A number the dates enricher took is left to the date.
    dated = "IVANOV 12 May 1957"
    date = _mark(dated, "12 May 1957", "date", when="1957-05-12")
    assert [m[0] for m in _marks(_run(_block(dated, date)).blocks[0])] == ["date"]


# --- credits: who interpreted or recorded the conversation ---------------------------------------


def test_a_credited_interpreter_with_the_office_before_the_name() -> None:
    text = "Attaché Kim Chol translated the conversation."
    doc = _run(_block(text, role=Role.PARAGRAPH, path=()))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "Attaché", {"type": "office"}),
        ("persName", "Kim Chol", {"ref": "#pers-kim-chol"}),
    ]
    assert [(e.name, e.occupation) for e in doc.entities] == [("Kim Chol", "interpreter")]


def test_a_credited_recorder_the_names_enricher_found() -> None:
    text = "Recorded by: First Secretary V. Pelishenko"
    found = _mark(text, "V. Pelishenko", "persName", ref="#pers-pelishenko")
    doc = _run(_block(text, found, role=Role.BYLINE))
    assert _marks(doc.blocks[0]) == [
        ("roleName", "First Secretary", {"type": "office"}),
        ("persName", "V. Pelishenko", {"ref": "#pers-pelishenko"}),
    ]
    assert doc.entities == ()


@pytest.mark.parametrize("role", [Role.PARAGRAPH, Role.BYLINE, Role.DATELINE])
def test_only_signed_blocks_of_the_body_are_read(role: Role) -> None:
    doc = _run(_block("Chairman S. KARELIN", role=role))
    assert _marks(doc.blocks[0]) == []


# --- the back: names signed under a caption ---------------------------------------------------


def _back(*texts: str) -> list[Block]:
    caption, *names = texts
    return [
        _block(caption, role=Role.BYLINE, path=BACK),
        *(_block(name, path=BACK) for name in names),
    ]


def test_names_under_translated_by_are_translators() -> None:
    doc = _run(*_back("Translated [by]:", "Rozanov [signature]", "Bulgakov [signature]"))
    assert [_marks(b) for b in doc.blocks] == [
        [],
        [("persName", "Rozanov", {"ref": "#pers-rozanov"})],
        [("persName", "Bulgakov", {"ref": "#pers-bulgakov"})],
    ]
    translator = {"occupation": "translator", "unresolved": True}
    assert doc.entities == (
        Entity("pers-rozanov", EntityType.PERSON, "Rozanov", **translator),
        Entity("pers-bulgakov", EntityType.PERSON, "Bulgakov", **translator),
    )


def test_names_under_recorded_by_are_recorders() -> None:
    doc = _run(*_back("Recorded [by]:", "A. PIMENOV [signature]"))
    assert _marks(doc.blocks[1]) == [("persName", "A. PIMENOV", {"ref": "#pers-pimenov"})]
    assert [(e.name, e.occupation) for e in doc.entities] == [("A. Pimenov", "recorder")]


def test_a_name_on_the_captions_own_line() -> None:
    doc = _run(*_back("Recorded by V. P. Lobanov"))
    assert _marks(doc.blocks[0]) == [("persName", "V. P. Lobanov", {"ref": "#pers-lobanov"})]
    assert [(e.key, e.occupation) for e in doc.entities] == [("pers-lobanov", "recorder")]


@pytest.mark.parametrize(
    "line", ["Typed by Petrova on 4/7/53 at 9:15 a.m.", "Typed by Petrova, 4 July 1953"]
)
def test_the_day_and_hour_after_a_name_on_the_captions_line_are_no_part_of_it(line: str) -> None:
    doc = _run(*_back(line))
    assert _marks(doc.blocks[0]) == [("persName", "Petrova", {"ref": "#pers-petrova"})]
    assert [(e.name, e.occupation) for e in doc.entities] == [("Petrova", "typist")]


def test_a_name_the_names_enricher_found_is_kept_as_it_is() -> None:
    text = "Rozanov [signature]"
    known = _mark(text, "Rozanov", "persName", ref="#pers-rozanov-known")
    blocks = [
        _block("Translated [by]:", role=Role.BYLINE, path=BACK),
        _block(text, known, path=BACK),
    ]
    doc = _run(*blocks)
    assert _marks(doc.blocks[1]) == [("persName", "Rozanov", {"ref": "#pers-rozanov-known"})]
    assert doc.entities == ()


def test_a_line_in_the_back_that_does_not_start_with_a_capital_is_not_a_name() -> None:
    doc = _run(*_back("Translated [by]:", "two copies [signature]"))
    assert _marks(doc.blocks[1]) == []
    assert doc.entities == ()


def test_the_same_signer_twice_has_one_record() -> None:
    doc = _run(*_back("Translated [by]:", "Rozanov [signature]", "Rozanov"))
    assert [e.key for e in doc.entities] == ["pers-rozanov"]
    assert _marks(doc.blocks[2]) == [("persName", "Rozanov", {"ref": "#pers-rozanov"})]
