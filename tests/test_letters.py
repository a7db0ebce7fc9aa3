"""Letters: the capitals test and the folded form names are compared in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_plenum.letters import fold, is_upper


def _counted(text: str) -> bool:
    """The definition, letter by letter: four capitals or more for each small letter."""
    lower = sum(char.islower() for char in text)
    upper = sum(char.isupper() for char in text)
    return upper + lower >= 2 and upper >= 4 * lower


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RECORD OF A CONVERSATION", True),
        ("ŁÓDŹ AND ŠIROKÝ", True),
        ("RECORD OF TALKs", True),  # one small letter beside many capitals
        ("Record of a Conversation", False),
        ("I", False),  # a single letter says nothing
        ("AB", True),
        ("1956", False),
        ("", False),
    ],
)
def test_is_upper(text: str, expected: bool) -> None:
    assert is_upper(text) is expected


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
def test_is_upper_counts_every_letter(text: str) -> None:
    # The shortcut for a text with many small letters answers as a full count would.
    assert is_upper(text) is _counted(text)


@given(st.text(alphabet=st.sampled_from("ABCÉŁabcéł .-"), max_size=60))
def test_is_upper_near_the_threshold(text: str) -> None:
    assert is_upper(text) is _counted(text)


def test_fold_keeps_one_character_for_each() -> None:
    assert fold("Gomułka–Široký’s") == "gomulka siroky's"
