"""The index of names at the end of the page, grouped by type, with authority links.

Each entry links once to every page it is named on (to its first mention there). People are
sorted by surname: a record's ``@sortKey`` (on the record or its name) when the TEI gives one,
else the ``surname`` of a structured name, else the surname the project's one rule reads in
the name as written (:func:`tei_plenum.lexicon.surname`: "Kim Il Sung" under K, family name
first as written; "Joseph Stalin" under S). Places, organisations and events go by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ...lexicon import surname
from ...tei.inline import append_text as _append_text
from .page import (
    _AUTHORITIES,
    _GROUP_TITLES,
    _RECORD_NAME_TAGS,
    _RECORD_TAGS,
    _Entry,
    _Page,
    _record_label,
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


# --------------------------------------------------------------------------------- the index


def _entry_for(page: _Page, el: etree._Element, group: str) -> _Entry:
    ref = (el.get("ref") or "").split()
    record, url, unresolved = None, None, True
    if not ref:
        key = f"text:{_text_of(el).casefold()}"
        base = f"idx-{group}-{_text_of(el)}"
    elif ref[0].startswith("#"):
        key = ref[0]
        base = f"idx-{ref[0][1:]}"
        record = page.records.get(ref[0][1:])
        if record is not None and page.local(record) not in _RECORD_TAGS:
            record = None
        unresolved = record is None or _marked_unresolved(page, record)
    else:
        key = ref[0]
        base = f"idx-{group}-{_text_of(el)}"
        url = _safe_url(ref[0])
        unresolved = url is None
    entry = page.entries.get((group, key))
    if entry is None:
        entry = _Entry(group, page.unique_id(base), record, url, unresolved, key=key)
        page.entries[(group, key)] = entry
    return entry


def _marked_unresolved(page: _Page, record: etree._Element) -> bool:
    return any(
        _text_of(note).casefold() == "unresolved"
        for note in record.iterfind(page.q("note[@type='resolution']"))
    )


def _authority_links(page: _Page, entry: _Entry) -> Iterator[tuple[str, str]]:
    if entry.url is not None:
        yield entry.url, "external record"
    if entry.record is None:
        return
    for idno in entry.record.iterfind(page.q("idno")):
        value = _text_of(idno)
        for kind, label, pattern, template in _AUTHORITIES:
            if idno.get("type") == kind and pattern.fullmatch(value):
                yield template.format(value), f"{label} {value}"


def _record_name(page: _Page, entry: _Entry) -> str:
    if entry.record is not None:
        name = _record_label(page, entry.record)
        if name:
            return name
    return entry.occurrences[0][2]


def _sort_key(page: _Page, entry: _Entry, name: str) -> str:
    """What the entry sorts by (see the module's docstring)."""
    record = entry.record
    if record is not None:
        names = [c for c in record if page.local(c) in _RECORD_NAME_TAGS and not c.get("type")]
        given = record.get("sortKey") or next(
            (n.get("sortKey") for n in names if n.get("sortKey")), None
        )
        if given:
            return f"{given.casefold()} {name.casefold()}"
        family = next((n.find(page.q("surname")) for n in names), None)
        if family is not None and _text_of(family):
            return f"{_text_of(family).casefold()} {name.casefold()}"
    if entry.group == "person" and (record is None or page.local(record) == "person"):
        family_name = surname(name)
        if family_name:
            return f"{family_name.casefold()} {name.casefold()}"
    return name.casefold()


def _pages(entry: _Entry) -> list[tuple[str, str | None, str, int]]:
    """Each page the entry is named on, once: the first mention's anchor, the page, its words
    and how many mentions the page holds."""
    counts = Counter(page_no for _anchor, page_no, _surface in entry.occurrences)
    first: dict[str | None, tuple[str, str | None, str, int]] = {}
    for anchor, page_no, surface in entry.occurrences:
        first.setdefault(page_no, (anchor, page_no, surface, counts[page_no]))
    return list(first.values())


def indexed_names(page: _Page) -> tuple[IndexedName, ...]:
    """The page's index entries, for a site's indexes across documents."""
    found = []
    for entry in page.entries.values():
        name = _record_name(page, entry)
        wikidata = next(
            (
                label.split()[-1]
                for url, label in _authority_links(page, entry)
                if "Wikidata" in label
            ),
            "",
        )
        found.append(
            IndexedName(
                group=entry.group,
                key=entry.key,
                name=name,
                sort_key=_sort_key(page, entry, name),
                anchor=entry.occurrences[0][0],
                pages=tuple(p for _a, p, _s, _n in _pages(entry) if p),
                wikidata=wikidata,
            )
        )
    return tuple(found)


def _record_details(page: _Page, record: etree._Element | None) -> list[str]:
    """Full or standard name forms and occupations, to tell the reader who or what it is."""
    if record is None:
        return []
    details = []
    for child in record:
        local = page.local(child)
        if local in _RECORD_NAME_TAGS and child.get("type"):
            details.append(f"{child.get('type')} form: {_text_of(child)}")
        elif local in {"occupation", "desc"}:
            details.append(_text_of(child))
    return [d for d in details if d]


def _index(page: _Page) -> etree._Element | None:
    if not page.entries:
        return None
    section = etree.Element("section", {"class": "index", "id": "index"})
    section.set("aria-labelledby", "index-heading")
    _sub(section, "h2", "Index of names", {"id": "index-heading"})
    for group, group_title in _GROUP_TITLES.items():
        entries = [e for e in page.entries.values() if e.group == group]
        if not entries:
            continue
        _sub(section, "h3", group_title)
        listing = _sub(section, "ul", None, {"class": f"index-group index-{group}"})
        named = [(_record_name(page, e), e) for e in entries]
        named.sort(key=lambda pair: (_sort_key(page, pair[1], pair[0]), pair[0], pair[1].anchor))
        for name, entry in named:
            listing.append(_index_item(page, name, entry))
    return section


def _index_item(page: _Page, name: str, entry: _Entry) -> etree._Element:
    item = etree.Element("li", {"id": entry.anchor})
    _sub(item, "span", name, {"class": f"idx-name name-{entry.group}"})
    details = _record_details(page, entry.record)
    if details:
        _append_text(item, " ")
        _sub(item, "span", f"({'; '.join(details)})", {"class": "idx-details"})
    if entry.unresolved and page.options.review:
        _append_text(item, " ")
        _sub(item, "span", "unresolved", {"class": "badge unresolved"})
    for url, label in _authority_links(page, entry):
        _append_text(item, " ")
        _sub(item, "a", label, {"class": "authority", "href": url, "rel": "external noopener"})
    _append_text(item, ": ")
    for i, (occ_anchor, page_no, surface, count) in enumerate(_pages(entry)):
        if i:
            _append_text(item, ", ")
        label = f"p. {page_no}" if page_no else "text"
        where = f"on page {page_no}" if page_no else "in the text"
        times = f", {count} mentions" if count > 1 else ""
        link = _sub(item, "a", label, {"href": f"#{occ_anchor}", "class": "occ"})
        link.set("aria-label", f"{surface}, {where}{times}")
    return item
