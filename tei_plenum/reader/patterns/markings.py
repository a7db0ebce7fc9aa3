"""Markings: the docket and registry lines around a document's text (classification, copy and
registration numbers, handling instructions, print runs, typists, page numbers) and the
archive's banner line above them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...vocabulary import MarkingType
from .numbers import number_value

_NO = r"(?:N[º°o]\.?|No\.?|Nr\.?|№|#)"


@dataclass(frozen=True, slots=True)
class Marking:
    """A docket or registry marking: its ``fw/@type`` and the span of its number, if any."""

    type: MarkingType
    number: tuple[int, int] | None = None
    value: str | None = None


_CLASSIFICATION = re.compile(
    r"^(?:top\s+secret|secret|confidential|strictly\s+confidential|strictly\s+secret|"
    r"(?:top\s+secret\s*[-–—,]?\s*)?special\s+(?:file|folder|dossier)|"
    r"for\s+official\s+use(?:\s+only)?|not\s+for\s+publication|restricted|"
    r"(?:top\s+secret\s*[-–—,]?\s*)?(?:of\s+)?special\s+importance)\.?$",
    re.IGNORECASE,
)
_COPY_NUMBER = re.compile(rf"^(?:copy|ex\.|exemplar|exp\.)\s+{_NO}\s*(\d+)\.?$", re.IGNORECASE)
# A telegram's priority printed on its own line ("URGENT", "Very urgent", "Priority").
_PRIORITY = re.compile(r"^(?:very\s+)?(?:urgent|immediate|priority|flash)\.?$", re.IGNORECASE)
_TRANSLATION_NOTE = re.compile(
    r"^(?:translation|translated)\s+from\s+(?:the\s+)?[A-Z][a-z]+", re.IGNORECASE
)
_TELEGRAM = re.compile(
    rf"^(?:(?:ciphered|cipher|coded|secret|urgent|special)\s+)*(?:telegram|cable|ciphergram)"
    rf"\s+{_NO}\s*(\d[\w/.-]*)\.?$",
    re.IGNORECASE,
)
# A handling instruction forbids or requires something; the bare words "copying" or
# "duplicate" in a short sentence of the body are not one.
_HANDLING = re.compile(
    r"\b(?:(?:making|taking|make)\s+(?:of\s+)?cop(?:y|ies)|copying|reproduction|duplication)"
    r"(?:\s+(?:is|are))?\s+(?:(?:strictly\s+)?(?:forbidden|prohibited)|not\s+(?:allowed|permitted))"
    r"|\b(?:do\s+not|not\s+to\s+be)\s+(?:cop(?:y|ied)|reproduced?|duplicated?)\b"
    r"|\bnot\s+for\s+(?:reproduction|duplication|copying)\b"
    r"|^(?:to|must)\s+be\s+returned\b|^return\s+within\b",
    re.IGNORECASE,
)
_REGISTRATION = re.compile(
    rf"^(?:(?:reg(?:istration|\.)?|outgoing|incoming|out\.|inc\.|ref\.)\s*)*{_NO}\s*"
    r"(\d[\w/.-]*)\.?$",
    re.IGNORECASE,
)
_PRINT_RUN = re.compile(
    r"^(?:(?P<n1>\w+)\s+cop(?:y|ies)(?:\s+(?:were\s+)?(?:printed|made|typed|prepared))?|"
    r"printed\s+in\s+(?P<n2>\w+)\s+cop(?:y|ies))\.?$",
    re.IGNORECASE,
)
_TYPIST = re.compile(
    r"^(?:printed|typed|typist|prepared|executed|ex\.|exec\.)\b.{0,20}$|"
    r"^\S{0,12}\b[a-z]{1,3}/[a-z]{1,3}\b\S{0,8}$",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(r"^(?:-\s*(\d{1,3})\s*-|\[?page\s+(\d{1,3})\]?)$", re.IGNORECASE)
# The archive's own banner line ("Wilson Center Digital Archive Translation - English").
_BANNER = re.compile(r"\b(?:digital\s+archive|archive|translation\s*-\s*english)\b", re.I)


def marking(text: str) -> Marking | None:
    """Classify a docket or registry line, or return None if it is not a marking."""
    if len(text) > 100:
        return None
    if _CLASSIFICATION.match(text):
        return Marking(MarkingType.CLASSIFICATION)
    if m := _COPY_NUMBER.match(text):
        return Marking(MarkingType.COPY_NUMBER, m.span(1), m.group(1))
    if m := _TELEGRAM.match(text):
        return Marking(MarkingType.TELEGRAM_NUMBER, m.span(1), m.group(1))
    if _TRANSLATION_NOTE.match(text) and len(text) < 80:
        return Marking(MarkingType.TRANSLATION_NOTE)
    if m := _REGISTRATION.match(text):
        return Marking(MarkingType.REGISTRATION, m.span(1), m.group(1))
    if m := _PRINT_RUN.match(text):
        group = "n1" if m.group("n1") else "n2"
        value = number_value(m.group(group))
        if value is not None:
            return Marking(MarkingType.PRINT_RUN, m.span(group), str(value))
    if _HANDLING.search(text) and len(text) < 80:
        return Marking(MarkingType.HANDLING)
    if _TYPIST.match(text):
        return Marking(MarkingType.TYPIST)
    if _PRIORITY.match(text):
        return Marking(MarkingType.MARKING)
    return None


def page_number(text: str) -> int | None:
    """The number of a printed page-number line ("- 2 -", "Page 2", "[Page 2]")."""
    m = _PAGE_NUMBER.match(text)
    if m is None:
        return None
    return int(m.group(1) or m.group(2))


def is_banner(text: str) -> bool:
    """A line naming the archive or the English translation it publishes."""
    return bool(_BANNER.search(text))
