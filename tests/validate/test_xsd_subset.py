"""The project XSD only restricts TEI: every child and attribute it allows, tei_all allows.

Each element the XSD declares is compared with the element of the same name in tei_all.rng:
the set of child elements, whether text is allowed, and the set of attributes must be subsets
of TEI's. Order and cardinality are covered by validating real documents with both schemas
(test_schemas_agree.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import pytest
from lxml import etree

from tei_plenum.resources import schema_path
from tei_plenum.xmlsafe import parse_xml_file

from ..conftest import TEI_ALL_RNG

RNG = "{http://relaxng.org/ns/structure/1.0}"
XS = "{http://www.w3.org/2001/XMLSchema}"
TEXT = "#text"


@cache
def tei_models() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Element name -> (children incl. '#text', attribute names) flattened from tei_all.rng."""
    root = parse_xml_file(TEI_ALL_RNG).getroot()
    defines: dict[str, list[etree._Element]] = {}
    for define in root.iter(f"{RNG}define"):
        defines.setdefault(define.get("name"), []).append(define)
    element_of = {
        name: child
        for name, nodes in defines.items()
        for node in nodes
        for child in node
        if child.tag == f"{RNG}element"
    }

    def walk(node: etree._Element, seen: set[str], kids: set[str], attrs: set[str]) -> None:
        for child in node:
            if child.tag == f"{RNG}ref":
                target = child.get("name")
                if target in element_of:
                    kids.add(element_of[target].get("name"))
                elif target not in seen:
                    seen.add(target)
                    for define in defines.get(target, []):
                        walk(define, seen, kids, attrs)
            elif child.tag == f"{RNG}element":
                kids.add(child.get("name"))
            elif child.tag == f"{RNG}attribute":
                attrs.add(child.get("name"))
            elif child.tag == f"{RNG}text":
                kids.add(TEXT)
            else:
                walk(child, seen, kids, attrs)

    models = {}
    for element in element_of.values():
        kids: set[str] = set()
        attrs: set[str] = set()
        walk(element, set(), kids, attrs)
        models[element.get("name")] = (frozenset(kids), frozenset(attrs))
    return models


class _Xsd:
    """Flattened view of the project XSD: what each declared element may contain."""

    def __init__(self) -> None:
        root = parse_xml_file(schema_path("tei_plenum.xsd")).getroot()
        self.types = {n.get("name"): n for n in root.findall(f"{XS}complexType")}
        self.groups = {n.get("name"): n for n in root.findall(f"{XS}group")}
        self.attr_groups = {n.get("name"): n for n in root.findall(f"{XS}attributeGroup")}
        self.root = root

    def declarations(self) -> Iterator[tuple[str, etree._Element]]:
        """(element name, its complexType) for every element declaration, global or local."""
        for decl in self.root.iter(f"{XS}element"):
            name = decl.get("name")
            if name is None:
                continue
            inline = decl.find(f"{XS}complexType")
            yield name, inline if inline is not None else self.types[decl.get("type")]

    def model(self, ctype: etree._Element) -> tuple[set[str], set[str]]:
        kids: set[str] = set()
        attrs: set[str] = set()
        self._walk(ctype, kids, attrs)
        if ctype.get("mixed") == "true":
            kids.add(TEXT)
        return kids, attrs

    def _walk(self, node: etree._Element, kids: set[str], attrs: set[str]) -> None:
        for child in node:
            tag = etree.QName(child).localname
            if tag == "element":
                kids.add(child.get("name"))
            elif tag == "group":
                self._walk(self.groups[child.get("ref")], kids, attrs)
            elif tag == "attribute":
                attrs.add(child.get("name") or child.get("ref"))
            elif tag == "attributeGroup":
                self._walk(self.attr_groups[child.get("ref")], kids, attrs)
            elif tag == "extension":
                self._walk(self.types[child.get("base")], kids, attrs)
                self._walk(child, kids, attrs)
            elif tag in {"sequence", "choice", "complexContent"}:
                self._walk(child, kids, attrs)


def _xsd_declarations() -> list[tuple[str, frozenset[str], frozenset[str]]]:
    xsd = _Xsd()
    seen = set()
    result = []
    for name, ctype in xsd.declarations():
        kids, attrs = xsd.model(ctype)
        key = (name, frozenset(kids), frozenset(attrs))
        if key not in seen:
            seen.add(key)
            result.append(key)
    return result


DECLARATIONS = _xsd_declarations()


def test_the_xsd_declares_the_elements_of_the_encoding_guide() -> None:
    names = {name for name, _, _ in DECLARATIONS}
    expected = {
        "TEI", "teiHeader", "msDesc", "handDesc", "additions", "origDate", "unitDecl",
        "particDesc", "correspDesc", "revisionDesc", "standOff", "personGrp", "listEvent",
        "titlePage", "docTitle", "titlePart", "docDate", "docAuthor", "byline", "fw", "sp",
        "speaker", "opener", "closer", "address", "addrLine", "dateline", "salute", "signed",
        "gap", "desc", "supplied", "seg", "unclear", "add", "stamp", "measure", "unit", "hi",
        "emph", "foreign", "lb", "ref", "ptr", "choice", "sic", "corr", "orig", "reg", "abbr",
        "expan", "del", "damage", "milestone", "term", "rs", "quote", "cit", "bibl", "lg", "l",
        "table", "row", "cell", "figure", "figDesc", "graphic",
    }  # fmt: skip
    assert expected <= names


@pytest.mark.parametrize(("name", "kids", "attrs"), DECLARATIONS, ids=[d[0] for d in DECLARATIONS])
def test_each_element_is_a_restriction_of_tei(
    name: str, kids: frozenset[str], attrs: frozenset[str]
) -> None:
    tei_kids, tei_attrs = tei_models()[name]
    assert kids - tei_kids == set(), f"{name}: children TEI does not allow"
    assert attrs - tei_attrs == set(), f"{name}: attributes TEI does not allow"
