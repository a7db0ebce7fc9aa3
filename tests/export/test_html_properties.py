"""Property: for any mix of TEI elements and text, the page keeps exactly the TEI's words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from tei_plenum.export.html import TEI_NS, to_html
from tests.export.test_html import reading_tokens, scripts, tei_tokens

# Known inline and block elements, names that index, a milestone, and an unknown element.
TAGS = ["p", "ab", "fw", "head", "hi", "persName", "placeName", "date", "supplied", "seg",
        "note", "gap", "pb", "ref", "list", "item", "sp", "speaker", "div", "wibble"]  # fmt: skip
WORDS = st.sampled_from(["a", "b", "[", "]", "<x>", "&", '"q"', "Nº", "é", "  ", "\n", " "])
TEXT = st.lists(WORDS, max_size=4).map("".join)
ATTRS = st.fixed_dictionaries(
    {},
    optional={
        "ref": st.sampled_from(["#r1", "#gone", "javascript:x()", "https://example.org/"]),
        "target": st.sampled_from(["#r1", "data:,x", "https://example.org/"]),
        "type": st.sampled_from(["description", 'x"y', "main"]),
        "n": st.sampled_from(["1", "2", "<b>"]),
        "when": st.sampled_from(["1956-08-30", "soon"]),
    },
)


@st.composite
def fragments(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = draw(ATTRS)
    children = [] if depth > 4 else draw(st.lists(fragments(depth=depth + 1), max_size=3))
    el = etree.Element(f"{{{TEI_NS}}}{tag}", attrs)
    el.text = draw(TEXT)
    for child in children:
        el.append(child)
        child.tail = draw(TEXT)
    return el


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(st.lists(fragments(), min_size=1, max_size=4))
def test_any_tei_keeps_its_words_and_yields_one_clean_page(parts):
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    standoff = etree.SubElement(root, f"{{{TEI_NS}}}standOff")
    etree.SubElement(standoff, f"{{{TEI_NS}}}place").set(
        "{http://www.w3.org/XML/1998/namespace}id", "r1"
    )
    body = etree.SubElement(etree.SubElement(root, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}body")
    body.extend(parts)
    out = to_html(root.getroottree())
    doc = lxml_html.document_fromstring(out)
    assert len(doc.findall(".//main")) == 1
    assert not scripts(doc)
    for link in doc.iter("a"):
        if "cite-downloads" in link.getparent().getparent().classes:
            assert link.get("href").startswith("data:application/")
        else:
            assert link.get("href").startswith(("#", "https://example.org/"))
    text = root.find(f"{{{TEI_NS}}}text")
    assert reading_tokens(doc) == tei_tokens(text), etree.tostring(text, encoding="unicode")
