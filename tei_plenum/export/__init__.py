"""Exporters: any TEI document to a reading view, chosen by name.

:data:`EXPORTERS` is the one registry of output formats, shared by ``tei-plenum export``,
``tei-plenum batch`` and the Python API: each entry names a function from a parsed TEI tree to
the bytes of a file, the file's suffix and its media type. A new format is one entry here (its
function may live in a module of its own); both commands offer it from then on.

The entries import their exporter when first used, so that choosing a format costs nothing
until a document is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from lxml import etree

    from .html_options import Edition


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What a caller can change about an export; each format uses the fields that concern it."""

    # The name of the TEI file, shown by views that label their source (HTML).
    source_name: str | None = None
    # Show page breaks as markers; ``None`` keeps the format's default: none in text, shown
    # in HTML (where the reader can switch them off).
    page_markers: bool | None = None
    # HTML: show the workflow's marks (unresolved names, the encoding's subtitle) for review.
    review: bool = False
    # HTML: a stylesheet appended to the page's own.
    css: str = ""
    # HTML: the edition the page belongs to (``tei_plenum.edition``), named in its citation.
    edition: Edition | None = None


@dataclass(frozen=True, slots=True)
class Exporter:
    """One output format."""

    name: str
    suffix: str
    media_type: str
    summary: str
    render: Callable[[etree._ElementTree, ExportOptions], bytes]

    def export(self, tree: etree._ElementTree, options: ExportOptions | None = None) -> bytes:
        """The file's bytes for a parsed TEI document."""
        return self.render(tree, options or ExportOptions())


def _text(tree: etree._ElementTree, options: ExportOptions) -> bytes:
    from .text import to_text

    return to_text(tree, page_markers=bool(options.page_markers)).encode("utf-8")


def _html(tree: etree._ElementTree, options: ExportOptions) -> bytes:
    from .html import Edition, HtmlOptions, to_html

    html = HtmlOptions(
        review=options.review,
        page_markers=options.page_markers is not False,
        css=options.css,
        edition=options.edition or Edition(),
    )
    return to_html(tree, source_name=options.source_name, options=html).encode("utf-8")


EXPORTERS: Mapping[str, Exporter] = MappingProxyType(
    {
        exporter.name: exporter
        for exporter in (
            Exporter(
                "html", ".html", "text/html; charset=utf-8", "a self-contained HTML edition", _html
            ),
            Exporter("text", ".txt", "text/plain; charset=utf-8", "the reading text", _text),
        )
    }
)


def exporter(name: str) -> Exporter:
    """The registered format ``name``; raises :class:`ConfigError` for an unknown one."""
    try:
        return EXPORTERS[name]
    except KeyError:
        known = ", ".join(EXPORTERS)
        raise ConfigError(f"unknown export format {name!r} (known: {known})") from None
