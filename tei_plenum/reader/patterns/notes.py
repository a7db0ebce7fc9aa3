"""Notes of the archive's edition printed after the text ("[1] Translator's note: …"), each
answering a note call in the text ("the letter[1]")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import pattern_cache

# A note's own line: its number in brackets, then its words ("[2] The annex is missing."),
# which may open with a quotation mark of any shape ("[1] ”Special goods” meant arms.").
_NOTE_LINE = pattern_cache.compile(r"^\[(\d{1,3})\]\s*(?=[^\W\d_]|[\"'“”‘’„«(])")
_TRANSLATORS = pattern_cache.compile(r"translator'?s'?\s+note\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A note's line: its number, the number's span (inside the brackets), and whether the
    note calls itself the translator's."""

    number: int
    label: tuple[int, int]
    translators: bool


def note_line(text: str) -> NoteLine | None:
    """A line holding a note of the edition, opened by its number in brackets, else None."""
    m = _NOTE_LINE.match(text)
    if m is None:
        return None
    return NoteLine(int(m.group(1)), m.span(1), bool(_TRANSLATORS.match(text, m.end())))
