"""Cells: raw blocks on their way to becoming model blocks, and what every region does
with them (splitting two-marking docket lines, claiming a line as a marking)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Container, Mark, Role, SourceSpan, attrs
from . import patterns as pat
from .layout import Layout, PageBreakAt, RawBlock
from .patterns.characters import TWO_SPACES


@dataclass(slots=True)
class Cell:
    """A raw block on its way to becoming a model block."""

    text: str
    span: SourceSpan
    page: int
    column: str | None = None
    row_group: int | None = None
    role: Role | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    path: tuple[Container, ...] = ()
    region: str = "body"


def make_cells(layout: Layout) -> list[Cell]:
    """Turn raw blocks into cells, inserting page breaks that fall between blocks."""
    # Several breaks may precede one block: a blank page between two pages of text.
    breaks_before: dict[int, list[PageBreakAt]] = {}
    for found in layout.breaks:
        breaks_before.setdefault(found.before, []).append(found)
    cells: list[Cell] = []
    for index, raw in enumerate(layout.blocks):
        for found in breaks_before.get(index, ()):
            first = raw.lines[0]
            pb = Cell("", SourceSpan(first.number, 1, first.number), found.page)
            pb.role = Role.PAGE_BREAK
            pb.attrs["n"] = str(found.page)
            cells.append(pb)
        cells.append(_cell(raw))
    return cells


def _cell(raw: RawBlock) -> Cell:
    first, last = raw.lines[0], raw.lines[-1]
    cell = Cell(
        raw.text,
        SourceSpan(first.number, first.column, last.number),
        raw.page,
        raw.column,
        raw.row_group,
    )
    cell.marks.extend(Mark(offset, offset, "pb", attrs(n=str(n))) for offset, n in raw.page_breaks)
    return cell


def split_docket_lines(cells: list[Cell]) -> list[Cell]:
    """A docket line holding two markings split by two spaces ("Nº 196  Copy Nº 1")."""
    result: list[Cell] = []
    for cell in cells:
        parts = TWO_SPACES.split(cell.text) if cell.role is None else [cell.text]
        if len(parts) > 1 and all(pat.marking(p) for p in parts):
            offset = 0
            for part in parts:
                column = cell.span.column + offset
                result.append(
                    replace(
                        cell,
                        text=part,
                        span=replace(cell.span, column=column),
                        marks=[],
                        attrs={},
                    )
                )
                offset += len(part) + 2
            continue
        if len(parts) > 1:
            cell.text = " ".join(parts)
        result.append(cell)
    return result


def claim_marking(cell: Cell, region: Container, place: str, default: str = "marking") -> None:
    found = pat.marking(cell.text)
    kind = found.type if found else default
    if found is None and pat.is_date_only(cell.text) and place.startswith("bottom"):
        kind = "printDate"
    if found is None and pat.page_number(cell.text) is not None:
        kind = "pageNum"
    side = f" {cell.column}" if cell.column else ""
    cell.role, cell.path = Role.MARKING, (region,)
    cell.attrs.update({"type": kind, "place": f"{place}{side}"})
    if found and found.number is not None and found.value is not None:
        start, end = found.number
        if kind in ("copyNumber", "printRun"):
            cell.marks.append(Mark(start, end, "num", attrs(value=found.value)))
        else:
            idno_type = "telegram" if kind == "telegramNumber" else "registration"
            cell.marks.append(Mark(start, end, "idno", attrs(type=idno_type)))
