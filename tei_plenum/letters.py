"""Letters: character classes for Latin-script names with diacritics (Široký, Ceaușescu,
Gomułka), whether a line is printed in capitals, and the folded form names are compared in.

Python's ``re`` has no ``\\p{Lu}``; these classes list the upper- and lower-case letters of
the Latin blocks up to U+024F, computed once from Unicode properties.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_LATIN = [chr(code) for code in range(0x41, 0x250)]
UPPER = "[" + re.escape("".join(c for c in _LATIN if c.isupper())) + "]"
"""A regex character class matching one capital letter (ASCII or accented Latin)."""


class _Without(dict[int, str | None]):
    """A :meth:`str.translate` table deleting the characters ``test`` accepts, filled as
    characters are first seen: the length lost in translation counts them at C speed."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        super().__init__()
        self._test = test

    def __missing__(self, code: int) -> str | None:
        kept = self[code] = None if self._test(chr(code)) else chr(code)
        return kept


_WITHOUT_LOWER = _Without(str.islower)
_WITHOUT_UPPER = _Without(str.isupper)


def is_upper(text: str) -> bool:
    """Mostly capital letters (four in five or more): a title or signature in capitals."""
    # This runs on every candidate block: letters are counted by translation, and a text
    # whose small letters are more than a fifth of it is answered before capitals are counted.
    size = len(text)
    lower = size - len(text.translate(_WITHOUT_LOWER))
    if 5 * lower > size:
        return False
    upper = size - len(text.translate(_WITHOUT_UPPER))
    return upper + lower >= 2 and upper >= 4 * lower


def display_name(name: str) -> str:
    """A name as a record shows it: one printed in capitals ("S. N. KARELIN") in title case
    ("S. N. Karelin"); initials and short particles stay as printed."""
    if is_upper(name):
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name


def _fold_char(char: str) -> str:
    if char in _DASHES:
        return " "
    if char in "’‘`":
        return "'"
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    base = _SPECIAL.get(base, base)
    return base if len(base) == 1 else char


_DASHES = frozenset("-‐‑‒–—")
_SPECIAL = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "s", "æ": "a", "œ": "o"}


class _Folder(dict[int, str]):
    """The translation table of :func:`fold`: each code point's folded character, computed
    the first time the character is seen (``str.translate`` asks the table directly)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _Folder()


def fold(text: str) -> str:
    """The form spellings and texts are matched in: lower case, without accents, hyphens and
    dashes as spaces, one apostrophe; exactly one character for each character of ``text``."""
    return text.translate(_FOLD)


def initial_letter(letter: str) -> str:
    """A given name's initial as transliterations agree on it: "J." and "Y." are one."""
    folded = fold(letter)
    return "y" if folded == "j" else folded
