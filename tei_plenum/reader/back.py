"""The back: the registry and translators' block at the very end (guide §12)."""

from __future__ import annotations

from ..model import Container, Role
from . import patterns as pat
from .cells import Cell, claim_marking


def _is_strong_back(cell: Cell) -> bool:
    found = pat.marking(cell.text)
    if found and found.type in ("printRun", "registration", "typist"):
        return True
    return pat.caption_end(cell.text) is not None


def _is_back(cell: Cell, last_group: int | None) -> bool:
    if cell.role is Role.PAGE_BREAK:
        return True
    if last_group is not None and cell.row_group == last_group:
        return True
    if _is_strong_back(cell) or pat.is_date_only(cell.text):
        return True
    return bool(pat.SIGNATURE_MARK.search(cell.text)) and len(cell.text) < 80


def read_back(cells: list[Cell], front_end: int) -> int:
    """Claim the registry and translators' block at the end; return where it starts."""
    tail = [c for c in cells[front_end:] if c.role is not Role.PAGE_BREAK]
    last_group = tail[-1].row_group if tail else None
    start = len(cells)
    while start > front_end and _is_back(cells[start - 1], last_group):
        start -= 1
    while start < len(cells) and not (
        _is_strong_back(cells[start]) or (last_group and cells[start].row_group == last_group)
    ):
        start += 1
    if start >= len(cells):
        return len(cells)
    back = Container("back", "back")
    closer = Container("closer-back", "closer")
    captioned = False
    for cell in cells[start:]:
        if cell.role is Role.PAGE_BREAK:
            continue
        end = pat.caption_end(cell.text)
        if end is not None:
            cell.role, cell.path = Role.BYLINE, (back, closer)
            captioned = True
        elif captioned and not pat.marking(cell.text) and not pat.is_date_only(cell.text):
            cell.role, cell.path = Role.SIGNED, (back, closer)
        else:
            claim_marking(cell, back, "bottom")
    return start
