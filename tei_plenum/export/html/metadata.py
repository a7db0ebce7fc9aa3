"""The page head and the metadata panel, drawn from the document's fact sheet."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import PurePath

from lxml import etree

from ...docmeta import DocumentMeta
from ...vocabulary import MarkingType
from .page import _IDNO_LABELS, _MARKINGS, _lang, _sub
from .text import _time_wrapper


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


# ------------------------------------------------------------------------------ the metadata


def _document_title(meta: DocumentMeta, source_name: str | None) -> str:
    if meta.title.main:
        return meta.title.main
    return PurePath(source_name).name if source_name else "Untitled document"


def _metadata_panel(meta: DocumentMeta, title: str, source_name: str | None) -> etree._Element:
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
    ]
    for label, value in plain_rows:
        if value:
            _row(rows, label, value)
    _list_row(rows, "Translators", _responsibilities(meta, translators=True))
    _list_row(rows, "Responsibility", _responsibilities(meta, translators=False))
    _list_row(rows, "Participants", _participants(meta))
    _row(rows, "How to cite", _citation(meta, title, source_name))
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
    return languages.words or _lang(languages.original) or _marking(meta, "translationNote")


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


def _participants(meta: DocumentMeta) -> list[str]:
    found = []
    for person in meta.participants.people:
        extra = [e for e in (person.occupation or "", " ".join(person.roles)) if e]
        if person.name:
            found.append(f"{person.name} ({'; '.join(extra)})" if extra else person.name)
    return found


def _citation(meta: DocumentMeta, title: str, source_name: str | None) -> str:
    """A plain citation from what the header states; nothing is invented or dated today."""
    parts: list[str] = [
        meta.issuer.text if meta.issuer is not None else "",
        f"“{title}”",
        meta.date.text,
        _archive(meta),
        meta.source.edition,
        "; ".join(_identifiers(meta)),
    ]
    if source_name:
        parts.append(f"TEI file {PurePath(source_name).name}")
    return ". ".join(_strip_stop(p) for p in parts if p) + "."


def _strip_stop(text: str) -> str:
    return text[:-1] if text.endswith(".") else text
