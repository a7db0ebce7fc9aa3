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

from lxml import etree

from ..errors import DocumentError, Location
from .blocks import BLOCKS, CONTAINERS, MIXED

# Elements whose text is not part of the reading text.
SKIPPED = frozenset({"teiHeader", "standOff", "facsimile", "sourceDoc", "figDesc"})
_PREFERRED_CHOICE = ("corr", "reg", "expan")


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
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


class _Collector:
    """Walks the tree once, gathering blocks of inline text."""

    def __init__(self, page_markers: bool) -> None:
        self.page_markers = page_markers
        self.blocks: list[str] = []

    def container(self, element: etree._Element) -> None:
        for child in element:
            name = _local(child)
            if not name or name in SKIPPED:
                continue
            if name == "pb":
                if self.page_markers and child.get("n"):
                    self.blocks.append(f"[page {child.get('n')}]")
                continue
            if (name in CONTAINERS or name in MIXED) and not _has_loose_text(child):
                self.container(child)
            else:
                parts: list[str] = []
                self.inline(child, parts)
                block = " ".join("".join(parts).split())
                if block:
                    self.blocks.append(block)
            tail = " ".join((child.tail or "").split())
            if tail:
                self.blocks.append(tail)

    def inline(self, element: etree._Element, parts: list[str]) -> None:
        name = _local(element)
        if name == "pb":
            if self.page_markers and element.get("n"):
                parts.append(f" [page {element.get('n')}] ")
            return
        if name == "lb":
            parts.append(" ")
            return
        if name == "choice":
            self._choice(element, parts)
            return
        if name and name not in SKIPPED:
            parts.append(element.text or "")
            for child in element:
                apart = _local(child) in BLOCKS
                parts.append(" " if apart else "")
                self.inline(child, parts)
                parts.append(" " if apart else "")
                parts.append(child.tail or "")

    def _choice(self, element: etree._Element, parts: list[str]) -> None:
        children = [c for c in element if _local(c)]
        chosen = next(
            (c for pref in _PREFERRED_CHOICE for c in children if _local(c) == pref),
            children[0] if children else None,
        )
        if chosen is not None:
            self.inline(chosen, parts)


def text_blocks(
    tree: etree._ElementTree | etree._Element, *, page_markers: bool = False
) -> list[str]:
    """The reading text as a list of blocks."""
    collector = _Collector(page_markers)
    collector.container(find_text(tree))
    return collector.blocks


def to_text(tree: etree._ElementTree | etree._Element, *, page_markers: bool = False) -> str:
    """The reading text: blocks separated by one blank line, ending with a newline."""
    blocks = text_blocks(tree, page_markers=page_markers)
    return "\n\n".join(blocks) + "\n" if blocks else ""
