"""The search database a batch builds as it goes (``batch --index``).

Workers read the rows of each converted document from the tree they already hold and send
them in their outcome (:class:`~tei_plenum.search.indexer.IndexedFile`); the parent, the only
writer, puts each document in the database in one transaction as its outcome arrives. An input
skipped as unchanged is indexed from its TEI file unless the database holds those very bytes;
at the end, documents whose TEI file is gone are removed. The database thus stays current by
its own content hashes, whatever the manifest says.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from ..search.indexer import CorpusWriter, Status, index_file
from .worker import TEI_SUFFIX, Outcome, Settings
from .worker import Status as BatchStatus

_CONVERTED = frozenset({BatchStatus.CONVERTED, BatchStatus.INVALID})


class BatchIndex:
    """The parent's side of ``batch --index``."""

    def __init__(self, database: Path, settings: Settings) -> None:
        self.settings = settings
        self.writer = CorpusWriter.open(database)

    def record(self, outcome: Outcome) -> Outcome:
        """Write what ``outcome`` brings; the outcome comes back without its rows (so a kept
        outcome stays small), or failed when its document could not be written."""
        tei = self._tei_path(outcome)
        failure = None
        if outcome.status in _CONVERTED and outcome.search is not None and tei is not None:
            try:
                self.writer.write(tei, outcome.search.sha256, outcome.search.rows)
            except sqlite3.IntegrityError as exc:
                failure = f"internal error: {exc}"
        elif outcome.status is BatchStatus.SKIPPED and tei is not None:
            written = index_file(self.writer, tei, self.settings.options.authority_files)
            failure = written.reason if written.status is Status.FAILED else None
        if failure is not None:
            reason = f"cannot index {tei}: {failure}"
            return replace(outcome, status=BatchStatus.FAILED, reason=reason, search=None)
        return replace(outcome, search=None)

    def close(self) -> None:
        """Remove the documents whose TEI file is gone, and close the database."""
        try:
            for key in self.writer.missing():
                self.writer.remove(key)
        finally:
            self.writer.close()

    def _tei_path(self, outcome: Outcome) -> Path | None:
        name = next((o for o in outcome.outputs if o.endswith(TEI_SUFFIX)), None)
        return self.settings.outdir / name if name is not None else None
