"""Turning an element into a :class:`Location` readers can follow: line, column, short XPath."""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from ..diagnostics import Diagnostic
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
    """Where ``element`` starts; libxml2 keeps lines only, so the column is added later from
    the document's text (:func:`with_columns`)."""
    if element is None or not isinstance(element.tag, str):
        return Location(source)
    return Location(source, element.sourceline, None, element_xpath(element))


def with_columns(
    diagnostics: tuple[Diagnostic, ...], data: bytes, tree: etree._ElementTree
) -> tuple[Diagnostic, ...]:
    """Fill in the column of each diagnostic that names an element but not its column.

    libxml2 records only the line where an element starts. The column is the position of that
    element's start tag on the line: the k-th ``<name`` there, where k counts the elements of
    the same name that start earlier on the same line.
    """
    wanted = {
        d.location.line for d in diagnostics if d.location.xpath and d.location.column is None
    }
    if not wanted:
        return diagnostics
    lines = data.decode(tree.docinfo.encoding or "utf-8", errors="replace").splitlines()
    columns: dict[tuple[int, str], int] = {}
    seen: dict[tuple[int, str], int] = {}
    for element in tree.iter():
        line = element.sourceline
        if line not in wanted or not isinstance(element.tag, str) or line > len(lines):
            continue
        name = etree.QName(element).localname
        tag = f"<{element.prefix}:{name}" if element.prefix else f"<{name}"
        count = seen.get((line, tag), 0)
        seen[(line, tag)] = count + 1
        column = _nth(lines[line - 1], tag, count)
        if column is not None:
            columns[(line, element_xpath(element))] = column
    return tuple(_with_column(d, columns) for d in diagnostics)


def _nth(text: str, tag: str, count: int) -> int | None:
    """1-based column of the ``count``-th (0-based) start tag ``tag`` in ``text``."""
    start = -1
    for _ in range(count + 1):
        start = text.find(tag, start + 1)
        while (
            start != -1 and start + len(tag) < len(text) and text[start + len(tag)] not in " \t/>"
        ):
            start = text.find(tag, start + 1)
        if start == -1:
            return None
    return start + 1


def _with_column(diagnostic: Diagnostic, columns: dict[tuple[int, str], int]) -> Diagnostic:
    where = diagnostic.location
    column = columns.get((where.line or 0, where.xpath or ""))
    if column is None or where.column is not None:
        return diagnostic
    return replace(diagnostic, location=replace(where, column=column))
