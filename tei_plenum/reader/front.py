"""The front: the archive's cover, banner, docket, letterhead, journal byline and the title
block (guide §6).

The front is read in steps, each from where the one before stopped: the archive's cover
(``COVER_RULES``: the export's cover block or the web page's date and title lines, into
``div[@type="archiveCover"]``), the banner (the first line only), then what stands above the
title, then the title block (``TITLE_RULES``). The front ends at the first cell no row claims,
or that a row ends it at.

What stands above the title is found from the title itself: when a line naming the
document's kind ("RECORD OF A CONVERSATION", "The Journal of …", "Extract Minutes from
Protocol …"), or else a title that lost its first word ("of official negotiations between
…"), stands within a few lines under nothing but docket, letterhead, date and routing lines,
every line above it is claimed by ``ABOVE_TITLE_RULES``: stamps, numbers, dates on the docket,
routing notes and letterhead lines are never the title. Without such a title, the docket
(``DOCKET_RULES``) and a letterhead above a title a few blocks on (``LETTERHEAD_RULES``) are
read as they come.

TEI allows only divisions, title pages and furniture after the archive's cover division, so
there a byline joins the title page and a letterhead's dateline its own ``div``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import Container, Mark, Role, attrs
from ..vocabulary import ARCHIVE_DATE, ARCHIVE_TITLE, DivType, Element, MarkingType, Place
from . import patterns as pat
from . import rules
from .cells import Cell
from .patterns import cover as cover_patterns
from .rules import Claim, Rule, claim_run, first_rule

FRONT = Container(Element.FRONT, Element.FRONT)
ARCHIVE_COVER = Container("archiveCover", "div", (("type", "archiveCover"),))
LETTERHEAD = Container("letterhead", "div", (("type", "letterhead"),))
# An omission mark among the front's lines: a paragraph in a division of its own, which TEI
# allows anywhere in front (a paragraph may not follow the archive's cover division).
OMISSION = Container("omission", "div", (("type", DivType.OMISSION),))
# The cover's title and date carry ids: the header points to them when it uses them.
_COVER_IDS = {"title": ARCHIVE_TITLE, "date": ARCHIVE_DATE}
TITLE_PAGE = Container(Element.TITLE_PAGE, Element.TITLE_PAGE)
DOC_TITLE = Container(Element.DOC_TITLE, Element.DOC_TITLE)
# How far a letterhead may stand above its title, in blocks.
_LETTERHEAD_REACH = 6
# How far a title may stand under docket and letterhead lines, in blocks.
_TITLE_REACH = 14
# Words that open an address or a greeting, never a subject line.
_ADDRESS_WORDS = frozenset(
    "Dear Esteemed Respected Comrade Comrades Cde. Cdes. To Mr. Mrs. Sir Madam".split()
)
# Markings whose number makes a date under them the docket's, not the document's.
_NUMBERED_MARKINGS = frozenset({"copyNumber", "registration", "telegramNumber"})


class FrontState(NamedTuple):
    """What the front has seen so far."""

    seen_title: bool = False
    seen_date: bool = False
    dated: bool = False  # the title page has a date (from the title block or the letterhead)
    journal: bool = False  # a title names a journal: its date lines head the entries
    open_title: bool = False  # the last line was a title line that a lower-case line continues
    bare_kind: bool = False  # the title so far is a kind word alone ("RESOLUTION")
    numbered: bool = False  # the last docket line was a number (a date under it is the docket's)
    routed: bool = False  # the last line above the title was a routing field ("TO: …")
    archive_title: str = ""  # the archive's title for the document, from its cover
    # The title is the archive's, printed again: it names no kind, so no line under it can be
    # told for a subtitle.
    reprinted: bool = False


@dataclass(frozen=True, slots=True)
class Front:
    """The front's cells and their claims (one each), and where the front ends in the input:
    its cells differ from the input's where a journal's byline took its owner's name in."""

    cells: tuple[Cell, ...]
    claims: tuple[Claim, ...]
    end: int


def read_front(cells: Sequence[Cell]) -> Front:
    """Claim the cover, banner, docket, letterhead and title block at the start of ``cells``."""
    cover, state = claim_run(COVER_RULES, cells, FrontState())
    taken: list[Cell] = list(cells[: len(cover)])
    claims: list[Claim] = list(cover)
    index = len(cover)
    if index < len(cells) and cells[index].features.banner and cells[index].span.line <= 2:
        taken.append(cells[index])
        claims.append(Claim(Role.BANNER, (FRONT,)))
        index += 1
    anchor = title_anchor(cells, index)
    table = ABOVE_TITLE_RULES if anchor is not None else DOCKET_RULES
    limit = anchor if anchor is not None else len(cells)
    while index < limit:
        cell, used = _with_owner(cells, index)
        rule = first_rule(table, cell, state)
        if rule is None or rule.then is None:
            break
        claim, state = rule.then(cell, state)
        taken.append(cell)
        claims.append(claim)
        index += used
    carried_on = anchor == index and _carries_on(taken[-1] if taken else None, cells[index])
    if carried_on:
        # The kind word ends the line above ("From PYONGYANG No. 412 14 hours 40" / "minutes,
        # 3.4.1952"): the end of a marking, not the title.
        taken.append(cells[index])
        claims.append(rules.marking(cells[index], (FRONT,), Place.TOP))
        index += 1
        found: list[Claim] = []
    elif anchor is not None and index == anchor:
        claim, state = _title(cells[index], state)
        taken.append(cells[index])
        claims.append(claim)
        index += 1
        found = []
    else:
        # The letterhead table claims every line it is given (its last row always holds).
        letterhead = _letterhead_length(cells, index)
        found, state = claim_run(LETTERHEAD_RULES, cells[index : index + letterhead], state)
    title_block, _ = claim_run(TITLE_RULES, cells[index + len(found) :], state)
    found += title_block
    taken.extend(cells[index : index + len(found)])
    claims.extend(found)
    end = index + len(found)
    # An omission mark that no line of the front follows stands for text of the body.
    released = _trailing_omissions(claims)
    if released:
        del taken[-released:], claims[-released:]
        end -= released
    if cover:
        claims = _after_cover(claims)
    return Front(tuple(taken), tuple(claims), end)


def _trailing_omissions(claims: Sequence[Claim]) -> int:
    """How many claims end the front that are omission marks or page breaks, when one of
    them is an omission mark; 0 otherwise."""
    count, omitted = 0, False
    for claim in reversed(claims):
        if claim.role is Role.PAGE_BREAK:
            count += 1
        elif claim.path[-1:] == (OMISSION,):
            count, omitted = count + 1, True
        else:
            break
    return count if omitted else 0


def title_anchor(cells: Sequence[Cell], start: int) -> int | None:
    """Where the title stands when only docket, letterhead, date and routing lines are above
    it: the first line within reach that names the document's kind; else the first title that
    lost its first word, or the first subject line right under a dateline; None when a line of
    text comes first."""
    weak = None
    previous: Cell | None = None
    seen = 0
    for index in range(start, len(cells)):
        cell = cells[index]
        if cell.page_break:
            continue
        if cell.features.kind_title and not _never_title(cell):
            return index
        if _numbered_title(cells, index):
            return index
        if weak is None and previous is not None and _weak_title(cell, previous):
            weak = index
        if seen >= _TITLE_REACH or not _above_title_line(cell):
            break
        previous = cell
        seen += 1
    return weak


def _carries_on(previous: Cell | None, cell: Cell) -> bool:
    """A line opening with a kind word in small letters under a line that stopped at a number
    carries that line on: "minutes, 3.4.1952" under "From PYONGYANG No. 412 14 hours 40"
    ends a time, and names no kind. (A title that lost its first words opens in small
    letters too, after a word: "Corrected text of a" / "telegram to …", or with no kind
    word: "of the talks between …".)"""
    return (
        previous is not None
        and not previous.page_break
        and cell.features.kind_title
        and cell.text[:1].islower()
        and previous.text.rstrip()[-1:].isdigit()
    )


def _numbered_title(cells: Sequence[Cell], index: int) -> bool:
    """A kind and a number that a lower-case line carries on ("MINUTES Nº 14" / "of the
    meeting of the Politburo …"): a title; alone, the same line is the document's number."""
    features = cells[index].features
    following = next((c for c in cells[index + 1 :] if not c.page_break), None)
    return bool(
        features.document_number
        and features.genre
        and following is not None
        and following.features.title_fragment
    )


def _weak_title(cell: Cell, previous: Cell) -> bool:
    """A title that names no kind: one that lost its first word, under a marking, a date or a
    dateline ("of official negotiations between …"); or a subject line in capitals and lower
    case right under a dateline ("The Influence of the Party on …")."""
    features, above = cell.features, previous.features
    if _never_title(cell) or features.starts_body or features.addressee:
        return False
    ends_unit = bool(above.marking or above.date_only or above.dateline or above.bracketed)
    words = cell.text.split()
    if features.title_fragment:
        if _opens_with_and(cell) and above.upper:
            return False  # "NORTHERN LAKES TRADE" / "AND INFORMATION CENTER": one letterhead
        return ends_unit or above.document_number or above.number_sign
    return (
        above.dateline is not None
        and cell.text[:1].isupper()
        and len(words) >= 3
        and words[0].rstrip(",") not in _ADDRESS_WORDS
        and len(cell.text) <= 150
        and not pat.ends_with_stop(cell.text)
        and not features.institution
    )


def _above_title_line(cell: Cell) -> bool:
    """A line that may stand above a title: a marking, a bracketed note, a number, a date or
    dateline, a routing field, or a short line that is not a sentence."""
    features = cell.features
    if features.opening_salute or features.participants is not None or features.section:
        return False
    if features.marking or features.bracketed or features.document_number:
        return True
    if features.date_only or features.dateline or features.field:
        return True
    text = cell.text
    return len(text) <= 60 or (len(text) <= 150 and not pat.ends_with_stop(text))


def _never_title(cell: Cell) -> bool:
    """Stamps, dockets, routing lines and document numbers are never the title."""
    features = cell.features
    return bool(
        features.marking
        or features.document_number
        or features.field
        or features.date_only
        or cell.text.startswith("[")
    )


def _after_cover(claims: list[Claim]) -> list[Claim]:
    """After the cover's division TEI allows only divisions, title pages and furniture in
    ``front``: a byline standing there joins the title page, a dateline (with the letterhead
    lines right above it) its own letterhead division."""
    result = list(claims)
    for index, claim in enumerate(result):
        if claim.path != (FRONT,):
            continue
        if claim.role is Role.BYLINE:
            result[index] = replace(claim, path=(FRONT, TITLE_PAGE))
        elif claim.role is Role.DATELINE:
            result[index] = replace(claim, path=(FRONT, LETTERHEAD))
            above = index - 1
            while above >= 0 and _letterhead_marking(result[above]):
                result[above] = replace(result[above], path=(FRONT, LETTERHEAD))
                above -= 1
    return result


def _letterhead_marking(claim: Claim) -> bool:
    return (
        claim.role is Role.MARKING
        and claim.path == (FRONT,)
        and dict(claim.attrs).get("type") in ("letterhead", "marking")
    )


def _with_owner(cells: Sequence[Cell], index: int) -> tuple[Cell, int]:
    """A journal's byline ("From the journal of") with its owner's name when the name is the
    next cell of the same column; how many cells that took."""
    cell = cells[index]
    nxt = cells[index + 1] if index + 1 < len(cells) else None
    if (
        cell.features.journal_byline is not None
        and cell.text.lower().endswith(" of")
        and nxt is not None
        and not nxt.page_break
        and nxt.column == cell.column
        and nxt.row_group == cell.row_group
        and not nxt.features.marking
    ):
        span = replace(cell.span, end_line=nxt.span.end_line)
        return replace(cell, text=f"{cell.text} {nxt.text}", span=span), 2
    return cell, 1


# --- steps -----------------------------------------------------------------------------------


def _cover_field(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """A field of the archive's cover as ``ab`` typed by the field: its label ("Citation:")
    a ``label``, the document's address a ``ref`` to itself."""
    assert cell.cover is not None
    marks: list[Mark] = []
    label_end = cover_patterns.label_end(cell.text)
    if label_end is not None:
        marks.append(Mark(0, label_end, "label"))
    url = cover_patterns.url_span(cell.text)
    if url is not None:
        marks.append(Mark(*url, "ref", attrs(target=cell.text[url[0] : url[1]])))
    claim_attrs = attrs({"type": cell.cover, "xml:id": _COVER_IDS.get(cell.cover)})
    if cell.cover == "title":
        state = state._replace(archive_title=cell.text)
    return Claim(Role.COVER, (FRONT, ARCHIVE_COVER), claim_attrs, tuple(marks)), state


def _omission(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """An omission mark ("[…]") among the docket or title lines: text left out there, not a
    marking of the document."""
    return Claim(Role.PARAGRAPH, (FRONT, OMISSION)), state._replace(open_title=False)


def _top_marking(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return rules.marking(cell, (FRONT,), Place.TOP), state._replace(open_title=False)


def _page_break(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return rules.page_break(cell), state


def _journal_byline(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    caption_end = cell.features.journal_byline
    assert caption_end is not None
    name_start = caption_end + 1
    marks = (Mark(name_start, len(cell.text), "docAuthor"),) if name_start < len(cell.text) else ()
    return Claim(Role.BYLINE, (FRONT,), marks=marks), state


def _dateline(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.DATELINE, (FRONT,)), state


def _letterhead_date(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.DOC_DATE, (FRONT, TITLE_PAGE)), state._replace(dated=True)


def _letterhead_line(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    return Claim(Role.MARKING, (FRONT,), attrs(type=MarkingType.LETTERHEAD, place=Place.TOP)), state


def _document_date(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    claim = Claim(Role.DOC_DATE, (FRONT, TITLE_PAGE))
    return claim, state._replace(seen_date=True, dated=True, open_title=False, bare_kind=False)


def _title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    # The journal pattern cannot span two titles, so asking each title is enough.
    journal = state.journal or cell.features.genre == "journal"
    claim = Claim(Role.TITLE, (FRONT, TITLE_PAGE, DOC_TITLE))
    bare = cell.features.kind_title and len(pat.unspaced(cell.text).split()) == 1
    return claim, state._replace(
        seen_title=True,
        journal=journal,
        open_title=not pat.ends_with_stop(cell.text),
        bare_kind=bare and not state.seen_title,
    )


def _reprinted_title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """The archive's title printed as the document's: its title, and the title block's end."""
    claim, after = _title(cell, state)
    return claim, after._replace(open_title=False, reprinted=True)


def _title_continued(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """A line that carries on the title ("on the Policy of the Korean Workers Party"): the
    main title goes on, with its continuation lines and parties."""
    claim, after = _title(cell, state)
    return claim, after._replace(bare_kind=False)


def _beside_bare_title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """A short date or number row under a title that is a kind word alone ("RESOLUTION" /
    "1 December Ulaanbaatar" / "ON REQUEST FOR AID"): furniture of the title page."""
    return rules.marking(cell, (FRONT, TITLE_PAGE), Place.TOP), state


def _docket_date(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """A date under a copy or registration number: when the copy was registered or sent, not
    the date of what the document records."""
    place = f"top {cell.column}" if cell.column else "top"
    return Claim(Role.MARKING, (FRONT,), attrs(type="docketDate", place=place)), state


def _above_title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    """Any other line above the title: a marking of its kind, a routing field, a letterhead
    line naming a body or office, else a marking."""
    features = cell.features
    place = f"top {cell.column}" if cell.column else "top"
    # A routing field's next addressee on a line of its own: "TO: Gen. …" / "Comrade …".
    addressed = (
        state.routed
        and cell.text.split(" ", 1)[0] in _ADDRESS_WORDS
        and not features.opening_salute
    )
    if features.marking or features.bracketed:
        claim = rules.marking(cell, (FRONT,), Place.TOP)
    elif features.field or addressed:
        claim = Claim(Role.MARKING, (FRONT,), attrs(type="routing", place=place))
    elif features.institution or (features.upper and not features.document_number):
        claim = Claim(Role.MARKING, (FRONT,), attrs(type="letterhead", place=place))
    else:
        claim = rules.marking(cell, (FRONT,), Place.TOP)
    kind = dict(claim.attrs).get("type")
    numbered = kind in _NUMBERED_MARKINGS or features.number_sign
    return claim, state._replace(numbered=numbered or state.numbered, routed=kind == "routing")


def _subtitle_in_title(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    claim = Claim(Role.SUBTITLE, (FRONT, TITLE_PAGE, DOC_TITLE))
    return claim, state._replace(open_title=False, bare_kind=False)


def _subtitle(cell: Cell, state: FrontState) -> tuple[Claim, FrontState]:
    # After the date a subtitle stands on the title page, outside the title.
    path = (FRONT, TITLE_PAGE) if state.seen_date else (FRONT, TITLE_PAGE, DOC_TITLE)
    return Claim(Role.SUBTITLE, path), state._replace(open_title=False, bare_kind=False)


# --- predicates ------------------------------------------------------------------------------


def _marking_line(cell: Cell, state: FrontState) -> bool:
    return bool(cell.features.marking or cell.features.bracketed)


def _title_line(cell: Cell, state: FrontState) -> bool:
    """A title line: in capitals or naming a kind, and none of the lines that never are a
    title. A line in capitals that only names a body or an office is a title only under a
    title, not as the first."""
    features = cell.features
    if not features.title_like or state.seen_date or features.starts_body or _never_title(cell):
        return False
    if state.seen_title and cell.text.rstrip().endswith(":"):
        return False  # "DECISIONS:" under the title heads the body's text
    if not state.seen_title and not features.kind_title:
        return not features.institution and len(cell.text.split()) >= 3
    return True


def _repeats_archive_title(cell: Cell, state: FrontState) -> bool:
    """The first line printing the archive's title, or its end, before any title or date: the
    document's own title, whatever words it is in ("Joint Declaration on Fisheries" under the
    archive's "Chile-Peru Joint Declaration on Fisheries")."""
    if state.seen_title or state.seen_date or not state.archive_title:
        return False
    text = " ".join(cell.text.split())
    if len(text.split()) < 3 or text.endswith((".", ":", ";")) or cell.features.starts_body:
        return False
    archived = " ".join(state.archive_title.split()).casefold()
    return archived == text.casefold() or archived.endswith(" " + text.casefold())


def _continues_title(cell: Cell, state: FrontState) -> bool:
    """A lower-case line right under an unfinished title line, holding no caption."""
    features = cell.features
    return (
        state.open_title
        and not state.seen_date
        and features.lowercase
        and not features.starts_body
        and not _never_title(cell)
        and ":" not in cell.text
        and len(cell.text) <= 220
    )


def _beside_bare(cell: Cell, state: FrontState) -> bool:
    """A short row holding a date or number under a title that is a kind word alone."""
    text = cell.text
    return state.bare_kind and len(text) <= 40 and any(c.isdigit() for c in text)


# --- tables ----------------------------------------------------------------------------------

COVER_RULES: tuple[Rule[FrontState], ...] = (
    Rule("cover-field", lambda cell, state: cell.cover is not None, _cover_field),
)
"""The archive's cover: every field the layout cut off as one."""

DOCKET_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break),
    Rule("omission", lambda cell, state: cell.features.omission, _omission),
    Rule("journal-byline", lambda cell, state: cell.features.journal_byline is not None,
         _journal_byline),
    Rule("marking", _marking_line, _top_marking),
    Rule("dated-column-cell", lambda cell, state: cell.row_group is not None
         and cell.features.date_only),
    Rule("column-cell", lambda cell, state: cell.row_group is not None, _top_marking),
)  # fmt: skip
"""The docket: markings above the title, and a journal's byline. A page break, a date in a
column row, or any other line ends it."""

ABOVE_TITLE_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("omission", lambda cell, state: cell.features.omission, _omission),
    Rule("journal-byline", lambda cell, state: cell.features.journal_byline is not None,
         _journal_byline),
    Rule("dateline", lambda cell, state: cell.features.dateline is not None, _dateline),
    Rule("docket-date", lambda cell, state: state.numbered and cell.features.date_only,
         _docket_date),
    Rule("date", lambda cell, state: cell.features.date_only and not state.dated,
         _letterhead_date),
    Rule("above-title", lambda cell, state: True, _above_title),
)  # fmt: skip
"""Every line above a title found a few lines down: a journal's byline, a dateline, a date
(the docket's when it stands under a copy or registration number, else the title page's),
and markings, routing notes and letterhead lines."""

LETTERHEAD_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("dateline", lambda cell, state: cell.features.dateline is not None, _dateline),
    Rule("date", lambda cell, state: cell.features.date_only, _letterhead_date),
    # A docket line among them ("Outgoing Nº 417") is a marking of its kind.
    Rule("marking", lambda cell, state: cell.features.marking is not None, _top_marking),
    Rule("letterhead", lambda cell, state: True, _letterhead_line),
)
"""The lines between the docket and a title a few blocks on, once ``_letterhead_length`` has
found that they all look like a letterhead (or a docket line among them)."""

TITLE_RULES: tuple[Rule[FrontState], ...] = (
    Rule("page-break", lambda cell, state: cell.page_break, _page_break),
    Rule("omission", lambda cell, state: cell.features.omission, _omission),
    Rule("journal-entry-date", lambda cell, state: state.seen_title and state.journal
         and cell.features.date_only),
    Rule("body-start", lambda cell, state: not state.seen_title and not state.seen_date
         and cell.features.starts_body),
    Rule("document-date", lambda cell, state: cell.features.date_only and not state.dated,
         _document_date),
    # A docket line among the title lines ("Nº 196", "Copy Nº 1") is a marking, not a subtitle.
    Rule("docket-line", lambda cell, state: cell.features.marking is not None, _top_marking),
    # An addressee line ("to Mr. N. N.") opens the body's address, under a title or not.
    Rule("addressee", lambda cell, state: cell.features.addressee),
    Rule("title-continued", _continues_title, _title_continued),
    Rule("beside-bare-title", _beside_bare, _beside_bare_title),
    Rule("subtitle-in-title", lambda cell, state: _title_line(cell, state) and state.seen_title
         and not cell.features.upper, _subtitle_in_title),
    Rule("title", _title_line, _title),
    Rule("archive-title-printed", _repeats_archive_title, _reprinted_title),
    Rule("subtitle", lambda cell, state: state.seen_title and not state.reprinted
         and cell.features.subtitle_line, _subtitle),
    Rule("marking", _marking_line, _top_marking),
)  # fmt: skip
"""The title block: titles, the document's date, subtitles and markings among them. It ends
at a line of the body, at a journal's first dated entry, or at any other line."""


def _names_a_kind(cell: Cell) -> bool:
    """A title that names what kind of document follows ("LETTER", "Report on ..."); a line
    opening with "and" goes on with the one above ("AND INFORMATION CENTER")."""
    features = cell.features
    return features.title_like and features.genre is not None and not _opens_with_and(cell)


def _opens_with_and(cell: Cell) -> bool:
    return cell.text.split(" ", 1)[0].lower() in ("and", "&")


def _letter_date(lines: Sequence[tuple[int, Cell]], k: int) -> bool:
    """A letter's place-and-date line, or its date alone right above its salutation ("March
    3, 1966." / "Dear Arunji,")."""
    features = lines[k][1].features
    if features.dateline:
        return True
    following = lines[k + 1][1].features if k + 1 < len(lines) else None
    return features.date_only and following is not None and following.opening_salute


def _letterhead_length(cells: Sequence[Cell], index: int) -> int:
    """How many cells from ``index`` on are a letterhead: short lines before a title a few
    blocks on ("Embassy of the GDR in the DPRK", a place and date), or, in a letter without a
    title, the lines down to its place-and-date line or its date above the salutation; 0 when
    there is none."""
    window = cells[index : index + _LETTERHEAD_REACH]
    lines = [(i, c) for i, c in enumerate(window) if not c.page_break]
    title_at = next((k for k, (_, c) in enumerate(lines) if k > 0 and _names_a_kind(c)), None)
    if title_at is None:
        dated = next((k for k, (_, c) in enumerate(lines) if _letter_date(lines, k)), None)
        title_at = None if not dated else dated + 1  # a dateline alone opens the body
    if title_at is None or not all(c.features.letterhead_line for _, c in lines[:title_at]):
        return 0
    return lines[title_at - 1][0] + 1
