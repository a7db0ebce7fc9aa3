"""The front: banner, docket, letterhead, journal byline and the title block (guide §6).

The front is read in four steps, each from where the one before stopped: the banner (the
first line only), the docket (``DOCKET_RULES``), a letterhead above a title
(``LETTERHEAD_RULES``, only when a title follows within a few lines) and the title block
(``TITLE_RULES``). The front ends at the first cell no row claims, or that a row ends it at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import Container, Mark, Role, attrs
from ..vocabulary import Element, MarkingType, Place
from . import rules
from .cells import Cell
from .rules import Claim, Rule, claim_run, first_rule

FRONT = Container(Element.FRONT, Element.FRONT)
TITLE_PAGE = Container(Element.TITLE_PAGE, Element.TITLE_PAGE)
DOC_TITLE = Container(Element.DOC_TITLE, Element.DOC_TITLE)
# How far a letterhead may stand above its title, in blocks.
_LETTERHEAD_REACH = 6


class FrontState(NamedTuple):
    """What the front has seen so far."""

    seen_title: bool = False
    seen_date: bool = False
    dated: bool = False  # the title page has a date (from the title block or the letterhead)
    journal: bool = False  # a title names a journal: its date lines head the entries


@dataclass(frozen=True, slots=True)
class Front:
    """The front's cells and their claims (one each), and where the front ends in the input:
    its cells differ from the input's where a journal's byline took its owner's name in."""

    cells: tuple[Cell, ...]
    claims: tuple[Claim, ...]
    end: int


def read_front(cells: Sequence[Cell]) -> Front:
    """Claim the banner, docket, letterhead and title block at the start of ``cells``."""
    taken: list[Cell] = []
    claims: list[Claim] = []
    index = 0
    if cells and cells[0].features.banner and cells[0].span.line <= 2:
        taken.append(cells[0])
        claims.append(Claim(Role.BANNER, (FRONT,)))
        index = 1
    state = FrontState()
    while index < len(cells):
        cell, used = _with_owner(cells, index)
        rule = first_rule(DOCKET_RULES, cell, state)
        if rule is None or rule.then is None:
            break
        claim, state = rule.then(cell, state)
        taken.append(cell)
        claims.append(claim)
        index += used
    # The letterhead table claims every line it is given (its last row always holds).
    letterhead = _letterhead_length(cells, index)
    found, state = claim_run(LETTERHEAD_RULES, cells[index : index + letterhead], state)
    title_block, _ = claim_run(TITLE_RULES, cells[index + letterhead :], state)
    found += title_block
    taken.extend(cells[index : index + len(found)])
    claims.extend(found)
    return Front(tuple(taken), tuple(claims), index + len(found))


def _with_owner(cells: Sequence[Cell], index: int) -> tuple[Cell, int]:
    """A journal's byline ("From the journal of") with its owner's name when the name is the
    next cell of the same column; how many cells that took."""
    cell = cells[index]
    nxt = cells[index + 1] if index + 1 < len(cells) else None
    if (
        cell.features.journal_byline is not None
        and cell.text.lower().endswith(" of")
        and nxt is not None
        and not nxt.page_break
        and nxt.column == cell.column
        and nxt.row_group == cell.row_group
        and not nxt.features.marking
    ):
        span = replace(cell.span, end_line=nxt.span.end_line)
        return replace(cell, text=f"{cell.text} {nxt.text}", span=span), 2
    return cell, 1


# --- steps -----------------------------------------------------------------------------------


def _top_marking(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return rules.marking(cell, (FRONT,), Place.TOP), state


def _page_break(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return rules.page_break(cell), state


def _journal_byline(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    caption_end = cell.features.journal_byline
    assert caption_end is not None
    name_start = caption_end + 1
    marks = (Mark(name_start, len(cell.text), "docAuthor"),) if name_start < len(cell.text) else ()
    return Claim(Role.BYLINE, (FRONT,), marks=marks), state


def _dateline(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.DATELINE, (FRONT,)), state


def _letterhead_date(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.DOC_DATE, (FRONT, TITLE_PAGE)), state._replace(dated=True)


def _letterhead_line(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.MARKING, (FRONT,), attrs(type=MarkingType.LETTERHEAD, place=Place.TOP)), state


def _document_date(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    claim = Claim(Role.DOC_DATE, (FRONT, TITLE_PAGE))
    return claim, state._replace(seen_date=True, dated=True)


def _title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    # The journal pattern cannot span two titles, so asking each title is enough.
    journal = state.journal or cell.features.genre == "journal"
    claim = Claim(Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE))
    return claim, state._replace(seen_title=True, journal=journal)


def _subtitle_in_title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.SUBTITLE, (FRONT, TITLE_PAGE, DOC_TITLE)), state


def _subtitle(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    # After the date a subtitle stands on the title page, outside the title.
    path = (FRONT, TITLE_PAGE) if state.seen_date else (FRONT, TITLE_PAGE, DOC_TITLE)
    return Claim(Role.SUBTITLE, path), state


# --- predicates ------------------------------------------------------------------------------


def _marking_line(cell: Cell, state: FrontState) -> bool:
    return bool(cell.features.marking or cell.features.bracketed)


def _title_line(cell: Cell, state: FrontState) -> bool:
    return cell.features.title_like and not state.seen_date and not cell.features.starts_body


# --- tables ----------------------------------------------------------------------------------

DOCKET_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break),
    Rule("journal-byline", lambda cell, state: cell.features.journal_byline is not None,
         _journal_byline),
    Rule("marking", _marking_line, _top_marking),
    Rule("dated-column-cell", lambda cell, state: cell.row_group is not None
         and cell.features.date_only),
    Rule("column-cell", lambda cell, state: cell.row_group is not None, _top_marking),
)  # fmt: skip
"""The docket: markings above the title, and a journal's byline. A page break, a date in a
column row, or any other line ends it."""

LETTERHEAD_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("dateline", lambda cell, state: cell.features.dateline is not None, _dateline),
    Rule("date", lambda cell, state: cell.features.date_only, _letterhead_date),
    Rule("letterhead", lambda cell, state: True, _letterhead_line),
)
"""The lines between the docket and a title a few blocks on, once ``_letterhead_length`` has
found that they all look like a letterhead."""

TITLE_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("journal-entry-date", lambda cell, state: state.seen_title and state.journal
         and cell.features.date_only),
    Rule("body-start", lambda cell, state: not state.seen_title and not state.seen_date
         and cell.features.starts_body),
    Rule("document-date", lambda cell, state: cell.features.date_only and not state.dated,
         _document_date),
    # A docket line among the title lines ("Nº 196", "Copy Nº 1") is a marking, not a subtitle.
    Rule("docket-line", lambda cell, state: cell.features.marking is not None, _top_marking),
    Rule("subtitle-in-title", lambda cell, state: _title_line(cell, state) and state.seen_title
         and not cell.features.upper, _subtitle_in_title),
    Rule("title", _title_line, _title),
    Rule("subtitle", lambda cell, state: state.seen_title and cell.features.subtitle_line,
         _subtitle),
    Rule("marking", _marking_line, _top_marking),
)  # fmt: skip
"""The title block: titles, the document's date, subtitles and markings among them. It ends
at a line of the body, at a journal's first dated entry, or at any other line."""


def _names_a_kind(cell: Cell) -> bool:
    """A title that names what kind of document follows ("LETTER", "Report on ...")."""
    return cell.features.title_like and cell.features.genre is not None


def _letterhead_length(cells: Sequence[Cell], index: int) -> int:
    """How many cells from ``index`` on are a letterhead: short lines before a title a few
    blocks on ("Embassy of the GDR in the DPRK", a place and date); 0 when there is none."""
    window = cells[index : index + _LETTERHEAD_REACH]
    lines = [(i, c) for i, c in enumerate(window) if not c.page_break]
    title_at = next((k for k, (_, c) in enumerate(lines) if k > 0 and _names_a_kind(c)), None)
    if title_at is None or not all(c.features.letterhead_line for _, c in lines[:title_at]):
        return 0
    return lines[title_at - 1][0] + 1
