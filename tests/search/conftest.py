"""A small corpus for the search tests: golden TEI files of ours and a foreign TEI file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tei_plenum.export.html import to_html
from tei_plenum.search.indexer import index_files
from tei_plenum.xmlsafe import parse_xml_file
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "files"
CONVERSATION = GOLDEN / "record-of-conversation-puzanov-kim-1958.tei.xml"
# Our outputs in the test corpus, by the stem they get there.
OURS = {
    "conversation": CONVERSATION,
    "sample-conversation": GOLDEN / "conversation-sample.tei.xml",
    "plenum": GOLDEN / "kwp-cc-plenum-1956-08.tei.xml",
    "report": GOLDEN / "report-soviet-specialists-1960.tei.xml",
    "journal": GOLDEN / "journal-puzanov-1959.tei.xml",
}

# A TEI file as another project might write it: no header of ours, names without records,
# a record in standOff, a pointer to a Wikidata URI and one to nowhere, a page break.
FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Letter from a mill owner</title></titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc><p>Invented for the tests.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="jb">
        <persName>John Barker</persName><occupation>mill owner</occupation>
      </person>
    </listPerson>
  </standOff>
  <text>
    <body>
      <opener><dateline>Leeds, <date when="1851-03-02">2 March 1851</date></dateline></opener>
      <p>Dear <persName>Mr   Hartley</persName>, the looms
         from <placeName ref="https://www.wikidata.org/wiki/Q39121">Leeds</placeName> are idle.</p>
      <pb n="7"/>
      <p xml:id="closing">Yours, <persName ref="#jb">J. Barker</persName> of the
         <orgName ref="#nowhere">Weavers' Union</orgName>.</p>
    </body>
  </text>
</TEI>
"""


def write_foreign(folder: Path, name: str = "foreign-letter.xml") -> Path:
    path = folder / name
    path.write_text(FOREIGN, encoding="utf-8")
    return path


def write_corpus(folder: Path) -> list[Path]:
    """Our outputs (with the HTML edition beside two of them) and the foreign letter."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stem, source in OURS.items():
        target = folder / f"{stem}.xml"
        shutil.copyfile(source, target)
        paths.append(target)
    for stem in ("conversation", "plenum"):
        html = to_html(parse_xml_file(folder / f"{stem}.xml"), source_name=f"{stem}.xml")
        (folder / f"{stem}.html").write_text(html, encoding="utf-8")
    paths.append(write_foreign(folder))
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database of the test corpus, built once per module (tests only read it)."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder)
    database = folder / "corpus.sqlite"
    totals = index_files([str(folder)], database)
    assert totals.failed == 0
    return database
