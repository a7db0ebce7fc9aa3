"""The catalogue: a document's fact sheet (:class:`~tei_plenum.docmeta.DocumentMeta`) from its
enriched blocks and its sidecar.

It runs after every other enricher and reads what they left: names (who issued the document,
who signed the translation), dates, signatures, handwriting. Where the sidecar and the text
both speak (the title, the archive, the English translator), the sidecar wins; the header's
note says so. Everything the header states is decided here; the TEI writer only maps.

:func:`identify_markings` gives each marking its ``xml:id`` once, on the block, so that the
text's ``fw`` and the header's list of markings agree by construction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from ..docmeta.records import (
    MARKING_VALUES,
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
from ..letters import is_upper
from ..metadata import Sidecar
from ..model import Attrs, Block, Document, Entity, Mark, Participant, Role, attrs
from ..reader import patterns as pat
from ..vocabulary import (
    NUMBER_KINDS,
    RESP_ENCODER,
    RESP_TRANSLATOR_EN,
    Element,
    classification_of,
    resp_key,
)

EDITION_SUBTITLE = "TEI encoding of the English translation"
UNKNOWN_TRANSLATOR = "Unknown translator"
NOT_STATED = "Not stated in the translation."

_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with without between "
    "among about over under upon via".split()
)
_ENCODER = Responsibility(
    RESP_ENCODER,
    "TEI encoding by automatic conversion from plain text",
    (Name("tei-plenum", "name", (("type", "software"),)),),
)


def identify_markings(doc: Document) -> Document:
    """Give each marking block its ``xml:id``: ``mk-`` + its type, then ``-2``, ``-3``..."""
    seen: Counter[str] = Counter()
    blocks = []
    for block in doc.blocks:
        if block.role is Role.MARKING:
            kind = block.attr("type") or "marking"
            seen[kind] += 1
            key = f"mk-{kind}" if seen[kind] == 1 else f"mk-{kind}-{seen[kind]}"
            if block.attr("xml:id") is None:
                block = replace(block, attrs=(("xml:id", key), *block.attrs))
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks))


def catalogue(doc: Document, sidecar: Sidecar | None = None) -> DocumentMeta:
    """The fact sheet of ``doc``, with the sidecar's values winning over the text's."""
    sidecar = sidecar or Sidecar()
    blocks = doc.blocks
    entities = {e.key: e for e in doc.entities}
    markings = tuple(_markings(blocks))
    note = next((m.text for m in markings if m.type == "translationNote"), "")
    banner = _text_of(blocks, Role.BANNER)
    date = Phrase(_date_text(blocks), doc.doc_date)
    url = (Identifier("URL", sidecar.url),) if sidecar.url else ()
    return DocumentMeta(
        title=_title(doc, entities, date.text, sidecar.title),
        date=date,
        genre=doc.genre,
        issuer=_issuer(blocks, entities),
        markings=markings,
        numbers=tuple(_numbers(markings)),
        responsibilities=(
            *_signers(blocks, note),
            _english_translator(sidecar.translator_en),
            _ENCODER,
        ),
        participants=Participants(_with_credits(doc.participants, blocks), doc.groups),
        correspondence=tuple(_correspondence(blocks, doc.doc_date)),
        archive=ArchiveIdentity(
            country=sidecar.country or "",
            settlement=sidecar.settlement or "",
            institution=sidecar.institution or "",
            repository=sidecar.repository or "",
            collection=sidecar.collection or "",
            idnos=(Identifier("shelfmark", sidecar.idno),) if sidecar.idno else (),
        ),
        source=TranscriptionSource(
            publisher=sidecar.archive or _archive(banner),
            edition=banner[banner.index("Translation") :] if "Translation" in banner else "",
            pages=doc.pages,
            idnos=(Identifier("sourceFile", doc.source_name), *url),
        ),
        summary=sidecar.summary or "",
        languages=Languages(original=sidecar.source_language or "", note=note),
        physical=Physical(
            form=sidecar.form or "",
            extent=sidecar.extent or NOT_STATED,
            signatures=any(
                m.tag == "seg" and ("subtype", "signature") in m.attrs
                for b in blocks
                for m in b.marks
            ),
            handwriting=any(m.tag == "add" for b in blocks for m in b.marks),
        ),
        provenance=Provenance(sidecar.file, sidecar.keys) if sidecar.file else None,
    )


# ------------------------------------------------------------------------------- the title


def _title(
    doc: Document, entities: Mapping[str, Entity], date_text: str, sidecar_title: str | None
) -> Title:
    """The printed title with its date; when none is printed, the first words with the date,
    else the file name. The sidecar's title, when it gives one, is the main title."""
    printed = " ".join(title_case(b, entities) for b in doc.blocks if b.role is Role.TITLE)
    from_text = printed or _first_words(doc.blocks)
    if date_text and from_text:
        from_text = f"{from_text}, {date_text}"
    from_text = from_text or doc.source_name
    if sidecar_title:
        source = TitleSource.SIDECAR
    else:
        source = TitleSource.PRINTED if printed else TitleSource.CONSTRUCTED
    return Title(
        main=sidecar_title or from_text,
        source=source,
        printed=printed,
        subtitle=_text_of(doc.blocks, Role.SUBTITLE),
        from_text=from_text,
        edition_subtitle=EDITION_SUBTITLE,
    )


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


def _first_words(blocks: Sequence[Block]) -> str:
    first = next((b for b in blocks if b.role in (Role.PARAGRAPH, Role.HEAD) and b.text), None)
    if first is None:
        return ""
    words = first.text.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


def _date_text(blocks: Sequence[Block]) -> str:
    """The document date as printed: the date line, else the first date of the dateline."""
    date_block = next((b for b in blocks if b.role is Role.DOC_DATE), None)
    if date_block is not None and date_block.text:
        return date_block.text
    dateline = next((b for b in blocks if b.role is Role.DATELINE), None)
    dates = [m for m in dateline.marks if m.tag == "date"] if dateline else []
    return _mark_text(dateline, dates[0]) if dateline and dates else ""


def _text_of(blocks: Sequence[Block], role: Role) -> str:
    return " ".join(b.text for b in blocks if b.role is role)


def _mark_text(block: Block, mark: Mark) -> str:
    return block.text[mark.start : mark.end]


# ---------------------------------------------------------------------- markings and numbers


def _markings(blocks: Sequence[Block]) -> Iterator[Marking]:
    for block in blocks:
        if block.role is not Role.MARKING:
            continue
        kind = block.attr("type") or "marking"
        tags = MARKING_VALUES.get(kind, ())
        mark = next((m for m in block.marks if m.tag in tags), None)
        value = Phrase(_mark_text(block, mark), mark.attrs) if mark is not None else None
        level = classification_of(block.attr("ana") or "")
        yield Marking(block.attr("xml:id") or "", kind, block.text, value, level or "")


def _numbers(markings: Sequence[Marking]) -> Iterator[Identifier]:
    """The copy, registration and telegram numbers the markings print."""
    for marking in markings:
        if marking.type in NUMBER_KINDS and marking.value is not None:
            yield Identifier(NUMBER_KINDS[marking.type], marking.value.text)


# -------------------------------------------------------------------------------- who did what


def _issuer(blocks: Sequence[Block], entities: Mapping[str, Entity]) -> Name | None:
    """The issuing body: an organisation named in the closer's signature or the title, else a
    person named in a byline; a person whenever a byline names the document's author. A
    byline of a closer credits an interpreter or recorder, not the document's author."""
    tag = (
        "persName"
        if any(b.role is Role.BYLINE and b.has_mark("docAuthor") for b in blocks)
        else "orgName"
    )
    for role in (Role.SIGNED, Role.TITLE, Role.BYLINE):
        wanted = ("persName",) if role is Role.BYLINE else ("orgName",)
        for block in blocks:
            if block.role is not role or _in_back(block) or _closing_byline(block):
                continue
            for mark in block.marks:
                if mark.tag in wanted:
                    ref = dict(mark.attrs).get("ref", "")
                    entity = entities.get(ref.lstrip("#"))
                    name = (entity.full_name or entity.name) if entity else _mark_text(block, mark)
                    return Name(name, tag, attrs(ref=ref or None))
    return None


def _closing_byline(block: Block) -> bool:
    return block.role is Role.BYLINE and any(c.tag == Element.CLOSER for c in block.path)


def _in_back(block: Block) -> bool:
    return bool(block.path) and block.path[0].tag == "back"


def _signers(blocks: Sequence[Block], docket: str) -> Iterator[Responsibility]:
    """One responsibility per person signed under a caption in the back ("Translated by:"),
    named on the caption's own line ("Minutes taken by: J. Tejchma"), or credited with
    interpreting or recording the conversation anywhere in the text."""
    seen = {RESP_TRANSLATOR_EN, RESP_ENCODER}
    for name, ref, resp in (*_signed_in_back(blocks, docket), *_credited(blocks)):
        key = resp_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        yield Responsibility(key, resp, (Name(name, "persName", attrs(ref=ref or None)),))


def _signed_in_back(blocks: Sequence[Block], docket: str) -> Iterator[tuple[str, str, str]]:
    """(name, person ref, what they did) for each name in the back's bylines and signatures."""
    caption = ""
    for block in blocks:
        if not _in_back(block):
            continue
        if block.role is Role.BYLINE:
            caption = block.text.lower()
        if block.role not in (Role.BYLINE, Role.SIGNED):
            continue
        person = next((m for m in block.marks if m.tag == "persName"), None)
        if person is None and block.role is Role.SIGNED:
            name, ref = re.sub(r"\s*\[.*$", "", block.text).strip(), ""
        elif person is not None:
            name, ref = _mark_text(block, person), dict(person.attrs).get("ref", "")
        else:
            continue
        if name:
            yield name, ref, _resp_phrase(caption, docket)


def _credited(blocks: Sequence[Block]) -> Iterator[tuple[str, str, str]]:
    """(name, person ref, role) for each person a credit line names ("Attaché Kim Chol
    translated the conversation": Kim Chol, interpreter)."""
    for block in blocks:
        found = pat.credit(block.text) if block.role is not Role.PAGE_BREAK else None
        if found is None:
            continue
        start, end = found.name
        for mark in block.marks:
            if mark.tag == "persName" and start <= mark.start and mark.end <= end:
                yield _mark_text(block, mark), dict(mark.attrs).get("ref", ""), found.role


def _with_credits(
    people: Sequence[Participant], blocks: Sequence[Block]
) -> tuple[Participant, ...]:
    """The participants, each with the roles a credit line gives them (``interpreter``,
    ``recorder``) added to those it had."""
    roles: dict[str, list[str]] = {}
    for _name, ref, role in _credited(blocks):
        roles.setdefault(ref.removeprefix("#"), []).append(role)
    return tuple(
        replace(person, roles=tuple(dict.fromkeys((*person.roles, *roles[person.key]))))
        if person.key in roles
        else person
        for person in people
    )


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


def _english_translator(name: str | None) -> Responsibility:
    """The sidecar's translator, else unknown: the archive named in the banner published the
    translation, which does not make it the translator."""
    who = Name(name, "persName") if name else Name(UNKNOWN_TRANSLATOR, "orgName")
    return Responsibility(
        RESP_TRANSLATOR_EN,
        "English translation, including every square-bracketed insertion",
        (who,),
    )


def _archive(banner: str) -> str:
    """The archive named in the banner line ("Wilson Center Digital Archive Translation…")."""
    return re.split(r"\s+Translation\b", banner)[0].strip() if banner else ""


def _correspondence(blocks: Sequence[Block], doc_date: Attrs) -> Iterator[CorrespAction]:
    """Sender and recipient from the address blocks: the names marked in them, else the
    address without its label ("To: …"); the sending is dated with the document."""
    for kind, role in (("sent", "sender"), ("received", "recipient")):
        found = [b for b in blocks if b.role is Role.ADDRESS and b.attr("role") == role]
        if not found:
            continue
        names = tuple(
            Name(_mark_text(b, m), m.tag, m.attrs)
            for b in found
            for m in b.marks
            if m.tag.endswith("Name")
        )
        if not names:
            names = (Name(re.sub(r"^[^:]*:\s*", "", found[0].text)),)
        yield CorrespAction(kind, names, doc_date if kind == "sent" else ())
