"""The HTML reading edition, checked on the parsed page: structure, fidelity, safety."""

from __future__ import annotations

import re

import pytest
from lxml import etree
from lxml import html as lxml_html

from tei_plenum.errors import DocumentError
from tei_plenum.export.html import TEI_NS, HtmlOptions, to_html
from tei_plenum.pipeline import convert_file
from tei_plenum.xmlsafe import parse_xml, parse_xml_file
from tests.conftest import EXAMPLES, SAMPLE

PLENUM = EXAMPLES / "plenum-excerpt.tei.xml"
CONVERSATION = EXAMPLES / "conversation-sample.tei.xml"

# TEI elements the fidelity rule (guide §11) separates with whitespace.
TEI_BLOCKS = {
    "fw", "head", "p", "ab", "item", "titlePart", "docDate", "byline", "signed", "speaker",
    "salute", "dateline", "addrLine", "div", "sp", "list", "closer", "opener", "front", "body",
    "back", "titlePage", "docTitle",
}  # fmt: skip


def tei(text: str, header: str = "", standoff: str = "", lang: str = "en") -> str:
    return (
        f'<TEI xmlns="{TEI_NS}" xml:lang="{lang}"><teiHeader>{header}</teiHeader>'
        f"{standoff}<text>{text}</text></TEI>"
    )


def render(xml: str, source_name: str | None = None, options: HtmlOptions | None = None) -> str:
    return to_html(parse_xml(xml.encode("utf-8")), source_name=source_name, options=options)


def page_of(xml: str, options: HtmlOptions | None = None) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render(xml, options=options))


def reading_tokens(doc: lxml_html.HtmlElement) -> list[str]:
    """Words of <main> with the page markers and note numbers left out, as a reader with
    markers off sees."""
    main = doc.find(".//main")
    for marker in [*main.find_class("pb"), *main.find_class("noteref")]:
        marker.drop_tree()
    return main.text_content().split()


def scripts(doc: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Script elements other than the one JSON-LD data block (which no browser runs)."""
    return [s for s in doc.iter("script") if s.get("type") != "application/ld+json"]


def tei_tokens(text_el: etree._Element) -> list[str]:
    """The export of guide §11: character data of tei:text, blocks apart, comments left out;
    notes not printed inline are read at the end, apart from the text."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if etree.QName(el).localname == "note" and el.get("place") != "inline":
            return
        block = etree.QName(el).localname in TEI_BLOCKS
        parts.append(" " if block else "")
        parts.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        parts.append(" " if block else "")

    walk(text_el)
    return "".join(parts).split()


@pytest.mark.parametrize(("path", "count"), [(PLENUM, 604), (CONVERSATION, 268)])
def test_reading_text_has_exactly_the_words_of_the_tei_text(path, count):
    tree = parse_xml_file(path)
    expected = tei_tokens(tree.getroot().find(f"{{{TEI_NS}}}text"))
    # The guide states these token counts for the two examples (§17).
    assert len(expected) == count
    doc = lxml_html.document_fromstring(to_html(tree, source_name=path.name))
    assert reading_tokens(doc) == expected


def test_plenum_structure():
    doc = lxml_html.document_fromstring(to_html(parse_xml_file(PLENUM)))
    assert doc.get("lang") == "en"
    assert [h.text_content() for h in doc.iter("h1")] == [
        "Decision of the KWP CC Plenum, 30-31 August 1956"
    ]
    main = doc.find(".//main")
    assert [h.text_content() for h in main.iter("h2")] == ["I.", "2."]
    assert main.find(".//h3") is None
    assert [m.text_content() for m in main.find_class("pb")] == ["[p. 1]", "[p. 2]", "[p. 8]"]
    titles = [t.text_content() for t in main.find_class("tei-titlePart")]
    assert titles[0] == "DECISION OF THE KWP CC PLENUM"
    signed = [s.text_content() for s in main.find_class("tei-signed")]
    assert signed[0] == "CHAIRMAN OF THE KWP CC KIM IL SUNG"
    assert signed[1:] == ["Rozanov [signature]", "Bulgakov [signature]", "Suvorov [signature]"]
    classification = main.get_element_by_id("mk-classification")
    assert classification.text_content() == "SECRET"
    assert "place-right" in classification.get("class").split()
    # The range date keeps its words and carries its start as machine-readable value.
    between = [t for t in main.iter("time") if t.text_content() == "between 1 June and 19 July"]
    assert between[0].get("datetime") == "1956-06-01"
    assert between[0].get("title") == "from 1956-06-01; to 1956-07-19"


def test_conversation_turns_keep_the_label_apart():
    doc = lxml_html.document_fromstring(to_html(parse_xml_file(CONVERSATION)))
    turns = doc.find(".//main").find_class("tei-sp")
    assert len(turns) == 4
    labels = [t.find_class("tei-speaker") for t in turns]
    assert [lab[0].text_content() if lab else None for lab in labels] == [
        None,
        "KARELIN:",
        "HAN SANG-DOK:",
        None,
    ]
    assert turns[1].find_class("tei-p")[0].text_content().startswith("I will ask")


def test_metadata_panel_shows_the_classification_level():
    tree = convert_file(SAMPLE).tree
    panel = lxml_html.document_fromstring(to_html(tree)).find_class("about")[0]
    labels = [dt.text_content() for dt in panel.iter("dt")]
    values = [dd.text_content() for dd in panel.iter("dd")]
    at = labels.index("Classification")
    assert (labels[at + 1], values[at], values[at + 1]) == (
        "Classification level",
        "SECRET",
        "secret",
    )


def test_metadata_panel_from_the_header():
    doc = lxml_html.document_fromstring(
        to_html(parse_xml_file(PLENUM), source_name="/some/where/plenum-excerpt.tei.xml")
    )
    panel = doc.find_class("about")[0]
    rows = dict(
        zip(
            [dt.text_content() for dt in panel.iter("dt")],
            [dd.text_content() for dd in panel.iter("dd")],
            strict=True,
        )
    )
    assert rows["Date"] == "30-31 August 1956"
    assert rows["Issued by"] == "Central Committee of the Korean Workers' Party"
    assert rows["Archive"] == "Wilson Center Digital Archive"
    assert rows["Identifiers"] == (
        "registration no. 933; copy no. 1; source file 000_9043b67ecca8677c.txt"
    )
    assert rows["Classification"] == "SECRET"
    assert "Classification level" not in rows  # the guide's example points to no level
    assert rows["Copy number"] == "Copy Nº 1"
    assert rows["Print run"] == "Five copies printed"
    assert rows["Source language"].startswith("Translation from Korean (the translators'")
    assert rows["Translators"].startswith(
        "Rozanov (translation from Korean, signed in the translators' block)"
    )
    assert "How to cite" not in rows  # a section of its own (tests/export/html)
    # Only the file name of the source is shown, never where it lives.
    assert "/some/where" not in lxml_html.tostring(doc, encoding="unicode")


def test_index_lists_every_occurrence_with_its_page_and_authority():
    doc = lxml_html.document_fromstring(to_html(parse_xml_file(PLENUM)))
    index = doc.get_element_by_id("index")
    assert [h.text_content() for h in index.iter("h3")] == [
        "People",
        "Places",
        "Organisations",
        "Events",
    ]
    kim = doc.get_element_by_id("idx-pers-kim-il-sung")
    assert kim.text_content() == "Kim Il Sung: p. 8"
    kwp = doc.get_element_by_id("idx-org-kwp-cc")
    # KWP CC: in the title (page 1) and in the signature (page 8).
    assert [a.text_content() for a in kwp.find_class("occ")] == ["p. 1", "p. 8"]
    dprk = doc.get_element_by_id("idx-place-dprk")
    assert [a.get("href") for a in dprk.find_class("authority")] == [
        "https://www.wikidata.org/wiki/Q423"
    ]
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    for link in doc.iter("a"):
        href = link.get("href")
        if href.startswith("#"):
            assert href[1:] in ids, href
    names = doc.find(".//main").find_class("name")
    # Hand count: 1 in the title, 13 in section I, 1 in section 2, 2 in the closer, 3 in back.
    assert len(names) == 20
    assert all(el.get("id") for el in names)


def test_nested_names_never_nest_links():
    doc = lxml_html.document_fromstring(to_html(parse_xml_file(PLENUM)))
    assert not [a for a in doc.iter("a") if any(True for _ in a.iterancestors("a"))]
    government = [
        a for a in doc.iter("a") if a.text_content() == "DPRK Government" and "name" in a.classes
    ]
    inner = government[0].find_class("name-place")[0]
    assert inner.tag == "span"
    assert inner.text_content() == "DPRK"


def test_brackets_and_editorial_elements_add_no_characters():
    xml = tei(
        "<body><p>Translated [<supplied resp='#r'>by</supplied>]: [[<unclear>word</unclear>]]"
        " [[<gap reason='illegible'><desc>illegible signature</desc></gap>]]"
        " [<note place='inline'>sic</note>] [<seg type='description'>signature</seg>]"
        "<gap reason='excerpt' unit='page' quantity='6'/> end "
        '"<q>quoted</q>"</p></body>'
    )
    doc = page_of(xml)
    assert reading_tokens(doc) == (
        [
            "Translated",
            "[by]:",
            "[[word]]",
            "[[illegible",
            "signature]]",
            "[sic]",
            "[signature]",
            "end",
            '"quoted"',
        ]
    )
    editorial = doc.find_class("editorial")
    assert [e.text_content() for e in editorial] == [
        "by",
        "word",
        "illegible signature",
        "sic",
        "signature",
        "",
    ]
    assert editorial[-1].get("title") == "Not transcribed (reason: excerpt; extent: 6 page)"
    # No <q>: browsers would draw quote marks of their own around it.
    assert not list(doc.iter("q"))


def test_page_of_an_occurrence_is_the_preceding_page_break():
    xml = tei(
        "<body><pb n='3'/><p><persName ref='#p'>Ann</persName> and <pb n='4'/>"
        "<persName ref='#p'>Ann</persName></p></body>",
        standoff=(
            "<standOff><listPerson><person xml:id='p'><persName>Ann Lee</persName>"
            "<idno type='viaf'>12345</idno></person></listPerson></standOff>"
        ),
    )
    doc = page_of(xml)
    entry = doc.get_element_by_id("idx-p")
    assert [a.text_content() for a in entry.find_class("occ")] == ["p. 3", "p. 4"]
    assert entry.find_class("idx-name")[0].text_content() == "Ann Lee"
    assert entry.find_class("authority")[0].get("href") == "https://viaf.org/viaf/12345"


def test_unresolved_records_and_dangling_refs_are_flagged():
    standoff = (
        "<standOff><listPlace>"
        "<place xml:id='pl-a'><placeName>Aville</placeName>"
        "<note type='resolution'>unresolved</note></place>"
        "<place xml:id='pl-b'><placeName>Btown</placeName><idno type='geonames'>2643743</idno>"
        "</place></listPlace></standOff>"
    )
    xml = tei(
        "<body><p><placeName ref='#pl-a'>Aville</placeName> "
        "<placeName ref='#pl-b'>Btown</placeName> <placeName ref='#nowhere'>Cburg</placeName> "
        "<placeName>Dham</placeName></p></body>",
        standoff=standoff,
    )
    doc = page_of(xml, HtmlOptions(review=True))
    index = doc.get_element_by_id("index")
    items = {li.find_class("idx-name")[0].text_content(): li for li in index.iter("li")}
    flagged = {name for name, li in items.items() if li.find_class("badge")}
    assert flagged == {"Aville", "Cburg", "Dham"}
    # A reader's page keeps the workflow to itself.
    assert not page_of(xml).find_class("badge")
    assert not page_of(xml).find_class("unresolved")
    assert items["Btown"].find_class("authority")[0].get("href") == (
        "https://www.geonames.org/2643743"
    )


def test_dates_get_machine_readable_values_only_when_valid():
    xml = tei(
        "<body><p><date when='1957-05-09'>9 May</date> <date notBefore='1957-05-20'>later</date>"
        " <date when='next tuesday'>soon</date> <date>undated</date></p></body>"
    )
    doc = page_of(xml)
    times = {t.text_content(): t.get("datetime") for t in doc.find(".//main").iter("time")}
    assert times == {"9 May": "1957-05-09", "later": "1957-05-20"}
    assert "next tuesday" not in render(xml)


def test_languages_become_lang_attributes():
    xml = tei("<body><p>Say <foreign xml:lang='ko-Latn'>annyeong</foreign></p></body>", lang="en")
    doc = page_of(xml)
    assert doc.get("lang") == "en"
    foreign = doc.find_class("tei-foreign")[0]
    assert foreign.get("lang") == "ko-Latn"
    bad = page_of(tei("<body><p xml:lang='en&quot; onload=&quot;x'>t</p></body>"))
    assert bad.find_class("tei-p")[0].get("lang") is None


def test_lists_and_sections_nest_headings_in_order():
    xml = tei(
        "<body><div><head>Part</head><div><head>Chapter</head>"
        "<list><item>one</item><item>two</item></list></div></div></body>"
    )
    doc = page_of(xml)
    main = doc.find(".//main")
    assert [(h.tag, h.text_content()) for h in main.iter("h2", "h3")] == [
        ("h2", "Part"),
        ("h3", "Chapter"),
    ]
    assert [li.text_content() for li in main.find(".//ul").iter("li")] == ["one", "two"]


def test_same_tree_same_page():
    tree = parse_xml_file(CONVERSATION)
    assert to_html(tree, source_name="a.xml") == to_html(tree, source_name="a.xml")


# ------------------------------------------------------------------------- hostile input


def test_markup_in_text_stays_text():
    doc_text = render(tei("<body><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p></body>"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in doc_text
    doc = lxml_html.document_fromstring(doc_text)
    assert not scripts(doc)
    assert reading_tokens(doc) == ["<script>alert(1)</script>", "&", "co"]


def test_attributes_never_reach_the_page_as_attributes():
    xml = tei(
        '<body><p onclick="alert(1)" style="color:red" rend="x&quot; onmouseover=&quot;y"'
        ' type="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" n="1">text</p></body>'
    )
    out = render(xml)
    doc = lxml_html.document_fromstring(out)
    body = doc.find("body")
    for el in body.iter():
        for attr in el.attrib:
            assert not attr.startswith("on"), attr
            assert attr != "style"
    assert not scripts(doc)
    p = doc.find_class("tei-p")[0]
    # The class, and the block's anchor (export.anchors), never a TEI attribute.
    assert set(p.attrib) == {"class", "id"}
    assert p.get("id") == "p-1"
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", c) for c in p.classes)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java&#9;script:alert(1)",
        "java&#10;script:alert(1)",
        "&#160;javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "//evil.example/x",
        "https:&#10;//evil.example/",
        "http:/ /x",
        "#missing-id",
        # browsers read a backslash as "/": the host is evil.example, not ok.example
        "https://evil.example\\@ok.example/",
        "https://ok.example/&#127;",
    ],
)
def test_hostile_urls_are_never_links(url):
    standoff = (
        "<standOff><listPerson><person xml:id='p1'><persName>P</persName>"
        f"<idno type='wikidata'>{url}</idno><idno type='geonames'>{url}</idno></person>"
        "</listPerson></standOff>"
    )
    xml = tei(
        f"<body><p><ref target='{url}'>r</ref> <ptr target='{url}'/>"
        f" <persName ref='{url}'>X</persName> <persName ref='#p1'>P</persName></p></body>",
        standoff=standoff,
    )
    doc = page_of(xml)
    hrefs = [a.get("href") for a in doc.iter("a")]
    ids = {el.get("id") for el in doc.iter() if el.get("id")}
    for href in hrefs:
        if href.startswith("data:application/"):
            continue  # the citation's downloads, made by the page (tests/export/html)
        assert href.startswith("#"), href
        assert href[1:] in ids, href
    # Skip link, the two names to their index entries, the entries back to the names, the
    # citation's two downloads.
    assert len(hrefs) == 1 + 2 + 2 + 2


def test_safe_urls_are_links():
    xml = tei("<body><p><ref target='HTTPS://example.org/a?b=1&amp;c'>r</ref></p></body>")
    doc = page_of(xml)
    assert [a.get("href") for a in doc.find(".//main").iter("a")] == ["HTTPS://example.org/a?b=1&c"]


def test_weird_ids_are_sanitised_and_unique():
    xml = tei(
        "<body><p xml:id='text'>a</p><p xml:id='é.t-1'>b</p><p xml:id='é-t-1'>c</p>"
        "<p xml:id='_9'>d</p></body>"
    )
    doc = page_of(xml)
    ids = [p.get("id") for p in doc.find_class("tei-p")]
    assert ids == ["text-2", "t-1", "t-1-2", "x-_9"]
    all_ids = [el.get("id") for el in doc.iter() if el.get("id")]
    assert len(all_ids) == len(set(all_ids))


def test_unknown_elements_keep_their_text():
    xml = tei(
        "<body><p>a <wibble type='x'>b <hi>c</hi></wibble> d</p><wobble><p>e</p></wobble></body>"
    )
    doc = page_of(xml)
    assert reading_tokens(doc) == ["a", "b", "c", "d", "e"]
    assert doc.find_class("tei-wibble")[0].tag == "span"
    assert doc.find_class("tei-wobble")[0].tag == "div"


def test_foreign_markup_comments_and_pis_are_not_emitted():
    xml = tei(
        '<body><p>a <h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'
        " <!-- <b>hidden</b> --> b<?php echo 1; ?> c"
        '<svg:svg xmlns:svg="http://www.w3.org/2000/svg" onload="x()"/></p></body>'
    )
    out = render(xml)
    doc = lxml_html.document_fromstring(out)
    assert not scripts(doc)
    assert not list(doc.iter("svg", "b"))
    assert "<!--" not in out
    assert "<?" not in out
    assert "onload" not in out
    assert reading_tokens(doc) == ["a", "alert(1)", "b", "c"]


def test_deeply_nested_mixed_content_keeps_every_word():
    depth = 120
    inner = "".join(f"<hi>w{i} " for i in range(depth)) + "end" + "</hi> t" * depth
    doc = page_of(tei(f"<body><p>{inner}</p></body>"))
    words = reading_tokens(doc)
    assert words == [f"w{i}" for i in range(depth)] + ["end"] + ["t"] * depth


def test_trees_deeper_than_the_parser_allows_do_not_break_rendering():
    root = etree.Element(f"{{{TEI_NS}}}TEI")
    el = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    for i in range(1500):
        el = etree.SubElement(el, f"{{{TEI_NS}}}seg")
        el.text = f"w{i} "
    out = to_html(root.getroottree())
    words = lxml_html.document_fromstring(out).find(".//main").text_content().split()
    assert words == [f"w{i}" for i in range(1500)]


def test_empty_document_is_a_page():
    doc = page_of(f'<TEI xmlns="{TEI_NS}"/>')
    assert doc.find(".//h1").text_content() == "Untitled document"
    assert doc.find(".//main").text_content().strip() == ""
    assert doc.find(".//section[@id='index']") is None


def test_title_falls_back_to_the_source_name():
    doc = lxml_html.document_fromstring(
        render(f'<TEI xmlns="{TEI_NS}"><text/></TEI>', source_name="dir/doc-7.xml")
    )
    assert doc.find(".//title").text_content() == "doc-7.xml"


@pytest.mark.parametrize(
    "xml",
    [
        "<html><body>x</body></html>",
        "<TEI>no namespace P5 root is still fine</TEI>".replace("TEI>", "div>"),
        '<TEI xmlns="http://example.org/not-tei"/>',
    ],
)
def test_non_tei_root_is_refused(xml):
    with pytest.raises(DocumentError, match="not a TEI document"):
        render(xml)


def test_unnamespaced_tei_is_rendered():
    doc = page_of("<TEI.2><text><body><p>Hello <name>world</name></p></body></text></TEI.2>")
    assert reading_tokens(doc) == ["Hello", "world"]


def policy(doc: lxml_html.HtmlElement) -> str:
    return doc.find(".//meta[@http-equiv='Content-Security-Policy']").get("content")


def test_page_is_self_contained():
    doc = page_of(
        tei("<body><p>text</p><figure><graphic url='file:///etc/x.png'/></figure></body>")
    )
    assert not scripts(doc)
    assert not list(doc.iter("img", "link", "iframe", "object", "embed"))
    assert policy(doc) == "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'"
    assert "@import" not in doc.find(".//style").text
    assert "url(" not in doc.find(".//style").text


def test_figures_load_from_their_own_origins_only():
    doc = page_of(
        tei(
            "<body><figure><head>Map</head><figDesc>A map of the front</figDesc>"
            "<graphic url='https://img.example.org:8443/a/map.png'/></figure>"
            "<figure><graphic url='javascript:alert(1)'/></figure>"
            "<figure><graphic url='https://user:pw@evil.example/x.png'/></figure></body>"
        )
    )
    images = list(doc.iter("img"))
    assert [(i.get("src"), i.get("alt"), i.get("loading")) for i in images] == [
        ("https://img.example.org:8443/a/map.png", "A map of the front", "lazy")
    ]
    assert [a.tag for a in images[0].iterancestors("figure")] == ["figure"]
    assert doc.find(".//figcaption").text_content() == "Map"
    assert policy(doc).endswith("img-src https://img.example.org:8443")


def test_direction_overrides_in_titles_cannot_run_on():
    rlo, lri, pdi = "\u202e", "\u2066", "\u2069"
    header = (
        f"<fileDesc><titleStmt><title type='main'>Report {rlo}fdp.exe</title>"
        f"<title type='sub'>{lri}Sub{pdi} title {rlo}x</title></titleStmt></fileDesc>"
    )
    doc = page_of(tei("<body><p>text</p></body>", header=header), HtmlOptions(review=True))
    assert doc.find(".//title").text_content() == "Report fdp.exe"
    h1 = doc.find(".//h1")
    assert [child.tag for child in h1] == ["bdi"]
    assert h1[0].text_content() == f"Report {rlo}fdp.exe"
    assert not (h1.text or "").strip()
    subtitle = doc.find_class("subtitle")[0]
    assert [child.tag for child in subtitle] == ["bdi"]
    assert subtitle[0].text_content() == f"{lri}Sub{pdi} title {rlo}x"
    citation = doc.get_element_by_id("cite").text_content()
    assert "“Report fdp.exe.”" in citation
    assert rlo not in citation
