"""The body: opener, sections, paragraphs, lists, participants, turns' raw material and
closer (guide §7, §13, §14).

The body's cells fall into three runs: the opener (address, dateline and salute lines at the
start), the closer (salute, dateline, signature and credit lines at the end) and the text
between them. Each run has its table: ``OPENER_RULES``, ``BODY_RULES`` and ``CLOSER_RULES``.
The body's state carries what one block tells the next: the section being read, the list that
is open, the field whose lines follow, and whether the last paragraph ended in a colon.

A signature among the text (a covering letter signed before the document it covers) closes
the division it ends, and the text after it opens a new one (guide §12).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import NamedTuple

from .. import pattern_cache
from ..model import Container, Mark, Role, attrs
from ..vocabulary import AddressRole, DivType, Element, ListType, MarkingType, Place
from . import patterns as pat
from . import rules
from .cells import Cell
from .features import Features
from .rules import Claim, Rule, Step, first_rule

BODY = Container(Element.BODY, Element.BODY)
OPENER = Container(Element.OPENER, Element.OPENER)
CLOSER = Container(Element.CLOSER, Element.CLOSER)
# The markings that may stand among the body's paragraphs (at a page's top, say).
_BODY_MARKINGS = frozenset(
    {MarkingType.CLASSIFICATION, MarkingType.COPY_NUMBER, MarkingType.HANDLING, MarkingType.TYPIST}
)

# The document's kind (its genre) -> the type of the div that holds its text.
_DIV_TYPES = {
    "record of conversation": DivType.RECORD,
    "minutes": DivType.MINUTES,
    "transcript": DivType.TRANSCRIPT,
    "telegram": DivType.TELEGRAM,
    "letter": DivType.LETTER,
    "report": DivType.REPORT,
    "decision": DivType.DECISION,
    "resolution": DivType.RESOLUTION,
    "journal": DivType.JOURNAL,
}


class BodyState(NamedTuple):
    """What one block of the body tells the next (a named tuple: ``_replace`` is quick)."""

    base: tuple[Container, ...]  # where running text goes: the body, or its current div
    journal: bool = False  # a journal: a line holding only a date heads an entry
    letter: bool = False  # a letter: "Comrade …:" alone is its salute
    opened: int = 0  # divs and lists opened so far, which numbers their keys
    list: Container | None = None  # the open list, continued by items of its kind
    list_kind: ListType | None = None  # that list's kind, which outlives it for an agenda
    field: str | None = None  # the field whose lines follow ("participants")
    lead_in: bool = False  # the last block (headings aside) was a paragraph ending in ":"
    filled: bool = False  # the current division holds text (a closer may end it)
    series: frozenset[Cell] = frozenset()  # long numbered lines that head sections of a series
    points: frozenset[Cell] = frozenset()  # heading-shaped lines of a series of numbered sentences
    address: Container | None = None  # the opener's open address, which its next lines continue
    address_end: str = ""  # the last line of that address
    signers: frozenset[Cell] = frozenset()  # "V. ZORIN": an initial and a name, no section
    addressed: frozenset[Cell] = frozenset()  # the addressee's lines under the signature


def read_body(cells: Sequence[Cell], genre: str) -> tuple[Claim, ...]:
    """Claim every cell of the body, giving it containers (divs, lists, opener, closer)."""
    journal = genre == "journal"
    content = [c for c in cells if not c.page_break]
    letter = genre == "letter"
    opener_end = _opener_length(content, journal=journal, letter=letter)
    signers = _initialled_names(content)
    below = _address_below(content)
    closer_start = _closer_start(content[: len(content) - len(below)], signers)
    if closer_start >= len(content) - len(below):
        below = ()  # no signature above it: the lines are the text's
        closer_start = _closer_start(content, signers)
    if _copies_to_the_end(content, closer_start):
        closer_start = len(content)
    series, points = _numbered_series(content[opener_end:closer_start])
    sections = any(
        c.features.section and c not in points and c not in signers
        for c in content[opener_end:closer_start]
    )
    div_type = _DIV_TYPES.get(genre, DivType.DOCUMENT)
    base = (BODY,) if sections else (BODY, Container("div-0", Element.DIV, (("type", div_type),)))
    state = BodyState(
        base,
        journal,
        letter,
        series=series,
        points=points,
        signers=signers,
        addressed=frozenset(below),
    )
    claims: list[Claim] = []
    position = 0
    for cell in cells:
        if cell.page_break:
            claims.append(rules.page_break(cell))
            continue
        if position == opener_end:  # the opener's address ends with it
            state = state._replace(address=None, address_end="")
        if position < opener_end:  # before the closer: a line that could be both opens
            table = OPENER_RULES
        elif position >= closer_start:
            table = CLOSER_RULES
        else:
            table = BODY_RULES
        position += 1
        rule = first_rule(table, cell, state)
        # Each of the body's tables ends in a row that always holds.
        assert rule is not None
        assert rule.then is not None
        claim, state = rule.then(cell, state)
        claims.append(claim)
    return _without_empty_lists(claims)


def _without_empty_lists(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """A list's caption with no item under it ("Distribution:" and then prose) is the
    paragraph it would be without the list."""
    headless = rules.headless_captions(claims)
    return tuple(
        Claim(Role.PARAGRAPH, claim.path[:-1]) if index in headless else claim
        for index, claim in enumerate(claims)
    )


class _Numbered(NamedTuple):
    """A numbered line of the body: its number, whether the number is arabic with a full stop
    and the title on the line ("2. On the letter …"), whether it is a section heading, and
    whether it may be one in a series of headings."""

    cell: Cell
    number: int
    arabic: bool
    head: bool
    may_head: bool


# A heading-shaped numbered line longer than this many words may be a numbered sentence.
_SHORT_HEADING_WORDS = 6


def _numbered_series(content: Sequence[Cell]) -> tuple[frozenset[Cell], frozenset[Cell]]:
    """The long numbered lines that head sections of a series, and the heading-shaped lines
    that are points of a series of numbered sentences (``_spread``)."""
    lines: list[_Numbered] = []
    for cell in content:
        features = cell.features
        if features.section is not None:
            arabic = features.numbered is not None
            lines.append(_Numbered(cell, features.section.number, arabic, True, True))
        elif features.numbered is not None:
            may_head = features.numbered_heading is not None
            lines.append(_Numbered(cell, int(features.numbered[0]), True, False, may_head))
    points = _spread(lines, lambda line: not line.may_head, _long)
    lines = [n._replace(head=False, may_head=False) if n.cell in points else n for n in lines]
    heads = _spread(lines, lambda line: line.head, lambda line: line.may_head and not line.head)
    return heads, points


def _long(line: _Numbered) -> bool:
    """Shaped like a heading, but longer than a short heading."""
    return line.may_head and len(line.cell.text.split()) > _SHORT_HEADING_WORDS + 1


def _spread(
    lines: list[_Numbered],
    starts: Callable[[_Numbered], bool],
    joins: Callable[[_Numbered], bool],
) -> frozenset[Cell]:
    """The lines that ``joins`` admits next to a line that ``starts`` a kind or has joined it
    (the numbered line just before or after, numbered one less or one more, in the arabic
    style), so that one series is read alike:

    * section headings: a numbered line shaped like a heading but too long to be taken for
      one alone ("3. On the visit of … and on the talks held there …:") next to a section
      heading ("2. On the letter …:") heads a section too;
    * numbered sentences: a heading-shaped line longer than a short heading next to a
      numbered sentence ("1. The envoy avoids us." / "2. They boycott our receptions:" /
      "3. What they tell us turns out to be false") is a numbered paragraph too, and no
      sentence heads a section.
    """
    taken: set[Cell] = set()
    changed = True
    while changed:
        changed = False
        for before, after in pairwise(lines):
            if not (before.arabic and after.arabic and after.number == before.number + 1):
                continue
            for one, other in ((before, after), (after, before)):
                if (starts(one) or one.cell in taken) and other.cell not in taken and joins(other):
                    taken.add(other.cell)
                    changed = True
    return frozenset(taken)


def _opener_length(content: list[Cell], *, journal: bool, letter: bool) -> int:
    """How many lines open the body (in a journal a date line heads the first entry): the
    opener's lines, and the lines that continue an addressee's address."""
    address_end = ""
    for index, cell in enumerate(content):
        features = cell.features
        if journal and features.date_only:
            return index
        if features.opener_line or (letter and pat.is_addressed_colon(cell.text)):
            address_end = cell.text if _opens_address(cell) else ""
        elif address_end and _continues_address(cell, address_end):
            address_end = cell.text
        elif index and features.marking and _opener_follows(content, index + 1):
            address_end = ""  # "Ref. No. 221" between a letter's dateline and its salute
        else:
            return index
    return len(content)


def _opener_follows(content: Sequence[Cell], start: int) -> bool:
    """Whether the first line from ``start`` on that is no marking opens a letter."""
    after = next((c for c in content[start:] if not c.features.marking), None)
    return after is not None and after.features.opener_line


# Words that end an address line which the next line completes ("Chairman of the Council
# of Ministers of" / "the People's Republic of …"), as a comma does.
_OPEN_ENDINGS = frozenset({"of", "the", "and", "for", "in", "to"})


def _opens_address(cell: Cell) -> bool:
    """An addressee line ("to Mr. N. N.", "To Comrade N. N.") or a "To:" field."""
    return cell.features.addressee or cell.features.field_name in ("to", "addressee")


def _continues_address(cell: Cell, previous: str) -> bool:
    """A line of the addressee's address after its first: the rest of a line left open ("…
    Ministers of" / "the People's Republic of Korea"), an office or a body, or a place (a
    short capitalised line that is no sentence, "Pyongyang", with its postal code or its
    state's abbreviation: "WASHINGTON, DC 20510", "U.S.A.")."""
    features, text = cell.features, cell.text
    if features.starts_body or len(text) > 100:
        return False
    if pat.ends_with_stop(text) and not pat.ends_with_initial(text):
        return False
    if previous.endswith(",") or previous.rsplit(" ", 1)[-1] in _OPEN_ENDINGS:
        return True
    if features.office or features.institution:
        return True
    words = text.rstrip(",").split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() or w.isdigit() for w in words)


# An addressee's first line under a letter's signature: a form of address, a name and a
# comma ("Shri Arun Das,"), as Indian letters name the recipient at the foot.
_ADDRESSED_BELOW = pattern_cache.compile(
    r"^(?:Shri|Sri|Smt\.|Mr\.|Mrs\.|Ms\.|Dr\.|H\.\s?E\.|His\s+Excellency|Her\s+Excellency|"
    r"The\s+Hon(?:ou?rable|\.))\s+[A-Z][^,]{0,60},$"
)
# How many lines such an address may take, its first included.
_ADDRESS_BELOW_LINES = 5


def _address_below(content: Sequence[Cell]) -> Sequence[Cell]:
    """The addressee's lines at the foot of a letter, under its signature ("[Homi Bhabha]" /
    "Shri Lal Bahadur Shastri," / "Minister Without Portfolio," / "New Delhi."): short lines
    from a form of address to the end; none when a closing salutation stands right above
    (then the name is the signer's)."""
    for size in range(2, min(_ADDRESS_BELOW_LINES, len(content) - 1) + 1):
        first = len(content) - size
        lines = content[first:]
        if any(len(c.text) > _ADDRESS_LINE_LENGTH or c.page_break for c in lines):
            return ()
        if _ADDRESSED_BELOW.match(lines[0].text):
            above = content[first - 1].features
            return lines if above.closer_line and not above.closing_salute else ()
    return ()


_ADDRESS_LINE_LENGTH = 80


def _copies_to_the_end(content: Sequence[Cell], closer_start: int) -> bool:
    """Whether the lines from ``closer_start`` on go on with a list of copies captioned above
    them ("Copy to: - Mr. Minister Vermeulen" / "- Mr. Minister Dijkstra"): its items, not a
    signature."""
    caption = next(
        (i for i in range(closer_start - 1, -1, -1) if content[i].features.distribution),
        None,
    )
    if caption is None or closer_start >= len(content):
        return False
    between = content[caption + 1 : closer_start]
    return all(c.features.list_line for c in (*between, *content[closer_start:]))


def _closer_start(content: list[Cell], signers: frozenset[Cell]) -> int:
    """Where the closing lines start; a body that would be all closer has none."""
    start = len(content)
    while start > 0:
        if content[start - 1].features.closer_line or content[start - 1] in signers:
            start -= 1
        elif _continues_office(content, start - 1):
            start -= 2  # the office's two lines
        else:
            break
    return start if start > 0 else len(content)


# Words that carry an office's name on to the next line ("Deputy Head of the Department" /
# "for Relations with Foreign Communist Parties.").
_OFFICE_GOES_ON = frozenset({"for", "of", "on", "in", "and", "to"})


def _continues_office(content: Sequence[Cell], index: int) -> bool:
    """A line in small letters that goes on with the office that opens the line above it
    ("Deputy Head of the Department …" / "for Relations with …")."""
    if index == 0 or len(content[index].text) > 120:
        return False
    above = content[index - 1].text
    first = content[index].text.split(" ", 1)[0]
    return (
        first in _OFFICE_GOES_ON
        and len(above) <= 120
        and not pat.ends_with_stop(above)
        and pat.opens_with_office(above)
    )


# Roman numerals of one letter, which are initials too ("I. STALIN", "V. ZORIN").
_INITIAL_NUMERALS = frozenset("IVXLCDM")


def _initialled_names(content: Sequence[Cell]) -> frozenset[Cell]:
    """Lines shaped like a section heading numbered by one Roman letter and titled by one
    capitalised word ("V. ZORIN") that no heading numbered next to it stands with: an initial
    and a surname, a signature, not section five."""
    numbers = {c.features.section.number for c in content if c.features.section is not None}
    found = set()
    for cell in content:
        section = cell.features.section
        if section is None or section.title is None or cell.text[:1] not in _INITIAL_NUMERALS:
            continue
        words = section.title.split()
        if (
            cell.text[1:2] == "."
            and len(words) == 1
            and words[0].isalpha()
            and words[0][:1].isupper()
            and not numbers & {section.number - 1, section.number + 1}
        ):
            found.add(cell)
    return frozenset(found)


# --- steps: heads ----------------------------------------------------------------------------


def _open_div(state: BodyState, div_attrs: tuple[tuple[str, str], ...]) -> tuple[Claim, BodyState]:
    opened = state.opened + 1
    base = (BODY, Container(f"div-{opened}", Element.DIV, div_attrs))
    after = state._replace(base=base, opened=opened, list=None, filled=False)
    return Claim(Role.HEAD, base), after


def _section_head(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    section = cell.features.section
    assert section is not None
    return _open_div(state, (("type", DivType.SECTION), ("n", str(section.number))))


def _series_head(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    number = cell.features.numbered_heading
    assert number is not None
    return _open_div(state, (("type", DivType.SECTION), ("n", str(number))))


def _entry_head(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    return _open_div(state, (("type", DivType.ENTRY),))


# --- steps: blocks of running text -----------------------------------------------------------


def _block(role: Role, *, ends_list: bool = False) -> Step[BodyState]:
    """A block of ``role`` where running text goes; a separator also ends the open list."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        after = state._replace(lead_in=False, filled=True)
        return Claim(role, state.base), after._replace(list=None) if ends_list else after

    return step


def _marking(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    return rules.marking(cell, state.base, Place.TOP), state._replace(lead_in=False)


def _opener_marking(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    """A marking among the opener's lines (a reference number): an ``fw`` in the opener,
    which TEI allows there."""
    claim = rules.marking(cell, _opener_path(state), Place.TOP)
    return claim, state._replace(address=None, address_end="")


def _participants_caption(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    end = cell.features.participants
    # Only a bare caption ("Participants:") heads the lines that follow it.
    bare = end is not None and not cell.text[end:].strip()
    after = state._replace(
        list=None, field="participants" if bare else None, lead_in=False, filled=True
    )
    return Claim(Role.PARTICIPANTS, state.base), after


def _item(
    kind: ListType, label_end: Callable[[Features], int | None], role: Role = Role.ITEM
) -> Step[BodyState]:
    """An item of a list of ``kind``: it continues the open list of that kind or opens one.
    A ``head`` always opens one (TEI puts a list's head before its items)."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        current, opened = state.list, state.opened
        if current is None or state.list_kind != kind or role is Role.HEAD:
            opened += 1
            current = Container(f"list-{opened}", Element.LIST, (("type", kind),))
        end = label_end(cell.features)
        marks = (Mark(0, end, "label"),) if end else ()
        after = state._replace(
            opened=opened,
            list=current,
            list_kind=kind,
            field=cell.features.field_name,
            lead_in=False,
            filled=True,
        )
        return Claim(role, (*state.base, current), marks=marks), after

    return step


def _copies_label(features: Features) -> int | None:
    """The label of an item of copies: its caption on its line ("Copies to: …"), else its
    copy number ("1 – to Cde. X")."""
    found = features.distribution
    return found.caption if found is not None and found.caption else features.copy_label


def _signed_off(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
    """A signature among the text: the closer of the division it ends; a new division of the
    same type takes the text after it."""
    *outer, div = state.base
    opened = state.opened + 2
    closer = Container(f"closer-{opened - 1}", Element.CLOSER)
    after = Container(
        f"div-{opened}", Element.DIV, tuple((k, v) for k, v in div.attrs if k == "type")
    )
    following = state._replace(
        base=(*outer, after), opened=opened, list=None, lead_in=False, filled=False
    )
    return Claim(Role.SIGNED, (*state.base, closer)), following


def _paragraph(label: Callable[[Features], tuple[str | None, int] | None]) -> Step[BodyState]:
    """A paragraph, with the number and the end of the label that ``label`` finds, if any.
    It ends the open list; an "Agenda:" field makes the numbered lines after it points."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        features = cell.features
        found = label(features)
        number, end = found if found else (None, 0)
        marks = (Mark(0, end, "label"),) if end else ()
        after = state._replace(
            list=None,
            list_kind=ListType.AGENDA if features.field_name == "agenda" else None,
            field=features.field_name,
            lead_in=cell.text.endswith(":"),
            filled=True,
        )
        numbered = attrs(n=number) if number else ()
        return Claim(Role.PARAGRAPH, state.base, numbered, marks), after

    return step


def _field_label(features: Features) -> tuple[str | None, int] | None:
    return (None, features.field[1]) if features.field else None


def _ordinal_label(features: Features) -> tuple[str | None, int] | None:
    return (str(features.ordinal[0]), features.ordinal[1]) if features.ordinal else None


def _numbered_label(features: Features) -> tuple[str | None, int] | None:
    return features.numbered


def _no_label(features: Features) -> tuple[str | None, int] | None:
    return None


# --- steps: opener and closer ----------------------------------------------------------------


def _in_opener(role: Role, *, party: AddressRole | None = None) -> Step[BodyState]:
    """A line of the opener; an address says whose it is (``sender`` or ``recipient``)."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        return Claim(role, (*state.base, OPENER), attrs(role=party)), state._replace(
            address=None, address_end=""
        )

    return step


def _addressee(inside: Callable[[BodyState], tuple[Container, ...]]) -> Step[BodyState]:
    """An addressee's first line opens an address (in the opener, or in the closer under the
    signature) that the lines after it may continue."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        opened = state.opened + 1
        box = Container(f"address-{opened}", Element.ADDRESS, attrs(role=AddressRole.RECIPIENT))
        after = state._replace(opened=opened, address=box, address_end=cell.text)
        party = attrs(role=AddressRole.RECIPIENT)
        return Claim(Role.ADDRESS, (*inside(state), box), party), after

    return step


def _address_line(inside: Callable[[BodyState], tuple[Container, ...]]) -> Step[BodyState]:
    """A further line of the open address; the address's first line names its party."""

    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        assert state.address is not None
        after = state._replace(address_end=cell.text)
        return Claim(Role.ADDRESS, (*inside(state), state.address)), after

    return step


def _opener_path(state: BodyState) -> tuple[Container, ...]:
    return (*state.base, OPENER)


def _closer_path(state: BodyState) -> tuple[Container, ...]:
    return (BODY, CLOSER)


def _continues_open_address(cell: Cell, state: BodyState) -> bool:
    return state.address is not None and _continues_address(cell, state.address_end)


def _in_closer(role: Role) -> Step[BodyState]:
    def step(cell: Cell, state: BodyState) -> tuple[Claim, BodyState]:
        return Claim(role, (BODY, CLOSER)), state._replace(address=None, address_end="")

    return step


# --- predicates ------------------------------------------------------------------------------


def _body_marking(cell: Cell, state: BodyState) -> bool:
    found = cell.features.marking
    return cell.features.page_number is not None or bool(found and found.type in _BODY_MARKINGS)


def _always(cell: Cell, state: BodyState) -> bool:
    return True


def _closable(state: BodyState) -> bool:
    """The running text is in a division that holds some already, which a ``closer`` may
    end (TEI wants a division's text before its closer, and no closer directly in ``body``)."""
    return state.base[-1].tag == Element.DIV and state.filled


def _distribution_caption(cell: Cell, state: BodyState) -> bool:
    found = cell.features.distribution
    return found is not None and found.caption_only


def _copies(cell: Cell, state: BodyState) -> bool:
    """A line of copies: with its caption and items, or numbered copies going somewhere."""
    return cell.features.distribution is not None


def _listed_copy(cell: Cell, state: BodyState) -> bool:
    """An item under a distribution list's caption ("1. Cde. N. S. Khrushchev", "File")."""
    if state.list is None or state.list_kind != ListType.DISTRIBUTION:
        return False
    features = cell.features
    return features.copy_label is not None or (features.list_line and features.section is None)


# --- tables ----------------------------------------------------------------------------------

OPENER_RULES: tuple[Rule[BodyState], ...] = (
    Rule("salute", lambda cell, state: cell.features.opening_salute
         or (state.letter and pat.is_addressed_colon(cell.text)), _in_opener(Role.SALUTE)),
    Rule("dateline", lambda cell, state: cell.features.date_field or cell.features.date_only
         or cell.features.dateline is not None, _in_opener(Role.DATELINE)),
    Rule("sender", lambda cell, state: cell.features.field_name == "from",
         _in_opener(Role.ADDRESS, party=AddressRole.SENDER)),
    Rule("addressee", lambda cell, state: _opens_address(cell), _addressee(_opener_path)),
    Rule("address-line", _continues_open_address, _address_line(_opener_path)),
    Rule("marking", lambda cell, state: cell.features.marking is not None, _opener_marking),
    Rule("recipient", _always, _in_opener(Role.ADDRESS, party=AddressRole.RECIPIENT)),
)  # fmt: skip
"""The lines that open the body: address fields, addressee, dateline, a reference number
among them, and salute."""

BODY_RULES: tuple[Rule[BodyState], ...] = (
    # An item under a distribution list's caption, whatever its number looks like.
    Rule("distribution-item", _listed_copy, _item(ListType.DISTRIBUTION, _copies_label)),
    Rule("section-head", lambda cell, state: cell.features.section is not None
         and cell not in state.points and cell not in state.signers, _section_head),
    # A long numbered heading whose series has a section heading next to it ("_spread").
    Rule("series-head", lambda cell, state: cell in state.series, _series_head),
    Rule("entry-head", lambda cell, state: state.journal and cell.features.date_only,
         _entry_head),
    Rule("separator", lambda cell, state: cell.features.separator,
         _block(Role.SEPARATOR, ends_list=True)),
    # An omission mark alone on its line ("[…]") stands for text of the body: a paragraph.
    Rule("omission", lambda cell, state: cell.features.omission, _paragraph(_no_label)),
    Rule("bracketed-line", lambda cell, state: cell.features.bracketed, _block(Role.DOCKET)),
    Rule("signature", lambda cell, state: (cell.features.signs_by_name or cell in state.signers)
         and _closable(state), _signed_off),
    Rule("distribution-caption", _distribution_caption,
         _item(ListType.DISTRIBUTION, lambda features: None, Role.HEAD)),
    Rule("distribution", _copies, _item(ListType.DISTRIBUTION, _copies_label)),
    Rule("marking", _body_marking, _marking),
    Rule("participants-caption", lambda cell, state: cell.features.participants is not None,
         _participants_caption),
    Rule("participant-line", lambda cell, state: state.field == "participants"
         and cell.features.participant_line, _block(Role.PARTICIPANTS)),
    Rule("agenda-point", lambda cell, state: state.list_kind == ListType.AGENDA
         and cell.features.number_label is not None,
         _item(ListType.AGENDA, lambda features: features.number_label)),
    Rule("point", lambda cell, state: cell.features.point is not None,
         _item(ListType.POINTS, lambda features: features.point[1] if features.point else None)),
    Rule("enumeration-item", lambda cell, state: state.list_kind == ListType.ENUMERATION
         and state.list is not None and cell.features.lowercase,
         _item(ListType.ENUMERATION, lambda features: features.item_label)),
    Rule("enumeration-start", lambda cell, state: state.lead_in and cell.features.lowercase,
         _item(ListType.ENUMERATION, lambda features: features.item_label)),
    Rule("field-paragraph", lambda cell, state: cell.features.field is not None,
         _paragraph(_field_label)),
    Rule("ordinal-paragraph", lambda cell, state: cell.features.ordinal is not None,
         _paragraph(_ordinal_label)),
    Rule("numbered-paragraph", lambda cell, state: cell.features.numbered is not None,
         _paragraph(_numbered_label)),
    Rule("paragraph", _always, _paragraph(_no_label)),
)  # fmt: skip
"""The body's text between opener and closer, in priority order."""

CLOSER_RULES: tuple[Rule[BodyState], ...] = (
    Rule("salute", lambda cell, state: cell.features.closing_salute, _in_closer(Role.SALUTE)),
    Rule("dateline", lambda cell, state: cell.features.date_only or cell.features.time_only
         or cell.features.dateline is not None, _in_closer(Role.DATELINE)),
    Rule("credit", lambda cell, state: cell.features.credit is not None,
         _in_closer(Role.BYLINE)),
    # Under the signature of a letter, its addressee's name, office and place.
    Rule("addressee-below", lambda cell, state: cell in state.addressed
         and state.address is None, _addressee(_closer_path)),
    Rule("address-below", lambda cell, state: cell in state.addressed,
         _address_line(_closer_path)),
    Rule("addressee", lambda cell, state: cell.features.addressee, _addressee(_closer_path)),
    Rule("address-line", _continues_open_address, _address_line(_closer_path)),
    Rule("signer", _always, _in_closer(Role.SIGNED)),
)  # fmt: skip
"""The lines that close the body: salute, dateline, who interpreted or recorded the
conversation, the signer's name and office, and an addressee's address under them."""
