"""Identifiers derived from content (encoding guide §5.1), so output is deterministic."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from . import pattern_cache
from .lexicon import is_initial

# Letters that no accent stripping turns into ASCII, spelled as the Latin letters they are
# ("Bogusław" as "boguslaw", not "bogusaw").
_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)  # fmt: skip
# A translator's completion of an initial ("I[van]."): the printed word is the initial.
_COMPLETION = pattern_cache.compile(r"\[[^\]]*\]")


def slug(text: str, *, drop_initials: bool = False) -> str:
    """ASCII, lower-case, apostrophes dropped, other runs of non-alphanumerics as ``-``.

    >>> slug("Mongolian People's Republic")
    'mongolian-peoples-republic'
    >>> slug("S. N. Karelin", drop_initials=True)
    'karelin'
    >>> slug("S.N. Karelin", drop_initials=True)
    'karelin'
    >>> slug("I[van]. Karelin", drop_initials=True)
    'karelin'
    >>> slug("Bogusław Gärtner")
    'boguslaw-gartner'
    """
    if drop_initials:
        words = [w for w in text.split() if not is_initial(_COMPLETION.sub("", w))]
        text = " ".join(words) or text
    spelled = text.translate(_LETTERS) if not text.isascii() else text
    folded = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    folded = re.sub(r"['’`]", "", folded.lower())
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def document_id(source_name: str) -> str:
    """``doc-`` + the input's file stem, made a valid ``xml:id`` (guide §3)."""
    stem = PurePath(source_name).stem if source_name not in ("", "-") else "stdin"
    return f"doc-{slug(stem) or 'document'}"
