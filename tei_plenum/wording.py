"""Counted nouns, the one way every message, summary and page says how many: "1 error",
"2 errors", never "1 errors" or "error(s)"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one (``plural`` for nouns
    that do not just add an s)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
