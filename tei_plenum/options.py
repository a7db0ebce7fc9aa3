"""Frozen option objects passed explicitly through the pipeline (no module globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .metadata import Sidecar


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """What the caller can change about a conversion; the defaults give the house encoding."""

    encoding: str | None = None
    metadata: Sidecar = field(default_factory=Sidecar)
    authority_files: tuple[Path, ...] = ()
    enrich: bool = True
    revision_date: str | None = None
