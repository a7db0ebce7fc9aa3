"""The edition configuration: ``tei-plenum.toml`` in a collection's folder (or ``--config``).

It says what a published edition is called and who stands behind it, so that every page
names it in its citation and footer (``[edition]``), what its documents share when their
sidecars are silent (``[defaults]``), which authority files name its people and places
(``[authority]``), and how ``batch`` runs over it (``[batch]``). Every key is optional, every
unknown key or table is an error (a misspelt ``licence_url`` must not silently vanish from
every page). ``tei-plenum init`` writes :data:`TEMPLATE`, every key commented and explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, Location
from .export import EXPORTERS
from .export.html_options import Edition, read_stylesheet
from .metadata import Sidecar, line_of, read_toml
from .options import ConvertOptions

CONFIG_NAME = "tei-plenum.toml"

# Key -> whether it holds a list of names (else one string).
_EDITION_KEYS = {
    "title": False,
    "subtitle": False,
    "publisher": False,
    "editors": True,
    "licence": False,
    "licence_url": False,
    "base_url": False,
    "footer": False,
    "css": False,
}

# The sidecar keys a collection may give once for every document (the text still wins over
# them; a sidecar wins over everything).
DEFAULT_KEYS = ("archive", "source_language", "translator_en")

# The outputs ``batch --to`` knows, in its order (the TEI, then the exporters').
_BATCH_FORMATS = ("tei", *EXPORTERS)

# Table -> its known keys, for the error message.
_TABLES = {
    "edition": tuple(_EDITION_KEYS),
    "defaults": DEFAULT_KEYS,
    "authority": ("files",),
    "batch": ("to", "validate", "jobs"),
}

TEMPLATE = f"""\
# {CONFIG_NAME}: the edition configuration of this collection.
# Every key is optional; a key or table not listed here is an error.
# `tei-plenum export --config {CONFIG_NAME}` applies it to a page.

[edition]
# The edition's title, as its pages and citations name it.
# title = "Korea and the Soviet Bloc, 1953-1962"
# subtitle = "Documents from the archives of the socialist countries"

# Who publishes it, and who edits it (a list of names).
# publisher = "Example University Library"
# editors = ["A. Editor", "B. Editor"]

# The licence of the edition's pages, and where its text can be read.
# licence = "CC BY 4.0"
# licence_url = "https://creativecommons.org/licenses/by/4.0/"

# The address of the published site's root folder: a page's citation then gives its own URL.
# base_url = "https://edition.example.org/"

# A line for the foot of every page.
# footer = "Translations courtesy of the archive that holds the originals."

# A stylesheet appended to the page's own (a path relative to this file).
# css = "house.css"

[defaults]
# What `convert` and `batch` assume for a document when neither its sidecar nor its text says:
# the publisher of the translations, the language of the originals (BCP 47), the translator.
# archive = "Wilson Center Digital Archive"
# source_language = "ko"
# translator_en = "A. Translator"

[authority]
# Authority files of the edition's people, places and organisations (paths relative to this
# file), used by `convert` and `batch` before any given with --authority.
# files = ["people.xml"]

[batch]
# What `batch` does when its options do not say: its outputs, whether it validates, and how
# many worker processes it runs.
# to = ["tei", "text", "html"]
# validate = true
# jobs = 2
"""


@dataclass(frozen=True, slots=True)
class BatchDefaults:
    """What ``batch`` does when its options do not say (``None``: the option's own default)."""

    formats: tuple[str, ...] | None = None
    validate: bool | None = None
    jobs: int | None = None


@dataclass(frozen=True, slots=True)
class EditionConfig:
    """What the configuration gives: the edition and a user stylesheet for its pages, the
    catalogue defaults and authority files for its conversions, and batch defaults."""

    edition: Edition = field(default_factory=Edition)
    css: str = ""
    file: str = ""
    defaults: Sidecar = field(default_factory=Sidecar)
    """Values for documents whose sidecar and text say nothing (only :data:`DEFAULT_KEYS`)."""
    authority_files: tuple[Path, ...] = ()
    batch: BatchDefaults = field(default_factory=BatchDefaults)

    def conversion(self, options: ConvertOptions) -> ConvertOptions:
        """``options`` with the collection's catalogue defaults and authority files (before
        those of the options, so that ``--authority`` wins)."""
        return replace(
            options,
            defaults=self.defaults,
            authority_files=(*self.authority_files, *options.authority_files),
        )


def find_config(folder: Path) -> Path | None:
    """The configuration in ``folder``, if it has one."""
    candidate = folder / CONFIG_NAME
    return candidate if candidate.is_file() else None


def collection_config(inputs: Sequence[str], given: str | None) -> Path | None:
    """The configuration of a run over ``inputs``: the ``given`` file, else the one in the
    first input's folder (the input itself when it is a folder)."""
    if given:
        return Path(given)
    first = Path(inputs[0]) if inputs and inputs[0] != "-" else None
    if first is None:
        return None
    return find_config(first if first.is_dir() else first.parent)


def load_config(path: Path) -> EditionConfig:
    """Read and check a configuration; raise :class:`ConfigError` naming file, line and key."""
    text, table = read_toml(path, "configuration")
    for key, value in table.items():
        if key not in _TABLES:
            raise ConfigError(
                f"unknown table or key {key!r} (known: {', '.join(_TABLES)})",
                Location(str(path), line_of(text, key)),
            )
        if not isinstance(value, dict):
            raise ConfigError(f"{key!r} must be a table", Location(str(path), line_of(text, key)))
        for name in value:
            if name not in _TABLES[key]:
                known = ", ".join(_TABLES[key])
                raise ConfigError(
                    f"unknown key {name!r} in [{key}] (known: {known})",
                    Location(str(path), line_of(text, name)),
                )
    values: dict[str, object] = {}
    for key, value in table.get("edition", {}).items():
        where = Location(str(path), line_of(text, key))
        if _EDITION_KEYS[key]:
            values[key] = tuple(" ".join(v.split()) for v in _names(key, value, where))
        else:
            values[key] = " ".join(_string(key, value, where).split())
    css_file = values.pop("css", None)
    css = read_stylesheet(path.parent / str(css_file)) if css_file else ""
    defaults = {
        key: _string(key, value, Location(str(path), line_of(text, key)))
        for key, value in table.get("defaults", {}).items()
    }
    authority = table.get("authority", {})
    files = (
        _names("files", authority["files"], Location(str(path), line_of(text, "files")))
        if "files" in authority
        else ()
    )
    return EditionConfig(
        Edition(**values),  # type: ignore[arg-type]
        css,
        path.name,
        Sidecar(**defaults),  # type: ignore[arg-type]
        tuple(path.parent / name for name in files),
        _batch(table.get("batch", {}), path, text),
    )


def _string(key: str, value: object, where: Location) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key!r} must be a non-empty string", where)
    return value


def _names(key: str, value: object, where: Location) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{key!r} must be a list of names", where)
    return tuple(value)


def _batch(table: dict[str, Any], path: Path, text: str) -> BatchDefaults:
    """The ``[batch]`` table, each value checked as ``batch``'s option would check it."""
    formats = validate = jobs = None
    for key, value in table.items():
        where = Location(str(path), line_of(text, key))
        if key == "to":
            if not isinstance(value, list) or not value or not set(value) <= set(_BATCH_FORMATS):
                raise ConfigError(
                    f"'to' must be a non-empty list of {', '.join(_BATCH_FORMATS)}", where
                )
            formats = tuple(name for name in _BATCH_FORMATS if name in value)
        elif key == "validate":
            if not isinstance(value, bool):
                raise ConfigError("'validate' must be true or false", where)
            validate = value
        elif not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError("'jobs' must be a whole number of at least 1", where)
        else:
            jobs = value
    return BatchDefaults(formats, validate, jobs)


def write_template(folder: Path) -> Path:
    """Write a commented configuration into ``folder``; never over an existing file."""
    target = folder / CONFIG_NAME
    try:
        with target.open("x", encoding="utf-8") as out:
            out.write(TEMPLATE)
    except FileExistsError:
        raise ConfigError("already exists; not overwritten", Location(str(target))) from None
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be written", Location(str(target))) from None
    return target
