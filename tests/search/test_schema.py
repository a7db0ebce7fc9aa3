"""The database's schema: versioned, complete or absent, with its indexes and foreign keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tei_plenum.errors import ConfigError, InputError
from tei_plenum.search import schema
from tei_plenum.search.indexer import CorpusWriter

TABLES = {"documents", "identifiers", "entities", "paragraphs", "mentions", "dates", "turns"}


def test_schema_version_tables_and_fts(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES | {"texts", "documents_fts"} <= names
    fts = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()
    assert "porter unicode61" in fts[0]
    assert 'content="texts"' in fts[0]
    conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    # One full-text row per document, and each paragraph's words are its document's text.
    assert (
        conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]
        == (conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    )
    rows = conn.execute(
        "SELECT p.text, t.text, p.char_start FROM paragraph_texts p JOIN texts t"
        " ON t.id = p.document_id"
    ).fetchall()
    assert rows
    assert all(whole[start:].startswith(words) and words for words, whole, start in rows)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # One file: the writer turned the database back from WAL when it closed it.
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_facet_columns_and_foreign_keys_are_indexed(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    indexed = {
        (table, row[2])
        for table in TABLES
        for index in conn.execute(f"PRAGMA index_list({table})").fetchall()
        for row in conn.execute(f"PRAGMA index_info({index[1]})").fetchall()[:1]
    }
    for column in ("genre", "classification", "year", "date_from"):
        assert ("documents", column) in indexed
    for table in ("identifiers", "paragraphs", "mentions", "dates", "turns", "entities"):
        assert (table, "document_id") in indexed, table
    assert ("mentions", "entity_id") in indexed
    assert ("turns", "entity_id") in indexed
    assert ("entities", "type") in indexed


def test_the_schema_is_created_whole_or_not_at_all(tmp_path: Path, monkeypatch) -> None:
    database = tmp_path / "broken.sqlite"
    monkeypatch.setattr(schema, "INDEXES", (*schema.INDEXES, "CREATE INDEX nonsense ON nowhere(x)"))
    with pytest.raises(InputError, match="not a usable database"):
        CorpusWriter.open(database)
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_another_version_or_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match=r"not a tei-plenum search database .* version 0"):
        CorpusWriter.open(other)
    newer = tmp_path / "newer.sqlite"
    CorpusWriter.open(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match=f"found version {schema.SCHEMA_VERSION + 1}"):
        CorpusWriter.open(newer)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database at all, " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="not a usable database"):
        CorpusWriter.open(text)
