"""The people of a conversation: who they are, and which one a label or a short form names.

A :class:`Cast` holds the participants found so far (title, byline, participants lines,
signatures, speaker labels), the sides they belong to and the short forms the document binds
to them ("(hereafter Kim)"). :meth:`Cast.resolve` is the one rule by which a label, a reported
speaker or a short mention finds its participant (encoding guide §13):

1. a short form the document introduced wins over everything else;
2. the same name, ignoring case, initials and the brackets around a part of it;
3. one word names the participant whose name begins or ends with it ("KIM" for "Kim Il
   Sung", "LOBANOV" for "V. P. Lobanov"); several words name the participant whose name has
   the same first and last word and all of them in order ("Boris Vereshchagin" for "Boris
   Nikolaevich Vereshchagin"), never one that only shares a part ("Kim Il" is not "Nam Il");
4. among several candidates, the one who speaks or wrote (title, byline, earlier turns)
   wins over those only present; when that still leaves more than one, nobody: a label with
   no certain participant gets a record of its own rather than a wrong one.

:func:`participants_entries` reads a participants line into people and their offices, whether
the office stands before the name ("Embassy Second Secretary V. P. Lobanov"), after it
("CHANG Ki-yeong Assistant to the co-chairman", "Chen Fu, Chargé d'Affaires of …") or in a
list of names ("comrs. Molotov, Vyshinskii").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import pattern_cache
from ..letters import UPPER, display_name
from ..lexicon import OFFICE_WORDS, given_names_agree
from ..model import Block, Participant
from ..reader import patterns as pat
from ..reader.patterns.speakers import ROLE_WORDS, office_words, person_span
from ..vocabulary import group_key
from .name_forms import unbracketed_letters

_SPEAKING = frozenset({"author", "interlocutor", "interviewer", "interviewee"})


def fold(name: str) -> tuple[str, ...]:
    """A name's words as compared: brackets, initials and abbreviated titles ("S. N.",
    "I.V.", "I.v.", "Mr.") dropped, case folded."""
    words = name.replace("[", " ").replace("]", " ").split()
    return tuple(w.casefold().strip(",.;") for w in words if not _INITIALS.fullmatch(w))


_INITIALS = pattern_cache.compile(r"(?:[^\W\d_][a-z]?\.)+")


def _initials_fit(name: str, other: str) -> bool:
    """Whether the initials ``name`` prints agree with the given names of ``other``: "R.
    Castro" is not "Fidel Castro", "I. V. Stalin" may be "Iosif Stalin"; a name without
    initials, or one of them without given names, says nothing against it."""
    mine = [w for w in name.split() if _INITIALS.fullmatch(w)]
    theirs = other.split()[:-1]
    return not mine or not theirs or given_names_agree(mine, theirs)


def _in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    rest = iter(full)
    return all(word in rest for word in short)


@dataclass(slots=True)
class Cast:
    """Participants found so far, by key, in first-seen order; sides; short forms; the
    people the text introduces with a short form; the speakers only a label names (by key,
    as printed), whom the converter warns about; the person a question or answer label
    named ("ANSWER FROM COM. STALIN."), by role, for the bare labels after it."""

    people: dict[str, Participant] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    aliases: dict[tuple[str, ...], str] = field(default_factory=dict)
    introduced: dict[str, str] = field(default_factory=dict)
    unlisted: dict[str, str] = field(default_factory=dict)
    interviewed: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, name: str, role: str, side: str | None = None, **extra: object) -> str:
        """Record ``key`` as a participant in ``role`` (a known one gains the role)."""
        known = self.people.get(key)
        if known is None:
            known = Participant(key, name, (role,), side=side, **extra)  # type: ignore[arg-type]
        elif role not in known.roles:
            known = replace(known, roles=(*known.roles, role))
        if side and not known.side:
            known = replace(known, side=side)
        if not known.occupation and extra.get("occupation"):
            known = replace(known, occupation=str(extra["occupation"]))
        self.people[key] = known
        return key

    def side(self, label: str) -> str:
        """The group record of a side ("North", "South"), created on first use."""
        group = group_key(label)
        self.groups.setdefault(group, label)
        return group

    def introduce(self, key: str, name: str) -> None:
        """Remember the name of a person the text introduces (with a short form) before they
        take part: they become a participant when they speak."""
        self.introduced.setdefault(key, name)

    def bind(self, alias: str, key: str) -> None:
        """Bind a short form to a participant for the rest of the document (first binding
        wins: a document introduces a short form once)."""
        words = fold(alias)
        if words:
            self.aliases.setdefault(words, key)

    def resolve(self, name: str, exclude: str | None = None) -> str | None:
        """The participant ``name`` denotes, by the rules of the module's docstring; never
        ``exclude``."""
        words = fold(name)
        if not words:
            return None
        if words in self.aliases and self.aliases[words] != exclude:
            return self.aliases[words]
        people = [
            p for p in self.people.values() if p.key != exclude and _initials_fit(name, p.name)
        ]
        exact = [p.key for p in people if fold(p.name) == words]
        if exact:
            return exact[0]
        if len(words) == 1:
            candidates = [p for p in people if words[0] in _ends(fold(p.name))]
        else:
            candidates = [
                p
                for p in people
                if (full := fold(p.name))
                and (full[0], full[-1]) == (words[0], words[-1])
                and _in_order(words, full)
            ]
        return _best(candidates)

    def resolve_office(self, label: str) -> str | None:
        """The participant an office label names ("THE PRIME MINISTER", "The Secretary"): the
        one listed by that office alone, or the one whose office it is (or heads, or ends);
        None unless exactly one."""
        office = office_words(label)
        by_name = [p.key for p in self.people.values() if office_words(p.name) == office]
        if by_name:
            return by_name[0]
        held = [
            p
            for p in self.people.values()
            if p.occupation and _holds(office_words(p.occupation), office)
        ]
        return _best(held)

    def merge(self, short: str, full: str) -> None:
        """Fold the record ``short`` into ``full``: one person, one record."""
        gone = self.people.pop(short)
        kept = self.people[full]
        roles = (*kept.roles, *(r for r in gone.roles if r not in kept.roles))
        self.people[full] = replace(
            kept,
            roles=roles,
            occupation=kept.occupation or gone.occupation,
            side=kept.side or gone.side,
        )
        for alias, key in self.aliases.items():
            if key == short:
                self.aliases[alias] = full


def _holds(occupation: str, office: str) -> bool:
    """An office label names the holder of an occupation it heads or ends: "the Secretary"
    holds "Secretary of State", "the Ambassador" "Soviet Ambassador"."""
    return (
        occupation == office
        or occupation.startswith(f"{office} ")
        or occupation.endswith(f" {office}")
    )


def _ends(words: tuple[str, ...]) -> tuple[str, ...]:
    """The first and last words a name may be shortened to; an Arabic surname also without
    its article ("El-Sadat" is "Sadat")."""
    if not words:
        return ()
    last = _ARABIC_ARTICLE.sub("", words[-1])
    return (words[0], words[-1], last) if last != words[-1] else (words[0], words[-1])


_ARABIC_ARTICLE = pattern_cache.compile(r"^(?:el|al|ad|ar|as|ash|at|az|ed|es)-(?=\w)")


def _best(candidates: list[Participant]) -> str | None:
    """The one candidate, or the one who speaks among several; None when still ambiguous."""
    if len(candidates) == 1:
        return candidates[0].key
    speaking = [p for p in candidates if _SPEAKING & set(p.roles)]
    return speaking[0].key if len(speaking) == 1 else None


# --- participants lines ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    """A person a participants line names: where, and where the office printed with the name
    stands (None when the line gives none). A person the line names only by an office ("The
    Prime Minister") is not ``named``: the span is the office."""

    start: int
    end: int
    office: tuple[int, int] | None
    named: bool = True


# "CHANG Ki-yeong Assistant to …", "KIM Il Sung": a surname in capitals, then given names.
_CAPS_FIRST = pattern_cache.compile(
    rf"{UPPER}{{2,}}(?:-{UPPER}{{2,}})?(?:\s+{UPPER}[a-z\u00e0-\u024f][\w'’-]*){{1,2}}(?=[\s,;]|$)"
)
_OFFICE_START = pattern_cache.compile(
    r"(?:the\s+)?(?:"
    + "|".join(re.escape(w) for w in OFFICE_WORDS)
    + r"|assistant|spokesman|spokeswoman|interpreter|translator|co-chairman|vice|first|second|"
    r"third|\d+(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
# A person named by an office alone: "The Prime Minister", "the Secretary of State".
_OFFICE_ALONE = pattern_cache.compile(
    r"the\s+(?:\S+\s+){0,2}?(?:" + "|".join(re.escape(w) for w in OFFICE_WORDS) + r")\b",
    re.IGNORECASE,
)
# List separators; a full stop separates only after a word (not after an initial: "V. P.").
_SEPARATORS = pattern_cache.compile(r"[,;]|(?<=[^\W\d_]{3})\.\s+(?=[A-Z])|\s+and\s+")
_HONORIFIC_LEAD = pattern_cache.compile(
    r"(?<![\w.])(?:comrades?|cdes?\.?|comrs?\.?|messrs\.?|mr\.?|mrs\.?|sir|m\.)\s*$",
    re.IGNORECASE,
)


def participants_entries(block: Block, names: list[tuple[int, int]]) -> list[Entry]:
    """The people a participants line names, with their offices.

    ``names`` are the spans of the person names already marked in the line (authority,
    earlier enrichers); the line's other names are read from its shape. A line that is one
    person with the office after the name ("CHANG Ki-yeong Assistant to the co-chairman",
    "Lee Hu-rak Co-chairman of …") gives that person, the rest of the line being the office;
    any other line is a list whose items are a person with the office before or after the
    name, or an office that belongs to the person of the item before.
    """
    text = block.text
    start = _caption_end(text)
    single = _single_person(text, start, names)
    if single is not None:
        return [single]
    blanked = _blank_parentheses(text)
    entries: list[Entry] = []
    for c_start, c_end in _chunks(blanked, start):
        inside = [n for n in names if c_start <= n[0] and n[1] <= c_end]
        found = inside[0] if inside else _chunk_name(text, blanked, c_start, c_end)
        if found is None:
            phrase = text[c_start:c_end].strip(" .")
            office = _trimmed(text, c_start, c_end)
            if office is not None and _OFFICE_ALONE.match(phrase):
                entries.append(Entry(*office, office, named=False))
            elif entries and _OFFICE_START.match(phrase):
                entries[-1] = _with_office_after(entries[-1], text, c_start, c_end)
            continue
        n_start, n_end = found
        before = _office(text, c_start, n_start)
        after = _trimmed(text, n_end, c_end)
        if after is not None and not _OFFICE_START.match(text, after[0]):
            after = None
        entries.append(Entry(n_start, n_end, before or after))
    return entries


def _with_office_after(entry: Entry, text: str, start: int, end: int) -> Entry:
    """The entry with the office that a list item after the name holds; an office already
    after the name extends to it ("Vice Premier of the State Council and Chief of Staff")."""
    if entry.office is None:
        return replace(entry, office=_trimmed(text, start, end))
    if entry.office[0] > entry.end:
        return replace(entry, office=_trimmed(text, entry.office[0], end))
    return entry


def printed_name(name: str) -> str:
    """A participant's name as its record shows it: in title case when printed in capitals,
    and with a surname in capitals before the given names in title case too ("CHANG
    Ki-yeong" gives "Chang Ki-yeong"); initials and letters the translator bracketed lose
    their brackets ("[F.V.] Mochulskii" gives "F.V. Mochulskii")."""
    name = display_name(unbracketed_letters(name))
    first, _, rest = name.partition(" ")
    if rest and len(first) > 1 and first.isupper() and "." not in first and not rest.isupper():
        return f"{first.capitalize()} {rest}"
    return name


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without the spaces and punctuation around it, nor the parentheses around an
    aside ("(Co-Chairman)"); None when nothing is left."""
    while start < end and text[start] in " ,.;(":
        start += 1
    while end > start and text[end - 1] in " ,.;":
        end -= 1
    if end > start and text[end - 1] == ")" and "(" not in text[start : end - 1]:
        end -= 1
    return (start, end) if start < end else None


def _caption_end(text: str) -> int:
    """Where the names start: after "Present:", "Participants:", or a side ("North:")."""
    end = pat.participants_label_end(text) or 0
    side = re.match(r"[^:,;]{1,40}:\s", text[end:])
    return end + side.end() if side else end


def _single_person(text: str, start: int, names: list[tuple[int, int]]) -> Entry | None:
    """A line that is one person with the office after the name: a marked name followed by
    an office word ("Lee Hu-rak Co-chairman of …"), or a surname in capitals with its given
    names, the rest of the line being the office ("RYU Jang-sik Assistant to …")."""
    at = start + len(text[start:]) - len(text[start:].lstrip())
    marked = next((n for n in names if n[0] == at), None)
    caps = _CAPS_FIRST.match(text, at) if marked is None else None
    end = marked[1] if marked is not None else _given_names_end(caps) if caps else None
    if end is None:
        return None
    rest = _trimmed(text, end, len(text))
    if rest is None:
        return Entry(at, end, None)
    # The office follows the name after a space, not in parentheses or after a comma.
    if not text[end:].startswith(" ") or not text[end + 1 : end + 2].isalnum():
        return None
    if marked is not None and (
        not _OFFICE_START.match(text, end + 1) or any(n[0] >= end for n in names)
    ):
        return None
    if caps is not None and any(
        _given_names_end(other) for other in _CAPS_FIRST.finditer(_blank_parentheses(text), end)
    ):
        return None
    return Entry(at, end, rest)


def _given_names_end(caps: re.Match[str]) -> int | None:
    """The end of the given names after a surname in capitals: one hyphenated word
    ("Ki-yeong") or up to two words ("Il Sung"), stopping at an office word; None when no
    given name follows."""
    end = None
    for count, word in enumerate(re.finditer(r"\S+", caps.group())):
        if count == 0:
            continue
        if word.group().lower() in ROLE_WORDS:
            break
        end = caps.start() + word.end()
        if "-" in word.group():
            break
    return end


def _blank_parentheses(text: str) -> str:
    """Parenthesised words replaced by spaces: a list item's aside is not a separator."""
    return re.sub(r"\([^)]*\)?", lambda m: " " * len(m.group()), text)


def _chunks(blanked: str, start: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for separator in _SEPARATORS.finditer(blanked, start):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(blanked)))
    return [(s, e) for s, e in spans if blanked[s:e].strip(" .;")]


def _chunk_name(text: str, blanked: str, start: int, end: int) -> tuple[int, int] | None:
    """The person of a list item read from its shape: a name after the offices before it
    ("Embassy Second Secretary V. P. Lobanov"), or a surname in capitals and given names."""
    piece = _trimmed(blanked, start, end)
    if piece is None:
        return None
    caps = _CAPS_FIRST.match(text, piece[0])
    caps_end = _given_names_end(caps) if caps else None
    if caps_end is not None:
        return piece[0], caps_end
    span = person_span(blanked, *piece)
    if span is None:
        return None
    words = text[span[0] : span[1]].split()
    lead = re.sub(r"\[[^\]]*\]", " ", blanked[start : span[0]]).split()
    # One word is a name only as a list item of its own, or with initials, or after a title
    # or an office ("Marshal Stalin"), never after a function word ("Chief of Staff").
    if len(words) == 1 and (len(words[0]) < 3 or (lead and lead[-1].lower() in _FUNCTION_WORDS)):
        return None
    return span


_FUNCTION_WORDS = frozenset("the of and for to in at on from with by a an".split())


def _office(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The office words just before a name ("Embassy Second Secretary"): what follows the
    last form of address or side ("the comrades", "from the Chinese side"), without an
    article."""
    phrase = text[start:end]
    cut = _OFFICE_CUT.match(phrase)
    first = start + (cut.end() if cut else 0)
    while lead := _ARTICLE.match(text, first, end):
        first = lead.end()
    return _trimmed(text, first, end)


_OFFICE_CUT = pattern_cache.compile(
    r"^.*(?<![\w.])(?:comrades?|cdes?\.?|comrs?\.?|messrs\.?|mr\.?|mrs\.?|sir|side)(?=\s|$)",
    re.IGNORECASE | re.DOTALL,
)
_ARTICLE = pattern_cache.compile(r"\s*(?:the|and|from)\s+", re.IGNORECASE)
