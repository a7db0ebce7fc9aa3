"""The frame of a page inside a site: the edition's bar at the top, the links to the
neighbouring documents and the TEI file, and the footer with publisher and licence."""

from __future__ import annotations

from lxml import etree

from ...tei.inline import append_text as _append_text
from ..citation import names_joined
from ..html_options import Edition, Navigation
from .page import _safe_url, _sub

INDEX_PAGE = "index.html"
SEARCH_PAGE = "search.html"
# (index group, file, heading) of the site's index of each kind of name.
NAME_PAGES = (
    ("person", "persons.html", "People"),
    ("place", "places.html", "Places"),
    ("org", "organisations.html", "Organisations"),
    ("event", "events.html", "Events"),
)


def site_header(navigation: Navigation, edition: Edition, *, current: str = "") -> etree._Element:
    """The bar on every page of a site: the edition's title (to the index), its indexes and,
    when the site has one, its search page; ``current`` marks the page being shown."""
    root = navigation.root
    nav = etree.Element("nav", {"class": "site", "aria-label": "Edition"})
    _sub(nav, "a", edition.title or "Documents", {"class": "site-title", "href": root + INDEX_PAGE})
    links = _sub(nav, "ul")
    pages = [(INDEX_PAGE, "Documents"), *((file, title) for _g, file, title in NAME_PAGES)]
    if navigation.search:
        pages.append((SEARCH_PAGE, "Search"))
    for file, title in pages:
        link = _sub(_sub(links, "li"), "a", title, {"href": root + file})
        if file == current:
            link.set("aria-current", "page")
    return nav


def document_navigation(navigation: Navigation) -> etree._Element:
    """The previous and next documents by date, the index and the TEI file."""
    nav = etree.Element("nav", {"class": "docnav", "aria-label": "Documents"})
    listing = _sub(nav, "ul")
    for neighbour, label, rel in (
        (navigation.previous, "Previous", "prev"),
        (navigation.next, "Next", "next"),
    ):
        if neighbour is not None:
            item = _sub(listing, "li", f"{label}: ", {"class": rel})
            _sub(item, "a", neighbour.title, {"href": neighbour.href, "rel": rel})
    _sub(_sub(listing, "li"), "a", "All documents", {"href": navigation.root + INDEX_PAGE})
    if navigation.tei:
        tei = _sub(_sub(listing, "li"), "a", "TEI file", {"href": navigation.tei})
        tei.set("download", "")
        tei.set("type", "application/tei+xml")
    return nav


def footer(edition: Edition) -> etree._Element | None:
    """Who publishes the edition, its editors and licence, and the configured footer line."""
    if not (edition.publisher or edition.editors or edition.licence or edition.footer):
        return None
    out = etree.Element("footer", {"class": "edition-footer"})
    if edition.title or edition.publisher:
        line = _sub(out, "p")
        line.text = ", ".join(p for p in (edition.title, edition.publisher) if p) + "."
    if edition.editors:
        _sub(out, "p", f"Edited by {names_joined(edition.editors)}.")
    if edition.licence:
        line = _sub(out, "p", "Licence: ")
        url = _safe_url(edition.licence_url)
        if url:
            _sub(line, "a", edition.licence, {"href": url, "rel": "license external noopener"})
            _append_text(line, ".")
        else:
            line.text = f"Licence: {edition.licence}."
    if edition.footer:
        _sub(out, "p", edition.footer)
    return out
