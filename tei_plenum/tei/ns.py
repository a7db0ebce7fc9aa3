"""A tiny element factory for the TEI namespace (the names themselves: ``vocabulary``)."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from ..vocabulary import XML_ID, XML_LANG, tei_tag

_ATTR_NAMES = {"xml:id": XML_ID, "xml:lang": XML_LANG}


def el(
    local: str,
    attrs: Iterable[tuple[str, str]] = (),
    text: str | None = None,
    parent: etree._Element | None = None,
) -> etree._Element:
    """Make a TEI element (attributes kept in the order given), optionally under ``parent``."""
    # Most elements have no attributes: they skip building an empty dictionary.
    attrib = {_ATTR_NAMES.get(name, name): value for name, value in attrs} if attrs else None
    tag = tei_tag(local)
    element = (
        etree.Element(tag, attrib) if parent is None else etree.SubElement(parent, tag, attrib)
    )
    if text is not None:
        element.text = text
    return element


def sub(
    parent: etree._Element, local: str, text: str | None = None, **attrs: str | None
) -> etree._Element:
    """Shorthand for a child element with keyword attributes (``xml_id`` means ``xml:id``)."""
    pairs = [("xml:id" if k == "xml_id" else k, v) for k, v in attrs.items() if v is not None]
    return el(local, pairs, text, parent)
