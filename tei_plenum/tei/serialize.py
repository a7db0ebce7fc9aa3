"""Deterministic bytes: UTF-8, LF, XML declaration, schema PI, two-space indentation.

Only element-only content is indented; mixed content (a ``p``, a ``head``, an ``fw``...) is
written on one line exactly as built, so no whitespace is ever added to the reading text.
"""

from __future__ import annotations

from lxml import etree

from ..vocabulary import tei_tag

SCHEMA_PI = (
    '<?xml-model href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"'
    ' type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>'
)
_MIXED = frozenset(
    tei_tag(name)
    for name in (
        "p", "head", "fw", "item", "titlePart", "docDate", "byline", "signed", "speaker", "ab",
        "addrLine", "dateline", "salute", "label", "title", "resp", "persName", "placeName",
        "orgName", "name", "note", "q", "desc", "creation", "language", "term", "msName",
        "textLang", "origDate", "date", "idno", "extent", "edition", "publisher", "authority",
        "occupation", "affiliation", "change", "summary", "unclear", "supplied", "seg", "reg",
        "gap", "add", "stamp", "docAuthor", "roleName", "eventName", "measure", "num", "unit",
        "country", "settlement", "institution", "repository", "collection",
    )
)  # fmt: skip


def _indent(element: etree._Element, level: int) -> None:
    if element.tag in _MIXED or not len(element):
        return
    if element.text and element.text.strip():
        return
    if any(child.tail and child.tail.strip() for child in element):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        _indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


def serialize(root: etree._Element) -> bytes:
    """The TEI document as bytes, identical for identical trees."""
    _indent(root, 0)
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + SCHEMA_PI.encode() + b"\n" + body + b"\n"
