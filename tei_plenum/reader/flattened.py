"""A PDF export flattened to one line: its turns cut into paragraphs of their own (§2, §13).

Some copies of the archive's PDF exports keep no line break: the whole document is one line,
and the reader sees no paragraph in it. A conversation's turns would all fall into one ``p``,
and so into one ``sp``. Where a sentence of such a line opens a turn (a speaker label, a
speaker in capitals, or, in the genres that have turns, a speaker and a verb of speech), the
paragraph is cut before it; nothing else is cut here. The words and their order are those of
the line: only the space between two sentences becomes a block boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..lexicon import TITLES, is_initial
from ..model import Block, Mark, Role
from .layout import Layout
from .patterns import TURN_GENRES
from .patterns.speakers import turn_start

# A flattened line is a long one; a web copy of a one-paragraph document has its date and
# title lines besides.
_FLATTENED_LENGTH = 500
_SENTENCE_END = re.compile(r"(?<=[.?!])[\"”’)]?\s+(?=[\[A-Z])")
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
