"""The reader: plain text in, :class:`~tei_plenum.model.Document` out.

``decode`` (bytes to clean text) → ``layout.segment`` (lines to raw blocks, pages and column
cells) → ``classify`` (roles and structure) → bracket marks. Nothing here knows any name: the
enrichers add those.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document
from .classify import classify
from .inline import bracket_marks
from .layout import Layout, segment
from .source import decode

__all__ = ["Layout", "decode", "read", "reading_tokens", "segment"]


def read(text: str, *, source_name: str, layout: Layout | None = None) -> Document:
    """Parse decoded text into a document model (structure and brackets, no names yet).

    ``layout`` is ``segment(text)`` when the caller already has it (the pipeline also needs it
    for the fidelity check), so the text is segmented once.
    """
    layout = layout or segment(text)
    classified = classify(layout)
    blocks = tuple(
        block.with_marks(bracket_marks(block.text)) if block.text else block
        for block in classified.blocks
    )
    return Document(
        source_name=source_name,
        layout=layout.name,
        blocks=blocks,
        pages=layout.pages,
        genre=classified.genre,
        warnings=(*layout.warnings, *classified.warnings),
    )


def reading_tokens(layout: Layout) -> Iterator[str]:
    """The source's reading text as tokens (guide §11): what the TEI export must give back.

    One at a time: listed, the words of a large document took more memory than its tree.
    """
    return (token for raw in layout.blocks for token in raw.text.split())
