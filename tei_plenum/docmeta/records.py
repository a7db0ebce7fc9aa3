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

from ..languages import name_of
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
    ARCHIVE = "archive"
    """No title is printed: the archive's title for the document, from its cover or page."""
    CONSTRUCTED = "constructed"
    """No title is printed nor given by the archive: built by the encoder from the kind of
    document, its parties and its date, else the file name."""
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
    "docketDate": ("date",),
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
    """The archive's own identifiers: a shelfmark, or the parts of an archival reference
    (``fond``, ``opis``, ``papka``, ``delo``; ``fmaFile``; ``archival`` when kept whole)."""
    locus: Phrase | None = None
    """The leaves or pages the document occupies in its file ("ll. 54-72"), with ``from`` and
    ``to``."""


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
        return next((i.value for i in self.idnos if i.type == "URI"), "")


@dataclass(frozen=True, slots=True)
class Languages:
    """The language chain, each language a BCP 47 code: the original's, the language of the
    document ``msDesc`` describes (an intermediate translation when the docket says it is one;
    ``cert`` says how sure that reading is, empty when the sidecar states it), the document's
    own words about it ("Translation from Korean") and the chain in words (``textLang``)."""

    original: str = ""
    note: str = ""
    manuscript: str = ""
    cert: str = ""
    words: str = ""

    @property
    def translated_from(self) -> str:
        """The language the English translation was made from: the described document's."""
        return self.manuscript


def language_chain(original: str, manuscript: str, note: str) -> str:
    """The chain in words: what the described document is, of what, and what its docket says
    ("Russian translation of a Korean original (docket: Translation from Korean)")."""
    if manuscript and original and manuscript != original:
        chain = f"{name_of(manuscript)} translation of a {name_of(original)} original"
    elif manuscript:
        chain = name_of(manuscript)
    elif original and note:
        chain = f"Translation of a {name_of(original)} original, in a language not stated"
    elif original:
        chain = (
            f"{name_of(original)} original (the language of the document described is not stated)"
        )
    else:
        chain = ""
    if chain and note:
        return f"{chain} (docket: {note})"
    return chain or note


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
class ArchiveCatalogue:
    """What the archive's own catalogue says about the document, from the PDF export's cover
    or the web page's lines: never the document's own words. The title and date are the
    archive's; the citation as printed; a published source the archive translated from; who
    funded the translation."""

    title: str = ""
    date: Phrase = Phrase()
    citation: str = ""
    published_source: str = ""
    funders: tuple[str, ...] = ()


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
    catalogue: ArchiveCatalogue = ArchiveCatalogue()
    provenance: Provenance | None = None
    defaults: tuple[str, ...] = ()
    """The collection's defaults (``tei-plenum.toml``) the header took, by sidecar key: the
    header says which values no source of the document gave."""

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
