"""Frozen option objects passed explicitly through the pipeline (no module globals).

:class:`ConvertOptions` is the one description of how a document is converted: ``convert``,
``batch`` (inside its settings) and the Python API all hand it to the same function. It is
picklable, so it travels with the work to any worker process.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .metadata import Sidecar


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """What the caller can change about a conversion; the defaults give the house encoding.

    An unknown ``encoding`` is refused here, so a run stops before its first document.
    """

    encoding: str | None = None
    metadata: Sidecar = field(default_factory=Sidecar)
    authority_files: tuple[Path, ...] = ()
    enrich: bool = True
    revision_date: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise ConfigError(f"unknown encoding {self.encoding!r}") from None
