"""Single conversion rules, each on a small hand-written text in the archive's layout."""

from __future__ import annotations

import pytest

from tei_plenum.export.text import to_text
from tei_plenum.model import Role
from tei_plenum.options import ConvertOptions
from tei_plenum.pipeline import convert_text
from tei_plenum.reader import read
from tests.converter.conftest import text_of, xp

STRUCTURE_ONLY = ConvertOptions(enrich=False)
BANNER = " Wilson Center Digital Archive Translation - English\n\n"


def pdf(*blocks: str) -> str:
    """Blocks in the PDF layout: each ends with two spaces and a separator line."""
    return BANNER + "".join(f"{block}  \n  \n" for block in blocks)


def roles(text: str) -> list[tuple[str, str]]:
    return [(b.role.value, b.text) for b in read(text, source_name="t.txt").blocks]


def test_invited_line_lists_participants_not_a_speaker() -> None:
    text = pdf(
        "MINUTES",
        "Present: Comrades A. Novotny, J. Hendrych.",
        "Invited: V. David, Minister of Foreign Affairs.",
        "Cde. Novotny: We begin.",
        "Cde. David: I agree.",
    )
    tree = convert_text(text).tree
    assert len(xp(tree, "//tei:ab[@type='participants']")) == 2
    assert xp(tree, "//tei:sp/@who") == ["#pers-novotny", "#pers-david"]


def test_a_field_line_never_closes_the_document() -> None:
    text = pdf("RECORD OF CONVERSATION", "We talked.", "Date and Time: 5 May 1957")
    assert ("p", "Date and Time: 5 May 1957") in roles(text)


def test_a_telegram_with_a_salutation_is_still_a_telegram() -> None:
    text = pdf("Ciphered telegram Nº 77", "From: Moscow", "To: Pyongyang", "Dear Comrade!", "Text.")
    assert read(text, source_name="t.txt").genre == "telegram"


def test_words_after_a_signature_mark_are_a_name_only_if_they_look_like_one() -> None:
    lower = convert_text(pdf("REPORT", "Text.", "the [[illegible signature]] more"))
    assert not xp(lower.tree, "//tei:closer//tei:persName")
    named = convert_text(pdf("REPORT", "Text.", "[signature] V. Petrov"))
    assert [text_of(p) for p in xp(named.tree, "//tei:closer//tei:persName")] == ["V. Petrov"]


def test_a_stray_bracket_in_a_web_copy_does_not_swallow_the_document() -> None:
    lines = ["REPORT", "A [note that never closes"] + [f"Paragraph {n}." for n in range(20)]
    blocks = read("\n\n".join(lines) + "\n", source_name="w.txt").blocks
    assert sum(1 for b in blocks if b.role is Role.PARAGRAPH) > 10


def test_page_breaks_at_one_place_keep_page_order() -> None:
    pages = "".join(f"Page {n}.  \n  \n\n\n\n" for n in range(2, 10))
    text = pdf("TITLE") + "Page 1.  \n  \n\n\n\n" + pages + "words\n" + "\n" * 6 + "after.  \n"
    tree = convert_text(text, options=STRUCTURE_ONLY).tree
    assert xp(tree, "//tei:pb/@n") == [str(n) for n in range(1, 13)]


def test_no_page_break_inside_a_gap_description() -> None:
    text = pdf("TITLE", "the [[illegible\n\n\n\nsignature]] more")
    tree = convert_text(text, options=STRUCTURE_ONLY).tree
    gap = xp(tree, "//tei:gap")[0]
    assert not xp(gap, ".//tei:pb")
    assert gap.getnext().tag.endswith("pb")


def test_question_and_answer_turns() -> None:
    text = pdf("TRANSCRIPT OF AN INTERVIEW", "Q: What is the aim?", "A: Peace.", "Q: When?")
    tree = convert_text(text).tree
    questioner, respondent = "#pers-interviewer", "#pers-interviewee"
    assert xp(tree, "//tei:sp/@who") == [questioner, respondent, questioner]
    assert [text_of(s) for s in xp(tree, "//tei:speaker")] == ["Q:", "A:", "Q:"]
    assert not xp(tree, "//tei:speaker/tei:persName")


def test_side_participants_lines_then_side_turns() -> None:
    text = pdf(
        "RECORD OF THE TALKS",
        "Participants:",
        "From Seoul: Lee Hu-rak, Chang Ki-young",
        "From Pyongyang: Kim Yong-ju, Pak Song-chol",
        "South (LEE): We begin.",
        "North (PAK): Agreed.",
    )
    tree = convert_text(text).tree
    assert len(xp(tree, "//tei:ab[@type='participants']")) == 3
    assert xp(tree, "//tei:sp/@who") == ["#pers-lee-hu-rak", "#pers-pak-song-chol"]
    assert xp(tree, "//tei:personGrp/@xml:id") == [
        "grp-seoul",
        "grp-pyongyang",
        "grp-south",
        "grp-north",
    ]


@pytest.mark.parametrize(
    "blocks",
    [
        ("Translation from Korean     SECRET",),
        ("REPORT", "AMBASSADOR IVANOV"),
        ("Five copies printed   Translated [by]:", "Nº 12      Petrov [signature]"),
    ],
    ids=["docket-only", "title-and-signature", "back-only"],
)
def test_a_text_without_body_paragraphs_is_still_valid(tei_all, blocks) -> None:
    tree = convert_text(pdf(*blocks), options=STRUCTURE_ONLY).tree
    assert tei_all.validate(tree), tei_all.error_log.last_error
    assert xp(tree, "//tei:body/tei:p[not(node())]")


def test_numbered_paragraphs_and_priority_markings() -> None:
    text = pdf(
        "URGENT",
        "Ex. No. 3",
        "DECISION",
        "1. The plenum decides to convene the congress.",
        "2. The committee will report.",
    )
    blocks = read(text, source_name="t.txt").blocks
    markings = [(b.attr("type"), b.text) for b in blocks if b.role is Role.MARKING]
    assert markings == [("marking", "URGENT"), ("copyNumber", "Ex. No. 3")]
    numbered = [b for b in blocks if b.role is Role.PARAGRAPH]
    assert [b.attr("n") for b in numbered] == ["1", "2"]
    assert [b.text[m.start : m.end] for b in numbered for m in b.marks if m.tag == "label"] == [
        "1.",
        "2.",
    ]


def web(*lines: str) -> str:
    """A copy of the archive's web page: its date line, its title line, one paragraph a line."""
    return "March 14, 1967\nNote on a Conversation at the Embassy\n" + "".join(
        f"{line}\n" for line in lines
    )


@pytest.mark.parametrize("mark", ["[…]", "[...]"])
def test_an_omission_line_stays_a_paragraph_where_it_stands(mark: str) -> None:
    text = web("The counsellor asked to see me.", "His views were these:", mark, "He left at noon.")
    tree = convert_text(text).tree
    assert not xp(tree, "//tei:ab[@type='docket']")
    paragraphs = xp(tree, "//tei:body//tei:p")
    assert [text_of(p) for p in paragraphs][1:3] == ["His views were these:", mark]
    (gap,) = xp(paragraphs[2], "tei:gap")
    assert (paragraphs[2].text, gap.get("reason"), gap.tail) == ("[", "omitted", "]")


def test_an_omission_line_among_the_docket_lines_is_no_marking() -> None:
    text = web("Strictly secret!", "[…]", "Copy No. 3", "NOTE", "The counsellor asked to see me.")
    tree = convert_text(text).tree
    markings = [text_of(fw) for fw in xp(tree, "//tei:front/tei:fw")]
    assert markings == ["Strictly secret!", "Copy No. 3"]
    assert [text_of(p) for p in xp(tree, "//tei:front/tei:div[@type='omission']/tei:p")] == ["[…]"]
    assert not xp(tree, "//tei:additions//tei:item[contains(., '…')]")


def test_a_number_glued_to_a_word_is_a_note_call_kept_in_the_text_export() -> None:
    text = web("2. On the letter[1] by Comrade Nowicki:", "It came in time.[2] So did [3] others.")
    tree = convert_text(text).tree
    assert [(r.get("n"), r.text) for r in xp(tree, "//tei:ref[@type='noteAnchor']")] == [
        ("1", "1"),
        ("2", "2"),
    ]
    assert xp(tree, "//tei:supplied/text()") == ["3"]  # after a space: the translator's
    exported = to_text(tree)
    assert "On the letter[1] by" in exported
    assert "It came in time.[2] So did [3] others." in exported


def test_the_headings_of_one_numbered_series_are_read_alike() -> None:
    long = "3. On the visit of Comrade Orlov to Hanoi and on the talks that he held there with us:"
    for lines in (
        ("2. On the letter by Comrade Nowicki:", "It was friendly.", long, "Two questions."),
        (long, "Two questions.", "4. On the letter by Comrade Nowicki:", "It was friendly."),
    ):
        tree = convert_text(web("The counsellor asked to see me.", *lines)).tree
        heads = [text_of(head) for head in xp(tree, "//tei:div[@type='section']/tei:head")]
        assert heads == [line for line in lines if line[:1].isdigit()]
        assert not xp(tree, "//tei:p[@n]")


def test_a_number_in_a_series_that_ends_a_sentence_stays_a_paragraph() -> None:
    lines = ("2. On the letter by Comrade Nowicki:", "3. The counsellor thanked me and left.")
    tree = convert_text(web("The counsellor asked to see me.", *lines)).tree
    assert [text_of(h) for h in xp(tree, "//tei:head")] == [lines[0]]
    assert xp(tree, "//tei:p/@n") == ["3"]


def test_a_bracket_clarifying_a_common_noun_is_supplied_not_a_transliteration() -> None:
    text = web("Our forces are moving to the south [China] and will reach the city of Wuhan.")
    tree = convert_text(text).tree
    assert not xp(tree, "//tei:note[@type='transliteration']")
    (place,) = xp(tree, "//tei:p//tei:placeName[. = 'China']")
    assert place.get("cert") is None
    # The bracket pair's own element is the supplied words, the name inside it.
    assert xp(place, "parent::tei:supplied/@reason") == ["translator-insertion"]
