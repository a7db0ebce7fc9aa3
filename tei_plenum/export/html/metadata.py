"""The page head and the metadata panel drawn from the TEI header."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import PurePath

from lxml import etree

from .page import _IDNO_LABELS, _MARKINGS, _lang, _normalised, _Page, _sub, _text_of
from .text import _time_wrapper

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
