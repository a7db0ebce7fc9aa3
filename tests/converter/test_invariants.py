"""Invariants every converted document keeps (encoding guide §9 and §15), checked on every
golden file and evaluation document."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_plenum.pipeline import convert_file
from tests.conftest import ROOT
from tests.converter.conftest import NS, XML_ID, xp

SOURCES = sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.txt")) + sorted(
    (ROOT / "evaluation" / "docs").glob("*.txt")
)
TRANSLATOR = "#resp-translator-en"


def _text_nodes(text_element: etree._Element) -> list[str]:
    nodes = []
    for element in text_element.iter():
        if element is not text_element:
            nodes.append(element.tail or "")
        nodes.append(element.text or "")
    return nodes


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_brackets_enclose_exactly_one_translator_element(source: Path) -> None:
    text = xp(convert_file(source).tree, "//tei:text")[0]
    # A note printed after the text ("[1] Translator's note: …") is the translator's too, but
    # a block of its own, not a bracket: only its number is bracketed.
    inline = ".//*[@resp='#resp-translator-en'][not(self::tei:note[@place='end'])]"
    for element in xp(text, inline):
        previous = element.getprevious()
        before = (previous.tail if previous is not None else element.getparent().text) or ""
        assert before.endswith("["), etree.tostring(element)
        assert (element.tail or "").startswith("]"), etree.tostring(element)
    # No bracket is left open in the middle of running text: every "[" is followed by the
    # element that spans its content, every "]" follows one.
    for node in _text_nodes(text):
        assert "[" not in node.rstrip("["), node
        assert "]" not in node.lstrip("]"), node


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_pointers_resolve_and_ids_are_unique(source: Path) -> None:
    root = convert_file(source).tree.getroot()
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    for attribute in ("ref", "who", "resp", "corresp", "unitRef"):
        for value in root.xpath(f"//@{attribute}", namespaces=NS):
            for pointer in value.split():
                assert pointer.startswith("#")
                assert pointer[1:] in ids, f"{attribute}={pointer}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_marking_is_mirrored_once_in_the_header(source: Path) -> None:
    tree = convert_file(source).tree
    marking_ids = xp(tree, "//tei:text//tei:fw/@xml:id")
    corresp = xp(tree, "//tei:additions//tei:item/@corresp")
    assert sorted(corresp) == sorted(f"#{i}" for i in marking_ids)
