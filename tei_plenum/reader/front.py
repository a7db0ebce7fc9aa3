"""The front: banner, docket, letterhead, journal byline and the title block (guide §6)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Container, Mark, Role
from . import patterns as pat
from .cells import Cell, claim_marking


def read_front(cells: list[Cell]) -> int:
    """Claim the banner, docket and title block; return the index where the body starts."""
    front = Container("front", "front")
    index = 0
    if cells and pat.is_banner(cells[0].text) and cells[0].span.line <= 2:
        cells[0].role = Role.BANNER
        cells[0].path = (front,)
        index = 1
    index = _read_docket(cells, index, front, place="top")
    title_page = Container("titlePage", "titlePage")
    doc_title = Container("docTitle", "docTitle")
    index = _read_letterhead(cells, index, front, title_page)
    seen_title = seen_date = journal = False
    dated = any(c.role is Role.DOC_DATE for c in cells[:index])
    while index < len(cells):
        cell = cells[index]
        if cell.role is Role.PAGE_BREAK:
            index += 1
            continue
        if seen_title and journal and pat.is_date_only(cell.text):
            break  # a journal's date lines head its entries
        if not seen_title and not seen_date and _starts_body(cell.text):
            break
        if pat.is_date_only(cell.text) and not dated:
            cell.role, cell.path = Role.DOC_DATE, (front, title_page)
            seen_date = dated = True
        elif pat.looks_like_title(cell.text) and not seen_date and not _starts_body(cell.text):
            if seen_title and not pat.is_upper(cell.text):
                cell.role, cell.path = Role.SUBTITLE, (front, title_page, doc_title)
            else:
                cell.role, cell.path = Role.TITLE, (front, title_page, doc_title)
                # The journal pattern cannot span two titles, so asking each title is enough.
                journal = journal or pat.genre_of(cell.text) == "journal"
            seen_title = True
        elif seen_title and _is_subtitle(cell.text):
            inside = (front, title_page) if seen_date else (front, title_page, doc_title)
            cell.role, cell.path = Role.SUBTITLE, inside
        elif pat.marking(cell.text) or pat.is_bracketed_line(cell.text):
            claim_marking(cell, front, "top")
        else:
            break
        index += 1
    return index


def _read_letterhead(cells: list[Cell], index: int, front: Container, title_page: Container) -> int:
    """Short lines between the docket and a title a few blocks on: a letterhead ("Embassy of
    the GDR in the DPRK") and a place-and-date line, which dates the title page."""
    lookahead = [c for c in cells[index : index + 6] if c.role is not Role.PAGE_BREAK]
    title_at = next(
        (
            i
            for i, c in enumerate(lookahead)
            if pat.looks_like_title(c.text) and pat.genre_of(c.text) and i > 0
        ),
        None,
    )
    if title_at is None:
        return index
    before = lookahead[:title_at]
    if not all(_is_letterhead(c.text) for c in before):
        return index
    for cell in before:
        if pat.dateline_place(cell.text):
            cell.role, cell.path = Role.DATELINE, (front,)
        elif pat.is_date_only(cell.text):
            cell.role, cell.path = Role.DOC_DATE, (front, title_page)
        else:
            cell.role, cell.path = Role.MARKING, (front,)
            cell.attrs.update({"type": "letterhead", "place": "top"})
    return cells.index(before[-1]) + 1


def _is_letterhead(text: str) -> bool:
    if pat.dateline_place(text) or pat.is_date_only(text):
        return True
    if len(text) > 150 or pat.ends_with_stop(text) or _starts_body(text):
        return False
    return text[:1].isupper()


def _read_docket(cells: list[Cell], index: int, front: Container, *, place: str) -> int:
    while index < len(cells):
        cell = cells[index]
        if cell.role is Role.PAGE_BREAK:
            break
        if pat.journal_byline_end(cell.text) is not None:
            _claim_journal_byline(cells, index, front)
        elif pat.marking(cell.text) or pat.is_bracketed_line(cell.text):
            claim_marking(cell, front, place)
        elif cell.row_group is not None and cell.role is None:
            if pat.is_date_only(cell.text):
                break
            claim_marking(cell, front, place, default="marking")
        else:
            break
        index += 1
    return index


def _claim_journal_byline(cells: list[Cell], index: int, front: Container) -> None:
    """ "From the journal of" + the owner's name (possibly the next cell of the same column)."""
    cell = cells[index]
    nxt = cells[index + 1] if index + 1 < len(cells) else None
    if (
        cell.text.lower().endswith(" of")
        and nxt is not None
        and nxt.column == cell.column
        and nxt.row_group == cell.row_group
        and nxt.role is None
        and not pat.marking(nxt.text)
    ):
        cell.text = f"{cell.text} {nxt.text}"
        cell.span = replace(cell.span, end_line=nxt.span.end_line)
        del cells[index + 1]
    caption_end = pat.journal_byline_end(cell.text)
    assert caption_end is not None
    name_start = caption_end + 1
    if name_start < len(cell.text):
        cell.marks.append(Mark(name_start, len(cell.text), "docAuthor"))
    cell.role, cell.path = Role.BYLINE, (front,)


def _starts_body(text: str) -> bool:
    return bool(
        pat.section_heading(text)
        or pat.field_label(text)
        or pat.participants_label_end(text)
        or pat.is_opening_salute(text)
        or pat.dateline_place(text)
    )


def _is_subtitle(text: str) -> bool:
    if len(text) > 300 or _starts_body(text):
        return False
    return text[:1].islower() or not pat.ends_with_stop(text)
