"""The corpus edition's front page: every document of a batch and who and what they mention.

The page is one self-contained file (inline CSS, no script, nothing fetched). Sorting works
without JavaScript because the document list is printed twice, once by date and once by title,
each reachable by an in-page link. It is built as an lxml tree and serialised by lxml, so
every title and name is escaped by the serialiser, never by hand.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, BinaryIO
from urllib.parse import quote

from lxml import etree

from .. import pattern_cache
from ..export.html import page_head
from ..vocabulary import ENTITY_KINDS, EntityType
from ..wording import counted
from .worker import Summary

INDEX_STEM = "index"
# (kind, anchor, heading) of each list of names; events are not listed.
ENTITY_SECTIONS = tuple(
    (str(kind.type), kind.plural, kind.plural.capitalize())
    for kind in ENTITY_KINDS
    if kind.type is not EntityType.EVENT
)
_NOT_ID = pattern_cache.compile(r"[^A-Za-z0-9_-]+")


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


def build_index(entries: Sequence[IndexEntry], title: str = "") -> bytes:
    """The whole ``index.html`` for these documents, as UTF-8 bytes."""
    out = io.BytesIO()
    write_index(entries, out, title)
    return out.getvalue()


def write_index(entries: Sequence[IndexEntry], out: BinaryIO, title: str = "") -> None:
    """Write ``index.html`` to ``out`` element by element (one table row or index entry at a
    time), so a corpus of any size never holds its whole page in memory; ``title`` is the
    edition's (from its configuration), else the page is a "Corpus index"."""
    dated = by_date(entries)
    with etree.htmlfile(out, encoding="utf-8") as page:
        page.write_doctype("<!DOCTYPE html>")
        with page.element("html", {"lang": "en"}):
            page.write(_head(f"{title or 'Corpus index'}: {_documents(len(entries))}"))
            with page.element("body"):
                page.write(_header(entries, title or "Corpus index"))
                with page.element("main"):
                    _write_table(
                        page, "by-date", "Documents by date", dated, "oldest first; undated last"
                    )
                    by_title = sorted(entries, key=_by_title)
                    _write_table(page, "by-title", "Documents by title", by_title, "A to Z")
                    for kind, anchor, title in ENTITY_SECTIONS:
                        _write_entities(page, kind, anchor, title, dated)


def _header(entries: Sequence[IndexEntry], title: str) -> etree._Element:
    header = etree.Element("header")
    _sub(header, "h1", title)
    pages = counted(sum(e.summary.pages for e in entries), "page")
    _sub(header, "p", f"{_documents(len(entries))}, {pages}.", {"class": "lede"})
    nav = _sub(_sub(header, "nav", None, {"aria-label": "Sections"}), "ul")
    sections = [("by-date", "Documents by date"), ("by-title", "Documents by title")]
    sections += [(anchor, title) for _kind, anchor, title in ENTITY_SECTIONS]
    for anchor, title in sections:
        _sub(_sub(nav, "li"), "a", title, {"href": f"#{anchor}"})
    return header


def _documents(count: int) -> str:
    return counted(count, "document")


def _element(
    tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> etree._Element:
    element = etree.Element(tag, attrs or {})
    element.text = text
    return element


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> etree._Element:
    element = _element(tag, text, attrs)
    parent.append(element)
    return element


def _head(title: str) -> etree._Element:
    extra = resources.files(__package__).joinpath("corpus.css").read_text("utf-8")
    return page_head(title, extra)


def _write_table(
    page: Any, anchor: str, title: str, entries: Sequence[IndexEntry], order: str
) -> None:
    with page.element("section", {"id": anchor, "aria-labelledby": f"{anchor}-title"}):
        page.write(_element("h2", title, {"id": f"{anchor}-title"}))
        with page.element("table"):
            page.write(_element("caption", f"{_documents(len(entries))}, {order}"))
            head = etree.Element("thead")
            row = _sub(head, "tr")
            for column in ("Title", "Date", "Kind", "Classification", "Pages"):
                _sub(row, "th", column, {"scope": "col"})
            page.write(head)
            with page.element("tbody"):
                for entry in entries:
                    page.write(_row(entry))


def _row(entry: IndexEntry) -> etree._Element:
    summary = entry.summary
    row = etree.Element("tr")
    _sub(_sub(row, "td"), "a", summary.title, {"href": entry.href})
    _sub(row, "td", summary.date or "undated", {"class": "date"})
    _sub(row, "td", summary.kind)
    level = summary.classification_level
    shown = summary.classification or "none stated"
    if level and level.casefold() != shown.casefold():
        shown = f"{shown} ({level})"
    _sub(row, "td", shown, {"data-level": level} if level else None)
    _sub(row, "td", str(summary.pages), {"class": "num"})
    return row


def _write_entities(
    page: Any, kind: str, anchor: str, title: str, dated: Sequence[IndexEntry]
) -> None:
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
    with page.element("section", {"id": anchor, "aria-labelledby": f"{anchor}-title"}):
        page.write(_element("h2", title, {"id": f"{anchor}-title"}))
        if not names:
            page.write(_element("p", f"No {title.lower()} are mentioned."))
            return
        used: set[str] = set()
        with page.element("ul", {"class": "entities"}):
            for key in sorted(names, key=lambda k: (label[k].casefold(), k)):
                item = _element("li", None, {"id": _unique_id(f"{anchor}-{key}", used)})
                _sub(item, "span", label[key], {"class": "entity-name"})
                _sub(
                    item, "span", f" ({_documents(len(mentions[key]))})", {"class": "entity-count"}
                )
                docs = _sub(item, "ul", None, {"class": "mentions"})
                for entry in mentions[key]:
                    date = entry.summary.date
                    text = entry.summary.title + (f", {date}" if date else "")
                    _sub(_sub(docs, "li"), "a", text, {"href": entry.href})
                page.write(item)


def _unique_id(base: str, used: set[str]) -> str:
    stem = _NOT_ID.sub("-", base).strip("-") or "entry"
    candidate, n = stem, 1
    while candidate in used:
        n += 1
        candidate = f"{stem}-{n}"
    used.add(candidate)
    return candidate
