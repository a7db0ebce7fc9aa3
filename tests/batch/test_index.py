"""``batch --index``: the search database built as the batch goes, equal to ``index``'s."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tei_plenum.search import search
from tei_plenum.search.indexer import index_files
from tests.batch.conftest import LAYOUT, run


def content(database: Path) -> list[tuple]:
    """Everything the database says about its documents, without the row ids."""
    conn = sqlite3.connect(database)
    queries = (
        "SELECT d.path, d.sha256, d.html_path, d.title, d.date_from, d.genre, d.pages, d.words"
        " FROM documents d",
        "SELECT d.path, p.seq, p.anchor, p.element, p.page, p.char_start, p.text"
        " FROM paragraph_texts p JOIN documents d ON d.id = p.document_id",
        "SELECT d.path, m.paragraph, m.surface, m.char_start, e.key, e.type, e.name"
        " FROM mentions m JOIN documents d ON d.id = m.document_id"
        " JOIN entities e ON e.id = m.entity_id",
        "SELECT d.path, x.paragraph, x.date_from, x.date_to, x.surface FROM dates x"
        " JOIN documents d ON d.id = x.document_id",
        "SELECT d.path, t.seq, t.speaker_key, t.words FROM turns t"
        " JOIN documents d ON d.id = t.document_id",
    )
    return [conn.execute(f"{query} ORDER BY 1, 2, 3, 4").fetchall() for query in queries]


def test_the_batch_builds_what_index_builds(collection: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    database = out / "corpus.sqlite"
    result = run(str(collection), "-o", str(out), "-j", "2", "--index", str(database))
    assert result.exit_code == 0, result.output
    built = content(database)
    assert sorted(row[0] for row in built[0]) == sorted(f"{rel}.xml" for rel in LAYOUT.values())
    assert all(row[2] == row[0].removesuffix(".xml") + ".html" for row in built[0])
    index_files([str(out)], tmp_path / "separate.sqlite")
    # Paths are relative to each database's folder: the separate one is one level up.
    separate = [
        [(row[0].removeprefix("out/"), *row[1:]) for row in rows]
        for rows in content(tmp_path / "separate.sqlite")
    ]
    separate[0] = [(r[0], r[1], r[2].removeprefix("out/"), *r[3:]) for r in separate[0]]
    assert built == separate
    hit = search(database, "Beijing OR Moscow").hits[0]
    assert (out / hit.link.split("#")[0]).is_file()


def test_skipped_inputs_stay_and_changed_ones_are_replaced(
    collection: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    database = tmp_path / "corpus.sqlite"
    assert run(str(collection), "-o", str(out), "--index", str(database)).exit_code == 0
    first = content(database)

    again = run(str(collection), "-o", str(out), "--index", str(database))
    assert "0 converted, 0 failed, 5 skipped" in again.stdout
    assert content(database) == first

    with (collection / "hostile-plain-prose.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nOne more paragraph about Vladivostok.\n")
    redo = run(str(collection), "-o", str(out), "--index", str(database))
    assert "1 converted, 0 failed, 4 skipped" in redo.stdout
    assert [h.path for h in search(database, "Vladivostok").hits] == ["out/hostile-plain-prose.xml"]
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (5,)


def test_an_existing_collection_is_indexed_on_the_first_run_with_index(
    collection: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert run(str(collection), "-o", str(out)).exit_code == 0
    database = out / "corpus.sqlite"
    result = run(str(collection), "-o", str(out), "--index", str(database))
    assert "0 converted, 0 failed, 5 skipped" in result.stdout
    assert sqlite3.connect(database).execute("SELECT count(*) FROM documents").fetchone() == (5,)


def test_failed_inputs_stay_out_of_the_database(collection: Path, tmp_path: Path) -> None:
    (collection / "latin1.txt").write_bytes(b"Caf\xe9 au lait.\n")
    out = tmp_path / "out"
    database = out / "corpus.sqlite"
    result = run(str(collection), "-o", str(out), "--index", str(database))
    assert result.exit_code == 1
    paths = {row[0] for row in sqlite3.connect(database).execute("SELECT path FROM documents")}
    assert len(paths) == 5
    assert "latin1.xml" not in paths


def test_index_needs_the_tei_files(collection: Path, tmp_path: Path) -> None:
    result = run(
        str(collection), "-o", str(tmp_path / "out"), "--to", "html", "--index", "c.sqlite"
    )
    assert result.exit_code == 2
    assert "--index needs the TEI files" in result.output
