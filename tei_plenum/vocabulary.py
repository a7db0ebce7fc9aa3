"""The project's vocabulary: every name that two parts of the pipeline must spell alike.

The writer, the enrichers, the exporters, the validators, the batch summary and the scorer
all meet in the TEI they exchange; when each types the same name as its own string, the
copies drift apart. This module holds each such name once:

- the TEI and XML namespaces and Clark names (``tei_tag("p")``, ``XML_ID``);
- the entity kinds, one row each: record element, list element, name element, key prefix;
  and the key builders (``person_key("S. N. Karelin") == "pers-karelin"``);
- the two marks that cross stages without being TEI as they stand (bracket, speaker label);
- the responsibility and hand ids the header declares and the text points to;
- the marking types (``fw/@type``), their labels and the identifiers their numbers are;
- the scale of classification levels (a ``taxonomy`` the classification ``fw/@ana`` points to);
- the structure the reader builds: the containers' element names and the values of their
  ``@type`` and ``@place`` attributes.

Words of the documents themselves (titles, honorifics, surnames) live in
:mod:`tei_plenum.lexicon`; which TEI elements are blocks and which group blocks, in
:mod:`tei_plenum.export.blocks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .slug import slug

# ------------------------------------------------------------------------------ namespaces

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TEI_CLARK = f"{{{TEI_NS}}}"
"""The start of every TEI element's Clark name, for names built in a loop or a path."""
NSMAP: dict[str | None, str] = {None: TEI_NS}
"""The namespace map of a document the converter writes: TEI as the default namespace."""
XPATH_NS: dict[str, str] = {"tei": TEI_NS}
"""The prefix that XPath and ElementPath expressions use for TEI (``.//tei:persName``)."""
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


def tei_tag(local: str) -> str:
    """The Clark name of a TEI element, as lxml spells its tag: ``{http://…/ns/1.0}p``."""
    return TEI_CLARK + local


# ---------------------------------------------------------------------------- entity kinds


class EntityType(StrEnum):
    """What a name names; the value is the record element and the kind the CLI reports."""

    PERSON = "person"
    PLACE = "place"
    ORG = "org"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class EntityKind:
    """How one kind of entity is written: in the text, in ``standOff`` and in the authority.

    ``name`` marks a mention in the text and names a record in an authority file;
    ``record_name`` names a record the converter writes in ``standOff`` (events take
    ``label`` there, as in the encoding guide §5); every key starts with ``key_prefix``;
    reports count the kind as ``plural``.
    """

    type: EntityType
    list: str
    name: str
    record_name: str
    key_prefix: str
    plural: str

    @property
    def record(self) -> str:
        """The record element (``person``, ``place``…): the type's own value."""
        return str(self.type)


# Every entity kind, in the order standOff lists them; a new kind is one row here.
ENTITY_KINDS: tuple[EntityKind, ...] = (
    EntityKind(EntityType.PERSON, "listPerson", "persName", "persName", "pers-", "persons"),
    EntityKind(EntityType.PLACE, "listPlace", "placeName", "placeName", "place-", "places"),
    EntityKind(EntityType.ORG, "listOrg", "orgName", "orgName", "org-", "organisations"),
    EntityKind(EntityType.EVENT, "listEvent", "eventName", "label", "event-", "events"),
)
KINDS: Mapping[EntityType, EntityKind] = {kind.type: kind for kind in ENTITY_KINDS}
"""The row of each entity type."""
KIND_OF_NAME: Mapping[str, EntityKind] = {kind.name: kind for kind in ENTITY_KINDS}
"""The kind a name element (``persName``…) stands for."""
KIND_OF_RECORD: Mapping[str, EntityKind] = {kind.record: kind for kind in ENTITY_KINDS}
"""The kind a record element (``person``…) holds."""
NAME_ELEMENTS = frozenset(KIND_OF_NAME)
"""The elements that mark a mention of an entity: ``persName``, ``placeName``…"""
GROUP_PREFIX = "grp-"
"""Key prefix of a ``personGrp``: a side in a conversation ("North", "South")."""


def entity_key(kind: EntityType, name: str) -> str:
    """The key (``xml:id``) of a record derived from its name (encoding guide §5.1).

    A person's initials are dropped, so "S. N. Karelin" and "Karelin" share one key.
    """
    return KINDS[kind].key_prefix + slug(name, drop_initials=kind is EntityType.PERSON)


def person_key(name: str) -> str:
    """``pers-`` + the name's slug without initials: ``person_key("V. P. Lobanov")`` is
    ``pers-lobanov``. The signature and speaker enrichers key the people they find with it."""
    return entity_key(EntityType.PERSON, name)


def collection_key(key: str, *, unresolved: bool, document: str) -> str:
    """The key that joins a record across a collection's documents. An unresolved record is
    the document's own: its key is made of its words, and "Foreign Ministry" is another
    ministry in each document, so it joins nothing outside ``document``."""
    return f"{document}#{key}" if unresolved else key


def group_key(name: str) -> str:
    """The key of a side's ``personGrp`` ("North" -> ``grp-north``)."""
    return GROUP_PREFIX + slug(name)


# --------------------------------------------------------------------------- special marks

BRACKET_MARK = "bracket"
"""The reader's mark over the words inside square brackets: the brackets enricher and the
names enricher turn each into its TEI element, and no bracket mark reaches the writer (§9)."""
SPEAKER_MARK = "speaker"
"""The mark over a speaker label: the writer puts the label in a ``speaker`` element before
the turn's paragraph rather than inside it (§13)."""


# ---------------------------------------------------------------------- responsibilities

RESP_TRANSLATOR_EN = "resp-translator-en"
"""The English translator: ``resp`` of every square-bracketed insertion (guide §9)."""
RESP_ENCODER = "resp-encoder"
"""The converter: ``resp`` of every inference it makes (an inferred year, a standard name)."""
RESP_PREFIX = "resp-"
"""Key prefix of a ``respStmt`` for a person named in the text (a translator, a recorder)."""
ARCHIVE_TITLE = "archive-title"
"""The archive's title for the document in its cover or page line: ``title/@source`` points to
it when the document prints no title of its own."""
ARCHIVE_DATE = "archive-date"
"""The archive's date for the document in its cover or page line: ``date/@source`` points to
it when the document prints no date of its own."""
HAND_SIGNATURES = "hand-signatures"
"""The ``handNote`` of handwritten signatures."""
HAND_ANNOTATOR = "hand-annotator"
"""The ``handNote`` of handwritten additions; ``add/@hand`` points to it."""


def resp_key(name: str) -> str:
    """The ``respStmt`` id of a person named in the text: ``resp-`` + the name's slug without
    initials (``resp_key("V. P. Lobanov")`` is ``resp-lobanov``); empty when the name has none."""
    key = slug(name, drop_initials=True)
    return RESP_PREFIX + key if key else ""


def pointer(xml_id: str) -> str:
    """The pointer form of an id, as ``@resp``, ``@ref``, ``@who`` and ``@hand`` hold it."""
    return f"#{xml_id}"


# -------------------------------------------------------------------------------- markings


class MarkingType(StrEnum):
    """``fw/@type`` of a docket or registry marking (encoding guide §6)."""

    TRANSLATION_NOTE = "translationNote"
    CLASSIFICATION = "classification"
    COPY_NUMBER = "copyNumber"
    HANDLING = "handling"
    TELEGRAM_NUMBER = "telegramNumber"
    REGISTRATION = "registration"
    PRINT_RUN = "printRun"
    TYPIST = "typist"
    PRINT_DATE = "printDate"
    PAGE_NUMBER = "pageNum"
    LETTERHEAD = "letterhead"
    DOCKET_DATE = "docketDate"
    ROUTING = "routing"
    MARKING = "marking"


MARKING_LABELS: Mapping[str, str] = {
    MarkingType.TRANSLATION_NOTE: "Translation note",
    MarkingType.CLASSIFICATION: "Security classification",
    MarkingType.COPY_NUMBER: "Copy number",
    MarkingType.HANDLING: "Handling instruction",
    MarkingType.TELEGRAM_NUMBER: "Telegram number",
    MarkingType.REGISTRATION: "Registration number",
    MarkingType.PRINT_RUN: "Print run",
    MarkingType.TYPIST: "Typist's mark",
    MarkingType.PRINT_DATE: "Date of printing",
    MarkingType.PAGE_NUMBER: "Page number",
    MarkingType.LETTERHEAD: "Letterhead",
    MarkingType.DOCKET_DATE: "Date on the docket",
    MarkingType.ROUTING: "Routing note",
    MarkingType.MARKING: "Marking",
}
"""How the header's list of markings labels each type; an unknown type is a "Marking"."""

NUMBER_KINDS: Mapping[str, str] = {
    MarkingType.REGISTRATION: "registration",
    MarkingType.COPY_NUMBER: "copy",
    MarkingType.TELEGRAM_NUMBER: "telegram",
}
"""The kind of identifier a marking's number is: ``idno/@type`` of a registration or telegram
number in the text, ``altIdentifier/@type`` in the header."""


# ---------------------------------------------------------------------- classification levels


class Classification(StrEnum):
    """The normalised security classification of a document, lowest first: one ``category``
    of the classification ``taxonomy`` in ``classDecl`` each, its value the ``catDesc``.

    A printed marking keeps its words; ``fw/@ana`` points to the level they state
    (``reader.patterns.markings`` maps the printed forms)."""

    UNCLASSIFIED = "unclassified"
    RESTRICTED = "restricted"
    CONFIDENTIAL = "confidential"
    SECRET = "secret"
    TOP_SECRET = "top secret"
    SPECIAL_IMPORTANCE = "special importance"


CLASSIFICATION_TAXONOMY = "classification"
"""The ``xml:id`` of the taxonomy of classification levels."""
CLASSIFICATION_PREFIX = "cls-"
"""Key prefix of a classification level's ``category``."""


def classification_key(level: Classification) -> str:
    """The ``xml:id`` of a level's category: ``cls-top-secret``."""
    return CLASSIFICATION_PREFIX + slug(level)


def classification_of(key: str) -> Classification | None:
    """The level whose category is ``key`` (with or without its ``#``), else None."""
    return _LEVEL_OF_KEY.get(key.removeprefix("#"))


_LEVEL_OF_KEY: Mapping[str, Classification] = {
    classification_key(level): level for level in Classification
}


# ------------------------------------------------------------------------------- structure


class Element(StrEnum):
    """The TEI elements the reader groups blocks in (its containers' tags)."""

    FRONT = "front"
    BODY = "body"
    BACK = "back"
    TITLE_PAGE = "titlePage"
    DOC_TITLE = "docTitle"
    OPENER = "opener"
    CLOSER = "closer"
    ADDRESS = "address"
    DIV = "div"
    LIST = "list"


class DivType(StrEnum):
    """``div/@type``: a section, a journal's entry, or the document's own kind of text."""

    SECTION = "section"
    ENTRY = "entry"
    DOCUMENT = "document"
    RECORD = "record"
    MINUTES = "minutes"
    TRANSCRIPT = "transcript"
    TELEGRAM = "telegram"
    LETTER = "letter"
    REPORT = "report"
    DECISION = "decision"
    RESOLUTION = "resolution"
    JOURNAL = "journal"
    OMISSION = "omission"
    """Holds an omission mark standing among the front's lines."""


class ListType(StrEnum):
    """``list/@type`` of the lists the reader finds."""

    AGENDA = "agenda"
    POINTS = "points"
    ENUMERATION = "enumeration"
    DISTRIBUTION = "distribution"
    """Who the copies of a document went to (``Distribution:``, ``Five copies sent: …``)."""


class Place(StrEnum):
    """``fw/@place``: where a marking stands on its page (a column block adds its side)."""

    TOP = "top"
    BOTTOM = "bottom"


class AddressRole(StrEnum):
    """``address/@role`` of a letter's or telegram's address fields."""

    SENDER = "sender"
    RECIPIENT = "recipient"
