"""The archive's catalogue furniture: the PDF export's cover block and a web copy's page lines.

The archive publishes each document with its own catalogue data. Its PDF export opens with a
cover block (``Digital Archive`` / ``International History Declassified`` /
``digitalarchive.wilsoncenter.org``, the date, the title, ``Citation:``, the document's address,
``Summary:``, ``Credits:``, ``Original Language:``, ``Contents:``); a copy of its web page opens
with the page's date line and title line. These recognisers find those parts; none of them is
the document's own text.
"""

from __future__ import annotations

import re

from ... import pattern_cache
from .characters import SPACE_RUN

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
# The archive dates its documents month first: "October 09, 1944", "May 1950", "1950".
_ARCHIVE_DATE = rf"(?:(?:c\.\s*|circa\s+)?(?:(?:{_MONTH_NAMES})\s+(?:\d{{1,2}},\s+)?)?\d{{4}})"
ARCHIVE_DATE = pattern_cache.compile(_ARCHIVE_DATE)
_PAGE_DATE_LINE = pattern_cache.compile(rf"{_ARCHIVE_DATE}\.?")

# The three lines of the export's banner, in any order, and nothing else.
_BANNER_PART = (
    r"(?:Digital\s+Archive|International\s+History\s+Declassified|"
    r"digitalarchive\.wilsoncenter\.org)"
)
BANNER = pattern_cache.compile(rf"\s*{_BANNER_PART}(?:\s+{_BANNER_PART}){{1,2}}")

# The cover's field labels, in the order the export prints them.
FIELD_LABELS: tuple[tuple[str, str], ...] = (
    ("citation", "Citation"),
    ("summary", "Summary"),
    ("credits", "Credits"),
    ("originalLanguage", "Original Language"),
    ("contents", "Contents"),
)
_LABEL = pattern_cache.compile(
    r"(?<!\S)(?P<label>" + "|".join(re.escape(label) for _, label in FIELD_LABELS) + r"):"
)
_FIELD_OF_LABEL = {label: field for field, label in FIELD_LABELS}
LABEL_AT_START = pattern_cache.compile(
    r"(?:" + "|".join(re.escape(lb) for _, lb in FIELD_LABELS) + r"):"
)
URL = pattern_cache.compile(r"https?://\S+")

# What the export's "Contents:" lists: the translations and transcriptions it holds and the
# scan of the original. The document's text follows the last item.
_CONTENTS_ITEM = (
    r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:Translation|Transcription)|"
    r"Scan\s+of\s+(?:the\s+)?Original(?:\s+Document)?|Original\s+(?:Scan|Document))"
)
CONTENTS_ITEMS = pattern_cache.compile(rf"\s*{_CONTENTS_ITEM}(?:\s+{_CONTENTS_ITEM})*")

# Web-page furniture that a copy of the page may keep above the document.
_FURNITURE = pattern_cache.compile(
    r"(?:skip\s+to\s+(?:main\s+)?content|digital\s+archive|international\s+history\s+declassified|"
    r"digitalarchive\.wilsoncenter\.org)",
    re.IGNORECASE,
)


def banner_end(text: str) -> int | None:
    """End of the export's banner at the start of ``text``, else None."""
    m = BANNER.match(text)
    return m.end() if m else None


_ARCHIVE_DATE_AT = pattern_cache.compile(r"\s*" + _ARCHIVE_DATE + r"(?!\d)")


def archive_date_end(text: str, start: int) -> int | None:
    """End of the archive's date at ``start`` (after white space), else None."""
    m = _ARCHIVE_DATE_AT.match(text, start)
    return m.end() if m else None


def labels(text: str, start: int = 0) -> list[tuple[str, int, int]]:
    """Every cover field label after ``start``: (field, label start, label end)."""
    return [
        (_FIELD_OF_LABEL[m.group("label")], m.start(), m.end())
        for m in _LABEL.finditer(text, start)
    ]


def contents_end(text: str, start: int) -> int | None:
    """End of the list of contents items at ``start``, else None."""
    m = CONTENTS_ITEMS.match(text, start)
    return m.end() if m else None


def label_end(text: str) -> int | None:
    """End of a cover field's label at the start of a cover block ("Citation:")."""
    m = LABEL_AT_START.match(text)
    return m.end() if m else None


def url_span(text: str) -> tuple[int, int] | None:
    """The span of the document's address in a cover block, without a final full stop."""
    m = URL.search(text)
    if m is None:
        return None
    end = m.end()
    while end > m.start() and text[end - 1] in ".,;)":
        end -= 1
    return m.start(), end


def is_page_date_line(text: str) -> bool:
    """A web page's date line: the archive's date alone ("October 12, 1950")."""
    return bool(_PAGE_DATE_LINE.fullmatch(text.strip()))


def is_page_furniture(text: str) -> bool:
    """A line of the web page around the document ("Skip to content", "Download PDF")."""
    return bool(_FURNITURE.fullmatch(SPACE_RUN.sub(" ", text.strip())))


# An archive's title is one line of a few dozen words at most, never two sentences.
_TITLE_LENGTH = 250
_INNER_SENTENCE_END = pattern_cache.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")
_FUNCTION_WORDS = pattern_cache.compile(
    r"\b(?:of|to|from|with|between|and|on|about|for|in|by|at|re|concerning|regarding)\b"
)


# "Polish Foreign Ministry, Warsaw, to Polish Embassy, Havana": the archive's title of a
# message, sender and place to addressee and place.
_ROUTED_TITLE = pattern_cache.compile(
    r"[A-Z][^,:;]{2,80}, [A-Z][\w'’. -]{1,30}, to [A-Z][^,:;]{2,80}(?:, [A-Z][\w'’. -]{1,30})?"
)


def is_routed_title(text: str) -> bool:
    """The archive's title of a message in the form "sender, place, to addressee, place"."""
    return _ROUTED_TITLE.fullmatch(text.strip()) is not None


def reads_like_archive_title(text: str) -> bool:
    """A line the archive could have written as a page title: it relates words (a function
    word, a comma, a colon or quotation marks) rather than naming one body or office.

    "Cable, Molotov to Cde. Stalin" and "Sino-Soviet Trade, 1981" are titles; "SED Central
    Committee" and "TOP SECRET" are not."""
    stripped = text.strip()
    if not stripped or len(stripped) > _TITLE_LENGTH or stripped.startswith("["):
        return False
    if stripped.endswith(":") or _INNER_SENTENCE_END.search(stripped):
        return False
    return bool(_FUNCTION_WORDS.search(stripped) or re.search(r"[,:'\"‘’“”]", stripped))
