"""The shapes of personal names: where a text names a person nobody has listed.

A capitalised phrase is a person's name only on evidence (issue 11 §1). Besides the authority
file and the document's own aliases, the evidence is the name's shape:

- initials and a surname: ``V. P. Lobanov``, ``Ts. Dugersuren``, ``N. ZAKHAROV``;
- a known given name and a surname, perhaps with an initial or a patronymic between:
  ``Corneliu Bogdan``, ``Apostol M. Apostolov``, ``Viktor Timofeevich Gostev``;
- a surname in capitals and a given name after it: ``BREZHNEV Leonid Il'yich``;
- an East Asian family name and a given name of East Asian shape: ``Kim Byeong-seon``,
  ``Kim Pyong Son``, ``Luo Ruiqing``, ``CHANG Ki-yeong``;
- a surname printed in capitals inside ordinary text, of a Slavic shape: ``ROKOSSOWSKI``;
- a title or honorific before a name (``Comrade Savchenko``, ``Deputy Minister Ri Sang-jo``):
  after a form of address any capitalised name, after an office a name of one of the shapes
  above or a known surname (the caller decides "known");
- a list after "comrades": ``comrades: Wiesław, Tomasz, Mine, Jakub``.

Every regular expression is derived from the lexicon; each function returns spans over the
text as printed, and never a title, an office word or a possessive ``'s``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .. import pattern_cache
from ..letters import UPPER, is_upper
from ..lexicon import (
    AMBIGUOUS_FAMILY_NAMES,
    EAST_ASIAN_FAMILY_NAMES,
    GENERIC_MODIFIERS,
    GIVEN_NAMES,
    INITIAL,
    NAME_TITLES,
    OFFICE_WORDS,
    ORG_HEADS,
    PATRONYMIC_ENDINGS,
    SURNAME_ENDINGS,
    TITLE_VERBS,
    TITLES,
    TitleKind,
    alternation,
)
from .cues import Cues


class Evidence(StrEnum):
    """Why a span is taken for a person's name."""

    INITIALS = "initials"
    GIVEN_NAME = "given-name"
    EAST_ASIAN = "east-asian"
    CAPITALS = "capitals"
    HONORIFIC = "honorific"
    TITLE = "title"
    LISTED = "listed"
    AGENT = "agent"


@dataclass(frozen=True, slots=True)
class PersonForm:
    """A span of the text shaped like a personal name.

    ``surname_only`` marks a single word after an office title ("President Park"): a name only
    if the caller knows the surname. ``title`` is the title printed before it, if any.
    """

    start: int
    end: int
    evidence: Evidence
    title: str = ""
    surname_only: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NOT_NAME_WORDS = _words(
    """a an and the this that these those of on in at to for with by from as but or
    assembly staff committee commission department council command headquarters government
    party embassy ministry office affairs republic union army navy corps bureau section
    administration delegation delegations conference congress plenum presidium politburo
    pact alliance treaty commander commander-in-chief chief
    meets meet discusses discuss receives holds signs says tells writes calls urges asks
    extract excerpt excerpts draft minutes protocol resolution decision memorandum
    information paragraph item annex appendix attachment enclosure document hall
    secretariat general secretary minister prime ambassador chairman premier president comrade
    comrades deputy vice first second third said stated noted replied asked informed told he
    she they we i it his her their our extraordinary plenipotentiary visit visits reception
    meeting talks conversation record records report letter telegram note side sides
    delegation friendship people peoples state states affairs foreign internal interior
    national central executive standing political provisional supreme court university
    institute academy bank works plant factory press agency service services forces troops
    border region province city county district east west north south northern southern
    eastern western socialist communist democratic revolutionary republic kingdom empire
    movement revolution war front camp north-east group team prize order medal day year
    month week january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday thank thanks yes no
    please dear respected esteemed mister madam sir lord excellency highness majesty signed
    signature stamp top secret strictly confidential copy copies distribution urgent
    translation translated
    hotel palace hall house building station street road square river lake mountain island
    port bay sea bridge catholic orthodox protestant delegates members friends
    american british english french german soviet russian chinese korean japanese polish
    czech czechoslovak slovak hungarian romanian bulgarian albanian yugoslav mongolian
    vietnamese cuban indian indonesian italian spanish austrian swiss swedish finnish
    norwegian danish dutch belgian greek turkish egyptian african asian european
    citation summary credits contents original language foundation fund program programme
    below above however therefore meanwhile moreover furthermore nevertheless thus hence
    today yesterday tomorrow here there now then also only after before during without
    portfolio your regarding concerning seen forwarded received sent approved copied drafted
    checked nº n° cables cable telex phone fax"""
)
"""Capitalised words that are not part of a personal name (lower case)."""

_OFFICE = frozenset(word for phrase in OFFICE_WORDS for word in phrase.split())
_NOT_NAME = NOT_NAME_WORDS | _OFFICE | {title.form.lower() for title in TITLES}
_NOT_INITIALS = frozenset({"mr.", "dr.", "st.", "mt.", "no.", "co.", "jr.", "sr.", "fr.", "ms."})
# A post office, as addresses name it before its town ("P.O. Kargil", "P. O. Box 12"), a
# style of address ("H.E. the Ambassador", His Excellency) and a state's abbreviation ("Resist
# U.S. Pressure"): no initials of a name.
_POSTAL_OR_STYLE = pattern_cache.compile(r"P\. ?O\.|H\. ?E\.|U\. ?[SK]\.(?! ?[A-Z]\.)")

_LETTER = r"[^\W\d_]"
# A capitalised word of a name: inner apostrophes ("Il'yich", "O'Neill") but never a
# possessive 's; a mojibake "?" between letters ("S?ucza?ski") counts as a letter, and so do
# letters the translator supplied in brackets ("Dorj[i]suren").
_WORD = (
    rf"{UPPER}(?:{_LETTER}|(?<={_LETTER})\?(?={_LETTER})|['’](?!s\b){_LETTER}"
    rf"|(?<={_LETTER})\[[a-z]{{1,3}}\](?={_LETTER}))*"
)
_HYPHENATED = rf"{_WORD}(?:-{_LETTER}+)+"
_NAME_WORD = rf"(?:{_HYPHENATED}|{_WORD})"
_SPACED = rf"{UPPER}(?: {_LETTER}){{3,}}(?!\S)"

# An initial the translator completed in brackets ("A[nastas] I. Mikoyan").
_COMPLETED = rf"{UPPER}\[[a-z]+\]"
_INITIALS = pattern_cache.compile(
    rf"(?P<initials>(?:{INITIAL} ?){{1,3}}|{INITIAL}{UPPER} |{_COMPLETED} (?:{INITIAL} ?){{0,2}})"
    rf"(?P<surname>{_NAME_WORD}(?: {_NAME_WORD})?)(?![\w-]|['’](?!s\b))"
)
# What every name with initials holds, before or after its surname: an initial and a capital
# after it ("A. Gromyko", "Gromyko A.A."), or a bracket completing an initial ("A[nastas]").
# One quick search spares the two long patterns the many paragraphs without one.
_INITIAL_THEN_CAPITAL = pattern_cache.compile(rf"{UPPER}(?:[a-z]?\. ?{UPPER}|\[[a-z])")
# Middle initials, one or several ("George H. W. Bush", "Harold J.K. Benton").
_MIDDLE_INITIALS = rf"(?:{INITIAL} ?){{0,2}}{INITIAL}"
_GIVEN_FIRST = pattern_cache.compile(
    rf"(?P<given>{_WORD})(?: (?P<middle>{_MIDDLE_INITIALS}|{_WORD}))?"
    rf" (?P<surname>{_SPACED}|{_NAME_WORD})(?![\w-]|['’](?!s\b))"
)
_GIVEN_AFTER = pattern_cache.compile(
    rf" (?P<given>{_WORD})(?: (?P<patronymic>{_WORD}))?(?![\w'’-])"
)
_END = r"(?![\w-]|['’](?!s\b))"
_EAST_ASIAN = pattern_cache.compile(
    rf"(?P<family>{_WORD})"
    rf" (?P<given>{UPPER}{_LETTER}+-{_LETTER}+|{UPPER}{_LETTER}*(?: {UPPER}{_LETTER}*)?)"
    rf"{_END}"
)
_CAPITALS = pattern_cache.compile(rf"{UPPER}{{4,}}")
_TITLE = rf"(?:{alternation(NAME_TITLES)})"
_TITLED = pattern_cache.compile(
    rf"(?P<titles>(?:{_TITLE} +)+)"
    rf"(?P<name>(?:(?:{INITIAL} ?)|(?:{_NAME_WORD}|{_SPACED})(?: |(?=['’,.;:)\]\s]|$))){{1,4}})"
)
_HONORIFICS = frozenset(
    form.lower() for t in TITLES if t.kind is TitleKind.HONORIFIC for form in (t.form,)
)
_LIST_LEADS = (
    "Comrades", "comrades", "COMRADES", "Comrs.", "comrs.", "Coms.", "coms.", "Cdes.", "cdes.",
    "Messrs.",
)  # fmt: skip
_LIST_LEAD = pattern_cache.compile(rf"(?:{alternation(_LIST_LEADS)})\s*:?\s+")
_LIST_ITEM = pattern_cache.compile(rf"(?:{INITIAL} ?){{0,3}}{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}")
_LIST_SEPARATOR = pattern_cache.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")

# An East Asian syllable as romanised (pinyin, McCune-Reischauer, Revised Romanisation):
# an onset, one to three vowels, a final consonant; a given name has one to three of them.
# Vietnamese adds its onsets (tr, th, nh, ngh, kh, ph, gi, qu) and "y" as a vowel: "Nguyen
# Duy Trinh", "Le Thanh Nghi".
_SYLLABLE = (
    r"(?:ngh|zh|ch|sh|ts|kk|tt|pp|ss|jj|ng|tr|th|nh|kh|ph|gh|gi|qu|[bcdfghjklmnpqrstvxyz])?"
    r"[wy]?[aeiouy]{1,3}(?:ng|nh|ch|n|m|r|l|k|p|t|c)?"
)
_SYLLABLES = pattern_cache.compile(rf"(?:{_SYLLABLE}){{1,3}}")
_ONE_SYLLABLE = pattern_cache.compile(_SYLLABLE)


_SPACED_RUN = pattern_cache.compile(r"\b[^\W\d_] [^\W\d_] [^\W\d_] [^\W\d_](?: [^\W\d_])*(?!\S)")
# What every letter-spaced word holds (its second and third letters between spaces), found
# many times faster than the word itself: a pattern opening with a space skips ahead to it.
_SPACED_PAIR = pattern_cache.compile(r" [^\W\d_] [^\W\d_] ")
_BRACKETS = pattern_cache.compile(r"\[([^\]]*)\]")
_SUPPLIED_LETTERS = pattern_cache.compile(
    r"\[((?:[A-Z]\. ?){1,3})\]|(?<=[^\W\d_])\[([a-z]{1,3})\](?=[^\W\d_])"
)


def unbracketed_letters(name: str) -> str:
    """A name without the brackets around the initials or letters the translator supplied
    ("[F.V.] Mochulskii" as "F.V. Mochulskii", "Dorj[i]suren" as "Dorjisuren"); other
    brackets, which may hold another spelling ("Choe Jeong-hwan [Choe Jong Hwan]"), stay."""
    return _SUPPLIED_LETTERS.sub(r"\1\2", name) if "[" in name else name


def letter_spaced(text: str) -> Iterator[tuple[int, int, str]]:
    """Words printed letter-spaced ("G R O M Y K O"): their spans and the words closed up."""
    if _SPACED_PAIR.search(text) is None:
        return
    for found in _SPACED_RUN.finditer(text):
        if found.start() and not text[found.start() - 1].isspace():
            continue
        yield found.start(), found.end(), found.group().replace(" ", "")


def plain_name(name: str) -> str:
    """A name as a record shows it: square brackets dropped (their words kept), a
    letter-spaced word closed up ("Jiri H e n d r y c h" as "Jiri Hendrych"), one space
    between words."""
    unbracketed = _BRACKETS.sub(r"\1", name) if "[" in name else name
    closed = unbracketed
    if sum(len(word) == 1 for word in unbracketed.split()) < 4:
        return " ".join(unbracketed.split())
    for start, end, word in reversed(list(letter_spaced(unbracketed))):
        closed = closed[:start] + word + closed[end:]
    return " ".join(closed.split())


def is_name_word(word: str) -> bool:
    """Whether a capitalised word may be part of a personal name (not an office or a common
    word of the documents, nor the plural of one)."""
    lower = word.lower().strip(".,;:")
    return lower not in _NOT_NAME and not (lower.endswith("s") and lower[:-1] in _NOT_NAME)


def is_given_name(word: str) -> bool:
    return word.lower() in GIVEN_NAMES


def is_patronymic(word: str) -> bool:
    return word[:1].isupper() and word.lower().endswith(PATRONYMIC_ENDINGS) and len(word) > 6


def has_surname_shape(word: str) -> bool:
    """A Slavic, Romanian, Georgian, Armenian or Mongolian surname by its ending
    ("Savchenko", "Lkhamsuren")."""
    return len(word) > 4 and word.lower().endswith(SURNAME_ENDINGS)


def is_family_name(word: str) -> bool:
    return word.lower() in EAST_ASIAN_FAMILY_NAMES


def east_asian_given(given: str, family: str) -> bool:
    """Whether ``given`` is shaped like the given name of an East Asian name: hyphenated
    syllables ("Byeong-seon"), one or two syllable words ("Pyong Son", "Ruiqing")."""
    parts = given.lower().split()
    if len(parts) == 1 and "-" in parts[0]:
        return all(_ONE_SYLLABLE.fullmatch(p) for p in parts[0].split("-"))
    if not all(_SYLLABLES.fullmatch(p) for p in parts):
        return False
    syllables = sum(_syllable_count(p) for p in parts)
    return family.lower() not in AMBIGUOUS_FAMILY_NAMES or syllables >= 2


def _syllable_count(word: str) -> int:
    for count in (1, 2, 3):
        if re.fullmatch(rf"(?:{_SYLLABLE}){{{count}}}", word):
            return count
    return 0


def _cased(words: Iterable[str]) -> list[str]:
    """A word as it opens a name in the text: capitalised and in capitals."""
    return [form for word in words for form in (word[:1].upper() + word[1:], word.upper())]


# The clerical work a name after "by" did: typing, ciphering, translating a document.
_AGENT_VERBS = (
    "typed deciphered enciphered decoded encoded translated interpreted recorded compiled "
    "drafted prepared copied printed checked verified transcribed"
).split()

PERSON_CUES: dict[str, list[str]] = {
    "given": _cased(GIVEN_NAMES),
    "family": _cased(EAST_ASIAN_FAMILY_NAMES),
    "title": list(NAME_TITLES),
    "list": list(_LIST_LEADS),
    "agent": [f"{form} by" for verb in _AGENT_VERBS for form in (verb, verb.capitalize())],
}
"""Where a name may start: a given name, an East Asian family name, a title or honorific, a
list after "comrades", the one who did a document's clerical work ("deciphered by "); each
shape is tried only where one automaton pass found its cue."""
_CUES = Cues(PERSON_CUES)


def person_forms(
    text: str, spans: Iterable[tuple[str, int, int]] | None = None
) -> Iterator[PersonForm]:
    """Every span of ``text`` shaped like a personal name, overlaps included. ``spans`` are
    the cue words of :data:`PERSON_CUES` in the text (group, start, end), when the caller's
    own automaton pass found them already."""
    for form in _shapes(text, spans):
        kept = _without_office_after(text, form)
        if kept is not None:
            yield kept


# Words that open or name an office, which a name never ends with ("Shri K.R. Menon Under
# Secretary", "Comrade Pak Deputy Minister").
_OFFICE_OPENERS = _OFFICE | {"under", "vice", "acting"}


def _without_office_after(text: str, form: PersonForm) -> PersonForm | None:
    """``form`` without a last word that opens an office; None when no name word is left."""
    surface = text[form.start : form.end]
    head, _, last = surface.rpartition(" ")
    if not head or not last[:1].isupper() or last.lower() not in _OFFICE_OPENERS:
        return form
    if not any(is_name_word(word) for word in head.split()):
        return None
    return replace(form, end=form.start + len(head.rstrip()))


def _shapes(text: str, spans: Iterable[tuple[str, int, int]] | None) -> Iterator[PersonForm]:
    cues: dict[str, list[int]] = {}
    for group, start, end in _CUES.spans(text) if spans is None else spans:
        if group not in PERSON_CUES or not _starts_word(text, start):
            continue
        if group == "title" or not text[end : end + 1].isalnum():
            cues.setdefault(group, []).append(start)
    if _INITIAL_THEN_CAPITAL.search(text):
        yield from _initials(text)
        yield from _initials_after(text)
    yield from _given_first(text, cues.get("given", ()))
    yield from _surname_first(text, cues.get("given", ()))
    yield from _east_asian(text, cues.get("family", ()))
    yield from _capitals(text)
    yield from _titled(text, cues.get("title", ()))
    yield from _listed(text, cues.get("list", ()))
    yield from _agents(text, cues.get("agent", ()))


# A list of names: items of one to three name words, perhaps with initials, joined by commas
# or "and".
_NAME_LIST = pattern_cache.compile(
    rf"{_LIST_ITEM.pattern}(?:(?:,\s*(?:and\s+)?|\s+and\s+){_LIST_ITEM.pattern}){{2,}}"
)


def listed_beside(
    text: str, people: Iterable[tuple[int, int]], others: Iterable[tuple[int, int]]
) -> Iterator[PersonForm]:
    """The other items of a list of three or more names in which two or more items are known
    people ("Stalin, Molotov, and Dimitrov, Kolarov"): names of people too. ``people`` are
    the spans of the known people, ``others`` those of known places and bodies; an item that
    overlaps a known name is left to it."""
    known = set(people)
    if len(known) < 2:
        return
    taken = [*known, *others]
    for run in _NAME_LIST.finditer(text):
        items = [m.span() for m in _LIST_ITEM.finditer(text, run.start(), run.end())]
        if sum(item in known for item in items) < 2:
            continue
        for start, end in items:
            free = all(end <= other_start or start >= other_end for other_start, other_end in taken)
            if free and _name_span(text, start, end) == (start, end):
                yield PersonForm(start, end, Evidence.LISTED)


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'’-.")


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word (no letter, apostrophe or hyphen touches it)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "'’-")


def _initials(text: str) -> Iterator[PersonForm]:
    for found in _INITIALS.finditer(text):
        if found.start() and (text[found.start() - 1].isalnum() or text[found.start() - 1] == "."):
            continue
        first = found.group("initials").split()[0].split(".")[0] + "."
        if first.lower() in _NOT_INITIALS or _POSTAL_OR_STYLE.match(found.group("initials")):
            continue
        words = found.group("surname").split(" ")
        # A word in capitals after a surname in small letters is an acronym ("V. Chistov MFA").
        while words and (
            not is_name_word(words[-1])
            or len(words[-1]) < 2
            or (words[-1].isupper() and not words[0].isupper())
        ):
            words.pop()
        if words and not _initial_ending(text, found.start("surname"), words):
            end = found.start("surname") + len(" ".join(words))
            yield PersonForm(_given_before(text, found.start()), end, Evidence.INITIALS)


def _initial_ending(text: str, start: int, words: Sequence[str]) -> bool:
    """Whether the one word after initials is one more initial ("P. Yu." of "Bogdanenko, P.
    Yu.")."""
    return len(words) == 1 and _initial_at(text, start, start + len(words[0]))


def _initial_at(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an initial: a capital, perhaps one small letter, and
    the full stop after it."""
    return text[end : end + 1] == "." and re.fullmatch(INITIAL, text[start : end + 1]) is not None


# A first name before a middle initial ("Héctor A. Subiza"): one word in small letters after
# its capital, right before the initials.
_GIVEN_BEFORE = pattern_cache.compile(rf"(?<![\w'’.-]){UPPER}[a-zß-ÿ]+ $")


def _given_before(text: str, start: int) -> int:
    """Where a name found by its initials starts: at a first name right before them, if the
    word before them is one (not a title, an office or a word of the documents)."""
    found = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    if found is None or not is_name_word(found.group().strip()):
        return start
    before = text[max(0, found.start() - 12) : found.start()].split()
    if (
        before
        and before[-1].lower() in _PLACE_PREPOSITIONS
        and not is_given_name(found.group().strip())
    ):
        return start  # "in Tikhvin A. Gromyko": a place before the name; "from Mary K. …" not
    return found.start()


_PLACE_PREPOSITIONS = frozenset("in at from to of for on by near via".split())


# A surname before its initials, printed together or spaced, perhaps after a comma, as Russian
# lists names ("Shcherbakov I.S.", "Shcherbakov, I. S."); initials before a capitalised word
# are that word's, and a degree after a name is none ("Novak, Ph.D.").
_DEGREE = r"(?:Ph\.D|M\.D|D\.Sc|LL\.D|M\.A|B\.A|M\.Sc|B\.Sc)\."
_INITIALS_AFTER = pattern_cache.compile(
    rf"(?<![\w.'’-])({_WORD}),? (?!{_DEGREE})(?:{INITIAL} ?){{1,2}}{INITIAL}(?![\w.])"
    rf"(?! *{UPPER}[a-z])"
)


def _initials_after(text: str) -> Iterator[PersonForm]:
    """A surname of a Slavic, Romanian, Georgian or Armenian shape followed by its initials:
    the order of Russian documents and lists; the shape keeps "Washington D.C." out."""
    for found in _INITIALS_AFTER.finditer(text):
        if has_surname_shape(found.group(1)):
            yield PersonForm(found.start(), found.end(), Evidence.INITIALS)


def _given_first(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    for start in starts:
        found = _GIVEN_FIRST.match(text, start)
        if found is None:
            continue
        middle, last = found.group("middle", "surname")
        last_ok = is_name_word(last.split(" ")[0])
        last_ok = last_ok and not _verb_form(last)
        if middle is None or re.fullmatch(_MIDDLE_INITIALS, middle) or is_patronymic(middle):
            end = found.end("surname") if last_ok else None
        elif is_name_word(middle):
            end = found.end("surname") if last_ok else found.end("middle")
        else:
            end = None
        if end is not None:
            yield PersonForm(start, end, Evidence.GIVEN_NAME)


def _verb_form(word: str) -> bool:
    """A verb's "-ing" form capitalised as a title sets its words ("Erich Honecker Visiting
    Hanoi"): no surname after a given name. Only the verbs of titles: surnames end so too
    ("Göring", "Harding")."""
    return word.lower() in TITLE_VERBS


def _surname_first(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    """A surname in capitals before a given name: "BREZHNEV Leonid Il'yich"."""
    for start in starts:
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            continue
        family = before.group(1)
        if not family.isupper() or len(family) < 2 or not is_name_word(family):
            continue
        found = _GIVEN_AFTER.match(text, start - 1)
        if found is None:
            continue
        patronymic = found.group("patronymic")
        end = found.end() if patronymic and is_patronymic(patronymic) else found.end("given")
        yield PersonForm(before.start(1), end, Evidence.GIVEN_NAME)


_WORD_BEFORE = pattern_cache.compile(rf"(?<![\w'’-])({UPPER}[{UPPER[1:-1]}'’-]+) $")


def _east_asian(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    for start in starts:
        found = _EAST_ASIAN.match(text, start)
        if found is None:
            continue
        family, given = found.group("family", "given")
        words = given.split(" ")
        if len(words) == 2 and not is_name_word(words[1]):
            given = words[0]
        if not is_family_name(family) or not east_asian_given(given, family):
            continue
        if len(words) == 2 and not is_name_word(words[1]):
            yield PersonForm(start, found.start("given") + len(words[0]), Evidence.EAST_ASIAN)
        elif is_name_word(words[0]):
            yield PersonForm(start, found.end("given"), Evidence.EAST_ASIAN)
            if len(words) == 2:
                end = found.start("given") + len(words[0])
                yield PersonForm(start, end, Evidence.EAST_ASIAN)


# An address line names people even when it is all in capitals ("To: KRAJEWSKI, URGENT").
_ADDRESS = pattern_cache.compile(r"(?:To|TO|From|FROM|For|FOR|Attention|ATTENTION)\s*:\s")


def _capitals(text: str) -> Iterator[PersonForm]:
    found = [
        m
        for m in _CAPITALS.finditer(text)
        if has_surname_shape(m.group()) and _alone(text, m.start(), m.end())
    ]
    if not found or (is_upper(text) and not _ADDRESS.match(text)):
        return
    for match in found:
        if is_name_word(match.group()):
            yield PersonForm(match.start(), match.end(), Evidence.CAPITALS)


def _titled(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    after = -1
    for start in sorted(starts):
        if (
            start < after
            or (start and text[start - 1] in ".'’-")
            or text[start - 1 : start].isalnum()
        ):
            continue
        found = _TITLED.match(text, start)
        if found is None:
            continue
        after = found.end("titles")
        titles = found.group("titles").split()
        honorific = any(word.lower() in _HONORIFICS for word in titles)
        span = _name_span(text, found.start("name"), found.end("name"))
        if span is None:
            continue
        first, end = span
        if all(_office_word(word) for word in text[first:end].split()):
            continue  # "Mr. UNDERSECRETARY", "Mr. President": an office addressed, no name
        if honorific:
            end = _before_body(text, first, end)
        words = [w for w in text[first:end].split() if not re.fullmatch(INITIAL, w)]
        title = " ".join(titles)
        if honorific or len(words) > 1:
            evidence = Evidence.HONORIFIC if honorific else Evidence.TITLE
            yield PersonForm(first, end, evidence, title)
        else:
            yield PersonForm(first, end, Evidence.TITLE, title, surname_only=True)


def _office_word(word: str) -> bool:
    """A word of an office's name, "under-" and "vice-" offices included ("Undersecretary")."""
    bare = word.strip(".,;:").lower()
    return bare in _OFFICE or bare.removeprefix("under").removeprefix("vice").strip("-") in _OFFICE


_BODY_NEXT = pattern_cache.compile(rf"\s+(?:{'|'.join(ORG_HEADS)})\b")


def _before_body(text: str, first: int, end: int) -> int:
    """The end of a name run into a body's name, where a flattened export joined an
    address's lines ("Mr. Henrik Dalgaard International Rowing Federation"): before the
    body's first generic word, or else after the name's second word."""
    if not _BODY_NEXT.match(text, end):
        return end
    words = list(re.finditer(r"\S+", text[first:end]))
    if len(words) < 3:
        return end
    generic = next((w for w in words[1:] if w.group() in GENERIC_MODIFIERS), None)
    last = words[words.index(generic) - 1] if generic else words[1]
    return first + last.end()


def _agents(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    """The name after "typed by", "deciphered by" and the like: the clerk who did the work
    ("The telegram was deciphered by Orlova."); not a name cut short before a capitalised
    word that is none ("by Someone Translator"), nor the clerks' initials ("typed by K/L")."""
    for start in starts:
        cue = _AGENT_CUE.match(text, start)
        item = _LIST_ITEM.match(text, cue.end()) if cue else None
        span = _name_span(text, item.start(), item.end()) if item else None
        if span is None or _CAPITAL_NEXT.match(text, span[1]):
            continue
        if _TWO_LETTERS.search(text, span[0], span[1]) is None:
            continue  # initials: "typed by K/L", "M/B"
        yield PersonForm(*span, Evidence.AGENT)


_CAPITAL_NEXT = pattern_cache.compile(rf" {UPPER}")
_TWO_LETTERS = pattern_cache.compile(r"[^\W\d_]{2}")


_AGENT_CUE = pattern_cache.compile(rf"(?i:{'|'.join(_AGENT_VERBS)}) by ")


def _name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name at the head of ``text[start:end]``: cut before the first word that is no
    part of a name, and before a possessive; initials alone are no name."""
    kept_end = start
    for word in re.finditer(r"\S+", text[start:end]):
        raw = word.group()
        bare = raw.rstrip(",.;:)]")
        if re.fullmatch(INITIAL, raw) or _initial_at(text, start + word.start(), end):
            continue
        if raw.startswith(("[", "(")) or not is_name_word(bare) or not bare[:1].isupper():
            break
        kept_end = start + word.start() + len(bare)
        if bare != raw:
            break
    return (start, kept_end) if kept_end > start else None


def _listed(text: str, starts: Iterable[int]) -> Iterator[PersonForm]:
    for start in starts:
        lead = _LIST_LEAD.match(text, start)
        if lead is None:
            continue
        items = list(_list_items(text, lead.end()))
        # An abbreviated lead may end its sentence ("the Hungarian cdes. Enjoyed their
        # trust"): after one, a single capitalised word is no list.
        if len(items) > 1 or not lead.group().rstrip(" :").endswith("."):
            yield from items


def _list_items(text: str, position: int) -> Iterator[PersonForm]:
    """The names of a list from ``position`` on, to the first thing that is not one."""
    while True:
        item = _LIST_ITEM.match(text, position)
        if item is None:
            return
        span = _name_span(text, item.start(), item.end())
        if span is None or (span[1] != item.end() and text[span[1] : span[1] + 1].isalpha()):
            return
        yield PersonForm(span[0], span[1], Evidence.LISTED)
        separator = _LIST_SEPARATOR.match(text, span[1])
        if separator is None:
            return
        position = separator.end()
