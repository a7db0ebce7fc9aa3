"""How to cite a document: one record of its bibliographic facts, and its forms.

:func:`cited` gathers what a citation needs from the fact sheet (:class:`DocumentMeta`, read
from any TEI header) and the edition the page belongs to; every form is made from that one
record: the Chicago notes-bibliography note and bibliography entry (17th edition, the form
for an archival document consulted online), CSL-JSON (which any reference manager formats in
any style) and BibTeX (biblatex). Nothing is invented: a fact the header does not state is
left out, never guessed, and no date of access is added, so the same document always gives
the same citation.

The Chicago forms are built here rather than by a CSL processor: citeproc-py, the Python one,
puts a period after a closing quotation mark (``“Title”.``) where Chicago wants it inside, and
its style package weighs 90 MB for one style. CSL-JSON carries the same facts to Zotero or
citeproc-js for any other style.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .. import pattern_cache
from ..docmeta import DocumentMeta
from ..enrich.catalogue import UNKNOWN_TRANSLATOR
from ..vocabulary import RESP_TRANSLATOR_EN

if TYPE_CHECKING:
    from .html_options import Edition

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_ISO = pattern_cache.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_BIBTEX_SPECIAL = pattern_cache.compile(r"([\\{}%&$#_^~])")
_KEY = pattern_cache.compile(r"[^A-Za-z0-9_-]+")
# Embeddings, overrides and isolates: a citation is plain text that no markup can isolate.
_BIDI_CONTROLS = pattern_cache.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a formatted citation: words, a title to set in italics, or a link."""

    text: str
    url: str = ""
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Cited:
    """The bibliographic facts of one document, as a citation states them."""

    key: str
    title: str
    author: str = ""
    date_text: str = ""
    date_parts: tuple[tuple[int, ...], ...] = ()
    genre: str = ""
    archive: str = ""
    archive_place: str = ""
    archive_location: str = ""
    translators: tuple[str, ...] = ()
    source: str = ""
    """Who published the translation (the archive's website, a collection)."""
    source_url: str = ""
    original_language: str = ""
    edition: Edition | None = None
    url: str = ""
    """The address of this edition's page, when the edition has a base URL."""


def cited(
    meta: DocumentMeta,
    *,
    key: str,
    title: str,
    edition: Edition | None = None,
    url: str = "",
    source_url: str = "",
) -> Cited:
    """The citation record of a document; ``source_url`` is the archive's address when it is
    a safe link (the caller decides), ``url`` the page's own address."""
    archive = meta.archive
    place = ", ".join(p for p in (archive.settlement, archive.country) if p)
    holder = ", ".join(
        dict.fromkeys(p for p in (archive.repository, archive.institution, archive.collection) if p)
    )
    location = ", ".join(i.value for i in archive.idnos if i.value)
    if archive.locus is not None and archive.locus.text:
        location = ", ".join(p for p in (location, archive.locus.text) if p)
    return Cited(
        key=_KEY.sub("-", key).strip("-") or "document",
        title=_plain(title),
        author=_plain(meta.issuer.text) if meta.issuer is not None else "",
        date_text=_plain(meta.date.text),
        date_parts=_date_parts(dict(meta.date.attrs)),
        genre=meta.genre,
        archive=_plain(holder),
        archive_place=_plain(place),
        archive_location=_plain(location),
        translators=tuple(_translators(meta)),
        source=_plain(meta.source.publisher),
        source_url=source_url,
        original_language=meta.languages.original,
        edition=edition,
        url=url,
    )


def _plain(text: str) -> str:
    return " ".join(_BIDI_CONTROLS.sub("", text).split())


def _translators(meta: DocumentMeta) -> Iterator[str]:
    """The English translator, when the header names one other than the translation's
    publisher (who is named as such: the archive that translated its own document)."""
    publisher = _plain(meta.source.publisher)
    for responsibility in meta.responsibilities:
        if responsibility.id == RESP_TRANSLATOR_EN:
            for name in responsibility.names:
                text = _plain(name.text)
                if text and text not in (UNKNOWN_TRANSLATOR, publisher):
                    yield text


def _date_parts(attrs: dict[str, str]) -> tuple[tuple[int, ...], ...]:
    """The date as CSL date parts: one for ``when``, two for a range; empty when the
    attributes hold no ISO date."""
    ends = [attrs.get("when")] if attrs.get("when") else [attrs.get("from"), attrs.get("to")]
    if not ends[0]:
        ends = [attrs.get("notBefore"), attrs.get("notAfter")]
    parts = tuple(p for p in (_parts(value) for value in ends if value) if p)
    return parts if len(parts) == len([v for v in ends if v]) else ()


def _parts(value: str) -> tuple[int, ...]:
    found = _ISO.fullmatch(value.strip())
    if found is None:
        return ()
    numbers = tuple(int(g) for g in found.groups() if g is not None)
    try:
        if len(numbers) == 3:
            date(*numbers)
        elif len(numbers) == 2 and not 1 <= numbers[1] <= 12:
            return ()
    except ValueError:
        return ()
    return numbers


def chicago_date(item: Cited) -> str:
    """The date as Chicago writes it (``August 30–31, 1956``), else as printed."""
    if not item.date_parts:
        return item.date_text
    first, last = item.date_parts[0], item.date_parts[-1]
    if first == last:
        return _one_date(first)
    if len(first) == len(last) == 3 and first[0] == last[0]:
        start = f"{_MONTHS[first[1] - 1]} {first[2]}"
        end = str(last[2]) if first[1] == last[1] else f"{_MONTHS[last[1] - 1]} {last[2]}"
        return f"{start}–{end}, {first[0]}"
    if len(first) == len(last) == 2 and first[0] == last[0]:
        return f"{_MONTHS[first[1] - 1]}–{_MONTHS[last[1] - 1]} {first[0]}"
    return f"{_one_date(first)}–{_one_date(last)}"


def _one_date(parts: tuple[int, ...]) -> str:
    if len(parts) == 3:
        return f"{_MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


# ----------------------------------------------------------------------------------- Chicago


def chicago_note(item: Cited) -> list[Part]:
    """The full note: elements apart by commas, the title's comma inside its quotation
    marks (CMOS 14.222 ff.: an unpublished document in an archive, consulted online)."""
    return _chicago(item, note=True)


def chicago_bibliography(item: Cited) -> list[Part]:
    """The bibliography entry: elements apart by periods, the translator spelt out."""
    return _chicago(item, note=False)


def _chicago(item: Cited, *, note: bool) -> list[Part]:
    sep = "," if note else "."
    elements: list[list[Part]] = []
    if item.author:
        elements.append([Part(item.author)])
    elements.append([Part(f"“{item.title}")])
    date_words = chicago_date(item)
    if date_words:
        elements.append([Part(date_words)])
    for words in (item.archive_location, item.archive, item.archive_place):
        if words:
            elements.append([Part(words)])
    if item.translators:
        who = names_joined(item.translators)
        elements.append([Part(f"trans. {who}" if note else f"Translated by {who}")])
    if item.source:
        elements.append([Part(item.source)])
    if item.source_url:
        elements.append([Part(item.source_url, url=item.source_url)])
    edition = item.edition
    if edition is not None and edition.title:
        within = [Part("in " if note else "In "), Part(edition.title, italic=True)]
        if edition.editors:
            within.append(
                Part(f", {'ed.' if note else 'edited by'} {names_joined(edition.editors)}")
            )
        if edition.publisher:
            within.append(Part(f" ({edition.publisher})" if note else f". {edition.publisher}"))
        elements.append(within)
    if item.url:
        elements.append([Part(item.url, url=item.url)])
    parts: list[Part] = []
    for index, element in enumerate(elements):
        if index:
            closing = parts[-1].text.startswith("“") and not parts[-1].text.endswith("”")
            if closing:
                # The title closes after the separator's punctuation: “Title,” / “Title.”
                parts[-1] = Part(parts[-1].text + _stop(parts[-1].text, sep) + "”")
                parts.append(Part(" "))
            else:
                parts.append(Part(_stop(parts[-1].text, sep) + " "))
            if not note:
                element = [_capitalised(element[0]), *element[1:]]
        parts.extend(element)
    last = parts[-1]
    if last.text.startswith("“") and not last.text.endswith("”"):
        parts[-1] = Part(last.text + _stop(last.text, ".") + "”")
    elif last.url or _stop(last.text, "."):
        parts.append(Part("."))
    return parts


def _stop(text: str, mark: str) -> str:
    """``mark`` after ``text``, unless the text ends a sentence of its own (“Why?”)."""
    if text.endswith(("?", "!")) or (mark == "." and text.endswith(".")):
        return ""
    return mark


def _capitalised(part: Part) -> Part:
    if part.url or not part.text[:1].islower():
        return part
    return Part(part.text[:1].upper() + part.text[1:], part.url, part.italic)


def names_joined(names: Sequence[str]) -> str:
    """Names as a sentence lists them: "A", "A and B", "A, B, and C"."""
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])}, and {names[-1]}"


def plain(parts: Sequence[Part]) -> str:
    """A formatted citation as plain text, ready to paste."""
    return "".join(part.text for part in parts)


# ---------------------------------------------------------------------------- CSL and BibTeX


def csl_json(item: Cited) -> str:
    """The document as one CSL-JSON item (a list of one), for reference managers."""
    record: dict[str, object] = {"id": item.key, "type": "manuscript", "title": item.title}
    if item.author:
        record["author"] = [{"literal": item.author}]
    if item.translators:
        record["translator"] = [{"literal": name} for name in item.translators]
    if item.date_parts:
        record["issued"] = {"date-parts": [list(p) for p in item.date_parts]}
    elif item.date_text:
        record["issued"] = {"literal": item.date_text}
    optional = {
        "genre": item.genre,
        "archive": item.archive,
        "archive-place": item.archive_place,
        "archive_location": item.archive_location,
        "source": item.source,
        "language": "en",
    }
    record.update({k: v for k, v in optional.items() if v})
    edition = item.edition
    if edition is not None:
        if edition.title:
            record["container-title"] = edition.title
        if edition.editors:
            record["editor"] = [{"literal": name} for name in edition.editors]
        if edition.publisher:
            record["publisher"] = edition.publisher
    url = item.url or item.source_url
    if url:
        record["URL"] = url
    if item.url and item.source_url:
        record["note"] = f"Translation published at {item.source_url}"
    return json.dumps([record], ensure_ascii=False, indent=2) + "\n"


def bibtex(item: Cited) -> str:
    """The document as one biblatex ``@misc`` entry."""
    fields: list[tuple[str, str]] = []
    if item.author:
        # Double braces: a corporate author is one name, never "Party, Central Committee".
        fields.append(("author", "{" + _tex(item.author) + "}"))
    fields.append(("title", _tex(item.title)))
    if item.date_parts:
        fields.append(("date", "/".join(_iso(p) for p in item.date_parts)))
    elif item.date_text:
        fields.append(("date", _tex(item.date_text)))
    if item.translators:
        fields.append(("translator", " and ".join("{" + _tex(n) + "}" for n in item.translators)))
    if item.genre:
        fields.append(("type", _tex(item.genre)))
    held = ", ".join(p for p in (item.archive_location, item.archive, item.archive_place) if p)
    if held:
        fields.append(("howpublished", _tex(held)))
    if item.source:
        fields.append(("organization", _tex(item.source)))
    edition = item.edition
    if edition is not None and edition.title:
        fields.append(("booktitle", _tex(edition.title)))
        if edition.editors:
            fields.append(("editor", " and ".join("{" + _tex(n) + "}" for n in edition.editors)))
        if edition.publisher:
            fields.append(("publisher", _tex(edition.publisher)))
    url = item.url or item.source_url
    if url:
        fields.append(("url", url.replace("\\", "").replace("{", "%7B").replace("}", "%7D")))
    if item.url and item.source_url:
        fields.append(("note", "Translation published at \\url{" + _tex_url(item.source_url) + "}"))
    fields.append(("langid", "english"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{item.key},\n{body}\n}}\n"


def _iso(parts: tuple[int, ...]) -> str:
    return "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(parts))


def _tex(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def _tex_url(url: str) -> str:
    return url.replace("\\", "").replace("{", "%7B").replace("}", "%7D")
