"""Give each raw block its role and its place in the document structure.

The raw blocks of ``layout.py`` are cut into three regions, each read by its own small
function: the *front* (banner, docket, title block), the *back* (the registry and translators'
block at the very end) and the *body* in between (opener, sections, paragraphs, lists, closer).
Recognisers for single lines live in ``patterns.py``; this module only adds context (position,
neighbours) and assigns containers (``front``, ``titlePage``, ``div``, ``list``, ``closer``...).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Block, Container, Role, attrs, mark_order
from . import patterns as pat
from .back import read_back
from .body import read_body
from .cells import Cell, make_cells, split_docket_lines
from .front import read_front
from .layout import Layout


@dataclass(frozen=True, slots=True)
class Classified:
    blocks: tuple[Block, ...]
    genre: str
    warnings: tuple[str, ...]


def classify(layout: Layout) -> Classified:
    """Assign roles and containers to every block of ``layout``."""
    cells = split_docket_lines(make_cells(layout))
    front_end = read_front(cells)
    back_start = read_back(cells, front_end)
    genre = _genre(cells)
    read_body(cells[front_end:back_start], genre)
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


# --- page breaks -----------------------------------------------------------------------------


def _assign_pagebreak_paths(cells: list[Cell]) -> None:
    """A page break between blocks sits where the following block sits (guide §8)."""
    following: tuple[Container, ...] = ()
    for cell in reversed(cells):
        if cell.role is Role.PAGE_BREAK:
            cell.path = following
        else:
            following = cell.path
