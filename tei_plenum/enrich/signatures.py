"""Signatures in the closer: office and name as sibling ``roleName`` and ``persName`` (§12).

Runs after the names enricher. Where it found the signer's name, the office is the text
before it (up to a signature mark such as ``[signature]``). Where it did not, a name is read
from the line's shape: initials and a surname (``S. KARELIN``), the words after the office's
organisation or place, or a short line that is only a name. Such a name gets an unresolved
record, so that a person can review it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..letters import display_name
from ..lexicon import INITIAL, OFFICE_WORDS, alternation
from ..model import Block, Document, Entity, Mark, Role, attrs, nests
from ..reader import patterns as pat
from ..vocabulary import EntityType, person_key, pointer

_OFFICE = re.compile(rf"\b(?:{alternation(OFFICE_WORDS)})\b", re.IGNORECASE)
_INITIALS_NAME = re.compile(rf"(?:\b{INITIAL}\s*){{1,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")
_BRACKET = re.compile(r"\s*\[")


def split_signatures(doc: Document) -> Document:
    """Add ``roleName`` and ``persName`` marks to signatures: the body's closer, and the names
    signed under a caption in the back (translators, recorders)."""
    entities = list(doc.entities)
    known = {e.key for e in entities}
    blocks = []
    caption = ""
    for block in doc.blocks:
        in_back = bool(block.path) and block.path[0].tag == "back"
        if block.role is Role.BYLINE and in_back:
            caption = block.text.lower()
            block = _attested(block, entities, known, caption)
        elif block.role is Role.SIGNED and in_back:
            block = _attested(block, entities, known, caption)
        elif block.role is Role.SIGNED:
            block = _split(block, entities, known)
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks), entities=tuple(entities))


def _attested(block: Block, entities: list[Entity], known: set[str], caption: str) -> Block:
    """A name signed under "Translated [by]:" or "Recorded [by]:" (guide §12)."""
    occupation = "translator" if caption.startswith("translat") else "recorder"
    marked = next((m for m in block.marks if m.tag == "persName"), None)
    if marked is not None:
        # The names enricher found the signer: a record of the document's own says what the
        # signer did here.
        key = dict(marked.attrs).get("ref", "").removeprefix("#")
        for index, entity in enumerate(entities):
            if entity.key == key and entity.unresolved and entity.occupation is None:
                entities[index] = replace(entity, occupation=occupation)
        return block
    name_start = 0
    if block.role is Role.BYLINE:
        # A caption with the name on its line: "Recorded by V. P. Lobanov".
        caption_end = pat.caption_end(block.text) or len(block.text)
        name_start = caption_end + (1 if block.text[caption_end : caption_end + 1] == " " else 0)
    end = _BRACKET.search(block.text, name_start)
    name_end = end.start() if end else len(block.text.rstrip())
    name = block.text[name_start:name_end].strip()
    if not name or not name[:1].isupper() or not nests(block.marks, name_start, name_end):
        return block
    key = person_key(name)
    if key not in known:
        known.add(key)
        entities.append(
            Entity(
                key, EntityType.PERSON, display_name(name), occupation=occupation, unresolved=True
            )
        )
    return block.with_marks([Mark(name_start, name_end, "persName", attrs(ref=pointer(key)))])


def _split(block: Block, entities: list[Entity], known: set[str]) -> Block:
    text = block.text
    person = next((m for m in block.marks if m.tag == "persName"), None)
    if person is None:
        span = _name_span(block)
        if span is None:
            return _office_only(block)
        start, end = span
        if not nests(block.marks, start, end):
            return block
        name = text[start:end]
        key = person_key(name)
        if key not in known:
            known.add(key)
            entities.append(Entity(key, EntityType.PERSON, display_name(name), unresolved=True))
        person = Mark(start, end, "persName", attrs(ref=pointer(key)))
        block = block.with_marks([person])
    office_end = _office_end(text, person.start)
    if office_end > 0 and _OFFICE.search(text[:office_end]) and nests(block.marks, 0, office_end):
        block = block.with_marks([Mark(0, office_end, "roleName", attrs(type="office"))])
    return block


def _office_end(text: str, name_start: int) -> int:
    head = text[:name_start]
    bracket = _BRACKET.search(head)
    if bracket is not None:
        head = head[: bracket.start()]
    return len(head.rstrip(" ,"))


def _office_only(block: Block) -> Block:
    text = block.text.rstrip()
    if (
        _OFFICE.search(text)
        and not pat.SIGNATURE_MARK.search(text)
        and nests(block.marks, 0, len(text))
    ):
        return block.with_marks([Mark(0, len(text), "roleName", attrs(type="office"))])
    return block


def _name_span(block: Block) -> tuple[int, int] | None:
    text = _BRACKET.split(block.text)[0] if block.text.startswith("[") is False else block.text
    after_mark = pat.SIGNATURE_MARK.search(block.text)
    if after_mark and after_mark.end() < len(block.text):
        start = after_mark.end() + 1
        rest = block.text[start:].split()
        looks_like_name = bool(rest) and all(w[:1].isupper() for w in rest) and len(rest) <= 5
        return (start, len(block.text)) if looks_like_name else None
    m = _INITIALS_NAME.search(text)
    if m is not None:
        return m.start(), m.end()
    if _OFFICE.search(text):
        places = [m for m in block.marks if m.tag in ("orgName", "placeName")]
        tail_start = max((m.end for m in places), default=-1) + 1
        tail = text[tail_start:] if tail_start > 0 else ""
        words = tail.split()
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return tail_start, tail_start + len(tail.rstrip())
        return None
    words = text.split()
    if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _OFFICE.search(text):
        return 0, len(text.rstrip())
    return None
