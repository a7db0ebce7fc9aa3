"""Running a batch: plan, skip what is current, convert the rest in parallel, finish the corpus.

Work is streamed through an executor (``batch.executors``: the project's one process pool, or
a Dask cluster): inputs are hashed and submitted lazily with a bounded number in flight, so
memory stays flat whatever the size of the collection. This process keeps what the batch
owns, whatever the executor: the manifest, the totals, the report's records (in input order)
and the corpus index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from time import perf_counter

from ..errors import TeiPlenumError
from ..files import open_atomically, remove_stale_temporaries
from ..parallel import Done
from .corpus_index import INDEX_STEM, IndexEntry, write_index
from .discover import Discovery, discover
from .executors import Executor, ProcessPool
from .manifest import Manifest, settings_digest, sha256_file
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


@dataclass
class BatchResult:
    """What a finished (or interrupted) run hands to the CLI."""

    totals: Totals
    outcomes: list[Outcome] = field(default_factory=list)
    index: Path | None = None


def plan(inputs: Sequence[str], settings: Settings) -> Plan:
    """Discover the inputs; the corpus index name is reserved when HTML is written."""
    reserved = (PurePosixPath(INDEX_STEM),) if "html" in settings.formats else ()
    found = discover(inputs, settings.outdir, suffixes=settings.suffixes, reserved=reserved)
    return Plan(settings, found)


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
    """
    started = perf_counter()
    settings = batch.settings
    # Built here first so that a bad authority file or schema stops the run before it starts;
    # forked workers inherit the compiled objects instead of building them again.
    prepare(settings)
    settings.outdir.mkdir(parents=True, exist_ok=True)
    # A run killed outright (kill -9, power loss) may have left half-written temporaries.
    remove_stale_temporaries(settings.outdir)
    manifest = Manifest.load(settings.outdir, settings_digest(settings))
    result = BatchResult(Totals())
    try:
        work = _tasks(batch, manifest, force)
        for finished in (executor or ProcessPool(jobs)).outcomes(work, settings):
            # Kept outcomes then share their entity records with the manifest's.
            summary = finished.summary
            outcome = (
                finished if summary is None else replace(finished, summary=manifest.share(summary))
            )
            manifest.record(outcome)
            manifest.save(force=False)
            result.totals.add(outcome)
            if keep_outcomes:
                result.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        manifest.save()
    if keep_outcomes:  # an executor may finish inputs out of order; the report is in input order
        order = {str(job.rel): number for number, job in enumerate(batch.discovery.jobs)}
        result.outcomes.sort(key=lambda outcome: order.get(outcome.rel, -1))
    if "html" in settings.formats:
        result.index = settings.outdir / f"{INDEX_STEM}.html"
        # The manifest holds the summary of every document converted now or earlier.
        stems = (str(job.rel) for job in batch.discovery.jobs)
        entries = [IndexEntry.of(rel, s) for rel in stems if (s := manifest.summary(rel))]
        with open_atomically(result.index) as handle:
            write_index(entries, handle)
    result.totals.wall_time = perf_counter() - started
    return result


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
            yield Task(job, input_sha, sidecar_sha)
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
