"""Speakers: what opens a turn, read from one paragraph's text (encoding guide §13).

Pure recognisers over a string; they return spans and never look at other paragraphs. The
speakers enricher decides with their answers which paragraphs are turns and who speaks, and
the reader where a turn starts inside the one long line of a flattened PDF export:

* a **speaker label**: ``KARELIN: …``, ``Comrade Puzanov: …``, ``North (KIM): …``,
  ``Q: …`` / ``Answer: …``, a label that introduces its short form
  (``Premier Kim Il Sung (hereafter Kim): …``, ``Premier Zhou [Enlai] (to be abbreviated as
  Zhou): …``), a label alone on its line (``Comrade Kim Il Sung:``), a dash label
  (``Ts. Narkhuu – …``), a stop label (``Gorbachev. I thank you …``), a dash closed up to
  the name (``Varga—it is worth …``) and a name before a sentence (``Ortega Dear friends …``);
* a **reported clause**: a speaker and a verb of speech in the past or present tense
  (``Han Sang-dok said that …``, ``Zhou Enlai announces that …``, ``THE PRIME MINISTER hoped
  …``, ``I replied that …``);
* an **alias**: the short form a document binds to a name (``(hereafter Kim)``,
  ``(to be abbreviated as Zhou)``, ``[henceforth referred to as Pak]``).

A label's words include the titles and offices printed before the name; :func:`person_span`
finds the personal name among them, or none when the label is an office ("THE PRIME
MINISTER").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import pattern_cache
from ...letters import UPPER
from ...lexicon import OFFICE_WORDS, TITLES, is_initial

_WORD = rf"{UPPER}[\w'’.-]*"
_ALIAS_CUE = (
    r"(?:here(?:in)?after|henceforth|below|further)(?:\s+(?:referred\s+to|called|named))?"
    r"(?:\s+as)?|(?:to\s+be\s+)?abbreviated\s+as|referred\s+to\s+as"
)
# A bracketed part of a name ("Zhou [Enlai]"), but not a bracketed alias.
_PART = rf"(?:{_WORD}|\[(?!\s*(?:{_ALIAS_CUE})\b)[^\]\[]{{1,40}}\])"
_NAME = rf"{_WORD}(?:\s+{_PART}){{0,5}}"
_ALIAS = rf"[(\[]\s*(?:{_ALIAS_CUE})\s+[\"“]?(?P<alias>{_WORD}(?:\s+{_WORD}){{0,3}})[\"”]?\s*[)\]]"
_ALIAS_PATTERN = pattern_cache.compile(_ALIAS)

_COLON = pattern_cache.compile(
    rf"^(?P<label>(?:(?P<qa>Q|A|Question|Answer)(?=\s*:)"
    rf"|(?P<side>{UPPER}[\w'-]*(?:\s+{UPPER}[\w'-]*)?)\s+\((?P<sidename>{_NAME})\)"
    rf"|(?P<name>{_NAME})(?:\s*{_ALIAS})?)\s*:)(?=\s|$)"
)
# "Ts. Narkhuu – I wanted …": an en or em dash (or a spaced hyphen) after the name, and the
# words of a sentence after it.
_DASH = pattern_cache.compile(
    rf"^(?P<label>(?P<name>{_NAME})(?:\s*{_ALIAS})?\s+(?:[–—]|--?))\s+(?=[{UPPER[1:-1]}\"“‘'])"
)
# "Varga—it is worth …": working notes close the dash up to the name, and the words after it
# may open in lower case; a relative or a conjunction after the dash continues a sentence
# about the person ("Varga—who …"), and a second dash in that sentence closes an apposition.
_CLOSED_DASH = pattern_cache.compile(rf"^(?P<label>(?P<name>{_NAME})—)(?=\w)")
_CONTINUING_WORDS = pattern_cache.compile(
    r"^(?:who|whom|whose|which|that|and|or|but|nor|as)\b", re.I
)
# "Ortega Dear friends, …": a name, then a sentence whose first word is followed by words in
# lower case, with no stop, colon or dash between them.
_BARE = pattern_cache.compile(rf"[ \t]+{UPPER}[\w'’]*,?\s+[a-z\"“(]")
# "Gorbachev. I thank you …": a name of one or two words, after up to three initials ("A. B.
# SMITH."), closed by a full stop, and the words of a sentence after it (a transcript's
# style); counted only as the document's pattern.
_STOP = pattern_cache.compile(
    rf"^(?P<label>(?P<name>(?:{UPPER}\.\s*){{0,3}}{_WORD}(?:\s+{_WORD})?)\.)"
    rf"\s+(?=[{UPPER[1:-1]}\"“‘']|\.\.\.|…)"
)
_STOP_INTERVIEW = pattern_cache.compile(
    rf"^(?P<label>(?P<qa>QUESTION|Question|ANSWER|Answer)"
    rf"(?:\s+(?:FROM|From|from)\s+(?P<asker>(?:{_WORD}\s+){{0,3}}{_WORD}))?\.)"
    rf"\s+(?=[{UPPER[1:-1]}\"“‘'])"
)
# Words that open a sentence closed at once ("Yes. We agree."), never a speaker.
_SENTENCE_WORDS = frozenset(
    """yes no thanks thank agreed good fine right well correct certainly indeed exactly
    true understood excellent note notes end signature translation""".split()
)
# Label words that name a field, not a speaker ("Reason:", "Date and Time:", "Archival
# Signature:"): the label's last word decides.
FIELD_WORDS = frozenset(
    """to from copies copy cc distribution date time location place venue agenda resolved
    agreed decided decision note notes subject re present participants absent enclosure
    enclosures attachment attachments annex appendix chairman chair secretary invited guests
    attending reason signature signatures signed classification number no nr ref reference
    file source sent received priority urgent origin original translation translated
    recorded summary contents title comment comments remark remarks addendum postscript ps
    p.s. citation credits language keywords url phone telephone tel telex fax cable cables
    telegrams email e-mail address sender recipient addressee primary secondary level
    urgency""".split()
)
_MAX_LABEL = 60
# A transcript's legend ("Key: UF = Unidentified Female"): abbreviations and what they
# stand for after the caption, no speaker's words.
_LEGEND = pattern_cache.compile(rf"\s*{UPPER}[\w.]{{0,5}}\s*=\s*\S")

SPEECH_VERBS = (
    # past tense
    r"said|stated|noted|replied|asked|informed|remarked|declared|emphasi[sz]ed|answered|"
    r"responded|added|observed|pointed\s+out|explained|continued|objected|agreed|proposed|"
    r"suggested|stressed|reported|told|expressed|underlined|underscored|mentioned|requested|"
    r"announced|assured|promised|recalled|thanked|welcomed|raised|inquired|enquired|"
    r"confirmed|insisted|warned|complained|repeated|concluded|hoped|thought|felt|believed|"
    r"considered|wished|wondered|urged|argued|admitted|acknowledged|regretted|"
    r"familiari[sz]ed|acquainted|briefed|outlined|described|"
    # present tense, as Soviet minutes report speech
    r"says|states|notes|replies|asks|informs|remarks|declares|emphasi[sz]es|answers|"
    r"responds|adds|observes|points\s+out|explains|continues|objects|agrees|proposes|"
    r"suggests|stresses|reports|tells|expresses|underlines|underscores|mentions|requests|"
    r"announces|assures|promises|recalls|thanks|welcomes|raises|inquires|enquires|"
    r"confirms|insists|warns|complains|repeats|concludes|hopes|thinks|believes|considers|"
    r"wishes|wonders|urges|argues|admits|acknowledges|regrets|speaks|"
    r"familiari[sz]es|acquaints|briefs|outlines|describes|"
    # greetings passed on
    r"(?:sends?|sent|conveys?|conveyed|passe[sd]\s+on|transmit(?:s|ted)?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:greetings|regards)"
)
# A few words may lead into the clause: "In reply, Kim Il Sung said …", "After the exchange
# of greetings, Comrade Stalin asks …" (a short phrase of time set off by a comma).
_LEAD_IN = (
    r"(?:(?:In\s+(?:reply|response|turn|conclusion|addition)|On\s+(?:his|her|their|our)\s+part|"
    r"Then|Further(?:more)?|Next|Afterwards|Finally|Later),?\s+"
    r"|(?:After|Upon|Following|Having)\s+[^,;:.]{1,50},\s+)?"
)
# A phrase set off after the speaker may say whose account this is ("Ri Tong-son, in Kim's
# words, expressed …"): then the person named first is only reported, not speaking.
_ATTRIBUTED = r"(?:in\s[^,]{1,40}\swords|according\s+to|as\s[^,]{1,40}\sput\s+it)\b"
_REPORTED = pattern_cache.compile(
    rf"^{_LEAD_IN}(?P<who>I|{_NAME})(?:,\s(?!{_ATTRIBUTED})[^,]{{1,60}},)?\s+"
    rf"(?:also\s+|then\s+|further\s+|again\s+|[a-z]{{3,}}ly\s+)?(?:{SPEECH_VERBS})\b"
)

# A reported clause whose speaker the record leaves out ("Speaks of the difficulties …"):
# Soviet minutes continue the turn before it so.
_ELIDED = pattern_cache.compile(rf"^(?:{SPEECH_VERBS})\b", re.IGNORECASE)

# Words of a label or a participants entry that are not a personal name: titles, offices,
# ranks, and the heads of bodies and groups ("Delegation Head", "Chief of Staff").
ROLE_WORDS = frozenset(
    {word.lower() for title in TITLES for word in title.form.split()}
    | {word for office in OFFICE_WORDS for word in office.split()}
    | set(
        """the of and for to in at on from with by a an sir lord mr mr. dr dr. comrade comrades
        cde cde. comr comr. comrs comrs. first second third vice co-chairman co-chair
        embassy ministry committee department bureau council commission office party
        government delegation side staff members group team section division presidium
        politburo secretariat directorate administration agency assembly army navy state
        foreign affairs trade spokesman spokeswoman assistant interpreter translator
        correspondent adviser advisor officer representative counsellor counselor head
        chief deputy leader member chargé charge d'affaires delegate delegates""".split()
    )
)
_TOKEN = pattern_cache.compile(r"\[[^\]]*\]|[^\s\[\]]+")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label at the start of a paragraph.

    ``end`` closes the label (its colon or dash): the ``speaker`` element covers
    ``text[:end]``. ``name`` is the speaker as printed with titles, ``alias`` the short form the
    label introduces, ``side`` and ``interview`` the other kinds of label; ``alone`` is true
    when the paragraph holds nothing but the label (the turn's words follow in the next one).
    """

    end: int
    form: str
    name: tuple[int, int] | None = None
    alias: tuple[int, int] | None = None
    side: tuple[int, int] | None = None
    side_name: tuple[int, int] | None = None
    interview: str | None = None
    alone: bool = False


def speaker_label(text: str) -> Label | None:
    """The speaker label opening ``text`` (a colon label, a dash label, a stop label or a
    closed-up dash label), or None."""
    return colon_label(text) or dash_label(text) or stop_label(text) or closed_dash_label(text)


def colon_label(text: str) -> Label | None:
    """``Name: …``, ``North (KIM): …``, ``Q: …``, ``Name (hereafter X): …``, ``Name:`` alone.

    The words after a label are a sentence: a short fragment or a phrase in lower case
    ("City: Pyongyang", "Nam Il: also present.") is a field's value, and abbreviations set
    against what they stand for ("Key: UF = Unidentified Female") a legend, not a turn."""
    m = _COLON.match(text)
    if m is None or len(m.group("name") or m.group("label")) > _MAX_LABEL:
        return None
    end = m.end("label")
    alone = not text[end:].strip()
    if not alone and (_fragment(text[end:]) or text[end:].lstrip()[:1].islower()):
        return None
    if _LEGEND.match(text, end):
        return None
    if m.group("qa"):
        kind = "question" if m.group("qa")[0] == "Q" else "answer"
        return Label(end, "colon", interview=kind, alone=alone)
    if m.group("side"):
        return Label(end, "colon", side=m.span("side"), side_name=m.span("sidename"), alone=alone)
    if is_field(m.group("name")):
        return None
    return Label(end, "colon", name=m.span("name"), alias=_span(m, "alias"), alone=alone)


def _fragment(words: str) -> bool:
    """A field's value rather than a speaker's words: short, and no sentence ("City:
    Pyongyang", "Location: the Reception Hall")."""
    words = words.strip()
    return len(words) < _MAX_LABEL and not words.endswith((".", "?", "!", "…", '"', "”", ")"))


def dash_label(text: str) -> Label | None:
    """``Name – …``: a name, a dash and a sentence; the name must hold a personal name."""
    m = _DASH.match(text)
    if m is None or len(m.group("name")) > _MAX_LABEL or is_field(m.group("name")):
        return None
    name = m.span("name")
    if person_span(text, *name) is None:
        return None
    return Label(m.end("label"), "dash", name=name, alias=_span(m, "alias"))


def closed_dash_label(text: str) -> Label | None:
    """``Name—…``: a name and a dash closed up to it, then the speaker's words (form
    ``closed``); never a name continued by a relative or a conjunction, or set in
    apposition between two dashes."""
    m = _CLOSED_DASH.match(text)
    if m is None or len(m.group("name")) > _MAX_LABEL or is_field(m.group("name")):
        return None
    words = text[m.end() :]
    sentence = re.split(r"[.!?]\s", words, maxsplit=1)[0]
    if _CONTINUING_WORDS.match(words) or "—" in sentence:
        return None
    name = m.span("name")
    if person_span(text, *name) is None:
        return None
    return Label(m.end("label"), "closed", name=name)


def bare_label(text: str, name_end: int) -> Label | None:
    """A name that opens ``text`` up to ``name_end`` and is followed by a sentence with no
    stop, colon or dash between them ("Ortega Dear friends, …", form ``bare``), or None.
    Only the caller knows whether the words up to ``name_end`` are a speaker's name."""
    name = text[:name_end]
    if not name or is_field(name) or _BARE.match(text, name_end) is None:
        return None
    return Label(name_end, "bare", name=(0, name_end))


def stop_label(text: str) -> Label | None:
    """``Name. …``: one or two name words (after initials) closed by a full stop, then a
    sentence; never an initial, an office or a word that makes a sentence of its own
    ("Yes."). ``QUESTION. …`` and ``ANSWER FROM COM. STALIN. …`` are interview labels."""
    interview = _STOP_INTERVIEW.match(text)
    if interview is not None:
        kind = "question" if interview.group("qa")[0] in "Qq" else "answer"
        asker = _span(interview, "asker")
        return Label(interview.end("label"), "stop", name=asker, interview=kind)
    m = _STOP.match(text)
    if m is None:
        return None
    name = m.span("name")
    words = m.group("name").split()
    if any(is_initial(word + ".") or len(word) < 3 for word in words[-1:]):
        return None
    if words[0].lower() in _SENTENCE_WORDS or person_span(text, *name) != name:
        return None
    return Label(m.end("label"), "stop", name=name)


def _span(m: re.Match[str], group: str) -> tuple[int, int] | None:
    return m.span(group) if m.group(group) else None


def is_field(label: str) -> bool:
    """A field's label ("Reason", "Date and Time", "Archival Signature"), never a speaker."""
    words = label.split()
    if len(words) > 1 and words[0].lower() == "the":
        return False  # "THE CHAIRMAN:" is the chairman speaking, "Chairman:" a field
    return (
        not words
        or words[-1].lower().strip(".") in FIELD_WORDS
        or (
            # A name's words are capitalised; "Note in left margin" is a phrase.
            any(word[:1].islower() for word in words)
        )
    )


def reported_clause(text: str) -> tuple[int, int] | None:
    """The span of the speaker of a reported clause opening ``text`` ("Nam Il said that …",
    "THE PRIME MINISTER hoped …", "I replied …"), or None."""
    m = _REPORTED.match(text)
    return m.span("who") if m else None


def elided_speaker(text: str) -> bool:
    """A paragraph that opens with a verb of speech and no speaker ("Speaks of …", "Adds
    that …"): the speaker of the turn before goes on."""
    return text[:1].isupper() and _ELIDED.match(text) is not None


# A speaker in capitals opening a sentence: two words or more ("THE PRIME MINISTER gave …"),
# or one before a verb of speech ("STALIN replied …").
_CAPITALS = pattern_cache.compile(r"^(?P<words>(?:[A-Z][A-Z'’.-]+\s+)+)(?=[a-z])")
PRONOUNS = frozenset("i he she they we it this that there these those you".split())
"""Words that open a reported clause without naming its speaker ("He stated …")."""


def turn_start(text: str, *, reported: bool) -> bool:
    """Whether ``text`` opens a turn or ends one: a speaker label, a speaker in capitals, the
    recorder speaking of the conversation, or, when ``reported``, a named speaker or the
    recorder's "I" and a verb of speech ("Zhou Enlai announces that …", "I told him …")."""
    if colon_label(text) is not None or recorder_line(text):
        return True
    capitals = _CAPITALS.match(text)
    if capitals is not None:
        words = capitals.group("words").split()
        if len(words) > 1 or (len(words[0]) > 2 and _REPORTED.match(text)):
            return True
    if not reported:
        return False
    who = reported_clause(text)
    # The recorder's "I told …" is a turn too, as a named speaker's is; "He said …" goes on.
    return who is not None and (
        text[who[0] : who[1]] == "I" or text[who[0] : who[1]].lower() not in PRONOUNS
    )


# A sentence that speaks of the conversation itself: the recorder's voice, no speaker's.
_RECORDER = pattern_cache.compile(
    r"^(?:The|This|At\s+the\s+end\s+of\s+the|After\s+the)\s+(?:conversation|meeting|talks?|"
    r"discussion|negotiations?|interview|session|reception|visit)\b"
)


def recorder_line(text: str) -> bool:
    """A sentence in the recorder's voice about the conversation ("The conversation lasted
    …"): it is no speaker's, and it ends the turn before it."""
    return _RECORDER.match(text) is not None


_CONTINUING = pattern_cache.compile(
    rf"^(?:He|She)\s+(?:also\s+|then\s+|further\s+)?(?:{SPEECH_VERBS})\b"
)


def continued_by_pronoun(text: str) -> bool:
    """A reported clause whose speaker is "he" or "she" ("He asked that …"): the speaker of
    the turn before goes on."""
    return _CONTINUING.match(text) is not None


# "I" or "we" with a verb in the present or future, or a modal, within the first sentence:
# "After we have finished …, we could move …". A recorder tells in the past ("We then
# discussed …"); a speaker speaks of now and of what is to come.
_FIRST_PERSON_NOW = pattern_cache.compile(
    r"^[^.!?]*?\b(?:I|[Ww]e)\s+(?:\w+\s+)?(?:am|are|have|will|would|could|can|must|shall|"
    r"should|may|might|do|think|believe|consider|want|wish|propose|hope|ask|insist)\b"
)


def speaks_in_first_person(text: str) -> bool:
    """Whether a paragraph opens in a speaker's own voice, "I" or "we" speaking of now or of
    what is to come, as a speech goes on, where a recorder's narrative tells the past."""
    return _FIRST_PERSON_NOW.match(text) is not None


def aliases(text: str) -> list[tuple[int, int, int]]:
    """Each short form a text introduces, as (start of the bracket, alias start, alias end)."""
    return [(m.start(), *m.span("alias")) for m in _ALIAS_PATTERN.finditer(text)]


def person_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The personal name among the words of ``text[start:end]``: the last run of name words,
    after the titles and offices printed before it ("Delegation Head Wu Xinyu" gives "Wu
    Xinyu", "MARSHAL STALIN" gives "STALIN"); None when only offices remain ("THE PRIME
    MINISTER"). A bracketed part joins the name after one of its words ("Zhou [Enlai]")."""
    tokens = list(_TOKEN.finditer(text, start, end))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group()
        if word.startswith("["):
            run.insert(0, token)
            continue
        if not word[:1].isupper() or word.lower().strip(",;") in ROLE_WORDS:
            break
        run.insert(0, token)
    while run and run[0].group().startswith("["):
        run.pop(0)
    words = [t.group() for t in run if not t.group().startswith("[")]
    if not words or all(is_initial(word) for word in words):
        return None
    return run[0].start(), run[-1].end()


def office_words(text: str) -> str:
    """An office as a key to compare labels by: "THE PRIME MINISTER" and "the Prime Minister"
    both give "prime minister"."""
    words = [w.lower() for w in text.replace(".", " ").split()]
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)
