"""The edition configuration: ``tei-plenum.toml`` in a collection's folder (or ``--config``).

It says what a published edition is called and who stands behind it, so that every page
names it in its citation and footer. One table, ``[edition]``; every key is optional, every
unknown key or table is an error (a misspelt ``licence_url`` must not silently vanish from
every page). ``tei-plenum init`` writes :data:`TEMPLATE`, every key commented and explained.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, InputError, Location
from .export.html.options import Edition, read_stylesheet
from .files import read_regular_file
from .metadata import _line_of

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
"""


@dataclass(frozen=True, slots=True)
class EditionConfig:
    """What the configuration gives a page: the edition and a user stylesheet."""

    edition: Edition = field(default_factory=Edition)
    css: str = ""
    file: str = ""


def find_config(folder: Path) -> Path | None:
    """The configuration in ``folder``, if it has one."""
    candidate = folder / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(path: Path) -> EditionConfig:
    """Read and check a configuration; raise :class:`ConfigError` naming file, line and key."""
    data = read_regular_file(path, max_bytes=1024 * 1024)
    try:
        text = data.decode("utf-8")
        table = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError("configuration is not UTF-8 text", Location(str(path))) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"configuration is not valid TOML: {exc}", Location(str(path))) from None
    for key in table:
        if key != "edition":
            raise ConfigError(
                f"unknown table or key {key!r} (known: edition)",
                Location(str(path), _line_of(text, key)),
            )
    section = table.get("edition", {})
    if not isinstance(section, dict):
        raise ConfigError(
            "'edition' must be a table", Location(str(path), _line_of(text, "edition"))
        )
    values: dict[str, object] = {}
    for key, value in section.items():
        where = Location(str(path), _line_of(text, key))
        if key not in _EDITION_KEYS:
            known = ", ".join(_EDITION_KEYS)
            raise ConfigError(f"unknown key {key!r} in [edition] (known: {known})", where)
        if _EDITION_KEYS[key]:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                raise ConfigError(f"{key!r} must be a list of names", where)
            values[key] = tuple(" ".join(v.split()) for v in value)
        elif not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{key!r} must be a non-empty string", where)
        else:
            values[key] = " ".join(value.split())
    css_file = values.pop("css", None)
    css = read_stylesheet(path.parent / str(css_file)) if css_file else ""
    return EditionConfig(Edition(**values), css, path.name)  # type: ignore[arg-type]


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
