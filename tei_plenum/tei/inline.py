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
        "stamp", "num", "idno", "unit", "docAuthor", "rs", "reg", "ref",
    }
)  # fmt: skip


_NO_MILESTONES = frozenset({"gap", "num", "idno", "unit"})


def append_text(parent: etree._Element, text: str) -> None:
    """Append characters after the last child of ``parent`` (or as its text)."""
    if not text:
        return
    last = last_child(parent)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def last_child(parent: etree._Element) -> etree._Element | None:
    """The last child node of ``parent``, found in constant time.

    ``len()`` of an lxml element counts its children one by one, so testing it before each
    append made building a long paragraph quadratic; the last child is at hand.
    """
    return next(parent.iterchildren(reversed=True), None)


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
    """Nest ``marks`` (sorted, properly nested) as elements under ``parent``."""
    nest = _Nesting(parent, text, start)
    for mark in marks:
        nest.close_around(mark)
        nest.add(mark)
    nest.close_around(None)
    append_text(parent, text[nest.cursor : stop])


class _Nesting:
    """Elements opened for range marks and not yet closed: an explicit stack rather than
    recursion, so that brackets inside brackets, however deep, cannot exhaust Python's stack.

    A gap's description, a number or an identifier cannot hold a page break: a break inside
    the outermost such element follows it instead (it carries no text, so the reading text is
    unchanged).
    """

    def __init__(self, parent: etree._Element, text: str, cursor: int) -> None:
        self.parent = parent
        self.text = text
        self.cursor = cursor
        # (mark, the element's parent, where its content goes: itself or a gap's desc)
        self.stack: list[tuple[Mark, etree._Element, etree._Element]] = []
        self.holder: int | None = None  # stack index of the element that moves page breaks
        self.moved: list[Mark] = []

    def close_around(self, mark: Mark | None) -> None:
        """Close the open elements ``mark`` is not inside (all of them for None)."""
        while self.stack and (mark is None or not _inside(mark, self.stack[-1][0])):
            closed, parent, target = self.stack.pop()
            append_text(target, self.text[self.cursor : closed.end])
            self.cursor = closed.end
            if self.holder == len(self.stack):
                for milestone in self.moved:
                    _element(milestone, parent)
                self.moved.clear()
                self.holder = None

    def add(self, mark: Mark) -> None:
        if mark.is_milestone and self.holder is not None:
            self.moved.append(mark)
            return
        if mark.start < self.cursor:
            raise InternalError(
                f"overlapping inline marks near {self.text[mark.start : mark.end]!r}"
            )
        container = self.stack[-1][2] if self.stack else self.parent
        append_text(container, self.text[self.cursor : mark.start])
        child = _element(mark, container)
        self.cursor = mark.start
        if mark.is_milestone:
            return
        if self.holder is None and mark.tag in _NO_MILESTONES:
            self.holder = len(self.stack)
        target = el("desc", parent=child) if mark.tag == "gap" else child
        self.stack.append((mark, container, target))


def _inside(candidate: Mark, outer: Mark) -> bool:
    if candidate.is_milestone:
        return outer.start < candidate.start < outer.end
    return outer.start <= candidate.start and candidate.end <= outer.end


def _element(mark: Mark, parent: etree._Element) -> etree._Element:
    if mark.tag not in INLINE_TAGS:
        raise InternalError(f"no TEI element for the inline mark {mark.tag!r}")
    return el(mark.tag, mark.attrs, parent=parent)
