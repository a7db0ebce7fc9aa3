"""``tei-plenum search``: query a collection's search database."""

from __future__ import annotations

from pathlib import Path

import click

from ..search.query import MAX_LIMIT
from ..search.query import search as run_search
from ..search.render import to_csv, to_json, to_text
from .outcome import RunOutcome

_RENDER = {"text": to_text, "json": to_json, "csv": to_csv}


@click.command(short_help="Search a database built by index.")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path), metavar="DB")
@click.argument("query", metavar="QUERY")
@click.option(
    "--person", multiple=True, metavar="KEY|NAME", help="Mentions this person (repeatable: all)."
)
@click.option(
    "--place", multiple=True, metavar="KEY|NAME", help="Mentions this place (repeatable: all)."
)
@click.option(
    "--org", multiple=True, metavar="KEY|NAME", help="Mentions this organisation (repeatable: all)."
)
@click.option(
    "--from", "date_from", metavar="DATE", help="Dated on or after DATE (YYYY[-MM[-DD]])."
)
@click.option("--to", "date_to", metavar="DATE", help="Dated on or before DATE (YYYY[-MM[-DD]]).")
@click.option("--genre", metavar="GENRE", help="Of this genre (record of conversation, telegram…).")
@click.option("--classification", metavar="LEVEL", help="Classified so (level or printed words).")
@click.option(
    "--format", "fmt", type=click.Choice(list(_RENDER)), default="text", show_default=True
)
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIMIT),
    default=20,
    show_default=True,
    help="Documents to show.",
)
@click.option(
    "--facets",
    is_flag=True,
    help="Also count the result set's documents per person, place, organisation, genre and year.",
)
@click.option(
    "--authority",
    "authority_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Extra authority file (repeatable) for resolving name forms.",
)
def search(
    database: Path,
    query: str,
    person: tuple[str, ...],
    place: tuple[str, ...],
    org: tuple[str, ...],
    date_from: str | None,
    date_to: str | None,
    genre: str | None,
    classification: str | None,
    fmt: str,
    limit: int,
    facets: bool,
    authority_files: tuple[Path, ...],
) -> RunOutcome:
    """Find the documents of DB that match QUERY, best first.

    QUERY is full-text syntax: words, "a phrase", AND / OR / NOT (in capitals), prefix*,
    NEAR(a b, 5); an empty QUERY ('') keeps every document the filters keep.
    """
    if facets and fmt == "csv":
        raise click.UsageError("--facets needs --format text or json")
    result = run_search(
        database,
        query,
        person=person,
        place=place,
        org=org,
        date_from=date_from,
        date_to=date_to,
        genre=genre,
        classification=classification,
        limit=limit,
        facets=facets,
        authority_files=authority_files,
    )
    if fmt == "text":
        for note in result.notes:
            click.echo(f"tei-plenum: warning: {note}", err=True)
    click.echo(_RENDER[fmt](result), nl=False)
    return RunOutcome.SUCCESS
