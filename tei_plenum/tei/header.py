"""The ``teiHeader``: what the document is, where it comes from, how it was encoded (§4).

A pure mapping from the fact sheet (:class:`~tei_plenum.docmeta.DocumentMeta`) to elements;
every fact, and every choice between the text and the sidecar, was made by the catalogue
enricher. From the document itself the header takes only how it was encoded (layout, units).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .. import __version__
from ..docmeta import DocumentMeta, Languages, Marking, Name, TitleSource
from ..languages import name_of
from ..model import Document, Role
from ..slug import document_id
from ..vocabulary import (
    ARCHIVE_TITLE,
    CLASSIFICATION_TAXONOMY,
    HAND_ANNOTATOR,
    HAND_SIGNATURES,
    RESP_ENCODER,
    RESP_TRANSLATOR_EN,
    Classification,
    classification_key,
    pointer,
)
from ..vocabulary import MARKING_LABELS as _MARKING_LABELS
from ..wording import counted
from .ns import el, sub

# Marking kind -> the element that holds its normalised value in the list of markings.
_VALUE_ELEMENTS = {
    "copyNumber": "num",
    "registration": "idno",
    "telegramNumber": "idno",
    "printDate": "date",
    "docketDate": "date",
}
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
_CLASSIFICATION_SCALE = (
    "Security classification, normalised: the level that a classification marking's printed "
    "words state, lowest first (n gives the rank). The classification fw and its item in "
    "physDesc/additions point here with @ana; the printed words stay as printed. A marking "
    'whose words state no level ("Highly classified") points nowhere.'
)
_SEGMENTATION = {
    "pdf-text": (
        "Source layout: PDF text extraction. A block ends at a line ending in two spaces or at "
        "a line of spaces; three empty lines are a page break. Multi-column lines are "
        "de-interleaved: the whole left column is read before the right column."
    ),
    "web-text": (
        "Source layout: text copied from the archive's web page. Each line is one block; a "
        "line that leaves a square bracket open continues until it closes, and a name or title "
        "in capitals wrapped onto the next line in capitals continues on it. No page breaks."
    ),
    "plain-text": (
        "Source layout: plain text without the archive's layout. Paragraphs are separated by "
        "empty lines and their lines are joined. No page breaks."
    ),
    "wrapped-text": (
        "Source layout: PDF text extraction that lost its block ends. Lines are wrapped at a "
        "width measured on the text; a line that fills it and stops mid-sentence is joined to "
        "the next, any other line ends its block. No page breaks."
    ),
    "flattened-text": (
        "Source layout: text flattened onto very few long lines (the archive's PDF export "
        "copied as one paragraph). Blocks are cut only where a reader sees a boundary: a field "
        "label, a caption, a heading in capitals, a dateline, a marking, a salutation, a "
        "numbered item, a labelled turn or a paragraph opened by a name. No page breaks."
    ),
}
_COVER_SEGMENTATION = (
    "The archive's catalogue furniture above the document (the PDF export's cover block, or "
    "the web page's date and title lines) is kept, one ab per field, in "
    'front/div[@type="archiveCover"].'
)


@dataclass(frozen=True, slots=True)
class HeaderInput:
    """The fact sheet, and the document for how it was encoded (layout, units, file name)."""

    doc: Document
    meta: DocumentMeta
    revision_date: str | None = None


def build_header(data: HeaderInput) -> etree._Element:
    """The complete ``teiHeader`` element."""
    doc, meta = data.doc, data.meta
    header = el("teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, meta)
    _publication_stmt(file_desc, doc)
    _notes_stmt(file_desc, meta)
    _source_desc(file_desc, meta)
    _encoding_desc(header, doc, meta)
    _profile_desc(header, meta)
    if data.revision_date:
        changes = sub(sub(header, "revisionDesc"), "listChange")
        sub(changes, "change", "Converted from plain text by tei-plenum.",
            when=data.revision_date, who=pointer(RESP_ENCODER))  # fmt: skip
    return header


def _name(parent: etree._Element, name: Name) -> etree._Element:
    return sub(parent, name.tag, name.text, **dict(name.attrs))


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# How a main title that the document does not print says where it comes from.
_TITLE_ORIGINS = {
    TitleSource.ARCHIVE: {"subtype": "archive", "source": pointer(ARCHIVE_TITLE)},
    TitleSource.CONSTRUCTED: {"subtype": "constructed", "resp": pointer(RESP_ENCODER)},
}
_TITLE_NOTES = {
    TitleSource.ARCHIVE: (
        "The document prints no title of its own: the main title is the archive's, as its "
        "cover or web page gives it."
    ),
    TitleSource.CONSTRUCTED: (
        "The document prints no title of its own and the archive gives none: the main title "
        "was constructed by the encoder from the kind of document, its parties and its date."
    ),
}


def _title_stmt(parent: etree._Element, meta: DocumentMeta) -> None:
    stmt = sub(parent, "titleStmt")
    sub(stmt, "title", meta.title.main, type="main", **_TITLE_ORIGINS.get(meta.title.source, {}))
    sub(stmt, "title", meta.title.edition_subtitle, type="sub")
    if meta.issuer is not None:
        _name(sub(stmt, "author"), meta.issuer)
    for funder in meta.catalogue.funders:
        sub(stmt, "funder", funder)
    for responsibility in meta.responsibilities:
        resp_stmt = sub(stmt, "respStmt", xml_id=responsibility.id)
        sub(resp_stmt, "resp", responsibility.resp)
        for name in responsibility.names:
            _name(resp_stmt, name)


def _publication_stmt(parent: etree._Element, doc: Document) -> None:
    stmt = sub(parent, "publicationStmt")
    sub(stmt, "authority", "tei-plenum conversion output (unpublished)")
    sub(stmt, "idno", document_id(doc.source_name), type="tei-plenum")
    availability = sub(stmt, "availability", status="unknown")
    sub(availability, "p", "Rights in the translated text remain with its publisher.")


def _notes_stmt(parent: etree._Element, meta: DocumentMeta) -> None:
    """Why the main title is not the document's own, when it is not."""
    note = _TITLE_NOTES.get(meta.title.source)
    if note:
        sub(sub(parent, "notesStmt"), "note", note, type="title")


def _source_desc(parent: etree._Element, meta: DocumentMeta) -> None:
    desc = sub(parent, "sourceDesc")
    source = meta.source
    archive = meta.catalogue
    bibl = sub(desc, "bibl", type="transcriptionSource")
    if archive.title:
        sub(bibl, "title", archive.title, type="catalogue")
    else:
        sub(bibl, "title", meta.title.bibliographic)
    if archive.date.text:
        sub(bibl, "date", archive.date.text, type="catalogue", **dict(archive.date.attrs))
    if source.edition:
        sub(bibl, "edition", source.edition)
    if source.publisher:
        sub(bibl, "publisher", source.publisher)
    sub(sub(bibl, "extent"), "measure", counted(source.pages, "page"), unit="page",
        quantity=str(source.pages))  # fmt: skip
    for idno in source.idnos:
        sub(bibl, "idno", idno.value, type=idno.type)
    if archive.citation:
        sub(bibl, "note", archive.citation, type="citation")
    if archive.published_source:
        related = sub(bibl, "relatedItem", type="translatedFrom")
        sub(related, "bibl", archive.published_source)
    if meta.provenance is not None:
        sub(bibl, "note", f"Catalogue data from the sidecar file {meta.provenance.file} (keys: "
            f"{', '.join(meta.provenance.keys)}); where the sidecar and the text disagree, the "
            "sidecar's value is used.", type="metadata")  # fmt: skip
    if meta.defaults:
        sub(bibl, "note", "Catalogue data from the edition configuration's defaults (keys: "
            f"{', '.join(meta.defaults)}), which neither a sidecar nor the text gives.",
            type="defaults")  # fmt: skip
    _ms_desc(desc, meta)


def _ms_desc(parent: etree._Element, meta: DocumentMeta) -> None:
    ms = sub(parent, "msDesc", xml_id="ms-original")
    ident = sub(ms, "msIdentifier")
    archive = meta.archive
    for tag, value in (
        ("country", archive.country),
        ("settlement", archive.settlement),
        ("institution", archive.institution),
        ("repository", archive.repository),
        ("collection", archive.collection),
    ):
        if value:
            sub(ident, tag, value)
    for idno in archive.idnos:
        sub(ident, "idno", idno.value, type=idno.type)
    note = meta.languages.note
    ms_name = meta.title.from_text
    sub(ident, "msName", f"{ms_name} ({note[:1].lower() + note[1:]})" if note else ms_name)
    for number in meta.numbers:
        sub(sub(ident, "altIdentifier", type=number.type), "idno", number.value, type=number.type)
    contents = sub(ms, "msContents")
    if meta.summary:
        sub(contents, "summary", meta.summary)
    _text_lang(contents, meta.languages)
    item = sub(contents, "msItem")
    locus = archive.locus
    if locus is not None:
        sub(item, "locus", locus.text, **dict(locus.attrs))
    if meta.issuer is not None:
        _name(sub(item, "author"), meta.issuer)
    title = meta.title.as_printed
    sub(item, "title", f"{title}: {meta.title.subtitle}" if meta.title.subtitle else title)
    _phys_desc(ms, meta)
    _history(ms, meta)


def _text_lang(contents: etree._Element, languages: Languages) -> None:
    """The language of the document described, how sure that is, and the chain in words."""
    if languages.words or languages.manuscript:
        sub(contents, "textLang", languages.words or None,
            mainLang=languages.manuscript or None, cert=languages.cert or None)  # fmt: skip


def _phys_desc(ms: etree._Element, meta: DocumentMeta) -> None:
    physical = meta.physical
    phys = sub(ms, "physDesc")
    objects = sub(phys, "objectDesc", form=physical.form or None)
    sub(sub(objects, "supportDesc"), "extent", physical.extent)
    if physical.signatures or physical.handwriting:
        hands = sub(phys, "handDesc")
        if physical.signatures:
            sub(hands, "handNote", 'Handwritten signatures, rendered by the English translator as'
                ' "[signature]".', xml_id=HAND_SIGNATURES, scope="minor")  # fmt: skip
        if physical.handwriting:
            sub(
                hands,
                "handNote",
                "Handwritten additions on the original, described in square brackets.",
                xml_id=HAND_ANNOTATOR,
                scope="minor",
            )
    if not meta.markings:
        return
    items = sub(sub(phys, "additions"), "list", type="markings")
    for marking in meta.markings:
        level = (
            pointer(classification_key(Classification(marking.level))) if marking.level else None
        )
        item = sub(items, "item", n=marking.type, corresp=f"#{marking.id}", ana=level)
        item.text = f"{_MARKING_LABELS.get(marking.type, 'Marking')}: "
        _marking_value(item, marking)


def _marking_value(item: etree._Element, marking: Marking) -> None:
    """The literal marking, or its normalised value where it has one."""
    value = marking.value
    if value is not None and marking.type in _VALUE_ELEMENTS:
        sub(item, _VALUE_ELEMENTS[marking.type], value.text, **dict(value.attrs))
        return
    sub(item, "q", marking.text)
    number = dict(value.attrs).get("value") if value is not None else None
    if marking.type == "printRun" and number is not None:
        sub(item, "num", number, value=number).tail = ")"
        item[-2].tail = " ("


def _history(ms: etree._Element, meta: DocumentMeta) -> None:
    printed, date = meta.print_date, meta.date
    para = sub(sub(sub(ms, "history"), "origin"), "p")
    if printed is not None:
        para.text = "Translation printed on "
        sub(para, "origDate", printed.text, **dict(printed.attrs))
        if date.text:
            para[-1].tail = "; the document it translates is dated "
            sub(para, "date", date.text, **dict(date.attrs)).tail = "."
        else:
            para[-1].tail = "."
    elif date.text:
        para.text = "Dated "
        sub(para, "origDate", date.text, **dict(date.attrs)).tail = "."
    else:
        para.text = "Date not stated in the translation."


def _encoding_desc(header: etree._Element, doc: Document, meta: DocumentMeta) -> None:
    desc = sub(header, "encodingDesc")
    app = sub(sub(desc, "appInfo"), "application", ident="tei-plenum", version=__version__)
    sub(app, "label", "tei-plenum converter")
    sub(
        app,
        "desc",
        f'plain-text to TEI P5 conversion; profile "{meta.genre}"; layout "{doc.layout}"',
    )
    editorial = sub(desc, "editorialDecl")
    sub(sub(editorial, "normalization"), "p", _EDITORIAL["normalization"])
    sub(sub(editorial, "quotation", marks="all"), "p", _EDITORIAL["quotation"])
    segmentation = sub(editorial, "segmentation")
    sub(segmentation, "p", _SEGMENTATION[doc.layout])
    if any(block.role is Role.COVER for block in doc.blocks):
        sub(segmentation, "p", _COVER_SEGMENTATION)
    sub(sub(editorial, "interpretation"), "p", _EDITORIAL["interpretation"])
    sub(sub(editorial, "correction", method="silent"), "p", _EDITORIAL["correction"])
    refs = sub(desc, "refsDecl")
    sub(refs, "p", "pb/@n numbers the pages of the transcription source from 1 in source order. "
        "div/@n holds a section number as an Arabic numeral; the head keeps the printed form. "
        "p/@n on an ordinal paragraph holds its ordinal value.")  # fmt: skip
    _class_decl(desc, meta)
    if doc.units:
        decl = sub(desc, "unitDecl")
        for key, label, description in doc.units:
            unit = sub(decl, "unitDef", xml_id=key, type="area")
            sub(unit, "label", label)
            sub(unit, "desc", description)


def _class_decl(desc: etree._Element, meta: DocumentMeta) -> None:
    """The scale of classification levels, when a marking states one (guide §6)."""
    if not any(marking.level for marking in meta.markings):
        return
    taxonomy = sub(sub(desc, "classDecl"), "taxonomy", xml_id=CLASSIFICATION_TAXONOMY)
    sub(taxonomy, "desc", _CLASSIFICATION_SCALE)
    for rank, level in enumerate(Classification, start=1):
        category = sub(taxonomy, "category", xml_id=classification_key(level), n=str(rank))
        sub(category, "catDesc", level)


def _profile_desc(header: etree._Element, meta: DocumentMeta) -> None:
    profile = sub(header, "profileDesc")
    creation = sub(profile, "creation")
    creation.text = _sentence(meta.genre)
    if meta.date.text:
        creation.text += ", "
        sub(creation, "date", meta.date.text, **dict(meta.date.attrs)).tail = "."
    else:
        creation.text += "."
    _lang_usage(sub(profile, "langUsage"), meta.languages)
    text_class = sub(sub(profile, "textClass"), "keywords")
    sub(text_class, "term", meta.genre, type="docType")
    if meta.participants.people or meta.participants.groups:
        _partic_desc(profile, meta)
    if meta.correspondence:
        desc = sub(profile, "correspDesc")
        for action in meta.correspondence:
            element = sub(desc, "correspAction", type=action.type)
            for name in action.names:
                _name(element, name)
            if action.date:
                sub(element, "date", **dict(action.date))


LANG_ORIGINAL = "lang-original"
LANG_INTERMEDIATE = "lang-intermediate"


def _lang_usage(usage: etree._Element, languages: Languages) -> None:
    """The chain from the original through the translation described to English (TEI 11.6.6):
    the original and the intermediate language are identified by ``xml:id``."""
    original, described = languages.original, languages.manuscript
    if original and original != "en":
        sub(usage, "language", f"{name_of(original)}: the language of the original",
            ident=original, xml_id=LANG_ORIGINAL)  # fmt: skip
    if described and described not in (original, "en"):
        sub(usage, "language",
            f"{name_of(described)}: the language of the translation the English was made from",
            ident=described, xml_id=LANG_INTERMEDIATE)  # fmt: skip
    if original == "en":
        sub(usage, "language", "English (the language of the original)", ident="en",
            usage="100", xml_id=LANG_ORIGINAL)  # fmt: skip
    else:
        sub(usage, "language", "English (translation)", ident="en", usage="100")


def _partic_desc(profile: etree._Element, meta: DocumentMeta) -> None:
    people = sub(sub(profile, "particDesc"), "listPerson", type="participants")
    for key, name in meta.participants.groups:
        group = sub(people, "personGrp", xml_id=key, role="side")
        sub(group, "name", name)
    for person in meta.participants.people:
        node = sub(people, "person", xml_id=person.key, role=" ".join(person.roles) or None)
        sub(node, "persName", person.name)
        if person.side:
            sub(node, "affiliation", ref=f"#{person.side}")
        if person.occupation:
            sub(node, "occupation", person.occupation)
        for id_type, value in person.idnos:
            sub(node, "idno", value, type=id_type)
