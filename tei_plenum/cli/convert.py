"""``tei-plenum convert``: plain text to TEI, one file or many."""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

import click

from ..edition import collection_config, load_config
from ..errors import ConfigError, TeiPlenumError
from ..files import InputSet, find_files, make_folder
from ..metadata import load_sidecar, sidecar_for
from ..options import ConvertOptions
from ..pipeline import convert_bytes, convert_file, prepare
from .options import config_option, conversion_options
from .outcome import RunOutcome, report_error, worst
from .streams import STDIO, output_target, read_stdin, write_output


def _sources(inputs: tuple[str, ...]) -> tuple[list[str], list[TeiPlenumError]]:
    """Each INPUT as files to convert (a folder gives its ``*.txt`` files), ``-`` kept for
    standard input; the inputs that cannot be used."""
    sources: list[str] = []
    problems: list[TeiPlenumError] = []
    for given in inputs:
        if given == STDIO:
            sources.append(STDIO)
            continue
        files, bad = find_files([Path(given)], ".txt", "*.txt")
        sources.extend(str(path) for path in files)
        problems.extend(bad)
    return sources, problems


def _read_set(
    inputs: tuple[str, ...],
    sources: list[str],
    extra_files: list[str | Path],
    options: ConvertOptions,
) -> InputSet:
    """What the run reads: the inputs, their sidecars, ``--meta`` and the configuration, the
    authority files, and the folders given."""
    files = [Path(source) for source in sources if source != STDIO]
    sidecars = []
    for file in files:
        with suppress(ConfigError):  # a refused sidecar fails its input when converted
            sidecars.append(sidecar_for(file))
    extra = [Path(file) for file in extra_files]
    folders = [Path(given) for given in inputs if given != STDIO and Path(given).is_dir()]
    return InputSet.of([*files, *sidecars, *extra, *options.authority_files], folders)


def _targets(
    sources: list[str], output: str | None, folder: bool, inputs: InputSet
) -> list[Path | None]:
    """Where each source's TEI goes, every file checked against the output rule: standard
    output (None), the named file, or a file per source in the output folder."""
    if output is None or output == STDIO:
        if len(sources) > 1:
            raise click.UsageError("several inputs need -o FOLDER")
        return [output_target(output, inputs) for _ in sources]
    if not (folder or output.endswith(("/", os.sep)) or Path(output).is_dir()):
        return [output_target(output, inputs) for _ in sources]
    names: dict[str, str] = {}
    for source in sources:
        name = ("stdin" if source == STDIO else Path(source).stem) + ".xml"
        if name in names:
            raise click.UsageError(f"{names[name]} and {source} would both write {name}")
        names[name] = source
    targets = [output_target(str(Path(output, name)), inputs) for name in names]
    if targets:
        make_folder(Path(output))
    return targets


@click.command(short_help="Convert plain-text translations to TEI P5.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Output file (default, or -: standard output); for several inputs, a folder "
    "(created if needed).",
)
@click.option(
    "--meta",
    "meta_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Sidecar metadata (default: INPUT.meta.toml when present).",
)
@conversion_options
@config_option
@click.option("-q", "--quiet", is_flag=True, help="Do not print warnings.")
def convert(
    inputs: tuple[str, ...],
    output: str | None,
    meta_path: str | None,
    options: ConvertOptions,
    config_file: str | None,
    quiet: bool,
) -> RunOutcome:
    """Convert plain-text translations to TEI P5.

    INPUT is a file, a folder (every *.txt inside, recursively) or - for standard input.
    """
    sources, problems = _sources(inputs)
    if meta_path and len(sources) > 1:
        raise click.UsageError("--meta names the sidecar of a single input")
    if meta_path:
        options = replace(options, metadata=load_sidecar(Path(meta_path)))
    config = collection_config(inputs, config_file)
    if config is not None:
        options = load_config(config).conversion(options)
    prepare(options)
    several = len(inputs) > 1 or any(Path(i).is_dir() for i in inputs if i != STDIO)
    read = _read_set(inputs, sources, [p for p in (meta_path, config) if p], options)
    targets = _targets(sources, output, several, read)
    outcomes = [report_error(problem) for problem in problems]
    for source, target in zip(sources, targets, strict=True):
        try:
            _convert_one(source, target, options, quiet)
        except TeiPlenumError as exc:
            outcomes.append(report_error(exc))
    return worst(outcomes)


def _convert_one(source: str, target: Path | None, options: ConvertOptions, quiet: bool) -> None:
    if source == STDIO:
        result = convert_bytes(read_stdin(), source_name="<stdin>", options=options)
    else:
        result = convert_file(Path(source), options=options)
    if not quiet:
        for warning in result.warnings:
            click.echo(f"tei-plenum: warning: {source}: {warning}", err=True)
    write_output(target, result.tei)
