"""Read a :class:`DocumentMeta` back from any TEI document.

The reader takes what the header states where TEI puts it (``titleStmt``, ``msIdentifier``,
``msContents``, ``particDesc``…) and falls back on the text's own front matter (``docTitle``,
``docDate``, ``fw``) where the header is silent. It never requires this project's layout:
whatever is missing stays empty. TEI P5 (namespaced) and older un-namespaced TEI both work.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .. import pattern_cache
from ..model import Attrs, Participant
from ..vocabulary import classification_of
from .records import (
    MARKING_VALUES,
    ArchiveCatalogue,
    ArchiveIdentity,
    CorrespAction,
    DocumentMeta,
    Identifier,
    Languages,
    Marking,
    Name,
    Participants,
    Phrase,
    Physical,
    Provenance,
    Responsibility,
    Title,
    TitleSource,
    TranscriptionSource,
)

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# fw types that are page furniture (running heads and feet), not markings of the document.
_FURNITURE = frozenset({"header", "footer"})
_PROVENANCE = pattern_cache.compile(r"sidecar file (?P<file>.+?) \(keys: (?P<keys>[^)]*)\)")


def read_tei_header(root: etree._Element) -> DocumentMeta:
    """The fact sheet of the TEI document (``TEI`` or ``teiCorpus``) whose root is ``root``."""
    tei = _Tei(etree.QName(root).namespace if isinstance(root.tag, str) else None)
    found = root.find(tei.q("teiHeader"))
    head = found if found is not None else etree.Element("teiHeader")
    provenance = _provenance(tei.text(head, "fileDesc/sourceDesc/bibl/note[@type='metadata']"))
    ms = tei.first(head, "fileDesc/sourceDesc/msDesc")
    bibl = tei.first(head, "fileDesc/sourceDesc/bibl")
    author = tei.first(head, "fileDesc/titleStmt/author")
    text_lang = tei.first(ms, "msContents/textLang")
    locus = tei.first(ms, "msContents/msItem/locus")
    markings = tuple(_markings(tei, head, root))
    return DocumentMeta(
        title=_title(tei, head, root, provenance),
        date=_date(tei, head, root),
        genre=tei.text(head, "profileDesc/textClass//term[@type='docType']"),
        issuer=_name(tei, author) if author is not None else None,
        markings=markings,
        numbers=_identifiers(tei, ms, "msIdentifier/altIdentifier/idno"),
        responsibilities=tuple(
            _responsibility(tei, stmt) for stmt in tei.all(head, "fileDesc/titleStmt/respStmt")
        ),
        participants=_participants(tei, head),
        correspondence=tuple(
            _corresp_action(tei, action)
            for action in tei.all(head, "profileDesc/correspDesc/correspAction")
        ),
        archive=ArchiveIdentity(
            country=tei.text(ms, "msIdentifier/country"),
            settlement=tei.text(ms, "msIdentifier/settlement"),
            institution=tei.text(ms, "msIdentifier/institution"),
            repository=tei.text(ms, "msIdentifier/repository"),
            collection=tei.text(ms, "msIdentifier/collection"),
            idnos=_identifiers(tei, ms, "msIdentifier/idno"),
            locus=Phrase(_text(locus), _attrs(locus)) if locus is not None else None,
        ),
        source=_transcription_source(tei, bibl),
        summary=tei.text(ms, "msContents/summary"),
        languages=Languages(
            original=_original_language(tei, head),
            note=next((m.text for m in markings if m.type == "translationNote"), ""),
            manuscript=(text_lang.get("mainLang") or "") if text_lang is not None else "",
            cert=(text_lang.get("cert") or "") if text_lang is not None else "",
            words=_text(text_lang),
        ),
        physical=Physical(
            form=tei.attr(ms, "physDesc/objectDesc", "form"),
            extent=tei.text(ms, "physDesc/objectDesc/supportDesc/extent"),
            signatures=_has_hand(tei, ms, "hand-signatures"),
            handwriting=_has_hand(tei, ms, "hand-annotator"),
        ),
        catalogue=_archive_catalogue(tei, head, bibl),
        provenance=provenance,
    )


class _Tei:
    """ElementPath in the document's TEI namespace (or none), written with bare local names."""

    def __init__(self, namespace: str | None) -> None:
        self.namespace = namespace

    def q(self, path: str) -> str:
        if self.namespace is None:
            return path
        return "/".join(
            step
            if step in {"", ".", ".."} or step.startswith("*")
            else f"{{{self.namespace}}}{step}"
            for step in path.split("/")
        )

    def local(self, element: etree._Element) -> str | None:
        """The local name of a TEI element; None for comments, PIs and foreign elements."""
        if not isinstance(element.tag, str):
            return None
        name = etree.QName(element)
        return name.localname if name.namespace == self.namespace else None

    def first(self, parent: etree._Element | None, path: str) -> etree._Element | None:
        return None if parent is None else parent.find(self.q(path))

    def all(self, parent: etree._Element | None, path: str) -> list[etree._Element]:
        return [] if parent is None else parent.findall(self.q(path))

    def text(self, parent: etree._Element | None, path: str) -> str:
        return _text(self.first(parent, path))

    def attr(self, parent: etree._Element | None, path: str, name: str) -> str:
        element = self.first(parent, path)
        return (element.get(name) or "") if element is not None else ""


def _text(element: etree._Element | None) -> str:
    """An element's words, with runs of white space made one space."""
    if element is None:
        return ""
    return " ".join("".join(str(part) for part in element.itertext()).split())


def _attrs(element: etree._Element | None) -> Attrs:
    if element is None:
        return ()
    return tuple((str(key), str(value)) for key, value in element.attrib.items())


def _name(tei: _Tei, element: etree._Element) -> Name:
    """A name-bearing element (``author``…) as a :class:`Name`: when it holds just one name
    element, that element's kind and attributes; else a plain name."""
    children = [c for c in element if tei.local(c) is not None]
    only = children[0] if len(children) == 1 and not (element.text or "").strip() else None
    if only is not None and not (only.tail or "").strip():
        return Name(_text(element), tei.local(only) or "name", _attrs(only))
    return Name(_text(element))


def _identifiers(tei: _Tei, parent: etree._Element | None, path: str) -> tuple[Identifier, ...]:
    return tuple(Identifier(i.get("type", ""), _text(i)) for i in tei.all(parent, path))


def _transcription_source(tei: _Tei, bibl: etree._Element | None) -> TranscriptionSource:
    quantity = tei.attr(bibl, "extent/measure[@unit='page']", "quantity")
    return TranscriptionSource(
        publisher=tei.text(bibl, "publisher"),
        edition=tei.text(bibl, "edition"),
        pages=int(quantity) if quantity.isdigit() else 0,
        idnos=_identifiers(tei, bibl, "idno"),
    )


def _archive_catalogue(
    tei: _Tei, head: etree._Element, bibl: etree._Element | None
) -> ArchiveCatalogue:
    """The archive's catalogue data: its title and date in the transcription source's
    description, the citation, the published source, the funders."""
    date = tei.first(bibl, "date[@type='catalogue']")
    date_attrs = tuple(a for a in _attrs(date) if a[0] != "type") if date is not None else ()
    return ArchiveCatalogue(
        title=tei.text(bibl, "title[@type='catalogue']"),
        date=Phrase(_text(date), date_attrs) if date is not None else Phrase(),
        citation=tei.text(bibl, "note[@type='citation']"),
        published_source=tei.text(bibl, "relatedItem[@type='translatedFrom']/bibl"),
        funders=tuple(_text(f) for f in tei.all(head, "fileDesc/titleStmt/funder")),
    )


def _original_language(tei: _Tei, head: etree._Element) -> str:
    """The ``ident`` of the language this project's headers mark as the original's."""
    for language in tei.all(head, "profileDesc/langUsage/language"):
        if language.get(_XML_ID) == "lang-original":
            return str(language.get("ident", ""))
    return ""


# A main title's ``subtype`` says where a title the document does not print comes from.
_TITLE_SUBTYPES = {"archive": TitleSource.ARCHIVE, "constructed": TitleSource.CONSTRUCTED}


def _title(
    tei: _Tei, head: etree._Element, root: etree._Element, provenance: Provenance | None
) -> Title:
    """The main title: the header's (typed ``main``, else the first), else the text's own."""
    main = (
        tei.text(head, "fileDesc/titleStmt/title[@type='main']")
        or tei.text(head, "fileDesc/titleStmt/title")
        or _text(root.find(".//" + tei.q("docTitle")))
    )
    subtype = tei.attr(head, "fileDesc/titleStmt/title[@type='main']", "subtype")
    if provenance is not None and "title" in provenance.keys:
        source = TitleSource.SIDECAR
    elif subtype in _TITLE_SUBTYPES:
        source = _TITLE_SUBTYPES[subtype]
    elif any(p.get("type") in (None, "main") for p in root.iter(tei.q("titlePart"))):
        source = TitleSource.PRINTED
    else:
        source = TitleSource.CONSTRUCTED
    subtitle = tei.text(head, "fileDesc/titleStmt/title[@type='sub']")
    return Title(main=main, source=source, edition_subtitle=subtitle)


def _date(tei: _Tei, head: etree._Element, root: etree._Element) -> Phrase:
    """The document's date: the header's creation date, else the text's docDate, else the date
    of origin of the manuscript."""
    for found in (
        tei.first(head, "profileDesc/creation/date"),
        root.find(".//" + tei.q("docDate")),
        tei.first(head, "fileDesc/sourceDesc//origDate"),
    ):
        if found is not None and _text(found):
            return Phrase(_text(found), _attrs(found))
    return Phrase()


def _markings(tei: _Tei, head: etree._Element, root: etree._Element) -> Iterator[Marking]:
    """Each ``fw`` of the text that is not a running head or foot, then each marking the
    header lists (``additions//item[@n]``) that the text does not print."""
    printed = set()
    text_tag = tei.q("text")
    categories = _categories(tei, head)
    for fw in root.iter(tei.q("fw")):
        kind = fw.get("type")
        if not kind or kind in _FURNITURE or not _text(fw):
            continue
        if not any(a.tag == text_tag for a in fw.iterancestors()):
            continue
        printed.add(kind)
        level = _level(fw, categories)
        yield Marking(fw.get(_XML_ID, ""), kind, _text(fw), _value(tei, fw, kind), level)
    for item in tei.all(head, "fileDesc/sourceDesc//additions//item[@n]"):
        kind = item.get("n", "")
        if kind not in printed:
            level = _level(item, categories)
            yield Marking("", kind, _text(item), _value(tei, item, kind), level)


def _categories(tei: _Tei, head: etree._Element) -> dict[str, str]:
    """The header's categories (``classDecl``): id -> description."""
    return {
        category.get(_XML_ID, ""): tei.text(category, "catDesc")
        for category in tei.all(head, "encodingDesc/classDecl//category")
    }


def _level(element: etree._Element, categories: dict[str, str]) -> str:
    """The level a marking's ``@ana`` points to: the category's description, else our own
    level of that key; empty when it points to neither."""
    for token in (element.get("ana") or "").split():
        key = token.removeprefix("#")
        level = categories.get(key) or classification_of(key)
        if level:
            return str(level)
    return ""


def _value(tei: _Tei, element: etree._Element, kind: str) -> Phrase | None:
    tags = {tei.q(tag) for tag in MARKING_VALUES.get(kind, ())}
    found = next((e for e in element.iter() if e.tag in tags), None)
    return Phrase(_text(found), _attrs(found)) if found is not None else None


def _responsibility(tei: _Tei, stmt: etree._Element) -> Responsibility:
    names = tuple(
        Name(_text(child), tei.local(child) or "name", _attrs(child))
        for child in stmt
        if tei.local(child) not in (None, "resp")
    )
    return Responsibility(stmt.get(_XML_ID, ""), tei.text(stmt, "resp"), names)


def _participants(tei: _Tei, head: etree._Element) -> Participants:
    people = tuple(
        Participant(
            key=person.get(_XML_ID, ""),
            name=tei.text(person, "persName"),
            roles=tuple((person.get("role") or "").split()),
            occupation=tei.text(person, "occupation") or None,
            side=tei.attr(person, "affiliation", "ref").lstrip("#") or None,
            idnos=tuple((i.get("type", ""), _text(i)) for i in tei.all(person, "idno")),
        )
        for person in tei.all(head, "profileDesc/particDesc//person")
    )
    groups = tuple(
        (group.get(_XML_ID, ""), tei.text(group, "name"))
        for group in tei.all(head, "profileDesc/particDesc//personGrp")
    )
    return Participants(people, groups)


def _corresp_action(tei: _Tei, action: etree._Element) -> CorrespAction:
    names = tuple(
        Name(_text(child), tei.local(child) or "name", _attrs(child))
        for child in action
        if tei.local(child) not in (None, "date")
    )
    date = tei.first(action, "date")
    return CorrespAction(action.get("type", ""), names, _attrs(date) if date is not None else ())


def _has_hand(tei: _Tei, ms: etree._Element | None, key: str) -> bool:
    return any(note.get(_XML_ID) == key for note in tei.all(ms, "physDesc/handDesc/handNote"))


def _provenance(note: str) -> Provenance | None:
    """The sidecar named in the header's metadata note, as this project writes it."""
    found = _PROVENANCE.search(note)
    if found is None:
        return None
    return Provenance(
        found["file"], tuple(k.strip() for k in found["keys"].split(",") if k.strip())
    )
