"""``tei-plenum convert``: plain text to TEI, one file or many."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from ..errors import InputError, Location, TeiPlenumError
from ..files import same_file, write_atomically
from ..metadata import load_sidecar
from ..options import ConvertOptions
from ..pipeline import convert_bytes, convert_file, prepare
from .options import conversion_options
from .outcome import RunOutcome, report_error, worst


def _outputs(inputs: tuple[str, ...], output: str | None) -> list[Path | None]:
    """Where each input's TEI goes: stdout (None), the named file, or a file in a directory."""
    if output is None:
        if len(inputs) > 1:
            raise click.UsageError("several inputs need -o DIRECTORY")
        return [None]
    target = Path(output)
    if len(inputs) > 1 or target.is_dir():
        if not target.is_dir():
            raise InputError("output directory does not exist", Location(output))
        names = [("stdin" if i == "-" else Path(i).stem) + ".xml" for i in inputs]
        if len(set(names)) != len(names):
            raise click.UsageError("two inputs would write the same output file name")
        return [target / name for name in names]
    return [target]


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o", "--output", metavar="PATH", help="Output file, or directory for several inputs."
)
@click.option(
    "--meta",
    "meta_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Sidecar metadata (default: INPUT.meta.toml when present).",
)
@conversion_options
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
def convert(
    inputs: tuple[str, ...],
    output: str | None,
    meta_path: str | None,
    options: ConvertOptions,
    quiet: bool,
) -> RunOutcome:
    """Convert plain-text translations (INPUT, or - for standard input) to TEI P5."""
    if meta_path and len(inputs) > 1:
        raise click.UsageError("--meta names the sidecar of a single input")
    if meta_path:
        options = replace(options, metadata=load_sidecar(Path(meta_path)))
    prepare(options)
    outputs = _outputs(inputs, output)
    if len(inputs) == 1:
        _convert_one(inputs[0], outputs[0], options, quiet)
        return RunOutcome.SUCCESS
    outcomes = []
    for source, target in zip(inputs, outputs, strict=True):
        try:
            _convert_one(source, target, options, quiet)
        except TeiPlenumError as exc:
            outcomes.append(report_error(exc))
    return worst(outcomes)


def _convert_one(source: str, target: Path | None, options: ConvertOptions, quiet: bool) -> None:
    if source == "-":
        data = sys.stdin.buffer.read()
        result = convert_bytes(data, source_name="<stdin>", options=options)
    else:
        if target is not None and same_file(Path(source), target):
            raise InputError(
                "output path is the input file; refusing to overwrite it", Location(str(target))
            )
        result = convert_file(Path(source), options=options)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"tei-plenum: warning: {source}: {warning}", err=True)
    if target is None:
        stdout = sys.stdout.buffer
        stdout.write(result.tei)
        stdout.flush()
    else:
        write_atomically(target, result.tei)
