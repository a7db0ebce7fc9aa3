"""Every regular expression of the reader, and the line recognisers built on them.

A recogniser looks at one block's text only (never at other blocks) and returns a verdict or
``None``. The classifier's regions do not call them: ``features.py`` asks each at most once per
cell, and the regions' rules read its answers, adding position and context. Keeping the
recognisers here, data-driven and free of document-specific strings, is what lets the reader
handle documents it has never seen.

One module per concern: ``markings`` (docket and registry lines), ``headings`` (sections,
ordinals, points, labels), ``dates``, ``fields`` (labelled lines, participants, addressees),
``letter`` (salutes, signatures, captions), ``notes`` (the edition's notes after the text),
``titles`` (genres, title lines, bylines),
``speakers`` (speaker labels, reported clauses, short forms; the speakers enricher reads them
too), ``numbers`` and ``characters`` (whitespace, brackets, separators, line-end punctuation).
"""

from __future__ import annotations

from ...letters import is_upper
from .characters import (
    ends_with_initial,
    ends_with_punctuation,
    ends_with_stop,
    is_bracketed_line,
    is_omission,
    is_omission_line,
    is_separator,
)
from .dates import dateline_place, is_date_only, is_time_only
from .fields import (
    field_label,
    is_addressee_line,
    is_participant_line,
    opens_with_label,
    participants_label_end,
)
from .headings import (
    Section,
    item_label_end,
    number_label_end,
    numbered_heading,
    numbered_label,
    ordinal_label,
    point_label,
    section_heading,
)
from .letter import (
    SIGNATURE_MARK,
    Credit,
    caption_end,
    caption_words,
    credit,
    dashed_line,
    has_signature,
    is_addressed_colon,
    is_closing_salute,
    is_office_line,
    is_opening_salute,
    is_signature_line,
    is_signed_label,
    letter_spaced,
    opens_with_office,
    signature_date,
    signed_label_end,
    signs_by_name,
    slashed_name,
)
from .markings import (
    Distribution,
    Marking,
    copy_label_end,
    distribution,
    is_banner,
    marking,
    marking_parts,
    page_number,
    print_run_end,
)
from .notes import NoteLine, note_line
from .numbers import ORDINALS, WORD_NUMBERS, has_number_sign, number_value, roman_value
from .titles import (
    GENRES,
    TURN_GENRES,
    genre_of,
    is_document_number,
    is_institution_line,
    is_title_fragment,
    journal_byline_end,
    looks_like_title,
    names_a_kind,
    unspaced,
)

__all__ = [
    "GENRES",
    "ORDINALS",
    "SIGNATURE_MARK",
    "TURN_GENRES",
    "WORD_NUMBERS",
    "Credit",
    "Distribution",
    "Marking",
    "NoteLine",
    "Section",
    "caption_end",
    "caption_words",
    "copy_label_end",
    "credit",
    "dashed_line",
    "dateline_place",
    "distribution",
    "ends_with_initial",
    "ends_with_punctuation",
    "ends_with_stop",
    "field_label",
    "genre_of",
    "has_number_sign",
    "has_signature",
    "is_addressed_colon",
    "is_addressee_line",
    "is_banner",
    "is_bracketed_line",
    "is_closing_salute",
    "is_date_only",
    "is_document_number",
    "is_institution_line",
    "is_office_line",
    "is_omission",
    "is_omission_line",
    "is_opening_salute",
    "is_participant_line",
    "is_separator",
    "is_signature_line",
    "is_signed_label",
    "is_time_only",
    "is_title_fragment",
    "is_upper",
    "item_label_end",
    "journal_byline_end",
    "letter_spaced",
    "looks_like_title",
    "marking",
    "marking_parts",
    "names_a_kind",
    "note_line",
    "number_label_end",
    "number_value",
    "numbered_heading",
    "numbered_label",
    "opens_with_label",
    "opens_with_office",
    "ordinal_label",
    "page_number",
    "participants_label_end",
    "point_label",
    "print_run_end",
    "roman_value",
    "section_heading",
    "signature_date",
    "signed_label_end",
    "signs_by_name",
    "slashed_name",
    "unspaced",
]
