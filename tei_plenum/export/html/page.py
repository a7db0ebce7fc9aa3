"""Shared pieces of the reading edition: TEI vocabularies, the state of one page, and
builders that only ever emit escaped text and sanitised attributes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from ... import pattern_cache
from ...errors import DocumentError, Location
from ...vocabulary import ENTITY_KINDS, KIND_OF_RECORD, TEI_NS
from ...vocabulary import XML_ID as _XML_ID
from ..anchors import PAGE_IDS, block_anchors, unique_id
from ..html_options import HtmlOptions

# Deeper than this, a subtree is flattened to its text: the parser caps depth at 256, but a
# tree built in code has no cap and recursion must not fail on it.
_MAX_DEPTH = 200

_ROLES = {"table": "table", "row": "row", "cell": "cell"}

# Name element -> index group: the entity kinds, and "other" for a bare name.
_NAME_GROUPS = {**{kind.name: str(kind.type) for kind in ENTITY_KINDS}, "name": "other"}
_GROUP_TITLES = {
    "person": "People",
    "place": "Places",
    "org": "Organisations",
    "event": "Events",
    "other": "Other names",
}
_RECORD_TAGS = frozenset({*KIND_OF_RECORD, "personGrp", "persona", "object"})
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
    "del": "Deleted in the original",
    "add": "Added in the original",
}
# The reading a ``choice`` shows, best first, and how the tooltip names the other one.
_CHOICE_SHOWN = ("corr", "reg", "expan")
_CHOICE_OTHER = {"sic": "as written", "orig": "original spelling", "abbr": "abbreviated"}

_AUTHORITIES = (
    (
        "wikidata",
        "Wikidata",
        pattern_cache.compile(r"Q[1-9][0-9]*"),
        "https://www.wikidata.org/wiki/{}",
    ),
    ("geonames", "GeoNames", pattern_cache.compile(r"[1-9][0-9]*"), "https://www.geonames.org/{}"),
    ("viaf", "VIAF", pattern_cache.compile(r"[1-9][0-9]*"), "https://viaf.org/viaf/{}"),
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
# Nor a backslash, which browsers read as "/": "https://evil.example\@ok.example/" looks like
# a link to ok.example and goes to evil.example.
_SAFE_URL = pattern_cache.compile(r"https?://[!#-\[\]-~]+", re.IGNORECASE)
# Bidirectional embeddings, overrides and isolates: in a page title, which no markup can
# isolate, an override would reverse the text after it.
_BIDI_CONTROLS = pattern_cache.compile("[\u202a-\u202e\u2066-\u2069]")
_ISO_DATE = pattern_cache.compile(r"-?[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_ISO_TIME = pattern_cache.compile(r"[0-9]{2}:[0-9]{2}(?::[0-9]{2})?")
_LANG = pattern_cache.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_NOT_ID = pattern_cache.compile(r"[^A-Za-z0-9_-]+")


@dataclass
class _Entry:
    """One index entry: a record (or an unlinked name) and its occurrences in the text."""

    group: str
    anchor: str
    record: etree._Element | None
    url: str | None
    unresolved: bool
    occurrences: list[tuple[str, str | None, str]] = field(default_factory=list)
    key: str = ""
    """What identifies the entry across documents: the record's id, a URL or the words."""


@dataclass
class _Page:
    """State of one export: ids handed out, the current page and the name index."""

    ns: str | None
    records: dict[str, etree._Element]
    options: HtmlOptions = field(default_factory=HtmlOptions)
    used_ids: set[str] = field(default_factory=lambda: set(PAGE_IDS))
    # The id of each block of the text (export.anchors), handed out before anything else.
    anchors: dict[etree._Element, str] = field(default_factory=dict)
    page: str | None = None
    occurrence_count: int = 0
    entries: dict[tuple[str, str], _Entry] = field(default_factory=dict)
    # The last suffix handed out per id stem: a thousand breaks numbered "1" cost a thousand
    # probes in all, not one more probe each time.
    suffixes: dict[str, int] = field(default_factory=dict)
    # Whether a TEI list can be an HTML <ul>, decided once per list rather than per item.
    plain_lists: dict[etree._Element, bool] = field(default_factory=dict)
    # Page breaks seen so far (the facsimile's n-th image), notes moved to the end (each with
    # its rendered body and the id of its reference), and the origins of images shown.
    breaks: int = 0
    notes: list[tuple[etree._Element, str, str]] = field(default_factory=list)
    image_origins: set[str] = field(default_factory=set)
    # Clark-notation tag -> TEI local name (None outside the TEI namespace, and for the tag
    # lxml gives comments and PIs), filled as met.
    local_names: dict[str, str | None] = field(default_factory=dict)

    def q(self, path: str) -> str:
        """An ElementPath in the document's TEI namespace, written with bare local names."""
        return _qualified(self.ns, path)

    def local(self, el: etree._Element) -> str | None:
        """The TEI local name of ``el``, or None for comments, PIs and foreign elements."""
        # A page asks this several times of every element it renders, of a few dozen tags.
        tag = el.tag
        try:
            return self.local_names[tag]
        except KeyError:
            pass
        local = None
        if isinstance(tag, str):
            qname = etree.QName(tag)
            local = qname.localname if qname.namespace == self.ns else None
        self.local_names[tag] = local
        return local

    def unique_id(self, base: str) -> str:
        """``base`` made a safe id, or the first free ``base-2``, ``base-3``... after it."""
        return unique_id(base, self.used_ids, self.suffixes)

    def anchor_blocks(self, texts: list[etree._Element]) -> None:
        """Give every block of ``texts`` its anchor, so no later id can take one."""
        self.anchors = block_anchors(texts)
        self.used_ids.update(self.anchors.values())


@cache
def _qualified(ns: str | None, path: str) -> str:
    """``path`` in the namespace ``ns``, worked out once: pages ask for the same few paths."""
    if ns is None:
        return path
    return "/".join(
        step if step in {"", ".", ".."} or step.startswith("*") else f"{{{ns}}}{step}"
        for step in path.split("/")
    )


def _tei_namespace(root: etree._Element, source_name: str | None) -> str | None:
    """The namespace of TEI elements: TEI P5's, or none for older un-namespaced TEI."""
    if isinstance(root.tag, str):
        qname = etree.QName(root)
        if qname.localname in {"TEI", "teiCorpus", "TEI.2"} and qname.namespace in {TEI_NS, None}:
            namespace: str | None = qname.namespace
            return namespace
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


def _record_label(page: _Page, record: etree._Element) -> str:
    """A record's name: its first name element without a ``type`` (the preferred form)."""
    for child in record:
        if page.local(child) in _RECORD_NAME_TAGS and not child.get("type"):
            return _text_of(child)
    return ""


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
    if el is None:
        return ""
    # Most elements asked are leaves: their text is all there is, with no subtree to walk.
    return _normalised(el.text or "" if len(el) == 0 else "".join(el.itertext()))


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


def _without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def _safe_url(value: str | None) -> str | None:
    return value if value and _SAFE_URL.fullmatch(value) else None
