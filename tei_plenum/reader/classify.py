"""Give each raw block its role and its place in the document structure.

The raw blocks of ``layout.py`` become immutable cells (``cells.py``), each with the
recognisers' verdicts on its text (``features.py``). Three regions then claim the cells, each
a run of them and each with its own rule tables (``rules.py``): the *front* (banner, docket,
title block) from the start, the *back* (the registry and translators' block) from the end,
and the *body* (opener, sections, paragraphs, lists, closer) between them. No cell is claimed
twice, so no region's decision depends on another's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import pattern_cache
from ..model import Block, Container, Mark, Role, mark_order
from ..vocabulary import MarkingType
from . import patterns as pat
from .back import read_back
from .body import read_body
from .cells import Cell, make_cells, split_closing_lines, split_docket_lines
from .flattened import is_flattened, split_turns
from .front import read_front
from .layout import Layout
from .rules import Claim


@dataclass(frozen=True, slots=True)
class Classified:
    blocks: tuple[Block, ...]
    genre: str
    warnings: tuple[str, ...]


def classify(layout: Layout) -> Classified:
    """Assign roles and containers to every block of ``layout``."""
    cells = split_closing_lines(split_docket_lines(make_cells(layout)))
    front = read_front(cells)
    rest = cells[front.end :]
    back = read_back(rest)
    body_cells = rest[: back.start]
    claimed = [
        *zip(front.cells, front.claims, strict=True),
        *zip(rest[back.start :], back.claims, strict=True),
    ]
    genre = _genre(claimed, body_cells)
    body = read_body(body_cells, genre)
    claims = _with_page_break_paths((*front.claims, *body, *back.claims))
    warnings: list[str] = []
    if not any(c.role in (Role.TITLE, Role.MARKING, Role.HEAD) for c in claims):
        warnings.append(
            "no title, docket or section headings recognised: converted as plain paragraphs"
        )
    if genre == "other":
        warnings.append(
            "document type unknown: neither the title, the archive's title nor the form of the "
            "text names it"
        )
    title = next((cell for cell, claim in claimed if claim.role is Role.TITLE), None)
    if title is not None and title.features.title_fragment:
        warnings.append("the printed title opens in lower case: its first word may be lost")
    blocks = tuple(
        Block(
            role=claim.role,
            text=cell.text,
            span=cell.span,
            page=cell.page,
            path=claim.path,
            attrs=claim.attrs,
            marks=_marks(cell, claim),
        )
        for cell, claim in zip((*front.cells, *rest), claims, strict=True)
    )
    if is_flattened(layout):
        blocks = split_turns(blocks, genre)
    return Classified(blocks, genre, tuple(warnings))


def _marks(cell: Cell, claim: Claim) -> tuple[Mark, ...]:
    """The page breaks inside the cell and the claim's marks, in document order."""
    if not claim.marks:
        return cell.marks  # page breaks, made in document order
    return tuple(sorted({*cell.marks, *claim.marks}, key=mark_order))


# How many lines at the start of the body a line naming the document's kind may stand in
# ("Meeting, record of conversation").
_GENRE_LINE_REACH = 6
_GENRE_LINE_WORDS = 6


def _genre(claimed: Sequence[tuple[Cell, Claim]], body: Sequence[Cell]) -> str:
    """The document's kind (guide §4.5): named by its title, subtitle or byline, else by the
    archive's title for it (a letter when the archive files a letter-shaped text as a note),
    else by a short line naming it at the start; else told by its
    markings and the shape of its body; ``other`` when nothing tells. A title naming an
    extract from minutes holds the decision or resolution the archive's title names."""
    archive_title = tuple(
        cell for cell, claim in claimed if claim.role is Role.COVER and cell.cover == "title"
    )
    archived = next((g for cell in archive_title if (g := cell.features.genre)), None)
    for roles in ((Role.TITLE,), (Role.SUBTITLE,), (Role.BYLINE,)):
        titles = " ".join(cell.text for cell, claim in claimed if claim.role in roles)
        found = pat.genre_of(titles) if titles else None
        if found == "minutes" and archived in _EXTRACTED and _EXTRACT.match(titles):
            return archived  # "Excerpt from protocol no. 41": the decision it holds
        if found:
            return found
    text = [cell for cell in body if not cell.page_break]
    if archived == "note" and _letter_shaped(text):
        return "letter"  # a letter the archive files as a note ("Note, Bhabha to Shastri")
    if archived:
        return archived
    for cell in (*(c for c, _ in claimed), *text[:_GENRE_LINE_REACH]):
        if cell.cover is None and _genre_line(cell) and (found := cell.features.genre):
            return found
    if any(
        claim.role is Role.MARKING and dict(claim.attrs).get("type") == MarkingType.TELEGRAM_NUMBER
        for _, claim in claimed
    ):
        return "telegram"
    found = _genre_of_body(text)
    opening = [c for c, claim in claimed if claim.role is not Role.COVER] + text[:8]
    return "report" if found == "other" and _reports(opening) else found


# An extract from a meeting's minutes, which the archive may catalogue as the decision or
# resolution it holds.
_EXTRACT = pattern_cache.compile(r"(?:extract|excerpt)s?\s+(?:from|of)\b", re.IGNORECASE)
_EXTRACTED = frozenset({"decision", "resolution"})


def _genre_line(cell: Cell) -> bool:
    """A short line that names a kind and is no sentence ("Meeting, record of conversation")."""
    words = cell.text.split()
    return 0 < len(words) <= _GENRE_LINE_WORDS and not pat.ends_with_stop(cell.text)


def _letter_shaped(text: Sequence[Cell]) -> bool:
    """A salutation and a complimentary close: the shape of a letter, whatever it is called."""
    return any(cell.features.opening_salute for cell in text) and any(
        cell.features.closing_salute for cell in text
    )


def _genre_of_body(text: Sequence[Cell]) -> str:
    """The kind a body shows by its form: labelled turns make a record of a conversation, a
    salutation or an attachment line a letter, address fields a telegram."""
    if sum(1 for cell in text if cell.features.labelled) >= 2:
        return "record of conversation"
    if any(cell.features.opening_salute for cell in text):
        return "letter"
    if any(cell.features.field_name in ("attachment", "enclosure") for cell in text):
        return "letter"
    if any(cell.features.field_name in ("from", "to") for cell in text[:12]):
        return "telegram"
    return "other"


def _reports(front: Sequence[Cell]) -> bool:
    """A dated paper from a ministry, an embassy or a party department, addressed to nobody
    in particular: the form of a report."""
    return any(c.features.institution for c in front) and any(
        c.features.dateline is not None for c in front
    )


def _with_page_break_paths(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """A page break between blocks sits where the following block sits (guide §8)."""
    result: list[Claim] = []
    following: tuple[Container, ...] = ()
    for claim in reversed(tuple(claims)):
        if claim.role is Role.PAGE_BREAK:
            claim = Claim(claim.role, following, claim.attrs, claim.marks)
        else:
            following = claim.path
        result.append(claim)
    return tuple(reversed(result))
