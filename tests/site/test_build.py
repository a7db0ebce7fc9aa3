"""The corpus site: pages, navigation by date, TEI downloads, facets, names across
documents, and a build that never leaves half a site."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from tei_plenum.cli import main
from tei_plenum.edition import EditionConfig
from tei_plenum.errors import ConfigError
from tei_plenum.export.html import Edition
from tei_plenum.site import build_site
from tei_plenum.site.build import MARKER
from tests.export.html.fixtures import HEADER, STANDOFF, record

BODY = (
    "<body><pb n='1'/><p>{words} <persName ref='#pers-pak'>Pak Tal-mun</persName> and "
    "<persName ref='#pers-zhou'>Zhou Enlai</persName> in "
    "<placeName ref='#pl-kaesong'>Kaesong</placeName>.</p></body>"
)


def write(folder: Path, name: str, *, date: str, title: str, words: str, genre: str) -> None:
    header = (
        HEADER.replace('<date when="1957-03-04">4 March 1957</date>', date)
        .replace("Record of a Conversation with Comrade Pak Tal-mun", title)
        .replace("record of conversation", genre)
    )
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record(body=BODY.format(words=words), header=header), encoding="utf-8")


@pytest.fixture
def collection(tmp_path: Path) -> Path:
    source = tmp_path / "tei"
    write(source, "b/later.tei.xml", date="<date when='1958-01-02'>2 January 1958</date>",
          title="Later letter", words="zebra", genre="letter")  # fmt: skip
    write(source, "earlier.tei.xml", date="<date when='1956-05-06'>6 May 1956</date>",
          title="Earlier record", words="walrus", genre="record of conversation")  # fmt: skip
    write(source, "undated.xml", date="<date>no date</date>", title="A note",
          words="yak", genre="letter")  # fmt: skip
    return source


def parse(path: Path) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(path.read_bytes())


def test_documents_are_linked_by_date_to_each_other_and_to_their_tei(collection, tmp_path):
    out = tmp_path / "site"
    config = EditionConfig(Edition(title="Korea Files", base_url="https://ed.example.org/"))
    result = build_site([collection], out, config=config, search=False)
    assert result.documents == 3
    earlier = parse(out / "documents" / "earlier.html")
    nav = earlier.find_class("docnav")[0]
    assert [a.get("href") for a in nav.iter("a")] == [
        "../documents/b/later.html",
        "../index.html",
        "earlier.tei.xml",
    ]
    assert (out / "documents" / "earlier.tei.xml").read_bytes() == (
        collection / "earlier.tei.xml"
    ).read_bytes()
    later = parse(out / "documents" / "b" / "later.html")
    hrefs = [a.get("href") for a in later.find_class("docnav")[0].iter("a")]
    assert hrefs == [
        "../../documents/earlier.html",
        "../../documents/undated.html",
        "../../index.html",
        "later.tei.xml",
    ]
    # The page's own address is in its citation.
    assert (
        later.find_class("cite-note")[0]
        .text_content()
        .endswith("https://ed.example.org/documents/b/later.html.")
    )
    # Document pages have no script but their data block; only the text is searchable.
    assert [s.get("type") for s in later.iter("script")] == ["application/ld+json"]
    assert later.find(".//main").get("data-pagefind-body") == ""
    assert (out / MARKER).exists()


def test_index_views_and_facets(collection, tmp_path):
    out = tmp_path / "site"
    build_site([collection], out, search=False)
    titles = {}
    for view in ("index.html", "by-title.html", "by-genre.html"):
        table = parse(out / view).find_class("documents")[0]
        titles[view] = [row.findall("td")[1].text_content() for row in table.find("tbody")]
    assert titles == {
        "index.html": ["Earlier record", "Later letter", "A note"],
        "by-title.html": ["A note", "Earlier record", "Later letter"],
        "by-genre.html": ["Later letter", "A note", "Earlier record"],
    }
    index = parse(out / "index.html")
    facets = index.find_class("facets")[0]
    links = {a.text_content(): a.get("href") for a in facets.iter("a")}
    assert links["letter"] == "genres.html#v-letter"
    assert links["1956"] == "years.html#v-1956"
    years = parse(out / "years.html")
    assert years.get_element_by_id("v-1958").text_content().startswith("1958 (1)Later letter")
    assert not (out / "search.html").exists()
    assert not list(index.iter("script"))


def test_names_across_documents(collection, tmp_path):
    out = tmp_path / "site"
    build_site([collection], out, search=False)
    persons = parse(out / "persons.html")
    entries = persons.find_class("entities")[0].findall("li")
    assert [e.find_class("entity-name")[0].text_content() for e in entries] == [
        "Pak Tal-mun",
        "Zhou Enlai",
    ]
    pak = entries[0]
    assert pak.find_class("count")[0].text_content() == " (3 documents)"
    documents = [(a.text_content(), a.get("href")) for a in pak.find_class("mentions")[0].iter("a")]
    assert [title for title, _href in documents] == ["Earlier record", "Later letter", "A note"]
    href = documents[0][1]
    assert href.startswith("documents/earlier.html#")
    target = parse(out / "documents" / "earlier.html").get_element_by_id(href.split("#")[1])
    assert target.text_content() == "Pak Tal-mun"
    assert pak.find_class("authority")[0].get("href") == "https://www.wikidata.org/wiki/Q100001"
    places = parse(out / "places.html").find_class("entity-name")
    assert [p.text_content() for p in places] == ["Kaesong"]


def test_a_folder_that_is_not_a_site_is_never_overwritten(collection, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a site written by"):
        build_site([collection], out, search=False)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    site = tmp_path / "site"
    build_site([collection], site, search=False)
    (collection / "undated.xml").unlink()
    assert build_site([collection], site, search=False).documents == 2
    assert not (site / "documents" / "undated.html").exists()


def test_a_bad_document_leaves_no_site(collection, tmp_path):
    (collection / "broken.xml").write_text("<TEI><text>", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["site", str(collection), "-o", str(tmp_path / "site"), "--no-search"]
    )
    assert result.exit_code == 1
    assert "broken.xml" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["tei"]


def test_site_command_reads_the_configuration_of_the_collection(collection, tmp_path):
    (collection / "tei-plenum.toml").write_text('[edition]\ntitle = "Korea Files"\n', "utf-8")
    result = CliRunner().invoke(
        main, ["site", str(collection), "-o", str(tmp_path / "site"), "--no-search"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 3 documents to {tmp_path / 'site'} (without search)\n"
    index = parse(tmp_path / "site" / "index.html")
    assert index.find_class("site-title")[0].text_content() == "Korea Files"


def test_the_same_collection_gives_the_same_site(collection, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    build_site([collection], first, search=False)
    build_site([collection], second, search=False)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_a_name_without_a_record_of_its_own_joins_no_other_documents(tmp_path):
    """'Foreign Ministry' unresolved in two documents may be two ministries: each document
    keeps its own entry, while a record both link (Kaesong) is one entry."""
    standoff = STANDOFF.replace(
        "</listPlace>",
        "</listPlace><listOrg><org xml:id='org-foreign-ministry'><orgName>Foreign Ministry"
        "</orgName><note type='resolution'>unresolved</note></org></listOrg>",
    )
    body = (
        "<body><pb n='1'/><p>The <orgName ref='#org-foreign-ministry'>Foreign Ministry</orgName>"
        " in <placeName ref='#pl-kaesong'>Kaesong</placeName>.</p></body>"
    )
    source = tmp_path / "tei"
    source.mkdir()
    for name in ("one.xml", "two.xml"):
        (source / name).write_text(record(body=body, standoff=standoff), encoding="utf-8")
    out = tmp_path / "site"
    build_site([source], out, search=False)

    def entries(page: str) -> list[tuple[str, str]]:
        items = parse(out / page).find_class("entities")[0].findall("li")
        return [
            (i.find_class("entity-name")[0].text_content(), i.find_class("count")[0].text_content())
            for i in items
        ]

    assert entries("organisations.html") == [
        ("Foreign Ministry", " (1 document)"),
        ("Foreign Ministry", " (1 document)"),
    ]
    assert entries("places.html") == [("Kaesong", " (2 documents)")]
