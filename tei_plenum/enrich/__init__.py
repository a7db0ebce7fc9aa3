"""Enrichers: each takes a :class:`~tei_plenum.model.Document` and returns a richer one.

They run in the fixed order of :data:`ENRICHERS`. None ever changes a block's text: they only
add marks (names, dates, labels), containers (speaker turns) and records (entities,
participants). Matchers that are costly to build (the authority automaton) live in an
:class:`Enrichment` built once per process and passed in explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..authority import Authority
from ..model import Document
from .brackets import classify_brackets, finalize_brackets
from .catalogue import identify_markings
from .dates import enrich_dates
from .names import enrich_names
from .phrases import mark_phrases
from .signatures import split_signatures
from .speakers import mark_speakers


@dataclass(frozen=True, slots=True)
class Enrichment:
    """What enrichment needs that is built once: the authority (None: no name matching)."""

    authority: Authority | None

    @classmethod
    def load(cls, authority_files: Sequence[Path] = ()) -> Enrichment:
        """The bundled authority plus the user's files (theirs win), compiled once."""
        return cls(Authority.load(tuple(authority_files)))

    @classmethod
    def minimal(cls) -> Enrichment:
        """Structure only: brackets and speaker turns, no names, dates or measures."""
        return cls(None)


Step = Callable[[Document, Enrichment], Document]

# The fixed order of enrichment; each step's docstring says what it needs from earlier ones.
ENRICHERS: tuple[tuple[str, Step, bool], ...] = (
    ("brackets", lambda doc, _: classify_brackets(doc), False),
    ("dates", lambda doc, _: enrich_dates(doc), True),
    ("names", lambda doc, e: enrich_names(doc, e.authority) if e.authority else doc, True),
    ("signatures", lambda doc, _: split_signatures(doc), True),
    ("speakers", lambda doc, _: mark_speakers(doc), False),
    ("phrases", lambda doc, _: mark_phrases(doc), True),
    ("finalize-brackets", lambda doc, _: finalize_brackets(doc), False),
    ("marking-ids", lambda doc, _: identify_markings(doc), False),
)


def enrich(doc: Document, enrichment: Enrichment) -> Document:
    """Run every enricher in order; the minimal enrichment skips names, dates and measures."""
    full = enrichment.authority is not None
    for _name, step, needs_full in ENRICHERS:
        if full or not needs_full:
            doc = step(doc, enrichment)
    return doc
