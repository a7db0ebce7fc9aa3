"""``tei-plenum site``: publish a folder of TEI files as a static edition with search."""

from __future__ import annotations

from pathlib import Path

import click

from ..edition import EditionConfig, find_config, load_config
from ..site import build_site
from .options import config_option
from .outcome import RunOutcome


@click.command(short_help="Publish TEI files as a static site with indexes and search.")
@click.argument("inputs", nargs=-1, required=True, metavar="TEI_FOLDER_OR_FILE...")
@click.option("-o", "--output", required=True, metavar="DIR", help="The site's folder.")
@config_option
@click.option(
    "--search/--no-search",
    default=True,
    show_default=True,
    help="Build the Pagefind search page and index (needs the 'site' extra).",
)
def site(inputs: tuple[str, ...], output: str, config_file: str | None, search: bool) -> RunOutcome:
    """Publish the TEI files (*.xml) of the folders or files as a static site in DIR."""
    paths = [Path(p) for p in inputs]
    found = Path(config_file) if config_file else None
    if found is None and paths[0].is_dir():
        found = find_config(paths[0])
    config = load_config(found) if found else EditionConfig()
    result = build_site(paths, Path(output), config=config, search=search)
    pages = "with search" if result.search else "without search"
    click.echo(f"Wrote {result.documents} documents to {result.out} ({pages})")
    return RunOutcome.SUCCESS
