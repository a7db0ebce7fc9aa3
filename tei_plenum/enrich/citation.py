"""Read the archive's citation of a document: where the original is held, under which
reference, and who translated it.

The citation on the PDF export's cover reads "“Title,” Date, History and Public Policy
Program Digital Archive, <holding archive and reference>. Translated by <name>. <address>".
The holding archive's reference is split into its parts where its structure is known: the
fond / opis / (papka) / delo of Russian archives with the leaves as a locus, the file numbers
of the PRC Foreign Ministry Archive. Any other reference is kept whole. A published source
(an edited volume, a book) is recognised as such and kept whole, never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import pattern_cache
from ..docmeta.records import Identifier, Phrase
from ..reader.patterns.cover import ARCHIVE_DATE, URL

_QUOTED_TITLE = pattern_cache.compile(r"\s*[“\"](?P<title>.+?)[,.]?[”\"]\s*,?\s*")
_DATE = pattern_cache.compile(rf"(?P<date>{ARCHIVE_DATE.pattern})\s*[,.]\s*")
_PUBLISHER = pattern_cache.compile(r"(?P<publisher>[^,.]{0,80}?Digital\s+Archive)\s*[,.]\s*")
# "Translated by X.", "Obtained by X and translated by Y.", "Obtained for NKIDP by X and
# translated for NKIDP by Y.", after a stop (or a stop and a closing quote) or at the start.
_FOR = r"(?:\s+for\s+[A-Z][\w-]*)?"
_TRANSLATED = pattern_cache.compile(
    rf"(?:(?<=[.”\"]\s)|^)(?:[A-Z][a-z]+{_FOR}(?:\s+by\s+[^.]+?)?\s+and\s+)?[Tt]ranslated"
    rf"{_FOR}\s+by\s+(?P<names>.+?)\.?\s*$"
)
_OBTAINED = pattern_cache.compile(
    rf"\s*(?:Obtained|Contributed|Donated|Provided){_FOR}\s+by\s+[^.]+\.?\s*$"
)
# What may follow the translators' names in the same sentence: other people's credits.
_OTHER_CREDIT = pattern_cache.compile(
    r"\s*(?:;|,?\s+and\s+(?=(?:edited|obtained|contributed|provided|annotated)\b)).*$",
    re.IGNORECASE,
)
_NEXT_SENTENCE = pattern_cache.compile(r"\.\s+(?=[A-Z][A-Za-z])")
_ACADEMIC = pattern_cache.compile(r"^(?:(?:Assistant|Associate)\s+)?(?:Professor|Prof\.|Dr\.?)\s+")
_PUBLICATION = pattern_cache.compile(
    r"\bedited\s+by\b|\beds?\.|\bpp?\.\s*\d|\bvol\.|\([^()]*:\s*[^()]*\d{4}\)|"
    r"\b(?:Publishing|Press|Publishers|Verlag)\b"
)
_TRANSLATION_FROM = pattern_cache.compile(r"^Translation\s+from\s+")
_REFERENCE_PART = pattern_cache.compile(r"\d|^(?:f|op|d|ll?|p)\.\s", re.IGNORECASE)

# The parts of a Russian archival reference: "f. 45, op. 1, d. 329, ll. 54-72", "Fond 0102,
# Opis 11, Papka 60, Delo 6, Listy 1-10".
_SOVIET_PARTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("fond", pattern_cache.compile(r"^(?:f\.|fond|F\.)\s*(?P<value>\S+)$", re.IGNORECASE)),
    ("opis", pattern_cache.compile(r"^(?:op\.|opis)\s*(?P<value>\S+)$", re.IGNORECASE)),
    ("papka", pattern_cache.compile(r"^(?:p\.|papka|pap\.)\s*(?P<value>\S+)$", re.IGNORECASE)),
    ("delo", pattern_cache.compile(r"^(?:d\.|delo)\s*(?P<value>\S+)$", re.IGNORECASE)),
    ("locus", pattern_cache.compile(r"^(?:ll?\.|listy?|pp?\.)\s*(?P<value>\d[\d\s–-]*\w?)$", re.I)),
)
_FMA_FILE = pattern_cache.compile(
    r"^(?P<repository>.*?\bFMA\b\)?)\s*(?:file\s+(?:no\.\s*)?)?(?P<file>\d{3}-\d{5}-\d{2})"
    r"(?:\s*,\s*(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[-–]\s*\d+)?))?$"
)
_RANGE = pattern_cache.compile(r"^(?P<from>\d+)(?:\s*[-–]\s*(?P<to>\d+))?$")


@dataclass(frozen=True, slots=True)
class Citation:
    """What the archive's citation says: the title and date it cites, its publisher, the
    source of the original (a holding archive and its reference, or a publication), the
    reference's parts, the leaves it occupies, the translators and the document's address."""

    title: str = ""
    date: str = ""
    publisher: str = ""
    source: str = ""
    published: bool = False
    repository: str = ""
    idnos: tuple[Identifier, ...] = ()
    locus: Phrase | None = None
    translators: tuple[str, ...] = ()
    url: str = ""


def read_citation(text: str) -> Citation:
    """The parts of an archive citation (its label "Citation:" may be left on)."""
    rest = re.sub(r"^\s*Citation:\s*", "", text).strip()
    url = URL.search(rest)
    address = url.group().rstrip(".,;") if url else ""
    if url:
        rest = (rest[: url.start()] + rest[url.end() :]).strip()
    title = date = publisher = ""
    if m := _QUOTED_TITLE.match(rest):
        title, rest = m.group("title"), rest[m.end() :]
    if m := _DATE.match(rest):
        date, rest = m.group("date"), rest[m.end() :]
    if m := _PUBLISHER.match(rest):
        publisher, rest = m.group("publisher"), rest[m.end() :]
    translators: tuple[str, ...] = ()
    if m := _TRANSLATED.search(rest):
        translators = _names(m.group("names"))
        rest = rest[: m.start()]
        rest = _OBTAINED.sub("", rest)
    source = rest.strip().rstrip(".").strip()
    published = bool(_PUBLICATION.search(source)) or bool(_TRANSLATION_FROM.match(source))
    # A publication cited after the reference ("KC 237/V-12. CWIHP Working Paper No. 9, …")
    # is no part of it.
    reference = _NEXT_SENTENCE.split(source, maxsplit=1)[0]
    repository, idnos, locus = ("", (), None) if published else _reference(reference)
    return Citation(
        title, date, publisher, source, published, repository, idnos, locus, translators, address
    )


def _names(words: str) -> tuple[str, ...]:
    """The translators of "Jan Kowalski and Anna Nowak", without a trailing "for CWIHP", an
    academic title before a name, or the editors and donors credited after them."""
    words = _OTHER_CREDIT.sub("", words.strip())
    words = re.sub(r"\s+for\s+[A-Z][\w-]*$", "", words.strip().rstrip("."))
    names = (n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", words))
    return tuple(_ACADEMIC.sub("", n) for n in names if n)


def _reference(source: str) -> tuple[str, tuple[Identifier, ...], Phrase | None]:
    """The holding archive, the reference's identifiers and the leaves."""
    if m := _FMA_FILE.match(source):
        locus = _locus(m.group("pages")) if m.group("pages") else None
        repository = m.group("repository").rstrip(", ")
        return repository, (Identifier("fmaFile", m.group("file")),), locus
    parts = [p.strip() for p in source.split(",") if p.strip()]
    first = next((i for i, p in enumerate(parts) if _REFERENCE_PART.search(p)), len(parts))
    repository = ", ".join(parts[:first])
    reference = parts[first:]
    if not reference:
        return repository, (), None
    split = _soviet(reference)
    if split is not None:
        return repository, *split
    return repository, (Identifier("archival", ", ".join(reference)),), None


def _soviet(parts: list[str]) -> tuple[tuple[Identifier, ...], Phrase | None] | None:
    """A reference made of fond, opis, (papka), delo and leaves, in that order, else None."""
    idnos: list[Identifier] = []
    locus = None
    rank = 0
    for part in parts:
        found = next(
            (
                (i, kind, m)
                for i, (kind, pattern) in enumerate(_SOVIET_PARTS)
                if i >= rank and (m := pattern.match(part))
            ),
            None,
        )
        if found is None:
            return None
        rank, kind, m = found[0] + 1, found[1], found[2]
        if kind == "locus":
            locus = _locus(m.group("value"), part)
        else:
            idnos.append(Identifier(kind, m.group("value").rstrip(".")))
    if not any(i.type == "fond" for i in idnos):
        return None
    return tuple(idnos), locus


def _locus(value: str, printed: str | None = None) -> Phrase:
    """Leaves or pages as a locus: the words as printed, the first and last leaf."""
    value = value.strip().rstrip(".")
    m = _RANGE.match(value)
    span = (("from", m.group("from")), ("to", m.group("to") or m.group("from"))) if m else ()
    return Phrase((printed or value).rstrip("."), span)
