"""The Python decision for tei_plenum.sch agrees with the Schematron it stands in for.

The reference is the Schematron compiled by lxml (XSLT). For every document the default
engine must report exactly what the Schematron reports; and the decision must never call a
document clean when the Schematron finds something (it may send a clean document to the
Schematron when a value is unusual, which costs time, never correctness).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_plenum.diagnostics import Diagnostic
from tei_plenum.resources import schema_path
from tei_plenum.validate import projectrules
from tei_plenum.validate.engines import SchematronEngine, load_schema_tree
from tei_plenum.validate.projectrules import ProjectRulesEngine, may_break_rules
from tei_plenum.xmlsafe import parse_xml, parse_xml_file

from ..conftest import EXAMPLES

HERE = Path(__file__).parent
SCH = schema_path("tei_plenum.sch")
EXAMPLE = (EXAMPLES / "plenum-excerpt.tei.xml").read_text(encoding="utf-8")
CONVERSATION = (EXAMPLES / "conversation-sample.tei.xml").read_text(encoding="utf-8")
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# duplicate-xml-id.xml is refused by the parser: duplicates are made after parsing below.
DOCUMENTS = sorted(
    path
    for path in [*(HERE / "invalid").glob("*.xml"), *EXAMPLES.glob("*.tei.xml")]
    if path.name != "duplicate-xml-id.xml"
)


@pytest.fixture(scope="module")
def reference() -> SchematronEngine:
    return SchematronEngine(SCH, load_schema_tree(SCH))


@pytest.fixture(scope="module")
def fast() -> ProjectRulesEngine:
    return ProjectRulesEngine(SCH)


def _edited(text: str, old: str, new: str) -> etree._ElementTree:
    assert old in text
    return parse_xml(text.replace(old, new, 1).encode(), source="doc.xml")


def _agree(
    reference: SchematronEngine, fast: ProjectRulesEngine, tree: etree._ElementTree
) -> list[Diagnostic]:
    """The Schematron's findings, after checking that the default engine reports the same."""
    expected = list(reference.check(tree, "doc.xml"))
    assert list(fast.check(tree, "doc.xml")) == expected
    assert may_break_rules(tree) or not expected
    return expected


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_fixtures_and_examples_agree_exactly(
    reference: SchematronEngine, fast: ProjectRulesEngine, path: Path
) -> None:
    tree = parse_xml_file(path)
    findings = _agree(reference, fast, tree)
    assert may_break_rules(tree) == bool(findings)


# (text, old, new, the rule ids the Schematron reports): each is decided exactly, so the
# decision must say "may break" exactly when rule ids are expected.
EXACT = [
    # the only mention of Kim Il Sung: his standOff record is left unreferenced too
    (EXAMPLE, 'ref="#pers-kim-il-sung">KIM', 'ref="#pers-nobody">KIM',
     ["tp-pointer-ref", "tp-record-referenced"]),
    (EXAMPLE, 'resp="#resp-encoder">between', 'resp="#resp-editor">between', ["tp-pointer-resp"]),
    (EXAMPLE, 'corresp="#mk-typist">', 'corresp="#mk-typo">', ["tp-pointer-corresp"]),
    (EXAMPLE, '<pb n="8"/>', '<pb n="7"/>', ["tp-pb-sequence"]),
    (EXAMPLE, '<pb n="8"/>', "<pb/>", ["tp-pb-sequence"]),
    (EXAMPLE, 'from="1956-06-01" to="1956-07-19"', 'from="1956-07-20" to="1956-07-19"',
     ["tp-date-order"]),
    (EXAMPLE, 'from="1956-06-01" to="1956-07-19"', 'notBefore="1956-07" notAfter="1956-06"',
     ["tp-date-bounds"]),
    # the range is compared padded: 1956-07 starts no later than 1956-07-19 ends
    (EXAMPLE, 'from="1956-06-01" to="1956-07-19"', 'from="1956-07" to="1956-07-19"', []),
    (EXAMPLE, 'when="1956-09-12">12 September', 'when="1956-9-12">12 September',
     ["tp-date-format"]),
    # EXSLT re:test is Python's re.search, where $ also matches before a final newline
    (EXAMPLE, 'when="1956-09-12">12 September', 'when="1956-09-12&#10;">12 September', []),
    (EXAMPLE, 'when="1956-09-12">12 September', 'when="1956-09-12&#10;x">12 September',
     ["tp-date-format"]),
    (EXAMPLE, '<item n="classification" corresp="#mk-classification">',
     '<item n="classification">', ["tp-marking-recorded"]),
    (EXAMPLE, '<fw xml:id="mk-copyNumber" type="copyNumber"', '<fw type="copyNumber"',
     ["tp-pointer-corresp", "tp-marking-recorded"]),
    (EXAMPLE, '<place xml:id="place-gdr">', '<place xml:id="place-nowhere">',
     ["tp-pointer-ref", "tp-record-referenced"]),
    # @target counts as a reference to a record, as in the Schematron's key
    (EXAMPLE, '<measure unit="page"', '<measure target="#place-gdr" unit="page"', []),
    # pointer lists split on spaces only: a tab is part of the token
    (EXAMPLE, '<placeName ref="#place-gdr">', '<placeName target="#place-ussr&#9;#place-gdr">',
     ["tp-record-referenced"]),
    (EXAMPLE, 'ref="#pers-kim-il-sung">KIM', 'ref="#pers-kim-il-sung&#9;#place-gdr">KIM',
     ["tp-pointer-ref", "tp-record-referenced"]),
    (EXAMPLE, 'ref="#pers-kim-il-sung">KIM', 'ref="  #pers-kim-il-sung   #place-gdr ">KIM', []),
    # unitRef is compared after normalize-space
    (EXAMPLE, '<measure unit="page"', '<measure unitRef=" #resp-encoder&#10;" unit="page"', []),
    (EXAMPLE, '<measure unit="page"', '<measure unitRef="#unit-page" unit="page"',
     ["tp-pointer-unitref"]),
    (EXAMPLE, '<measure unit="page"', '<measure unitRef="unit-page" unit="page"', []),
    # a page gap without @quantity is counted but adds nothing: the next page is 2
    (EXAMPLE, 'unit="page" quantity="6" resp="#resp-encoder"/>',
     'unit="page" resp="#resp-encoder"/>', ["tp-pb-sequence"]),
    (CONVERSATION, '<sp who="#pers-karelin">', '<sp who="#place-moscow">', ["tp-sp-who"]),
    (CONVERSATION, '<sp who="#pers-karelin">', '<sp who="#pers-karelin  #pers-karelin">', []),
    (CONVERSATION, '<sp who="#pers-karelin">', '<sp who="">', []),
    (CONVERSATION, '<sp who="#pers-karelin">', "<sp>", ["tp-sp-who"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "old", "new", "rules"), EXACT)
def test_each_rule_is_decided_exactly(
    reference: SchematronEngine,
    fast: ProjectRulesEngine,
    text: str,
    old: str,
    new: str,
    rules: list[str],
) -> None:
    tree = _edited(text, old, new)
    assert [d.code for d in _agree(reference, fast, tree)] == rules
    assert may_break_rules(tree) == bool(rules)


def test_page_gap_without_quantity_keeps_the_count_exact(
    reference: SchematronEngine, fast: ProjectRulesEngine
) -> None:
    tree = _edited(
        EXAMPLE.replace('<pb n="8"/>', '<pb n="2"/>'),
        'unit="page" quantity="6" resp="#resp-encoder"/>',
        'unit="page" resp="#resp-encoder"/>',
    )
    assert _agree(reference, fast, tree) == []
    assert not may_break_rules(tree)


def test_duplicate_ids_made_after_parsing_are_reported_twice(
    reference: SchematronEngine, fast: ProjectRulesEngine
) -> None:
    tree = parse_xml(EXAMPLE.encode())
    gdr = next(e for e in tree.iter(f"{TEI}place") if e.get(XML_ID) == "place-gdr")
    gdr.set(XML_ID, "place-ussr")
    codes = [d.code for d in _agree(reference, fast, tree)]
    assert codes.count("tp-id-unique") == 2


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # number() reads "6.0" as 6, which plain digits do not cover
        ('quantity="6" resp="#resp-encoder"/>', 'quantity="6.0" resp="#resp-encoder"/>'),
        # a pb inside the page gap is not on the gap's preceding axis
        (
            '<gap reason="excerpt" unit="page" quantity="6" resp="#resp-encoder"/>',
            '<gap reason="excerpt" unit="page" quantity="6" resp="#resp-encoder"><pb n="3"/></gap>',
        ),
        ('from="1956-06-01" to="1956-07-19"', 'from=" 1956" to="1956-07-19"'),
    ],
)
def test_unusual_values_go_to_the_schematron(
    reference: SchematronEngine, fast: ProjectRulesEngine, old: str, new: str
) -> None:
    tree = _edited(EXAMPLE, old, new)
    _agree(reference, fast, tree)
    assert may_break_rules(tree)


def test_only_unusual_values_compile_the_schematron(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled: list[Path] = []

    class Counting(SchematronEngine):
        def __init__(self, path: Path, tree: etree._ElementTree) -> None:
            compiled.append(path)
            super().__init__(path, tree)

    monkeypatch.setattr(projectrules, "SchematronEngine", Counting)
    engine = ProjectRulesEngine(SCH)
    assert list(engine.check(parse_xml(EXAMPLE.encode()), "a.xml")) == []
    assert compiled == []
    broken = _edited(EXAMPLE, '<pb n="8"/>', '<pb n="7"/>')
    assert [d.code for d in engine.check(broken, "b.xml")] == ["tp-pb-sequence"]
    assert compiled == []
    unusual = _edited(
        EXAMPLE.replace('<pb n="8"/>', '<pb n="7"/>'), 'quantity="6"', 'quantity="6.0"'
    )
    for _ in range(2):
        assert [d.code for d in engine.check(unusual, "c.xml")] == ["tp-pb-sequence"]
    assert compiled == [SCH]


POINTER_VALUES = st.sampled_from(
    ["#pers-kim-il-sung", "#place-gdr", "#resp-encoder", "#nobody", "pers-kim-il-sung", "#", ""]
)
# Character references: a literal tab or newline in an attribute is read as a space.
SEPARATORS = st.sampled_from([" ", "  ", "&#9;", "&#10;", ""])
DATES = st.lists(
    st.sampled_from(["1956", "1957", "-", "07", "3", "&#10;", " ", "x"]), max_size=5
).map("".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tokens=st.lists(POINTER_VALUES, max_size=3),
    separator=SEPARATORS,
    start=DATES,
    end=DATES,
    page=st.integers(min_value=0, max_value=10),
    quantity=st.sampled_from(["6", "1", "0", "06", "6.5", ""]),
)
def test_random_edits_never_hide_a_finding(
    reference: SchematronEngine,
    fast: ProjectRulesEngine,
    tokens: list[str],
    separator: str,
    start: str,
    end: str,
    page: int,
    quantity: str,
) -> None:
    text = (
        EXAMPLE.replace('ref="#pers-kim-il-sung">KIM', f'ref="{separator.join(tokens)}">KIM', 1)
        .replace('from="1956-06-01" to="1956-07-19"', f'from="{start}" to="{end}"', 1)
        .replace('<pb n="8"/>', f'<pb n="{page}"/>', 1)
        .replace('quantity="6"', f'quantity="{quantity}"', 1)
    )
    _agree(reference, fast, parse_xml(text.encode(), source="doc.xml"))


def test_a_document_breaking_every_rule_many_times_agrees_exactly(
    reference: SchematronEngine, fast: ProjectRulesEngine
) -> None:
    # Many findings of every rule, interleaved: the order of the report must agree as well.
    broken = "".join(
        f'<p xml:id="p-{i}"><persName ref="#nobody-{i} #place-gdr" resp="#x-{i}" corresp="#c">X'
        "</persName>"
        f'<date when="19-{i}" from="196{i % 10}" to="1950">d</date>'
        f'<measure unitRef=" #unit-{i} " notBefore="1960-0{i % 9 + 1}" notAfter="1959">m</measure>'
        f'<pb n="{i}"/><fw type="classification">Secret {i}</fw>'
        f'<fw type="copyNumber" xml:id="mk-{i}">Copy\n{i}</fw></p>'
        f'<sp who="#nobody-{i}"><p>x</p></sp><sp><p>y</p></sp>'
        for i in range(30)
    )
    records = "".join(f'<place xml:id="place-unused-{i}"/>' for i in range(10))
    text = EXAMPLE.replace("</body>", f"{broken}</body>", 1).replace(
        "<listPlace>", f"<listPlace>{records}", 1
    )
    tree = parse_xml(text.encode(), source="doc.xml")
    findings = _agree(reference, fast, tree)
    assert {d.code for d in findings} == {
        "tp-pointer-ref", "tp-pointer-who", "tp-pointer-resp", "tp-pointer-corresp",
        "tp-pointer-unitref", "tp-date-format",
        "tp-date-order", "tp-date-bounds", "tp-pb-sequence", "tp-sp-who",
        "tp-marking-recorded", "tp-record-referenced",
    }  # fmt: skip
    assert len(findings) > 300
