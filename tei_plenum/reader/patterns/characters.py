"""Characters and runs of them: the whitespace conventions of the layouts, square brackets,
separator lines, and the characters XML 1.0 cannot hold."""

from __future__ import annotations

import re

from ... import pattern_cache

# Any run of whitespace: what the layouts reduce to one space.
SPACE_RUN = pattern_cache.compile(r"\s+")
# An inner run of three or more spaces: the gap between two columns of a row (guide §2.1).
COLUMN_GAP = pattern_cache.compile(r"(?<=\S) {3,}(?=\S)")
# Two or more spaces left inside a one-line block: maybe two markings on one docket line.
TWO_SPACES = pattern_cache.compile(r" {2,}")
# A line ending like a sentence or a quotation: the next line does not continue it.
SENTENCE_END = pattern_cache.compile(r"[.!?:;\"')\]]$")
BRACKET = pattern_cache.compile(r"[\[\]]")
# XML 1.0 Char production, negated: C0 controls except tab/LF/CR, surrogates, U+FFFE/U+FFFF.
NOT_XML = pattern_cache.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STOP_END = pattern_cache.compile(r"[.:;!?]$")
_PUNCTUATION_END = pattern_cache.compile(r"[.;:?!,]$")
# An initial, or a name's suffix ("Jr.", "Sr."), whose full stop ends no sentence.
_INITIAL_END = pattern_cache.compile(r"\b(?:[A-Z]|Jr|Sr)\.$")
# What an omission mark holds: text the translator or the archive left out (guide §9.1).
OMISSION = pattern_cache.compile(r"(?:…|\.{3}|\. \. \.|omitted|text omitted)", re.IGNORECASE)
_SEPARATOR = pattern_cache.compile(r"(?:x{3,}|X{3,}|(?:\*\s*){3,}|={3,}|-{3,}|_{3,}|~{3,})")


def is_separator(text: str) -> bool:
    """A separator line between entries: "xxx", "* * *", a row of "=" or "-"."""
    return bool(_SEPARATOR.fullmatch(text))


def is_bracketed_line(text: str) -> bool:
    """A line that is wholly one bracketed description ("[faded image of a stamp: ...]")."""
    if not (text.startswith("[") and text.endswith("]")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth <= 0 and index < len(text) - 1:
            return False  # the first bracket closes before the end: "[a] and [b]"
    return depth == 0


def is_omission(content: str) -> bool:
    """The content of a bracket pair that marks an omission ("…", "...", "text omitted")."""
    return OMISSION.fullmatch(content) is not None


def is_omission_line(text: str) -> bool:
    """A line that is one omission mark alone ("[…]", "[...]"): omitted text of the
    document, which stands where the text stood (a doubled pair is an unreadable passage)."""
    return (
        text.startswith("[")
        and text.endswith("]")
        and not text.startswith("[[")
        and is_omission(text[1:-1].strip())
    )


def ends_with_stop(text: str) -> bool:
    """Ends with a full stop, colon, semicolon, question or exclamation mark: not a heading."""
    return bool(_STOP_END.search(text))


def ends_with_punctuation(text: str) -> bool:
    """Ends with a stop or a comma."""
    return bool(_PUNCTUATION_END.search(text))


def ends_with_initial(text: str) -> bool:
    """Ends with an initial ("... V. I.") or a name's suffix ("Jr."), whose full stop does
    not end a sentence."""
    return bool(_INITIAL_END.search(text))
