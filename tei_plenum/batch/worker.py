"""What one worker does with one input: convert, validate, export, write, summarise.

:func:`process` is a top-level function of a small :class:`Task` and the frozen
:class:`Settings`, so any executor can run it. It converts with the same function and options
as ``tei-plenum convert``, writes the TEI and the views of the export registry itself, and
returns only a small :class:`Outcome` (status, timings, counts and a summary for the corpus
index): no document ever travels back to the parent process, and the parent's memory does not
grow with the corpus. What it needs compiled (authority, schemas) is built once per process.

Each document is built once: validation and every view use the converter's own tree (which
reads exactly as the TEI file written from it), and the text view is the reading text that the
converter's fidelity check already made. Only a document with validation errors is parsed
from its bytes, so that its diagnostics give lines of the file written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from time import perf_counter
from typing import Any

from lxml import etree

from ..authority import Authority
from ..diagnostics import Diagnostic, render_text
from ..docmeta import read_tei_header
from ..errors import InputError, TeiPlenumError
from ..export import EXPORTERS, ExportOptions, exporter
from ..files import write_atomically
from ..model import Document
from ..options import ConvertOptions
from ..parallel import per_process
from ..pipeline import Conversion, convert_file
from ..pipeline import prepare as prepare_conversion
from ..search.indexer import IndexedFile, sha256_bytes
from ..search.rows import document_rows
from ..validate import Validator
from ..vocabulary import XML_ID, collection_key
from ..wording import counted
from ..xmlsafe import parse_xml
from .discover import Job

# The converted document itself, then every view of the export registry.
TEI = "tei"
TEI_SUFFIX = ".xml"
# The plain-text view, which the conversion has already made (``Conversion.reading_text``).
TEXT = "text"
FORMATS = (TEI, *EXPORTERS)
# Enough diagnostics for a report to say what is wrong without growing with a broken file.
MAX_MESSAGES = 5


class Status(StrEnum):
    """Outcome statuses, as they appear in the JSON report."""

    CONVERTED = "converted"
    INVALID = "invalid"
    FAILED = "failed"
    SKIPPED = "skipped"
    REFUSED = "refused"


FAILURES = frozenset({Status.INVALID, Status.FAILED, Status.REFUSED})
# Inputs a run takes no time over: current since an earlier run, or refused before any work.
NOT_WORKED_ON = frozenset({Status.SKIPPED, Status.REFUSED})


def suffix(name: str) -> str:
    """The file suffix of output format ``name``."""
    return TEI_SUFFIX if name == TEI else exporter(name).suffix


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that decides a batch's outputs; hashed into the manifest. ``options`` are
    those of ``tei-plenum convert``, applied to every input."""

    outdir: Path
    formats: tuple[str, ...] = FORMATS
    options: ConvertOptions = field(default_factory=ConvertOptions)
    validate: bool = True
    pages: ExportOptions = field(default_factory=ExportOptions)
    """How the views are made: the edition and stylesheet of the collection's configuration
    for the HTML pages (the source name is each document's own)."""
    # The search database to build as the batch goes (workers send rows, the parent writes);
    # not hashed: the database keeps itself current by the content of each TEI file.
    index: Path | None = None

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(suffix(name) for name in self.formats)


@dataclass(frozen=True, slots=True)
class Task:
    """A job to run, with the hashes the parent computed to decide that it must run, and the
    tag of the run's temporary files (see :class:`~tei_plenum.batch.manifest.Manifest`)."""

    job: Job
    input_sha: str
    sidecar_sha: str | None
    tag: str | None = None


EntityRef = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Summary:
    """What the report and the corpus index keep of a document: small and JSON-friendly."""

    title: str
    date: str
    date_sort: str
    kind: str
    classification: str
    pages: int
    date_mentions: int
    warnings: int
    # (type, key, name) per standOff record. The same triple recurs across a corpus, so the
    # parent keeps one shared tuple per distinct triple (see Manifest.share).
    entities: tuple[EntityRef, ...] = ()
    classification_level: str = ""
    """The normalised level of ``classification`` (``vocabulary.Classification``), if stated."""

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["entities"] = [list(entity) for entity in self.entities]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Summary:
        """Raises TypeError or ValueError when ``data`` is not a summary."""
        entities = tuple((str(kind), str(key), str(name)) for kind, key, name in data["entities"])
        return cls(**{**data, "entities": entities})

    def entity_counts(self) -> Counter[str]:
        return Counter(kind for kind, _key, _name in self.entities)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one input, in the parent process."""

    source: str
    rel: str
    status: Status
    reason: str | None = None
    summary: Summary | None = None
    outputs: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    validated: bool = False
    validation_errors: int = 0
    validation_messages: tuple[str, ...] = ()
    input_sha: str | None = None
    sidecar_sha: str | None = None
    search: IndexedFile | None = None
    """The document's rows for the search database (with ``Settings.index``)."""

    @property
    def failed(self) -> bool:
        return self.status in FAILURES

    @property
    def worked_on(self) -> bool:
        """True when this run converted, or tried to convert, the input (rates count these)."""
        return self.status not in NOT_WORKED_ON


def prepare(settings: Settings) -> None:
    """Build what every input needs (the authority, the schemas) in this process: a bad
    authority file stops the run before it starts, and forked workers inherit the result."""
    prepare_conversion(settings.options)
    _validator(settings)


def _validator(settings: Settings) -> Validator | None:
    return per_process(Validator.from_schemas, None) if settings.validate else None


def process(task: Task, settings: Settings) -> Outcome:
    """Convert one input and write its outputs; any failure becomes a failed outcome."""
    job = task.job
    outcome = partial(
        Outcome,
        str(job.source),
        str(job.rel),
        input_sha=task.input_sha,
        sidecar_sha=task.sidecar_sha,
    )
    timings: dict[str, float] = {}
    tei_path = str(job.output(settings.outdir, TEI_SUFFIX))
    try:
        validator = _validator(settings)
        start = perf_counter()
        conversion = convert_file(job.source, options=settings.options)
        tree = conversion.tree
        timings["convert"] = perf_counter() - start

        start = perf_counter()
        errors = _errors(validator, conversion, tei_path) if validator is not None else []
        timings["validate"] = perf_counter() - start

        start = perf_counter()
        outputs = _write_outputs(job, settings, conversion, task.tag)
        timings["export"] = perf_counter() - start

        search = _search_rows(job, settings, conversion.tei, tree) if settings.index else None
    except TeiPlenumError as exc:
        reason = describe(exc, str(job.source))
        return outcome(status=Status.FAILED, reason=reason, timings=timings)
    except OSError as exc:
        reason = f"cannot write: {exc}"
        return outcome(status=Status.FAILED, reason=reason, timings=timings)
    except Exception as exc:  # a converter bug on one input must not stop the collection
        reason = f"internal error: {type(exc).__name__}: {exc}"
        return outcome(status=Status.FAILED, reason=reason, timings=timings)
    return outcome(
        status=Status.INVALID if errors else Status.CONVERTED,
        reason=f"{counted(len(errors), 'validation error')}, first: {render_text(errors[0])}"
        if errors
        else None,
        summary=summarise(conversion.document, tree),
        outputs=outputs,
        timings=timings,
        search=search,
        validated=validator is not None,
        validation_errors=len(errors),
        validation_messages=tuple(render_text(d) for d in errors[:MAX_MESSAGES]),
    )


def describe(exc: TeiPlenumError, source: str) -> str:
    """The error without the input's own path, which every report line already shows."""
    where = exc.location
    if where is None or where.path != source:
        return str(exc)
    position = [
        f"{name} {value}"
        for name, value in (("line", where.line), ("column", where.column))
        if value is not None
    ]
    return ", ".join(position) + f": {exc.message}" if position else exc.message


def _errors(validator: Validator, conversion: Conversion, path: str) -> list[Diagnostic]:
    """The validation errors of the TEI file ``path`` written from ``conversion``."""
    if validator.validate_tree(conversion.tree, path).valid:
        return []
    # Diagnostics name lines of the file, which only a tree parsed from its bytes knows.
    report = validator.validate_tree(parse_xml(conversion.tei, source=path), path)
    return [d for d in report.diagnostics if d.is_error]


def _write_outputs(
    job: Job, settings: Settings, conversion: Conversion, tag: str | None
) -> tuple[str, ...]:
    """The TEI as converted, and each view exactly as ``tei-plenum export`` makes it of the
    TEI file."""
    written = []
    # The driver made OUTDIR before any work: a worker that cannot see it does not share the
    # driver's storage, and must not make a folder of its own that nobody would ever read.
    if not settings.outdir.is_dir():
        raise InputError(
            f"the output folder {settings.outdir} does not exist where this file was converted "
            "(every worker must see it at the same path)"
        )
    views = replace(settings.pages, source_name=job.output(settings.outdir, TEI_SUFFIX).name)
    for name in settings.formats:
        target = job.output(settings.outdir, suffix(name))
        if name == TEI:
            data = conversion.tei
        elif name == TEXT:
            data = conversion.reading_text.encode("utf-8")
        else:
            data = exporter(name).export(conversion.tree, views)
        write_atomically(target, data, tag=tag)
        written.append(target.relative_to(settings.outdir).as_posix())
    return tuple(written)


def _search_rows(job: Job, settings: Settings, tei: bytes, tree: etree._ElementTree) -> IndexedFile:
    """The rows the search database keeps of the TEI file just written."""
    path = job.output(settings.outdir, TEI_SUFFIX)
    authority = Authority.load(settings.options.authority_files)
    rows = document_rows(tree, name=path.stem, authority=authority, source=str(path))
    return IndexedFile(sha256_bytes(tei), rows)


def summarise(document: Document, tree: etree._ElementTree) -> Summary:
    """The few facts the report and the corpus index need: title and classification as the TEI
    header states them (read as from any TEI); the normalised date and counts from the model."""
    meta = read_tei_header(tree.getroot())
    own = tree.getroot().get(XML_ID) or document.source_name
    classification = meta.classification
    dates = dict(document.doc_date)
    sort = dates.get("when") or dates.get("from") or dates.get("notBefore") or ""
    end = dates.get("to") or dates.get("notAfter")
    shown = f"{sort} – {end}" if sort and end else sort or (f"by {end}" if end else "")
    return Summary(
        title=meta.title.main or document.source_name,
        date=shown,
        date_sort=sort or end or "",
        kind=document.genre,
        classification=classification.text if classification is not None else "",
        pages=document.pages,
        date_mentions=sum(1 for b in document.blocks for m in b.marks if m.tag == "date"),
        warnings=len(document.warnings),
        entities=tuple(
            (
                str(e.type),
                collection_key(e.key, unresolved=e.unresolved, document=own),
                e.full_name or e.name,
            )
            for e in document.entities
        ),
        classification_level=classification.level if classification is not None else "",
    )
