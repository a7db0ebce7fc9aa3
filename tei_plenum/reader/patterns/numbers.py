"""Numbers as the documents write them: in words ("Five copies"), as ordinals ("First."), and
as Roman numerals (section "II.")."""

from __future__ import annotations

from ... import pattern_cache

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip


def number_value(word: str) -> int | None:
    """Value of a count written in digits or in English words ("Five" -> 5)."""
    if word.isdigit():
        return int(word)
    return WORD_NUMBERS.get(word.lower())


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int | None:
    """Value of a Roman numeral made of I, V, X, L (section numbers), else None."""
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, [*numeral[1:], None], strict=True):
        value = _ROMAN[current]
        total += -value if following and _ROMAN[following] > value else value
    return total if 0 < total < 90 else None


_NUMBER_SIGN = pattern_cache.compile(r"(?:N[º°o]\.?|No\.|№|#)\s*\d")


def has_number_sign(text: str) -> bool:
    """Holds a number after a number sign ("Nº 196 Copy Nº 1", "No. 0666")."""
    return bool(_NUMBER_SIGN.search(text))
