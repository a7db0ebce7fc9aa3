"""The authority file: known people, places, organisations and events, and how to find them.

An authority file is a TEI document whose ``standOff`` (or ``text/body``) holds ``listPerson``,
``listPlace``, ``listOrg`` and ``listEvent``. Each record has an ``xml:id`` (its key), a
preferred name (the first name element without ``@type``), optional ``type="full"`` and
``type="variant"`` names, ``idno`` elements for Wikidata, GeoNames or VIAF, and the time it
holds: ``@when``, ``@from``/``@to`` or ``@notBefore``/``@notAfter`` on a place, organisation or
event, and on a person's ``occupation`` and ``affiliation``. A variant with ``@cert``
("medium", "low") is an uncertain identification: a mention of it links to the record with
that certainty (encoding guide §5, §16). A variant with dates is a name used only then (a code
name: Stalin signed "Filippov" in his cables of 1948–1953): it names the record only in a
document, or beside a year, of that time.

The bundled file is read first, then the user's files in order; a later record wins over an
earlier one with the same key, and a spelling a later file lists moves to its records. Records
of one file may share a spelling ("Asian-African Conference" of 1955 and of 1965): the record
that holds at the document's date wins.

Every spelling goes into one Aho-Corasick automaton in a folded form (case, hyphens, accents
and apostrophes levelled, one character for one, so that offsets stay those of the text), so
finding names costs time in proportion to the text, not to the number of records, and
``KIM Il-sung`` finds ``Kim Il Sung`` without a variant for every typographic form.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
from lxml import etree

from . import pattern_cache, resources
from .errors import ConfigError, Location, TeiParseError
from .letters import fold, initial_letter
from .lexicon import surname
from .model import Attrs, DatedRole
from .parallel import FileStamp, file_stamps, per_process
from .vocabulary import KIND_OF_RECORD, XML_ID, EntityType, tei_tag
from .xmlsafe import parse_xml_file

DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")
"""The attributes that say when a record, an occupation or an affiliation holds."""


@dataclass(frozen=True, slots=True)
class Record:
    """One authority record, as read from a file.

    ``dates`` are the record's own date attributes (a place's or organisation's existence, an
    event's date); ``roles`` a person's occupations and affiliations with theirs; ``subtype``
    the record's ``@type`` (``newspaper`` or ``periodical`` for a periodical, which is an
    organisation its mentions name as a title); ``in_use`` the spellings used only for a time,
    with their dates.
    """

    key: str
    type: EntityType
    name: str
    full_name: str | None = None
    variants: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()
    idnos: Attrs = ()
    roles: tuple[DatedRole, ...] = ()
    dates: Attrs = ()
    subtype: str | None = None
    source: str = ""
    in_use: tuple[tuple[str, Attrs], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """A spelling found in a text: ``text[start:end]`` names ``key``.

    ``uncertain`` is true when the spelling is only a possible form of the record's name (a
    variant with ``@cert``): the mention links to the record with that certainty.
    """

    start: int
    end: int
    key: str
    uncertain: bool = False


# ------------------------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class Period:
    """A span of days as two comparable ISO strings; an open end is "" or "9999"."""

    start: str = ""
    end: str = "9999"

    @classmethod
    def of(cls, dates: Attrs | dict[str, str]) -> Period | None:
        """The period ``when`` / ``from``-``to`` / ``notBefore``-``notAfter`` give; None when
        the attributes give no date."""
        values = dict(dates)
        when = values.get("when")
        start = values.get("from") or values.get("notBefore") or when
        end = values.get("to") or values.get("notAfter") or when
        if start is None and end is None:
            return None
        return cls(_first_day(start) if start else "", _last_day(end) if end else "9999")

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def starts_after(self, other: Period) -> bool:
        """True when this period begins after ``other`` has ended: it did not exist yet."""
        return self.start > other.end

    def distance(self, other: Period) -> int:
        """Roughly how many days lie between the two periods (0 when they overlap)."""
        if self.end < other.start:
            return _day_number(other.start) - _day_number(self.end)
        if other.end < self.start:
            return _day_number(self.start) - _day_number(other.end)
        return 0


def _first_day(iso: str) -> str:
    return iso + "-01-01"[len(iso) - 4 :] if len(iso) < 10 else iso[:10]


def _last_day(iso: str) -> str:
    return iso + "-12-31"[len(iso) - 4 :] if len(iso) < 10 else iso[:10]


def _day_number(iso: str) -> int:
    year, month, day = (int(part) for part in (iso[:4], iso[5:7] or 1, iso[8:10] or 1))
    return year * 372 + month * 31 + day


_YEAR = pattern_cache.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# How far before or after an event's name a year may stand and still date it: "the 1955
# Asian-African Conference", "the Asian-African Conference of 1955", "… Conference (1965)".
_YEAR_REACH = 12


@dataclass(frozen=True, slots=True)
class _Owner:
    """A record that a folded spelling names: the spellings as listed (all of one fold),
    whether they are uncertain, and whether the spelling is an acronym ("US", "MNR"), which
    matches only as printed."""

    key: str
    uncertain: bool
    spellings: tuple[str, ...]
    acronym: bool
    # When the spelling named the record, for a name used only for a time; None for always.
    period: Period | None = None


def _same_case(surface: str, spelling: str) -> bool:
    """Whether a text writes a spelling with the same capital at the start of its first and
    last words, or those words in capitals: "KIM Il-sung" is "Kim Il Sung", "DPRK government"
    is not "DPRK Government" (a description in small letters); a last word in an "of"
    complement may differ ("All-Union Communist Party of bolsheviks")."""
    last = spelling.rfind(" ") + 1
    checked = [0]
    if last and surface[last - 1] == " " and not spelling[:last].endswith((" of ", " for ")):
        checked.append(last)
    for start in checked:
        end = surface.find(" ", start)
        word = surface[start : end if end >= 0 else len(surface)]
        if word.isupper() or surface[start] == spelling[start]:
            continue
        if surface[start].isupper() != spelling[start].isupper():
            return False
    return True


# ------------------------------------------------------------------------------- authority


class Authority:
    """Records by key plus one automaton over every folded spelling; immutable once built."""

    def __init__(self, records: Sequence[Record]) -> None:
        by_key: dict[str, Record] = {}
        for record in records:
            by_key.pop(record.key, None)
            by_key[record.key] = record
        self._records = by_key
        # folded spelling -> {key: (uncertain, spellings, period)}, and the file that claimed
        # it last
        owners: dict[str, dict[str, tuple[bool, list[str], Period | None]]] = {}
        claimed_by: dict[str, str] = {}
        # A state's acronym and its other names, which a body's name may spell instead.
        expansions = {
            record.name: _state_names(record)
            for record in by_key.values()
            if record.type is EntityType.PLACE and record.full_name and _is_acronym(record.name)
        }
        for record in by_key.values():
            used = {surface: Period.of(dates) for surface, dates in record.in_use}
            for surface, uncertain in _spellings(record, expansions):
                folded = fold(surface)
                if claimed_by.get(folded, record.source) != record.source:
                    del owners[folded]  # a later file takes the spelling over
                claimed_by[folded] = record.source
                mine = owners.setdefault(folded, {}).setdefault(
                    record.key, (uncertain, [], used.get(surface))
                )
                mine[1].append(surface)
        self._owners: dict[str, tuple[_Owner, ...]] = {
            folded: tuple(
                _Owner(key, uncertain, tuple(spellings), _is_acronym(spellings[0]), period)
                for key, (uncertain, spellings, period) in keys.items()
            )
            for folded, keys in owners.items()
        }
        # Persons by surname and the initial of the first given name, and office holders by
        # surname, so that resolving a name looks at a handful of records, not thousands.
        self._people: dict[tuple[str, str], dict[str, Record]] = {}
        self._holders: dict[str, dict[str, Record]] = {}
        self._surnames: set[str] = set()
        for record in by_key.values():
            if record.type is not EntityType.PERSON:
                continue
            dated = {surface for surface, _ in record.in_use}
            for spelling in (record.name, record.full_name, *record.variants):
                named = (
                    _surname_and_initial(spelling) if spelling and spelling not in dated else None
                )
                if named is None:
                    continue
                family = fold(named[0])
                self._people.setdefault((family, named[1]), {})[record.key] = record
                self._surnames.add(family)
                if record.roles:
                    self._holders.setdefault(family, {})[record.key] = record
        self._automaton = ahocorasick.Automaton()
        for folded in self._owners:
            self._automaton.add_word(folded, folded)
        if self._owners:
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

    def people_named(self, family: str, given: str = "") -> tuple[Record, ...]:
        """The persons a spelling of whom has this surname (any case or accents) and, when
        ``given`` is printed, a first given name or initial of the same letter."""
        return tuple(self._people.get((fold(family), _first_letter(given)), {}).values())

    def knows_surname(self, family: str) -> bool:
        """Whether some person of the authority bears this surname."""
        return fold(family) in self._surnames

    def office_holders(self, family: str) -> tuple[Record, ...]:
        """The persons of this surname whose record lists occupations."""
        return tuple(self._holders.get(fold(family), {}).values())

    def lookup(self, surface: str, at: Period | None = None) -> Hit | None:
        """The record a whole string names at the date ``at``, if it is a known spelling."""
        owner = self._choose(surface, fold(surface), at)
        return None if owner is None else Hit(0, len(surface), owner.key, owner.uncertain)

    def find(self, text: str, at: Period | None = None) -> list[Hit]:
        """Every known spelling in ``text`` that stands as a whole word, overlaps included,
        each resolved to the record that holds at the date ``at`` (or at a year printed next
        to it)."""
        if not self._owners:
            return []
        hits = []
        folded_text = fold(text)
        for end_index, folded in self._automaton.iter(folded_text):
            end = end_index + 1
            start = end - len(folded)
            if not is_word_boundary(text, start, end):
                continue
            surface = text[start:end]
            owners = self._owners[folded]
            dated = len(owners) > 1 or owners[0].period is not None
            when = _printed_year(text, start, end) if dated else None
            owner = self._choose(surface, folded, when or at)
            if owner is not None:
                hits.append(Hit(start, end, owner.key, owner.uncertain))
        return hits

    def _choose(self, surface: str, folded: str, at: Period | None) -> _Owner | None:
        """Among the records a spelling names, the one for this surface at this date.

        A folded match must look like a name (capital or digit first) unless it is printed as
        the spelling is; an acronym matches only as printed. A place or organisation that did
        not exist yet at ``at`` is never chosen; of the rest, the one whose time holds ``at``,
        else the nearest in time, else the first listed.
        """
        owners = [
            owner
            for owner in self._owners.get(folded, ())
            if self._fits(surface, owner) and _in_use(owner, at)
        ]
        if len(owners) <= 1 and (at is None or not owners):
            return owners[0] if owners else None
        return _at_date(owners, self._records, at)

    @staticmethod
    def _fits(surface: str, owner: _Owner) -> bool:
        if owner.acronym:
            return surface.replace("’", "'") in owner.spellings
        return any(_same_case(surface, spelling) for spelling in owner.spellings)


def _in_use(owner: _Owner, at: Period | None) -> bool:
    """Whether the spelling named the record at ``at``: always, unless it is a name used only
    for a time, which an undated text never matches."""
    return owner.period is None or (at is not None and owner.period.distance(at) == 0)


def _at_date(owners: list[_Owner], records: dict[str, Record], at: Period | None) -> _Owner | None:
    if at is None:
        return owners[0]
    ranked: list[tuple[int, int, _Owner]] = []
    for position, owner in enumerate(owners):
        record = records[owner.key]
        period = Period.of(record.dates)
        if period is None:
            ranked.append((1, position, owner))
            continue
        if record.type in (EntityType.PLACE, EntityType.ORG) and period.starts_after(at):
            continue
        ranked.append((0 if period.distance(at) == 0 else 2 + period.distance(at), position, owner))
    return min(ranked, key=lambda item: item[:2])[2] if ranked else None


def _printed_year(text: str, start: int, end: int) -> Period | None:
    """A year printed just before or after a name ("the 1955 …", "… of 1965")."""
    before = _YEAR.search(text, max(0, start - _YEAR_REACH), start)
    after = _YEAR.search(text, end, end + _YEAR_REACH)
    found = after or before
    return Period.of({"when": found.group(1)}) if found else None


def _surname_and_initial(spelling: str) -> tuple[str, str] | None:
    """A spelling's surname and the folded first letter of its first given name or initial
    ("" when the spelling is a surname alone); None when it has no words."""
    family = surname(spelling)
    if family is None:
        return None
    tokens = spelling.split()
    given = tokens[1] if tokens[0] == family and len(tokens) > 1 else tokens[0]
    return family, "" if given == family else _first_letter(given)


def _first_letter(word: str) -> str:
    """The initial a given name is indexed by; J and Y are one letter, as transliterations
    write the same name ("Jurij", "Yuri")."""
    return initial_letter(word[:1]) if word else ""


def _spellings(record: Record, expansions: Mapping[str, _StateNames]) -> Iterator[tuple[str, bool]]:
    """A record's spellings, each with whether it is an uncertain identification; a person's
    Russian surname also in the other transliterations of its ending, and a hyphenated given
    name also closed up and spaced ("Kim Chang-bong": "Kim Changbong", "Kim Chang Bong"); an
    organisation's with its party's acronym on the other side of "CC" or without "CC" before
    an organ ("MPRP Politburo") or with "CC" written out ("CPSU Central Committee
    Presidium"), a party's Central Committee also after the party's name in words, with
    "Soviet" for "USSR" and back, with its acronym before its state's ("MFA DPRK"), with
    "Workers'" misprinted "Worker's", and with a state's acronym spelled out or named
    otherwise (``expansions``: "Government of the DPRK", "Government of the Democratic
    People's Republic of Korea", "Embassy in North Korea")."""
    listed = [surface for surface in (record.name, record.full_name, *record.variants) if surface]
    for surface in listed:
        yield surface, False
    derived: Iterable[str | None] = ()
    if record.type is EntityType.PERSON:
        derived = (v for s in listed for v in (*_transliterated(s), *_unhyphenated(s)))
    elif record.type is EntityType.ORG:
        derived = (
            v
            for s in listed
            for v in (
                _committee_reordered(s),
                _committee_after_party(s),
                _committee_in_words(s),
                _without_committee(s),
                _adjective_swapped(s),
                _state_after(s, expansions),
                _workers_apostrophe(s),
                *_spelled_out(s, expansions),
            )
        )
    seen = set(listed)
    for variant in derived:
        if variant is not None and variant not in seen:
            seen.add(variant)
            yield variant, False
    for surface in record.uncertain:
        yield surface, True


# A hyphen between the syllables of a romanised given name ("Chang-bong", "Jun-geuk").
_SYLLABLE_HYPHEN = pattern_cache.compile(r"(?<=[a-z])-([a-z])")


def _unhyphenated(surface: str) -> tuple[str, ...]:
    """The spelling with the hyphens of its romanised given names closed up, and as spaces
    before a capital, as translations write the same name."""
    if not _SYLLABLE_HYPHEN.search(surface):
        return ()
    closed = _SYLLABLE_HYPHEN.sub(r"\1", surface)
    spaced = _SYLLABLE_HYPHEN.sub(lambda found: " " + found.group(1).upper(), surface)
    return closed, spaced


# A party's acronym and "CC" (its Central Committee) in either order: "CPSU CC", "CC CPSU".
_PARTY_CC = pattern_cache.compile(r"(?<!\S)(\S+) CC(?!\S)")
_CC_PARTY = pattern_cache.compile(r"(?<!\S)CC (\S+)(?!\S)")


def _committee_reordered(surface: str) -> str | None:
    """An organisation's spelling with its party's acronym on the other side of "CC", as
    translations print both ("CPSU CC Presidium", "CC CPSU Presidium"); None when it has no
    such pair."""
    for pattern, template in ((_PARTY_CC, "CC {}"), (_CC_PARTY, "{} CC")):
        found = pattern.search(surface)
        if found is not None and _party_acronym(found.group(1)):
            moved = template.format(found.group(1))
            return f"{surface[: found.start()]}{moved}{surface[found.end() :]}"
    return None


# A party's Central Committee named after the party in words: "Central Committee of the
# Communist Party of China".
_COMMITTEE_OF_PARTY = pattern_cache.compile(r"Central Committee of the ((?:\S+ )*Party(?: .+)?)")


def _committee_after_party(surface: str) -> str | None:
    """A party's Central Committee with the party's name in words before it, as translations
    also print it ("Communist Party of the Soviet Union Central Committee")."""
    found = _COMMITTEE_OF_PARTY.fullmatch(surface)
    return f"{found.group(1)} Central Committee" if found is not None else None


@dataclass(frozen=True, slots=True)
class _StateNames:
    """A state's names other than its acronym: its full name, which may stand wherever the
    acronym does, and the names of its variants that stand only where "the" leads the
    acronym, each printed with the article when it takes one ("the Soviet Union") and
    without it otherwise ("North Korea")."""

    full: str
    after_the: tuple[str, ...] = ()


# The last words of a state's name that take the article ("the Soviet Union").
_TAKES_ARTICLE = frozenset("Union Republic Kingdom States Federation Emirates Islands".split())


def _state_names(record: Record) -> _StateNames:
    """The names a place record with an acronym for a name gives its state: its full name,
    and those of its variants written out in words ("North Korea", not "D.P.R.K.")."""
    assert record.full_name is not None
    worded = [
        variant
        for variant in record.variants
        if all(
            word[:1].isupper() and word[1:].islower() and word.isalpha() for word in variant.split()
        )
    ]
    return _StateNames(
        record.full_name,
        tuple(f"the {v}" if v.split()[-1] in _TAKES_ARTICLE else v for v in worded),
    )


def _spelled_out(surface: str, expansions: Mapping[str, _StateNames]) -> Iterator[str]:
    """The spelling with each state's acronym in it spelled out, one at a time, and named
    otherwise where "the" leads it."""
    words = surface.split()
    for index, word in enumerate(words):
        names = expansions.get(word)
        if names is None:
            continue
        yield " ".join((*words[:index], names.full, *words[index + 1 :]))
        if index and words[index - 1] == "the":
            for name in names.after_the:
                yield " ".join((*words[: index - 1], name, *words[index + 1 :]))


# The adjective of the Soviet state and its acronym, which name its bodies alike ("Soviet
# Foreign Ministry", "USSR Foreign Ministry").
_SAME_STATE = {"Soviet": "USSR", "USSR": "Soviet"}


def _state_after(surface: str, expansions: Mapping[str, _StateNames]) -> str | None:
    """A body's acronym after its state's, also before it, as Russian word order prints
    them ("DPRK MFA", "MFA DPRK")."""
    words = surface.split()
    if len(words) == 2 and words[0] in expansions and _is_acronym(words[1]):
        return f"{words[1]} {words[0]}"
    return None


def _adjective_swapped(surface: str) -> str | None:
    """An organisation's spelling opening with "Soviet" as it opens with "USSR", and back."""
    first, _, rest = surface.partition(" ")
    other = _SAME_STATE.get(first)
    return f"{other} {rest}" if other is not None and rest else None


def _committee_in_words(surface: str) -> str | None:
    """A party organ's spelling with "CC" after the party's acronym written out, as
    translations also print it ("CPSU CC Presidium", "CPSU Central Committee Presidium")."""
    found = _PARTY_CC.search(surface)
    if found is None or found.start() != 0 or not _party_acronym(found.group(1)):
        return None
    return f"{found.group(1)} Central Committee{surface[found.end() :]}"


def _without_committee(surface: str) -> str | None:
    """A party organ's spelling without "CC" between the party's acronym and the organ, as
    translations shorten it ("MPRP CC Politburo", "MPRP Politburo")."""
    found = _PARTY_CC.search(surface)
    if found is None or found.start() != 0 or not _party_acronym(found.group(1)):
        return None
    rest = surface[found.end() :]
    return f"{found.group(1)}{rest}" if rest.startswith(" ") else None


def _workers_apostrophe(surface: str) -> str | None:
    """ "Workers' Party" as translations also misprint it, "Worker's Party"."""
    return surface.replace("Workers'", "Worker's") if "Workers'" in surface else None


def _party_acronym(word: str) -> bool:
    """A party's acronym: capitals, with the Bolsheviks' "(b)" ("KSČ", "VKP(b)")."""
    letters = word.replace("(b)", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


# The ending "-ый/-ий/-ой" of a Russian surname as transliteration systems write it:
# Podgorny, Podgornyy, Podgornyi, Podgorniy, Podgornii; Malinovsky, Malinovskiy, Malinovskii.
_RUSSIAN_ENDING = pattern_cache.compile(r"(?<=[a-z][knv])(?:yy|yi|iy|ii|ij|y)$")
_ENDINGS = ("y", "yy", "yi", "iy", "ii")


def _transliterated(surface: str) -> Iterator[str]:
    """The spelling with its last word's Russian adjectival ending in each other system."""
    head, _, last = surface.rpartition(" ")
    found = _RUSSIAN_ENDING.search(last)
    if found is None or len(last) < 6:
        return
    stem = last[: found.start()]
    for ending in _ENDINGS:
        word = stem + ending
        if word != last:
            yield f"{head} {word}" if head else word


def _is_acronym(surface: str) -> bool:
    return " " not in surface and len(surface) <= 8 and surface.isupper()


def is_word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` neither begins nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


# ------------------------------------------------------------------------------- reading


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


def _dates(path: Path, el: etree._Element) -> Attrs:
    dates = tuple((name, el.get(name, "")) for name in DATE_ATTRIBUTES if el.get(name))
    for name, value in dates:
        if not _ISO.fullmatch(value):
            raise _problem(path, el, f'@{name}="{value}" is not an ISO date (YYYY, YYYY-MM…)')
    return dates


_ISO = pattern_cache.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


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
    in_use: list[tuple[str, Attrs]] = []
    for name_el in el.findall(tei_tag(name_tag)):
        text = " ".join("".join(name_el.itertext()).split())
        if not text:
            raise _problem(path, name_el, f"empty <{name_tag}> in {key}")
        dates = _dates(path, name_el)
        if dates and name_el.get("type") is not None:
            in_use.append((text, dates))
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
    roles = tuple(
        DatedRole(
            etree.QName(role).localname,
            " ".join("".join(role.itertext()).split()),
            _dates(path, role),
        )
        for role in el.iterchildren(tei_tag("occupation"), tei_tag("affiliation"))
    )
    return Record(
        key=key,
        type=spec.type,
        name=preferred,
        full_name=full_name,
        variants=tuple(variants),
        uncertain=tuple(uncertain),
        idnos=idnos,
        roles=roles,
        dates=_dates(path, el),
        subtype=el.get("type"),
        source=str(path),
        in_use=tuple(in_use),
    )


def _problem(path: Path, el: etree._Element, message: str) -> ConfigError:
    return ConfigError(message, Location(str(path), el.sourceline))
