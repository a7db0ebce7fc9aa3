"""What the corpus database keeps of one TEI document, read from any TEI: rows, no database.

:func:`document_rows` is a pure function of a parsed TEI document (ours or another tool's).
The catalogue facts come from :func:`~tei_plenum.docmeta.read_tei_header`, which uses what
the header states and never requires this project's layout; the paragraphs, pages, names and
dates from the reading text (:func:`~tei_plenum.export.text.read_blocks`), so a paragraph's
words and offsets are exactly those of ``export --to text``; the paragraph anchors from
:func:`~tei_plenum.export.anchors.block_anchors`, exactly the ids of the HTML edition. The
result is small, frozen and picklable: a batch worker builds it and the parent writes it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from .. import pattern_cache
from ..authority import Authority, Record
from ..docmeta import DocumentMeta, read_tei_header
from ..errors import DocumentError, Location
from ..export.anchors import block_anchors
from ..export.text import TextBlock, find_text, read_blocks
from .schema import PARAGRAPH_BITS

# Blocks are apart by a blank line in the text view, and so in a document's stored text.
PARAGRAPH_SEPARATOR = "\n\n"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Name elements and the kind of entity each names (``name`` takes its record's kind).
NAME_TAGS: Mapping[str, str] = {
    "persName": "person",
    "placeName": "place",
    "orgName": "org",
    "eventName": "event",
    "name": "name",
}
RECORD_TAGS: Mapping[str, str] = {
    "person": "person",
    "personGrp": "group",
    "place": "place",
    "org": "org",
    "event": "event",
}
_RECORD_NAMES = frozenset({"persName", "placeName", "orgName", "eventName", "name", "label"})
DATE_TAGS = frozenset({"date", "docDate", "origDate"})
_SPANS = frozenset(NAME_TAGS) | DATE_TAGS
_WIKIDATA_URI = pattern_cache.compile(r"wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$")
_ISO = pattern_cache.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class DocumentRow(NamedTuple):
    """The ``documents`` columns that the TEI gives (the writer adds path, hash and HTML)."""

    tei_id: str | None
    title: str
    date_text: str | None
    date_from: str | None
    date_to: str | None
    year: int | None
    genre: str | None
    issuer: str | None
    issuer_key: str | None
    classification: str | None
    classification_text: str | None
    copy_number: str | None
    archive_country: str | None
    archive_settlement: str | None
    archive_institution: str | None
    archive_repository: str | None
    archive_collection: str | None
    archive_idno: str | None
    url: str | None
    language: str | None
    language_note: str | None
    text_language: str | None
    pages: int | None
    words: int
    summary: str | None


class IdentifierRow(NamedTuple):
    scope: str
    type: str | None
    value: str


class EntityRow(NamedTuple):
    """A record the document refers to. ``shared`` records (the authority's, or named by a URI)
    are stored once for the whole corpus; the others belong to their document."""

    key: str | None
    type: str
    name: str
    full_name: str | None
    wikidata: str | None
    geonames: str | None
    viaf: str | None
    occupation: str | None
    unresolved: int
    shared: bool


class ParagraphRow(NamedTuple):
    seq: int
    anchor: str | None
    element: str | None
    page: str | None
    char_start: int
    char_end: int


class MentionRow(NamedTuple):
    entity: int
    """Index of the mention's entity in :attr:`DocumentRows.entities`."""
    paragraph: int
    surface: str
    page: str | None
    char_start: int
    char_end: int
    certainty: str | None


class DateRow(NamedTuple):
    paragraph: int
    date_from: str | None
    date_to: str | None
    certainty: str | None
    surface: str
    page: str | None
    char_start: int
    char_end: int


class TurnRow(NamedTuple):
    seq: int
    speaker_key: str | None
    entity: int | None
    label: str | None
    words: int
    page: str | None
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """Everything the database keeps of one document, ready to insert."""

    document: DocumentRow
    identifiers: tuple[IdentifierRow, ...]
    entities: tuple[EntityRow, ...]
    text: str
    """The plain text: the paragraphs in order, apart by a blank line, as in the text view."""
    paragraphs: tuple[ParagraphRow, ...]
    mentions: tuple[MentionRow, ...]
    dates: tuple[DateRow, ...]
    turns: tuple[TurnRow, ...]


def expand_date(value: str, *, end: bool = False) -> str | None:
    """An ISO 8601 date (``1958``, ``1958-02``, ``1958-02-03``, a time may follow) as a full
    day: the first day it may mean, or with ``end`` the last. None when it is not one."""
    found = _ISO.match(value.strip())
    if found is None:
        return None
    year, month, day = found.groups()
    if not month:
        return f"{year}-12-31" if end else f"{year}-01-01"
    if not 1 <= int(month) <= 12:
        return None
    last = calendar.monthrange(int(year), int(month))[1]
    if not day:
        return f"{year}-{month}-{last:02d}" if end else f"{year}-{month}-01"
    return f"{year}-{month}-{day}" if 1 <= int(day) <= last else None


def date_range(attrs: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The first and last day a TEI date's attributes allow (``when``, ``from``/``to``,
    ``notBefore``/``notAfter``)."""
    first = attrs.get("when") or attrs.get("from") or attrs.get("notBefore") or ""
    last = attrs.get("when") or attrs.get("to") or attrs.get("notAfter") or ""
    return expand_date(first), expand_date(last, end=True)


def document_rows(
    tree: etree._ElementTree,
    *,
    name: str,
    authority: Authority | None = None,
    source: str | None = None,
) -> DocumentRows:
    """The rows of one parsed TEI document; ``name`` (the file's stem) is the title of a
    document that states none. ``authority`` decides which records are shared by the corpus;
    ``source`` (the file's path) is where errors say they are."""
    root = tree.getroot()
    meta = read_tei_header(root)
    text = find_text(tree, source or name)
    blocks = read_blocks(text, spans=_SPANS)
    if len(blocks) >= 1 << PARAGRAPH_BITS:
        limit = (1 << PARAGRAPH_BITS) - 1
        raise DocumentError(f"more than {limit} blocks", Location(source or name))
    entities = _Entities(_records(root), authority)
    paragraphs = _paragraphs(blocks, block_anchors([text]))
    mentions, dates = _mentions_and_dates(blocks, paragraphs, entities)
    turns = _turns(text, blocks, paragraphs, entities)
    pages = meta.source.pages or sum(1 for _ in text.iter("{*}pb")) or None
    words = sum(len(block.text.split()) for block in blocks)
    return DocumentRows(
        document=_document(root, meta, name, pages, words),
        identifiers=_identifiers(meta),
        entities=tuple(entities.rows),
        text=PARAGRAPH_SEPARATOR.join(block.text for block in blocks),
        paragraphs=tuple(paragraphs),
        mentions=tuple(mentions),
        dates=tuple(dates),
        turns=tuple(turns),
    )


def _document(
    root: etree._Element, meta: DocumentMeta, name: str, pages: int | None, words: int
) -> DocumentRow:
    date_from, date_to = date_range(dict(meta.date.attrs))
    year = date_from or date_to
    classification = meta.marking("classification")
    archive = meta.archive
    issuer = meta.issuer
    return DocumentRow(
        tei_id=root.get(_XML_ID) or None,
        title=meta.title.main or name,
        date_text=meta.date.text or None,
        date_from=date_from,
        date_to=date_to,
        year=int(year[:4]) if year else None,
        genre=meta.genre or None,
        issuer=(issuer.text or None) if issuer is not None else None,
        issuer_key=(issuer.ref.lstrip("#") or None) if issuer is not None else None,
        classification=_classification_level(root),
        classification_text=(classification.text or None) if classification else None,
        copy_number=_copy_number(meta),
        archive_country=archive.country or None,
        archive_settlement=archive.settlement or None,
        archive_institution=archive.institution or None,
        archive_repository=archive.repository or None,
        archive_collection=archive.collection or None,
        archive_idno=", ".join(i.value for i in archive.idnos if i.value) or None,
        url=meta.source.url or None,
        language=meta.languages.original or None,
        language_note=meta.languages.note or None,
        text_language=root.get(_XML_LANG) or None,
        pages=pages,
        words=words,
        summary=meta.summary or None,
    )


def _identifiers(meta: DocumentMeta) -> tuple[IdentifierRow, ...]:
    scopes = (
        ("archive", meta.archive.idnos),
        ("number", meta.numbers),
        ("source", meta.source.idnos),
    )
    return tuple(
        IdentifierRow(scope, idno.type or None, idno.value)
        for scope, idnos in scopes
        for idno in idnos
        if idno.value
    )


def _copy_number(meta: DocumentMeta) -> str | None:
    marking = meta.marking("copyNumber")
    if marking is not None:
        value = dict(marking.value.attrs).get("value") if marking.value is not None else None
        return value or marking.text or None
    return next((n.value for n in meta.numbers if n.type == "copy" and n.value), None)


def _classification_level(root: etree._Element) -> str | None:
    """The normalised classification level, where the TEI states one: the ``@ana`` of the
    classification marking, read as the ``category`` it points to (its description, else its
    id). Today's headers state none; then it stays empty."""
    for element in root.iter("{*}fw", "{*}item"):
        kind = element.get("type") if _local(element) == "fw" else element.get("n")
        pointer = (element.get("ana") or "").split()
        if kind == "classification" and pointer:
            key = pointer[0].removeprefix("#")
            for category in root.iter("{*}category"):
                if category.get(_XML_ID) == key:
                    words = _words(next(category.iterfind("{*}catDesc"), None))
                    return words or key
            return key or None
    return None


def _paragraphs(
    blocks: list[TextBlock], anchors: Mapping[etree._Element, str]
) -> list[ParagraphRow]:
    """One row per block; loose text between blocks takes the anchor of the block before."""
    rows = []
    offset = 0
    anchor: str | None = None
    for seq, block in enumerate(blocks, start=1):
        element = block.element
        if element is not None:
            anchor = anchors.get(element, anchor)
        rows.append(
            ParagraphRow(
                seq,
                anchor,
                _local(element) if element is not None else None,
                block.page or None,
                offset,
                offset + len(block.text),
            )
        )
        offset += len(block.text) + len(PARAGRAPH_SEPARATOR)
    return rows


def _mentions_and_dates(
    blocks: list[TextBlock], paragraphs: list[ParagraphRow], entities: _Entities
) -> tuple[list[MentionRow], list[DateRow]]:
    mentions: list[MentionRow] = []
    dates: list[DateRow] = []
    for block, paragraph in zip(blocks, paragraphs, strict=True):
        for span in block.spans:
            element = span.element
            tag = _local(element)
            surface = block.text[span.start : span.end]
            start, end = paragraph.char_start + span.start, paragraph.char_start + span.end
            page = span.page or None
            certainty = element.get("cert")
            if tag in DATE_TAGS:
                first, last = date_range(element.attrib)
                dates.append(
                    DateRow(paragraph.seq, first, last, certainty, surface, page, start, end)
                )
                continue
            ref = element.get("ref")
            if tag == "name" and not ref:
                continue
            entity = entities.named(NAME_TAGS[tag], ref, surface)
            if entity is not None:
                mentions.append(
                    MentionRow(entity, paragraph.seq, surface, page, start, end, certainty)
                )
    return mentions, dates


def _turns(
    text: etree._Element,
    blocks: list[TextBlock],
    paragraphs: list[ParagraphRow],
    entities: _Entities,
) -> list[TurnRow]:
    """One row per ``sp``: who speaks, the words spoken (the label left out), where it starts."""
    order = {sp: seq for seq, sp in enumerate(text.iter("{*}sp"), start=1)}
    if not order:
        return []
    words: dict[etree._Element, int] = dict.fromkeys(order, 0)
    first: dict[etree._Element, ParagraphRow] = {}
    for block, paragraph in zip(blocks, paragraphs, strict=True):
        element = block.element
        if element is None:
            continue
        sp = element if element in order else next(element.iterancestors("{*}sp"), None)
        if sp is None:
            continue
        first.setdefault(sp, paragraph)
        if _local(element) != "speaker":
            words[sp] += len(block.text.split())
    turns = []
    for sp, seq in order.items():
        who = (sp.get("who") or "").split()
        label = _words(next(sp.iterfind("{*}speaker"), None)) or None
        key = who[0].removeprefix("#") if who else None
        entity = entities.named("person", who[0], label or key or "") if who else None
        start = first.get(sp)
        turns.append(
            TurnRow(
                seq,
                key,
                entity,
                label,
                words[sp],
                start.page if start else None,
                start.seq if start else None,
            )
        )
    return turns


class _Entities:
    """The entity rows of one document, each made once, with the index mentions point to."""

    def __init__(self, records: dict[str, etree._Element], authority: Authority | None) -> None:
        self.records = records
        self.authority = authority
        self.rows: list[EntityRow] = []
        self._index: dict[tuple[str, str | None, str], int] = {}

    def named(self, kind: str, ref: str | None, surface: str) -> int | None:
        """The entity a name element (or a speaker's ``who``) points to: the authority's
        record, the document's own record, a URI's, or one for the name itself."""
        pointer = (ref or "").split()
        if not pointer:
            if not surface:
                return None
            return self._add(("name", kind, surface), lambda: _plain(kind, surface))
        target = pointer[0]
        if not target.startswith("#"):
            return self._add(("uri", None, target), lambda: _uri(kind, target, surface))
        key = target[1:]
        if self.authority is not None and key in self.authority:
            record = self.authority.record(key)
            return self._add(("key", None, key), lambda: _from_authority(record))
        element = self.records.get(key)
        if element is not None:
            return self._add(("key", None, key), lambda: _from_record(key, element, surface))
        return self._add(("key", None, key), lambda: _dangling(kind, key, surface))

    def _add(self, identity: tuple[str, str | None, str], build: Callable[[], EntityRow]) -> int:
        index = self._index.get(identity)
        if index is None:
            index = self._index[identity] = len(self.rows)
            self.rows.append(build())
        return index


def _records(root: etree._Element) -> dict[str, etree._Element]:
    """Every person, group, place, organisation and event record with an ``xml:id``."""
    found: dict[str, etree._Element] = {}
    for element in root.iter(*(f"{{*}}{tag}" for tag in RECORD_TAGS)):
        key = element.get(_XML_ID)
        if key and key not in found:
            found[key] = element
    return found


def _from_authority(record: Record) -> EntityRow:
    ids = dict(record.idnos)
    return EntityRow(
        record.key,
        str(record.type),
        record.name,
        record.full_name,
        ids.get("wikidata") or None,
        ids.get("geonames") or None,
        ids.get("viaf") or None,
        # Every occupation the authority knows, in its order: the corpus is not of one date.
        "; ".join(role.text for role in record.roles if role.element == "occupation") or None,
        0,
        True,
    )


def _from_record(key: str, element: etree._Element, surface: str) -> EntityRow:
    names = [child for child in element if _local(child) in _RECORD_NAMES]
    preferred = next((n for n in names if n.get("type") is None), names[0] if names else None)
    full = next((n for n in names if n.get("type") == "full"), None)
    ids = {idno.get("type"): _words(idno) for idno in element.iterfind("{*}idno") if _words(idno)}
    unresolved = any(
        note.get("type") == "resolution" and _words(note) == "unresolved"
        for note in element.iterfind("{*}note")
    )
    return EntityRow(
        key,
        RECORD_TAGS[_local(element)],
        _words(preferred) or surface or key,
        _words(full) or None,
        ids.get("wikidata") or None,
        ids.get("geonames") or None,
        ids.get("viaf") or None,
        _words(next(element.iterfind("{*}occupation"), None)) or None,
        int(unresolved),
        False,
    )


def _uri(kind: str, uri: str, surface: str) -> EntityRow:
    wikidata = _WIKIDATA_URI.search(uri)
    return EntityRow(
        uri,
        kind,
        surface or uri,
        None,
        wikidata[1] if wikidata else None,
        None,
        None,
        None,
        0,
        True,
    )


def _dangling(kind: str, key: str, surface: str) -> EntityRow:
    """A pointer to a record the document does not have: kept, marked unresolved."""
    return EntityRow(key, kind, surface or key, None, None, None, None, None, 1, False)


def _plain(kind: str, surface: str) -> EntityRow:
    return EntityRow(None, kind, surface, None, None, None, None, None, 0, False)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _words(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())
