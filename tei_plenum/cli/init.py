"""``tei-plenum init``: write a commented edition configuration into a collection's folder."""

from __future__ import annotations

from pathlib import Path

import click

from ..edition import CONFIG_NAME, write_template
from .outcome import RunOutcome


@click.command(short_help=f"Write a commented {CONFIG_NAME} into a folder.")
@click.argument("folder", metavar="[FOLDER]", default=".", type=click.Path(file_okay=False))
def init(folder: str) -> RunOutcome:
    """Write the edition configuration FOLDER/tei-plenum.toml (default: the current folder),
    every key commented out and explained; an existing file is never overwritten."""
    written = write_template(Path(folder))
    click.echo(f"Wrote {written}")
    return RunOutcome.SUCCESS
