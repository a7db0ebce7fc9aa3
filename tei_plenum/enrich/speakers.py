"""Speaker turns and participants of conversations (encoding guide §13).

Runs after the names enricher, so the persons the text names are already marked. In the
genres that have turns (records of conversation, minutes, transcripts) and in any document
whose body has labelled turns, a paragraph opening with a speaker label (``KARELIN: …``,
``Comrade Puzanov: …``, ``North (KIM): …``, ``Q: …``) becomes a direct turn, and one opening
with a person followed by a speech verb (``Han Sang-dok said that …``, ``I replied that …``)
a reported turn. Each turn's paragraph is wrapped in an ``sp`` container whose ``@who`` points
to a participant; participants move from ``standOff`` to the header's ``particDesc`` so that
every person has exactly one record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..letters import UPPER, display_name
from ..lexicon import LABEL_HONORIFICS, LABEL_TITLES, alternation, name_words, surname
from ..model import Block, Container, Document, Entity, Mark, Participant, Role, attrs
from ..reader import patterns as pat
from ..slug import slug
from ..vocabulary import SPEAKER_MARK, group_key, person_key, pointer
from .name_forms import is_name_word

_HONORIFIC = f"(?:{alternation(LABEL_TITLES)})"
_NAME = rf"{UPPER}[\w'’.-]*(?:\s+(?:{UPPER}[\w'’.-]*|\[[^\]]+\])){{0,4}}"
_LABEL = re.compile(
    rf"^(?P<label>(?:(?P<qa>Q|A|Question|Answer)(?=\s*:)|"
    rf"(?P<side>{UPPER}[\w'-]*(?:\s+{UPPER}[\w'-]*)?)\s+\((?P<sidename>{_NAME})\)|"
    rf"(?:{_HONORIFIC}\s+)?(?P<name>{_NAME}))\s*:)\s"
)
_SPEECH_VERBS = (
    r"said|stated|noted|replied|asked|informed|remarked|declared|emphasi[sz]ed|answered|"
    r"responded|added|observed|pointed\s+out|explained|continued|objected|agreed|proposed|"
    r"suggested|stressed|reported|told|expressed|underlined|underscored|mentioned|requested|"
    r"announced|assured|promised|recalled|thanked|welcomed|raised|inquired|enquired|"
    r"confirmed|objected|insisted|warned|complained|repeated|concluded"
)
_REPORTED = re.compile(
    rf"^(?P<who>I|(?:{_HONORIFIC}\s+)?{_NAME}?)(?:,\s[^,]{{1,60}},)?\s+(?:also\s+|then\s+|further\s+)?"
    rf"(?:{_SPEECH_VERBS})\b"
)
_FIELD_WORDS = frozenset(
    "to from copies copy distribution date time location place agenda resolved agreed decided "
    "note subject re present participants absent enclosure attachment question answer "
    "chairman secretary invited guests attending absent".split()
)
_INTERPRETER = re.compile(r"\binterpret", re.IGNORECASE)
# A participants line headed by a side: "North: Kim Yong-ju (Co-Chairman), ...".
_SIDE_LINE = re.compile(r"^(?:From\s+)?((?!Present|Participants|Also|Those)[A-Z][\w-]+):\s")


@dataclass(slots=True)
class _Cast:
    """Participants found so far, by key, in first-seen order."""

    people: dict[str, Participant] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, name: str, role: str, side: str | None = None, **extra: object) -> str:
        known = self.people.get(key)
        if known is None:
            known = Participant(key, name, (role,), side=side, **extra)  # type: ignore[arg-type]
            family = _surname(name)
            if family:
                self.surnames.setdefault(family, key)
        elif role not in known.roles:
            known = replace(known, roles=(*known.roles, role))
        if side and not known.side:
            known = replace(known, side=side)
        self.people[key] = known
        return key

    def side(self, label: str) -> str:
        """The group record of a side ("North", "South"), created on first use."""
        group = group_key(label)
        self.groups.setdefault(group, label)
        return group

    def by_label(self, label: str) -> str | None:
        """The participant a label or a name names: by key, or by surname when the label is
        a surname alone (a full name of another bearer of the surname is someone else)."""
        key = self.people.get(person_key(label))
        if key is not None:
            return key.key
        if len(name_words(label)) > 1:
            return None
        return self.surnames.get(_surname(label))


def _surname(name: str) -> str:
    """The surname in lower case, by which a label finds its participant ("" for none)."""
    return (surname(name) or "").lower()


def mark_speakers(doc: Document) -> Document:
    """Wrap turns in ``sp`` containers and collect participants into ``particDesc``."""
    blocks = list(doc.blocks)
    labelled = sum(1 for b in blocks if b.role is Role.PARAGRAPH and _direct_label(b)) >= 2
    if doc.genre not in pat.TURN_GENRES and not labelled:
        return doc
    # A journal stays narrative unless its body has labelled turns (guide §13).
    journal = any(b.role is Role.BYLINE and b.has_mark("docAuthor") for b in blocks)
    allow_reported = doc.genre in pat.TURN_GENRES and (labelled or not journal)
    cast = _Cast()
    blocks = _collect_participants(blocks, cast)
    for block in blocks:
        label = _direct_label(block) if block.role is Role.PARAGRAPH else None
        if label is not None and not label.group("qa") and not label.group("side"):
            name = label.group("name")
            if cast.by_label(name) is None and not _person_marks(block):
                cast.add(person_key(name), display_name(name), "interlocutor")
    blocks = [_mark_participant_names(block, cast) for block in blocks]
    blocks = _mark_turns(blocks, cast, allow_reported=allow_reported)
    if not cast.people:
        return doc
    blocks = [_repoint(block, cast) for block in blocks]
    used = {dict(m.attrs).get("ref", "")[1:] for b in blocks for m in b.marks}
    entities = _move_records(tuple(e for e in doc.entities if e.key in used), cast)
    return replace(
        doc,
        blocks=tuple(blocks),
        participants=tuple(cast.people.values()),
        groups=tuple(cast.groups.items()),
        entities=entities,
    )


def _person_marks(block: Block) -> list[Mark]:
    return [m for m in block.marks if m.tag == "persName"]


def _ref_key(mark: Mark, block: Block) -> str:
    ref = dict(mark.attrs).get("ref", "")
    return ref.lstrip("#") or person_key(block.text[mark.start : mark.end])


def _collect_participants(blocks: list[Block], cast: _Cast) -> list[Block]:
    """People named in the byline, the title, the participants lines, the recorder's block and
    the closer's signature; names the names enricher missed there are marked here."""
    result = []
    for block in blocks:
        role = _participant_role(block)
        if role is None:
            result.append(block)
            continue
        block = _mark_unlisted_names(block)
        side_label = _SIDE_LINE.match(block.text) if block.role is Role.PARTICIPANTS else None
        side = cast.side(side_label.group(1)) if side_label else None
        for mark in _person_marks(block):
            name = block.text[mark.start : mark.end]
            phrase = _occupation(block.text[: mark.start]) or ""
            this_role = "interpreter" if _INTERPRETER.search(phrase) else role
            occupation = phrase or None if block.role is Role.PARTICIPANTS else None
            key = _ref_key(mark, block)
            if key not in cast.people:
                cast.add(key, display_name(name), this_role, side, occupation=occupation)
            else:
                cast.add(key, display_name(name), this_role, side)
        result.append(block)
    return result


_ROLE_WORDS = frozenset(
    "embassy secretary ambassador minister deputy vice counsellor counselor attache attaché "
    "interpreter translator chairman chairwoman premier director chief head comrade comrades "
    "cde cde. first second third general consul adviser advisor officer member members "
    "representative correspondent the of and mr mr. dr dr. president co-chairman "
    "department ministry committee trade foreign affairs".split()
)
_TOKEN = re.compile(r"\[[^\]]*\]|[\w'’.-]+")
_TRAILING_HONORIFIC = re.compile(rf"\s*\b(?:{alternation(LABEL_HONORIFICS)})$")


def _mark_unlisted_names(block: Block) -> Block:
    """In a participants line, byline or signature, mark the names the authority missed."""
    if block.role is Role.BYLINE:
        author = next((m for m in block.marks if m.tag == "docAuthor"), None)
        if author is not None and nests_free(block, author.start, author.end):
            key = person_key(block.text[author.start : author.end])
            return block.with_marks(
                [Mark(author.start, author.end, "persName", attrs(ref=pointer(key)))]
            )
        return block
    if block.role is not Role.PARTICIPANTS:
        return block
    text = block.text
    caption = pat.participants_label_end(text) or 0
    added: list[Mark] = []
    for chunk in re.finditer(r"[^,;]+", text[caption:]):
        piece = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group()), chunk.group())
        for part in re.finditer(r"(?:(?!\band\b)[^:])+", piece.split(":")[-1]):
            span = _trailing_name(part.group())
            if span is None:
                continue
            offset = caption + chunk.start() + len(piece) - len(piece.split(":")[-1]) + part.start()
            start, end = offset + span[0], offset + span[1]
            if nests_free(block, start, end):
                key = person_key(text[start:end])
                added.append(Mark(start, end, "persName", attrs(ref=pointer(key))))
    return block.with_marks(added) if added else block


def _trailing_name(part: str) -> tuple[int, int] | None:
    """The span of the personal name at the end of a participants phrase."""
    tokens = list(_TOKEN.finditer(part.rstrip(" .")))
    name: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group()
        if word.startswith("[") or word.lower().strip(".") in _ROLE_WORDS:
            break
        if not is_name_word(word):
            break  # "Chinese Friendship Delegation", "Political Bureau": no person
        if not word[:1].isupper():
            break
        name.insert(0, token)
    if not name or len(name) > 5:
        return None
    if len(name) == 1 and len(name[0].group()) < 3:
        return None
    return name[0].start(), name[-1].end()


def _occupation(before: str) -> str | None:
    """The office words just before a name in a participants line ("Embassy Second Secretary")."""
    phrase = re.split(r"[,;:]|\band\b", before)[-1].strip()
    phrase = re.sub(r"^(?:the|and)\s+|^from\s+the\s+\S+\s+side\b\s*", "", phrase)
    phrase = _TRAILING_HONORIFIC.sub("", phrase).strip()
    return phrase or None


def _mark_participant_names(block: Block, cast: _Cast) -> Block:
    """Mark every further mention of a participant's full name (as printed or in capitals)."""
    if not block.text or block.role is Role.PAGE_BREAK:
        return block
    added: list[Mark] = []
    for person in cast.people.values():
        if len(person.name.split()) < 2:
            continue
        for form in {person.name, person.name.upper()}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", block.text):
                if nests_free(block, m.start(), m.end()) and not any(
                    a.start < m.end() and m.start() < a.end for a in added
                ):
                    added.append(
                        Mark(m.start(), m.end(), "persName", attrs(ref=pointer(person.key)))
                    )
    return block.with_marks(added) if added else block


def _participant_role(block: Block) -> str | None:
    in_back = bool(block.path) and block.path[0].tag == "back"
    if block.role is Role.BYLINE and not in_back and block.has_mark("docAuthor"):
        return "author"
    if block.role in (Role.TITLE, Role.SUBTITLE):
        return "interlocutor"
    if block.role is Role.PARTICIPANTS:
        return "present"
    if block.role is Role.SIGNED:
        return "recorder" if in_back else "author"
    return None


def _direct_label(block: Block) -> re.Match[str] | None:
    m = _LABEL.match(block.text)
    if m is None or pat.field_label(block.text):
        return None
    label = m.group("label").rstrip(":").strip()
    if label.lower() in _FIELD_WORDS or len(label) > 60:
        return None
    return m


def _mark_turns(blocks: list[Block], cast: _Cast, *, allow_reported: bool) -> list[Block]:
    result: list[Block] = []
    last_turn: Container | None = None
    count = 0
    for block in blocks:
        in_body = bool(block.path) and block.path[0].tag == "body"
        if block.role is not Role.PARAGRAPH or not in_body or _in(block, "closer"):
            result.append(block)
            last_turn = None if block.role is not Role.PAGE_BREAK else last_turn
            continue
        label = _direct_label(block)
        if label is not None:
            who, marks = _speaker_of(block, label, cast)
            count += 1
            last_turn = Container(f"sp-{count}", "sp", (("who", pointer(who)),))
            result.append(replace(block, path=(*block.path, last_turn)).with_marks(marks))
            continue
        if last_turn is not None and re.match(r"^[a-z\"“‘']", block.text):
            result.append(replace(block, path=(*block.path, last_turn)))
            continue
        last_turn = None
        who = _reported_speaker(block, cast) if allow_reported else None
        if who is None:
            result.append(block)
            continue
        count += 1
        turn = Container(f"sp-{count}", "sp", (("who", pointer(who)),))
        result.append(replace(block, path=(*block.path, turn)))
    return result


def _in(block: Block, tag: str) -> bool:
    return any(c.tag == tag for c in block.path)


def _speaker_of(block: Block, label: re.Match[str], cast: _Cast) -> tuple[str, list[Mark]]:
    """The participant a label names, and the marks that encode the label (guide §13)."""
    end = label.end("label")
    marks = [Mark(0, end, SPEAKER_MARK)]
    if label.group("qa"):
        role = "interviewer" if label.group("qa")[0] == "Q" else "interviewee"
        key = cast.add(
            person_key(role), "Questioner" if role == "interviewer" else "Respondent", role
        )
        return key, marks
    if label.group("side"):
        side, name = label.group("side"), label.group("sidename")
        group = cast.side(side)
        key = cast.by_label(name) or f"{person_key(name)}-{slug(side)}"
        cast.add(key, display_name(name), "interlocutor", side=group)
        s, e = label.span("side")
        marks.append(Mark(s, e, "name", attrs(type="side", ref=pointer(group))))
        ns, ne = label.span("sidename")
        if nests_free(block, ns, ne):
            marks.append(Mark(ns, ne, "persName", attrs(ref=pointer(key))))
        return key, marks
    ns, ne = label.span("name")
    inside = [m for m in _person_marks(block) if m.start >= ns and m.end <= ne]
    if inside:
        name = block.text[inside[0].start : inside[0].end]
        key = _ref_key(inside[0], block)
        if key not in cast.people:
            key = cast.by_label(name) or key
        cast.add(key, display_name(name), "interlocutor")
        return key, marks
    name = label.group("name")
    key = cast.by_label(name) or person_key(name)
    cast.add(key, display_name(name), "interlocutor")
    if nests_free(block, ns, ne):
        marks.append(Mark(ns, ne, "persName", attrs(ref=pointer(key))))
    return key, marks


def nests_free(block: Block, start: int, end: int) -> bool:
    """No name mark overlaps the range yet (so a new one will not double-tag)."""
    return not any(m.tag.endswith("Name") and m.start < end and start < m.end for m in block.marks)


def _reported_speaker(block: Block, cast: _Cast) -> str | None:
    m = _REPORTED.match(block.text)
    if m is None:
        return None
    who = m.group("who")
    if who == "I":
        author = next((p.key for p in cast.people.values() if "author" in p.roles), None)
        return author
    first = next((p for p in _person_marks(block) if p.start <= m.end("who")), None)
    if first is not None and first.start <= len(who) - len(who.lstrip()) + 25:
        name = block.text[first.start : first.end]
        key = _ref_key(first, block)
        if key not in cast.people:
            key = cast.by_label(name) or key
        return cast.add(key, display_name(name), "interlocutor")
    return cast.by_label(re.sub(rf"^{_HONORIFIC}\s+", "", who))


def _repoint(block: Block, cast: _Cast) -> Block:
    """A person the names enricher recorded on its own ("Comrade Cyrankiewicz") who is a
    participant ("Józef Cyrankiewicz") points to the participant's record instead."""
    changed = False
    marks = []
    for mark in block.marks:
        ref = dict(mark.attrs).get("ref", "")
        if mark.tag == "persName" and ref[1:] not in cast.people:
            key = cast.by_label(block.text[mark.start : mark.end])
            if key is not None:
                mark = Mark(
                    mark.start, mark.end, mark.tag, attrs(dict(mark.attrs), ref=pointer(key))
                )
                changed = True
        marks.append(mark)
    return block.with_only_marks(marks) if changed else block


def _move_records(entities: tuple[Entity, ...], cast: _Cast) -> tuple[Entity, ...]:
    """Participants keep their one record in ``particDesc``; drop their ``standOff`` twins."""
    kept = []
    for entity in entities:
        person = cast.people.get(entity.key)
        if person is None:
            kept.append(entity)
            continue
        longer = max(person.name, entity.name, key=lambda n: len(n.split()))
        cast.people[entity.key] = replace(
            person,
            name=longer if entity.unresolved else entity.name,
            idnos=entity.idnos,
            occupation=person.occupation or entity.occupation,
        )
    return tuple(kept)
