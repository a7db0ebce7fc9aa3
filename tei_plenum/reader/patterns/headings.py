"""Headings and labels: section numbers ("II."), ordinal paragraphs ("First."), numbered
paragraphs ("1. The plenum ..."), lettered points ("a)") and enumeration items' labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import pattern_cache
from .numbers import ORDINALS, roman_value

_ORDINAL_WORDS = "|".join(ORDINALS)
_SECTION = pattern_cache.compile(r"^(?P<num>[IVXL]+|\d{1,2})(?P<punct>[.)])(?:\s+(?P<title>.+))?$")
_HEADING_TITLE_END = pattern_cache.compile(r"[.;,]$")


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
    return len(words) <= 12 and not _HEADING_TITLE_END.search(title) and title[:1].isupper()


# How long a numbered heading may run when the heading before or after it in its series is
# one ("2. On the letter by …:" / "3. On the visit of … and on the talks held there …:").
_SERIES_HEADING_WORDS = 24


def numbered_heading(text: str) -> int | None:
    """A numbered line shaped like a section heading of any length up to a short paragraph's
    ("3. On the visit of Comrade X to Hanoi and on the talks held there with the leaders:"):
    its number. The number is arabic with a full stop, the title capitalised, and it ends
    neither a sentence nor a clause."""
    m = _SECTION.match(text)
    if m is None or not m.group("num").isdigit() or m.group("punct") != ".":
        return None
    title = m.group("title")
    if title is None or not title[:1].isupper() or _HEADING_TITLE_END.search(title):
        return None
    return int(m.group("num")) if len(title.split()) <= _SERIES_HEADING_WORDS else None


_ORDINAL = pattern_cache.compile(rf"^(?P<label>(?:{_ORDINAL_WORDS})(?:ly)?[.,:])\s", re.IGNORECASE)
_POINT = pattern_cache.compile(r"^(?P<label>\(?(?P<point>[a-z]|[A-H]|\d{1,2})\))\s+\S")
_ITEM_LABEL = pattern_cache.compile(r"^[^:.;]{1,60}:")


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


_NUMBERED = pattern_cache.compile(r"^(\d{1,2})\.\s+\S")
ITEM_MARK = r"(?:\d{1,2}[.)]|\(\d{1,2}\)|[a-h]\))"
"""A numbered or lettered item's label as printed: "1.", "2)", "(3)", "b)"."""
_ITEM_MARK = pattern_cache.compile(ITEM_MARK)


def is_item_mark(word: str) -> bool:
    """``word`` is an item's label: what follows opens the item, not a sentence of its own."""
    return _ITEM_MARK.fullmatch(word) is not None


_NUMBER_LABEL = pattern_cache.compile(r"^\d{1,2}[.)](?=\s)")


def numbered_label(text: str) -> tuple[str, int] | None:
    """A numbered paragraph ("1. The plenum decides ..."): its number as printed, label end."""
    m = _NUMBERED.match(text)
    if m is None:
        return None
    return m.group(1), m.end(1) + 1


def number_label_end(text: str) -> int | None:
    """End of a number opening a line ("1. ", "2) "), as an agenda's points are numbered."""
    m = _NUMBER_LABEL.match(text)
    return m.end() if m else None
