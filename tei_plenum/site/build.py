"""Build a site: read the documents, render each page with its neighbours, write the site's
own pages, index it for search. The site is written into a fresh folder beside the target
and moved into place at the end, so that a failed build leaves no half-written site."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..edition import EditionConfig
from ..errors import ConfigError, Location
from ..export.html import HtmlOptions, Navigation, Neighbour, render_page
from ..xmlsafe import parse_xml_file
from .documents import SiteDocument, by_date, find_sources, read_document
from .pages import SEARCH_JS, SEARCH_SCRIPT, Mention, facet_pages, index_pages, name_pages
from .pages import search_page as make_search_page
from .search import run_pagefind, search_available

# Marks a folder as a site this command wrote, which a new build may replace.
MARKER = ".tei-plenum-site"


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What was built: the site's folder, its documents and whether it has search."""

    out: Path
    documents: int
    search: bool


def build_site(
    inputs: Sequence[Path],
    out: Path,
    *,
    config: EditionConfig | None = None,
    search: bool = True,
) -> SiteResult:
    """Publish the TEI files of ``inputs`` as a static site in ``out``. ``search`` asks for
    the Pagefind index; it is built when Pagefind is installed, and refused otherwise."""
    config = config or EditionConfig()
    if search and not search_available():
        raise ConfigError(
            "search needs Pagefind: pip install 'tei-plenum[site]' (or build with --no-search)"
        )
    _check_target(out)
    documents = by_date([read_document(path, rel) for path, rel in find_sources(inputs)])
    if not documents:
        raise ConfigError("no TEI files (*.xml) found", Location(", ".join(map(str, inputs))))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        _write(staging, documents, config, search)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return SiteResult(out, len(documents), search)


def _check_target(out: Path) -> None:
    """A new site goes into a missing or empty folder, or replaces one this command wrote."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ConfigError(
            "exists and is not a site written by 'tei-plenum site'; not overwritten",
            Location(str(out)),
        )


def _write(root: Path, documents: list[SiteDocument], config: EditionConfig, search: bool) -> None:
    mentions: list[Mention] = []
    edition = config.edition
    for index, document in enumerate(documents):
        depth = len(document.page.parts) - 1
        up = "../" * depth
        navigation = Navigation(
            path=str(document.page),
            root=up,
            tei=quote(document.tei.name),
            previous=_neighbour(documents, index - 1, up),
            next=_neighbour(documents, index + 1, up),
            search=search,
        )
        options = HtmlOptions(css=config.css, edition=edition, navigation=navigation)
        page = render_page(
            parse_xml_file(document.source), source_name=document.source.name, options=options
        )
        target = root / document.page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.html, encoding="utf-8")
        shutil.copyfile(document.source, root / document.tei)
        mentions.extend(Mention(document, name) for name in page.names)
    pages = {
        **index_pages(documents, edition, search),
        **facet_pages(documents, edition, search),
        **name_pages(mentions, edition, search),
    }
    if search:
        pages["search.html"] = make_search_page(edition)
        pages[SEARCH_SCRIPT] = SEARCH_JS.encode("utf-8")
    for name, data in pages.items():
        (root / name).write_bytes(data)
    (root / MARKER).write_text("", encoding="utf-8")
    if search:
        run_pagefind(root)


def _neighbour(documents: list[SiteDocument], index: int, up: str) -> Neighbour | None:
    if not 0 <= index < len(documents):
        return None
    other = documents[index]
    label = f"{other.title} ({other.date})" if other.date else other.title
    return Neighbour(up + quote(str(other.page)), label)
