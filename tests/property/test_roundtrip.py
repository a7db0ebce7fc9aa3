"""Round trip of generated documents: words, page breaks, pointers and validity survive."""

from __future__ import annotations

import contextlib
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_plenum.errors import DocumentError
from tei_plenum.export.text import text_blocks, to_text
from tei_plenum.pipeline import Conversion, convert_text
from tei_plenum.reader import read
from tests.property.strategies import GeneratedDoc, Paragraph, Section, documents

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTER_ATTRIBUTES = ("ref", "who", "corresp", "resp")
PAGE_MARKER = re.compile(r"\[page (\d+)\]")

FAST = settings(max_examples=60, deadline=None)


def convert(doc: GeneratedDoc, *, web: bool = False) -> Conversion:
    text = doc.web_text() if web else doc.pdf_text()
    return convert_text(text, source_name="generated.txt")


def page_breaks_in_text(root: etree._Element) -> tuple[list[int], list[int]]:
    """Page numbers shown by the text export, and the index of the word each one precedes."""
    tokens: list[str] = []
    numbers: list[int] = []
    positions: list[int] = []
    for block in text_blocks(root, page_markers=True):
        # split() alternates text and the captured page number.
        for index, piece in enumerate(PAGE_MARKER.split(block)):
            if index % 2:
                numbers.append(int(piece))
                positions.append(len(tokens))
            else:
                tokens.extend(piece.split())
    return numbers, positions


def regression_doc(*paragraphs: Paragraph) -> GeneratedDoc:
    """A one-section document around ``paragraphs``, for ``@example`` regressions."""
    return GeneratedDoc(
        banner=False,
        docket=("Translation from Korean",),
        title=("DECISION",),
        date="30-31 August 1956",
        sections=(Section("I.", paragraphs),),
        closer=None,
        back=None,
        separators=(("  ",),),
        break_then_separator=False,
    )


# An enumeration item whose label ran into a bracket crashed the writer (overlapping marks).
LABEL_INTO_BRACKET = regression_doc(
    Paragraph(("Kim Il Sung:",), ()), Paragraph(("the [handwritten: 010097ss]",), ())
)


@FAST
@given(documents(), st.booleans())
@example(LABEL_INTO_BRACKET, False)
@example(LABEL_INTO_BRACKET, True)
def test_export_gives_back_the_reading_tokens(doc: GeneratedDoc, web: bool):
    result = convert(doc, web=web)
    assert to_text(result.tree).split() == doc.reading_tokens()


@FAST
@given(documents())
def test_layout_is_detected_per_file(doc: GeneratedDoc):
    assert convert(doc).document.layout == "pdf-text"
    assert convert(doc, web=True).document.layout == "web-text"


@FAST
@given(documents())
def test_one_pb_per_page_numbered_from_one(doc: GeneratedDoc):
    root = convert(doc).tree.getroot()
    numbers = [int(pb.get("n")) for pb in root.iter(f"{TEI}pb")]
    assert numbers == list(range(1, doc.page_breaks + 2))


@FAST
@given(documents())
def test_each_pb_stands_before_the_first_word_of_its_page(doc: GeneratedDoc):
    root = convert(doc).tree.getroot()
    numbers, positions = page_breaks_in_text(root)
    assert numbers[0] == 1
    assert positions[1:] == doc.break_positions()


@FAST
@given(documents())
def test_web_copy_has_one_page(doc: GeneratedDoc):
    root = convert(doc, web=True).tree.getroot()
    assert [pb.get("n") for pb in root.iter(f"{TEI}pb")] == ["1"]


@FAST
@given(documents(), st.booleans())
def test_pointers_resolve_and_ids_are_unique(doc: GeneratedDoc, web: bool):
    root = convert(doc, web=web).tree.getroot()
    ids = [element.get(XML_ID) for element in root.iter() if element.get(XML_ID) is not None]
    assert len(ids) == len(set(ids))
    for element in root.iter():
        for name in POINTER_ATTRIBUTES:
            for pointer in (element.get(name) or "").split():
                if pointer.startswith("#"):
                    assert pointer[1:] in ids, (element.tag, name, pointer)


@settings(max_examples=40, deadline=None)
@given(documents(), st.booleans())
def test_output_is_valid_tei_all(tei_all, doc: GeneratedDoc, web: bool):
    tree = convert(doc, web=web).tree
    assert tei_all.validate(tree), tei_all.error_log.last_error


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("\n\n\n\n")
@example("[[[")
@example("A   B\n\n\n\n   C")
def test_read_of_any_text_raises_only_document_errors(text: str):
    with contextlib.suppress(DocumentError):
        read(text, source_name="any.txt")


def test_two_breaks_in_a_paragraph_at_pages_nine_and_ten():
    # Seven breaks between paragraphs (pages 2-8), then two inside the last one (9 and 10).
    paragraphs = [Paragraph((f"Page {n}.",), (), before=1) for n in range(2, 9)]
    doc = regression_doc(*paragraphs, Paragraph(("words before", "words after"), (2,)))
    root = convert(doc).tree.getroot()
    assert [pb.get("n") for pb in root.iter(f"{TEI}pb")] == [str(n) for n in range(1, 11)]


def test_break_inside_a_bracket(tei_all):
    doc = regression_doc(Paragraph(("the [[illegible", "signature]] more"), (1,)))
    assert tei_all.validate(convert(doc).tree), tei_all.error_log.last_error


def test_two_breaks_between_blocks_give_two_pbs():
    text = "TITLE  \n  \nPage one.  \n" + "\n" * 6 + "  \nPage three.  \n"
    root = convert_text(text).tree.getroot()
    assert [pb.get("n") for pb in root.iter(f"{TEI}pb")] == ["1", "2", "3"]
