"""Give each raw block its role and its place in the document structure.

The raw blocks of ``layout.py`` are cut into three regions, each read by its own small
function: the *front* (banner, docket, title block), the *back* (the registry and translators'
block at the very end) and the *body* in between (opener, sections, paragraphs, lists, closer).
Recognisers for single lines live in ``patterns.py``; this module only adds context (position,
neighbours) and assigns containers (``front``, ``titlePage``, ``div``, ``list``, ``closer``...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..model import Block, Container, Mark, Role, SourceSpan, attrs, mark_order
from . import patterns as pat
from .layout import Layout, RawBlock

_JOURNAL_BYLINE = re.compile(r"^(?:from\s+the\s+)?(?:journal|diary)\s+of\b", re.IGNORECASE)
_BANNER = re.compile(r"\b(?:digital\s+archive|archive|translation\s*-\s*english)\b", re.I)
_TWO_SPACES = re.compile(r" {2,}")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s+\S")


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


def _cells(layout: Layout) -> list[Cell]:
    """Turn raw blocks into cells, inserting page breaks that fall between blocks."""
    cells: list[Cell] = []
    for index, raw in enumerate(layout.blocks):
        # Several breaks may precede one block: a blank page between two pages of text.
        for found in (b for b in layout.breaks if b.before == index):
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


@dataclass(frozen=True, slots=True)
class Classified:
    blocks: tuple[Block, ...]
    genre: str
    warnings: tuple[str, ...]


def classify(layout: Layout) -> Classified:
    """Assign roles and containers to every block of ``layout``."""
    cells = _split_docket_lines(_cells(layout))
    front_end = _read_front(cells)
    back_start = _read_back(cells, front_end)
    genre = _genre(cells)
    _read_body(cells[front_end:back_start], genre)
    _assign_pagebreak_paths(cells)
    warnings: list[str] = []
    if not any(c.role in (Role.TITLE, Role.MARKING, Role.HEAD) for c in cells):
        warnings.append(
            "no title, docket or section headings recognised: converted as plain paragraphs"
        )
    blocks = tuple(
        Block(
            role=c.role or Role.PARAGRAPH,
            text=c.text,
            span=c.span,
            page=c.page,
            path=c.path,
            attrs=attrs(c.attrs),
            marks=tuple(sorted(set(c.marks), key=mark_order)),
        )
        for c in cells
    )
    return Classified(blocks, genre, tuple(warnings))


def _split_docket_lines(cells: list[Cell]) -> list[Cell]:
    """A docket line holding two markings split by two spaces ("Nº 196  Copy Nº 1")."""
    result: list[Cell] = []
    for cell in cells:
        parts = _TWO_SPACES.split(cell.text) if cell.role is None else [cell.text]
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


# --- front -------------------------------------------------------------------------------


def _read_front(cells: list[Cell]) -> int:
    """Claim the banner, docket and title block; return the index where the body starts."""
    front = Container("front", "front")
    index = 0
    if cells and _BANNER.search(cells[0].text) and cells[0].span.line <= 2:
        cells[0].role = Role.BANNER
        cells[0].path = (front,)
        index = 1
    index = _read_docket(cells, index, front, place="top")
    title_page = Container("titlePage", "titlePage")
    doc_title = Container("docTitle", "docTitle")
    index = _read_letterhead(cells, index, front, title_page)
    seen_title = seen_date = False
    while index < len(cells):
        cell = cells[index]
        if cell.role is Role.PAGE_BREAK:
            index += 1
            continue
        if seen_title and _is_journal(cells) and pat.is_date_only(cell.text):
            break  # a journal's date lines head its entries
        if not seen_title and not seen_date and _starts_body(cell.text):
            break
        if pat.is_date_only(cell.text) and not seen_date and not _dated(cells):
            cell.role, cell.path = Role.DOC_DATE, (front, title_page)
            seen_date = True
        elif pat.looks_like_title(cell.text) and not seen_date and not _starts_body(cell.text):
            if seen_title and not pat.is_upper(cell.text):
                cell.role, cell.path = Role.SUBTITLE, (front, title_page, doc_title)
            else:
                cell.role, cell.path = Role.TITLE, (front, title_page, doc_title)
            seen_title = True
        elif seen_title and _is_subtitle(cell.text):
            inside = (front, title_page) if seen_date else (front, title_page, doc_title)
            cell.role, cell.path = Role.SUBTITLE, inside
        elif pat.marking(cell.text) or pat.is_bracketed_line(cell.text):
            _claim_marking(cell, front, "top")
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
    if len(text) > 150 or re.search(r"[.:;!?]$", text) or _starts_body(text):
        return False
    return text[:1].isupper()


def _read_docket(cells: list[Cell], index: int, front: Container, *, place: str) -> int:
    while index < len(cells):
        cell = cells[index]
        if cell.role is Role.PAGE_BREAK:
            break
        if _JOURNAL_BYLINE.match(cell.text):
            _claim_journal_byline(cells, index, front)
        elif pat.marking(cell.text) or pat.is_bracketed_line(cell.text):
            _claim_marking(cell, front, place)
        elif cell.row_group is not None and cell.role is None:
            if pat.is_date_only(cell.text):
                break
            _claim_marking(cell, front, place, default="marking")
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
    m = _JOURNAL_BYLINE.match(cell.text)
    assert m is not None
    name_start = m.end() + 1
    if name_start < len(cell.text):
        cell.marks.append(Mark(name_start, len(cell.text), "docAuthor"))
    cell.role, cell.path = Role.BYLINE, (front,)


def _claim_marking(cell: Cell, region: Container, place: str, default: str = "marking") -> None:
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


def _is_journal(cells: list[Cell]) -> bool:
    title = " ".join(c.text for c in cells if c.role is Role.TITLE)
    return pat.genre_of(title) == "journal"


def _dated(cells: list[Cell]) -> bool:
    return any(c.role is Role.DOC_DATE for c in cells)


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
    return text[:1].islower() or not re.search(r"[.!?:;]$", text)


# --- back --------------------------------------------------------------------------------


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


def _read_back(cells: list[Cell], front_end: int) -> int:
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
            _claim_marking(cell, back, "bottom")
    return start


# --- body --------------------------------------------------------------------------------


def _genre(cells: list[Cell]) -> str:
    for roles in ((Role.TITLE,), (Role.SUBTITLE,), (Role.BYLINE,)):
        titles = " ".join(c.text for c in cells if c.role in roles)
        found = pat.genre_of(titles) if titles else None
        if found:
            return found
    if any(c.role is Role.MARKING and c.attrs.get("type") == "telegramNumber" for c in cells):
        return "telegram"
    texts = [c.text for c in cells if c.role is None]
    if any(pat.is_opening_salute(t) for t in texts):
        return "letter"
    for text in texts[:12]:
        field_ = pat.field_label(text)
        if field_ and field_[0] in ("from", "to"):
            return "telegram"
    return "document"


_DIV_TYPES = {
    "record of conversation": "record",
    "minutes": "minutes",
    "transcript": "transcript",
    "telegram": "telegram",
    "letter": "letter",
    "report": "report",
    "decision": "decision",
    "resolution": "resolution",
    "journal": "journal",
}


def _read_body(cells: list[Cell], genre: str) -> None:
    """Classify the body's blocks and give them containers (divs, lists, opener, closer)."""
    body = Container("body", "body")
    content = [c for c in cells if c.role is None]
    if not content:
        return
    closer_cells = _closer_cells(content)
    opener_cells = _opener_cells(content, journal=genre == "journal")
    sections = any(
        pat.section_heading(c.text) for c in content if c not in closer_cells + opener_cells
    )
    div_type = _DIV_TYPES.get(genre, "document")
    current_div: Container | None = (
        None if sections else Container("div-0", "div", (("type", div_type),))
    )
    opener = Container("opener", "opener")
    state = _BodyState()
    for cell in cells:
        if cell.role is not None:
            continue
        base = (body,) if current_div is None else (body, current_div)
        if cell in opener_cells:
            _claim_opener(cell)
            cell.path = (*base, opener)
            continue
        if cell in closer_cells:
            _claim_closer(cell, body)
            continue
        section = pat.section_heading(cell.text)
        entry_head = genre == "journal" and pat.is_date_only(cell.text)
        if section or entry_head:
            state.index += 1
            div_attrs = (
                (("type", "section"), ("n", str(section.number)))
                if section
                else (("type", "entry"),)
            )
            current_div = Container(f"div-{state.index}", "div", div_attrs)
            cell.role, cell.path = Role.HEAD, (body, current_div)
            state.list = None
            continue
        cell.path = base
        _claim_body_block(cell, state, base)


@dataclass(slots=True)
class _BodyState:
    index: int = 0
    list: Container | None = None
    list_kind: str | None = None
    previous: Cell | None = None
    field: str | None = None


def _claim_body_block(cell: Cell, state: _BodyState, base: tuple[Container, ...]) -> None:
    text = cell.text
    previous = state.previous
    state.previous = cell
    if pat.is_separator(text):
        cell.role = Role.SEPARATOR
        state.list = None
        return
    if pat.is_bracketed_line(text):
        cell.role = Role.DOCKET
        return
    if pat.page_number(text) is not None or _is_marking_in_body(text):
        _claim_marking(cell, base[-1], "top")
        cell.path = base
        return
    caption_end = pat.participants_label_end(text)
    if caption_end is not None:
        cell.role = Role.PARTICIPANTS
        # Only a bare caption ("Participants:") heads the lines that follow it.
        bare = not text[caption_end:].strip()
        state.list, state.field = None, "participants" if bare else None
        return
    if state.field == "participants" and _is_participant_line(text):
        cell.role = Role.PARTICIPANTS
        return
    field_ = pat.field_label(text)
    state.field = field_[0] if field_ else None
    point = pat.point_label(text)
    agenda_point = state.list_kind == "agenda" and re.match(r"^\d{1,2}[.)]\s", text)
    if agenda_point or point:
        kind = "agenda" if agenda_point else "points"
        label_end = text.index(" ") if agenda_point else point[1]  # type: ignore[index]
        _claim_item(cell, state, base, kind, label_end)
        return
    if state.list_kind == "enumeration" and state.list is not None and text[:1].islower():
        _claim_item(cell, state, base, "enumeration", pat.item_label_end(text))
        return
    state.list, state.list_kind = None, None
    if (
        previous is not None
        and previous.role is Role.PARAGRAPH
        and previous.text.endswith(":")
        and text[:1].islower()
    ):
        state.list_kind = "enumeration"
        _claim_item(cell, state, base, "enumeration", pat.item_label_end(text))
        return
    cell.role = Role.PARAGRAPH
    if field_ is not None:
        cell.marks.append(Mark(0, field_[1], "label"))
        if field_[0] == "agenda":
            state.list_kind = "agenda"
        return
    ordinal = pat.ordinal_label(text)
    if ordinal is not None:
        cell.attrs["n"] = str(ordinal[0])
        cell.marks.append(Mark(0, ordinal[1], "label"))
        return
    numbered = _NUMBERED.match(text)
    if numbered is not None:
        # "1. The plenum decides ...": a numbered paragraph, like an ordinal one (§7.3).
        cell.attrs["n"] = numbered.group(1)
        cell.marks.append(Mark(0, numbered.end(1) + 1, "label"))


def _claim_item(
    cell: Cell,
    state: _BodyState,
    base: tuple[Container, ...],
    kind: str,
    label_end: int | None,
) -> None:
    if state.list is None or state.list_kind != kind:
        state.index += 1
        state.list = Container(f"list-{state.index}", "list", (("type", kind),))
    state.list_kind = kind
    cell.role = Role.ITEM
    cell.path = (*base, state.list)
    if label_end:
        cell.marks.append(Mark(0, label_end, "label"))


def _is_marking_in_body(text: str) -> bool:
    found = pat.marking(text)
    return found is not None and found.type in ("classification", "copyNumber", "handling")


def _is_participant_line(text: str) -> bool:
    """A line under a "Participants:" caption: a side with its names, or a list of names."""
    if len(text) > 400 or text.endswith(":"):
        return False
    # "South: Lee Hu-rak, ..." heads a side's names; "South (LEE): ..." is a speaker's turn.
    if re.match(r"^(?:from\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s*:", text):
        return True
    words = text.rstrip(".;").split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1] in "([")
    return bool(words) and capitalised / len(words) >= 0.5 and not text.endswith((".", "?"))


# --- opener and closer -----------------------------------------------------------------------


def _is_opener_line(text: str) -> bool:
    field_ = pat.field_label(text)
    if field_ and field_[0] in ("from", "to", "addressee", "copy to", "date", "date and time"):
        return True
    if re.match(r"^to\s+(?:comrade|the|mr\.?|ambassador|minister)\b", text, re.I):
        # An addressee line ("To Comrade N. T. Fedorenko."), not a sentence opening with "To".
        return len(text) < 100 or (len(text) < 200 and not text.endswith("."))
    return bool(pat.dateline_place(text) or pat.is_date_only(text) or pat.is_opening_salute(text))


def _opener_cells(content: list[Cell], *, journal: bool) -> list[Cell]:
    """Address, dateline and salutation lines at the start of the body (in a journal a date
    line heads the first entry instead)."""
    opener: list[Cell] = []
    for cell in content:
        if not _is_opener_line(cell.text) or (journal and pat.is_date_only(cell.text)):
            break
        opener.append(cell)
    return opener


def _is_date_field(field_: tuple[str, int] | None) -> bool:
    return field_ is not None and field_[0] in ("date", "date and time")


def _claim_opener(cell: Cell) -> None:
    text = cell.text
    field_ = pat.field_label(text)
    if pat.is_opening_salute(text):
        cell.role = Role.SALUTE
    elif _is_date_field(field_) or pat.is_date_only(text) or pat.dateline_place(text):
        cell.role = Role.DATELINE
    else:
        cell.role = Role.ADDRESS
        is_sender = field_ is not None and field_[0] == "from"
        cell.attrs["role"] = "sender" if is_sender else "recipient"


def _is_closer_line(text: str) -> bool:
    if len(text) > 140 or pat.section_heading(text) or pat.field_label(text):
        return False
    if pat.is_closing_salute(text) or pat.SIGNATURE_MARK.search(text):
        return True
    if pat.dateline_place(text) or pat.is_date_only(text):
        return True
    if re.search(r"[.;:?!,]$", text) and not re.search(r"\b[A-Z]\.$", text):
        return False
    if pat.is_upper(text):
        return True
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) <= 10 and capitalised >= max(1, len(words) // 2)


def _closer_cells(content: list[Cell]) -> list[Cell]:
    closer: list[Cell] = []
    for cell in reversed(content):
        if not _is_closer_line(cell.text):
            break
        closer.insert(0, cell)
    if len(closer) == len(content):
        return []
    return closer


def _claim_closer(cell: Cell, body: Container) -> None:
    closer = Container("closer", "closer")
    cell.path = (body, closer)
    if pat.is_closing_salute(cell.text):
        cell.role = Role.SALUTE
    elif pat.dateline_place(cell.text) or pat.is_date_only(cell.text):
        cell.role = Role.DATELINE
    else:
        cell.role = Role.SIGNED


# --- page breaks -----------------------------------------------------------------------------


def _assign_pagebreak_paths(cells: list[Cell]) -> None:
    """A page break between blocks sits where the following block sits (guide §8)."""
    following: tuple[Container, ...] = ()
    for cell in reversed(cells):
        if cell.role is Role.PAGE_BREAK:
            cell.path = following
        else:
            following = cell.path
