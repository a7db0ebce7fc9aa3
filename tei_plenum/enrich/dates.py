"""Dates: recognise date expressions and give them ISO 8601 values (encoding guide §10).

The grammar lives in :mod:`tei_plenum.enrich.dates_grammar`; this module reads a match into
calendar parts, fills what a range states only once ("30-31 August 1956"), infers what the text
leaves out (a year, a century, the order of day and month) from the document, checks the
calendar, and writes the TEI attributes in a fixed order.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from tei_plenum.enrich.dates_grammar import (
    ANNIVERSARY_BEFORE,
    ANNIVERSARY_WORDS,
    CONTEXT,
    EVENT_AFTER,
    EVENT_BEFORE,
    FUTURE,
    HOTSPOT,
    LEAD,
    LISTED_DAY,
    LOOKBACK,
    MEETING_AFTER,
    MONTH_AFTER_ANCHOR,
    MONTH_BEFORE_ANCHOR,
    MONTH_NAMES,
    POINT_PAIR,
    REFERENCE_BEFORE,
    RELATIVE_BEFORE,
    RELATIVE_YEARS,
    ROMAN_MONTHS,
    SENTENCE_END,
    SLASH_DATE,
    UNCERTAIN,
    US_ORIGIN,
    WEEKDAY_NAMES,
    WORD_START,
    YEAR_WORD,
    bare_year,
    locator,
    rules_from,
)
from tei_plenum.model import Attrs, Block, Document, Mark, MarkIndex, Role
from tei_plenum.vocabulary import RESP_ENCODER, pointer

from .. import pattern_cache

VALUE_NAMES = ("when", "from", "to", "notBefore", "notAfter")
ATTRIBUTE_ORDER = (*VALUE_NAMES, "evidence", "cert", "resp")
# A date inside one of these is part of a number, an identifier or a quantity, not a date.
_OPAQUE_TAGS = frozenset({"num", "idno", "measure", "unit"})
_MONTH_NUMBERS = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
_WEEKDAYS = {name[:3].lower(): n for n, name in enumerate(WEEKDAY_NAMES)}
_QUARTER_OR_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_OR_HALF |= {"fourth": 4, "4th": 4}
_COUNTS = {"two": 2, "three": 3}
# Levels of certainty, weakest first: a value inferred in several steps is as certain as its
# weakest step.
_CERTAINTY = ("low", "medium", "high")
# The period two-digit years are read in, in years before and after the document's year.
_YEARS_BEFORE, _YEARS_AFTER, _OWN_TIME = 30, 50, 20
# Groups whose forms are all digits: a number after "No." or "ll." is a reference.
_NUMERIC_GROUPS = ("sa", "nd", "oa", "hy", "hs", "kd", "ka")
_SIDES = ("p_", "l_", "r_")


class Point(NamedTuple):
    """A calendar point as written: any part may be missing until filled or inferred."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def first_day(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 1, self.day or 1)

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def exists(self) -> bool:
        if self.year is None or self.month is None or self.day is None:
            return True
        return self.day <= calendar.monthrange(self.year, self.month)[1]


class Reading(NamedTuple):
    """What an expression says before its year is settled: attribute names and their points.

    ``relative`` is the year said relative to the document's ("last year": -1); ``doubt``
    holds the certainty of each inference made while reading (a century, the order of day and
    month, digits read with doubt); ``month_end`` says the last point is its month's last day,
    which the year may still change (the second half of February).
    """

    names: tuple[str, ...]
    points: tuple[Point, ...]
    relative: int | None = None
    doubt: tuple[str, ...] = ()
    month_end: bool = False


class Piece(NamedTuple):
    """One date a match yields: most matches yield one, a list of days may yield several."""

    start: int
    end: int
    reading: Reading


class Found(NamedTuple):
    """One date in a text: the marked span, its attributes and, if stated in full, the day."""

    start: int
    end: int
    attrs: Attrs
    full_day: dt.date | None


@dataclasses.dataclass(frozen=True, slots=True)
class Setting:
    """What the document tells about reading its dates.

    ``anchor`` gives missing years; ``period`` is the year two-digit years are read around
    (the document's own, never today's); ``month_first`` is the order of slash dates, and of
    days and months without a year, whose two readings are both valid, and ``order_cert`` how
    sure that order is. ``own_time`` reads two-digit years only in the document's own time,
    as in its date line: a document is dated when it is written, so "03. 06. 05" heading a
    1976 telegram is no date of 2005.
    """

    anchor: dt.date | None = None
    period: int | None = None
    month_first: bool = False
    order_cert: str = "medium"
    own_time: bool = False


def _weakest(levels: tuple[str, ...] | list[str]) -> str:
    return min(levels, key=_CERTAINTY.index)


def _month(text: str) -> int:
    return ROMAN_MONTHS.get(text) or _MONTH_NUMBERS[text[:3].lower()]


def _expand(digits: int, period: int | None, own_only: bool = False) -> tuple[int, str] | None:
    """A two-digit year read in the document's period, and how sure: the period runs from
    thirty years before the document's year (events it recalls) to fifty after (the archive's
    later registration and declassification notes); a year outside the document's own time
    (twenty years before it to the year after) is read with low certainty, or not at all when
    ``own_only``."""
    if period is None:
        return None
    earliest = period - _YEARS_BEFORE
    year = earliest + (digits - earliest) % 100
    if year > period + _YEARS_AFTER:
        return None
    own_time = period - _OWN_TIME <= year <= period + 1
    if own_only and not own_time:
        return None
    return year, "high" if own_time else "low"


def _order(first: int, second: int, year: int | None, setting: Setting) -> tuple[int, int, str]:
    """Day and month of a slash date, and how sure the order is: ``""`` when only one reading
    is a date, ``high`` when one reading is the anchor's own day or the document's own slash
    dates show the order, else the setting's certainty. Month 0 when neither reading is a
    date."""
    day_first = (first, second)
    month_first = (second, first)
    valid = [
        (day, month)
        for day, month in (day_first, month_first)
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]
    ]
    if not valid:
        return (0, 0, "")
    if len(valid) == 1 or first == second:
        return (*valid[0], "")
    anchor = setting.anchor
    if anchor is not None and year == anchor.year:
        on_anchor = [v for v in valid if v == (anchor.day, anchor.month)]
        if len(on_anchor) == 1:
            return (*on_anchor[0], "high")
    chosen = month_first if setting.month_first else day_first
    return (*chosen, setting.order_cert)


def _year_of(text: str, setting: Setting, doubt: list[str]) -> int | None:
    """A written year: four digits as they stand, two expanded around the document's year
    (None when that cannot be done), digits in doubled brackets read with low certainty."""
    digits = UNCERTAIN.sub("", text)
    if digits != text:
        doubt.append("low")
    if len(digits) == 4:
        return int(digits)
    expanded = _expand(int(digits), setting.period, setting.own_time) if len(digits) == 2 else None
    if expanded is None:
        return None
    doubt.append(expanded[1])
    return expanded[0]


def _read_point(
    groups: dict[str, str | None], prefix: str, setting: Setting
) -> tuple[Point, tuple[str, ...]] | None:
    """The calendar point of one side of a match; None when its year cannot be read."""

    def first(*names: str) -> str | None:
        for name in names:
            value = groups.get(prefix + name)
            if value is not None:
                return value
        return None

    doubt: list[str] = []
    written = first(
        "iy", "hy", "hs", "ny", "oy", "sy", "jy", "uy", "ay", "ap", "by", "cy", "cp", "ky", "yy"
    )
    year = None if written is None else _year_of(written, setting, doubt)
    if written is not None and year is None:
        return None
    numeric_month = first("im", "hm", "hn", "nm", "oa", "ka")
    named_month = first("nr", "kr", "jm", "um", "am", "bm", "cm", "mm")
    day_text = first("id", "hd", "he", "nd", "kd", "kb", "ob", "jd", "ud", "ad", "bd", "dd")
    if day_text is not None and UNCERTAIN.search(day_text):
        doubt.append("low")
        day_text = UNCERTAIN.sub("", day_text)
    if numeric_month is not None:
        month: int | None = int(numeric_month)
    else:
        month = None if named_month is None else _month(named_month)
    day = None if day_text is None else int(day_text)
    slash = first("sa")
    pair = first("km")  # "10.11.": a day and a month, or a month and a day
    if slash is not None or pair is not None:
        numbers = (slash, first("sb")) if slash is not None else (day_text, pair)
        day, month, cert = _order(int(numbers[0] or 0), int(numbers[1] or 0), year, setting)
        if month == 0:
            return None
        if cert:
            doubt.append(cert)
    return Point(year, month, day), tuple(doubt)


def _precision(point: Point) -> tuple[bool, bool]:
    return (point.month is not None, point.day is not None)


def _crosses_new_year(first: Point, second: Point) -> bool:
    """Whether a range runs into the next year: "20 December - 10 January" does, "20-10 June"
    is no range at all."""
    return (first.month or 0) > (second.month or 13)


def _year_after(first: Point, second: Point) -> Point:
    """``second`` in ``first``'s year, or the next one across New Year."""
    assert first.year is not None
    return second._replace(year=first.year + _crosses_new_year(first, second))


def _fill_range(left: Point, right: Point) -> tuple[Point, Point] | None:
    """Give each half what the other states; None when the two cannot make one range."""
    if left.month is None and left.day is not None:
        left = left._replace(month=right.month)
    if _precision(left) != _precision(right):
        return None
    if left.year is None and right.year is not None:
        left = left._replace(year=right.year - _crosses_new_year(left, right))
    elif right.year is None and left.year is not None:
        right = _year_after(left, right)
    return left, right


def _relative(groups: dict[str, str | None]) -> int | None:
    if groups.get("cur") is not None:
        return 0  # "c.y.", the current year
    words = groups.get("rel")
    return None if words is None else RELATIVE_YEARS[words.split()[-1].lower()]


def _year_range(groups: dict[str, str | None]) -> Reading | None:
    first = int(groups["ya"] or 0)
    second = groups["yb"] or ""
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first:
        return None
    return Reading(("from", "to"), (Point(first), Point(last)))


def _part(groups: dict[str, str | None]) -> Reading | None:
    """A quarter or half of a year, the first quarters of a year, a half of a month."""
    relative = _relative(groups)
    year_text = groups["py"] or groups["py2"]
    year = None if year_text is None else int(year_text)
    index = _QUARTER_OR_HALF.get((groups["n"] or "").lower())
    unit = (groups["unit"] or "").lower()
    if groups["pm"] is not None:
        month = _month(groups["pm"])
        if unit != "half":
            return None
        index = 2 if index is None else index
        if index > 2:
            return None
        if index == 1:
            return Reading(
                ("from", "to"), (Point(year, month, 1), Point(year, month, 15)), relative
            )
        last = calendar.monthrange(year or 2000, month)[1]
        bounds = (Point(year, month, 16), Point(year, month, last))
        return Reading(("from", "to"), bounds, relative, month_end=True)
    length = 6 if unit == "half" else 3
    index = (12 // length) if index is None else index
    count = _COUNTS.get((groups["k"] or "").lower(), 1)
    if (count > 1) != unit.endswith("s") or (index != 1 and count > 1):
        return None
    last_month = (index + count - 1) * length
    if last_month > 12:
        return None
    first_month = last_month - count * length + 1
    last_day = calendar.monthrange(year or 2001, last_month)[1]
    return Reading(
        ("from", "to"),
        (Point(year, first_month, 1), Point(year, last_month, last_day)),
        relative,
    )


def _weekday(groups: dict[str, str | None], anchor: dt.date | None) -> Reading | None:
    """A weekday and a day of the month ("Thursday 16"): the nearest such day on or before the
    anchor, in the anchor's month (``cert="high"``) or the month before (``"medium"``); None
    when the weekday is that day's in neither."""
    if anchor is None:
        return None
    weekday = _WEEKDAYS[(groups["wk"] or "")[:3].lower()]
    day = int(groups["wkd"] or 0)
    this_month = anchor.replace(day=1)
    last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
    for month, cert in ((this_month, "high"), (last_month, "medium")):
        if day > calendar.monthrange(month.year, month.month)[1]:
            continue
        candidate = month.replace(day=day)
        if candidate <= anchor and candidate.weekday() == weekday:
            point = Point(candidate.year, candidate.month, candidate.day)
            return Reading(("when",), (point,), doubt=(cert,))
    return None


def _day_alone(
    groups: dict[str, str | None], anchor: dt.date | None, before: str
) -> Reading | None:
    """A day of the month alone ("on the 14th"): that day of the anchor's month,
    ``cert="medium"``, when it is not after the anchor, or, where the sentence speaks of what
    is to come ("will leave on the 16th"), not before it; None without an anchor, and for
    a day that may be another month's (a later day of what happened, an earlier day of what
    is to come). "Of this month" says which month it is, and so do "of next month" and "of
    last month" (``cert="high"``)."""
    day = int(groups["dd"] or 0)
    if anchor is None:
        return None
    month = anchor.replace(day=1)
    said = (groups["tm"] or "").lower()
    if _NEXT_MONTH.search(said):
        month = (month + dt.timedelta(days=31)).replace(day=1)
    elif _LAST_MONTH.search(said):
        month = (month - dt.timedelta(days=1)).replace(day=1)
    if day > calendar.monthrange(month.year, month.month)[1]:
        return None
    point = Point(month.year, month.month, day)
    if said:
        return Reading(("when",), (point,), doubt=("high",))
    if (day < anchor.day) if _TO_COME.search(before) else (day > anchor.day):
        return None
    return Reading(("when",), (point,), doubt=("medium",))


# "Of the following month" and "of the previous month" follow the narrative, not the
# document's date: they are left alone.
_NEXT_MONTH = pattern_cache.compile(r"\bnext\b")
_LAST_MONTH = pattern_cache.compile(r"\b(?:last|past)\b")

# Words of a sentence about what is to come, before a day alone.
_TO_COME = pattern_cache.compile(
    r"\b(?:will|shall|would|is\s+to|are\s+to|plans?|intends?|expects?|next|tomorrow)\b"
    r"[^.;!?]*$",
    re.IGNORECASE,
)


def _bound_attribute(words: str) -> str:
    """*Not earlier than* is a lower bound; *by*, *until* and *no later than* an upper one."""
    return "notBefore" if "earlier" in words.lower() else "notAfter"


def _one(m: re.Match[str], reading: Reading | None) -> list[Piece] | None:
    return None if reading is None else [Piece(*m.span(), reading)]


def _days(m: re.Match[str]) -> list[Piece] | None:
    """Days joined by *and* ("2 and 3 September"): consecutive days are one period, other
    days one date each, the last with its month (and year), the others reading theirs from
    it."""
    groups = m.groupdict()
    year = None if groups["ey"] is None else int(groups["ey"])
    month = _month(groups["em"] or "")
    relative = _relative(groups)
    offset = m.start("ld")
    spans = [
        (offset + d.start(), offset + d.end(), int(d.group(1)))
        for d in LISTED_DAY.finditer(groups["ld"] or "")
    ]
    spans.append((m.start("ed"), m.end(), int(groups["ed"] or 0)))
    days = [day for _, _, day in spans]
    if any(b <= a for a, b in itertools.pairwise(days)):
        return None
    points = [Point(year, month, day) for day in days]
    if all(b == a + 1 for a, b in itertools.pairwise(days)):
        return [Piece(*m.span(), Reading(("from", "to"), (points[0], points[-1]), relative))]
    return [
        Piece(start, end, Reading(("when",), (point,), relative))
        for (start, end, _), point in zip(spans, points, strict=True)
    ]


def _months(m: re.Match[str]) -> list[Piece]:
    """Two months joined by *and* ("April and May 1962"): consecutive months are one
    period, other months one date each, the first reading its year from the second."""
    year = int(m.group("qy") or 0)
    first, second = _month(m.group("pm") or ""), _month(m.group("qm") or "")
    if second == first + 1:
        return [
            Piece(*m.span(), Reading(("from", "to"), (Point(year, first), Point(year, second))))
        ]
    return [
        Piece(*m.span("pm"), Reading(("when",), (Point(year, first),))),
        Piece(m.start("qm"), m.end(), Reading(("when",), (Point(year, second),))),
    ]


def _read(kind: str, m: re.Match[str], setting: Setting) -> list[Piece] | None:
    """The dates one rule's match states, or None when the words do not make a date."""
    groups = m.groupdict()
    relative = _relative(groups)
    if kind in ("between", "from", "dash"):
        left, right = _read_point(groups, "l_", setting), _read_point(groups, "r_", setting)
        if left is None or right is None:
            return None
        halves = _fill_range(left[0], right[0])
        doubt = left[1] + right[1]
        return _one(m, None if halves is None else Reading(("from", "to"), halves, relative, doubt))
    if kind.startswith("within"):
        written = groups["wy"] or groups["wx"]
        year = None if written is None else int(written)
        month = _month(groups["wm"] or "")
        days = (int(groups["wa"] or 0), int(groups["wb"] or 0))
        points = (Point(year, month, days[0]), Point(year, month, days[1]))
        return _one(m, Reading(("from", "to"), points, relative))
    if kind == "nights":
        year = None if groups["xy"] is None else int(groups["xy"])
        month = _month(groups["xm"] or "")
        days = (int(groups["xa"] or 0), int(groups["xb"] or 0))
        points = (Point(year, month, days[0]), Point(year, month, days[1]))
        return _one(m, Reading(("from", "to"), points, relative))
    if kind == "days":
        return _days(m)
    if kind == "years":
        return _one(m, _year_range(groups))
    if kind == "pair":
        return _months(m)
    if kind == "bound":
        point = _read_point(groups, "p_", setting)
        names = (_bound_attribute(groups["q"] or ""),)
        return _one(m, None if point is None else Reading(names, (point[0],), relative, point[1]))
    if kind == "part":
        return _one(m, _part(groups))
    if kind == "weekday":
        return _one(m, _weekday(groups, setting.anchor))
    if kind == "day":
        before = m.string[max(0, m.start() - CONTEXT) : m.start()]
        return _one(m, _day_alone(groups, setting.anchor, before))
    if kind == "decade":
        decade = int(groups["dy"] or 0)
        return _one(m, Reading(("from", "to"), (Point(decade), Point(decade + 9))))
    if kind == "fuzzy":
        year_text = groups["fy"] or groups["fy2"]
        fuzzy_month = None if groups["fm"] is None else _month(groups["fm"])
        fuzzy = Point(None if year_text is None else int(year_text), fuzzy_month)
        return _one(m, Reading(("when",), (fuzzy,)))
    if kind in ("after", "supplied", "also", "modifier", "closing"):
        return [Piece(*m.span("ty"), Reading(("when",), (Point(int(groups["ty"] or 0)),)))]
    point = _read_point(groups, "p_" if kind == "point" else "", setting)
    return _one(m, None if point is None else Reading(("when",), (point[0],), relative, point[1]))


def _six_months_after(anchor: dt.date) -> dt.date:
    month = anchor.month + 6
    year = anchor.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def _settle(
    reading: Reading,
    anchor: dt.date | None,
    *,
    future: bool = False,
    years_back: int = 0,
    side: int = 0,
) -> Attrs | None:
    """Infer a missing year from the anchor, check the calendar, order the attributes.

    The year said relative to the document's ("this year") is the anchor's year moved by it;
    a month said to be the last or the next (``side`` -1 or 1: "last July") is its nearest
    occurrence before or after the anchor's month; a year not said at all is the anchor's, or
    the year before when that would put the date over six months after the anchor, unless the
    sentence speaks of what is to come. An anniversary moves the inferred year back by its
    count ("the 10th anniversary of 25 August" in 1965 is 15 August 1945).
    """
    points = reading.points
    doubt = list(reading.doubt)
    if any(p.year is None for p in points):
        if anchor is None or points[0].month is None:
            return None
        year, cert = anchor.year, "high"
        if reading.relative is not None:
            year += reading.relative
        elif side:
            month = points[0].month
            if side < 0 and month >= anchor.month:
                year -= 1
            elif side > 0 and month <= anchor.month:
                year += 1
        else:
            limit = _six_months_after(anchor)
            if (year, *points[0].first_day()[1:]) > (limit.year, limit.month, limit.day):
                year, cert = (year, "medium") if future else (year - 1, "medium")
        if years_back:
            year, cert = year - years_back, "medium"
        first = points[0]._replace(year=points[0].year or year)
        points = (first, *(p if p.year else _year_after(first, p) for p in points[1:]))
        doubt.append(cert)
    if reading.month_end:
        last = points[-1]
        assert last.year is not None
        assert last.month is not None
        points = (*points[:-1], last._replace(day=calendar.monthrange(last.year, last.month)[1]))
    if not all(p.exists() for p in points):
        return None
    if len(points) == 2 and points[0].first_day() >= points[1].first_day():
        return None
    values = dict(zip(reading.names, (p.iso() for p in points), strict=True))
    if doubt:
        values |= {"evidence": "internal", "cert": _weakest(doubt), "resp": pointer(RESP_ENCODER)}
    return tuple((name, values[name]) for name in ATTRIBUTE_ORDER if name in values)


class Memory:
    """The years of meetings named by their month ("the September 1966 Plenum"), so a later
    "the September Plenum" is that meeting, not a month of the document's year."""

    def __init__(self) -> None:
        self._years: dict[tuple[int, str], int] = {}

    def recall(self, month: int, noun: str) -> int | None:
        return self._years.get((month, noun.lower()))

    def remember(self, month: int, noun: str, year: int) -> None:
        self._years[(month, noun.lower())] = year


def _month_only(reading: Reading) -> bool:
    return len(reading.points) == 1 and reading.points[0].day is None


def _sentence(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 4 * CONTEXT) : start]
    ends = list(SENTENCE_END.finditer(before))
    head = before[ends[-1].end() :] if ends else before
    after = SENTENCE_END.search(text, end, end + 4 * CONTEXT)
    return head + text[start : after.start() if after else end + 4 * CONTEXT]


def _in_context(kind: str, piece: Piece, text: str, memory: Memory) -> tuple[Reading, int] | None:
    """The reading once the words around it are heard, and the anniversary's count: None
    when the words make the date part of an event's name ("the October Revolution")."""
    reading = piece.reading
    if kind not in ("point", "bound"):
        return reading, 0
    before = text[max(0, piece.start - CONTEXT) : piece.start]
    after = text[piece.end : piece.end + CONTEXT]
    point = reading.points[0]
    years_back = 0
    if point.year is None:
        anniversary = ANNIVERSARY_BEFORE.search(before)
        if anniversary is not None:
            count = anniversary.group("n")
            years_back = int(count) if count else ANNIVERSARY_WORDS[anniversary.group("w").lower()]
        # An event named by its month is never dated by it; one named by its day only when
        # an anniversary says how long ago it was.
        named_event = EVENT_AFTER.match(after) or EVENT_BEFORE.search(before)
        if named_event and (point.day is None or anniversary is None):
            return None
    if _month_only(reading) and point.month is not None and kind == "point":
        meeting = MEETING_AFTER.match(after)
        if meeting is not None and point.year is not None:
            memory.remember(point.month, meeting.group("noun"), point.year)
        elif meeting is not None and reading.relative is None:
            year = memory.recall(point.month, meeting.group("noun"))
            if year is not None:
                return reading._replace(points=(point._replace(year=year),), doubt=("high",)), 0
    return reading, years_back


_YEARS_ONLY = pattern_cache.compile(r"\d{4}\s?[-–—]\s?\d{2,4}")


def _side_of_anchor(text: str, start: int) -> int:
    """-1 after "last" ("last July"), 1 after "next", else 0."""
    before = text[max(0, start - 16) : start]
    if MONTH_BEFORE_ANCHOR.search(before):
        return -1
    return 1 if MONTH_AFTER_ANCHOR.search(before) else 0


def _numeric(m: re.Match[str]) -> bool:
    """Whether the match holds a date written in digits alone ("24.III.50", "10/14/50",
    "1643-1644"): after "No." it is a reference."""
    if _YEARS_ONLY.fullmatch(m.group()):
        return True
    if "/" not in m.group() and "." not in m.group():
        return False
    groups = m.groupdict()
    return any(groups.get(side + g) is not None for side in _SIDES for g in _NUMERIC_GROUPS)


def _interpret(
    m: re.Match[str], kind: str, text: str, setting: Setting, memory: Memory
) -> list[Found] | None:
    pieces = _read(kind, m, setting)
    if not pieces:
        return None
    if _numeric(m) and REFERENCE_BEFORE.search(text[max(0, m.start() - CONTEXT) : m.start()]):
        return None
    found = []
    for piece in pieces:
        heard = _in_context(kind, piece, text, memory)
        if heard is None:
            return None
        reading, years_back = heard
        future = reading.relative is None and any(p.year is None for p in reading.points)
        future = future and FUTURE.search(_sentence(text, piece.start, piece.end)) is not None
        attrs = _settle(
            reading,
            setting.anchor,
            future=future,
            years_back=years_back,
            side=_side_of_anchor(text, piece.start),
        )
        if attrs is None:
            return None
        # Only a day whose year the text states (in two digits at least) may anchor the years
        # of later dates, never one whose year came from the anchor itself.
        first_value = attrs[0][1]
        stated = all(p.year is not None for p in reading.points) and years_back == 0
        stated = stated and len(first_value) == 10 and dict(attrs).get("cert") != "low"
        stated = stated and kind not in ("weekday", "day")  # month and year from the anchor
        full_day = dt.date.fromisoformat(first_value) if stated else None
        found.append(Found(piece.start, piece.end, attrs, full_day))
    return found


def _at(
    text: str, start: int, setting: Setting, memory: Memory
) -> tuple[list[Found] | None, int | None]:
    """The dates starting at ``start``, else where the shortest span any rule claimed ends."""
    located = locator().match(text, start)
    if located is None:
        return None, None
    claimed = None
    for kind, rule in rules_from(located.lastgroup or ""):
        m = rule.match(text, start)
        if m is None:
            continue
        found = _interpret(m, kind, text, setting, memory)
        if found:
            return found, None
        claimed = m.end() if claimed is None else min(claimed, m.end())
    return None, claimed


def _relative_spots(text: str) -> list[tuple[int, int]]:
    """Where a year is said relative to the document's ("this year", "last year"): a date
    may hold no digit and no month name there ("the first quarter of this year")."""
    if "year" not in text and "Year" not in text and "YEAR" not in text:
        return []
    spots = []
    for word in YEAR_WORD.finditer(text):
        before = RELATIVE_BEFORE.search(text, max(0, word.start() - 20), word.start())
        if before is not None:
            spots.append((before.start(), word.end()))
    return spots


def _scan(text: str, setting: Setting, memory: Memory, *, follow: bool) -> Iterator[Found]:
    """Every date in ``text`` left to right; with ``follow`` each full date becomes the anchor."""
    relative = _relative_spots(text)
    next_relative = 0
    pos = 0
    hotspot = HOTSPOT.search(text)
    while True:
        # The next hotspot is searched for again only once the scan has passed it, so that
        # the year words between two far hotspots do not rescan the text between them.
        if hotspot is not None and hotspot.start() < pos:
            hotspot = HOTSPOT.search(text, pos)
        while next_relative < len(relative) and relative[next_relative][0] < pos:
            next_relative += 1
        spot = relative[next_relative] if next_relative < len(relative) else None
        if spot is not None and (hotspot is None or spot[0] < hotspot.start()):
            start, end = spot
        elif hotspot is not None:
            start, end = hotspot.span()
        else:
            return
        lead_in = max(pos, start - LOOKBACK)
        resume = end
        for word in WORD_START.finditer(text, lead_in, start + 1):
            if word.start() < start - 2 and LEAD.match(text, word.start()) is None:
                continue
            found, claimed = _at(text, word.start(), setting, memory)
            if found:
                yield from found
                last_day = next((f.full_day for f in reversed(found) if f.full_day), None)
                if follow and last_day is not None:
                    setting = dataclasses.replace(setting, anchor=last_day)
                resume = found[-1].end
                break
            if claimed is not None:
                # Words that look like a date but are none ("31 June 1956") are skipped whole,
                # so that "June 1956" is not left behind as a date.
                resume = max(claimed, word.start() + 1)
                break
        pos = resume


def _scan_across_brackets(text: str, setting: Setting, memory: Memory, follow: bool) -> list[Found]:
    """The dates of ``text``, and those the translator completed inside square brackets,
    read as if the brackets were not there ("the 22nd [of February]", "May [1956]"): each of
    these spans the original text, a bracket it opens or closes taken in whole, and replaces
    the dates it overlaps. Doubled brackets stay: they mark a digit read with doubt ("[[2]]
    May"), which the rules read themselves. An editor's "[sic]" is read as if it were not
    there at all ("from 8 [sic] through 14 October"), and so are the quotation marks around a
    day that Russian forms print (“20” February 1958); a year printed against its month is
    read with the space it lost ("14 March1965")."""
    plain = list(_scan(text, setting, memory, follow=follow))
    closing = "”" in text or '"' in text or "»" in text
    quoted = [m.span() for m in _QUOTED_DAY.finditer(text)] if closing else []
    glued = {m.end() for m in _GLUED_YEAR.finditer(text)}
    if "[" not in text and not quoted and not glued:
        return plain
    sic = [m.span() for m in _SIC.finditer(text)] if "[" in text else []
    if not sic and not quoted and not glued and _COMPLETION.search(text) is None:
        return plain
    dropped = {i for start, end in sic for i in range(start, end)}
    dropped |= {i for start, end in quoted for i in (start, end - 1)}
    # Each kept character with the index it stands at in ``text``; a lost space takes the
    # index of the year it stands before.
    kept: list[int] = []
    chars: list[str] = []
    for i, char in enumerate(text):
        if i in glued:
            kept.append(i)
            chars.append(" ")
        if i not in dropped and (char not in "[]" or _doubled(text, i)):
            kept.append(i)
            chars.append(char)
    blind = "".join(chars)
    changed = dropped | glued
    across = [
        restored
        for found in _scan(blind, setting, memory, follow=follow)
        if _leaves_out(text, (restored := _restored(found, text, kept, dropped)), changed)
    ]
    if not across:
        return plain
    others = [f for f in plain if not any(f.start < a.end and a.start < f.end for a in across)]
    return sorted([*others, *across], key=lambda f: f.start)


# A day between quotation marks, before its month: “20” February 1958.
_QUOTED_DAY = pattern_cache.compile(r"[“\"«]\d{1,2}[”\"»](?= [A-Z])")
# A month's name printed against its year: "14 March1965".
_GLUED_YEAR = pattern_cache.compile(rf"\b(?:{'|'.join(MONTH_NAMES)})(?=\d{{4}}(?!\d))")


def _leaves_out(text: str, found: Found, dropped: set[int]) -> bool:
    """Whether a date read in the blind text spans what was left out of it: a single bracket,
    an editor's note or a day's quotation marks."""
    return _single_bracket_in(text, found) or any(
        i in dropped for i in range(found.start, found.end)
    )


# What a translator adds to complete a date: a day, a year or its century, a month.
_COMPLETION = pattern_cache.compile(r"\[(?:of )?(?:\d{1,4}|[A-Z][a-z]{2,8})\]")
# An editor's mark that the source reads so, with the space before it.
_SIC = pattern_cache.compile(r" ?\[(?i:sic)!?\]")


def _restored(found: Found, text: str, kept: list[int], dropped: set[int]) -> Found:
    """A date found in the bracket-blind text, spanning ``text``; a bracket left open or
    closed at its edge, or a day's opening quotation mark, is taken in."""
    start, end = kept[found.start], kept[found.end - 1] + 1
    if start - 1 in dropped:
        start -= 1
    span = text[start:end]
    if span.count("[") > span.count("]") and text[end : end + 1] == "]":
        end += 1
    if span.count("]") > span.count("[") and text[start - 1 : start] == "[":
        start -= 1
    return found._replace(start=start, end=end)


def _single_bracket_in(text: str, found: Found) -> bool:
    return any(text[i] in "[]" and not _doubled(text, i) for i in range(found.start, found.end))


def _approximate(found: list[Found], text: str) -> list[Found]:
    """Each date the text calls approximate ("circa late 1986", "approximately in May 1957")
    with the qualifier inside it and ``cert="medium"`` (or the weaker certainty it has)."""
    out = []
    for date in found:
        qualifier = _CIRCA.search(text, max(0, date.start - 24), date.start)
        if qualifier is None:
            out.append(date)
            continue
        values = dict(date.attrs)
        values["cert"] = _weakest([values.get("cert", "high"), "medium"])
        values.setdefault("resp", pointer(RESP_ENCODER))
        ordered = tuple((name, values[name]) for name in ATTRIBUTE_ORDER if name in values)
        out.append(date._replace(start=qualifier.start(), attrs=ordered))
    return out


# A word that makes the date after it approximate; "in" may stand between them.
_CIRCA = pattern_cache.compile(
    r"(?<![\w.])(?:[Cc]irca|[Cc]a\.|[Aa]pproximately|[Aa]pprox\.|[Rr]oughly)(?: in)? $"
)


def _doubled(text: str, index: int) -> bool:
    """Whether the bracket at ``index`` is one of a pair printed together ("[[", "]]")."""
    return text[index - 1 : index] == text[index] or text[index + 1 : index + 2] == text[index]


def numeric_order(text: str) -> tuple[bool, str]:
    """Whether the slash dates of ``text``, and its days and months without a year, put the
    month first, and how sure that is.

    The document's own such dates decide when those that have only one reading agree
    (``10/14/50`` and ``01.22`` can only be month first, ``23.10.`` day first); else a
    document of United States origin puts the month first; else the day comes first, as in
    the rest of the archive's sources.
    """
    day_first = month_first = 0
    for m in matches_near(SLASH_DATE, text, "/", 2):
        if _follows(text, m.start(), "./"):
            continue  # part of a longer number or path ("123/05/90", "1/12/05/90")
        first, second = int(m.group(1)), int(m.group(2))
        day_first += first > 12 >= second
        month_first += second > 12 >= first
    for m in matches_near(POINT_PAIR, text, ".", 2):
        if _follows(text, m.start(), "."):
            continue  # part of a longer number or word ("123.45", "No.12.05")
        first, second = int(m.group(1)), int(m.group(2))
        day_first += 31 >= first > 12 >= second >= 1
        month_first += 31 >= second > 12 >= first >= 1 and m.group(1).startswith("0")
    if bool(day_first) != bool(month_first):
        return bool(month_first), "high"
    return _us_origin(text), "medium"


def matches_near(
    pattern: re.Pattern[str], text: str, anchor: str, reach: int
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, for a pattern each of whose matches holds
    ``anchor`` at most ``reach`` characters after its start.

    Only the starts before an ``anchor`` are tried: the engine tests a class of characters
    ("a digit") at every position of a text, many times slower than :meth:`str.find` looks for
    one character, and a document holds few slashes and points."""
    end = 0
    index = text.find(anchor)
    while index != -1:
        for start in range(max(end, index - reach), index + 1):
            found = pattern.match(text, start)
            if found is not None:
                yield found
                end = found.end()
                break
        index = text.find(anchor, max(index + 1, end))


def _follows(text: str, start: int, marks: str) -> bool:
    """Whether a word character or one of ``marks`` stands just before ``start``.

    A slash or point date this rejects is all digits and marks: no other start inside it
    would be accepted, so a scan may go on after it."""
    before = text[start - 1 : start]
    return bool(before) and (before.isalnum() or before == "_" or before in marks)


def _us_origin(text: str) -> bool:
    """Whether ``text`` names a mark of United States origin as a word of its own."""
    found = US_ORIGIN.search(text)
    while found is not None and _follows(text, found.start(), ""):
        found = US_ORIGIN.search(text, found.start() + 1)
    return found is not None


def _setting(text: str, anchor: dt.date | None, month_first: bool | None) -> Setting:
    if month_first is None:
        month_first, cert = numeric_order(text)
    else:
        cert = "high"
    return Setting(anchor, anchor.year if anchor else None, month_first, cert)


def _whole(text: str, setting: Setting) -> Attrs | None:
    """The attributes of ``text`` read as one date. The rules before the one the locator names
    do not match at the start at all, so they cannot match the whole."""
    text = text.strip()
    located = locator().match(text)
    first = (located.lastgroup or "") if located else None
    for kind, rule in (*rules_from(first), ("year", bare_year())):
        m = rule.fullmatch(text)
        if m is None:
            continue
        found = _interpret(m, kind, text, setting, Memory())
        if found and len(found) == 1:
            return found[0].attrs
    return None


def normalise(
    expression: str, *, anchor: dt.date | None = None, month_first: bool | None = None
) -> Attrs | None:
    """The attributes of a whole date expression (a header or title date), or None.

    Two-digit years are read around the anchor's year; without an anchor they are not read.
    ``month_first`` is the order of slash dates that read both ways (default: the order the
    expression itself shows, else day first).
    """
    return _whole(expression, _setting(expression, anchor, month_first))


def find_dates(
    text: str, *, anchor: dt.date | None = None, month_first: bool | None = None
) -> list[Mark]:
    """Every date expression in ``text`` as a ``date`` mark, non-overlapping, left to right."""
    setting = _setting(text, anchor, month_first)
    found = _scan(text, setting, Memory(), follow=False)
    return [Mark(f.start, f.end, "date", f.attrs) for f in found]


def anchor_of(date_attrs: Attrs) -> dt.date | None:
    """The day a date's attributes point to, for inferring years of the dates that follow.

    A month or year counts as its last day, so that in a document dated "1957" a later
    "August" stays in 1957 instead of tripping the six-month rule.
    """
    values = dict(date_attrs)
    value = next((values[n] for n in VALUE_NAMES if n in values), None)
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)


def _fits(marks: MarkIndex, start: int, end: int) -> bool:
    inside_opaque = next(marks.containing(start, end, _OPAQUE_TAGS), None) is not None
    return not inside_opaque and marks.nests(start, end)


def _title_date(block: Block, setting: Setting) -> Attrs:
    whole = _whole(block.text, setting)
    if whole is not None:
        return whole
    found = list(_scan(block.text, setting, Memory(), follow=False))
    return found[0].attrs if len(found) == 1 else ()


# Words before a title's date that make it the date of what the document records: "for the
# period from 1 to 31 May 1959", "Minutes of the Plenum Held on 2 March 1958".
_TITLE_DATE_CUE = pattern_cache.compile(
    r"(?i:\b(?:period|for|held\s{1,3}on|on))\s{1,3}\Z|,\s{1,3}\Z"
)


def _title_period(block: Block, setting: Setting) -> Attrs:
    """The date a title gives the document, when it gives one to the day."""
    found = list(_scan(block.text, setting, Memory(), follow=False))
    if len(found) != 1:
        return ()
    date = found[0]
    days = [value for name, value in date.attrs if name in VALUE_NAMES]
    if any(len(value) != 10 for value in days) or dict(date.attrs).get("resp"):
        return ()
    cue = _TITLE_DATE_CUE.search(block.text, 0, date.start)
    return date.attrs if cue is not None else ()


# The lines that date the document itself.
_DATE_LINES = frozenset({Role.DOC_DATE, Role.DATELINE})
# Four digits that read as an hour and its minutes after a word that sets a limit ("until
# 1800"); a bare year ("in 1900") stays a year.
_HOUR_AND_MINUTES = pattern_cache.compile(
    r"(?:until|till|by|no\s+later\s+than|not\s+later\s+than)\s+(?:[01]\d|2[0-3])[0-5]\d",
    re.IGNORECASE,
)
# A year this far from the document's is read as an hour where it can be one.
_YEARS_FROM_AN_HOUR = 60


def _hour(span: str, year: int) -> bool:
    """Whether a year after a limit is an hour written without a colon ("free only until
    1800" in a document of 1961): it reads as one, and as a year it stands far from the
    document's."""
    if _HOUR_AND_MINUTES.fullmatch(span) is None:
        return False
    return abs(int(span[-4:]) - year) >= _YEARS_FROM_AN_HOUR


# Two numbers joined by a point, which may be an hour ("09.11") as well as a day and month,
# and a cipher telegram's line of the clerk who did the work at that hour.
_HOUR_OR_DAY = pattern_cache.compile(r"\d{1,2}\.\d{2}")
_CLERKS_LINE = pattern_cache.compile(
    r"(?:created|drafted|checked|encoded|coded|decoded|deciphered|typed)\s+by\s", re.IGNORECASE
)


def _document_date(doc: Document, setting: Setting) -> tuple[Attrs, Block | None]:
    """The title date, else the date a title gives the document, else the dateline's, else the
    archive's own date for the document; and the title date's block, whose values are then
    known. A title line's day the archive dates the document by wins over the title date
    (a covering letter's, above the record's heading)."""
    archived = _archive_date(doc, setting)
    if archived:
        for block in doc.blocks:
            if block.role in (Role.TITLE, Role.SUBTITLE) and any(
                found.attrs == archived
                for found in _scan(block.text, setting, Memory(), follow=False)
            ):
                return archived, None
    own = dataclasses.replace(setting, own_time=True)
    for block in doc.blocks:
        if block.role is Role.DOC_DATE and (value := _title_date(block, own)):
            return value, block
    for block in doc.blocks:
        if block.role in (Role.TITLE, Role.SUBTITLE) and (value := _title_period(block, setting)):
            return value, None
    for block in doc.blocks:
        if block.role is Role.DATELINE:
            found = list(_scan(block.text, own, Memory(), follow=False))
            if found:
                return found[0].attrs, None
    # The archive's own date for the document (its cover or page line) dates what the text
    # leaves without a year.
    return _archive_date(doc, setting), None


def _archive_date(doc: Document, setting: Setting) -> Attrs:
    """The archive's own date for the document: its cover's or page's date line."""
    for block in doc.blocks:
        if block.role is Role.COVER and block.attr("type") == "date":
            found = list(_scan(block.text, setting, Memory(), follow=False))
            if found:
                return found[0].attrs
    return ()


def _first_full_year(doc: Document) -> int | None:
    """The year two-digit years are read around when the document has no date: its first
    year written in full, wherever it stands."""
    for block in doc.blocks:
        for found in _scan(block.text, Setting(), Memory(), follow=False):
            return int(found.attrs[0][1][:4])
    return None


def _document_setting(doc: Document) -> tuple[Setting, Attrs, Block | None]:
    """How the dates of ``doc`` are read, and its date: the order of its slash dates and of
    its days and months without a year, and the period of its two-digit years (the document
    date's year, else the first year it writes in full)."""
    numeric = "\n".join(b.text for b in doc.blocks if "/" in b.text or "." in b.text)
    month_first, cert = numeric_order(numeric)
    base = Setting(month_first=month_first, order_cert=cert)
    doc_date, dated = _document_date(doc, base)
    if not doc_date:
        # A date line with a two-digit year ("14.X.50") is read in the period of the
        # first year the document writes in full.
        base = dataclasses.replace(base, period=_first_full_year(doc))
        doc_date, dated = _document_date(doc, base) if base.period else ((), None)
    anchor = anchor_of(doc_date) if doc_date else None
    if anchor is None:
        return base, doc_date, dated
    return dataclasses.replace(base, anchor=anchor, period=anchor.year), doc_date, dated


def enrich_dates(doc: Document) -> Document:
    """Mark every date in the document and record the document date.

    The title date carries its values on ``docDate`` itself, so it gets attributes instead of
    an inner mark. Years are inferred from the document date, else from the nearest full date
    read so far.
    """
    fixed, doc_date, dated = _document_setting(doc)
    rolling: dt.date | None = None
    memory = Memory()
    blocks: list[Block] = []
    for block in doc.blocks:
        if block.role is Role.PAGE_BREAK:
            blocks.append(block)
            continue
        setting = fixed
        if fixed.anchor is None and rolling is not None:
            setting = Setting(rolling, fixed.period, fixed.month_first, fixed.order_cert)
        if block.role in _DATE_LINES:
            setting = dataclasses.replace(setting, own_time=True)
        if block.role is Role.DOC_DATE:
            values = doc_date if block is dated else _title_date(block, setting)
            # docDate takes @cert and @resp but has no @evidence (it is not att.editLike).
            merged = dict(block.attrs) | {k: v for k, v in values if k != "evidence"}
            blocks.append(dataclasses.replace(block, attrs=tuple(merged.items())))
            continue
        found = _approximate(
            _scan_across_brackets(block.text, setting, memory, fixed.anchor is None), block.text
        )
        if found and setting.period is not None:
            found = [f for f in found if not _hour(block.text[f.start : f.end], setting.period)]
        if found and _CLERKS_LINE.match(block.text):
            # A clerk's line gives the hour of the work ("Drafted by Ve-Ko 09.11"): two
            # numbers joined by a point there are no day and month.
            found = [f for f in found if not _HOUR_OR_DAY.fullmatch(block.text, f.start, f.end)]
        taken = MarkIndex(block.marks)
        marks = [
            Mark(f.start, f.end, "date", f.attrs) for f in found if _fits(taken, f.start, f.end)
        ]
        rolling = next((f.full_day for f in reversed(found) if f.full_day), rolling)
        blocks.append(block.with_marks(marks) if marks else block)
    return dataclasses.replace(doc, blocks=tuple(blocks), doc_date=doc_date)
