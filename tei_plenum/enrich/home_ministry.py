"""The home ministry of an embassy's cable: "To the Ministry of Foreign Affairs:".

An embassy's cable is addressed to its own state's foreign ministry, and the cable form that
ministry printed is headed by its name ("Ministry of Foreign Affairs Cable"). There the bare
name, which the names step could not identify, is the sender's home ministry: this step links
it to the authority's record of that ministry, with ``cert="medium"``, when the archive's
title names the sending embassy by its state's adjective ("Cable from the Chinese Embassy in
Burma") and the authority knows that state's ministry by the same adjective ("Chinese
Ministry of Foreign Affairs").

Only a name that opens its line, after "To" at most, is linked. In the running text "the
Ministry of Foreign Affairs" is as often the host state's, and a wrong link is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .. import pattern_cache
from ..authority import Authority, Period
from ..model import Block, Document, Mark, Role
from .names import entity_of
from .shortened import ref_of, repointed

# The bare names of a foreign ministry.
_BARE_NAMES = ("Ministry of Foreign Affairs", "Foreign Ministry")
# The archive's title naming the embassy that sent the document: "Cable from the [Chinese]
# Embassy in Burma".
_SENT_BY_EMBASSY = pattern_cache.compile(
    r"\b(?:Cable|Telegram|Telegraph|Report)\s+from\s+the\s+\[?([A-Z][a-z]+)\]?\s+Embassy\b"
)
# What may stand before the name on its line: "To the".
_LEAD = pattern_cache.compile(r"(?:To\s+(?:the\s+)?)?$")


def link_home_ministry(doc: Document, authority: Authority) -> Document:
    """Link the bare foreign ministry that heads or addresses an embassy's cable to the
    sender's own ministry, when the archive's title and the authority make it known."""
    home = _home_ministry(doc, authority)
    if home is None:
        return doc
    local = {e.key for e in doc.entities if e.unresolved}
    blocks = tuple(_relinked(block, home, local) for block in doc.blocks)
    if blocks == doc.blocks:
        return doc
    used = {ref_of(m) for block in blocks for m in block.marks}
    entities = [e for e in doc.entities if e.key not in local or e.key in used]
    if home not in {e.key for e in entities}:
        at = Period.of(doc.doc_date)
        entities.append(entity_of(authority.record(home), at))
    return replace(doc, blocks=blocks, entities=tuple(entities))


def _home_ministry(doc: Document, authority: Authority) -> str | None:
    """The key of the sending state's foreign ministry, from the archive's title."""
    title = next(
        (b.text for b in doc.blocks if b.role is Role.COVER and b.attr("type") == "title"), ""
    )
    found = _SENT_BY_EMBASSY.search(title)
    if found is None:
        return None
    at = Period.of(doc.doc_date)
    for name in _BARE_NAMES:
        hit = authority.lookup(f"{found.group(1)} {name}", at)
        if hit is not None and not hit.uncertain:
            return hit.key
    return None


def _relinked(block: Block, home: str, local: set[str]) -> Block:
    marks = list(_relinked_marks(block, home, local))
    return block.with_only_marks(marks) if marks != list(block.marks) else block


def _relinked_marks(block: Block, home: str, local: set[str]) -> Iterator[Mark]:
    """The block's marks, a bare ministry with a record of the document's own that opens the
    line re-pointed to the home ministry."""
    for mark in block.marks:
        surface = block.text[mark.start : mark.end]
        if (
            mark.tag == "orgName"
            and surface in _BARE_NAMES
            and ref_of(mark) in local
            and _LEAD.fullmatch(block.text, 0, mark.start)
        ):
            yield repointed(mark, home)
        else:
            yield mark
