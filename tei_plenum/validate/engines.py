"""The schema languages a validator can check a document against.

Each engine is compiled once from a schema file and then checks any number of parsed trees,
yielding :class:`Diagnostic` values. Schema files are read through the hardened parser and
nothing is ever fetched over the network: imports must be local files.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import Location, SchemaLoadError, TeiParseError
from ..files import read_regular_file
from ..xmlsafe import parse_xml_file
from .locate import Locator

XS_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
WARNING_ROLES = frozenset({"warning", "warn", "info", "information", "informational"})
# Query bindings lxml's XSLT 1.0 Schematron can run; anything else goes to the XPath 2.0 engine.
XSLT1_BINDINGS = frozenset({"", "xslt", "xslt1", "xpath", "exslt"})


class Engine(Protocol):
    """A compiled schema: ``check`` yields every problem of one parsed document."""

    schema: str

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]: ...


def load_schema_tree(path: Path) -> etree._ElementTree:
    """Parse a schema file safely, turning any failure into :class:`SchemaLoadError`."""
    try:
        return parse_xml_file(path, base_url=str(path.resolve()))
    except (TeiParseError, OSError) as exc:
        raise SchemaLoadError(f"cannot read schema: {exc}", Location(str(path))) from None


def _log_diagnostics(log: Any, source: str, schema: str, code: str) -> Iterator[Diagnostic]:
    for entry in log:
        line = entry.line or None
        column = entry.column or None
        yield Diagnostic(
            Severity.ERROR,
            code,
            entry.message,
            Location(source, line, column, entry.path or None),
            schema,
        )


class XsdEngine:
    """XML Schema: libxml2 decides validity fast; xmlschema explains a failure in detail.

    Most documents are valid, so the C-level check is all they cost; the slower xmlschema
    model is compiled only when a document fails, and then gives messages that name the
    expected elements.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = path.name
        tree = load_schema_tree(path)
        _refuse_remote_imports(tree, path)
        try:
            self._fast = etree.XMLSchema(tree)
        except etree.XMLSchemaParseError as exc:
            raise SchemaLoadError(f"invalid XML Schema: {exc}", Location(str(path))) from None

    @cached_property
    def _rich(self) -> Any:
        import xmlschema

        return xmlschema.XMLSchema(str(self.path.resolve()), allow="local", defuse="always")

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        try:
            if self._fast.validate(tree):
                return
        except etree.XMLSchemaValidateError as exc:
            # libxml2 gives up on nodes no parse of ours produces (an entity reference in a
            # tree built in code): that document gets a finding, the run goes on.
            message = f"the XML Schema validator cannot check this tree: {exc}"
            yield Diagnostic(Severity.ERROR, "xsd", message, Location(source), self.schema)
            return
        found = False
        locator = Locator(source)
        for error in self._rich.iter_errors(tree):
            found = True
            yield self._explain(error, locator)
        if not found:  # the two implementations disagree: trust libxml2's verdict
            yield from _log_diagnostics(self._fast.error_log, source, self.schema, "xsd")

    def _explain(self, error: Any, locator: Locator) -> Diagnostic:
        element = getattr(error, "invalid_child", None)
        if element is None or not isinstance(getattr(element, "tag", None), str):
            element = getattr(error, "elem", None)
        location = locator.location(element if hasattr(element, "sourceline") else None)
        message = error.reason or error.message
        expected = getattr(error, "expected", None)
        if expected and "expected" not in message.lower():
            names = ", ".join(sorted({_local(str(tag)) for tag in _as_list(expected)}))
            message = f"{message} Expected: {names}."
        return Diagnostic(Severity.ERROR, "xsd", _tidy_clark(message), location, self.schema)


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple | set) else [value]


def _local(name: str) -> str:
    name = getattr(name, "name", name) or ""
    return re.sub(r"^\{[^}]*\}", "", str(name))


def _tidy_clark(message: str) -> str:
    """Drop namespace URIs in braces, which make messages hard to read."""
    return re.sub(r"\{http://www\.tei-c\.org/ns/1\.0\}", "", message)


def _refuse_remote_imports(tree: etree._ElementTree, path: Path) -> None:
    for node in tree.iter(f"{{{XS_NS}}}import", f"{{{XS_NS}}}include", f"{{{XS_NS}}}redefine"):
        where = node.get("schemaLocation") or ""
        if "://" in where or where.startswith("/"):
            raise SchemaLoadError(
                f"schema imports {where!r}: only relative local schema files are loaded",
                Location(str(path), node.sourceline),
            )


class RelaxNgEngine:
    """RELAX NG grammar checked by libxml2 (embedded Schematron is a separate engine)."""

    def __init__(self, path: Path, tree: etree._ElementTree) -> None:
        self.schema = path.name
        try:
            self._grammar = etree.RelaxNG(tree)
        except etree.RelaxNGParseError as exc:
            raise SchemaLoadError(f"invalid RELAX NG: {exc}", Location(str(path))) from None

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        if self._grammar.validate(tree):
            return
        yield from _log_diagnostics(self._grammar.error_log, source, self.schema, "rng")


class DtdEngine:
    """A DTD from a regular local file; one that refers to external entities is refused."""

    def __init__(self, path: Path) -> None:
        self.schema = path.name
        where = Location(str(path))
        data = read_regular_file(path)
        if re.search(rb"\b(SYSTEM|PUBLIC)\b", data):
            raise SchemaLoadError(
                "the DTD refers to external entities (SYSTEM or PUBLIC), which are never loaded",
                where,
            )
        try:
            self._dtd = etree.DTD(io.BytesIO(data))
        except etree.DTDParseError as exc:
            raise SchemaLoadError(f"invalid DTD: {exc}", where) from None

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        if self._dtd.validate(tree):
            return
        yield from _log_diagnostics(self._dtd.error_log, source, self.schema, "dtd")


class SchematronEngine:
    """ISO Schematron with the XSLT 1.0 binding, compiled by lxml to one XSLT transform.

    The transform runs with file and network access denied, so a rule cannot read other
    files through ``document()``. Findings come back as SVRL and are mapped to elements.
    """

    def __init__(self, path: Path, tree: etree._ElementTree) -> None:
        # Importing isoschematron parses its stylesheets; runs that never compile a
        # Schematron should not pay for that.
        from lxml import isoschematron

        self.schema = path.name
        try:
            compiled = isoschematron.Schematron(
                tree, store_xslt=True, compile_params={"generate-fired-rule": "false()"}
            )
            self._transform = etree.XSLT(
                compiled.validator_xslt, access_control=etree.XSLTAccessControl.DENY_ALL
            )
        except (etree.SchematronParseError, etree.XSLTParseError) as exc:
            raise SchemaLoadError(f"invalid Schematron: {exc}", Location(str(path))) from None

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        report = self._transform(tree)
        locator = Locator(source)
        for finding in report.getroot().iter(
            f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"
        ):
            role = (finding.get("role") or finding.get("flag") or "").lower()
            severity = Severity.WARNING if role in WARNING_ROLES else Severity.ERROR
            text = finding.find(f"{{{SVRL_NS}}}text")
            message = "".join(text.itertext()) if text is not None else finding.get("test", "")
            yield Diagnostic(
                severity,
                finding.get("id") or "schematron",
                message.strip(),
                locator.location(_resolve(tree, finding.get("location"))),
                self.schema,
            )


def _resolve(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    if isinstance(found, list) and found:
        node = found[0]
        if isinstance(node, etree._Element):
            return node
        return getattr(node, "getparent", lambda: None)()
    return None


def schematron_binding(tree: etree._ElementTree) -> str:
    """The queryBinding of a Schematron schema, lower-cased ('' when absent)."""
    return (tree.getroot().get("queryBinding") or "").strip().lower()
