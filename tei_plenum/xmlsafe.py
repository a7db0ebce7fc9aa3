"""The one hardened XML parser of the project.

Every command that reads XML (validate, export, batch, the tests) parses through
:func:`parse_xml`: no DTD loading, no entity expansion (a document that declares entities is
refused), no network, no XInclude, processing instructions kept but never acted on, and bounded
size, depth (libxml2's default of 256 levels) and text-node length (10 MB).

An entity reference the parser cannot resolve (``&foo;`` in a document whose DOCTYPE names an
external DTD, which is never loaded) is refused too, with its line and column: kept as it is, it
would vanish from every view of the text without a word.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .errors import Location, TeiParseError
from .files import read_regular_file

MAX_XML_BYTES = 64 * 1024 * 1024


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers keep an error log and are not safe to share
    # across threads, and building one costs microseconds.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(
    data: bytes, *, source: str = "<input>", base_url: str | None = None
) -> etree._ElementTree:
    """Parse ``data`` safely, raising :class:`TeiParseError` with line and column on failure.

    ``base_url`` only tells a schema where its relative includes live; nothing is loaded here.
    """
    if len(data) > MAX_XML_BYTES:
        raise TeiParseError(
            f"XML input is larger than the {MAX_XML_BYTES // (1024 * 1024)} MiB limit",
            Location(source),
        )
    parser = _parser()
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = exc.msg or "not well-formed XML"
        raise TeiParseError(
            f"not well-formed XML: {_first_line(message)}", Location(source, line, column)
        ) from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TeiParseError(
            "the document declares entities in a DOCTYPE; entity declarations are refused",
            Location(source, 1, 1),
        )
    _refuse_unresolved_references(parser.error_log, source)
    return tree


def _refuse_unresolved_references(log: etree._ListErrorLog, source: str) -> None:
    """Raise on the first entity reference the parser had to leave unexpanded.

    libxml2 accepts ``&foo;`` when a DTD it did not load might declare it, and only warns: in
    text it keeps a reference node that every view would skip, in an attribute it drops the
    reference from the value. Its warning gives the position just after the reference.
    """
    for entry in log:
        if entry.type != etree.ErrorTypes.WAR_UNDECLARED_ENTITY:
            continue
        name = _ENTITY_NAME.search(entry.message or "")
        reference = f"&{name.group(1)};" if name else "an entity reference"
        column = entry.column - len(reference) if name and entry.column > len(reference) else None
        raise TeiParseError(
            f"entity reference {reference} cannot be resolved (no DTD is ever loaded): write "
            "the character it stands for, or a numeric reference such as &#233;",
            Location(source, entry.line or None, column),
        )


_ENTITY_NAME = re.compile(r"Entity '([^']+)' not defined")


def parse_xml_file(path: Path, *, base_url: str | None = None) -> etree._ElementTree:
    """Read a regular file (never a FIFO or device) and parse it with :func:`parse_xml`."""
    data = read_regular_file(path, max_bytes=MAX_XML_BYTES)
    return parse_xml(data, source=str(path), base_url=base_url)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
