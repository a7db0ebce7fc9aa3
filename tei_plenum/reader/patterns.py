"""Line-level recognisers: small pure functions that say what one block of text is.

Each recogniser looks at a block's text only (never at other blocks) and returns a verdict
or ``None``. The classifier (``classify.py``) decides, from position and context, which
recognisers to ask. Keeping them here, data-driven and free of document-specific strings, is
what lets the reader handle documents it has never seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..letters import is_upper

_NO = r"(?:N[º°o]\.?|No\.?|Nr\.?|№|#)"
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL_WORDS = "|".join(ORDINALS)


@dataclass(frozen=True, slots=True)
class Marking:
    """A docket or registry marking: its ``fw/@type`` and the span of its number, if any."""

    type: str
    number: tuple[int, int] | None = None
    value: str | None = None


_CLASSIFICATION = re.compile(
    r"^(?:top\s+secret|secret|confidential|strictly\s+confidential|strictly\s+secret|"
    r"(?:top\s+secret\s*[-–—,]?\s*)?special\s+(?:file|folder|dossier)|"
    r"for\s+official\s+use(?:\s+only)?|not\s+for\s+publication|restricted|"
    r"(?:top\s+secret\s*[-–—,]?\s*)?(?:of\s+)?special\s+importance)\.?$",
    re.IGNORECASE,
)
_COPY_NUMBER = re.compile(rf"^(?:copy|ex\.|exemplar|exp\.)\s+{_NO}\s*(\d+)\.?$", re.IGNORECASE)
# A telegram's priority printed on its own line ("URGENT", "Very urgent", "Priority").
_PRIORITY = re.compile(r"^(?:very\s+)?(?:urgent|immediate|priority|flash)\.?$", re.IGNORECASE)
_TRANSLATION_NOTE = re.compile(
    r"^(?:translation|translated)\s+from\s+(?:the\s+)?[A-Z][a-z]+", re.IGNORECASE
)
_TELEGRAM = re.compile(
    rf"^(?:(?:ciphered|cipher|coded|secret|urgent|special)\s+)*(?:telegram|cable|ciphergram)"
    rf"\s+{_NO}\s*(\d[\w/.-]*)\.?$",
    re.IGNORECASE,
)
# A handling instruction forbids or requires something; the bare words "copying" or
# "duplicate" in a short sentence of the body are not one.
_HANDLING = re.compile(
    r"\b(?:(?:making|taking|make)\s+(?:of\s+)?cop(?:y|ies)|copying|reproduction|duplication)"
    r"(?:\s+(?:is|are))?\s+(?:(?:strictly\s+)?(?:forbidden|prohibited)|not\s+(?:allowed|permitted))"
    r"|\b(?:do\s+not|not\s+to\s+be)\s+(?:cop(?:y|ied)|reproduced?|duplicated?)\b"
    r"|\bnot\s+for\s+(?:reproduction|duplication|copying)\b"
    r"|^(?:to|must)\s+be\s+returned\b|^return\s+within\b",
    re.IGNORECASE,
)
_REGISTRATION = re.compile(
    rf"^(?:(?:reg(?:istration|\.)?|outgoing|incoming|out\.|inc\.|ref\.)\s*)*{_NO}\s*"
    r"(\d[\w/.-]*)\.?$",
    re.IGNORECASE,
)
_PRINT_RUN = re.compile(
    r"^(?:(?P<n1>\w+)\s+cop(?:y|ies)(?:\s+(?:were\s+)?(?:printed|made|typed|prepared))?|"
    r"printed\s+in\s+(?P<n2>\w+)\s+cop(?:y|ies))\.?$",
    re.IGNORECASE,
)
_TYPIST = re.compile(
    r"^(?:printed|typed|typist|prepared|executed|ex\.|exec\.)\b.{0,20}$|"
    r"^\S{0,12}\b[a-z]{1,3}/[a-z]{1,3}\b\S{0,8}$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:-\s*(\d{1,3})\s*-|\[?page\s+(\d{1,3})\]?)$", re.IGNORECASE)


def number_value(word: str) -> int | None:
    """Value of a count written in digits or in English words ("Five" -> 5)."""
    if word.isdigit():
        return int(word)
    return WORD_NUMBERS.get(word.lower())


def marking(text: str) -> Marking | None:
    """Classify a docket or registry line, or return None if it is not a marking."""
    if len(text) > 100:
        return None
    if _CLASSIFICATION.match(text):
        return Marking("classification")
    if m := _COPY_NUMBER.match(text):
        return Marking("copyNumber", m.span(1), m.group(1))
    if m := _TELEGRAM.match(text):
        return Marking("telegramNumber", m.span(1), m.group(1))
    if _TRANSLATION_NOTE.match(text) and len(text) < 80:
        return Marking("translationNote")
    if m := _REGISTRATION.match(text):
        return Marking("registration", m.span(1), m.group(1))
    if m := _PRINT_RUN.match(text):
        group = "n1" if m.group("n1") else "n2"
        value = number_value(m.group(group))
        if value is not None:
            return Marking("printRun", m.span(group), str(value))
    if _HANDLING.search(text) and len(text) < 80:
        return Marking("handling")
    if _TYPIST.match(text):
        return Marking("typist")
    if _PRIORITY.match(text):
        return Marking("marking")
    return None


def page_number(text: str) -> int | None:
    """The number of a printed page-number line ("- 2 -", "Page 2", "[Page 2]")."""
    m = _PAGE_NUMBER.match(text)
    if m is None:
        return None
    return int(m.group(1) or m.group(2))


def is_bracketed_line(text: str) -> bool:
    """A line that is wholly one bracketed description ("[faded image of a stamp: ...]")."""
    if not (text.startswith("[") and text.endswith("]")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth <= 0 and index < len(text) - 1:
            return False  # the first bracket closes before the end: "[a] and [b]"
    return depth == 0


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int | None:
    """Value of a Roman numeral made of I, V, X, L (section numbers), else None."""
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, [*numeral[1:], None], strict=True):
        value = _ROMAN[current]
        total += -value if following and _ROMAN[following] > value else value
    return total if 0 < total < 90 else None


_SECTION = re.compile(r"^(?P<num>[IVXL]+|\d{1,2})(?P<punct>[.)])(?:\s+(?P<title>.+))?$")


@dataclass(frozen=True, slots=True)
class Section:
    number: int
    title: str | None


def section_heading(text: str) -> Section | None:
    """A section number alone ("I.", "2.", "4)") or with a short title ("II. Economy")."""
    m = _SECTION.match(text)
    if m is None:
        return None
    raw = m.group("num")
    number = int(raw) if raw.isdigit() else roman_value(raw)
    if not number:
        return None
    title = m.group("title")
    if title is not None and not _looks_like_heading_title(title):
        return None
    return Section(number, title)


def _looks_like_heading_title(title: str) -> bool:
    words = title.split()
    return len(words) <= 12 and not re.search(r"[.;,]$", title) and title[:1].isupper()


_ORDINAL = re.compile(rf"^(?P<label>(?:{_ORDINAL_WORDS})(?:ly)?[.,:])\s", re.IGNORECASE)
_POINT = re.compile(r"^(?P<label>\(?(?P<point>[a-z]|[A-H]|\d{1,2})\))\s+\S")
_ITEM_LABEL = re.compile(r"^[^:.;]{1,60}:")


def ordinal_label(text: str) -> tuple[int, int] | None:
    """("First. In all sectors ..." -> (1, end of label)): an ordinal paragraph's label."""
    m = _ORDINAL.match(text)
    if m is None or not text[:1].isupper():
        return None
    word = m.group("label").rstrip(".,:").lower().removesuffix("ly")
    return ORDINALS[word], m.end("label")


def point_label(text: str) -> tuple[str, int] | None:
    """A lettered or numbered point ("a) ...", "(b) ...", "3) ..."): its value and label end."""
    m = _POINT.match(text)
    if m is None:
        return None
    return m.group("point"), m.end("label")


def item_label_end(text: str) -> int | None:
    """End of an enumeration item's label: the text up to a first colon near the start."""
    m = _ITEM_LABEL.match(text)
    if m is None or _opens_bracket(m.group()):
        return None
    return m.end()


def _opens_bracket(label: str) -> bool:
    """A label ending inside "[...]" would overlap the bracket's own element."""
    return label.count("[") != label.count("]")


_MONTHS = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:tember|t\.|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_ONLY = re.compile(
    rf"^(?:{_DAY}(?:\s*[-–]\s*{_DAY})?\s+{_MONTHS}(?:\s*[-–]\s*{_DAY}\s+{_MONTHS})?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{4}}"
    r"|[0-3]?\d\.[IVX]{1,4}\.\d{4}|[0-3]?\d\.[01]?\d\.\d{4}|\d{4}-\d\d-\d\d"
    rf"|(?:the\s+)?{_DAY}\s+of\s+{_MONTHS}(?:,?\s+\d{{4}})?)\.?$",
    re.IGNORECASE,
)
# The place must start with a capital, so only the date part ignores case.
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][\w'. -]{{1,40}}?),?\s+(?P<date>(?i:{_DAY}\s+{_MONTHS},?\s+\d{{4}}|"
    rf"{_MONTHS}\s+{_DAY},?\s+\d{{4}}|[0-3]?\d\.[IVX]{{1,4}}\.\d{{4}}|"
    r"[0-3]?\d\.[01]?\d\.\d{4}))\.?$"
)


def is_date_only(text: str) -> bool:
    """A block that holds nothing but a date (a title date, a printing date)."""
    return bool(_DATE_ONLY.match(text))


def dateline_place(text: str) -> tuple[int, int] | None:
    """A letter's place-and-date line ("Pyongyang, 5 March 1957"): the span of the place."""
    m = _DATELINE.match(text)
    if m is None or not _is_place_like(m.group("place")):
        return None
    return m.span("place")


# Lower-case words that occur inside place names ("Frankfurt am Main", "Embassy in the DPRK").
_PLACE_PARTICLES = frozenset(
    {"am", "an", "de", "del", "der", "di", "du", "in", "la", "le", "of", "on", "the", "upon", "sur"}
)


def _is_place_like(place: str) -> bool:
    """Every word capitalised or a particle: "The plenum closed on" is a sentence, not a place."""
    return all(w[:1].isupper() or w.lower() in _PLACE_PARTICLES for w in place.split())


_GENRES: tuple[tuple[str, str], ...] = (
    (r"\b(?:journal|diary)\b", "journal"),
    (
        r"\b(?:record|memorandum|notes?|transcript)\s+of\s+(?:a\s+|the\s+)?"
        r"(?:conversation|talks?)\b|\bconversation\b",
        "record of conversation",
    ),
    (
        r"\b(?:minutes|protocol|stenographic|verbatim)\b|\bmeeting\s+of\b|"
        r"\brecord\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?meeting\b",
        "minutes",
    ),
    (r"\b(?:transcript)\b", "transcript"),
    (r"\b(?:telegram|cable|ciphergram)\b", "telegram"),
    (r"\bletter\b", "letter"),
    (r"\b(?:resolution)\b", "resolution"),
    (r"\b(?:decision|decree|directive|order|instruction)\b", "decision"),
    (r"\b(?:report|information|memorandum|note|reference|survey|review)\b", "report"),
)  # fmt: skip
_GENRE_PATTERNS = tuple((re.compile(p, re.IGNORECASE), g) for p, g in _GENRES)

TURN_GENRES = frozenset({"record of conversation", "minutes", "transcript"})


def genre_of(text: str) -> str | None:
    """The document kind a title or heading names, from the vocabulary of the guide (§4.5)."""
    for pattern, genre in _GENRE_PATTERNS:
        if pattern.search(text):
            return genre
    return None


_TITLE_START = re.compile(
    r"^(?:record|memorandum|minutes|protocol|transcript|telegram|cable|decision|resolution|"
    r"decree|directive|report|letter|note|information|statement|journal|diary|from the journal|"
    r"conversation|stenographic|excerpt|speech|message|appeal|order|instruction)\b",
    re.IGNORECASE,
)


def looks_like_title(text: str) -> bool:
    """A title line: printed in capitals, or opening with a document-kind word."""
    if len(text) > 220:
        return False
    if text.endswith((".", ":", ";", ",")) and not text.endswith("etc."):
        return is_upper(text)
    return is_upper(text) or bool(_TITLE_START.match(text))


_FIELD = re.compile(
    r"^(?P<label>(?:\[[^\]]{1,30}\]\s*)?(?:from|to|copy to|copies|cc|distribution|addressee|"
    r"subject|re|date(?:\s+and\s+time)?|time|place|location|venue|agenda|resolved|agreed|"
    r"decided|decision|note|ps|p\.s\.|enclosure|attachment|present|participants|"
    r"those present|also present|absent|chair(?:man|ed by)?|secretary|recorded by|"
    r"minutes taken by|[\w']+(?:'s)?\s+note)):(?=\s|$)",
    re.IGNORECASE,
)


def field_label(text: str) -> tuple[str, int] | None:
    """A field line ("To: ...", "Agenda:", "Resolved: ..."): normalised name and label end."""
    m = _FIELD.match(text)
    if m is None:
        return None
    name = re.sub(r"\s+", " ", m.group("label").lower())
    name = re.sub(r"^\[[^\]]*\]\s*", "", name)
    return name, m.end()


_PARTICIPANTS = re.compile(
    r"^(?:present\s+at\s+the\s+(?:conversation|meeting|talks?)|present|participants|"
    r"those\s+present|also\s+present|attending|in\s+attendance|took\s+part|invited|guests)"
    r"\b[^:]{0,40}:",
    re.IGNORECASE,
)


def participants_label_end(text: str) -> int | None:
    """End of a participants caption ("Present at the conversation:", "Participants:")."""
    m = _PARTICIPANTS.match(text)
    return m.end() if m else None


_SALUTE_OPEN = re.compile(
    r"^(?:dear|respected|esteemed|deeply\s+respected|much\s+esteemed)\b.{0,80}[!,:]$|"
    r"^comrades?(?:\s+[\w.'-]+){0,4}!$",
    re.IGNORECASE,
)
_SALUTE_CLOSE = re.compile(
    r"^(?:with\s+(?:communist|comradely|fraternal|best|deep|sincere|warm)\s+"
    r"(?:greetings|regards|respect|wishes)|with\s+(?:respect|greetings)|respectfully(?:\s+yours)?|"
    r"sincerely(?:\s+yours)?|yours\s+(?:sincerely|faithfully|truly))\b.{0,40}[,.!]?$",
    re.IGNORECASE,
)


def is_opening_salute(text: str) -> bool:
    return bool(_SALUTE_OPEN.match(text))


def is_closing_salute(text: str) -> bool:
    return bool(_SALUTE_CLOSE.match(text))


_CAPTION = re.compile(
    r"^(?P<caption>(?:translated|recorded|compiled|prepared|typed|minutes\s+taken|drafted)"
    r"(?:\s+from\s+(?:the\s+)?[A-Z]\w+)?(?:\s+into\s+\w+)?\s*(?:\[by\]|by)\s*:?)",
    re.IGNORECASE,
)


def caption_end(text: str) -> int | None:
    """End of a responsibility caption ("Translated [by]:", "Recorded by", "Translator:")."""
    m = _CAPTION.match(text)
    if m:
        return m.end("caption")
    m = re.match(r"^(?:translators?|interpreters?|recorders?)\s*:", text, re.IGNORECASE)
    return m.end() if m else None


SIGNATURE_MARK = re.compile(r"\[\[?(?:signature|illegible signature|signed)\]\]?", re.IGNORECASE)


def is_separator(text: str) -> bool:
    """A separator line between entries: "xxx", "* * *", a row of "=" or "-"."""
    return bool(re.fullmatch(r"(?:x{3,}|X{3,}|(?:\*\s*){3,}|={3,}|-{3,}|_{3,}|~{3,})", text))
