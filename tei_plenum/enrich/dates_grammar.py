"""The surface grammar of date expressions, compiled once at import.

Every rule is a regular expression over the raw text; :mod:`tei_plenum.enrich.dates` decides
what a match means and rejects the ones that are not real dates. A rule is written once by a
builder that can emit it with named groups (to read the parts) or without (to build the single
locator that finds where any rule could start, so the text is scanned once).
"""

from __future__ import annotations

import re
from collections.abc import Callable

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "Sept" must come before "Sep" so the longer abbreviation wins.
_ABBREVIATIONS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
ROMAN_MONTHS = {
    r: n
    for n, r in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), 1
    )
}
# Words after a bare year that make it a quantity, not a date ("of 1957 tons").
UNIT_WORDS = (
    "tons",
    "tonnes",
    "t",
    "kg",
    "km",
    "m",
    "ha",
    "hectares",
    "jeongbo",
    "chongbo",
    "people",
    "persons",
    "men",
    "workers",
    "units",
    "pieces",
    "copies",
    "cars",
    "head",
    "rubles",
    "roubles",
    "won",
    "yuan",
    "dollars",
    "percent",
    "per",
    "%",
)


def _cased(words: tuple[str, ...]) -> list[str]:
    """Title case and capitals only: lower-case "march" or "may" are not months."""
    return [form for word in words for form in (word, word.upper())]


def _alternatives(words: list[str]) -> str:
    return "|".join(words)


_FULL_MONTHS = _cased(MONTH_NAMES)
MONTH = (
    "(?:" + _alternatives(_FULL_MONTHS + [rf"{a}\.?" for a in _cased(_ABBREVIATIONS)]) + r")(?!\w)"
)
# A month standing alone must be spelt out, and "May" alone is too often the verb: it is a
# month only right after a preposition ("in May", "by May").
_MAY_CUES = ("in", "In", "of", "since", "until", "till", "by", "before", "after", "during")
_MAY = "(?:" + "|".join(f"(?<={cue} )" for cue in _MAY_CUES) + ")(?:May|MAY)"
BARE_MONTH = (
    "(?:" + _alternatives([m for m in _FULL_MONTHS if m.lower() != "may"] + [_MAY]) + r")(?!\w)"
)
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?!\d)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_ISO_DAY = r"0[1-9]|[12]\d|3[01]"
_YEAR_OR_TWO_DIGITS = YEAR + r"|\d\d(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
_ROMAN = "(?:" + _alternatives(sorted(ROMAN_MONTHS, key=len, reverse=True)) + ")"
# Gaps between the words of a date are bounded so that a date never starts more than
# LOOKBACK characters before its first digit or month name (the scanner relies on it).
_SP = r"\s{1,3}"
_DASH = r"\s{0,3}[-–—]\s{0,3}"
_COMMA = r",?\s{1,3}"
# A date never continues a word, a number, an abbreviation or a reference ("No.12", "3/12").
_START = r"(?<![\w./\-–—])"
# Nor runs into a time, a decimal or a reference ("10.30", "1956.5", "12/1956").
_END = r"(?![\w/])(?![.,:\-–—]\d)"

Group = Callable[[str, str], str]


def _grouper(prefix: str | None) -> Group:
    """Name groups with ``prefix`` (to read them back) or leave them anonymous (the locator)."""
    if prefix is None:
        return lambda _name, body: f"(?:{body})"
    return lambda name, body: f"(?P<{prefix}{name}>{body})"


def _point(g: Group, *, day_only: bool, year_only: bool, bare_month: str) -> str:
    """One calendar point; the forms are tried longest first so a match takes all it can."""
    day_of = f"{_ORDINAL}(?:{_SP}(?i:of))?{_SP}"
    forms = [
        f"{g('iy', YEAR)}-{g('im', '0[1-9]|1[0-2]')}-{g('id', _ISO_DAY)}",
        rf"{g('nd', _DAY)}\.\s?(?:{g('nr', _ROMAN)}|{g('nm', '1[0-2]|0?[1-9]')})\.\s?"
        + g("ny", YEAR),
        f"{g('ad', _DAY)}{day_of}{g('am', MONTH)}(?:{_COMMA}{g('ay', YEAR)})?",
        f"{g('bm', MONTH)}{_SP}{g('bd', _DAY)}{_ORDINAL}(?:{_COMMA}{g('by', YEAR)})?",
        f"{g('cm', MONTH)}{_COMMA}{g('cy', YEAR)}",
        g("mm", bare_month),
    ]
    if day_only:
        forms.append(g("dd", _DAY) + _ORDINAL)
    if year_only:
        forms.append(g("yy", YEAR))
    return "(?:" + "|".join(forms) + ")"


def _rule_sources(named: bool) -> dict[str, str]:
    """The body of every rule, by kind; named groups are prefixed by the side they describe."""

    def side(prefix: str) -> Group:
        return _grouper(prefix if named else None)

    g = side("")
    left = _point(side("l_"), day_only=True, year_only=True, bare_month=MONTH)
    right = _point(side("r_"), day_only=False, year_only=True, bare_month=MONTH)
    single = _point(side("p_"), day_only=False, year_only=False, bare_month=BARE_MONTH)
    bounded = _point(side("p_"), day_only=False, year_only=True, bare_month=BARE_MONTH)
    units = "|".join(re.escape(u) for u in UNIT_WORDS)
    bound_words = f"(?i:not?{_SP}(?:later|earlier){_SP}than|by|until|till)"
    ordinal_words = "(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
    return {
        "between": f"(?i:between){_SP}{left}{_SP}(?i:and){_SP}{right}",
        "from": f"(?i:from){_SP}{left}(?:{_SP}(?i:to|until|till){_SP}|{_DASH}){right}",
        "years": rf"{g('ya', YEAR)}\s?[-–—]\s?{g('yb', _YEAR_OR_TWO_DIGITS)}",
        "dash": f"{left}{_DASH}{right}",
        "pair": f"{g('pm', MONTH)}{_SP}(?i:and){_SP}{g('qm', MONTH)}{_COMMA}{g('qy', YEAR)}",
        "bound": f"{g('q', bound_words)}{_SP}{bounded}",
        "part": f"{g('n', ordinal_words)}{_SP}{g('unit', '(?i:quarter|half)')}{_SP}(?i:of){_SP}"
        + g("py", YEAR),
        "decade": g("dy", r"(?:1[5-9]|20)\d0") + "'?s",
        "point": single,
        "after": f"(?i:in|of|for|since|before|after|during|from|to){_SP}{g('ty', YEAR)}"
        + rf"(?!\s{{0,3}}(?:{units})(?!\w))",
    }


# Tried in this order at each candidate position; the first rule that yields a date wins.
FIND_ORDER = (
    "between",
    "from",
    "years",
    "dash",
    "pair",
    "bound",
    "part",
    "decade",
    "point",
    "after",
)


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(_START + body + _END)


_NAMED = _rule_sources(named=True)
RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, _compile(_NAMED[kind])) for kind in FIND_ORDER
)
# A whole expression given to normalise() may also be a bare year ("1957" from a header).
BARE_YEAR = _compile(_grouper("")("yy", YEAR))
_ANONYMOUS = _rule_sources(named=False)
# One anchored test of "could any rule start here?", cheaper than trying each rule in turn.
LOCATOR = re.compile(_START + "(?:" + "|".join(_ANONYMOUS[k] for k in FIND_ORDER) + ")" + _END)
# Every date holds a digit or a month name; these are found by a fast scan for their first
# letters, and the rules are tried only at word starts shortly before them.
HOTSPOT = re.compile(r"[\dJFMASOND](?:(?<=\d)|[aepucoAEPUCO])\w*")
WORD_START = re.compile(r"\b\w")
# The longest lead-in before a date's first digit or month is "fourth quarter of " (15 letters,
# three gaps of at most 3 characters: 24); the margin costs nothing.
LOOKBACK = 32
