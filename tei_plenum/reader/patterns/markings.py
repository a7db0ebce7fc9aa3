"""Markings: the docket and registry lines around a document's text (classification, copy and
registration numbers, handling instructions, print runs, typists, page numbers) and the
archive's banner line above them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ... import pattern_cache
from ...vocabulary import Classification, MarkingType
from .numbers import number_value

_NO = r"(?:N[º°o]\.?|No\.?|Nr\.?|№|#|number)"


@dataclass(frozen=True, slots=True)
class Marking:
    """A docket or registry marking: its ``fw/@type``, the span and value of its number, if
    any, and the level a classification states."""

    type: MarkingType
    number: tuple[int, int] | None = None
    value: str | None = None
    level: Classification | None = None


# Every printed form of a classification, compared without case, spaces or punctuation (so
# "TOP SECRET", "Top secret!" and the letter-spaced "S e c r e t" are one form), and the level
# it states. An intensifier keeps a level ("Strictly confidential" is confidential), except that
# "strictly secret" names the top grade of several national systems (přísně tajné, ściśle
# tajne, szigorúan titkos, streng geheim). A form that states no level ("Highly classified")
# is a classification marking without one.
_CLASSIFICATION_FORMS: Mapping[str, Classification | None] = {
    "unclassified": Classification.UNCLASSIFIED,
    "notsecret": Classification.UNCLASSIFIED,
    "nonsecret": Classification.UNCLASSIFIED,
    "restricted": Classification.RESTRICTED,
    "forofficialuse": Classification.RESTRICTED,
    "forofficialuseonly": Classification.RESTRICTED,
    "forinternaluse": Classification.RESTRICTED,
    "forinternaluseonly": Classification.RESTRICTED,
    "forserviceuse": Classification.RESTRICTED,
    "forserviceuseonly": Classification.RESTRICTED,
    "notforpublication": Classification.RESTRICTED,
    "confidential": Classification.CONFIDENTIAL,
    "strictlyconfidential": Classification.CONFIDENTIAL,
    "highlyconfidential": Classification.CONFIDENTIAL,
    "personalandconfidential": Classification.CONFIDENTIAL,
    "secret": Classification.SECRET,
    "topsecret": Classification.TOP_SECRET,
    "strictlysecret": Classification.TOP_SECRET,
    "mostsecret": Classification.TOP_SECRET,
    "ofspecialimportance": Classification.SPECIAL_IMPORTANCE,
    "specialimportance": Classification.SPECIAL_IMPORTANCE,
    "topsecretofspecialimportance": Classification.SPECIAL_IMPORTANCE,
    "topsecretspecialimportance": Classification.SPECIAL_IMPORTANCE,
    "specialfile": Classification.SPECIAL_IMPORTANCE,
    "specialfolder": Classification.SPECIAL_IMPORTANCE,
    "specialdossier": Classification.SPECIAL_IMPORTANCE,
    "topsecretspecialfile": Classification.SPECIAL_IMPORTANCE,
    "topsecretspecialfolder": Classification.SPECIAL_IMPORTANCE,
    "topsecretspecialdossier": Classification.SPECIAL_IMPORTANCE,
    "classified": None,
    "highlyclassified": None,
    "strictlyclassified": None,
}
# What a classification may carry around its words: a label ("Classification: Secret") and
# the translator's bracketed note after it ("TOP SECRET [stamp]").
_CLASSIFICATION_LABEL = pattern_cache.compile(
    r"^(?:security\s+)?classification(?:\s+level)?\s*:\s*", re.I
)
_TRAILING_NOTE = pattern_cache.compile(r"\s*\[[^\[\]]{1,40}\]$")
_NOT_LETTERS = pattern_cache.compile(r"[\s.!,;:\-–—]+")
# "Copy no. 2", "Copy Nº 1 of 3", and the copy of a numbered paper ("Copy no. 2 re: no. 222").
_COPY_NUMBER = pattern_cache.compile(
    rf"^(?:copy|ex\.|exemplar|exp\.)\s+{_NO}\s*(\d+)"
    rf"(?:\s+of\s+\d+|\s+(?:re|to):?\s+{_NO}\s*\d[\w/.-]*)?\.?$",
    re.IGNORECASE,
)
# A telegram's priority printed on its own line ("URGENT", "Very urgent", "Top urgent").
_PRIORITY = pattern_cache.compile(
    r"^(?:(?:very|most|top|extremely)\s+)?(?:urgent|immediate|priority|(?:news\s?)?flash)[.!]?$",
    re.IGNORECASE,
)
# A routing line: when a telegram was sent, arrived or deciphered, with a date or a time
# ("Arrived: 12.4.60 10:30", "Dispatched 5 May, 18.00").
_ROUTING = pattern_cache.compile(
    r"^(?:arrived|received|processed|issued|distributed|dispatched|sent|deciphered|decoded|"
    r"decrypted|transmitted)"
    r"(?:\s+(?:on|at))?\s*:?\s+\S*\d\S*(?:\s+\S+){0,4}$",
    re.IGNORECASE,
)
_TRANSLATION_NOTE = pattern_cache.compile(
    r"^(?:translation|translated)\s+from\s+(?:the\s+)?[A-Z][a-z]+", re.IGNORECASE
)
_TELEGRAM = pattern_cache.compile(
    rf"^(?:(?:ciphered|cipher|coded|secret|urgent|special)\s+)*(?:telegram|cable|ciphergram|cryptogram)"
    rf"\s+{_NO}\s*(\d[\w/.-]*)\.?$",
    re.IGNORECASE,
)
# A handling instruction forbids or requires something; the bare words "copying" or
# "duplicate" in a short sentence of the body are not one.
_HANDLING = pattern_cache.compile(
    r"\b(?:(?:making|taking|make)\s+(?:of\s+)?cop(?:y|ies)|copying|reproduction|duplication)"
    r"(?:\s+(?:is|are))?\s+(?:(?:strictly\s+)?(?:forbidden|prohibited)|not\s+(?:allowed|permitted))"
    r"|\b(?:do\s+not|not\s+to\s+be)\s+(?:cop(?:y|ied)|reproduced?|duplicated?)\b"
    r"|\bnot\s+for\s+(?:reproduction|duplication|copying)\b"
    r"|^(?:to|must)\s+be\s+returned\b|^return\s+within\b"
    r"|^(?:distributed|sent|dispatched)\s+(?:according\s+to|as\s+per|by)\s+(?:a|the)\s+"
    r"(?:distribution\s+)?list\b",
    re.IGNORECASE,
)
# The number may be one the translator read from a stamp and bracketed: "Nº [311]".
_REGISTRATION = pattern_cache.compile(
    rf"^(?:(?:reg(?:istration|\.)?|outgoing|incoming|out\.|inc\.|ref\.)\s*)*{_NO}\s*"
    r"(?:(\d[\w/.-]*)|\[(\d[\w/.-]*)\])\.?$",
    re.IGNORECASE,
)
# A letter's reference under its letterhead: "REF: C-94-64", "Our ref.: 12/66".
_REFERENCE = pattern_cache.compile(
    r"^(?:(?:our|your)\s+)?ref(?:erence|\.)?\s*:\s*([A-Z0-9](?=[\w/.-]*\d)[\w/.-]*?)\.?$",
    re.IGNORECASE,
)
_PRINT_RUN = pattern_cache.compile(
    r"^(?:(?P<n1>\w+)\s+cop(?:y|ies)(?:\s+(?:were\s+)?(?:printed|made|typed|prepared))?|"
    r"printed\s+in\s+(?P<n2>\w+)\s+cop(?:y|ies))\.?$",
    re.IGNORECASE,
)
# A typist's mark: "printed. m/b", "typed by ab", or the copies and the typist's initials
# ("4ak", "5-nb"); an ordinal ("4th") or a measure ("12kg") is not one.
_TYPIST = pattern_cache.compile(
    r"^(?:printed|typed|typist|prepared|executed|ex\.|exec\.)\b.{0,20}$|"
    # A cipher telegram's clerks: "Drafted by Ve-Ko 09.11", "Checked by [unknown signature]".
    r"^(?:created|drafted|checked|encoded|coded|decoded|deciphered)\s+by\b.{0,40}$|"
    r"^\S{0,12}\b[a-z]{1,3}/[a-z]{1,3}\b\S{0,8}$|"
    r"^\d{1,2}[-–]?(?!(?:st|nd|rd|th|kg|km|cm|mm|pp|ha|am|pm)\b)[a-z]{2,3}\.?$",
    re.IGNORECASE,
)
_PAGE_NUMBER = pattern_cache.compile(
    r"^(?:-\s*(\d{1,3})\s*-|\[?page\s+(\d{1,3})\]?)$", re.IGNORECASE
)
# The archive's own banner line ("Wilson Center Digital Archive Translation - English").
_BANNER = pattern_cache.compile(
    r"\b(?:digital\s+archive|archive|translation\s*-\s*english)\b", re.I
)


def marking(text: str) -> Marking | None:
    """Classify a docket or registry line, or return None if it is not a marking."""
    if len(text) > 100:
        return None
    if (form := _classification_form(text)) is not None:
        return Marking(MarkingType.CLASSIFICATION, level=_CLASSIFICATION_FORMS[form])
    if m := _COPY_NUMBER.match(text):
        return Marking(MarkingType.COPY_NUMBER, m.span(1), m.group(1))
    if m := _TELEGRAM.match(text):
        return Marking(MarkingType.TELEGRAM_NUMBER, m.span(1), m.group(1))
    if _TRANSLATION_NOTE.match(text) and len(text) < 80:
        return Marking(MarkingType.TRANSLATION_NOTE)
    if m := _REGISTRATION.match(text):
        bare = 1 if m.group(1) else 2  # the number, bracketed or not
        return Marking(MarkingType.REGISTRATION, m.span(bare), m.group(bare))
    if m := _REFERENCE.match(text):
        return Marking(MarkingType.REGISTRATION, m.span(1), m.group(1))
    if m := _PRINT_RUN.match(text):
        group = "n1" if m.group("n1") else "n2"
        value = number_value(m.group(group))
        if value is not None:
            return Marking(MarkingType.PRINT_RUN, m.span(group), str(value))
    if _HANDLING.search(text) and len(text) < 80:
        return Marking(MarkingType.HANDLING)
    if _TYPIST.match(text):
        return Marking(MarkingType.TYPIST)
    if _PRIORITY.match(text):
        return Marking(MarkingType.MARKING)
    if _ROUTING.match(text):
        return Marking(MarkingType.ROUTING)
    return None


_WORD = pattern_cache.compile(r"\S+")
# A line longer than this is not read as several markings side by side.
_MARKING_RUN = 80


def marking_parts(text: str) -> tuple[tuple[int, int], ...] | None:
    """The spans of the markings a docket line holds side by side, one space apart ("Nº 196
    Copy Nº 1", "SECRET Copy Nº 1"): two or more, and nothing else. Each is the longest run
    of words from where the one before ended that is a marking."""
    if len(text) > _MARKING_RUN or marking(text) is not None:
        return None
    words = [found.span() for found in _WORD.finditer(text)]
    parts: list[tuple[int, int]] = []
    first = 0
    while first < len(words):
        start = words[first][0]
        last = next(
            (j for j in range(len(words) - 1, first - 1, -1) if marking(text[start : words[j][1]])),
            None,
        )
        if last is None:
            return None
        parts.append((start, words[last][1]))
        first = last + 1
    return tuple(parts) if len(parts) > 1 else None


def _classification_form(text: str) -> str | None:
    """The printed classification a line holds, as a key of ``_CLASSIFICATION_FORMS``."""
    words = _TRAILING_NOTE.sub("", _CLASSIFICATION_LABEL.sub("", text, count=1))
    form = _NOT_LETTERS.sub("", words.lower())
    return form if form in _CLASSIFICATION_FORMS else None


def page_number(text: str) -> int | None:
    """The number of a printed page-number line ("- 2 -", "Page 2", "[Page 2]")."""
    m = _PAGE_NUMBER.match(text)
    if m is None:
        return None
    return int(m.group(1) or m.group(2))


def is_banner(text: str) -> bool:
    """A line naming the archive or the English translation it publishes."""
    return bool(_BANNER.search(text))


# --- distribution lists ------------------------------------------------------------------------

# The caption of a distribution list: who the copies went to ("Distribution:", "Copies to:",
# "Five copies sent:", "Printed in 3 copies:").
_DISTRIBUTION_CAPTION = pattern_cache.compile(
    r"^(?:(?:distribution(?:\s+list)?|distributed\s+to|mailing\s+list|"
    r"cop(?:y|ies)(?:\s+sent)?\s+to|cc|sent\s+to|received\s+by|"
    r"(?:\w+\s+)?cop(?:y|ies)\s+(?:were\s+)?(?:sent|distributed|made|printed|typed)(?:\s+to)?|"
    r"(?:printed|typed|done|made)\s+in\s+\w+\s+cop(?:y|ies))\s*:"
    # A line that is only the caption may lack its colon: "Five copies sent re" (to), and
    # who is to read the copy: "To be seen by", "Seen by".
    r"|(?:\w+\s+)?cop(?:y|ies)\s+(?:were\s+)?(?:sent|distributed)\s+(?:to|re)\s*$"
    r"|(?:to\s+be\s+)?(?:seen|read)\s+by\s*:?\s*$"
    # A copy's reader written as a letter's "cc." or "bcc.": "bcc. Secretary General".
    r"|b?cc\.(?=\s))",
    re.IGNORECASE,
)
# Where an item of copies starts: a copy number, then a dash, a stop or "to" ("1 – to Cde. X",
# "Nº 2 to file", "3-5. File"), at the start or after a comma, semicolon or full stop.
_COPY_ITEM = pattern_cache.compile(
    rf"(?:^|(?<=[,;.:]\s))(?:{_NO}\s*)?\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?"
    r"(?:\s+[-–]\s*|[-–]\s+|\.\s+|\)\s*|\s+(?=to\s+(?!\d)))",
    re.IGNORECASE,
)
# A line of copies without a caption: a copy number going somewhere ("Nº 2 to file.").
_COPIES_LINE = pattern_cache.compile(
    rf"^(?:{_NO}\s*)?\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s*[-–]?\s*to\s+(?!\d)"
    # A count of copies and where they went ("1 x to file", "2 x Ecuador").
    r"|^\d{1,2}\s?x\s+(?=[^\W\d])",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Distribution:
    """A line of a distribution list: the end of its caption (0 when it has none) and where
    each item on the line starts."""

    caption: int
    items: tuple[int, ...] = ()

    @property
    def caption_only(self) -> bool:
        """A caption that the next lines' items follow ("Distribution:")."""
        return self.caption > 0 and not self.items


def distribution(text: str) -> Distribution | None:
    """A line saying where the copies went: a caption ("Distribution:"), with the items after
    it on the line if any, or a line of numbered copies ("1 – to the addressee, 2 – to
    file")."""
    if len(text) > 400:
        return None
    m = _DISTRIBUTION_CAPTION.match(text)
    if m is not None:
        rest = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
        starts = tuple(found.start() for found in _COPY_ITEM.finditer(text, rest))
        items = starts if starts and starts[0] == rest else ((rest,) if rest < len(text) else ())
        return Distribution(m.end(), items)
    if _COPIES_LINE.match(text):
        return Distribution(0, tuple(found.start() for found in _COPY_ITEM.finditer(text)))
    return None


def print_run_end(text: str) -> int | None:
    """Where a print run ends when copies follow it on its line ("Two copies printed. Nº 2 to
    file."): the end of its sentence, else None."""
    stop = text.find(". ")
    found = marking(text[: stop + 1]) if stop >= 0 else None
    if found is None or found.type is not MarkingType.PRINT_RUN:
        return None
    return stop + 1 if distribution(text[stop + 2 :]) is not None else None


def copy_label_end(text: str) -> int | None:
    """End of the copy number that opens an item of copies ("1 – ", "Nº 2 ", "3. ")."""
    m = _COPY_ITEM.match(text)
    return len(m.group().rstrip()) if m else None
