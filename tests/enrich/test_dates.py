"""Date recognition and normalisation against hand-worked values (encoding guide §10)."""

from __future__ import annotations

import datetime as dt

import pytest

from tei_plenum.enrich.dates import anchor_of, enrich_dates, find_dates, normalise
from tei_plenum.model import Block, Document, Mark, Role, SourceSpan

INFERRED_HIGH = (("evidence", "internal"), ("cert", "high"), ("resp", "#resp-encoder"))
INFERRED_MEDIUM = (("evidence", "internal"), ("cert", "medium"), ("resp", "#resp-encoder"))
DOC_1956 = dt.date(1956, 8, 30)
DOC_1957 = dt.date(1957, 5, 14)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("30-31 August 1956", (("from", "1956-08-30"), ("to", "1956-08-31"))),
        ("30–31 August 1956", (("from", "1956-08-30"), ("to", "1956-08-31"))),
        ("30 August - 2 September 1956", (("from", "1956-08-30"), ("to", "1956-09-02"))),
        ("12 September 1956", (("when", "1956-09-12"),)),
        ("12 SEPTEMBER 1956", (("when", "1956-09-12"),)),
        ("September 12, 1956", (("when", "1956-09-12"),)),
        ("Nov. 3, 1972", (("when", "1972-11-03"),)),
        ("3 Nov. 1972", (("when", "1972-11-03"),)),
        ("Sept. 9, 1948", (("when", "1948-09-09"),)),
        ("15.III.1957", (("when", "1957-03-15"),)),
        ("5.I.1958", (("when", "1958-01-05"),)),
        ("1.XII.1961", (("when", "1961-12-01"),)),
        ("05.08.1957", (("when", "1957-08-05"),)),
        ("1956-08-30", (("when", "1956-08-30"),)),
        ("1957", (("when", "1957"),)),
        ("in 1957", (("when", "1957"),)),
        ("November 1956", (("when", "1956-11"),)),
        ("March 1956", (("when", "1956-03"),)),
        ("MARCH 1956", (("when", "1956-03"),)),
        ("May 1957", (("when", "1957-05"),)),
        ("May 20th, 1957", (("when", "1957-05-20"),)),
        ("21st June 1950", (("when", "1950-06-21"),)),
        ("22nd of June 1941", (("when", "1941-06-22"),)),
        ("first quarter of 1961", (("from", "1961-01-01"), ("to", "1961-03-31"))),
        ("fourth quarter of 1960", (("from", "1960-10-01"), ("to", "1960-12-31"))),
        ("second half of 1962", (("from", "1962-07-01"), ("to", "1962-12-31"))),
        ("first half of 1962", (("from", "1962-01-01"), ("to", "1962-06-30"))),
        ("April and May 1962", (("from", "1962-04"), ("to", "1962-05"))),
        ("until 1960", (("notAfter", "1960"),)),
        ("by 1960", (("notAfter", "1960"),)),
        ("no later than 1 June 1957", (("notAfter", "1957-06-01"),)),
        ("not earlier than March 1958", (("notBefore", "1958-03"),)),
        ("from 10 to 20 June 1957", (("from", "1957-06-10"), ("to", "1957-06-20"))),
        ("between 10 and 20 June 1957", (("from", "1957-06-10"), ("to", "1957-06-20"))),
        ("between 1956 and 1958", (("from", "1956"), ("to", "1958"))),
        ("from 1956 to 1960", (("from", "1956"), ("to", "1960"))),
        ("from March to June 1959", (("from", "1959-03"), ("to", "1959-06"))),
        ("1956-1957", (("from", "1956"), ("to", "1957"))),
        ("1956–57", (("from", "1956"), ("to", "1957"))),
        ("1999–2001", (("from", "1999"), ("to", "2001"))),
        ("1950s", (("from", "1950"), ("to", "1959"))),
        ("1960's", (("from", "1960"), ("to", "1969"))),
        # A first half without a year reads it from the second, a year earlier across New Year.
        ("30 December - 2 January 1957", (("from", "1956-12-30"), ("to", "1957-01-02"))),
        ("from 30 December 1956 to 2 January", (("from", "1956-12-30"), ("to", "1957-01-02"))),
    ],
)
def test_normalise_explicit_dates(expression: str, expected: tuple | None) -> None:
    assert normalise(expression) == expected


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        (
            "between 1 June and 19 July",
            DOC_1956,
            (("from", "1956-06-01"), ("to", "1956-07-19"), *INFERRED_HIGH),
        ),
        ("1 June", DOC_1957, (("when", "1957-06-01"), *INFERRED_HIGH)),
        ("9 May", DOC_1957, (("when", "1957-05-09"), *INFERRED_HIGH)),
        ("20th of May", DOC_1957, (("when", "1957-05-20"), *INFERRED_HIGH)),
        ("20th May", DOC_1957, (("when", "1957-05-20"), *INFERRED_HIGH)),
        ("June 1", DOC_1957, (("when", "1957-06-01"), *INFERRED_HIGH)),
        ("September", DOC_1957, (("when", "1957-09"), *INFERRED_HIGH)),
        ("August", DOC_1957, (("when", "1957-08"), *INFERRED_HIGH)),
        ("no later than 1 June", DOC_1957, (("notAfter", "1957-06-01"), *INFERRED_HIGH)),
        ("not earlier than 20 May", DOC_1957, (("notBefore", "1957-05-20"), *INFERRED_HIGH)),
        ("No later than 1 June", DOC_1957, (("notAfter", "1957-06-01"), *INFERRED_HIGH)),
        ("by 15 May", DOC_1957, (("notAfter", "1957-05-15"), *INFERRED_HIGH)),
        ("until 15 May", DOC_1957, (("notAfter", "1957-05-15"), *INFERRED_HIGH)),
        (
            "from 10 to 20 June",
            DOC_1957,
            (("from", "1957-06-10"), ("to", "1957-06-20"), *INFERRED_HIGH),
        ),
    ],
)
def test_normalise_infers_the_year_from_the_anchor(
    expression: str, anchor: dt.date, expected: tuple
) -> None:
    assert normalise(expression, anchor=anchor) == expected


def test_a_year_is_never_inferred_without_an_anchor() -> None:
    assert normalise("1 June") is None
    assert normalise("between 1 June and 19 July") is None
    assert find_dates("arrived on 9 May and left in August") == []


class TestSixMonthRule:
    """Anchor 10 January 1957: six months later is 10 July 1957."""

    anchor = dt.date(1957, 1, 10)

    def test_exactly_six_months_after_keeps_the_year(self) -> None:
        assert normalise("10 July", anchor=self.anchor) == (("when", "1957-07-10"), *INFERRED_HIGH)

    def test_one_day_more_takes_the_previous_year(self) -> None:
        expected = (("when", "1956-07-11"), *INFERRED_MEDIUM)
        assert normalise("11 July", anchor=self.anchor) == expected

    def test_a_month_counts_from_its_first_day(self) -> None:
        assert normalise("July", anchor=self.anchor) == (("when", "1957-07"), *INFERRED_HIGH)
        assert normalise("August", anchor=self.anchor) == (("when", "1956-08"), *INFERRED_MEDIUM)

    def test_a_range_moves_as_one_and_may_cross_new_year(self) -> None:
        expected = (("from", "1956-12-20"), ("to", "1957-01-10"), *INFERRED_MEDIUM)
        assert normalise("between 20 December and 10 January", anchor=self.anchor) == expected

    def test_last_and_next_name_the_nearest_month_before_and_after(self) -> None:
        anchor = dt.date(1954, 6, 10)
        found = find_dates("opened last December, closes next March", anchor=anchor)
        assert [dict(f.attrs)["when"] for f in found] == ["1953-12", "1955-03"]
        # Without them the six-month rule decides: December is within six months ahead.
        assert dict(find_dates("opened in December", anchor=anchor)[0].attrs)["when"] == "1954-12"

    def test_month_end_anchor_is_clamped(self) -> None:
        # 31 August 1957 + six months = 28 February 1958 (no 31 February).
        anchor = dt.date(1957, 8, 31)
        assert normalise("28 February", anchor=anchor) == (("when", "1957-02-28"), *INFERRED_HIGH)
        assert normalise("December", anchor=anchor) == (("when", "1957-12"), *INFERRED_HIGH)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("29 February 1956", (("when", "1956-02-29"),)),
        ("29 February 2000", (("when", "2000-02-29"),)),
        ("29 February 1957", None),
        ("29 February 1900", None),
        ("30 February 1956", None),
        ("31 June 1956", None),
        ("31 April 1961", None),
        ("30 April 1961", (("when", "1961-04-30"),)),
        ("31 December 1959", (("when", "1959-12-31"),)),
        ("1956-02-30", None),
        ("31.IX.1957", None),
        ("30-31 June 1956", None),
        # Ranges run forwards; months paired by "and" must be consecutive.
        ("20-10 June 1957", None),
        ("1957-1956", None),
        ("1956–56", None),
        ("April and June 1962", None),
        ("fifth quarter of 1961", None),
        ("third half of 1961", None),
    ],
)
def test_calendar_boundaries(expression: str, expected: tuple | None) -> None:
    assert normalise(expression) == expected


def test_impossible_date_leaves_no_partial_date_behind() -> None:
    assert find_dates("It was signed on 31 June 1956 in Moscow.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Copy Nº 1",
        "Nº 933",
        "No. 196",
        "the 3rd congress",
        "the 20th CPSU congress",
        "Five copies printed",
        "We met at 10:30 in the morning",
        "at 10.30 a.m.",
        "from 14:00 hours",
        "see page 5 and p. 12",
        "200 kg of rice",
        "1957 tons of steel",
        "a plan of 1957 tons",
        "in 1957 tonnes",
        "2. The plenum decides",
        "it may be that",
        "May we ask the Embassy",
        "May the plan succeed",
        "next year and in recent years",
        "the second half of the month",
        "Decision No. 1956",
        "registered as 933/1956",
        "dated 12/1956",
        "registered as 12.05.1957/4",
        "1956",
        "a march through the city",
        "20 people from 12 provinces",
        "Article 5, paragraph 12",
        "since 12",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, anchor=DOC_1957) == []


def _marked(text: str, anchor: dt.date | None = None) -> list[tuple[str, tuple]]:
    return [(text[m.start : m.end], m.attrs) for m in find_dates(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held in 1957.", [("1957", (("when", "1957"),))]),
        # A telegram's hour joined to its date by a slash.
        ("Date: 06.03.1976/03:00", [("06.03.1976", (("when", "1976-03-06"),))]),
        ("the March 1956 plenum", [("March 1956", (("when", "1956-03"),))]),
        ("on 12 September 1956, the", [("12 September 1956", (("when", "1956-09-12"),))]),
        (
            "in the first quarter of 1961",
            [("first quarter of 1961", (("from", "1961-01-01"), ("to", "1961-03-31")))],
        ),
        (
            "in April and May 1962",
            [("April and May 1962", (("from", "1962-04"), ("to", "1962-05")))],
        ),
        (
            "since 1953 and until 1960",
            [("1953", (("when", "1953"),)), ("until 1960", (("notAfter", "1960"),))],
        ),
        ("during the 1950s", [("1950s", (("from", "1950"), ("to", "1959")))]),
        ("(1956-1957)", [("1956-1957", (("from", "1956"), ("to", "1957")))]),
        # A space after the dash, as a line end lost in a copy leaves it: still one range.
        ("in 1956- 1958", [("1956- 1958", (("from", "1956"), ("to", "1958")))]),
        # A tilde joins days as a dash does; the year may come first, in Japanese order.
        (
            "(1958 May 3rd ~ 6th)",
            [("1958 May 3rd ~ 6th", (("from", "1958-05-03"), ("to", "1958-05-06")))],
        ),
        (
            "from 1 to 5 May 1958 and from 7 May 1958",
            [
                ("from 1 to 5 May 1958", (("from", "1958-05-01"), ("to", "1958-05-05"))),
                ("7 May 1958", (("when", "1958-05-07"),)),
            ],
        ),
    ],
)
def test_find_dates_covers_the_whole_expression_only(text: str, expected: list) -> None:
    assert _marked(text) == expected


def test_find_dates_with_inferred_years_in_the_conversation_sample() -> None:
    text = (
        "We also ask that the Soviet specialists arrive in Pyongyang no later than 1 June, so"
        " that the assembly of the first unit can begin between 10 and 20 June 1957."
    )
    assert _marked(text, DOC_1957) == [
        ("no later than 1 June", (("notAfter", "1957-06-01"), *INFERRED_HIGH)),
        ("between 10 and 20 June 1957", (("from", "1957-06-10"), ("to", "1957-06-20"))),
    ]


def test_find_dates_month_names_alone() -> None:
    text = "The September plenum met again in August; the March decision stands."
    assert _marked(text, DOC_1957) == [
        ("September", (("when", "1957-09"), *INFERRED_HIGH)),
        ("August", (("when", "1957-08"), *INFERRED_HIGH)),
        ("March", (("when", "1957-03"), *INFERRED_HIGH)),
    ]


def test_may_is_a_month_only_next_to_a_day_a_year_or_a_preposition() -> None:
    text = "May we recall that in May the talks of 20 May and of May 1956 may resume."
    assert [t for t, _ in _marked(text, DOC_1957)] == ["May", "20 May", "May 1956"]
    assert _marked("in May", DOC_1957) == [("May", (("when", "1957-05"), *INFERRED_HIGH))]


def test_a_bare_year_after_for_is_a_date() -> None:
    assert _marked("the plan for 1958 was approved") == [("1958", (("when", "1958"),))]


def test_widest_gaps_the_grammar_allows_are_still_found() -> None:
    text = "x" * 40 + " not   earlier   than   20 May 1957"
    assert _marked(text) == [("not   earlier   than   20 May 1957", (("notBefore", "1957-05-20"),))]


def test_anchor_of_uses_the_last_day_of_an_imprecise_date() -> None:
    assert anchor_of((("from", "1956-08-30"), ("to", "1956-08-31"))) == dt.date(1956, 8, 30)
    assert anchor_of((("when", "1957-02"),)) == dt.date(1957, 2, 28)
    assert anchor_of((("when", "1957"),)) == dt.date(1957, 12, 31)
    assert anchor_of(()) is None


def _block(role: Role, text: str, marks: tuple[Mark, ...] = (), **attrs: str) -> Block:
    return Block(role, text, SourceSpan(1), 1, attrs=tuple(attrs.items()), marks=marks)


def _doc(*blocks: Block) -> Document:
    return Document("sample.txt", "columns", tuple(blocks), pages=2)


def _dates(block: Block) -> list[tuple[str, tuple]]:
    return [(block.text[m.start : m.end], m.attrs) for m in block.marks if m.tag == "date"]


class TestEnrichDates:
    def test_title_date_goes_on_the_block_and_anchors_the_document(self) -> None:
        doc = _doc(
            _block(Role.TITLE, "DECISION OF THE PLENUM"),
            _block(Role.DOC_DATE, "30-31 August 1956", rend="center"),
            _block(Role.PARAGRAPH, "the delegation visited between 1 June and 19 July, the"),
            _block(Role.PAGE_BREAK, ""),
            _block(Role.MARKING, "12 September 1956"),
        )
        out = enrich_dates(doc)
        title, date, para, pb, marking = out.blocks
        span = (("from", "1956-08-30"), ("to", "1956-08-31"))
        assert out.doc_date == span
        assert date.attrs == (("rend", "center"), *span)
        assert date.marks == ()
        assert title == doc.blocks[0]
        assert pb == doc.blocks[3]
        assert _dates(para) == [
            (
                "between 1 June and 19 July",
                (("from", "1956-06-01"), ("to", "1956-07-19"), *INFERRED_HIGH),
            )
        ]
        assert _dates(marking) == [("12 September 1956", (("when", "1956-09-12"),))]
        assert [b.text for b in out.blocks] == [b.text for b in doc.blocks]

    def test_dateline_dates_the_document_without_a_title_date(self) -> None:
        doc = _doc(
            _block(Role.PARAGRAPH, "The specialists arrive no later than 1 June."),
            _block(Role.DATELINE, "Pyongyang, 15 May 1957"),
        )
        out = enrich_dates(doc)
        assert out.doc_date == (("when", "1957-05-15"),)
        assert _dates(out.blocks[0]) == [
            ("no later than 1 June", (("notAfter", "1957-06-01"), *INFERRED_HIGH))
        ]
        assert _dates(out.blocks[1]) == [("15 May 1957", (("when", "1957-05-15"),))]

    def test_the_archives_date_anchors_a_document_that_prints_none(self) -> None:
        doc = _doc(
            _block(Role.COVER, "May 16, 1969", type="date"),
            _block(Role.DATELINE, "Beijing, 16th May"),
        )
        out = enrich_dates(doc)
        assert out.doc_date == (("when", "1969-05-16"),)
        assert _dates(out.blocks[1]) == [("16th May", (("when", "1969-05-16"), *INFERRED_HIGH))]

    def test_without_a_document_date_the_last_full_date_anchors(self) -> None:
        doc = _doc(
            _block(Role.PARAGRAPH, "Nothing happened in August."),
            _block(Role.HEAD, "Entry of 10 January 1958"),
            _block(Role.PARAGRAPH, "Due by 15 March. On 3 March 1959 we agreed on 20 May."),
        )
        out = enrich_dates(doc)
        assert out.doc_date == ()
        assert _dates(out.blocks[0]) == []
        assert _dates(out.blocks[2]) == [
            ("by 15 March", (("notAfter", "1958-03-15"), *INFERRED_HIGH)),
            ("3 March 1959", (("when", "1959-03-03"),)),
            ("20 May", (("when", "1959-05-20"), *INFERRED_HIGH)),
        ]

    def test_a_date_must_nest_with_existing_marks(self) -> None:
        text = "Meeting of 12 September 1956 Street and 14 May 1957."
        street = Mark(24, 35, "placeName")  # "1956 Street" overlaps the first date
        out = enrich_dates(_doc(_block(Role.PARAGRAPH, text, (street,))))
        assert text[street.start : street.end] == "1956 Street"
        assert _dates(out.blocks[0]) == [("14 May 1957", (("when", "1957-05-14"),))]

    def test_a_date_may_sit_inside_a_larger_mark(self) -> None:
        text = "[stamp: Incoming 02277-ss; 28 August 1957]"
        stamp = Mark(8, 41, "stamp")
        out = enrich_dates(_doc(_block(Role.DOCKET, text, (stamp,))))
        assert _dates(out.blocks[0]) == [("28 August 1957", (("when", "1957-08-28"),))]
        assert out.blocks[0].marks[0] == stamp

    def test_a_page_break_inside_a_range_does_not_block_it(self) -> None:
        text = "between 1 June and 19 July 1956"
        pb = Mark(15, 15, "pb", (("n", "2"),))
        out = enrich_dates(_doc(_block(Role.PARAGRAPH, text, (pb,))))
        assert _dates(out.blocks[0]) == [(text, (("from", "1956-06-01"), ("to", "1956-07-19")))]
        assert pb in out.blocks[0].marks

    def test_no_date_inside_a_number_or_identifier(self) -> None:
        text = "Registration of 1956, 1 June 1956"
        idno = Mark(16, 20, "idno")
        out = enrich_dates(
            _doc(
                _block(Role.MARKING, "in 1956", (Mark(3, 7, "num"),)),
                _block(Role.MARKING, text, (idno,)),
            )
        )
        assert _dates(out.blocks[0]) == []
        assert _dates(out.blocks[1]) == [("1 June 1956", (("when", "1956-06-01"),))]

    def test_title_date_with_a_place_takes_its_one_date(self) -> None:
        out = enrich_dates(_doc(_block(Role.DOC_DATE, "Moscow, 12 May 1957")))
        assert out.doc_date == (("when", "1957-05-12"),)
        assert out.blocks[0].attrs == (("when", "1957-05-12"),)

    def test_running_twice_changes_nothing(self) -> None:
        doc = _doc(
            _block(Role.DOC_DATE, "14 May 1957"),
            _block(Role.PARAGRAPH, "on 9 May and in June 1956"),
        )
        once = enrich_dates(doc)
        assert enrich_dates(once) == once
        assert _dates(once.blocks[1]) == [
            ("9 May", (("when", "1957-05-09"), *INFERRED_HIGH)),
            ("June 1956", (("when", "1956-06"),)),
        ]


def test_a_range_stated_in_full_anchors_later_dates() -> None:
    doc = _doc(
        _block(Role.HEAD, "Talks of 30-31 August 1956"),
        _block(Role.PARAGRAPH, "Agreed on 2 September."),
    )
    assert _dates(enrich_dates(doc).blocks[1]) == [
        ("2 September", (("when", "1956-09-02"), *INFERRED_HIGH))
    ]


@pytest.mark.parametrize(
    ("text", "surface", "attrs"),
    [
        ("On the 14th [of March] they left.", "14th [of March]", (("when", "1958-03-14"),)),
        ("They met on 3 [April].", "3 [April]", (("when", "1958-04-03"),)),
        ("Signed on [9] June.", "[9] June", (("when", "1958-06-09"),)),
        ("It ended on 5 March [19]57 in Sofia.", "5 March [19]57", (("when", "1957-03-05"),)),
        # An editor's "[sic]" is read as if it were not there.
        (
            "The fair ran from 8 [SIC] through 14 March 1958.",
            "from 8 [SIC] through 14 March 1958",
            (("from", "1958-03-08"), ("to", "1958-03-14")),
        ),
    ],
)
def test_a_date_the_translator_completed_in_brackets_is_one_date(
    text: str, surface: str, attrs: tuple[tuple[str, str], ...]
) -> None:
    doc = _doc(
        _block(Role.DOC_DATE, "2 February 1958"),
        _block(Role.PARAGRAPH, text, (Mark(text.index("[") + 1, text.index("]"), "bracket"),)),
    )
    found = _dates(enrich_dates(doc).blocks[1])
    assert [
        (s, tuple(a for a in attrs_ if a[0] in {"when", "from", "to"})) for s, attrs_ in found
    ] == [(surface, attrs)]


def test_two_numbers_joined_by_a_point_in_a_clerks_line_are_the_hour() -> None:
    doc = _doc(
        _block(Role.DOC_DATE, "9 April 1982"),
        _block(Role.MARKING, "Drafted by Ve-Ko 09.11", type="typist"),
        _block(Role.PARAGRAPH, "Created by Ra 11.40"),  # wherever the line stands
        _block(Role.MARKING, "Typed by Petrova on 4/7/82", type="typist"),
        _block(Role.PARAGRAPH, "They left on 09.11 by train."),
    )
    out = enrich_dates(doc).blocks
    assert _dates(out[1]) == _dates(out[2]) == []
    assert [s for s, _ in _dates(out[3])] == ["4/7/82"]
    # Elsewhere the same numbers are a day and a month.
    assert [s for s, _ in _dates(out[4])] == ["09.11"]


def test_a_year_printed_against_its_month_is_read_with_it() -> None:
    doc = _doc(
        _block(Role.DOC_DATE, "14 March 1965"),
        _block(Role.DATELINE, "Strelsau, 14 March1965"),
        _block(Role.PARAGRAPH, "The Marchers1965 club met."),  # no month's name
    )
    out = enrich_dates(doc).blocks
    assert _dates(out[1]) == [("14 March1965", (("when", "1965-03-14"),))]
    assert _dates(out[2]) == []


@pytest.mark.parametrize("day", ["“20”", "«20»", '"20"'])
def test_a_day_between_quotation_marks_is_part_of_its_date(day: str) -> None:
    text = f"Head of Sector (I. Vasilev) {day} February 1958"
    doc = _doc(_block(Role.DOC_DATE, "20 February 1958"), _block(Role.SIGNED, text))
    assert _dates(enrich_dates(doc).blocks[1]) == [
        (f"{day} February 1958", (("when", "1958-02-20"),))
    ]


def test_an_hour_after_a_limit_is_no_year_far_from_the_documents() -> None:
    doc = _doc(
        _block(Role.DOC_DATE, "3 April 1961"),
        _block(Role.PARAGRAPH, "He was free only until 1800 that day."),
        _block(Role.PARAGRAPH, "The treaty held until 1945."),  # a year near the document's
        _block(Role.PARAGRAPH, "The village was founded in 1900."),  # a year, no limit
    )
    out = enrich_dates(doc).blocks
    assert _dates(out[1]) == []
    assert [s for s, _ in _dates(out[2])] == ["until 1945"]
    assert [s for s, _ in _dates(out[3])] == ["1900"]


def test_a_bracketed_year_after_a_noun_stays_a_date_of_its_own() -> None:
    text = "until the Sixth Congress [1961]. Then it changed."
    doc = _doc(
        _block(Role.DOC_DATE, "2 February 1963"),
        _block(Role.PARAGRAPH, text, (Mark(text.index("[") + 1, text.index("]"), "bracket"),)),
    )
    assert [s for s, _ in _dates(enrich_dates(doc).blocks[1])] == ["1961"]


@pytest.mark.parametrize(
    ("text", "surface", "attrs"),
    [
        (
            "It was built circa late 1951 near the river.",
            "circa late 1951",
            (("when", "1951"), ("cert", "medium"), ("resp", "#resp-encoder")),
        ),
        (
            "The talks began approximately in May 1957.",
            "approximately in May 1957",
            (("when", "1957-05"), ("cert", "medium"), ("resp", "#resp-encoder")),
        ),
        # An inferred year keeps its evidence; the weaker certainty wins.
        (
            "They came ca. 3 March.",
            "ca. 3 March",
            (
                ("when", "1958-03-03"),
                ("evidence", "internal"),
                ("cert", "medium"),
                ("resp", "#resp-encoder"),
            ),
        ),
    ],
)
def test_an_approximate_date_holds_its_qualifier_and_medium_certainty(
    text: str, surface: str, attrs: tuple[tuple[str, str], ...]
) -> None:
    doc = _doc(_block(Role.DOC_DATE, "2 February 1958"), _block(Role.PARAGRAPH, text))
    assert _dates(enrich_dates(doc).blocks[1]) == [(surface, attrs)]
