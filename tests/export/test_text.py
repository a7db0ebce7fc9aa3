"""The plain-text view: any TEI in, the reading text out (guide §11)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_plenum.errors import DocumentError, InternalError
from tei_plenum.export.text import read_blocks, text_blocks, to_text
from tei_plenum.pipeline import check_fidelity, convert_file
from tei_plenum.reader import reading_tokens, segment
from tei_plenum.xmlsafe import parse_xml
from tests.conftest import EXAMPLES, FIXTURES, SAMPLE

SOURCES = [*sorted((FIXTURES / "documents").glob("*.txt")), SAMPLE]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_text_view_gives_back_the_words_of_the_source(source) -> None:
    text = source.read_text(encoding="utf-8")
    exported = to_text(convert_file(source).tree)
    assert exported.split() == list(reading_tokens(segment(text)))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_kept_reading_text_is_the_export_of_the_written_file(source) -> None:
    # The batch writes the text view from the conversion's reading text, without exporting
    # the TEI again: it must be the view that `export --to text` makes of the TEI file.
    conversion = convert_file(source)
    assert conversion.reading_text == to_text(parse_xml(conversion.tei))


def test_sample_text_view_layout() -> None:
    exported = to_text(convert_file(SAMPLE).tree)
    blocks = exported.split("\n\n")
    assert blocks[:5] == [
        "Wilson Center Digital Archive Translation - English",
        "Translation from Korean",
        "Copy Nº 1",
        "SECRET",
        "DECISION OF THE KWP CC PLENUM",
    ]
    assert "I." in blocks
    assert "[page" not in exported
    assert "men and equipment [should be] invested" in exported
    assert exported.endswith("Suvorov [signature]\n")


def test_page_markers_on_request() -> None:
    exported = to_text(convert_file(SAMPLE).tree, page_markers=True)
    assert exported.startswith("[page 1]\n\n")
    assert "not be scattered, [page 2] but are concentrated" in exported
    assert "\n\n[page 8]\n\n" in exported


def test_speaker_labels_stand_on_their_own_lines() -> None:
    tree = convert_file(EXAMPLES / "conversation-sample.txt").tree
    blocks = to_text(tree).split("\n\n")
    index = blocks.index("KARELIN:")
    assert blocks[index + 1].startswith("I will ask the trade representative")


def test_other_tools_tei_unknown_elements_and_choices() -> None:
    tei = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
    <title>Header words stay out</title></titleStmt></fileDesc></teiHeader>
    <text><body><div><head>Heading</head>
    <p>One <foo>unknown</foo> and <choice><sic>teh</sic><corr>the</corr></choice> end<lb/>next</p>
    <mystery>Loose block</mystery>
    <div>Stray text in a div<p>inner</p></div>
    <p>gone<gap/>here <note place="inline">noted</note></p>
    </div></body></text></TEI>"""
    assert to_text(parse_xml(tei)) == (
        "Heading\n\nOne unknown and the end next\n\nLoose block\n\n"
        "Stray text in a div inner\n\ngonehere noted\n"
    )


def test_not_tei_is_a_clear_error() -> None:
    with pytest.raises(DocumentError, match="no text element"):
        to_text(parse_xml(b"<html><body>hi</body></html>", source="x.xml"))


def test_fidelity_check_fails_loudly_on_a_lost_word() -> None:
    result = convert_file(SAMPLE)
    root = result.tree.getroot()
    tokens = list(reading_tokens(segment(SAMPLE.read_text(encoding="utf-8"))))
    check_fidelity(tokens, text_blocks(root), "sample")
    p = root.find(".//{http://www.tei-c.org/ns/1.0}text//{http://www.tei-c.org/ns/1.0}p")
    p.text = p.text.replace("discussed ", "", 1)
    # Word 48 of the source, counted by hand: 44 words of front matter and "I.", then
    # "Having heard and discussed".
    with pytest.raises(
        InternalError, match=r"at word 48 \(near 'Having heard and discussed the report'\)"
    ):
        check_fidelity(tokens, text_blocks(root), "sample")
    # Words compared as they come: a lost last word, or one word too many, is caught too.
    with pytest.raises(InternalError, match=r"at word 3 \(near 'a b c'\)"):
        check_fidelity(iter(["a", "b", "c"]), ["a b"], "s")
    with pytest.raises(InternalError, match=r"at word 3 \(near 'a b'\)"):
        check_fidelity(iter(["a", "b"]), ["a", "b c"], "s")
    # Blocks are compared a block at a time; the words around a difference run across them.
    with pytest.raises(InternalError, match=r"at word 4 \(near 'a b c d e f'\)"):
        check_fidelity(iter("a b c d e f".split()), ["a b", "c X e", "f"], "s")


def test_blocks_know_their_element_page_and_the_spans_asked_for() -> None:
    tei = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
    <pb n="1"/><p>Met   <persName ref="#a">Kim
       Il Sung</persName> in <placeName> Moscow </placeName>.</p></body>
    loose words
    <back><p>Until <pb n="2"/><date when="1958-02">February</date><lb/>end</p></back>
    </text></TEI>"""
    blocks = read_blocks(parse_xml(tei), spans=frozenset({"persName", "placeName", "date"}))
    assert [(b.text, b.page) for b in blocks] == [
        ("Met Kim Il Sung in Moscow .", "1"),
        ("loose words", "1"),
        ("Until February end", "1"),
    ]
    first, loose, last = blocks
    assert [etree.QName(b.element).localname for b in (first, last)] == ["p", "p"]
    assert loose.element is None
    assert [(first.text[s.start : s.end], s.page) for s in first.spans] == [
        ("Kim Il Sung", "1"),
        ("Moscow", "1"),
    ]
    assert [(last.text[s.start : s.end], s.page) for s in last.spans] == [("February", "2")]


def test_words_after_a_page_break_at_the_top_of_the_text_are_kept() -> None:
    tei = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><pb n="1"/>first words</text></TEI>'
    assert to_text(parse_xml(tei)) == "first words\n"


_WORDS = st.lists(st.text(alphabet="abcé’.", min_size=1, max_size=4), min_size=1, max_size=3)
_SPACE = st.text(alphabet=" \n\t\u00a0", max_size=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SPACE, _WORDS, _SPACE, _WORDS, _SPACE), min_size=1, max_size=4))
def test_spans_cover_exactly_the_words_of_their_element(pieces) -> None:
    body = "".join(
        f"{before}{' '.join(words)}<persName>{inner}{' '.join(name)}{inner}</persName>{after}"
        for before, words, inner, name, after in pieces
    )
    tei = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>{body}</p></text></TEI>'
    (block,) = read_blocks(parse_xml(tei.encode("utf-8")), spans=frozenset({"persName"}))
    assert [block.text[s.start : s.end] for s in block.spans] == [
        " ".join("".join(s.element.itertext()).split()) for s in block.spans
    ]
    assert len(block.spans) == len(pieces)
