"""layout: detection, block ends, page breaks, column de-interleaving, web and plain layouts.

Sources are written as lists of lines so that trailing spaces stay visible; ``E`` marks an
empty line.
"""

from __future__ import annotations

import pytest

from tei_plenum.reader.layout import PageBreakAt, detect, segment, split_lines

E = ""


def src(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def texts(text: str) -> list[str]:
    return [block.text for block in segment(text).blocks]


# --- detection ---------------------------------------------------------------------------


def test_trailing_two_spaces_mean_pdf_text():
    assert detect(["TITLE  ", "First paragraph", "wraps here.  "]) == "pdf-text"


def test_spaces_only_separators_mean_pdf_text():
    assert detect(["TITLE", "  ", "Paragraph.", "  ", "More."]) == "pdf-text"


def test_one_marker_is_not_enough_for_pdf_text():
    assert detect(["TITLE  ", "Paragraph one.", "Paragraph two."]) == "web-text"


def test_lines_that_wrap_into_lower_case_mean_plain_text():
    lines = ["The plenum heard the", "report and noted", "the results.", "", "Another one."]
    assert detect(lines) == "plain-text"


def test_one_paragraph_per_line_is_web_text():
    lines = ["DECISION OF THE PLENUM", "", "The plenum heard the report.", "It approved it."]
    assert detect(lines) == "web-text"


def test_split_lines_drops_final_newline_only_and_expands_tabs():
    assert split_lines("a\tb\n\nc\n") == ["a b", "", "c"]


# --- pdf-text blocks -----------------------------------------------------------------------


def test_two_trailing_spaces_end_a_block_and_wrapped_lines_join():
    text = src("TITLE  ", "Having heard the", "report, the plenum  ", "notes.  ")
    layout = segment(text)
    assert layout.name == "pdf-text"
    assert [b.text for b in layout.blocks] == [
        "TITLE",
        "Having heard the report, the plenum",
        "notes.",
    ]


def test_three_trailing_spaces_also_end_a_block():
    assert texts(src("One   ", "Two  ", "Three")) == ["One", "Two", "Three"]


def test_inner_space_runs_are_reduced_to_one():
    assert texts(src("TITLE  ", "development of  democracy", "in  order.  ")) == [
        "TITLE",
        "development of democracy in order.",
    ]


@pytest.mark.parametrize("separator", [["  "], [" ", "  "], ["   "]])
def test_a_spaces_only_line_separates_blocks(separator: list[str]):
    text = src("TITLE  ", "first paragraph", *separator, "second paragraph", "  ")
    assert texts(text) == ["TITLE", "first paragraph", "second paragraph"]


@pytest.mark.parametrize("empties", [1, 2])
def test_one_or_two_empty_lines_end_a_block_without_a_page(empties: int):
    text = src("TITLE  ", "first paragraph", *[E] * empties, "second paragraph  ")
    layout = segment(text)
    assert [b.text for b in layout.blocks] == ["TITLE", "first paragraph", "second paragraph"]
    assert layout.pages == 1
    assert layout.breaks == []


def test_block_lines_remember_source_line_and_column():
    layout = segment(src(" Banner line", E, "TITLE  ", "  indented body  "))
    firsts = [(b.lines[0].number, b.lines[0].column) for b in layout.blocks]
    assert firsts == [(1, 2), (3, 1), (4, 3)]


# --- page breaks -----------------------------------------------------------------------------


def test_three_empty_lines_between_blocks_are_a_page_break():
    layout = segment(src("TITLE  ", "  ", "Page one.  ", E, E, E, "Page two.  ", "  "))
    assert [b.text for b in layout.blocks] == ["TITLE", "Page one.", "Page two."]
    assert layout.breaks == [PageBreakAt(before=2, page=2)]
    assert [b.page for b in layout.blocks] == [1, 1, 2]
    assert layout.pages == 2


def test_page_break_mid_paragraph_points_at_the_first_word_of_the_new_page():
    text = src(
        "TITLE  ", "  ", "so that they not be scattered,", E, E, E, "but are concentrated.  "
    )
    layout = segment(text)
    para = layout.blocks[1]
    assert para.text == "so that they not be scattered, but are concentrated."
    assert para.page_breaks == [(31, 2)]
    assert para.text[31:] == "but are concentrated."
    assert layout.breaks == []
    assert layout.pages == 2


def test_break_then_separator_falls_between_blocks():
    text = src("TITLE  ", "  ", "Last words of page one", E, E, E, "  ", "First of page two.  ")
    layout = segment(text)
    assert [b.text for b in layout.blocks] == [
        "TITLE",
        "Last words of page one",
        "First of page two.",
    ]
    assert layout.blocks[1].page_breaks == []
    assert layout.breaks == [PageBreakAt(before=2, page=2)]


def test_six_empty_lines_between_blocks_are_two_breaks():
    layout = segment(src("TITLE  ", "  ", "Page one.  ", *[E] * 6, "Page three.  "))
    assert layout.breaks == [PageBreakAt(before=2, page=2), PageBreakAt(before=2, page=3)]
    assert layout.pages == 3
    assert layout.blocks[-1].page == 3


def test_six_empty_lines_mid_paragraph_are_two_breaks_at_the_same_word():
    layout = segment(src("TITLE  ", "  ", "words before", *[E] * 6, "words after  ", "Next.  "))
    assert [b.text for b in layout.blocks] == ["TITLE", "words before words after", "Next."]
    assert layout.blocks[1].page_breaks == [(13, 2), (13, 3)]
    assert layout.breaks == []
    assert layout.pages == 3
    assert layout.blocks[2].page == 3


def test_pages_count_every_break():
    text = src(
        "TITLE  ", "  ", "one  ", E, E, E, "two", E, E, E, "three  ", "  ", E, E, E, "four  "
    )
    layout = segment(text)
    assert [b.text for b in layout.blocks] == ["TITLE", "one", "two three", "four"]
    assert layout.blocks[2].page_breaks == [(4, 3)]
    assert layout.breaks == [PageBreakAt(2, 2), PageBreakAt(3, 4)]
    assert layout.pages == 4


@pytest.mark.parametrize("ending", [["words  "], ["words"]])
def test_breaks_at_the_end_of_the_file_start_no_page(ending: list[str]):
    layout = segment(src("TITLE  ", "  ", *ending, E, E, E))
    assert layout.pages == 1
    assert layout.breaks == []
    assert all(b.page_breaks == [] for b in layout.blocks)


def test_empty_lines_before_the_first_text_start_no_page():
    layout = segment(src(E, E, E, "TITLE  ", "  ", "Body.  "))
    assert layout.pages == 1
    assert layout.breaks == []
    assert [b.page for b in layout.blocks] == [1, 1]


# --- column blocks ---------------------------------------------------------------------------

SEED_BACK = (
    "Five copies printed   Translated [by]:",
    "Nº 933      Rozanov [signature]",
    "printed. m/b     Bulgakov [signature]",
    "12 September 1956       Suvorov [signature]",
)


def cells(text: str) -> list[tuple[str, str | None]]:
    return [(b.text, b.column) for b in segment(text).blocks]


def test_column_rows_read_left_column_then_right_column():
    got = cells(src("TITLE  ", "  ", *SEED_BACK, "  "))
    assert got == [
        ("TITLE", None),
        ("Five copies printed", "left"),
        ("Nº 933", "left"),
        ("printed. m/b", "left"),
        ("12 September 1956", "left"),
        ("Translated [by]:", "right"),
        ("Rozanov [signature]", "right"),
        ("Bulgakov [signature]", "right"),
        ("Suvorov [signature]", "right"),
    ]
    groups = {b.row_group for b in segment(src("TITLE  ", "  ", *SEED_BACK, "  ")).blocks[1:]}
    assert groups == {1}


def test_one_cell_row_below_joins_the_left_column_it_starts_with():
    text = src("Translation from Korean       SECRET  ", "Copy Nº 1  ", "  ", "TITLE  ")
    assert cells(text) == [
        ("Translation from Korean", "left"),
        ("Copy Nº 1", "left"),
        ("SECRET", "right"),
        ("TITLE", None),
    ]


def test_one_cell_row_below_joins_the_right_column_it_starts_with():
    text = src(
        "TITLE  ", "  ", "Left one        Right one", "                Right two", "Left two", "  "
    )
    assert cells(text)[1:] == [
        ("Left one", "left"),
        ("Left two", "left"),
        ("Right one", "right"),
        ("Right two", "right"),
    ]


def test_right_cell_records_its_source_column():
    layout = segment(src("TITLE  ", "  ", "Left one        Right one", "  "))
    right = layout.blocks[2]
    assert (right.lines[0].number, right.lines[0].column) == (3, 17)


def test_three_column_rows_split_at_their_first_gap():
    # Guide §2.1: a row splits at its first gap of three or more spaces.
    text = src(
        "TITLE  ", "  ", "Left one     Middle one     Right one", "Left two     Middle two", "  "
    )
    assert cells(text)[1:] == [
        ("Left one", "left"),
        ("Left two", "left"),
        ("Middle one Right one", "right"),
        ("Middle two", "right"),
    ]


def test_column_block_ends_at_a_separator_and_groups_are_numbered():
    text = src("A   B", "  ", "Body text.  ", "  ", "C   D", "E")
    layout = segment(text)
    assert [(b.text, b.column, b.row_group) for b in layout.blocks] == [
        ("A", "left", 1),
        ("B", "right", 1),
        ("Body text.", None, None),
        ("C", "left", 2),
        ("E", "left", 2),
        ("D", "right", 2),
    ]


def test_column_row_after_an_open_paragraph_closes_it():
    layout = segment(src("TITLE  ", "  ", "open paragraph", "Left   Right", "  "))
    assert [(b.text, b.column) for b in layout.blocks] == [
        ("TITLE", None),
        ("open paragraph", None),
        ("Left", "left"),
        ("Right", "right"),
    ]


def test_a_page_break_inside_a_column_block_ends_it():
    layout = segment(src("TITLE  ", "  ", "A   B", E, E, E, "C   D", "  "))
    assert [(b.text, b.page, b.row_group) for b in layout.blocks] == [
        ("TITLE", 1, None),
        ("A", 1, 1),
        ("B", 1, 1),
        ("C", 2, 2),
        ("D", 2, 2),
    ]
    assert layout.breaks == [PageBreakAt(3, 2)]


# --- web-text and plain-text -----------------------------------------------------------------


def test_web_layout_makes_one_block_per_line():
    text = src("DECISION OF THE PLENUM", E, "The plenum heard the report.", "It approved it.", E)
    layout = segment(text)
    assert layout.name == "web-text"
    assert [b.text for b in layout.blocks] == [
        "DECISION OF THE PLENUM",
        "The plenum heard the report.",
        "It approved it.",
    ]
    assert layout.pages == 1
    assert layout.breaks == []


def test_web_line_leaving_a_bracket_open_continues_until_it_closes():
    text = src("[faded image of a stamp:", "TOP SECRET", "Incoming 02277-ss]", "The text.", "More.")
    assert texts(text) == [
        "[faded image of a stamp: TOP SECRET Incoming 02277-ss]",
        "The text.",
        "More.",
    ]


def test_web_doubled_brackets_balance_on_one_line():
    assert texts(src("Signed [[illegible signature]]", "Next.", "Last.")) == [
        "Signed [[illegible signature]]",
        "Next.",
        "Last.",
    ]


def test_web_layout_ignores_page_break_like_empty_runs():
    layout = segment(src("TITLE", E, E, E, "Body.", "More."))
    assert layout.name == "web-text"
    assert layout.pages == 1
    assert [b.text for b in layout.blocks] == ["TITLE", "Body.", "More."]


def test_plain_text_paragraphs_are_joined():
    text = src(
        "The plenum heard the",
        "report and noted",
        "the results.",
        E,
        "A second paragraph",
        "wraps as well.",
    )
    layout = segment(text)
    assert layout.name == "plain-text"
    assert [b.text for b in layout.blocks] == [
        "The plenum heard the report and noted the results.",
        "A second paragraph wraps as well.",
    ]
    assert layout.pages == 1


def test_one_line_block_keeps_a_two_space_mark_where_its_runs_were():
    # The classifier splits such a line into two markings, or joins it with one space.
    assert texts(src("Nº 196  Copy Nº 1  ", "SECRET  ", "Text  of\u00a0one line.  ")) == [
        "Nº 196  Copy Nº 1",
        "SECRET",
        "Text  of one line.",
    ]


def test_page_break_offset_counts_the_joined_text():
    layout = segment(src("TITLE  ", "  ", "words  before", E, E, E, "after  "))
    para = layout.blocks[1]
    assert para.text == "words before after"
    assert para.page_breaks == [(13, 2)]


# --- real copies: titles that wrap, stray brackets, flattened text, the archive's cover ---------


def test_a_title_wrapping_into_lower_case_lines_keeps_the_web_layout():
    lines = [
        "RECORD OF A CONVERSATION",
        "with Ambassador Pak Song-chol",
        "and his counsellor",
        "The ambassador came at ten in the morning and stayed for an hour.",
    ]
    assert detect(lines) == "web-text"


def test_lower_case_continuations_among_many_lines_are_no_hard_wrap():
    lines = [
        "Embassy",
        "of the Hungarian People's Republic",
        "in Korea",
        *[f"Paragraph {n} of the report ends here." for n in range(8)],
    ]
    assert detect(lines) == "web-text"


def test_a_line_as_long_as_a_paragraph_is_never_hard_wrapped():
    lines = ["The plenum heard the", "report and noted", "the results " + "and more " * 30]
    assert detect(lines) == "web-text"


def test_a_whole_document_on_one_line_is_flattened():
    line = "MINUTES Present: A, B. THE CHAIRMAN opened it. " + "The harvest was discussed. " * 60
    assert detect([line]) == "flattened-text"
    layout = segment(src(line))
    assert layout.name == "flattened-text"
    assert [b.text for b in layout.blocks][:2] == ["MINUTES", "Present: A, B."]
    assert layout.blocks[1].lines[0].column == len("MINUTES ") + 1
    assert len(layout.blocks) == 3


def test_a_new_bracketed_note_ends_a_bracket_left_open():
    text = src("[stamp of the CC:", "No. 12", "5 MAY 1958", "[ministry letterhead]", "Text.")
    assert texts(text) == [
        "[stamp of the CC: No. 12 5 MAY 1958",
        "[ministry letterhead]",
        "Text.",
    ]
    doubled = src("[handwritten: 01-gs", "[[11]] May 1958]", "Text.")
    assert texts(doubled) == ["[handwritten: 01-gs [[11]] May 1958]", "Text."]


def test_joining_many_lines_into_very_few_blocks_is_warned():
    lines = [f"the line {n} of a paragraph that" for n in range(14)]
    layout = segment(src("A paragraph that", *lines, "ends here."))
    assert layout.name == "plain-text"
    assert layout.warnings == (
        "the plain-text layout joined 16 lines into 1 blocks: paragraphs may have been merged",
    )
    assert segment(src("One line.", "Two lines.")).warnings == ()


def test_the_archives_page_lines_are_cut_off_before_the_layout_is_read():
    text = src("June 2, 1958", "Telegram, Pak to Kim", "Top Secret", "The text.")
    layout = segment(text)
    assert [(b.cover, b.text) for b in layout.blocks] == [
        ("date", "June 2, 1958"),
        ("title", "Telegram, Pak to Kim"),
        (None, "Top Secret"),
        (None, "The text."),
    ]
    assert [b.lines[0].number for b in layout.blocks] == [1, 2, 3, 4]


def test_a_document_sharing_the_covers_line_starts_at_its_column():
    text = src(
        "Digital Archive International History Declassified",
        "May 5, 1961 Letter, Kim to Pak",
        "Citation:",
        "“Letter, Kim to Pak,” May 5, 1961, History and Public Policy Program Digital Archive.",
        "Contents:",
        "English Translation Dear Comrade Pak,",
        "The delegation arrived.",
    )
    layout = segment(text)
    assert layout.name == "web-text"
    covers = [(b.cover, b.text) for b in layout.blocks if b.cover]
    assert covers[1:3] == [("date", "May 5, 1961"), ("title", "Letter, Kim to Pak")]
    assert covers[-1] == ("contents", "Contents: English Translation")
    first = layout.blocks[len(covers)]
    assert (first.text, first.lines[0].number, first.lines[0].column) == (
        "Dear Comrade Pak,",
        6,
        len("English Translation ") + 1,
    )


def test_a_bracket_that_never_closes_leaves_every_line_its_own_block():
    note = "[Notes in the margin: to [[illegible] and P. Orlov]"
    text = src(note, "3 May 1961", "Text.", "More.")
    assert texts(text) == [
        note,
        "3 May 1961",
        "Text.",
        "More.",
    ]


def test_a_bracket_still_open_after_the_longest_note_leaves_its_lines_apart():
    lines = [f"Paragraph {n}." for n in range(10)]
    assert texts(src("[stray bracket in a line", *lines)) == ["[stray bracket in a line", *lines]


def test_a_web_page_of_short_lines_keeps_one_paragraph_per_line():
    lines = [
        "Secret Copy Nº 2",
        "from the diary of",
        "with Minister Tomas ARBELO, Head",
        "of the Planning Board",
        "4 March 1964",
        "I met with T. Arbelo at his office.",
    ]
    layout = segment(src("March 9, 1964", "From the Diary of B.K. Lund, 4 March 1964", *lines))
    assert layout.name == "web-text"
    assert [b.text for b in layout.blocks if b.cover is None] == lines
    # Without the page's date and title lines, the same lines are wrapped text.
    assert segment(src(*lines)).name == "plain-text"


def test_a_web_copys_name_in_capitals_wrapped_onto_two_lines_is_one_block():
    lines = [
        "RURITANIAN PEOPLES REVOLUTIONARY",
        "PARTY CENTRAL COMMITTEE",
        "FROM THE JOURNAL",
        "OF A. B. KOVAL",
        "TOP SECRET",
        "PRESS SECRETARY",
        "UDC",
        "The committee met.",
    ]
    layout = segment(src("May 3, 1966", "Resolution of the Ruritanian Party", *lines))
    assert [b.text for b in layout.blocks if b.cover is None] == [
        "RURITANIAN PEOPLES REVOLUTIONARY PARTY CENTRAL COMMITTEE",
        "FROM THE JOURNAL OF A. B. KOVAL",
        "TOP SECRET",
        "PRESS SECRETARY",
        "UDC",
        "The committee met.",
    ]


def test_a_web_copys_short_name_wrapped_before_of_and_in_is_one_block():
    lines = ["Embassy", "of the Ruritanian Republic", "in Freedonia", "Note", "The talks went on."]
    layout = segment(src("May 3, 1966", "Note from the Ruritanian Embassy", *lines))
    assert [b.text for b in layout.blocks if b.cover is None] == [
        "Embassy of the Ruritanian Republic in Freedonia",
        "Note",
        "The talks went on.",
    ]
    # A sentence's end, or a long line, ends the name.
    lines = ["We met at the Embassy.", "in Freedonia they agreed."]
    layout = segment(src("May 3, 1966", "Note from the Ruritanian Embassy", *lines))
    assert [b.text for b in layout.blocks if b.cover is None] == lines


def test_a_web_pages_long_paragraph_is_no_flattened_export():
    turn = "Li Ming: " + "We spoke with the delegation about the harvest and the roads. " * 30
    lines = ["Hanoi, 3 May 1966", turn.strip()]
    layout = segment(src("May 3, 1966", "Discussion between Li Ming and Tran Van", *lines))
    assert layout.name == "web-text"
    assert [b.text for b in layout.blocks if b.cover is None] == lines
    # Without the page's lines, a line that long among so few is a flattened export.
    assert segment(src(*lines)).name == "flattened-text"


# --- a PDF export that lost its block ends: wrapped at a width measured on the text ------------


def _wrapped_lines(width: int) -> list[str]:
    """Two paragraphs wrapped at ``width``, with no trailing spaces and no empty lines."""
    words = "the commission agreed on the rail deliveries of the second quarter and".split()
    lines = [" ".join(words)]
    while len(lines[-1]) + 8 < width:
        lines[-1] += " and more"
    body = [lines[-1]] * 5
    return ["MINUTES OF THE SESSION", *body, "It closed at noon.", *body, "It met again."]


@pytest.mark.parametrize("width", [80, 100, 120])
def test_lines_wrapped_at_any_page_width_are_joined_into_paragraphs(width: int) -> None:
    lines = _wrapped_lines(width)
    assert detect(lines) == "wrapped-text"
    layout = segment(src(*lines))
    assert [len(b.lines) for b in layout.blocks] == [1, 6, 6]
    assert layout.blocks[1].text.endswith("and more It closed at noon.")


def test_a_wrapped_line_ending_with_a_title_or_an_initial_runs_on() -> None:
    full = "The deliveries were discussed at length by the members of the commission and"
    lines = [
        full,
        f"{full[:-4]} by Dr.",
        "Kang, and by the director of the rail works in the northern provinces, Comrade P.",
        full,
        full,
        "They agreed.",
    ]
    assert len(segment(src(*lines)).blocks) == 1


def test_a_web_copy_of_short_paragraphs_is_not_wrapped_text() -> None:
    lines = [
        "RECORD OF CONVERSATION",
        "The ambassador came at ten in the morning and stayed for an hour.",
        "He spoke of the harvest and of the rail deliveries of the first quarter of the year",
        "The minister thanked him.",
        *[f"Point {n} of the agenda was settled." for n in range(6)],
    ]
    assert detect(lines) == "web-text"
