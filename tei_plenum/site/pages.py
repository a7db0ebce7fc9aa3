"""The site's own pages: the index of documents in three orders, the facet pages, the indexes
of names across documents and the search page. Built as lxml trees, as the reading page is,
so that every title and name is escaped by the serialiser."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from lxml import etree

from .. import pattern_cache
from ..export.anchors import unique_id
from ..export.html import Edition, IndexedName, Navigation, page_head
from ..export.html.frame import INDEX_PAGE, NAME_PAGES, SEARCH_PAGE, footer, site_header
from ..export.html.page import _sub
from ..vocabulary import collection_key
from ..wording import counted
from .documents import SiteDocument, by_date

# The index's pre-sorted views: (file, label, order).
VIEWS = (
    (INDEX_PAGE, "date", "oldest first; undated last"),
    ("by-title.html", "title", "A to Z"),
    ("by-genre.html", "genre", "by document type, then date"),
)
# The facets of the index with a page of their own: (file, heading, value of a document).
FACETS: tuple[tuple[str, str, Callable[[SiteDocument], str]], ...] = (
    ("genres.html", "Document types", lambda d: d.genre),
    ("years.html", "Years", lambda d: d.year),
    ("classifications.html", "Classifications", lambda d: d.classification),
)
_NOT_ID = pattern_cache.compile(r"[^A-Za-z0-9_-]+")
SEARCH_SCRIPT = "search.js"


@dataclass(frozen=True, slots=True)
class Mention:
    """A document's entry for a name: the document and the anchor of its first mention."""

    document: SiteDocument
    name: IndexedName


def _page(
    title: str, edition: Edition, current: str, search: bool
) -> tuple[etree._Element, etree._Element]:
    """An empty site page: its ``html`` and the ``main`` to fill."""
    html = etree.Element("html", {"lang": "en"})
    full = f"{title} · {edition.title}" if edition.title else title
    html.append(page_head(full))
    body = _sub(html, "body")
    _sub(body, "a", "Skip to the content", {"class": "skip", "href": "#content"})
    body.append(site_header(Navigation(path=current, search=search), edition, current=current))
    main = _sub(body, "main", None, {"id": "content", "class": "site-page", "tabindex": "-1"})
    _sub(main, "h1", title)
    closing = footer(edition)
    if closing is not None:
        body.append(closing)
    return html, main


def serialise(html: etree._Element) -> bytes:
    data: bytes = etree.tostring(html, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")
    return data


def _link(document: SiteDocument, anchor: str = "") -> str:
    return quote(str(document.page)) + (f"#{anchor}" if anchor else "")


def index_pages(
    documents: Sequence[SiteDocument], edition: Edition, search: bool
) -> dict[str, bytes]:
    """The index of documents in each pre-sorted view, with the facets beside it."""
    dated = by_date(documents)
    orders = {
        "date": dated,
        "title": sorted(dated, key=lambda d: (d.title.casefold(), str(d.rel))),
        "genre": sorted(dated, key=lambda d: (not d.genre, d.genre.casefold())),
    }
    pages = {}
    for file, label, order in VIEWS:
        html, main = _page(edition.title or "Documents", edition, file, search)
        if edition.subtitle:
            _sub(main, "p", edition.subtitle, {"class": "lede"})
        views = _sub(main, "p", "Sort by: ", {"class": "views"})
        for index, (other, other_label, _o) in enumerate(VIEWS):
            if index:
                _sub(views, "span", " · ").tail = None
            link = _sub(views, "a", other_label, {"href": other})
            if other == file:
                link.set("aria-current", "page")
        main.append(_table(orders[label], f"{counted(len(documents), 'document')}, {order}"))
        main.append(_facet_lists(documents))
        pages[file] = serialise(html)
    return pages


def _table(documents: Sequence[SiteDocument], caption: str) -> etree._Element:
    table = etree.Element("table", {"class": "documents"})
    _sub(table, "caption", caption)
    row = _sub(_sub(table, "thead"), "tr")
    for column in ("Date", "Title", "Type", "Classification"):
        _sub(row, "th", column, {"scope": "col"})
    body = _sub(table, "tbody")
    for document in documents:
        row = _sub(body, "tr")
        _sub(row, "td", document.date or "undated", {"class": "date"})
        _sub(_sub(row, "td"), "a", document.title, {"href": _link(document)})
        _sub(row, "td", document.genre)
        _sub(row, "td", document.classification)
    return table


def _facet_lists(documents: Sequence[SiteDocument]) -> etree._Element:
    """Each facet's values with their counts, linked to the facet's page."""
    section = etree.Element("section", {"class": "facets", "aria-labelledby": "facets-heading"})
    _sub(section, "h2", "Browse", {"id": "facets-heading"})
    for file, heading, value_of in FACETS:
        counts = Counter(value_of(d) for d in documents if value_of(d))
        if not counts:
            continue
        group = _sub(section, "div", None, {"class": "facet"})
        _sub(group, "h3", heading)
        listing = _sub(group, "ul")
        for value in sorted(counts, key=str.casefold):
            item = _sub(listing, "li")
            _sub(item, "a", value, {"href": f"{file}#{_id(value)}"})
            _sub(item, "span", f" ({counts[value]})", {"class": "count"})
    names = _sub(section, "div", None, {"class": "facet"})
    _sub(names, "h3", "Names")
    listing = _sub(names, "ul")
    for _group, file, heading in NAME_PAGES:
        _sub(_sub(listing, "li"), "a", heading, {"href": file})
    return section


def facet_pages(
    documents: Sequence[SiteDocument], edition: Edition, search: bool
) -> dict[str, bytes]:
    """One page per facet: each value with its documents in date order."""
    dated = by_date(documents)
    pages = {}
    for file, heading, value_of in FACETS:
        html, main = _page(heading, edition, file, search)
        groups: dict[str, list[SiteDocument]] = defaultdict(list)
        for document in dated:
            groups[value_of(document) or "not stated"].append(document)
        for value in sorted(groups, key=lambda v: (v == "not stated", v.casefold())):
            section = _sub(main, "section", None, {"id": _id(value)})
            _sub(section, "h2", f"{value} ({len(groups[value])})")
            listing = _sub(section, "ul", None, {"class": "mentions"})
            for document in groups[value]:
                _document_item(listing, document, "")
        pages[file] = serialise(html)
    return pages


def name_pages(mentions: Sequence[Mention], edition: Edition, search: bool) -> dict[str, bytes]:
    """The persons, places, organisations and events of every document, each with the
    documents (in date order) that name it, linked to the first mention in each; a name
    without a record of its own is listed once per document that names it."""
    entries: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        name = mention.name
        key = collection_key(
            name.key, unresolved=name.unresolved, document=str(mention.document.rel)
        )
        entries[(name.group, f"wd:{name.wikidata}" if name.wikidata else key)].append(mention)
    pages = {}
    for group, file, heading in NAME_PAGES:
        html, main = _page(heading, edition, file, search)
        found = {key: found for (g, key), found in entries.items() if g == group}
        if not found:
            _sub(main, "p", f"No {heading.lower()} are named.")
        listing = _sub(main, "ul", None, {"class": "entities"})
        used: set[str] = set()
        suffixes: dict[str, int] = {}
        order = sorted(found, key=lambda k: (found[k][0].name.sort_key, found[k][0].name.name, k))
        for key in order:
            first = found[key][0].name
            item = _sub(listing, "li", None, {"id": unique_id(_id(first.name), used, suffixes)})
            _sub(item, "span", first.name, {"class": "entity-name"})
            if first.wikidata:
                url = f"https://www.wikidata.org/wiki/{first.wikidata}"
                _sub(item, "a", f" Wikidata {first.wikidata}", {"href": url, "class": "authority"})
            documents = {id(m.document): m for m in found[key]}
            _sub(item, "span", f" ({counted(len(documents), 'document')})", {"class": "count"})
            docs = _sub(item, "ul", None, {"class": "mentions"})
            for mention in by_date_mentions(documents.values()):
                _document_item(docs, mention.document, mention.name.anchor)
        pages[file] = serialise(html)
    return pages


def by_date_mentions(mentions: Collection[Mention]) -> list[Mention]:
    order = {id(d): i for i, d in enumerate(by_date([m.document for m in mentions]))}
    return sorted(mentions, key=lambda m: order[id(m.document)])


def _document_item(listing: etree._Element, document: SiteDocument, anchor: str) -> None:
    item = _sub(listing, "li")
    _sub(item, "a", document.title, {"href": _link(document, anchor)})
    if document.date:
        _sub(item, "span", f", {document.date}", {"class": "date"})


def search_page(edition: Edition) -> bytes:
    """The one page with script: Pagefind's interface over the site's index. Its policy lets
    scripts, styles, data and WebAssembly come from the site itself and nowhere else."""
    html, main = _page("Search", edition, SEARCH_PAGE, True)
    head = html.find("head")
    policy = head.find("meta[@http-equiv='Content-Security-Policy']")
    policy.set(
        "content",
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:",
    )
    # No icon to fetch: a served page would otherwise ask for /favicon.ico.
    _sub(head, "link", None, {"rel": "icon", "href": "data:,"})
    _sub(head, "link", None, {"rel": "stylesheet", "href": "pagefind/pagefind-ui.css"})
    _sub(head, "script", None, {"src": "pagefind/pagefind-ui.js"})
    _sub(head, "script", None, {"src": SEARCH_SCRIPT, "defer": ""})
    _sub(main, "div", None, {"id": "search"})
    note = _sub(main, "noscript")
    note.text = "Search needs JavaScript; the index of documents and of names works without it."
    return serialise(html)


# Starts Pagefind's interface; a file of its own, so that the policy allows no inline script.
SEARCH_JS = (
    'window.addEventListener("DOMContentLoaded", function () {\n'
    '  new PagefindUI({ element: "#search", showSubResults: true, showImages: false });\n'
    "});\n"
)


def _id(text: str) -> str:
    return "v-" + (_NOT_ID.sub("-", text.casefold()).strip("-") or "x")
