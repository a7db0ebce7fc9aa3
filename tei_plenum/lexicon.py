"""The lexicon: the words of the documents that tell the enrichers where a person is named.

Titles, honorifics and ranks stand before a personal name ("Comrade Pak", "Ambassador
Karelin", "Marshal Zhukov"); office words make a signature line an office ("Chairman of the
Presidium"); some family names open an East Asian name ("Kim Il Sung"); initials ("S. N.")
precede a surname. Adding a title, an office word or a family name changes one line here; the
enrichers derive the regular expressions and word sets they need from these lists and keep
none of their own. :func:`surname` is the one rule for which word of a personal name is the
surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .letters import UPPER


class TitleKind(StrEnum):
    """What a title says of a person: nothing but a form of address (``HONORIFIC``: "Comrade",
    "Mr."), a degree or academy (``ACADEMIC``), an office held (``OFFICE``) or a rank."""

    HONORIFIC = "honorific"
    ACADEMIC = "academic"
    OFFICE = "office"
    RANK = "rank"


@dataclass(frozen=True, slots=True)
class Title:
    """A title, honorific or rank as printed before a personal name, and the rules it serves.

    ``names``: a capitalised word after it is a person's name even when no record knows it
    ("Colonel Petrov"); the names enricher also knows it in capitals, and in small letters
    when ``lower`` ("comrade Pak"). ``labels``: it may open a speaker label without being part
    of the speaker's name ("Comrade Puzanov: …"). The two sets differ as the two enrichers'
    lists did: widening one changes converted output ("Comrades Široký" would become a name),
    so it is a change of behaviour to make and review on its own.
    """

    form: str
    kind: TitleKind
    names: bool = True
    labels: bool = True
    lower: bool = False


# One row per printed form; a new title is one row here.
TITLES: tuple[Title, ...] = (
    Title("Comrade", TitleKind.HONORIFIC, lower=True),
    Title("Comrades", TitleKind.HONORIFIC, names=False),
    Title("Cde.", TitleKind.HONORIFIC, lower=True),
    Title("Cde", TitleKind.HONORIFIC),
    Title("Mr.", TitleKind.HONORIFIC),
    Title("Mr", TitleKind.HONORIFIC, names=False),
    Title("Mrs.", TitleKind.HONORIFIC),
    Title("Mrs", TitleKind.HONORIFIC, names=False),
    Title("Ms.", TitleKind.HONORIFIC),
    Title("Ms", TitleKind.HONORIFIC, names=False),
    Title("Dr.", TitleKind.HONORIFIC),
    Title("Dr", TitleKind.HONORIFIC, names=False),
    Title("Prof.", TitleKind.ACADEMIC, labels=False),
    Title("Professor", TitleKind.ACADEMIC, labels=False),
    Title("Academician", TitleKind.ACADEMIC, labels=False),
    Title("Ambassador", TitleKind.OFFICE),
    Title("Minister", TitleKind.OFFICE),
    Title("Deputy Minister", TitleKind.OFFICE),
    Title("Vice Minister", TitleKind.OFFICE),
    Title("Prime Minister", TitleKind.OFFICE, names=False),
    Title("Foreign Minister", TitleKind.OFFICE, names=False),
    Title("Premier", TitleKind.OFFICE),
    Title("Vice Premier", TitleKind.OFFICE, labels=False),
    Title("Deputy Premier", TitleKind.OFFICE, labels=False),
    Title("President", TitleKind.OFFICE),
    Title("Chairman", TitleKind.OFFICE),
    Title("Vice Chairman", TitleKind.OFFICE, labels=False),
    Title("Deputy Chairman", TitleKind.OFFICE, labels=False),
    Title("Secretary", TitleKind.OFFICE),
    Title("General Secretary", TitleKind.OFFICE, labels=False),
    Title("First Secretary", TitleKind.OFFICE, labels=False),
    Title("Second Secretary", TitleKind.OFFICE, labels=False),
    Title("Third Secretary", TitleKind.OFFICE, labels=False),
    Title("Counsellor", TitleKind.OFFICE),
    Title("Counselor", TitleKind.OFFICE),
    Title("Attaché", TitleKind.OFFICE, labels=False),
    Title("Attache", TitleKind.OFFICE, labels=False),
    Title("Adviser", TitleKind.OFFICE, labels=False),
    Title("Advisor", TitleKind.OFFICE, labels=False),
    Title("Consul", TitleKind.OFFICE, labels=False),
    Title("Envoy", TitleKind.OFFICE, labels=False),
    Title("Marshal", TitleKind.RANK),
    Title("General", TitleKind.RANK),
    Title("Lieutenant General", TitleKind.RANK, labels=False),
    Title("Major General", TitleKind.RANK, labels=False),
    Title("Colonel", TitleKind.RANK, labels=False),
    Title("Admiral", TitleKind.RANK, labels=False),
)

NAME_TITLES: tuple[str, ...] = (
    *(t.form for t in TITLES if t.names),
    *(t.form.upper() for t in TITLES if t.names),
    *(t.form.lower() for t in TITLES if t.names and t.lower),
)
"""Every printed form after which a capitalised word is a person's name."""
LABEL_TITLES: tuple[str, ...] = tuple(t.form for t in TITLES if t.labels)
"""Titles that may open a speaker label before the speaker's name."""
LABEL_HONORIFICS: tuple[str, ...] = tuple(
    t.form for t in TITLES if t.labels and t.kind is TitleKind.HONORIFIC
)
"""Forms of address that may precede a name in a label or a participants line."""

OFFICE_WORDS: tuple[str, ...] = (
    "ambassador",
    "attache",
    "attaché",
    "charge",
    "chargé",
    "chairman",
    "chairwoman",
    "chief",
    "commander",
    "consul",
    "counsellor",
    "counselor",
    "deputy",
    "director",
    "envoy",
    "first secretary",
    "general secretary",
    "head",
    "leader",
    "member",
    "minister",
    "officer",
    "plenipotentiary",
    "premier",
    "president",
    "representative",
    "secretary",
)
"""Words (any case) that show a signature line names an office ("Chairman of the Presidium")."""

EAST_ASIAN_FAMILY_NAMES: frozenset[str] = frozenset(
    """
    chang chen cho choe choi chong chun deng dong gao han ho hong hua huang jang ji jiang
    jong kang kim lee li lin liu lyuh mao mu nam nie o pak park peng qiao ri so syngman wang
    yi yo yun zhang zhou zhu
    """.split()
)
"""Family names (lower case) that open an East Asian name: "Kim Il Sung", "Zhou Enlai".

"Syngman" is here too: Syngman Rhee's name is printed in both orders, and the names enricher
must not match a participant of that name by one of its words.
"""

INITIAL = rf"{UPPER}[a-z]?\."
"""An initial as printed: a capital, perhaps one small letter, a full stop ("S.", "Yu.")."""
_INITIAL = re.compile(INITIAL)
_INSERTION = re.compile(r"\[[^\]]*\]")


def alternation(phrases: Iterable[str]) -> str:
    """A regular-expression alternation matching any of ``phrases`` as printed.

    Longest first, so that "General Secretary" is preferred to "General"; the words of a
    phrase may be separated by any run of spaces.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


def cue_words(phrases: Iterable[str]) -> set[str]:
    """Words of which one occurs, as printed, wherever one of ``phrases`` does: the last word
    of each phrase ("Secretary" for "First Secretary")."""
    return {phrase.split()[-1] for phrase in phrases}


def is_initial(word: str) -> bool:
    return _INITIAL.fullmatch(word) is not None


def name_words(name: str) -> list[str]:
    """The words of a personal name without its initials and square-bracketed insertions."""
    return [word for word in _INSERTION.sub(" ", name).split() if not is_initial(word)]


def family_name_first(name: str) -> bool:
    """Whether a personal name is read family name first, as Korean and Chinese names are.

    It is when its last word is a hyphenated given name ("Han Sang-dok") or when it has three
    words or more and opens with an East Asian family name ("Kim Il Sung"; "Nikita
    Sergeyevich Khrushchev" keeps his surname last). A name of two words without a hyphen is
    read surname last even when it is East Asian ("Nam Il" gives "Il"). That misreading is
    kept for now because converted output depends on it: in the golden 1958 record of
    conversation, "Deputy Premier Kim Il" is linked to the participant Nam Il through "Il".
    Reading such names correctly is a reviewed change of that golden file.
    """
    words = name_words(name)
    if len(words) < 2:
        return False
    return "-" in words[-1] or (len(words) >= 3 and words[0].lower() in EAST_ASIAN_FAMILY_NAMES)


def surname(name: str) -> str | None:
    """The surname (family name) of a personal name as printed, or None when it has no words.

    The one rule for every enricher: Russian and Western names put it last ("V. P. Lobanov"
    gives "Lobanov"), names read family name first (:func:`family_name_first`) put it first
    ("Han Sang-dok" gives "Han"); initials and bracketed insertions are not words of a name.
    """
    words = name_words(name)
    if not words:
        return None
    return words[0] if family_name_first(name) else words[-1]
