"""Dates: a line holding nothing but a date, and a letter's place-and-date line."""

from __future__ import annotations

import re

from ... import pattern_cache
from .titles import names_a_kind

_MONTHS = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:tember|t\.|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# Right before a month the ordinal suffix may stand apart, as some typescripts print it ("28
# th September, 1955"); nowhere else is a lone "th" part of a date.
_DAY_BEFORE_MONTH = r"(?:[0-3]?\d)(?: ?(?:st|nd|rd|th))?"
# The archive's numeric forms (day.month.year with Roman or Arabic months, slash dates, the
# Hungarian year-first form, two- or four-digit years) and the Japanese year-month-day order.
_NUMERIC = (
    r"[0-3]?\d\.\s?(?:[IVX]{1,4}|[01]?\d)\.\s?(?:\d{4}|\d\d)"
    r"|[0-3]?\d/[0-3]?\d/(?:\d{4}|\d\d)"
    r"|(?:\d{4}|3[2-9]|[4-9]\d)\.\s?[01]?\d\.\s?[0-3]?\d\.?"
    rf"|\d{{4}}\s+{_MONTHS}\s+{_DAY}"
)
_DATE_ONLY = pattern_cache.compile(
    rf"^(?:(?:{_DAY}\s*[-–]\s*)?{_DAY_BEFORE_MONTH}\s+{_MONTHS}"
    rf"(?:\s*[-–]\s*{_DAY_BEFORE_MONTH}\s+{_MONTHS})?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+{_DAY}(?:\s*[-–]\s*{_DAY})?,?\s+\d{{4}}"
    rf"|{_MONTHS}\s+\d{{4}}"
    rf"|{_NUMERIC}|\d{{4}}-\d\d-\d\d"
    rf"|(?:the\s+)?{_DAY}\s+of\s+{_MONTHS}(?:,?\s+\d{{4}})?)\.?$",
    re.IGNORECASE,
)
# An hour beside a dateline's date: "Beijing, 2 p.m., 3 May 1966", "…, 10:30 a.m.".
_HOUR = r"\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.\s?m\.?|hours|o'clock)"
# The place must start with a capital, so only the date part ignores case.
_DATELINE = pattern_cache.compile(
    rf"^(?P<place>[A-Z][\w'. -]{{1,40}}?),?\s+(?i:{_HOUR},?\s+)?(?P<date>(?i:"
    rf"{_DAY_BEFORE_MONTH}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},?\s+\d{{4}}|{_NUMERIC}))"
    rf"(?i:,?\s+{_HOUR})?\.?$"
)

# The date first, then the place, as some letterheads print them ("April 12, 1979 Moscow").
_DATE_THEN_PLACE = pattern_cache.compile(
    rf"^(?i:{_DAY_BEFORE_MONTH}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},?\s+\d{{4}}),?\s+"
    r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\.?$"
)
# Words after a date that are no place: a marking, a weekday.
_NOT_PLACES = frozenset(
    """secret confidential urgent copy no top strictly personal monday tuesday wednesday
    thursday friday saturday sunday""".split()
)


# An hour alone on its line, as a telegram's closing block notes when it came: "0930",
# "14:30", "9.15 hours".
_TIME_ONLY = pattern_cache.compile(
    r"^(?:[01]?\d|2[0-3])[:.]?[0-5]\d(?:\s*(?:hours|hrs|h)\.?)?$", re.IGNORECASE
)


def is_time_only(text: str) -> bool:
    """A block that holds nothing but an hour (a telegram's time of receipt)."""
    return bool(_TIME_ONLY.match(text))


def is_date_only(text: str) -> bool:
    """A block that holds nothing but a date (a title date, a printing date)."""
    return bool(_DATE_ONLY.match(text))


def dateline_place(text: str) -> tuple[int, int] | None:
    """A letter's place-and-date line ("Pyongyang, 5 March 1957", or "April 12, 1979
    Moscow"): the span of the place. A
    line opening with a kind of document is a title that reads like a dateline ("Minutes of
    the Plenum Held on 5 May 1957"), not one."""
    m = _DATELINE.match(text)
    if m is None or not _is_place_like(m.group("place")) or names_a_kind(m.group("place")):
        m = _DATE_THEN_PLACE.match(text)
        if m is None or _NOT_PLACES.intersection(m.group("place").lower().split()):
            return None
    return m.span("place")


# Lower-case words that occur inside place names ("Frankfurt am Main", "Embassy in the DPRK").
_PLACE_PARTICLES = frozenset(
    {"am", "an", "de", "del", "der", "di", "du", "in", "la", "le", "of", "on", "the", "upon", "sur"}
)


def _is_place_like(place: str) -> bool:
    """Every word capitalised or a particle: "The plenum closed on" is a sentence, not a place."""
    return all(w[:1].isupper() or w.lower() in _PLACE_PARTICLES for w in place.split())
