"""Datasette serves the corpus database as it is, with the metadata ``index`` writes."""

from __future__ import annotations

import asyncio
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tei_plenum.search.datasette import TABLES, datasette_metadata, write_metadata

datasette_app = pytest.importorskip("datasette.app")


def get(database: Path, path: str, metadata: dict | None = None) -> dict:
    """A JSON page of Datasette's own test client, on an event loop of its own thread (the
    browser tests leave one running in the main thread)."""

    async def fetch() -> dict:
        app = datasette_app.Datasette([str(database)], metadata=metadata)
        response = await app.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(fetch())).result(timeout=60)


def test_every_column_has_a_description(corpus: Path) -> None:
    conn = sqlite3.connect(corpus)
    for table, meta in TABLES.items():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")} - {"id"}
        assert set(meta["columns"]) == columns, table


def test_a_facet_query_returns_the_expected_rows(corpus: Path) -> None:
    data = get(
        corpus,
        "/corpus/documents.json?_facet=genre&genre=record+of+conversation&_shape=objects",
        datasette_metadata("corpus"),
    )
    assert sorted(row["path"] for row in data["rows"]) == [
        "conversation.xml",
        "sample-conversation.xml",
    ]
    genres = {r["value"]: r["count"] for r in data["facet_results"]["genre"]["results"]}
    assert genres == {"record of conversation": 2}


def test_the_metadata_opens_tables_with_their_facets(corpus: Path) -> None:
    data = get(corpus, "/corpus/documents.json?_shape=objects", datasette_metadata("corpus"))
    assert set(data["facet_results"]) == {"genre", "classification_text", "year"}
    years = {r["value"]: r["count"] for r in data["facet_results"]["year"]["results"]}
    # The journal is dated by the period its title gives (May 1959).
    assert years == {1956: 1, 1957: 1, 1958: 1, 1959: 1, 1960: 1}


def test_full_text_search_and_the_canned_query(corpus: Path) -> None:
    metadata = datasette_metadata("corpus")
    found = get(corpus, "/corpus/documents.json?_search=steel&_shape=objects", metadata)
    assert sorted(row["path"] for row in found["rows"]) == ["conversation.xml", "report.xml"]
    phrase = get(corpus, '/corpus/search.json?query="five-year plan"&_shape=objects', metadata)
    assert {row["title"].split(",")[0] for row in phrase["rows"]} == {
        "Record of Conversation with Kim Il Sung",
        "Decision of the KWP CC Plenum",
    }
    assert all("<<five-year plan>>" in row["snippet"] for row in phrase["rows"])
    # Both have their HTML edition beside them in the test corpus.
    assert {row["link"] for row in phrase["rows"]} == {"conversation.html", "plenum.html"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_the_datasette_command_serves_the_database(corpus: Path, tmp_path: Path) -> None:
    metadata = tmp_path / "metadata.json"
    write_metadata(metadata, corpus)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(corpus), "-m", str(metadata),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/corpus/documents.json?_shape=objects&genre=report"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    data = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert [row["path"] for row in data["rows"]] == ["report.xml"]
