"""The corpus edition's front page: every document of a batch and who and what they mention.

The page is one self-contained file (inline CSS, no script, nothing fetched). Sorting works
without JavaScript because the document list is printed twice, once by date and once by title,
each reachable by an in-page link. It is built as an lxml tree and serialised by lxml, so
every title and name is escaped by the serialiser, never by hand.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote

from lxml import etree
from lxml import html as lxml_html

from .worker import Summary

INDEX_STEM = "index"
ENTITY_SECTIONS = (
    ("person", "persons", "Persons"),
    ("place", "places", "Places"),
    ("org", "organisations", "Organisations"),
)
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One document as the index shows it: a relative link and its summary."""

    href: str
    summary: Summary

    @classmethod
    def of(cls, rel: str, summary: Summary) -> IndexEntry:
        """``rel`` is the output stem (``a/b``); the link is to its HTML page, URL-quoted."""
        return cls(quote(f"{rel}.html"), summary)


def by_date(entries: Iterable[IndexEntry]) -> list[IndexEntry]:
    """Oldest first; undated documents last, in title order."""
    return sorted(
        entries, key=lambda e: (not e.summary.date_sort, e.summary.date_sort, *_by_title(e))
    )


def _by_title(entry: IndexEntry) -> tuple[str, str]:
    return (entry.summary.title.casefold(), entry.href)


def build_index(entries: Sequence[IndexEntry]) -> str:
    """The whole ``index.html`` for these documents."""
    dated = by_date(entries)
    html = etree.Element("html", {"lang": "en"})
    html.append(_head(f"Corpus index: {_documents(len(entries))}"))
    body = etree.SubElement(html, "body")
    header = _sub(body, "header")
    _sub(header, "h1", "Corpus index")
    _sub(
        header,
        "p",
        f"{_documents(len(entries))}, {_counted(sum(e.summary.pages for e in entries), 'page')}.",
        {"class": "lede"},
    )
    nav = _sub(_sub(header, "nav", None, {"aria-label": "Sections"}), "ul")
    sections = [("by-date", "Documents by date"), ("by-title", "Documents by title")]
    sections += [(anchor, title) for _kind, anchor, title in ENTITY_SECTIONS]
    for anchor, title in sections:
        _sub(_sub(nav, "li"), "a", title, {"href": f"#{anchor}"})
    main = _sub(body, "main")
    main.append(_table("by-date", "Documents by date", dated, "oldest first; undated last"))
    main.append(_table("by-title", "Documents by title", sorted(entries, key=_by_title), "A to Z"))
    for kind, anchor, title in ENTITY_SECTIONS:
        main.append(_entity_section(kind, anchor, title, dated))
    return lxml_html.tostring(html, doctype="<!DOCTYPE html>", encoding="unicode", method="html")


def _documents(count: int) -> str:
    return _counted(count, "document")


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs or {})
    element.text = text
    return element


def _head(title: str) -> etree._Element:
    head = etree.Element("head")
    _sub(head, "meta", None, {"charset": "utf-8"})
    _sub(head, "meta", None, {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    # Navigation to the document pages stays allowed; loading anything into this page is not.
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"
    _sub(head, "meta", None, {"http-equiv": "Content-Security-Policy", "content": policy})
    _sub(head, "title", title)
    _sub(head, "style", resources.files(__package__).joinpath("corpus.css").read_text("utf-8"))
    return head


def _table(anchor: str, title: str, entries: Sequence[IndexEntry], order: str) -> etree._Element:
    section = etree.Element("section", {"id": anchor, "aria-labelledby": f"{anchor}-title"})
    _sub(section, "h2", title, {"id": f"{anchor}-title"})
    table = _sub(section, "table")
    _sub(table, "caption", f"{_documents(len(entries))}, {order}")
    head = _sub(_sub(table, "thead"), "tr")
    for column in ("Title", "Date", "Kind", "Classification", "Pages"):
        _sub(head, "th", column, {"scope": "col"})
    rows = _sub(table, "tbody")
    for entry in entries:
        summary = entry.summary
        row = _sub(rows, "tr")
        _sub(_sub(row, "td"), "a", summary.title, {"href": entry.href})
        _sub(row, "td", summary.date or "undated", {"class": "date"})
        _sub(row, "td", summary.kind)
        _sub(row, "td", summary.classification or "none stated")
        _sub(row, "td", str(summary.pages), {"class": "num"})
    return section


def _entity_section(
    kind: str, anchor: str, title: str, dated: Sequence[IndexEntry]
) -> etree._Element:
    """Each entity of ``kind`` with the documents (in date order) that mention it."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: dict[str, list[IndexEntry]] = defaultdict(list)
    for entry in dated:
        for entity_kind, key, name in entry.summary.entities:
            if entity_kind != kind:
                continue
            names[key][name] += 1
            if not mentions[key] or mentions[key][-1] is not entry:
                mentions[key].append(entry)
    # The most frequent spelling names the entry; ties go to the alphabetically first.
    label = {
        key: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for key, c in names.items()
    }
    section = etree.Element("section", {"id": anchor, "aria-labelledby": f"{anchor}-title"})
    _sub(section, "h2", title, {"id": f"{anchor}-title"})
    if not names:
        _sub(section, "p", f"No {title.lower()} are mentioned.")
        return section
    listing = _sub(section, "ul", None, {"class": "entities"})
    used: set[str] = set()
    for key in sorted(names, key=lambda k: (label[k].casefold(), k)):
        item = _sub(listing, "li", None, {"id": _unique_id(f"{anchor}-{key}", used)})
        _sub(item, "span", label[key], {"class": "name"})
        count = _sub(item, "span", None, {"class": "count"})
        count.text = f" ({_documents(len(mentions[key]))})"
        docs = _sub(item, "ul", None, {"class": "mentions"})
        for entry in mentions[key]:
            text = entry.summary.title + (f", {entry.summary.date}" if entry.summary.date else "")
            _sub(_sub(docs, "li"), "a", text, {"href": entry.href})
    return section


def _unique_id(base: str, used: set[str]) -> str:
    stem = _NOT_ID.sub("-", base).strip("-") or "entry"
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate
