"""Dates: recognise date expressions and give them ISO 8601 values (encoding guide §10).

The grammar lives in :mod:`tei_plenum.enrich.dates_grammar`; this module reads a match into
calendar parts, fills what a range states only once ("30-31 August 1956"), infers a missing
year from an anchor date, checks the calendar, and writes the TEI attributes in a fixed order.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from typing import NamedTuple

from tei_plenum.enrich.dates_grammar import (
    BARE_YEAR,
    HOTSPOT,
    LOCATOR,
    LOOKBACK,
    MONTH_NAMES,
    ROMAN_MONTHS,
    RULES,
    WORD_START,
)
from tei_plenum.model import Attrs, Block, Document, Mark, Role, nests
from tei_plenum.vocabulary import RESP_ENCODER, pointer

VALUE_NAMES = ("when", "from", "to", "notBefore", "notAfter")
ATTRIBUTE_ORDER = (*VALUE_NAMES, "evidence", "cert", "resp")
# A date inside one of these is part of a number, an identifier or a quantity, not a date.
_OPAQUE_TAGS = frozenset({"num", "idno", "measure", "unit"})
_MONTH_NUMBERS = {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES, 1)}
_QUARTER_OR_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_QUARTER_OR_HALF |= {"fourth": 4, "4th": 4}


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
    """What an expression says before its year is settled: attribute names and their points."""

    names: tuple[str, ...]
    points: tuple[Point, ...]


class Found(NamedTuple):
    """One date in a text: the marked span, its attributes and, if stated in full, the day."""

    start: int
    end: int
    attrs: Attrs
    full_day: dt.date | None


def _month(text: str) -> int:
    return ROMAN_MONTHS.get(text) or _MONTH_NUMBERS[text[:3].lower()]


def _read_point(groups: dict[str, str | None], prefix: str) -> Point:
    def first(*names: str) -> str | None:
        return next((v for n in names if (v := groups.get(prefix + n)) is not None), None)

    year = first("iy", "ny", "ay", "by", "cy", "yy")
    numeric_month = first("im", "nm")
    named_month = first("nr", "am", "bm", "cm", "mm")
    day = first("id", "nd", "ad", "bd", "dd")
    if numeric_month is not None:
        month: int | None = int(numeric_month)
    else:
        month = None if named_month is None else _month(named_month)
    return Point(
        None if year is None else int(year),
        month,
        None if day is None else int(day),
    )


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


def _year_range(groups: dict[str, str | None]) -> Reading | None:
    first = int(groups["ya"] or 0)
    second = groups["yb"] or ""
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first:
        return None
    return Reading(("from", "to"), (Point(first), Point(last)))


def _part_of_year(groups: dict[str, str | None]) -> Reading | None:
    year = int(groups["py"] or 0)
    index = _QUARTER_OR_HALF[(groups["n"] or "").lower()]
    length = 3 if (groups["unit"] or "").lower() == "quarter" else 6
    if index * length > 12:
        return None
    last_month = index * length
    last_day = calendar.monthrange(year, last_month)[1]
    return Reading(
        ("from", "to"), (Point(year, last_month - length + 1, 1), Point(year, last_month, last_day))
    )


def _bound_attribute(words: str) -> str:
    words = words.lower()
    if "earlier" in words:
        return "notBefore"
    return "to" if words in ("until", "till") else "notAfter"


def _read(kind: str, m: re.Match[str]) -> Reading | None:
    """The meaning of one rule's match, or None when the words do not make a date."""
    groups = m.groupdict()
    if kind in ("between", "from", "dash"):
        halves = _fill_range(_read_point(groups, "l_"), _read_point(groups, "r_"))
        return None if halves is None else Reading(("from", "to"), halves)
    if kind == "years":
        return _year_range(groups)
    if kind == "pair":
        year = int(groups["qy"] or 0)
        first, second = _month(groups["pm"] or ""), _month(groups["qm"] or "")
        if second != first + 1:
            return None
        return Reading(("from", "to"), (Point(year, first), Point(year, second)))
    if kind == "bound":
        return Reading((_bound_attribute(groups["q"] or ""),), (_read_point(groups, "p_"),))
    if kind == "part":
        return _part_of_year(groups)
    if kind == "decade":
        decade = int(groups["dy"] or 0)
        return Reading(("from", "to"), (Point(decade), Point(decade + 9)))
    if kind == "after":
        return Reading(("when",), (Point(int(groups["ty"] or 0)),))
    return Reading(("when",), (_read_point(groups, "p_" if kind == "point" else ""),))


def _six_months_after(anchor: dt.date) -> dt.date:
    month = anchor.month + 6
    year = anchor.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def _settle(reading: Reading, anchor: dt.date | None) -> Attrs | None:
    """Infer a missing year from the anchor, check the calendar, order the attributes."""
    points = reading.points
    extra: Attrs = ()
    if any(p.year is None for p in points):
        if anchor is None or points[0].month is None:
            return None
        limit = _six_months_after(anchor)
        year, cert = anchor.year, "high"
        if (year, *points[0].first_day()[1:]) > (limit.year, limit.month, limit.day):
            year, cert = year - 1, "medium"
        first = points[0]._replace(year=year)
        points = (first, *(_year_after(first, p) for p in points[1:]))
        extra = (("evidence", "internal"), ("cert", cert), ("resp", pointer(RESP_ENCODER)))
    if not all(p.exists() for p in points):
        return None
    if len(points) == 2 and points[0].first_day() >= points[1].first_day():
        return None
    values = dict(zip(reading.names, (p.iso() for p in points), strict=True)) | dict(extra)
    return tuple((name, values[name]) for name in ATTRIBUTE_ORDER if name in values)


def _mark_span(kind: str, m: re.Match[str]) -> tuple[int, int]:
    # After "in 1957" the preposition stays outside the date (guide §10).
    return m.span("ty") if kind == "after" else m.span()


def _interpret(m: re.Match[str], kind: str, anchor: dt.date | None) -> Found | None:
    reading = _read(kind, m)
    attrs = None if reading is None else _settle(reading, anchor)
    if reading is None or attrs is None:
        return None
    start, end = _mark_span(kind, m)
    # Only a day the text states in full may anchor the years of later dates.
    first_value = attrs[0][1]
    stated = len(first_value) == 10 and attrs[-1][0] != "resp"
    return Found(start, end, attrs, dt.date.fromisoformat(first_value) if stated else None)


def _at(text: str, start: int, anchor: dt.date | None) -> tuple[Found | None, int | None]:
    """The date starting at ``start``, else where the shortest span any rule claimed ends."""
    if LOCATOR.match(text, start) is None:
        return None, None
    claimed = None
    for kind, rule in RULES:
        m = rule.match(text, start)
        if m is None:
            continue
        found = _interpret(m, kind, anchor)
        if found is not None:
            return found, None
        claimed = m.end() if claimed is None else min(claimed, m.end())
    return None, claimed


def _scan(text: str, anchor: dt.date | None, *, follow: bool) -> Iterator[Found]:
    """Every date in ``text`` left to right; with ``follow`` each full date becomes the anchor."""
    pos = 0
    while (hotspot := HOTSPOT.search(text, pos)) is not None:
        lead_in = max(pos, hotspot.start() - LOOKBACK)
        resume = hotspot.end()
        for word in WORD_START.finditer(text, lead_in, hotspot.start() + 1):
            found, claimed = _at(text, word.start(), anchor)
            if found is not None:
                yield found
                if follow and found.full_day is not None:
                    anchor = found.full_day
                resume = found.end
                break
            if claimed is not None:
                # Words that look like a date but are none ("31 June 1956") are skipped whole,
                # so that "June 1956" is not left behind as a date.
                resume = max(claimed, word.start() + 1)
                break
        pos = resume


def normalise(expression: str, *, anchor: dt.date | None = None) -> Attrs | None:
    """The attributes of a whole date expression (a header or title date), or None."""
    text = expression.strip()
    for kind, rule in (*RULES, ("year", BARE_YEAR)):
        m = rule.fullmatch(text)
        if m is not None and (found := _interpret(m, kind, anchor)) is not None:
            return found.attrs
    return None


def find_dates(text: str, *, anchor: dt.date | None = None) -> list[Mark]:
    """Every date expression in ``text`` as a ``date`` mark, non-overlapping, left to right."""
    return [Mark(f.start, f.end, "date", f.attrs) for f in _scan(text, anchor, follow=False)]


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


def _fits(block: Block, start: int, end: int) -> bool:
    inside_opaque = any(
        m.tag in _OPAQUE_TAGS and m.start <= start and end <= m.end for m in block.marks
    )
    return not inside_opaque and nests(block.marks, start, end)


def _title_date(block: Block) -> Attrs:
    whole = normalise(block.text)
    if whole is not None:
        return whole
    found = find_dates(block.text)
    return found[0].attrs if len(found) == 1 else ()


def _document_date(doc: Document) -> Attrs:
    for block in doc.blocks:
        if block.role is Role.DOC_DATE and (value := _title_date(block)):
            return value
    for block in doc.blocks:
        if block.role is Role.DATELINE and (found := find_dates(block.text)):
            return found[0].attrs
    # The archive's own date for the document (its cover or page line) dates what the text
    # leaves without a year.
    for block in doc.blocks:
        if block.role is Role.COVER and block.attr("type") == "date":
            return normalise(block.text) or ()
    return ()


def enrich_dates(doc: Document) -> Document:
    """Mark every date in the document and record the document date.

    The title date carries its values on ``docDate`` itself, so it gets attributes instead of
    an inner mark. Years are inferred from the document date, else from the nearest full date
    read so far.
    """
    doc_date = _document_date(doc)
    fixed_anchor = anchor_of(doc_date) if doc_date else None
    rolling: dt.date | None = None
    blocks: list[Block] = []
    for block in doc.blocks:
        if block.role is Role.PAGE_BREAK:
            blocks.append(block)
            continue
        if block.role is Role.DOC_DATE:
            merged = dict(block.attrs) | dict(_title_date(block))
            blocks.append(dataclasses.replace(block, attrs=tuple(merged.items())))
            continue
        anchor = fixed_anchor or rolling
        found = list(_scan(block.text, anchor, follow=fixed_anchor is None))
        marks = [
            Mark(f.start, f.end, "date", f.attrs) for f in found if _fits(block, f.start, f.end)
        ]
        rolling = next((f.full_day for f in reversed(found) if f.full_day), rolling)
        blocks.append(block.with_marks(marks) if marks else block)
    return dataclasses.replace(doc, blocks=tuple(blocks), doc_date=doc_date)
