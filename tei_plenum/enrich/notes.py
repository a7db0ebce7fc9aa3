"""The edition's notes and their calls: each note after the text ("[1] Translator's note: …")
and the call in the text that it answers ("the letter[1]") point to each other.

Runs after ``classify_brackets`` (which makes the calls) and before ``finalize_brackets``:
the bracketed number that opens a note is the note's ``label``, no word the translator
supplied.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Block, Document, Mark, Role
from ..vocabulary import BRACKET_MARK, pointer

_CALL = "noteAnchor"


def link_notes(doc: Document) -> Document:
    """Label each note's number, and link a note and its call when each is the only one with
    its number (several documents in one file may number their notes alike)."""
    notes = Counter(block.attr("n") for block in doc.blocks if block.role is Role.NOTE)
    calls = Counter(
        mark_number(mark) for block in doc.blocks for mark in block.marks if _is_call(mark)
    )
    linked = frozenset(n for n in notes if n is not None and notes[n] == 1 and calls[n] == 1)
    return replace(doc, blocks=tuple(_linked(block, linked) for block in doc.blocks))


def note_id(number: str) -> str:
    return f"note-{number}"


def call_id(number: str) -> str:
    return f"note-call-{number}"


def mark_number(mark: Mark) -> str | None:
    return dict(mark.attrs).get("n")


def _is_call(mark: Mark) -> bool:
    return mark.tag == "ref" and dict(mark.attrs).get("type") == _CALL


def _linked(block: Block, linked: frozenset[str]) -> Block:
    if block.role is Role.NOTE:
        return _labelled(_note(block, linked))
    if not any(_is_call(mark) and mark_number(mark) in linked for mark in block.marks):
        return block
    return block.with_only_marks(_call(mark, linked) for mark in block.marks)


def _note(block: Block, linked: frozenset[str]) -> Block:
    number = block.attr("n")
    if number not in linked:
        return block
    ids = (("xml:id", note_id(number)), ("target", pointer(call_id(number))))
    return replace(block, attrs=(*ids, *block.attrs))


def _call(mark: Mark, linked: frozenset[str]) -> Mark:
    number = mark_number(mark)
    if not _is_call(mark) or number not in linked:
        return mark
    ids = (("xml:id", call_id(number)), ("target", pointer(note_id(number))))
    return replace(mark, attrs=(*mark.attrs, *ids))


def _labelled(block: Block) -> Block:
    """The note's number in brackets is its label: the bracket under it is no insertion."""
    labels = {(m.start, m.end) for m in block.marks if m.tag == "label"}
    return block.with_only_marks(
        m for m in block.marks if not (m.tag == BRACKET_MARK and (m.start, m.end) in labels)
    )
