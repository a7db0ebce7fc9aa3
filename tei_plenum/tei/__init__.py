"""The TEI writer: a :class:`~tei_plenum.model.Document` in, an lxml ``TEI`` element out.

``header.py`` maps the fact sheet to the ``teiHeader``, ``standoff.py`` builds the entity
registry, ``text.py`` the ``text`` element (with ``inline.py`` for mixed content) and
``serialize.py`` the bytes.
"""

from __future__ import annotations

from lxml import etree

from ..docmeta import DocumentMeta
from ..model import Document
from ..slug import document_id
from ..vocabulary import NSMAP, XML_ID, XML_LANG, tei_tag
from .header import HeaderInput, build_header
from .serialize import serialize
from .standoff import build_standoff
from .text import build_text

__all__ = ["build_tei", "serialize"]


def build_tei(
    doc: Document, meta: DocumentMeta, *, revision_date: str | None = None
) -> etree._Element:
    """The complete ``TEI`` element for ``doc``, its header from the fact sheet ``meta``."""
    root = etree.Element(tei_tag("TEI"), nsmap=NSMAP)
    root.set(XML_ID, document_id(doc.source_name))
    root.set(XML_LANG, "en")
    root.append(build_header(HeaderInput(doc, meta, revision_date)))
    standoff = build_standoff(doc.entities)
    if standoff is not None:
        root.append(standoff)
    root.append(build_text(doc.blocks))
    return root
