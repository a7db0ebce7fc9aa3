"""The anchors of the reading edition: one id per block of the text, decided in one place.

The HTML edition writes these ids on its blocks and the search database stores them with each
paragraph, so that a search hit links straight to ``doc.html#p-12``. A block is an element the
reading text reads as a block (:func:`~tei_plenum.export.text.block_elements`); its id is its
``xml:id`` when it has one (made safe for HTML), else ``p-N`` for the N-th block of the
document, counted from 1 in reading order whether or not earlier blocks have an ``xml:id``. Ids
stay unique within the page and never take one of the ids the page keeps for its own parts.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .. import pattern_cache
from ..vocabulary import XML_ID as _XML_ID
from .text import block_elements

# Ids the reading edition gives its own parts: the text, the page-number switch, the metadata
# panel, the citation, the notes and the index of names.
PAGE_IDS = frozenset(
    {"text", "show-pages", "about", "cite", "cite-heading", "notes", "notes-heading", "index",
     "index-heading"}
)  # fmt: skip
_NOT_ID = pattern_cache.compile(r"[^A-Za-z0-9_-]+")


def safe_id(value: str) -> str:
    """``value`` as an HTML id that needs no escaping anywhere: ASCII letters, digits, ``_``
    and ``-``, at most 64 characters, beginning with a letter."""
    cleaned = _NOT_ID.sub("-", value).strip("-")[:64]
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"x-{cleaned}"
    return cleaned


def unique_id(base: str, used: set[str], suffixes: dict[str, int]) -> str:
    """The safe form of ``base``, with ``-2``, ``-3``… added until it is not in ``used``;
    the id returned is added to ``used``.

    Ids are never released, so every suffix below the last one given for a stem is still
    taken: ``suffixes`` remembers it and the search resumes there, which keeps a page of
    twenty thousand ``<pb n="1"/>`` linear.
    """
    candidate = safe_id(base)
    stem, n = candidate, suffixes.get(candidate, 1)
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    suffixes[stem] = n
    used.add(candidate)
    return candidate


def block_anchors(texts: Iterable[etree._Element]) -> dict[etree._Element, str]:
    """The anchor of every block of the ``text`` elements given, numbered across them in
    order (a corpus file's members continue the count)."""
    used = set(PAGE_IDS)
    suffixes: dict[str, int] = {}
    anchors: dict[etree._Element, str] = {}
    number = 0
    for text in texts:
        for element in block_elements(text):
            number += 1
            anchors[element] = unique_id(element.get(_XML_ID) or f"p-{number}", used, suffixes)
    return anchors
