"""The parts of a letter and of its signing: salutes, signatures and the captions that name who
translated or recorded a document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import pattern_cache
from ...letters import UPPER, is_upper
from ...lexicon import INITIAL, OFFICE_WORDS, alternation
from .characters import ends_with_initial
from .dates import is_date_only

_SALUTE_OPEN = pattern_cache.compile(
    r"^(?:dear|respected|esteemed|deeply\s+respected|much\s+esteemed)\b.{0,80}[!,:]$|"
    r"^comrades?(?:\s+[\w.'-]+){0,4}!$",
    re.IGNORECASE,
)
_SALUTE_CLOSE = pattern_cache.compile(
    r"^(?:with\s+(?:communist|comradely|fraternal|best|deep|sincere|warm|kind|kindest|warmest|"
    r"socialist|friendly|cordial|(?:very\s+)?best)\s+(?:greetings|regards|respect|wishes)|with\s+(?:respect|greetings)|respectfully(?:\s+yours)?|"
    r"sincerely(?:\s+yours)?|yours\s+(?:sincerely|faithfully|truly))\b.{0,40}[,.!]?$",
    re.IGNORECASE,
)


def is_opening_salute(text: str) -> bool:
    return bool(_SALUTE_OPEN.match(text))


# A comrade named and a colon, nothing after: "Comrade Nie Rongzhen:" heads a letter.
_COMRADE_COLON = pattern_cache.compile(r"^(?:comrades?|cdes?\.)\s+[^\W\d_][\w.' -]{0,60}:$", re.I)


def is_addressed_colon(text: str) -> bool:
    """A line that only names a comrade and ends in a colon: a letter's salute ("Comrade Nie
    Rongzhen:"), which in a conversation would be a speaker's label."""
    return bool(_COMRADE_COLON.match(text))


def is_closing_salute(text: str) -> bool:
    return bool(_SALUTE_CLOSE.match(text))


_CAPTION = pattern_cache.compile(
    r"^(?P<caption>(?:translated|recorded|compiled|prepared|typed|minutes\s+taken|drafted)"
    r"(?:\s+from\s+(?:the\s+)?[A-Z]\w+)?(?:\s+into\s+\w+)?\s*(?:\[by\]|by)\s*:?)",
    re.IGNORECASE,
)
_ROLE_CAPTION = pattern_cache.compile(
    r"^(?:translators?|interpreters?|recorders?)\s*:", re.IGNORECASE
)


def caption_end(text: str) -> int | None:
    """End of a responsibility caption ("Translated [by]:", "Recorded by", "Translator:")."""
    m = _CAPTION.match(text)
    if m:
        return m.end("caption")
    m = _ROLE_CAPTION.match(text)
    return m.end() if m else None


def caption_words(text: str) -> str:
    """The caption of a byline without the name and dates on its line ("Typed by Petrova on
    4/7/53" is typed by), which say nothing of what the signer did."""
    end = caption_end(text)
    return text[:end] if end is not None else text


SIGNATURE_MARK = pattern_cache.compile(
    r"\[\[?(?:signature|illegible signature|signed)\]\]?", re.IGNORECASE
)


def has_signature(text: str) -> bool:
    """Holds a signature mark ("Ivanov [signature]")."""
    return bool(SIGNATURE_MARK.search(text))


# The label before a signer's name: "Signed: N. Ivanov", "(signed) Ivanov", "Sgd. Ivanov",
# or a line of its own above the name ("Signed").
_SIGNED_LABEL = pattern_cache.compile(
    r"^(?:signed\s*:|signed\s*$|\(signed\)|/signed/|sgd\.|sd\.)\s*", re.IGNORECASE
)
# A name between slashes, typed under a signature: "/A. PUZANOV/".
_SLASHED = pattern_cache.compile(r"(?<![\w/])/\s*([^\W\d_][^/\d]{0,38}?)\s*/(?![\w/])")
# A sender's line set between dashes: "– 123 chargé d'affaires –", "— Kádas —".
_DASHED = pattern_cache.compile(r"^(?:--|[–—-])\s*([^\s–—-].{0,58}?)\s*(?:--|[–—-])$")
# A word printed letter-spaced: "G R O M Y K O".
_LETTER_SPACED = pattern_cache.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_]){2,}(?!\S)")
_INITIALS_SURNAME = pattern_cache.compile(rf"(?:\b{INITIAL}\s*){{1,3}}{UPPER}[\w'’-]+$")
_WORD = pattern_cache.compile(r"\S+")
# A signature line is short: longer lines are sentences that mention a signature.
_SIGNATURE_LINE = 80
_SIGNATURE_WORDS = 10
_DASHED_WORDS = 6


def signed_label_end(text: str) -> int | None:
    """End of the label before a signer's name ("Signed: "), spaces included."""
    m = _SIGNED_LABEL.match(text)
    return m.end() if m and m.end() < len(text) else None


def is_signed_label(text: str) -> bool:
    """A line that is only the label of a signature ("Signed", "Signed:", "(signed)"): the
    name stands on the next line, and the label is no name."""
    m = _SIGNED_LABEL.match(text.strip())
    return m is not None and m.end() == len(text.strip())


def slashed_name(text: str) -> tuple[int, int] | None:
    """The span of a name typed between slashes ("/A. PUZANOV/"), without the slashes."""
    m = _SLASHED.search(text)
    if m is None or not all(w[:1].isupper() for w in m.group(1).split()):
        return None
    return m.span(1)


def dashed_line(text: str) -> tuple[int, int] | None:
    """The span inside a line set between dashes ("– 123 chargé d'affaires –"): a few words
    with a letter among them, not a phrase of dialogue ("– Yes, we agree –")."""
    m = _DASHED.match(text)
    inner = m.group(1) if m else ""
    if not any(c.isalpha() for c in inner) or len(inner.split()) > _DASHED_WORDS:
        return None
    if any(c in inner for c in ",.;:!?"):
        return None
    return m.span(1) if m else None


def letter_spaced(text: str) -> tuple[int, int] | None:
    """The span of the first word printed letter-spaced ("G R O M Y K O")."""
    m = _LETTER_SPACED.search(text)
    return m.span() if m and m.group()[:1].isupper() else None


def is_signature_line(text: str) -> bool:
    """A line that signs a document: a signature mark, a name between slashes, a "Signed:"
    label, or a sender set between dashes; short, and not a sentence. (A letter-spaced word
    alone is not one: letterheads and classifications are spaced out too.)"""
    if len(text) > _SIGNATURE_LINE:
        return False
    if dashed_line(text) is not None:
        return True
    if not (
        SIGNATURE_MARK.search(text) or slashed_name(text) or signed_label_end(text) is not None
    ):
        return False
    rest = SIGNATURE_MARK.sub(" ", text).strip()
    if len(rest.split()) > _SIGNATURE_WORDS:
        return False
    return not rest.endswith((".", "?", "!")) or bool(
        _INITIALS_SURNAME.search(rest) or ends_with_initial(rest)
    )


def signs_by_name(text: str) -> bool:
    """A signature line that names its signer or office on the line, not a bare signature
    mark ("[signature]  N. ZAKHAROV", not "[signature]")."""
    if not is_signature_line(text):
        return False
    if dashed_line(text) is not None:
        return True
    rest = _SIGNED_LABEL.sub("", SIGNATURE_MARK.sub(" ", text))
    return any(word.strip("/")[:1].isupper() for word in rest.split())


def signature_date(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A signature and a date on one line ("[signature] N. ZAKHAROV 25 April 1969", "12 May
    1957 /V. IVANOV/"): the spans of the signature and of the date, else None."""
    if len(text) > _SIGNATURE_LINE + 20 or not any(c.isdigit() for c in text):
        return None
    words = [m.span() for m in _WORD.finditer(text)]
    for k in range(1, len(words)):
        head, tail = (words[0][0], words[k - 1][1]), (words[k][0], words[-1][1])
        if is_date_only(text[tail[0] : tail[1]]) and _signs(text[head[0] : head[1]]):
            return head, tail
        if is_date_only(text[head[0] : head[1]]) and _signs(text[tail[0] : tail[1]]):
            return tail, head
    return None


def _signs(text: str) -> bool:
    """A signature line, a letter-spaced name alone ("G R O M Y K O"), or initials and a
    surname in capitals ("N. ZAKHAROV")."""
    if is_signature_line(text) or letter_spaced(text) == (0, len(text)):
        return True
    found = _INITIALS_SURNAME.search(text)
    return len(text.split()) <= 4 and found is not None and is_upper(found.group())


@dataclass(frozen=True, slots=True)
class Credit:
    """A line that says who interpreted or recorded a conversation: the role (``interpreter``
    or ``recorder``) and the span of the words naming the person (an office may lead them:
    "Attaché Kim Chol")."""

    role: str
    name: tuple[int, int]


# The role first, then the person: "Interpreter: Kim Chol", "Recorded by V. Pelishenko".
_CREDIT_BEFORE = pattern_cache.compile(
    r"^(?:(?P<interpreter>interpreters?\s*:|interpret(?:ed|ing|ation)\s+by\s*:?|"
    r"(?:the\s+)?(?:conversation|talks?|meeting)\s+(?:was|were)\s+(?:interpreted|translated)"
    r"\s+by)|(?P<recorder>recorders?\s*:|recorded\s+by\s*:?|(?:the\s+)?record\s+(?:was\s+)?"
    r"(?:made|taken|kept|drawn\s+up)\s+by\s*:?|minutes\s+(?:were\s+)?(?:taken|recorded|kept)"
    r"\s+by\s*:?|(?:the\s+)?(?:conversation|talks?|meeting)\s+(?:was|were)\s+recorded\s+by))"
    r"\s*(?P<name>\S.*?)\.?$",
    re.IGNORECASE,
)
# The person first, then the role: "Attaché Kim Chol translated the conversation."
_CREDIT_AFTER = pattern_cache.compile(
    r"^(?P<name>\S.*?)\s+(?:(?P<interpreter>(?:translated|interpreted)(?:\s+(?:the|this)\s+"
    r"(?:conversation|talks?|meeting))?|acted\s+as\s+(?:the\s+)?(?:interpreter|translator))|"
    r"(?P<recorder>recorded\s+(?:the|this)\s+(?:conversation|talks?|meeting)|"
    r"(?:took|kept)\s+the\s+(?:minutes|record)))\.?$",
    re.IGNORECASE,
)
_CREDIT_WORDS = 8
# Lower-case words that may stand in the words naming a person ("Embassy attaché I. Sergeev").
_NAME_PARTICLES = frozenset(word for word in OFFICE_WORDS if " " not in word) | {"of", "the", "and"}
_NOT_A_NAME = frozenset(
    "the this that these he she they we i it his her their our after then".split()
)


def credit(text: str) -> Credit | None:
    """Who interpreted or recorded the conversation, when the line says only that."""
    if len(text) > 120:
        return None
    for pattern in (_CREDIT_BEFORE, _CREDIT_AFTER):
        m = pattern.match(text)
        if m is None:
            continue
        if not _names_a_person(m.group("name")):
            return None
        role = "interpreter" if m.group("interpreter") else "recorder"
        return Credit(role, m.span("name"))
    return None


def _names_a_person(words: str) -> bool:
    """A few words that can name a person: capitalised (in brackets too), initials, an office
    word, "of the", "and";
    not a pronoun or a determiner first ("He translated the conversation")."""
    found = words.split()
    if not found or len(found) > _CREDIT_WORDS or found[0].lower() in _NOT_A_NAME:
        return False
    return found[0].lstrip("([")[:1].isupper() and all(
        word.lstrip("([")[:1].isupper() or word.lower() in _NAME_PARTICLES for word in found
    )


_OFFICE = pattern_cache.compile(rf"\b(?:{alternation(OFFICE_WORDS)})\b", re.IGNORECASE)
_OFFICE_LINE_WORDS = 8


def opens_with_office(text: str) -> bool:
    """A line whose first words name an office ("Deputy Head of the Department …")."""
    return text[:1].isupper() and _OFFICE.match(text) is not None


def is_office_line(text: str) -> bool:
    """A short line naming an office, as under a signer's name ("Chargé d'Affaires ad
    interim", "Deputy Assistant Under-Secretary"): capitalised, and not a sentence."""
    if len(text.split()) > _OFFICE_LINE_WORDS or text.endswith((".", ":", ";", "?", "!", ",")):
        return False
    if not text[:1].isupper():
        return False
    return bool(_OFFICE.search(text))
