"""The validator: schemas compiled once, then any number of documents checked against them.

``Validator.from_schemas(None)`` uses the project XSD plus its Schematron rules; any list of
``.xsd``, ``.rng``, ``.sch`` or ``.dtd`` files replaces them (an ``.rng`` also brings the
Schematron rules embedded in it). Problems come back as :class:`Diagnostic` values; only
:func:`assert_valid` raises. Not-well-formed XML is a diagnostic like any other.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..diagnostics import Diagnostic, Severity
from ..errors import DocumentError, InputError, Location, SchemaLoadError, TeiParseError
from ..files import read_regular_file
from ..resources import schema_path
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
            f"{count} validation error{'s' if count != 1 else ''}; first: {first.message}",
            first.location,
        )
        self.diagnostics = report.diagnostics


def _default_engines() -> list[Engine]:
    """The project XSD, and tei_plenum.sch decided in Python (reported by the Schematron)."""
    xsd, sch = (schema_path(name) for name in DEFAULT_SCHEMAS)
    return [XsdEngine(xsd), ProjectRulesEngine(sch)]


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

    ``max_findings`` caps the findings a report lists per document (None: no cap); the rest
    are still counted, so the verdict and the error count never depend on the cap.
    """

    def __init__(self, engines: Sequence[Engine], *, max_findings: int | None = None) -> None:
        self.engines = tuple(engines)
        self.max_findings = max_findings

    @classmethod
    def from_schemas(
        cls, paths: Iterable[Path] | None = None, *, max_findings: int | None = None
    ) -> Validator:
        """Compile ``paths`` (or the project defaults) once; raises :class:`SchemaLoadError`."""
        chosen = list(paths or [])
        engines: list[Engine] = [] if chosen else _default_engines()
        for path in chosen:
            if not path.is_file():
                raise SchemaLoadError("schema file not found", Location(str(path)))
            engines.extend(_engines_for(path))
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
        source = str(path)
        data = read_regular_file(path, max_bytes=MAX_XML_BYTES)
        try:
            tree = parse_xml(data, source=source)
        except TeiParseError as exc:
            return FileReport(source, (_parse_diagnostic(exc, source),))
        report = self.validate_tree(tree, source)
        return replace(report, diagnostics=with_columns(report.diagnostics, data, tree))

    def validate_files(self, paths: Sequence[Path], jobs: int = 1) -> Iterator[FileReport]:
        """Reports in the order of ``paths``; ``jobs`` > 1 spreads files over processes.

        Workers are forked after compilation, so they inherit the compiled schemas instead
        of compiling them again.
        """
        if jobs <= 1 or len(paths) <= 1:
            for path in paths:
                yield _checked(self, path)
            return
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        context = get_context("fork")
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=_adopt, initargs=(self,)
        ) as pool:
            chunk = max(1, len(paths) // (jobs * 8))
            yield from pool.map(_worker_check, paths, chunksize=chunk)


def _parse_diagnostic(exc: TeiParseError, source: str) -> Diagnostic:
    where = exc.location or Location(source)
    return Diagnostic(Severity.ERROR, "not-well-formed", exc.message, where, None)


def _checked(validator: Validator, path: Path) -> FileReport:
    """A report even for unreadable paths, so one bad path does not stop a run."""
    try:
        return validator.validate_file(path)
    except InputError as exc:
        where = exc.location or Location(str(path))
        return FileReport(
            str(path), (Diagnostic(Severity.ERROR, "unreadable", exc.message, where),)
        )


# Each pool process holds the validator it inherited at fork time; the pool initializer
# stores it here, and it lives exactly as long as that worker process.
_WORKER: dict[str, Validator] = {}


def _adopt(validator: Validator) -> None:
    _WORKER["validator"] = validator


def _worker_check(path: Path) -> FileReport:
    return _checked(_WORKER["validator"], path)


def validate(path: Path, schemas: Iterable[Path] | None = None) -> FileReport:
    """Check one file against ``schemas`` (default: the project's); never raises on invalid."""
    return Validator.from_schemas(schemas).validate_file(path)


def assert_valid(path: Path, schemas: Iterable[Path] | None = None) -> FileReport:
    """Like :func:`validate`, but raise :class:`InvalidDocumentError` on any error."""
    report = validate(path, schemas)
    if not report.valid:
        raise InvalidDocumentError(report)
    return report


def find_xml_files(paths: Sequence[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand directories to their ``*.xml`` files (recursively, sorted); collect bad paths.

    A path that does not exist, a directory without XML files, or a FIFO/device given
    directly is reported as an :class:`InputError` (checked with ``stat``, so nothing blocks);
    the other paths are still returned.
    """
    files: list[Path] = []
    problems: list[InputError] = []
    for path in paths:
        try:
            mode = path.stat().st_mode
        except OSError:
            problems.append(InputError("no such file or directory", Location(str(path))))
            continue
        if stat.S_ISDIR(mode):
            found = sorted(p for p in path.rglob("*.xml") if _is_regular(p))
            if not found:
                problems.append(InputError("directory holds no XML files", Location(str(path))))
            files.extend(found)
        elif stat.S_ISREG(mode):
            files.append(path)
        else:
            problems.append(
                InputError("is not a regular file (FIFO, device or socket)", Location(str(path)))
            )
    return files, problems


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
