"""Date forms of the archive's translations and the readings that need the document around
them (encoding guide §10; docs/dates.md). Every expected value is worked out by hand from the
calendar and the rule the test names."""

from __future__ import annotations

import datetime as dt

import pytest

from tei_plenum.enrich.dates import enrich_dates, find_dates, normalise, numeric_order
from tei_plenum.model import Block, Document, Role, SourceSpan

ENCODER = ("resp", "#resp-encoder")


def inferred(cert: str) -> tuple[tuple[str, str], ...]:
    return (("evidence", "internal"), ("cert", cert), ENCODER)


HIGH, MEDIUM, LOW = inferred("high"), inferred("medium"), inferred("low")
OCT_1950 = dt.date(1950, 10, 5)
MAR_1957 = dt.date(1957, 3, 15)


def marked(text: str, anchor: dt.date | None = None, **options: bool) -> list[tuple[str, tuple]]:
    return [(text[m.start : m.end], m.attrs) for m in find_dates(text, anchor=anchor, **options)]


# --- numeric forms -----------------------------------------------------------------------


def test_a_roman_months_year_after_a_space_is_read_not_inferred() -> None:
    text = "Further to your cable of 10.I 63. and to my report of 15.XI 1962, the talks went on."
    assert marked(text, dt.date(1964, 2, 4)) == [
        ("10.I 63", (("when", "1963-01-10"), *HIGH)),
        ("15.XI 1962", (("when", "1962-11-15"),)),
    ]
    # Two digits after it are a year only before a stop; a count stays outside the date.
    assert marked("On 2.II 64 cars left.", dt.date(1964, 2, 4)) == [
        ("2.II", (("when", "1964-02-02"), *HIGH))
    ]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Day, Roman month, two-digit year: the century is the document's.
        ("24.III.50", (("when", "1950-03-24"), *HIGH)),
        ("13.10.50", (("when", "1950-10-13"), *HIGH)),
        ("5. X. 50", (("when", "1950-10-05"), *HIGH)),
        # Hungarian order: year, month, day, each closed by a full stop.
        ("50. 10. 02.", (("when", "1950-10-02"), *HIGH)),
        # Slash dates: 14 cannot be a month, so 10/14/50 is month first and certain.
        ("10/14/50", (("when", "1950-10-14"), *HIGH)),
        ("14/10/50", (("when", "1950-10-14"), *HIGH)),
        # A year of the next decade is still the document's period (registration notes).
        ("1.II.51", (("when", "1951-02-01"), *HIGH)),
    ],
)
def test_two_digit_years_are_read_in_the_documents_period(expression: str, expected) -> None:
    assert normalise(expression, anchor=OCT_1950) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("15.I.1958", (("when", "1958-01-15"),)),
        ("1980. 10. 02.", (("when", "1980-10-02"),)),
        ("1980.10.02", (("when", "1980-10-02"),)),
        ("1979 June 12", (("when", "1979-06-12"),)),
        ("1979 Jun. 12th", (("when", "1979-06-12"),)),
        # Month first where the second number can only be a day (a US-style rendering).
        ("10.31.1962", (("when", "1962-10-31"),)),
        ("4.13.1959", (("when", "1959-04-13"),)),
    ],
)
def test_numeric_and_year_first_forms_with_four_digit_years(expression: str, expected) -> None:
    assert normalise(expression) == expected


def test_a_two_digit_year_is_never_read_without_the_documents_period() -> None:
    # Never from today: without an anchor there is no period to read "50" in.
    assert normalise("24.III.50") is None
    assert find_dates("Moscow, 13.10.50") == []


def test_the_period_runs_from_thirty_years_before_to_fifty_after() -> None:
    anchor = dt.date(1960, 7, 26)
    # "03" is 2003 (a declassification note), 43 years on: read, but with low certainty.
    assert normalise("04/12/03", anchor=anchor) == (("when", "2003-12-04"), *LOW)
    # "25" is 1925, 35 years back, and 2025, 65 years on: neither is the document's period.
    assert normalise("3.10.25", anchor=anchor) is None
    # "45" is 1945, fifteen years back: the document's own time.
    assert normalise("9.V.45", anchor=anchor) == (("when", "1945-05-09"), *HIGH)


class TestOrderOfDayAndMonth:
    def test_both_readings_valid_takes_the_day_first_with_medium_certainty(self) -> None:
        assert normalise("07/10/50", anchor=dt.date(1950, 6, 1)) == (
            ("when", "1950-10-07"),
            *MEDIUM,
        )

    def test_month_first_for_documents_that_write_so(self) -> None:
        expected = (("when", "1950-07-10"), *HIGH)
        assert normalise("07/10/50", anchor=dt.date(1950, 6, 1), month_first=True) == expected

    def test_the_reading_that_is_the_anchors_own_day_wins(self) -> None:
        # An order dated 8 November 1951 carrying "08/11/51": the day-first reading is it.
        assert normalise("08/11/51", anchor=dt.date(1951, 11, 8), month_first=True) == (
            ("when", "1951-11-08"),
            *HIGH,
        )

    def test_equal_day_and_month_are_no_ambiguity(self) -> None:
        assert normalise("05/05/50", anchor=OCT_1950) == (("when", "1950-05-05"), *HIGH)

    def test_neither_reading_valid_is_no_date(self) -> None:
        assert normalise("13/14/50", anchor=OCT_1950) is None
        assert normalise("31/04/50", anchor=OCT_1950) is None

    def test_a_four_digit_ambiguous_date_records_only_the_order_doubt(self) -> None:
        assert normalise("05/10/1950", anchor=dt.date(1950, 6, 1)) == (
            ("when", "1950-10-05"),
            *MEDIUM,
        )


class TestNumericOrder:
    def test_the_documents_own_unambiguous_dates_decide(self) -> None:
        assert numeric_order("Received 10/14/50; answered 07/10/50.") == (True, "high")
        assert numeric_order("Received 14/10/50; answered 07/10/50.") == (False, "high")

    def test_contradicting_dates_decide_nothing(self) -> None:
        assert numeric_order("10/14/50 and 14/10/50") == (False, "medium")

    def test_a_document_of_united_states_origin_puts_the_month_first(self) -> None:
        text = "Amembassy Seoul, telegram of 07/10/50. Source: RG 59, Central Files."
        assert numeric_order(text) == (True, "medium")

    def test_otherwise_the_day_comes_first(self) -> None:
        assert numeric_order("07/10/50") == (False, "medium")

    def test_numbers_inside_longer_ones_are_no_dates(self) -> None:
        # "114/10/50" and "a.10/14/50" are file numbers, not 14 October or 14 October.
        assert numeric_order("File 114/10/50; ref. a.10/14/50") == (False, "medium")
        assert numeric_order("File 1/10/14/50 and 05.10.14/50") == (False, "medium")
        assert numeric_order("No.12.05; 123.45; 07.25") == (True, "high")

    def test_a_mark_of_united_states_origin_is_a_word_of_its_own(self) -> None:
        assert numeric_order("07/10/50 KNARA, UNFRUS, 2RG 59") == (False, "medium")
        assert numeric_order("07/10/50 (KNARA; NARA)") == (True, "medium")

    def test_find_dates_reads_the_order_of_its_own_text(self) -> None:
        text = "Telegrams of 10/14/50 and 11/03/50."
        assert marked(text, OCT_1950) == [
            ("10/14/50", (("when", "1950-10-14"), *HIGH)),
            ("11/03/50", (("when", "1950-11-03"), *HIGH)),
        ]


@pytest.mark.parametrize(
    "text",
    [
        # Times of day.
        "The talk began at 13:30 and ended at 4:30 p.m.",
        "At 2140 the telegram was sent.",
        "from 09:40-11:05",
        # Telephone, registration, telegram and file numbers.
        "tel. 23-45-67",
        "telegram No. 073514",
        "Nº 3104 and Nº 3107",
        "your telegram no. 02/05512",
        "No. 004417/61-3",
        "No. 12/3/50",
        "Incoming 5.10.50",
        "IV B 2/14/118",
        "12-C/4 20418",
        # Page ranges and archival references.
        "pp. 33-39",
        "Fond 0117, Opis 4, Delo 9, Listy 12-15",
        "f. 17, op. 3, d. 1021, ll. 4-6",
        "ll. 12.3.50",
        "paragraph 3.10.12",
        # Counts that look like years.
        "1958 tractors were delivered",
        "a 2000 strong crowd",
        "the 1500 kilometre border",
    ],
)
def test_no_false_dates_from_numbers(text: str) -> None:
    assert find_dates(text, anchor=OCT_1950) == []


def test_a_dotted_date_is_month_first_only_when_its_day_says_so() -> None:
    # 31 can be no month: month first. 10.11 can be either: day first, the archive's rule.
    assert marked("Sent on 9.28.1961 at 10:05, received 10.11.1961 at 08:00") == [
        ("9.28.1961", (("when", "1961-09-28"),)),
        ("10.11.1961", (("when", "1961-11-10"),)),
    ]


def test_a_range_of_years_after_a_number_sign_is_a_reference() -> None:
    assert marked("Cipher No. 2217-2219 Urgent") == []
    assert marked("Consul in Hanoi (1957-1960).") == [
        ("1957-1960", (("from", "1957"), ("to", "1960")))
    ]


# --- years said relative to the document's -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 14 June this year the", ("14 June this year", (("when", "1957-06-14"),))),
        ("in February of this year", ("February of this year", (("when", "1957-02"),))),
        ("on 3 May last year", ("3 May last year", (("when", "1956-05-03"),))),
        ("in June of next year", ("June of next year", (("when", "1958-06"),))),
        (
            "held between 15 August and 15 September last year.",
            (
                "between 15 August and 15 September last year",
                (("from", "1956-08-15"), ("to", "1956-09-15")),
            ),
        ),
        (
            "in the first quarter of this year",
            ("first quarter of this year", (("from", "1957-01-01"), ("to", "1957-03-31"))),
        ),
    ],
)
def test_the_year_words_belong_to_the_date_and_give_its_year(text: str, expected) -> None:
    words, values = expected
    assert marked(text, MAR_1957) == [(words, (*values, *HIGH))]


def test_a_relative_year_is_not_pushed_back_by_the_six_month_rule() -> None:
    # Without "this year", 20 November in a March document would be the previous November.
    assert marked("on 20 November", MAR_1957) == [
        ("20 November", (("when", "1956-11-20"), *MEDIUM))
    ]
    assert marked("on 20 November this year", MAR_1957)[0][1][0] == ("when", "1957-11-20")


def test_a_year_said_alone_is_not_a_date() -> None:
    assert (
        find_dates("The question stays open this year, as it did last year.", anchor=MAR_1957) == []
    )


# --- events named by a month ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the 40th anniversary of the October Revolution",
        "the heroes of the Great October",
        "the ideas of the October Socialist Revolution",
        "the veterans of the June 25th uprising",
        "the March 1st Movement",
    ],
)
def test_a_month_in_an_events_name_is_not_a_date(text: str) -> None:
    assert find_dates(text, anchor=MAR_1957) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ambassador said the Chinese had been silent during the October Crisis as well.",
        "the lessons of the July Days",
        "Lenin's April Theses",
        "the experience of the Hungarian October Events",
        "the January Offensive of the Soviet Army",
        "the failed November Putsch",
        "the May Strike of the dockers",
        "the SEPTEMBER MASSACRE",
        "the March Manifesto of the party",
    ],
)
def test_a_month_before_a_capitalised_event_noun_is_not_a_date(text: str) -> None:
    # The event is named by its month, which may lie years before the document.
    assert find_dates(text, anchor=dt.date(1964, 5, 3)) == []


@pytest.mark.parametrize(
    ("text", "month", "value"),
    [
        # In lower case the nouns are ordinary words that may follow a month.
        ("in October strikes broke out in the port", "October", "1964-10"),
        ("the talks held in September days before the plenum", "September", "1964-09"),
        # A festival named through "of" is held in the month before it.
        ("in November Days of Soviet Culture were held in Pyongyang", "November", "1964-11"),
    ],
)
def test_event_nouns_in_lower_case_or_a_festival_leave_the_month_a_date(
    text: str, month: str, value: str
) -> None:
    assert marked(text, dt.date(1964, 12, 10)) == [(month, (("when", value), *HIGH))]


def test_a_month_naming_a_meeting_is_still_a_date() -> None:
    anchor = dt.date(1957, 12, 10)
    assert marked("the August Plenum and the October Plenum", anchor) == [
        ("August", (("when", "1957-08"), *HIGH)),
        ("October", (("when", "1957-10"), *HIGH)),
    ]


def test_an_anniversary_dates_the_event_that_many_years_back() -> None:
    anchor = dt.date(1965, 8, 20)
    text = "meetings held for the 46th anniversary of the March 1st Movement"
    assert marked(text, anchor) == [("March 1st", (("when", "1919-03-01"), *MEDIUM))]
    text = "on the tenth anniversary of 25 June"
    assert marked(text, anchor) == [("25 June", (("when", "1955-06-25"), *MEDIUM))]


def test_a_celebration_of_a_day_is_dated_in_the_documents_year() -> None:
    assert marked("after the festivities of 9 May", dt.date(1965, 8, 20)) == [
        ("9 May", (("when", "1965-05-09"), *HIGH))
    ]


# --- what is still to come ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Resolved: To approve the delegation to the celebrations in Moscow in November.",
        "The delegation will leave for Moscow in November.",
        "He said that the units would be withdrawn no later than 31 October.",
        "The delegation is to be formed no later than 1 October.",
    ],
)
def test_a_month_still_to_come_keeps_the_documents_year(text: str) -> None:
    (mark,) = marked(text, MAR_1957)
    value = mark[1][0][1]
    assert value.startswith("1957-")
    assert mark[1][1:] == MEDIUM


def test_a_month_in_a_past_sentence_is_the_previous_year() -> None:
    assert marked("The delegation went to Moscow in November.", MAR_1957) == [
        ("November", (("when", "1956-11"), *MEDIUM))
    ]


# --- ranges and lists ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 through 17 March 1958", (("from", "1958-03-03"), ("to", "1958-03-17"))),
        ("from 3 through 17 March 1958", (("from", "1958-03-03"), ("to", "1958-03-17"))),
        ("21/22 June 1961", (("from", "1961-06-21"), ("to", "1961-06-22"))),
        ("2 and 3 September 1956", (("from", "1956-09-02"), ("to", "1956-09-03"))),
        # Two days of one month, the month first.
        ("between March 4 and 9, 1958", (("from", "1958-03-04"), ("to", "1958-03-09"))),
        ("from March 4 to 9, 1958", (("from", "1958-03-04"), ("to", "1958-03-09"))),
        ("March 4-9, 1958", (("from", "1958-03-04"), ("to", "1958-03-09"))),
        # A bare "to" between two days when the month follows the second.
        ("4 to 9 March 1958", (("from", "1958-03-04"), ("to", "1958-03-09"))),
        ("2, 3 and 4 September 1956", (("from", "1956-09-02"), ("to", "1956-09-04"))),
        ("second half of July 1961", (("from", "1961-07-16"), ("to", "1961-07-31"))),
        ("first half of June 1959", (("from", "1959-06-01"), ("to", "1959-06-15"))),
        ("first three quarters of 1962", (("from", "1962-01-01"), ("to", "1962-09-30"))),
        ("first two quarters of 1962", (("from", "1962-01-01"), ("to", "1962-06-30"))),
        ("last quarter of 1957", (("from", "1957-10-01"), ("to", "1957-12-31"))),
    ],
)
def test_periods_read_as_one_range(text: str, expected) -> None:
    assert normalise(text) == expected


def test_consecutive_days_without_a_year_are_one_inferred_range() -> None:
    # 3 September is within six months of 15 March 1957: the document's year.
    assert marked("meetings were held on 2 and 3 September at which", MAR_1957) == [
        ("2 and 3 September", (("from", "1957-09-02"), ("to", "1957-09-03"), *HIGH))
    ]


def test_two_days_of_a_month_named_first_take_the_documents_year() -> None:
    assert marked("the delegation stayed in Sofia between March 20 and 24 to", MAR_1957) == [
        ("between March 20 and 24", (("from", "1957-03-20"), ("to", "1957-03-24"), *HIGH))
    ]
    # "to" without a month after the second number is a count, not a range.
    assert marked("groups of 4 to 9 students", MAR_1957) == []


def test_days_that_do_not_follow_each_other_are_one_date_each() -> None:
    assert marked("on 2 and 5 September 1956 in Pyongyang") == [
        ("2", (("when", "1956-09-02"),)),
        ("5 September 1956", (("when", "1956-09-05"),)),
    ]
    assert marked("in April and June 1962") == [
        ("April", (("when", "1962-04"),)),
        ("June 1962", (("when", "1962-06"),)),
    ]


def test_the_second_half_of_february_ends_on_its_last_day() -> None:
    assert normalise("second half of February", anchor=dt.date(1960, 1, 5)) == (
        ("from", "1960-02-16"),
        ("to", "1960-02-29"),
        *HIGH,
    )
    assert normalise("second half of February", anchor=dt.date(1961, 1, 5)) == (
        ("from", "1961-02-16"),
        ("to", "1961-02-28"),
        *HIGH,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By late June the talks had stalled", ("late June", (("when", "1957-06"), *HIGH))),
        ("planned for early 1958", ("early 1958", (("when", "1958"),))),
        ("until mid-1957", ("mid-1957", (("when", "1957"),))),
    ],
)
def test_early_late_and_mid_belong_to_the_date(text: str, expected) -> None:
    assert marked(text, MAR_1957) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Till the evening of 4 November the bridges stayed closed",
            ("Till the evening of 4 November", (("notAfter", "1956-11-04"), *MEDIUM)),
        ),
        ("until 15 May", ("until 15 May", (("notAfter", "1957-05-15"), *HIGH))),
        (
            "by the morning of 2 April 1957",
            ("by the morning of 2 April 1957", (("notAfter", "1957-04-02"),)),
        ),
    ],
)
def test_until_and_till_bound_the_date_from_above(text: str, expected) -> None:
    assert marked(text, MAR_1957) == [expected]


# --- bare years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("since the Third Congress [1956].", "1956"),
        ("The 1958 plan was adopted.", "1958"),
        ("as agreed; 1974 freight is to be paid in roubles", "1974"),
        ("Fisheries talks, 1974", "1974"),
    ],
)
def test_a_bare_year_supplied_modifying_or_closing_a_title_is_a_date(text: str, year: str) -> None:
    assert marked(text) == [(year, (("when", year),))]


def test_a_year_named_with_another_is_a_date_too() -> None:
    assert marked("under the agreements of 1957 and 1959, and of 1960, 1961 or 1962") == [
        ("1957", (("when", "1957"),)),
        ("1959", (("when", "1959"),)),
        ("1960", (("when", "1960"),)),
        ("1961", (("when", "1961"),)),
        ("1962", (("when", "1962"),)),
    ]


# --- digits read with doubt ------------------------------------------------------------------


def test_doubtful_digits_give_a_date_of_low_certainty() -> None:
    text = "[handwritten: 0415-s [[23]] March [[6]]1]"
    assert marked(text, dt.date(1961, 3, 10)) == [
        ("[[23]] March [[6]]1", (("when", "1961-03-23"), *LOW))
    ]
    assert marked("stamped [[23]] March 1961 by", dt.date(1961, 3, 10)) == [
        ("[[23]] March 1961", (("when", "1961-03-23"), *LOW))
    ]


def test_a_two_digit_year_after_a_month_name_must_end_the_date() -> None:
    assert marked("on 11 September 57 workers arrived", MAR_1957) == [
        ("11 September", (("when", "1957-09-11"), *HIGH))
    ]


# --- a year in parentheses, a day's suffix set apart ----------------------------------------


def test_a_year_in_parentheses_after_a_month_is_that_months_year() -> None:
    text = "the materials specified by the August (1955) agreement"
    assert marked(text, dt.date(1956, 2, 24)) == [("August (1955)", (("when", "1955-08"),))]
    assert marked("signed on 12 August (1955) in Moscow", dt.date(1956, 2, 24)) == [
        ("12 August (1955)", (("when", "1955-08-12"),))
    ]
    assert normalise("August (1955)") == (("when", "1955-08"),)
    assert normalise("from March (1955) to June (1956)") == (
        ("from", "1955-03"),
        ("to", "1956-06"),
    )


def test_a_parenthesis_that_is_not_a_year_alone_leaves_the_month_to_inference() -> None:
    anchor = dt.date(1956, 2, 24)
    assert marked("in August (1955", anchor) == [("August", (("when", "1956-08"), *HIGH))]
    assert marked("in August (the plan of 1955)", anchor) == [
        ("August", (("when", "1956-08"), *HIGH)),
        ("1955", (("when", "1955"),)),
    ]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Pyongyang, 28 th September, 1955", "28 th September, 1955", "1955-09-28"),
        ("on 1 st May 1957 the", "1 st May 1957", "1957-05-01"),
        ("the 22 nd of June and the 3 rd October 1941", "3 rd October 1941", "1941-10-03"),
        ("ON 2 ND OCTOBER 1956", "2 ND OCTOBER 1956", "1956-10-02"),
    ],
)
def test_a_days_suffix_set_apart_right_before_a_month_belongs_to_the_day(
    text: str, expression: str, value: str
) -> None:
    assert marked(text) == [(expression, (("when", value),))]


def test_a_days_suffix_set_apart_without_a_month_is_nothing() -> None:
    assert marked("the 28 th was a Sunday", MAR_1957) == []
    assert marked("the 28 th of the month", MAR_1957) == []


# --- the document around the dates -----------------------------------------------------------


def _block(role: Role, text: str) -> Block:
    return Block(role, text, SourceSpan(1), 1)


def _doc(*blocks: Block) -> Document:
    return Document("sample.txt", "columns", blocks, pages=1)


def _dates(doc: Document) -> list[list[tuple[str, tuple]]]:
    return [
        [(b.text[m.start : m.end], m.attrs) for m in b.marks if m.tag == "date"] for b in doc.blocks
    ]


def test_a_month_naming_a_meeting_already_dated_is_that_meeting() -> None:
    doc = _doc(
        _block(Role.DATELINE, "Pyongyang, 18 August 1967"),
        _block(Role.PARAGRAPH, "the decisions of the September 1966 Plenum of the CC"),
        _block(Role.PARAGRAPH, "since the September Plenum; the May conference"),
    )
    out = enrich_dates(doc)
    assert _dates(out)[2] == [("September", (("when", "1966-09"), *HIGH))]


def test_a_title_that_gives_the_documents_period_dates_the_document() -> None:
    doc = _doc(
        _block(Role.TITLE, "THE JOURNAL OF AMBASSADOR I. S. PETROV"),
        _block(Role.SUBTITLE, "for the period from 1 to 15 June 1955"),
        _block(Role.HEAD, "3 June 1955"),
        _block(Role.PARAGRAPH, "I received the counsellor on 20 May."),
    )
    out = enrich_dates(doc)
    assert out.doc_date == (("from", "1955-06-01"), ("to", "1955-06-15"))
    assert _dates(out)[3] == [("20 May", (("when", "1955-05-20"), *HIGH))]


def test_a_year_a_title_is_about_does_not_date_the_document() -> None:
    doc = _doc(
        _block(Role.TITLE, "REPORT"),
        _block(Role.SUBTITLE, "on the work of the specialists in 1959"),
        _block(Role.DATELINE, "Pyongyang, 20 February 1960"),
    )
    assert enrich_dates(doc).doc_date == (("when", "1960-02-20"),)


def test_the_title_date_line_comes_before_a_title_period() -> None:
    doc = _doc(
        _block(Role.TITLE, "Minutes of the Plenum Held on 2 March 1958"),
        _block(Role.DOC_DATE, "3 March 1958"),
    )
    assert enrich_dates(doc).doc_date == (("when", "1958-03-03"),)


def test_a_dateline_like_title_dates_the_document() -> None:
    doc = _doc(_block(Role.TITLE, "Minutes of the Plenum Held on 2 March 1958"))
    assert enrich_dates(doc).doc_date == (("when", "1958-03-02"),)


def test_without_a_document_date_two_digit_years_take_the_first_full_year() -> None:
    doc = _doc(
        _block(Role.MARKING, "Nº 56, 24.III.50"),
        _block(Role.PARAGRAPH, "The plan for 1950 was discussed."),
    )
    assert _dates(enrich_dates(doc))[0] == [("24.III.50", (("when", "1950-03-24"), *HIGH))]


def test_a_document_of_united_states_origin_reads_its_slash_dates_month_first() -> None:
    doc = _doc(
        _block(Role.MARKING, "Department of State, Central Files, 795.00/10-550"),
        _block(Role.DATELINE, "Washington, 6 October 1950"),
        _block(Role.PARAGRAPH, "Your telegram of 07/10/50 was received."),
    )
    assert _dates(enrich_dates(doc))[2] == [("07/10/50", (("when", "1950-07-10"), *MEDIUM))]


def test_a_dateline_with_a_days_suffix_set_apart_dates_the_document() -> None:
    doc = _doc(
        _block(Role.DATELINE, "Pyongyang, 28 th September, 1955"),
        _block(Role.PARAGRAPH, "the materials specified by the August agreement"),
    )
    out = enrich_dates(doc)
    assert out.doc_date == (("when", "1955-09-28"),)
    assert _dates(out) == [
        [("28 th September, 1955", (("when", "1955-09-28"),))],
        [("August", (("when", "1955-08"), *HIGH))],
    ]


# --- "c.y." (current year) ---------------------------------------------------------------

MAY_1974 = dt.date(1974, 6, 3)


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("On May 12 c.y., around noon, the delegation arrived", "May 12 c.y.", "1974-05-12"),
        ("On 12 May c.y. the delegation arrived", "12 May c.y.", "1974-05-12"),
        ("on 12 May of the c.y. in Sofia", "12 May of the c.y.", "1974-05-12"),
        ("on May 12 c. y. in Sofia", "May 12 c. y.", "1974-05-12"),
        ("May c.y. saw the talks", "May c.y.", "1974-05"),
        ("in November c.y. the", "November c.y.", "1974-11"),
    ],
)
def test_c_y_is_the_current_year_inside_the_date(text: str, words: str, value: str) -> None:
    # Like "this year": the document's year, never moved back by the six-month rule.
    assert marked(text, MAY_1974) == [(words, (("when", value), *HIGH))]


def test_c_y_at_a_sentence_end_keeps_its_stop_inside_the_mark_only() -> None:
    text = "They arrived on 12 May c.y. The talks began."
    marks = find_dates(text, anchor=MAY_1974)
    assert [text[m.start : m.end] for m in marks] == ["12 May c.y."]
    assert text[marks[0].end :] == " The talks began."


# --- a weekday and a day without a month --------------------------------------------------

AUG_17_1979 = dt.date(1979, 8, 17)


@pytest.mark.parametrize(
    ("text", "words", "values"),
    [
        # 16 August 1979 was a Thursday.
        ("On Thursday 16 the official said", "Thursday 16", (("when", "1979-08-16"), *HIGH)),
        ("On Thursday the 16th he said", "Thursday the 16th", (("when", "1979-08-16"), *HIGH)),
        ("On Friday 17 he said", "Friday 17", (("when", "1979-08-17"), *HIGH)),
        # 16 July 1979 was a Monday: the day number in the month before.
        ("On Monday 16 he said", "Monday 16", (("when", "1979-07-16"), *MEDIUM)),
        # 20 August is after the document date; 20 July 1979 was a Friday.
        ("On Friday 20 he said", "Friday 20", (("when", "1979-07-20"), *MEDIUM)),
    ],
)
def test_a_weekday_and_a_day_are_the_nearest_such_day_up_to_the_document_date(
    text: str, words: str, values: tuple
) -> None:
    assert marked(text, AUG_17_1979) == [(words, values)]


@pytest.mark.parametrize(
    "text",
    [
        "On Friday 16 he said",  # neither 16 August nor 16 July 1979 was a Friday
        "On Friday 24 he said",  # 24 August is after the document date, 24 July a Tuesday
        "on thursday 16 he said",  # a weekday name must be capitalised
        "On Thursday, 16 were present",  # not directly followed by the day
        "On Friday 3 ships docked",  # a count of things (3 August 1979 was a Friday)
        "On Thursday 16:30 he said",
        "On Thursday 16 p.m. he said",
        "the 16 delegates",
    ],
)
def test_no_date_from_a_weekday_that_does_not_fit_or_a_bare_number(text: str) -> None:
    assert marked(text, AUG_17_1979) == []


def test_a_weekday_before_a_full_date_leaves_the_date_to_its_own_rule() -> None:
    assert marked("On Thursday 16 August 1979 he", AUG_17_1979) == [
        ("16 August 1979", (("when", "1979-08-16"),))
    ]


def test_a_weekday_and_a_day_need_a_document_date() -> None:
    assert marked("On Thursday 16 he said", None) == []


# --- a day of the month alone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "values"),
    [
        ("At 10:30 on the 14th, the Premier left.", "14th", (("when", "1979-08-14"), *MEDIUM)),
        ("On the 3rd the talks began in Accra.", None, None),  # no stop, "at" or "in" after
        ("On the 3rd in Accra the talks began.", "3rd", (("when", "1979-08-03"), *MEDIUM)),
        ("They met on the 17th.", "17th", (("when", "1979-08-17"), *MEDIUM)),
        ("They arrived on the evening of the 15th.", "15th", (("when", "1979-08-15"), *MEDIUM)),
        ("'Arrived in Hanoi on the 15th'", "15th", (("when", "1979-08-15"), *MEDIUM)),
        # What is to come on a later day: this month's.
        ("The delegation will leave on the 29th.", "29th", (("when", "1979-08-29"), *MEDIUM)),
        # The month is said: a later day is this month's too.
        (
            "They will meet on the 24th of this month.",
            "24th of this month",
            (("when", "1979-08-24"), *HIGH),
        ),
        # The next month or the last, counted from the document's.
        ("We meet on the 5th of next month.", "5th of next month", (("when", "1979-09-05"), *HIGH)),
        (
            "They met on the 30th of last month.",
            "30th of last month",
            (("when", "1979-07-30"), *HIGH),
        ),
        ("on the 3rd of the past month.", "3rd of the past month", (("when", "1979-07-03"), *HIGH)),
    ],
)
def test_a_day_alone_is_that_day_of_the_document_s_month(
    text: str, words: str | None, values: tuple | None
) -> None:
    assert marked(text, AUG_17_1979) == ([(words, values)] if words else [])


@pytest.mark.parametrize(
    "text",
    [
        "They met on the 20th.",  # after the document date: this month's or the last?
        "The delegation will leave on the 2nd.",  # to come: perhaps next month's
        "He will arrive on the evening of the 13th.",  # to come, an earlier day: next month's?
        "'Arrived in Hanoi on the 22nd'",  # a later day of what happened: last month's?
        "He spoke on the 20th Congress.",
        "The line ran on the 17th parallel.",
        "On the 14th day of the strike, they met.",
        "the 14th, and the 15th.",  # no "on"
        # The month after or before one the narrative named, not the document's.
        "They left on the 2nd of the following month.",
        "It came on the 9th of the previous month.",
    ],
)
def test_no_date_from_a_day_alone_that_may_be_another_month_s_or_no_day(text: str) -> None:
    assert marked(text, AUG_17_1979) == []


def test_a_day_alone_needs_a_document_date() -> None:
    assert marked("They met on the 14th.", None) == []


def test_the_archives_date_line_dates_a_weekday_and_its_day() -> None:
    cover = Block(Role.COVER, "August 17, 1979", SourceSpan(1), 1, attrs=(("type", "date"),))
    doc = _doc(cover, _block(Role.PARAGRAPH, "On Thursday 16 the official responsible said"))
    assert _dates(enrich_dates(doc))[1] == [("Thursday 16", (("when", "1979-08-16"), *HIGH))]


# --- day and month without a year -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The convoy left on 14.09. and returned later.", ("14.09", "1950-09-14")),
        ("He arrived on 7.IX with the delegation.", ("7.IX", "1950-09-07")),
        # The month first only with its zero and a day that is no month, as some headers write.
        ("The cable was dispatched on 09.22 at noon.", ("09.22", "1950-09-22")),
    ],
)
def test_a_day_and_month_without_a_year_take_the_documents_year(text: str, expected) -> None:
    span, when = expected
    assert marked(text, anchor=OCT_1950) == [(span, (("when", when), *HIGH))]


def test_a_day_and_month_that_read_both_ways_follow_the_documents_order() -> None:
    # Alone, the day comes first, as in most of the archive's sources, with some doubt.
    talks = "The talks resume on 03.09 in the capital."
    assert marked(talks, anchor=OCT_1950) == [("03.09", (("when", "1950-09-03"), *MEDIUM))]
    # A header that can only put the month first shows the document's order.
    header = "Dispatched on 09.22, received on 09.23. The talks resume on 03.09 in the capital."
    found = marked(header, anchor=OCT_1950)
    assert found[-1] == ("03.09", (("when", "1950-03-09"), *HIGH))
    assert [span for span, _attrs in found] == ["09.22", "09.23", "03.09"]
    # Nor is a leading zero alone a month: "11.25" may be a price.
    assert marked("It cost 11.25 in all.", anchor=OCT_1950) == []


@pytest.mark.parametrize(
    "text",
    [
        "They shipped 14.09 tons of grain.",
        "Output reached 3.5 million.",
        "Output reached 2.10 million.",
        "The train left at 10.05 sharp.",
        "Prices rose by 12.05 on average.",
        "The meeting ended at 11.10 hours.",
    ],
)
def test_a_decimal_amount_or_time_is_no_day_and_month(text: str) -> None:
    assert find_dates(text, anchor=OCT_1950) == []


@pytest.mark.parametrize(
    ("text", "words", "when"),
    [
        ("The hearing (July, 30th) was held.", "July, 30th", "1979-07-30"),
        ("Today (August, 5th), the talks began.", "August, 5th", "1979-08-05"),
        # Before a word the number is no day of the month: the month alone is the date.
        ("In July, 1st Secretary Tolvan came.", "July", "1979-07"),
        ("In July, 30 tractors came.", "July", "1979-07"),
    ],
)
def test_a_comma_between_a_month_and_its_ordinal_day(text: str, words: str, when: str) -> None:
    found = marked(text, AUG_17_1979)
    assert [(w, dict(values)["when"]) for w, values in found] == [(words, when)]
