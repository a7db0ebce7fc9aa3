"""A search result as the ``search`` command prints it: text for reading, JSON or CSV for
programs. Pure functions of a :class:`~.query.SearchResult`."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .query import Hit, SearchResult

CSV_COLUMNS = (
    "rank", "title", "date", "date_from", "date_to", "genre", "page", "path", "link",
    "matches", "score", "snippet",
)  # fmt: skip


def hit_record(hit: Hit) -> dict[str, Any]:
    """A hit as a flat record; the snippet's matches are between ``**``."""
    return {
        "rank": hit.rank,
        "title": hit.title,
        "date": hit.date,
        "date_from": hit.date_from,
        "date_to": hit.date_to,
        "genre": hit.genre,
        "page": hit.page,
        "path": hit.path,
        "anchor": hit.anchor,
        "link": hit.link,
        "matches": hit.matches,
        "score": hit.score,
        "snippet": hit.snippet.marked(),
    }


def to_json(result: SearchResult) -> str:
    data = {
        "query": result.query,
        "total": result.total,
        "hits": [hit_record(hit) for hit in result.hits],
        "facets": {
            facet.name: [{"value": v.value, "count": v.count, "key": v.key} for v in facet.values]
            for facet in result.facets
        },
        "notes": list(result.notes),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_csv(result: SearchResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for hit in result.hits:
        record = hit_record(hit)
        writer.writerow(record[column] for column in CSV_COLUMNS)
    return buffer.getvalue()


def to_text(result: SearchResult) -> str:
    """Hits numbered, best first: title; date, genre, page and matches; where to read it; the
    snippet. Then the facet counts, when asked for."""
    what = f"for {result.query!r}" if result.query else "(no text query)"
    shown = f", showing {len(result.hits)}" if len(result.hits) < result.total else ""
    lines = [f"{_count(result.total, 'document')} {what}{shown}"]
    for hit in result.hits:
        facts = [hit.date or hit.date_from or "", hit.genre or ""]
        facts.append(f"p. {hit.page}" if hit.page else "")
        if hit.matches:
            facts.append(f"{_count(hit.matches, 'matching paragraph')}")
        lines += ["", f"{hit.rank}. {hit.title}", "   " + " · ".join(f for f in facts if f)]
        lines.append(f"   {hit.link or hit.path}")
        if hit.snippet.parts:
            lines.append(f"   {hit.snippet.marked()}")
    if result.facets:
        lines += ["", "Documents of the result set per facet:"]
        for facet in result.facets:
            values = ", ".join(f"{v.value} ({v.count})" for v in facet.values) or "none"
            lines.append(f"  {facet.name}: {values}")
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
