"""The phrases enricher: quotations, quoted titles, measures and local units (guide §7.5, §7.6).

Each test builds the blocks by hand and states the marks a reader of the sentence expects.
"""

from __future__ import annotations

import pytest

from tei_plenum.enrich.phrases import mark_phrases
from tei_plenum.model import Block, Document, Mark, Role, SourceSpan, attrs

JEONGBO = "Korean unit of land area: 3,000 pyeong, about 0.99 hectare"


def _doc(*texts: str, role: Role = Role.PARAGRAPH, marks: tuple[Mark, ...] = ()) -> Document:
    blocks = tuple(
        Block(role, text, SourceSpan(n), 1, marks=marks if n == 1 else ())
        for n, text in enumerate(texts, start=1)
    )
    return Document("test.txt", "pdf-text", blocks, 1)


def _marks(doc: Document, block: int = 0) -> list[tuple[str, str, dict[str, str]]]:
    b = doc.blocks[block]
    return [(m.tag, b.text[m.start : m.end], dict(m.attrs)) for m in b.marks]


def _phrases(text: str, role: Role = Role.PARAGRAPH, *marks: Mark) -> list[tuple[str, str, dict]]:
    doc = _doc(text, role=role, marks=marks)
    result = mark_phrases(doc)
    assert result.blocks[0].text == text
    return _marks(result)


# --- quotations and quoted titles -----------------------------------------------------------


def test_a_quotation_marks_its_words_and_leaves_the_quote_marks_outside() -> None:
    assert _phrases('He called it "a great step forward" and sat down.') == [
        ("q", "a great step forward", {})
    ]


def test_curly_quotes_are_quotations_too() -> None:
    assert _phrases("the slogan “everything for the front” was") == [
        ("q", "everything for the front", {})
    ]


def test_an_opening_quote_left_unclosed_opens_no_quotation() -> None:
    text = "After the slogan of “steady growth, the plan changed. Against the “old ways” it held."
    assert _phrases(text) == [("q", "old ways", {})]


def test_a_title_case_quotation_after_a_cue_word_is_a_title_of_that_kind() -> None:
    text = 'the decision "On the Tasks of the Party Organisations" was read'
    assert _phrases(text) == [
        ("title", "On the Tasks of the Party Organisations", {"type": "decision"})
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('in his Report "Results of the Spring Sowing" he', "report"),
        ('the newspaper Rodong Sinmun printed "Forward to New Victories"', "newspaper"),
        ('the treaty of 1961, "Friendship, Cooperation and Mutual Assistance"', "treaty"),
    ],
)
def test_the_cue_word_names_the_kind_of_title(text: str, kind: str) -> None:
    assert [(tag, a) for tag, _, a in _phrases(text)] == [("title", {"type": kind})]


@pytest.mark.parametrize(
    ("quoted", "tag"),
    [
        # Words of four letters or more count; three in five capitalised make a title.
        ("Measures for Improving the work of Cooperatives", "title"),  # 3 of 4
        ("Results of the Spring sowing", "title"),  # 2 of 3
        ("Results of spring", "q"),  # 1 of 2
        ("results of the spring sowing", "q"),  # 0 of 3
    ],
)
def test_title_case_means_most_long_words_capitalised(quoted: str, tag: str) -> None:
    assert _phrases(f'the resolution "{quoted}" was adopted')[0][0] == tag


def test_a_quotation_after_a_cue_word_that_is_not_title_case_is_a_quotation() -> None:
    assert _phrases('the report says "we must work harder than before"') == [
        ("q", "we must work harder than before", {})
    ]


def test_a_title_case_quotation_without_a_cue_word_is_a_quotation() -> None:
    assert _phrases('the crowd shouted "Long Live Korean Independence"') == [
        ("q", "Long Live Korean Independence", {})
    ]


def test_a_cue_word_in_an_earlier_sentence_does_not_count() -> None:
    assert _phrases('We read the resolution. Then "Forward Together Always" was sung.') == [
        ("q", "Forward Together Always", {})
    ]


def test_several_quotations_in_one_block() -> None:
    assert [surface for _, surface, _ in _phrases('"yes", he said, and then "no"')] == [
        "yes",
        "no",
    ]


def test_a_quotation_that_would_cross_an_existing_mark_is_left_unmarked() -> None:
    # A name found across the closing quote mark: the quotation cannot nest with it.
    text = 'He praised "the leader Kim" Il Sung today'
    person = Mark(
        text.index("Kim"), text.index(" today"), "persName", attrs(ref="#pers-kim-il-sung")
    )
    assert _phrases(text, Role.PARAGRAPH, person) == [
        ("persName", 'Kim" Il Sung', {"ref": "#pers-kim-il-sung"})
    ]


# --- measures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "quantity", "unit"),
    [
        ("delivered 3,500 kg", "3,500 kg", "3500", "kg"),
        ("about 2.5 hectares, mostly", "2.5 hectares", "2.5", "ha"),
        ("a harvest of 200 thousand tons", "200 thousand tons", "200000", "t"),
        ("credits of 14 million rubles", "14 million rubles", "14000000", "RUB"),
        ("fulfilled by 70 percent", "70 percent", "70", "%"),
        ("fulfilled by 70 per cent", "70 per cent", "70", "%"),
        ("grew by 12% this year", "12%", "12", "%"),
        ("a road of twenty kilometres", "twenty kilometres", "20", "km"),
        ("Five tonnes were sent", "Five tonnes", "5", "t"),
        ("loaned 300 yuan", "300 yuan", "300", "CNY"),
        ("shipped 200 t by rail", "200 t", "200", "t"),
        ("5 thousand t were", "5 thousand t", "5000", "t"),
    ],
)
def test_a_quantity_with_a_unit_is_a_measure(text: str, surface: str, quantity: str, unit: str):
    assert _phrases(text) == [("measure", surface, {"quantity": quantity, "unit": unit})]


@pytest.mark.parametrize(
    ("text", "surface", "bound"),
    [
        ("seek for more than 200 kg in all", "more than 200 kg", "atLeast"),
        ("at least 200 kg", "at least 200 kg", "atLeast"),
        ("not less than 200 kg", "not less than 200 kg", "atLeast"),
        ("Over 200 kg", "Over 200 kg", "atLeast"),
        ("less than 200 kg", "less than 200 kg", "atMost"),
        ("up to 200 kg", "up to 200 kg", "atMost"),
        ("no more than 200 kg", "no more than 200 kg", "atMost"),
    ],
)
def test_words_that_bound_a_quantity_give_its_bound_and_belong_to_the_measure(
    text: str, surface: str, bound: str
) -> None:
    assert _phrases(text) == [("measure", surface, {bound: "200", "unit": "kg"})]


@pytest.mark.parametrize(
    ("text", "commodity"),
    [
        ("200 kg of chemical fertilizers to be applied", "chemical fertilizers"),
        ("5 tons of rice and wheat", "rice"),
        ("5 tons of the harvest", None),
        ("5 tons of high grade steel were", "high grade steel"),
        ("5,000 tons of rice promised for May", "rice"),
        ("300 tons of seed grain", "seed grain"),
        ("200 thousand tons of grain until the autumn", "grain"),
        ("40 tons of coal still needed", "coal"),
    ],
)
def test_the_words_after_of_name_the_commodity_up_to_a_function_word(
    text: str, commodity: str | None
) -> None:
    (measure,) = _phrases(text)
    assert measure[2].get("commodity") == commodity


@pytest.mark.parametrize(
    ("text", "surface", "quantity", "unit"),
    [
        # The trade reached the sum: it was not a ceiling.
        ("trade came up to 90 million rubles", "90 million rubles", "90000000", "RUB"),
        # The side gave the rice: "over" is the verb's particle, not "more than".
        ("they handed over 200 tons", "200 tons", "200", "t"),
    ],
)
def test_a_verbs_particle_is_no_bound(text: str, surface: str, quantity: str, unit: str) -> None:
    assert _phrases(text) == [("measure", surface, {"quantity": quantity, "unit": unit})]


def test_a_unit_without_a_space_before_it_is_not_the_tonne() -> None:
    assert _phrases("the 5t lorry") == []


def test_a_range_of_durations_is_a_measure_with_bounds() -> None:
    bounds = {"type": "duration", "atLeast": "3", "atMost": "5", "unit": "year"}
    assert _phrases("within three to five years") == [("measure", "three to five years", bounds)]


@pytest.mark.parametrize(
    "text",
    [
        "340 items were packed in 28 crates",  # counts without a unit
        "Copy Nº 1",
        "the meeting began at 10:30",
        "the 20th CPSU congress",
        "for two years",  # one duration, no range
        "the 3rd team",
        "Kim ate a thousand dumplings",
        "the kgb officer",  # a unit's letters inside a word
    ],
)
def test_numbers_without_a_unit_are_not_measures(text: str) -> None:
    assert _phrases(text) == []


def test_a_measure_that_would_cross_an_existing_mark_is_left_unmarked() -> None:
    text = "by 1 June 200 tons"
    date = Mark(3, text.index(" tons"), "date", attrs(when="1957-06-01"))
    assert _phrases(text, Role.PARAGRAPH, date) == [("date", "1 June 200", {"when": "1957-06-01"})]


# --- local units -------------------------------------------------------------------------


def test_a_local_unit_points_to_a_declared_unit() -> None:
    doc = mark_phrases(_doc("the yield was high per jeongbo"))
    assert _marks(doc) == [("unit", "jeongbo", {"unitRef": "#unit-jeongbo"})]
    assert doc.units == (("unit-jeongbo", "jeongbo", JEONGBO),)


def test_a_rate_holds_its_unit_of_reference() -> None:
    doc = mark_phrases(_doc("a yield of 3 tons per jeongbo"))
    assert _marks(doc) == [
        ("measure", "3 tons per jeongbo", {"quantity": "3", "unit": "t"}),
        ("unit", "jeongbo", {"unitRef": "#unit-jeongbo"}),
    ]


def test_the_unit_of_reference_may_close_the_clause_the_measure_opens() -> None:
    text = (
        "seek for more than 200 kg of chemical fertilizers to be applied per jeongbo in two to"
        " three years"
    )
    assert _phrases(text) == [
        (
            "measure",
            "more than 200 kg of chemical fertilizers to be applied per jeongbo",
            {"atLeast": "200", "unit": "kg", "commodity": "chemical fertilizers"},
        ),
        ("unit", "jeongbo", {"unitRef": "#unit-jeongbo"}),
        (
            "measure",
            "two to three years",
            {"type": "duration", "atLeast": "2", "atMost": "3", "unit": "year"},
        ),
    ]


def test_a_unit_of_reference_after_punctuation_is_not_the_measures() -> None:
    assert _phrases("200 kg, which is much per jeongbo") == [
        ("measure", "200 kg", {"quantity": "200", "unit": "kg"}),
        ("unit", "jeongbo", {"unitRef": "#unit-jeongbo"}),
    ]


def test_two_spellings_of_a_unit_share_one_declaration() -> None:
    doc = mark_phrases(_doc("2 tons per jeongbo", "and 3 tons per chongbo"))
    refs = [a["unitRef"] for b in range(2) for tag, _, a in _marks(doc, b) if tag == "unit"]
    assert refs == ["#unit-jeongbo", "#unit-jeongbo"]
    assert [key for key, _, _ in doc.units] == ["unit-jeongbo"]


def test_every_local_unit_used_is_declared_once_in_key_order() -> None:
    doc = mark_phrases(_doc("10 won per pyeong, 4 km per ri", "5 won per pyeong"))
    assert [key for key, _, _ in doc.units] == ["unit-pyeong", "unit-ri"]


def test_a_standard_unit_of_reference_is_a_unit_with_its_symbol_and_declares_nothing() -> None:
    doc = mark_phrases(_doc("5 tons per hectare per year"))
    assert doc.units == ()
    assert _marks(doc) == [
        ("measure", "5 tons per hectare", {"quantity": "5", "unit": "t"}),
        ("unit", "hectare", {"unit": "ha"}),
    ]


# --- which blocks -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.PARAGRAPH, Role.ITEM, Role.HEAD])
def test_paragraphs_items_and_heads_get_phrases(role: Role) -> None:
    assert [tag for tag, _, _ in _phrases('"yes" and 5 kg of rice', role)] == ["q", "measure"]


@pytest.mark.parametrize("role", [Role.TITLE, Role.MARKING, Role.SIGNED, Role.DOCKET])
def test_other_blocks_are_left_alone(role: Role) -> None:
    doc = _doc('"yes" and 5 kg of rice per jeongbo', role=role)
    assert mark_phrases(doc) == doc
