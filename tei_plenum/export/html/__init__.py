"""TEI to a self-contained HTML5 reading edition.

The page is built as an lxml element tree and serialised by lxml, so every text node and
attribute value is escaped by the serialiser rather than by hand. Nothing from the TEI reaches
the page as markup: element names only choose a tag and a class, attribute values only feed
sanitised ``id``/``class``/``lang`` values, validated ``datetime`` values and links whose scheme
is ``http``, ``https`` or an in-page ``#``. The reading text keeps exactly the character data of
``tei:text``; the only characters the page adds inside it are the hideable page markers.
"""

from __future__ import annotations

from lxml import etree

from ...docmeta import read_tei_header
from ...vocabulary import TEI_NS
from ...vocabulary import XML_LANG as _XML_LANG
from .index import _index
from .metadata import _document_title, _metadata_panel, page_head
from .page import _lang, _Page, _records, _sub, _tei_namespace, _texts, _without_bidi_controls
from .text import _render

__all__ = ["TEI_NS", "page_head", "to_html"]


def to_html(tree: etree._ElementTree, *, source_name: str | None = None) -> str:
    """Render a parsed TEI document as one self-contained HTML5 page.

    ``source_name`` only labels the page (its final path component is shown); the result
    depends on nothing but the tree and this name, so exports are reproducible.
    """
    root = tree.getroot()
    ns = _tei_namespace(root, source_name)
    page = _Page(ns=ns, records=_records(root))
    texts = list(_texts(page, root))
    page.anchor_blocks(texts)
    meta = read_tei_header(root)

    html = etree.Element("html")
    lang = _lang(root.get(_XML_LANG))
    if lang:
        html.set("lang", lang)
    title = _document_title(meta, source_name)
    # The title is the document's text: in the banner it is isolated (<bdi>), so that a
    # direction override in it cannot run on into the page; where it is plain text (the
    # page title, the citation) the direction controls are dropped.
    plain_title = _without_bidi_controls(title)
    html.append(page_head(plain_title))
    body = etree.SubElement(html, "body")
    _sub(body, "a", "Skip to the text", {"class": "skip", "href": "#text"})
    banner = _sub(body, "header", None, {"class": "doc-header"})
    _sub(_sub(banner, "h1"), "bdi", title)
    if meta.title.edition_subtitle:
        _sub(_sub(banner, "p", None, {"class": "subtitle"}), "bdi", meta.title.edition_subtitle)
    body.append(_metadata_panel(meta, plain_title, source_name))

    # The switch is a sibling of <main> so that CSS alone (":checked ~ main") hides the
    # markers: it works with scripts off.
    _sub(body, "input", None, {"type": "checkbox", "id": "show-pages", "checked": ""})
    toolbar = _sub(body, "div", None, {"class": "toolbar"})
    _sub(toolbar, "label", "Show page numbers", {"for": "show-pages", "class": "pages-toggle"})
    main = _sub(body, "main", None, {"id": "text", "tabindex": "-1"})
    for text in texts:
        main.append(_render(page, text, phrasing=False, depth=0, heading=1))
    index = _index(page)
    if index is not None:
        body.append(index)
    page_html: str = etree.tostring(
        html, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return page_html
