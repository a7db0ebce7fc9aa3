"""Totals for the end-of-run table and the per-input JSON report."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..vocabulary import ENTITY_KINDS
from ..wording import counted
from .worker import NOT_WORKED_ON, Outcome, Settings, Status

ENTITY_LABELS = {str(kind.type): kind.plural for kind in ENTITY_KINDS}


@dataclass
class Totals:
    """Running totals over outcomes; only counts and key sets, never documents."""

    statuses: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    distinct: dict[str, set[str]] = field(default_factory=dict)
    date_mentions: int = 0
    dated: int = 0
    first_date: str | None = None
    last_date: str | None = None
    validation_errors: int = 0
    wall_time: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.statuses[outcome.status] += 1
        self.validation_errors += outcome.validation_errors
        summary = outcome.summary
        if summary is None:
            return
        self.pages += summary.pages
        self.date_mentions += summary.date_mentions
        for kind, key, _name in summary.entities:
            self.entities[kind] += 1
            self.distinct.setdefault(kind, set()).add(key)
        if summary.date_sort:
            self.dated += 1
            self.first_date = min(filter(None, (self.first_date, summary.date_sort)))
            self.last_date = max(filter(None, (self.last_date, summary.date_sort)))

    @property
    def documents(self) -> int:
        return self.statuses.total()

    @property
    def processed(self) -> int:
        """Inputs this run worked on: neither skipped as unchanged nor refused up front."""
        return sum(n for status, n in self.statuses.items() if status not in NOT_WORKED_ON)

    @property
    def failed(self) -> int:
        return sum(self.statuses[s] for s in (Status.FAILED, Status.INVALID, Status.REFUSED))

    def to_json(self) -> dict[str, Any]:
        return {
            "inputs": self.documents,
            "converted": self.statuses[Status.CONVERTED],
            "failed": self.failed,
            "skipped": self.statuses[Status.SKIPPED],
            "by_status": dict(sorted(self.statuses.items())),
            "pages": self.pages,
            "entities": {k: self.entities[k] for k in ENTITY_LABELS},
            "distinct_entities": {k: len(self.distinct.get(k, ())) for k in ENTITY_LABELS},
            "date_mentions": self.date_mentions,
            "dated_documents": self.dated,
            "date_range": [self.first_date, self.last_date] if self.dated else None,
            "validation_errors": self.validation_errors,
            "wall_time_s": round(self.wall_time, 3),
        }


def summary_lines(totals: Totals) -> list[str]:
    """The end-of-run table, one row per line, labels in a column of their own."""
    entities = ", ".join(
        f"{label} {totals.entities[kind]} ({len(totals.distinct.get(kind, ()))} distinct)"
        for kind, label in ENTITY_LABELS.items()
    )
    span = f", {totals.first_date} to {totals.last_date}" if totals.dated else ""
    # The rate of the inputs worked on: a run that only skipped has none to report.
    rate = (
        f" ({totals.processed / totals.wall_time:.1f} files/s)"
        if totals.processed and totals.wall_time > 0
        else ""
    )
    rows = [
        (
            "files",
            f"{counted(totals.documents, 'input')}: {totals.statuses[Status.CONVERTED]} "
            f"converted, {totals.failed} failed, {totals.statuses[Status.SKIPPED]} skipped "
            "(unchanged)",
        ),
        ("pages", str(totals.pages)),
        ("entities", entities),
        (
            "dates",
            f"{counted(totals.date_mentions, 'mention')}; "
            f"{counted(totals.dated, 'document')} dated{span}",
        ),
        ("validation", counted(totals.validation_errors, "error")),
        ("wall time", f"{totals.wall_time:.2f} s{rate}"),
    ]
    return [f"{label:<11}{value}" for label, value in rows]


def outcome_record(outcome: Outcome) -> dict[str, Any]:
    """One input's JSON record: what happened, how long it took, what it holds and produced."""
    summary = outcome.summary
    checked = outcome.validated
    return {
        "source": outcome.source,
        "output_stem": outcome.rel or None,
        "status": str(outcome.status),
        "reason": outcome.reason,
        "timings_s": {k: round(v, 6) for k, v in outcome.timings.items()},
        "counts": None
        if summary is None
        else {
            "pages": summary.pages,
            "entities": {k: summary.entity_counts()[k] for k in ENTITY_LABELS},
            "date_mentions": summary.date_mentions,
            "warnings": summary.warnings,
        },
        "document": None
        if summary is None
        else {
            "title": summary.title,
            "date": summary.date or None,
            "kind": summary.kind,
            "classification": summary.classification or None,
            "classification_level": summary.classification_level or None,
        },
        "outputs": list(outcome.outputs),
        "validation": {
            "checked": checked,
            "valid": outcome.validation_errors == 0 if checked else None,
            "errors": outcome.validation_errors,
            "messages": list(outcome.validation_messages),
        },
    }


def report_json(outcomes: Iterable[Outcome], totals: Totals, settings: Settings) -> bytes:
    """The ``--report`` file: settings, totals and one record per input, in input order."""
    options = settings.options
    data = {
        "output_folder": str(settings.outdir),
        "formats": list(settings.formats),
        "validated": settings.validate,
        "conversion": {
            "encoding": options.encoding,
            "enrich": options.enrich,
            "revision_date": options.revision_date,
            "authority_files": [str(path) for path in options.authority_files],
        },
        "totals": totals.to_json(),
        "files": [outcome_record(outcome) for outcome in outcomes],
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
