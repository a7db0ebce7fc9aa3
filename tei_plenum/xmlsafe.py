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

from pathlib import Path

from lxml import etree

from . import pattern_cache
from .errors import DocumentError, Location, TeiParseError
from .files import read_regular_file

MAX_XML_BYTES = 64 * 1024 * 1024
# libxml2's own limits without XML_PARSE_HUGE, which the parser keeps: nesting depth, and the
# UTF-8 length of one text node.
MAX_XML_DEPTH = 256
MAX_TEXT_BYTES = 10_000_000


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


_ENTITY_NAME = pattern_cache.compile(r"Entity '([^']+)' not defined")


def check_readable_tree(root: etree._Element, source: str) -> None:
    """Refuse a tree that :func:`parse_xml` could not read back once written: elements nested
    deeper than :data:`MAX_XML_DEPTH`, or a text longer than :data:`MAX_TEXT_BYTES`.

    The converter checks its output with this and :func:`check_readable_size`, so the tool
    never writes TEI that it would then refuse to validate or export.
    """
    depth = 0
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise DocumentError(
                f"the TEI would nest elements more than {MAX_XML_DEPTH} levels deep (brackets "
                f"inside brackets near {_words_of(node)!r}), deeper than the XML reader "
                "accepts: reduce the nesting in the source",
                Location(source),
            )
        for text in (node.text, node.tail):
            # A character takes at most four bytes: only long texts need encoding to measure.
            if text and len(text) * 4 > MAX_TEXT_BYTES and len(text.encode()) > MAX_TEXT_BYTES:
                raise DocumentError(
                    f"the TEI would hold a text of more than {MAX_TEXT_BYTES:,} bytes without "
                    f"markup (near {_words_of(node)!r}), longer than the XML reader accepts: "
                    "split the source into paragraphs or documents",
                    Location(source),
                )


def check_readable_size(data: bytes, source: str) -> None:
    """Refuse written XML larger than :data:`MAX_XML_BYTES`, the most :func:`parse_xml` reads."""
    if len(data) > MAX_XML_BYTES:
        raise DocumentError(
            f"the TEI would be {len(data) / (1024 * 1024):.1f} MiB, more than the "
            f"{MAX_XML_BYTES // (1024 * 1024)} MiB the XML reader accepts: split the source "
            "into smaller documents",
            Location(source),
        )


def _words_of(node: etree._Element) -> str:
    """The first words of the block around ``node`` (its outermost ancestor holding text of
    its own), for finding the place in the source."""
    block = node
    for ancestor in node.iterancestors():
        if ancestor.text and ancestor.text.strip():
            block = ancestor
    return " ".join("".join(block.itertext()).split()[:8])[:60]


def parse_xml_file(path: Path, *, base_url: str | None = None) -> etree._ElementTree:
    """Read a regular file (never a FIFO or device) and parse it with :func:`parse_xml`."""
    data = read_regular_file(path, max_bytes=MAX_XML_BYTES)
    return parse_xml(data, source=str(path), base_url=base_url)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message
