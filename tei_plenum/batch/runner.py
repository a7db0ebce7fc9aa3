"""Running a batch: plan, skip what is current, convert the rest in parallel, finish the corpus.

Work is streamed through an executor (``batch.executors``: the project's one process pool, or
a Dask cluster): inputs are hashed and submitted lazily with a bounded number in flight, so
memory stays flat whatever the size of the collection. This process keeps what the batch
owns, whatever the executor: the manifest, the totals, the report's records (in input order),
the corpus index and the search database.

Every file the run writes obeys the output rule (:func:`tei_plenum.files.check_output`), and
the output folder is locked for the whole run (:func:`tei_plenum.files.folder_lock`), so two
runs never write into one folder at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from time import perf_counter

from ..errors import InputError, TeiPlenumError
from ..files import check_output, folder_lock, make_folder, open_atomically
from ..parallel import Done
from .corpus_index import INDEX_STEM, IndexEntry, write_index
from .discover import Discovery, discover
from .executors import Executor, ProcessPool
from .indexing import BatchIndex
from .manifest import MANIFEST_NAME, Manifest, settings_digest, sha256_file
from .report import Totals
from .worker import Outcome, Settings, Status, Task, describe, prepare


@dataclass(frozen=True, slots=True)
class Plan:
    """A batch ready to run: what was found and the settings it runs with."""

    settings: Settings
    discovery: Discovery

    @property
    def total(self) -> int:
        return len(self.discovery.jobs) + len(self.discovery.refused)

    @property
    def index(self) -> Path | None:
        """The corpus index, written when HTML is."""
        settings = self.settings
        return settings.outdir / f"{INDEX_STEM}.html" if "html" in settings.formats else None

    @property
    def own_files(self) -> tuple[Path, ...]:
        """The files of the run itself: the manifest, the corpus index and the search
        database."""
        extra = (self.index, self.settings.index)
        return (self.settings.outdir / MANIFEST_NAME, *(path for path in extra if path))


@dataclass
class BatchResult:
    """What a finished (or interrupted) run hands to the CLI. ``problems`` are the files of
    the run itself (manifest, corpus index) that could not be written."""

    totals: Totals
    outcomes: list[Outcome] = field(default_factory=list)
    index: Path | None = None
    problems: list[InputError] = field(default_factory=list)


def plan(inputs: Sequence[str], settings: Settings, *, read: Sequence[Path] = ()) -> Plan:
    """Discover the inputs; the corpus index name is reserved when HTML is written. ``read``
    names the other files the run reads (its configuration), which no output may replace.

    A manifest or corpus index that breaks the output rule (as they do when the output folder
    is an input folder) stops the run here (:class:`InputError`), before anything is written.
    """
    reserved = (PurePosixPath(INDEX_STEM),) if "html" in settings.formats else ()
    found = discover(
        inputs,
        settings.outdir,
        suffixes=settings.suffixes,
        reserved=reserved,
        protected=(*settings.options.authority_files, *read),
    )
    work = Plan(settings, found)
    for own in work.own_files:
        check_output(own, found.inputs)
    return work


def execute(
    batch: Plan,
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    force: bool = False,
    keep_outcomes: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Run the plan on ``executor`` (an open one; default the process pool of ``jobs``
    workers); ``on_outcome`` sees every input as it finishes (progress, messages).

    On Ctrl-C the manifest is saved before the interrupt propagates, so a re-run resumes, on
    this executor or another.
    A folder that cannot be written at all, or another run holding it, stops the run before
    it starts (:class:`InputError`); a manifest or index that cannot be written later (a
    full disk) becomes one of ``problems`` and the run goes on.
    """
    started = perf_counter()
    settings = batch.settings
    # Built here first so that a bad authority file or schema stops the run before it starts;
    # forked workers inherit the compiled objects instead of building them again.
    prepare(settings)
    index = batch.index
    make_folder(settings.outdir)
    with folder_lock(settings.outdir):
        manifest = Manifest.load(settings.outdir, settings_digest(settings))
        manifest.begin_run()
        result = BatchResult(Totals())
        database = BatchIndex(settings.index, settings) if settings.index is not None else None
        try:
            running = executor or ProcessPool(jobs)
            _convert(batch, manifest, database, result, running, force, keep_outcomes, on_outcome)
        finally:
            _saved(result, manifest.save)
            if database is not None:
                database.close()
        # An executor may finish inputs out of order; the report keeps input order.
        if keep_outcomes:
            order = {str(job.rel): number for number, job in enumerate(batch.discovery.jobs)}
            result.outcomes.sort(key=lambda outcome: order.get(outcome.rel, -1))
        if index is not None:
            # The manifest holds the summary of every document converted now or earlier.
            stems = (str(job.rel) for job in batch.discovery.jobs)
            entries = [IndexEntry.of(rel, s) for rel in stems if (s := manifest.summary(rel))]
            edition = settings.pages.edition
            title = edition.title if edition is not None else ""
            if _saved(result, _write_index, index, entries, title, manifest.tag):
                result.index = index
        _saved(result, manifest.end_run)
    result.totals.wall_time = perf_counter() - started
    return result


def _convert(
    batch: Plan,
    manifest: Manifest,
    database: BatchIndex | None,
    result: BatchResult,
    executor: Executor,
    force: bool,
    keep_outcomes: bool,
    on_outcome: Callable[[Outcome], None] | None,
) -> None:
    """Every input through the executor, into the manifest and the totals. The stream of
    outcomes is closed on the way out, so that no worker still writes when the run has ended.
    With ``batch --index``, each outcome's rows go into the search database first."""
    work = _tasks(batch, manifest, force)
    results = executor.outcomes(work, batch.settings)
    with closing(results):
        for finished in results:
            if database is not None:
                finished = database.record(finished)
            # Kept outcomes then share their entity records with the manifest's.
            summary = finished.summary
            outcome = (
                finished if summary is None else replace(finished, summary=manifest.share(summary))
            )
            manifest.record(outcome)
            _saved(result, manifest.save, force=False)
            result.totals.add(outcome)
            if keep_outcomes:
                result.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)


def _write_index(path: Path, entries: list[IndexEntry], title: str, tag: str) -> None:
    with open_atomically(path, tag=tag) as handle:
        write_index(entries, handle, title)


def _saved(result: BatchResult, write: Callable[..., None], *args: object, **kwargs: bool) -> bool:
    """Call ``write``, telling whether it wrote; a file of the run that cannot be written is
    kept as one problem, however often the run tries."""
    try:
        write(*args, **kwargs)
    except InputError as exc:
        if str(exc) not in (str(problem) for problem in result.problems):
            result.problems.append(exc)
        return False
    return True


def _tasks(batch: Plan, manifest: Manifest, force: bool) -> Iterator[Done[Outcome] | Task]:
    """Refusals, then each job as a current (skipped) outcome or a task to run."""
    for refusal in batch.discovery.refused:
        yield Done(Outcome(refusal.source, "", Status.REFUSED, reason=refusal.reason))
    for job in batch.discovery.jobs:
        try:
            input_sha = sha256_file(job.source)
            sidecar_sha = sha256_file(job.sidecar) if job.sidecar is not None else None
        except TeiPlenumError as exc:
            reason = describe(exc, str(job.source))
            yield Done(Outcome(str(job.source), str(job.rel), Status.FAILED, reason=reason))
            continue
        entry = None if force else manifest.current(str(job.rel), input_sha, sidecar_sha)
        if entry is None:
            yield Task(job, input_sha, sidecar_sha, manifest.tag)
        else:
            skipped = Outcome(
                str(job.source),
                str(job.rel),
                Status.SKIPPED,
                summary=entry.summary,
                outputs=entry.outputs,
                input_sha=input_sha,
                sidecar_sha=sidecar_sha,
            )
            yield Done(skipped)
