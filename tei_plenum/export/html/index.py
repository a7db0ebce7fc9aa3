"""The index of names at the end of the page, grouped by type, with authority links."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ...tei.inline import append_text as _append_text
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
        entry = _Entry(group, page.unique_id(base), record, url, unresolved)
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
        for child in entry.record:
            if page.local(child) in _RECORD_NAME_TAGS and not child.get("type"):
                return _text_of(child)
    return entry.occurrences[0][2]


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
        named.sort(key=lambda pair: (pair[0].casefold(), pair[0], pair[1].anchor))
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
    if entry.unresolved:
        _append_text(item, " ")
        _sub(item, "span", "unresolved", {"class": "badge unresolved"})
    for url, label in _authority_links(page, entry):
        _append_text(item, " ")
        _sub(item, "a", label, {"class": "authority", "href": url, "rel": "external noopener"})
    _append_text(item, ": ")
    for i, (occ_anchor, page_no, surface) in enumerate(entry.occurrences):
        if i:
            _append_text(item, ", ")
        label = f"p. {page_no}" if page_no else "text"
        where = f"on page {page_no}" if page_no else "in the text"
        link = _sub(item, "a", label, {"href": f"#{occ_anchor}", "class": "occ"})
        link.set("aria-label", f"{surface}, {where}")
    return item
