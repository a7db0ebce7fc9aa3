"""The fact sheet: what is known about a document, in one typed, frozen record.

:class:`DocumentMeta` is what the ``teiHeader`` says about a document, gathered in one place.
The catalogue enricher (:mod:`tei_plenum.enrich.catalogue`) builds it from the enriched blocks
and the sidecar; the TEI header writer only maps it to elements; :func:`read_tei_header` reads
it back from any TEI header, for the HTML panel and the corpus index.

Related facts sit together in small records (the archive's identity, the transcription source,
the languages, the physical description), so that a new catalogue field is one new field of
the record it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model import Attrs, Participant


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words as the document prints them, with their normalised value as TEI attributes (a
    date's ``when``/``from``/``to``, a number's ``value``)."""

    text: str = ""
    attrs: Attrs = ()


@dataclass(frozen=True, slots=True)
class Name:
    """A named person, organisation, place or program, as the TEI element that names it:
    ``tag`` is ``persName``, ``orgName``, ``placeName`` or ``name``; ``attrs`` keeps ``ref``
    and ``type``."""

    text: str
    tag: str = "name"
    attrs: Attrs = ()

    @property
    def ref(self) -> str:
        return dict(self.attrs).get("ref", "")


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier with its kind: a shelfmark, a copy or registration number, a file name,
    a URL."""

    type: str
    value: str


class TitleSource(StrEnum):
    """Where the main title comes from."""

    PRINTED = "printed"
    """The document's own printed title (with its date)."""
    CONSTRUCTED = "constructed"
    """No title is printed: built from the first words, or the file name."""
    SIDECAR = "sidecar"
    """The catalogue's title, from the sidecar."""


@dataclass(frozen=True, slots=True)
class Title:
    """The document's titles. ``main`` is the one a catalogue lists; ``from_text`` is the one
    the text itself gives, kept for the description of the original when the sidecar's wins."""

    main: str
    source: TitleSource = TitleSource.CONSTRUCTED
    printed: str = ""
    """The printed title, in the header's casing (capitals lowered except inside names)."""
    subtitle: str = ""
    """The printed subtitle."""
    from_text: str = ""
    edition_subtitle: str = ""
    """The subtitle of this edition (``titleStmt/title[@type='sub']``)."""

    @property
    def as_printed(self) -> str:
        """The printed title, or the one built from the text when nothing is printed."""
        return self.printed or self.from_text

    @property
    def bibliographic(self) -> str:
        """The transcription source's title: the sidecar's, else the printed title without
        its date, else the constructed one."""
        if self.source is TitleSource.SIDECAR:
            return self.main
        return self.printed or self.main


# Marking kinds that carry a normalised value, and the elements (marks) that carry it.
MARKING_VALUES: dict[str, tuple[str, ...]] = {
    "copyNumber": ("num", "idno"),
    "registration": ("num", "idno"),
    "telegramNumber": ("num", "idno"),
    "printRun": ("num", "idno"),
    "printDate": ("date",),
}


@dataclass(frozen=True, slots=True)
class Marking:
    """A marking on the document (classification, copy number, print run, stamp…): its
    ``xml:id``, its kind, its printed words and, where it has one, its normalised value (the
    number of a copy or registration number, the date of printing); for a classification,
    the level its words state (a :class:`~tei_plenum.vocabulary.Classification` value in our
    own TEI, the category's description in another's), empty when they state none."""

    id: str
    type: str
    text: str
    value: Phrase | None = None
    level: str = ""


@dataclass(frozen=True, slots=True)
class Responsibility:
    """Who did what: a signing translator or recorder, the English translator, the encoder."""

    id: str
    resp: str
    names: tuple[Name, ...] = ()


@dataclass(frozen=True, slots=True)
class CorrespAction:
    """Sending or receiving a letter or telegram: who, and (for sending) when."""

    type: str
    names: tuple[Name, ...] = ()
    date: Attrs = ()


@dataclass(frozen=True, slots=True)
class Participants:
    """The people taking part in a conversation or meeting, and the sides they belong to
    (``key``, name)."""

    people: tuple[Participant, ...] = ()
    groups: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ArchiveIdentity:
    """Where the original is kept (``msIdentifier``)."""

    country: str = ""
    settlement: str = ""
    institution: str = ""
    repository: str = ""
    collection: str = ""
    idnos: tuple[Identifier, ...] = ()
    """The archive's own identifiers: shelfmark or catalogue number."""


@dataclass(frozen=True, slots=True)
class TranscriptionSource:
    """The English translation the text was taken from (``bibl``)."""

    publisher: str = ""
    edition: str = ""
    pages: int = 0
    idnos: tuple[Identifier, ...] = ()
    """The source file's name and the document's address."""

    @property
    def url(self) -> str:
        return next((i.value for i in self.idnos if i.type == "URL"), "")


@dataclass(frozen=True, slots=True)
class Languages:
    """The original's language: its BCP 47 code, and the document's own words about it
    ("Translation from Korean")."""

    original: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Physical:
    """The original as an object: its form and extent, and the hands on it."""

    form: str = ""
    extent: str = ""
    signatures: bool = False
    """Handwritten signatures, rendered by the translator as "[signature]"."""
    handwriting: bool = False
    """Handwritten additions, described in square brackets."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """The sidecar file the catalogue data came from, and which keys it gave."""

    file: str
    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Everything the header states about one document."""

    title: Title
    date: Phrase = Phrase()
    genre: str = ""
    issuer: Name | None = None
    markings: tuple[Marking, ...] = ()
    numbers: tuple[Identifier, ...] = ()
    """Numbers printed on the original: copy, registration and telegram numbers."""
    responsibilities: tuple[Responsibility, ...] = ()
    participants: Participants = Participants()
    correspondence: tuple[CorrespAction, ...] = ()
    archive: ArchiveIdentity = ArchiveIdentity()
    source: TranscriptionSource = TranscriptionSource()
    summary: str = ""
    languages: Languages = Languages()
    physical: Physical = Physical()
    provenance: Provenance | None = None

    def marking(self, kind: str) -> Marking | None:
        """The first marking of ``kind``."""
        return next((m for m in self.markings if m.type == kind), None)

    @property
    def classification(self) -> Marking | None:
        """The document's (first) security classification, as printed, with its level."""
        return self.marking("classification")

    @property
    def print_date(self) -> Phrase | None:
        """When the translation was printed, from its date-of-printing marking."""
        marking = self.marking("printDate")
        return marking.value if marking is not None else None
