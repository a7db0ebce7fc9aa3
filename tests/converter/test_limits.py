"""The converter writes only TEI the tool can read back, or refuses with one clear message.

The hardened parser keeps libxml2's limits (depth, text-node length) and its own size limit;
the converter checks its output against the same constants, and these tests check that the
constants are the parser's real limits.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from tei_plenum import xmlsafe
from tei_plenum.cli import main
from tei_plenum.errors import DocumentError, InternalError, TeiParseError
from tei_plenum.model import Mark
from tei_plenum.options import ConvertOptions
from tei_plenum.pipeline import check_unique_ids, convert_text
from tei_plenum.tei.inline import fill
from tei_plenum.validate.validator import Validator
from tei_plenum.vocabulary import NSMAP, TEI_NS
from tei_plenum.vocabulary import tei_tag as q
from tei_plenum.xmlsafe import (
    MAX_TEXT_BYTES,
    MAX_XML_BYTES,
    MAX_XML_DEPTH,
    check_readable_size,
    check_readable_tree,
    parse_xml,
)

# Structure only: the limits are the writer's, names and dates would only slow the tests.
STRUCTURE_ONLY = ConvertOptions(enrich=False)


def _nested(levels: int) -> str:
    return f"Some text {'[' * levels}word{']' * levels} end.\n"


def test_the_depth_limit_is_the_parsers() -> None:
    parse_xml(b"<a>" * MAX_XML_DEPTH + b"</a>" * MAX_XML_DEPTH)
    deeper = MAX_XML_DEPTH + 1
    with pytest.raises(TeiParseError, match="depth"):
        parse_xml(b"<a>" * deeper + b"</a>" * deeper)


def test_the_text_limit_is_the_parsers() -> None:
    parse_xml(b"<a>" + "é".encode() * (MAX_TEXT_BYTES // 2) + b"</a>")
    with pytest.raises(TeiParseError):
        parse_xml(b"<a>" + b"x" * (MAX_TEXT_BYTES + 1) + b"</a>")


def test_the_size_limit_is_the_parsers() -> None:
    data = b"<a>" + b" " * (MAX_XML_BYTES - 7) + b"</a>"
    assert len(data) == MAX_XML_BYTES
    check_readable_size(data, "a.xml")
    with pytest.raises(DocumentError, match="64 MiB"):
        check_readable_size(data + b" ", "a.xml")
    with pytest.raises(TeiParseError, match="64 MiB"):
        parse_xml(data + b" ")


def test_a_tree_just_within_the_limits_passes_and_one_beyond_is_refused() -> None:
    root = etree.Element("a")
    node = root
    for _ in range(MAX_XML_DEPTH - 1):
        node = etree.SubElement(node, "a")
    node.text = "x" * MAX_TEXT_BYTES
    check_readable_tree(root, "t.xml")
    etree.SubElement(node, "a")
    with pytest.raises(DocumentError, match=f"more than {MAX_XML_DEPTH} levels"):
        check_readable_tree(root, "t.xml")
    node.text += "x"
    del node[0]
    with pytest.raises(DocumentError, match="10,000,000 bytes"):
        check_readable_tree(root, "t.xml")


def _convert_nested(levels: int) -> bytes | DocumentError:
    try:
        return convert_text(_nested(levels), options=STRUCTURE_ONLY).tei
    except DocumentError as exc:
        return exc


def test_deep_brackets_either_convert_to_readable_valid_tei_or_are_refused() -> None:
    validator = Validator.from_schemas(None)
    # Around the limit (a pair of brackets makes one element): every output that is written
    # reads back and is valid; the others are refused with the limit and the place.
    outcomes = [_convert_nested(levels) for levels in range(480, 520)]
    written = [tei for tei in outcomes if isinstance(tei, bytes)]
    refused = [exc for exc in outcomes if isinstance(exc, DocumentError)]
    assert written
    assert refused
    for tei in written:
        report = validator.validate_tree(parse_xml(tei), "nested.xml")
        assert report.valid, report.diagnostics
    for exc in refused:
        assert f"more than {MAX_XML_DEPTH} levels" in exc.message
        assert "Some text [[[" in exc.message


def test_thousands_of_nested_brackets_are_one_error_line_and_exit_1(tmp_path: Path) -> None:
    source = tmp_path / "nested.txt"
    source.write_text(_nested(2500), encoding="utf-8")
    out = tmp_path / "nested.xml"
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"tei-plenum: error: {source}: the TEI would nest")
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_the_writer_nests_thousands_of_marks_without_recursion() -> None:
    levels = 5000
    text = "[" * levels + "x" + "]" * levels
    marks = [Mark(i, len(text) - i, "supplied") for i in range(levels)]
    parent = etree.Element(q("p"), nsmap=NSMAP)
    fill(parent, text, marks)
    assert sum(1 for _ in parent.iter()) == levels + 1
    assert "".join(parent.itertext()) == text


def test_a_page_break_inside_nested_gaps_and_numbers_follows_the_outermost() -> None:
    text = "a [b [c d] e] f"
    marks = [
        Mark(2, 13, "gap"),
        Mark(5, 10, "num"),
        Mark(7, 7, "pb", (("n", "2"),)),
        Mark(11, 11, "pb", (("n", "3"),)),
    ]
    parent = etree.Element(q("p"), nsmap=NSMAP)
    fill(parent, text, marks)
    assert etree.tostring(parent, encoding="unicode").replace(f' xmlns="{TEI_NS}"', "") == (
        '<p>a <gap><desc>[b <num>[c d]</num> e]</desc></gap><pb n="2"/><pb n="3"/> f</p>'
    )


def test_convert_refuses_output_beyond_the_text_and_size_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The real limits need inputs of tens of megabytes; smaller ones show the same checks.
    words = "word " * 400
    monkeypatch.setattr(xmlsafe, "MAX_TEXT_BYTES", 1000)
    with pytest.raises(DocumentError, match="more than 1,000 bytes"):
        convert_text(words, source_name="long.txt", options=STRUCTURE_ONLY)
    monkeypatch.setattr(xmlsafe, "MAX_TEXT_BYTES", MAX_TEXT_BYTES)
    monkeypatch.setattr(xmlsafe, "MAX_XML_BYTES", 1024 * 1024)
    big = "".join(f"Paragraph {i} of a long document.\n\n" for i in range(25_000))
    with pytest.raises(DocumentError, match=r"the TEI would be 1\.\d MiB, more than the 1 MiB"):
        convert_text(big, source_name="big.txt", options=STRUCTURE_ONLY)


def test_a_tree_carrying_one_id_twice_is_refused_before_it_is_written() -> None:
    root = etree.Element(q("TEI"), nsmap=NSMAP)
    for _ in range(2):
        etree.SubElement(root, q("ab")).set("{http://www.w3.org/XML/1998/namespace}id", "a-1")
    with pytest.raises(InternalError, match="the id 'a-1' twice"):
        check_unique_ids(root, "x.txt")
    root[1].set("{http://www.w3.org/XML/1998/namespace}id", "a-2")
    check_unique_ids(root, "x.txt")
