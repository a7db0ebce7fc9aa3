"""Queries: full-text syntax, every filter, facet counts, hits with their place in the HTML
edition, and what a hostile query string gets. Expected document sets come from the TEI
files themselves (their reading text, their name elements), not from the database."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from pathlib import Path

import pytest
from lxml import etree

import tei_plenum
from tei_plenum.export.text import to_text
from tei_plenum.search.query import MAX_QUERY_CHARS, QueryError, SearchResult, search
from tei_plenum.xmlsafe import parse_xml_file

TEI = "{http://www.tei-c.org/ns/1.0}"


def found(result) -> set[str]:
    return {hit.path.removesuffix(".xml") for hit in result.hits}


def texts(corpus: Path) -> dict[str, str]:
    return {p.stem: to_text(parse_xml_file(p)) for p in corpus.parent.glob("*.xml")}


def has(text: str, pattern: str) -> bool:
    return re.search(rf"\b(?:{pattern})\b", text, re.IGNORECASE) is not None


def with_words(corpus: Path, *patterns: str, without: str | None = None) -> set[str]:
    """Documents whose reading text has a word matching every pattern (and none of
    ``without``): the oracle for the full-text queries, which match whole documents."""
    return {
        stem
        for stem, text in texts(corpus).items()
        if all(has(text, p) for p in patterns) and not (without and has(text, without))
    }


def naming(corpus: Path, element: str, key: str) -> set[str]:
    """Documents whose text has a name element pointing to ``key``."""
    stems = set()
    for path in corpus.parent.glob("*.xml"):
        text = parse_xml_file(path).getroot().find(f"{TEI}text")
        if any(e.get("ref") == f"#{key}" for e in text.iter(f"{TEI}{element}")):
            stems.add(path.stem)
    return stems


# ------------------------------------------------------------------------- full-text syntax


def test_a_word_matches_its_english_forms(corpus: Path) -> None:
    result = search(corpus, "plan")
    assert found(result) == with_words(corpus, "plan|plans|planned|planning")
    assert result.total == len(result.hits) == 3


def test_phrase_prefix_and_boolean_operators(corpus: Path) -> None:
    assert found(search(corpus, '"five-year plan"')) == with_words(corpus, "five-year plan")
    assert found(search(corpus, '"five-year plan"')) == {"conversation", "plenum"}
    assert found(search(corpus, "embass*")) == with_words(corpus, r"embass\w*")
    # Words joined by AND (or by nothing) may be anywhere in the document.
    both = with_words(corpus, "moscow", "kim")
    assert both == {"conversation", "journal", "report"}  # the report names both, apart
    assert found(search(corpus, "Moscow AND Kim")) == both
    assert found(search(corpus, "Moscow Kim")) == both
    either = with_words(corpus, "steel") | with_words(corpus, "five-year plan")
    assert found(search(corpus, 'steel OR "five-year plan"')) == either
    alone = with_words(corpus, "kim", without="embassy|embassies")
    assert alone == {"plenum"}  # every other Kim is in a text with an embassy
    assert found(search(corpus, "Kim NOT embassy")) == alone
    grouped = with_words(corpus, "steel|looms", without="kangson")
    assert grouped == {"conversation", "foreign-letter"}  # the report's steel is Kangson's
    assert found(search(corpus, "(steel OR looms) NOT Kangson")) == grouped


def test_hits_carry_title_date_page_snippet_and_link(corpus: Path) -> None:
    result = search(corpus, "steel")
    assert found(result) == {"conversation", "report"}
    hit = next(h for h in result.hits if h.path == "conversation.xml")
    assert hit.title == "Record of Conversation with Kim Il Sung, 22 January 1958"
    assert (hit.date, hit.date_from, hit.genre, hit.page) == (
        "22 January 1958",
        "1958-01-22",
        "record of conversation",
        "1",
    )
    assert hit.matches == 1
    assert "**steel**" in hit.snippet.marked()
    assert "steel" in hit.snippet.plain
    assert "**" not in hit.snippet.plain
    assert hit.link == f"conversation.html#{hit.anchor}"
    # The anchor is the paragraph in the HTML edition.
    page = etree.HTML((corpus.parent / "conversation.html").read_bytes())
    (paragraph,) = page.xpath(f"//*[@id='{hit.anchor}']")
    assert "production of steel" in "".join(paragraph.itertext())
    report = next(h for h in result.hits if h.path == "report.xml")
    assert report.link is None  # no HTML edition beside it
    assert [h.rank for h in result.hits] == [1, 2]
    assert result.hits[0].score >= result.hits[1].score > 0


def test_best_paragraph_first(corpus: Path) -> None:
    # "Moscow" fills a short paragraph of the conversation ("I will report this to Moscow
    # today."): bm25 ranks it above longer ones.
    hit = next(h for h in search(corpus, "Moscow").hits if h.path == "conversation.xml")
    assert hit.snippet.plain == "I will report this to Moscow today."
    assert hit.matches == 3


def test_an_empty_query_keeps_every_document_in_date_order(corpus: Path) -> None:
    result = search(corpus, "")
    assert [h.path for h in result.hits] == [
        "plenum.xml",
        "sample-conversation.xml",
        "conversation.xml",
        "journal.xml",  # the period its title gives, May 1959
        "report.xml",
        "foreign-letter.xml",  # undated documents last
    ]
    assert all(h.snippet.parts == () and h.score == 0 for h in result.hits)


def test_limit(corpus: Path) -> None:
    result = search(corpus, "", limit=2)
    assert (len(result.hits), result.total) == (2, 6)
    with pytest.raises(QueryError, match="limit"):
        search(corpus, "x", limit=0)


# ----------------------------------------------------------------------------------- filters


@pytest.mark.parametrize(
    "name",
    ["pers-kim-il-sung", "Kim Il Sung", "KIM IL SUNG", "kim il sung", "Kim Il-sung", "Kim Ir Sen"],
)
def test_person_by_key_name_or_variant(corpus: Path, name: str) -> None:
    expected = naming(corpus, "persName", "pers-kim-il-sung")
    assert expected == {"conversation", "plenum", "report", "journal"}
    assert found(search(corpus, "", person=name)) == expected


def test_people_of_a_foreign_file_by_record_surface_or_key(corpus: Path) -> None:
    for name in ("John Barker", "J. Barker", "jb", "Mr Hartley"):
        assert found(search(corpus, "", person=name)) == {"foreign-letter"}, name


def test_every_person_named_must_appear(corpus: Path) -> None:
    both = naming(corpus, "persName", "pers-kim-il-sung") & naming(
        corpus, "persName", "pers-nam-il"
    )
    assert found(search(corpus, "", person=["Kim Il Sung", "Nam Ir"])) == both


def test_place_and_org(corpus: Path) -> None:
    assert found(search(corpus, "", place="Moscow")) == naming(corpus, "placeName", "place-moscow")
    assert found(search(corpus, "", place="Leeds")) == {"foreign-letter"}
    assert found(search(corpus, "", org="KWP CC")) == naming(corpus, "orgName", "org-kwp-cc")
    # A place is no organisation.
    assert search(corpus, "", org="Moscow").total == 0


def test_unknown_names_match_nothing_and_say_so(corpus: Path) -> None:
    result = search(corpus, "plan", person="Nobody Atall")
    assert result.total == 0
    assert result.notes == ("no person in the corpus is named or keyed 'Nobody Atall'",)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1958", None, {"conversation", "journal", "report"}),
        (None, "1957", {"plenum", "sample-conversation"}),
        ("1956-08-31", "1956-09", {"plenum"}),  # the plenum met on 30-31 August
        ("1956-09", "1957-05-13", set()),
        ("1957-05", "1958-01-22", {"sample-conversation", "conversation"}),
    ],
)
def test_date_range(corpus: Path, start, end, expected) -> None:
    assert found(search(corpus, "", date_from=start, date_to=end)) == expected


def test_bad_dates_are_refused(corpus: Path) -> None:
    for value in ("1958-13", "last year", "58", "1958-02-30"):
        with pytest.raises(QueryError, match="is not a date"):
            search(corpus, "", date_from=value)


def test_genre_and_classification(corpus: Path) -> None:
    assert found(search(corpus, "", genre="Record of Conversation")) == {
        "conversation",
        "sample-conversation",
    }
    # Printed words, any case; SECRET is not TOP SECRET.
    assert found(search(corpus, "", classification="secret")) == {"plenum", "report"}
    assert found(search(corpus, "", classification="TOP SECRET")) == {
        "sample-conversation",
        "journal",
    }
    assert found(search(corpus, "plan", genre="decision")) == {"plenum"}


def test_facet_counts_of_the_result_set(corpus: Path) -> None:
    facets = {
        f.name: {v.value: v.count for v in f.values} for f in search(corpus, "", facets=True).facets
    }
    assert facets["genre"] == {
        "record of conversation": 2, "decision": 1, "journal": 1, "report": 1,
    }  # fmt: skip
    assert facets["year"] == {"1956": 1, "1957": 1, "1958": 1, "1959": 1, "1960": 1}
    assert facets["person"]["Kim Il Sung"] == 4
    steel = {f.name: f for f in search(corpus, "steel", facets=True).facets}
    assert {v.value: v.count for v in steel["genre"].values} == {
        "record of conversation": 1,
        "report": 1,
    }
    kim = next(v for v in steel["person"].values if v.value == "Kim Il Sung")
    assert (kim.count, kim.key) == (2, "pers-kim-il-sung")
    assert [v.count for v in steel["place"].values] == sorted(
        (v.count for v in steel["place"].values), reverse=True
    )


# ---------------------------------------------------------------------- errors and hostility


@pytest.mark.parametrize(
    "query", ["AND", '"unclosed', "nowhere:word", "a NOT", "(a", "NEAR(a b, x)"]
)
def test_syntax_errors_are_one_clear_query_error(corpus: Path, query: str) -> None:
    with pytest.raises(QueryError, match=r"^cannot read the search query: .*\(the syntax: "):
        search(corpus, query)


def attempt(corpus: Path, query: str) -> tuple[SearchResult | None, str]:
    """The result of a search with ``query`` as text and as a person, or the error's words."""
    try:
        return search(corpus, query, person=query), ""
    except QueryError as error:
        return None, str(error)


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE documents; --",
        "x' OR 1=1 --",
        '" OR 1=1; DELETE FROM paragraphs; --',
        "steel) UNION SELECT * FROM documents --",
        "\x1b[31mred\x1b[0m",
        "\u202e\u0000",
        "(" * 500 + "a" + ")" * 500,
        "a " * 999,
    ],
)
def test_hostile_queries_change_nothing(corpus: Path, query: str) -> None:
    before = sqlite3.connect(corpus).execute("SELECT count(*) FROM paragraphs").fetchone()
    result, message = attempt(corpus, query)
    if result is None:
        # One line that no query can use to drive a terminal.
        assert "\x1b" not in message
        assert "\x00" not in message
        assert "\n" not in message
    else:
        assert result.total == 0
    after = sqlite3.connect(corpus).execute("SELECT count(*) FROM paragraphs").fetchone()
    assert before == after
    assert search(corpus, "steel").total == 2


def test_nul_and_huge_queries_are_refused(corpus: Path) -> None:
    with pytest.raises(QueryError, match="NUL"):
        search(corpus, "steel\x00")
    with pytest.raises(QueryError, match=f"longer than {MAX_QUERY_CHARS}"):
        search(corpus, "steel " * 1_000_000)
    with pytest.raises(QueryError, match="longer than"):
        search(corpus, "", person="x" * (MAX_QUERY_CHARS + 1))


def test_the_database_is_only_read(corpus: Path) -> None:
    before = corpus.read_bytes()
    search(corpus, "steel", person="Kim Il Sung", facets=True)
    assert corpus.read_bytes() == before


# ----------------------------------------------------------------------------------- the API


def test_the_package_is_the_search_function(corpus: Path) -> None:
    result = tei_plenum.search(corpus, "steel", person="pers-kim-il-sung")
    assert isinstance(result, tei_plenum.SearchResult)
    assert found(result) == {"conversation", "report"}
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.hits[0].title = ""  # type: ignore[misc]
