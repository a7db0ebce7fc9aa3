"""MarkIndex answers exactly what a pass over every mark answers; marks over the same
characters nest in one order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_plenum.model import Mark, MarkIndex, mark_order, nests

TAGS = ("persName", "orgName", "date", "num", "pb")


@st.composite
def marks(draw: st.DrawFn) -> Mark:
    start = draw(st.integers(0, 40))
    length = 0 if draw(st.booleans()) and draw(st.booleans()) else draw(st.integers(1, 20))
    return Mark(start, start + length, draw(st.sampled_from(TAGS)))


@given(st.lists(marks(), max_size=25), st.integers(0, 50), st.integers(1, 20))
def test_nests_agrees_with_a_pass_over_every_mark(found: list[Mark], start: int, length: int):
    assert MarkIndex(found).nests(start, start + length) == nests(found, start, start + length)


@given(
    st.lists(marks(), max_size=25),
    st.integers(0, 50),
    st.integers(1, 20),
    st.frozensets(st.sampled_from(TAGS)),
)
def test_containing_finds_every_covering_mark_of_the_kinds_asked(
    found: list[Mark], start: int, length: int, tags: frozenset[str]
):
    end = start + length
    expected = sorted(
        (
            m
            for m in found
            if not m.is_milestone and m.tag in tags and m.start <= start and end <= m.end
        ),
        key=repr,
    )
    assert sorted(MarkIndex(found).containing(start, end, tags), key=repr) == expected


@given(st.lists(marks(), min_size=1, max_size=25), st.data())
def test_a_removed_mark_no_longer_counts(found: list[Mark], data: st.DataObject):
    gone = data.draw(st.sampled_from(found))
    start, length = data.draw(st.integers(0, 50)), data.draw(st.integers(1, 20))
    index = MarkIndex(found)
    index.remove(gone)
    rest = [m for m in found if m != gone]
    assert gone not in index
    assert index.nests(start, start + length) == nests(rest, start, start + length)
    tags = frozenset(TAGS)
    expected = sorted(
        (m for m in rest if not m.is_milestone and m.start <= start and start + length <= m.end),
        key=repr,
    )
    assert sorted(index.containing(start, start + length, tags), key=repr) == expected


@given(st.lists(marks(), max_size=25), st.integers(0, 50), st.integers(1, 20))
def test_at_finds_the_marks_over_exactly_a_range(found: list[Mark], start: int, length: int):
    expected = [m for m in found if (m.start, m.end) == (start, start + length)]
    assert sorted(MarkIndex(found).at(start, start + length), key=repr) == sorted(
        expected, key=repr
    )
    assert all(m in MarkIndex(found) for m in found if not m.is_milestone)


@pytest.mark.parametrize("inner", ["placeName", "persName", "date", "measure"])
def test_supplied_words_hold_a_name_or_date_over_the_same_characters(inner: str):
    # "[China]", "[1956]": the bracket pair's element stands right inside the brackets
    # (guide §9), the mention inside it.
    found = sorted([Mark(3, 8, inner), Mark(3, 8, "supplied")], key=mark_order)
    assert [mark.tag for mark in found] == ["supplied", inner]
