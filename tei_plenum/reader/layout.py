"""Group source lines into raw blocks, pages and column cells (encoding guide §2).

The archive's own catalogue furniture at the start (the PDF export's cover block, a web page's
date and title lines: ``cover.py``) is cut off first, one raw block per field, each naming the
field it is. The document's text after it is read in one of four layouts:

* ``pdf-text`` – text extracted from the archive's PDFs: a line ending in two or more spaces
  closes a block, a line of spaces separates blocks, exactly three empty lines are a page break
  (which may fall mid-paragraph), rows with an inner gap of three or more spaces form
  multi-column blocks that are de-interleaved column by column (§2.1).
* ``web-text`` – text copied from the archive's web page (§2.2): one block per line, except that
  a line leaving a square bracket open continues until the bracket closes.
* ``plain-text`` – text hard-wrapped at a fixed width: blank-line separated paragraphs whose
  lines are joined.
* ``wrapped-text`` – a PDF export's text that lost its block ends (no trailing spaces, no
  empty lines), wrapped at the width of its page: a line that fills the width and stops
  mid-sentence continues on the next line, any other line ends its paragraph. The width is
  measured on the text, since exports come wrapped at 85, 100 or more columns.
* ``flattened-text`` – text flattened onto very few long lines (a PDF export copied as one
  paragraph): each line is cut where a reader sees a boundary (``flattened.py``).

The result keeps every character of the reading text; only layout whitespace is dropped. A
layout that joins many lines into very few blocks says so in a warning.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .. import pattern_cache
from ..letters import is_upper
from ..lexicon import TITLES, is_initial
from .cover import WEB_PAGE, find_cover
from .flattened import split_flattened
from .patterns.characters import COLUMN_GAP, SENTENCE_END, SPACE_RUN
from .patterns.titles import looks_like_title


@dataclass(frozen=True, slots=True)
class RawLine:
    number: int
    column: int
    text: str


@dataclass(slots=True)
class RawBlock:
    """A block before classification: its lines, page, where it sat in a column block, and
    the field of the archive's cover it is, if it is one."""

    lines: list[RawLine]
    page: int
    column: str | None = None
    row_group: int | None = None
    page_breaks: list[tuple[int, int]] = field(default_factory=list)
    cover: str | None = None

    @property
    def text(self) -> str:
        if len(self.lines) == 1:
            return _keep_runs(self.lines[0].text)
        return _join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class PageBreakAt:
    """A page break between blocks: it precedes raw block ``before``."""

    before: int
    page: int


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    blocks: list[RawBlock]
    breaks: list[PageBreakAt]
    pages: int
    warnings: tuple[str, ...] = ()


def _keep_runs(line: str) -> str:
    """A one-line block keeps a two-space mark where it had a run of spaces: a docket line may
    hold two markings ("Nº 196  Copy Nº 1", guide §6), which the classifier splits, or else
    joins with one space."""
    return SPACE_RUN.sub(lambda m: "  " if len(m.group()) > 1 else " ", line.strip())


def _join(parts: Iterable[str]) -> str:
    """Lines joined with one space, every run of spaces reduced to one (guide §2)."""
    return " ".join(" ".join(parts).split())


def detect(lines: list[str]) -> str:
    """Name the layout of a file from its whitespace conventions."""
    trailing = sum(1 for line in lines if line.strip() and line.endswith("  "))
    separators = sum(1 for line in lines if line and not line.strip())
    if trailing >= 2 or separators >= 2:
        return "pdf-text"
    if _flattened(lines):
        return "flattened-text"
    if _wrapped(lines):
        return "wrapped-text"
    return "plain-text" if _hard_wrapped(lines) else "web-text"


# A line this long among very few lines is a whole document flattened onto one line; a file
# that is one line only needs less (a web copy has its page's date and title lines besides).
_FLATTENED_LINE = 1500
_FLATTENED_LINES = 3
_ONLY_LINE = 500
# Lines longer than this are paragraphs of a web copy, never lines wrapped at a fixed width.
_PARAGRAPH_LINE = 150


def _flattened(lines: list[str]) -> bool:
    """Very few lines, one of them as long as a whole document."""
    filled = [line for line in lines if line.strip()]
    if len(filled) == 1:
        return len(filled[0]) >= _ONLY_LINE
    return 0 < len(filled) <= _FLATTENED_LINES and max(map(len, filled)) >= _FLATTENED_LINE


# A page wraps its lines at some 60 to 150 characters; a line wrapped there fills at least this
# share of the width, and none runs much past it. Fewer full lines than this are no pattern.
_NARROWEST_WRAP = 60
_FULL_LINE = 0.85
_OVERRUN = 1.1
_WRAPPED_LINES = 4
# A sentence's last word and its stop, a closing quote or bracket after it.
_FULL_STOP = pattern_cache.compile(r"(\S+?)[.!?][\"”’)\]]?$")
_ABBREVIATIONS = frozenset({t.form[:-1] for t in TITLES if t.form.endswith(".")} | {"No", "Nr"})


def wrap_width(lines: list[str]) -> int:
    """The width a text's lines were wrapped at: the length that a tenth of them reach, so
    that a short heading or a stray long line does not set it."""
    lengths = sorted((len(line.rstrip()) for line in lines if line.strip()), reverse=True)
    return lengths[len(lengths) // 10] if lengths else 0


def _wrapped(lines: list[str]) -> bool:
    """Lines wrapped at one width with no empty line and no trailing spaces to end a
    paragraph: many of them fill the width and stop mid-sentence, none runs past it (a web
    copy's paragraphs, one per line, vary far more in length)."""
    filled = [line.rstrip() for line in lines if line.strip()]
    width = wrap_width(lines)
    if _inner_gap(lines) or not _NARROWEST_WRAP <= width <= _PARAGRAPH_LINE:
        return False
    if max(map(len, filled)) > _OVERRUN * width:
        return False
    full = sum(1 for line in filled[:-1] if _runs_on(line, width))
    return full >= _WRAPPED_LINES and 3 * full >= len(filled)


def _inner_gap(lines: list[str]) -> bool:
    """Whether an empty line stands between two lines of text (the cover's end may leave one
    blank line before them)."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    return bool(filled) and filled[-1] - filled[0] + 1 > len(filled)


def _runs_on(line: str, width: int) -> bool:
    """Whether a line wrapped at ``width`` continues on the next line: it fills the width and
    stops mid-sentence (a stop after a title or an initial, "… were present: Dr.", ends no
    sentence)."""
    line = line.rstrip()
    if len(line) < _FULL_LINE * width:
        return False
    stop = _FULL_STOP.search(line)
    word = stop.group(1) if stop else ""
    return stop is None or word in _ABBREVIATIONS or is_initial(f"{word}.")


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines wrapped at a fixed width: many of them continue in lower case where no sentence
    ended, and none is as long as a paragraph. A title that wraps into a lower-case line
    ("RECORD OF A CONVERSATION" / "with DPRK Ambassador …") does not count."""
    if any(len(line) > _PARAGRAPH_LINE for line in lines):
        return False
    joined = transitions = 0
    in_title = False
    for first, second in itertools.pairwise(lines):
        if not first.strip() or not second.strip():
            in_title = False
            continue
        transitions += 1
        continues = second.lstrip()[:1].islower() and not SENTENCE_END.search(first.rstrip())
        in_title = continues and (in_title or _title_line(first))
        if continues and not in_title:
            joined += 1
    return joined >= 2 and 3 * joined >= transitions


def _title_line(line: str) -> bool:
    """A line in capitals, or a capitalised line naming a document's kind."""
    text = " ".join(line.split())
    return is_upper(text) or (text[:1].isupper() and looks_like_title(text))


def split_lines(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.replace("\t", " ") for line in lines]


def segment(text: str) -> Layout:
    """Cut ``text`` into raw blocks in reading order, with page breaks: the archive's cover
    first, then the document in its layout."""
    lines = split_lines(text)
    joined = "\n".join(lines)
    cover = find_cover(joined)
    if cover is None:
        return _segment_document(lines, 1, flattened=False)
    starts = _line_starts(lines)
    cover_blocks = [
        _span_block(lines, starts, found.start, found.end, found.name) for found in cover.fields
    ]
    index, column = _position(starts, cover.end)
    rest = lines[index:]
    if rest:
        rest[0] = " " * column + rest[0][column:]
    document = _segment_document(
        rest, index + 1, flattened=cover.flattened, web_page=cover.form == WEB_PAGE
    )
    shift = len(cover_blocks)
    return Layout(
        document.name,
        [*cover_blocks, *document.blocks],
        [PageBreakAt(found.before + shift, found.page) for found in document.breaks],
        document.pages,
        document.warnings,
    )


def _segment_document(
    lines: list[str], first: int, *, flattened: bool, web_page: bool = False
) -> Layout:
    """The document's own text, its first line numbered ``first``."""
    name = "flattened-text" if flattened else _web_lines(detect(lines), lines, web_page=web_page)
    if name == "pdf-text":
        layout = _segment_pdf(lines, first)
    elif name == "plain-text":
        layout = _segment_paragraphs(lines, first)
    elif name == "wrapped-text":
        layout = _segment_wrapped(lines, first)
    elif name == "flattened-text":
        layout = _segment_flattened(lines, first)
    else:
        layout = _segment_web(lines, first)
    warning = _merge_warning(layout, sum(1 for line in lines if line.strip()))
    return replace(layout, warnings=(warning,)) if warning else layout


def _web_lines(name: str, lines: list[str], *, web_page: bool) -> str:
    """A web page's copy (its page's date and title lines found) with no blank line is one
    paragraph per line however short its lines are (read as hard-wrapped text it would be
    one block), however long (a paragraph of a page may run as long as a flattened export)."""
    if not web_page:
        return name
    if name == "flattened-text" or (name == "plain-text" and all(line.strip() for line in lines)):
        return "web-text"
    return name


# A layout that joins more lines than this into each block, on average, has probably merged
# paragraphs that the source kept apart.
_LINES_PER_BLOCK = 8
_FEW_LINES = 12


def _merge_warning(layout: Layout, lines: int) -> str | None:
    blocks = len(layout.blocks)
    if lines < _FEW_LINES or lines < _LINES_PER_BLOCK * max(blocks, 1):
        return None
    return (
        f"the {layout.name} layout joined {lines} lines into {blocks} blocks: paragraphs may "
        "have been merged"
    )


def _line_starts(lines: list[str]) -> list[int]:
    """The offset of each line in the lines joined with line feeds."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """The line index and column of ``offset``."""
    index = max(0, bisect.bisect_right(starts, offset) - 1)
    return index, offset - starts[index]


def _span_block(lines: list[str], starts: list[int], start: int, end: int, name: str) -> RawBlock:
    """The raw block of the text between two offsets, one raw line per source line."""
    first, _ = _position(starts, start)
    last, _ = _position(starts, max(start, end - 1))
    pieces = []
    for index in range(first, last + 1):
        line = lines[index]
        left = max(0, start - starts[index])
        right = min(len(line), end - starts[index])
        piece = line[left:right]
        if piece.strip():
            indent = len(piece) - len(piece.lstrip())
            pieces.append(RawLine(index + 1, left + indent + 1, piece.strip()))
    return RawBlock(pieces, 1, cover=name)


def _raw(number: int, line: str) -> RawLine:
    stripped = line.lstrip(" ")
    return RawLine(number, len(line) - len(stripped) + 1, stripped.rstrip())


class _PdfReader:
    """State machine over PDF-extracted lines; one instance per file."""

    def __init__(self) -> None:
        self.blocks: list[RawBlock] = []
        self.breaks: list[PageBreakAt] = []
        self.page = 1
        self.current: RawBlock | None = None
        # The joined length of the current block's first ``measured`` lines: a page break
        # inside the block is placed without joining the whole block again.
        self.length = self.measured = 0
        # Breaks met inside an open block: mid-paragraph unless the block ends right after.
        self.pending_breaks = 0
        self.rows: list[tuple[int, str]] = []
        self.row_groups = 0

    def close(self) -> None:
        self.flush_rows()
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None

    def page_break(self, count: int) -> None:
        self.flush_rows()
        if self.current is None and not self.blocks:
            return  # empty lines before the first text: page 1 has not started yet
        for _ in range(count):
            self.page += 1
            if self.current is not None:
                self.pending_breaks += 1
            else:
                self.breaks.append(PageBreakAt(len(self.blocks), self.page))

    def text_line(self, number: int, line: str) -> None:
        # A gap between columns holds three spaces in a row, which `in` finds at C speed.
        gap = "   " in line and COLUMN_GAP.search(line.strip()) is not None
        if gap or (self.rows and not self.current):
            if self.current is not None:
                self.settle_pending_as_boundary()
                self.close()
            self.rows.append((number, line))
            return
        raw = _raw(number, line)
        if self.current is None:
            self.current = RawBlock([raw], self.page)
            self.length = self.measured = 0
        else:
            if self.pending_breaks:
                offset = self.joined_length(self.current) + 1
                self.current.page_breaks.extend((offset, page) for page in self.pending_pages())
                self.pending_breaks = 0
            self.current.lines.append(raw)
        if line.endswith("  "):
            self.settle_pending_as_boundary()
            self.close()

    def joined_length(self, block: RawBlock) -> int:
        """Length of ``block``'s text so far, measuring only the lines added since last asked."""
        for line in block.lines[self.measured :]:
            self.length += len(_join([line.text])) + (1 if self.measured else 0)
            self.measured += 1
        return self.length

    def settle_pending_as_boundary(self) -> None:
        """Breaks pending at the end of a block fall between blocks after all."""
        if self.pending_breaks and self.current is not None:
            self.blocks.append(self.current)
            self.current = None
            self.breaks.extend(PageBreakAt(len(self.blocks), page) for page in self.pending_pages())
            self.pending_breaks = 0

    def pending_pages(self) -> range:
        return range(self.page - self.pending_breaks + 1, self.page + 1)

    def flush_rows(self) -> None:
        if not self.rows:
            return
        self.row_groups += 1
        self.blocks.extend(_deinterleave(self.rows, self.page, self.row_groups))
        self.rows = []


def _segment_pdf(lines: list[str], first: int = 1) -> Layout:
    reader = _PdfReader()
    empty_run = 0
    for number, line in enumerate(lines, start=first):
        if line == "":
            empty_run += 1
            continue
        if empty_run:
            if empty_run >= 3:
                reader.page_break(empty_run // 3)
            else:
                reader.settle_pending_as_boundary()
                reader.close()
            empty_run = 0
        if not line.strip():
            reader.settle_pending_as_boundary()
            reader.close()
            continue
        reader.text_line(number, line)
    if reader.pending_breaks and reader.current is not None:
        # Breaks after the last line of the file start no new page.
        reader.page -= reader.pending_breaks
        reader.pending_breaks = 0
    reader.close()
    breaks = [b for b in reader.breaks if b.before < len(reader.blocks)]
    pages = 1 + len(breaks) + sum(len(b.page_breaks) for b in reader.blocks)
    return Layout("pdf-text", reader.blocks, breaks, pages)


def _deinterleave(rows: list[tuple[int, str]], page: int, group: int) -> list[RawBlock]:
    """Read a multi-column block column by column (guide §2.1): left cells, then right cells."""
    cells: list[tuple[str, RawLine]] = []
    # (line number, indent, left cell, (column and text of the right cell) or None)
    split_rows: list[tuple[int, int, str, tuple[int, str] | None]] = []
    for number, line in rows:
        indent = len(line) - len(line.lstrip(" "))
        gap = COLUMN_GAP.search(line.strip())
        if gap is None:
            split_rows.append((number, indent, line.strip(), None))
        else:
            body = line.strip()
            right_column = indent + gap.end() + 1
            split_rows.append(
                (number, indent, body[: gap.start()], (right_column, body[gap.end() :]))
            )
    left_starts = [indent for _, indent, _, right in split_rows if right is not None]
    right_starts = [right[0] for _, _, _, right in split_rows if right is not None]
    left_edge = min(left_starts)
    right_edge = min(right_starts)
    for number, indent, left, right in split_rows:
        if right is None:
            side = "left" if abs(indent - left_edge) <= abs(indent - right_edge) else "right"
            cells.append((side, RawLine(number, indent + 1, left)))
            continue
        cells.append(("left", RawLine(number, indent + 1, left)))
        cells.append(("right", RawLine(number, right[0], SPACE_RUN.sub(" ", right[1]))))
    ordered = [c for c in cells if c[0] == "left"] + [c for c in cells if c[0] == "right"]
    return [RawBlock([raw], page, column=side, row_group=group) for side, raw in ordered]


def _bracket_depth(text: str) -> int:
    return text.count("[") - text.count("]")


def _opens_a_note(text: str) -> bool:
    """A line that begins a bracketed note of its own ("[KGB letterhead]"): a bracket left
    open above it (a stamp the translator never closed) ends there. A doubled bracket
    ("[[11]] September") is an uncertain reading inside the open note."""
    return text.startswith("[") and not text.startswith("[[")


def _segment_web(lines: list[str], first: int = 1) -> Layout:
    return _segment_lines(lines, first, "web-text", one_per_line=True)


def _segment_paragraphs(lines: list[str], first: int = 1) -> Layout:
    return _segment_lines(lines, first, "plain-text", one_per_line=False)


def _segment_wrapped(lines: list[str], first: int = 1) -> Layout:
    """Lines joined into paragraphs where they run on at the text's wrap width."""
    width = wrap_width(lines)
    blocks: list[RawBlock] = []
    previous = ""
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            previous = ""
            continue
        raw = _raw(number, line)
        if blocks and _runs_on(previous, width):
            blocks[-1].lines.append(raw)
        else:
            blocks.append(RawBlock([raw], 1))
        previous = line
    return Layout("wrapped-text", blocks, [], 1)


def _segment_flattened(lines: list[str], first: int = 1) -> Layout:
    """Each line cut into the blocks a reader can see in it."""
    blocks = []
    for number, line in enumerate(lines, start=first):
        for start, end in split_flattened(line):
            blocks.append(RawBlock([RawLine(number, start + 1, line[start:end])], 1))
    return Layout("flattened-text", blocks, [], 1)


# A bracket left open in a web copy continues its block for at most this many lines; one that
# does not close within them is a stray "[", and its lines stay blocks of their own.
_MAX_BRACKET_LINES = 8


def _segment_lines(lines: list[str], first: int, name: str, *, one_per_line: bool) -> Layout:
    """Blocks of layouts without page breaks: one per line (web copies, where a line leaving a
    bracket open continues until it closes or a new bracketed note begins, and a line in
    capitals leaving a name open continues with the next in capitals), or one per run of
    non-empty lines (plain text)."""
    blocks: list[RawBlock] = []
    current: RawBlock | None = None
    for number, line in enumerate(lines, start=first):
        if not line.strip():
            if current is not None and (not one_per_line or _bracket_depth(current.text) <= 0):
                blocks.append(current)
                current = None
            continue
        raw = _raw(number, line)
        if current is not None and one_per_line and _opens_a_note(raw.text):
            blocks.append(current)
            current = None
        open_caps = current is not None and one_per_line and _bracket_depth(current.text) <= 0
        if current is not None and open_caps and not is_upper(raw.text):
            blocks.append(current)  # a line in capitals left open, and none in capitals after
            current = None
        if one_per_line and blocks and current is None and _continues_capitals(blocks[-1], raw):
            current = blocks.pop()
        if current is None:
            current = RawBlock([raw], 1)
        else:
            current.lines.append(raw)
        if one_per_line and _bracket_depth(current.text) <= 0 and not _left_open(current):
            blocks.append(current)
            current = None
        elif one_per_line and len(current.lines) >= _MAX_BRACKET_LINES:
            blocks.extend(_line_by_line(current))
            current = None
    if current is not None:
        unclosed = one_per_line and _bracket_depth(current.text) > 0
        blocks.extend(_line_by_line(current) if unclosed else [current])
    return Layout(name, blocks, [], 1)


# The last word of a line in capitals that leaves a name open, which a web copy wrapped onto
# the next line ("MONGOLIAN PEOPLES REVOLUTIONARY" / "PARTY CENTRAL COMMITTEE").
_OPEN_CAPITALS = pattern_cache.compile(
    r"(?:\b(?:OF|THE|AND|FOR|TO|IN|ON|FOREIGN|PEOPLES|PEOPLE'S|PEOPLE’S|WORKERS'|WORKERS’|"
    r"REVOLUTIONARY|INTERNATIONAL|NATIONAL|SOCIALIST|COMMUNIST|DEMOCRATIC|CENTRAL|POLITICAL|"
    r"PROVISIONAL|SUPREME|STANDING|EXECUTIVE)|\b[A-Z]{3,}(?:IAN|EAN|ESE|ISH))$"
)
# The first word of a line in capitals that goes on with the line above ("FROM THE JOURNAL" /
# "OF A. M. PUZANOV").
_CONTINUING_CAPITALS = pattern_cache.compile(r"(?:OF|AND|FOR)\s")
# The first words of a short line that goes on with a short line above ("Embassy" / "of the
# Polish Republic" / "in Korea").
_CONTINUING_LINE = pattern_cache.compile(r"(?:of|in)\s")
_SHORT_LINE = 60
# How many lines one wrapped name or title may join.
_OPEN_CAPITAL_LINES = 3


def _left_open(block: RawBlock) -> bool:
    """A web copy's line in capitals ending in a word that leaves a name open: the next line,
    if in capitals too, goes on with it."""
    last = block.lines[-1].text.rstrip()
    return (
        len(block.lines) < _OPEN_CAPITAL_LINES
        and is_upper(last)
        and _OPEN_CAPITALS.search(last) is not None
    )


def _continues_capitals(block: RawBlock, line: RawLine) -> bool:
    """A line in capitals opening with "OF", "AND" or "FOR" under a line in capitals, or a
    short line opening with "of" or "in" under a short capitalised one with no stop
    ("Embassy" / "of the Polish Republic" / "in Korea"): one name or title wrapped."""
    above = block.lines[-1].text
    if len(block.lines) >= _OPEN_CAPITAL_LINES or _bracket_depth(block.text) > 0:
        return False
    if is_upper(above) and is_upper(line.text):
        return _CONTINUING_CAPITALS.match(line.text) is not None
    return (
        len(above) <= _SHORT_LINE
        and len(line.text) <= _SHORT_LINE
        and block.lines[0].text[:1].isupper()
        and not above.rstrip().endswith((".", ":", ";", ",", "!", "?"))
        and _CONTINUING_LINE.match(line.text) is not None
    )


def _line_by_line(block: RawBlock) -> list[RawBlock]:
    """A web copy's block whose bracket never closed, back to one block per line."""
    return [RawBlock([line], 1) for line in block.lines]
