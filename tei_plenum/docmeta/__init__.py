"""The fact sheet of a document: :class:`DocumentMeta` and the records it is made of."""

from __future__ import annotations

from .records import (
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
]
