"""Block anchors: one numbering for the HTML edition and the search database."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from tei_plenum.export.anchors import PAGE_IDS, block_anchors, safe_id
from tei_plenum.export.html import TEI_NS, to_html
from tei_plenum.export.text import block_elements, find_text, text_blocks
from tei_plenum.xmlsafe import parse_xml, parse_xml_file
from tests.conftest import EXAMPLES


def tree_of(body: str) -> etree._ElementTree:
    xml = f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{body}</body></text></TEI>'
    return parse_xml(xml.encode("utf-8"))


def anchors_of(tree: etree._ElementTree) -> list[str]:
    return list(block_anchors([find_text(tree)]).values())


def html_ids(tree: etree._ElementTree) -> dict[str, str]:
    """Each id of the page's main text with the TEI element name its class gives."""
    main = lxml_html.document_fromstring(to_html(tree)).find(".//main")
    return {
        el.get("id"): next(c[4:] for c in el.classes if c.startswith("tei-"))
        for el in main.iter()
        if el.get("id") and any(c.startswith("tei-") for c in el.classes)
    }


def test_blocks_are_numbered_in_reading_order_and_xml_ids_win() -> None:
    tree = tree_of(
        "<div><head>One</head><p>two</p><p xml:id='par-x'>three</p>"
        "<sp><speaker>A:</speaker><p>four</p></sp></div><p>five</p>"
    )
    assert anchors_of(tree) == ["p-1", "p-2", "par-x", "p-4", "p-5", "p-6"]


def test_one_anchor_per_block_of_the_reading_text() -> None:
    tree = parse_xml_file(EXAMPLES / "conversation-sample.tei.xml")
    text = find_text(tree)
    elements = list(block_elements(text))
    # The conversation has no loose text between blocks: one block, one element, one anchor.
    assert len(elements) == len(text_blocks(tree))
    assert len(set(block_anchors([text]).values())) == len(elements)


def test_the_html_edition_carries_every_anchor_on_its_element() -> None:
    for example in ("conversation-sample.tei.xml", "plenum-excerpt.tei.xml"):
        tree = parse_xml_file(EXAMPLES / example)
        anchors = block_anchors([find_text(tree)])
        ids = html_ids(tree)
        for element, anchor in anchors.items():
            assert ids.get(anchor) == etree.QName(element).localname, anchor


def test_anchors_never_take_the_pages_own_ids_and_stay_unique() -> None:
    tree = tree_of("<p xml:id='text'>a</p><p xml:id='p-3'>b</p><p>c</p><p xml:id='about'>d</p>")
    anchors = anchors_of(tree)
    assert anchors == ["text-2", "p-3", "p-3-2", "about-2"]
    assert not set(anchors) & PAGE_IDS


def test_a_name_read_as_a_block_keeps_its_anchor_in_the_page() -> None:
    standoff = '<standOff><listPerson><person xml:id="pers-a"><persName>Ann</persName></person>'
    xml = (
        f'<TEI xmlns="{TEI_NS}"><teiHeader/>{standoff}</listPerson></standOff><text><body><div>'
        '<p>x</p><persName ref="#pers-a">Ann</persName></div></body></text></TEI>'
    )
    tree = parse_xml(xml.encode("utf-8"))
    assert anchors_of(tree) == ["p-1", "p-2"]
    assert html_ids(tree)["p-2"] == "persName"


def test_other_ids_give_way_to_anchors() -> None:
    # A name's own xml:id that equals a block's anchor gets another id in the page.
    tree = tree_of("<p>a <persName xml:id='p-2'>Ann</persName></p><p>b</p>")
    ids = html_ids(tree)
    assert ids["p-1"] == "p"
    assert ids["p-2"] == "p"
    assert ids["p-2-2"] == "persName"


def test_safe_ids() -> None:
    assert safe_id("é.t-1") == "t-1"
    assert safe_id("_9") == "x-_9"
    assert safe_id("") == "x-"
    assert len(safe_id("a" * 100)) == 64
