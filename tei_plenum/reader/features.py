"""What the recognisers say about one cell's text, asked at most once.

Every cell carries one :class:`Features` record. A verdict is computed the first time a rule
reads it and kept from then on, so the front, body and back read the same answers and no region
asks a recogniser again; a record cannot be changed once made. Most documents' paragraphs are
only ever asked a few questions, which is why the verdicts are not all computed up front.

The shapes at the end (``starts_body``, ``opener_line``, ``closer_line``...) combine several
verdicts into what a region asks about a line; they are text-only too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar, overload

from . import patterns as pat

T = TypeVar("T")

# Field names that open a letter or a telegram as part of its address block.
_OPENER_FIELDS = frozenset({"from", "to", "addressee", "copy to", "date", "date and time"})
_DATE_FIELDS = frozenset({"date", "date and time"})


class verdict(Generic[T]):
    """A property computed on first read and then kept in the instance.

    What ``functools.cached_property`` does, without the lock that Python 3.11 takes on every
    first read: the reader makes thousands of cells per document, each asked several questions.
    """

    def __init__(self, compute: Callable[[Features], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> verdict[T]: ...

    @overload
    def __get__(self, instance: Features, owner: type | None = None) -> T: ...

    def __get__(self, instance: Features | None, owner: type | None = None) -> T | verdict[T]:
        if instance is None:
            return self
        value = self.compute(instance)
        # A frozen dataclass refuses attribute assignment; its __dict__ takes the kept value.
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Features:
    """The recognisers' verdicts on ``text``: each one computed on first read."""

    text: str

    # --- markings and furniture --------------------------------------------------------------

    @verdict
    def marking(self) -> pat.Marking | None:
        """A docket or registry marking and its type."""
        return pat.marking(self.text)

    @verdict
    def page_number(self) -> int | None:
        """A printed page number ("- 2 -")."""
        return pat.page_number(self.text)

    @verdict
    def banner(self) -> bool:
        """The archive's banner line."""
        return pat.is_banner(self.text)

    @verdict
    def bracketed(self) -> bool:
        """Wholly one bracketed description ("[stamp: ...]")."""
        return pat.is_bracketed_line(self.text)

    @verdict
    def separator(self) -> bool:
        """A separator line ("xxx", "* * *")."""
        return pat.is_separator(self.text)

    # --- dates -------------------------------------------------------------------------------

    @verdict
    def date_only(self) -> bool:
        """Nothing but a date."""
        return pat.is_date_only(self.text)

    @verdict
    def dateline(self) -> tuple[int, int] | None:
        """A place-and-date line: the span of the place."""
        return pat.dateline_place(self.text)

    # --- headings and labels -----------------------------------------------------------------

    @verdict
    def section(self) -> pat.Section | None:
        """A section heading ("II.", "2. Economy")."""
        return pat.section_heading(self.text)

    @verdict
    def ordinal(self) -> tuple[int, int] | None:
        """An ordinal paragraph's number and label end ("First.")."""
        return pat.ordinal_label(self.text)

    @verdict
    def numbered(self) -> tuple[str, int] | None:
        """A numbered paragraph's number and label end ("1. ...")."""
        return pat.numbered_label(self.text)

    @verdict
    def number_label(self) -> int | None:
        """End of a number opening the line ("1. ", "2) ")."""
        return pat.number_label_end(self.text)

    @verdict
    def point(self) -> tuple[str, int] | None:
        """A lettered or numbered point's value and label end ("a)", "(b)", "3)")."""
        return pat.point_label(self.text)

    @verdict
    def item_label(self) -> int | None:
        """End of an enumeration item's label ("in the chemical industry:")."""
        return pat.item_label_end(self.text)

    # --- fields and letters ------------------------------------------------------------------

    @verdict
    def field(self) -> tuple[str, int] | None:
        """A field line's normalised name and label end ("To: ...")."""
        return pat.field_label(self.text)

    @property
    def field_name(self) -> str | None:
        return self.field[0] if self.field else None

    @verdict
    def participants(self) -> int | None:
        """End of a participants caption ("Present at the conversation:")."""
        return pat.participants_label_end(self.text)

    @verdict
    def participant_line(self) -> bool:
        """Could be a line of names under a participants caption."""
        return pat.is_participant_line(self.text)

    @verdict
    def addressee(self) -> bool:
        """An addressee line ("To Comrade N. T. Fedorenko.")."""
        return pat.is_addressee_line(self.text)

    @verdict
    def opening_salute(self) -> bool:
        return pat.is_opening_salute(self.text)

    @verdict
    def closing_salute(self) -> bool:
        return pat.is_closing_salute(self.text)

    @verdict
    def caption(self) -> int | None:
        """End of a responsibility caption ("Translated [by]:")."""
        return pat.caption_end(self.text)

    @verdict
    def signature(self) -> bool:
        """Holds a signature mark ("[signature]")."""
        return bool(pat.SIGNATURE_MARK.search(self.text))

    # --- titles ------------------------------------------------------------------------------

    @verdict
    def title_like(self) -> bool:
        """Printed in capitals or opening with a document-kind word."""
        return pat.looks_like_title(self.text)

    @verdict
    def genre(self) -> str | None:
        """The document kind the line names."""
        return pat.genre_of(self.text)

    @verdict
    def journal_byline(self) -> int | None:
        """End of a journal's byline caption ("From the journal of")."""
        return pat.journal_byline_end(self.text)

    @verdict
    def upper(self) -> bool:
        """Printed in capitals."""
        return pat.is_upper(self.text)

    @property
    def lowercase(self) -> bool:
        """Starts with a lower-case letter: it continues what came before."""
        return self.text[:1].islower()

    # --- shapes ------------------------------------------------------------------------------

    @verdict
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

    @verdict
    def subtitle_line(self) -> bool:
        """A line that can follow a title: not the body's, and not a finished sentence."""
        if len(self.text) > 300 or self.starts_body:
            return False
        return self.lowercase or not pat.ends_with_stop(self.text)

    @verdict
    def letterhead_line(self) -> bool:
        """A short capitalised line above a title ("Embassy of the GDR in the DPRK"), or a
        place-and-date line."""
        if self.dateline or self.date_only:
            return True
        if len(self.text) > 150 or pat.ends_with_stop(self.text) or self.starts_body:
            return False
        return self.text[:1].isupper()

    @verdict
    def opener_line(self) -> bool:
        """A line of a letter's opening: an address field, an addressee, a dateline, a date
        or a salute."""
        if self.field_name in _OPENER_FIELDS or self.addressee:
            return True
        return bool(self.dateline or self.date_only or self.opening_salute)

    @property
    def date_field(self) -> bool:
        """A "Date:" field."""
        return self.field_name in _DATE_FIELDS

    @verdict
    def closer_line(self) -> bool:
        """A line that can sign a document off: a salute, a signature, a date, or a short
        name or office ("CHAIRMAN OF THE KWP CC KIM IL SUNG")."""
        text = self.text
        if len(text) > 140 or self.section or self.field:
            return False
        if self.closing_salute or self.signature:
            return True
        if self.dateline or self.date_only:
            return True
        if pat.ends_with_punctuation(text) and not pat.ends_with_initial(text):
            return False
        if self.upper:
            return True
        words = text.split()
        capitalised = sum(1 for w in words if w[:1].isupper())
        return len(words) <= 10 and capitalised >= max(1, len(words) // 2)
