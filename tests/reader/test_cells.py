"""cells: raw blocks and page breaks become cells; two markings on one docket line, two cells."""

from __future__ import annotations

from tei_plenum.reader.cells import make_cells, split_closing_lines, split_docket_lines
from tei_plenum.reader.layout import segment
from tests.reader.tables import cell


def test_page_breaks_between_blocks_become_cells_before_the_next_block():
    # A page break, then a blank page: two breaks before the third paragraph.
    text = "One.  \n\n\n\nTwo.  \n\n\n\n\n\n\n\nThree.  \n"
    cells = make_cells(segment(text))
    assert [(c.text, c.page, c.page_break) for c in cells] == [
        ("One.", 1, False),
        ("", 2, True),
        ("Two.", 2, False),
        ("", 3, True),
        ("", 4, True),
        ("Three.", 4, False),
    ]
    assert cells[1].span.line == cells[2].span.line == 5


def test_a_page_break_inside_a_block_is_a_mark_of_its_cell():
    _, only = make_cells(segment("TITLE  \n  \nso that they\n\n\n\nare concentrated.  \n"))
    assert only.text == "so that they are concentrated."
    assert [(m.tag, m.start, dict(m.attrs)) for m in only.marks] == [("pb", 13, {"n": "2"})]


def test_two_markings_on_one_line_become_two_cells_with_their_columns():
    line = cell("Nº 196  Copy Nº 1", column="left", row_group=1)
    split = split_docket_lines((line,))
    assert [(c.text, c.span.column, c.column) for c in split] == [
        ("Nº 196", 1, "left"),
        ("Copy Nº 1", 9, "left"),
    ]
    assert [c.features.marking.type for c in split if c.features.marking] == [
        "registration",
        "copyNumber",
    ]


def test_spaces_between_words_that_are_not_two_markings_become_one():
    (joined,) = split_docket_lines((cell("Text  of the report."),))
    assert joined.text == "Text of the report."
    (kept,) = split_docket_lines((cell("SECRET  of the report"),))
    assert kept.text == "SECRET of the report"


def test_markings_one_space_apart_become_one_cell_each():
    split = split_docket_lines((cell("Nº 196 Copy Nº 1"), cell("Top Secret Copy No. 2")))
    assert [(c.text, c.span.column) for c in split] == [
        ("Nº 196", 1),
        ("Copy Nº 1", 8),
        ("Top Secret", 1),
        ("Copy No. 2", 12),
    ]
    # A line that is one marking, or holds anything else, stays whole.
    for text in ("Top Secret", "from the journal SECRET Copy Nº 1", "Secret talks began."):
        assert [c.text for c in split_docket_lines((cell(text),))] == [text]


def test_a_date_on_a_signature_line_becomes_a_cell_of_its_own():
    split = split_closing_lines((cell("[signature] N. ZAKHAROV 25 April 1969"),))
    assert [(c.text, c.span.column) for c in split] == [
        ("[signature] N. ZAKHAROV", 1),
        ("25 April 1969", 25),
    ]
    date_first = split_closing_lines((cell("12 May 1957 /V. IVANOV/"),))
    assert [c.text for c in date_first] == ["12 May 1957", "/V. IVANOV/"]


def test_copies_on_one_line_become_one_cell_each():
    line = "Five copies sent: 1 – to Cde. A. A. Gromyko, 2 – to the CPSU CC, 3-5 – to file"
    assert [c.text for c in split_closing_lines((cell(line),))] == [
        "Five copies sent:",
        "1 – to Cde. A. A. Gromyko,",
        "2 – to the CPSU CC,",
        "3-5 – to file",
    ]
    printed = "Two copies printed. Nº 1 to addressee, Nº 2 to file."
    assert [c.text for c in split_closing_lines((cell(printed),))] == [
        "Two copies printed.",
        "Nº 1 to addressee,",
        "Nº 2 to file.",
    ]
    # A caption with one unnumbered item, and any other line, stays whole.
    for text in ("Copies to: Cde. Kim Il, Cde. Nam Il", "Two copies printed.", "MOLOTOV"):
        assert [c.text for c in split_closing_lines((cell(text),))] == [text]
