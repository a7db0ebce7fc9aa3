"""The resumable state of a batch: which inputs were converted, from what, with which settings.

The manifest lives in OUTDIR as JSON and is only ever replaced atomically, so an interrupted
run leaves either the previous or the newer version. It is written after the outputs it
describes, at most once a second while the batch runs (see :meth:`Manifest.save`): after a
crash it may lag behind the outputs, which only means that the last few files are converted
again.

It also names the runs that have not finished (``unfinished``): every temporary file a run
writes carries its tag, recorded here before the first write, so that the next run removes
exactly the temporaries a killed run left behind and never a user's file that looks like one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from time import monotonic
from typing import Any

from ..files import new_tag, read_regular_file, remove_temporaries, write_atomically
from ..resources import data_path, schema_path
from ..validate.validator import DEFAULT_SCHEMAS
from .worker import EntityRef, Outcome, Settings, Status, Summary

MANIFEST_NAME = ".tei-plenum-batch.json"
FORMAT = 1
SAVE_INTERVAL = 1.0


def sha256_file(path: Path) -> str:
    return hashlib.sha256(read_regular_file(path)).hexdigest()


def package_version() -> str:
    try:
        return version("tei-plenum")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def settings_digest(settings: Settings) -> str:
    """One hash of everything besides the input that shapes the outputs."""
    options = settings.options
    authority = [data_path("authority.xml"), *options.authority_files]
    schemas = [schema_path(name) for name in DEFAULT_SCHEMAS] if settings.validate else []
    described = {
        "version": package_version(),
        "formats": list(settings.formats),
        "validate": settings.validate,
        "encoding": options.encoding,
        "enrich": options.enrich,
        "revision_date": options.revision_date,
        "pages": asdict(settings.pages),
        "defaults": {key: getattr(options.defaults, key) for key in options.defaults.keys},
        "authority": [sha256_file(path) for path in authority],
        "schemas": [sha256_file(path) for path in schemas],
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One converted input: the hashes it was made from, its outputs and its summary."""

    input: str
    sidecar: str | None
    settings: str
    outputs: tuple[str, ...]
    summary: Summary

    def to_json(self, numbers: dict[EntityRef, int]) -> dict[str, Any]:
        """As JSON, each entity given by its number in the manifest's entity table."""
        summary = self.summary.to_json()
        summary["entities"] = [numbers[e] for e in self.summary.entities]
        return {
            "input": self.input,
            "sidecar": self.sidecar,
            "settings": self.settings,
            "outputs": list(self.outputs),
            "summary": summary,
        }


@dataclass
class Manifest:
    """Per output stem, the :class:`Entry` of its last successful conversion.

    Each entry's JSON is made once, when it is recorded or loaded, so that saving a large
    manifest costs one ``json.dumps`` and nothing per entry.
    """

    path: Path
    settings: str
    entries: dict[str, Entry] = field(default_factory=dict)
    clock: Callable[[], float] = monotonic
    # The tag of this run's temporary files, and the tags of runs that have not finished.
    tag: str = field(default_factory=new_tag)
    unfinished: list[str] = field(default_factory=list)
    # Every distinct (type, key, name) once, numbered in order of first sight: summaries
    # share these tuples, and the JSON refers to them by number.
    _table: list[EntityRef] = field(default_factory=list)
    _numbers: dict[EntityRef, int] = field(default_factory=dict)
    _json: dict[str, dict[str, Any]] = field(default_factory=dict)
    _saved_at: float | None = None
    _save_cost: float = 0.0

    @classmethod
    def load(cls, outdir: Path, settings: str) -> Manifest:
        """Read OUTDIR's manifest; an unreadable or foreign one counts as empty (redo all)."""
        manifest = cls(outdir / MANIFEST_NAME, settings)
        try:
            data = json.loads(read_regular_file(manifest.path))
            if data["format"] != FORMAT:
                return manifest
            manifest.unfinished = [str(tag) for tag in data.get("unfinished", [])]
            for kind, key, name in data["entities"]:
                manifest.number((str(kind), str(key), str(name)))
            for rel, entry in data["entries"].items():
                summary = entry["summary"]
                refs = [manifest._table[number] for number in summary["entities"]]
                manifest.entries[rel] = Entry(
                    input=entry["input"],
                    sidecar=entry["sidecar"],
                    settings=entry["settings"],
                    outputs=tuple(entry["outputs"]),
                    summary=manifest.share(Summary.from_json({**summary, "entities": refs})),
                )
                manifest._json[rel] = entry
        except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError):
            return cls(manifest.path, settings)
        return manifest

    def begin_run(self) -> None:
        """Remove the temporaries of runs that never finished (killed outright, power loss),
        and record this run's tag before it writes anything; raises
        :class:`~tei_plenum.errors.InputError` when the folder cannot be written."""
        remove_temporaries(self.path.parent, self.unfinished)
        self.unfinished = [self.tag]
        self.save()

    def end_run(self) -> None:
        """Record that this run finished: no temporary of it remains."""
        self.unfinished = []
        self.save()

    def number(self, entity: EntityRef) -> int:
        """The entity's number in the table, adding it if it is new."""
        found = self._numbers.setdefault(entity, len(self._table))
        if found == len(self._table):
            self._table.append(entity)
        return found

    def share(self, summary: Summary) -> Summary:
        """The summary with each entity triple replaced by the one copy this manifest keeps:
        a corpus names the same people again and again, so memory grows with the distinct
        names, not with the mentions."""
        entities = tuple(self._table[self.number(e)] for e in summary.entities)
        return replace(summary, entities=entities)

    def current(self, rel: str, input_sha: str, sidecar_sha: str | None) -> Entry | None:
        """The entry when ``rel`` was converted from these very bytes and settings and all its
        outputs still exist; None means it must be converted again."""
        entry = self.entries.get(rel)
        if (
            entry is None
            or (entry.input, entry.sidecar, entry.settings)
            != (input_sha, sidecar_sha, self.settings)
            or not all((self.path.parent / name).is_file() for name in entry.outputs)
        ):
            return None
        return entry

    def summary(self, rel: str) -> Summary | None:
        entry = self.entries.get(rel)
        return entry.summary if entry is not None else None

    def record(self, outcome: Outcome) -> None:
        """Remember a converted input; a failed one is forgotten so that it is redone."""
        if outcome.status is Status.SKIPPED:
            return
        if outcome.status is not Status.CONVERTED or outcome.summary is None:
            self.entries.pop(outcome.rel, None)
            self._json.pop(outcome.rel, None)
            return
        entry = Entry(
            input=outcome.input_sha or "",
            sidecar=outcome.sidecar_sha,
            settings=self.settings,
            outputs=outcome.outputs,
            summary=self.share(outcome.summary),
        )
        self.entries[outcome.rel] = entry
        self._json[outcome.rel] = entry.to_json(self._numbers)

    def save(self, *, force: bool = True) -> None:
        """Replace the file atomically. Unless ``force``, wait at least a second and ten times
        as long as the last save took, so that saving a large manifest costs the run at most a
        tenth of the parent's time."""
        now = self.clock()
        wait = max(SAVE_INTERVAL, 10 * self._save_cost)
        if not force and self._saved_at is not None and now - self._saved_at < wait:
            return
        data = {
            "format": FORMAT,
            "version": package_version(),
            "entries": {rel: self._json[rel] for rel in sorted(self._json)},
            "entities": self._table,
            "unfinished": self.unfinished,
        }
        data_bytes = json.dumps(data, separators=(",", ":")).encode()
        write_atomically(self.path, data_bytes, tag=self.tag)
        self._saved_at = self.clock()
        self._save_cost = self._saved_at - now
