"""Signatures and credits: who signed, interpreted or recorded a document (guide §12).

Runs after the names enricher. In the body's closer, office and name become sibling
``roleName`` and ``persName`` marks: where the names enricher found the signer's name, the
office is the text before it (up to a signature mark such as ``[signature]``); where it did
not, a name is read from the line's shape: a name typed between slashes (``/A. PUZANOV/``),
letter-spaced (``G R O M Y K O``, whose record takes the unspaced form and, when the
authority knows it, the authority's record), initials and a surname (``S. KARELIN``), the
words after a ``Signed:`` label, after the office's organisation or place, or a short line
that is only a name, bracketed or not (``[Ravi Menon]``, a name the translator supplied;
``[Torleiv] Anda``, first names supplied), or a name before the office that ends the line
(``Pál Szarvas Ambassador``). A
sender set between dashes (``– 123 chargé d'affaires –``) is read between them. A number on
a signature line is a ``num``, never part of the name. A name read from the line's shape
gets an unresolved record, so that a person can review it; a name the translator supplied
whole, of which the names enricher marked the surname only, is marked whole.

In the back, each name signed under a caption ("Translated [by]:") is marked, and anywhere
in the text a credit line ("Attaché Kim Chol translated the conversation", "Recorded by: V.
Pelishenko") gets its person marked, with the office before the name as a ``roleName``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import pattern_cache
from ..authority import Authority
from ..letters import display_name
from ..lexicon import INITIAL, OFFICE_WORDS, ORG_HEADS, TITLES, alternation
from ..model import Block, Document, Entity, Mark, Role, attrs, nests
from ..reader import patterns as pat
from ..vocabulary import BRACKET_MARK, Element, EntityType, person_key, pointer
from .names import entity_of

# An office, also in the plural ("Co-Directors, RTIC", "Co-Chairmen" sign for two).
_OFFICES = (*OFFICE_WORDS, *(word[:-3] + "men" for word in OFFICE_WORDS if word.endswith("man")))
_OFFICE = pattern_cache.compile(rf"\b(?:{alternation(_OFFICES)})s?\b", re.IGNORECASE)
# An office and, after a comma, the body or paper it is of: "Editor, River News".
_OFFICE_OF_BODY = pattern_cache.compile(
    rf"(?:[\w-]+\s+)?(?:{alternation(_OFFICES)})s?,\s", re.IGNORECASE
)
# A body's head noun in any case: "MINISTRY OF FOREIGN AFFAIRS" signing is no person.
_BODY = pattern_cache.compile(rf"\b(?:{'|'.join(ORG_HEADS)})\b", re.IGNORECASE)
_INITIALS_NAME = pattern_cache.compile(
    rf"(?:\b{INITIAL}\s*){{1,3}}[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$"
)
_BRACKET = pattern_cache.compile(r"\s*\[")
# Where a name signed in the back ends: a bracket, or the day or hour the signer put after it
# ("Typed by Petrova on 4/7/53 at 9:15 a.m.").
_NAME_END = pattern_cache.compile(r"\s*\[|,?\s+(?:[^\W\d_A-Z]+\s+)?(?=\d)")
_NUMBER = pattern_cache.compile(r"(?<![\w.])\d+(?![\w.]*\w)")
# A title or office that may lead the words naming a credited person ("Attaché Kim Chol").
_LEADING_TITLES = pattern_cache.compile(
    rf"^(?:(?:(?i:{alternation(t.form for t in TITLES)})|[^\W\d_A-Z][\w'’-]*)\s+)+"
)
_NAME_WORDS = 4
_BRACKETED_FIRST = pattern_cache.compile(r"\[[A-Z][^\[\]]{0,30}\]\s+[A-Z][\w'’-]+")
# A cable's number set off by dashes before the sender's name ("-- 77 -- Kovacs --").
_NUMBER_BETWEEN_DASHES = pattern_cache.compile(r"\d+\s*[-–—]+\s*")
# A signer's name the translator supplied in brackets, alone on the line ("[Homi Bhabha]").
_SUPPLIED_NAME = pattern_cache.compile(r"\[([^\[\]]+)\]")


@dataclass
class _Records:
    """The document's entity records, with the keys already used."""

    entities: list[Entity]
    known: set[str]
    authority: Authority | None

    def person(self, name: str, occupation: str | None = None) -> str:
        """The key of the person ``name`` names: the authority's record of that exact
        spelling when there is one, else an unresolved record of the name as printed."""
        hit = self.authority.lookup(name) if self.authority is not None else None
        key = hit.key if hit is not None and not hit.uncertain else person_key(name)
        if key not in self.known:
            self.known.add(key)
            if hit is not None and not hit.uncertain and self.authority is not None:
                self.entities.append(entity_of(self.authority.record(key)))
            else:
                shown = display_name(name)
                self.entities.append(
                    Entity(key, EntityType.PERSON, shown, occupation=occupation, unresolved=True)
                )
        return key


def split_signatures(doc: Document, authority: Authority | None = None) -> Document:
    """Add ``roleName``, ``persName`` and ``num`` marks to signatures: the body's closer, the
    names signed under a caption in the back (translators, recorders), and credit lines."""
    records = _Records(list(doc.entities), {e.key for e in doc.entities}, authority)
    blocks = []
    caption = ""
    for block in doc.blocks:
        in_back = bool(block.path) and block.path[0].tag == Element.BACK
        found = pat.credit(block.text) if block.role is not Role.PAGE_BREAK else None
        if block.role is Role.BYLINE and in_back:
            caption = pat.caption_words(block.text).lower()
        if found is not None:
            block = _credited(block, found, records)
        elif in_back and block.role in (Role.BYLINE, Role.SIGNED):
            block = _attested(block, records, caption)
        elif block.role is Role.SIGNED:
            block = _split(block, records)
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks), entities=tuple(records.entities))


def _attested(block: Block, records: _Records, caption: str) -> Block:
    """A name signed under "Translated [by]:" or "Recorded [by]:" (guide §12)."""
    occupation = _occupation(caption)
    marked = next((m for m in block.marks if m.tag == "persName"), None)
    if marked is not None:
        # The names enricher found the signer: a record of the document's own says what the
        # signer did here.
        key = dict(marked.attrs).get("ref", "").removeprefix("#")
        for index, entity in enumerate(records.entities):
            if entity.key == key and entity.unresolved and entity.occupation is None:
                records.entities[index] = replace(entity, occupation=occupation)
        return block
    name_start = 0
    if block.role is Role.BYLINE:
        # A caption with the name on its line: "Recorded by V. P. Lobanov".
        caption_end = pat.caption_end(block.text) or len(block.text)
        name_start = caption_end + (1 if block.text[caption_end : caption_end + 1] == " " else 0)
    end = _NAME_END.search(block.text, name_start)
    name_end = end.start() if end else len(block.text.rstrip())
    name = block.text[name_start:name_end].strip()
    if not name or not name[:1].isupper() or not nests(block.marks, name_start, name_end):
        return block
    key = records.person(name, occupation)
    return block.with_marks([Mark(name_start, name_end, "persName", attrs(ref=pointer(key)))])


def _occupation(caption: str) -> str:
    """What a name signed under a caption did: translated, typed, else recorded."""
    if caption.startswith("translat"):
        return "translator"
    return "typist" if caption.startswith("typ") else "recorder"


def _credited(block: Block, found: pat.Credit, records: _Records) -> Block:
    """The person a credit line names, and the office before the name."""
    start, end = found.name
    person = next(
        (m for m in block.marks if m.tag == "persName" and start <= m.start and m.end <= end),
        None,
    )
    if person is None:
        words = block.text[start:end]
        lead = _LEADING_TITLES.match(words)
        name_start = start + (lead.end() if lead and lead.end() < len(words) else 0)
        name = block.text[name_start:end]
        if not _looks_like_a_name(name) or not nests(block.marks, name_start, end):
            return block
        key = records.person(name, found.role)
        person = Mark(name_start, end, "persName", attrs(ref=pointer(key)))
        block = block.with_marks([person])
    return _with_office(block, start, person.start)


def _split(block: Block, records: _Records) -> Block:
    text = block.text
    if pat.is_signed_label(text):
        return block
    start, end = _signed_words(text)
    start = _after_date(block, start)
    block = _numbered(block, start, end)
    numbered = _NUMBER_BETWEEN_DASHES.match(text, start, end)
    start = numbered.end() if numbered else start  # "-- 77 -- Kovacs --": the cable's number
    person = next((m for m in block.marks if m.tag == "persName" and m.start >= start), None)
    if person is not None:
        block, person = _whole_bracketed_name(block, person, start, end)
    if person is None:
        found = _name_span(block, start, end)
        if found is None:
            return _office_only(block, start, end)
        name_start, name_end, name = found
        if not nests(block.marks, name_start, name_end) or _names_a_body(block, *found[:2]):
            return block
        key = records.person(name)
        person = Mark(name_start, name_end, "persName", attrs(ref=pointer(key)))
        block = block.with_marks([person])
    return _with_office(block, start, person.start)


def _whole_bracketed_name(block: Block, person: Mark, start: int, end: int) -> tuple[Block, Mark]:
    """A signer's name the translator supplied whole ("[Homi Bhabha]"), of which the names
    enricher marked the surname only: the mark takes in the whole name."""
    supplied = _SUPPLIED_NAME.fullmatch(block.text, start, end)
    if supplied is None or not _looks_like_a_name(supplied.group(1)):
        return block, person
    inner_start, inner_end = supplied.span(1)
    if not (inner_start <= person.start and person.end <= inner_end) or (
        (person.start, person.end) == (inner_start, inner_end)
    ):
        return block, person
    whole = Mark(inner_start, inner_end, person.tag, person.attrs)
    return block.with_only_marks([whole if m is person else m for m in block.marks]), whole


def _after_date(block: Block, start: int) -> int:
    """Where the signer's words start after the date the signer put first ("13.1.51
    ROSHCHIN")."""
    text = block.text
    opening = start + len(text[start:]) - len(text[start:].lstrip())
    dated = next((m for m in block.marks if m.tag == "date" and m.start == opening), None)
    if dated is None or not text[dated.end :].strip():
        return start
    return dated.end + len(text[dated.end :]) - len(text[dated.end :].lstrip())


def _names_a_body(block: Block, start: int, end: int) -> bool:
    """The words are an organisation or a place the names enricher found (a department
    signing between dashes): no person signs there."""
    return any(
        m.tag in ("orgName", "placeName") and m.start <= start and end <= m.end for m in block.marks
    )


def _signed_words(text: str) -> tuple[int, int]:
    """Where the signer's words are: after a "Signed:" label, between a sender's dashes."""
    dashed = pat.dashed_line(text)
    if dashed is not None:
        return dashed
    return pat.signed_label_end(text) or 0, len(text.rstrip())


def _numbered(block: Block, start: int, end: int) -> Block:
    """A number on a signature line (a telegram's, a registry's) as a ``num``."""
    marks = [
        Mark(m.start(), m.end(), "num", attrs(value=m.group()))
        for m in _NUMBER.finditer(block.text, start, end)
        if nests(block.marks, m.start(), m.end())
        and not any(o.start <= m.start() < o.end for o in block.marks if not o.is_milestone)
    ]
    return block.with_marks(marks)


def _with_office(block: Block, start: int, name_start: int) -> Block:
    """The office before the name, from ``start``, as a ``roleName``."""
    office_end = _office_end(block.text, start, name_start)
    if (
        office_end > start
        and _OFFICE.search(block.text, start, office_end)
        and nests(block.marks, start, office_end)
    ):
        return block.with_marks([Mark(start, office_end, "roleName", attrs(type="office"))])
    return block


def _office_end(text: str, start: int, name_start: int) -> int:
    head = text[:name_start]
    bracket = _BRACKET.search(head, start)
    if bracket is not None:
        head = head[: bracket.start()]
    return len(head.rstrip(" ,/"))


def _office_only(block: Block, start: int, end: int) -> Block:
    """A signature line naming only an office; a number before it stays outside it."""
    text = block.text
    numbers = [m for m in block.marks if m.tag == "num" and m.start == start]
    if numbers:
        start = numbers[0].end + (1 if text[numbers[0].end : numbers[0].end + 1] == " " else 0)
    if (
        start < end
        and _OFFICE.search(text, start, end)
        and not pat.SIGNATURE_MARK.search(text)
        and nests(block.marks, start, end)
    ):
        return block.with_marks([Mark(start, end, "roleName", attrs(type="office"))])
    return block


def _name_span(block: Block, start: int, end: int) -> tuple[int, int, str] | None:
    """Where the signer's name is on a line the names enricher found none on, and the name
    (a letter-spaced name without its spacing)."""
    text = block.text
    slashed = pat.slashed_name(text)
    if slashed is not None:
        return (*slashed, text[slashed[0] : slashed[1]])
    spaced = pat.letter_spaced(text[start:end])
    if spaced is not None:
        a, b = start + spaced[0], start + spaced[1]
        return a, b, text[a:b].replace(" ", "")
    found = _shaped_name(block, start, end)
    return (*found, text[found[0] : found[1]]) if found else None


def _shaped_name(block: Block, start: int, end: int) -> tuple[int, int] | None:
    text = block.text
    after_mark = pat.SIGNATURE_MARK.search(text, start, end)
    if after_mark and after_mark.end() < end:
        name_start = (
            after_mark.end()
            + len(text[after_mark.end() :])
            - len(text[after_mark.end() :].lstrip())
        )
        rest = text[name_start:end].split()
        looks_like_name = bool(rest) and all(w[:1].isupper() for w in rest) and len(rest) <= 5
        looks_like_name = looks_like_name and not _BODY.search(text, name_start, end)
        return (name_start, end) if looks_like_name else None
    head = text[start:end]
    supplied = _SUPPLIED_NAME.fullmatch(head)
    if supplied is not None and _looks_like_a_name(supplied.group(1)):
        inner = (start + supplied.start(1), start + supplied.end(1))
        # Only a bracket the brackets enricher left as the translator's words, not a
        # description it read ("[Signature]", "[Seal]").
        within = [m for m in block.marks if m.start < inner[1] and inner[0] < m.end]
        if within and all(m.tag == BRACKET_MARK for m in within):
            return inner
    if _BRACKETED_FIRST.fullmatch(head):
        return start, start + len(head)  # "[Torleiv] Anda": first names the translator supplied
    bracket = _BRACKET.search(head)
    head = head[: bracket.start()] if bracket and bracket.start() > 0 else head
    m = _INITIALS_NAME.search(head)
    if m is not None:
        return start + m.start(), start + m.end()
    if _OFFICE_OF_BODY.match(head):
        return None  # "Editor, River News": the office and what it is of, no name
    office = _OFFICE.search(head)
    if office and _name_before_office(head, office):
        return start, start + len(head[: office.start()].rstrip(" ,"))  # "Pál Szarvas Ambassador"
    if office:
        places = [m for m in block.marks if m.tag in ("orgName", "placeName") and m.end <= end]
        tail_start = max((m.end for m in places), default=-1) + 1
        tail = text[tail_start : start + len(head)] if tail_start > start else ""
        words = tail.split()
        if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
            return tail_start, tail_start + len(tail.rstrip())
        return None
    return (start, start + len(head.rstrip())) if _looks_like_a_name(head) else None


# Words that open or qualify an office, which no name holds ("First Deputy Minister").
_OFFICE_QUALIFIERS = frozenset(
    """first second third fourth deputy vice acting chief senior junior assistant co head
    general executive permanent special extraordinary plenipotentiary""".split()
)


def _name_before_office(head: str, office: re.Match[str]) -> bool:
    """A name of two or more words in title case before an office that ends the line ("Pál
    Szarvas Ambassador"), none of them a word of offices."""
    words = head[: office.start()].rstrip(" ,").split()
    return (
        len(words) >= 2
        and not head[office.end() :].strip(" .,")
        and all(w[:1].isupper() and not w.isupper() for w in words)
        and not any(w.lower().strip("-") in _OFFICE_QUALIFIERS for w in words)
        and _looks_like_a_name(" ".join(words))
    )


def _looks_like_a_name(words: str) -> bool:
    """A short run of capitalised words with no office nor body's head noun among them."""
    found = words.split()
    return (
        1 <= len(found) <= _NAME_WORDS
        and all(w[:1].isupper() for w in found)
        and not _OFFICE.search(words)
        and not _BODY.search(words)
    )
