"""The surface grammar of date expressions; the long rules are compiled on first use.

Every rule is a regular expression over the raw text; :mod:`tei_plenum.enrich.dates` decides
what a match means and rejects the ones that are not real dates. A rule is written once by a
builder that can emit it with named groups (to read the parts) or without (to build the single
locator that finds where any rule could start, so the text is scanned once).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from .. import pattern_cache

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
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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
    "ton",
    "tonnes",
    "tonne",
    "t",
    "kg",
    "km",
    "m",
    "metres",
    "meters",
    "ha",
    "hectares",
    "hectare",
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
    "ruble",
    "roubles",
    "won",
    "yuan",
    "yen",
    "dollars",
    "dollar",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "miles",
    "mile",
    "strong",
    "percent",
    "per",
    "%",
    "million",
    "millions",
    "billion",
    "billions",
    "thousand",
)
# Nouns after a month (with or without a day) that make it part of an event's name: "the
# October Revolution", "the March 1st Movement".
EVENT_NOUNS = (
    "revolution",
    "socialist",
    "uprising",
    "rising",
    "revolt",
    "insurrection",
    "movement",
    "incident",
    "liberation",
    "coup",
    "war",
)
# Nouns that name an event after a month only when capitalised, as a proper name is: "the
# October Crisis", "the July Days", "the April Theses". In lower case they are ordinary words
# that may follow a month ("in October strikes broke out"), and the month stays a date.
EVENT_NAME_NOUNS = (
    "Crisis",
    "Events",
    "Days",
    "Offensive",
    "Putsch",
    "Strike",
    "Strikes",
    "Massacre",
    "Affair",
    "Manifesto",
    "Theses",
)
# Nouns after a month that name a meeting held in that month: "the September Plenum".
MEETING_NOUNS = ("plenum", "conference", "congress", "session", "meeting", "assembly")
# Words before a number that make it a reference, not a date ("No. 12/3/57", "ll. 1.2.58").
REFERENCE_WORDS = (
    "no",
    "nº",
    "n°",
    "nos",
    "number",
    "ref",
    "file",
    "reg",
    "registration",
    "incoming",
    "outgoing",
    "f",
    "fond",
    "op",
    "opis",
    "d",
    "delo",
    "l",
    "ll",
    "list",
    "listy",
    "p",
    "pp",
    "page",
    "pages",
    "tel",
    "telephone",
    "phone",
    "telegram",
    "cable",
    "protocol",
    "art",
    "article",
    "para",
    "paragraph",
    "section",
    "item",
    "point",
    "§",
    "#",
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
_NUMERIC_MONTH = r"1[0-2]|0?[1-9]"
_DAY_OVER_TWELVE = r"(?:3[01]|2\d|1[3-9])(?!\d)"
_TWO_DIGIT_MONTH = r"(?:1[0-2]|0[1-9])(?!\d)"
_ZERO_MONTH = r"0[1-9]"
_TWO_DIGITS = r"\d\d(?!\d)"
_YEAR_OR_TWO_DIGITS = YEAR + "|" + _TWO_DIGITS
# A year written first with two digits must be one no day can be: "80. 10. 02.".
_LEADING_SHORT_YEAR = r"(?:3[2-9]|[4-9]\d)(?!\d)"
# Digits read with doubt are doubled brackets (guide §9.1): "[[23]] March [[6]]1".
UNCERTAIN = pattern_cache.compile(r"\[\[|\]\]")
_UNCERTAIN_DAY = rf"\[\[{_DAY}\]\]"
_UNCERTAIN_YEAR = r"(?:\d{1,3}\[\[\d{1,3}\]\]\d{0,3}|\[\[\d{1,4}\]\]\d{0,3})(?!\d)"
_ORDINAL = r"(?:st|nd|rd|th|ST|ND|RD|TH)?"
# An ordinal suffix set apart from its day by a space, as some typescripts print it ("28 th
# September"): read only right before a month, so "the 28 th" alone stays nothing.
_SPACED_ORDINAL = " (?:st|nd|rd|th|ST|ND|RD|TH)"
_ROMAN = "(?:" + _alternatives(sorted(ROMAN_MONTHS, key=len, reverse=True)) + ")"
# Gaps between the words of a date are bounded so that a date never starts more than
# LOOKBACK characters before its first digit or month name (the scanner relies on it).
_SP = r"\s{1,3}"
# A tilde joins a range as a dash does in East Asian documents ("25th ~ 28th").
_DASH = r"\s{0,3}[-–—~]\s{0,3}"
_COMMA = r",?\s{1,3}"
# A date never continues a word, a number, an abbreviation or a reference ("No.12", "3/12").
_START = r"(?<![\w./\-–—])"
# Nor runs into a time, a decimal or a reference ("10.30", "1956.5", "12/1956"), nor stops
# before a dash that leads to a number: "1985- 1986" is one range. A slash may join the
# hour to a telegram's date ("06.03.1976/03:00").
_END = r"(?!\w)(?!/(?!\d\d?:\d\d(?!\d)))(?![.,:]\d)(?!\s?[\-–—~]\s?\d)"
# A two-digit year after a month name ends the expression: "11 September 57" is a date,
# "11 September 57 workers" is not.
_CLOSED = r"(?!\s{0,3}[\w%])"
# The year said relative to the document's: "14 June this year", "March of last year".
RELATIVE_YEARS = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1}
RELATIVE_YEARS |= {"following": 1}
_RELATIVE = r"(?:this|last|next|the\s{1,3}(?:current|previous|past|following|next))"
# "c.y." (current year), as East European translations write it: "May 12 c.y.", "12 May of
# the c.y."; its full stop belongs to the abbreviation, so it is inside the mark.
_CURRENT_YEAR = r"c\.\s?y\."
_OF_CURRENT_YEAR = rf"{_COMMA}(?:of{_SP}(?:the{_SP})?)?"
# A month standing alone before "c.y." is a month whatever its name: "May c.y.".
_MONTH_OF_CURRENT_YEAR = rf"{MONTH}(?={_OF_CURRENT_YEAR}{_CURRENT_YEAR})"
# A day named by its weekday, without a month: "Thursday 16", "Thursday the 16th".
WEEKDAY = "(?:" + _alternatives(_cased(WEEKDAY_NAMES)) + r")(?!\w)"

# The words a date may start with before its first digit or month name, one tuple per rule
# that has them; LEAD, the scanner's first test at a word, is built from them all.
_BOUND_WORDS = ("not", "no", "by", "until", "till")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "last")
_FUZZY_WORDS = ("early", "late", "mid")
_YEAR_PREPOSITIONS = ("in", "of", "for", "since", "before", "after", "during", "from", "to")
_DETERMINERS = ("the", "its", "their", "our", "this")
_LEAD_WORDS: tuple[str, ...] = ("between", "from", *_BOUND_WORDS, *_ORDINAL_WORDS, *_FUZZY_WORDS)
_LEAD_WORDS += (*_YEAR_PREPOSITIONS, *_DETERMINERS, *WEEKDAY_NAMES)


def _words(words: tuple[str, ...]) -> str:
    return "(?i:" + "|".join(words) + ")"


Group = Callable[[str, str], str]


def _grouper(prefix: str | None) -> Group:
    """Name groups with ``prefix`` (to read them back) or leave them anonymous (the locator)."""
    if prefix is None:
        return lambda _name, body: f"(?:{body})"
    return lambda name, body: f"(?P<{prefix}{name}>{body})"


def _year_of_month(g: Group, name: str, bracketed: str) -> str:
    """The year right after a month: "August 1955", "August, 1955", or "August (1955)", a year
    printed in parentheses, which names the month's year just the same."""
    return rf"(?:{_COMMA}{g(name, YEAR)}|{_SP}\({g(bracketed, YEAR)}\))"


# Words after which two numbers joined by a point are a time or an amount, not a day and month.
_QUANTITY_BEFORE = ("at", "by", "about", "around", "approximately", "over", "under", "some")


def _yearless(g: Group) -> str:
    """A day and month without a year ("23.10.", "24.III"), whose year is the document's (a
    Roman month may have its year after a space, "15.XI 1962"): the
    month in two digits or Roman, so that a decimal ("3.5") stays a number, and never a
    quantity ("24.10 tons", "rose by 12.05"), nor a time ("at 10.05", "10.05 hours"). The
    month first only where the day cannot be a month and the month has its zero ("01.22",
    as some ciphergrams' headers write it); two numbers that read both ways are read in the
    document's order (:func:`~tei_plenum.enrich.dates.numeric_order`)."""
    units = "|".join(re.escape(u) for u in UNIT_WORDS)
    not_after = "".join(rf"(?<!\b(?i:{w}) )" for w in _QUANTITY_BEFORE)
    # A Roman month may have its year after a space, with no point between them ("2.II 64.",
    # "15.XI 1962"); a year of two digits only before a stop, which ends the date.
    roman_year = rf"(?:\s{{1,2}}{g('ky', YEAR + '|' + _TWO_DIGITS + '(?=[.])')})?"
    return (
        not_after
        + rf"(?:{g('kd', _DAY)}\.(?:{g('kr', _ROMAN)}{roman_year}|{g('km', _TWO_DIGIT_MONTH)})"
        + rf"|{g('ka', _ZERO_MONTH)}\.{g('kb', _DAY_OVER_TWELVE)})"
        + rf"(?!\s{{0,3}}(?:{units}|hours?|hrs|h|[ap]\.m\.|o'clock)(?!\w))"
    )


def _point(g: Group, *, day_only: bool, year_only: bool, bare_month: str) -> str:
    """One calendar point; the forms are tried in order, so a form that reads more of the text
    comes before the shorter forms it starts like."""
    day_of = f"(?:{_ORDINAL}(?:{_SP}(?i:of))?|{_SPACED_ORDINAL}){_SP}"
    numeric_month = g("nr", _ROMAN) + "|" + g("nm", _NUMERIC_MONTH)
    forms = [
        f"{g('iy', YEAR)}-{g('im', '0[1-9]|1[0-2]')}-{g('id', _ISO_DAY)}",
        # Year first, as Hungarian and Japanese documents write it.
        rf"{g('hy', YEAR)}\.\s?{g('hm', _NUMERIC_MONTH)}\.\s?{g('hd', _DAY)}\.?",
        rf"{g('hs', _LEADING_SHORT_YEAR)}\.\s?{g('hn', _NUMERIC_MONTH)}\.\s?{g('he', _DAY)}\.",
        rf"{g('nd', _DAY)}\.\s?(?:{numeric_month})\.\s?{g('ny', _YEAR_OR_TWO_DIGITS)}",
        # Month first, as a US-style rendering writes it, read only where no day comes
        # first ("10.31.1962"); "10.11.1962" stays day first, as the nd form reads it.
        rf"{g('oa', _NUMERIC_MONTH)}\.\s?{g('ob', _DAY_OVER_TWELVE)}\.\s?"
        + g("oy", _YEAR_OR_TWO_DIGITS),
        _yearless(g),
        f"{g('sa', '[0-3]?[0-9]')}/{g('sb', '[0-3]?[0-9]')}/{g('sy', _YEAR_OR_TWO_DIGITS)}",
        f"{g('jy', YEAR)}{_SP}{g('jm', MONTH)}{_SP}{g('jd', _DAY)}{_ORDINAL}",
        # Digits read with doubt, or a two-digit year, which must end the date.
        f"{g('ud', _UNCERTAIN_DAY + '|' + _DAY)}{day_of}{g('um', MONTH)}{_SP}"
        + g("uy", f"(?:{_UNCERTAIN_YEAR}|{_TWO_DIGITS}){_CLOSED}|{YEAR}"),
        f"{g('ad', _DAY)}{day_of}{g('am', MONTH)}{_year_of_month(g, 'ay', 'ap')}?",
        # A comma may stand between the month and an ordinal day before a stop ("(July,
        # 30th)"), never before a word ("In July, 1st Secretary Kim …").
        f"{g('bm', MONTH)}(?:{_SP}|,{_SP}(?=\\d\\d?(?:st|nd|rd|th)\\s*[),.;:]))"
        + f"{g('bd', _DAY)}{_ORDINAL}(?:{_COMMA}{g('by', YEAR)})?",
        f"{g('cm', MONTH)}{_year_of_month(g, 'cy', 'cp')}",
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
    lone_month = f"{BARE_MONTH}|{_MONTH_OF_CURRENT_YEAR}"
    single = _point(side("p_"), day_only=False, year_only=False, bare_month=lone_month)
    bounded = _point(side("p_"), day_only=False, year_only=True, bare_month=lone_month)
    units = "|".join(re.escape(u) for u in UNIT_WORDS)
    not_a_quantity = rf"(?!\s{{0,3}}(?:{units})(?!\w))"
    japanese_order = f"(?!{_SP}{MONTH}{_SP}{_DAY})"
    relative = f"(?:{_COMMA}(?:(?i:of){_SP})?{g('rel', f'(?i:{_RELATIVE})')}{_SP}(?i:year)"
    relative += f"|{_OF_CURRENT_YEAR}{g('cur', _CURRENT_YEAR)})?"
    bound_words = f"(?i:not?{_SP}(?:later|earlier){_SP}than|by|until|till)"  # _BOUND_WORDS
    time_of_day = f"(?:(?i:the{_SP}(?:morning|afternoon|evening|night){_SP}of){_SP})?"
    ordinal_words = _words((*_ORDINAL_WORDS, "1st", "2nd", "3rd", "4th"))
    count_words = "(?i:two|three)"
    this_month = f"{_SP}of{_SP}(?:this|the{_SP}current|(?:the{_SP})?(?:next|last|past)){_SP}month"
    days = f"{g('ld', _DAY + _ORDINAL + f'(?:,{_SP}{_DAY}{_ORDINAL})*')},?{_SP}(?i:and){_SP}"
    to_words = f"(?:{_SP}(?i:to|until|till|through|thru){_SP}|{_DASH})"

    def within(lead: str, joiner: str) -> str:
        """Two days of one month, the month first: "between December 19 and 24", the year
        before the month in Japanese order ("1972 September 25th ~ 28th")."""
        return (
            f"{lead}(?:{g('wx', YEAR)}{_SP})?{g('wm', MONTH)}{_SP}{g('wa', _DAY)}{_ORDINAL}{joiner}"
            + f"{g('wb', _DAY)}{_ORDINAL}(?:{_COMMA}{g('wy', YEAR)})?{relative}"
        )

    dash = f"(?:{_DASH}|{_SP}(?i:through|thru){_SP})"
    # "12 to 15 December": a bare "to" joins two days only when a month follows the second.
    day_to_day = f"(?<=\\d){_SP}(?i:to){_SP}(?={_DAY}{_ORDINAL}{_SP}{MONTH})"
    return {
        "within_between": within(f"(?i:between){_SP}", f"{_SP}(?i:and){_SP}"),
        "within_from": within(f"(?i:from){_SP}", to_words),
        "within_dash": within("", dash),
        "between": f"(?i:between){_SP}{left}{_SP}(?i:and){_SP}{right}{relative}",
        "from": f"(?i:from){_SP}{left}{to_words}{right}{relative}",
        "years": rf"{g('ya', YEAR)}\s?[-–—]\s?{g('yb', _YEAR_OR_TWO_DIGITS)}",
        "nights": f"{g('xa', _DAY)}/{g('xb', _DAY)}{_SP}{g('xm', MONTH)}"
        + f"(?:{_COMMA}{g('xy', YEAR)})?{relative}",
        "days": f"{days}{g('ed', _DAY)}{_ORDINAL}{_SP}{g('em', MONTH)}"
        + f"(?:{_COMMA}{g('ey', YEAR)})?{relative}",
        "dash": f"{left}(?:{dash}|{day_to_day}){right}{relative}",
        "pair": f"{g('pm', MONTH)}{_SP}(?i:and){_SP}{g('qm', MONTH)}{_COMMA}{g('qy', YEAR)}",
        "bound": f"{g('q', bound_words)}{_SP}{time_of_day}{bounded}{relative}",
        "part": f"{g('n', ordinal_words)}{_SP}(?:{g('k', count_words)}{_SP})?"
        + f"{g('unit', '(?i:quarters?|half)')}{_SP}(?i:of){_SP}"
        + f"(?:{g('pm', MONTH)}(?:{_COMMA}{g('py', YEAR)})?|{g('py2', YEAR)}"
        + f"|{g('rel', f'(?i:{_RELATIVE})')}{_SP}(?i:year))",
        "decade": g("dy", r"(?:1[5-9]|20)\d0") + "'?s",
        "fuzzy": f"{g('f', _words(_FUZZY_WORDS))}(?:-|{_SP})"
        + f"(?:{g('fm', MONTH)}(?:{_COMMA}{g('fy', YEAR)})?|{g('fy2', YEAR)})",
        "point": single + relative,
        "after": f"{_words(_YEAR_PREPOSITIONS)}{_SP}{g('ty', YEAR)}"
        + not_a_quantity
        + japanese_order,
        # A year the translator supplied: "the Third Congress [1956]".
        "supplied": rf"(?<=\[){g('ty', YEAR)}(?=\])",
        # A year named with another: "the agreements of 1957 and 1959".
        "also": "(?:"
        + "|".join(rf"(?<=\b(?:1[5-9]|20)\d\d{w} )" for w in (",", " and", " or"))
        + ")"
        + g("ty", YEAR)
        + not_a_quantity,
        # A year as a modifier, after an article or at a clause's start: "the 1958 plan",
        # "; 1974 freight is to be"; a plural after it makes it a count ("1958 tractors").
        "modifier": rf"(?:(?:{_words(_DETERMINERS)}{_SP})|(?<=[.;:] )|^)"
        + g("ty", YEAR)
        + rf"(?=\s[a-z]+\b)(?!\s(?:{units})\b)(?!\s[a-z]*s\b)"
        + japanese_order,
        # A title's closing year: "Fisheries talks, 1974".
        "closing": rf"(?<=[^\W\d_], ){g('ty', YEAR)}(?=\.?\s*\Z)",
        # A weekday and a day of the month: "Thursday 16", "Thursday the 16th"; not before a
        # month (the day's own date), a count of things or a time ("Monday 3 ships", "3 p.m.").
        "weekday": f"{g('wk', WEEKDAY)}{_SP}(?:the{_SP})?{g('wkd', _DAY)}{_ORDINAL}"
        + f"(?!{_SP}(?:(?i:of){_SP})?{MONTH})"
        + not_a_quantity
        + r"(?!\s{1,3}(?:[ap]\.m\.|o'clock|hours?\b))"
        + r"(?!\s{1,3}(?!(?:was|has|is|as|this|us)\b)[a-z]{2,}s\b)",
        # A day of the month alone, as telegrams date what just happened or is about to:
        # "On the 14th, the Premier received …", "at 10:30 on the 14th.", "on the evening of
        # the 13th" (only before a stop, a closing quote, the end, "at" or "in": never "on
        # the 20th Congress", "on the 17th parallel"), or "of this month" (or of the next or
        # the last).
        "day": f"(?:{_DAY_ALONE_AFTER}){g('dd', _DAY)}(?:st|nd|rd|th)"
        + f"(?:{g('tm', this_month)}|(?=[,.;)'’\"”]|\\s(?:at|in)\\s|$))",
    }


# What stands before a day of the month alone: "on the", or "on the" a part of the day "of
# the" (one look-behind each, since each must have a fixed width).
_DAY_ALONE_AFTER = "|".join(
    rf"(?<=\b[Oo]n the {part})"
    for part in ("", "morning of the ", "afternoon of the ", "evening of the ", "night of the ")
)

# Tried in this order at each candidate position; the first rule that yields a date wins.
FIND_ORDER = (
    "within_between",
    "within_from",
    "within_dash",
    "between",
    "from",
    "years",
    "nights",
    "days",
    "dash",
    "pair",
    "bound",
    "part",
    "decade",
    "fuzzy",
    "point",
    "after",
    "supplied",
    "also",
    "modifier",
    "closing",
    "weekday",
    "day",
)


def _compile(body: str) -> re.Pattern[str]:
    return pattern_cache.compile(_START + body + _END)


# The rules and the locator are long patterns, slow to compile: each is compiled when first
# used, once per process, so a command that reads no date does not pay for them and a single
# document compiles only the rules its text reaches.
@functools.cache
def _named() -> dict[str, str]:
    return _rule_sources(named=True)


@functools.cache
def rule(kind: str) -> re.Pattern[str]:
    """The compiled rule of ``kind`` (one of :data:`FIND_ORDER`), with named groups."""
    return _compile(_named()[kind])


def rules_from(kind: str | None) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The rules in :data:`FIND_ORDER` from ``kind`` on (none for ``None``), compiled lazily."""
    first = len(FIND_ORDER) if kind is None else FIND_ORDER.index(kind)
    return ((k, rule(k)) for k in FIND_ORDER[first:])


@functools.cache
def bare_year() -> re.Pattern[str]:
    """A whole expression given to normalise() may also be a bare year ("1957" from a header)."""
    return _compile(_grouper("")("yy", YEAR))


@functools.cache
def locator() -> re.Pattern[str]:
    """One anchored test of "could any rule start here?", cheaper than trying each rule in
    turn; the group that matched names the first rule worth trying."""
    anonymous = _rule_sources(named=False)
    return pattern_cache.compile(
        _START + "(?:" + "|".join(f"(?P<{k}>{anonymous[k]})" for k in FIND_ORDER) + ")" + _END
    )


# Every date holds a digit or a month name, found by a fast scan for their first letters, or
# a year said relative to the document's ("the first quarter of this year"), found by a
# second scan for the word "year" in the texts that hold it; the rules are tried only at word
# starts shortly before them.
HOTSPOT = pattern_cache.compile(r"[\dJFMASOND](?:(?<=\d)|[aepucoAEPUCO])\w*")
YEAR_WORD = pattern_cache.compile(r"(?:year|Year|YEAR)\b")
RELATIVE_BEFORE = pattern_cache.compile(r"\b(?i:" + _RELATIVE + r")\s{1,3}\Z")
# A rule may also start at the doubled bracket of a digit read with doubt.
WORD_START = pattern_cache.compile(r"\[\[(?=\d)|\b\w")
# Before its first digit or month name a date starts only with one of the lead words: a cheap
# first test at each word of the lead-in, before the locator.
LEAD = pattern_cache.compile(_words(_LEAD_WORDS) + r"\b")
# The longest lead-in before a date's first digit or month is a bound with a time of day
# ("not later than the evening of ": 28 letters and spaces, wider gaps allowed); the scanner
# tests only the words that may lead a date, so the margin costs little.
LOOKBACK = 40

# One day of a list of days ("2, 3 and 5 September"), with its ordinal suffix.
LISTED_DAY = pattern_cache.compile(r"(\d+)(?:st|nd|rd|th)?", re.IGNORECASE)

# Context of a date, read from the words around its match (never more than CONTEXT characters).
CONTEXT = 80
# The noun of an event's name after a month: one of EVENT_NOUNS in any case, or one of
# EVENT_NAME_NOUNS capitalised, unless a name in capitals follows it through "of": that is a
# festival held in the month ("in October Days of Soviet Culture will open").
_EVENT_NAME = "(?:" + "|".join(_cased(EVENT_NAME_NOUNS)) + r")\b(?!\s{1,3}of\s{1,3}[A-Z])"
EVENT_AFTER = pattern_cache.compile(
    r"\s{1,3}\[?(?:(?i:" + "|".join(EVENT_NOUNS) + r")\b|" + _EVENT_NAME + ")",
)
EVENT_BEFORE = pattern_cache.compile(r"(?i:\bGreat)\s{1,3}\Z")
MEETING_AFTER = pattern_cache.compile(
    r"(?:\s{1,3}[A-Z][\w'-]*){0,2}\s{1,3}(?P<noun>(?i:" + "|".join(MEETING_NOUNS) + r"))\b"
)
_ORDINAL_NUMBERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "fifteenth": 15,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "thirty-fifth": 35,
    "fortieth": 40,
    "forty-fifth": 45,
    "fiftieth": 50,
}
ANNIVERSARY_WORDS = _ORDINAL_NUMBERS
ANNIVERSARY_BEFORE = pattern_cache.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)?\s{1,3}anniversary\s{1,3}of\s{1,3}(?:the\s{1,3})?\Z|"
    r"\b(?P<w>(?i:" + "|".join(_ORDINAL_NUMBERS) + r"))\s{1,3}anniversary\s{1,3}of"
    r"\s{1,3}(?:the\s{1,3})?\Z",
    re.IGNORECASE,
)
REFERENCE_BEFORE = pattern_cache.compile(
    r"(?:^|[\s(\[])(?i:" + "|".join(re.escape(w) for w in REFERENCE_WORDS) + r")\.?:?\s{0,3}\Z"
)
# A sentence that speaks of what is still to come: its months are not pushed into the past.
FUTURE = pattern_cache.compile(
    r"\b(?:will|shall|would|is to|are to|to be held|planned|plans|scheduled|forthcoming"
    r"|upcoming|intends?|expected|next)\b|(?:^|[.:;]\s{1,3})To\s[a-z]+",
)
# "last July", "this past July", "next July": the month's nearest occurrence before or after the
# document's date, whatever the distance.
MONTH_BEFORE_ANCHOR = pattern_cache.compile(r"\b(?i:last|this\s{1,3}past)\s{1,3}\Z")
MONTH_AFTER_ANCHOR = pattern_cache.compile(r"\b(?i:next|this\s{1,3}coming)\s{1,3}\Z")
SENTENCE_END = pattern_cache.compile(r"[.!?](?=\s|\Z)")
# Slash dates of the whole document, read once to learn its order of day and month.
# What stands before a slash date is tested apart, as for POINT_PAIR below.
SLASH_DATE = pattern_cache.compile(r"([0-3]?\d)/([0-3]?\d)/(?:\d\d|\d{4})(?![\w/])")
# Two numbers of two digits joined by a point, as day and month or month and day are written
# (what stands before them is tested apart: a pattern that opens with a look-behind cannot
# skip ahead to the next digit, and is three times slower).
POINT_PAIR = pattern_cache.compile(r"(\d\d)\.(\d\d)(?![\d,])")
# Marks of a document of United States origin, where slash dates put the month first.
# The word boundary before them is tested apart: a pattern that opens with one cannot skip
# ahead to the first letters of its words.
US_ORIGIN = pattern_cache.compile(
    r"(?:Department of State,? Central (?:Decimal )?Files|National Archives and Records"
    r" Administration|NARA|Record Group \d+|RG \d+|Foreign Relations of the United States|FRUS"
    r"|SecState|SECSTATE|Amembassy|AMEMBASSY|Embtel|EMBTEL|Deptel|DEPTEL|WASHDC)\b"
)
