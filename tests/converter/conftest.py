"""Converted fixture documents, parsed once per session, with XPath helpers."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from tei_plenum.pipeline import convert_file
from tests.conftest import EXAMPLES, FIXTURES, SAMPLE

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@cache
def converted(name: str) -> etree._ElementTree:
    """The TEI of a fixture (by stem), of the sample ("sample") or of the guide's example."""
    paths = {
        "sample": SAMPLE,
        "conversation-sample": EXAMPLES / "conversation-sample.txt",
    }
    path = paths.get(name, FIXTURES / "documents" / f"{name}.txt")
    return convert_file(Path(path)).tree


def xp(tree: etree._ElementTree, path: str) -> list:
    return tree.xpath(path, namespaces=NS)


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture
def doc() -> Callable[[str], etree._ElementTree]:
    return converted
