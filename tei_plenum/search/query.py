"""Querying the corpus database: full-text syntax, facet filters, ranked hits, facet counts.

A query is SQLite FTS5 syntax over each document's text (words, ``"a phrase"``, ``AND``/
``OR``/``NOT`` in capitals, ``prefix*``, ``NEAR(a b, 5)``, parentheses); an empty query matches
every document. Filters narrow the documents: a person, place or organisation (an authority
key, or a name form resolved through the authority and its variants, or a name the corpus
records), a date range, a genre and a classification. Each matching document is one
:class:`Hit`, ranked by its bm25 score, with the page, anchor and a highlighted snippet of its
best paragraph (:mod:`.passages`). The result set's facet counts (documents per person, place,
organisation, genre and year) come on request. Every value reaches SQLite as a bound parameter,
never as SQL text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import pattern_cache
from ..authority import Authority
from ..errors import ConfigError, InputError, Location
from . import schema
from .passages import best_passage, marked_spans
from .rows import expand_date

# Longer queries are refused before they reach FTS5: no researcher types more.
MAX_QUERY_CHARS = 2000
MAX_LIMIT = 10_000
FACET_SIZE = 10
SNIPPET_TOKENS = 24
# Highlight marks inside FTS5 snippets: characters XML text can never hold.
_OPEN, _CLOSE = "\x01", "\x02"
_DATE = pattern_cache.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_HINT = (
    'words, "a phrase", AND / OR / NOT in capitals, prefix*, NEAR(a b, 5), parentheses; '
    "put words that hold other characters in double quotes"
)
# Filter name -> the entity types it matches.
NAME_FILTERS = {"person": ("person", "group"), "place": ("place",), "org": ("org",)}
_FACET_TYPES = (("person", ("person", "group")), ("place", ("place",)), ("org", ("org",)))


class QueryError(ConfigError):
    """A search that cannot run as asked: query syntax, a filter value, a limit."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """Words of the best paragraph around its matches; ``parts`` are (text, highlighted)."""

    parts: tuple[tuple[str, bool], ...] = ()

    def marked(self, start: str = "**", end: str = "**") -> str:
        """The snippet with each highlighted run between ``start`` and ``end``."""
        return "".join(f"{start}{text}{end}" if hit else text for text, hit in self.parts)

    @property
    def plain(self) -> str:
        return "".join(text for text, _hit in self.parts)

    def __str__(self) -> str:
        return self.marked()


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching document, with its best paragraph."""

    rank: int
    document_id: int
    path: str
    """The TEI file, relative to the database's folder when it lies under it."""
    title: str
    date: str | None
    """The date as the document prints it."""
    date_from: str | None
    date_to: str | None
    genre: str | None
    page: str | None
    anchor: str | None
    link: str | None
    """The best paragraph in the HTML edition (``doc.html#p-12``), when the edition exists."""
    snippet: Snippet
    matches: int
    """How many paragraphs of the document hold a matched word or phrase."""
    score: float
    """bm25 relevance of the document: higher is better."""


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Facet:
    """Documents of the result set per value of one facet, most frequent first (years in
    order)."""

    name: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    total: int
    """Documents that match (``hits`` holds at most the limit)."""
    hits: tuple[Hit, ...]
    facets: tuple[Facet, ...] = ()
    notes: tuple[str, ...] = ()
    """Why a filter matched nothing (a name the corpus does not know)."""


def search(
    database: str | Path,
    query: str = "",
    *,
    person: str | Sequence[str] = (),
    place: str | Sequence[str] = (),
    org: str | Sequence[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    genre: str | None = None,
    classification: str | None = None,
    limit: int = 20,
    facets: bool = False,
    authority_files: Sequence[Path] = (),
) -> SearchResult:
    """Search the corpus database at ``database``.

    ``person``, ``place`` and ``org`` take one name or several (each must appear); a name is an
    entity key (``pers-kim-il-sung``) or any form of the name the authority (the bundled one and
    ``authority_files``) or the corpus knows. ``date_from``/``date_to`` (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``) keep documents whose date reaches into the range. ``genre`` and
    ``classification`` compare without regard to case (the classification level or its printed
    words). Raises :class:`QueryError` for a query FTS5 cannot read or a bad filter value.
    """
    _check_query(query)
    if not 0 < limit <= MAX_LIMIT:
        raise QueryError(f"the limit must be between 1 and {MAX_LIMIT}, got {limit}")
    path = Path(database)
    conn = schema.connect(path, readonly=True)
    try:
        schema.check(conn, path)
        return _Search(conn, authority_files).run(
            query.strip(),
            names={"person": _names(person), "place": _names(place), "org": _names(org)},
            span=(_date(date_from, "start", end=False), _date(date_to, "end", end=True)),
            genre=genre,
            classification=classification,
            limit=limit,
            facets=facets,
        )
    except sqlite3.OperationalError as exc:
        raise InputError(f"cannot query the database: {exc}", Location(str(path))) from None
    finally:
        conn.close()


def _check_query(query: str) -> None:
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is longer than {MAX_QUERY_CHARS} characters")
    if "\x00" in query:
        raise QueryError("the query contains a NUL character")


def _names(value: str | Sequence[str]) -> tuple[str, ...]:
    names = (value,) if isinstance(value, str) else tuple(value)
    for name in names:
        _check_query(name)
    return tuple(" ".join(name.split()) for name in names if name.strip())


def _date(value: str | None, which: str, *, end: bool) -> str | None:
    text = (value or "").strip()
    if not text:
        return None
    if not _DATE.fullmatch(text) or expand_date(text) is None:
        raise QueryError(f"the {which} date {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return expand_date(text, end=end)


class _Search:
    """One search on one connection: the matching documents and their scores go into a
    temporary table (``temp.result``), from which the hits and the facet counts are read."""

    def __init__(self, conn: sqlite3.Connection, authority_files: Sequence[Path]) -> None:
        self.conn = conn
        self.authority_files = tuple(authority_files)
        self.notes: list[str] = []

    def run(
        self,
        query: str,
        *,
        names: dict[str, tuple[str, ...]],
        span: tuple[str | None, str | None],
        genre: str | None,
        classification: str | None,
        limit: int,
        facets: bool,
    ) -> SearchResult:
        conditions, params = self._filters(names, span, genre, classification)
        self.conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS result (document_id INTEGER PRIMARY KEY, score REAL)"
        )
        self.conn.execute("DELETE FROM temp.result")
        if query:
            self._match(query, conditions, params)
        else:
            self._every(conditions, params)
        total = self.conn.execute("SELECT count(*) FROM temp.result").fetchone()[0]
        hits = tuple(self._hits(query, limit))
        counts = self._facets() if facets else ()
        return SearchResult(query, total, hits, counts, tuple(self.notes))

    def _match(self, query: str, conditions: list[str], params: list[object]) -> None:
        """Each matching document with its bm25 score (lower is better). The filters are
        tested on each match (``rowid + 0``): handed to FTS5 as rowids, each would run the
        query again."""
        restrict = (
            f" AND rowid + 0 IN (SELECT d.id FROM documents d WHERE {' AND '.join(conditions)})"
            if conditions
            else ""
        )
        try:
            self.conn.execute(
                "INSERT INTO temp.result (document_id, score) SELECT rowid, rank"
                f" FROM documents_fts WHERE documents_fts MATCH ?{restrict}",
                (query, *params),
            )
        except sqlite3.OperationalError:
            self._check_syntax(query)
            raise

    def _every(self, conditions: list[str], params: list[object]) -> None:
        """Every document the filters keep, with no text to rank by: in date order."""
        self.conn.execute(
            "INSERT INTO temp.result (document_id, score) SELECT d.id, row_number() OVER"
            " (ORDER BY d.date_from IS NULL, d.date_from, d.path)"
            f" FROM documents d WHERE {' AND '.join(conditions) or '1'}",
            params,
        )

    def _check_syntax(self, query: str) -> None:
        """Parse the query on an empty full-text table of the same columns and tokenizer
        (after the real query failed): whatever FTS5 says there is about the query alone, and
        becomes a :class:`QueryError`; anything else was the database's fault."""
        self.conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.syntax USING fts5(text,"
            f" tokenize='{schema.TOKENIZER}')"
        )
        try:
            self.conn.execute("SELECT rowid FROM temp.syntax WHERE syntax MATCH ?", (query,))
        except sqlite3.OperationalError as exc:
            detail = _printable(str(exc).removeprefix("fts5: "))
            raise QueryError(
                f"cannot read the search query: {detail} (the syntax: {_HINT})"
            ) from None

    def _filters(
        self,
        names: dict[str, tuple[str, ...]],
        span: tuple[str | None, str | None],
        genre: str | None,
        classification: str | None,
    ) -> tuple[list[str], list[object]]:
        conditions: list[str] = []
        params: list[object] = []
        for kind, values in names.items():
            for value in values:
                ids = self._entities(kind, value)
                if not ids:
                    self.notes.append(f"no {kind} in the corpus is named or keyed {value!r}")
                    return ["0"], []
                marks = ", ".join("?" * len(ids))
                conditions.append(
                    f"d.id IN (SELECT document_id FROM mentions WHERE entity_id IN ({marks}))"
                )
                params.extend(ids)
        start, end = span
        if start is not None:
            conditions.append("coalesce(d.date_to, d.date_from) >= ?")
            params.append(start)
        if end is not None:
            conditions.append("coalesce(d.date_from, d.date_to) <= ?")
            params.append(end)
        if genre is not None and genre.strip():
            conditions.append("d.genre = ? COLLATE NOCASE")
            params.append(" ".join(genre.split()))
        if classification is not None and classification.strip():
            level = " ".join(classification.split())
            conditions.append(
                "(d.classification = ? COLLATE NOCASE OR d.classification_text = ? COLLATE NOCASE)"
            )
            params.extend((level, level))
        return conditions, params

    def _entities(self, kind: str, value: str) -> list[int]:
        """The entities a filter value names: by key, by the authority's names and variants
        (any case), by the names the corpus records; by the words of a mention as a last
        resort."""
        types = NAME_FILTERS[kind]
        type_marks = ", ".join("?" * len(types))
        keys = {value}
        authority = Authority.load(self.authority_files)
        for form in (value, value.upper()):
            found = authority.lookup(form)
            if found is not None and str(authority.record(found.key).type) in types:
                keys.add(found.key)
        key_marks = ", ".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT id FROM entities WHERE type IN ({type_marks}) AND (key IN ({key_marks})"
            " OR name = ? COLLATE NOCASE OR full_name = ? COLLATE NOCASE)",
            (*types, *sorted(keys), value, value),
        ).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT DISTINCT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
                f" WHERE m.surface = ? COLLATE NOCASE AND e.type IN ({type_marks})",
                (value, *types),
            ).fetchall()
        return sorted(row[0] for row in rows)

    def _hits(self, query: str, limit: int) -> list[Hit]:
        rows = self.conn.execute(
            "SELECT r.document_id, r.score, d.path, d.title, d.date_text, d.date_from,"
            " d.date_to, d.genre, d.html_path, d.words"
            " FROM (SELECT * FROM temp.result ORDER BY score, document_id LIMIT ?) r"
            " JOIN documents d ON d.id = r.document_id ORDER BY r.score, r.document_id",
            (limit,),
        ).fetchall()
        hits = []
        for rank, row in enumerate(rows, start=1):
            doc, score, path, title, date, first, last, genre, html, words = row
            page, anchor, matches, parts = (
                self._best(query, doc, words) if query else (None, None, 0, ())
            )
            link = f"{html}#{anchor}" if html and anchor else html
            hits.append(
                Hit(rank, doc, path, title, date, first, last, genre, page, anchor, link,
                    Snippet(parts), matches, round(-score, 4) + 0.0 if query else 0.0)
            )  # fmt: skip
        return hits

    def _best(
        self, query: str, document: int, words: int
    ) -> tuple[str | None, str | None, int, tuple[tuple[str, bool], ...]]:
        """The best paragraph of a matching document: its page and anchor, how many
        paragraphs hold a match, and the snippet's parts."""
        found = self.conn.execute(
            "SELECT highlight(documents_fts, 0, ?, ?) FROM documents_fts"
            " WHERE documents_fts MATCH ? AND rowid = ?",
            (_OPEN, _CLOSE, query, document),
        ).fetchone()
        paragraphs = self.conn.execute(
            "SELECT char_start, char_end, page, anchor FROM paragraphs WHERE document_id = ?"
            " ORDER BY seq",
            (document,),
        ).fetchall()
        if found is None:
            return None, None, 0, ()
        text, spans = marked_spans(str(found[0]), _OPEN, _CLOSE)
        bounds = [(start, end) for start, end, _page, _anchor in paragraphs]
        passage = best_passage(text, spans, bounds, SNIPPET_TOKENS, words)
        if passage is None:
            return None, None, 0, ()
        _start, _end, page, anchor = paragraphs[passage.paragraph]
        return page, anchor, passage.matches, passage.parts

    def _facets(self) -> tuple[Facet, ...]:
        facets = []
        for name, types in _FACET_TYPES:
            marks = ", ".join("?" * len(types))
            rows = self.conn.execute(
                "SELECT e.name, e.key, count(DISTINCT m.document_id) AS n"
                " FROM temp.result r JOIN mentions m ON m.document_id = r.document_id"
                f" JOIN entities e ON e.id = m.entity_id WHERE e.type IN ({marks})"
                " GROUP BY coalesce(e.key, e.name) ORDER BY n DESC, e.name LIMIT ?",
                (*types, FACET_SIZE),
            ).fetchall()
            facets.append(Facet(name, tuple(FacetValue(v, n, k) for v, k, n in rows)))
        for name, column, order in (("genre", "genre", "n DESC, value"), ("year", "year", "value")):
            rows = self.conn.execute(
                f"SELECT d.{column} AS value, count(*) AS n FROM temp.result r"
                f" JOIN documents d ON d.id = r.document_id WHERE d.{column} IS NOT NULL"
                f" GROUP BY d.{column} ORDER BY {order}"
            ).fetchall()
            facets.append(Facet(name, tuple(FacetValue(str(v), n) for v, n in rows)))
        return tuple(facets)


def _printable(text: str) -> str:
    """Control characters of a message as escapes, so that no echo of a query can drive a
    terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
