"""TEI namespace constants and a tiny element factory bound to it."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
NSMAP = {None: TEI_NS}


def q(local: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{local}"


def _attr_name(name: str) -> str:
    return {"xml:id": XML_ID, "xml:lang": XML_LANG}.get(name, name)


def el(
    local: str,
    attrs: Iterable[tuple[str, str]] = (),
    text: str | None = None,
    parent: etree._Element | None = None,
) -> etree._Element:
    """Make a TEI element (attributes kept in the order given), optionally under ``parent``."""
    element = etree.SubElement(parent, q(local)) if parent is not None else etree.Element(q(local))
    for name, value in attrs:
        element.set(_attr_name(name), value)
    if text is not None:
        element.text = text
    return element


def sub(
    parent: etree._Element, local: str, text: str | None = None, **attrs: str
) -> etree._Element:
    """Shorthand for a child element with keyword attributes (``xml_id`` means ``xml:id``)."""
    pairs = [("xml:id" if k == "xml_id" else k, v) for k, v in attrs.items() if v is not None]
    return el(local, pairs, text, parent)
