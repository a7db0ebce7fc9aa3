"""What a caller can change about a reading page: the edition it belongs to, its links within
a site, its facsimile, and the reader it is made for. Frozen and picklable, so that the same
options travel to every worker of a site build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import pattern_cache
from ..errors import ConfigError, InputError, Location
from ..facsimile import page_image

# What would end the page's <style> element early, or fetch something (the page's policy
# would block the fetch; the stylesheet is refused so that the user learns why).
_UNSAFE_CSS = pattern_cache.compile(r"</style|@import|url\(", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Edition:
    """The edition a page belongs to, from the edition configuration (``tei-plenum.toml``)."""

    title: str = ""
    subtitle: str = ""
    publisher: str = ""
    editors: tuple[str, ...] = ()
    licence: str = ""
    licence_url: str = ""
    base_url: str = ""
    """The address of the site's root folder; a page's own address is this plus its path."""
    footer: str = ""


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A linked document: its page (relative to this one) and its title."""

    href: str
    title: str


@dataclass(frozen=True, slots=True)
class Navigation:
    """Where a page stands in a site: links relative to the page, and its own path below the
    site's root (for its address and the CSL ``URL``)."""

    path: str
    root: str = ""
    """The way up from the page to the site's root folder (``../`` per level)."""
    tei: str = ""
    previous: Neighbour | None = None
    next: Neighbour | None = None
    search: bool = False
    """Whether the site has a search page."""


@dataclass(frozen=True, slots=True)
class Facsimile:
    """Page images: the ``n``-th page marker links to ``images[n - 1]`` (from a IIIF
    manifest), else to ``template`` with ``{page}`` replaced by the page's number, else to the
    PDF at ``pdf`` opened at that page plus ``offset``. ``pb/@facs`` in the TEI wins over all."""

    images: tuple[str, ...] = ()
    template: str = ""
    pdf: str = ""
    offset: int = 0

    def url(self, number: str, ordinal: int) -> str:
        """The image of the page numbered ``number``, the ``ordinal``-th break (from 1)."""
        return page_image(
            number,
            ordinal,
            images=self.images,
            template=self.template,
            pdf=self.pdf,
            offset=self.offset,
        )


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How one reading page is made. The defaults give the page for a reader: workflow marks
    (unresolved names, the encoding's own subtitle) appear only with ``review``."""

    review: bool = False
    page_markers: bool = True
    """Whether page markers are shown when the page opens (the reader can switch them)."""
    css: str = ""
    """A stylesheet appended to the page's own."""
    edition: Edition = field(default_factory=Edition)
    navigation: Navigation | None = None
    facsimile: Facsimile = field(default_factory=Facsimile)


def read_stylesheet(path: Path) -> str:
    """A user stylesheet to append to the page's own: UTF-8 text that neither closes the
    ``style`` element nor loads anything (the page stays one file)."""
    try:
        css = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError("the stylesheet is not UTF-8 text", Location(str(path))) from None
    except FileNotFoundError:
        raise InputError("no such file", Location(str(path))) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be read", Location(str(path))) from None
    found = _UNSAFE_CSS.search(css)
    if found is not None:
        line = css.count("\n", 0, found.start()) + 1
        raise ConfigError(
            f"{found.group()!r} is not allowed: the page loads nothing and keeps its style "
            "in one element",
            Location(str(path), line),
        )
    return css
