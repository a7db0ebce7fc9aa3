"""Speaker turns and participants of conversations (encoding guide §13).

Runs after the names enricher, so the persons the text names are already marked. In the
genres that have turns (records of conversation, minutes, transcripts) and in any document
whose body has labelled turns, a paragraph opening with a speaker label (the recognisers of
``reader/patterns/speakers.py``: ``KARELIN: …``, ``North (KIM): …``, ``Premier Kim Il Sung
(hereafter Kim): …``, ``Ts. Narkhuu – …``, a label alone on its line) becomes a direct turn,
and one opening with a speaker and a verb of speech (``Han Sang-dok said that …``, ``Zhou
Enlai announces that …``, ``THE PRIME MINISTER hoped …``, ``I replied that …``) a reported
turn. Each turn's paragraphs are wrapped in an ``sp`` container whose ``@who`` points to a
participant (``participants.py`` decides which); participants move from ``standOff`` to the
header's ``particDesc`` so that every person has exactly one record.

A paragraph without a label after a turn continues that turn when it starts in lower case or
with an opening quote mark, when it opens with a verb of speech and no speaker ("Speaks of
…") or with "he" or "she" and one ("He asked that …"), when it follows a label that stands
alone on its line or a reported clause ending in a colon (dots after it, words the translator
left out, do not count), and, in a record written as a
dialogue (direct turns and no reported ones), unless it speaks of the conversation itself
("The conversation lasted …"), and, after a turn with a label of its own, when it speaks in
the first person of now or of what is to come ("we could move …", not the recorder's "we then
discussed …"); otherwise it is the recorder's narrative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from .. import pattern_cache
from ..letters import display_name, is_upper
from ..model import Block, Container, Document, Entity, EntityType, Mark, Role, attrs
from ..reader import patterns as pat
from ..reader.patterns.speakers import (
    PRONOUNS,
    Label,
    aliases,
    bare_label,
    continued_by_pronoun,
    elided_speaker,
    office_words,
    person_span,
    recorder_line,
    reported_clause,
    speaker_label,
    speaks_in_first_person,
)
from ..slug import slug
from ..vocabulary import SPEAKER_MARK, person_key, pointer
from .name_forms import unbracketed_letters
from .participants import Cast, fold, participants_entries, printed_name

_INTERPRETER = pattern_cache.compile(r"\binterpret", re.IGNORECASE)
# A participants line headed by a side: "North: Kim Yong-ju (Co-Chairman), ...".
_SIDE_LINE = pattern_cache.compile(
    r"^(?:From\s+)?((?!Present|Participants|Also|Those)[A-Z][\w-]+):\s"
)
_CONTINUES = pattern_cache.compile(r"^[a-z\"“‘']")


# A journal's caption, in its byline, a marking or the archive's title: "From the Journal of
# …", "FROM THE JOURNAL" set on a line of its own.
_JOURNAL_CAPTION = pattern_cache.compile(
    r"(?:from\s+the\s+)?(?:journal|diary)(?:\s+of\b|\s*$)", re.I
)
_FRONT_ROLES = frozenset({Role.COVER, Role.MARKING, Role.BYLINE, Role.TITLE})


def _is_journal_caption(block: Block) -> bool:
    if block.role is Role.BYLINE and block.has_mark("docAuthor"):
        return True
    return block.role in _FRONT_ROLES and _JOURNAL_CAPTION.match(block.text) is not None


def mark_speakers(doc: Document) -> Document:
    """Wrap turns in ``sp`` containers and collect participants into ``particDesc``."""
    blocks = list(doc.blocks)
    known = {e.key for e in doc.entities if e.type is EntityType.PERSON and not e.unresolved}
    labels = _labels(blocks, known, turns=doc.genre in pat.TURN_GENRES)
    if doc.genre not in pat.TURN_GENRES and len(labels) < 2:
        return doc
    # A journal stays narrative unless its body has labelled turns (guide §13).
    journal = any(_is_journal_caption(b) for b in blocks)
    allow_reported = doc.genre in pat.TURN_GENRES and (len(labels) >= 2 or not journal)
    cast = Cast()
    blocks = _collect_participants(blocks, cast)
    _bind_prose_aliases(blocks, cast, labels)
    holders = _title_holders(blocks)
    speakers: dict[int, str] = {}
    for index, label in labels.items():
        key, block = _speaker_of(blocks[index], label, cast, known, holders)
        speakers[index] = key
        blocks[index] = block
    blocks = [_mark_participant_names(block, cast) for block in blocks]
    blocks = _mark_turns(blocks, labels, speakers, cast, known, allow_reported=allow_reported)
    if not cast.people:
        return doc
    merged = _merge_short_forms(cast, known)
    blocks = [_repoint(block, cast, known, merged) for block in blocks]
    used = {dict(m.attrs).get("ref", "")[1:] for b in blocks for m in b.marks}
    entities = _move_records(tuple(e for e in doc.entities if e.key in used), cast)
    warnings = tuple(
        f"speaker {name!r} is identified by the speaker label alone: recorded as participant {key}"
        for key, name in cast.unlisted.items()
        if key in cast.people and key not in known
    )
    return replace(
        doc,
        blocks=tuple(blocks),
        participants=tuple(cast.people.values()),
        groups=tuple(cast.groups.items()),
        entities=entities,
        warnings=doc.warnings + warnings,
    )


# --- which paragraphs are labelled turns -----------------------------------------------------


def _in_text(block: Block) -> bool:
    """A paragraph of the body's running text, where turns stand (not the closer)."""
    return (
        block.role is Role.PARAGRAPH
        and bool(block.path)
        and block.path[0].tag == "body"
        and not _in(block, "closer")
    )


def _in(block: Block, tag: str) -> bool:
    return any(c.tag == tag for c in block.path)


def _labels(blocks: list[Block], known: set[str], *, turns: bool) -> dict[int, Label]:
    """The body paragraphs that open with a speaker label, by index.

    Three forms count only when the document uses them as its pattern: a dash label when two
    paragraphs have one, a stop label ("Gorbachev. I thank you") when two distinct persons
    have one each, whatever the initials printed (one in capitals, "I. GANDHI. I will …",
    counts alone), an interview label when both a question and an answer have one. In a
    genre with turns (``turns``), a stop label also counts alone when it names a person of
    the title. A dash closed up to the name
    ("Varga—it is worth …") counts when it names a person the authority knows or the title
    names; a name before a sentence ("Ortega Dear friends …") only in a genre with turns,
    for a person of the title, in a body that has other labels.
    """
    found = {
        index: label
        for index, block in enumerate(blocks)
        if _in_text(block) and (label := speaker_label(block.text)) is not None
    }
    titled = _title_people(blocks) if turns else set()
    found = {
        i: label
        for i, label in found.items()
        if label.form != "closed" or _names_one_of(blocks[i], label.name, known | titled)
    }
    dashes = [i for i, label in found.items() if label.form == "dash"]
    if len(dashes) < 2:
        found = {i: label for i, label in found.items() if label.form != "dash"}
    # A stop label names a person the names enricher marked ("Moscow. The city …" is none).
    stops = {
        i: label
        for i, label in found.items()
        if label.form == "stop" and label.name is not None and not label.interview
    }
    named = {i: label for i, label in stops.items() if _names_person(blocks[i], label.name)}
    names = {i: blocks[i].text[slice(*(label.name or (0, 0)))] for i, label in named.items()}
    people = {_person_in(blocks[i], label.name) for i, label in named.items()}
    if len(people) < 2:
        # One speaker's stop label counts alone only in capitals ("I. GANDHI. I will …").
        named = {i: label for i, label in named.items() if names[i].isupper()}
    named |= {
        i: label for i, label in stops.items() if _names_one_of(blocks[i], label.name, titled)
    }
    found = {i: label for i, label in found.items() if i not in stops or i in named}
    kinds = {label.interview for label in found.values() if label.interview}
    if kinds != {"question", "answer"}:
        found = {i: label for i, label in found.items() if not label.interview}
    if found and titled:
        found |= _bare_labels(blocks, found, titled)
    return dict(sorted(found.items()))


def _names_person(block: Block, span: tuple[int, int] | None) -> bool:
    """Whether a person mark lies within a label's name."""
    return span is not None and any(
        m.tag == "persName" and span[0] <= m.start and m.end <= span[1] for m in block.marks
    )


def _person_in(block: Block, span: tuple[int, int] | None) -> str:
    """The person a label's name points to: "M. S. SMITH" and "Smith" are one speaker."""
    mark = _mark_in(block, span) if span is not None else None
    return _ref_key(mark, block) if mark is not None else ""


def _names_one_of(block: Block, span: tuple[int, int] | None, keys: set[str]) -> bool:
    """Whether a person mark within a label's name points to one of ``keys``."""
    return span is not None and any(
        m.tag == "persName"
        and span[0] <= m.start
        and m.end <= span[1]
        and _ref_key(m, block) in keys
        for m in block.marks
    )


def _title_people(blocks: list[Block]) -> set[str]:
    """The persons the document's title and subtitle name: the speakers a record expects."""
    return {
        _ref_key(mark, block)
        for block in blocks
        if block.role in (Role.TITLE, Role.SUBTITLE)
        for mark in _person_marks(block)
    }


def _title_holders(blocks: list[Block]) -> dict[str, tuple[str, str]]:
    """The persons a title names after a one-word office ("Discussion between Ambassador
    Zhang Haifeng and …"), by that office: the speaker an "Ambassador:" label means. An office
    two of them hold names neither."""
    found: dict[str, set[tuple[str, str]]] = {}
    for block in blocks:
        if block.role not in (Role.TITLE, Role.SUBTITLE, Role.COVER):
            continue
        for mark in _person_marks(block):
            before = _OFFICE_BEFORE.search(block.text, max(0, mark.start - 30), mark.start)
            if before is not None:
                person = (_ref_key(mark, block), block.text[mark.start : mark.end])
                found.setdefault(office_words(before.group(1)), set()).add(person)
    return {office: people.pop() for office, people in found.items() if len(people) == 1}


_OFFICE_BEFORE = pattern_cache.compile(r"(?<![\w'’-])([A-Z][a-z]+) $")


def _bare_labels(
    blocks: list[Block], found: dict[int, Label], titled: set[str]
) -> dict[int, Label]:
    """Paragraphs opened by the name of a person of the title and a sentence with no stop or
    colon between them ("Ortega Dear friends …"), a label printed without its punctuation."""
    bare = {}
    for index, block in enumerate(blocks):
        if index in found or not _in_text(block):
            continue
        first = min(block.marks, key=lambda m: m.start, default=None)
        if first is None or first.start != 0 or first.tag != "persName":
            continue
        label = bare_label(block.text, first.end) if _ref_key(first, block) in titled else None
        if label is not None:
            bare[index] = label
    return bare


# --- participants -----------------------------------------------------------------------------


def _person_marks(block: Block) -> list[Mark]:
    return [m for m in block.marks if m.tag == "persName"]


def _ref_key(mark: Mark, block: Block) -> str:
    ref = dict(mark.attrs).get("ref", "")
    return ref.lstrip("#") or person_key(block.text[mark.start : mark.end])


def _collect_participants(blocks: list[Block], cast: Cast) -> list[Block]:
    """People named in the byline, the title, the participants lines, the recorder's block and
    the closer's signature; names the names enricher missed there are marked here."""
    result = []
    for block in blocks:
        role = _participant_role(block)
        if role is None:
            result.append(block)
        elif block.role is Role.PARTICIPANTS:
            result.append(_read_participants_line(block, cast))
        else:
            block = _mark_author(block)
            for mark in _person_marks(block):
                name = unbracketed_letters(block.text[mark.start : mark.end])
                cast.add(_ref_key(mark, block), display_name(name), role)
            result.append(block)
    for block in result:
        if _is_conversation_title(block):
            for mark in _person_marks(block):
                if mark.end <= _parties_end(block.text):
                    name = unbracketed_letters(block.text[mark.start : mark.end])
                    cast.add(_ref_key(mark, block), display_name(name), "interlocutor")
    return result


def _is_conversation_title(block: Block) -> bool:
    """The archive's title of a conversation ("Discussion between Zhou Enlai and Pham Van
    Dong"): the parties it names took part, whether or not they speak in the text."""
    if block.role is not Role.COVER or dict(block.attrs).get("type") != "title":
        return False
    return pat.genre_of(block.text) in pat.TURN_GENRES


# Where the parties of an archive's title end and its subject begins: "Discussion between Zhou
# Enlai and Pham Van Dong, 'On Laos'", "Conversation with Kim Il Sung about Stalin's Letter".
_SUBJECT = pattern_cache.compile(r"[,:;‘'“\"(]|\s(?:on|about|regarding|concerning|re)\s")


def _parties_end(text: str) -> int:
    """The end of the part of an archive's title that names who talked."""
    found = _SUBJECT.search(text)
    return found.start() if found else len(text)


def _read_participants_line(block: Block, cast: Cast) -> Block:
    """Each person of a participants line becomes a participant with the office printed with
    the name (guide §13); the names the names enricher missed are marked."""
    text = block.text
    side_label = _SIDE_LINE.match(text)
    side = cast.side(side_label.group(1)) if side_label else None
    marks = {(m.start, m.end): m for m in _person_marks(block)}
    added: list[Mark] = []
    for entry in participants_entries(block, list(marks)):
        name = text[entry.start : entry.end]
        office = text[entry.office[0] : entry.office[1]] if entry.office else None
        role = "interpreter" if office and _INTERPRETER.search(office) else "present"
        mark = marks.get((entry.start, entry.end))
        if not entry.named:
            cast.add(office_key(name), display_name(name), role, side)
            continue
        if mark is not None:
            key = _ref_key(mark, block)
        elif nests_free(block, entry.start, entry.end):
            key = cast.resolve(name) or person_key(name)
            added.append(Mark(entry.start, entry.end, "persName", attrs(ref=pointer(key))))
        else:
            continue
        cast.add(key, printed_name(name), role, side, occupation=office)
    return block.with_marks(added)


def _mark_author(block: Block) -> Block:
    """A journal's byline names its author; mark the name the authority missed."""
    if block.role is not Role.BYLINE:
        return block
    author = next((m for m in block.marks if m.tag == "docAuthor"), None)
    if author is None or not nests_free(block, author.start, author.end):
        return block
    key = person_key(block.text[author.start : author.end])
    return block.with_marks([Mark(author.start, author.end, "persName", attrs(ref=pointer(key)))])


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


def _bind_prose_aliases(blocks: list[Block], cast: Cast, labels: dict[int, Label]) -> None:
    """Short forms the text introduces outside a label ("Premier Pak Song-chol [henceforth
    referred to as Pak]"), bound to the person named just before them.

    The one place where this enricher reads the document's own aliases; a label that
    introduces one ("Wu Xinyu (hereafter Wu):") binds it where the label is read.
    """
    for index, block in enumerate(blocks):
        if index in labels or block.role is Role.PAGE_BREAK:
            continue
        for bracket, start, end in aliases(block.text):
            person = _person_before(block, bracket, cast)
            if person is None:
                continue
            key, name = person
            cast.introduce(key, name)
            cast.bind(block.text[start:end], key)


def _person_before(block: Block, at: int, cast: Cast) -> tuple[str, str] | None:
    """The person named right before position ``at``: a marked name, or the name words there
    (a participant when they name one)."""
    text = block.text
    end = len(text[:at].rstrip())
    mark = next((m for m in _person_marks(block) if m.end == end), None)
    if mark is not None:
        return _ref_key(mark, block), display_name(text[mark.start : mark.end])
    start = max(0, end - 60)
    span = person_span(text, start, end)
    if span is None or span[1] != end:
        return None
    name = text[span[0] : span[1]]
    if len(fold(name)) < 2:
        return None
    return cast.resolve(name) or person_key(name), display_name(name)


def office_key(office: str) -> str:
    """The key of a participant known only by an office: "THE PRIME MINISTER" and "The Prime
    Minister" are both ``pers-prime-minister``."""
    return person_key(office_words(office))


# --- who speaks -------------------------------------------------------------------------------


def _speaker_of(
    block: Block,
    label: Label,
    cast: Cast,
    known: set[str],
    holders: dict[str, tuple[str, str]],
) -> tuple[str, Block]:
    """The participant a label names, and the block with the marks that encode the label;
    ``holders`` are the persons the title names after an office, by that office."""
    text = block.text
    speaker = Mark(0, label.end, SPEAKER_MARK)
    if label.interview:
        # "ANSWER FROM COM. STALIN.": the person named answers this and every later bare
        # "ANSWER."; otherwise a questioner or respondent known by the label's words or by
        # the role alone.
        role = "interviewer" if label.interview == "question" else "interviewee"
        block = block.with_marks([speaker])
        person = label.name and person_span(text, *label.name)
        if person and _names_person(block, person):
            key = cast.add(_identify(block, person, cast, known), "", role)
            cast.interviewed[role] = key
            return key, _name_mark(block, person, key)
        if role in cast.interviewed:
            return cast.interviewed[role], block
        # "QUESTION FROM POLES.": the askers are known by the label's words alone.
        asker = display_name(text[slice(*label.name)]) if label.name else ""
        name = asker or ("Questioner" if role == "interviewer" else "Respondent")
        key = cast.add(person_key(role), name, role)
        if asker:
            cast.interviewed[role] = key
        return key, block
    if label.side and label.side_name:
        side_text = text[label.side[0] : label.side[1]]
        group = cast.side(side_text)
        ns, ne = label.side_name
        name = text[ns:ne]
        key = cast.resolve(name) or f"{person_key(name)}-{slug(side_text)}"
        if key not in cast.people:
            cast.unlisted.setdefault(key, name)
        cast.add(key, display_name(name), "interlocutor", side=group)
        marks = [speaker, Mark(*label.side, "name", attrs(type="side", ref=pointer(group)))]
        block = block.with_marks(marks)
        return key, _name_mark(block, (ns, ne), key)
    assert label.name is not None
    if label.form != "closed":
        # A dash closed up to the name leaves no space for a speaker element to end at: the
        # turn's @who alone names the speaker, and "Varga—it" stays one word of the text.
        block = block.with_marks([speaker])
    person = person_span(text, *label.name)
    if person is None:
        office = text[label.name[0] : label.name[1]]
        listed = cast.resolve_office(office)
        if listed is None and office_words(office) in holders:
            holder, named = holders[office_words(office)]
            return cast.add(holder, display_name(named), "interlocutor"), block
        key = listed or office_key(office)
        name = cast.people[key].name if key in cast.people else display_name(office)
        return cast.add(key, name, "interlocutor"), block
    key = _identify(block, person, cast, known)
    if label.alias:
        cast.bind(text[label.alias[0] : label.alias[1]], key)
    return key, _name_mark(block, person, key)


def _identify(block: Block, span: tuple[int, int], cast: Cast, known: set[str]) -> str:
    """The participant the name at ``span`` denotes, added to the cast as an interlocutor.

    A short form the document introduced wins; then the person the names enricher found
    there, when the authority knows them or they are a participant; then the participant the
    name resolves to; else a new participant keyed by the name.
    """
    text = block.text
    surface = text[span[0] : span[1]]
    mark = _mark_in(block, span)
    key = cast.aliases.get(fold(surface))
    if key is None and mark is not None:
        found = _ref_key(mark, block)
        local = found not in cast.people and found not in known
        key = (cast.resolve(text[mark.start : mark.end]) if local else None) or found
    if key is None:
        key = cast.resolve(surface) or person_key(surface)
        if key not in cast.people and key not in cast.introduced:
            cast.unlisted.setdefault(key, surface)
    name = cast.people[key].name if key in cast.people else cast.introduced.get(key, surface)
    return cast.add(key, display_name(name), "interlocutor")


def _mark_in(block: Block, span: tuple[int, int]) -> Mark | None:
    """The first person mark inside ``span``."""
    return next((m for m in _person_marks(block) if span[0] <= m.start and m.end <= span[1]), None)


def _name_mark(block: Block, span: tuple[int, int], key: str) -> Block:
    """The name at ``span`` points to ``key``: its mark is added, or re-pointed."""
    mark = _mark_in(block, span)
    ref = pointer(key)
    if mark is None:
        if not nests_free(block, *span):
            return block
        return block.with_marks([Mark(*span, "persName", attrs(ref=ref))])
    if dict(mark.attrs).get("ref") == ref:
        return block
    moved = Mark(mark.start, mark.end, mark.tag, attrs(dict(mark.attrs), ref=ref))
    return block.with_only_marks([moved if m is mark else m for m in block.marks])


def nests_free(block: Block, start: int, end: int) -> bool:
    """No name mark overlaps the range yet (so a new one will not double-tag)."""
    return not any(m.tag.endswith("Name") and m.start < end and start < m.end for m in block.marks)


def _reported_speaker(block: Block, cast: Cast, known: set[str]) -> tuple[str, Block] | None:
    """The speaker of a reported turn ("Nam Il said that …") and the block with the speaker's
    name marked; None when the paragraph is not one, or its speaker is no participant, no
    short form the document introduced and no person the names enricher found."""
    span = reported_clause(block.text)
    if span is None:
        return None
    who = block.text[span[0] : span[1]]
    if who == "I":
        author = next((p.key for p in cast.people.values() if "author" in p.roles), None)
        return (author, block) if author else None
    person = person_span(block.text, *span)
    if person is None:
        # An office in capitals leads a reported turn in records of meetings ("THE PRIME
        # MINISTER hoped …").
        key = cast.resolve_office(who)
        if key is None and is_upper(who):
            key = cast.add(office_key(who), display_name(who), "interlocutor")
        return (cast.add(key, cast.people[key].name, "interlocutor"), block) if key else None
    surface = block.text[person[0] : person[1]]
    if surface.lower() in PRONOUNS:
        return None
    if _mark_in(block, person) is None and cast.resolve(surface) is None:
        return None
    key = _identify(block, person, cast, known)
    return key, _name_mark(block, person, key)


# --- turns -------------------------------------------------------------------------------------


def _mark_turns(
    blocks: list[Block],
    labels: dict[int, Label],
    speakers: dict[int, str],
    cast: Cast,
    known: set[str],
    *,
    allow_reported: bool,
) -> list[Block]:
    reported: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if not allow_reported or index in labels or not _in_text(block):
            continue
        found = _reported_speaker(block, cast, known)
        if found is not None:
            reported[index], blocks[index] = found
    dialogue = bool(labels) and not reported
    result: list[Block] = []
    turn: Container | None = None
    alone = direct = False
    count = 0
    for index, block in enumerate(blocks):
        if not _in_text(block):
            result.append(block)
            turn = turn if block.role is Role.PAGE_BREAK else None
            continue
        who = speakers.get(index) or reported.get(index)
        continues = _continues(block, alone=alone, dialogue=dialogue, direct=direct)
        if who is None and turn is not None and continues:
            result.append(replace(block, path=(*block.path, turn)))
            alone = False
            continue
        if who is None:
            result.append(block)
            turn = None
            continue
        count += 1
        turn = Container(f"sp-{count}", "sp", (("who", pointer(who)),))
        # A label alone on its line, or a reported clause that ends in a colon ("Kim Il Sung
        # said:", "… pointed out:…." before words the translator left out), is followed by
        # the turn's words.
        alone = (
            labels[index].alone if index in labels else _ANNOUNCES.search(block.text) is not None
        )
        direct = index in labels
        result.append(replace(block, path=(*block.path, turn)))
    return result


_ANNOUNCES = pattern_cache.compile(r":[\s.…]*$")


def _continues(block: Block, *, alone: bool, dialogue: bool, direct: bool) -> bool:
    """Whether an unlabelled paragraph continues the turn before it (module docstring);
    ``direct`` when that turn has a label of its own."""
    text = block.text
    if alone or _CONTINUES.match(text) or elided_speaker(text) or continued_by_pronoun(text):
        return True
    if recorder_line(text):
        return False
    return dialogue or (direct and speaks_in_first_person(text))


# --- one record per person ------------------------------------------------------------------------


def _merge_short_forms(cast: Cast, known: set[str]) -> dict[str, str]:
    """One record per person: a participant of a local record that is another participant's
    short form ("Premier Kim" in the title for "Kim Il Sung"), or that has a short form among
    the authority's participants ("Jawaharlal Nehru" for the authority's "Nehru"), or that
    resolves to one of them ("I.V. STALIN" for "Stalin"), is merged into that participant;
    the authority's record wins."""
    merged: dict[str, str] = {}
    for key, person in list(cast.people.items()):
        if key in known or key not in cast.people:
            continue
        target = cast.resolve(person.name, exclude=key)
        if target is not None and target not in known:
            fuller = len(fold(cast.people[target].name)) > len(fold(person.name))
            target = target if fuller else None
        if target is None:
            shorter = (o for o in cast.people if o in known and _short_of(cast, o, key))
            target = next(shorter, None)
        if target is None:
            continue
        cast.merge(key, target)
        merged[key] = target
    return merged


def _short_of(cast: Cast, short: str, full: str) -> bool:
    """Whether participant ``short``'s name is a short form of participant ``full``."""
    return cast.resolve(cast.people[short].name, exclude=short) == full


def _repoint(block: Block, cast: Cast, known: set[str], merged: dict[str, str]) -> Block:
    """Person marks point to the one record of their person: a merged short form to its full
    record, a name the names enricher recorded on its own ("Comrade Cyrankiewicz") to the
    participant it names ("Józef Cyrankiewicz"), a short form the document introduced to the
    person it introduced; the ``sp`` of a merged participant to the full record too."""
    marks = [_repointed(block, mark, cast, known, merged) for mark in block.marks]
    path = tuple(_turn_repointed(c, merged) for c in block.path)
    if marks == list(block.marks) and path == block.path:
        return block
    return replace(block, path=path).with_only_marks(marks)


def _repointed(
    block: Block, mark: Mark, cast: Cast, known: set[str], merged: dict[str, str]
) -> Mark:
    if mark.tag != "persName":
        return mark
    ref = dict(mark.attrs).get("ref", "")[1:]
    surface = block.text[mark.start : mark.end]
    key = merged.get(ref) or cast.aliases.get(fold(surface))
    if key is None and ref not in cast.people and ref not in known:
        key = cast.resolve(surface)
    if key is None or key == ref:
        return mark
    return Mark(mark.start, mark.end, mark.tag, attrs(dict(mark.attrs), ref=pointer(key)))


def _turn_repointed(container: Container, merged: dict[str, str]) -> Container:
    who = dict(container.attrs).get("who", "")[1:]
    if container.tag != "sp" or who not in merged:
        return container
    return replace(container, attrs=(("who", pointer(merged[who])),))


def _mark_participant_names(block: Block, cast: Cast) -> Block:
    """Mark every further mention of a participant's full name (as printed or in capitals)
    where no name is marked yet."""
    if not block.text or block.role is Role.PAGE_BREAK:
        return block
    named = _NameCover(block)
    added: list[Mark] = []
    for person in cast.people.values():
        if len(person.name.split()) < 2 or person_span(person.name, 0, len(person.name)) is None:
            continue
        for form in {person.name, person.name.upper()}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", block.text):
                if named.free(m.start(), m.end()):
                    mark = Mark(m.start(), m.end(), "persName", attrs(ref=pointer(person.key)))
                    named.cover(mark)
                    added.append(mark)
    return block.with_marks(added) if added else block


class _NameCover:
    """Which characters of a block a name mark covers, so that asking whether a new name
    would overlap one costs the new name's length, not the number of names."""

    def __init__(self, block: Block) -> None:
        self._covered = bytearray(len(block.text))
        for mark in block.marks:
            if mark.tag.endswith("Name"):
                self.cover(mark)

    def cover(self, mark: Mark) -> None:
        self._covered[mark.start : mark.end] = b"\x01" * (mark.end - mark.start)

    def free(self, start: int, end: int) -> bool:
        return not any(self._covered[start:end])


def _move_records(entities: Iterable[Entity], cast: Cast) -> tuple[Entity, ...]:
    """Participants keep their one record in ``particDesc``; drop their ``standOff`` twins."""
    kept = []
    for entity in entities:
        person = cast.people.get(entity.key)
        if person is None:
            kept.append(entity)
            continue
        # The fuller of the two forms: more words, else more initials ("B.N. Vereshchagin").
        longer = max(person.name, entity.name, key=lambda n: (len(n.split()), len(n)))
        cast.people[entity.key] = replace(
            person,
            name=longer if entity.unresolved else entity.name,
            idnos=entity.idnos,
            occupation=person.occupation or entity.occupation,
        )
    return tuple(kept)
