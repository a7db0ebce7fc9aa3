"""Boundaries a reader sees in text flattened onto one line (a PDF export copied as one
paragraph): where one block of the printed page ended and the next began.

Two kinds of recogniser, each conservative: a *start* recogniser looks at the start of a block
and says where an opening unit that stands alone ends (a bracketed note, a heading in
capitals, a dateline, a document number, a marking, a salutation); a *break* recogniser finds,
anywhere in the text, a place where a new block visibly begins (a field label, a caption, a
labelled turn, a numbered item, a paragraph opened by a name in capitals). Words are never
moved: a boundary only cuts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ... import pattern_cache
from ...letters import UPPER
from ...lexicon import OFFICE_WORDS, TITLES, is_initial
from .headings import ITEM_MARK, is_item_mark
from .markings import marking
from .speakers import FIELD_WORDS

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Right before a month the ordinal suffix may stand apart ("28 th September, 1955").
_DAY_BEFORE_MONTH = r"\d{1,2}(?: ?(?:st|nd|rd|th))?"
_MONTH = pattern_cache.compile(_MONTHS)
DATE = (
    rf"(?:{_DAY_BEFORE_MONTH}\s+{_MONTHS}(?:,?\s+\d{{4}})?|{_MONTHS}\s+{_DAY}(?:,\s*\d{{4}})?|"
    rf"{_MONTHS}\s+\d{{4}})"
)
_SENTENCE_END = pattern_cache.compile(r"(?:[.!?:;][\"'”’)\]]*|\])\s+$")
_YEAR_END = pattern_cache.compile(r"\b\d{4}[.,]?\s+$")
_CAPITALISED = pattern_cache.compile(rf"{UPPER}")
# Words that open a sentence but never a name.
_NOT_NAMES = frozenset(
    "The A An In On At As By For From To This That These Those It He She We They I You His "
    "Her Our Their There Then When While After Before During Since If But And Or So Yet "
    "Although Also However Moreover Thus Therefore All Some Many Most No Not One Each Every "
    "What Which Who Whom Whose Why How".split()
)


@dataclass(frozen=True, slots=True)
class StartRule:
    """At the start of a block: the end of an opening unit that stands alone, else None."""

    name: str
    end: Callable[[str, int], int | None]


@dataclass(frozen=True, slots=True)
class BreakRule:
    """Anywhere: the places where a new block begins."""

    name: str
    starts: Callable[[str], Iterator[int]]


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _followed_by_capital(text: str, position: int) -> bool:
    """The next word after ``position`` opens with a capital or a digit, bracketed or not (a
    note's number, "[1]"): not a continuation."""
    nxt = _skip_space(text, position)
    if nxt < len(text) - 1 and text[nxt] == "[":
        nxt += 1
    return nxt >= len(text) or bool(_CAPITALISED.match(text, nxt)) or text[nxt].isdigit()


def _first_word(text: str, position: int) -> str:
    """The word at ``position`` without a colon after it."""
    return text[position : position + 40].split()[0].rstrip(":")


def after_sentence(text: str, position: int) -> bool:
    """``position`` opens a sentence: the text's start, or after a stop, colon or bracket,
    but not after a name's initials ("N. G. SUDARIKOV", "N.G. SUDARIKOV"); a single letter
    and a stop may end a sentence ("Present: A, B. The …")."""
    if position == 0:
        return True
    if not _SENTENCE_END.search(text[max(0, position - 8) : position]):
        return False
    before = text[max(0, position - 16) : position].split()[-2:]
    if before and (
        is_item_mark(before[-1]) or (is_initial(before[-1]) and before[-1].count(".") > 1)
    ):
        return False
    return not (len(before) == 2 and all(map(is_initial, before)))


def after_year(text: str, position: int) -> bool:
    """``position`` follows a year ("… 1944 Top secret"): where a heading's date ends."""
    return bool(_YEAR_END.search(text[max(0, position - 8) : position]))


# --- start recognisers -----------------------------------------------------------------------

_BRACKETED = pattern_cache.compile(r"\[[^\[\]]*\s[^\[\]]*\]")


def bracketed_note_end(text: str, start: int) -> int | None:
    """A bracketed note of several words opening a block ("[Classification level blacked
    out: …]"), followed by a capitalised word. An omission mark ("[…]") stays with what
    follows."""
    m = _BRACKETED.match(text, start)
    if m is None or not _followed_by_capital(text, m.end()):
        return None
    return m.end()


_CAPS_WORD = pattern_cache.compile(
    rf"(?:{UPPER}{{2,}}|(?:{UPPER}\.){{1,3}}){UPPER}*['’]?[A-Z]*[,.;]?"
)
_SINGLE_CAPITAL = pattern_cache.compile(r"[AI]")
_NUMBERISH = pattern_cache.compile(r"\d+(?:st|nd|rd|th)?[,.]?|[ap]\.m\.[,.]?|\([^)\s]{1,12}\)")


_TOKEN = pattern_cache.compile(r"\S+")


def _caps_run(text: str, start: int) -> tuple[int, int, int]:
    """The run of words in capitals (numbers and "p.m." among them) from ``start``: its end
    without trailing numbers, how many capital words it holds, and the longest's length."""
    end = numbers_end = start
    words = longest = 0
    for m in _TOKEN.finditer(text, start):
        token = m.group()
        if _CAPS_WORD.fullmatch(token):
            words += 1
            longest = max(longest, sum(c.isalpha() for c in token))
            end = numbers_end = m.end()
        elif _NUMBERISH.fullmatch(token) or (words and _SINGLE_CAPITAL.fullmatch(token)):
            numbers_end = m.end()
        else:
            # Numbers at the end belong to the heading ("AT 10 p.m."), unless they open the
            # date under it ("ENLAI 20 August 1952").
            if not _MONTH.match(token):
                end = numbers_end
            break
    return end, words, longest


# A signature under an office in capitals, the name in parentheses ("FIRST SECRETARY OF
# THE EMBASSY (A. SERGEYEV)"), as Soviet records sign off; a bracketed note of the signature
# may stand among the office's words.
_PARENTHESISED_SIGNATURE = pattern_cache.compile(
    r"[A-Z][A-Z'’.-]+(?:\s+(?:[A-Z][A-Z'’.-]*|\[[^\]]{1,30}\]))*\s*"
    r"\((?:[A-Z]\.\s*){1,3}[A-Z][A-Z'’-]+\)"
)


def caps_heading_end(text: str, start: int) -> int | None:
    """A heading in capitals (three capital words or more) opening a block, followed by
    something that is not lower case: the date under it, a label, a new paragraph."""
    end, words, _ = _caps_run(text, start)
    if words < 3 or _PARENTHESISED_SIGNATURE.match(text, start) or _FIELD.match(text, start):
        return None
    nxt = _skip_space(text, end)
    if nxt < len(text) and text[nxt].islower():
        return None  # a paragraph opened by a name in capitals, not a heading
    return end if nxt < len(text) else None


_DATELINE = pattern_cache.compile(rf"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,2}},\s+{DATE}")


def dateline_end(text: str, start: int) -> int | None:
    """A place and date opening a block ("Beijing, 16th May"), followed by a capital."""
    m = _DATELINE.match(text, start)
    if m is None or not _followed_by_capital(text, m.end()):
        return None
    return m.end()


_NUMBERED_DOCUMENT = pattern_cache.compile(
    r"(?:(?:Outgoing\s+|Incoming\s+)?"
    r"(?:Note|Telegram|Cable|Letter|Report|Memorandum|Ciphergram|Protocol|Minutes)\s+)?"
    r"(?:[Nn]umber|No\.?|N[º°o]\.?|#)\s*\d[\w/.-]*"
)


def document_number_end(text: str, start: int) -> int | None:
    """A document number opening a block ("Note number 399"), followed by a capital."""
    m = _NUMBERED_DOCUMENT.match(text, start)
    if m is None or not _followed_by_capital(text, m.end()):
        return None
    return m.end()


def marking_end(text: str, start: int) -> int | None:
    """A marking opening a block ("Top secret", "Copy No. 2"), followed by a capital: the
    shortest run of up to six words that is one, so that "Translation from Russian SECRET"
    gives two markings, not one."""
    words = list(_TOKEN.finditer(text[start : start + 120]))
    for count in range(1, min(6, len(words)) + 1):
        end = start + words[count - 1].end()
        if marking(text[start:end]) and _followed_by_capital(text, end):
            return end
    return None


_SALUTE = pattern_cache.compile(
    r"(?:(?:Dear|Respected|Esteemed|Deeply\s+respected)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s+)?"
    r"[^.!?,:;\[\]]{1,60}[,!:]|"
    rf"Comrades?(?:\s+{UPPER}[\w'’.-]*){{0,3}}[,!])(?=\s+[A-Z])"
)


def salute_end(text: str, start: int) -> int | None:
    """A salutation opening a block ("Dear Comrade delegates,", "Comrade Minister,"), an
    omission mark before it included; the letter's text follows."""
    omission = re.compile(r"\[(?:…|\.\.\.)\]\s+").match(text, start)
    m = _SALUTE.match(text, omission.end() if omission else start)
    return m.end() if m else None


_ITEM_LABEL = pattern_cache.compile(rf"{ITEM_MARK}\s+")
_CAPITALISED_FUNCTION_WORD = pattern_cache.compile(
    r"\s(?:The|A|An|In|On|At|As|This|It|We|He|She|They|There|After|Before|During|When)\s"
)


def item_heading_end(text: str, start: int) -> int | None:
    """A numbered item's short heading ("1) Information from Moscow [1]"), where a sentence
    begins without a stop before it."""
    label = _ITEM_LABEL.match(text, start)
    if label is None:
        return None
    window = text[label.end() : label.end() + 90]
    m = _CAPITALISED_FUNCTION_WORD.search(window)
    if m is None or re.search(r"[.!?:;]", window[: m.start()]):
        return None
    return label.end() + m.start()


_FULL_DATE = rf"(?:{_DAY}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},\s*\d{{4}})"
# A full date and what a record's date line may add in parentheses ("(in the afternoon)").
_DATE_LINE = pattern_cache.compile(rf"{_FULL_DATE}(?:\s+\([^()]{{1,30}}\))?")


def date_line_end(text: str, start: int) -> int | None:
    """A full date standing alone as a line ("16 April 1969 (in the afternoon)"), followed by
    a capital: the date under a record's heading, before its text."""
    m = _DATE_LINE.match(text, start)
    if m is None or not _followed_by_capital(text, m.end()):
        return None
    place = _PLACE_AFTER_DATE.match(text, m.end())
    return place.end(1) if place else m.end()


# The place of a dateline after its date, before a line in capitals ("May 20, 1977
# Ulaanbaatar TO THE HEAD OF …").
_PLACE_AFTER_DATE = pattern_cache.compile(rf"\s+({UPPER}[a-z][\w'’-]*)(?=\s+[A-Z]{{2,}}\b)")


START_RULES: tuple[StartRule, ...] = (
    StartRule("bracketed-note", bracketed_note_end),
    StartRule("caps-heading", caps_heading_end),
    StartRule("dateline", dateline_end),
    StartRule("date-line", date_line_end),
    StartRule("document-number", document_number_end),
    StartRule("marking", marking_end),
    StartRule("salute", salute_end),
    StartRule("item-heading", item_heading_end),
)
"""What may stand alone at the start of a block, in the order they are tried."""


# --- break recognisers -----------------------------------------------------------------------

_FIELD = pattern_cache.compile(
    r"(?<![\w'’-])(?:The\s+)?(?:Present|Also\s+present|Those\s+present|Participants|Time|Date|"
    r"Date\s+and\s+[Tt]ime|Place|Location|To|From|Subject|Agenda|agenda|Copy\s+to|Copies|"
    r"Distribution|Attachment|Enclosure|Resolved|Decided|Note|Reason|(?:Archival\s+)?Signature|"
    r"QUESTIONS\s+ON\s+THE\s+AGENDA|Questions\s+on\s+the\s+[Aa]genda|"
    # A cable form's fields ("Level: Extra Urgent", "Approved by: …", "Seen by: …").
    r"Level|Priority|Urgency|Sent\s+to|Copied\s+to|(?:Approved|Drafted|Checked|Seen|Received)"
    r"\s+by|Sender|Recipient|Classification|CLASSIFICATION|Number|Primary|Sent|Received|"
    # A letter's reference ("REF: C-94-64", "Our ref.:").
    r"REF|Ref\.?|Reference|(?:Our|Your)\s+[Rr]ef\.?):\s"
)


def _after_field_label(text: str, position: int) -> bool:
    """``position`` follows a field label ("Level: |Urgent")."""
    window = text[max(0, position - 30) : position]
    return any(m.end() == len(window) for m in _FIELD.finditer(window))


def field_starts(text: str) -> Iterator[int]:
    """A capitalised field label ("Present:", "The agenda:", "To:")."""
    for m in _FIELD.finditer(text):
        if m.group().startswith(("The", "agenda")) and not after_sentence(text, m.start()):
            continue
        yield m.start()


_ADDRESS_FIELD = pattern_cache.compile(r"(?<![\w'’-])(?:To|From|Sender|Recipient|Addressee):\s")
_VALUE_REACH = 160


def field_value_ends(text: str) -> Iterator[int]:
    """The end of an addressee's or a sender's field, where the text's first sentence follows
    it with no stop ("To: Comrade Deputy Minister, V. Moraru On May 13, the …"): a sentence
    opened by a capitalised function word after a capitalised word."""
    for m in _ADDRESS_FIELD.finditer(text):
        previous = ""
        for word in _TOKEN.finditer(text, m.end(), min(len(text), m.end() + _VALUE_REACH)):
            token = word.group()
            stop = previous.endswith((".", "!", "?", ";")) and not is_initial(previous)
            if token.endswith(":") or stop:
                break
            if token in _NOT_NAMES and previous[:1].isupper() and previous not in _NOT_NAMES:
                yield word.start()
                break
            previous = token


# "To the Ministry of Foreign Affairs:", "To Comrade Kim Il Sung:": a message's address line,
# its words capitalised but for "of", "the", "and", "for", "in".
_ADDRESS = pattern_cache.compile(
    r"To\s+(?:the\s+)?(?:\[[^\]]{1,30}\]\s+)?[A-Z][\w'’.-]*"
    r"(?:\s+(?:of|the|and|for|in|\[[^\]]{1,30}\]|[A-Z][\w'’.()-]*)){0,10}:\s"
)


def address_starts(text: str) -> Iterator[int]:
    """A message's address line ("… Copied to: […] To the Ministry of Foreign Affairs: On
    the …"), after a stop, a bracket or a capitalised word: it starts a block, and so does
    the text after it."""
    for m in _ADDRESS.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if m.start() == 0 or (before and not before[-1][:1].islower()):
            yield m.start()
            yield _skip_space(text, m.end())


_PARTICIPATION = pattern_cache.compile(
    r"(?:in\s+the\s+presence\s+of|with\s+the\s+participation\s+of)\b[^:.]{0,40}:"
)


def participation_starts(text: str) -> Iterator[int]:
    """A participants caption in lower case right after a heading's date ("… 1944 in the
    presence of comrades:")."""
    for m in _PARTICIPATION.finditer(text):
        if after_year(text, m.start()) or after_sentence(text, m.start()):
            yield m.start()


_CAPTION = pattern_cache.compile(
    r"(?:Translated|Recorded|Minutes\s+taken|Interpreted|Typed)\s+by\b"
)


def caption_starts(text: str) -> Iterator[int]:
    """A capitalised responsibility caption ("Translated by comrs. …")."""
    for m in _CAPTION.finditer(text):
        yield m.start()


_MARKING_START = pattern_cache.compile(rf"(?<!\S){UPPER}")


# Classifications that prose never capitalises: after a title's last word they start a line.
_STRONG_MARKING = pattern_cache.compile(
    r"(?<=[A-Za-z]\s)(?:Top\s+Secret|TOP\s+SECRET|Strictly\s+(?:Secret|Confidential)|"
    r"STRICTLY\s+(?:SECRET|CONFIDENTIAL))\b(?=[!.]?\s+[A-Z\d])"
)


def marking_starts(text: str) -> Iterator[int]:
    """A marking where a heading or a sentence ended ("… 1944 Top secret Done …"), but not
    as a field's value ("Level: Urgent"), or a classification in capitals right after a
    capitalised word ("… with Professor Brandt Top Secret May 22, 1944")."""
    for m in _MARKING_START.finditer(text):
        position = m.start()
        if not (after_year(text, position) or after_sentence(text, position)):
            continue
        if _after_field_label(text, position):
            continue  # the field's value ("Level: Urgent")
        if marking_end(text, position) is not None:
            yield position
    for m in _STRONG_MARKING.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1][:1].isupper():
            yield m.start()


_KIND = pattern_cache.compile(
    r"(?<=[a-z,)] )(?:Minutes|Record|Report|Memorandum|Decision|Resolution|Telegram|Letter|"
    r"Protocol|Transcript|Journal|Information)\s+(?:of|from|on|about|to|between|for|No)\b"
)


# Words after which a capitalised kind word is a name inside a sentence ("the Minutes of").
_DETERMINERS = frozenset(
    "the a an of in on to for with by at from and or its their our his her this that these "
    "those whose".split()
)
# A cable's direction or handling, which opens the block of its kind ("Outgoing Telegram No.
# 1185").
_HANDLING = frozenset("Outgoing Incoming Ciphered Coded".split())


def kind_starts(text: str) -> Iterator[int]:
    """A title naming a document's kind right after a word in lower case, with no stop
    between them ("… in 3 copies Minutes from a Meeting …")."""
    for m in _KIND.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()].split()
        if before and before[-1] in _HANDLING:
            yield text.rindex(before[-1], 0, m.start())
        elif before and before[-1].rstrip(",") not in _DETERMINERS and not is_item_mark(before[-1]):
            yield m.start()


_LABEL = pattern_cache.compile(
    r"(?:(?:Comrade|Cde\.|Com\.|Comr\.|Mr\.|Mrs\.|Ms\.|Marshal|Premier|Chairman|President|"
    r"Ambassador|Minister|General|Secretary)\s+)?"
    rf"{UPPER}[\w'’.-]*(?:\s+{UPPER}[\w'’.-]*){{0,3}}(?:\s+\([^()]{{1,30}}\))?:\s"
)


# A remark in parentheses may close a turn without a stop ("Five. (later six) Tran: We …").
_AFTER_REMARK = pattern_cache.compile(r"[\w.!?]\)\s+$")


_FIELD_WORD = "|".join(re.escape(word) for word in sorted(FIELD_WORDS))
_FIELD_VALUE_AT = pattern_cache.compile(rf"(?i:\b(?:{_FIELD_WORD})):\s+$")


def turn_starts(text: str) -> Iterator[int]:
    """A labelled turn opening a sentence ("Comrade Zhou Enlai: We …"), or after a remark in
    parentheses when a sentence follows the label."""
    for m in re.finditer(rf"(?<!\S){UPPER}", text):
        position = m.start()
        label = _LABEL.match(text, position)
        if label is None or _first_word(text, position) in _NOT_NAMES:
            continue
        if _FIELD_VALUE_AT.search(text, max(0, position - 24), position):
            continue  # a field's value ("Number: R2…", "To: Foreign Minister From: …")
        if after_sentence(text, position) or (
            _AFTER_REMARK.search(text, max(0, position - 4), position)
            and _CAPITALISED.match(text, label.end())
        ):
            yield position


_NUMBER_BEFORE = pattern_cache.compile(r"(?<!\S)\d+\s+$")


def item_starts(text: str) -> Iterator[int]:
    """A numbered or lettered item after a stop or a colon ("The agenda: 1) …"), after a
    date's year ("Decision of 3 June 1952 215. Telegram …") or after the item numbered one
    less, whatever ends that one ("1) The loan 2) The credits"), and the first item after a
    number that ends a heading ("… Section 2 1. Minister …")."""
    seen: set[str] = set()  # the item labels met so far, as "1)", "2."
    for m in re.finditer(rf"(?<!\S){ITEM_MARK}\s+[A-Z\"“]", text):
        label = m.group().split()[0]
        seen.add(label)
        if m.start() > 0 and (
            after_sentence(text, m.start())
            or after_year(text, m.start())
            or _previous_label(label) in seen
            or (
                m.group().startswith(("1.", "1)"))
                and _NUMBER_BEFORE.search(text, max(0, m.start() - 8), m.start())
            )
        ):
            yield m.start()
    for m in _PROTOCOL_ITEM.finditer(text):
        if after_year(text, m.start()):
            yield m.start()


def _previous_label(label: str) -> str:
    """The label numbered one less in the same style ("2)" for "3)"), which puts a label in a
    series whatever stands before it ("… first item 2) Second …")."""
    number = label.strip("().")
    if not number.isdigit():
        return ""
    return label.replace(number, str(int(number) - 1), 1)


# A protocol's item, numbered through the year ("Decision of 3 June 1952 215. Telegram …").
_PROTOCOL_ITEM = pattern_cache.compile(r"(?<!\S)\d{3,4}\.\s+[A-Z]")


def caps_paragraph_starts(text: str) -> Iterator[int]:
    """A paragraph opened by a name or office in capitals ("THE PRIME MINISTER gave …"):
    two capital words or more, one of five letters or more, after a stop."""
    for m in re.finditer(rf"(?<!\S){UPPER}{UPPER}", text):
        position = m.start()
        if position == 0 or not after_sentence(text, position):
            continue
        end, words, longest = _caps_run(text, position)
        nxt = _skip_space(text, end)
        if words >= 2 and longest >= 5 and nxt < len(text) and text[nxt].islower():
            yield position
        elif words >= 3 and nxt >= len(text):
            yield position  # an office and a name in capitals that end the text: a signature


_REPORTING = (
    r"(?:says|said|replies|replied|answers|answered|asks|asked|states|stated|notes|noted|"
    r"announces|announced|declares|declared|stresses|stressed|emphasizes|emphasized|"
    r"emphasises|emphasised|remarks|remarked|informs|informed|suggests|suggested|proposes|"
    r"proposed|thanks|thanked|inquires|inquired|expresses|expressed|adds|added|agrees|"
    r"agreed|objects|objected|explains|explained|responds|responded|continues|continued|"
    r"sends|conveys|greets|requests|welcomes)"
)
_REPORTED_TURN = pattern_cache.compile(
    rf"{UPPER}[\w'’-]+(?:\s+{UPPER}[\w'’-]+){{0,2}}\s+{_REPORTING}\b"
)


def reported_turn_starts(text: str) -> Iterator[int]:
    """A sentence opened by a name and a verb of saying ("Stalin thanks Zhou Enlai …"): a
    turn of a record that reports speech."""
    opened = {}
    for m in re.finditer(rf"(?<!\S){UPPER}", text):
        position = m.start()
        if position == 0 or not after_sentence(text, position):
            continue
        speaker = _reported_speaker(text, position)
        if speaker and _first_word(text, position) not in _NOT_NAMES:
            opened[position] = speaker
    yield from opened
    yield from _turns_after_caption(text, frozenset(opened.values()))


_STOP = pattern_cache.compile(r"[.!?;](?=\s)")
# Abbreviations whose stop ends no sentence ("Translated by comrs. Pavlov").
_ABBREVIATIONS = frozenset(
    {t.form.lower() for t in TITLES if t.form.endswith(".")} | {"comrs.", "cdes.", "messrs."}
)
_SPEAKER = pattern_cache.compile(rf"{UPPER}[\w'’-]+(?:\s+{UPPER}[\w'’-]+){{0,2}}")
_CAPITAL_AFTER_SPACE = pattern_cache.compile(rf"(?<=\s){UPPER}")


def _reported_speaker(text: str, position: int) -> str:
    """The name opening a reported turn at ``position`` ("Zhou Enlai" of "Zhou Enlai sends"),
    one space between its words; empty when none opens there."""
    found = _REPORTED_TURN.match(text, position)
    name = _SPEAKER.match(found.group()) if found else None
    return " ".join(name.group().split()) if name else ""


def _next_stop(text: str, position: int) -> int:
    """Where the sentence running at ``position`` ends: the next stop that is no
    abbreviation's or initial's, else the end of the text."""
    for stop in _STOP.finditer(text, position):
        word = text[max(0, stop.start() - 12) : stop.end()].split()[-1]
        if word.lower() not in _ABBREVIATIONS and not is_initial(word):
            return stop.start()
    return len(text)


def _turns_after_caption(text: str, speakers: frozenset[str]) -> Iterator[int]:
    """A reported turn right after a caption or a participants line that ends with no stop
    ("Translated by comrs. X and Y Zhou Enlai sends …"): the flattened text lost the line
    end, so the turn is found by its speaker, a name that opens a reported turn after a stop
    elsewhere in the text. Without such a name the boundary is unknowable and nothing cuts."""
    if not speakers:
        return
    for head in [*_CAPTION.finditer(text), *_FIELD.finditer(text)]:
        tail_end = _next_stop(text, head.end())
        for m in _CAPITAL_AFTER_SPACE.finditer(text, head.end(), tail_end):
            if _reported_speaker(text, m.start()) in speakers:
                yield m.start()
                break


_DATELINE_AT = pattern_cache.compile(
    rf"[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?,\s+"
    rf"(?:{_DAY_BEFORE_MONTH}\s+{_MONTHS},?\s+\d{{4}}|{_MONTHS}\s+{_DAY},\s*\d{{4}})(?=\s+\[?[A-Z\d])"
)


def dateline_starts(text: str) -> Iterator[int]:
    """A place and a full date between a letterhead and what follows ("… in Pyongyang
    Pyongyang, 14 June 1962 No. 2/62"): after a capitalised word or a number, not after a
    word in lower case, and followed by a capital or a number (a note's bracketed number
    among them), not by a stop."""
    dated: dict[int, int] = {}  # where each dateline's date starts: its place's start
    for m in re.finditer(r"(?<!\S)[A-Z]", text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        found = _DATELINE_AT.match(text, m.start())
        if before and not before[-1][:1].islower() and found:
            place = dated.get(found.end())
            # A place of two words unless its first word opens no place's name: "Relations
            # Geneva, 2nd May 1979" is the word of a line before, "New York, …" one place.
            if place is None or text[place : m.start()].split()[0] not in _PLACE_OPENERS:
                dated[found.end()] = m.start()
    yield from dated.values()


_PLACE_OPENERS = frozenset(
    """New San Santa Saint St. Sao São Los Las Rio Buenos Port Porto Hong Kuala Ulan Addis Tel
    Phnom Dar Sri La Le El Ho Da Abu Dien Cape Salt Mexico Santo Puerto Grand Great North South
    East West Upper Lower""".split()
)


_CLOSING = pattern_cache.compile(
    r"(?:With\s+(?:\w+\s+){0,2}(?:greetings|regards|respect)|Respectfully(?:\s+yours)?|"
    r"Sincerely(?:\s+yours)?|Yours\s+(?:sincerely|faithfully|truly))[,.!]?(?=\s+\[?[A-Z])"
)


def closing_starts(text: str) -> Iterator[int]:
    """A complimentary close after a stop ("… from China. With socialist greetings, J.
    Kowalski"): it starts a block, and so does the signature after it, first names the
    translator bracketed included ("[Jan] Kowalski")."""
    closed = -1  # where the last close ended: a second close may follow it ("With kind
    # regards, Yours sincerely,")
    for m in _CLOSING.finditer(text):
        if after_sentence(text, m.start()) or _skip_space(text, closed) == m.start():
            yield m.start()
            yield _skip_space(text, m.end())
            closed = m.end()


_LETTER_SALUTE = pattern_cache.compile(r"(?<!\S)(?:Dear|Respected|Esteemed|Deeply\s+respected)\s")


def salute_starts(text: str) -> Iterator[int]:
    """A letter's salutation after a stop ("… April 13, 1964. Dear Lal Bahadurji, I attach
    …"): it starts a block, which the salutation's start rule ends after its comma."""
    for m in _LETTER_SALUTE.finditer(text):
        if _OMISSION_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "[…] Dear Comrade delegates,": the omission opens the salutation's block
        if m.start() and after_sentence(text, m.start()) and salute_end(text, m.start()):
            yield m.start()


_OMISSION_BEFORE = pattern_cache.compile(r"\[(?:…|\.\.\.)\]\s+$")


def signature_starts(text: str) -> Iterator[int]:
    """An office in capitals with a name in parentheses after a stop: it starts a block, and
    so does what follows the name (the registry's notes)."""
    for m in _PARENTHESISED_SIGNATURE.finditer(text):
        if after_sentence(text, m.start()):
            yield m.start()
            yield _skip_space(text, m.end())


_NOTE_AFTER_STOP = pattern_cache.compile(r"(?<=[.!?”\"]\s)\[(\d{1,3})\]\s+\S")


def note_starts(text: str) -> Iterator[int]:
    """A note after a stop whose number the text called before ("… in 1966.[1] … in 1966. [1]
    ”Special goods” was …"): the translator's note is a block of its own."""
    for m in _NOTE_AFTER_STOP.finditer(text):
        call = text.rfind(f"[{m.group(1)}]", 0, m.start())
        if call > 0 and not text[call - 1].isspace():
            yield m.start()


# An addressee in capitals after a word in small letters ("… Ulaanbaatar TO THE HEAD OF THE
# … DEPARTMENT COMRADE J. TARI").
_CAPS_ADDRESSEE = pattern_cache.compile(r"(?<=[a-z] )TO\s+(?:THE\s+)?[A-Z]{2,}\s+[A-Z]{2,}")


def caps_addressee_starts(text: str) -> Iterator[int]:
    """An addressee's line in capitals after a word in small letters: a block of its own."""
    for m in _CAPS_ADDRESSEE.finditer(text):
        yield m.start()


# A capitalised word that opens sentences, right after a word with no stop: a line's end the
# export lost ("Memorandum of conversation On the visit … delegation In accordance with …",
# "… in the Polish Embassy The visit …"). Not after a preposition or an article ("of The
# Times"), nor in "The Hague".
_LOST_LINE_END = pattern_cache.compile(
    r"(?<=[a-z] )(?:On|In|The(?!\s+Hague\b)|During|At|After|According|Following|Concerning|"
    r"Regarding)\s"
)
_NO_LINE_END_AFTER = frozenset(
    "a an the of in on at to for from by with and or but as than that this these those its "
    "their his her our your my whose which".split()
)


def lost_line_end_starts(text: str) -> Iterator[int]:
    """A sentence opened by a capitalised function word straight after a word in small
    letters: where a heading or a subject line ended."""
    for m in _LOST_LINE_END.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()].split()
        word = before[-1] if before else ""
        if word.isalpha() and word not in _NO_LINE_END_AFTER:
            yield m.start()


_DASHED_ITEM = pattern_cache.compile(r"(?<=[:.!?\]…] )[-–—]\s+[A-Z\"“]")
_OMISSION = pattern_cache.compile(r"(?<=[:.!?] )\[(?:…|\.\.\.)\](?=\s+(?:[-–—]\s|[A-Z]))")


def dash_item_starts(text: str) -> Iterator[int]:
    """An item opened by a spaced dash after a stop, a colon or an omission mark ("… points:
    […] - The delegation …"), and an omission mark after a stop or a colon before an item or
    a sentence: each a block of its own."""
    for m in _DASHED_ITEM.finditer(text):
        yield m.start()
    for m in _OMISSION.finditer(text):
        if not _after_field_label(text, m.start()):
            yield m.start()


# A signature after a stop: initials and a surname in capitals, then the signer's office
# ("… Inform us of the date. P. KOVALENKO Minister of Foreign Trade …").
_OFFICES = "|".join(sorted({w.capitalize() for w in OFFICE_WORDS} | {"Deputy", "First", "Head"}))
_SIGNED_WITH_OFFICE = pattern_cache.compile(
    rf"(?:[A-Z]\.\s?){{1,3}}[A-Z][A-Z'’-]{{2,}}\s+(?P<office>{_OFFICES})\b"
)
# A clerk's note of a cable's transmission after a capitalised word or a number, no stop
# between them ("… of the USSR sent by Zueva received by Lapin …").
_CLERKS = pattern_cache.compile(
    rf"(?<!\S)(?:sent|received|deciphered|typed|transmitted)\s+by\s+{UPPER}[\w'’.-]*"
    rf"(?:\s+(?P<date>{_FULL_DATE}))?"
)


def signed_starts(text: str) -> Iterator[int]:
    """A signature of initials and a surname in capitals after a stop, the office after it,
    and each clerk's note of a transmission after the signature's words, with the date after
    the last: blocks of their own, as the lines of a signature are."""
    for m in _SIGNED_WITH_OFFICE.finditer(text):
        if after_sentence(text, m.start()):
            yield m.start()
            yield m.start("office")
    for m in _CLERKS.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and (before[-1][:1].isupper() or before[-1][:1].isdigit()):
            yield m.start()
            if m.group("date"):
                yield m.start("date")


# A signer's name alone at the end of the text, after its last sentence ("… next week.
# Daskalov", "… my views. [Torleiv] Anda", "(A. Gromyko) 28 September 1950"), perhaps with
# the date the signer put under it.
_TRAILING_SIGNER = pattern_cache.compile(
    r"\(?(?:\[[A-Z][^\]]{0,30}\]\s+)?(?:(?:[A-Z]\.\s?){1,3})?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+){0,3}\)?"
    rf"(?:\s+(?P<date>{_FULL_DATE}))?\s*$"
)
_SIGNER_REACH = 80
# An initial the translator completed in brackets ("V[asily].").
_COMPLETED_INITIAL = pattern_cache.compile(r"[A-Z]\[[^\]\s]+\]\.")
_FULL_STOP_BEFORE = pattern_cache.compile(r"[.!?][\"'”’)]*$")
# A copy line's abbreviations, after which a name heads the copy's addressee.
_ABBREVIATIONS_BEFORE_NAMES = frozenset({"cc.", "bcc.", "c.c.", "encl.", "enc.", "att."})


def trailing_signer_starts(text: str) -> Iterator[int]:
    """A name alone after the text's last sentence, ended by a full stop: the signature, a
    block of its own, and the date under it another."""
    for m in re.finditer(r"(?<!\S)[(\[A-Z]", text[-_SIGNER_REACH:]):
        position = len(text) - min(len(text), _SIGNER_REACH) + m.start()
        before = text[max(0, position - 30) : position].split()
        if not before or not _FULL_STOP_BEFORE.search(before[-1]):
            continue
        if (
            is_initial(before[-1])
            or is_item_mark(before[-1])
            or _COMPLETED_INITIAL.fullmatch(before[-1])
            or before[-1].lower() in _ABBREVIATIONS_BEFORE_NAMES
        ):
            continue  # "V. MOSKOVSKY", "V[asily]. Pisarev", "3. File", "bcc. Director …"
        found = _TRAILING_SIGNER.match(text, position)
        if found is not None and _first_word(text, position) not in _NOT_NAMES:
            yield position
            if found.group("date"):
                yield found.start("date")
            return


_DASHED = pattern_cache.compile(
    rf"(?<=\s)[-–—]\s+{UPPER}[\w'’.-]*(?:\s+[\w'’.-]+){{0,5}}\s+[-–—](?=\s)"
)


def dashed_line_starts(text: str) -> Iterator[int]:
    """A short line set between dashes ("- Asia-Oceania Department -"): it starts a block,
    and so does what follows it."""
    for m in _DASHED.finditer(text):
        yield m.start()
        yield _skip_space(text, m.end())


_JOURNAL_OF = pattern_cache.compile(r"\b[Ff]rom\s+the\s+(?:[Jj]ournal|[Dd]iary)\s+of\b")


def journal_starts(text: str) -> Iterator[int]:
    """A journal's byline after a docket's number ("… Copy Nº 2 from the journal of N. G.
    SUDARIKOV"): after a number or a word in capitals, never inside a sentence."""
    for m in _JOURNAL_OF.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()].split()
        if before and (before[-1].isdigit() or before[-1].isupper()):
            yield m.start()


_CAPS_KIND = pattern_cache.compile(
    r"(?<=\s)(?:(?:RECORD|MEMORANDUM|MINUTES|TRANSCRIPT|PROTOCOL)\s+OF\s+(?:THE\s+|A\s+)?"
    r"(?:CONVERSATION|MEETING|TALKS?|CONFERENCE|SESSION)\b"
    # A decision's heading, its series and number or its body after it ("RESOLUTION “B” No 9
    # OF POLITBURO …").
    r"|(?:RESOLUTION|DECISION|DECREE|DIRECTIVE)(?:\s+[“\"][A-Z]{1,2}[”\"])?\s+(?:No\.?|Nº|OF)\s)"
)


def caps_kind_starts(text: str) -> Iterator[int]:
    """A record's or a decision's heading in capitals right after a name or an address ("… N.
    G. SUDARIKOV RECORD OF A CONVERSATION with …", "… Minister of Defense RESOLUTION “A” No 4
    OF …"): the heading is a line of its own."""
    for m in _CAPS_KIND.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()].split()
        if before and before[-1] not in ("THE", "A", "OF", "DRAFT", "AND"):
            yield m.start()


_DATE_AFTER_NAME = pattern_cache.compile(
    rf"(?<=[\w\]])\s+({_FULL_DATE})(?:\s+\([^()]{{1,30}}\))?\.?(?=\s+[A-Z])"
)


def date_line_starts(text: str) -> Iterator[int]:
    """A full date after a capitalised word with no stop or preposition between them, and a
    capital after it: the date line under a heading ("… Minister of Foreign Affairs 16 April
    1969 (in the afternoon) I visited …")."""
    for m in _DATE_AFTER_NAME.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1][:1].isupper() and not _MONTH.fullmatch(before[-1]):
            yield m.start(1)


BREAK_RULES: tuple[BreakRule, ...] = (
    BreakRule("field", field_starts),
    BreakRule("address", address_starts),
    BreakRule("field-value-end", field_value_ends),
    BreakRule("participation", participation_starts),
    BreakRule("caption", caption_starts),
    BreakRule("marking", marking_starts),
    BreakRule("kind", kind_starts),
    BreakRule("turn", turn_starts),
    BreakRule("item", item_starts),
    BreakRule("caps-paragraph", caps_paragraph_starts),
    BreakRule("reported-turn", reported_turn_starts),
    BreakRule("dashed-line", dashed_line_starts),
    BreakRule("dash-item", dash_item_starts),
    BreakRule("caps-addressee", caps_addressee_starts),
    BreakRule("lost-line-end", lost_line_end_starts),
    BreakRule("dateline", dateline_starts),
    BreakRule("closing", closing_starts),
    BreakRule("salute", salute_starts),
    BreakRule("signature", signature_starts),
    BreakRule("signed", signed_starts),
    BreakRule("trailing-signer", trailing_signer_starts),
    BreakRule("note", note_starts),
    BreakRule("journal", journal_starts),
    BreakRule("caps-kind", caps_kind_starts),
    BreakRule("date-line", date_line_starts),
)
"""Where a new block begins anywhere in the text."""
