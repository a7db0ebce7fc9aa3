"""``tei-plenum export``: any TEI document to one of the registered reading views."""

from __future__ import annotations

from pathlib import Path

import click

from ..edition import EditionConfig, find_config, load_config
from ..export import EXPORTERS, ExportOptions, exporter
from ..export.html_options import read_stylesheet
from ..files import InputSet
from ..xmlsafe import parse_xml, parse_xml_file
from .options import config_option
from .outcome import RunOutcome
from .streams import STDIO, output_target, read_stdin, write_output

_FORMATS = "; ".join(f"{e.name}: {e.summary}" for e in EXPORTERS.values())


@click.command(short_help="Export TEI as reading text or an HTML edition.")
@click.argument("source", metavar="FILE.xml")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(list(EXPORTERS)),
    required=True,
    help=f"Output format ({_FORMATS}).",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Output file (default, or -: standard output); its folder is created if needed.",
)
@click.option(
    "--page-markers/--no-page-markers",
    default=None,
    help="Show page breaks as [page N] markers (default: off in text; on in HTML, where the "
    "reader can switch them).",
)
@click.option("--review", is_flag=True, help="HTML: show unresolved names and workflow notes.")
@config_option(default="tei-plenum.toml beside FILE.xml, if any; used by HTML")
@click.option(
    "--css",
    "css_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="HTML: a stylesheet appended to the page's own.",
)
def export(
    source: str,
    fmt: str,
    output: str | None,
    page_markers: bool | None,
    review: bool,
    config_file: str | None,
    css_file: str | None,
) -> RunOutcome:
    """Export the reading text of FILE.xml (or - for standard input) in the format --to."""
    found = Path(config_file) if config_file else None
    if found is None and source != STDIO:
        found = find_config(Path(source).parent)
    config = load_config(found) if found else EditionConfig()
    css = "\n".join(
        c for c in (config.css, read_stylesheet(Path(css_file)) if css_file else "") if c
    )
    read = InputSet() if source == STDIO else InputSet.of([Path(source)])
    target = output_target(output, read)
    if source == STDIO:
        tree = parse_xml(read_stdin(), source="<stdin>")
    else:
        tree = parse_xml_file(Path(source))
    options = ExportOptions(
        source_name=None if source == STDIO else Path(source).name,
        page_markers=page_markers,
        review=review,
        css=css,
        edition=config.edition,
    )
    write_output(target, exporter(fmt).export(tree, options))
    return RunOutcome.SUCCESS
