"""Split text flattened onto one long line into the blocks a reader can still see.

A PDF export copied as one paragraph has lost its line ends. Blocks are cut only where the
recognisers of ``patterns.boundaries`` see a boundary: at the start of a block an opening unit
that stands alone (a bracketed note, a heading in capitals, a dateline, a document number, a
marking, a salutation, a numbered item's heading), and anywhere a field label, a caption, a
labelled turn, a numbered item or a paragraph opened by a name. No boundary falls inside
square brackets or quotation marks, and words are never moved.
"""

from __future__ import annotations

import bisect

from .patterns.boundaries import BREAK_RULES, START_RULES

# A bracket or quotation left open for longer than this is a stray mark, not an enclosure.
_ENCLOSURE_REACH = 400
_PAIRS = {"[": "]", "“": "”", "(": ")"}


def split_flattened(text: str) -> list[tuple[int, int]]:
    """The spans of the blocks of ``text``, in order, white space left out."""
    enclosed = _enclosed(text)
    breaks = sorted(
        {p for rule in BREAK_RULES for p in rule.starts(text) if 0 < p < len(text)} - enclosed
    )
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    while start < len(text):
        following = bisect.bisect_right(breaks, start)
        end = breaks[following] if following < len(breaks) else len(text)
        for rule in START_RULES:
            found = rule.end(text, start)
            if found is not None and start < found < end and found not in enclosed:
                end = found
                break
        spans.append((start, _trim_end(text, start, end)))
        start = _skip_space(text, end)
    return spans


def _enclosed(text: str) -> set[int]:
    """Positions inside a pair of square brackets, parentheses or typographic quotes."""
    inside: set[int] = set()
    for opening, closing in _PAIRS.items():
        position = text.find(opening)
        while position != -1:
            close = text.find(closing, position + 1, position + _ENCLOSURE_REACH)
            if close == -1:
                position = text.find(opening, position + 1)
                continue
            inside.update(range(position + 1, close + 1))
            position = text.find(opening, close + 1)
    return inside


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
