"""Titles: the document kind a title names (its genre), title lines, and a journal's byline."""

from __future__ import annotations

import re

from ...letters import is_upper

_GENRES: tuple[tuple[str, str], ...] = (
    (r"\b(?:journal|diary)\b", "journal"),
    (
        r"\b(?:record|memorandum|notes?|transcript)\s+of\s+(?:a\s+|the\s+)?"
        r"(?:conversation|talks?)\b|\bconversation\b",
        "record of conversation",
    ),
    (
        r"\b(?:minutes|protocol|stenographic|verbatim)\b|\bmeeting\s+of\b|"
        r"\brecord\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?meeting\b",
        "minutes",
    ),
    (r"\b(?:transcript)\b", "transcript"),
    (r"\b(?:telegram|cable|ciphergram)\b", "telegram"),
    (r"\bletter\b", "letter"),
    (r"\b(?:resolution)\b", "resolution"),
    (r"\b(?:decision|decree|directive|order|instruction)\b", "decision"),
    (r"\b(?:report|information|memorandum|note|reference|survey|review)\b", "report"),
)  # fmt: skip
_GENRE_PATTERNS = tuple((re.compile(p, re.IGNORECASE), g) for p, g in _GENRES)

TURN_GENRES = frozenset({"record of conversation", "minutes", "transcript"})


def genre_of(text: str) -> str | None:
    """The document kind a title or heading names, from the vocabulary of the guide (§4.5)."""
    for pattern, genre in _GENRE_PATTERNS:
        if pattern.search(text):
            return genre
    return None


_TITLE_START = re.compile(
    r"^(?:record|memorandum|minutes|protocol|transcript|telegram|cable|decision|resolution|"
    r"decree|directive|report|letter|note|information|statement|journal|diary|from the journal|"
    r"conversation|stenographic|excerpt|speech|message|appeal|order|instruction)\b",
    re.IGNORECASE,
)


def looks_like_title(text: str) -> bool:
    """A title line: printed in capitals, or opening with a document-kind word."""
    if len(text) > 220:
        return False
    if text.endswith((".", ":", ";", ",")) and not text.endswith("etc."):
        return is_upper(text)
    return is_upper(text) or bool(_TITLE_START.match(text))


_JOURNAL_BYLINE = re.compile(r"^(?:from\s+the\s+)?(?:journal|diary)\s+of\b", re.IGNORECASE)


def journal_byline_end(text: str) -> int | None:
    """End of a journal's byline caption ("From the journal of"), which its owner's name follows."""
    m = _JOURNAL_BYLINE.match(text)
    return m.end() if m else None
