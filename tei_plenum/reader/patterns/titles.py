"""Titles: the document kind a title names (its genre), title lines, and a journal's byline.

The genres are the vocabulary of the encoding guide (§4.5) and issue 10: decision,
resolution, record of conversation, memorandum of conversation, minutes, telegram, letter,
journal, report, information, note, speech, and ``other`` when none is named. A title names
the kind it *begins* with ("Cable from the Ambassador, 'Visit (Conversation with …)'" is a
telegram), so the leftmost kind word decides.
"""

from __future__ import annotations

import re

from ... import pattern_cache
from ...letters import is_upper

GENRES = (
    "decision",
    "resolution",
    "record of conversation",
    "memorandum of conversation",
    "minutes",
    "telegram",
    "letter",
    "journal",
    "report",
    "information",
    "note",
    "speech",
    "other",
)
"""The docType vocabulary; ``other`` when no kind is named."""

_GENRES: tuple[tuple[str, str], ...] = (
    (r"\b(?:journal|diary)\b", "journal"),
    (
        r"\bmemorandum\s+of\s+(?:a\s+|the\s+)?(?:telephone\s+)?conversations?\b",
        "memorandum of conversation",
    ),
    (
        r"\b(?:record|notes?|transcript|minutes|summary)\s+of\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?:conversations?|talks?|negotiations?)\b|\bconversations?\b|"
        r"\b(?:talks?|meetings?|discussions?)\s+(?:with|between)\b|"
        r"\b[A-Z][a-z]+-[A-Z][a-z]+\s+[Tt]alks\b",
        "record of conversation",
    ),
    (
        r"\b(?:minutes|protocol|stenographic|verbatim|transcript)\b|\bmeeting\s+of\b|"
        r"\bworking\s+notes\b|\b(?:session|sitting)\s+of\s+the\b|"
        r"\b(?:record|summary)\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}meeting\b",
        "minutes",
    ),
    # A message sent down a wire or a radio link is the telegram's kind ("Telephone Message
    # via VCh", "Radiogram", "Telex").
    (
        r"\b(?:telegram|cable|ciphergram|cryptogram|cipher\s+telegram|telephonogram|radiogram|"
        r"telex|telephone\s+message)\b",
        "telegram",
    ),
    (r"\bletters?\b", "letter"),
    (r"\bresolution\b", "resolution"),
    (r"\b(?:decision|decree|directive|instruction)\b", "decision"),
    # Not a body's name: "… Information Center", "the Information Department".
    (
        r"\b(?:information|bulletin)\b(?!\s+(?:center|centre|bureau|office|department|agency|"
        r"service|section|division)\b)",
        "information",
    ),
    (
        r"\bspeech\b|\breport\s+(?:to|at|before)\s+the\s+(?:\w+\s+){0,5}"
        r"(?:congress|conference|plenum|session|assembly)\b",
        "speech",
    ),
    (
        r"\b(?:report|survey|review|account|assessment|analysis|observations|commentary)\b|"
        r"\b(?:remarks|comments)\s+(?:by|of)\s+the\s+(?:[\w-]+\s+){0,4}"
        r"(?:embassy|legation|consulate|mission|ministry|department)\b",
        "report",
    ),
    (r"\b(?:notes?|memorandum|memo|aide-m[ée]moire)\b", "note"),
)  # fmt: skip
_GENRE_PATTERNS = tuple((pattern_cache.compile(p, re.IGNORECASE), g) for p, g in _GENRES)

TURN_GENRES = frozenset({"record of conversation", "memorandum of conversation", "minutes"})

# Letters set apart by single spaces ("I n f o r m a t i o n", "P r a g u e").
_LETTER_SPACED = pattern_cache.compile(r"\b(?:\w ){3,}\w\b")


def unspaced(text: str) -> str:
    """``text`` with letter-spaced words closed up ("I n f o r m a t i o n" -> "Information")."""
    return _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), text)


def genre_of(text: str) -> str | None:
    """The document kind a title or heading names: the leftmost kind word of the vocabulary,
    letter-spaced words read closed up."""
    text = unspaced(text)
    found = [
        (m.start(), rank, genre)
        for rank, (pattern, genre) in enumerate(_GENRE_PATTERNS)
        if (m := pattern.search(text))
    ]
    return min(found)[2] if found else None


_KIND_WORDS = (
    r"(?:record|records|memorandum|minutes|protocol|transcript|telegram|cable|ciphergram|cryptogram|"
    r"decision|resolution|decree|directive|report|letter|note|notes|information|journal|diary|"
    r"conversation|stenographic|speech|message|appeal|order|instruction|bulletin|statement)"
)
_KIND_START = (
    rf"(?:the\s+|a\s+|an\s+)?(?:(?:extract|excerpt|copy)\s+(?:(?:from|of)\s+(?:the\s+)?)?)?"
    rf"{_KIND_WORDS}"
)
_KIND_TITLE = pattern_cache.compile(rf"^{_KIND_START}\b", re.IGNORECASE)
# A journal's byline ("From the journal of …") opens like a title too.
_TITLE_START = pattern_cache.compile(
    rf"^(?:from\s+(?:the\s+)?(?:journal|diary)|{_KIND_START})\b", re.IGNORECASE
)
# A kind word and a number, nothing else: "Note number 399", "TELEGRAM 066.621", "Nº 12".
_DOCUMENT_NUMBER = pattern_cache.compile(
    rf"^(?:(?:ciphered\s+|coded\s+|urgent\s+)*{_KIND_WORDS}\s+)?(?:no\.?|n[º°o]\.?|number|#)?"
    r"\s*[\w/.-]*\d[\w/.-]*\.?$",
    re.IGNORECASE,
)


def is_document_number(text: str) -> bool:
    """A document's number, with or without its kind word ("Note number 399", "TELEGRAM
    066.621", "# P78/168"): never the document's title."""
    return bool(_DOCUMENT_NUMBER.match(text.strip()))


def names_a_kind(text: str) -> bool:
    """A line that opens with a document kind ("RECORD OF A CONVERSATION", "The Journal of
    …", "Extract Minutes from Protocol …", "I n f o r m a t i o n"): the strongest sign of a
    title, unless it is only the document's number or a sentence ("The note is attached.")."""
    text = unspaced(text)
    if len(text) > 220 or is_document_number(text) or not _KIND_TITLE.match(text):
        return False
    return is_upper(text) or not text.endswith((".", ":", ";", "!", "?"))


def looks_like_title(text: str) -> bool:
    """A title line: printed in capitals, or opening with a document-kind word; never a
    document's number."""
    if len(text) > 220 or is_document_number(text):
        return False
    text = unspaced(text)
    if text.endswith((".", ":", ";", ",")) and not text.endswith("etc."):
        return is_upper(text)
    return is_upper(text) or bool(_TITLE_START.match(text))


# The first word of a title whose heading word was lost on the page ("[Transcript] of
# official negotiations …", "[Information] on the situation in …").
_FRAGMENT = pattern_cache.compile(r"^(?:of|on|about|concerning|regarding|with|between)\s+\S")


def is_title_fragment(text: str) -> bool:
    """A title that lost its first word: it opens in lower case with the preposition that
    followed that word, and does not end like a sentence."""
    stripped = text.strip()
    return (
        bool(_FRAGMENT.match(stripped))
        and 15 <= len(stripped) <= 400
        and not stripped.endswith((".", ":", ";", "!", "?"))
    )


# Words of a body, an office or a place, not of a title: a line in capitals holding one of
# them and no kind is a letterhead or a signature ("SOVIET AMBASSADOR", "VKP(b) CC").
_INSTITUTION = pattern_cache.compile(
    r"\b(?:embassy|ministry|department|committee|cc|politburo|presidium|party|government|"
    r"office|section|bureau|directorate|council|ambassador|secretary|chairman|minister|"
    r"consulate|legation|mission|command|headquarters)\b",
    re.IGNORECASE,
)


def is_institution_line(text: str) -> bool:
    """A short line headed by a body or an office ("MINISTRY OF NATIONAL DEFENSE", "SED
    Central Committee", "Embassy"); "The Influence of the Party on …" is a subject, not one."""
    words = text.split()
    return (
        len(words) <= 10
        and bool(_INSTITUTION.search(" ".join(words[:4])))
        and not names_a_kind(text)
    )


_JOURNAL_BYLINE = pattern_cache.compile(
    r"^(?:from\s+(?:the\s+)?)?(?:journal|diary)\s+of\b", re.IGNORECASE
)


def journal_byline_end(text: str) -> int | None:
    """End of a journal's byline caption ("From the journal of", "From diary of"), which its
    owner's name follows."""
    m = _JOURNAL_BYLINE.match(text)
    return m.end() if m else None
