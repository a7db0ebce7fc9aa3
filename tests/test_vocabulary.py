"""The vocabulary: Clark names, the entity-kind table, key builders, ids and marking types."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tei_plenum.reader import patterns
from tei_plenum.vocabulary import (
    ENTITY_KINDS,
    KIND_OF_NAME,
    KIND_OF_RECORD,
    KINDS,
    MARKING_LABELS,
    NAME_ELEMENTS,
    NUMBER_KINDS,
    RESP_ENCODER,
    XML_ID,
    Element,
    EntityType,
    MarkingType,
    entity_key,
    group_key,
    person_key,
    pointer,
    tei_tag,
)

# An xml:id must be an NCName: a letter or underscore first, then letters, digits, . - _
NCNAME = re.compile(r"[A-Za-z_][\w.-]*")


def test_clark_names_are_the_ones_lxml_builds() -> None:
    root = etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d"><p/></TEI>')
    assert root[0].tag == tei_tag("p")
    assert root.get(XML_ID) == "d"


@pytest.mark.parametrize(
    ("built", "expected"),
    [
        (person_key("S. N. Karelin"), "pers-karelin"),
        (person_key("S. N. KARELIN"), "pers-karelin"),
        (person_key("Ž. Novák"), "pers-novak"),
        (person_key("Han Sang-dok"), "pers-han-sang-dok"),
        # Letters that lose no accent are spelled as Latin letters, never dropped.
        (person_key("Bogusław Sørensen"), "pers-boguslaw-sorensen"),
        (entity_key(EntityType.PLACE, "Gießen"), "place-giessen"),
        (
            entity_key(EntityType.PLACE, "Mongolian People's Republic"),
            "place-mongolian-peoples-republic",
        ),
        (entity_key(EntityType.PLACE, "St. Petersburg"), "place-st-petersburg"),
        (entity_key(EntityType.ORG, "KWP CC"), "org-kwp-cc"),
        (entity_key(EntityType.EVENT, "20th CPSU Congress"), "event-20th-cpsu-congress"),
        (group_key("North"), "grp-north"),
    ],
)
def test_key_builders(built: str, expected: str) -> None:
    assert built == expected


def test_only_a_persons_key_drops_initials() -> None:
    assert person_key("St. Petersburg") == "pers-petersburg"
    assert entity_key(EntityType.PLACE, "St. Petersburg") == "place-st-petersburg"


@given(kind=st.sampled_from(EntityType), name=st.text(max_size=40))
def test_every_built_key_is_an_xml_id_with_its_kinds_prefix(kind: EntityType, name: str) -> None:
    key = entity_key(kind, name)
    assert key.startswith(KINDS[kind].key_prefix)
    assert NCNAME.fullmatch(key)


def test_the_kind_table_has_one_row_per_type_and_distinct_elements_and_prefixes() -> None:
    assert [kind.type for kind in ENTITY_KINDS] == list(EntityType)
    for column in ("list", "name", "key_prefix", "plural"):
        values = [getattr(kind, column) for kind in ENTITY_KINDS]
        assert len(set(values)) == len(values), column
    assert KIND_OF_NAME["eventName"].type is EntityType.EVENT
    assert KIND_OF_RECORD["org"].list == "listOrg"
    assert {"persName", "placeName", "orgName", "eventName"} == NAME_ELEMENTS


def test_a_standoff_event_is_named_by_label_as_in_the_guide() -> None:
    assert KINDS[EntityType.EVENT].record_name == "label"
    assert KINDS[EntityType.PERSON].record_name == "persName"


def test_pointer_form() -> None:
    assert pointer(RESP_ENCODER) == "#resp-encoder"


def test_every_marking_type_has_a_label() -> None:
    assert set(MARKING_LABELS) == set(MarkingType)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("SECRET", MarkingType.CLASSIFICATION),
        ("Copy Nº 1", MarkingType.COPY_NUMBER),
        ("Translation from Korean", MarkingType.TRANSLATION_NOTE),
        ("Nº 196", MarkingType.REGISTRATION),
        ("Ciphered telegram Nº 77", MarkingType.TELEGRAM_NUMBER),
        ("Five copies printed", MarkingType.PRINT_RUN),
        ("Copying is forbidden", MarkingType.HANDLING),
        ("URGENT", MarkingType.MARKING),
    ],
)
def test_the_readers_marking_types_are_in_the_vocabulary(line: str, kind: MarkingType) -> None:
    found = patterns.marking(line)
    assert found is not None
    assert found.type == kind
    assert isinstance(found.type, MarkingType)


def test_every_numbered_marking_names_its_kind_of_identifier() -> None:
    assert set(NUMBER_KINDS) <= set(MarkingType)
    assert NUMBER_KINDS[MarkingType.TELEGRAM_NUMBER] == "telegram"


def test_the_reader_builds_its_containers_from_the_vocabulary() -> None:
    from tei_plenum.reader import back, body, front

    tags = {front.FRONT.tag, front.TITLE_PAGE.tag, front.DOC_TITLE.tag, body.BODY.tag}
    tags |= {body.OPENER.tag, body.CLOSER.tag, back.BACK.tag, back.CLOSER.tag}
    assert tags <= set(Element)
