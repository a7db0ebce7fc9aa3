"""``tei-plenum export``: any TEI document to one of the registered reading views."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError, Location
from ..export import EXPORTERS, ExportOptions, exporter
from ..files import same_file, write_atomically
from ..xmlsafe import parse_xml, parse_xml_file
from .outcome import RunOutcome

_FORMATS = "; ".join(f"{e.name}: {e.summary}" for e in EXPORTERS.values())


@click.command()
@click.argument("source", metavar="FILE.xml")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(list(EXPORTERS)),
    required=True,
    help=f"Output format ({_FORMATS}).",
)
@click.option("-o", "--output", metavar="PATH", help="Output file (default: standard output).")
@click.option("--page-markers", is_flag=True, help="Text: show page breaks as [page N] markers.")
def export(source: str, fmt: str, output: str | None, page_markers: bool) -> RunOutcome:
    """Export the reading text of FILE.xml (or - for standard input) in the format --to."""
    if source == "-":
        tree = parse_xml(sys.stdin.buffer.read(), source="<stdin>")
    else:
        tree = parse_xml_file(Path(source))
    options = ExportOptions(
        source_name=None if source == "-" else Path(source).name, page_markers=page_markers
    )
    data = exporter(fmt).export(tree, options)
    if output is None or output == "-":
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
        return RunOutcome.SUCCESS
    target = Path(output)
    if source != "-" and same_file(Path(source), target):
        raise InputError(
            "output path is the input file; refusing to overwrite it", Location(output)
        )
    write_atomically(target, data)
    return RunOutcome.SUCCESS
