"""The back: the registry and translators' block at the very end (guide §12).

Where the back starts is found first (``read_back``), from the end of the document inwards;
then ``BACK_RULES`` claim its cells: the translators' caption and the names under it form a
closer, everything else is a marking at the bottom of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Container, Role
from ..vocabulary import Element, MarkingType, Place
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


class BackState(NamedTuple):
    captioned: bool = False  # the translators' caption has been read: names follow


@dataclass(frozen=True, slots=True)
class Back:
    """Where the back starts in the cells it was given, and the claims of its cells."""

    start: int
    claims: tuple[Claim, ...]


def read_back(cells: Sequence[Cell]) -> Back:
    """Claim the registry and translators' block at the end of ``cells``."""
    tail = [c for c in cells if not c.page_break]
    last_group = tail[-1].row_group if tail else None
    start = len(cells)
    while start > 0 and _may_close(cells[start - 1], last_group):
        start -= 1
    while start < len(cells) and not _opens(cells[start], last_group):
        start += 1
    claims, _ = claim_run(BACK_RULES, cells[start:], BackState())
    return Back(start, tuple(claims))


def _registry_line(cell: Cell) -> bool:
    found = cell.features.marking
    return bool(found and found.type in _REGISTRY_MARKINGS) or cell.features.caption is not None


def _in_last_row_group(cell: Cell, last_group: int | None) -> bool:
    """A cell of the column rows that end the document."""
    return last_group is not None and cell.row_group == last_group


def _opens(cell: Cell, last_group: int | None) -> bool:
    """A line the back can start with."""
    return _registry_line(cell) or _in_last_row_group(cell, last_group)


def _may_close(cell: Cell, last_group: int | None) -> bool:
    """A line the back can hold: registry lines, dates, short signature lines."""
    if cell.page_break or _opens(cell, last_group) or cell.features.date_only:
        return True
    return cell.features.signature and len(cell.text) < _SIGNATURE_LINE


def _caption(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return Claim(Role.BYLINE, (BACK, CLOSER)), state._replace(captioned=True)


def _signer(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return Claim(Role.SIGNED, (BACK, CLOSER)), state


def _bottom_marking(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return rules.marking(cell, (BACK,), Place.BOTTOM), state


def _page_break(cell: Cell, state: BackState) -> tuple[Claim, BackState]:
    return rules.page_break(cell), state


BACK_RULES: tuple[Rule[BackState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("caption", lambda cell, state: cell.features.caption is not None, _caption),
    Rule("signer", lambda cell, state: state.captioned and not cell.features.marking
         and not cell.features.date_only, _signer),
    Rule("marking", lambda cell, state: True, _bottom_marking),
)  # fmt: skip
"""The back's cells: the translators' caption and the names under it, then markings."""
