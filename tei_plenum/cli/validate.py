"""``tei-plenum validate``: check TEI files or whole folders against schemas and rules.

Outcome: success when every file is valid; a document failed when one is invalid (or not
well-formed); usage when a path is unreadable (the other paths are still validated).
"""

from __future__ import annotations

import json
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..wording import counted
from .outcome import RunOutcome
from .streams import STDIO, read_stdin

if TYPE_CHECKING:
    from ..validate.validator import FileReport

# Enough to fix a file by, few enough that a file broken everywhere is read in seconds.
DEFAULT_MAX_FINDINGS = 100


@click.command(short_help="Validate TEI files or folders against schemas.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    metavar="FILE|NAME",
    help="A .xsd, .rng, .sch or .dtd file, or a bundled schema's name (tei_all: the official "
    "TEI P5 schema; tei_plenum: the defaults), to use instead of the defaults (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option(
    "--max-findings",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_FINDINGS,
    show_default=True,
    metavar="N",
    help="List at most N findings per file and count the rest (0: list every finding).",
)
def validate(
    paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str, jobs: int, max_findings: int
) -> RunOutcome:
    """Validate TEI files.

    PATH is a file, a folder (every *.xml inside, recursively) or - for standard input. By
    default against the project XSD and its Schematron rules; `--schema tei_all` checks
    against the official TEI P5 schema shipped with tei-plenum.
    """
    from ..diagnostics import render_text, to_json
    from ..validate.validator import Validator, find_xml_files

    validator = Validator.from_schemas(schemas or None, max_findings=max_findings or None)
    files, problems = find_xml_files([Path(p) for p in paths if p != STDIO])
    for problem in problems:
        click.echo(f"tei-plenum: error: {problem}", err=True)

    stdin = [validator.validate_bytes(read_stdin(), "<stdin>")] if STDIO in paths else []
    reports = []
    for report in chain(stdin, validator.validate_files(files, jobs=jobs)):
        reports.append(report)
        if fmt == "text":
            for diagnostic in report.diagnostics:
                click.echo(render_text(diagnostic))
            if report.unlisted:
                click.echo(f"{report.path}: note: {_unlisted(report)} (--max-findings 0 lists all)")

    valid = sum(1 for r in reports if r.valid)
    errors = sum(r.error_count for r in reports)
    if fmt == "json":
        document = {
            "files": [
                {
                    "path": r.path,
                    "valid": r.valid,
                    "problems": [to_json(d) for d in r.diagnostics],
                    "unlisted": {"errors": r.unlisted_errors, "warnings": r.unlisted_warnings},
                }
                for r in reports
            ],
            "summary": {
                "files": len(reports),
                "valid": valid,
                "invalid": len(reports) - valid,
                "errors": errors,
                "unreadable": [str(p) for p in problems],
            },
        }
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{counted(len(reports), 'file')}, {valid} valid, {len(reports) - valid} invalid, "
            f"{counted(errors, 'error')}"
        )
    if problems:
        return RunOutcome.USAGE
    if valid != len(reports):
        return RunOutcome.DOCUMENT_FAILED
    return RunOutcome.SUCCESS


def _unlisted(report: FileReport) -> str:
    """ "3 more errors and 1 more warning not listed"."""
    parts = [
        f"{counted(count, 'more ' + kind, 'more ' + kind + 's')}"
        for count, kind in (
            (report.unlisted_errors, "error"),
            (report.unlisted_warnings, "warning"),
        )
        if count
    ]
    return f"{' and '.join(parts)} not listed"
