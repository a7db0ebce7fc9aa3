"""In-document aliases (issue 11 §2): found once per document by the names enricher, kept on
``Document.aliases``, read through ``AliasTable`` by both the names and speakers enrichers."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from tei_plenum.authority import Authority
from tei_plenum.enrich.aliases import AliasTable, declared_form
from tei_plenum.enrich.names import enrich_names
from tei_plenum.model import Alias, Block, Document, Mark, Role, SourceSpan
from tei_plenum.pipeline import convert_text

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def _block(text: str, number: int = 1, role: Role = Role.PARAGRAPH) -> Block:
    """A block as the reader leaves it: each bracket pair's content under a bracket mark."""
    brackets = tuple(
        Mark(m.start() + 1, m.end() - 1, "bracket") for m in re.finditer(r"\[[^\]]*\]", text)
    )
    return Block(role, text, SourceSpan(number), 1, marks=brackets)


def _enrich(*texts: str) -> Document:
    blocks = tuple(_block(text, n) for n, text in enumerate(texts, start=1))
    return enrich_names(Document("t.txt", "plain-text", blocks, 1), Authority.load())


def _refs(doc: Document, block: int) -> list[tuple[str, str]]:
    b = doc.blocks[block]
    return [(b.text[m.start : m.end], dict(m.attrs)["ref"]) for m in b.marks if m.tag == "persName"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Premier Pham Van Dong (hereafter Pham): welcome.", "Pham"),
        ("Chairman Ri Jong-ok [henceforth referred to as Ri].", "Ri"),
        ("Minister Pak Song-chol (to be abbreviated as Pak):", "Pak"),
        ("Vice Minister Kim Jae-suk (hereinafter referred to as \u201cKim\u201d) said", "Kim"),
        ("Director Hwang Pyong-so (hereafter: Hwang) added", "Hwang"),
    ],
)
def test_declarations_bind_the_short_form_after_a_name(text: str, form: str) -> None:
    name_end = text.index(" (") if " (" in text else text.index(" [")
    assert declared_form(text, name_end) == (form, text.index(form, name_end))


def test_no_declaration_no_binding() -> None:
    assert declared_form("Kim Il Sung (Premier) said", len("Kim Il Sung")) is None


def test_a_declared_short_form_links_to_the_person_the_document_introduced() -> None:
    doc = _enrich(
        "Vice Minister Kim Jae-suk (hereafter Kim) received the delegation.",
        "Kim: We thank the fraternal party.",
    )
    assert _refs(doc, 1) == [("Kim", "#pers-kim-jae-suk")]
    (declared,) = [a for a in doc.aliases if a.source == "declared"]
    assert (declared.form, declared.key, declared.name) == (
        "Kim",
        "pers-kim-jae-suk",
        "Kim Jae-suk",
    )


def test_a_declaration_holds_before_it_in_the_document_too() -> None:
    doc = _enrich(
        "Conversation between Premier Kim and the delegation",
        "Premier Kim Il Sung (hereafter Kim): Is everyone well?",
    )
    assert _refs(doc, 0) == [("Kim", "#pers-kim-il-sung")]


def test_a_surname_after_its_full_name_is_that_person() -> None:
    doc = _enrich("I met John Wetherby of the State Department.", "Wetherby said he would reply.")
    assert _refs(doc, 1) == [("Wetherby", "#pers-john-wetherby")]


def test_initials_and_a_surname_bind_the_surname() -> None:
    doc = _enrich("The note was handed to J. Wetherby on Monday.", "Wetherby said he would reply.")
    assert _refs(doc, 1) == [("Wetherby", "#pers-wetherby")]


def test_a_surname_a_title_introduced_binds_the_surname() -> None:
    doc = _enrich("I met Mr. Wetherby at the ministry.", "According to Wetherby, the talks failed.")
    assert _refs(doc, 0) == [("Wetherby", "#pers-wetherby")]
    assert _refs(doc, 1) == [("Wetherby", "#pers-wetherby")]


def test_an_east_asian_family_name_a_title_introduced_binds_nothing() -> None:
    # Many people of one document share it: "Kim" alone stays untagged.
    doc = _enrich("Deputy Director Kim spoke first.", "According to Kim, the talks failed.")
    assert _refs(doc, 0) == [("Kim", "#pers-kim")]
    assert _refs(doc, 1) == []


def test_a_surname_after_its_bracketed_first_names_binds_the_surname() -> None:
    doc = _enrich(
        "A talk with [Chilean President Salvador] Allende on copper.",
        "Allende said the mines would stay in state hands.",
    )
    assert _refs(doc, 0) == [("Allende", "#pers-salvador-allende")]
    assert _refs(doc, 1) == [("Allende", "#pers-salvador-allende")]


def test_a_known_first_name_after_its_full_name_is_that_person() -> None:
    doc = _enrich("Raúl Castro came to Moscow.", "Raúl explained the position of Havana.")
    assert _refs(doc, 1) == [("Raúl", "#pers-raul-castro")]
    # Two people of that first name: it stands for neither; East Asian names bind no first name.
    doc = _enrich("Raúl Castro and Raúl Roa came.", "Raúl explained.", "Kim Chol-su spoke.")
    assert _refs(doc, 1) == []


def test_the_first_of_two_spanish_surnames_is_that_person() -> None:
    doc = _enrich(
        "The ambassador met Raúl Tamo Vercher, the Minister of Foreign Affairs.",
        "Foreign Minister Tamo agreed. Vercher said no more.",
    )
    assert _refs(doc, 1) == [
        ("Tamo", "#pers-raul-tamo-vercher"),
        ("Vercher", "#pers-raul-tamo-vercher"),
    ]


@pytest.mark.parametrize(
    ("full", "middle"),
    [
        ("Dwight David Eisenhower", "David"),  # a second first name
        ("Andrei Andreyevich Gromyko", "Andreyevich"),  # a patronymic
        ("Pham Van Dong", "Van"),  # read family name first
    ],
)
def test_a_middle_word_that_is_no_surname_binds_nothing(full: str, middle: str) -> None:
    doc = _enrich(f"A letter from {full} arrived.", f"Comrade {middle} agreed.")
    ((_name, person),) = _refs(doc, 0)
    assert all(ref != person for _form, ref in _refs(doc, 1))


def test_a_surname_before_its_full_name_is_not_bound() -> None:
    doc = _enrich("Wetherby said he would reply.", "I met John Wetherby of the State Department.")
    assert _refs(doc, 0) == []


def test_a_short_form_shared_by_two_people_links_to_neither() -> None:
    doc = _enrich(
        "Kim Jae-suk and Kim Pyong-ho arrived.",
        "Deputy Director Kim spoke first.",
    )
    assert _refs(doc, 1) == [("Kim", "#pers-kim")]


def test_a_bracketed_identification_binds_a_pseudonym() -> None:
    doc = _enrich("Roshchin to Filippov [Stalin]", "To Cde. Filippov. I received the telegram.")
    assert _refs(doc, 0) == [("Filippov", "#pers-stalin"), ("Stalin", "#pers-stalin")]
    assert _refs(doc, 1) == [("Filippov", "#pers-stalin")]
    (identified,) = [a for a in doc.aliases if a.source == "identified"]
    assert (identified.form, identified.key) == ("Filippov", "pers-stalin")


def test_a_participants_list_binds_its_surnames() -> None:
    blocks = (
        _block("Participants: Chen Fu, Counsellor", 1, Role.PARTICIPANTS),
        _block("Counsellor Chen agreed.", 2),
    )
    doc = enrich_names(Document("t.txt", "plain-text", blocks, 1), Authority.load())
    assert [(a.form, a.source) for a in doc.aliases] == [("Chen", "participant")]
    assert _refs(doc, 1) == [("Chen", "#pers-chen-fu")]


def _alias(form: str, key: str, source: str, block: int, start: int = 0) -> Alias:
    return Alias(
        form, key, key.removeprefix("pers-").replace("-", " ").title(), source, block, start
    )


def test_the_table_prefers_what_the_document_declared() -> None:
    table = AliasTable(
        [
            _alias("Kim", "pers-kim-il", "surname", 0),
            _alias("Kim", "pers-kim-il-sung", "declared", 2),
        ]
    )
    assert table.lookup("KIM").key == "pers-kim-il-sung"
    assert [a.key for a in table.candidates("kim")] == ["pers-kim-il-sung", "pers-kim-il"]


def test_the_table_holds_a_surname_from_its_full_name_on_and_never_guesses() -> None:
    table = AliasTable(
        [
            _alias("Lee", "pers-lee-hu-rak", "surname", 1),
            _alias("Lee", "pers-lee-dong", "surname", 3),
        ]
    )
    assert table.lookup("Lee", block=0) is None
    assert table.lookup("Lee", block=2).key == "pers-lee-hu-rak"
    assert table.lookup("Lee", block=4) is None
    assert [a.key for a in table.candidates("LEE")] == ["pers-lee-hu-rak", "pers-lee-dong"]
    assert table.lookup("Park") is None


def test_the_table_takes_the_latest_declaration_before_a_place() -> None:
    table = AliasTable(
        [
            _alias("Kim", "pers-kim-jae-suk", "declared", 1),
            _alias("Kim", "pers-kim-il-sung", "declared", 3),
        ]
    )
    assert table.lookup("Kim", block=0).key == "pers-kim-jae-suk"  # a title before both
    assert table.lookup("Kim", block=2).key == "pers-kim-jae-suk"
    assert table.lookup("Kim", block=4).key == "pers-kim-il-sung"
    assert table.lookup("Kim").key == "pers-kim-il-sung"


def test_a_surname_bound_at_every_mention_of_its_full_name_stays_one_person() -> None:
    table = AliasTable([_alias("Lee", "pers-lee-hu-rak", "surname", n) for n in range(1, 500)])
    assert table.lookup("Lee", block=0) is None
    assert table.lookup("Lee", block=1, start=1).key == "pers-lee-hu-rak"
    assert table.lookup("Lee", block=600).key == "pers-lee-hu-rak"
    assert [a.key for a in table.candidates("Lee")] == ["pers-lee-hu-rak"]


def test_a_code_name_linked_with_doubt_binds_no_certain_surname() -> None:
    text = (
        "January 13, 1951\n"
        "Ciphered Telegram from the Embassy in Beijing\n"
        "The ambassador handed over the telegram of Filippov.\n"
        "Zhou thanked Filippov for the reply.\n"
    )
    tree = etree.fromstring(convert_text(text).tei)
    found = tree.xpath("//tei:body//tei:persName[.='Filippov']", namespaces=NS)
    assert [(p.get("ref"), p.get("cert")) for p in found] == [("#pers-stalin", "medium")] * 2
