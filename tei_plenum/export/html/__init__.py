"""TEI to a self-contained HTML5 reading edition.

The page is built as an lxml element tree and serialised by lxml, so every text node and
attribute value is escaped by the serialiser rather than by hand. Nothing from the TEI reaches
the page as markup: element names only choose a tag and a class, attribute values only feed
sanitised ``id``/``class``/``lang`` values, validated ``datetime`` values and links whose scheme
is ``http``, ``https`` or an in-page ``#`` (the citation's downloads are ``data:`` links the
page makes itself). The reading text keeps the character data of ``tei:text``; the only
characters the page adds inside it are the hideable page markers and the numbers of notes,
whose words follow the text in a section of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from lxml import etree

from ...docmeta import DocumentMeta, read_tei_header
from ...vocabulary import TEI_NS
from ...vocabulary import XML_ID as _XML_ID
from ...vocabulary import XML_LANG as _XML_LANG
from ..citation import cited
from ..html_options import Edition, Facsimile, HtmlOptions, Navigation, Neighbour
from .frame import document_navigation, footer, site_header
from .index import IndexedName, _index, _listed, indexed_names
from .metadata import (
    _metadata_panel,
    citation_section,
    document_title,
    linked_data,
    meta_tags,
    page_head,
)
from .page import (
    _lang,
    _Page,
    _records,
    _safe_url,
    _sub,
    _tei_namespace,
    _texts,
    _without_bidi_controls,
)
from .text import _render

__all__ = [
    "TEI_NS",
    "Edition",
    "Facsimile",
    "HtmlOptions",
    "IndexedName",
    "Navigation",
    "Neighbour",
    "RenderedPage",
    "page_head",
    "render_page",
    "to_html",
]


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A reading page and what a site needs to know of it: the fact sheet its header states,
    its title and the entries of its index of names."""

    html: str
    meta: DocumentMeta
    title: str
    names: tuple[IndexedName, ...]


def to_html(
    tree: etree._ElementTree,
    *,
    source_name: str | None = None,
    options: HtmlOptions | None = None,
) -> str:
    """Render a parsed TEI document as one self-contained HTML5 page.

    ``source_name`` only labels the page (its final path component is shown); the result
    depends on nothing but the tree, this name and the options, so exports are reproducible.
    """
    return render_page(tree, source_name=source_name, options=options).html


def render_page(
    tree: etree._ElementTree,
    *,
    source_name: str | None = None,
    options: HtmlOptions | None = None,
) -> RenderedPage:
    """The reading page of a parsed TEI document, with its index entries (see :func:`to_html`)."""
    options = options or HtmlOptions()
    root = tree.getroot()
    ns = _tei_namespace(root, source_name)
    page = _Page(ns=ns, records=_records(root), options=options)
    texts = list(_texts(page, root))
    page.anchor_blocks(texts)
    meta = read_tei_header(root)
    navigation = options.navigation
    edition = options.edition

    title = document_title(meta, source_name)
    # The title is the document's text: in the banner it is isolated (<bdi>), so that a
    # direction override in it cannot run on into the page; where it is plain text (the
    # page title, the citation) the direction controls are dropped.
    plain_title = _without_bidi_controls(title)

    body = etree.Element("body")
    _sub(body, "a", "Skip to the text", {"class": "skip", "href": "#text"})
    if navigation is not None:
        body.append(site_header(navigation, edition))
    banner = _sub(body, "header", None, {"class": "doc-header"})
    _sub(_sub(banner, "h1"), "bdi", title)
    if meta.title.edition_subtitle and options.review:
        _sub(_sub(banner, "p", None, {"class": "subtitle"}), "bdi", meta.title.edition_subtitle)
    body.append(_metadata_panel(meta))
    page_url = _page_url(edition, navigation)
    # "record.tei.xml" -> "record": the name of the downloads and the citation key.
    stem = PurePath(source_name).stem.removesuffix(".tei") if source_name else ""
    key = root.get(_XML_ID) or stem or "document"
    item = cited(
        meta,
        key=key,
        title=plain_title,
        edition=edition if edition != Edition() else None,
        url=page_url,
        source_url=_safe_url(meta.source.url) or "",
    )
    body.append(citation_section(item, stem or item.key))

    # The switch is a sibling of <main> so that CSS alone (":checked ~ main") hides the
    # markers: it works with scripts off.
    switch = {"type": "checkbox", "id": "show-pages"}
    if options.page_markers:
        switch["checked"] = ""
    _sub(body, "input", None, switch)
    toolbar = _sub(body, "div", None, {"class": "toolbar"})
    _sub(toolbar, "label", "Show page numbers", {"for": "show-pages", "class": "pages-toggle"})
    main = _sub(body, "main", None, {"id": "text", "tabindex": "-1"})
    if navigation is not None:
        # Only the text is searched when a site is indexed (Pagefind).
        main.set("data-pagefind-body", "")
    for text in texts:
        _render(page, text, main, phrasing=False, depth=0, heading=1)
    if page.notes:
        # After the text rather than in it: <main> holds the reading text alone.
        notes = _notes(page)
        if navigation is not None:
            notes.set("data-pagefind-body", "")
        body.append(notes)
    listed = _listed(page)
    index = _index(page, listed)
    if index is not None:
        body.append(index)
    if navigation is not None:
        body.append(document_navigation(navigation))
    closing = footer(edition)
    if closing is not None:
        body.append(closing)

    names = indexed_names(listed)
    html = etree.Element("html")
    lang = _lang(root.get(_XML_LANG))
    if lang:
        html.set("lang", lang)
    html.append(
        page_head(
            plain_title,
            options.css,
            image_origins=page.image_origins,
            metadata=meta_tags(meta, item),
            linked_data=linked_data(meta, item, names),
        )
    )
    html.append(body)
    out: str = etree.tostring(html, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return RenderedPage(out, meta, plain_title, names)


def _page_url(edition: Edition, navigation: Navigation | None) -> str:
    """The page's own address: the edition's base URL and the page's path below it."""
    base = _safe_url(edition.base_url)
    if base is None or navigation is None:
        return ""
    return base.rstrip("/") + "/" + quote(navigation.path)


def _notes(page: _Page) -> etree._Element:
    """The notes, numbered in order, each with a link back to its number in the text."""
    section = etree.Element("section", {"class": "notes", "id": "notes", "role": "doc-endnotes"})
    section.set("aria-labelledby", "notes-heading")
    _sub(section, "h2", "Notes", {"id": "notes-heading"})
    listing = _sub(section, "ol")
    for number, (body, ref_id, note_id) in enumerate(page.notes, 1):
        item = _sub(listing, "li", None, {"id": note_id})
        item.append(body)
        back = _sub(item, "a", "↩", {"href": f"#{ref_id}", "class": "noteback"})
        back.set("aria-label", f"Back to note {number} in the text")
    return section
