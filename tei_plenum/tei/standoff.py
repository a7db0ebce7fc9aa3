"""``standOff``: one record per person, place, organisation or event the text names (§5)."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..model import Entity
from ..vocabulary import ENTITY_KINDS, EntityType
from .ns import el, sub


def build_standoff(entities: Sequence[Entity]) -> etree._Element | None:
    """The ``standOff`` element, or None when the document names nothing."""
    if not entities:
        return None
    standoff = el("standOff")
    for kind in ENTITY_KINDS:
        records = [e for e in entities if e.type is kind.type]
        if not records:
            continue
        listing = sub(standoff, kind.list)
        for entity in records:
            _record(listing, entity, kind.record, kind.record_name)
    return standoff


def _record(listing: etree._Element, entity: Entity, record_tag: str, name_tag: str) -> None:
    record = sub(listing, record_tag, xml_id=entity.key, **dict(entity.dates))
    if entity.type is EntityType.EVENT:
        # An event's identifiers come first in its content model.
        _idnos(record, entity)
    sub(record, name_tag, entity.name)
    if entity.full_name and entity.full_name != entity.name:
        sub(record, name_tag, entity.full_name, type="full")
    for variant in entity.variants:
        sub(record, name_tag, variant, type="variant")
    if entity.type is EntityType.PERSON:
        for role in entity.roles:
            sub(record, role.element, role.text, **dict(role.dates))
        if entity.occupation and not entity.roles:
            sub(record, "occupation", entity.occupation)
    if entity.type is not EntityType.EVENT:
        _idnos(record, entity)
    if entity.note:
        sub(record, "note", entity.note, type="transliteration")
    if entity.unresolved:
        sub(record, "note", "unresolved", type="resolution")


def _idnos(record: etree._Element, entity: Entity) -> None:
    for id_type, value in entity.idnos:
        sub(record, "idno", value, type=id_type)
