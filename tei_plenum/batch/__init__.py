"""Batch conversion of whole collections: discover, convert in parallel, resume, report.

``plan`` finds the inputs and decides every output path up front; ``execute`` converts,
validates and exports them on a process pool, keeps a resumable manifest in the output folder
and writes the corpus index. The CLI command ``tei-plenum batch`` is a thin layer over these.
"""

from __future__ import annotations

from .discover import Discovery, Job, Refusal, discover
from .manifest import MANIFEST_NAME
from .report import Totals, outcome_record, report_json, summary_lines
from .runner import BatchResult, Plan, execute, plan
from .worker import FORMATS, Outcome, Settings, Status, Summary

__all__ = [
    "FORMATS",
    "MANIFEST_NAME",
    "BatchResult",
    "Discovery",
    "Job",
    "Outcome",
    "Plan",
    "Refusal",
    "Settings",
    "Status",
    "Summary",
    "Totals",
    "discover",
    "execute",
    "outcome_record",
    "plan",
    "report_json",
    "summary_lines",
]
