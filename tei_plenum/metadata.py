"""Sidecar metadata: what is known about a document but not printed in it.

A sidecar is a TOML file beside the input, named ``INPUT-STEM.meta.toml`` (or
``INPUT.meta.toml``), holding string values for the keys in :data:`SIDECAR_KEYS`. Unknown keys
are refused so that a typo never silently drops a catalogue value.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError, Location
from .files import read_regular_file

SIDECAR_KEYS: dict[str, str] = {
    "title": "main title of the document (wins over the printed title)",
    "archive": "publisher of the English translation (wins over the banner)",
    "country": "msIdentifier/country of the holding archive",
    "settlement": "msIdentifier/settlement of the holding archive",
    "institution": "msIdentifier/institution",
    "repository": "msIdentifier/repository",
    "collection": "msIdentifier/collection",
    "idno": "shelfmark or catalogue number (msIdentifier/idno)",
    "url": "address of the document in the archive (bibl/idno type=URL)",
    "source_language": "language of the original, BCP 47 (textLang/@mainLang), e.g. ko, ru",
    "translator_en": "name of the English translator",
    "summary": "a summary of the document (msItem/summary)",
    "extent": "physical extent of the original (supportDesc/extent)",
    "form": "form of the original, e.g. typescript (objectDesc/@form)",
}


def sidecar_for(path: Path) -> Path | None:
    """The sidecar next to ``path`` if one exists (``x.meta.toml`` or ``x.txt.meta.toml``)."""
    for candidate in (path.with_suffix(".meta.toml"), path.with_name(path.name + ".meta.toml")):
        if candidate.is_file():
            return candidate
    return None


def load_sidecar(path: Path) -> dict[str, Any]:
    """Read and check a sidecar; raise :class:`ConfigError` naming file, line and problem."""
    data = read_regular_file(path, max_bytes=1024 * 1024)
    try:
        table = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("sidecar is not UTF-8 text", Location(str(path))) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"sidecar is not valid TOML: {exc}", Location(str(path))) from None
    for key, value in table.items():
        if key not in SIDECAR_KEYS:
            known = ", ".join(sorted(SIDECAR_KEYS))
            raise ConfigError(f"unknown sidecar key {key!r} (known: {known})", Location(str(path)))
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"sidecar key {key!r} must be a non-empty string", Location(str(path))
            )
    return {**table, "_source": path.name}
