"""The parts of a letter and of its signing: salutes, signatures and the captions that name who
translated or recorded a document."""

from __future__ import annotations

import re

_SALUTE_OPEN = re.compile(
    r"^(?:dear|respected|esteemed|deeply\s+respected|much\s+esteemed)\b.{0,80}[!,:]$|"
    r"^comrades?(?:\s+[\w.'-]+){0,4}!$",
    re.IGNORECASE,
)
_SALUTE_CLOSE = re.compile(
    r"^(?:with\s+(?:communist|comradely|fraternal|best|deep|sincere|warm)\s+"
    r"(?:greetings|regards|respect|wishes)|with\s+(?:respect|greetings)|respectfully(?:\s+yours)?|"
    r"sincerely(?:\s+yours)?|yours\s+(?:sincerely|faithfully|truly))\b.{0,40}[,.!]?$",
    re.IGNORECASE,
)


def is_opening_salute(text: str) -> bool:
    return bool(_SALUTE_OPEN.match(text))


def is_closing_salute(text: str) -> bool:
    return bool(_SALUTE_CLOSE.match(text))


_CAPTION = re.compile(
    r"^(?P<caption>(?:translated|recorded|compiled|prepared|typed|minutes\s+taken|drafted)"
    r"(?:\s+from\s+(?:the\s+)?[A-Z]\w+)?(?:\s+into\s+\w+)?\s*(?:\[by\]|by)\s*:?)",
    re.IGNORECASE,
)
_ROLE_CAPTION = re.compile(r"^(?:translators?|interpreters?|recorders?)\s*:", re.IGNORECASE)


def caption_end(text: str) -> int | None:
    """End of a responsibility caption ("Translated [by]:", "Recorded by", "Translator:")."""
    m = _CAPTION.match(text)
    if m:
        return m.end("caption")
    m = _ROLE_CAPTION.match(text)
    return m.end() if m else None


SIGNATURE_MARK = re.compile(r"\[\[?(?:signature|illegible signature|signed)\]\]?", re.IGNORECASE)


def has_signature(text: str) -> bool:
    """Holds a signature mark ("Ivanov [signature]")."""
    return bool(SIGNATURE_MARK.search(text))
