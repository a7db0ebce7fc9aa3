"""Frozen option objects passed explicitly through the pipeline (no module globals)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """What the caller can change about a conversion; the defaults give the house encoding."""

    encoding: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    authority_files: tuple[Path, ...] = ()
    enrich: bool = True
    revision_date: str | None = None
