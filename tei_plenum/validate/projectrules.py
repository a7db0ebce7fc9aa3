"""The project's co-constraints (schemas/tei_plenum.sch), decided in one pass over the tree.

The compiled Schematron costs about 3 ms a document, most of it in ``//``-scans and in comparing
every pointer with every ``xml:id``; nearly every document breaks none of its rules. This engine
decides in Python, with sets, whether a document *may* break one; only then does the Schematron
itself run on that document and report. Reports (rule ids, messages, order, locations) are
therefore always the Schematron's own, and the decision only has to be conservative: each test
below is either exactly the assertion's XPath or stricter, so a document it passes is one the
Schematron passes too (tests/validate/test_projectrules.py checks both directions on broken
documents). Whenever a value is unusual (a date that is not plain digits, a fractional page
quantity), the document simply goes to the Schematron.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from lxml import etree

from ..diagnostics import Diagnostic
from ..vocabulary import TEI_CLARK as _TEI
from ..vocabulary import XML_ID as _XML_ID
from ..vocabulary import MarkingType
from .engines import SchematronEngine, load_schema_tree

# Pointer attributes whose '#' tokens must name an xml:id (tp-pointer-ref/-who/-resp/-corresp).
_POINTERS = frozenset({"ref", "who", "resp", "corresp"})
# Attributes whose tokens count as a reference to a standOff record (tp-record-referenced).
_REFERENCES = _POINTERS | {"unitRef", "target"}
_DATES = frozenset({"when", "from", "to", "notBefore", "notAfter"})
# The pattern of tp-date-format; lxml runs EXSLT re:test with Python's re.search, so searching
# with the same pattern gives the same answer.
_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_WATCHED = frozenset({_XML_ID, *_REFERENCES, *_DATES})
_RANGE_END = {"from": "to", "notBefore": "notAfter"}
_DIGITS = re.compile(r"[0-9]+")
_MARKINGS = frozenset({MarkingType.CLASSIFICATION, MarkingType.COPY_NUMBER})
_RECORDS = tuple(f"{_TEI}{name}" for name in ("person", "personGrp", "place", "org", "event"))
# XPath's normalize-space() and str:tokenize(., ' ') know these separators only.
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _tokens(value: str) -> list[str]:
    """``str:tokenize(value, ' ')``: split on the space character alone, no empty tokens."""
    return [token for token in value.split(" ") if token]


def _normalize_space(value: str) -> str:
    return _XML_SPACE.sub(" ", value).strip(" ")


def _watched_values(
    root: etree._Element,
) -> tuple[dict[str, list[str]], list[tuple[str, str | None]]]:
    """Every value of the watched attributes by name, and each (@from, @to)-style pair.

    One loop over the attributes, values gathered per name, checked afterwards in bulk: per
    document this is cheaper than one ``//@name`` XPath per attribute.
    """
    values: dict[str, list[str]] = {name: [] for name in _WATCHED}
    ranges: list[tuple[str, str | None]] = []
    for element in root.iter(etree.Element):
        for name, value in element.items():
            found = values.get(name)
            if found is not None:
                found.append(value)
                if name in _RANGE_END:
                    ranges.append((value, element.get(_RANGE_END[name])))
    return values, ranges


def _in_order(start: str, end: str | None) -> bool:
    """tp-date-order and tp-date-bounds: the two ends compared as padded 8-digit numbers.

    Anything but plain ASCII digits is left to the Schematron's own number() arithmetic.
    """
    if end is None:
        return True
    low = (start.replace("-", "") + "00000000")[:8]
    high = (end.replace("-", "") + "99999999")[:8]
    return bool(_DIGITS.fullmatch(low) and _DIGITS.fullmatch(high)) and int(low) <= int(high)


def _attribute_rules_hold(
    values: dict[str, list[str]], ranges: list[tuple[str, str | None]]
) -> bool:
    """The rules of the "attributes" pattern: pointers, unique ids, date formats and ranges."""
    ids = values[_XML_ID]
    declared = set(ids)
    tokens = " ".join(value for name in _POINTERS for value in values[name]).split(" ")
    targets = {token[1:] for token in tokens if token.startswith("#")}
    for unit in values["unitRef"]:
        unit = _normalize_space(unit)
        if unit.startswith("#"):
            targets.add(unit[1:])
    return (
        len(declared) == len(ids)
        and targets <= declared
        and all(_DATE.search(value) for name in _DATES for value in values[name])
        and all(_in_order(start, end) for start, end in ranges)
    )


def _pages_in_sequence(root: etree._Element) -> bool:
    """tp-pb-sequence: each text pb is 1 + earlier pbs + pages that earlier page gaps skip."""
    expected = 1
    for text in root.iter(f"{_TEI}text"):
        if any(True for _ in text.iterancestors(f"{_TEI}text")):
            continue  # a nested text was already walked with its outermost text
        for node in text.iter(f"{_TEI}pb", f"{_TEI}gap"):
            if node.tag == f"{_TEI}pb":
                if node.get("n") != str(expected):
                    return False
                expected += 1
            elif node.get("unit") == "page":
                # A gap around a pb is its ancestor, not on its preceding axis; and the sum of
                # quantities is only plain integer arithmetic for plain digits.
                quantity = node.get("quantity")
                if next(node.iter(f"{_TEI}pb"), None) is not None or (
                    quantity is not None and not _DIGITS.fullmatch(quantity)
                ):
                    return False
                # count() includes a gap without @quantity, sum() does not: it counts -1.
                expected += int(quantity) - 1 if quantity is not None else -1
    return True


def _speakers_declared(root: etree._Element) -> bool:
    """tp-sp-who: every token of sp/@who, less its first character, is a participant's id."""
    participants = {
        person.get(_XML_ID)
        for desc in root.iter(f"{_TEI}particDesc")
        for person in desc.iter(f"{_TEI}person", f"{_TEI}personGrp")
        if person.get(_XML_ID) is not None
    }
    for speech in root.iter(f"{_TEI}sp"):
        who = speech.get("who")
        if who is None or any(token[1:] not in participants for token in _tokens(who)):
            return False
    return True


def _markings_recorded(root: etree._Element) -> bool:
    """tp-marking-recorded: classification and copy-number fw are listed under additions."""
    recorded = {
        token
        for additions in root.iter(f"{_TEI}additions")
        for item in additions.iter(f"{_TEI}item")
        for token in _tokens(item.get("corresp") or "")
    }
    for fw in root.iter(f"{_TEI}fw"):
        if fw.get("type") in _MARKINGS:
            marking = fw.get(_XML_ID)
            if marking is None or f"#{marking}" not in recorded:
                return False
    return True


def _records_referenced(root: etree._Element, values: dict[str, list[str]]) -> bool:
    """tp-record-referenced: each standOff record with an xml:id is pointed at somewhere."""
    referenced = set(" ".join(value for name in _REFERENCES for value in values[name]).split(" "))
    for stand_off in root.iter(f"{_TEI}standOff"):
        for record in stand_off.iter(*_RECORDS):
            record_id = record.get(_XML_ID)
            if record_id is not None and f"#{record_id}" not in referenced:
                return False
    return True


def may_break_rules(tree: etree._ElementTree) -> bool:
    """False only when the document certainly satisfies every rule of tei_plenum.sch."""
    root = tree.getroot()
    values, ranges = _watched_values(root)
    return not (
        _attribute_rules_hold(values, ranges)
        and _pages_in_sequence(root)
        and _speakers_declared(root)
        and _markings_recorded(root)
        and _records_referenced(root, values)
    )


class ProjectRulesEngine:
    """tei_plenum.sch: decided by :func:`may_break_rules`, reported by the Schematron itself.

    The Schematron is compiled on the first document that needs it, so a run over valid
    documents never loads it; the file is still parsed up front so that a broken schema is
    reported before any document is checked.
    """

    def __init__(self, path: Path) -> None:
        self.schema = path.name
        self._path = path
        self._tree = load_schema_tree(path)

    @cached_property
    def _schematron(self) -> SchematronEngine:
        return SchematronEngine(self._path, self._tree)

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        if may_break_rules(tree):
            yield from self._schematron.check(tree, source)
