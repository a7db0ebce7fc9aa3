"""Rules: how a region decides what each of its cells is, as a table of rows tried in order.

A row has a ``name``, a predicate ``when`` over the cell (its features, column and row) and
the region's state, and a step ``then`` that gives the cell its :class:`Claim` (role,
containers, attributes, marks) and the state for the next cell. The first row whose ``when``
holds decides; a row without ``then`` ends the region before the cell. Each region keeps its
tables (``front.py``, ``body.py``, ``back.py``); a new rule is one more row where its priority
puts it, and a test of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import Attrs, Container, Mark, Role, attrs
from ..vocabulary import NUMBER_KINDS, Element, MarkingType, Place, classification_key, pointer
from .cells import Cell

S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Claim:
    """What a region decided a cell is and where it sits."""

    role: Role
    path: tuple[Container, ...] = ()
    attrs: Attrs = ()
    marks: tuple[Mark, ...] = ()


Step = Callable[[Cell, S], tuple[Claim, S]]


@dataclass(frozen=True, slots=True)
class Rule(Generic[S]):
    """One row of a region's table."""

    name: str
    when: Callable[[Cell, S], bool]
    then: Step[S] | None = None


def first_rule(rules: Sequence[Rule[S]], cell: Cell, state: S) -> Rule[S] | None:
    """The row that decides ``cell``: the first whose predicate holds."""
    for rule in rules:
        if rule.when(cell, state):
            return rule
    return None


def claim_run(rules: Sequence[Rule[S]], cells: Sequence[Cell], state: S) -> tuple[list[Claim], S]:
    """Claims for the longest run of ``cells`` that the table claims, from the first cell on,
    and the state after it."""
    claims: list[Claim] = []
    for cell in cells:
        rule = first_rule(rules, cell, state)
        if rule is None or rule.then is None:
            break
        claim, state = rule.then(cell, state)
        claims.append(claim)
    return claims, state


def headless_captions(claims: Sequence[Claim]) -> frozenset[int]:
    """The claims that head a list (``head`` in a ``list``) with no item under them before
    the list ends: TEI wants a list to hold items, so each region gives those its own role."""
    found = set()
    for index, claim in enumerate(claims):
        if claim.role is not Role.HEAD or not claim.path or claim.path[-1].tag != Element.LIST:
            continue
        run = (c for c in claims[index + 1 :] if c.role is not Role.PAGE_BREAK)
        following = next(
            (c for c in run if c.path[-1:] != claim.path[-1:] or c.role is Role.ITEM), None
        )
        if following is None or following.role is not Role.ITEM:
            found.add(index)
    return frozenset(found)


def page_break(cell: Cell) -> Claim:
    """A page break between blocks; it takes the path of the block after it (``classify``)."""
    return Claim(Role.PAGE_BREAK, attrs=(("n", str(cell.page)),))


def marking(cell: Cell, path: tuple[Container, ...], place: Place) -> Claim:
    """A docket or registry line as a marking (``fw``): its type, its place on the page
    (``top left``...), the level a classification states (``@ana``), and its number as a
    ``num`` or an ``idno`` mark."""
    found = cell.features.marking
    kind = found.type if found else MarkingType.MARKING
    if found is None and cell.features.date_only and place is Place.BOTTOM:
        kind = MarkingType.PRINT_DATE
    if found is None and cell.features.page_number is not None:
        kind = MarkingType.PAGE_NUMBER
    side = f" {cell.column}" if cell.column else ""
    marks: tuple[Mark, ...] = ()
    if found and found.number is not None and found.value is not None:
        start, end = found.number
        if kind in (MarkingType.COPY_NUMBER, MarkingType.PRINT_RUN):
            marks = (Mark(start, end, "num", attrs(value=found.value)),)
        else:
            idno_type = NUMBER_KINDS[kind]
            marks = (Mark(start, end, "idno", attrs(type=idno_type)),)
    level = pointer(classification_key(found.level)) if found and found.level else None
    return Claim(Role.MARKING, path, attrs(type=kind, place=f"{place}{side}", ana=level), marks)
