"""Writing the database: whole documents, updates keyed by content, failures that leave no
trace, and two writers at once."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tei_plenum.search import indexer
from tei_plenum.search.indexer import CorpusWriter, Status, index_files
from tei_plenum.search.rows import DocumentRows
from tests.search.conftest import CONVERSATION, OURS, write_corpus

ROW_TABLES = ("identifiers", "paragraphs", "mentions", "dates", "turns")


def counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(database)
    tables = ("documents", "entities", *ROW_TABLES)
    found = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    found["texts"] = conn.execute("SELECT count(*) FROM texts").fetchone()[0]
    found["fts"] = conn.execute("SELECT count(*) FROM documents_fts_docsize").fetchone()[0]
    return found


def documents(database: Path) -> dict[str, str]:
    conn = sqlite3.connect(database)
    return dict(conn.execute("SELECT path, title FROM documents"))


def outcomes(inputs: list[str], database: Path, **options) -> list[tuple[str, Status]]:
    seen: list[tuple[str, Status]] = []
    index_files(inputs, database, on_outcome=lambda o: seen.append((o.path, o.status)), **options)
    return seen


def test_paths_are_relative_to_the_database_and_html_is_found(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    rows = dict(conn.execute("SELECT path, html_path FROM documents"))
    assert rows["conversation.xml"] == "conversation.html"
    assert rows["report.xml"] is None
    assert set(rows) == {*(f"{stem}.xml" for stem in OURS), "foreign-letter.xml"}


def test_shared_entities_are_stored_once(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    kim = conn.execute(
        "SELECT count(*), min(document_id) FROM entities WHERE key = 'pers-kim-il-sung'"
    ).fetchone()
    assert kim == (1, None)
    documents_naming_kim = conn.execute(
        "SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e"
        " ON e.id = m.entity_id WHERE e.key = 'pers-kim-il-sung'"
    ).fetchone()[0]
    assert documents_naming_kim == 4  # the conversation, the plenum, the report, the journal


def test_update_skips_unchanged_replaces_changed_removes_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    paths = write_corpus(folder)
    database = folder / "corpus.sqlite"
    first = outcomes([str(folder)], database)
    assert {status for _path, status in first} == {Status.INDEXED}
    before = counts(database)

    report = folder / "report.xml"
    text = report.read_text(encoding="utf-8")
    start = text.index('<title type="main">') + len('<title type="main">')
    end = text.index("</title>", start)
    changed = text[:start] + "Report on the specialists, 20 February 1960" + text[end:]
    report.write_text(changed, encoding="utf-8")
    (folder / "journal.xml").unlink()
    second = dict(outcomes([str(folder)], database, update=True))
    assert second[str(report)] is Status.INDEXED
    assert second["journal.xml"] is Status.REMOVED
    unchanged = [p for p in paths if p.name not in {"report.xml", "journal.xml"}]
    assert all(second[str(p)] is Status.UNCHANGED for p in unchanged)

    titles = documents(database)
    assert "journal.xml" not in titles
    assert titles["report.xml"] == "Report on the specialists, 20 February 1960"
    after = counts(database)
    assert after["documents"] == before["documents"] - 1
    # Nothing of the journal remains, not even in the full-text index or the shared records
    # only it referred to.
    conn = sqlite3.connect(database)
    for table in ROW_TABLES:
        orphans = conn.execute(
            f"SELECT count(*) FROM {table} WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0, table
    assert after["fts"] == after["texts"] == after["documents"]
    assert not conn.execute(
        "SELECT 1 FROM documents_fts WHERE documents_fts MATCH 'Puzanov AND Gromyko'"
    ).fetchall()
    unused = conn.execute(
        "SELECT count(*) FROM entities e WHERE document_id IS NULL AND NOT EXISTS"
        " (SELECT 1 FROM mentions WHERE entity_id = e.id) AND NOT EXISTS"
        " (SELECT 1 FROM turns WHERE entity_id = e.id)"
    ).fetchone()[0]
    assert unused == 0
    conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    conn.rollback()

    third = outcomes([str(folder)], database, update=True)
    assert {status for _path, status in third} == {Status.UNCHANGED}


def test_a_failed_file_is_reported_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copyfile(CONVERSATION, folder / "good.xml")
    (folder / "broken.xml").write_text("<TEI><text><p>unclosed</text>", encoding="utf-8")
    (folder / "not-tei.xml").write_text("<html><body>hi</body></html>", encoding="utf-8")
    seen: list[indexer.FileOutcome] = []
    totals = index_files([str(folder)], folder / "c.sqlite", on_outcome=seen.append)
    assert totals.failed == 2
    reasons = {Path(o.path).name: o.reason for o in seen if o.status is Status.FAILED}
    assert reasons["broken.xml"].startswith("1:")  # line and column, then the parser's words
    assert "not well-formed" in reasons["broken.xml"]
    assert reasons["not-tei.xml"] == "not a TEI document: it has no text element"
    assert list(documents(folder / "c.sqlite")) == ["good.xml"]


def test_a_file_failing_midway_leaves_no_rows(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "edition"
    paths = write_corpus(folder)
    database = folder / "corpus.sqlite"
    writer = CorpusWriter.open(database)
    first = paths[0]
    rows = indexer.document_rows(
        indexer.parse_xml(first.read_bytes()), name=first.stem, authority=None
    )
    writer.write(first, "sha-1", rows)
    before = counts(database)

    # The second document breaks after its document, entity and paragraph rows went in:
    # a mention points to an entity that does not exist.
    victim = paths[1]
    good = indexer.document_rows(
        indexer.parse_xml(victim.read_bytes()), name=victim.stem, authority=None
    )
    broken_mention = good.mentions[0]._replace(entity=len(good.entities) + 5)
    broken = dataclasses.replace(good, mentions=(*good.mentions, broken_mention))
    with pytest.raises(IndexError):
        writer.write(victim, "sha-2", broken)
    assert counts(database) == before
    # Replacing a document fails the same way: the old one stays whole.
    with pytest.raises(IndexError):
        writer.write(first, "sha-3", broken)
    assert counts(database) == before
    writer.close()
    assert list(documents(database)) == [first.name]


def test_a_file_that_breaks_the_writer_is_failed_not_fatal(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "edition"
    write_corpus(folder)
    real = indexer.document_rows

    def fragile(tree, *, name, **options):
        rows = real(tree, name=name, **options)
        if name == "report":
            return DocumentRows(
                rows.document, rows.identifiers, rows.entities, rows.text, rows.paragraphs,
                (rows.mentions[0]._replace(entity=999),), rows.dates, rows.turns,
            )  # fmt: skip
        return rows

    monkeypatch.setattr(indexer, "document_rows", fragile)
    seen: list[indexer.FileOutcome] = []
    totals = index_files([str(folder)], folder / "c.sqlite", on_outcome=seen.append)
    failed = [o for o in seen if o.status is Status.FAILED]
    assert [Path(o.path).name for o in failed] == ["report.xml"]
    assert failed[0].reason.startswith("internal error: IndexError")
    assert totals.counts[Status.INDEXED] == len(OURS)  # the others, the foreign one included
    assert "report.xml" not in documents(folder / "c.sqlite")


def test_a_new_database_replaces_the_old_one_only_when_complete(tmp_path: Path, monkeypatch):
    folder = tmp_path / "edition"
    write_corpus(folder)
    database = folder / "corpus.sqlite"
    index_files([str(folder / "conversation.xml")], database)
    old = database.read_bytes()

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexer, "store", interrupted)
    with pytest.raises(KeyboardInterrupt):
        index_files([str(folder)], database)
    assert database.read_bytes() == old
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_the_same_files_give_the_same_rows_on_one_or_two_processes(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    write_corpus(folder)

    def dump(database: Path) -> list[tuple]:
        conn = sqlite3.connect(database)
        return [
            row
            for table in (
                "documents",
                "texts",
                "entities",
                "paragraphs",
                "mentions",
                "dates",
                "turns",
            )
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")
        ]

    index_files([str(folder)], tmp_path / "a.sqlite")
    index_files([str(folder)], tmp_path / "b.sqlite", jobs=2)
    assert dump(tmp_path / "a.sqlite") == dump(tmp_path / "b.sqlite")


@pytest.mark.slow
def test_two_updates_at_once_wait_for_each_other(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    write_corpus(folder)
    for number in range(24):
        source = folder / f"{list(OURS)[number % len(OURS)]}.xml"
        text = source.read_text(encoding="utf-8")
        (folder / f"copy-{number:02d}.xml").write_text(
            text.replace("</body>", f"<p>Copy number {number}.</p></body>"), encoding="utf-8"
        )
    database = folder / "corpus.sqlite"
    command = [sys.executable, "-m", "tei_plenum", "index", str(folder), "-o", str(database)]
    runs = [
        subprocess.Popen(
            [*command, "--update"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, _out, err in results:
        # Each run waits for the other's transactions; one that waited too long would stop
        # with one clear line, never leave a broken database.
        assert code == 0 or (code == 2 and "busy" in err), err
    assert any(code == 0 for code, _out, _err in results)
    files = sorted(p.name for p in folder.glob("*.xml"))
    titles = documents(database)
    assert sorted(titles) == files
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    per_document = conn.execute(
        "SELECT document_id FROM paragraphs GROUP BY document_id"
        " HAVING count(DISTINCT seq) != count(*)"
    ).fetchall()
    assert per_document == []
    hits = conn.execute(
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"Copy number\"'"
    ).fetchone()[0]
    assert hits == 24


def test_a_failed_document_of_a_bulk_load_leaves_no_shared_record_behind(
    tmp_path: Path, monkeypatch
) -> None:
    # A new database is loaded in one transaction, a savepoint per document, and the writer
    # remembers the ids of the shared records it added. The conversation (the first file)
    # adds Kim Il Sung's record and then breaks: its savepoint is rolled back, and the
    # documents after it must add the record again, not point to the one rolled back.
    folder = tmp_path / "edition"
    write_corpus(folder)
    real = indexer.document_rows

    def fragile(tree, *, name, **options):
        rows = real(tree, name=name, **options)
        if name == "conversation":
            broken = rows.mentions[-1]._replace(entity=len(rows.entities) + 5)
            return dataclasses.replace(rows, mentions=(*rows.mentions, broken))
        return rows

    monkeypatch.setattr(indexer, "document_rows", fragile)
    seen: list[indexer.FileOutcome] = []
    index_files([str(folder)], folder / "c.sqlite", on_outcome=seen.append)
    assert [Path(o.path).name for o in seen if o.status is Status.FAILED] == ["conversation.xml"]
    conn = sqlite3.connect(folder / "c.sqlite")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    kim = conn.execute(
        "SELECT count(DISTINCT e.id), count(DISTINCT m.document_id) FROM entities e"
        " JOIN mentions m ON m.entity_id = e.id WHERE e.key = 'pers-kim-il-sung'"
    ).fetchone()
    assert kim == (1, 3)  # the plenum, the report and the journal
    assert "conversation.xml" not in documents(folder / "c.sqlite")


def test_the_full_text_is_the_same_whatever_the_batches(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "edition"
    write_corpus(folder)
    index_files([str(folder)], tmp_path / "one.sqlite")  # six documents: one batch
    monkeypatch.setattr(indexer, "FTS_BATCH", 2)
    index_files([str(folder)], tmp_path / "three.sqlite")

    def matches(database: Path, query: str) -> list[tuple[int, float]]:
        conn = sqlite3.connect(database, isolation_level=None)
        conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
        return conn.execute(
            "SELECT rowid, round(rank, 6) FROM documents_fts WHERE documents_fts MATCH ?"
            " ORDER BY rowid",
            (query,),
        ).fetchall()

    for query in ("Moscow", '"five-year plan"', "steel OR looms"):
        found = matches(tmp_path / "one.sqlite", query)
        assert found  # each is in the corpus
        assert matches(tmp_path / "three.sqlite", query) == found
    assert counts(tmp_path / "three.sqlite") == counts(tmp_path / "one.sqlite")
    # The bulk load's merge settings are not left behind for later updates.
    conn = sqlite3.connect(tmp_path / "three.sqlite")
    config = dict(conn.execute("SELECT k, v FROM documents_fts_config WHERE k LIKE '%merge'"))
    assert config == {"automerge": 4, "crisismerge": 16}
