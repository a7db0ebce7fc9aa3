"""inline.bracket_marks: one mark over the content of every bracket pair."""

from __future__ import annotations

import pytest

from tei_plenum.reader.inline import bracket_marks


def spans(text: str) -> list[tuple[str, bool]]:
    """Each mark as (the text it covers, whether it is a doubled pair), in start order."""
    marks = sorted(bracket_marks(text), key=lambda m: (m.start, m.end))
    return [(text[m.start : m.end], dict(m.attrs).get("double") == "true") for m in marks]


def test_single_pair_covers_its_content_only():
    marks = bracket_marks("the men [should be] invested")
    assert [(m.start, m.end, m.tag) for m in marks] == [(9, 18, "bracket")]


def test_doubled_pair_is_one_mark():
    marks = bracket_marks("[[illegible signature]] 9 April")
    assert [(m.start, m.end, m.attrs) for m in marks] == [(2, 21, (("double", "true"),))]


def test_several_pairs_on_a_line():
    assert spans("Translated [by]: Rozanov [signature]") == [("by", False), ("signature", False)]


def test_nested_single_pairs():
    assert spans("[stamp: [TOP SECRET] Incoming]") == [
        ("stamp: [TOP SECRET] Incoming", False),
        ("TOP SECRET", False),
    ]


def test_doubled_pair_nested_in_a_single_pair():
    assert spans("[stamp: [[TOP SECRET]] Incoming]") == [
        ("stamp: [[TOP SECRET]] Incoming", False),
        ("TOP SECRET", True),
    ]


def test_single_pair_nested_in_a_doubled_pair():
    assert spans("[[[a]]]") == [("[a]", True), ("a", False)]


def test_two_openings_closed_one_by_one_are_two_single_pairs():
    assert spans("x [[a] b] y") == [("[a] b", False), ("a", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x [a", []),
        ("a ] b [ c", []),
        ("a] [b]", [("b", False)]),
        ("[a]] x", [("a", False)]),
        ("[[a] x", [("a", False)]),
    ],
)
def test_unbalanced_brackets_mark_only_closed_pairs(text: str, expected: list[tuple[str, bool]]):
    assert spans(text) == expected


@pytest.mark.parametrize("text", ["[]", "[[]]", "a [] b"])
def test_empty_pairs_give_no_mark(text: str):
    assert bracket_marks(text) == []


def test_no_brackets_no_marks():
    assert bracket_marks("The plenum notes with satisfaction.") == []
