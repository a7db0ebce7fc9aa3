"""A Datasette metadata file for a corpus database: titles, descriptions, labels and facets.

``datasette corpus.sqlite -m metadata.json`` then publishes the collection's search with no
code of ours running: Datasette finds the full-text index of ``texts`` by itself, and the
metadata makes it the search box of ``documents``, adds what each table and column means, which
column labels a row, the facets each table opens with, and a canned query that searches the
documents and shows each hit with a snippet. Datasette is an optional extra
(``tei-plenum[serve]``); writing this file needs none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..files import write_atomically

_PARAGRAPH_COLUMNS = {
    "document_id": "The document",
    "seq": "Order in the document, from 1",
    "anchor": "Id of the block in the HTML edition (doc.html#anchor)",
    "element": "TEI element of the block (p, head, fw, speaker…)",
    "page": "Page the block begins on",
    "char_start": "Offset of the block in the document's plain text",
    "char_end": "End offset of the block in the document's plain text",
}
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per TEI file: what its header (or its front matter) states.",
        "label_column": "title",
        "fts_table": "documents_fts",
        "fts_pk": "id",
        "searchmode": "raw",
        "facets": ["genre", "classification_text", "year"],
        "sort": "date_from",
        "columns": {
            "path": "The TEI file, relative to the database's folder when it lies under it",
            "sha256": "SHA-256 of the file's bytes when it was indexed",
            "html_path": "The HTML edition beside the TEI file, when there is one",
            "tei_id": "xml:id of the TEI element",
            "title": "The main title",
            "date_text": "The document's date as printed",
            "date_from": "First day the date allows (ISO 8601)",
            "date_to": "Last day the date allows (ISO 8601)",
            "year": "Year of date_from (else of date_to)",
            "genre": "Kind of document (record of conversation, telegram, letter…)",
            "issuer": "Who issued the document",
            "issuer_key": "Entity key of the issuer",
            "classification": "Normalised classification level, where the TEI states one",
            "classification_text": "The classification marking as printed",
            "copy_number": "Copy number",
            "archive_country": "Country of the holding archive",
            "archive_settlement": "City of the holding archive",
            "archive_institution": "Institution of the holding archive",
            "archive_repository": "The holding archive",
            "archive_collection": "Collection (fond, opis…) in the archive",
            "archive_idno": "The archive's reference (shelfmark, file, leaves)",
            "url": "Address of the source translation",
            "language": "Language of the original (BCP 47)",
            "language_note": "The document's words about its language",
            "text_language": "Language of the TEI text (xml:lang)",
            "pages": "Pages of the transcription source",
            "words": "Words in the reading text",
            "summary": "Summary from the catalogue",
        },
    },
    "identifiers": {
        "description": "Every identifier of a document: the archive's reference parts, the "
        "numbers printed on the original, the source's file name and address.",
        "facets": ["scope", "type"],
        "columns": {
            "document_id": "The document",
            "scope": "archive, number (printed on the original) or source",
            "type": "Kind of identifier (shelfmark, copy, registration, URL…)",
            "value": "The identifier",
        },
    },
    "entities": {
        "description": "People, groups, places, organisations and events the documents refer "
        "to. Authority records are stored once for the corpus; a document's own records "
        "belong to it.",
        "label_column": "name",
        "facets": ["type", "unresolved"],
        "columns": {
            "key": "The record's key (xml:id) or URI; empty for a name without a record",
            "type": "person, group, place, org, event or name",
            "name": "Preferred name",
            "full_name": "Full name",
            "wikidata": "Wikidata id",
            "geonames": "GeoNames id",
            "viaf": "VIAF id",
            "occupation": "Office or occupation",
            "unresolved": "1 when the record is not identified (or the pointer leads nowhere)",
            "document_id": "The document a local record belongs to; empty for authority records",
        },
    },
    "texts": {
        "description": "Each document's plain text, its blocks apart by a blank line, with "
        'full-text search (words, "phrases", AND/OR/NOT, prefix*).',
        "searchmode": "raw",
        "columns": {"text": "The plain text (id is the document's)"},
    },
    "paragraphs": {
        "description": "The reading text, block by block: where each block lies in its "
        "document's plain text (paragraph_texts adds its words).",
        "label_column": "anchor",
        "facets": ["element", "page"],
        "columns": _PARAGRAPH_COLUMNS,
    },
    "paragraph_texts": {
        "description": "The paragraphs with their words (a view).",
        "label_column": "anchor",
        "facets": ["element"],
        "columns": {**_PARAGRAPH_COLUMNS, "text": "The block's words"},
    },
    "mentions": {
        "description": "Each name in the text: which entity, where.",
        "facets": ["entity_id"],
        "columns": {
            "document_id": "The document",
            "entity_id": "The entity named",
            "paragraph": "seq of the paragraph in its document",
            "surface": "The words of the name in the text",
            "page": "Page of the name",
            "char_start": "Offset in the document's plain text",
            "char_end": "End offset in the document's plain text",
            "certainty": "cert of the name element (low, medium…)",
        },
    },
    "dates": {
        "description": "Each date in the text, normalised to first and last day.",
        "facets": ["certainty"],
        "columns": {
            "document_id": "The document",
            "paragraph": "seq of the paragraph in its document",
            "date_from": "First day the date allows (ISO 8601)",
            "date_to": "Last day the date allows (ISO 8601)",
            "certainty": "cert of the date (high, medium, low)",
            "surface": "The words of the date in the text",
            "page": "Page of the date",
            "char_start": "Offset in the document's plain text",
            "char_end": "End offset in the document's plain text",
        },
    },
    "turns": {
        "description": "Speaker turns of conversations, in order.",
        "facets": ["entity_id"],
        "columns": {
            "document_id": "The document",
            "seq": "Order of the turn, from 1",
            "speaker_key": "Key of the speaker (sp/@who)",
            "entity_id": "The speaker",
            "label": "The speaker label as printed",
            "words": "Words spoken (the label left out)",
            "page": "Page the turn begins on",
            "paragraph": "seq of the turn's first paragraph",
        },
    },
}

# Search the documents and show each hit with a snippet: the researcher's first question.
SEARCH_QUERY = """select d.title, d.date_text, d.genre, coalesce(d.html_path, d.path) as link,
  snippet(documents_fts, 0, '<<', '>>', '…', 24) as snippet
from documents_fts
join documents d on d.id = documents_fts.rowid
where documents_fts match :query
order by documents_fts.rank
limit 100"""


def datasette_metadata(database_name: str, title: str = "TEI corpus") -> dict[str, Any]:
    """The metadata for a database that Datasette serves as ``database_name`` (the file's
    name without ``.sqlite``/``.db``)."""
    return {
        "title": title,
        "description": "Documents converted to TEI with tei-plenum: full text, names, dates "
        "and speaker turns.",
        "databases": {
            database_name: {
                "tables": TABLES,
                "queries": {
                    "search": {
                        "title": "Search the documents",
                        "description": 'Full-text query: words, "a phrase", AND/OR/NOT, '
                        "prefix*; hits best first.",
                        "sql": SEARCH_QUERY,
                    }
                },
            }
        },
    }


def write_metadata(target: Path, database: Path) -> None:
    """Write the metadata for ``database`` to ``target`` (JSON, atomically)."""
    data = datasette_metadata(database.stem)
    write_atomically(target, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
