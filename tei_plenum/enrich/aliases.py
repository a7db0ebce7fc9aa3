"""In-document aliases: the short forms a document binds to one person.

A record of conversation introduces "Premier Kim Il Sung (hereafter Kim)" and then writes
"Kim"; a report names "John Armitage" once and "Armitage" after; a telegram's title says
"Filippov [Stalin]". Each binding is an :class:`~tei_plenum.model.Alias`, found once per
document by the names enricher (:func:`find_aliases`) and kept on ``Document.aliases``, so that
the speakers enricher resolves a label ("Kim:", "North (KIM):") through the same table.

How a short form is bound, strongest first:

- ``declared``: "(hereafter X)", "(hereinafter referred to as X)", "[henceforth referred to as
  X]", "(to be abbreviated as X)" right after a person's name;
- ``identified``: a name followed by a bracketed known person, "Filippov [Stalin]",
  "Tomasz [Bolesław Bierut]": the name is that person's pseudonym or cover name;
- ``participant``: the surname of a person of a participants list;
- ``given``: the known first name of a Western full name ("Fidel Castro", "Fidel");
- ``surname``: the surname of a full name printed in the text ("John Armitage", "Armitage"),
  or of initials and a surname ("F. Castro", "Castro"), or of a surname whose first names the
  translator bracketed before it ("[President Osvaldo] Dorticos"), or a surname a title
  introduced ("Mr. Lindqvist", "Lindqvist"; not an East Asian family name, nor a name linked
  with doubt); and the first of the two surnames of a Spanish or Portuguese full name ("Raúl
  Roa García", "Roa").

Use :class:`AliasTable` to read them::

    table = AliasTable(doc.aliases)
    table.lookup("KIM")          # the one person "Kim" stands for, or None when unknown or
                                 # when the document introduced two people of that surname
    table.candidates("KIM")      # everyone "Kim" may stand for, declared first, then in order
                                 # of introduction (a side label may take the first)

Declared and identified bindings hold for the whole document (a title may use the short form
before the text declares it); a surname holds from the full name on. A short form never
stands for another person than the one the document bound it to.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import pattern_cache
from ..letters import fold
from ..lexicon import EAST_ASIAN_FAMILY_NAMES, GIVEN_NAMES, family_name_first, name_words, surname
from ..model import Alias
from .name_forms import is_patronymic

EXPLICIT = ("declared", "identified")
"""Sources of a binding the document states in so many words; they hold everywhere."""

_DECLARATION = pattern_cache.compile(
    r"""\s*[(\[]\s*
    (?:
        (?:hereafter|hereinafter|henceforth|from\s+now\s+on)\s*[:,]?\s*
        (?:(?:referred\s+to|called|named|cited|designated|abbreviated)\s+(?:as\s+)?)?
      | (?:to\s+be\s+)?(?:abbreviated|referred\s+to|called|shortened)\s+(?:as|to)\s+
    )
    ["“‘']?(?P<form>[^\s"”’'\])(\[][^"”’'\])(\[]{0,40}?)["”’']?\s*[)\]]""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Named:
    """A person the names enricher marked: block index, span, record key and name as printed;
    ``listed`` when it stands in a participants list, ``uncertain`` when its link is (a code
    name used only for a time)."""

    block: int
    start: int
    end: int
    key: str
    name: str
    listed: bool = False
    uncertain: bool = False


def declared_form(text: str, end: int) -> tuple[str, int] | None:
    """The short form a declaration right after ``text[:end]`` introduces ("(hereafter Kim)"),
    with the offset where the form starts; None when no declaration follows."""
    found = _DECLARATION.match(text, end)
    if found is None:
        return None
    form = found.group("form").strip()
    if not form[:1].isupper() or len(form.split()) > 4:
        return None
    return form, found.start("form")


def find_aliases(
    texts: Sequence[str], people: Iterable[Named], identified: Iterable[Alias] = ()
) -> tuple[Alias, ...]:
    """Every binding the document makes, in document order (``texts`` are the blocks')."""
    aliases: list[Alias] = list(identified)
    for person in people:
        declared = declared_form(texts[person.block], person.end)
        if declared is not None:
            form, start = declared
            if fold(form) != fold(person.name):
                aliases.append(
                    Alias(form, person.key, person.name, "declared", person.block, start)
                )
        family = surname(person.name)
        # A full name or initials and a surname ("F. Castro") bind the surname; so does a
        # surname a title introduced ("Mr. Lindqvist"), unless it is an East Asian family
        # name, which many people of one document share, and only once: a later mention the
        # binding itself marked binds nothing new, so that a document read twice binds the
        # same.
        multiword = len(person.name.split()) > 1
        if (
            not multiword
            and not person.uncertain
            and _bindable_surname(person.name)
            and not _bound(aliases, person.name, person.key)
        ):
            aliases.append(
                Alias(person.name, person.key, person.name, "surname", person.block, person.start)
            )
        if multiword and family and len(family) > 1 and fold(family) != fold(person.name):
            source = "participant" if person.listed else "surname"
            aliases.append(
                Alias(family, person.key, person.name, source, person.block, person.start)
            )
        paternal = _paternal_surname(person.name, family)
        if paternal is not None:
            aliases.append(
                Alias(paternal, person.key, person.name, "surname", person.block, person.start)
            )
        given = _given_name(person.name, family)
        if given is not None:
            aliases.append(
                Alias(given, person.key, person.name, "given", person.block, person.start)
            )
    aliases.sort(key=lambda alias: (alias.block, alias.start))
    return tuple(aliases)


def _bound(aliases: Iterable[Alias], form: str, key: str) -> bool:
    """Whether ``form`` already stands for the person ``key``."""
    return any(alias.key == key and fold(alias.form) == fold(form) for alias in aliases)


def _bindable_surname(name: str) -> bool:
    """A surname printed alone that may stand for its person again: a capitalised word of
    four letters or more, no East Asian family name."""
    return (
        len(name) >= 4
        and name[:1].isupper()
        and name.replace("-", "").isalpha()
        and name.lower() not in EAST_ASIAN_FAMILY_NAMES
    )


def _given_name(name: str, family: str | None) -> str | None:
    """The known first name of a Western full name ("Fidel" of "Fidel Castro"), which the
    document may use alone after it; None for names read family name first."""
    words = name_words(name)
    if len(words) < 2 or family_name_first(name) or words[0].lower() not in GIVEN_NAMES:
        return None
    return words[0] if family is None or fold(words[0]) != fold(family) else None


def _paternal_surname(name: str, family: str | None) -> str | None:
    """The first of two surnames ("Roa" of "Raúl Roa García"), by which a Spanish or
    Portuguese name is shortened: a known first name, then two words of which the middle one
    is no first name ("Dwight David Eisenhower") nor a patronymic ("Andrei Andreyevich
    Gromyko"); None for other names, and for names read family name first."""
    words = name_words(name)
    if len(words) != 3 or family_name_first(name) or family != words[-1]:
        return None
    given, middle = words[0].lower(), words[1]
    if given not in GIVEN_NAMES or middle.lower() in GIVEN_NAMES or is_patronymic(middle):
        return None
    return middle if len(middle) > 2 and middle[:1].isupper() else None


class AliasTable:
    """The bindings of one document, by folded short form.

    Each form's answers are prepared once, so that a lookup costs the logarithm of the
    number of its bindings: a document that prints a full name a thousand times binds its
    surname a thousand times."""

    def __init__(self, aliases: Iterable[Alias]) -> None:
        by_form: dict[str, list[Alias]] = {}
        for alias in aliases:
            by_form.setdefault(fold(alias.form), []).append(alias)
        self._by_form = {form: _Bindings(bindings) for form, bindings in by_form.items()}

    def __bool__(self) -> bool:
        return bool(self._by_form)

    def forms(self) -> Iterable[str]:
        """The folded short forms (``fold``), for matching them in a text."""
        return self._by_form.keys()

    def candidates(self, form: str) -> tuple[Alias, ...]:
        """Everyone ``form`` may stand for: declared and identified bindings first, then the
        others in order of introduction; one entry per person."""
        bindings = self._by_form.get(fold(form))
        return bindings.candidates if bindings is not None else ()

    def lookup(self, form: str, block: int | None = None, start: int = 0) -> Alias | None:
        """The one person ``form`` stands for at a place of the document (anywhere when
        ``block`` is None); None when it stands for nobody or for several people."""
        bindings = self._by_form.get(fold(form))
        return bindings.at(None if block is None else (block, start)) if bindings else None


class _Bindings:
    """The bindings of one short form, in document order: the explicit ones (which hold
    everywhere, the latest before a place winning) and where a second person first takes
    the form among the others (from there on it stands for nobody)."""

    def __init__(self, bindings: Sequence[Alias]) -> None:
        ordered = sorted(bindings, key=_place)
        self.explicit = [a for a in ordered if a.source in EXPLICIT]
        self.places = [_place(a) for a in self.explicit]
        others = [a for a in ordered if a.source not in EXPLICIT]
        self.first = others[0] if others else None
        self.shared_from = next(
            (_place(a) for a in others if self.first and a.key != self.first.key), None
        )
        candidates = [*self.explicit, *others]
        first_of_key = {a.key: a for a in reversed(candidates)}
        self.candidates = tuple(a for a in candidates if first_of_key[a.key] is a)

    def at(self, place: tuple[int, int] | None) -> Alias | None:
        if self.explicit:
            if place is None:
                return self.explicit[-1]
            before = bisect.bisect_right(self.places, place)
            return self.explicit[before - 1] if before else self.explicit[0]
        first = self.first
        if first is None:
            return None
        if place is None:
            return first if self.shared_from is None else None
        if _place(first) >= place:
            return None
        return first if self.shared_from is None or place <= self.shared_from else None


def _place(alias: Alias) -> tuple[int, int]:
    return alias.block, alias.start
