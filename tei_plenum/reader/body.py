"""The body: opener, sections, paragraphs, lists, participants, turns' raw material and
closer (guide §7, §13, §14)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Container, Mark, Role
from . import patterns as pat
from .cells import Cell, claim_marking

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


def read_body(cells: list[Cell], genre: str) -> None:
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
        claim_marking(cell, base[-1], "top")
        cell.path = base
        return
    caption_end = pat.participants_label_end(text)
    if caption_end is not None:
        cell.role = Role.PARTICIPANTS
        # Only a bare caption ("Participants:") heads the lines that follow it.
        bare = not text[caption_end:].strip()
        state.list, state.field = None, "participants" if bare else None
        return
    if state.field == "participants" and pat.is_participant_line(text):
        cell.role = Role.PARTICIPANTS
        return
    field_ = pat.field_label(text)
    state.field = field_[0] if field_ else None
    point = pat.point_label(text)
    agenda_end = pat.number_label_end(text) if state.list_kind == "agenda" else None
    if agenda_end is not None or point:
        kind = "agenda" if agenda_end is not None else "points"
        label_end = agenda_end if agenda_end is not None else point[1]  # type: ignore[index]
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
    numbered = pat.numbered_label(text)
    if numbered is not None:
        # "1. The plenum decides ...": a numbered paragraph, like an ordinal one (§7.3).
        cell.attrs["n"] = numbered[0]
        cell.marks.append(Mark(0, numbered[1], "label"))


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


# --- opener and closer -----------------------------------------------------------------------


def _is_opener_line(text: str) -> bool:
    field_ = pat.field_label(text)
    if field_ and field_[0] in ("from", "to", "addressee", "copy to", "date", "date and time"):
        return True
    if pat.is_addressee_line(text):
        return True
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
    if pat.ends_with_punctuation(text) and not pat.ends_with_initial(text):
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
