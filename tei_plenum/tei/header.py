"""The ``teiHeader``: what the document is, where it comes from, how it was encoded (§4).

Everything here is derived from the blocks (title, date, markings, signatures) and from the
sidecar metadata, which wins where both speak (each such choice is recorded in a ``note``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .. import __version__
from ..letters import is_upper
from ..model import Block, Document, Entity, Mark, Role
from ..slug import document_id, slug
from ..vocabulary import HAND_ANNOTATOR, HAND_SIGNATURES, RESP_ENCODER, RESP_TRANSLATOR_EN, pointer
from ..vocabulary import MARKING_LABELS as _MARKING_LABELS
from .ns import el, sub
from .text import marking_ids

_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with without between "
    "among about over under upon via".split()
)
_EDITORIAL = {
    "normalization": (
        "Line-wrap newlines become single spaces; trailing spaces, separator lines of spaces "
        "and the three-empty-line page separators are not kept as text. Runs of spaces are "
        "reduced to one. No spelling, capitalisation or punctuation is changed."
    ),
    "quotation": (
        "Quotation marks are kept as characters in the text; q and title mark what they enclose."
    ),
    "interpretation": (
        "Square brackets are the English translator's: the bracket characters are kept as "
        "text and the bracketed content is wrapped in exactly one element carrying "
        f'resp="{pointer(RESP_TRANSLATOR_EN)}". Dates are normalised to ISO 8601; a year '
        'inferred from the document date carries evidence="internal", cert and '
        f'resp="{pointer(RESP_ENCODER)}".'
    ),
    "correction": "No corrections are made; apparent errors are transcribed as found.",
}
_SEGMENTATION = {
    "pdf-text": (
        "Source layout: PDF text extraction. A block ends at a line ending in two spaces or at "
        "a line of spaces; three empty lines are a page break. Multi-column lines are "
        "de-interleaved: the whole left column is read before the right column."
    ),
    "web-text": (
        "Source layout: text copied from the archive's web page. Each line is one block; a "
        "line that leaves a square bracket open continues until it closes. No page breaks."
    ),
    "plain-text": (
        "Source layout: plain text without the archive's layout. Paragraphs are separated by "
        "empty lines and their lines are joined. No page breaks."
    ),
}


@dataclass(frozen=True, slots=True)
class HeaderInput:
    doc: Document
    metadata: Mapping[str, Any]
    revision_date: str | None = None


def _text_of(blocks: Sequence[Block], role: Role) -> str:
    return " ".join(b.text for b in blocks if b.role is role)


def title_case(block: Block, entities: Mapping[str, Entity]) -> str:
    """A printed title in the header's casing: capitals lowered except inside names (§4.1)."""
    text = block.text
    if not is_upper(text):
        return text
    keep = [(m.start, m.end, m.tag) for m in block.marks if m.tag.endswith("Name")]
    words = []
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        inside = next((k for k in keep if k[0] <= start and end <= k[1]), None)
        word = match.group()
        if inside and inside[2] in ("orgName", "placeName") and len(word.strip(",.")) <= 5:
            words.append(word)
        elif inside:
            words.append(_cap(word.lower()))
        elif word.lower() in _SMALL_WORDS and words:
            words.append(word.lower())
        else:
            words.append(_cap(word.lower()))
    return " ".join(words)


def _cap(word: str) -> str:
    return re.sub(r"^([^\w]*)(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def build_header(data: HeaderInput) -> etree._Element:
    """The complete ``teiHeader`` element."""
    doc, meta = data.doc, data.metadata
    header = el("teiHeader")
    entities = {e.key: e for e in doc.entities}
    facts = _Facts.collect(doc, entities)
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, facts, meta, doc)
    _publication_stmt(file_desc, doc)
    _source_desc(file_desc, facts, meta, doc)
    _encoding_desc(header, doc)
    _profile_desc(header, facts, meta, doc)
    if data.revision_date:
        changes = sub(sub(header, "revisionDesc"), "listChange")
        sub(changes, "change", "Converted from plain text by tei-plenum.",
            when=data.revision_date, who=pointer(RESP_ENCODER))  # fmt: skip
    return header


@dataclass(slots=True)
class _Facts:
    """What the header needs, gathered once from the blocks."""

    title: str
    printed_title: str
    subtitle: str
    date_text: str
    date_attrs: tuple[tuple[str, str], ...]
    banner: str
    markings: list[tuple[str, Block]]
    translators: list[tuple[str, str, str]]
    author: tuple[str, str] | None
    author_is_person: bool
    has_signatures: bool
    has_handwriting: bool
    print_date: Block | None

    @classmethod
    def collect(cls, doc: Document, entities: Mapping[str, Entity]) -> _Facts:
        blocks = doc.blocks
        title_blocks = [b for b in blocks if b.role is Role.TITLE]
        printed = " ".join(title_case(b, entities) for b in title_blocks)
        date_block = next((b for b in blocks if b.role is Role.DOC_DATE), None)
        date_text = date_block.text if date_block else ""
        if not date_text:
            dateline = next((b for b in blocks if b.role is Role.DATELINE), None)
            date_text = _date_text(dateline) if dateline else ""
        title = printed or _first_words(blocks)
        if date_text and title:
            title = f"{title}, {date_text}"
        ids = marking_ids(blocks)
        markings = [(ids[i], b) for i, b in enumerate(blocks) if i in ids]
        print_date = next((b for _, b in markings if b.attr("type") == "printDate"), None)
        return cls(
            title=title or doc.source_name,
            printed_title=printed,
            subtitle=_text_of(blocks, Role.SUBTITLE),
            date_text=date_text,
            date_attrs=doc.doc_date,
            banner=_text_of(blocks, Role.BANNER),
            markings=markings,
            translators=_translators(blocks),
            author=_author(blocks, entities),
            author_is_person=_author_is_person(blocks),
            has_signatures=any(
                m.tag == "seg" and ("subtype", "signature") in m.attrs
                for b in blocks
                for m in b.marks
            ),
            has_handwriting=any(m.tag == "add" for b in blocks for m in b.marks),
            print_date=print_date,
        )


def _date_text(block: Block) -> str:
    dates = [m for m in block.marks if m.tag == "date"]
    return block.text[dates[0].start : dates[0].end] if dates else ""


def _first_words(blocks: Sequence[Block]) -> str:
    first = next((b for b in blocks if b.role in (Role.PARAGRAPH, Role.HEAD) and b.text), None)
    if first is None:
        return ""
    words = first.text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def _translators(blocks: Sequence[Block]) -> list[tuple[str, str, str]]:
    """(name, person ref, what they did) for each name signed under a caption in the back, or
    named on the caption's own line ("Minutes taken by: J. Tejchma")."""
    docket = next(
        (b.text for b in blocks if b.role is Role.MARKING and b.attr("type") == "translationNote"),
        "",
    )
    found: list[tuple[str, str, str]] = []
    caption = ""
    for block in blocks:
        if not block.path or block.path[0].tag != "back":
            continue
        if block.role is Role.BYLINE:
            caption = block.text.lower()
        if block.role not in (Role.BYLINE, Role.SIGNED):
            continue
        person = next((m for m in block.marks if m.tag == "persName"), None)
        if person is None and block.role is Role.SIGNED:
            name, ref = re.sub(r"\s*\[.*$", "", block.text).strip(), ""
        elif person is not None:
            name, ref = block.text[person.start : person.end], dict(person.attrs).get("ref", "")
        else:
            continue
        if name:
            found.append((name, ref, _resp_phrase(caption, docket)))
    return found


def _resp_phrase(caption: str, docket: str) -> str:
    """What a signer did, in the words of the guide (§4.1): the language from the caption,
    else from the docket's translation note."""
    if caption.startswith("translat"):
        language = re.search(r"from (?:the )?(\w+)", caption) or re.search(
            r"from (?:the )?(\w+)", docket.lower()
        )
        source = f" from {language.group(1).capitalize()}" if language else ""
        return f"translation{source}, signed in the translators' block"
    if "minutes" in caption:
        return "minutes of the meeting, signed in the recorder's block"
    if caption.startswith("record"):
        return "record of the conversation, signed in the recorder's block"
    return f"{caption.rstrip(':').replace('[', '').replace(']', '')}, signed in the closing block"


def _author(blocks: Sequence[Block], entities: Mapping[str, Entity]) -> tuple[str, str] | None:
    """The issuing body: an organisation named in the closer's signature or the title."""
    for role in (Role.SIGNED, Role.TITLE, Role.BYLINE):
        for block in blocks:
            if block.role is not role or (block.path and block.path[0].tag == "back"):
                continue
            wanted = ("persName",) if role is Role.BYLINE else ("orgName",)
            for mark in block.marks:
                if mark.tag in wanted:
                    ref = dict(mark.attrs).get("ref", "")
                    entity = entities.get(ref.lstrip("#"))
                    name = (entity.full_name or entity.name) if entity else _mark_text(block, mark)
                    return name, ref
    return None


def _author_is_person(blocks: Sequence[Block]) -> bool:
    return any(b.role is Role.BYLINE and b.has_mark("docAuthor") for b in blocks)


def _mark_text(block: Block, mark: Mark) -> str:
    return block.text[mark.start : mark.end]


def _title_stmt(
    parent: etree._Element, facts: _Facts, meta: Mapping[str, Any], doc: Document
) -> None:
    stmt = sub(parent, "titleStmt")
    sub(stmt, "title", str(meta.get("title") or facts.title), type="main")
    sub(stmt, "title", "TEI encoding of the English translation", type="sub")
    if facts.author:
        name, ref = facts.author
        tag = "persName" if facts.author_is_person else "orgName"
        sub(sub(stmt, "author"), tag, name, ref=ref or None)
    seen: set[str] = set()
    for name, ref, resp in facts.translators:
        slug = _slug(name)
        if not slug or f"resp-{slug}" in seen:
            continue
        seen.add(f"resp-{slug}")
        resp_stmt = sub(stmt, "respStmt", xml_id=f"resp-{slug}")
        sub(resp_stmt, "resp", resp)
        sub(resp_stmt, "persName", name, ref=ref or None)
    english = sub(stmt, "respStmt", xml_id=RESP_TRANSLATOR_EN)
    sub(english, "resp", "English translation, including every square-bracketed insertion")
    translator = meta.get("translator_en")
    if translator:
        sub(english, "persName", str(translator))
    else:
        sub(english, "orgName", _archive(facts.banner) or "Unknown translator")
    encoder = sub(stmt, "respStmt", xml_id=RESP_ENCODER)
    sub(encoder, "resp", "TEI encoding by automatic conversion from plain text")
    sub(encoder, "name", "tei-plenum", type="software")


def _slug(text: str) -> str:
    return slug(text, drop_initials=True)


def _archive(banner: str) -> str:
    return re.split(r"\s+Translation\b", banner)[0].strip() if banner else ""


def _publication_stmt(parent: etree._Element, doc: Document) -> None:
    stmt = sub(parent, "publicationStmt")
    sub(stmt, "authority", "tei-plenum conversion output (unpublished)")
    sub(stmt, "idno", _doc_id(doc.source_name), type="tei-plenum")
    availability = sub(stmt, "availability", status="unknown")
    sub(availability, "p", "Rights in the translated text remain with its publisher.")


def _doc_id(source_name: str) -> str:
    return document_id(source_name)


def _source_desc(
    parent: etree._Element, facts: _Facts, meta: Mapping[str, Any], doc: Document
) -> None:
    desc = sub(parent, "sourceDesc")
    bibl = sub(desc, "bibl", type="transcriptionSource")
    sub(bibl, "title", str(meta.get("title") or facts.printed_title or facts.title))
    if "Translation" in facts.banner:
        sub(bibl, "edition", facts.banner[facts.banner.index("Translation") :])
    archive = str(meta.get("archive") or _archive(facts.banner))
    if archive:
        sub(bibl, "publisher", archive)
    extent = sub(bibl, "extent")
    pages = "page" if doc.pages == 1 else "pages"
    sub(extent, "measure", f"{doc.pages} {pages}", unit="page", quantity=str(doc.pages))
    sub(bibl, "idno", doc.source_name, type="sourceFile")
    if meta.get("url"):
        sub(bibl, "idno", str(meta["url"]), type="URL")
    if meta.get("_source"):
        keys = ", ".join(sorted(k for k in meta if not k.startswith("_")))
        sub(bibl, "note", f"Catalogue data from the sidecar file {meta['_source']} (keys: {keys}); "
            "where the sidecar and the text disagree, the sidecar's value is used.",
            type="metadata")  # fmt: skip
    _ms_desc(desc, facts, meta)


def _ms_desc(parent: etree._Element, facts: _Facts, meta: Mapping[str, Any]) -> None:
    ms = sub(parent, "msDesc", xml_id="ms-original")
    ident = sub(ms, "msIdentifier")
    for key in ("country", "settlement", "institution", "repository", "collection"):
        if meta.get(key):
            sub(ident, key, str(meta[key]))
    if meta.get("idno"):
        sub(ident, "idno", str(meta["idno"]), type="shelfmark")
    note = next((b.text for _, b in facts.markings if b.attr("type") == "translationNote"), "")
    ms_name = facts.printed_title or facts.title
    if facts.date_text and facts.printed_title:
        ms_name = f"{ms_name}, {facts.date_text}"
    sub(ident, "msName", f"{ms_name} ({note[:1].lower() + note[1:]})" if note else ms_name)
    for _, block in facts.markings:
        kind = block.attr("type")
        number = next((m for m in block.marks if m.tag in ("idno", "num")), None)
        if kind in ("registration", "copyNumber", "telegramNumber") and number is not None:
            id_type = {"copyNumber": "copy", "telegramNumber": "telegram"}.get(kind, kind)
            alt = sub(ident, "altIdentifier", type=id_type)
            sub(alt, "idno", _mark_text(block, number), type=id_type)
    contents = sub(ms, "msContents")
    if meta.get("summary"):
        sub(contents, "summary", str(meta["summary"]))
    if note or meta.get("source_language"):
        sub(contents, "textLang", note or None, mainLang=meta.get("source_language") or None)
    item = sub(contents, "msItem")
    if facts.author:
        name, ref = facts.author
        tag = "persName" if facts.author_is_person else "orgName"
        sub(sub(item, "author"), tag, name, ref=ref or None)
    full_title = facts.printed_title or facts.title
    if facts.subtitle:
        full_title = f"{full_title}: {facts.subtitle}"
    sub(item, "title", full_title)
    _phys_desc(ms, facts, meta)
    _history(ms, facts)


def _phys_desc(ms: etree._Element, facts: _Facts, meta: Mapping[str, Any]) -> None:
    phys = sub(ms, "physDesc")
    objects = sub(phys, "objectDesc", form=meta.get("form") or None)
    support = sub(objects, "supportDesc")
    sub(support, "extent", str(meta.get("extent") or "Not stated in the translation."))
    if facts.has_signatures or facts.has_handwriting:
        hands = sub(phys, "handDesc")
        if facts.has_signatures:
            sub(hands, "handNote", 'Handwritten signatures, rendered by the English translator as'
                ' "[signature]".', xml_id=HAND_SIGNATURES, scope="minor")  # fmt: skip
        if facts.has_handwriting:
            sub(
                hands,
                "handNote",
                "Handwritten additions on the original, described in square brackets.",
                xml_id=HAND_ANNOTATOR,
                scope="minor",
            )
    if not facts.markings:
        return
    items = sub(sub(phys, "additions"), "list", type="markings")
    for marking_id, block in facts.markings:
        kind = block.attr("type") or "marking"
        item = sub(items, "item", n=kind, corresp=f"#{marking_id}")
        item.text = f"{_MARKING_LABELS.get(kind, 'Marking')}: "
        _marking_value(item, block, kind)


def _marking_value(item: etree._Element, block: Block, kind: str) -> None:
    """The literal marking, plus its normalised value where it has one."""
    number = next((m for m in block.marks if m.tag in ("num", "idno")), None)
    date = next((m for m in block.marks if m.tag == "date"), None)
    if kind == "copyNumber" and number is not None:
        sub(item, "num", _mark_text(block, number), **dict(number.attrs))
    elif kind in ("registration", "telegramNumber") and number is not None:
        sub(item, "idno", _mark_text(block, number), **dict(number.attrs))
    elif kind == "printDate" and date is not None:
        sub(item, "date", _mark_text(block, date), **dict(date.attrs))
    else:
        sub(item, "q", block.text)
        if kind == "printRun" and number is not None:
            value = dict(number.attrs)["value"]
            sub(item, "num", value, value=value).tail = ")"
            item[-2].tail = " ("


def _history(ms: etree._Element, facts: _Facts) -> None:
    date_block = facts.print_date
    date_mark = next((m for m in date_block.marks if m.tag == "date"), None) if date_block else None
    origin = sub(sub(ms, "history"), "origin")
    para = sub(origin, "p")
    if date_block is not None and date_mark is not None:
        para.text = "Translation printed on "
        sub(para, "origDate", _mark_text(date_block, date_mark), **dict(date_mark.attrs))
        if facts.date_text:
            para[-1].tail = "; the document it translates is dated "
            sub(para, "date", facts.date_text, **dict(facts.date_attrs)).tail = "."
        else:
            para[-1].tail = "."
    elif facts.date_text:
        para.text = "Dated "
        sub(para, "origDate", facts.date_text, **dict(facts.date_attrs)).tail = "."
    else:
        para.text = "Date not stated in the translation."


def _encoding_desc(header: etree._Element, doc: Document) -> None:
    desc = sub(header, "encodingDesc")
    app = sub(sub(desc, "appInfo"), "application", ident="tei-plenum", version=__version__)
    sub(app, "label", "tei-plenum converter")
    sub(
        app,
        "desc",
        f'plain-text to TEI P5 conversion; profile "{doc.genre}"; layout "{doc.layout}"',
    )
    editorial = sub(desc, "editorialDecl")
    sub(sub(editorial, "normalization"), "p", _EDITORIAL["normalization"])
    sub(sub(editorial, "quotation", marks="all"), "p", _EDITORIAL["quotation"])
    sub(sub(editorial, "segmentation"), "p", _SEGMENTATION[doc.layout])
    sub(sub(editorial, "interpretation"), "p", _EDITORIAL["interpretation"])
    sub(sub(editorial, "correction", method="silent"), "p", _EDITORIAL["correction"])
    refs = sub(desc, "refsDecl")
    sub(refs, "p", "pb/@n numbers the pages of the transcription source from 1 in source order. "
        "div/@n holds a section number as an Arabic numeral; the head keeps the printed form. "
        "p/@n on an ordinal paragraph holds its ordinal value.")  # fmt: skip
    if doc.units:
        decl = sub(desc, "unitDecl")
        for key, label, description in doc.units:
            unit = sub(decl, "unitDef", xml_id=key, type="area")
            sub(unit, "label", label)
            sub(unit, "desc", description)


def _profile_desc(
    header: etree._Element, facts: _Facts, meta: Mapping[str, Any], doc: Document
) -> None:
    profile = sub(header, "profileDesc")
    creation = sub(profile, "creation")
    creation.text = f"{_sentence(doc.genre)}"
    if facts.date_text:
        creation.text += ", "
        sub(creation, "date", facts.date_text, **dict(facts.date_attrs)).tail = "."
    else:
        creation.text += "."
    usage = sub(profile, "langUsage")
    sub(usage, "language", "English (translation)", ident="en", usage="100")
    text_class = sub(sub(profile, "textClass"), "keywords")
    sub(text_class, "term", doc.genre, type="docType")
    if doc.participants or doc.groups:
        _partic_desc(profile, doc)
    _corresp_desc(profile, doc)


def _partic_desc(profile: etree._Element, doc: Document) -> None:
    people = sub(sub(profile, "particDesc"), "listPerson", type="participants")
    for key, name in doc.groups:
        group = sub(people, "personGrp", xml_id=key, role="side")
        sub(group, "name", name)
    for person in doc.participants:
        node = sub(people, "person", xml_id=person.key, role=" ".join(person.roles) or None)
        sub(node, "persName", person.name)
        if person.side:
            sub(node, "affiliation", ref=f"#{person.side}")
        if person.occupation:
            sub(node, "occupation", person.occupation)
        for id_type, value in person.idnos:
            sub(node, "idno", value, type=id_type)


def _corresp_desc(profile: etree._Element, doc: Document) -> None:
    senders = [b for b in doc.blocks if b.role is Role.ADDRESS and b.attr("role") == "sender"]
    recipients = [b for b in doc.blocks if b.role is Role.ADDRESS and b.attr("role") == "recipient"]
    if not senders and not recipients:
        return
    desc = sub(profile, "correspDesc")
    for kind, blocks in (("sent", senders), ("received", recipients)):
        if not blocks:
            continue
        action = sub(desc, "correspAction", type=kind)
        names = [m for b in blocks for m in b.marks if m.tag.endswith("Name")]
        block = blocks[0]
        if not names:
            sub(action, "name", re.sub(r"^[^:]*:\s*", "", block.text))
        for mark in names:
            owner = next(b for b in blocks if mark in b.marks)
            sub(action, mark.tag, _mark_text(owner, mark), **dict(mark.attrs))
        if kind == "sent" and doc.doc_date:
            sub(action, "date", **dict(doc.doc_date))
