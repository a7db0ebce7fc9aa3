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

from ..files import find_files
from ..vocabulary import ENTITY_KINDS, TEI_NS, XML_ID
from ..xmlsafe import parse_xml, parse_xml_file
from .outcome import RunOutcome, report_error
from .streams import STDIO, read_stdin

_KINDS = {kind.name: str(kind.type) for kind in ENTITY_KINDS}


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


@click.command(short_help="List the people, places, organisations and events named in TEI.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True
)
@click.option("--unresolved", is_flag=True, help="Only mentions of records marked unresolved.")
def entities(paths: tuple[str, ...], fmt: str, unresolved: bool) -> RunOutcome:
    """List the persons, places, organisations and events named in TEI files.

    PATH is a file, a folder (every *.xml inside, recursively) or - for standard input.
    """
    files, problems = find_files([Path(p) for p in paths if p != STDIO], ".xml", "XML")
    for problem in problems:
        report_error(problem)
    if not files and STDIO not in paths:
        return RunOutcome.USAGE
    rows = [
        mention
        for tree, name in _documents(paths, files)
        for mention in mentions(tree, name)
        if not unresolved or mention.authority == "unresolved"
    ]
    if fmt == "json":
        click.echo(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2))
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(field.name for field in fields(Mention))
        writer.writerows([spreadsheet_safe(cell) for cell in astuple(row)] for row in rows)
        click.echo(buffer.getvalue(), nl=False)
    return RunOutcome.USAGE if problems else RunOutcome.SUCCESS


def _documents(
    paths: Sequence[str], files: Sequence[Path]
) -> Iterator[tuple[etree._ElementTree, str]]:
    """Each document as a tree and the name its rows carry: standard input first when ``-``
    is given, then the files."""
    if STDIO in paths:
        yield parse_xml(read_stdin(), source="<stdin>"), "<stdin>"
    for path in files:
        yield parse_xml_file(path), path.name


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """``cell`` with an apostrophe before it when it begins like a formula, so that a name
    such as ``=HYPERLINK(...)`` in a document stays text when the CSV is opened."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell
