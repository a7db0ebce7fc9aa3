"""``tei-plenum entities``: list every name mention of TEI files, for review and indexing.

One row per ``persName`` / ``placeName`` / ``orgName`` / ``eventName`` with ``@ref`` inside
``text``: the file, the page (the preceding ``pb/@n``), the kind of name, its surface form, the
record key, and the record's authority identifiers (``wikidata:Q423``), else its key, else
"unresolved" when the record says so. ``--unresolved`` keeps only mentions of unresolved records:
the list an archivist works through to extend the authority file.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, astuple, dataclass, fields
from pathlib import Path

import click
from lxml import etree

from ..authority import TEI_NS, XML_ID
from ..xmlsafe import parse_xml_file

_KINDS = {"persName": "person", "placeName": "place", "orgName": "org", "eventName": "event"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One name in the text of one document."""

    document: str
    page: str
    type: str
    surface: str
    key: str
    authority: str


def mentions(tree: etree._ElementTree, document: str) -> Iterator[Mention]:
    """Every name mention in ``text``, in document order."""
    root = tree.getroot()
    records = {el.get(XML_ID): el for el in root.iter() if el.get(XML_ID)}
    page = ""
    for text in root.iter(f"{{{TEI_NS}}}text"):
        for el in text.iter():
            if not isinstance(el.tag, str):
                continue
            name = etree.QName(el).localname
            if name == "pb":
                page = el.get("n", page)
            elif name in _KINDS and el.get("ref", "").startswith("#"):
                key = el.get("ref", "")[1:]
                surface = " ".join("".join(el.itertext()).split())
                yield Mention(
                    document, page, _KINDS[name], surface, key, _authority(records.get(key), key)
                )


def _authority(record: etree._Element | None, key: str) -> str:
    if record is None:
        return key
    for note in record.iter(f"{{{TEI_NS}}}note"):
        if note.get("type") == "resolution" and (note.text or "").strip() == "unresolved":
            return "unresolved"
    idnos = [
        f"{idno.get('type') or 'idno'}:{(idno.text or '').strip()}"
        for idno in record.findall(f"{{{TEI_NS}}}idno")
    ]
    return " ".join(idnos) or key


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option("--unresolved", is_flag=True, help="Only mentions of records marked unresolved.")
def entities(files: Sequence[Path], fmt: str, unresolved: bool) -> None:
    """List the persons, places, organisations and events named in TEI FILES."""
    rows = [
        mention
        for path in files
        for mention in mentions(parse_xml_file(path), path.name)
        if not unresolved or mention.authority == "unresolved"
    ]
    if fmt == "json":
        click.echo(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2))
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(field.name for field in fields(Mention))
    writer.writerows([spreadsheet_safe(cell) for cell in astuple(row)] for row in rows)
    click.echo(buffer.getvalue(), nl=False)


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with an apostrophe before it when it begins like a formula, so that a name
    such as ``=HYPERLINK(...)`` in a document stays text when the CSV is opened."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell
