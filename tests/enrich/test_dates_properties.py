"""Round-trip and safety properties of date recognition, over generated dates and texts."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import assume, given
from hypothesis import strategies as st

from tei_plenum.enrich.dates import VALUE_NAMES, find_dates, matches_near, normalise
from tei_plenum.enrich.dates_grammar import EVENT_NAME_NOUNS, POINT_PAIR, SLASH_DATE

MONTHS = list(calendar.month_name)[1:]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ABBREVIATED = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct."]
ABBREVIATED += ["Nov.", "Dec."]

dates = st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2099, 12, 31))
anchors = st.one_of(st.none(), dates)


def ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def day_forms(d: dt.date) -> list[str]:
    """Every way the grammar promises to read a full date."""
    month = MONTHS[d.month - 1]
    return [
        f"{d.day} {month} {d.year}",
        f"{d.day} {month.upper()} {d.year}",
        f"{d.day:02d} {month} {d.year}",
        f"{ordinal(d.day)} {month} {d.year}",
        f"{ordinal(d.day)} of {month} {d.year}",
        # The suffix set apart from the day, as some typescripts print it.
        f"{d.day} {ordinal(d.day)[-2:]} {month}, {d.year}",
        f"{d.day} {month} ({d.year})",
        f"{month} {d.day}, {d.year}",
        f"{month} {ordinal(d.day)}, {d.year}",
        f"{ABBREVIATED[d.month - 1]} {d.day}, {d.year}",
        f"{d.day} {ABBREVIATED[d.month - 1]} {d.year}",
        f"{d.day}.{ROMAN[d.month - 1]}.{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        d.isoformat(),
    ]


@given(dates)
def test_every_surface_form_of_a_day_normalises_to_its_iso_value(d: dt.date) -> None:
    for form in day_forms(d):
        assert normalise(form) == (("when", d.isoformat()),), form
        text = f"It was agreed on {form}, as reported."
        marks = find_dates(text)
        assert [(text[m.start : m.end], m.attrs) for m in marks] == [
            (form, (("when", d.isoformat()),))
        ], form


def numeric_forms(d: dt.date) -> list[str]:
    """The archive's numeric and year-first forms of a day, read with ``d`` as the anchor
    (two-digit years need the document's period); only forms that read one way."""
    short = f"{d.year % 100:02d}"
    forms = [
        f"{d.day}.{ROMAN[d.month - 1]}.{short}",
        f"{d.day:02d}.{d.month:02d}.{short}",
        f"{d.year}. {d.month:02d}. {d.day:02d}.",
        f"{d.year} {MONTHS[d.month - 1]} {d.day}",
        f"[[{d.day}]] {MONTHS[d.month - 1]} [[{short[0]}]]{short[1]}",
    ]
    if d.year % 100 > 31:
        forms.append(f"{short}. {d.month:02d}. {d.day:02d}.")
    if d.day > 12 or d.day == d.month:
        forms += [f"{d.day:02d}/{d.month:02d}/{short}", f"{d.month}/{d.day}/{d.year}"]
    return forms


@given(dates)
def test_every_numeric_form_round_trips_to_its_iso_value(d: dt.date) -> None:
    for form in numeric_forms(d):
        attrs = normalise(form, anchor=d)
        assert attrs is not None, form
        assert attrs[0] == ("when", d.isoformat()), form
        text = f"Registered on {form}, as agreed."
        marks = find_dates(text, anchor=d)
        assert [(text[m.start : m.end], m.attrs) for m in marks] == [(form, attrs)], form


@given(dates, st.booleans())
def test_an_ambiguous_slash_date_follows_the_order_it_is_given(d: dt.date, month_first: bool):
    assume(d.day <= 12 and d.day != d.month)
    anchor = d.replace(day=28) if d.day != 28 else d.replace(day=27)
    form = f"{d.month:02d}/{d.day:02d}/{d.year}" if month_first else f"{d.day}/{d.month}/{d.year}"
    attrs = normalise(form, anchor=anchor, month_first=month_first)
    assert attrs == (
        ("when", d.isoformat()),
        ("evidence", "internal"),
        ("cert", "high"),
        ("resp", "#resp-encoder"),
    )


@given(dates)
def test_months_and_years_normalise_to_their_precision(d: dt.date) -> None:
    month = MONTHS[d.month - 1]
    forms = (f"{month} {d.year}", f"{month.upper()} {d.year}", f"{month}, {d.year}")
    for form in (*forms, f"{month} ({d.year})"):
        assert normalise(form) == (("when", f"{d.year:04d}-{d.month:02d}"),), form
    text = f"The plan adopted in {d.year} was fulfilled."
    assert [m.attrs for m in find_dates(text)] == [(("when", f"{d.year:04d}"),)]


@given(dates, dates)
def test_generated_ranges_run_forwards_and_keep_their_ends(a: dt.date, b: dt.date) -> None:
    assume(a != b)
    first, last = min(a, b), max(a, b)
    expected = (("from", first.isoformat()), ("to", last.isoformat()))
    for start_form, end_form in zip(day_forms(first)[:3], day_forms(last)[:3], strict=True):
        for template in ("between {} and {}", "from {} to {}", "{} - {}", "{} – {}"):
            expression = template.format(start_form, end_form)
            assert normalise(expression) == expected, expression
        assert normalise(f"{end_form} - {start_form}") is None


@given(dates, st.integers(min_value=1, max_value=30))
def test_day_ranges_within_a_month_take_the_month_and_year_once(d: dt.date, span: int) -> None:
    last_day = calendar.monthrange(d.year, d.month)[1]
    assume(d.day + span <= last_day)
    month = MONTHS[d.month - 1]
    end = d.replace(day=d.day + span)
    expected = (("from", d.isoformat()), ("to", end.isoformat()))
    for expression in (
        f"{d.day}-{end.day} {month} {d.year}",
        f"between {d.day} and {end.day} {month} {d.year}",
        f"from {d.day} to {end.day} {month} {d.year}",
    ):
        assert normalise(expression) == expected, expression
    attrs = normalise(f"{d.day}-{end.day} {month} {d.year}")
    assert attrs is not None
    values = dict(attrs)
    assert values["from"] <= values["to"]


@given(dates, dates)
def test_inferred_years_stay_within_six_months_after_the_anchor(
    anchor: dt.date, d: dt.date
) -> None:
    assume(not (d.month == 2 and d.day == 29))
    attrs = normalise(f"{d.day} {MONTHS[d.month - 1]}", anchor=anchor)
    assert attrs is not None
    values = dict(attrs)
    inferred = dt.date.fromisoformat(values["when"])
    assert (inferred.month, inferred.day) == (d.month, d.day)
    assert inferred.year in (anchor.year, anchor.year - 1)
    assert values["cert"] == ("high" if inferred.year == anchor.year else "medium")
    assert (values["evidence"], values["resp"]) == ("internal", "#resp-encoder")
    # Going back a year happens only when the anchor's year would be over six months ahead.
    assert inferred < anchor + dt.timedelta(days=185)


@given(st.sampled_from(MONTHS), st.sampled_from(EVENT_NAME_NOUNS), st.booleans(), dates)
def test_a_month_before_a_capitalised_event_noun_is_never_dated(
    month: str, noun: str, capitals: bool, anchor: dt.date
) -> None:
    name = f"{month} {noun}".upper() if capitals else f"{month} {noun}"
    assert find_dates(f"They spoke during the {name} as well.", anchor=anchor) == []
    # In lower case the noun is an ordinary word, and the month after "in" stays a date.
    text = f"They spoke in {month} {noun.lower()} before."
    assert [text[m.start : m.end] for m in find_dates(text, anchor=anchor)] == [month]


# Numbers that are not dates: times, telephone, registration, telegram and file numbers,
# page ranges and archival references.
_n = st.integers(min_value=0, max_value=99999)
_small = st.integers(min_value=1, max_value=31)
not_dates = st.one_of(
    st.builds("{}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("{}:{:02d} p.m.".format, st.integers(1, 12), st.integers(0, 59)),
    st.builds("At {:02d}{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("tel. {}-{:02d}-{:02d}".format, _small, st.integers(0, 99), st.integers(0, 99)),
    st.builds("No. {:06d}".format, _n),
    st.builds("Nº {}".format, _n),
    st.builds("No. {}/{}/{:02d}".format, _small, _small, st.integers(0, 99)),
    st.builds("ll. {}.{}.{:02d}".format, _small, st.integers(1, 12), st.integers(0, 99)),
    st.builds("no. {:02d}/{:05d}".format, _small, _n),
    st.builds("pp. {}-{}".format, _small, _n),
    st.builds("f. {}, op. {}, d. {}, ll. {}-{}".format, _n, _small, _n, _small, _small),
    st.builds("Fond {}, Opis {}, Delo {}, Listy {}-{}".format, _n, _small, _n, _small, _small),
)


@given(st.lists(not_dates, min_size=1, max_size=4), anchors)
def test_numbers_that_are_not_dates_never_become_dates(parts: list[str], anchor) -> None:
    text = "; ".join(parts) + "."
    assert find_dates(text, anchor=anchor) == [], text


TOKENS = [
    "1",
    "12",
    "31",
    "1956",
    "1957",
    "2000",
    "57",
    "May",
    "June",
    "March",
    "SEPTEMBER",
    "Nov.",
    "III",
    "between",
    "and",
    "from",
    "to",
    "in",
    "of",
    "by",
    "until",
    "no later than",
    "first quarter",
    "half",
    "the",
    "Nº",
    "No.",
    "-",
    "–",
    ".",
    ",",
    ":",
    "/",
    "th",
    "s",
    "tons",
    "plenum",
    "24.III.",
    "50",
    "/",
    "[[",
    "]]",
    "this year",
    "last year",
    "half of",
    "through",
    "October Revolution",
    "October Crisis",
    "(",
    ")",
    "anniversary of",
    "[1961]",
    "c.y.",
    "of the c. y.",
    "Thursday",
    "the",
    "16th",
]
date_like_text = st.lists(
    st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", " ", "  ", "\n", "    "])),
    max_size=40,
).map(lambda parts: "".join(token + gap for token, gap in parts))
any_text = st.one_of(date_like_text, st.text(max_size=200))


@given(any_text, anchors)
def test_marks_lie_inside_the_text_and_never_overlap(text: str, anchor: dt.date | None) -> None:
    marks = find_dates(text, anchor=anchor)
    previous_end = 0
    for mark in marks:
        assert previous_end <= mark.start < mark.end <= len(text)
        assert mark.tag == "date"
        previous_end = mark.end


ISO = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
# A mark's reading may depend on words outside it: a day listed before another ("2 and 5
# September"), a month naming a meeting, an anniversary, a sentence about what is to come.
CONTEXT_WORDS = re.compile(r"\A,?\s*and\b|plenum|anniversary|Revolution")


@given(any_text, anchors)
def test_every_value_is_a_valid_iso_date_and_ranges_run_forwards(text: str, anchor) -> None:
    for mark in find_dates(text, anchor=anchor):
        values = {name: value for name, value in mark.attrs if name in VALUE_NAMES}
        assert values
        for value in values.values():
            assert ISO.fullmatch(value), value
            if len(value) == 10:
                dt.date.fromisoformat(value)
        if "when" in values:
            assert len(values) == 1
        if "from" in values and "to" in values:
            assert values["from"] < values["to"]


@given(any_text, anchors)
def test_marked_text_normalises_to_the_same_attributes(text: str, anchor: dt.date | None) -> None:
    for mark in find_dates(text, anchor=anchor, month_first=False):
        if CONTEXT_WORDS.search(text[mark.end :]) or CONTEXT_WORDS.search(text[: mark.start]):
            continue
        expression = text[mark.start : mark.end]
        if expression.upper() == "MAY":
            continue  # a month only after its preposition, which stays outside the mark
        assert normalise(expression, anchor=anchor, month_first=False) == mark.attrs


@given(st.text(alphabet="0123456789/.,a ", max_size=80))
def test_the_scan_near_slashes_and_points_finds_what_a_full_scan_finds(text: str) -> None:
    for pattern, anchor in ((SLASH_DATE, "/"), (POINT_PAIR, ".")):
        near = [(m.span(), m.groups()) for m in matches_near(pattern, text, anchor, 2)]
        assert near == [(m.span(), m.groups()) for m in pattern.finditer(text)]


@given(st.integers(1, 12), st.sampled_from(["last", "Last", "this past", "next"]), dates)
def test_last_and_next_month_are_its_nearest_before_and_after_the_documents_month(
    month: int, word: str, anchor: dt.date
) -> None:
    assume(anchor.year > 1500)
    assume(month != 5)  # "May" alone is a date only after a lead word ("in May")
    text = f"The fair opened {word} {MONTHS[month - 1]} in the capital."
    [found] = find_dates(text, anchor=anchor)
    year, number = map(int, dict(found.attrs)["when"].split("-"))
    assert number == month
    months_away = (year - anchor.year) * 12 + month - anchor.month
    # Whatever the distance: "last July" written in March is eight months back, not ahead.
    assert (-12 <= months_away <= -1) if word != "next" else (1 <= months_away <= 12)
