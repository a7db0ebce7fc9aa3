"""The fact sheet of a document (:class:`DocumentMeta`) and its reader from any TEI header."""

from __future__ import annotations

from .from_tei import read_tei_header
from .records import (
    ArchiveCatalogue,
    ArchiveIdentity,
    CorrespAction,
    DocumentMeta,
    Identifier,
    Languages,
    Marking,
    Name,
    Participants,
    Phrase,
    Physical,
    Provenance,
    Responsibility,
    Title,
    TitleSource,
    TranscriptionSource,
)

__all__ = [
    "ArchiveCatalogue",
    "ArchiveIdentity",
    "CorrespAction",
    "DocumentMeta",
    "Identifier",
    "Languages",
    "Marking",
    "Name",
    "Participants",
    "Phrase",
    "Physical",
    "Provenance",
    "Responsibility",
    "Title",
    "TitleSource",
    "TranscriptionSource",
    "read_tei_header",
]
