"""Search a converted collection: a SQLite corpus database, its queries, and Datasette.

:func:`index_files` builds the database from any TEI files (:mod:`.rows` reads what one
document gives, :mod:`.indexer` writes it, :mod:`.schema` defines it); :func:`search` queries
it with full-text syntax and facets; :func:`datasette_metadata` describes it for Datasette.

The package itself can be called as the search: ``tei_plenum.search(db, "query", person=…)``
is :func:`search`, since ``tei_plenum.search`` is also the name of this package.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

from .datasette import datasette_metadata, write_metadata
from .indexer import CorpusWriter, FileOutcome, IndexTotals, Status, index_files
from .query import Facet, FacetValue, Hit, QueryError, SearchResult, Snippet, search
from .rows import DocumentRows, document_rows
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "CorpusWriter",
    "DocumentRows",
    "Facet",
    "FacetValue",
    "FileOutcome",
    "Hit",
    "IndexTotals",
    "QueryError",
    "SearchResult",
    "Snippet",
    "Status",
    "datasette_metadata",
    "document_rows",
    "index_files",
    "search",
    "write_metadata",
]


class _CallablePackage(ModuleType):
    """This package, callable as :func:`search`."""

    def __call__(self, *args: Any, **kwargs: Any) -> SearchResult:
        return search(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
