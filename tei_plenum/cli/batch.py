"""``tei-plenum batch``: convert, validate and export a whole collection in one command."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic
from typing import IO

import click
from click.core import ParameterSource

from ..batch import (
    FORMATS,
    BatchResult,
    Executor,
    Outcome,
    Plan,
    Settings,
    execute,
    executor_for,
    plan,
    report_json,
    summary_lines,
)
from ..edition import collection_config, load_config
from ..errors import InputError
from ..export import ExportOptions
from ..options import ConvertOptions
from ..wording import counted
from .options import config_option, conversion_options
from .outcome import RunOutcome, report_error, worst
from .streams import STDIO, output_target, write_output

# Seconds between two plain progress lines when standard error is not a terminal.
PROGRESS_EVERY = 5.0


def _formats(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[str, ...]:
    """The chosen outputs, in the order of :data:`FORMATS` (the TEI, then the registry's)."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(names) - set(FORMATS))
    if unknown or not names:
        raise click.BadParameter(
            f"expected a comma-separated list of {', '.join(FORMATS)}, got {value!r}"
        )
    return tuple(name for name in FORMATS if name in names)


def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class PlainProgress:
    """Progress as plain lines (for logs and pipes): one every ``every`` seconds and at the end."""

    def __init__(
        self,
        total: int,
        stream: IO[str],
        *,
        every: float = PROGRESS_EVERY,
        clock: Callable[[], float] = monotonic,
    ) -> None:
        self.total, self.stream, self.every, self.clock = total, stream, every, clock
        self.done = self.worked = 0
        self.started = self.last = clock()

    def update(self, outcome: Outcome) -> None:
        self.done += 1
        self.worked += outcome.worked_on
        now = self.clock()
        if self.done == self.total or now - self.last >= self.every:
            self.last = now
            click.echo(f"tei-plenum: batch: {self.line(now)}", file=self.stream)

    def line(self, now: float) -> str:
        """Files done; the rate and the time left once a file has been worked on (skipped
        files take no time, so they make no rate)."""
        done = f"{self.done}/{counted(self.total, 'file')}"
        rate = _rate(self.worked, now - self.started)
        if not rate:
            return done
        left = f", {(self.total - self.done) / rate:.0f} s left" if self.done < self.total else ""
        return f"{done}, {rate:.1f} files/s{left}"


def _rate(worked: int, elapsed: float) -> float:
    return worked / elapsed if elapsed > 0 else 0.0


@click.command(short_help="Convert, validate and export a whole collection.")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="OUTDIR",
    help="Folder for the outputs (created if needed); they mirror the inputs' folders.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Worker processes (default: one per core; 1 runs in this process), also those of "
    "--scheduler local.",
)
@click.option(
    "--scheduler",
    envvar="TEI_PLENUM_SCHEDULER",
    metavar="ADDRESS",
    help="Run the work on the Dask scheduler at ADDRESS (tcp://host:8786), or on a new Dask "
    "cluster of --jobs workers on this machine with 'local' (needs tei-plenum[dask]). "
    "Default: TEI_PLENUM_SCHEDULER, else the process pool.",
)
@click.option(
    "--dashboard",
    is_flag=True,
    help="With --scheduler local: serve Dask's dashboard on 127.0.0.1 and print its address "
    "(needs bokeh).",
)
@click.option(
    "--to",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    callback=_formats,
    metavar="LIST",
    help=f"Outputs to write: {', '.join(FORMATS)} (html adds the corpus index.html).",
)
@conversion_options
@config_option
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check each TEI file against the project schemas; an invalid file counts as failed.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write a JSON report with one record per input (- for standard output, the "
    "summary then going to standard error); its folder is created if needed.",
)
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also build (or update) the search database FILE as the batch goes (see `index`).",
)
@click.option("--force", is_flag=True, help="Convert everything again, even unchanged inputs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary; errors only.")
def batch(
    inputs: tuple[str, ...],
    outdir: str,
    jobs: int | None,
    scheduler: str | None,
    dashboard: bool,
    formats: tuple[str, ...],
    options: ConvertOptions,
    config_file: str | None,
    validate: bool,
    report_path: str | None,
    index_path: Path | None,
    force: bool,
    quiet: bool,
) -> RunOutcome:
    """Convert every INPUT (files, folders of *.txt, glob patterns) into OUTDIR.

    Each input is converted as `tei-plenum convert` would, with the same options. Unchanged
    inputs whose outputs exist are skipped, so an interrupted run can simply be started again.
    Exit status 1 when any input failed, 2 when an input is missing or a file of the run
    cannot be written, 0 otherwise.
    """
    target = Path(outdir)
    if target.exists() and not target.is_dir():
        raise click.UsageError(f"the output folder {outdir} exists and is not a folder")
    config = collection_config(inputs, config_file)
    pages = ExportOptions()
    if config is not None:
        edition = load_config(config)
        options = edition.conversion(options)
        pages = ExportOptions(css=edition.css, edition=edition.edition)
        given = click.get_current_context().get_parameter_source
        if edition.batch.formats and given("formats") is ParameterSource.DEFAULT:
            formats = edition.batch.formats
        if edition.batch.validate is not None and given("validate") is ParameterSource.DEFAULT:
            validate = edition.batch.validate
        jobs = jobs or edition.batch.jobs
    if index_path is not None and "tei" not in formats:
        raise click.UsageError("--index needs the TEI files: add tei to --to")
    settings = Settings(
        outdir=target,
        formats=formats,
        options=options,
        validate=validate,
        index=index_path,
        pages=pages,
    )
    work = plan(inputs, settings, read=(config,) if config is not None else ())
    refused = work.discovery.refused
    if not work.discovery.jobs:
        for refusal in refused:
            click.echo(f"tei-plenum: error: {refusal.source}: {refusal.reason}", err=True)
        _note_ignored(work.discovery.ignored)
        if not refused:
            raise InputError("no input files found")
        return RunOutcome.USAGE
    # Checked now rather than after converting the whole collection.
    report = output_target(report_path, work.discovery.inputs) if report_path else None
    keep = report_path is not None
    executor = executor_for(scheduler or None, jobs=jobs or _default_jobs(), dashboard=dashboard)
    # Reached before anything is written: an unreachable scheduler leaves OUTDIR untouched.
    with executor:
        if executor.dashboard is not None:
            click.echo(f"tei-plenum: batch: Dask dashboard at {executor.dashboard}", err=True)
        result = _run(work, executor, force, keep, quiet)
    outcomes = [RunOutcome.DOCUMENT_FAILED if result.totals.failed else RunOutcome.SUCCESS]
    if any(refusal.missing for refusal in refused):
        outcomes.append(RunOutcome.USAGE)
    outcomes += [report_error(problem) for problem in result.problems]
    if keep:
        try:
            write_output(report, report_json(result.outcomes, result.totals, settings))
        except InputError as exc:
            outcomes.append(report_error(exc))
    if not quiet:
        _note_ignored(work.discovery.ignored)
        for line in summary_lines(result.totals):
            click.echo(line, err=report_path == STDIO)
    return worst(outcomes)


def _note_ignored(ignored: tuple[str, ...]) -> None:
    """Say which files of the input folders were passed over, so none is left out silently."""
    if ignored:
        shown = ", ".join(ignored[:3]) + (", ..." if len(ignored) > 3 else "")
        click.echo(
            f"tei-plenum: note: {counted(len(ignored), 'file')} in the "
            f"input folders not converted (not *.txt): {shown}",
            err=True,
        )


def _run(work: Plan, executor: Executor, force: bool, keep: bool, quiet: bool) -> BatchResult:
    with progress_display(work.total, quiet) as update:

        def on_outcome(outcome: Outcome) -> None:
            if outcome.failed:
                click.echo(f"tei-plenum: error: {outcome.source}: {outcome.reason}", err=True)
            update(outcome)

        return execute(
            work, executor=executor, force=force, keep_outcomes=keep, on_outcome=on_outcome
        )


@contextmanager
def progress_display(total: int, quiet: bool) -> Iterator[Callable[[Outcome], None]]:
    """A bar on a terminal, plain periodic lines otherwise, nothing when quiet."""
    stderr = sys.stderr
    if quiet:
        yield lambda _outcome: None
    elif not stderr.isatty():
        yield PlainProgress(total, stderr).update
    else:
        with click.progressbar(
            length=total,
            label="Converting",
            file=stderr,
            show_pos=True,
            item_show_func=lambda rate: rate,
        ) as bar:
            started = monotonic()
            worked = 0

            def tick(outcome: Outcome) -> None:
                nonlocal worked
                worked += outcome.worked_on
                rate = _rate(worked, monotonic() - started)
                bar.update(1, f"{rate:.1f} files/s" if rate else "")

            yield tick
