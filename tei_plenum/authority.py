"""The authority file: known people, places, organisations and events, and how to find them.

An authority file is a TEI document whose ``standOff`` (or ``text/body``) holds ``listPerson``,
``listPlace``, ``listOrg`` and ``listEvent``. Each record has an ``xml:id`` (its key), a
preferred name (the first name element without ``@type``), optional ``type="full"`` and
``type="variant"`` names, and ``idno`` elements for Wikidata, GeoNames or VIAF. A variant with
``@cert`` ("medium", "low") is an uncertain identification: a mention of it gets its own record
that names the identified entity as its standard form (encoding guide §5, §16).

The bundled file is read first, then the user's files in order; a later record wins over an
earlier one with the same key, and takes over any variant that an earlier record claimed.
All variants go into one Aho-Corasick automaton, so finding names costs time in proportion to
the text, not to the number of records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from lxml import etree

from . import resources
from .errors import ConfigError, Location, TeiParseError
from .model import Attrs
from .parallel import FileStamp, file_stamps, per_process
from .vocabulary import KIND_OF_RECORD, XML_ID, EntityType, tei_tag
from .xmlsafe import parse_xml_file


@dataclass(frozen=True, slots=True)
class Record:
    """One authority record, as read from a file."""

    key: str
    type: EntityType
    name: str
    full_name: str | None = None
    variants: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()
    idnos: Attrs = ()
    occupation: str | None = None
    when: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A variant found in a text: ``text[start:end]`` names ``key``.

    ``uncertain`` is true when the variant is only a possible spelling of the record's name.
    """

    start: int
    end: int
    key: str
    uncertain: bool = False


class Authority:
    """Records by key plus one automaton over every spelling; immutable once built."""

    def __init__(self, records: Sequence[Record]) -> None:
        by_key: dict[str, Record] = {}
        for record in records:
            by_key.pop(record.key, None)
            by_key[record.key] = record
        self._records = by_key
        self._owner: dict[str, tuple[str, bool]] = {}
        # Explicit spellings first, in file order so that a later file wins; derived all-caps
        # and typographic-apostrophe forms never displace an explicit spelling.
        for record in by_key.values():
            for surface in (record.name, record.full_name, *record.variants):
                if surface:
                    self._owner[surface] = (record.key, False)
            for surface in record.uncertain:
                self._owner[surface] = (record.key, True)
        derived: dict[str, tuple[str, bool]] = {}
        for surface, owner in self._owner.items():
            for form in _derived_forms(surface):
                if form not in self._owner:
                    derived.setdefault(form, owner)
        self._owner.update(derived)
        self._automaton = ahocorasick.Automaton()
        for surface, (key, uncertain) in self._owner.items():
            self._automaton.add_word(surface, (len(surface), key, uncertain))
        if self._owner:
            self._automaton.make_automaton()

    @classmethod
    def load(cls, paths: Sequence[Path] = ()) -> Authority:
        """The bundled authority followed by the user's files, compiled once per process (and
        again when one of the files changes)."""
        files = (resources.data_path("authority.xml"), *paths)
        return per_process(_compile, file_stamps(files))

    @property
    def size(self) -> int:
        return len(self._records)

    def __contains__(self, key: str) -> bool:
        return key in self._records

    def record(self, key: str) -> Record:
        return self._records[key]

    def records(self) -> Iterator[Record]:
        return iter(self._records.values())

    def lookup(self, surface: str) -> Hit | None:
        """The record a whole string names, if it is a known spelling."""
        owner = self._owner.get(surface)
        if owner is None:
            return None
        return Hit(0, len(surface), owner[0], owner[1])

    def find(self, text: str) -> list[Hit]:
        """Every known spelling in ``text`` that stands as a whole word, overlaps included."""
        if not self._owner:
            return []
        hits = []
        for end_index, (length, key, uncertain) in self._automaton.iter(text):
            end = end_index + 1
            start = end - length
            if is_word_boundary(text, start, end):
                hits.append(Hit(start, end, key, uncertain))
        return hits


def is_word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` neither begins nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _derived_forms(surface: str) -> set[str]:
    forms = {surface.upper()}
    if "'" in surface:
        forms |= {form.replace("'", "’") for form in (surface, surface.upper())}
    forms.discard(surface)
    return forms


def _compile(files: tuple[FileStamp, ...]) -> Authority:
    records: list[Record] = []
    for path, _size, _mtime in files:
        records.extend(read_records(Path(path)))
    return Authority(records)


def read_records(path: Path) -> list[Record]:
    """Parse one authority file; every problem is a :class:`ConfigError` naming file and line."""
    try:
        tree = parse_xml_file(path)
    except TeiParseError as exc:
        # libxml2 itself refuses a repeated xml:id ("ID x already defined").
        if "already defined" in exc.message:
            detail = exc.message.removeprefix("not well-formed XML: ")
            raise ConfigError(f"duplicate xml:id: {detail}", exc.location) from None
        raise ConfigError(f"authority file is not XML: {exc.message}", exc.location) from None
    root = tree.getroot()
    if root.tag != tei_tag("TEI"):
        raise _problem(path, root, "authority file is not a TEI document (root must be tei:TEI)")
    return [
        _record(path, el)
        for el in root.iter(*(tei_tag(tag) for tag in KIND_OF_RECORD))
        if _in_list(el)
    ]


def _in_list(el: etree._Element) -> bool:
    parent = el.getparent()
    return parent is not None and etree.QName(parent).localname.startswith("list")


def _record(path: Path, el: etree._Element) -> Record:
    kind = etree.QName(el).localname
    spec = KIND_OF_RECORD[kind]
    name_tag, prefix = spec.name, spec.key_prefix
    key = el.get(XML_ID)
    if not key:
        raise _problem(path, el, f"<{kind}> has no xml:id")
    if not key.startswith(prefix):
        raise _problem(path, el, f'xml:id "{key}" of a <{kind}> must start with "{prefix}"')
    preferred: str | None = None
    full_name: str | None = None
    variants: list[str] = []
    uncertain: list[str] = []
    for name_el in el.findall(tei_tag(name_tag)):
        text = " ".join("".join(name_el.itertext()).split())
        if not text:
            raise _problem(path, name_el, f"empty <{name_tag}> in {key}")
        if name_el.get("cert") in {"low", "medium"}:
            uncertain.append(text)
        elif name_el.get("type") is None and preferred is None:
            preferred = text
        elif name_el.get("type") == "full" and full_name is None:
            full_name = text
        else:
            variants.append(text)
    if preferred is None:
        raise _problem(path, el, f"{key} has no <{name_tag}> without @type (its preferred name)")
    idnos = tuple(
        (idno.get("type") or "", (idno.text or "").strip()) for idno in el.findall(tei_tag("idno"))
    )
    occupation = el.findtext(tei_tag("occupation"))
    return Record(
        key=key,
        type=spec.type,
        name=preferred,
        full_name=full_name,
        variants=tuple(variants),
        uncertain=tuple(uncertain),
        idnos=idnos,
        occupation=" ".join(occupation.split()) if occupation else None,
        when=el.get("when"),
        source=str(path),
    )


def _problem(path: Path, el: etree._Element, message: str) -> ConfigError:
    return ConfigError(message, Location(str(path), el.sourceline))
