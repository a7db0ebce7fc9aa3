"""Fields: labelled lines ("To: ...", "Agenda:", "Resolved: ..."), the participants caption and
the lines under it, and a letter's addressee line."""

from __future__ import annotations

import re

from ... import pattern_cache
from .characters import SPACE_RUN
from .speakers import FIELD_WORDS

_FIELD = pattern_cache.compile(
    r"^(?P<label>(?:\[[^\]]{1,30}\]\s*)?(?:from|to|copy to|copies|cc|distribution|addressee|"
    r"subject|re|date(?:\s+and\s+time)?|time|place|location|venue|agenda|resolved|agreed|"
    r"decided|decision|note|ps|p\.s\.|enclosure|attachment|present|participants|"
    r"those present|also present|absent|chair(?:man|ed by)?|secretary|recorded by|"
    r"minutes taken by|[\w']+(?:'s)?\s+note)):(?=\s|$)",
    re.IGNORECASE,
)
_BRACKETED_PREFIX = pattern_cache.compile(r"^\[[^\]]*\]\s*")


def field_label(text: str) -> tuple[str, int] | None:
    """A field line ("To: ...", "Agenda:", "Resolved: ..."): normalised name and label end."""
    m = _FIELD.match(text)
    if m is None:
        return None
    name = SPACE_RUN.sub(" ", m.group("label").lower())
    name = _BRACKETED_PREFIX.sub("", name)
    return name, m.end()


_PARTICIPANTS = pattern_cache.compile(
    r"^(?:present\s+at\s+the\s+(?:conversation|meeting|talks?)|present|participants|"
    r"those\s+present|also\s+present|attending|in\s+attendance|took\s+part|invited|guests|"
    r"(?:those\s+)?(?:taking|who\s+took)\s+part|"
    # "At the meeting there were also present:", "The following were present:"
    r"(?:at\s+the\s+(?:conversation|meeting|talks?|reception),?\s+)?(?:there\s+)?"
    r"(?:were|was)\s+(?:also\s+)?present|the\s+following\s+(?:were\s+present|took\s+part)|"
    r"in\s+the\s+presence\s+of|with\s+the\s+participation\s+of)"
    r"\b[^:]{0,40}:",
    re.IGNORECASE,
)


# The same caption as a heading of its own, without a colon ("In Attendance").
_PARTICIPANTS_HEADING = pattern_cache.compile(
    r"^\s*(?:participants|in\s+attendance|attending|those\s+present|also\s+present|present)"
    r"\s*$",
    re.IGNORECASE,
)


def participants_label_end(text: str) -> int | None:
    """End of a participants caption ("Present at the conversation:", "Participants:", "In
    Attendance" on a line of its own)."""
    m = _PARTICIPANTS.match(text) or _PARTICIPANTS_HEADING.match(text)
    return m.end() if m else None


_DIGIT = pattern_cache.compile(r"\d")
# "South: Lee Hu-rak, ..." heads a side's names; "South (LEE): ..." is a speaker's turn.
_SIDE = pattern_cache.compile(r"^(?:from\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}\s*:")


def is_participant_line(text: str) -> bool:
    """A line under a "Participants:" caption: a side with its names, or a list of names.

    A side heads names ("South: Lee Hu-rak, Chong Hong-jin"); a speaker's label heads a
    sentence ("KIM: We agree in principle.", "LEE: Yes."), which is the first turn, not a
    participant; names and offices hold no digit, a heading after the list does ("Second
    Session (May 3rd)").
    """
    if len(text) > 400 or text.endswith(":") or _DIGIT.search(text):
        return False
    side = _SIDE.match(text)
    rest = text[side.end() :].strip() if side else text
    words = rest.rstrip(".;").split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1] in "([")
    names = bool(words) and capitalised / len(words) >= 0.5 and not rest.endswith(("?", "!"))
    if side:
        return names and (len(words) > 1 or not rest.endswith("."))
    return names and not text.endswith((".", "?"))


_ADDRESSEE = pattern_cache.compile(
    r"^to\s+(?:comrade|the|mr\.?|ambassador|minister)\b", re.IGNORECASE
)
# The style of an addressee, which nobody signs with ("Hon. Prof. A. B.", "His Excellency").
_ADDRESSED_STYLE = pattern_cache.compile(
    r"^(?:the\s+)?(?:(?:rt\.?|right)\s+)?(?:hon\.|honou?rable)\s|^(?:his|her)\s+excellency\b"
    r"|^H\.\s?E\.\s",
    re.IGNORECASE,
)


def is_addressee_line(text: str) -> bool:
    """An addressee line ("To Comrade N. T. Fedorenko.", "Hon. Prof. A. Rossi"), not a
    sentence opening with "To"."""
    if not (_ADDRESSEE.match(text) or _ADDRESSED_STYLE.match(text)):
        return False
    return len(text) < 100 or (len(text) < 200 and not text.endswith("."))


_SPEAKER_LABEL = pattern_cache.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*(?:\s*\([^()]{1,30}\))?:(?:\s|$)"
)


def opens_with_label(text: str) -> bool:
    """A line opened by a capitalised label of up to five words and a colon ("Comrade Kim Il
    Sung:", "North (KIM): …"): a speaker's label unless it is a field's ("To:", or a label
    whose last word names a field, as "Number:" and "Sent:" of a cable form)."""
    found = _SPEAKER_LABEL.match(text)
    if found is None or field_label(text) is not None:
        return False
    label = text[: text.index(":", found.start())].split()
    return label[-1].lower().strip(".") not in FIELD_WORDS
