"""Text flattened onto one long line: the blocks and the turns a reader can still see.

A PDF export copied as one paragraph has lost its line ends, and the reader sees no paragraph
in it. Two steps cut it, each only where a reader sees a boundary, and neither moves a word:

* in the layout, :func:`split_flattened` cuts the line into blocks where the recognisers of
  ``patterns.boundaries`` see one: at the start of a block an opening unit that stands alone (a
  bracketed note, a heading in capitals, a dateline, a document number, a marking, a
  salutation, a numbered item's heading), and anywhere a field label, a caption, a labelled
  turn, a numbered item or a paragraph opened by a name. No boundary falls inside square
  brackets or quotation marks.
* once the genre is known, :func:`split_turns` cuts each paragraph of the body before every
  sentence that opens a turn (a speaker label, a speaker in capitals, or, in the genres that
  have turns, a speaker and a verb of speech), so that a conversation's turns do not all fall
  into one ``sp`` (§13).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .. import pattern_cache
from ..lexicon import TITLES, is_initial
from ..model import Block, Mark, Role
from .patterns import TURN_GENRES
from .patterns.headings import is_item_mark
from .patterns.speakers import turn_start

if TYPE_CHECKING:  # the layout imports this module
    from .layout import Layout

# A bracket or quotation left open for longer than this is a stray mark, not an enclosure.
_ENCLOSURE_REACH = 400
_PAIRS = {"[": "]", "“": "”", "(": ")"}


def split_flattened(text: str) -> list[tuple[int, int]]:
    """The spans of the blocks of ``text``, in order, white space left out."""
    # Imported here: the boundary recognisers are slow to compile and only flattened text
    # needs them.
    from .patterns.boundaries import BREAK_RULES, START_RULES

    enclosed = _enclosed(text)
    starts = {p for rule in BREAK_RULES for p in rule.starts(text) if 0 < p < len(text)}
    breaks = sorted({_with_bracketed_names(text, p) for p in starts} - enclosed)
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


# First names the translator bracketed before a surname ("[Arnaldo] VELTRONE stated …").
_BRACKETED_NAMES = pattern_cache.compile(r"\[[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\]\s+$")


def _with_bracketed_names(text: str, position: int) -> int:
    """A block that opens with a name opens before the first names bracketed before it."""
    found = _BRACKETED_NAMES.search(text, max(0, position - 60), position)
    return found.start() if found else position


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


# A flattened line is a long one; a web copy of a one-paragraph document has its date and
# title lines besides.
_FLATTENED_LENGTH = 500
_SENTENCE_END = pattern_cache.compile(r"(?<=[.?!])[\"”’)]?\s+(?=[\[A-Z])")
# Abbreviations after which a capital does not start a sentence ("Mr. Molotov said").
_ABBREVIATIONS = frozenset(
    {t.form for t in TITLES if t.form.endswith(".")}
    | {"Comrs.", "comrs.", "Cdes.", "cde.", "St.", "No.", "Nr.", "Nos."}
)


def is_flattened(layout: Layout) -> bool:
    """The whole text is one long source line (however the reader cut it into blocks)."""
    lines = {line.number for raw in layout.blocks for line in raw.lines}
    return len(lines) == 1 and sum(len(raw.text) for raw in layout.blocks) > _FLATTENED_LENGTH


def split_turns(blocks: Sequence[Block], genre: str) -> tuple[Block, ...]:
    """Each paragraph of the body cut before every sentence that opens a turn; a participants
    line too, the turns after it being paragraphs."""
    reported = genre in TURN_GENRES
    result: list[Block] = []
    for block in blocks:
        if block.role in _CUT and block.path and block.path[0].tag == "body":
            result.extend(_pieces(block, _cuts(block, reported=reported)))
        else:
            result.append(block)
    return tuple(result)


_CUT = frozenset({Role.PARAGRAPH, Role.PARTICIPANTS})
# A turn's opening is read within this many characters after a sentence's start.
_WINDOW = 300


def _cuts(block: Block, *, reported: bool) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) where the next one opens a turn."""
    text = block.text
    cuts = []
    for gap in _SENTENCE_END.finditer(text):
        before = text[: gap.start()].rsplit(None, 1)[-1] if text[: gap.start()].strip() else ""
        if before in _ABBREVIATIONS or is_initial(before) or _crossed(block.marks, gap.end()):
            continue
        if is_item_mark(text[: gap.start()].strip()):
            continue  # "1. Pak said …": the item's label, not a sentence of its own
        if turn_start(text[gap.end() : gap.end() + _WINDOW], reported=reported):
            cuts.append((gap.start() + len(gap.group().rstrip()), gap.end()))
    return cuts


def _crossed(marks: Iterable[Mark], at: int) -> bool:
    return any(m.start < at < m.end for m in marks)


def _pieces(block: Block, cuts: list[tuple[int, int]]) -> list[Block]:
    if not cuts:
        return [block]
    bounds = [(0, cuts[0][0])]
    bounds += [
        (start, cuts[i + 1][0] if i + 1 < len(cuts) else len(block.text))
        for i, (_, start) in enumerate(cuts)
    ]
    pieces = []
    for index, (start, end) in enumerate(bounds):
        marks = tuple(
            Mark(m.start - start, m.end - start, m.tag, m.attrs)
            for m in block.marks
            if start <= m.start and m.end <= end
        )
        span = replace(block.span, column=block.span.column + start)
        pieces.append(
            Block(
                block.role if index == 0 else Role.PARAGRAPH,
                block.text[start:end],
                span,
                block.page,
                block.path,
                block.attrs if index == 0 else (),
                marks,
            )
        )
    return pieces
