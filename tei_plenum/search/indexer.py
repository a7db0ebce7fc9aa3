"""Writing the corpus database: one transaction per document, keyed by the file's content hash.

:class:`CorpusWriter` puts the rows of one document (:mod:`.rows`) into the database in one
transaction: a document is there whole or not at all, whatever fails. A document is known by
its path relative to the database's folder (so a folder moved with its database keeps its
links) and by the SHA-256 of its bytes, which decides whether a file changed since it was
indexed. :func:`index_files` is what ``tei-plenum index`` does: a new database is built beside
the target and renamed into place when complete; with ``update`` the database is changed in
place, unchanged files are skipped and the documents of deleted files removed.

Writers wait for each other: every transaction takes the write lock first (``BEGIN
IMMEDIATE``) and waits up to :data:`~.schema.BUSY_TIMEOUT_S` for another writer's transaction
to end, so two runs on one database interleave document by document, and a reader (the
``search`` command, Datasette) sees each document whole. In place, the database is written in
WAL mode (a commit costs no disk flush, a crash loses at most the last documents but never
corrupts the file) and turned back into a single file when the last writer closes it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from ..authority import Authority
from ..errors import InputError, Location, TeiPlenumError
from ..files import InputSet, check_output, read_regular_file, temporary_sibling
from ..parallel import Done, ordered
from ..xmlsafe import parse_xml
from . import schema
from .rows import DocumentRows, EntityRow, document_rows

_DOCUMENT_COLUMNS = (
    "path, sha256, html_path, tei_id, title, date_text, date_from, date_to, year, genre, "
    "issuer, issuer_key, classification, classification_text, copy_number, archive_country, "
    "archive_settlement, archive_institution, archive_repository, archive_collection, "
    "archive_idno, url, language, language_note, text_language, pages, words, summary"
)
_ENTITY_COLUMNS = (
    "key, type, name, full_name, wikidata, geonames, viaf, occupation, unresolved, document_id"
)
# Shared records nothing refers to any more (their last document changed or went away).
_ORPHANS = """DELETE FROM entities WHERE document_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = entities.id)
    AND NOT EXISTS (SELECT 1 FROM turns WHERE entity_id = entities.id)"""


class Status(StrEnum):
    INDEXED = "indexed"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one file."""

    path: str
    status: Status
    reason: str | None = None


@dataclass
class IndexTotals:
    """Counts of a run, by status."""

    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))

    def add(self, outcome: FileOutcome) -> None:
        self.counts[outcome.status] += 1

    @property
    def failed(self) -> int:
        return self.counts[Status.FAILED]


@dataclass(frozen=True, slots=True)
class IndexedFile:
    """The rows of one file and the hash of the bytes they were read from: what a batch worker
    sends to the parent, which writes them."""

    sha256: str
    rows: DocumentRows


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class CorpusWriter:
    """A connection that writes whole documents into a corpus database."""

    def __init__(self, conn: sqlite3.Connection, database: Path, *, bulk: bool = False) -> None:
        self.conn = conn
        self.database = database
        # Paths are stored relative to the folder the database will live in.
        self.folder = database.parent.resolve()
        self.bulk = bulk
        # In a bulk load nobody else writes: the shared records' ids are remembered here, and
        # the full text follows the paragraphs in batches (see _catch_up).
        self._shared: dict[str, int] = {}
        self._unindexed = 0
        self._indexed_upto = -1

    @classmethod
    def open(cls, database: Path, *, scratch: bool = False) -> CorpusWriter:
        """Open (creating it if needed) the database at ``database``. ``scratch`` is for a new
        file nobody else reads until it is renamed into place: a bulk load, all of it one
        transaction (each document a savepoint within it) with no flushes to disk, the indexes
        and the full text built once at the end by :meth:`finish`."""
        if database.is_dir():
            raise InputError("the database path is a folder", Location(str(database)))
        if not database.parent.is_dir():
            raise InputError("the folder of the database does not exist", Location(str(database)))
        conn = schema.connect(database)
        try:
            if scratch:
                for pragma in _BULK_PRAGMAS:
                    conn.execute(pragma)
            else:
                _write_ahead(conn)
            schema.ensure(conn, database, indexes=not scratch)
            if scratch:
                conn.execute("BEGIN IMMEDIATE")
                _merging(conn, _BULK_MERGES)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise InputError(f"not a usable database: {exc}", Location(str(database))) from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, database, bulk=scratch)

    def close(self) -> None:
        """Close the connection; the last writer turns the database back into one file."""
        try:
            self.conn.execute("PRAGMA busy_timeout = 100")
            self.conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError:
            pass  # another writer is still at work; it will do this when it closes
        finally:
            self.conn.close()

    def key(self, path: Path) -> str:
        """How ``path`` is stored: relative to the database's folder when it lies under it,
        else absolute; with ``/`` as separator."""
        resolved = path.resolve()
        if resolved.is_relative_to(self.folder):
            return resolved.relative_to(self.folder).as_posix()
        return resolved.as_posix()

    def current(self, path: Path, sha256: str) -> bool:
        """Whether ``path`` is indexed from exactly these bytes."""
        found = self.conn.execute(
            "SELECT sha256 FROM documents WHERE path = ?", (self.key(path),)
        ).fetchone()
        return found is not None and found[0] == sha256

    def write(self, path: Path, sha256: str, rows: DocumentRows) -> bool:
        """Replace what the database holds of ``path`` by ``rows``, in one transaction; False
        when it already holds these very bytes (another writer may have just indexed them)."""
        key = self.key(path)
        html = path.with_suffix(".html")
        html_key = self.key(html) if html.is_file() else None
        with self._transaction():
            old = self.conn.execute(
                "SELECT id, sha256 FROM documents WHERE path = ?", (key,)
            ).fetchone()
            if old is not None and old[1] == sha256:
                return False
            if old is not None:
                self._delete(old[0])
            added = self._insert(key, sha256, html_key, rows)
        if self.bulk:
            self._shared.update(added)  # only now that the document is kept
            self._unindexed += 1
            if self._unindexed >= FTS_BATCH:
                self._catch_up()
        return True

    def remove(self, key: str) -> None:
        """Remove the document stored under ``key`` (a stored path) and all its rows."""
        with self._transaction():
            found = self.conn.execute("SELECT id FROM documents WHERE path = ?", (key,)).fetchone()
            if found is not None:
                self._delete(found[0])

    def missing(self) -> list[str]:
        """Stored paths whose file is gone."""
        stored = [row[0] for row in self.conn.execute("SELECT path FROM documents ORDER BY path")]
        return [key for key in stored if not (self.folder / key).is_file()]

    def finish(self) -> None:
        """End a bulk load: the rest of the full text, the indexes, the full-text index merged
        into one segment (smaller and faster to query); commit, and give the pages the merges
        left free back to the file system."""
        conn = self.conn
        self._catch_up()
        schema.create_indexes(conn, schema.INDEXES)
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
        _merging(conn, _DEFAULT_MERGES)  # for later updates
        conn.execute("COMMIT")
        conn.executescript("PRAGMA incremental_vacuum")  # runs it to the end

    def _catch_up(self) -> None:
        """Add the texts written since the last call to the full-text index. In a bulk load
        this runs between documents, outside their savepoints: FTS5 writes out what it holds
        in memory at every savepoint, so words added inside one would make a segment per
        document, merged again and again."""
        conn = self.conn
        conn.execute(
            "INSERT INTO documents_fts(rowid, text) SELECT id, text FROM texts WHERE id > ?",
            (self._indexed_upto,),
        )
        last = conn.execute("SELECT max(id) FROM texts").fetchone()[0]
        self._indexed_upto = self._indexed_upto if last is None else last
        self._unindexed = 0

    def _transaction(self) -> _Transaction | _Savepoint:
        if self.bulk:
            return _Savepoint(self.conn)
        return _Transaction(self.conn, self.database)

    def _delete(self, document_id: int) -> None:
        # The document's words leave the full-text index, every row of the document goes with
        # it (ON DELETE CASCADE), then the shared records it alone referred to.
        self.conn.execute(
            "INSERT INTO documents_fts(documents_fts, rowid, text)"
            " SELECT 'delete', id, text FROM texts WHERE id = ?",
            (document_id,),
        )
        self.conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        self.conn.execute(_ORPHANS)

    def _insert(
        self, key: str, sha256: str, html_key: str | None, rows: DocumentRows
    ) -> dict[str, int]:
        conn = self.conn
        placeholders = ", ".join("?" * (3 + len(rows.document)))
        cursor = conn.execute(
            f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) VALUES ({placeholders})",
            (key, sha256, html_key, *rows.document),
        )
        doc = _rowid(cursor)
        conn.executemany(
            "INSERT INTO identifiers (document_id, scope, type, value) VALUES (?, ?, ?, ?)",
            ((doc, *row) for row in rows.identifiers),
        )
        ids, added = self._entity_ids(doc, rows.entities)
        conn.execute("INSERT INTO texts (id, text) VALUES (?, ?)", (doc, rows.text))
        if not self.bulk:
            conn.execute("INSERT INTO documents_fts(rowid, text) VALUES (?, ?)", (doc, rows.text))
        conn.executemany(
            "INSERT INTO paragraphs (id, document_id, seq, anchor, element, page, char_start,"
            " char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((schema.paragraph_id(doc, row.seq), doc, *row) for row in rows.paragraphs),
        )
        conn.executemany(
            "INSERT INTO mentions (document_id, entity_id, paragraph, surface, page, char_start,"
            " char_end, certainty) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            ((doc, ids[row.entity], *row[1:]) for row in rows.mentions),
        )
        conn.executemany(
            "INSERT INTO dates (document_id, paragraph, date_from, date_to, certainty, surface,"
            " page, char_start, char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((doc, *row) for row in rows.dates),
        )
        conn.executemany(
            "INSERT INTO turns (document_id, seq, speaker_key, entity_id, label, words, page,"
            " paragraph) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (doc, row.seq, row.speaker_key, None if row.entity is None else ids[row.entity],
                 *row[3:])
                for row in rows.turns
            ),
        )  # fmt: skip
        return added

    def _entity_ids(
        self, doc: int, entities: Sequence[EntityRow]
    ) -> tuple[list[int], dict[str, int]]:
        """The database id of each entity row: shared records found or added once for the
        corpus, the document's own records added with it; and the shared records added."""
        conn = self.conn
        # A bulk load knows every shared record it wrote; others may write beside an update.
        known = self._shared if self.bulk else {}
        shared_keys = [] if self.bulk else [row.key for row in entities if row.shared]
        for start in range(0, len(shared_keys), 500):
            chunk = shared_keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            known.update(
                conn.execute(
                    f"SELECT key, id FROM entities WHERE document_id IS NULL AND key IN ({marks})",
                    chunk,
                ).fetchall()
            )
        added: dict[str, int] = {}
        ids = []
        insert = f"INSERT INTO entities ({_ENTITY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        for row in entities:
            if row.shared and row.key is not None:
                found = known.get(row.key, added.get(row.key))
                if found is not None:
                    ids.append(found)
                    continue
            new = _rowid(conn.execute(insert, (*row[:-1], None if row.shared else doc)))
            if row.shared and row.key is not None:
                added[row.key] = new
            ids.append(new)
        return ids, added


def _write_ahead(conn: sqlite3.Connection) -> None:
    """WAL mode, where commits need no flush to disk. Another connection in the middle of a
    transaction prevents the switch: the writer then keeps the rollback journal, slower but
    just as safe."""
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        return
    conn.execute("PRAGMA synchronous = NORMAL")


# Documents of a bulk load between two additions to the full-text index.
FTS_BATCH = 250
# A new file nobody reads before it is complete: no journal on disk, no flushes, a large page
# cache, locked for this connection alone; free pages can be given back without a copy.
_BULK_PRAGMAS = (
    "PRAGMA auto_vacuum = INCREMENTAL",
    "PRAGMA journal_mode = MEMORY",
    "PRAGMA synchronous = OFF",
    "PRAGMA locking_mode = EXCLUSIVE",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -131072",
)


# FTS5's merging of its segments: its defaults, and a bulk load's, which leaves the segments
# of its batches to the one merge at the end instead of merging them again as they come.
_DEFAULT_MERGES = (("automerge", 4), ("crisismerge", 16))
_BULK_MERGES = (("automerge", 0), ("crisismerge", 64))


def _merging(conn: sqlite3.Connection, settings: tuple[tuple[str, int], ...]) -> None:
    for name, value in settings:
        conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES (?, ?)", (name, value))


class _Savepoint:
    """One document of a bulk load: kept whole (``RELEASE``) or not at all (``ROLLBACK TO``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("SAVEPOINT document")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is not None:
            self.conn.execute("ROLLBACK TO document")
        self.conn.execute("RELEASE document")


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any error; a writer that waited
    longer than the busy timeout gets one clear error."""

    def __init__(self, conn: sqlite3.Connection, database: Path) -> None:
        self.conn = conn
        self.database = database

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise InputError(
                f"the database is busy ({exc}): another process kept it locked for more than "
                f"{schema.BUSY_TIMEOUT_S:.0f} s",
                Location(str(self.database)),
            ) from None

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def tei_files(inputs: Iterable[str]) -> Iterator[Path]:
    """The files named, and the ``*.xml`` files under each folder named (sorted), each once."""
    seen: set[Path] = set()
    for name in inputs:
        path = Path(name)
        found = sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path]
        for candidate in found:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield candidate


@dataclass(frozen=True, slots=True)
class Extracted:
    """What :func:`extract` read from one file: its rows, or why there are none."""

    path: str
    indexed: IndexedFile | None
    reason: str | None = None


def extract(path: str, authority_files: tuple[Path, ...]) -> Extracted:
    """Read and parse one TEI file and make its rows: the work of one file, which a pool
    worker can do while the parent writes (a top-level function of a path and the settings)."""
    try:
        data = read_regular_file(Path(path))
        tree = parse_xml(data, source=path)
        authority = Authority.load(authority_files)
        rows = document_rows(tree, name=Path(path).stem, authority=authority, source=path)
    except TeiPlenumError as exc:
        return Extracted(path, None, str(exc).removeprefix(f"{path}:").strip())
    except Exception as exc:  # a bug on one odd document must not stop the collection
        return Extracted(path, None, f"internal error: {type(exc).__name__}: {exc}")
    return Extracted(path, IndexedFile(sha256_bytes(data), rows))


def store(writer: CorpusWriter, extracted: Extracted) -> FileOutcome:
    """Write what :func:`extract` made; a document the database refuses is a failed file, a
    database that fails stops the run."""
    path = extracted.path
    if extracted.indexed is None:
        return FileOutcome(path, Status.FAILED, extracted.reason)
    try:
        written = writer.write(Path(path), extracted.indexed.sha256, extracted.indexed.rows)
    except sqlite3.IntegrityError as exc:
        return FileOutcome(path, Status.FAILED, f"internal error: {exc}")
    except sqlite3.Error as exc:
        where = Location(str(writer.database))
        raise InputError(f"cannot write the database: {exc}", where) from None
    except Exception as exc:  # rows that break the writer: a bug, on this document only
        return FileOutcome(path, Status.FAILED, f"internal error: {type(exc).__name__}: {exc}")
    return FileOutcome(path, Status.INDEXED if written else Status.UNCHANGED)


def index_file(
    writer: CorpusWriter, path: Path, authority_files: Sequence[Path] = ()
) -> FileOutcome:
    """Index one TEI file in this process, unless the database holds the same bytes already."""
    unchanged = _unchanged(writer, path)
    if unchanged is not None:
        return unchanged
    return store(writer, extract(str(path), tuple(authority_files)))


def index_files(
    inputs: Sequence[str],
    database: Path,
    *,
    update: bool = False,
    authority_files: Sequence[Path] = (),
    jobs: int = 1,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> IndexTotals:
    """Index the TEI files ``inputs`` (files or folders) into ``database``.

    Without ``update`` a new database is built beside ``database`` (:meth:`CorpusWriter.open`
    with ``scratch``) and renamed over
    it only when complete: an interrupted run leaves the old one as it was. With ``update`` the
    database is changed in place: files indexed from the same bytes are skipped, changed ones
    replaced, and documents whose file is gone removed. With ``jobs`` above 1, worker processes
    read and parse the files while this process writes the database.
    """
    totals = IndexTotals()
    files = tuple(authority_files)
    Authority.load(files)  # a bad authority file stops the run here, before any work
    paths = list(tei_files(inputs))
    # The database is never read as TEI, so it may sit in a folder it indexes; it may not
    # replace an input file or write through a link.
    check_output(database, InputSet.of(paths))

    def record(outcome: FileOutcome) -> None:
        totals.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    def work(writer: CorpusWriter) -> Iterator[str | Done[Extracted | FileOutcome]]:
        for path in paths:
            unchanged = _unchanged(writer, path) if update else None
            yield str(path) if unchanged is None else Done(unchanged)

    def each_file(writer: CorpusWriter) -> None:
        results: Iterator[Extracted | FileOutcome] = ordered(
            extract, work(writer), files, jobs=jobs, lost=_lost, prepare=_prepare
        )
        for result in results:
            record(result if isinstance(result, FileOutcome) else store(writer, result))

    if update:
        writer = CorpusWriter.open(database)
        try:
            each_file(writer)
            for key in writer.missing():
                writer.remove(key)
                record(FileOutcome(key, Status.REMOVED))
        finally:
            writer.close()
        return totals
    scratch = temporary_sibling(database)
    try:
        writer = CorpusWriter.open(scratch, scratch=True)
        try:
            each_file(writer)
            writer.finish()
        finally:
            writer.conn.close()
        _flush(scratch)
        os.replace(scratch, database)
    finally:
        scratch.unlink(missing_ok=True)
    return totals


def _unchanged(writer: CorpusWriter, path: Path) -> FileOutcome | None:
    """The outcome of a file the database holds from these very bytes; None otherwise (the
    file's reader will say what is wrong with a file that cannot be read)."""
    try:
        data = read_regular_file(path)
    except InputError:
        return None
    return (
        FileOutcome(str(path), Status.UNCHANGED)
        if writer.current(path, sha256_bytes(data))
        else None
    )


def _prepare(authority_files: tuple[Path, ...]) -> None:
    Authority.load(authority_files)


def _rowid(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the one row an INSERT just added."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise RuntimeError("SQLite gave no row id for an INSERT")
    return rowid


def _lost(path: str) -> Extracted:
    reason = "a worker process stopped while reading this file or one beside it; index again"
    return Extracted(path, None, reason)


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
