"""The corpus database: its tables, its version, and how a connection to it is opened.

One SQLite file holds a collection's documents, the people, places and organisations they name,
their dates, speaker turns, each document's plain text and its full-text index (FTS5). ``PRAGMA
user_version`` holds :data:`SCHEMA_VERSION`; a database of another version is refused rather
than read wrongly. The whole schema is created in one transaction, so a database is either
complete or absent. Every table and column is described in ``docs/search.md``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import ConfigError, InputError, Location

SCHEMA_VERSION = 2
# How long a writer waits for another one to finish its transaction before giving up.
BUSY_TIMEOUT_S = 60.0
# Words are Unicode letters and digits, accents folded, English endings stemmed (porter).
TOKENIZER = "porter unicode61 remove_diacritics 2"
# A paragraph's id is its document's id shifted left by this many bits, plus its seq: a
# document's paragraphs are one range of ids, and an id says its document without a join.
PARAGRAPH_BITS = 20
# Pages of 8 KiB pack the documents' text tighter than SQLite's default 4 KiB.
PAGE_SIZE = 8192


def paragraph_id(document_id: int, seq: int) -> int:
    return (document_id << PARAGRAPH_BITS) | seq


TABLES = (
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        html_path TEXT,
        tei_id TEXT,
        title TEXT NOT NULL,
        date_text TEXT,
        date_from TEXT,
        date_to TEXT,
        year INTEGER,
        genre TEXT,
        issuer TEXT,
        issuer_key TEXT,
        classification TEXT,
        classification_text TEXT,
        copy_number TEXT,
        archive_country TEXT,
        archive_settlement TEXT,
        archive_institution TEXT,
        archive_repository TEXT,
        archive_collection TEXT,
        archive_idno TEXT,
        url TEXT,
        language TEXT,
        language_note TEXT,
        text_language TEXT,
        pages INTEGER,
        words INTEGER NOT NULL,
        summary TEXT
    )""",
    """CREATE TABLE identifiers (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        type TEXT,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        full_name TEXT,
        wikidata TEXT,
        geonames TEXT,
        viaf TEXT,
        occupation TEXT,
        unresolved INTEGER NOT NULL DEFAULT 0,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE
    )""",
    """CREATE TABLE texts (
        id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL
    )""",
    """CREATE TABLE paragraphs (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        anchor TEXT,
        element TEXT,
        page TEXT,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL
    )""",
    # Each paragraph with its words, cut from its document's text.
    """CREATE VIEW paragraph_texts AS
        SELECT p.*, substr(t.text, p.char_start + 1, p.char_end - p.char_start) AS text
        FROM paragraphs p JOIN texts t ON t.id = p.document_id""",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        paragraph INTEGER NOT NULL,
        surface TEXT NOT NULL,
        page TEXT,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        certainty TEXT
    )""",
    """CREATE TABLE dates (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        paragraph INTEGER NOT NULL,
        date_from TEXT,
        date_to TEXT,
        certainty TEXT,
        surface TEXT NOT NULL,
        page TEXT,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL
    )""",
    """CREATE TABLE turns (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        speaker_key TEXT,
        entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
        label TEXT,
        words INTEGER NOT NULL,
        page TEXT,
        paragraph INTEGER
    )""",
    # The full text: an index over texts.text, which holds the words only once. One row per
    # document: a query is matched and ranked against whole documents, the unit a researcher
    # asks for, and ranking one row per document is what keeps a query fast. The writer keeps
    # it in step with texts (a trigger would flush the index once per row).
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
        text, content="texts", content_rowid="id", tokenize="{TOKENIZER}"
    )""",
)

SHARED_INDEX = (
    "CREATE UNIQUE INDEX IF NOT EXISTS entities_shared ON entities(key) WHERE document_id IS NULL"
)
# Indexes on the facet columns, and on every column a cascade or a filter looks up.
INDEXES = (
    "CREATE INDEX IF NOT EXISTS documents_genre ON documents(genre)",
    "CREATE INDEX IF NOT EXISTS documents_classification ON documents(classification)",
    "CREATE INDEX IF NOT EXISTS documents_year ON documents(year)",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date_from, date_to)",
    "CREATE INDEX IF NOT EXISTS identifiers_document ON identifiers(document_id)",
    SHARED_INDEX,
    "CREATE INDEX IF NOT EXISTS entities_document ON entities(document_id)",
    "CREATE INDEX IF NOT EXISTS entities_type_name ON entities(type, name COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS paragraphs_document ON paragraphs(document_id, seq)",
    "CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document_id)",
    "CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, document_id)",
    "CREATE INDEX IF NOT EXISTS dates_document ON dates(document_id)",
    "CREATE INDEX IF NOT EXISTS dates_from ON dates(date_from)",
    "CREATE INDEX IF NOT EXISTS turns_document ON turns(document_id)",
    "CREATE INDEX IF NOT EXISTS turns_entity ON turns(entity_id)",
)


def create_indexes(conn: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    """The indexes that are not there yet."""
    for statement in statements:
        conn.execute(statement)


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with foreign keys on, a busy timeout, and transactions left to the caller
    (``BEGIN``/``COMMIT`` are explicit). ``readonly`` opens an existing file for queries only."""
    where = Location(str(path))
    if readonly and not path.is_file():
        raise InputError("no such database file", where)
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=readonly)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file's; no-op otherwise
    except sqlite3.Error as exc:
        raise InputError(f"cannot open the database: {exc}", where) from None
    return conn


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def ensure(conn: sqlite3.Connection, path: Path, *, indexes: bool = True) -> None:
    """Create the schema in an empty database, in one transaction; accept a database of this
    schema version; refuse anything else. Two processes may call this at once: the second
    waits for the first's transaction and then finds the schema in place. Without ``indexes``
    only the tables are made (and the index the writer looks shared records up by): a bulk
    load into a new file adds the others with :func:`create_indexes` once its rows are in,
    which sorts each index once instead of growing it row by row."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            found = version(conn)
            if found == 0 and not _has_tables(conn):
                for statement in TABLES:
                    conn.execute(statement)
                create_indexes(conn, INDEXES if indexes else (SHARED_INDEX,))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a usable database: {exc}", Location(str(path))) from None
    check(conn, path)


def check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise a clear error unless ``conn`` is a corpus database of this schema version."""
    try:
        found = version(conn)
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a usable database: {exc}", Location(str(path))) from None
    if found != SCHEMA_VERSION:
        raise ConfigError(
            f"not a tei-plenum search database of schema version {SCHEMA_VERSION} "
            f"(found version {found}); build it again with `tei-plenum index`",
            Location(str(path)),
        )


def _has_tables(conn: sqlite3.Connection) -> bool:
    count: int = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return count > 0
