"""Turning an element into a :class:`Location` readers can follow: line, column, short XPath.

A document with thousands of findings asks for thousands of locations, so nothing here may
cost more than once per document: a :class:`Locator` numbers the children of each parent the
first time one of them is asked for, and :func:`with_columns` reads each line once.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from ..diagnostics import Diagnostic
from ..errors import Location


class Locator:
    """Locations of the elements of one tree.

    Each parent's children are numbered (by tag) once, on first use, so an XPath costs the
    depth of its element rather than a pass over every sibling of every ancestor. The numbered
    elements are held here, which keeps lxml handing out the same element objects for them.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        # parent -> (each child's 1-based position among children of its tag, count per tag)
        self._numbered: dict[etree._Element, tuple[dict[etree._Element, int], dict[str, int]]]
        self._numbered = {}

    def xpath(self, element: etree._Element) -> str:
        """A readable XPath such as ``/TEI/text/body/div[2]/p[3]`` (local names, 1-based; a
        position only where siblings share the tag)."""
        steps = []
        node: etree._Element | None = element
        while node is not None:
            name = etree.QName(node).localname
            parent = node.getparent()
            if parent is None:
                steps.append(name)
                break
            positions, counts = self._children(parent)
            steps.append(f"{name}[{positions[node]}]" if counts[node.tag] > 1 else name)
            node = parent
        return "/" + "/".join(reversed(steps))

    def location(self, element: etree._Element | None) -> Location:
        """Where ``element`` starts; libxml2 keeps lines only, so the column is added later
        from the document's text (:func:`with_columns`)."""
        if element is None or not isinstance(element.tag, str):
            return Location(self.source)
        return Location(self.source, element.sourceline, None, self.xpath(element))

    def _children(self, parent: etree._Element) -> tuple[dict[etree._Element, int], dict[str, int]]:
        numbered = self._numbered.get(parent)
        if numbered is None:
            positions: dict[etree._Element, int] = {}
            counts: dict[str, int] = {}
            for child in parent.iterchildren(etree.Element):
                counts[child.tag] = counts.get(child.tag, 0) + 1
                positions[child] = counts[child.tag]
            numbered = self._numbered[parent] = (positions, counts)
        return numbered


def with_columns(
    diagnostics: tuple[Diagnostic, ...], data: bytes, tree: etree._ElementTree
) -> tuple[Diagnostic, ...]:
    """Fill in the column of each diagnostic that names an element but not its column.

    libxml2 records only the line where an element starts. The column is the position of that
    element's start tag on the line: the k-th ``<name`` there, where k counts the elements of
    the same name that start earlier on the same line. Elements are met in document order, so
    each search resumes where the previous one for the same tag and line stopped.
    """
    wanted: dict[int, set[str]] = {}
    for d in diagnostics:
        if d.location.xpath and d.location.column is None and d.location.line is not None:
            wanted.setdefault(d.location.line, set()).add(d.location.xpath)
    if not wanted:
        return diagnostics
    lines = data.decode(tree.docinfo.encoding or "utf-8", errors="replace").splitlines()
    locator = Locator("")
    columns: dict[tuple[int, str], int] = {}
    resume: dict[tuple[int, str], int] = {}
    for element in tree.iter(etree.Element):
        line = element.sourceline
        if line not in wanted or line > len(lines):
            continue
        name = etree.QName(element).localname
        tag = f"<{element.prefix}:{name}" if element.prefix else f"<{name}"
        start = _next_tag(lines[line - 1], tag, resume.get((line, tag), 0))
        if start is None:
            continue
        resume[(line, tag)] = start + 1
        xpath = locator.xpath(element)
        if xpath in wanted[line]:
            columns[(line, xpath)] = start + 1
    return tuple(_with_column(d, columns) for d in diagnostics)


def _next_tag(text: str, tag: str, start: int) -> int | None:
    """0-based index of the first start tag ``tag`` in ``text`` at or after ``start``."""
    found = text.find(tag, start)
    while found != -1 and found + len(tag) < len(text) and text[found + len(tag)] not in " \t/>":
        found = text.find(tag, found + 1)
    return None if found == -1 else found


def _with_column(diagnostic: Diagnostic, columns: dict[tuple[int, str], int]) -> Diagnostic:
    where = diagnostic.location
    column = columns.get((where.line or 0, where.xpath or ""))
    if column is None or where.column is not None:
        return diagnostic
    return replace(diagnostic, location=replace(where, column=column))
