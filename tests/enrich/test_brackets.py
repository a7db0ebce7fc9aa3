"""The brackets enricher, form by form (encoding guide §9 and §9.1).

Blocks are built as the reader leaves them: the content of each bracket pair under a
``bracket`` mark, a doubled pair ``[[…]]`` as one mark with ``double="true"``. Expected
elements come from the guide's table of bracket forms.
"""

from __future__ import annotations

import re

import pytest

from tei_plenum.enrich.brackets import classify_brackets, finalize_brackets
from tei_plenum.model import Block, Document, Mark, Role, SourceSpan, attrs

RESP = "#resp-translator-en"
# The content of a doubled pair, or of a single pair with no bracket inside.
_PAIR = re.compile(r"\[\[([^\[\]]*)\]\]|\[([^\[\]]*)\]")


def _bracket_marks(text: str) -> tuple[Mark, ...]:
    marks = []
    for m in _PAIR.finditer(text):
        if m.group(1) is not None:
            marks.append(Mark(m.start(1), m.end(1), "bracket", attrs(double="true")))
        else:
            marks.append(Mark(m.start(2), m.end(2), "bracket"))
    return tuple(marks)


def _description(subtype: str) -> dict[str, str]:
    return {"type": "description", "subtype": subtype, "resp": RESP}


def _doc(text: str, *extra: Mark) -> Document:
    block = Block(Role.PARAGRAPH, text, SourceSpan(1), 1, marks=(*_bracket_marks(text), *extra))
    return Document("test.txt", "pdf-text", (block,), 1)


def _marks(doc: Document) -> list[tuple[str, str, dict[str, str]]]:
    block = doc.blocks[0]
    return [(m.tag, block.text[m.start : m.end], dict(m.attrs)) for m in block.marks]


def _classified(text: str, *extra: Mark) -> list[tuple[str, str, dict[str, str]]]:
    doc = _doc(text, *extra)
    result = classify_brackets(doc)
    assert [b.text for b in result.blocks] == [b.text for b in doc.blocks]
    return _marks(result)


# --- doubled brackets: an uncertain reading, or an unreadable passage (§9.1) -----------------


def test_doubled_pair_is_an_uncertain_reading() -> None:
    assert _classified("the plant in [[Kusong]] was built") == [
        ("unclear", "Kusong", {"resp": RESP})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "9 April 1960 [[illegible signature]]",  # the guide's own example
        "[[signature, illegible]]",  # doubled and saying illegible: a gap, whatever the wording
    ],
)
def test_doubled_pair_saying_illegible_is_a_gap(text: str) -> None:
    content = text[text.index("[[") + 2 : text.index("]]")]
    assert _classified(text) == [("gap", content, {"reason": "illegible", "resp": RESP})]


# --- unreadable and omitted passages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("illegible", "illegible"),
        ("two words illegible", "illegible"),
        ("one line unreadable", "illegible"),
        ("inaudible", "inaudible"),
        ("two words inaudible", "inaudible"),
        ("illegible, one word", "illegible"),
        ("unclear", "illegible"),
    ],
)
def test_unreadable_passage_is_a_gap_with_its_reason(content: str, reason: str) -> None:
    assert _classified(f"He said [{content}] and left.") == [
        ("gap", content, {"reason": reason, "resp": RESP})
    ]


@pytest.mark.parametrize("content", ["…", "...", ". . .", "omitted", "Text omitted", " ... "])
def test_omission_is_a_gap_for_omitted_text(content: str) -> None:
    assert _classified(f"The plenum [{content}] resolves:") == [
        ("gap", content, {"reason": "omitted", "resp": RESP})
    ]


@pytest.mark.parametrize("content", ["blacked out", "name blacked out", "redacted", "sanitized"])
def test_text_withheld_from_the_copy_is_a_redacted_gap(content: str) -> None:
    assert _classified(f"Number: [{content}] Sent:") == [
        ("gap", content, {"reason": "redacted", "resp": RESP})
    ]
    # A sentence that only speaks of withholding is the translator's words.
    assert _classified("He [said the file was redacted later] and left.")[0][0] != "gap"


# --- descriptions of what is not text -------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "subtype"),
    [
        ("signature", "signature"),
        ("Signature", "signature"),
        ("signatures", "signature"),
        ("signed", "signature"),
        ("Initial", "signature"),
        ("seal", "seal"),
        ("round seal", "seal"),
        ("stamp", "stamp"),
        ("handwriting", "handwriting"),
        ("handwritten", "handwriting"),
        ("photograph", "object"),
        ("emblem", "object"),
        # A sentence about handwriting, without a label's colon.
        ("Handwritten note at the bottom of the page", "handwriting"),
        ("Illegible scribble in the margin, other ink", "handwriting"),
    ],
)
def test_description_is_a_seg_with_what_it_describes(content: str, subtype: str) -> None:
    assert _classified(f"Rozanov [{content}]") == [("seg", content, _description(subtype))]


def test_handwritten_addition_keeps_its_words_in_an_add() -> None:
    text = "[handwritten: 0123ss]"
    assert _classified(text) == [
        ("seg", "handwritten: 0123ss", _description("handwriting")),
        ("add", "0123ss", {"hand": "#hand-annotator"}),
    ]


def test_a_word_may_follow_handwritten_before_the_colon() -> None:
    assert _classified("[handwritten note: see me]")[1] == (
        "add",
        "see me",
        {"hand": "#hand-annotator"},
    )


def test_described_stamp_keeps_its_words_in_a_stamp() -> None:
    text = "[faded image of a stamp: Incoming 02277]"
    assert _classified(text) == [
        ("seg", "faded image of a stamp: Incoming 02277", _description("stamp")),
        ("stamp", "Incoming 02277", {}),
    ]


def test_described_seal_keeps_its_words_in_a_stamp() -> None:
    assert _classified("[round seal: Ministry of Culture]") == [
        ("seg", "round seal: Ministry of Culture", _description("seal")),
        ("stamp", "Ministry of Culture", {}),
    ]


def test_a_description_with_nothing_after_the_colon_is_only_a_seg() -> None:
    assert _classified("[stamp:]") == [("seg", "stamp:", _description("stamp"))]


def test_stamp_with_an_uncertain_reading_inside() -> None:
    # The guide's example: the doubled pair inside the stamp's words is classified on its own.
    text = "[stamp: [[TOP SECRET]] Incoming]"
    outer = Mark(1, len(text) - 1, "bracket")
    inner = Mark(text.index("TOP"), text.index("]]"), "bracket", attrs(double="true"))
    block = Block(Role.PARAGRAPH, text, SourceSpan(1), 1, marks=(outer, inner))
    result = classify_brackets(Document("test.txt", "pdf-text", (block,), 1))
    assert _marks(result) == [
        ("seg", "stamp: [[TOP SECRET]] Incoming", _description("stamp")),
        ("stamp", "[[TOP SECRET]] Incoming", {}),
        ("unclear", "TOP SECRET", {"resp": RESP}),
    ]


# --- notes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", ["sic", "sic!", "sic, Kim Il is correct", "Sic", "not further identified"]
)
def test_sic_and_an_unidentified_name_are_editorial_notes(content: str) -> None:
    assert _classified(f"Ya. R. [{content}] Malinovsky") == [
        ("note", content, {"type": "editorial", "place": "inline", "resp": RESP})
    ]


@pytest.mark.parametrize(
    "content",
    [
        "Translator's note: the plant was renamed in 1958",
        "Translators note: see above",
        "Note: as in the original",
        # A gloss the translator signs.
        "i.e., advisers—trans.",
        "the Soviet side – Tr.",
    ],
)
def test_a_note_is_a_translators_note(content: str) -> None:
    assert _classified(f"The plant [{content}] opened.") == [
        ("note", content, {"type": "translator", "place": "inline", "resp": RESP})
    ]


# --- note calls of the archive's edition ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On the letter[1] by Comrade Nowicki:",  # glued to the word before
        "after the meeting.[2] If the comrades agree",  # after a full stop
        "the newspaper [Trybuna Ludu],[12] which",  # after a comma and another bracket pair
        "as the answer said[3]",  # at the end of the block
        "WŁADYSŁAW[4] stated",  # after a letter beyond ASCII
    ],
)
def test_a_number_glued_to_the_text_before_it_is_a_note_call(text: str) -> None:
    number = re.findall(r"(?<=\S\[)\d+(?=\])", text)[-1]
    found = [mark for mark in _classified(text) if mark[0] == "ref"]
    assert found == [("ref", number, {"type": "noteAnchor", "n": number, "resp": RESP})]


@pytest.mark.parametrize(
    "text",
    [
        "the spring sowing [1] will begin",  # after a space: the translator's
        "item [2]",
        "in 19[5]6 the plant",  # a digit inside a number: supplied
        "the year 195[7]",  # after a digit
        "the points[2a] and",  # no number alone
        "the letter[1]st",  # a word goes on after it
    ],
)
def test_other_bracketed_numbers_stay_for_the_later_stages(text: str) -> None:
    assert [tag for tag, _, _ in _classified(text)] == ["bracket"]


def test_a_doubled_number_is_an_uncertain_reading_not_a_note_call() -> None:
    assert _classified("on the [[16]]th") == [("unclear", "16", {"resp": RESP})]


# --- what stays for later stages ------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "should be",  # supplied words
        "Kangson",  # a name the names enricher may claim
        "Sicily",  # starts like "sic" but is a word
        "notes on the plan",  # starts like "note" but is a word
        "signature of the chairman",  # more than the fixed description
    ],
)
def test_other_brackets_stay_for_the_names_enricher(content: str) -> None:
    assert _classified(f"the men [{content}] invested") == [("bracket", content, {})]


def test_marks_that_are_not_brackets_are_kept() -> None:
    name = Mark(0, 7, "persName", attrs(ref="#pers-rozanov"))
    assert _classified("Rozanov [signature]", name) == [
        ("persName", "Rozanov", {"ref": "#pers-rozanov"}),
        ("seg", "signature", _description("signature")),
    ]


def test_a_block_without_brackets_is_left_alone() -> None:
    doc = _doc("No brackets here.")
    assert classify_brackets(doc) == doc
    assert finalize_brackets(doc) == doc


# --- finalize: what nobody claimed was supplied by the translator (§9) ---------------------------


def test_unclaimed_brackets_become_supplied_words() -> None:
    doc = classify_brackets(_doc("the men [should be] invested in [Madon] [signature]"))
    # The names enricher would claim "Madon"; here it stands for any claimed bracket.
    block = doc.blocks[0]
    madon = next(m for m in block.marks if block.text[m.start : m.end] == "Madon")
    place = Mark(madon.start, madon.end, "placeName", attrs(ref="#place-madon", cert="low"))
    claimed = block.with_only_marks([place if m is madon else m for m in block.marks])
    final = finalize_brackets(Document("test.txt", "pdf-text", (claimed,), 1))
    assert _marks(final) == [
        ("supplied", "should be", {"reason": "translator-insertion", "resp": RESP}),
        ("placeName", "Madon", {"ref": "#place-madon", "cert": "low"}),
        ("seg", "signature", _description("signature")),
    ]
    assert final.blocks[0].text == block.text


def test_finalize_leaves_no_bracket_mark() -> None:
    text = "[a] [[b]] [c d] [[illegible]] […]"
    final = finalize_brackets(classify_brackets(_doc(text)))
    assert [tag for tag, _, _ in _marks(final)] == ["supplied", "unclear", "supplied", "gap", "gap"]
