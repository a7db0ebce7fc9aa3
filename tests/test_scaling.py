"""Time grows with the input, not faster: each path runs a 1x and a 4x input in the same test.

A linear path takes about four times as long on four times the input; a quadratic one sixteen
times. The bound, eight, sits between the two, so that measuring noise does not fail a linear
path and a quadratic one cannot pass. Only the ratio is checked, never an absolute time. Each
small input takes about a tenth of a second, enough that fixed costs do not hide the growth.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.export.html import to_html
from tei_plenum.pipeline import convert_text
from tei_plenum.validate.validator import Validator
from tei_plenum.xmlsafe import parse_xml

pytestmark = pytest.mark.slow

BOUND = 8.0
Input = TypeVar("Input")

TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Scaling'
    "</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
    "</sourceDesc></fileDesc></teiHeader>"
)
PERSON = '<standOff><listPerson><person xml:id="pers-kim"><persName>Kim</persName></person>'
PERSON += "</listPerson></standOff>"


def growth(make: Callable[[int], Input], work: Callable[[Input], object], size: int) -> float:
    """How much longer ``work`` takes on ``make(4 * size)`` than on ``make(size)``.

    Inputs are made before timing. Processor time of this process, not wall-clock time, and
    the best of three interleaved rounds, so that other work on the machine does not count.
    """
    small, large = make(size), make(4 * size)
    times: dict[int, list[float]] = {1: [], 4: []}
    for _ in range(3):
        for factor, data in ((1, small), (4, large)):
            started = time.process_time()
            work(data)
            times[factor].append(time.process_time() - started)
    return min(times[4]) / min(times[1])


def _tei(body: str, *, standoff: str = "") -> bytes:
    return f"{TEI_HEAD}{standoff}<text><body>{body}</body></text></TEI>".encode()


def _html(data: bytes) -> str:
    return to_html(parse_xml(data))


def test_html_export_of_many_paragraphs_grows_linearly() -> None:
    def make(n: int) -> bytes:
        return _tei("".join(f"<p>Paragraph {i} of the text.</p>\n" for i in range(n)))

    assert growth(make, _html, 12000) < BOUND


def test_html_export_of_many_equal_page_numbers_grows_linearly() -> None:
    # Every marker asks for the id "page-1": the next free suffix must not be searched from 2.
    def make(n: int) -> bytes:
        return _tei("<p>" + "word <pb n='1'/>" * n + "</p>")

    assert growth(make, _html, 12000) < BOUND


def test_html_export_of_one_name_mentioned_often_grows_linearly() -> None:
    # One index entry collects every occurrence, each appended after the last.
    def make(n: int) -> bytes:
        mention = 'the <persName ref="#pers-kim">Kim</persName> and '
        return _tei(f"<p>{mention * n}</p>", standoff=PERSON)

    assert growth(make, _html, 6000) < BOUND


def test_html_export_of_a_long_list_grows_linearly() -> None:
    def make(n: int) -> bytes:
        return _tei("<list>" + "".join(f"<item>item {i}</item>" for i in range(n)) + "</list>")

    assert growth(make, _html, 12000) < BOUND


@pytest.fixture(scope="module")
def validator() -> Validator:
    """The project schemas, with the cap the command line uses; compiled, and its XSD
    explainer loaded, before any timing."""
    project = Validator.from_schemas(None, max_findings=100)
    project.validate_tree(parse_xml(_tei('<p foo="1">x</p>')))
    return project


def test_validate_with_many_schema_errors_grows_linearly(validator: Validator) -> None:
    # Each error was located by listing the siblings of each of its ancestors.
    def make(n: int) -> bytes:
        return _tei("".join(f'<p foo="{i}">Paragraph {i}.</p>\n' for i in range(n)))

    def work(data: bytes) -> None:
        report = validator.validate_tree(parse_xml(data))
        assert report.error_count > 100
        assert len(report.diagnostics) == 100

    assert growth(make, work, 2000) < BOUND


def test_validate_with_many_broken_pointers_and_page_numbers_grows_linearly(
    validator: Validator,
) -> None:
    # The Schematron counted preceding pages and siblings for every finding.
    def make(n: int) -> bytes:
        return _tei(
            "".join(f'<p><pb n="1"/><persName ref="#nobody-{i}">X</persName></p>' for i in range(n))
        )

    def work(data: bytes) -> None:
        report = validator.validate_tree(parse_xml(data))
        assert report.error_count > 100

    assert growth(make, work, 4000) < BOUND


def _convert(text: str) -> None:
    convert_text(text)


def test_convert_of_ministry_chains_grows_linearly() -> None:
    # Every "Ministry" heads an organisation name whose "of the ..." complement runs on.
    def make(n: int) -> str:
        return " ".join(["Ministry of the"] * n) + " Ministry.\n"

    assert growth(make, _convert, 3000) < BOUND


def test_convert_of_a_paragraph_dense_with_names_dates_and_measures_grows_linearly() -> None:
    # Each new name, date or measure was checked against every mark of its paragraph.
    sentence = (
        "On 5 March 1956 Comrade Kim Il Sung met the Soviet Ambassador in Pyongyang and the "
        "Ministry of Foreign Affairs of the DPRK sent 300 tons of grain to the USSR. "
    )

    def make(n: int) -> str:
        return sentence * n + "\n"

    assert growth(make, _convert, 300) < BOUND


def test_convert_of_a_paragraph_dense_with_bracketed_names_grows_linearly() -> None:
    # Each bracket looked for the name before it among every name of its paragraph, copied
    # the text before it to read the word there, and each periodical's original title
    # searched every mark of the paragraph for its bracket.
    sentence = (
        "Comrade Mao [Zedong] said in [Kansen] that Ri Pyeong-nam [Ri Pyong Nam] read the "
        "newspaper Warsaw Life [Zycie Warszawy] to Filippov [Stalin]. "
    )

    def make(n: int) -> str:
        return sentence * n + "\n"

    assert growth(make, _convert, 250) < BOUND


def test_convert_of_a_paragraph_dense_with_short_forms_grows_linearly() -> None:
    # Each surname after its full name binds the surname once more, and each lookup of a
    # short form went through every binding of it.
    sentence = "Ambassador Ivan Savchenko met Savchenko and John Wetherby, and Wetherby replied. "

    def make(n: int) -> str:
        return sentence * n + "\n"

    assert growth(make, _convert, 1000) < BOUND


def test_convert_of_a_conversation_naming_its_participants_often_grows_linearly() -> None:
    # Each further mention of a participant's full name was checked against every name mark
    # of its paragraph.
    head = "Record of Conversation\n\nPresent: Kim Il Sung, V. P. Lobanov, Zhou Enlai.\n\n"
    sentence = "Kim Il Sung said that Lobanov and Zhou Enlai and V. P. Lobanov agree. "

    def make(n: int) -> str:
        return head + sentence * n + "\n"

    assert growth(make, _convert, 300) < BOUND


def test_batch_with_html_on_many_short_paragraphs_grows_linearly(tmp_path: Path) -> None:
    def make(n: int) -> Path:
        folder = tmp_path / f"in-{n}"
        folder.mkdir()
        text = "".join(f"Paragraph {i} here.\n\n" for i in range(n))
        (folder / "paragraphs.txt").write_text(text, encoding="utf-8")
        return folder

    def work(folder: Path) -> None:
        out = folder.with_name(f"{folder.name}-out")
        args = ["batch", str(folder), "-o", str(out), "-j", "1", "-q", "--force"]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert (out / "paragraphs.html").stat().st_size > 0

    assert growth(make, work, 2500) < BOUND
