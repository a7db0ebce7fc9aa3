"""Character classes for Latin-script names with diacritics (Široký, Ceaușescu, Gomułka).

Python's ``re`` has no ``\\p{Lu}``; these classes list the upper- and lower-case letters of
the Latin blocks up to U+024F, computed once from Unicode properties.
"""

from __future__ import annotations

import re

_LATIN = [chr(code) for code in range(0x41, 0x250)]
UPPER = "[" + re.escape("".join(c for c in _LATIN if c.isupper())) + "]"
"""A regex character class matching one capital letter (ASCII or accented Latin)."""
