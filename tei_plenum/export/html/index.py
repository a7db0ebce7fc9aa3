"""The index of names at the end of the page, grouped by type, with authority links.

Each entry links once to every page it is named on (to its first mention there). People are
sorted by surname: a record's ``@sortKey`` (on the record or its name) when the TEI gives one,
else the ``surname`` of a structured name, else the surname the project's one rule reads in
the name as written (:func:`tei_plenum.lexicon.surname`: "Kim Il Sung" under K, family name
first as written; "Joseph Stalin" under S). Places, organisations and events go by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ...lexicon import surname
from .page import (
    _AUTHORITIES,
    _GROUP_TITLES,
    _RECORD_NAME_TAGS,
    _RECORD_TAGS,
    _Entry,
    _Page,
    _safe_url,
    _sub,
    _text_of,
)


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One entry of a page's index, as a site's cross-document indexes need it: what it is,
    how it sorts, where it is first named and on which pages."""

    group: str
    key: str
    name: str
    sort_key: str
    anchor: str
    pages: tuple[str, ...]
    wikidata: str = ""
    unresolved: bool = False


# --------------------------------------------------------------------------------- the index


def _entry_for(page: _Page, el: etree._Element, group: str, surface: str) -> _Entry:
    """The entry a name with the words ``surface`` belongs to, made when first named."""
    ref = (el.get("ref") or "").split()
    key = ref[0] if ref else f"text:{surface.casefold()}"
    entry = page.entries.get((group, key))
    if entry is not None:
        return entry
    record, url, unresolved = None, None, True
    if not ref:
        base = f"idx-{group}-{surface}"
    elif ref[0].startswith("#"):
        base = f"idx-{ref[0][1:]}"
        record = page.records.get(ref[0][1:])
        if record is not None and page.local(record) not in _RECORD_TAGS:
            record = None
        unresolved = record is None or _marked_unresolved(page, record)
    else:
        base = f"idx-{group}-{surface}"
        url = _safe_url(ref[0])
        unresolved = url is None
    entry = _Entry(group, page.unique_id(base), record, url, unresolved, key=key)
    page.entries[(group, key)] = entry
    return entry


def _marked_unresolved(page: _Page, record: etree._Element) -> bool:
    return any(
        note.get("type") == "resolution" and _text_of(note).casefold() == "unresolved"
        for note in record.iterchildren(page.q("note"))
    )


@dataclass(frozen=True, slots=True)
class _Record:
    """What the index shows of a record, read in one pass over its children."""

    name: str = ""
    """The name it goes by: its first name without a ``type`` (the preferred form)."""
    sort_key: str = ""
    """The ``@sortKey`` of the record, else of the first name without a ``type`` that has one."""
    surname: str = ""
    """The ``surname`` in the name it goes by."""
    details: tuple[str, ...] = ()
    """Full or standard name forms and occupations, to tell the reader who or what it is."""
    links: tuple[tuple[str, str], ...] = ()
    """Its pages in authority files: address and label."""


def _read_record(page: _Page, record: etree._Element) -> _Record:
    """What the index shows of ``record``, all read in one pass over its children."""
    name: str | None = None
    family = ""
    given = record.get("sortKey") or ""
    details: list[str] = []
    links: list[tuple[str, str]] = []
    for child in record:
        local = page.local(child)
        if local in _RECORD_NAME_TAGS:
            form = child.get("type")
            if form:
                details.append(f"{form} form: {_text_of(child)}")
                continue
            if name is None:
                name = _text_of(child)
                family = _text_of(child.find(page.q("surname")))
            given = given or child.get("sortKey") or ""
        elif local in {"occupation", "desc"}:
            detail = _text_of(child)
            if detail:
                details.append(detail)
        elif local == "idno":
            links += _authority_links(child)
    return _Record(name or "", given, family, tuple(details), tuple(links))


def _authority_links(idno: etree._Element) -> Iterator[tuple[str, str]]:
    value = _text_of(idno)
    kind = idno.get("type")
    for authority, label, pattern, template in _AUTHORITIES:
        if kind == authority and pattern.fullmatch(value):
            yield template.format(value), f"{label} {value}"


def _sort_key(page: _Page, entry: _Entry, record: _Record, name: str) -> str:
    """What the entry sorts by (see the module's docstring)."""
    if record.sort_key:
        return f"{record.sort_key.casefold()} {name.casefold()}"
    if record.surname:
        return f"{record.surname.casefold()} {name.casefold()}"
    if entry.group == "person" and (entry.record is None or page.local(entry.record) == "person"):
        family_name = surname(name)
        if family_name:
            return f"{family_name.casefold()} {name.casefold()}"
    return name.casefold()


def _pages(entry: _Entry) -> list[tuple[str, str | None, str, int]]:
    """Each page the entry is named on, once: the first mention's anchor, the page, its words
    and how many mentions the page holds."""
    first: dict[str | None, tuple[str, str]] = {}
    counts: dict[str | None, int] = {}
    for anchor, page_no, surface in entry.occurrences:
        first.setdefault(page_no, (anchor, surface))
        counts[page_no] = counts.get(page_no, 0) + 1
    return [
        (anchor, page_no, surface, counts[page_no]) for page_no, (anchor, surface) in first.items()
    ]


@dataclass(frozen=True, slots=True)
class _Listed:
    """An entry with what both indexes show of it (the page's and a site's), worked out once."""

    entry: _Entry
    name: str
    sort_key: str
    details: tuple[str, ...]
    links: tuple[tuple[str, str], ...]
    pages: list[tuple[str, str | None, str, int]]


def _listed(page: _Page) -> list[_Listed]:
    """The page's entries, in the order they were first named."""
    found = []
    for entry in page.entries.values():
        record = _Record() if entry.record is None else _read_record(page, entry.record)
        name = record.name or entry.occurrences[0][2]
        links = record.links
        if entry.url is not None:
            links = ((entry.url, "external record"), *links)
        found.append(
            _Listed(
                entry,
                name,
                _sort_key(page, entry, record, name),
                record.details,
                links,
                _pages(entry),
            )
        )
    return found


def indexed_names(listed: list[_Listed]) -> tuple[IndexedName, ...]:
    """The page's index entries, for a site's indexes across documents."""
    return tuple(
        IndexedName(
            group=item.entry.group,
            key=item.entry.key,
            name=item.name,
            sort_key=item.sort_key,
            anchor=item.entry.occurrences[0][0],
            pages=tuple(p for _a, p, _s, _n in item.pages if p),
            wikidata=next(
                (label.split()[-1] for _url, label in item.links if "Wikidata" in label), ""
            ),
            unresolved=item.entry.unresolved,
        )
        for item in listed
    )


def _index(page: _Page, listed: list[_Listed]) -> etree._Element | None:
    if not listed:
        return None
    section = etree.Element("section", {"class": "index", "id": "index"})
    section.set("aria-labelledby", "index-heading")
    _sub(section, "h2", "Index of names", {"id": "index-heading"})
    for group, group_title in _GROUP_TITLES.items():
        items = [item for item in listed if item.entry.group == group]
        if not items:
            continue
        _sub(section, "h3", group_title)
        listing = _sub(section, "ul", None, {"class": f"index-group index-{group}"})
        items.sort(key=lambda item: (item.sort_key, item.name, item.entry.anchor))
        for item in items:
            _index_item(page, listing, item)
    return section


def _index_item(page: _Page, listing: etree._Element, item: _Listed) -> None:
    """The entry's line, made in place as the last item of ``listing``; the words between its
    parts are each written once, as the tail of the part before."""
    entry = item.entry
    line = _sub(listing, "li", None, {"id": entry.anchor})
    last = _sub(line, "span", item.name, {"class": f"idx-name name-{entry.group}"})
    if item.details:
        last.tail = " "
        last = _sub(line, "span", f"({'; '.join(item.details)})", {"class": "idx-details"})
    if entry.unresolved and page.options.review:
        last.tail = " "
        last = _sub(line, "span", "unresolved", {"class": "badge unresolved"})
    for url, label in item.links:
        last.tail = " "
        last = _sub(
            line, "a", label, {"class": "authority", "href": url, "rel": "external noopener"}
        )
    last.tail = ": "
    for i, (occ_anchor, page_no, surface, count) in enumerate(item.pages):
        if i:
            last.tail = ", "
        label = f"p. {page_no}" if page_no else "text"
        where = f"on page {page_no}" if page_no else "in the text"
        times = f", {count} mentions" if count > 1 else ""
        last = _sub(line, "a", label, {"href": f"#{occ_anchor}", "class": "occ"})
        last.set("aria-label", f"{surface}, {where}{times}")
