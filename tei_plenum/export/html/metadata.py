"""The page head, the metadata panel and the citation, drawn from the document's fact sheet.

The head carries what machines read: Highwire Press ``citation_*`` and Dublin Core ``DC.*``
meta tags (Zotero and library crawlers take a page's citation from them) and one JSON-LD
block (schema.org ``ArchiveComponent``, the people, places, organisations and events it is
about with their Wikidata ids). JSON-LD is data, not script: browsers never run it, and the
page's policy forbids every script all the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import PurePath
from urllib.parse import quote

from lxml import etree

from ...docmeta import DocumentMeta
from ...languages import display_name
from ...vocabulary import MarkingType
from ..citation import (
    Cited,
    Part,
    bibtex,
    chicago_bibliography,
    chicago_note,
    csl_json,
    plain,
)
from .index import IndexedName
from .page import _IDNO_LABELS, _MARKINGS, _sub
from .text import _time_wrapper

# Participant roles (``person/@role``) in words.
ROLE_WORDS = {
    "author": "author of the record",
    "interlocutor": "interlocutor",
    "interpreter": "interpreter",
    "recorder": "recorder",
    "present": "present",
    "interviewer": "interviewer",
    "interviewee": "interviewee",
    "sender": "sender",
    "recipient": "recipient",
    "side": "side",
}
# schema.org types of the index groups, for the JSON-LD ``about`` list.
_SCHEMA_TYPES = {"person": "Person", "place": "Place", "org": "Organization", "event": "Event"}


def page_head(
    title: str,
    extra_css: str = "",
    *,
    image_origins: Iterable[str] = (),
    metadata: Sequence[tuple[str, str]] = (),
    linked_data: str = "",
) -> etree._Element:
    """The ``head`` of every page the project writes: charset, viewport, a policy that forbids
    loading anything but images from ``image_origins``, the title, the ``metadata`` as meta
    tags, the JSON-LD block and the inline stylesheet (plus ``extra_css``)."""
    head = etree.Element("head")
    _sub(head, "meta", None, {"charset": "utf-8"})
    _sub(head, "meta", None, {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    # No fetches at all, even if a later edit slipped a URL in: the page is one file, and the
    # figures the TEI shows come from the origins that the page names and no others.
    images = " ".join(sorted(set(image_origins))) or "'none'"
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src {images}"
    _sub(head, "meta", None, {"http-equiv": "Content-Security-Policy", "content": policy})
    _sub(head, "title", title)
    for name, content in metadata:
        _sub(head, "meta", None, {"name": name, "content": content})
    if linked_data:
        _sub(head, "script", linked_data, {"type": "application/ld+json"})
    css = _stylesheet()
    _sub(head, "style", f"{css}\n{extra_css}" if extra_css else css)
    return head


@cache
def _stylesheet() -> str:
    """The stylesheet every page inlines, read from the package once per process."""
    return resources.files(__package__).joinpath("html.css").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ the metadata


def document_title(meta: DocumentMeta, source_name: str | None) -> str:
    if meta.title.main:
        return meta.title.main
    return PurePath(source_name).name if source_name else "Untitled document"


def _metadata_panel(meta: DocumentMeta) -> etree._Element:
    panel = etree.Element("details", {"class": "about", "open": ""})
    _sub(_sub(panel, "summary"), "h2", "About this document", {"id": "about"})
    rows = etree.SubElement(panel, "dl")
    date = meta.date
    if date.text:
        holder = _sub(_row(rows, "Date", None), "span")
        # The date's attributes on a stand-in element: the reading text's own date rule.
        _time_wrapper(etree.Element("date", dict(date.attrs)), holder)
        holder.text = date.text
    plain_rows = [
        ("Issued by", meta.issuer.text if meta.issuer is not None else ""),
        ("Archive", _archive(meta)),
        ("Identifiers", "; ".join(_identifiers(meta))),
        *_marking_rows(meta),
        ("Source language", _source_language(meta)),
        ("Document type", meta.genre),
        ("Summary", meta.summary),
    ]
    for label, value in plain_rows:
        if value:
            _row(rows, label, value)
    _list_row(rows, "Translators", _responsibilities(meta, translators=True))
    _list_row(rows, "Responsibility", _responsibilities(meta, translators=False))
    _list_row(rows, "Participants", _participants(meta))
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


def _archive(meta: DocumentMeta) -> str:
    archive = meta.archive
    parts = (
        archive.repository,
        archive.institution,
        archive.collection,
        archive.settlement,
        archive.country,
        meta.source.publisher,
    )
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _identifiers(meta: DocumentMeta) -> Iterator[str]:
    found = [
        f"{_IDNO_LABELS.get(idno.type, idno.type)} {idno.value}".strip()
        for idno in (*meta.archive.idnos, *meta.numbers, *meta.source.idnos)
        if idno.value
    ]
    yield from dict.fromkeys(found)


def _marking_rows(meta: DocumentMeta) -> Iterator[tuple[str, str]]:
    """A row per kind of marking, and the classification's normalised level after it."""
    for kind, label in _MARKINGS:
        yield label, _marking(meta, kind)
        if kind == MarkingType.CLASSIFICATION and meta.classification is not None:
            yield "Classification level", meta.classification.level


def _marking(meta: DocumentMeta, kind: str) -> str:
    """A marking as the document prints it, else as the header describes it."""
    marking = meta.marking(kind)
    return marking.text if marking is not None else ""


def _source_language(meta: DocumentMeta) -> str:
    """The language chain in the header's words, else the original's name, else the docket."""
    languages = meta.languages
    original = display_name(languages.original) if languages.original else ""
    return languages.words or original or _marking(meta, "translationNote")


def _responsibilities(meta: DocumentMeta, *, translators: bool) -> list[str]:
    found = []
    for responsibility in meta.responsibilities:
        resp = responsibility.resp
        if ("transl" in resp.casefold()) != translators:
            continue
        who = ", ".join(name.text for name in responsibility.names if name.text)
        if who:
            found.append(f"{who} ({resp})" if resp else who)
    return found


def role_words(roles: Sequence[str]) -> str:
    """Participant roles in words; "present" goes without saying beside another role."""
    words = [ROLE_WORDS.get(role, role.replace("-", " ")) for role in roles if role]
    if len(words) > 1:
        words = [w for w in words if w != ROLE_WORDS["present"]]
    return ", ".join(dict.fromkeys(words))


def _participants(meta: DocumentMeta) -> list[str]:
    found = []
    for person in meta.participants.people:
        extra = [e for e in (person.occupation or "", role_words(person.roles)) if e]
        if person.name:
            found.append(f"{person.name} ({'; '.join(extra)})" if extra else person.name)
    return found


# ------------------------------------------------------------------------------ the citation


def citation_section(item: Cited, stem: str) -> etree._Element:
    """How to cite: the Chicago note and bibliography entry (the archive's address a link),
    the note as plain text to copy, and CSL-JSON and BibTeX to download (``data:`` links made
    here, so that the page stays one file)."""
    section = etree.Element("section", {"class": "cite", "id": "cite"})
    section.set("aria-labelledby", "cite-heading")
    _sub(section, "h2", "How to cite", {"id": "cite-heading"})
    forms = _sub(section, "dl")
    _sub(forms, "dt", "Note")
    _parts(_sub(forms, "dd", None, {"class": "cite-note"}), chicago_note(item))
    _sub(forms, "dt", "Bibliography")
    _parts(_sub(forms, "dd", None, {"class": "cite-bibliography"}), chicago_bibliography(item))
    _sub(forms, "dt", "Plain text")
    _sub(forms, "dd", plain(chicago_note(item)), {"class": "cite-plain"})
    _sub(forms, "dt", "Download")
    downloads = _sub(_sub(forms, "dd"), "ul", None, {"class": "cite-downloads"})
    for label, suffix, media, data in (
        ("CSL-JSON", ".json", "application/vnd.citationstyles.csl+json", csl_json(item)),
        ("BibTeX", ".bib", "application/x-bibtex", bibtex(item)),
    ):
        href = f"data:{media};charset=utf-8,{quote(data, safe='')}"
        _sub(_sub(downloads, "li"), "a", label, {"href": href, "download": f"{stem}{suffix}"})
    return section


def _parts(holder: etree._Element, parts: Sequence[Part]) -> None:
    """Formatted citation parts into ``holder``: links as links, titles in italics."""
    last: etree._Element | None = None
    for part in parts:
        if part.url:
            last = _sub(holder, "a", part.text, {"href": part.url, "rel": "external noopener"})
        elif part.italic:
            last = _sub(holder, "i", part.text)
        elif last is None:
            holder.text = (holder.text or "") + part.text
        else:
            last.tail = (last.tail or "") + part.text


def meta_tags(meta: DocumentMeta, item: Cited) -> list[tuple[str, str]]:
    """Highwire Press and Dublin Core tags for the page."""
    iso = _iso(item.date_parts[0]) if item.date_parts else ""
    edition = item.edition
    publisher = (edition.publisher if edition is not None else "") or item.source
    tags = [("citation_title", item.title)]
    if item.author:
        tags.append(("citation_author", item.author))
    if iso:
        tags.append(("citation_date", iso.replace("-", "/")))
    tags += [("citation_language", "en")]
    if publisher:
        tags.append(("citation_publisher", publisher))
    if item.url:
        tags.append(("citation_public_url", item.url))
    tags.append(("DC.title", item.title))
    if item.author:
        tags.append(("DC.creator", item.author))
    tags += [("DC.contributor", name) for name in item.translators]
    if iso:
        tags.append(("DC.date", iso))
    if publisher:
        tags.append(("DC.publisher", publisher))
    tags.append(("DC.type", "Text"))
    if item.genre:
        tags.append(("DC.type", item.genre))
    tags.append(("DC.language", "en"))
    for url in dict.fromkeys(u for u in (item.url, item.source_url) if u):
        tags.append(("DC.identifier", url))
    held = ", ".join(p for p in (item.archive_location, item.archive, item.archive_place) if p)
    if held:
        tags.append(("DC.source", held))
    if meta.summary:
        tags.append(("DC.description", meta.summary))
    if edition is not None and edition.licence:
        tags.append(("DC.rights", edition.licence))
    return tags


def linked_data(meta: DocumentMeta, item: Cited, names: Iterable[IndexedName]) -> str:
    """The JSON-LD block: the document as a schema.org ``ArchiveComponent``, escaped so that
    no ``</script>`` or comment can end the block early."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": ["ArchiveComponent", "CreativeWork"],
        "name": item.title,
        "inLanguage": "en",
    }
    if item.author:
        data["creator"] = {"@type": "Organization", "name": item.author}
    if item.date_parts:
        data["dateCreated"] = "/".join(_iso(p) for p in dict.fromkeys(item.date_parts))
    elif item.date_text:
        data["temporalCoverage"] = item.date_text
    if item.genre:
        data["genre"] = item.genre
    if meta.summary:
        data["description"] = meta.summary
    if item.translators:
        # A person or an organisation: the header's name says which, the citation does not.
        data["translator"] = [{"name": n} for n in item.translators]
    if item.original_language:
        data["translationOfWork"] = {
            "@type": "CreativeWork",
            "inLanguage": item.original_language,
        }
    if item.archive:
        data["holdingArchive"] = {"@type": "ArchiveOrganization", "name": item.archive}
    if item.archive_location:
        data["identifier"] = item.archive_location
    if item.url:
        data["url"] = item.url
    if item.source_url:
        data["sameAs"] = item.source_url
    edition = item.edition
    if edition is not None and edition.title:
        part_of: dict[str, object] = {"@type": "Collection", "name": edition.title}
        if edition.base_url:
            part_of["url"] = edition.base_url
        if edition.publisher:
            part_of["publisher"] = {"@type": "Organization", "name": edition.publisher}
        data["isPartOf"] = part_of
    if edition is not None and edition.licence_url:
        data["license"] = edition.licence_url
    about = []
    for name in sorted(names, key=lambda n: (n.group, n.sort_key, n.key)):
        kind = _SCHEMA_TYPES.get(name.group)
        if kind is None:
            continue
        entry: dict[str, object] = {"@type": kind, "name": name.name}
        if name.wikidata:
            entry["sameAs"] = f"https://www.wikidata.org/wiki/{name.wikidata}"
        about.append(entry)
    if about:
        data["about"] = about
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{n:02d}" if i else f"{n:04d}" for i, n in enumerate(parts))
