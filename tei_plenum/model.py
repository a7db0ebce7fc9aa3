"""The small document model between the reader and the TEI writer.

A :class:`Document` is a flat sequence of :class:`Block`\\ s in reading order. Each block holds
its text exactly as it will appear in the TEI (wrapped lines joined with one space) plus
:class:`Mark`\\ s: inline annotations over character ranges (names, dates, brackets, labels,
page breaks). Structure is expressed by each block's ``path``, the chain of
:class:`Container`\\ s it sits in (``front``/``body``/``back``, a section ``div``, a ``list``,
an ``sp``...). The writer opens and closes containers as the path changes between blocks.

Invariant: nothing after the reader ever changes a block's ``text``; enrichers only add marks,
containers, identifiers (a marking's ``xml:id``) and records. This is what makes the fidelity
rule hold by construction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

# Re-exported: the model's records are typed by it, and callers may import it from here.
from .vocabulary import EntityType as EntityType

Attrs = tuple[tuple[str, str], ...]


def attrs(mapping: Mapping[str, str | None] | None = None, **kwargs: str | None) -> Attrs:
    """Freeze attributes into a hashable tuple, keeping the order they were given in; an
    attribute given as None is left out."""
    items: dict[str, str | None] = {**(mapping or {}), **kwargs}
    return tuple((k, v) for k, v in items.items() if v is not None)


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Lines (1-based) and column (1-based, characters) where a block starts in the source."""

    line: int
    column: int = 1
    end_line: int | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline element over ``text[start:end]``; ``start == end`` for milestones like ``pb``."""

    start: int
    end: int
    tag: str
    attrs: Attrs = ()

    @property
    def is_milestone(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True, slots=True)
class Container:
    """A structural element that groups consecutive blocks; ``key`` tells two apart."""

    key: str
    tag: str
    attrs: Attrs = ()


class Role(StrEnum):
    """What a block is; the TEI writer maps each role to an element."""

    BANNER = "banner"
    COVER = "cover"
    MARKING = "marking"
    BYLINE = "byline"
    TITLE = "title"
    SUBTITLE = "subtitle"
    DOC_DATE = "docDate"
    HEAD = "head"
    PARAGRAPH = "p"
    ITEM = "item"
    PARTICIPANTS = "participants"
    ADDRESS = "address"
    DATELINE = "dateline"
    SALUTE = "salute"
    SIGNED = "signed"
    SEPARATOR = "separator"
    DOCKET = "docket"
    NOTE = "note"
    PAGE_BREAK = "pb"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the source: a paragraph, a heading, a docket cell, a signature line..."""

    role: Role
    text: str
    span: SourceSpan
    page: int
    path: tuple[Container, ...] = ()
    attrs: Attrs = ()
    marks: tuple[Mark, ...] = ()

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    def with_marks(self, new: Iterable[Mark]) -> Block:
        """A copy with more marks, kept sorted so that output stays deterministic."""
        added = tuple(new)
        if not added:
            return self
        return self.with_only_marks((*self.marks, *added))

    def with_only_marks(self, marks: Iterable[Mark]) -> Block:
        """A copy whose marks are exactly ``marks`` (sorted, duplicates dropped).

        Built directly rather than through ``dataclasses.replace``, which is slow, because
        every enricher calls this for every block.
        """
        merged = tuple(sorted(set(marks), key=mark_order))
        return Block(self.role, self.text, self.span, self.page, self.path, self.attrs, merged)

    def has_mark(self, tag: str) -> bool:
        return any(m.tag == tag for m in self.marks)


def mark_order(mark: Mark) -> tuple[int, int, int, int, str, int, Attrs]:
    """Document order: by start; a milestone before a range starting at the same place (so a
    page break at a name's first letter stays outside it); then outer (longer) ranges first;
    equal ranges by tag rank."""
    return (
        mark.start,
        0 if mark.is_milestone else 1,
        -(mark.end - mark.start),
        TAG_RANK.get(mark.tag, 50),
        mark.tag,
        _number(mark),
        mark.attrs,
    )


def _number(mark: Mark) -> int:
    """A page break's number, so that breaks at one place keep their order (9 before 10)."""
    value = dict(mark.attrs).get("n", "")
    return int(value) if value.isdigit() else 0


# When two marks cover the same characters, the lower rank is the outer element.
TAG_RANK: dict[str, int] = {
    "pb": 0,
    "ref": 3,
    "signedLabel": 5,
    "label": 10,
    "docAuthor": 15,
    # The words a bracket pair holds: the pair's own element (guide §9), around a name, date
    # or measure that spans the same words ("[<supplied><placeName>China</placeName>]").
    "supplied": 18,
    "roleName": 20,
    "eventName": 25,
    "orgName": 30,
    "persName": 35,
    "placeName": 40,
    "name": 42,
    "date": 45,
    "measure": 47,
    "title": 48,
    "q": 49,
    "reg": 61,
    "seg": 62,
    "note": 64,
    "unclear": 66,
    "gap": 68,
    "add": 70,
    "stamp": 72,
    "num": 80,
    "idno": 82,
    "unit": 84,
}


@dataclass(frozen=True, slots=True)
class DatedRole:
    """A person's ``occupation`` or ``affiliation`` (``element``) and when it held: ``dates``
    are ``when`` / ``from`` / ``to`` / ``notBefore`` / ``notAfter``."""

    element: str
    text: str
    dates: Attrs = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A standOff record: one person, place, organisation or event the document mentions.

    ``occupation`` is the one the person held at the document's date (a participant shows
    it); ``roles`` every dated occupation and affiliation the authority knows; ``dates``
    when a place or organisation existed or an event took place; ``variants`` the other
    spellings the document gives a name without an authority record (a bracketed
    romanisation).
    """

    key: str
    type: EntityType
    name: str
    full_name: str | None = None
    idnos: Attrs = ()
    unresolved: bool = False
    note: str | None = None
    occupation: str | None = None
    dates: Attrs = ()
    roles: tuple[DatedRole, ...] = ()
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Participant:
    """A person taking part in a conversation (header ``particDesc``)."""

    key: str
    name: str
    roles: tuple[str, ...] = ()
    occupation: str | None = None
    side: str | None = None
    idnos: Attrs = ()


@dataclass(frozen=True, slots=True)
class Alias:
    """A short form the document binds to one person (``enrich/aliases.py``).

    ``form`` is the short form as introduced ("Kim" of "(hereafter Kim)"), ``key`` the
    person's record, ``name`` the full name it stands for, ``source`` how the document made
    the binding (``declared``, ``identified``, ``surname``, ``participant``), ``block`` and
    ``start`` where.
    """

    form: str
    key: str
    name: str
    source: str
    block: int
    start: int


@dataclass(frozen=True, slots=True)
class Document:
    """The whole converted document: blocks in reading order plus what enrichers found."""

    source_name: str
    layout: str
    blocks: tuple[Block, ...]
    pages: int
    genre: str = "other"
    doc_date: Attrs = ()
    entities: tuple[Entity, ...] = ()
    participants: tuple[Participant, ...] = ()
    groups: tuple[tuple[str, str], ...] = ()
    units: tuple[tuple[str, str, str], ...] = ()
    aliases: tuple[Alias, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def nests(marks: Iterable[Mark], start: int, end: int) -> bool:
    """True when a new mark over ``[start, end)`` nests with every existing mark.

    Nesting means the two ranges are disjoint or one contains the other; milestones (``pb``)
    never block a range. Enrichers call this before adding a mark so the writer can build a
    proper tree.
    """
    for mark in marks:
        if mark.is_milestone:
            continue
        disjoint = end <= mark.start or start >= mark.end
        contains = start <= mark.start and mark.end <= end
        inside = mark.start <= start and end <= mark.end
        if not (disjoint or contains or inside):
            return False
    return True


class MarkIndex:
    """The range marks of one block, indexed by where they start and where they end.

    Whether a new range nests with every mark (as :func:`nests` decides) then costs the length
    of that range, and which marks of some kinds contain it costs the length of the longest
    mark of those kinds, instead of a pass over every mark: in a paragraph holding thousands
    of names, checking each new one against all the others made enrichment quadratic.
    """

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._by_start: dict[int, list[Mark]] = {}
        self._by_end: dict[int, list[Mark]] = {}
        self._longest: dict[str, int] = {}
        for mark in marks:
            self.add(mark)

    def add(self, mark: Mark) -> None:
        """Index ``mark``; milestones never block a range and are not kept."""
        if mark.is_milestone:
            return
        self._by_start.setdefault(mark.start, []).append(mark)
        self._by_end.setdefault(mark.end, []).append(mark)
        length = mark.end - mark.start
        if length > self._longest.get(mark.tag, 0):
            self._longest[mark.tag] = length

    def remove(self, mark: Mark) -> None:
        """Forget ``mark`` (every equal copy), as when a name takes the place of a bracket."""
        for table, position in ((self._by_start, mark.start), (self._by_end, mark.end)):
            kept = [m for m in table.get(position, ()) if m != mark]
            if kept:
                table[position] = kept
            else:
                table.pop(position, None)

    def __contains__(self, mark: object) -> bool:
        return isinstance(mark, Mark) and mark in self._by_start.get(mark.start, ())

    def nests(self, start: int, end: int) -> bool:
        """:func:`nests` over the indexed marks.

        A mark breaks the nesting exactly when it ends strictly inside the range having begun
        before it, or begins strictly inside it and ends after it.
        """
        by_end, by_start = self._by_end, self._by_start
        for position in range(start + 1, end):
            # Most positions begin and end no mark: only those that do are looked at.
            ending = by_end.get(position)
            if ending and any(mark.start < start for mark in ending):
                return False
            starting = by_start.get(position)
            if starting and any(mark.end > end for mark in starting):
                return False
        return True

    def at(self, start: int, end: int) -> list[Mark]:
        """The marks over exactly ``[start, end)``."""
        return [mark for mark in self._by_start.get(start, ()) if mark.end == end]

    def containing(self, start: int, end: int, tags: frozenset[str]) -> Iterator[Mark]:
        """The marks with a tag in ``tags`` that cover ``[start, end)`` (equal ranges too)."""
        longest = max((self._longest.get(tag, 0) for tag in tags), default=0)
        for position in range(max(0, end - longest), start + 1):
            for mark in self._by_start.get(position, ()):
                if mark.tag in tags and end <= mark.end:
                    yield mark
