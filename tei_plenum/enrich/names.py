"""Names enricher: mark every person, place, organisation and event and link it to a record.

Input: a :class:`Document` whose blocks may already carry marks (speaker labels, dates,
``bracket`` marks over square-bracket contents). Output: the same document with
``persName`` / ``placeName`` / ``orgName`` / ``eventName`` marks (``ref="#key"``) and one
:class:`Entity` per record the text uses, in order of first mention (encoding guide §5, §9, §13).
The text of a block never changes.

Where names come from, strongest first:

1. the authority file (one automaton pass per block; the longest spelling wins, and a place
   inside an organisation or event name, or an organisation inside an event name, nests);
2. the conversation's participants (their names, surnames of Russian-style names, all caps);
3. the text itself where it leaves no doubt: a capitalised name after a title or honorific
   (``Comrade Pak``, ``Ambassador Karelin``), ``X Province``, ``the city / port of X``. These
   get a local record marked unresolved, keyed by slug, for an archivist to review;
4. square brackets holding a name (``in [Kansen]``, ``Ri [Syn Yep]``): the translator's
   uncertain transliteration, marked with ``cert="low"`` and ``resp`` (§9).

A person who is a participant points to the ``particDesc`` record and gets no ``standOff``
entity: each person has exactly one record (§5.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..authority import Authority, Record, is_word_boundary
from ..letters import UPPER
from ..lexicon import (
    EAST_ASIAN_FAMILY_NAMES,
    INITIAL,
    NAME_TITLES,
    alternation,
    cue_words,
    is_initial,
    surname,
)
from ..model import Block, Document, Entity, Mark, Participant, attrs, mark_order, nests
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
from .cues import Cues

BRACKET_NOTE = "Bracketed by the translator as an uncertain transliteration."

# (outer, inner) pairs that may nest: the DPRK inside "DPRK Government", the CPSU inside
# "20th CPSU congress". A person inside "Kim Il Sung University" is part of a name, not a
# mention, so persName never nests.
_NESTING = {("orgName", "placeName"), ("eventName", "orgName"), ("eventName", "placeName")}

_NAME_WORD = rf"{UPPER}[^\W\d_'’]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*"
_PERSON_NAME = rf"(?:{INITIAL}\s?){{0,3}}{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}"
# Initials printed before a surname the authority knows ("N. T. Fedorenko", "A. PUZANOV").
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:{INITIAL}\s?){{1,3}}\s?$")
_TITLED = re.compile(rf"\b(?:{alternation(NAME_TITLES)})\s+({_PERSON_NAME})")
_PROVINCE = re.compile(rf"\b({_NAME_WORD}(?: {_NAME_WORD})? Province)\b")
_CITY_OF = re.compile(
    rf"\b(?:[Tt]he )?(?:city|port|town|village|county|district) of ({_NAME_WORD}(?: {_NAME_WORD})?)"
)

# An organisation the authority does not know, named unambiguously by its form: a head noun
# with a capitalised modifier ("State Planning Commission", "Škoda Works") or with an "of"
# complement ("Ministry of Health of the USSR", "Embassy of the German Democratic Republic").
_ORG_HEADS = (
    "Ministry|Embassy|Legation|Consulate|Committee|Commission|Board|Council|Department|Bureau|"
    "Works|Plant|Factory|Combine|Trust|Academy|University|Institute|Agency|Administration|"
    "Directorate|Presidium|Politburo|Secretariat|Assembly|Society|Association|League|Union|"
    "Federation|Front|Army|Navy|Party|Office|Section|Division|Headquarters|Command|Bank|Court"
)
_GENERIC_MODIFIERS = frozenset({"Central", "Executive", "Standing", "Political", "Party"})
_DETERMINERS = "The|This|That|These|Those|Our|Its|Their|His|Her|A|An|All|Each|Every"
_ORG_WORD = rf"(?!(?:{_DETERMINERS})\b){UPPER}[\w'’-]*"
_TITLE_WORD = rf"{UPPER}[^\W\d_]*[a-zß-ÿ][\w'’-]*"
_ACRONYM = rf"{UPPER}{{2,}}[a-z]?\b(?:\s+{UPPER}{{2,}}[a-z]?\b)*"
# After "of (the)": one acronym, or a run of title-case words, so that "of the DPRK Kim Jae-uk"
# stops before the person.
_COMPLEMENT = (
    rf"(?:{_ACRONYM}|{_TITLE_WORD}(?:\s+(?:{_TITLE_WORD}|and(?=\s+{UPPER})|of(?=\s+{UPPER})))*)"
)
# Matched around each head word the cue scan finds: modifiers backwards, complement forwards.
_ORG_MODIFIERS = re.compile(rf"(?<![\w'’-])(?:{_ORG_WORD}\s+){{1,3}}$")
_ORG_COMPLEMENT = re.compile(rf"(?:\s+of(?:\s+the)?\s+{_COMPLEMENT})+")

# Which of the patterns above can match at all, decided by one scan for their cue words.
_CUES = Cues(
    {
        "title": cue_words(NAME_TITLES),
        "org": _ORG_HEADS.split("|"),
        _PROVINCE.pattern: ["Province"],
        _CITY_OF.pattern: [
            "city of",
            "port of",
            "town of",
            "village of",
            "county of",
            "district of",
        ],
    }
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised words that follow titles but are not names ("General Assembly", "Minister of").
_NOT_NAMES = _word_set(
    """a an and the this that these those of on in at to for with by from as but or
    assembly staff committee commission department council command headquarters government
    party embassy ministry office affairs republic union army navy corps bureau section
    administration delegation conference congress plenum presidium politburo secretariat
    general secretary minister ambassador chairman premier president comrade comrades
    deputy vice first second third said stated noted replied asked informed told he she
    they we i it his her their our"""
)
_DESCRIPTIONS = _word_set(
    "signature stamp seal handwritten handwriting illegible inaudible sic note translator"
)
_BRACKET_NAME = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}$")
_PLACE_CUE = re.compile(r"(?:(\S+) )?\b(in|at|of) $")
_NAME_BEFORE = re.compile(rf"({_NAME_WORD}) $")


def enrich_names(doc: Document, authority: Authority) -> Document:
    """Add name marks and the entity records they point to; deterministic for equal input."""
    people = _Participants(doc.participants)
    registry = _Registry(authority, people)
    blocks = tuple(_enrich_block(block, authority, people, registry) for block in doc.blocks)
    known = {entity.key for entity in doc.entities}
    new = tuple(entity for entity in registry.entities() if entity.key not in known)
    return replace(doc, blocks=blocks, entities=doc.entities + new)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A proposed name mark, already resolved to the key it points to and its record.

    ``nestable`` is true for authority names, the only ones that may sit inside another name;
    ``make`` is the record to register, None for a participant (recorded in particDesc).
    """

    start: int
    end: int
    tag: str
    ref: str
    make: Entity | Record | None = field(default=None, compare=False)
    nestable: bool = True
    extra: tuple[tuple[str, str], ...] = ()

    def mark(self) -> Mark:
        return Mark(
            self.start, self.end, self.tag, attrs(ref=pointer(self.ref), **dict(self.extra))
        )


class _Participants:
    """Looks up the participant a person mention refers to, by key or by surname."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        self._by_key: dict[str, str] = {}
        surnames: dict[str, set[str]] = {}
        forms: set[str] = set()
        for person in participants:
            self._by_key[person.key] = person.key
            self._by_key.setdefault(person_key(person.name), person.key)
            surname = _surname(person.name)
            if surname:
                surnames.setdefault(surname.lower(), set()).add(person.key)
            forms |= _spellings(person.name)
        self._by_surname = {name: keys.pop() for name, keys in surnames.items() if len(keys) == 1}
        ordered = sorted(forms, key=lambda form: (-len(form), form))
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def match(self, surface: str) -> str | None:
        """The participant key for a person named ``surface``, if any."""
        key = self._by_key.get(person_key(surface))
        if key is not None:
            return key
        surname = _surname(surface)
        return self._by_surname.get(surname.lower()) if surname else None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        if self._pattern is None:
            return
        for found in self._pattern.finditer(text):
            key = self.match(found.group())
            if key and is_word_boundary(text, found.start(), found.end()):
                yield found.start(), found.end(), key


def _words(name: str) -> list[str]:
    return [word for word in name.split() if not is_initial(word)]


def _surname(name: str) -> str | None:
    """The surname used to match a participant, or None when it would be ambiguous: a name
    that opens with an East Asian family name is not matched by one word of it, since a bare
    Kim, Pak or Ri names too many people."""
    words = _words(name)
    if len(words) > 1 and words[0].lower() in EAST_ASIAN_FAMILY_NAMES:
        return None
    return surname(name)


def _spellings(name: str) -> set[str]:
    """How the text may write a participant: in full, without initials, "S. Karelin", "KARELIN"."""
    words = _words(name)
    initials = [word for word in name.split() if word not in words]
    forms = {name, " ".join(words)}
    surname = _surname(name)
    if surname:
        forms.add(surname)
        if initials:
            forms.add(f"{initials[0]} {surname}")
    return {form for form in forms | {form.upper() for form in forms} if len(form) > 1}


@dataclass
class _Registry:
    """Entity records in first-mention order, and whether every mention was bracketed."""

    authority: Authority
    people: _Participants
    _entities: dict[str, Entity] = field(default_factory=dict)
    _plain_mention: set[str] = field(default_factory=set)

    def use(self, key: str, make: Entity | Record, *, bracketed: bool) -> None:
        if key not in self._entities:
            self._entities[key] = make if isinstance(make, Entity) else entity_of(make)
        if not bracketed:
            self._plain_mention.add(key)

    def entities(self) -> list[Entity]:
        return [
            entity if entity.key in self._plain_mention else replace(entity, note=BRACKET_NOTE)
            for entity in self._entities.values()
        ]

    def resolve(
        self, surface: str, kind: EntityType, key: str | None = None, uncertain: bool = False
    ) -> tuple[str, Entity | Record | None]:
        """The key a mention points to and the record to register (None: a participant)."""
        if kind is EntityType.PERSON:
            participant = self.people.match(surface)
            if participant is None and key is not None and not uncertain:
                participant = self.people.match(self.authority.record(key).name)
            if participant is not None:
                return participant, None
        if key is not None and not uncertain:
            return key, self.authority.record(key)
        local = entity_key(kind, surface)
        if key is None and local in self.authority:
            return local, self.authority.record(local)
        name = surface.title() if surface.isupper() else surface
        standard = self.authority.record(key).name if key is not None else None
        return local, Entity(local, kind, name, unresolved=standard is None, standard_name=standard)


def entity_of(record: Record) -> Entity:
    """The entity record of an authority record, as a document lists it in ``standOff``."""
    return Entity(
        key=record.key,
        type=record.type,
        name=record.name,
        full_name=record.full_name,
        idnos=record.idnos,
        occupation=record.occupation,
        when=record.when,
    )


def _enrich_block(
    block: Block, authority: Authority, people: _Participants, registry: _Registry
) -> Block:
    text = block.text
    removed: set[Mark] = set()
    bracketed: list[tuple[Mark, _Candidate | None]] = []
    for bracket in (mark for mark in block.marks if mark.tag == BRACKET_MARK and not mark.attrs):
        decided = _bracket_name(text, bracket, authority, registry)
        if decided:
            removed.add(bracket)
            bracketed.extend(decided)
    taken = [mark for mark in block.marks if mark not in removed]
    taken += [mark for mark, _ in bracketed]
    accepted: list[_Candidate] = []
    for candidate in sorted(
        _candidates(text, authority, people, registry),
        key=lambda c: (c.start - c.end, c.start, c.tag, c.ref),
    ):
        if _fits(candidate, taken):
            accepted.append(candidate)
            taken.append(candidate.mark())
    if not accepted and not removed:
        return block
    placed = [(mark, found, True) for mark, found in bracketed]
    placed += [(found.mark(), found, False) for found in accepted]
    for _, found, was_bracketed in sorted(placed, key=lambda item: mark_order(item[0])):
        if found is not None and found.make is not None:
            registry.use(found.ref, found.make, bracketed=was_bracketed)
    kept = tuple(mark for mark in block.marks if mark not in removed)
    return block.with_only_marks([*kept, *(mark for mark, *_ in placed)])


def _fits(candidate: _Candidate, taken: list[Mark]) -> bool:
    """Longest first: a candidate must nest with every mark so far and not repeat a name."""
    if not nests(taken, candidate.start, candidate.end):
        return False
    for mark in taken:
        if mark.tag not in NAME_ELEMENTS or mark.is_milestone:
            continue
        if (mark.start, mark.end) == (candidate.start, candidate.end):
            return False
        inside = mark.start <= candidate.start and candidate.end <= mark.end
        if inside and (not candidate.nestable or (mark.tag, candidate.tag) not in _NESTING):
            return False
    return True


def _after_place_cue(before: str) -> bool:
    """True after "in", "at" or a lower-case "X of" (the port of, the outskirts of).

    "Ministry of [Foreign Trade]" is not a place: "of" after a capitalised word belongs to a
    name the translator completed.
    """
    cue = _PLACE_CUE.search(before)
    if cue is None:
        return False
    previous = cue.group(1) or ""
    return cue.group(2) != "of" or not previous[:1].isupper()


def _candidates(
    text: str, authority: Authority, people: _Participants, registry: _Registry
) -> Iterable[_Candidate]:
    for hit in authority.find(text):
        kind = authority.record(hit.key).type
        ref, make = registry.resolve(text[hit.start : hit.end], kind, hit.key, hit.uncertain)
        start = hit.start
        if kind is EntityType.PERSON:
            initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
            start = initials.start() if initials else start
        yield _Candidate(start, hit.end, KINDS[kind].name, ref, make)
    for start, end, key in people.find(text):
        yield _Candidate(start, end, "persName", key)
    cues = _CUES.found(text)
    for found in _TITLED.finditer(text) if "title" in cues else ():
        start, end = found.span(1)
        name = _trim_name(found.group(1))
        if name:
            ref, make = registry.resolve(name, EntityType.PERSON)
            yield _Candidate(start, start + len(name), "persName", ref, make, nestable=False)
    for start, end in _CUES.where(text, "org") if "org" in cues else ():
        if not is_word_boundary(text, start, end):
            continue
        before = _ORG_MODIFIERS.search(text, max(0, start - 60), start)
        after = _ORG_COMPLEMENT.match(text, end)
        modifiers = set(before.group().split()) if before else set()
        if after is None and not modifiers - _GENERIC_MODIFIERS:
            continue
        start = before.start() if before else start
        end = after.end() if after else end
        name = text[start:end]
        if authority.lookup(name) is None:
            ref, make = registry.resolve(name, EntityType.ORG)
            yield _Candidate(start, end, "orgName", ref, make)
    for pattern in (_PROVINCE, _CITY_OF):
        for found in pattern.finditer(text) if pattern.pattern in cues else ():
            start, end = found.span(1)
            name = found.group(1)
            if name.split()[0].lower() not in _NOT_NAMES and is_word_boundary(text, start, end):
                ref, make = registry.resolve(name, EntityType.PLACE)
                yield _Candidate(start, end, "placeName", ref, make, nestable=False)


def _trim_name(name: str) -> str:
    """Cut a titled name before the first word that is not part of a name."""
    kept: list[str] = []
    for word in name.split(" "):
        if word.lower() in _NOT_NAMES:
            break
        kept.append(word)
    trimmed = " ".join(kept)
    return trimmed if _words(trimmed) else ""


def _bracket_name(
    text: str, bracket: Mark, authority: Authority, registry: _Registry
) -> list[tuple[Mark, _Candidate | None]]:
    """The marks replacing a bracket whose content is a name (§9); empty to leave it alone."""
    start, end = bracket.start, bracket.end
    content = text[start:end]
    if not _BRACKET_NAME.match(content) or content.split()[0].lower() in _DESCRIPTIONS:
        return []
    uncertain = (("cert", "low"), ("resp", pointer(RESP_TRANSLATOR_EN)))
    before = text[: max(start - 1, 0)]
    hit = authority.lookup(content)
    previous = _NAME_BEFORE.search(before)
    if previous and previous.group(1).lower() not in _NOT_NAMES and hit is None:
        whole_start = previous.start(1)
        whole = f"{previous.group(1)} {content}"
        found = authority.lookup(whole)
        ref, make = registry.resolve(
            whole, EntityType.PERSON, found.key if found else None, bool(found and found.uncertain)
        )
        name = _Candidate(whole_start, end + 1, "persName", ref, make)
        part = Mark(start, end, "seg", attrs(type="namePart", **dict(uncertain)))
        return [(name.mark(), name), (part, None)]
    if hit is not None:
        kind = authority.record(hit.key).type
        ref, make = registry.resolve(content, kind, hit.key, hit.uncertain)
    elif _after_place_cue(before):
        kind = EntityType.PLACE
        ref, make = registry.resolve(content, kind)
    else:
        return []
    name = _Candidate(start, end, KINDS[kind].name, ref, make, extra=uncertain)
    return [(name.mark(), name)]
