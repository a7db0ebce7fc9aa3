"""Options shared by several commands, declared once so they read the same everywhere."""

from __future__ import annotations

import click

authority_option = click.option(
    "--authority",
    "authority_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Extra authority file; repeatable; wins over the bundled one.",
)
