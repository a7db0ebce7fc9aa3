"""The project's co-constraints (schemas/tei_plenum.sch), decided and reported in one pass.

The compiled Schematron costs about 3 ms a document, most of it in ``//``-scans and in comparing
every pointer with every ``xml:id``; nearly every document breaks none of its rules. This engine
decides in Python, with sets, whether a document *may* break one (:func:`may_break_rules`);
only then does it report. A broken document's findings are worked out in Python too
(:class:`_Report`): the Schematron's XSLT counts preceding pages and preceding siblings for
every finding, so a document with thousands of broken pointers or page numbers took minutes.
The messages, ids and roles are read from the Schematron file itself, and each finding equals
the Schematron's own (tests/validate/test_projectrules.py checks both on broken documents).
Whenever a value is unusual (a date that is not plain digits, a fractional page quantity, a page
break inside a gap), the document simply goes to the Schematron, which decides and reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from lxml import etree

from .. import pattern_cache
from ..diagnostics import Diagnostic, Severity
from ..vocabulary import TEI_CLARK as _TEI
from ..vocabulary import XML_ID as _XML_ID
from ..vocabulary import MarkingType
from .engines import SCH_NS, WARNING_ROLES, SchematronEngine, load_schema_tree
from .locate import Locator

# Pointer attributes whose '#' tokens must name an xml:id (tp-pointer-ref/-who/-resp/-corresp).
_POINTERS = frozenset({"ref", "who", "resp", "corresp"})
# Attributes whose tokens count as a reference to a standOff record (tp-record-referenced).
_REFERENCES = _POINTERS | {"unitRef", "target"}
_DATES = frozenset({"when", "from", "to", "notBefore", "notAfter"})
# Elements whose @from and @to are not dates (tp-date-format and tp-date-order skip them).
_NOT_DATED = frozenset(f"{_TEI}{name}" for name in ("locus", "biblScope", "citedRange"))
# The pattern of tp-date-format; lxml runs EXSLT re:test with Python's re.search, so searching
# with the same pattern gives the same answer.
_DATE = pattern_cache.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
_WATCHED = frozenset({_XML_ID, *_REFERENCES, *_DATES})
_RANGE_END = {"from": "to", "notBefore": "notAfter"}
_DIGITS = pattern_cache.compile(r"[0-9]+")
_MARKINGS = frozenset({MarkingType.CLASSIFICATION, MarkingType.COPY_NUMBER})
_RECORDS = tuple(f"{_TEI}{name}" for name in ("person", "personGrp", "place", "org", "event"))
# XPath's normalize-space() and str:tokenize(., ' ') know these separators only.
_XML_SPACE = pattern_cache.compile(r"[ \t\r\n]+")


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
    padded = _padded(start, end)
    return padded is not None and padded[0] <= padded[1]


def _padded(start: str, end: str) -> tuple[int, int] | None:
    """The two ends of a range as the Schematron compares them (padded 8-digit numbers), or
    None when they are not plain digits."""
    low = (start.replace("-", "") + "00000000")[:8]
    high = (end.replace("-", "") + "99999999")[:8]
    if _DIGITS.fullmatch(low) and _DIGITS.fullmatch(high):
        return int(low), int(high)
    return None


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
    """tei_plenum.sch: decided by :func:`may_break_rules`, reported in Python (or, for unusual
    values, by the Schematron itself).

    The Schematron is compiled on the first document that needs it, so a run over valid or
    plainly broken documents never loads it; the file is still parsed up front so that a
    broken schema is reported before any document is checked.
    """

    def __init__(self, path: Path) -> None:
        self.schema = path.name
        self._path = path
        self._tree = load_schema_tree(path)
        self._messages = _messages(self._tree)

    @cached_property
    def _schematron(self) -> SchematronEngine:
        return SchematronEngine(self._path, self._tree)

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        if not may_break_rules(tree):
            return
        if _value_counts(self._messages) != _RULES or _unusual(tree.getroot()):
            yield from self._schematron.check(tree, source)
            return
        report = _Report(tree.getroot(), self._messages, Locator(source), self.schema)
        yield from report.attribute_rules()
        yield from report.element_rules()


# Each rule this module reports, with the number of values its message takes: a schema file
# that says otherwise is left to the Schematron.
_RULES = {
    "tp-pointer-ref": 1, "tp-pointer-who": 1, "tp-pointer-resp": 1, "tp-pointer-corresp": 1,
    "tp-pointer-unitref": 1, "tp-id-unique": 2, "tp-date-format": 1, "tp-date-order": 2,
    "tp-date-bounds": 2, "tp-pb-sequence": 2, "tp-sp-who": 0, "tp-marking-recorded": 3,
    "tp-record-referenced": 2,
}  # fmt: skip
_PAGE_BREAK = f"{_TEI}pb"
_GAP = f"{_TEI}gap"
# The rule context of the "attributes" pattern: elements with any of these attributes.
_ATTRIBUTE_CONTEXT = (*_POINTERS, "unitRef", _XML_ID, *_DATES)


def _messages(schema: etree._ElementTree) -> dict[str, tuple[Severity, list[str | None]]]:
    """Each assertion's severity and message, with None where a ``value-of`` goes."""
    found = {}
    for check in schema.iter(f"{{{SCH_NS}}}assert"):
        parts: list[str | None] = [check.text or ""]
        for child in check:
            parts += [None if child.tag == f"{{{SCH_NS}}}value-of" else "", child.tail or ""]
        role = (check.get("role") or check.get("flag") or "").lower()
        found[check.get("id") or ""] = (
            Severity.WARNING if role in WARNING_ROLES else Severity.ERROR,
            parts,
        )
    return found


def _value_counts(messages: dict[str, tuple[Severity, list[str | None]]]) -> dict[str, int]:
    return {rule: parts.count(None) for rule, (_, parts) in messages.items()}


def _unusual(root: etree._Element) -> bool:
    """Values whose XPath arithmetic this module does not redo: date ranges that are not
    plain digits, page quantities that are not plain digits, pages inside pages or gaps."""
    for element in root.iter(etree.Element):
        for low, high in _RANGE_END.items():
            start, end = element.get(low), element.get(high)
            if start is not None and end is not None and _padded(start, end) is None:
                return True
        if element.tag == _GAP and element.get("unit") == "page":
            quantity = element.get("quantity")
            if quantity is not None and not _DIGITS.fullmatch(quantity):
                return True
        if element.tag == _PAGE_BREAK and any(
            True for _ in element.iterancestors(_PAGE_BREAK, _GAP)
        ):
            return True
    return False


class _Report:
    """The findings of tei_plenum.sch for a document without unusual values, in the
    Schematron's order: the "attributes" pattern over every element, then "elements"."""

    def __init__(
        self,
        root: etree._Element,
        messages: dict[str, tuple[Severity, list[str | None]]],
        locator: Locator,
        schema: str,
    ) -> None:
        self.root = root
        self.messages = messages
        self.locator = locator
        self.schema = schema
        self.values, _ = _watched_values(root)

    def finding(self, rule: str, element: etree._Element, *values: str) -> Diagnostic:
        severity, parts = self.messages[rule]
        filled = iter(values)
        message = "".join(next(filled) if part is None else part for part in parts)
        return Diagnostic(
            severity, rule, message.strip(), self.locator.location(element), self.schema
        )

    def attribute_rules(self) -> Iterator[Diagnostic]:
        declared = set(self.values[_XML_ID])
        uses = Counter(self.values[_XML_ID])
        for element in self.root.iter(etree.Element):
            if not any(name in element.attrib for name in _ATTRIBUTE_CONTEXT):
                continue
            for name in ("ref", "who", "resp", "corresp"):
                missing = _first_missing(element.get(name) or "", declared)
                if missing is not None:
                    yield self.finding(f"tp-pointer-{name}", element, missing)
            unit = element.get("unitRef")
            if unit is not None:
                target = _normalize_space(unit)
                if target.startswith("#") and target[1:] not in declared:
                    yield self.finding("tp-pointer-unitref", element, unit)
            own = element.get(_XML_ID)
            if own is not None and uses[own] != 1:
                yield self.finding("tp-id-unique", element, own, str(uses[own]))
            # On a locus, biblScope or citedRange, @from and @to are pages or leaves.
            dated = element.tag not in _NOT_DATED
            for name, value in element.items():
                if dated and name in _DATES and not _DATE.search(value):
                    yield self.finding("tp-date-format", element, name)
                    break
            for rule, (low, high) in (
                ("tp-date-order", ("from", "to")),
                ("tp-date-bounds", ("notBefore", "notAfter")),
            ):
                if rule == "tp-date-order" and not dated:
                    continue
                start, end = element.get(low), element.get(high)
                if start is not None and end is not None:
                    padded = _padded(start, end)
                    if padded is not None and padded[0] > padded[1]:
                        yield self.finding(rule, element, start, end)

    def element_rules(self) -> Iterator[Diagnostic]:
        participants = {
            person.get(_XML_ID)
            for desc in self.root.iter(f"{_TEI}particDesc")
            for person in desc.iter(f"{_TEI}person", f"{_TEI}personGrp")
            if person.get(_XML_ID) is not None
        }
        recorded = {
            token
            for additions in self.root.iter(f"{_TEI}additions")
            for item in additions.iter(f"{_TEI}item")
            for token in _tokens(item.get("corresp") or "")
        }
        referenced = set(
            " ".join(value for name in _REFERENCES for value in self.values[name]).split(" ")
        )
        pages = 1  # the page the next pb in a text must number
        for element in self.root.iter(etree.Element):
            tag = element.tag
            if tag == _PAGE_BREAK and _inside(element, f"{_TEI}text"):
                if element.get("n", "") != str(pages):
                    yield self.finding("tp-pb-sequence", element, element.get("n", ""), str(pages))
                pages += 1
            elif tag == _GAP and element.get("unit") == "page" and _inside(element, f"{_TEI}text"):
                # count() includes a gap without @quantity, sum() does not: it counts -1.
                quantity = element.get("quantity")
                pages += int(quantity) - 1 if quantity is not None else -1
            elif tag == f"{_TEI}sp":
                who = element.get("who")
                if who is None or any(t[1:] not in participants for t in _tokens(who)):
                    yield self.finding("tp-sp-who", element)
            elif tag == f"{_TEI}fw" and element.get("type") in _MARKINGS:
                marking = element.get(_XML_ID)
                if marking is None or f"#{marking}" not in recorded:
                    kind = element.get("type", "")
                    text = _normalize_space("".join(element.itertext()))
                    yield self.finding("tp-marking-recorded", element, kind, text, kind)
            elif tag in _RECORDS and _inside(element, f"{_TEI}standOff"):
                record = element.get(_XML_ID)
                if record is not None and f"#{record}" not in referenced:
                    yield self.finding("tp-record-referenced", element, record, record)


def _first_missing(pointers: str, declared: set[str]) -> str | None:
    """The first ``#id`` token of ``pointers`` that names no declared ``xml:id``."""
    return next((t for t in _tokens(pointers) if t.startswith("#") and t[1:] not in declared), None)


def _inside(element: etree._Element, tag: str) -> bool:
    return any(True for _ in element.iterancestors(tag))
