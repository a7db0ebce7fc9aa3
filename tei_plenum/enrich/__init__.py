"""Enrichers: each takes a :class:`~tei_plenum.model.Document` and returns a richer one.

They run in the fixed order of :data:`ENRICHERS`. None ever changes a block's text: they only
add marks (names, dates, labels), containers (speaker turns) and records (entities,
participants). The one costly thing they need, the authority's name automaton, comes from the
conversion's options through :func:`authority_for`, compiled once per process.
"""

from __future__ import annotations

from collections.abc import Callable

from ..authority import Authority
from ..model import Document
from ..options import ConvertOptions
from .brackets import classify_brackets, finalize_brackets
from .catalogue import identify_markings
from .dates import enrich_dates
from .home_ministry import link_home_ministry
from .names import enrich_names
from .notes import link_notes
from .phrases import mark_phrases
from .shortened import link_shortened
from .signatures import split_signatures
from .speakers import mark_speakers


def authority_for(options: ConvertOptions) -> Authority | None:
    """The authority names are matched against: the bundled file plus ``authority_files``
    (theirs win), compiled once per process; None when ``enrich`` is off."""
    return Authority.load(options.authority_files) if options.enrich else None


Step = Callable[[Document, Authority | None], Document]

# The fixed order of enrichment; each step's docstring says what it needs from earlier ones.
# The flag marks the steps of full enrichment, skipped without an authority.
ENRICHERS: tuple[tuple[str, Step, bool], ...] = (
    ("brackets", lambda doc, _: classify_brackets(doc), False),
    ("notes", lambda doc, _: link_notes(doc), False),
    ("dates", lambda doc, _: enrich_dates(doc), True),
    ("names", lambda doc, a: enrich_names(doc, a) if a is not None else doc, True),
    ("shortened-names", lambda doc, _: link_shortened(doc), True),
    ("home-ministry", lambda doc, a: link_home_ministry(doc, a) if a is not None else doc, True),
    ("signatures", lambda doc, a: split_signatures(doc, a), True),
    ("speakers", lambda doc, _: mark_speakers(doc), False),
    ("phrases", lambda doc, _: mark_phrases(doc), True),
    ("finalize-brackets", lambda doc, _: finalize_brackets(doc), False),
    ("marking-ids", lambda doc, _: identify_markings(doc), False),
)


def enrich(doc: Document, authority: Authority | None) -> Document:
    """Run every enricher in order; without an authority (``--no-enrich``) only structure and
    brackets: no names, dates or measures."""
    for _name, step, needs_full in ENRICHERS:
        if authority is not None or not needs_full:
            doc = step(doc, authority)
    return doc
