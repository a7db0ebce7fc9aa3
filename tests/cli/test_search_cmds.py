"""``tei-plenum index`` and ``tei-plenum search``: options, outputs and exit codes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tests.cli.conftest import run_cli
from tests.search.conftest import write_corpus


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    folder = tmp_path / "edition"
    write_corpus(folder)
    return folder


def test_index_then_search_as_a_researcher_would(edition: Path) -> None:
    database = edition / "corpus.sqlite"
    done = run_cli("index", str(edition), "-o", str(database))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{database}: 6 indexed, 0 unchanged, 0 removed, 0 failed\n"
    found = run_cli("search", str(database), "steel", "--person", "Kim Il Sung")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0] == "2 documents for 'steel'"
    # Each hit: a blank line, the rank and title, the facts, where to read it, the snippet.
    start = lines.index(next(line for line in lines if line.endswith("22 January 1958")))
    assert lines[start - 1] == ""
    assert lines[start][:3] in {"1. ", "2. "}
    assert lines[start][3:] == "Record of Conversation with Kim Il Sung, 22 January 1958"
    assert lines[start + 1] == (
        "   22 January 1958 · record of conversation · p. 1 · 1 matching paragraph"
    )
    assert lines[start + 2].startswith("   conversation.html#p-")
    assert "**steel**" in lines[start + 3]
    assert "   report.xml" in lines  # no HTML edition beside it: the TEI file
    assert found.stderr == ""


def test_update_reports_what_changed(edition: Path) -> None:
    database = edition / "corpus.sqlite"
    assert invoke("index", str(edition), "-o", str(database)).exit_code == 0
    (edition / "journal.xml").unlink()
    again = invoke("index", str(edition), "-o", str(database), "--update")
    assert again.exit_code == 0
    assert again.output == f"{database}: 0 indexed, 5 unchanged, 1 removed, 0 failed\n"


def test_a_failed_file_is_one_line_and_exit_1(edition: Path) -> None:
    (edition / "broken.xml").write_text("<TEI><text>", encoding="utf-8")
    database = edition / "corpus.sqlite"
    done = run_cli("index", str(edition), "-o", str(database), "-q")
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"tei-plenum: error: {edition / 'broken.xml'}: 1:")
    conn = sqlite3.connect(database)
    assert conn.execute("SELECT count(*) FROM documents").fetchone() == (6,)


def test_no_tei_files_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = invoke("index", str(tmp_path / "empty"), "-o", str(tmp_path / "c.sqlite"))
    assert done.exit_code == 2
    assert "no TEI files found" in done.output
    assert not (tmp_path / "c.sqlite").exists()


def test_the_database_never_overwrites_an_input(edition: Path) -> None:
    target = edition / "report.xml"
    before = target.read_bytes()
    done = invoke("index", str(edition), "-o", str(target))
    assert done.exit_code == 2
    assert "output path is an input file; refusing to overwrite it" in done.output
    assert target.read_bytes() == before


def test_a_bad_authority_file_stops_before_any_work(edition: Path) -> None:
    bad = edition / "authority.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>", encoding="utf-8")
    database = edition / "corpus.sqlite"
    done = invoke(
        "index", str(edition / "report.xml"), "-o", str(database), "--authority", str(bad)
    )
    assert done.exit_code == 2
    assert "authority file is not XML" in done.output
    assert not database.exists()


def test_datasette_metadata_is_written(edition: Path) -> None:
    database = edition / "corpus.sqlite"
    metadata = edition / "metadata.json"
    assert (
        invoke(
            "index", str(edition), "-o", str(database), "--datasette-metadata", str(metadata)
        ).exit_code
        == 0
    )
    data = json.loads(metadata.read_text(encoding="utf-8"))
    assert set(data["databases"]) == {"corpus"}
    assert data["databases"]["corpus"]["tables"]["documents"]["fts_table"] == "documents_fts"


@pytest.fixture
def database(edition: Path) -> Path:
    target = edition / "corpus.sqlite"
    assert invoke("index", str(edition), "-o", str(target)).exit_code == 0
    return target


def test_json_output_with_facets(database: Path) -> None:
    done = invoke("search", str(database), '"five-year plan"', "--format", "json", "--facets")
    assert done.exit_code == 0
    data = json.loads(done.output)
    assert (data["query"], data["total"]) == ('"five-year plan"', 2)
    assert sorted(hit["path"] for hit in data["hits"]) == ["conversation.xml", "plenum.xml"]
    assert [hit["rank"] for hit in data["hits"]] == [1, 2]
    assert {hit["link"].split("#")[0] for hit in data["hits"]} == {
        "conversation.html",
        "plenum.html",
    }
    assert data["facets"]["genre"] == [
        {"value": "decision", "count": 1, "key": None},
        {"value": "record of conversation", "count": 1, "key": None},
    ]
    assert data["notes"] == []


def test_csv_output(database: Path) -> None:
    done = invoke(
        "search", str(database), "", "--genre", "record of conversation", "--format", "csv"
    )
    assert done.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(done.output)))
    assert [(r["rank"], r["path"], r["date_from"]) for r in rows] == [
        ("1", "sample-conversation.xml", "1957-05-14"),
        ("2", "conversation.xml", "1958-01-22"),
    ]


def test_text_facets_and_the_limit(database: Path) -> None:
    done = invoke("search", str(database), "", "--facets", "--limit", "1")
    assert done.exit_code == 0
    assert done.output.splitlines()[0] == "6 documents (no text query), showing 1"
    assert "  year: 1956 (1), 1957 (1), 1958 (1), 1959 (1), 1960 (1)" in done.output.splitlines()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["AND"], 'cannot read the search query: syntax error near "AND"'),
        (["x", "--from", "1958-13"], "the start date '1958-13' is not a date"),
        (["x", "--facets", "--format", "csv"], "--facets needs --format text or json"),
        (["x", "--limit", "0"], "Invalid value for '--limit'"),
    ],
)
def test_bad_queries_exit_2_with_one_line(database: Path, args: list[str], message: str) -> None:
    done = run_cli("search", str(database), *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_name_is_a_warning(database: Path) -> None:
    done = run_cli("search", str(database), "steel", "--place", "Atlantis")
    assert done.returncode == 0
    assert done.stdout == "0 documents for 'steel'\n"
    assert (
        done.stderr == "tei-plenum: warning: no place in the corpus is named or keyed 'Atlantis'\n"
    )


def test_what_is_not_a_corpus_database_exits_2(tmp_path: Path) -> None:
    missing = run_cli("search", str(tmp_path / "none.sqlite"), "x")
    assert (missing.returncode, missing.stderr) == (
        2,
        f"tei-plenum: error: {tmp_path / 'none.sqlite'}: no such database file\n",
    )
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    done = run_cli("search", str(other), "x")
    assert done.returncode == 2
    assert "not a tei-plenum search database" in done.stderr
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01junk" * 400)
    done = run_cli("search", str(junk), "x")
    assert done.returncode == 2
    assert "not a usable database" in done.stderr
