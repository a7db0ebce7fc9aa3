"""The resumable state of a batch: which inputs were converted, from what, with which settings.

The manifest lives in OUTDIR as JSON and is only ever replaced atomically, so an interrupted
run leaves either the previous or the newer version. It is written after the outputs it
describes, at most once a second while the batch runs: after a crash it may lag behind the
outputs, which only means that the last few files are converted again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from time import monotonic
from typing import Any

from ..files import read_regular_file, write_atomically
from ..resources import data_path, schema_path
from ..validate.validator import DEFAULT_SCHEMAS
from .worker import Outcome, Settings, Status, Summary

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
    authority = [data_path("authority.xml"), *settings.authority_files]
    schemas = [schema_path(name) for name in DEFAULT_SCHEMAS] if settings.validate else []
    described = {
        "version": package_version(),
        "formats": list(settings.formats),
        "validate": settings.validate,
        "authority": [sha256_file(path) for path in authority],
        "schemas": [sha256_file(path) for path in schemas],
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


@dataclass
class Manifest:
    """Per input stem: the hashes it was converted from, its outputs and its summary."""

    path: Path
    settings: str
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    clock: Callable[[], float] = monotonic
    _saved_at: float = 0.0

    @classmethod
    def load(cls, outdir: Path, settings: str) -> Manifest:
        """Read OUTDIR's manifest; an unreadable or foreign one counts as empty (redo all)."""
        path = outdir / MANIFEST_NAME
        manifest = cls(path, settings)
        try:
            data = json.loads(read_regular_file(path))
        except (OSError, ValueError):
            return manifest
        if isinstance(data, dict) and data.get("format") == FORMAT:
            entries = data.get("entries")
            if isinstance(entries, dict):
                manifest.entries = entries
        return manifest

    def current(self, rel: str, input_sha: str, sidecar_sha: str | None) -> Summary | None:
        """The stored summary when ``rel`` was converted from these very bytes and settings
        and all its outputs still exist; None means it must be converted again."""
        entry = self.entries.get(rel)
        if (
            not isinstance(entry, dict)
            or entry.get("input") != input_sha
            or entry.get("sidecar") != sidecar_sha
            or entry.get("settings") != self.settings
        ):
            return None
        outputs = entry.get("outputs", [])
        if not all((self.path.parent / name).is_file() for name in outputs):
            return None
        try:
            return Summary.from_json(entry["summary"])
        except (KeyError, TypeError):
            return None

    def outputs(self, rel: str) -> list[str]:
        return list(self.entries.get(rel, {}).get("outputs", []))

    def record(self, outcome: Outcome) -> None:
        """Remember a finished input; a failed one is forgotten so that it is redone."""
        if outcome.status is Status.SKIPPED:
            return
        if outcome.status is not Status.CONVERTED or outcome.summary is None:
            self.entries.pop(outcome.rel, None)
            return
        self.entries[outcome.rel] = {
            "input": outcome.input_sha,
            "sidecar": outcome.sidecar_sha,
            "settings": self.settings,
            "outputs": list(outcome.outputs),
            "summary": outcome.summary.to_json(),
        }

    def save(self, *, force: bool = True) -> None:
        """Replace the file atomically; unless ``force``, at most once per interval."""
        now = self.clock()
        if not force and now - self._saved_at < SAVE_INTERVAL:
            return
        data = {"format": FORMAT, "version": package_version(), "entries": self.entries}
        write_atomically(self.path, json.dumps(data, indent=1, sort_keys=True).encode())
        self._saved_at = now
