"""Batch conversion of whole collections: discover, convert in parallel, resume, report.

``plan`` finds the inputs and decides every output path up front; ``execute`` converts,
validates and exports them on an executor (the process pool, or a Dask cluster from
``executor_for``), keeps a resumable manifest in the output folder and writes the corpus
index. The work on one input is ``process(task, settings)``, a top-level function any
executor can run; what it needs compiled is built once per process (``prepare`` builds it
ahead). The CLI command ``tei-plenum batch`` is a thin layer over these.
"""

from __future__ import annotations

from .discover import Discovery, Job, Refusal, discover
from .executors import Executor, ProcessPool, executor_for
from .manifest import MANIFEST_NAME
from .report import Totals, outcome_record, report_json, summary_lines
from .runner import BatchResult, Plan, execute, plan
from .worker import FORMATS, Outcome, Settings, Status, Summary, Task, prepare, process

__all__ = [
    "FORMATS",
    "MANIFEST_NAME",
    "BatchResult",
    "Discovery",
    "Executor",
    "Job",
    "Outcome",
    "Plan",
    "ProcessPool",
    "Refusal",
    "Settings",
    "Status",
    "Summary",
    "Task",
    "Totals",
    "discover",
    "execute",
    "executor_for",
    "outcome_record",
    "plan",
    "prepare",
    "process",
    "report_json",
    "summary_lines",
]
