"""``tei-plenum index``: build or update the search database of a collection of TEI files."""

from __future__ import annotations

from pathlib import Path

import click

from ..search.datasette import write_metadata
from ..search.indexer import FileOutcome, Status, index_files, tei_files
from .outcome import RunOutcome


@click.command(short_help="Build or update a search database of TEI files.")
@click.argument("inputs", nargs=-1, required=True, metavar="TEI...")
@click.option(
    "-o",
    "--output",
    "database",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="The database to write (corpus.sqlite).",
)
@click.option(
    "--update",
    is_flag=True,
    help="Change the database in place: skip unchanged files, replace changed ones, remove "
    "the documents of deleted files.",
)
@click.option(
    "--datasette-metadata",
    "metadata",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also write a Datasette metadata file (datasette DB -m FILE).",
)
@click.option(
    "--authority",
    "authority_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Extra authority file (repeatable): its records are shared by the whole corpus.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Worker processes that read the files while this one writes the database.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary; errors only.")
def index(
    inputs: tuple[str, ...],
    database: Path,
    update: bool,
    metadata: Path | None,
    authority_files: tuple[Path, ...],
    jobs: int,
    quiet: bool,
) -> RunOutcome:
    """Index TEI files (or the *.xml files under folders) into a SQLite search database.

    Without --update the database is built anew and replaces FILE only once complete. A file
    that cannot be indexed is reported and left out. Exit status 1 when any file failed.
    """
    files = [str(path) for path in tei_files(inputs)]
    if not files and not update:
        raise click.UsageError("no TEI files found")

    def report(outcome: FileOutcome) -> None:
        if outcome.status is Status.FAILED:
            click.echo(f"tei-plenum: error: {outcome.path}: {outcome.reason}", err=True)

    totals = index_files(
        files,
        database,
        update=update,
        authority_files=authority_files,
        jobs=jobs,
        on_outcome=report,
    )
    if metadata is not None:
        write_metadata(metadata, database)
    if not quiet:
        counts = totals.counts
        click.echo(
            f"{database}: {counts[Status.INDEXED]} indexed, {counts[Status.UNCHANGED]} "
            f"unchanged, {counts[Status.REMOVED]} removed, {counts[Status.FAILED]} failed"
        )
    return RunOutcome.DOCUMENT_FAILED if totals.failed else RunOutcome.SUCCESS
