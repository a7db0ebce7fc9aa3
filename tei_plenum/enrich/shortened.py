"""Shortened names of bodies: "the CC Presidium" after "the CC CPSU Presidium".

A document names a body in full once and then by its shorter form ("CC Presidium", "Foreign
Ministry" after "[Chinese] Foreign Ministry"). The names step finds no authority record for
the shorter form and gives it a record of the document's own. This step links such a record
to the one body the document named in full before it whose name holds every word of the
shorter one and ends in the same word; ``cert="medium"`` says that the link rests on the
document's wording, not on a spelling of the authority. With two such bodies, or none named
before, the record stays the document's own.

A state's organs are left alone: a report that names "the Hungarian Ministry of Foreign
Affairs" often means the host country's by "the Ministry of Foreign Affairs", and a wrong link
is worse than none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ..model import Block, Document, Entity, EntityType, Mark

# Words a shortened name may leave out or keep without their making a difference.
_FILLER = frozenset({"the", "of", "for", "and", "on", "in"})
# A shortened name has at least this many words: a head alone ("Ministry") names nothing.
_SHORTEST = 2
# Words of a state's organs, which a shortened name may use for the home or the host state.
_STATE_ORGANS = frozenset(
    {"ministry", "mfa", "embassy", "legation", "consulate", "mission", "government"}
)


def link_shortened(doc: Document) -> Document:
    """Re-point each mention of a body the document could not identify to the body it
    shortens, when the document names exactly one such body in full before it."""
    entities = {entity.key: entity for entity in doc.entities}
    targets = _targets(doc.blocks, entities)
    if not targets:
        return doc
    blocks = tuple(_relinked(block, targets) for block in doc.blocks)
    still_used = {ref_of(mark) for block in blocks for mark in block.marks if mark.tag == "orgName"}
    kept = tuple(e for e in doc.entities if e.key not in targets or e.key in still_used)
    return replace(doc, blocks=blocks, entities=kept)


def _targets(blocks: Sequence[Block], entities: Mapping[str, Entity]) -> dict[str, str]:
    """Each local organisation record -> the known body it shortens."""
    named: dict[str, list[tuple[str, ...]]] = {}  # known body -> its words as printed so far
    targets: dict[str, str] = {}
    refused: set[str] = set()
    for block in blocks:
        for mark in block.marks:
            if mark.tag != "orgName":
                continue
            key = ref_of(mark)
            entity = entities.get(key)
            if entity is None or entity.type is not EntityType.ORG:
                continue
            words = _words(block.text[mark.start : mark.end])
            if not entity.unresolved:
                named.setdefault(key, []).append(words)
                continue
            if key in targets or key in refused:
                continue
            if len(words) < _SHORTEST or _STATE_ORGANS.intersection(words):
                refused.add(key)
                continue
            longer = {
                body for body, forms in named.items() if any(_shortens(words, f) for f in forms)
            }
            if len(longer) == 1:
                targets[key] = longer.pop()
            else:
                refused.add(key)
    return targets


def _shortens(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` keeps some of ``full``'s words in their order, ends in its last
    word and is shorter."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    rest = iter(full)
    return all(word in rest for word in short)


def _words(surface: str) -> tuple[str, ...]:
    """A name's words without brackets, case or filler words."""
    cleaned = surface.replace("[", " ").replace("]", " ").replace("’", "'")
    return tuple(w.casefold() for w in cleaned.split() if w.casefold() not in _FILLER)


def _relinked(block: Block, targets: Mapping[str, str]) -> Block:
    if not any(m.tag == "orgName" and ref_of(m) in targets for m in block.marks):
        return block
    return block.with_only_marks(_relinked_marks(block.marks, targets))


def _relinked_marks(marks: Iterable[Mark], targets: Mapping[str, str]) -> Iterable[Mark]:
    for mark in marks:
        target = targets.get(ref_of(mark)) if mark.tag == "orgName" else None
        yield mark if target is None else repointed(mark, target)


def repointed(mark: Mark, key: str) -> Mark:
    """The mark pointing to ``key`` with ``cert="medium"``: a link the document's wording
    suggests, not a spelling of the authority."""
    others = tuple((k, v) for k, v in mark.attrs if k not in ("ref", "cert"))
    return Mark(mark.start, mark.end, mark.tag, (("ref", "#" + key), *others, ("cert", "medium")))


def ref_of(mark: Mark) -> str:
    """The key a mark points to, "" when none."""
    return dict(mark.attrs).get("ref", "").lstrip("#")
