"""The XPath 2.0 Schematron engine: which rules it may skip, and libxml2 selecting contexts.

A rule context runs through libxml2 when it can be written in XPath 1.0; these tests check that
this shortcut selects exactly what elementpath selects, on every context of tei_all.rng.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from elementpath import XPathContext

from tei_plenum.validate.engines import load_schema_tree
from tei_plenum.validate.rules import (
    RuleEngine,
    _as_xpath1_comparisons,
    _context_names,
    _top_level_branches,
)
from tei_plenum.xmlsafe import parse_xml_file

from ..conftest import EXAMPLES, TEI_ALL_RNG

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"


@pytest.mark.parametrize(
    ("context", "names"),
    [
        ("tei:p", {"p"}),
        ("tei:msContents|tei:physDesc", {"msContents", "physDesc"}),
        ("tei:facsimile//tei:line | tei:facsimile//tei:zone", {"facsimile", "line", "zone"}),
        # names inside predicates are conditions, not what the rule selects
        (
            "( tei:elementSpec[@module] | tei:classSpec[@module] )[ ancestor::tei:TEI ]",
            {"elementSpec", "classSpec"},
        ),
        ("tei:desc[@type eq 'deprecationInfo']", {"desc"}),
        ("tei:p/ancestor::tei:div", {"p", "div"}),
        # a wildcard, another prefix or a function: the rule always runs
        ("tei:*[@when]", set()),
        ("sch:rule | tei:p", set()),
        ("/*[count(//tei:constraintDecl) gt 1]", set()),
        ("tei:p/@rend", set()),
    ],
)
def test_context_names(context: str, names: set[str]) -> None:
    assert _context_names(context) == names


def test_top_level_branches_ignore_bars_in_brackets_and_strings() -> None:
    assert _top_level_branches(
        "tei:a | (tei:b | tei:c)/tei:d | tei:e[@x = '|' or tei:f|tei:g]"
    ) == [
        "tei:a",
        "(tei:b | tei:c)/tei:d",
        "tei:e[@x = '|' or tei:f|tei:g]",
    ]


@pytest.mark.parametrize(
    ("xpath2", "xpath1"),
    [
        ("tei:desc[@type eq 'deprecationInfo']", "tei:desc[@type = 'deprecationInfo']"),
        ('tei:a[not(@t ne "y")]', 'tei:a[not(@t != "y")]'),
        ("/*[count(//tei:constraintDecl) gt 1]", "/*[count(//tei:constraintDecl) > 1]"),
        ("tei:a[count(tei:b) le 2]", "tei:a[count(tei:b) <= 2]"),
        # a path may give several values, which XPath 2.0 refuses and XPath 1.0 accepts
        ("tei:a[tei:b/@type eq 'x']", "tei:a[tei:b/@type eq 'x']"),
        # lt on strings compares text in XPath 2.0 and numbers in XPath 1.0
        ("tei:a[@n lt 'b']", "tei:a[@n lt 'b']"),
    ],
)
def test_only_comparisons_that_mean_the_same_are_rewritten(xpath2: str, xpath1: str) -> None:
    assert _as_xpath1_comparisons(xpath2) == xpath1


@pytest.fixture(scope="module")
def tei_rules() -> RuleEngine:
    return RuleEngine(TEI_ALL_RNG, load_schema_tree(TEI_ALL_RNG))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.tei.xml")), ids=lambda p: p.name)
def test_libxml2_selects_what_elementpath_selects(tei_rules: RuleEngine, path: Path) -> None:
    tree = parse_xml_file(path)
    document = XPathContext(tree).root
    fast_rules = [rule for rule in tei_rules._rules if rule.fast_context is not None]
    assert len(fast_rules) > tei_rules.rule_count // 2
    for rule in fast_rules:
        expected = [node.elem for node in rule.context.select(XPathContext(document))]
        assert rule.fast_context(tree) == expected, rule.context.source


def _rules_file(tmp_path: Path, context: str) -> Path:
    sch = tmp_path / "rules.sch"
    sch.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        f'<pattern><rule context="{context}"><report id="seen" test="true()">'
        "<name/></report></rule></pattern></schema>"
    )
    return sch


@pytest.mark.parametrize(
    ("context", "fired"),
    [
        # 3 pb and one header fw in the example, in document order
        ("tei:pb | tei:fw[@type eq 'header']", ["pb", "fw", "pb", "pb"]),
        ("tei:fw[@type ne 'header'][@type eq 'typist'] | tei:nothing", ["fw"]),
        ("/*[count(//tei:pb) gt 2]", ["TEI"]),
        ("/*[count(//tei:pb) ge 4]", []),
    ],
)
def test_xpath2_contexts_run_through_libxml2(
    tmp_path: Path, context: str, fired: list[str]
) -> None:
    sch = _rules_file(tmp_path, context)
    engine = RuleEngine(sch, load_schema_tree(sch))
    assert engine._rules[0].fast_context is not None
    findings = list(engine.check(parse_xml_file(EXAMPLE), "doc.xml"))
    assert [d.message for d in findings] == fired
