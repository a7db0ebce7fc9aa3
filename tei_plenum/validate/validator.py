"""The validator: schemas compiled once, then any number of documents checked against them.

``Validator.from_schemas(None)`` uses the project XSD plus its Schematron rules; any list of
``.xsd``, ``.rng``, ``.sch`` or ``.dtd`` files, or names of bundled schemas (``tei_all``),
replaces them (an ``.rng`` also brings the Schematron rules embedded in it). Problems come
back as :class:`Diagnostic` values; only :func:`assert_valid` raises. Not-well-formed XML is
a diagnostic like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import DocumentError, InputError, Location, SchemaLoadError, TeiParseError
from ..files import find_files, read_regular_file
from ..parallel import ordered
from ..resources import schema_path
from ..wording import counted
from ..xmlsafe import MAX_XML_BYTES, parse_xml
from .engines import (
    XSLT1_BINDINGS,
    DtdEngine,
    Engine,
    RelaxNgEngine,
    SchematronEngine,
    XsdEngine,
    load_schema_tree,
    schematron_binding,
)
from .locate import with_columns
from .projectrules import ProjectRulesEngine

if TYPE_CHECKING:
    from .rules import RuleEngine

DEFAULT_SCHEMAS = ("tei_plenum.xsd", "tei_plenum.sch")


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome for one document: valid when it has no error, listed or not.

    A validator with a cap on findings lists the first ones in ``diagnostics`` and only counts
    the others, by severity, in ``unlisted_errors`` and ``unlisted_warnings``.
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]
    unlisted_errors: int = 0
    unlisted_warnings: int = 0

    @property
    def valid(self) -> bool:
        return self.error_count == 0

    @property
    def error_count(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error) + self.unlisted_errors

    @property
    def unlisted(self) -> int:
        return self.unlisted_errors + self.unlisted_warnings


class InvalidDocumentError(DocumentError):
    """Raised by :func:`assert_valid`; carries every diagnostic of the document."""

    def __init__(self, report: FileReport) -> None:
        first = next(d for d in report.diagnostics if d.is_error)
        count = report.error_count
        super().__init__(
            f"{counted(count, 'validation error')}; first: {first.message}",
            first.location,
        )
        self.diagnostics = report.diagnostics


def _default_engines() -> list[Engine]:
    """The project XSD, and tei_plenum.sch decided in Python (reported by the Schematron)."""
    xsd, sch = (schema_path(name) for name in DEFAULT_SCHEMAS)
    return [XsdEngine(xsd), ProjectRulesEngine(sch)]


# Schemas shipped with tei-plenum, which ``--schema`` takes by name as well as by path. A name
# has no suffix, so it never hides a schema file, whose suffix names its language.
BUNDLED_SCHEMAS: Mapping[str, Callable[[], list[Engine]]] = {
    # The official TEI P5 schema (RELAX NG, with its embedded Schematron rules).
    "tei_all": lambda: _engines_for(schema_path("tei_all.rng")),
    # The project's XSD and rules: the default, named so that it can be combined with others.
    "tei_plenum": _default_engines,
}


def _engines_named(schema: str | Path) -> list[Engine]:
    """The engines of a bundled schema's name or of a schema file's path."""
    bundled = BUNDLED_SCHEMAS.get(str(schema))
    if bundled is not None:
        return bundled()
    path = Path(schema)
    if not path.is_file():
        names = ", ".join(BUNDLED_SCHEMAS)
        raise SchemaLoadError(
            f"no such schema file, nor a bundled schema of that name (bundled: {names})",
            Location(str(schema)),
        )
    return _engines_for(path)


def _xpath2_rules(path: Path, tree: etree._ElementTree) -> RuleEngine:
    # elementpath takes longer to import than a whole default run over one file, so the
    # XPath 2.0 engine is imported only for the schemas that need it.
    from .rules import RuleEngine

    return RuleEngine(path, tree)


def _engines_for(path: Path) -> list[Engine]:
    suffix = path.suffix.lower()
    if suffix == ".xsd":
        return [XsdEngine(path)]
    if suffix == ".dtd":
        return [DtdEngine(path)]
    if suffix == ".rng":
        tree = load_schema_tree(path)
        engines: list[Engine] = [RelaxNgEngine(path, tree)]
        rules = _xpath2_rules(path, tree)
        if rules.rule_count:
            engines.append(rules)
        return engines
    if suffix == ".sch":
        tree = load_schema_tree(path)
        if schematron_binding(tree) in XSLT1_BINDINGS:
            return [SchematronEngine(path, tree)]
        return [_xpath2_rules(path, tree)]
    raise SchemaLoadError(
        "unknown schema type: use a .xsd, .rng, .sch or .dtd file", Location(str(path))
    )


class Validator:
    """Compiled schemas, ready to check trees or files; safe to share with forked workers.

    ``Validator()`` checks against the project defaults; :meth:`from_schemas` compiles others.
    ``max_findings`` caps the findings a report lists per document (None: no cap); the rest
    are still counted, so the verdict and the error count never depend on the cap.
    """

    def __init__(
        self, engines: Sequence[Engine] | None = None, *, max_findings: int | None = None
    ) -> None:
        self.engines = tuple(_default_engines() if engines is None else engines)
        self.max_findings = max_findings

    @classmethod
    def from_schemas(
        cls, schemas: Iterable[str | Path] | None = None, *, max_findings: int | None = None
    ) -> Validator:
        """Compile ``schemas`` (or the project defaults) once; raises :class:`SchemaLoadError`.

        Each is a schema file's path or the name of a bundled schema (:data:`BUNDLED_SCHEMAS`).
        """
        chosen = list(schemas or [])
        if not chosen:
            return cls(_default_engines(), max_findings=max_findings)
        engines = [engine for schema in chosen for engine in _engines_named(schema)]
        return cls(engines, max_findings=max_findings)

    def iter_diagnostics(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        """Every problem of a parsed document, engine by engine."""
        for engine in self.engines:
            yield from engine.check(tree, source)

    def validate_tree(self, tree: etree._ElementTree, source: str = "<input>") -> FileReport:
        listed: list[Diagnostic] = []
        errors = warnings = 0
        for diagnostic in self.iter_diagnostics(tree, source):
            if self.max_findings is None or len(listed) < self.max_findings:
                listed.append(diagnostic)
            elif diagnostic.is_error:
                errors += 1
            else:
                warnings += 1
        return FileReport(source, tuple(listed), errors, warnings)

    def validate_file(self, path: Path) -> FileReport:
        """Parse and check one file; a parse failure is reported, never raised.

        Unreadable paths (missing, FIFO, device) raise :class:`InputError` so that callers
        can tell a usage problem from an invalid document.
        """
        return self.validate_bytes(read_regular_file(path, max_bytes=MAX_XML_BYTES), str(path))

    def validate_bytes(self, data: bytes, source: str = "<input>") -> FileReport:
        """Parse and check a document's bytes (standard input, say); a parse failure is
        reported, never raised."""
        try:
            tree = parse_xml(data, source=source)
        except TeiParseError as exc:
            return FileReport(source, (_parse_diagnostic(exc, source),))
        report = self.validate_tree(tree, source)
        return replace(report, diagnostics=with_columns(report.diagnostics, data, tree))

    def validate_files(self, paths: Sequence[Path], jobs: int = 1) -> Iterator[FileReport]:
        """Reports in the order of ``paths``; ``jobs`` > 1 spreads files over processes.

        Workers are forked after compilation, so they inherit the compiled schemas instead
        of compiling them again. A file takes about a millisecond, so files travel to the
        workers in runs rather than one by one.
        """
        if jobs <= 1 or len(paths) <= 1:
            return (_checked(path, self) for path in paths)
        size = max(1, len(paths) // (jobs * 8))
        runs = [tuple(paths[i : i + size]) for i in range(0, len(paths), size)]
        done = ordered(_checked_run, runs, self, jobs=jobs, lost=_lost_run)
        return (report for run in done for report in run)


def _parse_diagnostic(exc: TeiParseError, source: str) -> Diagnostic:
    where = exc.location or Location(source)
    return Diagnostic(Severity.ERROR, "not-well-formed", exc.message, where, None)


def _checked(path: Path, validator: Validator) -> FileReport:
    """A report even for unreadable paths, so one bad path does not stop a run."""
    try:
        return validator.validate_file(path)
    except InputError as exc:
        where = exc.location or Location(str(path))
        return FileReport(
            str(path), (Diagnostic(Severity.ERROR, "unreadable", exc.message, where),)
        )


def _checked_run(paths: tuple[Path, ...], validator: Validator) -> list[FileReport]:
    return [_checked(path, validator) for path in paths]


def _lost_run(paths: tuple[Path, ...]) -> list[FileReport]:
    message = (
        "a worker process stopped while validating this file or one beside it; "
        "run the validation again"
    )
    return [
        FileReport(
            str(path),
            (Diagnostic(Severity.ERROR, "worker-stopped", message, Location(str(path))),),
        )
        for path in paths
    ]


def validate(path: Path, schemas: Iterable[str | Path] | None = None) -> FileReport:
    """Check one file against ``schemas`` (default: the project's); never raises on invalid."""
    return Validator.from_schemas(schemas).validate_file(path)


def assert_valid(path: Path, schemas: Iterable[str | Path] | None = None) -> FileReport:
    """Like :func:`validate`, but raise :class:`InvalidDocumentError` on any error."""
    report = validate(path, schemas)
    if not report.valid:
        raise InvalidDocumentError(report)
    return report


def find_xml_files(paths: Sequence[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand directories to their ``*.xml`` files (recursively, sorted); collect bad paths
    (:func:`tei_plenum.files.find_files`, the one finder of every command)."""
    return find_files(paths, ".xml", "XML")
