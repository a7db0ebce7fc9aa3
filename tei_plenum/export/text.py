"""Plain-text view of any TEI document: the reading text of its ``text`` element.

Blocks (paragraphs, headings, docket lines, speaker labels, items...) are separated by a blank
line; inline elements add nothing between their characters; bracket characters are source text
and come back as they are. Page breaks are invisible unless ``page_markers`` is set, then shown
as ``[page N]``. Unknown elements are never dropped: inside a block their text flows on; between
blocks they become blocks of their own (which elements are blocks: ``blocks.py``). Header and
``standOff`` are not part of the view.
For the converter's own output this view gives back exactly the words of the source (§11).
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from lxml import etree

from .. import pattern_cache
from ..errors import DocumentError, Location
from .blocks import BLOCKS, CONTAINERS, MIXED

# Elements whose text is not part of the reading text.
SKIPPED = frozenset({"teiHeader", "standOff", "facsimile", "sourceDoc", "figDesc"})
_PREFERRED_CHOICE = ("corr", "reg", "expan")


def _local(element: etree._Element) -> str:
    tag = element.tag
    return _local_name(tag) if isinstance(tag, str) else ""


@functools.cache
def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def find_text(tree: etree._ElementTree | etree._Element, source: str = "<input>") -> etree._Element:
    """The ``text`` element of a TEI document (any namespace), or a clear error."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if _local(root) == "text":
        return root
    for element in root.iter():
        if _local(element) == "text":
            return element
    raise DocumentError("not a TEI document: it has no text element", Location(source))


def _has_loose_text(element: etree._Element) -> bool:
    """A grouping element that holds characters of its own is read as a block instead."""
    if element.text and element.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in element)


def _layout(container: etree._Element) -> Iterator[etree._Element | str]:
    """What a grouping element holds, in reading order: the elements read as blocks, the page
    breaks between them, and the loose text between blocks (as strings)."""
    for child in container:
        name = _local(child)
        if not name or name in SKIPPED:
            continue
        if (name in CONTAINERS or name in MIXED) and not _has_loose_text(child):
            yield from _layout(child)
        else:
            yield child
        if child.tail and not child.tail.isspace():
            yield child.tail


def block_elements(text: etree._Element) -> Iterator[etree._Element]:
    """The elements of ``text`` that the reading text reads as blocks, in reading order: one
    per block that is not loose text (the HTML edition anchors exactly these)."""
    for item in _layout(text):
        if not isinstance(item, str) and _local(item) != "pb":
            yield item


@dataclass(frozen=True, slots=True)
class Span:
    """An element inside a block: where its words are in the block's text (``start``, ``end``
    in characters) and the page it begins on."""

    element: etree._Element
    start: int
    end: int
    page: str


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of the reading text with where it comes from: its element (None for loose
    text between blocks), the page it begins on ("" before the first numbered page break) and
    the spans of the elements asked for."""

    text: str
    element: etree._Element | None
    page: str
    spans: tuple[Span, ...] = ()


class _Collector:
    """Walks the tree once, gathering blocks of inline text."""

    def __init__(self, page_markers: bool, spans: frozenset[str]) -> None:
        self.page_markers = page_markers
        self.tracked = spans
        self.page = ""
        self.blocks: list[TextBlock] = []
        # (element, first part, end part, page) of tracked elements in the current block.
        self.open_spans: list[tuple[etree._Element, int, int, str]] = []

    def container(self, element: etree._Element) -> None:
        for item in _layout(element):
            if isinstance(item, str):
                self._add(" ".join(item.split()), None, self.page)
            elif _local(item) == "pb":
                self.page = item.get("n", "")
                if self.page_markers and self.page:
                    self._add(f"[page {self.page}]", None, self.page)
            else:
                page = self.page
                parts: list[str] = []
                self.inline(item, parts)
                raw = "".join(parts)
                text = " ".join(raw.split())
                spans = self._spans(parts, raw, text) if self.open_spans else ()
                self._add(text, item, page, spans)

    def _add(
        self, text: str, element: etree._Element | None, page: str, spans: tuple[Span, ...] = ()
    ) -> None:
        if text:
            self.blocks.append(TextBlock(text, element, page, spans))

    def inline(self, element: etree._Element, parts: list[str]) -> None:
        name = _local(element)
        if name == "pb":
            self.page = element.get("n", "")
            if self.page_markers and self.page:
                parts.append(f" [page {self.page}] ")
            return
        if name == "lb":
            parts.append(" ")
            return
        if name == "choice":
            self._choice(element, parts)
            return
        if name and name not in SKIPPED:
            first, page = len(parts), self.page
            parts.append(element.text or "")
            for child in element:
                apart = _local(child) in BLOCKS
                parts.append(" " if apart else "")
                self.inline(child, parts)
                parts.append(" " if apart else "")
                parts.append(child.tail or "")
            if name in self.tracked:
                self.open_spans.append((element, first, len(parts), page))

    def _choice(self, element: etree._Element, parts: list[str]) -> None:
        children = [c for c in element if _local(c)]
        chosen = next(
            (c for pref in _PREFERRED_CHOICE for c in children if _local(c) == pref),
            children[0] if children else None,
        )
        if chosen is not None:
            self.inline(chosen, parts)

    def _spans(self, parts: list[str], raw: str, text: str) -> tuple[Span, ...]:
        """The open spans, in document order, as offsets in the block's normalised text."""
        offsets = [0, *accumulate(len(part) for part in parts)]
        position = _position(raw, text)
        found = []
        for element, first, end, page in sorted(self.open_spans, key=lambda s: (s[1], -s[2])):
            start, stop = position(offsets[first]), position(offsets[end])
            while start < stop and text[start] == " ":
                start += 1
            while stop > start and text[stop - 1] == " ":
                stop -= 1
            found.append(Span(element, start, stop, page))
        self.open_spans.clear()
        return tuple(found)


_SPACE = pattern_cache.compile(r"\s+")


def _position(raw: str, text: str) -> Callable[[int], int]:
    """Where an offset in ``raw`` falls in ``text``, its normalised form."""
    if raw == text:  # the common case: a block written on one line with single spaces
        return lambda offset: offset
    lead = len(raw) - len(raw.lstrip())
    if raw[lead : lead + len(text)] == text:  # white space only around the words
        return lambda offset: max(0, min(offset - lead, len(text)))
    return _Normaliser(raw)


class _Normaliser:
    """Maps an offset in a raw string to the offset of the same place in its normalised form
    (``" ".join(raw.split())``: each run of white space one space, none at either end)."""

    def __init__(self, raw: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.removed: list[int] = []  # characters removed up to the end of each run
        total = 0
        for run in _SPACE.finditer(raw):
            start, end = run.span()
            total += end - start - (0 if start == 0 else 1)
            self.starts.append(start)
            self.ends.append(end)
            self.removed.append(total)
        trailing = bool(self.ends) and self.ends[-1] == len(raw) and self.starts[-1] != 0
        self.length = len(raw) - total - trailing

    def __call__(self, offset: int) -> int:
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return min(offset, self.length)
        start, end = self.starts[index], self.ends[index]
        before = self.removed[index - 1] if index else 0
        kept = 0 if start == 0 else 1
        inside = max(0, min(offset, end) - start - kept)
        return max(0, min(offset - before - inside, self.length))


def read_blocks(
    tree: etree._ElementTree | etree._Element,
    *,
    page_markers: bool = False,
    spans: frozenset[str] = frozenset(),
) -> list[TextBlock]:
    """The reading text as blocks that know their element and page; ``spans`` names the
    elements (by local name) whose place in their block is wanted (names, dates)."""
    collector = _Collector(page_markers, spans)
    collector.container(find_text(tree))
    return collector.blocks


def text_blocks(
    tree: etree._ElementTree | etree._Element, *, page_markers: bool = False
) -> list[str]:
    """The reading text as a list of blocks."""
    return [block.text for block in read_blocks(tree, page_markers=page_markers)]


def to_text(tree: etree._ElementTree | etree._Element, *, page_markers: bool = False) -> str:
    """The reading text: blocks separated by one blank line, ending with a newline."""
    return join_blocks(text_blocks(tree, page_markers=page_markers))


def join_blocks(blocks: Sequence[str]) -> str:
    """The reading text of :func:`text_blocks`' blocks: one blank line between two blocks, a
    newline at the end."""
    return "\n\n".join(blocks) + "\n" if blocks else ""
