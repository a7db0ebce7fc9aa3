"""Turning an element into a :class:`Location` readers can follow: line, column, short XPath."""

from __future__ import annotations

from lxml import etree

from ..errors import Location


def element_xpath(element: etree._Element) -> str:
    """A readable XPath such as ``/TEI/text/body/div[2]/p[3]`` (local names, 1-based)."""
    steps = []
    node: etree._Element | None = element
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is None:
            steps.append(name)
            break
        same = list(parent.iterchildren(node.tag))
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/" + "/".join(reversed(steps))


def element_location(source: str, element: etree._Element | None) -> Location:
    """Where ``element`` starts; libxml2 keeps lines only, so the column is left out."""
    if element is None or not isinstance(element.tag, str):
        return Location(source)
    return Location(source, element.sourceline, None, element_xpath(element))
