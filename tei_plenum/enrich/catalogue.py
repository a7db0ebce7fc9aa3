"""The catalogue: a document's fact sheet (:class:`~tei_plenum.docmeta.DocumentMeta`) from its
enriched blocks and its sidecar.

It runs after every other enricher and reads what they left: names (who issued the document,
who signed the translation), dates, signatures, handwriting, and the archive's own catalogue
data in the cover's blocks (its title and date, the citation with the holding archive, its
reference and the translator, the summary, the funders, the original language). The cover
is never the document's own title or date: it gives them only where the document prints none,
and the header says so. Where the sidecar and the text both speak (the title, the archive,
the English translator), the sidecar wins; the header's note says so. Everything the header
states is decided here; the TEI writer only maps. :func:`catalogue_warnings` names what could
not be found.

:func:`identify_markings` gives each marking its ``xml:id`` once, on the block, so that the
text's ``fw`` and the header's list of markings agree by construction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from .. import pattern_cache
from ..docmeta.records import (
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
    language_chain,
)
from ..languages import code_of, name_of
from ..letters import is_upper
from ..lexicon import ORG_HEADS
from ..metadata import Sidecar
from ..model import Attrs, Block, Document, Entity, Mark, Participant, Role, attrs
from ..reader import patterns as pat
from ..vocabulary import (
    ARCHIVE_DATE,
    ARCHIVE_TITLE,
    NUMBER_KINDS,
    RESP_ENCODER,
    RESP_TRANSLATOR_EN,
    Element,
    classification_of,
    pointer,
    resp_key,
)
from .citation import Citation, read_citation
from .dates import VALUE_NAMES, normalise

EDITION_SUBTITLE = "TEI encoding of the English translation"
UNKNOWN_TRANSLATOR = "Unknown translator"
NOT_STATED = "Not stated in the translation."
# Kinds of document whose closing date is their own (the day they were signed and sent); in a
# record of a conversation or a meeting it is a later date, recorded apart.
_DATED_BY_SIGNING = frozenset(
    {"letter", "telegram", "note", "report", "information", "decision", "resolution"}
)
# A date mark right after these words is the end of a range its normaliser did not read
# ("16 through 30 August 1957"): not the document's date.
_RANGE_TAIL = pattern_cache.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s*(?:through|to|till|until|and|[-–—])\s*$"
)
_SUPPORT = pattern_cache.compile(r"support\s+(?:from|of)\s+(?P<names>.+?)\.?\s*$", re.IGNORECASE)

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


def catalogue(
    doc: Document, sidecar: Sidecar | None = None, defaults: Sidecar | None = None
) -> DocumentMeta:
    """The fact sheet of ``doc``, with the sidecar's values winning over the text's, and the
    collection's ``defaults`` (archive, original language, translator) filling what neither
    gives."""
    sidecar = sidecar or Sidecar()
    defaults = defaults or Sidecar()
    blocks = doc.blocks
    entities = {e.key: e for e in doc.entities}
    markings = tuple(_markings(blocks))
    note = next((m.text for m in markings if m.type == "translationNote"), "")
    banner = _text_of(blocks, Role.BANNER)
    cover = _cover(blocks)
    citation = read_citation(cover["citation"].text) if "citation" in cover else Citation()
    archive_catalogue = _archive_catalogue(cover, citation)
    series = _series_span(cover)
    date = series or _document_date(doc, archive_catalogue.date)
    words = _value(cover.get("originalLanguage"))
    languages = _languages(sidecar, note, words, "")
    publisher = sidecar.archive or _archive(banner) or citation.publisher
    translator = sidecar.translator_en or (None if citation.translators else defaults.translator_en)
    used = (
        *(("archive",) if not publisher and defaults.archive else ()),
        *(("source_language",) if not languages.original and defaults.source_language else ()),
        *(("translator_en",) if not sidecar.translator_en and translator else ()),
    )
    if "source_language" in used:
        languages = _languages(sidecar, note, words, defaults.source_language or "")
    url = sidecar.url or citation.url
    return DocumentMeta(
        title=_title(
            doc, entities, date, sidecar.title, archive_catalogue.title, series=bool(series)
        ),
        date=date,
        genre=doc.genre,
        issuer=_issuer(blocks, entities),
        markings=markings,
        numbers=tuple(_numbers(markings)),
        responsibilities=(
            *_signers(blocks, note),
            _english_translator(translator, citation.translators, languages),
            _ENCODER,
        ),
        participants=Participants(_with_credits(doc.participants, blocks), doc.groups),
        correspondence=tuple(_correspondence(blocks, date)),
        archive=_archive_identity(sidecar, citation),
        source=TranscriptionSource(
            publisher=publisher or defaults.archive or "",
            edition=banner[banner.index("Translation") :] if "Translation" in banner else "",
            pages=doc.pages,
            idnos=(
                Identifier("sourceFile", doc.source_name),
                *((Identifier("URI", url),) if url else ()),
            ),
        ),
        summary=sidecar.summary or _value(cover.get("summary")),
        languages=languages,
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
        catalogue=archive_catalogue,
        provenance=Provenance(sidecar.file, sidecar.keys) if sidecar.file else None,
        defaults=used,
    )


def catalogue_warnings(meta: DocumentMeta) -> tuple[str, ...]:
    """What the fact sheet had to take from elsewhere or could not find: the title and the
    document date when the document prints none."""
    warnings = []
    if meta.title.source is TitleSource.ARCHIVE:
        warnings.append("no title printed in the document: the main title is the archive's")
    elif meta.title.source is TitleSource.CONSTRUCTED:
        warnings.append(
            "no title printed in the document nor given by the archive: the main title is "
            "constructed from the kind of document, its parties and its date"
        )
    if not meta.date.text:
        warnings.append("no document date found")
    elif ("source", pointer(ARCHIVE_DATE)) in meta.date.attrs:
        warnings.append("no date printed in the document: the document date is the archive's")
    return tuple(warnings)


# ---------------------------------------------------------------------- the archive's cover


def _cover(blocks: Sequence[Block]) -> dict[str, Block]:
    """The cover's blocks by field (the first of each)."""
    found: dict[str, Block] = {}
    for block in blocks:
        if block.role is Role.COVER:
            found.setdefault(block.attr("type") or "", block)
    return found


def _value(block: Block | None) -> str:
    """A cover field's words without its label."""
    if block is None:
        return ""
    label = next((m for m in block.marks if m.tag == "label"), None)
    return block.text[label.end :].strip() if label is not None else block.text


def _archive_catalogue(cover: Mapping[str, Block], citation: Citation) -> ArchiveCatalogue:
    """The archive's title and date (with their normalised values), citation, published
    source and funders."""
    date_block = cover.get("date")
    date = Phrase()
    if date_block is not None:
        value = normalise(date_block.text) or ()
        date = Phrase(date_block.text, value)
    support = _SUPPORT.search(_value(cover.get("credits")))
    funders = _funders(support.group("names")) if support else ()
    return ArchiveCatalogue(
        title=_value(cover.get("title")),
        date=date,
        citation=_value(cover.get("citation")),
        published_source=citation.source if citation.published else "",
        funders=funders,
    )


def _funders(names: str) -> tuple[str, ...]:
    """ "the MacArthur Foundation and the Leon Levy Foundation" -> both names."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+(?=the\s|[A-Z])", names)
    return tuple(re.sub(r"^the\s+", "", p.strip()) for p in parts if p.strip())


def _archive_identity(sidecar: Sidecar, citation: Citation) -> ArchiveIdentity:
    """Where the original is kept: the sidecar's values, else the citation's."""
    idnos = (Identifier("shelfmark", sidecar.idno),) if sidecar.idno else citation.idnos
    return ArchiveIdentity(
        country=sidecar.country or "",
        settlement=sidecar.settlement or "",
        institution=sidecar.institution or "",
        repository=sidecar.repository or citation.repository,
        collection=sidecar.collection or "",
        idnos=idnos,
        locus=None if sidecar.idno else citation.locus,
    )


def _languages(sidecar: Sidecar, note: str, archive_words: str, default: str) -> Languages:
    """The chain original -> described document -> English. The docket's translation note
    names the original; the archive's "Original Language" names the language of the document
    it translated (the one described), unless the docket says that document is itself a
    translation from that language; the sidecar wins over both, and the collection's
    ``default`` original language stands in for all three."""
    docket = code_of(note)
    archive = code_of(archive_words)
    original = sidecar.source_language or docket or archive or default
    if sidecar.manuscript_language:
        manuscript, cert = sidecar.manuscript_language, ""
    elif archive and archive != docket:
        manuscript, cert = archive, "high"
    else:
        manuscript, cert = "", ""
    return Languages(original, note, manuscript, cert, language_chain(original, manuscript, note))


# -------------------------------------------------------------------------- the document date

# An archive title that names several documents of one kind ("Cables from the Legation …,
# 3-5 June 1971"): the page holds a series, and the document printed first is one of it.
_SERIES = pattern_cache.compile(
    r"^(?:telegrams|cables|ciphergrams|cryptograms|letters|reports|messages|documents)\b",
    re.IGNORECASE,
)


def _series_span(cover: Mapping[str, Block]) -> Phrase | None:
    """The span of days the archive's title gives a series of documents, or None when the
    title names no series or no span: the series' date, where the first document's date
    would date only the first of them."""
    block = cover.get("title")
    if block is None or _SERIES.match(block.text) is None:
        return None
    span = _date_mark(block)
    if span is None or "from" not in dict(span.attrs):
        return None
    return Phrase(span.text, (*_values(span.attrs), ("source", pointer(ARCHIVE_TITLE))))


def _document_date(doc: Document, archive_date: Phrase) -> Phrase:
    """The date of what the document records: its title date, a date in its title, its
    dateline or date field, a period its title is about; else the archive's date for it;
    else, in a letter or telegram, the date it was signed. A date on the docket or in a
    registration stamp never counts."""
    blocks = [b for b in doc.blocks if not _in_back(b)]
    confirmed = _title_date_as_archived(blocks, archive_date)
    if confirmed is not None:
        return confirmed
    for block in blocks:
        if block.role is Role.DOC_DATE and block.text:
            # A letter's date line may end with a stop ("March 3, 1966."): the sentence
            # that quotes the date brings its own.
            text = (
                block.text[:-1]
                if block.text.endswith(".") and block.text[-2:-1].isdigit()
                else block.text
            )
            return Phrase(text, _values(block.attrs) or doc.doc_date)
    titled = _title_day(blocks)
    # A title's day may be the day of what the document reports; a title's span is the
    # period the document covers (a journal's), which no single day replaces.
    if titled is None or "when" in dict(titled.attrs):
        printed = _date_line_as_archived(blocks, archive_date)
        if printed is not None:
            return printed
    if titled is not None and _dates_the_document(titled.attrs, doc.doc_date):
        return titled
    for block in blocks:
        found = _date_mark(block) if block.role is Role.DATELINE else None
        if found is not None and not _in_closer(block):
            return found
    if titled is not None:
        return titled
    # The period a title line gives ("for the period from 1 to 31 May 1959"), read by the
    # date enricher as the document date.
    marked = (
        (b, m) for b in blocks for m in b.marks if m.tag == "date" and m.attrs == doc.doc_date
    )
    found = next((Phrase(_mark_text(b, m), m.attrs) for b, m in marked), None)
    if doc.doc_date and found is not None:
        return found
    if archive_date.attrs:
        return Phrase(archive_date.text, (*archive_date.attrs, ("source", pointer(ARCHIVE_DATE))))
    if doc.genre in _DATED_BY_SIGNING and (signed := _closing_date(blocks)) is not None:
        return signed
    return Phrase()


def _title_date_as_archived(blocks: Sequence[Block], archive_date: Phrase) -> Phrase | None:
    """The day a title line gives, when the archive dates the document so: the record's own
    date under its heading ("RECORD OF A CONVERSATION … / 16 April 1969"), not the date of
    the covering letterhead above it ("SOVIET EMBASSY … 6 June 1969 Nº 143")."""
    return _printed_as_archived(blocks, archive_date, lambda b: b.role in _TITLE_ROLES)


def _date_line_as_archived(blocks: Sequence[Block], archive_date: Phrase) -> Phrase | None:
    """The day a dateline or a line holding only a date gives, when the archive dates the
    document so: the note's dateline, not the day of the conversation its title names; the
    covering telegram's day under its signature, not the enclosed letter's dateline."""
    return _printed_as_archived(blocks, archive_date, _is_date_line)


def _printed_as_archived(
    blocks: Sequence[Block], archive_date: Phrase, where: Callable[[Block], bool]
) -> Phrase | None:
    archived = _values(archive_date.attrs)
    if not _to_the_day(archived):
        return None
    for block in blocks:
        found = _date_mark(block) if where(block) else None
        if found is not None and _values(found.attrs) == archived:
            return found
    return None


_TITLE_ROLES = frozenset({Role.TITLE, Role.SUBTITLE})


def _is_date_line(block: Block) -> bool:
    """A dateline, or a line of the document (not the archive's cover) holding one date and
    nothing else."""
    return block.role is Role.DATELINE or (
        block.role is not Role.COVER and pat.is_date_only(block.text)
    )


def _date_mark(block: Block) -> Phrase | None:
    """The first date marked in a block, unless it ends a range that was not read whole."""
    for mark in block.marks:
        if mark.tag == "date" and _values(mark.attrs):
            if _RANGE_TAIL.search(block.text[: mark.start]):
                return None
            return Phrase(_mark_text(block, mark), mark.attrs)
    return None


def _to_the_day(attributes: Attrs) -> bool:
    """A date that names a day (or a span of days): a title's "Held on 14 December 1944",
    not the year it is about ("Report on the Work in 1959")."""
    return any(k in VALUE_NAMES and len(v) == len("1958-01-01") for k, v in attributes)


def _title_day(blocks: Sequence[Block]) -> Phrase | None:
    """The first date to the day (or span of days) a title line gives."""
    for block in blocks:
        found = _date_mark(block) if block.role in (Role.TITLE, Role.SUBTITLE) else None
        if found is not None and _to_the_day(found.attrs):
            return found
    return None


def _dates_the_document(attributes: Attrs, doc_date: Attrs) -> bool:
    """A title's day dates the document before its dateline; a title's span only when the
    date enricher read it as the document's ("for the period from 1 to 15 June"), not the
    period a report is about ("Report on … in the first half of 1966" above its dateline's
    day), which dates it only without a dateline."""
    values = {k: v for k, v in attributes if k in VALUE_NAMES}
    return "when" in values or values == {k: v for k, v in doc_date if k in VALUE_NAMES}


def _values(attributes: Attrs) -> Attrs:
    """The date attributes among ``attributes`` (a block's own are its role's)."""
    names = (*VALUE_NAMES, "evidence", "cert", "resp")
    return tuple((k, v) for k, v in attributes if k in names)


def _in_closer(block: Block) -> bool:
    return any(c.tag == "closer" for c in block.path)


def _closing_date(blocks: Sequence[Block]) -> Phrase | None:
    """The date of the closer's dateline: when the document was signed."""
    for block in blocks:
        found = _date_mark(block) if block.role is Role.DATELINE else None
        if found is not None and _in_closer(block):
            return found
    return None


# ------------------------------------------------------------------------------- the title


def _title(
    doc: Document,
    entities: Mapping[str, Entity],
    date: Phrase,
    sidecar_title: str | None,
    archive_title: str,
    *,
    series: bool = False,
) -> Title:
    """The printed title with its continuation lines, and the date when the title has none
    (guide §4.1). When none is printed, or when the archive's title names a ``series`` of
    which the printed title is the first document's: the archive's title as the archive
    gives it; else one built from the kind of document, its parties and its date; never
    from the first words of the text. The sidecar's title, when it gives one, is the main
    title."""
    lines = [b for b in doc.blocks if b.role is Role.TITLE]
    acronyms = _acronyms(doc.blocks)
    printed = pat.unspaced(
        " ".join(
            title_case(b, entities, first=n == 0, acronyms=acronyms) for n, b in enumerate(lines)
        )
    )
    heading = _without_receipt(_without_file(printed))
    yields = series or _kind_alone(heading) or _fragmentary([b.text for b in lines])
    if printed and not (archive_title and yields):
        dated = any(m.tag == "date" and _to_the_day(m.attrs) for b in lines for m in b.marks)
        from_text = printed if dated else _with_date(printed, date)
        source = TitleSource.PRINTED
    elif archive_title:
        from_text, source = archive_title, TitleSource.ARCHIVE
    else:
        from_text, source = _constructed_title(doc, date), TitleSource.CONSTRUCTED
    return Title(
        main=sidecar_title or from_text,
        source=TitleSource.SIDECAR if sidecar_title else source,
        printed=printed.rstrip(" ,;:"),
        subtitle=_text_of(doc.blocks, Role.SUBTITLE),
        from_text=from_text,
        edition_subtitle=EDITION_SUBTITLE,
    )


# The words of a title that names only a kind of document ("RECORD OF CONVERSATION",
# "Ciphered Telegram"): such a title is a reduction to genre, and the archive's, which names
# the parties, is the better main title.
_KIND_ONLY_WORDS = frozenset(
    "the a an of from copy extract excerpt ciphered coded secret urgent top stenographic "
    "verbatim record records minutes protocol transcript memorandum notes note conversation "
    "conversations talks meeting telegram cable ciphergram cryptogram letter decision resolution "
    "decree report information journal diary speech bulletin".split()
)


# A title line ending in a word that wants its complement ("from the journal of"), and the
# next line opening with another such word ("with Fidel …"): the words between were lost.
_DANGLING_END = pattern_cache.compile(
    r"\b(?:of|the|a|an|and|with|between|to|by|for)\s*$", re.IGNORECASE
)
_LINKING_START = pattern_cache.compile(r"^(?:of|and|with|between|to|by|for|on|in)\b", re.IGNORECASE)


def _fragmentary(lines: Sequence[str]) -> bool:
    """Title lines that lost words: a title that lost its heading words ("with the head of
    …", or any title opening in small letters: "telegram to …" under "Amended text of a"),
    or a gap between two lines where the copy lost a styled line (the author's name under
    "from the journal of"). The archive's title is the better one."""
    lost_head = bool(lines) and (pat.is_title_fragment(lines[0]) or lines[0][:1].islower())
    return lost_head or any(
        _DANGLING_END.search(first) and _LINKING_START.match(second)
        for first, second in pairwise(lines)
    )


# A file or registry number closing a cable's heading ("Telegram from Berlin File # 12.345").
_FILE_NUMBER = pattern_cache.compile(
    r"\s*\b(?:file|reg(?:istration)?\.?)\s*(?:#|No\.?|N[º°])\s*\S+$", re.I
)
# An origin after the kind: one capitalised word, a place ("Telegram from Berlin").
_FROM_PLACE = pattern_cache.compile(r"\s+from\s+[A-Z][\w'’-]+$")


def _without_file(title: str) -> str:
    """A heading with its file number, and then its bare origin, taken off: "Telegram from
    Berlin File # 12.345" is only a routing heading, which the archive's title beats. A
    heading with no file number stays as it is."""
    bare = _FILE_NUMBER.sub("", title)
    return title if bare == title else _FROM_PLACE.sub("", bare)


# Who received a cable, printed on its form ("Telegram Received by the Foreign Ministry").
_RECEIVED_BY = pattern_cache.compile(r"\s+received\s+(?:by|at|in)\s.*$", re.IGNORECASE)


def _without_receipt(title: str) -> str:
    """A cable form's heading without the office that received it: what is left names only
    the kind, and the archive's title, which names the subject, is the better one."""
    return _RECEIVED_BY.sub("", title)


def _kind_alone(title: str) -> bool:
    """A title that names only a kind of document."""
    words = [w.strip(".,:;").lower() for w in title.split()]
    return len(words) <= 4 and all(w in _KIND_ONLY_WORDS for w in words)


def _with_date(title: str, date: Phrase) -> str:
    """The title with the document's date after it (guide §4.1), unless it holds that date."""
    if not date.text or date.text.casefold() in title.casefold():
        return title
    # A title cut before its place and date keeps its comma in the text ("… and Chen Yi,"), a
    # title line its full stop ("… visit to Budapest."); an abbreviation keeps its own.
    return f"{_SENTENCE_STOP.sub('', title.rstrip(' ,;:'))}, {date.text}"


_SENTENCE_STOP = pattern_cache.compile(r"(?<=[a-z])\.$")


def _constructed_title(doc: Document, date: Phrase) -> str:
    """ "Telegram from Pyongyang to USSR MFA, Moscow, 6 September 1956": the kind of document,
    its sender and addressee as the address lines print them, its date; the file name when
    nothing is known."""
    parts = []
    for role, word in (("sender", "from"), ("recipient", "to")):
        address = next(
            (b for b in doc.blocks if b.role is Role.ADDRESS and b.attr("role") == role), None
        )
        if address is not None:
            parts.append(f"{word} {_ADDRESS_LABEL.sub('', address.text).rstrip('.,;:')}")
    kind = doc.genre if doc.genre != "other" else ""
    title = " ".join([kind[:1].upper() + kind[1:], *parts]).strip()
    if not title:
        return f"Document, {date.text}" if date.text else doc.source_name
    return f"{title}, {date.text}" if date.text else title


_ADDRESS_LABEL = pattern_cache.compile(r"^(?:from|to|addressee)\b\s*:?\s*", re.IGNORECASE)


def title_case(
    block: Block,
    entities: Mapping[str, Entity],
    *,
    first: bool = True,
    acronyms: frozenset[str] = frozenset(),
) -> str:
    """A printed title in the header's casing: capitals lowered except inside names and in
    the ``acronyms`` the document prints (§4.1); a word printed in small letters amid the
    capitals stays as printed. A title's later line (``first`` false) starts with a small word
    in lower case too."""
    text = block.text
    if not is_upper(text):
        return text
    keep = [(m.start, m.end, m.tag) for m in block.marks if m.tag.endswith("Name")]
    words = []
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        inside = next((k for k in keep if k[0] <= start and end <= k[1]), None)
        word = match.group()
        if (
            _INITIALS.fullmatch(word)
            or word.islower()  # printed so amid capitals ("c." for comrade, "de", "von")
            or word.strip(_PUNCTUATION) in acronyms
            or (inside and inside[2] in ("orgName", "placeName") and _acronym_in_name(word))
            or (word.startswith("(") and _acronym_in_name(word.strip("(),.;:")))  # "(NLTIC)"
        ):
            words.append(word)
        elif inside:
            words.append(_cap(word.lower()))
        elif word.lower() in _SMALL_WORDS and (words or not first):
            words.append(word.lower())
        else:
            words.append(_cap(word.lower()))
    return " ".join(words)


def _acronym_in_name(word: str) -> bool:
    """A short word in a body's or a place's name printed in capitals, no head noun of a
    body's name and, of five letters, with one vowel at most ("USSR", "CPSU", "MSZMP"; never
    the "PARTY" of "WORKERS' PARTY", nor "LABOR")."""
    bare = word.strip(",.")
    if len(bare) > 5 or bare.capitalize() in ORG_HEADS:
        return False
    return len(bare) < 5 or sum(letter in "AEIOU" for letter in bare.upper()) <= 1


# Initials keep their capitals in a re-cased title ("I.V. Stalin").
_INITIALS = pattern_cache.compile(r"(?:\w\.){2,}[,;:]?")
_PUNCTUATION = ".,;:()[]\"'“”‘’"
# A word of capitals only, as an acronym is printed in running text ("FRU", "MFA"), with the
# punctuation around it.
_ACRONYM_WORD = pattern_cache.compile(
    rf"(?<!\S)[{re.escape(_PUNCTUATION)}]*([A-Z]{{2,6}})[{re.escape(_PUNCTUATION)}]*(?!\S)"
)
# Two capitals side by side, which every such word holds: most blocks have none, and this
# is found many times faster than the word.
_TWO_CAPITALS = pattern_cache.compile(r"[A-Z]{2}")


def _acronyms(blocks: Sequence[Block]) -> frozenset[str]:
    """The acronyms the document prints in capitals amid lower case: a title set in capitals
    keeps them when it is re-cased ("FRU President", never "Fru President")."""
    return frozenset(word for b in blocks if not is_upper(b.text) for word in _amid_lower(b.text))


def _amid_lower(text: str) -> Iterator[str]:
    """Words in capitals between words in lower case ("and FRU President"): a heading's
    capitals ("RECORD OF TALKS with …") are no acronyms, nor is a line's first word. Only the
    words around each word in capitals are looked at: this runs on every block."""
    if _TWO_CAPITALS.search(text) is None:
        return
    for match in _ACRONYM_WORD.finditer(text):
        before = text[: match.start()].rsplit(None, 1)
        after = text[match.end() :].split(None, 1)
        if (
            before
            and not is_upper(before[-1].strip(_PUNCTUATION))
            and not (after and is_upper(after[0].strip(_PUNCTUATION)))
        ):
            yield match.group(1)


def _cap(word: str) -> str:
    return re.sub(r"^([^\w]*)(\w)", lambda m: m.group(1) + m.group(2).upper(), word)


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
    """The author: the person a byline names as the document's author ("From the diary of
    N. V. Roshchin"); else the issuing body, an organisation named in the closer's signature
    or the title's head, else a person named in a byline. A title's continuation lines, and
    the words after its "with" or "between", name its parties ("Conversation with the chairman
    of the People's Government"), not its issuer; a byline of a closer credits an interpreter
    or recorder, not the author."""
    authored = any(b.role is Role.BYLINE and b.has_mark("docAuthor") for b in blocks)
    order = (Role.BYLINE,) if authored else (Role.SIGNED, Role.TITLE, Role.BYLINE)
    for role in order:
        wanted = "persName" if role is Role.BYLINE else "orgName"
        for block in blocks:
            if (
                block.role is not role
                or _in_back(block)
                or block.text[:1].islower()
                or _closing_byline(block)
            ):
                continue
            parties = _PARTIES.search(block.text) if role is Role.TITLE else None
            for mark in block.marks:
                if mark.tag == wanted and (parties is None or mark.start < parties.start()):
                    ref = dict(mark.attrs).get("ref", "")
                    entity = entities.get(ref.lstrip("#"))
                    name = (entity.full_name or entity.name) if entity else _mark_text(block, mark)
                    return Name(name, wanted, attrs(ref=ref or None))
    return None


_PARTIES = pattern_cache.compile(r"\b(?:with|between)\b")


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
            caption = pat.caption_words(block.text).lower()
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
    words = caption.rstrip(": ").replace("[", "").replace("]", "").removesuffix(" by")
    return f"{words}, signed in the closing block"


def _english_translator(
    sidecar_name: str | None, cited: Sequence[str], languages: Languages
) -> Responsibility:
    """The sidecar's translator, else those the archive's citation names, else unknown: the
    archive's banner names the publisher, never the translator. The responsibility names the
    language the English was made from, when it is known."""
    if sidecar_name:
        names: tuple[Name, ...] = (Name(sidecar_name, "persName"),)
    else:
        names = tuple(Name(n, "persName") for n in cited) or (Name(UNKNOWN_TRANSLATOR),)
    source = languages.translated_from
    if source == "en":
        what = "Transcription of the English original"
    elif source:
        what = f"English translation from {name_of(source)}"
    else:
        what = "English translation"
    return Responsibility(
        RESP_TRANSLATOR_EN, f"{what}, including every square-bracketed insertion", names
    )


def _archive(banner: str) -> str:
    """The archive named in the banner line ("Wilson Center Digital Archive Translation…")."""
    return re.split(r"\s+Translation\b", banner)[0].strip() if banner else ""


def _earlier(attributes: Attrs, other: Attrs) -> bool:
    """Whether the day ``attributes`` name comes before the day ``other`` names."""
    day, other_day = dict(attributes).get("when", ""), dict(other).get("when", "")
    return len(day) == len(other_day) == len("1958-01-01") and day < other_day


def _correspondence(blocks: Sequence[Block], date: Phrase) -> Iterator[CorrespAction]:
    """Sender and recipient from the address blocks: the names marked in them, else the
    address without its label ("To: …"). The sending is dated with the day the document was
    signed (its closer's date) when that is printed and not before the document date, else
    with the document date."""
    signed = _closing_date([b for b in blocks if not _in_back(b)])
    if signed is not None and _earlier(signed.attrs, date.attrs):
        signed = None  # a document is not signed before its date: an enclosure's closer
    sent_date = signed.attrs if signed is not None else date.attrs
    sent_date = tuple((k, v) for k, v in sent_date if k != "source")
    for kind, role in (("sent", "sender"), ("received", "recipient")):
        found = [b for b in blocks if b.role is Role.ADDRESS and b.attr("role") == role]
        if not found:
            if kind == "sent" and signed is not None and signed.attrs != date.attrs:
                yield CorrespAction("sent", (), sent_date)
            continue
        names = tuple(
            Name(_mark_text(b, m), m.tag, m.attrs)
            for b in found
            for m in b.marks
            if m.tag.endswith("Name")
        )
        if not names:
            names = (Name(re.sub(r"^[^:]*:\s*", "", found[0].text)),)
        yield CorrespAction(kind, names, sent_date if kind == "sent" else ())
