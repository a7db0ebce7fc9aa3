"""The back: the registry and translators' block at the very end (guide §12).

Where the back starts is found first (``read_back``), from the end of the document inwards;
then ``BACK_RULES`` claim its cells: the translators' caption and the names under it, a
credit line ("Recorded by …") and a signature form a closer; a distribution list is a
``list``; everything else is a marking at the bottom of the page. TEI wants a ``back``'s
lists before its closer, so a distribution list after the closer is kept as a marking.
The notes of the edition that end the document ("[1] Translator's note: …") are ``note``s,
which TEI allows anywhere in ``back``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Container, Mark, Role, attrs
from ..vocabulary import RESP_TRANSLATOR_EN, Element, ListType, MarkingType, Place, pointer
from . import patterns as pat
from . import rules
from .cells import Cell
from .rules import Claim, Rule, claim_run

BACK = Container(Element.BACK, Element.BACK)
CLOSER = Container("closer-back", Element.CLOSER)

# Markings that only the registry block at the end holds.
_REGISTRY_MARKINGS = frozenset(
    {MarkingType.PRINT_RUN, MarkingType.REGISTRATION, MarkingType.TYPIST}
)
# A signature line longer than this is a sentence that mentions a signature.
_SIGNATURE_LINE = 80
# Where a numbered copy went takes a few words; more make a numbered paragraph.
_COPY_ITEM = 60


class BackState(NamedTuple):
    captioned: bool = False  # the translators' caption has been read: names follow
    closed: bool = False  # the back's closer has begun: no list may follow it
    lists: int = 0  # distribution lists opened so far; items go into the last one
    listing: bool = False  # a distribution list's caption has been read: items follow


@dataclass(frozen=True, slots=True)
class Back:
    """Where the back starts in the cells it was given, and the claims of its cells."""

    start: int
    claims: tuple[Claim, ...]


def read_back(cells: Sequence[Cell]) -> Back:
    """Claim the registry and translators' block at the end of ``cells``."""
    notes = _notes_start(cells)
    captioned = notes < len(cells) and notes > 0 and _notes_caption(cells[notes - 1])
    notes -= captioned
    tail = [c for c in cells[:notes] if not c.page_break]
    last_group = tail[-1].row_group if tail else None
    start = listed = notes
    while start > 0:
        if _may_close(cells[start - 1], last_group):
            start -= 1
            continue
        found = _listed_under_caption(cells, start)
        if found is None:
            found = _copies_start(cells, start)
        if found is None:
            break
        start = listed = found
    while start < listed and not _opens(cells[start], last_group):
        start += 1
    claims, _ = claim_run(BACK_RULES, cells[start:notes], BackState())
    # A list's caption with no item under it: a marking, as it would be without the list.
    headless = rules.headless_captions(claims)
    claims = [
        _bottom_marking(cell, BackState())[0] if index in headless else claim
        for index, (cell, claim) in enumerate(zip(cells[start:notes], claims, strict=True))
    ]
    if captioned:
        claims.append(Claim(Role.HEAD, (BACK, NOTES)))
        claims.extend(_note(cell, (BACK, NOTES)) for cell in cells[notes + 1 :])
    else:
        claims.extend(_note(cell) for cell in cells[notes:])
    return Back(start, tuple(claims))


NOTES = Container("notes", Element.DIV, (("type", "notes"),))
_NOTES_CAPTIONS = frozenset(
    {"notes", "note", "endnotes", "footnotes", "translator's notes", "translator’s notes"}
)


def _notes_caption(cell: Cell) -> bool:
    """A caption alone on its line right above the notes ("Notes"): their division's head,
    never a signer."""
    return cell.text.rstrip(":").strip().lower() in _NOTES_CAPTIONS


def _notes_start(cells: Sequence[Cell]) -> int:
    """Where the notes of the edition start: the lines at the very end that each hold a note,
    numbered one after another ("[1] …", "[2] …"); ``len(cells)`` when none ends the text.
    Only at the end: a bracketed number opening a line among the text is the translator's."""
    start = index = len(cells)
    following: int | None = None
    while index > 0:
        cell = cells[index - 1]
        index -= 1
        if cell.page_break:
            continue
        found = cell.features.note_line
        if found is None or (following is not None and found.number != following - 1):
            break
        following, start = found.number, index
    return start


def _note(cell: Cell, path: tuple[Container, ...] = (BACK,)) -> Claim:
    """A note of the edition: its number a ``label``, its kind the one the note states."""
    if cell.page_break:
        return rules.page_break(cell)
    found = cell.features.note_line
    assert found is not None
    kind = "translator" if found.translators else "editorial"
    note_attrs = attrs(
        type=kind, place="end", n=str(found.number), resp=pointer(RESP_TRANSLATOR_EN)
    )
    return Claim(Role.NOTE, path, note_attrs, (Mark(*found.label, "label"),))


def _listed_under_caption(cells: Sequence[Cell], end: int) -> int | None:
    """Where the caption of a distribution list stands when the cells before ``end`` are its
    items ("Distribution:" / "1. Cde. N. S. Khrushchev" / "2. File"), else None."""
    start = end
    while start > 0 and cells[start - 1].features.list_line and not _caption_only(cells[start - 1]):
        start -= 1
    found = cells[start - 1].features.distribution if start > 0 else None
    return start - 1 if start < end and found is not None and found.caption_only else None


def _caption_only(cell: Cell) -> bool:
    """A distribution list's caption with no item on its line: the items are under it."""
    found = cell.features.distribution
    return found is not None and found.caption_only


def _copies_start(cells: Sequence[Cell], end: int) -> int | None:
    """Where numbered copies that end at ``end`` start, with what heads them: a print run
    without a colon ("Three copies printed" / "1 - Cde. I. I. Sidorenko" / "2 - to file")
    from the print run, or a signature from the first copy; else None (numbered lines under
    a paragraph are the text's own)."""
    start = end
    while start > 0 and _copy_item(cells[start - 1]):
        start -= 1
    if start in (0, end):
        return None
    if _print_run(cells[start - 1]):
        return start - 1
    return start if cells[start - 1].features.signature_line else None


def _copy_item(cell: Cell) -> bool:
    """A numbered copy and where it went ("1 - Cde. I. I. Sidorenko", "3 - to file"): short,
    and no sentence ("1 - The delegation will arrive on 5 May." is a numbered paragraph)."""
    end = cell.features.copy_label
    if end is None:
        return False
    rest = cell.text[end:].strip()
    if len(rest) > _COPY_ITEM or not rest:
        return False
    return not pat.ends_with_stop(rest) or pat.ends_with_initial(rest) or len(rest.split()) <= 3


def _print_run(cell: Cell) -> bool:
    found = cell.features.marking
    return found is not None and found.type is MarkingType.PRINT_RUN


def _registry_line(cell: Cell) -> bool:
    found = cell.features.marking
    return (
        bool(found and found.type in _REGISTRY_MARKINGS)
        or cell.features.caption is not None
        or cell.features.distribution is not None
    )


def _in_last_row_group(cell: Cell, last_group: int | None) -> bool:
    """A cell of the column rows that end the document."""
    return last_group is not None and cell.row_group == last_group


def _opens(cell: Cell, last_group: int | None) -> bool:
    """A line the back can start with."""
    return _registry_line(cell) or _in_last_row_group(cell, last_group)


def _may_close(cell: Cell, last_group: int | None) -> bool:
    """A line the back can hold: registry lines, dates, how the copies were handled
    ("Distributed according to a list"), short signature lines."""
    if cell.page_break or _opens(cell, last_group) or cell.features.date_only:
        return True
    found = cell.features.marking
    if found is not None and found.type is MarkingType.HANDLING:
        return True
    return cell.features.signature and len(cell.text) < _SIGNATURE_LINE


def _caption(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return Claim(Role.BYLINE, (BACK, CLOSER)), state._replace(captioned=True, closed=True)


def _credit(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return Claim(Role.BYLINE, (BACK, CLOSER)), state._replace(closed=True)


def _signer(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return Claim(Role.SIGNED, (BACK, CLOSER)), state._replace(closed=True)


def distribution_list(number: int) -> Container:
    """The back's ``number``-th distribution list."""
    return Container(f"list-back-{number}", Element.LIST, (("type", ListType.DISTRIBUTION),))


def _list_caption(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    after = state._replace(lists=state.lists + 1, listing=True)
    return Claim(Role.HEAD, (BACK, distribution_list(after.lists))), after


def _copies(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    """An item of copies: in the list that is open, else in a new one."""
    found = cell.features.distribution
    end = found.caption if found is not None and found.caption else cell.features.copy_label
    marks = (Mark(0, end, "label"),) if end else ()
    after = state._replace(lists=state.lists + (0 if state.listing else 1), listing=True)
    return Claim(Role.ITEM, (BACK, distribution_list(after.lists)), marks=marks), after


def _bottom_marking(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    """A marking; it ends the distribution list that was open."""
    return rules.marking(cell, (BACK,), Place.BOTTOM), state._replace(listing=False)


def _page_break(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return rules.page_break(cell), state


BACK_RULES: tuple[Rule[BackState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("caption", lambda cell, state: cell.features.caption is not None, _caption),
    Rule("credit", lambda cell, state: cell.features.credit is not None, _credit),
    Rule("signer", lambda cell, state: state.captioned and not cell.features.marking
         and not cell.features.date_only, _signer),
    Rule("signature", lambda cell, state: cell.features.signature_line, _signer),
    Rule("distribution-caption", lambda cell, state: not state.closed
         and _distribution_caption(cell), _list_caption),
    Rule("distribution", lambda cell, state: not state.closed
         and cell.features.distribution is not None, _copies),
    Rule("distribution-item", lambda cell, state: state.listing and not state.closed
         and cell.features.list_line, _copies),
    # Numbered copies under a print run ("Three copies printed", a marking) or a signature.
    Rule("numbered-copy", lambda cell, state: not state.closed and _copy_item(cell), _copies),
    Rule("marking", lambda cell, state: True, _bottom_marking),
)  # fmt: skip
"""The back's cells: the translators' caption and the names under it, credit and signature
lines, a distribution list, then markings."""


def _distribution_caption(cell: Cell) -> bool:
    found = cell.features.distribution
    return found is not None and found.caption_only
