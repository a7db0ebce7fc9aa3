"""Letters: character classes for Latin-script names with diacritics (Široký, Ceaușescu,
Gomułka), and whether a line is printed in capitals.

Python's ``re`` has no ``\\p{Lu}``; these classes list the upper- and lower-case letters of
the Latin blocks up to U+024F, computed once from Unicode properties.
"""

from __future__ import annotations

import re

_LATIN = [chr(code) for code in range(0x41, 0x250)]
UPPER = "[" + re.escape("".join(c for c in _LATIN if c.isupper())) + "]"
"""A regex character class matching one capital letter (ASCII or accented Latin)."""


def is_upper(text: str) -> bool:
    """Mostly capital letters (four in five or more): a title or signature in capitals."""
    # Counted with C-level string methods: this runs on every candidate block.
    lower = sum(map(str.islower, text))
    upper = sum(map(str.isupper, text))
    return upper + lower >= 2 and upper >= 4 * lower


def display_name(name: str) -> str:
    """A name as a record shows it: one printed in capitals ("S. N. KARELIN") in title case
    ("S. N. Karelin"); initials and short particles stay as printed."""
    if is_upper(name):
        return " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    return name
