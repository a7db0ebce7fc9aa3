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
    ``right``, and which run of rows); ``marks`` are the page breaks inside the block;
    ``cover`` names the field of the archive's cover the block is, if it is one.
    """

    text: str
    span: SourceSpan
    page: int
    column: str | None = None
    row_group: int | None = None
    page_break: bool = False
    marks: tuple[Mark, ...] = ()
    cover: str | None = None
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
        cover=raw.cover,
    )


def split_docket_lines(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A docket line holding two markings ("Nº 196  Copy Nº 1", "Nº 196 Copy Nº 1") becomes
    one cell per marking; any other run of spaces left in a line becomes one space."""
    result: list[Cell] = []
    for cell in cells:
        if cell.cover is not None:  # a field of the archive's cover is one block, never split
            result.append(cell)
            continue
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


def split_closing_lines(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """A signature line that also holds a date ("[signature] N. ZAKHAROV 25 April 1969")
    becomes a signature cell and a date cell, so that the date is the closer's ``dateline``
    and never part of the signer's name; a print run followed by the copies' distribution
    ("Two copies printed. Nº 2 to file."), and a distribution line holding several numbered
    copies, one cell each (caption, then each item). A cell with a page break inside, or a
    field of the archive's cover, stays whole."""
    result: list[Cell] = []
    for cell in cells:
        whole = cell.marks or cell.page_break or cell.cover is not None
        spans = None if whole else _closing_parts(cell.text)
        result.extend(_slices(cell, spans) if spans else (cell,))
    return tuple(result)


def _closing_parts(text: str) -> tuple[tuple[int, int], ...] | None:
    dated = pat.signature_date(text)
    if dated is not None:
        return tuple(sorted(dated))
    run_end = pat.print_run_end(text)
    if run_end is not None:
        rest = text.index(text[run_end:].lstrip(), run_end)
        return ((0, run_end), *(_copies_parts(text[rest:], rest) or ((rest, len(text)),)))
    return _copies_parts(text, 0)


def _copies_parts(text: str, offset: int) -> tuple[tuple[int, int], ...] | None:
    """A caption and two or more items on one line, or two or more items: one span each."""
    found = pat.distribution(text)
    if found is None or len(found.items) < 2:
        return None
    starts = ((0,) if found.caption else ()) + found.items
    ends = (*starts[1:], len(text))
    return tuple(
        (offset + start, offset + start + len(text[start:end].rstrip()))
        for start, end in zip(starts, ends, strict=True)
    )


def _slices(cell: Cell, spans: tuple[tuple[int, int], ...]) -> Iterator[Cell]:
    for start, end in spans:
        span = replace(cell.span, column=cell.span.column + start)
        yield replace(cell, text=cell.text[start:end], span=span)


def _parts(cell: Cell, parts: list[str]) -> Iterator[Cell]:
    offset = 0
    for part in parts:
        yield replace(cell, text=part, span=replace(cell.span, column=cell.span.column + offset))
        offset += len(part) + 2
