"""Scoring on real archive documents: the document's title, date, genre and blocks, and identities.

Real documents come as users get them: web-page copies and the archive's PDF exports. Besides
the mentions, dates and turns that `evaluation` scores on the invented set, a historian judges
the catalogue fields a converter derives (main title, document date, genre), whether the
document kept its paragraphs, and whether a name was linked to the wrong person of the
authority file: users join documents by those keys, so a wrong link is worse than none.

Like the rest of the scorer, everything here reads a TEI tree and nothing else, so it is tested
on small hand-made trees; the converter is passed in by the caller.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from tei_plenum.errors import TeiPlenumError
from tei_plenum.vocabulary import TEI_CLARK, XML_ID, XPATH_NS

from . import (
    DATE_ATTRS,
    Annotation,
    DocumentScore,
    GoldError,
    Summary,
    _local,
    _require,
    extract,
    in_archive_cover,
    normalise,
    pair_documents,
    parse_gold,
    score_document,
)

# The docType vocabulary of issue 10 (encoding guide §4.5).
GENRES = frozenset(
    {
        "decision",
        "resolution",
        "record of conversation",
        "memorandum of conversation",
        "minutes",
        "telegram",
        "letter",
        "journal",
        "report",
        "information",
        "note",
        "speech",
        "other",
    }
)

# Elements that hold one block of the source: a paragraph, a heading, a line of the title
# block, opener or closer, a list item, a marking. Only the innermost ones are counted, so a
# `docTitle` counts its `titlePart`s, an `opener` its `dateline` and `salute`, an `item` its `p`s.
BLOCK_ELEMENTS = (
    "p",
    "ab",
    "head",
    "item",
    "l",
    "row",
    "dateline",
    "salute",
    "signed",
    "byline",
    "docTitle",
    "titlePart",
    "docDate",
    "docAuthor",
    "docImprint",
    "address",
    "addrLine",
    "opener",
    "closer",
    "trailer",
    "fw",
)
# Blocks inside these are part of a line, not lines of their own.
INLINE_CONTAINERS = frozenset({"note", "speaker", "label", "figDesc"})

# What a real-set run must reach (issues 10 and 11); every figure is a share except
# `wrong_links`, a count that must stay at or below its limit.
REAL_TARGETS = {
    "title": 0.90,
    "document_date": 0.90,
    "genre": 0.90,
    "blocks": 1.0,
    "entity_precision": 0.95,
    "entity_f1": 0.92,
    "date_accuracy": 0.95,
    "turn_exact": 1.0,
}
REAL_LIMITS = {"wrong_links": 0}

# A warning that says a field was not found: a negation and the field's name.
_NOT_FOUND = re.compile(
    r"\b(no|not|none|unknown|could not|cannot|missing|without|constructed)\b", re.I
)
_FIELD_WORDS = {
    "title": re.compile(r"\btitles?\b", re.I),
    "date": re.compile(r"\bdates?\b", re.I),
    "genre": re.compile(r"\b(genre|document type|doctype|kind of document)\b", re.I),
}
FIELDS = tuple(_FIELD_WORDS)

DateValue = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Converted:
    """What the scorer needs from one conversion: the tree and the converter's warnings."""

    tree: etree._ElementTree
    warnings: tuple[str, ...] = ()


# Turns a source file into a Converted; the real one wraps tei_plenum.pipeline.convert_file.
RealConverter = Callable[[Path], Converted]


@dataclass(frozen=True)
class Identity:
    """The person a surface form denotes in one document; `key` None: not in the authority."""

    text: str
    key: str | None


@dataclass(frozen=True)
class DocumentGold:
    """A real document's gold: the mentions of `Annotation` plus the document-level fields."""

    annotation: Annotation
    title: str
    date: DateValue
    paragraphs: int
    title_alternatives: tuple[str, ...] = ()
    date_alternatives: tuple[DateValue, ...] = ()
    genre_alternatives: tuple[str, ...] = ()
    identities: tuple[Identity, ...] = ()


@dataclass(frozen=True)
class PersonLink:
    """One `persName` of the text and the record ids its `@ref` leads to."""

    text: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class DocumentFound:
    """What the converter's TEI says about a real document."""

    annotation: Annotation
    title: str = ""
    date: DateValue = ()
    blocks: int = 0
    persons: tuple[PersonLink, ...] = ()
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------- reading the TEI


def _root(tree: etree._ElementTree | etree._Element) -> etree._Element:
    return tree.getroot() if isinstance(tree, etree._ElementTree) else tree


def main_title(tree: etree._ElementTree | etree._Element) -> str:
    """`titleStmt/title[@type="main"]`, else the first `titleStmt/title`."""
    root = _root(tree)
    stmt = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt", XPATH_NS)
    if stmt is None:
        return ""
    title = stmt.find("tei:title[@type='main']", XPATH_NS)
    if title is None:
        title = stmt.find("tei:title", XPATH_NS)
    return normalise("".join(title.itertext())) if title is not None else ""


def document_date(tree: etree._ElementTree | etree._Element) -> DateValue:
    """The ISO attributes of `profileDesc/creation//date`, the header's document date (§4.5)."""
    date = _root(tree).find("tei:teiHeader/tei:profileDesc/tei:creation//tei:date", XPATH_NS)
    if date is None:
        return ()
    return tuple((a, date.get(a)) for a in DATE_ATTRS if date.get(a) is not None)


def _outside_line(element: etree._Element) -> bool:
    return not in_archive_cover(element) and not any(
        _local(a) in INLINE_CONTAINERS for a in element.iterancestors(f"{TEI_CLARK}*")
    )


def count_blocks(tree: etree._ElementTree | etree._Element) -> int:
    """Innermost block elements of `text`, outside the archive's cover and inline notes."""
    text = _root(tree).find("tei:text", XPATH_NS)
    if text is None:
        return 0
    tags = [f"{TEI_CLARK}{name}" for name in BLOCK_ELEMENTS]
    blocks = [e for e in text.iter(*tags) if _outside_line(e)]
    counted = set(blocks)
    return sum(1 for e in blocks if not any(inner in counted for inner in e.iterdescendants(*tags)))


def _ids(pointers: str | None) -> list[str]:
    return [p.removeprefix("#") for p in (pointers or "").split() if p.startswith("#")]


def person_links(tree: etree._ElementTree | etree._Element) -> tuple[PersonLink, ...]:
    """Every linked `persName` of `text` (labels included, the cover left out) with its targets.

    A target is the `@ref` id itself and, when the document's own record for that id points on
    with `@sameAs` or `@corresp`, the record it points to: either may be an authority key.
    """
    root = _root(tree)
    text = root.find("tei:text", XPATH_NS)
    if text is None:
        return ()
    records = {r.get(XML_ID): r for r in root.iter(f"{TEI_CLARK}person") if r.get(XML_ID)}
    links = []
    for name in text.iter(f"{TEI_CLARK}persName"):
        if in_archive_cover(name) or not name.get("ref"):
            continue
        refs = []
        for ref in _ids(name.get("ref")):
            refs.append(ref)
            record = records.get(ref)
            if record is not None:
                refs += _ids(record.get("sameAs")) + _ids(record.get("corresp"))
        links.append(PersonLink(normalise("".join(name.itertext())), tuple(dict.fromkeys(refs))))
    return tuple(links)


def read_found(
    tree: etree._ElementTree | etree._Element, warnings: Sequence[str] = ()
) -> DocumentFound:
    """Everything the real-set scores read from one converted document."""
    return DocumentFound(
        extract(tree),
        main_title(tree),
        document_date(tree),
        count_blocks(tree),
        person_links(tree),
        tuple(warnings),
    )


# ---------------------------------------------------------------- comparing


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_SURROUNDING = " \t\n.,;:!?\"'"


def normalise_title(title: str) -> str:
    """Case, whitespace, typographic quotes and the punctuation around a title do not count."""
    return normalise(title.translate(_QUOTES)).strip(_SURROUNDING).casefold()


# The house style (guide 4.1) appends the title date to the printed title: ", 9 October 1957".
_TITLE_DATE = re.compile(r",\s+[^\n]{0,38}\d[^\n]{0,38}")


def title_ok(gold: DocumentGold, found: str) -> bool:
    """The gold title, alone or followed by the title date the house style appends."""
    wanted = {normalise_title(t) for t in (gold.title, *gold.title_alternatives)}
    title = normalise_title(found)
    return any(
        title == w or (title.startswith(w) and _TITLE_DATE.fullmatch(title[len(w) :]))
        for w in wanted
    )


def date_ok(gold: DocumentGold, found: DateValue) -> bool:
    return bool(found) and set(found) in [set(d) for d in (gold.date, *gold.date_alternatives)]


def genre_ok(gold: DocumentGold, found: str) -> bool:
    return found in (gold.annotation.genre, *gold.genre_alternatives)


@dataclass(frozen=True)
class WrongLink:
    """A `persName` linked to an authority record that is not the person it names."""

    text: str
    linked: tuple[str, ...]
    gold: str | None

    def __str__(self) -> str:
        return f"{self.text} -> {', '.join(self.linked)} (is {self.gold or 'not in the authority'})"


def _gold_identity(text: str, identities: Sequence[Identity]) -> Identity | None:
    """The longest gold surface form the name contains as whole words (`Comrade Kim Il Sung`)."""
    inside = [
        i for i in identities if re.search(rf"(?<!\w){re.escape(i.text)}(?!\w)", text) is not None
    ]
    return max(inside, key=lambda i: len(i.text), default=None)


def wrong_links(
    identities: Sequence[Identity], persons: Iterable[PersonLink], authority: Collection[str]
) -> tuple[WrongLink, ...]:
    """Names linked to an authority record other than the gold person.

    A name that leads to no authority record is not a wrong link (it is unresolved), and a name
    that contains no gold surface form is a false name, which entity precision counts.
    """
    wrong = []
    for person in persons:
        linked = tuple(ref for ref in person.refs if ref in authority)
        identity = _gold_identity(person.text, identities)
        if linked and identity is not None and set(linked) != {identity.key}:
            wrong.append(WrongLink(person.text, linked, identity.key))
    return tuple(wrong)


def warned_fields(warnings: Iterable[str]) -> tuple[str, ...]:
    """The fields (title, date, genre) that some warning says were not found."""
    fields = set()
    for warning in warnings:
        if _NOT_FOUND.search(warning):
            fields |= {name for name, words in _FIELD_WORDS.items() if words.search(warning)}
    return tuple(name for name in FIELDS if name in fields)


def missing_fields(found: DocumentFound) -> tuple[str, ...]:
    """The fields the output lacks: no main title, no document date, a genre outside the list."""
    missing = {
        "title": not found.title,
        "date": not found.date,
        "genre": found.annotation.genre not in GENRES,
    }
    return tuple(name for name in FIELDS if missing[name])


@dataclass(frozen=True)
class RealScore:
    """One real document's scores: the invented set's, plus the document-level verdicts."""

    base: DocumentScore
    gold: DocumentGold
    found: DocumentFound
    wrong: tuple[WrongLink, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.base.name

    @property
    def title_ok(self) -> bool:
        return title_ok(self.gold, self.found.title)

    @property
    def date_ok(self) -> bool:
        return date_ok(self.gold, self.found.date)

    @property
    def genre_ok(self) -> bool:
        return genre_ok(self.gold, self.found.annotation.genre)

    @property
    def blocks_ok(self) -> bool:
        return self.found.blocks >= self.gold.paragraphs

    @property
    def has_turns(self) -> bool:
        return bool(self.gold.annotation.turns or self.found.annotation.turns)

    @property
    def warned(self) -> tuple[str, ...]:
        return warned_fields(self.found.warnings)

    @property
    def unwarned(self) -> tuple[str, ...]:
        """Fields missing from the output with no warning that says so."""
        return tuple(f for f in missing_fields(self.found) if f not in self.warned)


def score_real(
    name: str,
    gold: DocumentGold,
    found: DocumentFound,
    authority: Collection[str],
    error: str | None = None,
) -> RealScore:
    return RealScore(
        score_document(name, gold.annotation, found.annotation, error),
        gold,
        found,
        wrong_links(gold.identities, found.persons, authority),
    )


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


@dataclass(frozen=True)
class RealSummary:
    documents: tuple[RealScore, ...]

    @property
    def base(self) -> Summary:
        return Summary(tuple(d.base for d in self.documents))

    @property
    def wrong_links(self) -> int:
        return sum(len(d.wrong) for d in self.documents)

    def figures(self) -> dict[str, float]:
        docs = self.documents
        entities = self.base.entities()
        return {
            "title": _share([d.title_ok for d in docs]),
            "document_date": _share([d.date_ok for d in docs]),
            "genre": _share([d.genre_ok for d in docs]),
            "blocks": _share([d.blocks_ok for d in docs]),
            "entity_precision": entities.precision,
            "entity_recall": entities.recall,
            "entity_f1": entities.f1,
            "date_accuracy": self.base.dates.accuracy,
            "date_precision": self.base.dates.precision,
            "turn_exact": _share([d.base.turns.exact for d in docs if d.has_turns]),
            "wrong_links": float(self.wrong_links),
            "unwarned_missing_fields": float(sum(len(d.unwarned) for d in docs)),
        }

    def missed_targets(self) -> list[str]:
        figures = self.figures()
        return [n for n, t in REAL_TARGETS.items() if figures[n] < t] + [
            n for n, limit in REAL_LIMITS.items() if figures[n] > limit
        ]


# ---------------------------------------------------------------- gold files


def _date_value(data: Any, where: str) -> DateValue:
    if not isinstance(data, dict):
        raise GoldError(f"{where}: must be an object of ISO date attributes")
    unknown = set(data) - set(DATE_ATTRS)
    if unknown:
        raise GoldError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    value = tuple((a, _require(data, a, str, where)) for a in DATE_ATTRS if a in data)
    if not value:
        raise GoldError(f"{where}: a date needs at least one of {', '.join(DATE_ATTRS)}")
    return value


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise GoldError(f"{where}: '{key}' must be a list of strings")
    return tuple(items)


def _title(value: Any, source: str | None, where: str) -> str:
    """A gold title: as written, or, so that no document's words are kept in the gold,
    pointed at in the source (``{"line": 2}``, ``{"line": 2, "from": 0, "to": 40}``, or
    ``{"lines": [3, 5]}`` for a title printed over several lines; the lines are joined with
    their runs of white space as single spaces, which is what the offsets count), or a list of
    such pieces joined by spaces (a title whose lines the page interleaved with others)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):  # pieces from several places, a word the page lost as written
        return " ".join(_title(piece, source, where) for piece in value)
    if not isinstance(value, dict) or not ({"line"} <= set(value) or {"lines"} <= set(value)):
        raise GoldError(f"{where}: '{where.rsplit(': ', 1)[-1]}' must be a str or a pointer")
    if source is None:
        return ""  # read without its document: the title is not known
    lines = source.split("\n")
    first, last = value.get("lines", [value.get("line"), value.get("line")])
    if not all(isinstance(n, int) and 1 <= n <= len(lines) for n in (first, last)):
        raise GoldError(f"{where}: the title's lines are not in the source")
    text = " ".join(" ".join(lines[first - 1 : last]).split())
    return text[value.get("from", 0) : value.get("to", len(text))].strip()


def parse_real_gold(data: Any, where: str = "gold", source: str | None = None) -> DocumentGold:
    """Check a decoded real-set gold file and turn it into a DocumentGold; ``source`` is the
    document's text, which the title pointers read (without it a pointed title is empty)."""
    annotation = parse_gold(data, where)
    genres = _strings(data, "genre_alternatives", where)
    for genre in (annotation.genre, *genres):
        if genre not in GENRES:
            raise GoldError(f"{where}: genre {genre!r} is not in the vocabulary")
    paragraphs = _require(data, "paragraphs", int, where)
    if paragraphs < 1:
        raise GoldError(f"{where}: 'paragraphs' must be at least 1")
    alternatives = data.get("date_alternatives", [])
    if not isinstance(alternatives, list):
        raise GoldError(f"{where}: 'date_alternatives' must be a list")
    other_dates = tuple(
        _date_value(d, f"{where}: date_alternatives[{n}]") for n, d in enumerate(alternatives)
    )
    identities = []
    for n, item in enumerate(data.get("identities", [])):
        at = f"{where}: identities[{n}]"
        key = item.get("key", "missing") if isinstance(item, dict) else None
        if key is not None and not (isinstance(key, str) and key.startswith("pers-")):
            raise GoldError(f"{at}: 'key' must be a pers- key or null")
        identities.append(Identity(normalise(_require(item, "text", str, at)), key))
    surfaces = [i.text for i in identities]
    repeated = sorted({s for s in surfaces if surfaces.count(s) > 1})
    if repeated:
        raise GoldError(f"{where}: identities repeat {', '.join(repeated)}")
    if "title" not in data:
        raise GoldError(f"{where}: missing 'title'")
    alternatives_given = data.get("title_alternatives", [])
    if not isinstance(alternatives_given, list):
        raise GoldError(f"{where}: 'title_alternatives' must be a list")
    return DocumentGold(
        annotation,
        _title(data["title"], source, f"{where}: title"),
        _date_value(data.get("date"), f"{where}: date"),
        paragraphs,
        tuple(_title(t, source, f"{where}: title_alternatives") for t in alternatives_given),
        other_dates,
        genres,
        tuple(identities),
    )


def load_real_gold(path: Path, source: str | None = None) -> DocumentGold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path.name}: not JSON ({exc})") from exc
    return parse_real_gold(data, path.name, source)


# ---------------------------------------------------------------- the real set


def evaluate_real(
    docs_dir: Path,
    gold_dir: Path,
    convert: RealConverter,
    authority: Collection[str],
) -> RealSummary:
    """Convert every real document and score it; a rejected document scores zero."""
    scores = []
    for name, doc, gold_path in pair_documents(docs_dir, gold_dir):
        gold = load_real_gold(gold_path, doc.read_text(encoding="utf-8"))
        try:
            converted = convert(doc)
            found, error = read_found(converted.tree, converted.warnings), None
        except TeiPlenumError as exc:
            found, error = DocumentFound(Annotation(pages=0)), str(exc)
        scores.append(score_real(name, gold, found, authority, error))
    return RealSummary(tuple(scores))


def _date_text(value: DateValue) -> str:
    return " ".join(f"{a}={v}" for a, v in value) or "none"


def document_json(d: RealScore) -> dict[str, Any]:
    """One real document's verdicts and the values behind them."""
    base = d.base
    entities = base.entity_total
    return {
        "name": d.name,
        "error": base.error,
        "title": {"ok": d.title_ok, "gold": d.gold.title, "found": d.found.title},
        "date": {
            "ok": d.date_ok,
            "gold": _date_text(d.gold.date),
            "found": _date_text(d.found.date),
        },
        "genre": {"ok": d.genre_ok, "gold": d.gold.annotation.genre, "found": base.found.genre},
        "blocks": {"ok": d.blocks_ok, "paragraphs": d.gold.paragraphs, "found": d.found.blocks},
        "entities": {
            "tp": entities.tp,
            "fp": entities.fp,
            "fn": entities.fn,
            "precision": entities.precision,
            "recall": entities.recall,
            "f1": entities.f1,
        },
        "dates": {
            "gold": base.dates.gold,
            "found": base.dates.found,
            "matched": base.dates.matched,
        },
        "turns": {
            "gold": base.turns.gold,
            "found": base.turns.found,
            "aligned": base.turns.aligned,
            "exact": base.turns.exact,
        },
        "wrong_links": [str(w) for w in d.wrong],
        "warnings": list(d.found.warnings),
        "warned_not_found": list(d.warned),
        "missing_without_warning": list(d.unwarned),
    }


def real_summary_json(summary: RealSummary) -> dict[str, Any]:
    return {
        "documents": [document_json(d) for d in summary.documents],
        "figures": summary.figures(),
        "targets": REAL_TARGETS,
        "limits": REAL_LIMITS,
        "missed_targets": summary.missed_targets(),
    }
