"""Which paragraph of a matching document a hit shows, and the words around its matches.

The full-text index ranks whole documents; a hit then points to one paragraph of its
document. FTS5's ``highlight()`` marks every matched word or phrase in the document's text;
:func:`marked_spans` turns the marks into offsets, and :func:`best_passage` scores each
paragraph holding some with BM25 over those matches (the document's mean paragraph length as
the norm, FTS5's own constants), so a short paragraph about the query wins over a long one
that mentions it in passing, and a paragraph with more of the query's words over one with
fewer. Pure functions of strings and offsets: no database.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .. import pattern_cache

# BM25's constants, as FTS5's bm25() uses them.
K1 = 1.2
B = 0.75
_WORD = pattern_cache.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Passage:
    """The best paragraph (its index in the document's paragraphs), how many paragraphs hold
    a match, and the snippet's parts: (text, highlighted)."""

    paragraph: int
    matches: int
    parts: tuple[tuple[str, bool], ...]


def marked_spans(marked: str, start: str, end: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without the marks ``start``/``end``, and the offsets of what they enclosed."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = position = 0
    while (opening := marked.find(start, position)) >= 0:
        closing = marked.find(end, opening + len(start))
        if closing < 0:
            break
        before = marked[position:opening]
        inside = marked[opening + len(start) : closing]
        pieces += (before, inside)
        offset += len(before)
        spans.append((offset, offset + len(inside)))
        offset += len(inside)
        position = closing + len(end)
    pieces.append(marked[position:].replace(start, "").replace(end, ""))
    return "".join(pieces), spans


def best_passage(
    text: str,
    spans: Sequence[tuple[int, int]],
    bounds: Sequence[tuple[int, int]],
    size: int,
    words: int,
) -> Passage | None:
    """The paragraph to show for the matched ``spans`` of ``text``, whose paragraphs are
    ``bounds`` (start and end offsets, in order) and hold ``words`` words in all, with a
    snippet of about ``size`` words. None when no span lies in a paragraph."""
    if not bounds:
        return None
    starts = [start for start, _end in bounds]
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        index = bisect_right(starts, span[0]) - 1
        if index >= 0 and span[0] < bounds[index][1]:
            found[index].append(span)
    if not found:
        return None
    mean = max(words / len(bounds), 1.0)

    def score(index: int) -> float:
        counts: dict[str, int] = defaultdict(int)
        for start, end in found[index]:
            counts[text[start:end].casefold()] += 1
        first, last = bounds[index]
        norm = K1 * (1 - B + B * len(text[first:last].split()) / mean)
        return sum(tf * (K1 + 1) / (tf + norm) for tf in counts.values())

    best = max(sorted(found), key=score)
    start, end = bounds[best]
    return Passage(best, len(found), snippet(text[start:end], found[best], start, size))


def snippet(
    paragraph: str, spans: Sequence[tuple[int, int]], offset: int, size: int
) -> tuple[tuple[str, bool], ...]:
    """About ``size`` words of ``paragraph`` from a little before its first match, with
    ``…`` where words were left out; ``spans`` are offsets in the document, ``offset`` the
    paragraph's start."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(paragraph)]
    if not words:
        return ()
    local = [(start - offset, end - offset) for start, end in spans]
    first = next(i for i, (_s, end) in enumerate(words) if end > local[0][0])
    begin = max(0, min(first - size // 4, len(words) - size))
    stop = min(len(words), begin + size)
    low, high = words[begin][0], words[stop - 1][1]
    parts: list[tuple[str, bool]] = [("… ", False)] if begin > 0 else []
    cursor = low
    for start, end in local:
        start, end = max(start, low), min(end, high)
        if start >= end:
            continue
        if start > cursor:
            parts.append((paragraph[cursor:start], False))
        parts.append((paragraph[start:end], True))
        cursor = end
    if cursor < high:
        parts.append((paragraph[cursor:high], False))
    if stop < len(words):
        parts.append((" …", False))
    return _joined(parts)


def _joined(parts: list[tuple[str, bool]]) -> tuple[tuple[str, bool], ...]:
    """Neighbouring parts of one kind as one."""
    joined: list[tuple[str, bool]] = []
    for text, hit in parts:
        if joined and joined[-1][1] == hit:
            joined[-1] = (joined[-1][0] + text, hit)
        else:
            joined.append((text, hit))
    return tuple(joined)
