"""The paragraph a hit shows and its snippet: pure functions of a document's text and the
offsets FTS5 marked, checked on invented text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tei_plenum.search.passages import best_passage, marked_spans, snippet

OPEN, CLOSE = "\x01", "\x02"


def words(text: str) -> int:
    return len(text.split())


def paragraphs(*texts: str) -> tuple[str, list[tuple[int, int]]]:
    """A document's text and its paragraphs' bounds, apart by a blank line."""
    bounds, offset = [], 0
    for text in texts:
        bounds.append((offset, offset + len(text)))
        offset += len(text) + 2
    return "\n\n".join(texts), bounds


def spans_of(text: str, *words: str) -> list[tuple[int, int]]:
    """Every occurrence of each word, in order, as FTS5's highlight() would mark them."""
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = text.find(word, start + 1)
    return sorted(found)


def test_marks_become_offsets_in_the_unmarked_text() -> None:
    text, spans = marked_spans(f"The {OPEN}mill{CLOSE} and the {OPEN}old mill{CLOSE}.", OPEN, CLOSE)
    assert text == "The mill and the old mill."
    assert [text[a:b] for a, b in spans] == ["mill", "old mill"]
    # A mark left open is dropped, not taken for a match.
    assert marked_spans(f"a {OPEN}b", OPEN, CLOSE) == ("a b", [])


@given(
    st.text(alphabet=st.characters(blacklist_characters=OPEN + CLOSE), max_size=60),
    st.lists(st.integers(min_value=0, max_value=60), max_size=8),
)
def test_marking_and_unmarking_give_the_text_back(text: str, cuts: list[int]) -> None:
    points = sorted({min(c, len(text)) for c in cuts})
    pairs = list(zip(points[::2], points[1::2], strict=False))
    marked, last = [], 0
    for start, end in pairs:
        marked += [text[last:start], OPEN, text[start:end], CLOSE]
        last = end
    marked.append(text[last:])
    assert marked_spans("".join(marked), OPEN, CLOSE) == (text, pairs)


def test_a_short_paragraph_about_the_word_wins_over_a_long_one() -> None:
    long = "The looms of the mill stood idle " + "while the weavers waited " * 12 + "for cotton."
    text, bounds = paragraphs("Minutes of the guild.", long, "The looms are idle.")
    passage = best_passage(text, spans_of(text, "looms"), bounds, 24, words(text))
    assert passage is not None
    assert (passage.paragraph, passage.matches) == (2, 2)
    assert passage.parts == (("The ", False), ("looms", True), (" are idle.", False))


def test_more_of_the_query_beats_one_word_repeated() -> None:
    text, bounds = paragraphs(
        "Cotton, cotton and more cotton came by canal.",
        "The mill bought cotton from the port.",
    )
    spans = spans_of(text, "cotton", "mill")
    passage = best_passage(text, spans, bounds, 24, words(text))
    assert passage is not None
    assert passage.paragraph == 1
    # Only distinct words count once each: the case of a word does not make it another.
    assert (
        best_passage(text, spans_of(text, "cotton", "Cotton"), bounds, 24, words(text)).paragraph
        == 0
    )


def test_no_match_inside_a_paragraph_gives_no_passage() -> None:
    text, bounds = paragraphs("One.", "Two.")
    assert best_passage(text, [], bounds, 24, words(text)) is None
    assert best_passage(text, [(4, 5)], bounds, 24, 2) is None  # the blank line between
    assert best_passage(text, [(0, 3)], [], 24, 2) is None


def test_the_snippet_starts_a_little_before_the_first_match_and_marks_what_is_left_out() -> None:
    words = [f"w{n}" for n in range(40)]
    paragraph = " ".join(words)
    start = paragraph.index("w20")
    parts = snippet(paragraph, [(start + 100, start + 103)], 100, 8)
    assert parts == (("… w18 w19 ", False), ("w20", True), (" w21 w22 w23 w24 w25 …", False))
    # Near the end, the window ends with the paragraph instead.
    start = paragraph.index("w38")
    assert snippet(paragraph, [(start, start + 3)], 0, 8)[-2:] == (("w38", True), (" w39", False))
    # A match that runs past the window is cut at its edge.
    assert snippet("a b c d", [(0, 7)], 0, 2) == (("a b", True), (" …", False))
