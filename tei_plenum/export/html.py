"""TEI to a self-contained HTML5 reading edition.

The page is built as an lxml element tree and serialised by lxml, so every text node and
attribute value is escaped by the serialiser rather than by hand. Nothing from the TEI reaches
the page as markup: element names only choose a tag and a class, attribute values only feed
sanitised ``id``/``class``/``lang`` values, validated ``datetime`` values and links whose scheme
is ``http``, ``https`` or an in-page ``#``. The reading text keeps exactly the character data of
``tei:text``; the only characters the page adds inside it are the hideable page markers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import PurePath

from lxml import etree

from ..errors import DocumentError, Location
from ..tei.inline import append_text as _append_text
from ..tei.ns import TEI_NS
from ..tei.ns import XML_ID as _XML_ID
from ..tei.ns import XML_LANG as _XML_LANG

__all__ = ["TEI_NS", "to_html"]

# Deeper than this, a subtree is flattened to its text: the parser caps depth at 256, but a
# tree built in code has no cap and recursion must not fail on it.
_MAX_DEPTH = 200

# Block elements whose content is running text: they become <p> (or a block <span> inside
# running text, where HTML allows no <p>).
_TEXT_BLOCKS = frozenset(
    {
        "p", "ab", "fw", "titlePart", "docDate", "docImprint", "docEdition",
        "byline", "signed", "salute", "dateline", "speaker", "trailer", "address", "addrLine",
        "l", "stage", "head", "imprimatur", "argument",
    }
)  # fmt: skip
# Block elements that hold other blocks.
_CONTAINERS = {
    "front": "div",
    "body": "div",
    "back": "div",
    "group": "div",
    "titlePage": "div",
    "docTitle": "div",
    "opener": "div",
    "closer": "div",
    "postscript": "div",
    "sp": "div",
    "spGrp": "div",
    "lg": "div",
    "epigraph": "div",
    "floatingText": "div",
    "figure": "div",
    "listBibl": "div",
    "castList": "div",
    "table": "div",
    "row": "div",
    "cell": "div",
    "list": "ul",
    "item": "li",
}
_DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
_BLOCKS = _TEXT_BLOCKS | _CONTAINERS.keys() | _DIVS
_ROLES = {"table": "table", "row": "row", "cell": "cell"}

_NAME_GROUPS = {
    "persName": "person",
    "placeName": "place",
    "orgName": "org",
    "eventName": "event",
    "name": "other",
}
_GROUP_TITLES = {
    "person": "People",
    "place": "Places",
    "org": "Organisations",
    "event": "Events",
    "other": "Other names",
}
_RECORD_TAGS = frozenset({"person", "personGrp", "persona", "place", "org", "event", "object"})
_RECORD_NAME_TAGS = ("persName", "placeName", "orgName", "eventName", "label", "name", "title")
_DATE_TAGS = frozenset({"date", "docDate", "origDate", "time"})
_DATE_ATTRS = (
    ("when", ""),
    ("from", "from "),
    ("to", "to "),
    ("notBefore", "not before "),
    ("notAfter", "not after "),
)

_EDITORIAL_TITLES = {
    "supplied": "Supplied by the translator",
    "unclear": "Uncertain reading",
}

_AUTHORITIES = (
    ("wikidata", "Wikidata", re.compile(r"Q[1-9][0-9]*"), "https://www.wikidata.org/wiki/{}"),
    ("geonames", "GeoNames", re.compile(r"[1-9][0-9]*"), "https://www.geonames.org/{}"),
    ("viaf", "VIAF", re.compile(r"[1-9][0-9]*"), "https://viaf.org/viaf/{}"),
)

_MARKINGS = (
    ("classification", "Classification"),
    ("copyNumber", "Copy number"),
    ("printRun", "Print run"),
    ("handling", "Handling"),
    ("telegramNumber", "Telegram number"),
)
_IDNO_LABELS = {
    "registration": "registration no.",
    "copy": "copy no.",
    "telegram": "telegram no.",
    "shelfmark": "shelfmark",
    "sourceFile": "source file",
}

# A URL is emitted only if it is plainly http(s) with no whitespace or control characters
# anywhere: browsers drop tabs and newlines inside URLs, so "java\tscript:" must not pass.
_SAFE_URL = re.compile(r"https?://[!#-~]+", re.IGNORECASE)
_ISO_DATE = re.compile(r"-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_ISO_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2})?")
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")


def to_html(tree: etree._ElementTree, *, source_name: str | None = None) -> str:
    """Render a parsed TEI document as one self-contained HTML5 page.

    ``source_name`` only labels the page (its final path component is shown); the result
    depends on nothing but the tree and this name, so exports are reproducible.
    """
    root = tree.getroot()
    ns = _tei_namespace(root, source_name)
    page = _Page(ns=ns, records=_records(root))
    header = root.find(page.q("teiHeader"))

    html = etree.Element("html")
    lang = _lang(root.get(_XML_LANG))
    if lang:
        html.set("lang", lang)
    title = _document_title(page, header, root, source_name)
    html.append(page_head(title))
    body = etree.SubElement(html, "body")
    _sub(body, "a", "Skip to the text", {"class": "skip", "href": "#text"})
    banner = _sub(body, "header", None, {"class": "doc-header"})
    _sub(banner, "h1", title)
    subtitle = _first_text(header, page, "fileDesc/titleStmt/title[@type='sub']")
    if subtitle:
        _sub(banner, "p", subtitle, {"class": "subtitle"})
    body.append(_metadata_panel(page, header, root, title, source_name))

    # The switch is a sibling of <main> so that CSS alone (":checked ~ main") hides the
    # markers: it works with scripts off.
    _sub(body, "input", None, {"type": "checkbox", "id": "show-pages", "checked": ""})
    toolbar = _sub(body, "div", None, {"class": "toolbar"})
    _sub(toolbar, "label", "Show page numbers", {"for": "show-pages", "class": "pages-toggle"})
    main = _sub(body, "main", None, {"id": "text", "tabindex": "-1"})
    for text in _texts(page, root):
        main.append(_render(page, text, phrasing=False, depth=0, heading=1))
    index = _index(page)
    if index is not None:
        body.append(index)
    return etree.tostring(html, doctype="<!DOCTYPE html>", encoding="unicode", method="html")


@dataclass
class _Entry:
    """One index entry: a record (or an unlinked name) and its occurrences in the text."""

    group: str
    anchor: str
    record: etree._Element | None
    url: str | None
    unresolved: bool
    occurrences: list[tuple[str, str | None, str]] = field(default_factory=list)


@dataclass
class _Page:
    """State of one export: ids handed out, the current page and the name index."""

    ns: str | None
    records: dict[str, etree._Element]
    used_ids: set[str] = field(default_factory=lambda: {"text", "show-pages", "about", "index"})
    page: str | None = None
    occurrence_count: int = 0
    entries: dict[tuple[str, str], _Entry] = field(default_factory=dict)

    def q(self, path: str) -> str:
        """An ElementPath in the document's TEI namespace, written with bare local names."""
        if self.ns is None:
            return path
        return "/".join(
            step if step in {"", ".", ".."} or step.startswith("*") else f"{{{self.ns}}}{step}"
            for step in path.split("/")
        )

    def local(self, el: etree._Element) -> str | None:
        """The TEI local name of ``el``, or None for comments, PIs and foreign elements."""
        if not isinstance(el.tag, str):
            return None
        qname = etree.QName(el)
        return qname.localname if qname.namespace == self.ns else None

    def unique_id(self, base: str) -> str:
        candidate = _safe_id(base)
        stem, n = candidate, 1
        while candidate in self.used_ids:
            n += 1
            candidate = f"{stem}-{n}"
        self.used_ids.add(candidate)
        return candidate


def _tei_namespace(root: etree._Element, source_name: str | None) -> str | None:
    """The namespace of TEI elements: TEI P5's, or none for older un-namespaced TEI."""
    if isinstance(root.tag, str):
        qname = etree.QName(root)
        if qname.localname in {"TEI", "teiCorpus", "TEI.2"} and qname.namespace in {TEI_NS, None}:
            return qname.namespace
        found = f"{{{qname.namespace}}}{qname.localname}" if qname.namespace else qname.localname
    else:
        found = "a non-element node"
    raise DocumentError(
        f"not a TEI document: the root element is {found}, expected TEI or teiCorpus",
        Location(source_name, xpath="/*"),
    )


def _records(root: etree._Element) -> dict[str, etree._Element]:
    """Every element with an xml:id, first one winning, for resolving @ref pointers."""
    found: dict[str, etree._Element] = {}
    for el in root.iter("*"):
        xml_id = el.get(_XML_ID)
        if xml_id and xml_id not in found:
            found[xml_id] = el
    return found


def _texts(page: _Page, root: etree._Element) -> Iterator[etree._Element]:
    """The ``text`` elements to render: the document's own, or each member of a corpus."""
    yield from root.iterfind(page.q("text"))
    for member in root.iterfind(page.q("TEI")):
        yield from member.iterfind(page.q("text"))


# ---------------------------------------------------------------------------------- building


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, attrs: dict[str, str] | None = None
) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs or {})
    el.text = text
    return el


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _text_of(el: etree._Element | None) -> str:
    return "" if el is None else _normalised("".join(el.itertext()))


def _safe_id(value: str) -> str:
    cleaned = _NOT_ID.sub("-", value).strip("-")[:64]
    if not cleaned or not cleaned[0].isalpha():
        cleaned = f"x-{cleaned}"
    return cleaned


def _tokens(value: str | None, prefix: str, limit: int = 4) -> list[str]:
    """Class names from a TEI attribute: sanitised tokens with a fixed prefix."""
    if not value:
        return []
    out = []
    for token in value.split()[:limit]:
        cleaned = _NOT_ID.sub("-", token).strip("-")[:40]
        if cleaned:
            out.append(f"{prefix}{cleaned}")
    return out


def _lang(value: str | None) -> str | None:
    return value if value and _LANG.fullmatch(value) else None


def _safe_url(value: str | None) -> str | None:
    return value if value and _SAFE_URL.fullmatch(value) else None


# ---------------------------------------------------------------------------------- the text


def _render(
    page: _Page,
    el: etree._Element,
    *,
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool = False,
) -> etree._Element:
    """Turn one TEI element and its subtree into one HTML element.

    ``phrasing`` says the HTML parent accepts only phrasing content, so blocks become spans
    (styled as blocks); ``heading`` is the level a ``head`` here would take.
    """
    name = page.local(el) or "x"
    classes = [f"tei-{_NOT_ID.sub('-', name)}"]
    classes += _tokens(el.get("type"), "t-") + _tokens(el.get("subtype"), "st-")
    classes += _tokens(el.get("place"), "place-")
    if el.get("cert") in {"low", "medium"}:
        classes.append(f"cert-{el.get('cert')}")
    attrs: dict[str, str] = {}
    title = _editorial_title(name, el)
    if title is not None:
        classes.append("editorial")
        attrs["title"] = title

    tag = _tag_for(page, el, name, phrasing, heading)
    if name in _ROLES:
        attrs["role"] = _ROLES[name]
    elif name in {"list", "item"} and tag == "div":
        attrs["role"] = "list" if name == "list" else "listitem"

    link = None
    group = _NAME_GROUPS.get(name)
    if group == "other" and not el.get("ref"):
        group = None
    if group is not None:
        classes.append(f"name name-{group}")
        entry = _entry_for(page, el, group)
        anchor = page.unique_id(el.get(_XML_ID) or f"occ-{page.occurrence_count + 1}")
        page.occurrence_count += 1
        entry.occurrences.append((anchor, page.page, _text_of(el)))
        attrs["id"] = anchor
        if entry.unresolved:
            classes.append("unresolved")
        if not in_link:
            tag, link = "a", f"#{entry.anchor}"
    elif name == "ref" and not in_link:
        link = _link_target(page, el.get("target"))
        if link is not None:
            tag = "a"
    elif el.get(_XML_ID):
        attrs["id"] = page.unique_id(el.get(_XML_ID, ""))
    if link is not None:
        attrs["href"] = link
    lang = _lang(el.get(_XML_LANG))
    if lang:
        attrs["lang"] = lang

    out = etree.Element(tag, {"class": " ".join(classes), **attrs})
    target = out
    if name in _DATE_TAGS:
        target = _time_wrapper(el, out)
    if depth >= _MAX_DEPTH:
        target.text = "".join(el.itertext())
        return out

    _render_content(
        page,
        el,
        target,
        phrasing=phrasing or tag not in {"div", "section", "ul", "li"},
        depth=depth + 1,
        heading=heading + 1 if name in _DIVS else heading,
        in_link=in_link or tag == "a",
    )
    return out


def _render_content(
    page: _Page,
    el: etree._Element,
    target: etree._Element,
    *,
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool,
) -> None:
    """Append the text and rendered children of ``el`` to ``target``."""
    _append_text(target, el.text or "")
    for child in el:
        local = page.local(child)
        if local == "pb":
            target.append(_page_marker(page, child))
            # A page break has no content in valid TEI; if one has, its words stay.
            _render_content(
                page, child, target, phrasing=True, depth=depth, heading=heading, in_link=in_link
            )
        elif local is not None:
            # Blocks stay separate words in the page's text even where the TEI runs them
            # into their neighbours: the fidelity rule puts whitespace between blocks.
            block = local in _BLOCKS
            if block and not _ends_with_space(target):
                _append_text(target, "\n")
            target.append(
                _render(
                    page,
                    child,
                    phrasing=phrasing,
                    depth=depth,
                    heading=heading,
                    in_link=in_link,
                )
            )
            if block and not (child.tail or "")[:1].isspace():
                _append_text(target, "\n")
        elif isinstance(child.tag, str):
            # Foreign markup is never emitted; its words stay, as plain text.
            _append_text(target, "".join(child.itertext()))
        _append_text(target, child.tail or "")


def _ends_with_space(el: etree._Element) -> bool:
    """Whether the text written so far into ``el`` ends in whitespace.

    An empty start counts as not spaced: the words before ``el`` may touch it.
    """
    last = el[-1].tail if len(el) else el.text
    return bool(last) and last[-1].isspace()


def _tag_for(page: _Page, el: etree._Element, name: str, phrasing: bool, heading: int) -> str:
    if phrasing:
        return "span"
    if name in _DIVS:
        return "section"
    if name == "head" and page.local(el.getparent()) in _DIVS:
        return f"h{min(heading, 6)}"
    if name in _TEXT_BLOCKS:
        return "p"
    if name == "list":
        return "ul" if _plain_list(page, el) else "div"
    if name == "item":
        parent = el.getparent()
        return "li" if parent is not None and _plain_list(page, parent) else "div"
    if name in _CONTAINERS:
        return _CONTAINERS[name]
    return "div" if _holds_blocks(page, el) else "span"


def _plain_list(page: _Page, el: etree._Element) -> bool:
    """A list HTML can hold as <ul>: items only, no stray text between them."""
    if el.text and el.text.strip():
        return False
    return all(
        page.local(child) == "item" and not (child.tail and child.tail.strip()) for child in el
    )


def _holds_blocks(page: _Page, el: etree._Element) -> bool:
    return any(page.local(child) in _BLOCKS for child in el)


def _editorial_title(name: str, el: etree._Element) -> str | None:
    """A tooltip for the translator's and editors' interventions, None for source text."""
    if name in _EDITORIAL_TITLES:
        return _EDITORIAL_TITLES[name]
    if name == "gap":
        facts = [f"reason: {el.get('reason')}" if el.get("reason") else ""]
        extent = _normalised(f"{el.get('quantity', '')} {el.get('unit', '')}")
        facts.append(f"extent: {extent}" if extent else "")
        details = "; ".join(f for f in facts if f)
        return f"Not transcribed ({details})" if details else "Not transcribed"
    if name == "seg" and el.get("type") == "description":
        return "Description of a feature of the original"
    if name == "note" and el.get("place") == "inline":
        return "Note in the translation"
    return None


def _page_marker(page: _Page, el: etree._Element) -> etree._Element:
    number = _normalised(el.get("n", ""))
    page.page = number or None
    label = f"[p. {number}]" if number else "[page break]"
    attrs = {"class": "pb", "role": "doc-pagebreak", "aria-label": f"page {number}".strip()}
    marker = etree.Element("span", attrs)
    marker.set("id", page.unique_id(f"page-{number}" if number else "page"))
    marker.text = label
    return marker


def _time_wrapper(el: etree._Element, out: etree._Element) -> etree._Element:
    """Put a date's words in <time>, with the first valid ISO value as ``datetime``."""
    values = [(attr, label, el.get(attr, "").strip()) for attr, label in _DATE_ATTRS]
    valid = [
        (label, v) for _, label, v in values if _ISO_DATE.fullmatch(v) or _ISO_TIME.fullmatch(v)
    ]
    if not valid:
        return out
    time = out if out.tag == "span" else etree.SubElement(out, "time")
    time.tag = "time"
    time.set("datetime", valid[0][1])
    time.set("title", "; ".join(f"{label}{value}" for label, value in valid))
    return time


def _link_target(page: _Page, target: str | None) -> str | None:
    if not target:
        return None
    first = target.split()[0]
    if first.startswith("#") and first[1:] in page.records:
        return f"#{_safe_id(first[1:])}"
    return _safe_url(first)


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


# ------------------------------------------------------------------------------ the metadata


def _first(header: etree._Element | None, page: _Page, path: str) -> etree._Element | None:
    return None if header is None else header.find(page.q(path))


def _first_text(header: etree._Element | None, page: _Page, path: str) -> str:
    return _text_of(_first(header, page, path))


def _document_title(
    page: _Page, header: etree._Element | None, root: etree._Element, source_name: str | None
) -> str:
    for path in ("fileDesc/titleStmt/title[@type='main']", "fileDesc/titleStmt/title"):
        found = _first_text(header, page, path)
        if found:
            return found
    doc_title = _text_of(root.find(".//" + page.q("docTitle")))
    if doc_title:
        return doc_title
    return PurePath(source_name).name if source_name else "Untitled document"


def page_head(title: str, extra_css: str = "") -> etree._Element:
    """The ``head`` of every page the project writes: charset, viewport, a policy that forbids
    loading anything, the title and the inline stylesheet (plus ``extra_css``)."""
    head = etree.Element("head")
    _sub(head, "meta", None, {"charset": "utf-8"})
    _sub(head, "meta", None, {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    # No fetches at all, even if a later edit slipped a URL in: the page is one file.
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"
    _sub(head, "meta", None, {"http-equiv": "Content-Security-Policy", "content": policy})
    _sub(head, "title", title)
    css = resources.files(__package__).joinpath("html.css").read_text(encoding="utf-8")
    _sub(head, "style", f"{css}\n{extra_css}" if extra_css else css)
    return head


def _metadata_panel(
    page: _Page,
    header: etree._Element | None,
    root: etree._Element,
    title: str,
    source_name: str | None,
) -> etree._Element:
    panel = etree.Element("details", {"class": "about", "open": ""})
    _sub(_sub(panel, "summary"), "h2", "About this document", {"id": "about"})
    rows = etree.SubElement(panel, "dl")
    date = _document_date(page, header, root)
    if date is not None:
        dd = _row(rows, "Date", None)
        holder = _sub(dd, "span")
        _time_wrapper(date, holder)
        holder.text = _text_of(date)
    plain_rows = [
        ("Issued by", _first_text(header, page, "fileDesc/titleStmt/author")),
        ("Archive", _archive(page, header)),
        ("Identifiers", "; ".join(_identifiers(page, header))),
        *((label, _marking(page, header, root, kind)) for kind, label in _MARKINGS),
        ("Source language", _source_language(page, header, root)),
        (
            "Document type",
            _first_text(header, page, "profileDesc/textClass//term[@type='docType']"),
        ),
    ]
    for label, value in plain_rows:
        if value:
            _row(rows, label, value)
    _list_row(rows, "Translators", _responsibilities(page, header, translators=True))
    _list_row(rows, "Responsibility", _responsibilities(page, header, translators=False))
    _list_row(rows, "Participants", _participants(page, header))
    _row(rows, "How to cite", _citation(page, header, title, date, source_name))
    return panel


def _row(rows: etree._Element, label: str, value: str | None) -> etree._Element:
    _sub(rows, "dt", label)
    return _sub(rows, "dd", value)


def _list_row(rows: etree._Element, label: str, values: list[str]) -> None:
    if not values:
        return
    listing = _sub(_row(rows, label, None), "ul")
    for value in values:
        _sub(listing, "li", value)


def _document_date(
    page: _Page, header: etree._Element | None, root: etree._Element
) -> etree._Element | None:
    found = _first(header, page, "profileDesc/creation/date")
    if found is None:
        found = root.find(".//" + page.q("docDate"))
    if found is None:
        found = _first(header, page, "fileDesc/sourceDesc//origDate")
    return found if found is not None and _text_of(found) else None


def _archive(page: _Page, header: etree._Element | None) -> str:
    parts = [
        _first_text(header, page, f"fileDesc/sourceDesc/msDesc/msIdentifier/{part}")
        for part in ("repository", "institution", "collection", "settlement", "country")
    ]
    parts.append(_first_text(header, page, "fileDesc/sourceDesc/bibl/publisher"))
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _identifiers(page: _Page, header: etree._Element | None) -> Iterator[str]:
    if header is None:
        return
    found = []
    for path in ("fileDesc/sourceDesc/msDesc/msIdentifier//idno", "fileDesc/sourceDesc/bibl/idno"):
        for idno in header.iterfind(page.q(path)):
            value = _text_of(idno)
            kind = idno.get("type", "")
            if value:
                found.append(f"{_IDNO_LABELS.get(kind, kind)} {value}".strip())
    yield from dict.fromkeys(found)


def _marking(page: _Page, header: etree._Element | None, root: etree._Element, kind: str) -> str:
    """A marking as the document prints it (its fw), else as the header describes it."""
    fw = root.find(f".//{page.q('text')}//{page.q('fw')}[@type='{kind}']")
    if fw is not None and _text_of(fw):
        return _text_of(fw)
    item = _first(header, page, f"fileDesc/sourceDesc//additions//item[@n='{kind}']")
    return _text_of(item)


def _source_language(page: _Page, header: etree._Element | None, root: etree._Element) -> str:
    lang = _first(header, page, "fileDesc/sourceDesc/msDesc/msContents/textLang")
    if lang is not None:
        main = _lang(lang.get("mainLang"))
        text = _text_of(lang)
        return f"{main} ({text})" if main and text else main or text
    return _marking(page, header, root, "translationNote")


def _responsibilities(
    page: _Page, header: etree._Element | None, *, translators: bool
) -> list[str]:
    found = []
    if header is None:
        return found
    for stmt in header.iterfind(page.q("fileDesc/titleStmt/respStmt")):
        resp = _text_of(stmt.find(page.q("resp")))
        names = [_text_of(c) for c in stmt if page.local(c) not in {None, "resp"}]
        if ("transl" in resp.casefold()) != translators:
            continue
        who = ", ".join(n for n in names if n)
        if who:
            found.append(f"{who} ({resp})" if resp else who)
    return found


def _participants(page: _Page, header: etree._Element | None) -> list[str]:
    found = []
    if header is None:
        return found
    for person in header.iterfind(f"{page.q('profileDesc/particDesc')}//{page.q('person')}"):
        name = _text_of(person.find(page.q("persName")))
        extra = [_text_of(person.find(page.q("occupation"))), person.get("role", "")]
        extra = [_normalised(e) for e in extra if e and e.strip()]
        if name:
            found.append(f"{name} ({'; '.join(extra)})" if extra else name)
    return found


def _citation(
    page: _Page,
    header: etree._Element | None,
    title: str,
    date: etree._Element | None,
    source_name: str | None,
) -> str:
    """A plain citation from what the header states; nothing is invented or dated today."""
    parts: list[str] = [
        _first_text(header, page, "fileDesc/titleStmt/author"),
        f"“{title}”",
        _text_of(date),
        _archive(page, header),
        _first_text(header, page, "fileDesc/sourceDesc/bibl/edition"),
        "; ".join(_identifiers(page, header)),
    ]
    if source_name:
        parts.append(f"TEI file {PurePath(source_name).name}")
    return ". ".join(_strip_stop(p) for p in parts if p) + "."


def _strip_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text
