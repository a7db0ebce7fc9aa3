"""Build mixed content from a block's text and its marks.

Marks are ranges over the text (or points, for ``pb``). Sorted in document order, properly
nested ranges become nested elements; the characters between them become text and tails.
Nothing is added to or removed from the text: that is the fidelity rule (guide §11).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..errors import InternalError
from ..model import Mark, mark_order
from .ns import el

# Marks the writer turns into TEI elements of the same name; others are internal and must be
# resolved by an enricher before writing.
INLINE_TAGS = frozenset(
    {
        "pb", "label", "roleName", "eventName", "orgName", "persName", "placeName", "name",
        "date", "measure", "title", "q", "supplied", "seg", "note", "unclear", "gap", "add",
        "stamp", "num", "idno", "unit", "docAuthor", "rs", "ref",
    }
)  # fmt: skip


_NO_MILESTONES = frozenset({"gap", "num", "idno", "unit"})


def append_text(parent: etree._Element, text: str) -> None:
    """Append characters after the last child of ``parent`` (or as its text)."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def fill(
    parent: etree._Element, text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None
) -> None:
    """Write ``text[start:end]`` into ``parent`` with the marks that fall inside that range."""
    stop = len(text) if end is None else end
    inside = sorted(
        (m for m in marks if start <= m.start and m.end <= stop and _within(m, start, stop)),
        key=mark_order,
    )
    _fill(parent, text, inside, start, stop)


def _within(mark: Mark, start: int, stop: int) -> bool:
    if mark.is_milestone:
        return start <= mark.start < stop
    return True


def _fill(parent: etree._Element, text: str, marks: list[Mark], start: int, stop: int) -> None:
    cursor = start
    index = 0
    while index < len(marks):
        mark = marks[index]
        if mark.start < cursor:
            raise InternalError(f"overlapping inline marks near {text[mark.start : mark.end]!r}")
        append_text(parent, text[cursor : mark.start])
        child = _element(mark, parent)
        if mark.is_milestone:
            cursor = mark.start
            index += 1
            continue
        inner: list[Mark] = []
        index += 1
        while index < len(marks) and _inside(marks[index], mark):
            inner.append(marks[index])
            index += 1
        target = el("desc", parent=child) if mark.tag == "gap" else child
        # A gap's description, a number or an identifier cannot hold a page break: the break
        # follows the element instead (it carries no text, so the reading text is unchanged).
        moved = [m for m in inner if m.is_milestone and mark.tag in _NO_MILESTONES]
        _fill(target, text, [m for m in inner if m not in moved], mark.start, mark.end)
        for milestone in moved:
            _element(milestone, parent)
        cursor = mark.end
    append_text(parent, text[cursor:stop])


def _inside(candidate: Mark, outer: Mark) -> bool:
    if candidate.is_milestone:
        return outer.start < candidate.start < outer.end
    return outer.start <= candidate.start and candidate.end <= outer.end


def _element(mark: Mark, parent: etree._Element) -> etree._Element:
    if mark.tag not in INLINE_TAGS:
        raise InternalError(f"no TEI element for the inline mark {mark.tag!r}")
    return el(mark.tag, mark.attrs, parent=parent)
