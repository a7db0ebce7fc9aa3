"""What the recognisers say about one cell's text, asked at most once.

Every cell carries one :class:`Features` record. A verdict is computed the first time a rule
reads it and kept from then on, so the front, body and back read the same answers and no region
asks a recogniser again; a record cannot be changed once made. Most paragraphs are only ever
asked a few questions, which is why the verdicts are not all computed up front.

The first verdicts are the recognisers' own (``patterns``); the shapes after them
(``starts_body``, ``opener_line``, ``closer_line``...) combine several verdicts into what a
region asks about a line. All of them read the text only: position and neighbours are the
rules' business.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from . import patterns as pat

T = TypeVar("T")

# Field names that open a letter or a telegram as part of its address block.
_OPENER_FIELDS = frozenset({"from", "to", "addressee", "copy to", "date", "date and time"})
_DATE_FIELDS = frozenset({"date", "date and time"})


class _Kept(Generic[T]):
    """A value computed on first read and then kept in the instance.

    What ``functools.cached_property`` does, without the lock that Python 3.11 takes on every
    first read: the reader makes thousands of cells per document, each asked several questions.
    """

    def __init__(self, compute: Callable[[Any], T], *, of_text: bool) -> None:
        self.compute = compute
        self.of_text = of_text  # ``compute`` reads the text, not the whole record
        self.name = ""
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Kept[T]: ...

    @overload
    def __get__(self, instance: Features, owner: type | None = None) -> T: ...

    def __get__(self, instance: Features | None, owner: type | None = None) -> T | _Kept[T]:
        if instance is None:
            return self
        value = self.compute(instance.text if self.of_text else instance)
        # A frozen dataclass refuses attribute assignment; its __dict__ takes the kept value.
        instance.__dict__[self.name] = value
        return value


def verdict(recogniser: Callable[[str], T]) -> _Kept[T]:
    """What ``recogniser`` says about the text."""
    return _Kept(recogniser, of_text=True)


def shape(method: Callable[[Features], T]) -> _Kept[T]:
    """A verdict made of other verdicts."""
    return _Kept(method, of_text=False)


@dataclass(frozen=True)
class Features:
    """The recognisers' verdicts on ``text``: each one computed on first read."""

    text: str

    # Each recogniser's answer, under the name the rules read it by.
    marking = verdict(pat.marking)
    page_number = verdict(pat.page_number)
    banner = verdict(pat.is_banner)
    bracketed = verdict(pat.is_bracketed_line)
    omission = verdict(pat.is_omission_line)
    separator = verdict(pat.is_separator)
    date_only = verdict(pat.is_date_only)
    time_only = verdict(pat.is_time_only)
    dateline = verdict(pat.dateline_place)  # the span of the place, or None
    section = verdict(pat.section_heading)
    ordinal = verdict(pat.ordinal_label)
    numbered = verdict(pat.numbered_label)
    numbered_heading = verdict(pat.numbered_heading)
    number_label = verdict(pat.number_label_end)
    point = verdict(pat.point_label)
    item_label = verdict(pat.item_label_end)
    field = verdict(pat.field_label)
    participants = verdict(pat.participants_label_end)
    participant_line = verdict(pat.is_participant_line)
    labelled = verdict(pat.opens_with_label)
    addressee = verdict(pat.is_addressee_line)
    opening_salute = verdict(pat.is_opening_salute)
    closing_salute = verdict(pat.is_closing_salute)
    caption = verdict(pat.caption_end)
    signature = verdict(pat.has_signature)
    signature_line = verdict(pat.is_signature_line)
    signs_by_name = verdict(pat.signs_by_name)
    office = verdict(pat.is_office_line)
    credit = verdict(pat.credit)
    distribution = verdict(pat.distribution)
    copy_label = verdict(pat.copy_label_end)
    note_line = verdict(pat.note_line)
    title_like = verdict(pat.looks_like_title)
    kind_title = verdict(pat.names_a_kind)
    title_fragment = verdict(pat.is_title_fragment)
    document_number = verdict(pat.is_document_number)
    number_sign = verdict(pat.has_number_sign)
    institution = verdict(pat.is_institution_line)
    genre = verdict(pat.genre_of)
    journal_byline = verdict(pat.journal_byline_end)
    upper = verdict(pat.is_upper)

    @property
    def field_name(self) -> str | None:
        return self.field[0] if self.field else None

    @property
    def lowercase(self) -> bool:
        """Starts with a lower-case letter: it continues what came before."""
        return self.text[:1].islower()

    # --- shapes ------------------------------------------------------------------------------

    @shape
    def starts_body(self) -> bool:
        """A line that only the body holds: a heading, a field, a participants caption, a
        salute or a dateline. The title block ends before it."""
        return bool(
            self.section
            or self.field
            or self.participants is not None
            or self.opening_salute
            or self.dateline
        )

    @shape
    def subtitle_line(self) -> bool:
        """A line that can follow a title: not the body's, and not a finished sentence."""
        if len(self.text) > 300 or self.starts_body:
            return False
        return self.lowercase or not pat.ends_with_stop(self.text)

    @shape
    def letterhead_line(self) -> bool:
        """A short capitalised line above a title ("Embassy of the GDR in the DPRK"), or a
        place-and-date line."""
        if self.dateline or self.date_only:
            return True
        if len(self.text) > 150 or pat.ends_with_stop(self.text) or self.starts_body:
            return False
        return self.text[:1].isupper()

    @shape
    def opener_line(self) -> bool:
        """A line of a letter's opening: an address field, an addressee, a dateline, a date
        or a salute."""
        if self.field_name in _OPENER_FIELDS or self.addressee:
            return True
        return bool(self.dateline or self.date_only or self.opening_salute)

    @shape
    def list_line(self) -> bool:
        """A line that can be an item under a list's caption: numbered, or short and not a
        sentence, a caption or a marking ("1. Cde. N. S. Khrushchev", "File")."""
        if self.marking or self.date_only:
            return False
        if self.copy_label is not None:
            return True
        text = self.text
        if len(text) > 60 or text.endswith(":"):
            return False
        return not pat.ends_with_stop(text) or pat.ends_with_initial(text) or len(text.split()) <= 3

    @property
    def date_field(self) -> bool:
        """A "Date:" field."""
        return self.field_name in _DATE_FIELDS

    @shape
    def closer_line(self) -> bool:
        """A line that can sign a document off: a salute, a signature, who interpreted or
        recorded the conversation, a date, or a short name or office ("CHAIRMAN OF THE KWP CC
        KIM IL SUNG", "Chargé d'Affaires ad interim")."""
        text = self.text
        if len(text) > 140 or self.section:
            return False
        if self.credit:  # "Recorded by: …" is a field too
            return True
        if self.field:
            return False
        if self.closing_salute or self.signature or self.signature_line or self.office:
            return True
        if self.dateline or self.date_only or self.time_only:
            return True
        if pat.ends_with_punctuation(text) and not pat.ends_with_initial(text):
            return False
        if self.upper:
            return True
        words = text.split()
        capitalised = sum(1 for w in words if w[:1].isupper())
        return len(words) <= 10 and capitalised >= max(1, len(words) // 2)
