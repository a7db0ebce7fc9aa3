"""Find the archive's catalogue furniture above a document: the cover of its PDF export, or
the date and title lines of its web page.

Both are the archive's words about the document, not the document's own: the layout cuts them
off as blocks of their own, each named by the field it is (``banner``, ``date``, ``title``,
``citation``, ``summary``, ``credits``, ``originalLanguage``, ``contents``, ``furniture``), and
the reader places them in ``front/div[@type="archiveCover"]``. Where the export was flattened
onto one long line, the document's text shares the cover's line; the layout then splits it at
the boundaries a reader can see (``flattened.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import pattern_cache
from ..letters import is_upper
from . import patterns as pat
from .patterns import cover as cp

# How far a cover field may run before the next label: longer means it is no cover.
_FIELD_REACH = 4000
_LANGUAGE_NAMES = pattern_cache.compile(
    r"\s*[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:(?:,\s*|\s+and\s+|\s*/\s*)[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*"
)

PDF_EXPORT = "pdf-export"
WEB_PAGE = "web-page"


@dataclass(frozen=True, slots=True)
class CoverField:
    """One part of the cover: its field name and its span in the text (spaces trimmed)."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover at the start of a text: its fields in order, where the document starts, the
    cover's form, and whether the document's text shares the cover's line (a flattened
    export)."""

    fields: tuple[CoverField, ...]
    end: int
    form: str
    flattened: bool = False


def find_cover(text: str) -> Cover | None:
    """The archive's cover at the start of ``text`` (an export's or a web page's), or None."""
    return _export_cover(text) or _page_lines(text)


def _field(text: str, name: str, start: int, end: int) -> CoverField | None:
    """The field over ``text[start:end]`` with surrounding white space left out."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return CoverField(name, start, end) if end > start else None


def _export_cover(text: str) -> Cover | None:
    """The PDF export's cover: banner, date, title, then the labelled fields up to the list of
    contents, after which the document's text begins."""
    banner = cp.banner_end(text)
    if banner is None:
        return None
    fields = [_field(text, "banner", 0, banner)]
    position = banner
    date_end = cp.archive_date_end(text, position)
    if date_end is not None:
        fields.append(_field(text, "date", position, date_end))
        position = date_end
    found = _labelled(text, position)
    if not found:
        return None
    fields.append(_field(text, "title", position, found[0][1]))
    end = position
    for index, (name, start, label_end) in enumerate(found):
        following = found[index + 1][1] if index + 1 < len(found) else None
        value_end = _value_end(text, name, label_end, following)
        if value_end is None:
            break
        fields.append(_field(text, name, start, value_end))
        end = value_end
        if name == "contents":
            break
    kept = tuple(f for f in fields if f is not None)
    first_line_end = text.find("\n")
    flattened = first_line_end == -1 or (first_line_end > end and text[end:first_line_end].strip())
    return Cover(kept, end, PDF_EXPORT, flattened=bool(flattened))


def _labelled(text: str, start: int) -> list[tuple[str, int, int]]:
    """The cover's labels in their printed order, each within reach of the one before."""
    order = [name for name, _ in cp.FIELD_LABELS]
    found: list[tuple[str, int, int]] = []
    position, rank = start, 0
    for name, label_start, label_end in cp.labels(text, start):
        if label_start - position > _FIELD_REACH:
            break
        if name not in order[rank:]:
            continue
        found.append((name, label_start, label_end))
        position, rank = label_end, order.index(name) + 1
        if name == "contents":
            break
    if not found or found[0][0] != "citation":
        return []
    return found


def _value_end(text: str, name: str, start: int, following: int | None) -> int | None:
    """Where a field's value ends: at the next label; the original language and the list of
    contents end with their own words, since the document may follow them."""
    if name == "contents":
        return cp.contents_end(text, start)
    if name == "originalLanguage" and following is None:
        m = _LANGUAGE_NAMES.match(text, start)
        return m.end() if m else None
    return following


def _page_lines(text: str) -> Cover | None:
    """A web page's date line and title line (and any page furniture above them)."""
    fields: list[CoverField] = []
    offset = 0
    lines = text.split("\n")
    index = 0
    while index < len(lines) and (not lines[index].strip() or cp.is_page_furniture(lines[index])):
        if lines[index].strip():
            fields.append(CoverField("furniture", *_trimmed(lines[index], offset)))
        offset += len(lines[index]) + 1
        index += 1
    if index >= len(lines) or not cp.is_page_date_line(lines[index]):
        return None
    fields.append(CoverField("date", *_trimmed(lines[index], offset)))
    offset += len(lines[index]) + 1
    index += 1
    while index < len(lines) and not lines[index].strip():
        offset += len(lines[index]) + 1
        index += 1
    if index < len(lines) and _is_page_title(lines[index]):
        fields.append(CoverField("title", *_trimmed(lines[index], offset)))
        offset += len(lines[index]) + 1
    return Cover(tuple(fields), min(offset, len(text)), WEB_PAGE)


def _trimmed(line: str, offset: int) -> tuple[int, int]:
    start = len(line) - len(line.lstrip())
    return offset + start, offset + len(line.rstrip())


def _is_page_title(line: str) -> bool:
    """The line under the page's date is its title when it reads like one and is none of the
    lines a document opens with (a marking, a date, a field, a salutation, a letterhead naming
    a body without naming a kind of document); a message's sender and addressee, each with
    its place, are a title whatever they name."""
    text = " ".join(line.split())
    if cp.is_page_date_line(text) or pat.marking(text) or pat.is_date_only(text):
        return False
    if cp.is_routed_title(text):
        return True
    if pat.is_institution_line(text) and pat.genre_of(text) is None:
        return False
    if pat.field_label(text) or pat.is_opening_salute(text) or pat.is_bracketed_line(text):
        return False
    if cp.reads_like_archive_title(text):
        return True
    # A title that names a kind of document and nothing else relates ("Soviet-Indian Talks").
    kind = pat.genre_of(text) is not None and not is_upper(text)
    return kind and len(text) <= 160 and not text.endswith((".", ":", ";"))
