"""Round-trip and safety properties of date recognition, over generated dates and texts."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from tei_plenum.enrich.dates import find_dates, normalise

MONTHS = list(calendar.month_name)[1:]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ABBREVIATED = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct."]
ABBREVIATED += ["Nov.", "Dec."]

dates = st.dates(min_value=dt.date(1500, 1, 1), max_value=dt.date(2099, 12, 31))


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


@given(dates)
def test_months_and_years_normalise_to_their_precision(d: dt.date) -> None:
    month = MONTHS[d.month - 1]
    for form in (f"{month} {d.year}", f"{month.upper()} {d.year}", f"{month}, {d.year}"):
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
]
date_like_text = st.lists(
    st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", " ", "  ", "\n", "    "])),
    max_size=40,
).map(lambda parts: "".join(token + gap for token, gap in parts))
any_text = st.one_of(date_like_text, st.text(max_size=200))
anchors = st.one_of(st.none(), dates)


@given(any_text, anchors)
def test_marks_lie_inside_the_text_and_never_overlap(text: str, anchor: dt.date | None) -> None:
    marks = find_dates(text, anchor=anchor)
    previous_end = 0
    for mark in marks:
        assert previous_end <= mark.start < mark.end <= len(text)
        assert mark.tag == "date"
        previous_end = mark.end


@given(any_text, anchors)
def test_marked_text_normalises_to_the_same_attributes(text: str, anchor: dt.date | None) -> None:
    for mark in find_dates(text, anchor=anchor):
        names = [name for name, _ in mark.attrs]
        assert not ("when" in names and len({"from", "to", "notBefore", "notAfter"} & {*names}))
        assert normalise(text[mark.start : mark.end], anchor=anchor) == mark.attrs
