"""Names enricher: mark every person, place, organisation and event and link it to a record.

Input: a :class:`Document` whose blocks may already carry marks (speaker labels, dates,
``bracket`` marks over square-bracket contents) and whose ``doc_date`` the dates enricher set.
Output: the same document with ``persName`` / ``placeName`` / ``orgName`` / ``eventName``
marks (``ref="#key"``), one :class:`Entity` per record the text uses, in order of first
mention, and the document's aliases (``Document.aliases``, see :mod:`.aliases`). The text of a
block never changes (encoding guide §5, §9, §13).

A capitalised phrase becomes a name only on evidence (issue 11 §1), strongest first:

1. the authority file: one automaton pass per block over folded text, so case, hyphens and
   accents do not matter (``KIM Il-sung``); the longest spelling wins; a record that holds at
   the document's date wins over one that does not (a place or organisation that did not
   exist yet is never linked); a place inside an organisation or event name, and an
   organisation inside a larger organisation's or an event's name, nest;
2. the document's own aliases: "(hereafter Kim)", "Filippov [Stalin]", a surname after the
   full name; a short form never links to another person than the one the document bound it
   to;
3. the conversation's participants, when the document has them already;
4. the shape of a personal name (:mod:`.name_forms`): initials and a surname, a known given
   name and a surname, an East Asian family name and given name, a title or honorific before
   a name, a list after "comrades"; after an office title one word is a name only when its
   surname is known (the authority, the document, the lexicon's family names or a surname
   ending);
5. organisations by their form (a head noun with a proper modifier or an ``of`` complement),
   ``X Province``, ``the city / port of X``;
6. square brackets (§9): a bracketed name (``in [Kansen]``), a bracketed part of a name
   (``Ri [Syn Yep]``, ``[Osóbka] Morawski``), a bracketed romanisation of the name before it
   (``Ri Pyeong-nam [Ri Pyong Nam]``: one name, the variant a ``reg`` inside it and on the
   record), a bracketed identification (``Filippov [Stalin]``), and a known name the
   translator completed (``Neutral [Nations Supervisory] Commission``).

Each person has one record per document: every spelling of an authority record links to it
(``cert`` where the spelling is an uncertain one), and a local record (keyed by the name's
slug, marked unresolved) is made only when there is no candidate. A person who is a
participant points to the ``particDesc`` record and gets no ``standOff`` entity (§5.1).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

import ahocorasick

from .. import pattern_cache
from ..authority import Authority, Hit, Period, Record, is_word_boundary
from ..letters import UPPER, fold
from ..lexicon import (
    GENERIC_MODIFIERS,
    NAME_TITLES,
    OFFICE_WORDS,
    ORG_HEADS,
    TITLES,
    TitleKind,
    alternation,
    family_name_first,
    given_names_agree,
    is_initial,
    name_words,
    surname,
)
from ..model import (
    Alias,
    Block,
    Document,
    Entity,
    Mark,
    MarkIndex,
    Participant,
    Role,
    attrs,
    mark_order,
)
from ..slug import slug
from ..vocabulary import (
    BRACKET_MARK,
    KINDS,
    NAME_ELEMENTS,
    RESP_TRANSLATOR_EN,
    EntityType,
    entity_key,
    person_key,
    pointer,
)
from .aliases import AliasTable, Named, find_aliases
from .brackets import SUPPLIED
from .cues import Cues
from .dates_grammar import MONTH_NAMES, WEEKDAY_NAMES
from .name_forms import (
    PERSON_CUES,
    PersonForm,
    east_asian_given,
    has_surname_shape,
    is_family_name,
    is_given_name,
    is_name_word,
    letter_spaced,
    listed_beside,
    person_forms,
    plain_name,
)

BRACKET_NOTE = "Bracketed by the translator as an uncertain transliteration."
PERIODICALS = frozenset({"newspaper", "periodical"})
"""Types of organisation records that are periodicals: their mentions are titles, typed so."""

_BY_TRANSLATOR = (("resp", pointer(RESP_TRANSLATOR_EN)),)
_UNCERTAIN = (("cert", "low"), *_BY_TRANSLATOR)

# Which name may sit inside which: the DPRK inside "DPRK Government", the CPSU inside "20th
# CPSU congress", the KWP CC inside "Presidium of the KWP CC". A person inside "Kim Il Sung
# University" is part of a name, not a mention, so persName never nests.
_NESTING = {
    ("orgName", "placeName"),
    ("orgName", "orgName"),
    ("eventName", "orgName"),
    ("eventName", "placeName"),
}
# A party's central committee named party first ("KWP CC", "SED Central Committee", "CC
# CPSU") is one name: the party inside it is no mention of its own.
_CC = pattern_cache.compile(
    r"^(?:C\.?C\.?|Central Committee)\s+|\s+(?:C\.?C\.?|Central Committee)$", re.I
)

# Candidates for one span: the lower rank wins (the document's own bindings, then the
# authority, the participants, brackets, and names found by their shape).
_ALIAS, _AUTHORITY, _PARTICIPANT, _BRACKET, _SHAPE, _FORM = range(6)

_NAME_WORD_RE = rf"{UPPER}[^\W\d_]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*"


# ------------------------------------------------------------------------------- entry


def enrich_names(doc: Document, authority: Authority) -> Document:
    """Add name marks, the entity records they point to and the document's aliases;
    deterministic for equal input."""
    context = _Context(authority, Period.of(doc.doc_date), _Participants(doc.participants))
    context.acronyms = _Acronyms.of(doc.blocks, authority)
    labels = _enumeration_labels(doc.blocks)
    found = [_Finds.of(block, context, labels.get(i, 0)) for i, block in enumerate(doc.blocks)]
    first = [
        _select(block, finds.candidates) for block, finds in zip(doc.blocks, found, strict=True)
    ]
    named: list[Named] = []
    identified: list[Alias] = []
    pseudonyms = {(i, c.start) for i, chosen in enumerate(first) for c in chosen if c.identifies}
    for index, (block, chosen) in enumerate(zip(doc.blocks, first, strict=True)):
        listed = block.role is Role.PARTICIPANTS
        # The full names that brackets complete, also for a name marked before ("[Arnaldo]
        # VELTRONE" read again): a document enriched twice binds the same aliases.
        completed = {c.start: c.full_name for c in found[index].candidates if c.full_name}
        for c in chosen:
            if c.identifies:
                surface = block.text[c.start : c.end]
                identified.append(Alias(surface, c.ref, c.identifies, "identified", index, c.start))
        marks = [*((m, ()) for m in block.marks), *((c.mark(), c.inner) for c in chosen)]
        for m, inner in marks:
            if m.tag != "persName":
                continue
            values = dict(m.attrs)
            ref = values.get("ref", "")
            if ref.startswith("#") and (index, m.start) not in pseudonyms:
                name = completed.get(m.start) or _full_name(block.text, m, inner)
                uncertain = "cert" in values
                named.append(Named(index, m.start, m.end, ref[1:], name, listed, uncertain))
    named.sort(key=lambda n: (n.block, n.start))
    context.titled = _titled_people(doc.blocks, named)
    aliases = find_aliases([block.text for block in doc.blocks], named, identified)
    context.aliases = AliasTable(aliases)
    matcher = _AliasMatcher(context.aliases)
    registry = _Registry(context)
    blocks = []
    for index, (block, finds) in enumerate(zip(doc.blocks, found, strict=True)):
        late = [*matcher.candidates(index, block.text, context)]
        late += [
            c for form in finds.deferred for c in _titled_surname(block.text, form, index, context)
        ]
        chosen = _select(block, [*finds.candidates, *late]) if late else first[index]
        blocks.append(_apply(block, chosen, registry))
    known = {entity.key for entity in doc.entities}
    new = tuple(entity for entity in registry.entities() if entity.key not in known)
    return replace(doc, blocks=tuple(blocks), entities=doc.entities + new, aliases=aliases)


def _full_name(text: str, mark: Mark, inner: Sequence[Mark]) -> str:
    """A marked name as its record shows it: without the bracketed variant after it ("Ri
    Pyeong-nam [Ri Pyong Nam]", a ``reg`` among the marks placed with it), with a bracketed
    part as a word of it ("Mao [Zedong]")."""
    variant = next((m for m in inner if m.tag == "reg"), None)
    end = variant.start - 2 if variant is not None else mark.end
    return plain_name(text[mark.start : end])


@dataclass
class _Context:
    """What every block is read with: the authority, the document's date, its participants
    and, once the first pass has found them, its aliases."""

    authority: Authority
    at: Period | None
    people: _Participants
    aliases: AliasTable = field(default_factory=lambda: AliasTable(()))
    resolved: dict[tuple[str, str], Resolved] = field(default_factory=dict)
    local_people: dict[str, list[Entity]] = field(default_factory=dict)
    acronyms: _Acronyms | None = None
    # People the document named in full after a title, by the title and the surname, for a
    # lone surname after the same title later ("Deputy Minister Zhang").
    titled: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)


@dataclass(slots=True)
class _Candidate:
    """A proposed name mark, resolved to the key it points to and the record to register.

    ``make`` is None for a participant (recorded in particDesc); ``inner`` are marks placed
    with it (a bracketed part or variant) and ``replaces`` the bracket mark they stand for;
    ``identifies`` is the full name a pseudonym stands for ("Filippov [Stalin]");
    ``completes`` the bracket whose first names belong to this surname ("[Cuban President
    Osvaldo] Dorticos"), so that no name is found inside it, and ``full_name`` the name
    they make together, which binds the surname for the rest of the document.
    """

    start: int
    end: int
    tag: str
    ref: str
    make: Entity | Record | None = field(default=None, compare=False)
    rank: int = _SHAPE
    extra: tuple[tuple[str, str], ...] = ()
    nestable: bool = True
    inner: tuple[Mark, ...] = ()
    replaces: Mark | None = None
    identifies: str = ""
    completes: Mark | None = None
    full_name: str = ""
    _mark: Mark | None = field(default=None, compare=False, repr=False)

    def mark(self) -> Mark:
        """The mark this candidate makes (built once)."""
        if self._mark is None:
            self._mark = Mark(
                self.start, self.end, self.tag, (("ref", "#" + self.ref), *self.extra)
            )
        return self._mark


@dataclass(frozen=True, slots=True)
class _Finds:
    """What the first pass finds in a block: candidates, and lone surnames after an office
    title, which wait for the document's aliases."""

    candidates: tuple[_Candidate, ...]
    deferred: tuple[PersonForm, ...]

    @classmethod
    def of(cls, block: Block, context: _Context, label: int = 0) -> _Finds:
        """``label`` is the length of the enumeration letter opening the block ("B. "), which
        no name found by its shape may start with, unless a surname follows it ("B.
        Ponomarev:" in a record whose speakers are so lettered)."""
        text = block.text
        if label and _surname_after(text[label:], context):
            label = 0
        if not text.strip():
            return cls((), ())
        known = [*_authority_candidates(text, context), *_spaced_candidates(text, context)]
        known += [
            _Candidate(s, e, "persName", key, rank=_PARTICIPANT)
            for s, e, key in context.people.find(text)
        ]
        spans = _BLOCK_CUES.spans(text)
        groups = {group for group, _, _ in spans}
        # A name found by its shape never cuts across a known one ("Shi Zhe Zhou Enlai"),
        # nor runs two known people into one ("Cde. Chen Yi. Zhou Enlai will ...").
        known_spans = _Spans(known)
        known_people = _Spans(c for c in known if c.tag == "persName")
        places = {(c.start, c.end) for c in known if c.tag != "persName"}
        beside = listed_beside(text, known_people.spans, places)
        forms = [
            trimmed
            for f in (*person_forms(text, spans), *beside)
            if f.start >= label
            and not known_spans.crossed_by(f.start, f.end)
            and known_people.held_in(f.start, f.end) < 2
            and (trimmed := _without_places(f, places, text)) is not None
        ]
        people = [*known, *_shape_candidates(text, forms, context)]
        if _is_title_line(block):
            known_spans = _Spans(people)
            people += [
                c
                for c in _correspondents(text, context)
                if not known_spans.crossed_by(c.start, c.end)
            ]
        starts = sorted({c.start for c in people if c.tag == "persName"})
        heads = [(start, end) for group, start, end in spans if group == "org"]
        orgs = [
            c
            for c in (_before_person(c, starts, text, context) for c in _orgs(text, heads, context))
            if c is not None
        ]
        candidates = [*people, *orgs, *_holders_after_body(text, orgs, starts, context)]
        if context.acronyms is not None:
            candidates += context.acronyms.find(text)
        candidates += _place_candidates(text, groups, context)
        candidates += _periodical_candidates(block, groups, context)
        bracketed = _bracket_candidates(block, candidates, context)
        completed = [c.completes for c in bracketed if c.completes is not None]
        if completed:
            candidates = [c for c in candidates if not _inside_completed(c, completed)]
        candidates += bracketed
        return cls(tuple(candidates), tuple(f for f in forms if f.surname_only))


# An office of a body, its name to follow: "Chief of the", "Deputy Head of the".
_OFFICE_OF = pattern_cache.compile(
    rf"\b(?i:{alternation(w for w in OFFICE_WORDS if ' ' not in w)})\s+of\s+(?:the\s+)?$"
)
# One capitalised word, and then no other: a surname alone after a body's name.
_LONE_WORD = pattern_cache.compile(rf"[ \t]+({UPPER}[a-z][\w'’-]*)(?![\w'’-]|[ \t]+{UPPER})")


def _holders_after_body(
    text: str, orgs: Sequence[_Candidate], people: Collection[int], context: _Context
) -> Iterator[_Candidate]:
    """A surname right after an office and the body it is of ("the Chief of the Trade
    Department Belyaev"): the holder, when the word is a surname by its ending, the lexicon
    or the authority."""
    for org in orgs:
        if _OFFICE_OF.search(text, max(0, org.start - 40), org.start) is None:
            continue
        found = _LONE_WORD.match(text, org.end)
        if found is None or found.start(1) in people:
            continue
        word = found.group(1)
        if has_surname_shape(word) or context.authority.knows_surname(word):
            key, make, uncertain = _resolve_person(word, context)
            extra = (("cert", "medium"),) if uncertain else ()
            yield _Candidate(*found.span(1), "persName", key, make, _SHAPE, extra, False)


def _surname_after(text: str, context: _Context) -> bool:
    """Whether the first word of ``text`` after any initials is a surname by its shape, by
    the lexicon or by the authority's records ("D. Kislova", "Ponomarev:")."""
    word = next((w for w in text.split() if not is_initial(w)), "").strip(".,;:")
    return bool(word) and (
        has_surname_shape(word) or is_family_name(word) or context.authority.knows_surname(word)
    )


# A capital and a full stop opening a block, as sections are lettered ("B. Trade").
_LETTER_LABEL = pattern_cache.compile(r"([A-Z])\.\s+")


def _enumeration_labels(blocks: Sequence[Block]) -> dict[int, int]:
    """The blocks opened by a letter of a lettered sequence ("A. Relations …", "B. Trade"),
    or a section heading opened by a letter ("I. EXTERNAL RELATIONS"), with the length of
    that label: a letter next to its neighbour in the alphabet on another block (before it
    for the one before, after it for the one after), or a heading's, is no initial."""
    opened = [
        (index, found.group(1), found.end(), block.role is Role.HEAD)
        for index, block in enumerate(blocks)
        if (found := _LETTER_LABEL.match(block.text)) is not None
    ]
    labels = {}
    for position, (index, letter, end, heading) in enumerate(opened):
        before = {other[1] for other in opened[:position]}
        after = {other[1] for other in opened[position + 1 :]}
        if heading or chr(ord(letter) - 1) in before or chr(ord(letter) + 1) in after:
            labels[index] = end
    return labels


def _without_places(
    form: PersonForm, places: Collection[tuple[int, int]], text: str
) -> PersonForm | None:
    """A name found by its shape without a known place's or body's name that opens or closes
    it ("In Moscow A. Gromyko", "Comrade Vargáné Damascus": the place is no part of the name);
    None when nothing is left, or only initials: those before a state's name abbreviate its
    form of state ("the D. R. Vietnam", "the S.R. Romania"), not a person's names."""
    start, end = form.start, form.end
    for place_start, place_end in places:
        if place_start == start and place_end < end:
            start = place_end + len(text[place_end:end]) - len(text[place_end:end].lstrip(" ,;"))
        elif place_end == end and place_start > start:
            end = start + len(text[start:place_start].rstrip(" ,;"))
    if end <= start or _INITIALS_ONLY.fullmatch(text[start:end]):
        return None
    return form if (start, end) == (form.start, form.end) else replace(form, start=start, end=end)


def _inside_completed(candidate: _Candidate, brackets: Sequence[Mark]) -> bool:
    """A person found by shape inside a bracket that holds the first names of the surname
    after it ("[President Osvaldo Torrado] Dorticos"): part of that name, no mention."""
    if candidate.tag != "persName" or candidate.rank < _SHAPE:
        return False
    return any(b.start <= candidate.start and candidate.end <= b.end for b in brackets)


# An acronym the document spells out in brackets after it: "the INRA (National Institute
# of Land Reform)"; the spelled-out form must name a body by its head noun.
_ACRONYM_GLOSS = pattern_cache.compile(
    r"(?<![\w.-])([A-Z]{2,8})\s+[(\[](?:the\s+)?([A-Z][^()\[\]]{4,80})[)\]]"
)


class _Acronyms:
    """The organisations a document names by an acronym it spells out once: every mention of
    the acronym or of its spelled-out form is that organisation (a local record, the
    spelled-out form its full name), a binding of the document's own."""

    def __init__(self, records: dict[str, Entity | Record]) -> None:
        self._records = records
        forms = sorted(records, key=lambda form: (-len(form), form))
        alternatives = "|".join(map(re.escape, forms))
        self._pattern = re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])") if forms else None

    @classmethod
    def of(cls, blocks: Sequence[Block], authority: Authority) -> _Acronyms:
        heads = re.compile(rf"\b(?:{_ORG_HEADS})\b")
        records: dict[str, Entity | Record] = {}
        for block in blocks:
            if "(" not in block.text and "[" not in block.text:
                continue
            for found in _ACRONYM_GLOSS.finditer(block.text):
                acronym, printed = found.groups()
                # A quote the gloss closes is no part of it ('"DVO [Far East Department"]').
                gloss = printed.rstrip("\"”’'")
                if acronym in records or heads.search(gloss) is None:
                    continue
                if acronym[0] not in {word[0] for word in re.findall(r"[A-Z]\w*", gloss)}:
                    continue  # "CC (General Department, 1st Sector)" spells nothing out
                known = authority.lookup(acronym)
                if known is not None:
                    # "the LCY [the League of the Communists of Yugoslavia]": one record
                    if authority.lookup(gloss.strip()) is None:
                        records[gloss.strip()] = authority.record(known.key)
                    continue
                key = entity_key(EntityType.ORG, acronym)
                record = Entity(
                    key, EntityType.ORG, acronym, full_name=gloss.strip(), unresolved=True
                )
                records[acronym] = records.setdefault(gloss.strip(), record)
        return cls(records)

    def find(self, text: str) -> Iterator[_Candidate]:
        if self._pattern is None:
            return
        for found in self._pattern.finditer(text):
            record = self._records[found.group()]
            yield _Candidate(found.start(), found.end(), "orgName", record.key, record, _ALIAS)


class _Spans:
    """The spans of known names of a block, sorted, to ask whether a span cuts across one
    without looking at every one."""

    def __init__(self, candidates: Iterable[_Candidate]) -> None:
        self._spans = sorted((c.start, c.end) for c in candidates)
        self._starts = [start for start, _ in self._spans]
        self._longest = max((end - start for start, end in self._spans), default=0)

    def crossed_by(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span without either holding the other."""
        first = bisect.bisect_left(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        for other_start, other_end in self._spans[first:last]:
            if other_end <= start:
                continue
            holds = start <= other_start and other_end <= end
            held = other_start <= start and end <= other_end
            if not (holds or held):
                return True
        return False

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self._spans

    def held_in(self, start: int, end: int) -> int:
        """How many spans, none overlapping the one before, lie within ``[start, end)``."""
        count, reached = 0, start
        for other_start, other_end in self._spans[bisect.bisect_left(self._starts, start) :]:
            if other_start >= end:
                break
            if other_start >= reached and other_end <= end:
                count, reached = count + 1, other_end
        return count


def _before_person(
    org: _Candidate, starts: Sequence[int], text: str, context: _Context
) -> _Candidate | None:
    """An organisation found by its form ends before a person named inside its words
    ("Ministry of Foreign Affairs Kim Byeong-seon")."""
    index = bisect.bisect_right(starts, org.start)
    if index == len(starts) or starts[index] >= org.end:
        return org
    if text[org.start : starts[index]].rstrip().endswith((" of", " of the", " for")):
        return org  # "Office of Erich Honecker": the person is the complement
    end = org.start + len(text[org.start : starts[index]].rstrip())
    if end <= org.start or not text[org.start : end].split()[-1][:1].isupper():
        return None
    name = text[org.start : end]
    key, make = _local(name, EntityType.ORG, context.authority)
    return replace(org, end=end, ref=key, make=make)


# ------------------------------------------------------------------------------- selection


def _select(block: Block, candidates: Collection[_Candidate]) -> list[_Candidate]:
    """Longest first, then the stronger source: each accepted candidate nests with every
    mark so far and repeats no name; a bracket mark gives way to the name that holds it.

    The marks so far are indexed by position (:class:`MarkIndex`), so that each candidate
    costs its own length, not the number of names of its paragraph."""
    if not candidates:
        return []
    taken = MarkIndex(block.marks)
    accepted: list[_Candidate] = []
    for candidate in sorted(candidates, key=_order):
        if candidate.replaces is not None and candidate.replaces not in taken:
            continue
        if not _fits(candidate, taken, block.text):
            continue
        if candidate.replaces is not None:
            taken.remove(candidate.replaces)
        accepted.append(candidate)
        taken.add(candidate.mark())
        for mark in candidate.inner:
            taken.add(mark)
    return accepted


def _order(candidate: _Candidate) -> tuple[int, int, int, str, str]:
    return (
        candidate.start - candidate.end,
        candidate.start,
        candidate.rank,
        candidate.tag,
        candidate.ref,
    )


def _fits(candidate: _Candidate, taken: MarkIndex, text: str) -> bool:
    """Whether a candidate nests with every mark so far, is no bracket's twin (a bracketed
    name is the bracket's own candidate) nor another name's, and may stand inside each name
    that holds it; the bracket it replaces does not count."""
    start, end = candidate.start, candidate.end
    if not taken.nests(start, end):
        return False
    if any(mark.tag in _TWINS and mark != candidate.replaces for mark in taken.at(start, end)):
        return False
    return all(
        _may_nest(candidate, mark, text) for mark in taken.containing(start, end, NAME_ELEMENTS)
    )


_TWINS = NAME_ELEMENTS | {BRACKET_MARK}


def _may_nest(inner: _Candidate, outer: Mark, text: str) -> bool:
    if not inner.nestable or (outer.tag, inner.tag) not in _NESTING:
        return False
    outer_attrs = dict(outer.attrs)
    if outer_attrs.get("type") in PERIODICALS:
        return False  # a periodical's title holds no names ("Warsaw Life")
    if outer_attrs.get("ref") == pointer(inner.ref):
        return False  # a name never holds another spelling of itself
    if inner.tag == outer.tag == "orgName":
        rest = _CC.sub("", text[outer.start : outer.end])
        return fold(rest) != fold(text[inner.start : inner.end])
    return True


def _apply(block: Block, chosen: list[_Candidate], registry: _Registry) -> Block:
    if not chosen:
        return block
    removed = {c.replaces for c in chosen if c.replaces is not None}
    for candidate in sorted(chosen, key=lambda c: mark_order(c.mark())):
        if candidate.make is not None:
            # A bracket that completes a printed surname ("[Ambassador Ilya] Shcherbakov",
            # "[Mustafa] Amin") supplies words; only a name the translator bracketed whole,
            # or a variant bracketed after it, is in doubt.
            bracketed = candidate.rank == _BRACKET and candidate.completes is None
            registry.use(
                candidate.ref,
                candidate.make,
                bracketed=bracketed and not _first_names_supplied(candidate),
            )
    kept = [mark for mark in block.marks if mark not in removed]
    added = [mark for c in chosen for mark in (c.mark(), *c.inner)]
    return block.with_only_marks([*kept, *added])


def _first_names_supplied(candidate: _Candidate) -> bool:
    """A name that opens with a bracket and goes on past it: first names the translator
    supplied before a printed surname ("[Mustafa] Amin")."""
    bracket = candidate.replaces
    return (
        bracket is not None
        and candidate.start == bracket.start - 1
        and candidate.end > bracket.end + 1
    )


# ------------------------------------------------------------------------------- records


class _Participants:
    """Looks up the participant a person mention refers to, by key or by surname."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        self._by_key: dict[str, str] = {}
        self._names: dict[str, str] = {person.key: person.name for person in participants}
        surnames: dict[str, set[str]] = {}
        forms: set[str] = set()
        for person in participants:
            self._by_key[person.key] = person.key
            self._by_key.setdefault(person_key(person.name), person.key)
            family = _western_surname(person.name)
            if family:
                surnames.setdefault(family.lower(), set()).add(person.key)
            forms |= _spellings(person.name)
        self._by_surname = {name: keys.pop() for name, keys in surnames.items() if len(keys) == 1}
        ordered = sorted(forms, key=lambda form: (-len(form), form))
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def match(self, surface: str) -> str | None:
        """The participant key for a person named ``surface``, if any."""
        if not self._by_key:
            return None
        key = self._by_key.get(person_key(surface))
        if key is not None:
            return key
        family = _western_surname(surface)
        key = self._by_surname.get(family.lower()) if family else None
        if key is None or family is None:
            return None
        return key if _same_given(surface, self._names.get(key, ""), family) else None

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        if self._pattern is None:
            return
        for found in self._pattern.finditer(text):
            key = self.match(found.group())
            if key and is_word_boundary(text, found.start(), found.end()):
                yield found.start(), found.end(), key


def _same_given(name: str, other: str, family: str) -> bool:
    """Whether two spellings of one surname may name one person: one of them gives no first
    names or initials, or those they give agree ("R. Castro" is not "Fidel Castro")."""
    given = [w for w in name.split() if fold(w) != fold(family)]
    theirs = [w for w in other.split() if fold(w) != fold(family)]
    return not given or not theirs or _agrees(given, other, family)


def _western_surname(name: str) -> str | None:
    """The surname a participant is found by, or None when it would be ambiguous: a name that
    opens with an East Asian family name is not matched by one word of it, since a bare Kim,
    Pak or Ri names too many people."""
    words = name_words(name)
    if len(words) > 1 and is_family_name(words[0]):
        return None
    return surname(name)


def _spellings(name: str) -> set[str]:
    """How the text may write a participant: in full, without initials, "S. Karelin", "KARELIN"."""
    words = name_words(name)
    initials = [word for word in name.split() if word not in words]
    forms = {name, " ".join(words)}
    family = _western_surname(name)
    if family:
        forms.add(family)
        if initials:
            forms.add(f"{initials[0]} {family}")
    return {form for form in forms | {form.upper() for form in forms} if len(form) > 1}


@dataclass
class _Registry:
    """Entity records in first-mention order, and whether every mention was bracketed."""

    context: _Context
    _entities: dict[str, Entity] = field(default_factory=dict)
    _plain_mention: set[str] = field(default_factory=set)

    def use(self, key: str, make: Entity | Record, *, bracketed: bool) -> None:
        known = self._entities.get(key)
        if known is None:
            entity = make if isinstance(make, Entity) else entity_of(make, self.context.at)
            self._entities[key] = entity
        elif isinstance(make, Entity) and make.variants:
            variants = tuple(dict.fromkeys((*known.variants, *make.variants)))
            self._entities[key] = replace(known, variants=variants)
        if not bracketed:
            self._plain_mention.add(key)

    def entities(self) -> list[Entity]:
        return [
            entity if entity.key in self._plain_mention else replace(entity, note=BRACKET_NOTE)
            for entity in self._entities.values()
        ]


def entity_of(record: Record, at: Period | None = None) -> Entity:
    """The document's record of an authority entry: the occupation shown is the one held at
    the document's date; every dated role is kept."""
    current = [
        role.text
        for role in record.roles
        if role.element == "occupation"
        and (at is None or (Period.of(role.dates) or Period()).distance(at) == 0)
    ]
    return Entity(
        key=record.key,
        type=record.type,
        name=record.name,
        full_name=record.full_name,
        idnos=record.idnos,
        occupation=current[0] if current else None,
        dates=record.dates,
        roles=record.roles,
    )


# A mission "to" a state is the mission "in" it ("Embassy to Ghana", "Embassy in Ghana"): one
# record of the document's own, whichever the text prints first.
_MISSION_TO = pattern_cache.compile(r"\b(Embassy|Legation|Consulate(?: General)?|Mission) to\b")


def _local(
    name: str, kind: EntityType, known: Authority, others: Sequence[Entity] = ()
) -> tuple[str, Entity]:
    """A record of the document's own for a name no authority knows, for review; its key
    keeps the initials when the bare slug is an authority record's or that of ``others``,
    the document's own records of that surname (another bearer: "I. Petrenko" and
    "O. Petrenko" are two people); a bare surname that is an authority person's key gets a
    suffix, so that no key names two people across documents; a mission "to" a state has the
    key of the mission "in" it."""
    plain = plain_name(name)
    key = entity_key(kind, _MISSION_TO.sub(r"\1 in", plain) if kind is EntityType.ORG else plain)
    if key in known or any(other.key == key and _another(plain, other.name) for other in others):
        key = KINDS[kind].key_prefix + slug(plain)
    if kind is EntityType.PERSON and key in known:
        key += "-other"
    if kind is EntityType.PERSON:
        shown = " ".join(_recased(word) for word in plain.split())
    else:
        shown = plain.title() if plain.isupper() else plain
    return key, Entity(key, kind, shown, unresolved=True)


def _another(name: str, other: str) -> bool:
    """Whether two spellings of one surname name two people: their first names or initials
    disagree ("I. Petrenko", "O. Petrenko")."""
    family = surname(name) or ""
    given = [w for w in name.split() if fold(w) != fold(family)]
    return bool(given) and not _agrees(given, other, family)


def _recased(word: str) -> str:
    """A word of a personal name printed in capitals as a record shows it ("CHANG Ki-yeong"
    as "Chang Ki-yeong", "TS." as "Ts."); other initials stay."""
    if not word.isupper() or len(word.strip(".")) < 2:
        return word
    if is_initial(word):
        return word.capitalize() if len(word) == 3 else word
    return word.capitalize()


# ------------------------------------------------------------------------------- resolving

Resolved = tuple[str, Entity | Record | None, bool]
"""The key a name points to, the record to register (None for a participant), and whether
the identification is uncertain."""


def _resolve_person(name: str, context: _Context, title: str = "") -> Resolved:
    """The record a personal name as printed points to: a participant, an authority spelling,
    an authority person of that surname whose given names agree, the document's alias of a
    lone surname, an office holder of that surname, else a record of the document's own.
    A document names a person many times: each name is resolved once."""
    cached = context.resolved.get((name, title))
    if cached is None:
        cached = context.resolved[(name, title)] = _resolution(name, context, title)
    return cached


def _resolution(name: str, context: _Context, title: str) -> Resolved:
    plain = plain_name(name)
    words = name_words(plain)
    participant = context.people.match(plain)
    if participant is not None:
        return participant, None, False
    hit = context.authority.lookup(plain, context.at)
    if hit is not None:
        return _known(hit.key, context, hit.uncertain)
    typo = _TRIPLED.sub(r"\1\1", plain)
    hit = context.authority.lookup(typo, context.at) if typo != plain else None
    if hit is not None:  # "Li Xiannnian": a letter typed thrice, which no name has
        return _known(hit.key, context, uncertain=True)
    if len(plain.split()) > 1:
        bearer = _by_surname(plain, context)
        if bearer is not None:
            return _known(bearer[0].key, context, bearer[1])
    if len(words) == 1:
        holder = _holder_by_office(words[0], title, context)
        if holder is not None:
            return _known(holder.key, context)
    earlier = _earlier_local(plain, context)
    if earlier is not None:
        return earlier.key, earlier, False
    family = surname(plain)
    others = context.local_people.get(fold(family), []) if family else []
    key, make = _local(plain, EntityType.PERSON, context.authority, others)
    if family and len(plain.split()) > 1 and not family_name_first(plain):
        context.local_people.setdefault(fold(family), []).append(make)
    return key, make, False


_TRIPLED = pattern_cache.compile(r"(\w)\1\1+")


def _earlier_local(name: str, context: _Context) -> Entity | None:
    """The document's own record of this person made for another spelling earlier, when the
    two differ only by initials for given names ("Georges Pompidou", "G. Pompidou"): one
    record per person. East Asian names, whose given names are no initials, never merge."""
    family = surname(name)
    if not family or len(name.split()) < 2 or family_name_first(name):
        return None
    given = [w for w in name.split() if fold(w) != fold(family)]
    matches = {
        entity.key: entity
        for entity in context.local_people.get(fold(family), ())
        if _agrees(given, entity.name, family) and _by_initials(given, entity.name, family)
    }
    return next(iter(matches.values())) if len(matches) == 1 else None


def _by_initials(given: Sequence[str], spelling: str, family: str) -> bool:
    """Whether one of two spellings gives its first names as initials only."""
    theirs = [w for w in spelling.split() if fold(w) != fold(family)]
    return all(map(is_initial, given)) != all(map(is_initial, theirs))


def _known(key: str, context: _Context, uncertain: bool = False) -> Resolved:
    record = context.authority.record(key)
    participant = None if uncertain else context.people.match(record.name)
    if participant is not None:
        return participant, None, False
    return key, record, uncertain


def _bound(alias: Alias, context: _Context) -> Resolved:
    """The record an alias's person has: an authority record, a participant, or the local
    record of the full name the document introduced."""
    if alias.key in context.authority:
        return _known(alias.key, context)
    participant = context.people.match(alias.name)
    if participant is not None:
        return participant, None, False
    return alias.key, _local(alias.name, EntityType.PERSON, context.authority)[1], False


def _holder_by_office(word: str, title: str, context: _Context) -> Record | None:
    """The one authority person of this surname who held an office named by ``title`` at the
    document's date ("President Park" in 1972 is Park Chung-hee)."""
    office = {w.lower() for w in title.split()} & _OFFICE_TITLE_WORDS
    if not office or context.at is None:
        return None
    holders = {
        record.key: record
        for record in context.authority.office_holders(word)
        for role in record.roles
        if role.element == "occupation"
        and office & {w.lower() for w in re.findall(r"[\w'-]+", role.text)}
        and (Period.of(role.dates) or Period()).distance(context.at) == 0
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


_OFFICE_TITLE_WORDS = frozenset(
    "ambassador minister premier president chairman secretary director counsellor counselor "
    "consul envoy marshal general colonel admiral emperor king co-chairman".split()
)


def _by_surname(name: str, context: _Context) -> tuple[Record, bool] | None:
    """The one authority person whose surname this name has and whose given names or
    initials agree with it ("Leonid Il'yich BREZHNEV", "I.V. STALIN"); else the one person
    the authority knows by that surname alone, as an uncertain identification (True)."""
    family = surname(name)
    if not family:
        return None
    given = [w for w in name.split() if fold(w) != fold(family)]
    matches = {
        record.key: record
        for record in context.authority.people_named(family, given[0] if given else "")
        if any(_agrees(given, spelling, family) for spelling in _spellings_of(record))
    }
    if len(matches) == 1:
        return next(iter(matches.values())), False
    if matches:
        return None
    bare = context.authority.people_named(family)
    knows_given = any(
        len(spelling.split()) > 1 for record in bare for spelling in _spellings_of(record)
    )
    return (bare[0], True) if len(bare) == 1 and not knows_given else None


def _spellings_of(record: Record) -> tuple[str, ...]:
    return tuple(s for s in (record.name, record.full_name, *record.variants) if s)


def _agrees(given: Sequence[str], spelling: str, family: str) -> bool:
    """Whether the given names and initials printed agree with those of a spelling of that
    surname (:func:`lexicon.given_names_agree`)."""
    if fold(surname(spelling) or "") != fold(family):
        return False
    theirs = [w for w in spelling.split() if fold(w) != fold(family)]
    return given_names_agree(given, theirs)


# ------------------------------------------------------------------------------- candidates


def _record_attrs(record: Record, uncertain: bool) -> tuple[tuple[str, str], ...]:
    """The attributes a mention of a known record carries besides ``ref``: a periodical's
    type, and ``cert`` when the spelling is only a possible one."""
    typed = (("type", record.subtype),) if record.subtype in PERIODICALS else ()
    return (*typed, *((("cert", "medium"),) if uncertain else ()))


def _authority_candidates(text: str, context: _Context) -> Iterator[_Candidate]:
    authority = context.authority
    for hit in authority.find(text, context.at):
        record = authority.record(hit.key)
        if record.type is EntityType.ORG and _in_compound(text, hit.start, hit.end):
            continue  # "a DPRK Party-government delegation": part of a word
        if _another_bearer(text, hit.start, hit.end, record, context.at):
            continue
        extra = _record_attrs(record, hit.uncertain)
        if record.type is EntityType.PERSON:
            key, make, _ = _known(hit.key, context, hit.uncertain)
            participant = context.people.match(text[hit.start : hit.end])
            if participant is not None:
                key, make = participant, None
            start = _given_names_before(text, hit.start, hit.end, record)
            yield _Candidate(start, hit.end, "persName", key, make, _AUTHORITY, extra)
            continue
        if record.type is EntityType.PLACE and _names_a_street(text, hit.start, hit.end):
            continue  # "Calle Paris No. 10", "Berlin Street": a street, not the city
        region = _REGION_BEFORE.search(text, max(0, hit.start - 20), hit.start)
        if record.type is EntityType.PLACE and region is not None:
            yield from _region(text, region.start(), hit.end, context)
            continue
        state = _state_in_small_letters(text, hit.start, hit.end, context)
        if record.type is EntityType.PLACE and state is not None:
            yield state
            continue
        yield _Candidate(
            hit.start, hit.end, KINDS[record.type].name, hit.key, record, _AUTHORITY, extra
        )
        named = f"{record.name} {record.full_name} {text[hit.start : hit.end]}"
        if record.type is EntityType.ORG and "Party" in named:
            yield from _central_committee(text, hit.start, hit.end, context)


_STREET_BEFORE = pattern_cache.compile(
    r"\b(?:Calle|Rue|Via|Viale|Avenida|Avenue|Av\.|Strada|Ulitsa|Ulica|Ul\.|Rua|Paseo|"
    r"Piazza|Plaza|Praça|Place|Boulevard|Bd\.)\s+$"
)
_STREET_AFTER = pattern_cache.compile(
    r"\s+(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Lane|Embankment|Prospekt|Prospect|"
    r"Strasse|Straße|Ulitsa|Square)\b"
)


def _names_a_street(text: str, start: int, end: int) -> bool:
    """Whether a place's name is a street's, after a street word ("Calle Paris", "Avenida
    Lima") or before one ("Berlin Street"): the street, not the place, is meant."""
    return bool(
        _STREET_BEFORE.search(text, max(0, start - 12), start) or _STREET_AFTER.match(text, end)
    )


# Up to three capitalised words that end right before a surname.
_NAME_WORDS_BEFORE = pattern_cache.compile(rf"(?:{UPPER}[^\W\d_]+[ \t]+){{1,3}}$")


def _given_names_before(text: str, start: int, end: int, record: Record) -> int:
    """Where the mention of a person the text names by a surname the authority lists alone
    starts: before the given names printed with it, when they are the record's in another
    romanisation ("Nur Mohamad Taraki" for "Nur Muhammad Taraki"), one by one from the
    first; else at the surname."""
    if " " in text[start:end]:
        return start
    before = _NAME_WORDS_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return start
    printed = before.group().split()
    for full in (record.full_name, record.name):
        given = (full or "").split()[:-1]
        if len(printed) <= len(given) and all(
            _romanised_alike(word, theirs) for word, theirs in zip(printed, given, strict=False)
        ):
            return before.start()
    return start


def _romanised_alike(printed: str, theirs: str) -> bool:
    """Whether a printed given name is the record's, as spelled or as another romanisation
    writes it ("Mohamad", "Mohammed", "Muhammad")."""
    if is_initial(printed) or _is_title(printed) or not is_name_word(printed):
        return False
    if fold(printed) == fold(theirs):
        return True
    ours, other = _skeleton(printed), _skeleton(theirs)
    return bool(ours) and _single(ours) == _single(other) and printed[0] == theirs[0]


def _single(letters: str) -> str:
    """Letters with each run of one letter written once ("mmmd" as "md")."""
    return "".join(letter for i, letter in enumerate(letters) if letters[i - 1 : i] != letter)


# A capitalised point of the compass before a place's name makes the name of a region of its
# own, which the authority does not know when the longer spelling was not found ("Central
# America" is no part of the USA); so does a body of water or a landform named after it ("the
# Gulf of Taiwan" is no island).
_REGION_BEFORE = pattern_cache.compile(
    r"(?<![\w'’-])(?:(?:(?:North|South)(?:[ -]?(?:East|West|east|west))?|East|West|Central|"
    r"Northern|Southern|Eastern|Western|Latin)[ -]|"
    r"(?:Gulf|Bay|Strait|Straits|Sea|Lake|Cape|Isthmus|Peninsula) of (?:the )?)$"
)


# A point of the compass in small letters before a place's name: "south Korea".
_COMPASS_IN_SMALL_LETTERS = pattern_cache.compile(r"(?<![\w'’-])(?:north|south)[ ]$")


def _state_in_small_letters(
    text: str, start: int, end: int, context: _Context
) -> _Candidate | None:
    """A state the authority names by a point of the compass, printed in small letters
    ("south Korea" is South Korea, never Korea); None when the capitalised name is no
    authority spelling ("south China" stays China)."""
    found = _COMPASS_IN_SMALL_LETTERS.search(text, max(0, start - 6), start)
    if found is None:
        return None
    name = text[found.start() : end]
    hit = context.authority.lookup(name[0].upper() + name[1:], context.at)
    if hit is None:
        return None
    record = context.authority.record(hit.key)
    extra = _record_attrs(record, hit.uncertain)
    return _Candidate(found.start(), end, "placeName", hit.key, record, _AUTHORITY, extra)


def _region(text: str, start: int, end: int, context: _Context) -> Iterator[_Candidate]:
    """A region or a feature named by a point of the compass or a feature's noun and a known
    place: the authority's spelling of the whole is found by itself; else a place of the
    document's own, never the place its last word names."""
    name = text[start:end]
    if context.authority.lookup(name, context.at) is None:
        key, make = _local(name, EntityType.PLACE, context.authority)
        yield _Candidate(start, end, "placeName", key, make, _AUTHORITY)


def _another_bearer(text: str, start: int, end: int, record: Record, at: Period | None) -> bool:
    """Whether a known spelling is part of the name of something else: a person's name
    before a foundation's or a prize's noun ("the MacArthur Foundation"), a surname between
    two other name words ("Dana Rusk Fellner"); a body's name after a capitalised modifier
    of its own ("National Security Council" is not the UN's); an event over by the document's
    date that the text calls new or another ("a new Geneva Conference" in 1961 is not 1954's)."""
    kind = record.type
    if kind is EntityType.PERSON:
        if _names_a_place(text, end):
            return True
        one_word = " " not in text[start:end]
        return one_word and (
            _between_name_words(text, start, end) or _office_never_held(text, start, record, at)
        )
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    word = before.group(1) if before else ""
    if kind is EntityType.ORG:
        return word in GENERIC_MODIFIERS and word[:1].isupper()
    if kind is EntityType.EVENT and word.lower() in _NOT_THIS_EVENT:
        period = Period.of(record.dates)
        return at is not None and period is not None and at.starts_after(period)
    if kind is EntityType.PLACE:
        if text[start:end] == "America" and _CONTINENT_OF.search(text, max(0, start - 30), start):
            return True  # "the peoples of America": the continent, no state
        return _ROMANCE_OF.search(text, max(0, start - 40), start) is not None
    return False


_NOT_THIS_EVENT = frozenset({"new", "another", "future", "next"})
# The many of a continent before "of America": "the peoples of America", "Youth of America".
_CONTINENT_OF = pattern_cache.compile(
    r"\b(?i:peoples|countries|nations|youth|women|workers|students|republics|continent)"
    r" of (?:the )?$"
)
# A capitalised word and a Romance "of" before a known place make the name of another place
# ("Santiago de Chile" is a city, not Chile; "Santiago de Cuba") or of a body ("Partido
# Comunista de Cuba"), which the authority does not know when it did not find the whole.
_ROMANCE_OF = pattern_cache.compile(r"(?<![\w'’-])[A-Z][\w'’-]* (?:de|del|da|do|dos|das|di) $")


def _office_never_held(text: str, start: int, record: Record, at: Period | None) -> bool:
    """Whether a diplomatic post printed before a lone surname ("Consul Zhukov") is one its
    authority bearer cannot have held then, holding another office at the document's date
    (a minister of defence is no consul): then another person of that surname is meant. A
    rank or another office contradicts nothing, since the authority's lists of offices are
    not complete ("President Voroshilov")."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if before is None or at is None:
        return False
    post = before.group(1).lower()
    if post not in _DIPLOMATIC_POSTS or not before.group(1)[:1].isupper():
        return False
    held = [
        role.text.lower()
        for role in record.roles
        if role.element == "occupation"
        and (Period.of(role.dates) or Period()).distance(at) == 0
        and role.dates
    ]
    return bool(held) and not any(post in office for office in held)


_DIPLOMATIC_POSTS = frozenset("ambassador consul envoy counsellor counselor attaché".split())


def _between_name_words(text: str, start: int, end: int) -> bool:
    """A word with a capitalised name word on each side, no punctuation between it and the
    one before, neither of them an office or a title."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    after = _NEXT_WORD.match(text, end)
    if before is None or after is None:
        return False
    first, last = before.group(1), after.group(1)
    return (
        first[-1].isalpha()  # "Brezhnev, Zhukov": a list, not one name
        and first[:1].isupper()
        and last[:1].isupper()
        and is_name_word(first)
        and is_name_word(last)
        and not first.isupper()
        and not last.isupper()
        and not _is_title(first)
        and not _is_title(last.rstrip(".,;:"))
    )


_CC_AFTER = pattern_cache.compile(r"[ \t]+(?:CC|C\.C\.|Central Committee)(?![\w.])")
_CC_BEFORE = pattern_cache.compile(
    r"(?:CC|C\.C\.|Central Committee)(?:[ \t]+of(?:[ \t]+the)?)?[ \t]+$"
)
# The longest "Central Committee of the " before a party's name.
_CC_REACH = 26


def _central_committee(text: str, start: int, end: int, context: _Context) -> Iterator[_Candidate]:
    """A party the authority knows with "CC" after or before it ("VWP CC", "CC VWP", "CC of
    the VWP"): the party's central committee, one name, even when the authority lacks it."""
    after = _CC_AFTER.match(text, end)
    before = _CC_BEFORE.search(text, max(0, start - _CC_REACH), start)
    if after is not None:
        span = (start, after.end())
    elif before is not None:
        span = (before.start(), end)
    else:
        return
    name = text[span[0] : span[1]]
    hit = context.authority.lookup(name, context.at)
    if hit is not None:
        return  # the authority's own spelling, found already
    # One key for every order of the words: the party's key and "-cc".
    party = context.authority.lookup(text[start:end], context.at)
    key = f"{party.key}-cc" if party is not None else entity_key(EntityType.ORG, name)
    if key in context.authority:
        # The authority knows the committee by other words ("Central Committee of the Soviet
        # Communist Party" for the CPSU CC).
        record = context.authority.record(key)
        yield _Candidate(*span, "orgName", key, record, _AUTHORITY, _record_attrs(record, False))
        return
    yield _Candidate(*span, "orgName", key, Entity(key, EntityType.ORG, name, unresolved=True),
                     _FORM)  # fmt: skip


def _spaced_candidates(text: str, context: _Context) -> Iterator[_Candidate]:
    """A known name printed letter-spaced, as signatures and addresses often are."""
    for start, end, word in letter_spaced(text):
        hit = context.authority.lookup(word, context.at)
        if hit is not None:
            record = context.authority.record(hit.key)
            key, make, _ = _known(hit.key, context, hit.uncertain)
            extra = _record_attrs(record, hit.uncertain)
            yield _Candidate(start, end, KINDS[record.type].name, key, make, _AUTHORITY, extra)


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether a name is joined by a hyphen to a word before or after it."""
    return (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()) or (
        end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()
    )


def _shape_candidates(
    text: str, forms: Sequence[PersonForm], context: _Context
) -> Iterator[_Candidate]:
    # A shorter reading of a place's name is no person either ("Phan Dinh" of "Phan Dinh
    # Phung Street").
    places = {form.start for form in forms if _names_a_place(text, form.end)}
    for form in forms:
        if form.surname_only or form.start in places:
            continue
        body = _body_named_after(text, form.start)
        if body is not None:
            yield _body(text, body, form.end, context)
            continue
        name = text[form.start : form.end]
        if _monsieur(name, context):
            continue
        key, make, uncertain = _resolve_person(name, context, form.title)
        extra = (("cert", "medium"),) if uncertain else ()
        yield _Candidate(form.start, form.end, "persName", key, make, _SHAPE, extra, False)


# Nouns after a name that make it the name of a building, a street or a work ("Wu Cheng
# Hall", "Karl Marx Street", "Lenin Prize"): the name's shape is no person's there.
_NAMED_AFTER = frozenset(
    """Hall Palace Square Street Avenue Road Boulevard Bridge Station Stadium Park Gate Tower
    University Institute Academy School College Hospital Museum Library Theatre Theater Hotel
    Building Factory Plant Works Mine Farm Canal Dam Reservoir Airport Harbour Harbor Prize
    Award Order Medal Memorial Mausoleum Cemetery Foundation Fund Centre Center Doctrine Plan
    Line""".split()
)


# A body's noun in another language, which comes before the name of whom the body is named
# after ("Fundación Juan Pérez", "Stiftung Karl Weber"): the name is the body's.
_BODIES_BEFORE = frozenset(
    """Fundação Fundacão Fundacao Fundación Fundacion Fondation Fondazione Fundacja Stiftung
    Instituto Institut Istituto Universidad Universidade Université Universita Università
    Universität Escola Escuela Colegio Colégio Collège Lycée Liceo Academia Académie Museo
    Museu Musée Biblioteca Bibliothèque Hôpital Centro""".split()
)


def _body_named_after(text: str, start: int) -> int | None:
    """Where a body's name starts when a name found by its shape opens with, or follows, a
    foreign noun for a foundation, a school or an institute; None otherwise."""
    first = text[start:].split(maxsplit=1)[0]
    if first in _BODIES_BEFORE:
        return start
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return before.start(1) if before and before.group(1) in _BODIES_BEFORE else None


def _body(text: str, start: int, end: int, context: _Context) -> _Candidate:
    """A body named after a person, as a record of the document's own."""
    key, make = _local(text[start:end], EntityType.ORG, context.authority)
    return _Candidate(start, end, "orgName", key, make, _SHAPE, nestable=False)


def _names_a_place(text: str, end: int) -> bool:
    """Whether the word after a name found by its shape makes it a building's or a work's
    name ("Wu Cheng Hall")."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).rstrip(".,;:") in _NAMED_AFTER


# A message's title names its sender and addressee ("Ciphered Telegram from Kovalev to
# Filippov [Stalin]", "Cable No. 5773, Shtykov to Gromyko").
_CORRESPONDENTS = pattern_cache.compile(
    r"\b(?:[Tt]elegram|[Cc]able|[Cc]iphergram|[Ll]etter|[Mm]essage|[Rr]eport)\b"
    r"(?:\s+No\.\s*[\w/.-]*\w)?[^.;:]{0,40}?"
    rf"(?:\bfrom\s+|,\s+)(?:(?:Cde\.|Comrade)\s+)?(?P<sender>{UPPER}[a-z]+(?:-{UPPER}[a-z]+)?)"
    r"(?:\s+\([^()]{1,30}\))?"  # where the sender was: "from Wolak (Rangoon) to …"
    rf"\s+to\s+(?:(?:Cde\.|Comrade)\s+)?"
    # The addressee may be a body the acronym of its state leads ("… to USSR Foreign
    # Ministry"): no person, but the sender is one.
    rf"(?P<addressee>{UPPER}[a-z]+(?:-{UPPER}[a-z]+)?|{UPPER}{{2,}})\b"
)


def _is_title_line(block: Block) -> bool:
    """A title line of the document or of the archive's catalogue."""
    return block.role in (Role.TITLE, Role.SUBTITLE) or (
        block.role is Role.COVER and block.attr("type") == "title"
    )


def _correspondents(text: str, context: _Context) -> Iterator[_Candidate]:
    """The sender and the addressee a message's title names by one word each: people,
    unless the word names a place, a body or an office ("Telegram from Pyongyang to
    Bucharest", "Report from Embassy to Ministry")."""
    for found in _CORRESPONDENTS.finditer(text):
        for group in ("sender", "addressee"):
            word = found.group(group)
            if word.isupper() or context.authority.lookup(word, context.at) or _is_generic(word):
                continue
            key, make, _ = _resolve_person(word, context)
            start, end = found.span(group)
            yield _Candidate(start, end, "persName", key, make, _SHAPE, (), False)


def _is_generic(word: str) -> bool:
    """A word that names a kind of body or an office, never a correspondent."""
    return word.lower() in _TITLE_WORDS or re.fullmatch(_ORG_HEADS, word) is not None


def _monsieur(name: str, context: _Context) -> bool:
    """ "M. Molotov" in an English record is Monsieur Molotov when the authority knows
    Molotov with other initials: the surname alone is the name."""
    words = name.split()
    if len(words) != 2 or words[0] != "M.":
        return False
    bearer = _by_surname(name, context)
    return context.authority.knows_surname(words[1]) and (bearer is None or bearer[1])


def _titled_surname(
    text: str, form: PersonForm, block: int, context: _Context
) -> Iterator[_Candidate]:
    """A lone word after an office title: a name when the document binds it, when one
    authority person of that surname held the office then, when it is a surname by the
    lexicon or its ending ("Premier Kim", "President Park", "Ambassador Savchenko"), or when
    the office and the word make the whole line ("Deputy Minister Szarka")."""
    word = text[form.start : form.end]
    bound = context.aliases.lookup(word, block, form.start)
    earlier = context.titled.get((form.title.casefold(), fold(word)), set())
    if bound is not None:
        key, make, _ = _bound(bound, context)
    elif len(earlier) == 1:
        key, make = _named_before(*next(iter(earlier)), context)
    else:
        holder = _holder_by_office(word, form.title, context)
        if holder is not None:
            key, make, _ = _known(holder.key, context)
        elif (
            is_family_name(word)
            or has_surname_shape(word)
            or _entry(text, form)
            or _set_off_after_office(text, form, context)
        ):
            key, make = _local(word, EntityType.PERSON, context.authority)
        else:
            return
    yield _Candidate(form.start, form.end, "persName", key, make, _SHAPE, nestable=False)


def _titled_people(
    blocks: Sequence[Block], named: Sequence[Named]
) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """The people named with more than a surname right after a title, by the title and the
    surname (key and name of each): the same title and surname alone later name the same
    person, and two people so named name neither."""
    titled: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for person in named:
        text = blocks[person.block].text
        title = _TITLE_BEFORE.search(text, max(0, person.start - 40), person.start)
        family = surname(person.name)
        if title is None or family is None or len(person.name.split()) < 2:
            continue
        entry = (title.group(1).casefold(), fold(family))
        titled.setdefault(entry, set()).add((person.key, person.name))
    return titled


_TITLE_BEFORE = pattern_cache.compile(rf"(?<![\w'’-])({alternation(NAME_TITLES)})\s+$")


def _named_before(key: str, name: str, context: _Context) -> tuple[str, Entity | Record | None]:
    """The record of a person the document named before: the authority's, or the document's
    own made from the same name."""
    if key in context.authority:
        found, make, _ = _known(key, context)
        return found, make
    return _local(name, EntityType.PERSON, context.authority)


def _set_off_after_office(text: str, form: PersonForm, context: _Context) -> bool:
    """Whether a word after an office's title is its holder's name by where it stands ("the
    visit of Danish Prime Minister Halvorsen to Egypt", "Ambassador Kellner, who"): the end
    of the text, a punctuation mark or a word in small letters follows it; no rank before it
    ("General Assembly"), and the authority knows it as no place or body."""
    office = form.title.split()[-1].lower() if form.title else ""
    if office not in _OFFICE_TITLE_WORDS or office in _RANKS:
        return False
    word = text[form.start : form.end]
    if len(word) < 3 or not word.isalpha() or not is_name_word(word):
        return False  # no initial ("Foreign Minister M.R. Desai")
    if word.lower() in _OFFICE_QUALIFIERS:
        return False
    if not _SET_OFF.match(text, form.end):
        return False
    hit = context.authority.lookup(word, context.at)
    return hit is None or context.authority.record(hit.key).type is EntityType.PERSON


_RANKS = frozenset({"general", "colonel", "admiral", "marshal"})
# Words that qualify an office or say who was there, after its title ("Secretary Present").
_OFFICE_QUALIFIERS = frozenset(
    "present absent elect designate emeritus interim acting attending".split()
)
_SET_OFF = pattern_cache.compile(r"\s*(?:$|[,.;:)]|\s[a-z])")


def _entry(text: str, form: PersonForm) -> bool:
    """Whether an office and one word make the whole line, as an entry of a distribution list
    or an address does ("Deputy Minister Szarka"), or follow a sender's or an addressee's
    label: the word is the holder's name."""
    before = " ".join(text[: form.start].split())
    if before == form.title and not text[form.end :].strip(" .,;:"):
        return True
    # A message's sender or addressee field, whatever follows it on a flattened line ("From:
    # Ambassador Tanabe Talks between …").
    field = _ADDRESS_LABEL.search(text, max(0, form.start - 60), form.start)
    return field is not None and " ".join(field.group(1).split()) == form.title


_ADDRESS_LABEL = pattern_cache.compile(
    r"(?<![\w'’-])(?:From|To|Sender|Addressee|Recipient):\s+(\S+(?:\s+\S+){0,3}?)\s+$"
)


class _AliasMatcher:
    """The document's short forms, found in each block by one automaton over folded text."""

    def __init__(self, table: AliasTable) -> None:
        self._automaton: ahocorasick.Automaton | None = None
        forms = list(table.forms())
        if forms:
            self._automaton = ahocorasick.Automaton()
            for form in forms:
                self._automaton.add_word(form, len(form))
            self._automaton.make_automaton()

    def candidates(self, block: int, text: str, context: _Context) -> Iterator[_Candidate]:
        if self._automaton is None or not text:
            return
        for end_index, length in self._automaton.iter(fold(text)):
            end = end_index + 1
            start = end - length
            surface = text[start:end]
            if not surface[:1].isupper() or not is_word_boundary(text, start, end):
                continue
            if _inside_longer_name(text, start, end):
                continue
            bound = context.aliases.lookup(surface, block, start)
            if bound is None:
                continue
            key, make, _ = _bound(bound, context)
            yield _Candidate(start, end, "persName", key, make, _ALIAS, nestable=False)


_NEXT_WORD = pattern_cache.compile(r"[ \t]+(\S+)")
_PREVIOUS_WORD = pattern_cache.compile(r"(\S+)[ \t]+$")


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    """A short form followed or preceded by another capitalised name word is part of a
    longer name nobody knows ("Park" of "Gorky Park")."""
    following = _NEXT_WORD.match(text, end)
    if following and following.group(1)[:1].isupper() and is_name_word(following.group(1)):
        return not following.group(1).rstrip(".,;:!?").isupper() or len(following.group(1)) > 3
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous and previous.group(1)[:1].isupper() and is_name_word(previous.group(1)):
        return previous.group(1).rstrip(".,;:") == previous.group(1) and not _is_title(
            previous.group(1)
        )
    return False


def _is_title(word: str) -> bool:
    return word.lower() in _TITLE_WORDS


_TITLE_WORDS = (
    frozenset(word.lower() for title in TITLES for word in title.form.split()) | _OFFICE_TITLE_WORDS
)


# ------------------------------------------------------------------------------- organisations


# An organisation the authority does not know, named unambiguously by its form: a head noun
# with a proper modifier ("State Planning Commission", "Škoda Works", "MNR Government") or
# with an "of" / "for" complement ("Ministry of Health of the USSR", "Section for Special
# Assignments"); an embassy with the place it is in ("Romanian Embassy in Pyongyang").
_ORG_HEADS = "|".join(ORG_HEADS)
_POSTS = frozenset({"Embassy", "Legation", "Consulate", "Mission"})
_FUNCTION_WORDS = (
    "The|This|That|These|Those|Our|Its|Their|His|Her|A|An|All|Each|Every|After|Before|When|"
    "While|In|On|At|By|For|From|With|To|Of|And|But|Or|As|If|Since|Until|Through|During|"
    "Between|Under|Over|About|Against|Among|Upon|Within|Without|Both|Also|Then|Thus"
)
_ORG_WORD = rf"(?!(?:{_FUNCTION_WORDS})\b)(?:{UPPER}[\w'’-]*|\d+(?:st|nd|rd|th))"
# A document's kind, or a word of a message's routing, after a body's name is no word of it
# ("Ministry of Foreign Affairs Document", "… Committee Report", "… Affairs Incoming
# Telegram"), nor are the words below.
_KINDS_AFTER = (
    "Citation|Summary|Credits|Contents|Document|Report|Record|Telegram|Letter|Memorandum|"
    "Minutes|Decision|Resolution|Extract|Draft|Incoming|Outgoing|Cable|Ciphered|Urgent|Note|"
    # A preposition capitalised in a title set in title case ("… Embassy in Hanoi Regarding
    # the Visit"), which goes on with the title's subject.
    "Regarding|Concerning|About|On|With|From|To|After|Before|During|Against|Following|Upon|"
    "Towards|Toward|Between|Among|Without|Within|Via|Through|"
    # A title before a person, or a word of the next line, where a flattened export joined a
    # body's name to what followed it ("… Embassy in Hanoi Premier Pham Van Dong", "… of
    # Albania Comrade Shehu", "… Department No. 5", "… Affairs Today", "… Korean Side").
    "Premier|Comrade|Comrades|No|Today|Side|Meeting|Archival"
)
_TITLE_WORD = rf"(?!(?:{_KINDS_AFTER})\b){UPPER}[^\W\d_]*[a-zß-ÿ][\w'’-]*"
_ACRONYM = rf"{UPPER}{{2,}}[a-z]?\b(?:\s+{UPPER}{{2,}}[a-z]?\b){{0,3}}"
# After "of (the)": one acronym, or a run of title-case words, so that "of the DPRK Kim Jae-uk"
# stops before the person. Every repetition is bounded, well above the longest real names
# (three or four "of" complements): unbounded, "Ministry of the Ministry of the …" matched to
# the end of the paragraph from each of its heads, and the paragraph took quadratic time.
# "and" joins two words of a body's name ("of Health and Social Welfare"), never a body and
# an office ("… of Cuba and Chairman of the State Council"), nor two bodies ("Ministry of
# Foreign Affairs and Ministry of Higher Education"): the name ends before "and".
_OFFICE_OPENERS = "|".join(
    sorted({w.capitalize() for w in OFFICE_WORDS} | {"First", "Deputy", "Vice", "Head"})
)
_NEXT_BODY = rf"(?:{_ORG_HEADS})\s+(?:of|for)\b"
_COMPLEMENT_WORD = (
    rf"(?:{_TITLE_WORD}|and(?=\s+(?!(?:{_OFFICE_OPENERS})\b)(?!{_NEXT_BODY}){UPPER})"
    rf"|of(?=\s+{_TITLE_WORD}))"
)
_COMPLEMENT = rf"(?:{_ACRONYM}|{_TITLE_WORD}(?:\s+{_COMPLEMENT_WORD}){{0,7}})"
# Modifiers start at a word's start, which an opening quote may stand before ("'North Korea's
# Trade Office'"), not an apostrophe inside a word ("O'Brien").
_ORG_MODIFIERS = pattern_cache.compile(
    rf"(?<![\w-])(?<!\w['’])(?:(?:{_ORG_WORD}|\[{_ORG_WORD}\])\s+){{1,5}}$"
)
_NOUN_AFTER = pattern_cache.compile(
    r"-\w|\s+(?:Building|Hall|House|Palace|Square|Street|Station|Compound|Guesthouse|Hotel|"
    r"Delegations?)\b|\s+and\s+(?:State|Government)\s+(?:Leadership|Leaders|Delegation)\b"
)
# "of Mines and " before a body's modifiers: the words that follow close another body's
# complement (or one whose head the text leaves out), and are no body of their own.
_SECOND_COMPLEMENT = pattern_cache.compile(rf"\bof\s+(?:the\s+)?(?:{_TITLE_WORD}\s+){{1,4}}and\s+$")
_ORG_COMPLEMENT = pattern_cache.compile(rf"(?:\s+(?:of|for)(?:\s+the)?\s+{_COMPLEMENT}){{1,5}}")
# A month or a weekday after "in" is the time of the sentence, no place of the post.
_NOT_POST_PLACE = "|".join((*MONTH_NAMES, *WEEKDAY_NAMES))
# The place may open with a word the translator supplied: "Embassy in [North] Vietnam".
_POST_PLACE = pattern_cache.compile(
    rf"\s+(?:in|to)\s+(?:the\s+)?(?!(?:{_NOT_POST_PLACE})\b)"
    rf"((?:\[{_TITLE_WORD}\]\s+)?{_COMPLEMENT})"
)
# A committee or commission named by its subject ("Committee on Foreign Relations"), which
# never opens with a day or a month ("the Commission on Monday").
# Only a legislature's committee, or one with no capitalised word before it: "the
# International Olympic Committee on North Korea" is the committee's view on a subject.
_ON_COMPLEMENT = pattern_cache.compile(
    r"(?:(?:\b(?:Senate|House|Parliament|Congress|Assembly)|(?<![A-Za-z])[a-z]+)\s+|^)"
    r"(?:Committee|Subcommittee|Commission)$"
)
_ON_SUBJECT = pattern_cache.compile(rf"\s+on(?:\s+the)?\s+(?!(?:{_NOT_POST_PLACE})\b){_COMPLEMENT}")

_EVENT_AFTER = pattern_cache.compile(
    r"\s+(?:[Cc]ongress|[Cc]onference|[Pp]lenum|[Ss]ession|[Mm]eeting)\b"
)
_COMMON_BEFORE = pattern_cache.compile(
    r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Nn]o|[Ss]uch(?: an?)?)\s+$"
)


def _modifiers(text: str, head_start: int, context: _Context) -> int:
    """Where the modifiers of an organisation's head word begin: up to five capitalised words
    or acronyms before it; in a line of small letters a word in capitals is a heading's, not
    a modifier ("… DEFENCE MPRP Central Committee"), and a person's possessive name is its
    owner's ("Joshua Nkomo's Zimbabwe African People's Union"; a place's or a body's, "the
    Soviet Union's Communist Party", is part of the name)."""
    found = _ORG_MODIFIERS.search(text, max(0, head_start - 80), head_start)
    if found is None:
        return _numbered(text, head_start)
    start = found.start()
    caps = text[head_start:].split(" ", 1)[0].isupper()
    for word in re.finditer(r"\S+", text[found.start() : head_start]):
        bare = word.group()
        if caps:
            owner = bare.endswith(("'S", "’S"))
        else:
            owner = _POSSESSIVE.search(bare) is not None and _a_persons(
                text[start : found.start() + word.end() - 2], context
            )
        if owner or (not caps and bare.isupper() and len(bare) > 5):
            start = found.start() + word.end() + 1
    start = min(start, head_start)
    if _ADDRESSED.search(text, max(0, start - 12), start):
        # "Mr. Henrik Dalgaard International Rowing Federation": where a flattened export
        # joined an address's lines, the words after a form of address are the person's, up
        # to the body's first generic word, or else the first two.
        words = list(re.finditer(r"\S+", text[start:head_start]))
        generic = (w.start() for w in words[1:] if w.group() in GENERIC_MODIFIERS)
        start += next(generic, words[2].start() if len(words) > 2 else head_start - start)
    return _numbered(text, start)


_ADDRESSED = pattern_cache.compile(
    rf"(?<![\w.])(?:{alternation(t.form for t in TITLES if t.kind is TitleKind.HONORIFIC)})\s+$"
)


# A department numbered in Roman figures after "the" ("the III. Political Department"); at the
# start of a line the figure numbers a section instead.
_NUMBERED = pattern_cache.compile(r"\b[Tt]he ([IVX]{1,4}\. )$")


def _numbered(text: str, start: int) -> int:
    """Where a body's name starts with the Roman figure that numbers it, if one does."""
    numbered = _NUMBERED.search(text, max(0, start - 12), start)
    return numbered.start(1) if numbered else start


# Nouns whose possessive is part of a body's name ("Korean Worker's Party", "People's Army").
_COMMON_OWNERS = frozenset(
    "worker people youth women nation children toiler peasant soldier farmer".split()
)


def _a_persons(owner: str, context: _Context) -> bool:
    """Whether a possessive's owner ("Joshua Nkomo" of "Joshua Nkomo's") is a person's name:
    no generic word ("Workers'", "People's"), no place or body the authority knows."""
    words = owner.split()
    if not words or words[-1].lower().rstrip("s") in _COMMON_OWNERS:
        return False
    hit = context.authority.lookup(owner, context.at)
    return hit is None or context.authority.record(hit.key).type is EntityType.PERSON


def _with_article(name: str) -> str:
    """The name with "the" in its last "of" or "in" complement, where it has none ("Ministry
    of Foreign Affairs of DPRK" is the authority's "… of the DPRK", "GDR Embassy in DPRK" its
    "… in the DPRK")."""
    cut = max(name.rfind(" of "), name.rfind(" in "))
    if cut < 0 or name.startswith("the ", cut + 4):
        return name
    return f"{name[: cut + 4]}the {name[cut + 4 :]}"


# A complement that ends in an adjective of nationality runs on to the noun in small letters
# it qualifies when that noun names a body ("of the Uruguayan government"); before another
# noun ("of the Soviet side") that last "of" group is no part of the name.
_NOUN_AFTER_COMPLEMENT = pattern_cache.compile(r" ([a-z]+)\b")
_BODY_NOUNS = frozenset("government party state army leadership embassy ministry".split())
_OTHER_NOUNS = frozenset(
    "side sides comrades people leaders friends delegation authorities press".split()
)
_GROUP = pattern_cache.compile(r"\s+(?:of|for)\b")
_NATIONALITY_ENDINGS = ("an", "ese", "ish", "i")
_IRREGULAR_NATIONALITIES = frozenset("soviet czech thai dutch swiss french greek".split())


def _complement_end(text: str, head_end: int, context: _Context) -> int | None:
    """Where the "of" complement of a body's head word ends ("on" after a committee's:
    "Committee on Foreign Relations"); None when it has none."""
    after = _ORG_COMPLEMENT.match(text, head_end)
    if after is None and _ON_COMPLEMENT.search(text, max(0, head_end - 28), head_end):
        after = _ON_SUBJECT.match(text, head_end)
    if after is None:
        return None
    end = after.end()
    last = text.rfind(" ", head_end, end) + 1
    if _adjective_before_name(text, last, end, context):
        # An adjective ends no name: it opens the next line's words ("… of Foreign Affairs
        # Korean Side", a flattened export's two lines).
        end = last - 1
        return end if _ORG_COMPLEMENT.fullmatch(text, head_end, end) else None
    noun = _NOUN_AFTER_COMPLEMENT.match(text, end)
    if noun is None or noun.group(1) not in _BODY_NOUNS | _OTHER_NOUNS:
        return end
    if not _nationality(text[:end].rsplit(None, 1)[-1], context):
        return end
    if noun.group(1) in _BODY_NOUNS:
        return noun.end()
    cut = [found.start() for found in _GROUP.finditer(text, head_end, end)][-1]
    return cut if cut > head_end else None


_OFFICE_WORD_SET = frozenset(word for phrase in OFFICE_WORDS for word in phrase.lower().split())
_NEXT_CAPITAL = pattern_cache.compile(r" [A-Z]")


def _adjective_before_name(text: str, start: int, end: int, context: _Context) -> bool:
    """Whether ``text[start:end]`` is an adjective of nationality with a capitalised word after
    it ("Korean Side"), not an office ("Chairman")."""
    word = text[start:end]
    return (
        _NEXT_CAPITAL.match(text, end) is not None
        and word.lower() not in _OFFICE_WORD_SET
        and _nationality(word, context)
    )


def _nationality(word: str, context: _Context) -> bool:
    """Whether a capitalised word is an adjective of nationality ("Uruguayan", "Soviet"), not
    the name of a place the authority knows ("Japan")."""
    lower = word.lower()
    if lower in _IRREGULAR_NATIONALITIES:
        return True
    return (
        len(lower) > 3
        and lower.endswith(_NATIONALITY_ENDINGS)
        and context.authority.lookup(word, context.at) is None
    )


def _known_otherwise(name: str, context: _Context) -> Hit | None:
    """The authority's record of a body's name printed with a word the translator supplied
    ("[Chinese] Embassy in [North] Korea") or without an article ("Ministry of Foreign
    Affairs of DPRK")."""
    plain = plain_name(name)
    for variant in dict.fromkeys((plain, _with_article(plain))):
        if variant != name and (hit := context.authority.lookup(variant, context.at)):
            return hit
    return None


def _orgs(text: str, heads: Iterable[tuple[int, int]], context: _Context) -> Iterator[_Candidate]:
    """Organisations named by their form, around each head word the cue pass found."""
    for head_start, head_end in heads:
        if not is_word_boundary(text, head_start, head_end):
            continue
        head = text[head_start:head_end]
        if _EVENT_AFTER.match(text, head_end) or _NOUN_AFTER.match(text, head_end):
            continue  # "XXII CPSU Party Congress", "Party-government", "Government Building"
        before = _modifiers(text, head_start, context)
        after = _complement_end(text, head_end, context)
        modifiers = text[before:head_start].split()
        proper = [m for m in modifiers if m not in GENERIC_MODIFIERS and not m[0].isdigit()]
        end = head_end if after is None else after
        post = (
            _POST_PLACE.match(text, end)
            if head in _POSTS and (proper or after is not None)
            else None
        )
        if after is None and post is None and not proper:
            continue
        start = before
        end = post.end() if post else end
        if _COMMON_BEFORE.search(text, max(0, start - 12), start):
            continue  # "a Marxist-Leninist Party": a common noun
        if after is None and _SECOND_COMPLEMENT.search(text, max(0, start - 80), start):
            continue  # "of Mines and Public Works": the end of a body's "of" complement
        if text[end - 1 : end] in "'’" and text[end - 2 : end - 1] != "s":
            end -= 1  # a closing quote, not a possessive ("… of North Korea'")
        name = text[start:end]
        if context.authority.lookup(name, context.at) is not None:
            continue  # the authority pass has it
        hit = _known_otherwise(name, context)
        if hit is not None:
            record = context.authority.record(hit.key)
            if record.type is EntityType.ORG:
                extra = _record_attrs(record, hit.uncertain)
                yield _Candidate(start, end, "orgName", hit.key, record, _AUTHORITY, extra)
                continue
        key, make = _local(name, EntityType.ORG, context.authority)
        # Only a known organisation is a mention inside another's name.
        yield _Candidate(start, end, "orgName", key, make, _FORM, nestable=False)


# ------------------------------------------------------------------------------- periodicals


# "the newspaper Warsaw Life [Zycie Warszawy]", "the daily Rodong Sinmun": a periodical's
# title, with the original title the translator bracketed; never a person or a place.
_PERIODICAL = pattern_cache.compile(
    rf"\b(?:newspapers?|dailies|daily|weekly|weeklies|magazine|periodical|organ)\s+[\"“‘']?"
    rf"(?P<title>{_NAME_WORD_RE}['’]?(?: (?:of |the )?{_NAME_WORD_RE}['’]?){{0,4}})[\"”]?"
    rf"(?: \[(?P<original>[^\]]+)\])?"
)


def _periodical_candidates(
    block: Block, groups: Collection[str], context: _Context
) -> Iterator[_Candidate]:
    text = block.text
    if "periodical" not in groups:
        return
    brackets: dict[int, Mark] = {}
    for mark in block.marks:
        if mark.tag == BRACKET_MARK:
            brackets.setdefault(mark.start, mark)
    for found in _PERIODICAL.finditer(text):
        title, original = found.group("title", "original")
        start = found.start("title")
        end = found.end() if original else found.end("title")
        bracket = brackets.get(found.start("original")) if original else None
        inner: tuple[Mark, ...] = ()
        if bracket is not None:
            inner = (
                Mark(
                    bracket.start,
                    bracket.end,
                    "seg",
                    attrs({"type": "originalTitle", **dict(_BY_TRANSLATOR)}),
                ),
            )
        hit = next(
            (h for h in (context.authority.lookup(t, context.at) for t in (title, original or ""))
             if h is not None and context.authority.record(h.key).subtype in PERIODICALS),
            None,
        )  # fmt: skip
        make: Entity | Record
        if hit is not None:
            record = context.authority.record(hit.key)
            key, make, extra = hit.key, record, _record_attrs(record, hit.uncertain)
        else:
            key, make = _local(title, EntityType.ORG, context.authority)
            extra = (("type", "newspaper"),)
        yield _Candidate(start, end, "orgName", key, make, _AUTHORITY, extra, False, inner, bracket)


# ------------------------------------------------------------------------------- places


_PROVINCE = pattern_cache.compile(rf"\b({_NAME_WORD_RE}(?: {_NAME_WORD_RE})? Province)\b")
# A sea, a river, islands or mountains named by one or two capitalised words before the
# feature's noun ("the Kuril Islands", "the Korean Peninsula"): a place, the authority's when
# it knows the whole name, else the document's own; never the place a word of it names.
_FEATURES = "Sea Ocean Peninsula Island Islands Mountains River Strait Straits Desert Canal".split()
# Words that never begin such a name ("The River", "Many Islands").
_NOT_FEATURE_NAMES = frozenset(
    "the a an this that these those many some all both several few other such each every any "
    "no our their its his her my your then there here and or but".split()
)
_FEATURE = pattern_cache.compile(
    rf"\b({_NAME_WORD_RE}(?: {_NAME_WORD_RE})? (?:{'|'.join(_FEATURES)}))\b(?! of\b)"
)
_CITY_OF = pattern_cache.compile(
    rf"\b(?:[Tt]he )?(?:city|port|town|village|county|district) of "
    rf"({_NAME_WORD_RE}(?: {_NAME_WORD_RE})?)"
)


def _place_candidates(
    text: str, groups: Collection[str], context: _Context
) -> Iterator[_Candidate]:
    for group, pattern in (("province", _PROVINCE), ("city", _CITY_OF), ("feature", _FEATURE)):
        if group not in groups:
            continue
        for found in pattern.finditer(text):
            start, end = found.span(1)
            name = found.group(1)
            if not is_word_boundary(text, start, end):
                continue
            first = name.split()[0]
            if group == "feature":
                if first.lower() in _NOT_FEATURE_NAMES or not _amid_sentence(text, start):
                    continue
            elif not is_name_word(first):
                continue
            hit = context.authority.lookup(name, context.at)
            if hit is not None:
                record = context.authority.record(hit.key)
                yield _Candidate(start, end, "placeName", hit.key, record, _AUTHORITY, (), False)
                continue
            key, make = _local(name, EntityType.PLACE, context.authority)
            yield _Candidate(start, end, "placeName", key, make, _FORM, (), False)


def _amid_sentence(text: str, start: int) -> bool:
    """Whether a name starts amid a sentence, after a word in lower case, or after "The": no
    sentence's first word ("Many Islands were lost") and no other name's last."""
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    word = before.group(1).lstrip("([“‘\"'") if before else ""
    if word == "The":
        return True
    return word[:1].islower() and not word.endswith((".", "!", "?", ":", ";"))


# ------------------------------------------------------------------------------- brackets


_CONNECTOR = r"(?: (?:of|the|and|for))"
_BRACKET_NAME = pattern_cache.compile(
    rf"^{_NAME_WORD_RE}{_CONNECTOR}*(?: {_NAME_WORD_RE}{_CONNECTOR}*){{0,5}}$"
)
_DESCRIPTIONS = frozenset(
    "signature stamp seal handwritten handwriting illegible inaudible sic note translator".split()
)
_PLACE_CUE = pattern_cache.compile(r"\b(in|at|of) $")
# A determiner and one common noun right before a bracket ("to the south [China]", "our
# neighbour [the USSR]"): the bracket says what the noun meant, a clarification the sentence
# reads without. After a preposition, a conjunction, the determiner alone or a verb ("in
# [Kansen]", "the [Chondin] plant", "the delegation visited [Kansen]") the bracket is a word of
# the sentence itself; one word only, so that a noun and its verb are never taken for one
# phrase, and no participle ("the above-mentioned [Kim]"), which stands before its noun.
_NOT_NOUNS = (
    "the|a|an|this|that|these|those|its|their|our|his|her|my|your|in|at|of|on|to|from|by|"
    "with|for|and|or|but|nor|near|into|onto|towards?|via|across|between|among|over|under|"
    "about|through|after|before|during|since|until|against|within|without|as|than|per|"
    "above|below|following|same|said|such|other|whole"
)
# An office named with its capital is such a noun too ("the Premier [Zhou Enlai]").
_OFFICE_NOUNS = "|".join(sorted(w.capitalize() for w in _OFFICE_TITLE_WORDS if "-" not in w))
_CLARIFIED = pattern_cache.compile(
    r"\b(?:the|a|an|this|these|those|its|their|our|his|her|my|your) "
    rf"(?:(?!(?:{_NOT_NOUNS})\b)[a-z][a-z'’-]*(?<!ed)|(?:{_OFFICE_NOUNS})) $"
)
_WORD_BEFORE = pattern_cache.compile(rf"(?<![\w'’-])({_NAME_WORD_RE}) $")
# A note's number may stand glued to the word ("Wrzosek1").
_WORD_AFTER = pattern_cache.compile(rf" ({_NAME_WORD_RE})(?=\d{{1,2}}(?!\w)|(?![\w'’-]))")
_WINDOW_WORDS = 6


def _bracket_candidates(
    block: Block, found: Sequence[_Candidate], context: _Context
) -> list[_Candidate]:
    """Names made of or around square brackets (guide §9, issue 11 §1)."""
    text = block.text
    result: list[_Candidate] = []
    if not any(mark.tag == BRACKET_MARK for mark in block.marks):
        return result
    # Where each person found so far starts, by where the name ends.
    people: dict[int, int] = {}
    for candidate in found:
        if candidate.tag == "persName":
            people[candidate.end] = min(candidate.start, people.get(candidate.end, candidate.end))
    for bracket in block.marks:
        if bracket.tag != BRACKET_MARK or bracket.attrs:
            continue
        if (
            text[bracket.start - 1 : bracket.start] != "["
            or text[bracket.end : bracket.end + 1] != "]"
        ):
            continue
        result += _across(text, bracket, context)
        content = text[bracket.start : bracket.end]
        if not content.strip() or content.split()[0].lower() in _DESCRIPTIONS:
            continue
        if (
            _BRACKET_NAME.match(content)
            or _given_tail(content, lambda word: _known_word(word, context))
            or _INITIALS_ONLY.fullmatch(content)
            or context.authority.lookup(content, context.at)
        ):
            result += _around(text, bracket, people, context)
    return result


def _around(
    text: str, bracket: Mark, people: Mapping[int, int], context: _Context
) -> Iterator[_Candidate]:
    """A bracketed name, a bracketed part of a name, a bracketed variant or identification."""
    start, end = bracket.start, bracket.end
    content = text[start:end]
    hit = context.authority.lookup(content, context.at)
    before_name = _name_ending_at(text, start - 2, people)
    if before_name is not None:
        name_start = before_name
        name = text[name_start : start - 2]
        if len(content.split()) > 1 and _skeleton(name) == _skeleton(content):
            yield _variant(text, name_start, bracket, context)
            return
        person = hit is not None and context.authority.record(hit.key).type is EntityType.PERSON
        if hit is not None and person and _skeleton(name) != _skeleton(content):
            yield from _identified(text, name_start, bracket, hit.key, context)
            return
    previous = _WORD_BEFORE.search(text, max(0, start - 40), start - 1)
    if previous is not None and _name_part(text, previous, content, context):
        joined = f"{previous.group(1)} {content}"
        key, make, uncertain = _resolve_person(joined, context)
        extra: tuple[tuple[str, str], ...] = (("cert", "medium"),) if uncertain else ()
        part = Mark(start, end, "seg", attrs({"type": "namePart", **dict(_UNCERTAIN)}))
        yield _Candidate(previous.start(1), end + 1, "persName", key, make, _BRACKET, extra,
                         False, (part,), bracket)  # fmt: skip
        return
    following = _WORD_AFTER.match(text, end + 1)
    if following is not None and _known_word(following.group(1), context):
        following = None  # a place or a body the authority knows is no surname ("[…] USSR")
    given = (
        _given_tail(content, lambda word: _known_word(word, context))
        if following is not None
        else None
    )
    if given is None and following is not None and _capital_surname(following.group(1)):
        # "[Arnaldo] VELTRONE": a surname in capitals after one or two bracketed name words.
        words = content.split()
        if len(words) <= 2 and all(w[:1].isupper() and w[1:].islower() for w in words):
            given = content
    if given is None and following is not None and _initials_before(text, bracket, context):
        given = content
    if following is not None and given is not None and is_name_word(following.group(1)):
        # "[Emilio] Aragones": the bracket gives the first name; "[Cuban President Osvaldo]
        # Dorticos": it gives an office and the first name, and the surname after it is the
        # mention (a bracket pair is never split by a name element).
        surname_end = _surname_end(text, following)
        joined = f"{given} {text[following.start(1) : surname_end]}"
        key, make, _ = _resolve_person(joined, context)
        if len(given.split()) == len(content.split()):
            part = Mark(start, end, "seg", attrs({"type": "namePart", **dict(_UNCERTAIN)}))
            yield _Candidate(start - 1, surname_end, "persName", key, make, _BRACKET, (),
                             False, (part,), bracket)  # fmt: skip
        else:
            yield _Candidate(following.start(1), surname_end, "persName", key, make, _BRACKET,
                             nestable=False, completes=bracket, full_name=joined)  # fmt: skip
        return
    if following is not None and _part_before(content, following.group(1), context):
        joined = f"{content} {following.group(1)}"
        key, make, _ = _resolve_person(joined, context)
        part = Mark(start, end, "seg", attrs({"type": "namePart", **dict(_UNCERTAIN)}))
        yield _Candidate(start - 1, following.end(1), "persName", key, make, _BRACKET, (),
                         False, (part,), bracket)  # fmt: skip
        return
    if hit is not None and _clarifies(text, start - 1):
        # "the south [China]": an editorial clarification, words supplied (guide §9), with
        # no spelling in doubt; the name it holds is a plain mention of the record.
        record = context.authority.record(hit.key)
        key, make, _ = _known(hit.key, context, hit.uncertain)
        supplied = Mark(start, end, "supplied", SUPPLIED)
        yield _Candidate(start, end, KINDS[record.type].name, key, make, _AUTHORITY,
                         _record_attrs(record, hit.uncertain), False, (supplied,),
                         bracket)  # fmt: skip
        return
    if hit is not None:
        record = context.authority.record(hit.key)
        key, make, _ = _known(hit.key, context, hit.uncertain)
        extra = (*_record_attrs(record, False), *_UNCERTAIN)
        yield _Candidate(start, end, KINDS[record.type].name, key, make, _BRACKET, extra,
                         replaces=bracket)  # fmt: skip
    elif _after_place_cue(text, start - 1) and all(map(is_name_word, content.split())):
        key, make = _local(content, EntityType.PLACE, context.authority)
        yield _Candidate(start, end, "placeName", key, make, _BRACKET, _UNCERTAIN,
                         replaces=bracket)  # fmt: skip


# Initials alone in a bracket ("[F.V.]", "[A.]").
_INITIALS_ONLY = pattern_cache.compile(r"(?:[A-Z]\.\s?){1,3}")


def _initials_before(text: str, bracket: Mark, context: _Context) -> bool:
    """Whether a bracket holds the initials the translator supplied before a surname ("[F.V.]
    Mochulskii", "Comrade [A.] Pelshin"): a word that is a surname by its shape or the
    authority's, or that follows a title, comes after them ("[U.S.] Senate" is no name)."""
    content = text[bracket.start : bracket.end]
    following = _WORD_AFTER.match(text, bracket.end + 1)
    if following is None or not _INITIALS_ONLY.fullmatch(content):
        return False
    word = following.group(1)
    if not is_name_word(word) or _is_title(word):
        return False
    return (
        has_surname_shape(word)
        or is_family_name(word)
        or context.authority.knows_surname(word)
        or _TITLE_BEFORE.search(text, max(0, bracket.start - 41), bracket.start - 1) is not None
    )


_QUOTES = "\"“”‘’'"
_GIVEN_TAIL_WORDS = 3


def _capital_surname(word: str) -> bool:
    """A surname printed in capitals, as records print their participants' ("VELTRONE")."""
    bare = _POSSESSIVE.sub("", word.rstrip(".,;:"))
    return len(bare) > 2 and bare.isupper() and bare.isalpha()


def _given_tail(content: str, known: Callable[[str], bool] | None = None) -> str | None:
    """The first names that end a bracket, after any office or adjective before them
    ("Brazilian President João" gives "João", "Ernesto “Che”" gives "Ernesto Che", "Minister
    of Defence Samir Hadi" gives "Samir Hadi"); None unless the run opens with a known given
    name, or is one word right after an office's or a body's capitalised word ("Ambassador
    Henryk", "… in the Foreign Ministry Bogusław") or after the place of an envoy's post
    that ``known`` knows ("Ambassador to Peru Amos")."""
    words = content.split()
    tail: list[str] = []
    for word in reversed(words):
        bare = word.strip(_QUOTES)
        if not bare[:1].isupper() or not is_name_word(bare) or len(tail) == _GIVEN_TAIL_WORDS:
            break
        tail.insert(0, bare)
    if not tail:
        return None
    before = words[-len(tail) - 1] if len(words) > len(tail) else ""
    if len(tail) == 1 and (before.lower() in _OFFICE_TITLE_WORDS or before in _BODY_ENDS):
        return tail[0]
    # An envoy's post before the first name ("Israeli Ambassador to Peru Amos"): the place
    # ends the office, and the one word after it is the first name.
    if (
        len(tail) == 2
        and known is not None
        and before in ("to", "in")
        and any(word.lower() in _OFFICE_TITLE_WORDS for word in words[: -len(tail)])
        and known(tail[0])
    ):
        return tail[1]
    # The capitalised words may begin with the last of a body's name ("of Defence Samir"):
    # the names run from the first known given name.
    first = next((i for i, word in enumerate(tail) if is_given_name(word)), None)
    return None if first is None else " ".join(tail[first:])


# The last word of a body's name, before the first name of an official of it.
_BODY_ENDS = frozenset((*_ORG_HEADS.split("|"), "Affairs"))


_POSSESSIVE = pattern_cache.compile(r"['’]s$")


def _surname_end(text: str, first: re.Match[str]) -> int:
    """Where a surname printed after a bracket ends: its first word without a possessive
    ("Goulart’s"), and a second one when it is a name word too ("López Mateos")."""
    possessive = _POSSESSIVE.search(first.group(1))
    if possessive is not None:
        return first.start(1) + possessive.start()
    second = _WORD_AFTER.match(text, first.end(1))
    if second is None or not is_name_word(second.group(1)) or _is_title(second.group(1)):
        return first.end(1)
    possessive = _POSSESSIVE.search(second.group(1))
    return second.start(1) + possessive.start() if possessive else second.end(1)


def _name_ending_at(text: str, end: int, people: Mapping[int, int]) -> int | None:
    """Where the person named just before a bracket starts: a name found so far that ends
    there (``people``: start by end), else a capitalised word."""
    if end in people:
        return people[end]
    previous = _WORD_BEFORE.search(text, max(0, end - 40), end + 1)
    if previous and is_name_word(previous.group(1)) and not _is_title(previous.group(1)):
        # "the Minister of Defense [Rodion Malinovsky]": the word closes an office's name.
        if _word_before(text, previous.start(1)) in ("of", "for"):
            return None
        return previous.start(1)
    return None


def _variant(text: str, name_start: int, bracket: Mark, context: _Context) -> _Candidate:
    """ "Ri Pyeong-nam [Ri Pyong Nam]": one name, the variant a ``reg`` inside it."""
    name = text[name_start : bracket.start - 2]
    variant = text[bracket.start : bracket.end]
    key, make, uncertain = _resolve_person(name, context)
    if isinstance(make, Entity) and make.unresolved:
        hit = context.authority.lookup(variant, context.at)
        if hit is not None and context.authority.record(hit.key).type is EntityType.PERSON:
            key, make, uncertain = _known(hit.key, context, hit.uncertain)
        else:
            make = replace(make, variants=(variant,))
    extra = (("cert", "medium"),) if uncertain else ()
    reg = Mark(
        bracket.start, bracket.end, "reg", attrs({"type": "romanization", **dict(_BY_TRANSLATOR)})
    )
    return _Candidate(name_start, bracket.end + 1, "persName", key, make, _BRACKET, extra,
                      False, (reg,), bracket)  # fmt: skip


def _identified(
    text: str, name_start: int, bracket: Mark, key: str, context: _Context
) -> Iterator[_Candidate]:
    """ "Filippov [Stalin]": the name before is the bracketed person's pseudonym, which the
    document itself identifies, so that its word outranks the authority's (a code name the
    authority gives with ``@cert``)."""
    record = context.authority.record(key)
    ref, make, _ = _known(key, context)
    yield _Candidate(name_start, bracket.start - 2, "persName", ref, make, _ALIAS,
                     nestable=False, identifies=record.name)  # fmt: skip
    yield _Candidate(bracket.start, bracket.end, "persName", ref, make, _BRACKET, _UNCERTAIN,
                     False, replaces=bracket)  # fmt: skip


def _known_word(word: str, context: _Context) -> bool:
    """Whether a word, its punctuation aside, is a place's or a body's known spelling."""
    hit = context.authority.lookup(word.rstrip(".,;:"), context.at)
    return hit is not None and context.authority.record(hit.key).type is not EntityType.PERSON


def _name_part(text: str, previous: re.Match[str], content: str, context: _Context) -> bool:
    """Whether "Word [Content]" is one name with a bracketed part: it is a known name, or the
    word a family name with a given name in the bracket, or a titled word."""
    word = previous.group(1)
    if not is_name_word(word) or _is_title(word) or len(content.split()) > 2:
        return False
    if context.authority.lookup(f"{word} {content}", context.at) is not None:
        return True
    if is_family_name(word) and east_asian_given(content, word):
        return True
    return _is_title(_word_before(text, previous.start(1)))


def _part_before(content: str, word: str, context: _Context) -> bool:
    """Whether "[Content] Word" is one name: one bracketed word before a surname, or before
    the rest of a person's name the authority knows whole ("[Liu] Shaoqi", a family name the
    translator supplied)."""
    if len(content.split()) != 1 or not is_name_word(content) or not is_name_word(word):
        return False
    if has_surname_shape(word) or context.authority.knows_surname(word):
        return True
    hit = context.authority.lookup(f"{content} {word}", context.at)
    return hit is not None and context.authority.record(hit.key).type is EntityType.PERSON


def _clarifies(text: str, open_at: int) -> bool:
    """True when the bracket opening at ``open_at`` follows a common noun with its determiner
    ("the south [China]"): it clarifies that noun rather than spell a name of the sentence."""
    return _CLARIFIED.search(text, max(open_at - 40, 0), open_at) is not None


def _after_place_cue(text: str, end: int) -> bool:
    """True when ``text[:end]`` ends with "in", "at" or a lower-case "X of" (the port of, the
    outskirts of) and a space.

    "Ministry of [Foreign Trade]" is not a place: "of" after a capitalised word belongs to a
    name the translator completed.
    """
    cue = _PLACE_CUE.match(text, max(end - 3, 0), max(end, 0))
    if cue is None:
        return False
    previous = _word_ending_at(text, end - 4) if text[end - 4 : end - 3] == " " else ""
    return cue.group(1) != "of" or not previous[:1].isupper()


def _word_ending_at(text: str, end: int) -> str:
    """The run of characters other than white space that ends at ``end`` ("" when white
    space stands before it), found without copying the text before it."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _word_before(text: str, end: int) -> str:
    """The last word of ``text[:end]``, after any white space."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return _word_ending_at(text, end)


def _across(text: str, bracket: Mark, context: _Context) -> Iterator[_Candidate]:
    """A known name the translator completed or qualified in brackets: "Neutral [Nations
    Supervisory] Commission", "Central Committee [of the Chinese Communist Party]"; the
    bracket stays inside the name, for the supplied stage."""
    open_at, close_at = bracket.start - 1, bracket.end
    window_start = _words_back(text, open_at, _WINDOW_WORDS)
    window_end = _words_on(text, close_at + 1, _WINDOW_WORDS)
    plain = (
        text[window_start:open_at]
        + text[bracket.start : bracket.end]
        + text[close_at + 1 : window_end]
    )

    def original(offset: int) -> int:
        at = window_start + offset
        if at >= open_at:
            at += 1
        if at > close_at:
            at += 1
        return at

    for hit in context.authority.find(plain, context.at):
        start, end = original(hit.start), original(hit.end - 1) + 1
        if not (start < open_at < end or start < close_at < end):
            continue
        record = context.authority.record(hit.key)
        if record.type is EntityType.PERSON:
            continue  # a bracketed part of a personal name is a namePart (_around)
        start = open_at if start == bracket.start else start
        end = close_at + 1 if end == close_at else end
        extra = _record_attrs(record, hit.uncertain)
        yield _Candidate(start, end, KINDS[record.type].name, hit.key, record, _AUTHORITY, extra)


def _words_back(text: str, position: int, count: int) -> int:
    start = position
    for _ in range(count):
        found = text.rfind(" ", 0, max(start - 1, 0))
        if found < 0:
            return 0
        start = found + 1
    return start


def _words_on(text: str, position: int, count: int) -> int:
    end = position
    for _ in range(count):
        found = text.find(" ", end + 1)
        if found < 0:
            return len(text)
        end = found
    return end


def _skeleton(name: str) -> str:
    """A name's consonants as romanisations of Korean and Chinese share them: "Seo Cheon-ju"
    and "So Chon Ju", "Pak Geum-cheol" and "Pak Kum Chol" have one skeleton."""
    letters = re.sub(r"[^a-z]", "", fold(name))
    return re.sub(r"[aeiouwyh]", "", letters.translate(_VOICED))


_VOICED = str.maketrans("gbdjr", "kptcl")


# One automaton pass per block finds where each kind of name may start.
_BLOCK_CUES = Cues(
    {
        **PERSON_CUES,
        "org": _ORG_HEADS.split("|"),
        "province": ["Province"],
        "feature": _FEATURES,
        "city": ["city of", "port of", "town of", "village of", "county of", "district of"],
        "periodical": "newspaper daily dailies weekly magazine periodical organ".split(),
    }
)
