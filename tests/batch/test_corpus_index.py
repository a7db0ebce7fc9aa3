"""The corpus index page, checked on the parsed HTML: order, cross-indexes, escaping."""

from __future__ import annotations

from dataclasses import replace

from lxml import html as lxml_html

from tei_plenum.batch import Summary
from tei_plenum.batch.corpus_index import IndexEntry, build_index
from tei_plenum.batch.worker import summarise
from tei_plenum.pipeline import convert_text
from tei_plenum.vocabulary import XML_ID


def summary(title: str, date: str, entities: list[tuple[str, str, str]], pages: int = 1) -> Summary:
    return Summary(
        title=title,
        date=date,
        date_sort=date,
        kind="record of conversation",
        classification="SECRET" if date else "",
        pages=pages,
        date_mentions=0,
        warnings=0,
        entities=tuple(entities),
    )


ENTRIES = [
    IndexEntry.of(
        "b/beta",
        summary(
            "Beta <script>alert(1)</script>",
            "1958-01-22",
            [("person", "pers-kim", "Kim Il Sung"), ("org", "org-kwp", "KWP")],
            pages=2,
        ),
    ),
    IndexEntry.of("alpha", summary("alpha", "", [("person", "pers-kim", "Kim Il-sung")])),
    IndexEntry.of(
        "c/gamma & delta",
        summary(
            "Gamma",
            "1956-08-30",
            [("person", "pers-kim", "Kim Il Sung"), ("place", "place-pyongyang", "Pyongyang")],
        ),
    ),
]


def page():
    return lxml_html.document_fromstring(build_index(ENTRIES))


def column(doc, section: str, index: int) -> list[str]:
    return [
        " ".join(td.text_content().split())
        for td in doc.xpath(f"//section[@id='{section}']//tbody/tr/td[{index}]")
    ]


def test_documents_are_listed_by_date_with_undated_last_and_by_title():
    doc = page()
    titles_by_date = column(doc, "by-date", 1)
    assert titles_by_date == ["Gamma", "Beta <script>alert(1)</script>", "alpha"]
    assert column(doc, "by-date", 2) == ["1956-08-30", "1958-01-22", "undated"]
    assert column(doc, "by-title", 1) == ["alpha", "Beta <script>alert(1)</script>", "Gamma"]
    assert column(doc, "by-title", 4) == ["none stated", "SECRET", "SECRET"]
    assert column(doc, "by-title", 5) == ["1", "2", "1"]


def test_links_point_to_each_documents_page_quoted():
    hrefs = page().xpath("//section[@id='by-title']//tbody//a/@href")
    assert hrefs == ["alpha.html", "b/beta.html", "c/gamma%20%26%20delta.html"]


def test_nav_links_reach_every_section():
    doc = page()
    targets = [href[1:] for href in doc.xpath("//nav//a/@href")]
    assert targets == ["by-date", "by-title", "persons", "places", "organisations"]
    assert all(doc.xpath(f"//*[@id='{target}']") for target in targets)


def test_cross_indexes_list_each_entity_with_the_documents_that_mention_it():
    doc = page()
    (kim,) = doc.xpath("//section[@id='persons']/ul/li")
    # Two of three documents spell it "Kim Il Sung": the common spelling names the entry.
    assert kim.get("id") == "persons-pers-kim"
    assert kim.xpath("string(span[@class='entity-name'])") == "Kim Il Sung"
    assert kim.xpath("string(span[@class='entity-count'])") == " (3 documents)"
    assert kim.xpath("ul/li/a/@href") == ["c/gamma%20%26%20delta.html", "b/beta.html", "alpha.html"]
    assert kim.xpath("ul/li/a/text()")[0] == "Gamma, 1956-08-30"
    (place,) = doc.xpath("//section[@id='places']/ul/li")
    assert place.xpath("string(span[@class='entity-name'])") == "Pyongyang"
    (org,) = doc.xpath("//section[@id='organisations']/ul/li")
    assert org.xpath("ul/li/a/@href") == ["b/beta.html"]


def test_text_is_escaped_and_nothing_is_fetched_or_run():
    text = build_index(ENTRIES).decode()
    assert "<script>" not in text
    assert "Beta &lt;script&gt;alert(1)&lt;/script&gt;" in text
    doc = lxml_html.document_fromstring(text)
    assert doc.xpath("//script | //link | //img | //iframe | //@src") == []
    assert doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content") == [
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"
    ]


def test_an_empty_section_says_so():
    doc = lxml_html.document_fromstring(build_index(ENTRIES[1:2]))
    assert doc.xpath("string(//section[@id='places']/p)") == "No places are mentioned."
    assert doc.xpath("string(//h1/following-sibling::p)") == "1 document, 1 page."


def test_a_file_name_cannot_become_a_script_link():
    entry = IndexEntry.of("javascript:alert(1)", summary("x", "", []))
    assert entry.href == "javascript%3Aalert%281%29.html"
    doc = lxml_html.document_fromstring(build_index([entry]))
    assert doc.xpath("//a[starts-with(@href, 'javascript:')]") == []


def test_the_classification_shows_its_level_where_the_words_differ():
    def entry(rel: str, printed: str, level: str) -> IndexEntry:
        found = replace(summary(rel, "1957-01-01", []), classification=printed)
        return IndexEntry.of(rel, replace(found, classification_level=level))

    doc = lxml_html.document_fromstring(
        build_index(
            [
                entry("a", "SECRET", "secret"),
                entry("b", "Strictly secret", "top secret"),
                entry("c", "Highly classified!", ""),
            ]
        )
    )
    assert column(doc, "by-title", 4) == [
        "SECRET",
        "Strictly secret (top secret)",
        "Highly classified!",
    ]
    cells = doc.xpath("//section[@id='by-title']//tbody/tr/td[4]")
    assert [cell.get("data-level") for cell in cells] == ["secret", "top secret", None]


def test_the_page_bears_the_edition_title_when_one_is_configured():
    titled = lxml_html.document_fromstring(build_index(ENTRIES, "Korean War Papers"))
    assert titled.findtext(".//h1") == "Korean War Papers"
    assert titled.findtext(".//title").startswith("Korean War Papers: ")
    assert page().findtext(".//h1") == "Corpus index"


def test_a_record_the_document_could_not_identify_is_keyed_to_that_document():
    """An unresolved record ("Foreign Ministry") joins no other document's in the corpus
    index; a record of the authority keeps its key."""
    text = (
        "May 10, 1965\nTelegram from the Embassy in Hanoi\n"
        "The Foreign Ministry of the host country received Comrade Zhou Enlai in Hanoi.\n"
    )
    conversion = convert_text(text, source_name="hanoi-telegram.txt")
    summary = summarise(conversion.document, conversion.tree)
    entities = {key: name for _kind, key, name in summary.entities}
    own = conversion.tree.getroot().get(XML_ID)
    assert entities[f"{own}#org-foreign-ministry"] == "Foreign Ministry"
    assert entities["pers-zhou-enlai"] == "Zhou Enlai"
    assert "org-foreign-ministry" not in entities
