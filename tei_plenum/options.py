"""Frozen option objects passed explicitly through the pipeline (no module globals).

:class:`ConvertOptions` is the one description of how a document is converted: ``convert``,
``batch`` (inside its settings) and the Python API all hand it to the same function. It is
picklable, so it travels with the work to any worker process.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import pattern_cache
from .errors import ConfigError
from .metadata import Sidecar


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """What the caller can change about a conversion; the defaults give the house encoding.

    An unknown ``encoding`` or a ``revision_date`` that is not a calendar date is refused
    here, so a run stops before its first document.
    """

    encoding: str | None = None
    metadata: Sidecar = field(default_factory=Sidecar)
    defaults: Sidecar = field(default_factory=Sidecar)
    """Catalogue values of the collection (``tei-plenum.toml``'s ``[defaults]``), used where
    neither the sidecar nor the text gives one."""
    authority_files: tuple[Path, ...] = ()
    enrich: bool = True
    revision_date: str | None = None

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise ConfigError(f"unknown encoding {self.encoding!r}") from None
        if self.revision_date is not None:
            check_date(self.revision_date)


_ISO_DATE = pattern_cache.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str) -> str:
    """``value`` when it is a calendar date written YYYY-MM-DD (the form of ``@when``);
    otherwise a :class:`ConfigError`, since the TEI would carry an impossible date."""
    try:
        if _ISO_DATE.fullmatch(value):
            date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ConfigError(f"{value!r} is not a calendar date written YYYY-MM-DD")
