"""Generated documents in the archive's layouts, each knowing what a correct reading gives.

A :class:`GeneratedDoc` holds the *content* of a document (banner, docket, title block,
sections of paragraphs, closer, closing column block) and renders it twice: in the PDF-text
layout of the guide (§2: two trailing spaces end a block, spaces-only separator lines, three
empty lines per page break, column rows) and in the web layout (§2.2: one block per line). The
expected reading tokens and page-break positions come from the content itself, never from the
converter.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass

from hypothesis import strategies as st

WRAP = 85
BANNER = " Wilson Center Digital Archive Translation - English"

COMMON_WORDS = (
    "the plenum notes that Party and of in to a work economy development people countries "
    "government delegation cooperation it is necessary should further strengthen plan "
    "industry agricultural sector: first, KWP CC DPRK USSR Kim Il Sung Nº 1956 30 August"
).split()
# Letters, digits, punctuation, brackets, straight and curly quotes, the masculine ordinal of
# "Nº", and the characters XML must escape.
TOKEN_ALPHABET = string.ascii_letters + string.digits + ".,;:!?()-'\"[]“”‘’º&<>/%"
TITLE_WORDS = "DECISION OF THE KWP CC PLENUM RESOLUTION PRESIDIUM ON TASKS PARTY".split()
DOCKET_LEFT = (
    "Translation from Korean", "Copy Nº 1", "Nº 196", "Making copies is forbidden",
    "Nº 196 Copy Nº 1", "Ex. No. 3", "S e c r e t",
)  # fmt: skip
DOCKET_RIGHT = (
    "SECRET", "TOP SECRET", "Copy Nº 2", "Strictly confidential", "Secret!",
    "Of special importance",
)  # fmt: skip
DATES = ("30-31 August 1956", "12 September 1956", "5 March 1957", "August 1956")
CLOSERS = (
    "CHAIRMAN OF THE KWP CC KIM IL SUNG", "AMBASSADOR V. IVANOV",
    "AMBASSADOR [signature] /A. PUZANOV/", "G R O M Y K O 4 June 1962",
    "Signed: Corneliu Bogdan", "– 214 chargé d'affaires –",
    "Attaché Kim Chol translated the conversation.",
)  # fmt: skip
BACK_LEFT = (
    "Five copies printed", "Nº 933", "printed. m/b", "12 September 1956",
    "Two copies printed. Nº 1 to addressee, Nº 2 to file.", "Distribution:",
    "1. Cde. N. S. Khrushchev", "4ak",
)  # fmt: skip
BACK_RIGHT = ("Translated [by]:", "Rozanov [signature]", "Bulgakov [signature]")
SEPARATORS = (("  ",), (" ", "  "))
# Phrases the recognisers and enrichers react to: they open paragraphs or stand among words.
OPENINGS = (
    "First.", "Secondly,", "a)", "(b)", "3)", "in the chemical industry:", "From: Pyongyang",
    "To: USSR MFA, Moscow", "Present at the conversation:", "Kim Il Sung:", "North (KIM):",
    "Dear Comrade Ambassador!", "With communist greetings,", "Translated [by]:", "xxx", "II.",
    "Pyongyang, 5 March 1957", "SECRET", "Copy Nº 1", "[stamp: Incoming]", "- 2 -",
    "Distribution:", "Five copies sent: 1 – to Cde. Ivanov, 2 – to file", "Nº 2 to file.",
    "[signature] N. ZAKHAROV", "Signed:", "Interpreter:", "Recorded by",
)  # fmt: skip
PHRASES = (
    "[signature]", "[[illegible signature]]", "[…]", "[sic, R. Ya. is correct]", "[should be]",
    "[Kansen]", "Ri [Syn Yep]", "[handwritten: 010097ss]", "30-31 August 1956", "in May",
    "Kim Il Sung said that", "the KWP CC", "200 kg", '"an expansion of democracy"',
)  # fmt: skip


def _tokens(cells: tuple[str, ...]) -> list[str]:
    return [token for cell in cells for token in cell.split()]


@dataclass(frozen=True)
class Paragraph:
    """Wrapped lines; ``inside[i]`` page breaks fall after line ``i`` (mid-paragraph)."""

    lines: tuple[str, ...]
    inside: tuple[int, ...]
    before: int = 0

    @property
    def tokens(self) -> list[str]:
        return _tokens(self.lines)


@dataclass(frozen=True)
class Section:
    head: str
    paragraphs: tuple[Paragraph, ...]
    before: int = 0


@dataclass(frozen=True)
class Columns:
    """A column block: row ``i`` holds ``left[i]`` and, if there is one, ``right[i]``; left
    cells beyond the right column are one-cell rows below, at the left edge."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    gaps: tuple[int, ...]
    before: int = 0

    @property
    def tokens(self) -> list[str]:
        return _tokens(self.left) + _tokens(self.right)

    def rows(self) -> list[str]:
        paired = zip(self.left, self.right, self.gaps, strict=False)
        rows = [f"{left}{' ' * gap}{right}  " for left, right, gap in paired]
        return rows + [f"{left}  " for left in self.left[len(self.right) :]]


@dataclass(frozen=True)
class GeneratedDoc:
    banner: bool
    docket: Columns | tuple[str, ...]
    title: tuple[str, ...]
    date: str
    sections: tuple[Section, ...]
    closer: str | None
    back: Columns | None
    separators: tuple[tuple[str, ...], ...]
    break_then_separator: bool

    # --- what a correct reading gives -----------------------------------------------------

    def units(self) -> Iterator[tuple[int, list[str]]]:
        """Reading order as (page breaks before, tokens) pieces; a paragraph is one piece per
        wrapped line so that mid-paragraph breaks fall between pieces."""
        if self.banner:
            yield 0, BANNER.split()
        docket = self.docket
        yield 0, docket.tokens if isinstance(docket, Columns) else _tokens(docket)
        yield 0, _tokens(self.title)
        yield 0, self.date.split()
        for section in self.sections:
            yield section.before, section.head.split()
            for para in section.paragraphs:
                breaks = (para.before, *para.inside)
                for before, line in zip(breaks, para.lines, strict=False):
                    yield before, line.split()
        if self.closer is not None:
            yield 0, self.closer.split()
        if self.back is not None:
            yield self.back.before, self.back.tokens

    def reading_tokens(self) -> list[str]:
        return [token for _, tokens in self.units() for token in tokens]

    def break_positions(self) -> list[int]:
        """For each page break, the index (in the reading tokens) of the new page's first word."""
        positions: list[int] = []
        count = 0
        for before, tokens in self.units():
            positions.extend([count] * before)
            count += len(tokens)
        return positions

    @property
    def page_breaks(self) -> int:
        return len(self.break_positions())

    # --- renderings ---------------------------------------------------------------------------

    def pdf_text(self) -> str:
        seps = iter(self.separators * 1000)
        lines: list[str] = []
        last_separator: list[tuple[str, ...]] = []

        def separate() -> None:
            separator = next(seps)
            lines.extend(separator)
            last_separator[:] = [separator]

        def page_breaks(count: int) -> None:
            if count and self.break_then_separator:
                # The seed's own form: the previous block's text, the break, then its separator.
                separator = last_separator[0]
                del lines[-len(separator) :]
                lines.extend([""] * (3 * count))
                lines.extend(separator)
            else:
                lines.extend([""] * (3 * count))

        def block(block_lines: tuple[str, ...], before: int = 0) -> None:
            page_breaks(before)
            lines.extend(block_lines[:-1])
            lines.append(block_lines[-1] + "  ")
            separate()

        if self.banner:
            lines.extend([BANNER, ""])
        if isinstance(self.docket, Columns):
            lines.extend(self.docket.rows())
        else:
            lines.extend(cell + "  " for cell in self.docket)
        separate()
        block(self.title)
        block((self.date,))
        for section in self.sections:
            block((section.head,), section.before)
            for para in section.paragraphs:
                body: list[str] = []
                for line, inside in zip(para.lines, (*para.inside, 0), strict=True):
                    body.append(line)
                    body.extend([""] * (3 * inside))
                block(tuple(body), para.before)
        if self.closer is not None:
            block((self.closer,))
        if self.back is not None:
            page_breaks(self.back.before)
            lines.extend(self.back.rows())
        return "\n".join(lines) + "\n"

    def web_text(self) -> str:
        """The same content copied from the archive's web page: one block per line."""
        blocks: list[str] = []
        if self.banner:
            blocks.append(BANNER.strip())
        docket = self.docket
        blocks.extend(docket.left + docket.right if isinstance(docket, Columns) else docket)
        blocks.append(" ".join(self.title))
        blocks.append(self.date)
        for section in self.sections:
            blocks.append(section.head)
            blocks.extend(" ".join(para.lines) for para in section.paragraphs)
        if self.closer is not None:
            blocks.append(self.closer)
        if self.back is not None:
            blocks.extend(self.back.left + self.back.right)
        return "\n\n".join(blocks) + "\n"


# --- strategies -------------------------------------------------------------------------------

random_tokens = st.text(TOKEN_ALPHABET, min_size=1, max_size=12).filter(
    # "[page" is how the text export shows a page break when asked to.
    lambda t: not t.startswith("[page")
)
words = st.one_of(
    st.sampled_from(COMMON_WORDS), st.just("Nº"), st.sampled_from(PHRASES), random_tokens
)


def wrap(tokens: list[str], width: int = WRAP) -> tuple[str, ...]:
    """Greedy wrap at ``width`` characters, as the archive's PDF text is wrapped."""
    lines: list[str] = []
    current: list[str] = []
    for token in tokens:
        if current and len(" ".join([*current, token])) > width:
            lines.append(" ".join(current))
            current = []
        current.append(token)
    lines.append(" ".join(current))
    return tuple(lines)


# Mostly none, sometimes one, now and then two in a row (six empty lines: a blank page).
page_breaks = st.sampled_from((0, 0, 0, 0, 1, 1, 2))


def _bracket_depth(lines: tuple[str, ...]) -> int:
    text = " ".join(lines)
    return text.count("[") - text.count("]")


@st.composite
def paragraphs(draw: st.DrawFn) -> Paragraph:
    opening = draw(st.none() | st.sampled_from(OPENINGS))
    body = " ".join(draw(st.lists(words, min_size=0 if opening else 1, max_size=60)))
    lines = wrap(f"{opening or ''} {body}".split())
    inside = tuple(
        # A break inside an open bracket is kept valid by moving it after a gap (whose
        # description cannot hold one), so it no longer stands before its page's first word;
        # test_roundtrip.test_break_inside_a_bracket covers that case.
        draw(page_breaks) if _bracket_depth(lines[: index + 1]) <= 0 else 0
        for index in range(len(lines) - 1)
    )
    return Paragraph(lines, inside, draw(page_breaks))


@st.composite
def columns(
    draw: st.DrawFn, left: tuple[str, ...], right: tuple[str, ...], before: int = 0
) -> Columns:
    right_cells = tuple(draw(st.lists(st.sampled_from(right), min_size=1, max_size=len(right))))
    left_cells = tuple(
        draw(st.lists(st.sampled_from(left), min_size=len(right_cells), max_size=len(left)))
    )
    gaps = tuple(draw(st.integers(3, 9)) for _ in right_cells)
    return Columns(left_cells, right_cells, gaps, before)


@st.composite
def documents(draw: st.DrawFn) -> GeneratedDoc:
    if draw(st.booleans()):
        docket: Columns | tuple[str, ...] = draw(columns(DOCKET_LEFT, DOCKET_RIGHT))
    else:
        docket = tuple(
            draw(st.lists(st.sampled_from(DOCKET_LEFT + DOCKET_RIGHT), min_size=1, max_size=4))
        )
    title = wrap(draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=2, max_size=20)))
    count = draw(st.integers(1, 3))
    heads = draw(st.sampled_from((("I.", "2.", "3."), ("1.", "2.", "3."), ("I.", "II.", "III."))))
    sections = tuple(
        Section(
            heads[index],
            tuple(draw(st.lists(paragraphs(), min_size=1, max_size=4))),
            draw(page_breaks) if index else 0,
        )
        for index in range(count)
    )
    back = draw(st.none() | columns(BACK_LEFT, BACK_RIGHT, before=draw(page_breaks)))
    doc = GeneratedDoc(
        banner=draw(st.booleans()),
        docket=docket,
        title=title,
        date=draw(st.sampled_from(DATES)),
        sections=sections,
        closer=draw(st.none() | st.sampled_from(CLOSERS)),
        back=back,
        separators=tuple(draw(st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=3))),
        break_then_separator=draw(st.booleans()),
    )
    return doc
