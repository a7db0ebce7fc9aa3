"""The documents of a site: found, read once for what the site's pages need, and ordered."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..docmeta import read_tei_header
from ..errors import InputError, Location
from ..export.citation import chicago_date, cited
from ..export.html.metadata import document_title
from ..xmlsafe import parse_xml_file

DOCUMENTS = PurePosixPath("documents")


@dataclass(frozen=True, slots=True)
class SiteDocument:
    """One document as the site lists it."""

    source: Path
    rel: PurePosixPath
    """Its path below the site's ``documents`` folder, without suffix (``a/record``)."""
    title: str
    date: str
    """The date as a reader reads it ("March 4, 1957"), or the header's words."""
    date_sort: tuple[int, ...]
    genre: str
    classification: str

    @property
    def page(self) -> PurePosixPath:
        return DOCUMENTS / self.rel.with_name(self.rel.name + ".html")

    @property
    def tei(self) -> PurePosixPath:
        return DOCUMENTS / self.rel.with_name(self.source.name)

    @property
    def year(self) -> str:
        return str(self.date_sort[0]) if self.date_sort else ""


def find_sources(inputs: Sequence[Path]) -> Iterator[tuple[Path, PurePosixPath]]:
    """Each TEI file (``*.xml``) of the inputs, with its path below the input (folders are
    searched recursively, in name order)."""
    for given in inputs:
        if given.is_dir():
            for path in sorted(given.rglob("*.xml")):
                if path.is_file():
                    yield path, PurePosixPath(path.relative_to(given).as_posix())
        elif given.is_file():
            yield given, PurePosixPath(given.name)
        else:
            raise InputError("no such file or folder", Location(str(given)))


def read_document(source: Path, rel: PurePosixPath) -> SiteDocument:
    """What the site's lists need of a TEI file, from its header."""
    meta = read_tei_header(parse_xml_file(source).getroot())
    title = document_title(meta, source.name)
    item = cited(meta, key="d", title=title)
    stem = rel.name.removesuffix(".xml").removesuffix(".tei")
    classification = meta.marking("classification")
    return SiteDocument(
        source=source,
        rel=rel.with_name(stem),
        title=item.title,
        date=chicago_date(item),
        date_sort=item.date_parts[0] if item.date_parts else (),
        genre=meta.genre,
        classification=classification.text if classification is not None else "",
    )


def by_date(documents: Sequence[SiteDocument]) -> list[SiteDocument]:
    """Oldest first; undated documents last; then by title."""
    return sorted(
        documents,
        key=lambda d: (not d.date_sort, d.date_sort, d.title.casefold(), str(d.rel)),
    )
