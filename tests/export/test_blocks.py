"""One block table for both exporters: they cut a document into the same blocks."""

from __future__ import annotations

from lxml import html as lxml_html

from tei_plenum.export.blocks import CONTAINERS, MIXED, TEXT_BLOCKS
from tei_plenum.export.html import to_html
from tei_plenum.export.text import to_text
from tei_plenum.vocabulary import TEI_NS
from tei_plenum.xmlsafe import parse_xml

LETTER = f"""<TEI xmlns="{TEI_NS}"><text><body>
  <opener>
    <address><addrLine>To Comrade I. Pekarev,</addrLine><addrLine>Ministry of Culture,</addrLine>
    <addrLine>Moscow</addrLine></address>
    <salute>Dear Comrade Pekarev!</salute>
  </opener>
  <p>The exhibition opens <quote>on time</quote>.</p>
  <list><item>Paintings</item><item>Prints</item></list>
</body></text></TEI>"""


def test_an_address_is_a_container_whose_lines_are_the_blocks() -> None:
    tree = parse_xml(LETTER.encode())
    assert to_text(tree).split("\n\n")[:4] == [
        "To Comrade I. Pekarev,",
        "Ministry of Culture,",
        "Moscow",
        "Dear Comrade Pekarev!",
    ]
    page = lxml_html.document_fromstring(to_html(tree))
    (address,) = page.find_class("tei-address")
    assert address.tag == "div"
    assert [(line.tag, line.text_content()) for line in address] == [
        ("p", "To Comrade I. Pekarev,"),
        ("p", "Ministry of Culture,"),
        ("p", "Moscow"),
    ]


def test_both_exporters_make_the_same_blocks_of_a_letter() -> None:
    tree = parse_xml(LETTER.encode())
    main = lxml_html.document_fromstring(to_html(tree)).find(".//main")
    innermost = [el for el in main.iter("p", "li") if not el.xpath(".//p | .//li")]
    html_blocks = [" ".join(el.text_content().split()) for el in innermost]
    assert html_blocks == to_text(tree).rstrip("\n").split("\n\n")


def test_an_element_has_one_class() -> None:
    assert not CONTAINERS & TEXT_BLOCKS
    assert not (CONTAINERS | TEXT_BLOCKS) & MIXED
