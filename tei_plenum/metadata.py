"""Sidecar metadata: what is known about a document but not printed in it.

A sidecar is a TOML file beside the input, named ``INPUT-STEM.meta.toml`` (or
``INPUT.meta.toml``), holding one non-empty string for each key it sets (the page images
excepted: a list of URLs, and the PDF's page offset, an integer); the keys are the fields of
:class:`Sidecar` (:data:`SIDECAR_KEYS`). Unknown keys are refused so that a typo never silently
drops a catalogue value, and a page image that is not an http(s) URL is refused so that no
published page links elsewhere.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, Location
from .facsimile import is_web_url, manifest_images
from .files import links_out_of, read_regular_file


@dataclass(frozen=True, slots=True)
class Sidecar:
    """The catalogue values of one document, ``None`` where the sidecar is silent. Where the
    text and the sidecar both speak, the sidecar wins, and the header says so."""

    title: str | None = None
    """Main title of the document (wins over the printed title)."""
    archive: str | None = None
    """Publisher of the English translation, ``bibl/publisher`` (wins over the banner)."""
    country: str | None = None
    """``msIdentifier/country`` of the holding archive."""
    settlement: str | None = None
    """``msIdentifier/settlement`` of the holding archive."""
    institution: str | None = None
    """``msIdentifier/institution``."""
    repository: str | None = None
    """``msIdentifier/repository``."""
    collection: str | None = None
    """``msIdentifier/collection``."""
    idno: str | None = None
    """Shelfmark or catalogue number (``msIdentifier/idno``)."""
    url: str | None = None
    """Address of the document in the archive (``bibl/idno[@type='URI']``)."""
    source_language: str | None = None
    """Language of the original, BCP 47 (``langUsage``), e.g. ko, ru."""
    manuscript_language: str | None = None
    """Language of the document ``msDesc`` describes, BCP 47 (``textLang/@mainLang``): for a
    Soviet translation of a Korean letter, ru."""
    translator_en: str | None = None
    """Name of the English translator."""
    summary: str | None = None
    """A summary of the document (``msContents/summary``)."""
    extent: str | None = None
    """Physical extent of the original (``supportDesc/extent``)."""
    form: str | None = None
    """Form of the original, e.g. typescript (``objectDesc/@form``)."""
    page_images: tuple[str, ...] | None = None
    """The image of each page, in order, the first page's first (http(s) URLs, e.g. the
    images a IIIF manifest lists): each ``pb`` gets its page's as ``@facs``."""
    page_image_template: str | None = None
    """A URL with ``{page}`` standing for the page's number, for pages ``page_images`` does
    not cover."""
    iiif_manifest: str | None = None
    """The file name of a IIIF Presentation manifest (version 2 or 3) saved in the sidecar's
    folder: the image of each canvas, in order, stands for ``page_images`` when that is not
    given. The file is read, never fetched."""
    pdf_url: str | None = None
    """A PDF of the document: a page without an image links to ``PDF#page=N``."""
    pdf_page_offset: int | None = None
    """Pages of the PDF before the document's page 1 (``#page=N`` plus this)."""
    file: str | None = None
    """The name of the file the values were read from; not a key of the file."""

    @property
    def keys(self) -> tuple[str, ...]:
        """The keys this sidecar sets, sorted."""
        return tuple(key for key in sorted(SIDECAR_KEYS) if getattr(self, key) is not None)

    def overridden_by(self, other: Sidecar) -> Sidecar:
        """This sidecar with every value that ``other`` sets taken from ``other``."""
        given = ((f.name, getattr(other, f.name)) for f in fields(other))
        return replace(self, **{name: value for name, value in given if value is not None})


SIDECAR_KEYS = frozenset(f.name for f in fields(Sidecar)) - {"file"}

# The keys that hold URLs of page images, which must be http(s).
_URL_KEYS = frozenset({"page_images", "page_image_template", "pdf_url"})


def sidecar_for(path: Path) -> Path | None:
    """The sidecar next to ``path`` if one exists (``x.meta.toml`` or ``x.txt.meta.toml``).

    A sidecar is found, not named by the user, so it follows the link rule of every file the
    tool finds by itself (:func:`~tei_plenum.files.links_out_of`): a symbolic link to a file
    outside the input's folder is refused with a :class:`ConfigError`, never followed into the
    published header.
    """
    for candidate in (path.with_suffix(".meta.toml"), path.with_name(path.name + ".meta.toml")):
        if candidate.is_file():
            if links_out_of(candidate, path.parent):
                raise ConfigError(
                    "sidecar is a symbolic link to a file outside its folder; refusing to read it",
                    Location(str(candidate)),
                )
            return candidate
    return None


def read_toml(path: Path, what: str) -> tuple[str, dict[str, Any]]:
    """The text and the table of a small TOML file (a sidecar, a configuration), read with
    the project's file rules; ``what`` names it in the one-line error."""
    data = read_regular_file(path, max_bytes=1024 * 1024)
    try:
        text = data.decode("utf-8")
        return text, tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not UTF-8 text", Location(str(path))) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{what} is not valid TOML: {exc}", Location(str(path))) from None


def load_sidecar(path: Path) -> Sidecar:
    """Read and check a sidecar; raise :class:`ConfigError` naming file, line and problem."""
    text, table = read_toml(path, "sidecar")
    values: dict[str, object] = {}
    for key, value in table.items():
        where = Location(str(path), line_of(text, key))
        if key not in SIDECAR_KEYS:
            known = ", ".join(sorted(SIDECAR_KEYS))
            raise ConfigError(f"unknown sidecar key {key!r} (known: {known})", where)
        values[key] = _checked(key, value, where)
    manifest = values.get("iiif_manifest")
    if isinstance(manifest, str) and "page_images" not in values:
        values["page_images"] = _manifest_images(path, manifest, line_of(text, "iiif_manifest"))
    return Sidecar(**values, file=path.name)  # type: ignore[arg-type]


def _manifest_images(sidecar: Path, name: str, line: int | None) -> tuple[str, ...]:
    """The page images a IIIF manifest beside the sidecar lists; it follows the link rule of
    the sidecar itself."""
    where = Location(str(sidecar), line)
    manifest = sidecar.parent / name
    beside = Path(name).name == name and name not in (".", "..")
    if not beside or not manifest.is_file() or links_out_of(manifest, sidecar.parent):
        raise ConfigError(f"IIIF manifest {name!r} is not a file in the sidecar's folder", where)
    try:
        return manifest_images(json.loads(read_regular_file(manifest, max_bytes=16 * 1024 * 1024)))
    except (ValueError, RecursionError) as exc:
        raise ConfigError(f"IIIF manifest {name!r}: {exc}", where) from None


def _checked(key: str, value: object, where: Location) -> object:
    """The value of ``key`` when it has the key's type (and, for page images, is an http(s)
    URL); otherwise a :class:`ConfigError` at ``where``."""
    if key == "pdf_page_offset":
        if not isinstance(value, int) or isinstance(value, bool):
            raise ConfigError(f"sidecar key {key!r} must be an integer", where)
        return value
    if key == "page_images":
        if not isinstance(value, list) or not value:
            raise ConfigError(f"sidecar key {key!r} must be a non-empty list of URLs", where)
        for item in value:
            if not isinstance(item, str) or not is_web_url(item):
                raise ConfigError(f"sidecar key {key!r}: {item!r} is not an http(s) URL", where)
        return tuple(value)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"sidecar key {key!r} must be a non-empty string", where)
    if key in _URL_KEYS and not is_web_url(value):
        raise ConfigError(f"sidecar key {key!r}: {value!r} is not an http(s) URL", where)
    if key == "page_image_template" and "{page}" not in value:
        raise ConfigError(f"sidecar key {key!r} must contain {{page}}", where)
    return value


def line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is set (``key =``, ``"key" =``, ``key.sub =`` or ``[key]``)."""
    name = re.escape(key)
    pattern = re.compile(rf"""^\s*\[*\s*(?:{name}|"{name}"|'{name}')\s*[=.\]]""")
    return next(
        (number for number, line in enumerate(text.splitlines(), 1) if pattern.match(line)), None
    )
