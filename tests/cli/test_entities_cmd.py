"""``tei-plenum entities``: every mention with its page and authority identifiers."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.cli.entities import spreadsheet_safe

SAMPLE_TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc-a">
  <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
    <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
  </teiHeader>
  <standOff>
    <listPlace>
      <place xml:id="place-ussr"><placeName>USSR</placeName>
        <idno type="wikidata">Q15180</idno></place>
      <place xml:id="place-zaravan"><placeName>Zaravan</placeName>
        <note type="resolution">unresolved</note></place>
    </listPlace>
    <listOrg><org xml:id="org-kwp-cc"><orgName>KWP CC</orgName></org></listOrg>
  </standOff>
  <text><body>
    <pb n="1"/>
    <p>The <orgName ref="#org-kwp-cc">KWP CC</orgName> and the
      <placeName ref="#place-ussr">USSR</placeName>.</p>
    <pb n="2"/>
    <p>The plant in [<placeName ref="#place-zaravan" cert="low">Zaravan</placeName>] and
      <persName ref="#pers-ri-syn-yep">Ri [<seg type="namePart">Syn Yep</seg>]</persName>.</p>
  </body></text>
</TEI>
"""

HEADER = ["document", "page", "type", "surface", "key", "authority"]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "a.xml"
    path.write_text(SAMPLE_TEI, encoding="utf-8")
    return path


def test_csv_lists_every_mention_with_page_and_authority(sample: Path) -> None:
    result = CliRunner().invoke(main, ["entities", str(sample)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        HEADER,
        ["a.xml", "1", "org", "KWP CC", "org-kwp-cc", "org-kwp-cc"],
        ["a.xml", "1", "place", "USSR", "place-ussr", "wikidata:Q15180"],
        ["a.xml", "2", "place", "Zaravan", "place-zaravan", "unresolved"],
        ["a.xml", "2", "person", "Ri [Syn Yep]", "pers-ri-syn-yep", "pers-ri-syn-yep"],
    ]


def test_json_and_unresolved_filter(sample: Path) -> None:
    args = ["entities", str(sample), "--format", "json", "--unresolved"]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {
            "document": "a.xml",
            "page": "2",
            "type": "place",
            "surface": "Zaravan",
            "key": "place-zaravan",
            "authority": "unresolved",
        }
    ]


def test_several_files_in_order(sample: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.xml"
    other.write_text(SAMPLE_TEI, encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", str(other), str(sample)])
    documents = [row[0] for row in csv.reader(io.StringIO(result.stdout))][1:]
    assert documents == ["b.xml"] * 4 + ["a.xml"] * 4


def test_missing_file_is_one_stderr_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.xml"
    result = CliRunner().invoke(main, ["entities", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"tei-plenum: error: {missing}: no such file or directory\n"
    assert result.stdout == ""


def test_not_well_formed_is_one_stderr_line_and_exit_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text>", encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", str(broken)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tei-plenum: error: {broken}:1:")
    assert "not well-formed" in result.stderr
    assert result.stderr.count("\n") == 1


def test_real_subprocess_run(sample: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tei_plenum", "entities", str(sample), "--unresolved"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        ",".join(HEADER),
        "a.xml,2,place,Zaravan,place-zaravan,unresolved",
    ]


def test_csv_cells_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    # Surfaces, keys, document names: anything from the files that a spreadsheet would run.
    path = tmp_path / "=cmd.xml"
    path.write_text(
        SAMPLE_TEI.replace('<placeName ref="#place-ussr">USSR</placeName>',
                           '<placeName ref="#place-ussr">=HYPERLINK("http://x")</placeName>')
        .replace('<orgName ref="#org-kwp-cc">KWP CC</orgName>',
                 '<orgName ref="#+org">@SUM(1)</orgName> <orgName ref="#-1">\tTab</orgName>'),
        encoding="utf-8",
    )  # fmt: skip
    result = CliRunner().invoke(main, ["entities", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1] == ["'=cmd.xml", "1", "org", "'@SUM(1)", "'+org", "'+org"]
    assert rows[2] == ["'=cmd.xml", "1", "org", "Tab", "'-1", "'-1"]
    assert rows[3][3] == '\'=HYPERLINK("http://x")'
    assert rows[3][4:] == ["place-ussr", "wikidata:Q15180"]
    as_json = CliRunner().invoke(main, ["entities", str(path), "--format", "json"])
    assert json.loads(as_json.stdout)[0]["surface"] == "@SUM(1)"


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("Kim Il Sung", "Kim Il Sung"), ("", ""), ("a=b", "a=b")],
)  # fmt: skip
def test_spreadsheet_safe_prefixes_formula_starts_only(cell: str, written: str) -> None:
    assert spreadsheet_safe(cell) == written
