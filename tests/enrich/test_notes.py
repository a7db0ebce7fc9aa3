"""The edition's notes after the text and the calls in the text: labelled and linked."""

from __future__ import annotations

from tei_plenum.enrich.notes import link_notes
from tei_plenum.model import Block, Document, Mark, Role, SourceSpan, attrs

RESP = "#resp-translator-en"


def _call(text: str, number: str) -> Mark:
    start = text.index(f"[{number}]") + 1
    return Mark(start, start + len(number), "ref", attrs(type="noteAnchor", n=number, resp=RESP))


def _paragraph(text: str, *numbers: str) -> Block:
    marks = tuple(_call(text, n) for n in numbers)
    return Block(Role.PARAGRAPH, text, SourceSpan(1), 1, marks=marks)


def _note(number: str, words: str = "Translator's note: the annex is not in the file.") -> Block:
    text = f"[{number}] {words}"
    end = 1 + len(number)
    marks = (Mark(1, end, "label"), Mark(1, end, "bracket"))
    return Block(Role.NOTE, text, SourceSpan(2), 1, attrs=attrs(n=number), marks=marks)


def _linked(*blocks: Block) -> tuple[Block, ...]:
    return link_notes(Document("test.txt", "web-page", blocks, 1)).blocks


def test_a_note_and_its_call_point_to_each_other() -> None:
    text, note = _linked(_paragraph("The annex.[1] And the letter.[2]", "1", "2"), _note("1"))
    calls = {dict(m.attrs)["n"]: dict(m.attrs) for m in text.marks}
    assert calls["1"]["xml:id"] == "note-call-1"
    assert calls["1"]["target"] == "#note-1"
    assert "target" not in calls["2"]  # no note of that number
    assert note.attr("xml:id") == "note-1"
    assert note.attr("target") == "#note-call-1"


def test_several_notes_are_linked_each_to_its_own_call() -> None:
    blocks = _linked(
        _paragraph("First.[1]", "1"), _paragraph("Second.[2]", "2"), _note("1"), _note("2")
    )
    assert [b.attr("target") for b in blocks] == [None, None, "#note-call-1", "#note-call-2"]
    assert [dict(b.marks[0].attrs).get("target") for b in blocks[:2]] == ["#note-1", "#note-2"]


def test_the_notes_number_is_its_label_not_a_supplied_word() -> None:
    (note,) = _linked(_note("3"))
    assert [(m.tag, note.text[m.start : m.end]) for m in note.marks] == [("label", "3")]
    assert note.attr("target") is None  # no call of it in the text


def test_a_number_called_twice_is_not_linked() -> None:
    blocks = _linked(_paragraph("One.[1]", "1"), _paragraph("Two.[1]", "1"), _note("1"))
    assert all(b.attr("xml:id") is None for b in blocks)
    assert all("target" not in dict(m.attrs) for b in blocks for m in b.marks)
