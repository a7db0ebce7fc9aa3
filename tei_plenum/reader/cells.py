"""Cells: the raw blocks of the layout as the classifier reads them, each with its features.

A cell is immutable. The regions never change one; they return a claim for it (``rules.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..model import Mark, SourceSpan, attrs
from . import patterns as pat
from .features import Features
from .layout import Layout, PageBreakAt, RawBlock
from .patterns.characters import TWO_SPACES


@dataclass(frozen=True, slots=True)
class Cell:
    """A block of the source, or a page break between two blocks.

    ``column`` and ``row_group`` say where a block sat in a multi-column row (``left`` or
    ``right``, and which run of rows); ``marks`` are the page breaks inside the block.
    """

    text: str
    span: SourceSpan
    page: int
    column: str | None = None
    row_group: int | None = None
    page_break: bool = False
    marks: tuple[Mark, ...] = ()
    features: Features = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "features", Features(self.text))


def make_cells(layout: Layout) -> tuple[Cell, ...]:
    """Turn raw blocks into cells, inserting page breaks that fall between blocks."""
    # Several breaks may precede one block: a blank page between two pages of text.
    breaks_before: dict[int, list[PageBreakAt]] = {}
    for found in layout.breaks:
        breaks_before.setdefault(found.before, []).append(found)
    cells: list[Cell] = []
    for index, raw in enumerate(layout.blocks):
        first = raw.lines[0]
        for found in breaks_before.get(index, ()):
            span = SourceSpan(first.number, 1, first.number)
            cells.append(Cell("", span, found.page, page_break=True))
        cells.append(_cell(raw))
    return tuple(cells)


def _cell(raw: RawBlock) -> Cell:
    first, last = raw.lines[0], raw.lines[-1]
    return Cell(
        raw.text,
        SourceSpan(first.number, first.column, last.number),
        raw.page,
        raw.column,
        raw.row_group,
        marks=tuple(Mark(offset, offset, "pb", attrs(n=str(n))) for offset, n in raw.page_breaks)
        if raw.page_breaks
        else (),
    )


def split_docket_lines(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A docket line holding two markings ("Nº 196  Copy Nº 1", "Nº 196 Copy Nº 1") becomes
    one cell per marking; any other run of spaces left in a line becomes one space."""
    result: list[Cell] = []
    for cell in cells:
        parts = TWO_SPACES.split(cell.text)
        if len(parts) > 1:
            split = list(_parts(cell, parts))
            if all(part.features.marking for part in split):
                result.extend(split)
                continue
            cell = replace(cell, text=" ".join(parts))
        spans = pat.marking_parts(cell.text)
        result.extend(_slices(cell, spans) if spans else (cell,))
    return tuple(result)


def _slices(cell: Cell, spans: tuple[tuple[int, int], ...]) -> Iterator[Cell]:
    for start, end in spans:
        span = replace(cell.span, column=cell.span.column + start)
        yield replace(cell, text=cell.text[start:end], span=span)


def _parts(cell: Cell, parts: list[str]) -> Iterator[Cell]:
    offset = 0
    for part in parts:
        yield replace(cell, text=part, span=replace(cell.span, column=cell.span.column + offset))
        offset += len(part) + 2
