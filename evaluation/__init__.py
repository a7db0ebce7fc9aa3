"""Score converter output against hand-made gold annotations of unseen documents.

The converter is judged on documents nobody tuned it on, so the scorer reads only what the TEI
says (names, dates, speaker turns, page breaks) and compares it with annotations made by reading
the source text. Extraction works on any TEI tree, generated or hand-written, which keeps the
scorer testable without the converter.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tei_plenum.errors import TeiPlenumError
from tei_plenum.vocabulary import ENTITY_KINDS, TEI_CLARK, XML_ID
from tei_plenum.vocabulary import XPATH_NS as NS

# The entity types the gold files annotate (events are not scored), and the TEI element
# (local name) that marks a mention of each.
ENTITY_TYPES = ("person", "place", "org")
ENTITY_ELEMENTS = {kind.name: str(kind.type) for kind in ENTITY_KINDS if kind.type in ENTITY_TYPES}
DATE_ATTRS = ("when", "from", "to", "notBefore", "notAfter")
DATE_ELEMENTS = ("date", "docDate")
# The container the converter gives the archive's catalogue furniture (cover, page lines).
ARCHIVE_COVER = "archiveCover"
# A newspaper or journal is a title, not an organisation, even when encoded as orgName.
PERIODICAL_TYPES = frozenset({"periodical", "newspaper"})

# What the converter must reach on the evaluation set.
TARGETS = {"entity_f1": 0.92, "date_accuracy": 0.95, "turn_accuracy": 1.0}


# Turns a source text into a TEI tree; the real one is tei_plenum.pipeline.convert_file.
Converter = Callable[[Path], etree._ElementTree]


class GoldError(ValueError):
    """A gold file, or the set of them, does not follow the documented format."""


def normalise(text: str) -> str:
    """Collapse whitespace, so line wraps and page breaks inside a name do not matter."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Mention:
    type: str
    text: str


@dataclass(frozen=True)
class DateMention:
    text: str
    attrs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Turn:
    """One speaker turn; `speaker` is a lower-case name (a surname in gold files)."""

    speaker: str
    direct: bool


@dataclass(frozen=True)
class Annotation:
    """What one document contains, from a gold file or from a TEI tree."""

    pages: int
    genre: str = ""
    entities: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    turns: tuple[Turn, ...] = ()


# ---------------------------------------------------------------- extraction from TEI


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _participants(root: etree._Element) -> dict[str, str]:
    """Map each participant's xml:id to its name, so that @who can be read as a person."""
    names = {}
    for person in root.iterfind(".//tei:teiHeader//tei:particDesc//tei:person", NS):
        xml_id = person.get(XML_ID)
        pers_name = person.find("tei:persName", NS)
        if xml_id and pers_name is not None:
            names[xml_id] = normalise("".join(pers_name.itertext())).lower()
    return names


def _speaker_name(who: str, participants: Mapping[str, str]) -> str:
    """Resolve @who; an undeclared id still names someone through its slug (`pers-kim-il-sung`)."""
    ref = who.split()[0].lstrip("#") if who.split() else ""
    if ref in participants:
        return participants[ref]
    return ref.removeprefix("pers-").replace("-", " ")


def in_archive_cover(element: etree._Element) -> bool:
    """True inside `div[@type="archiveCover"]`: the archive's catalogue data, not the document.

    The PDF export's cover block and a web copy's page date and title lines name people,
    dates and titles that the document itself does not print there, so nothing in that
    container is scored as a mention, a date, a turn or a block.
    """
    return any(
        _local(a) == "div" and a.get("type") == ARCHIVE_COVER
        for a in element.iterancestors(f"{TEI_CLARK}*")
    )


def extract(tree: etree._ElementTree | etree._Element) -> Annotation:
    """Read mentions, dates, turns, page count and genre from a TEI document.

    Only `tei:text` is read: the header and standOff repeat names the reader never sees.
    Names inside a `speaker` label are left out: a label is scored as a turn, not a mention.
    The archive's cover (`in_archive_cover`) is left out; page breaks are counted everywhere.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    text = root.find("tei:text", NS)
    genre_term = root.find(".//tei:teiHeader//tei:textClass//tei:term[@type='docType']", NS)
    genre = normalise(genre_term.text or "") if genre_term is not None else ""
    if text is None:
        return Annotation(pages=0, genre=genre)
    entities = []
    dates = []
    for element in text.iter(*(f"{TEI_CLARK}{n}" for n in (*ENTITY_ELEMENTS, *DATE_ELEMENTS))):
        if in_archive_cover(element):
            continue
        name = _local(element)
        if name in ENTITY_ELEMENTS:
            if any(_local(a) == "speaker" for a in element.iterancestors(f"{TEI_CLARK}*")):
                continue
            if name == "orgName" and element.get("type") in PERIODICAL_TYPES:
                continue
            entities.append(Mention(ENTITY_ELEMENTS[name], normalise("".join(element.itertext()))))
        else:
            attrs = tuple((a, element.get(a)) for a in DATE_ATTRS if element.get(a) is not None)
            dates.append(DateMention(normalise("".join(element.itertext())), attrs))
    participants = _participants(root)
    turns = tuple(
        Turn(
            _speaker_name(sp.get("who", ""), participants),
            sp.find("tei:speaker", NS) is not None,
        )
        for sp in text.iterfind(".//tei:sp", NS)
        if not in_archive_cover(sp)
    )
    pages = sum(1 for _ in text.iterfind(".//tei:pb", NS))
    return Annotation(pages, genre, tuple(entities), tuple(dates), turns)


# ---------------------------------------------------------------- gold files


def _require(data: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data or not isinstance(data[key], kind):
        raise GoldError(f"{where}: '{key}' must be a {kind.__name__}")
    return data[key]


def parse_gold(data: Any, where: str = "gold") -> Annotation:
    """Check a decoded gold file and turn it into an Annotation."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: the gold file must hold a JSON object")
    pages = _require(data, "pages", int, where)
    genre = _require(data, "genre", str, where)
    entities = []
    for n, item in enumerate(_require(data, "entities", list, where)):
        at = f"{where}: entities[{n}]"
        kind = _require(item, "type", str, at)
        if kind not in ENTITY_TYPES:
            raise GoldError(f"{at}: type must be one of {', '.join(ENTITY_TYPES)}")
        entities.append(Mention(kind, normalise(_require(item, "text", str, at))))
    dates = []
    for n, item in enumerate(_require(data, "dates", list, where)):
        at = f"{where}: dates[{n}]"
        surface = normalise(_require(item, "text", str, at))
        unknown = set(item) - {"text", *DATE_ATTRS}
        if unknown:
            raise GoldError(f"{at}: unknown keys {', '.join(sorted(unknown))}")
        attrs = tuple((a, _require(item, a, str, at)) for a in DATE_ATTRS if a in item)
        if not attrs:
            raise GoldError(f"{at}: a date needs at least one of {', '.join(DATE_ATTRS)}")
        dates.append(DateMention(surface, attrs))
    turns = []
    for n, item in enumerate(_require(data, "turns", list, where)):
        at = f"{where}: turns[{n}]"
        speaker = _require(item, "speaker", str, at)
        turns.append(Turn(speaker.lower(), _require(item, "direct", bool, at)))
    return Annotation(pages, genre, tuple(entities), tuple(dates), tuple(turns))


def load_gold(path: Path) -> Annotation:
    """Read one gold JSON file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path.name}: not JSON ({exc})") from exc
    return parse_gold(data, path.name)


# ---------------------------------------------------------------- scoring


def _ratio(part: int, whole: int, *, empty: float = 1.0) -> float:
    """A share; `empty` when there was nothing to count (nothing to find and nothing found)."""
    return part / whole if whole else empty


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, empty=1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, empty=1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _multiset_counts(gold: Iterable[object], found: Iterable[object]) -> Counts:
    g, f = Counter(gold), Counter(found)
    return Counts(sum((g & f).values()), sum((f - g).values()), sum((g - f).values()))


def score_entities(gold: Sequence[Mention], found: Sequence[Mention]) -> dict[str, Counts]:
    """Per type, multiset match of (type, text): order and position do not matter."""
    return {
        kind: _multiset_counts(
            (m.text for m in gold if m.type == kind), (m.text for m in found if m.type == kind)
        )
        for kind in ENTITY_TYPES
    }


@dataclass(frozen=True)
class DateScore:
    gold: int = 0
    found: int = 0
    matched: int = 0
    surface_matched: int = 0

    def __add__(self, other: DateScore) -> DateScore:
        return DateScore(
            self.gold + other.gold,
            self.found + other.found,
            self.matched + other.matched,
            self.surface_matched + other.surface_matched,
        )

    @property
    def accuracy(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.found)


def score_dates(gold: Sequence[DateMention], found: Sequence[DateMention]) -> DateScore:
    """A gold date counts when a found date has the same words AND the same ISO attributes.

    The surface-only figure tells a wrong span from a wrong value when reading the table.
    """
    full = _multiset_counts(gold, found)
    surface = _multiset_counts((d.text for d in gold), (d.text for d in found))
    return DateScore(len(gold), len(found), full.tp, surface.tp)


def turn_matches(gold: Turn, found: Turn) -> bool:
    """Same kind of turn, and the gold speaker's words occur in the resolved name.

    A gold speaker is a surname (`kim`) or, where the record names a speaker only by an
    office, alternatives separated by `|` (`churchill|prime minister`), any one of which may
    match a run of words of the resolved name.
    """
    words = [w.strip(".,()") for w in found.speaker.split()]
    return gold.direct == found.direct and any(
        _contains_run(words, alternative.split()) for alternative in gold.speaker.split("|")
    )


def _contains_run(words: Sequence[str], run: Sequence[str]) -> bool:
    return bool(run) and any(
        list(words[i : i + len(run)]) == list(run) for i in range(len(words) - len(run) + 1)
    )


def _aligned(gold: Sequence[Turn], found: Sequence[Turn]) -> int:
    """Longest common subsequence: a missed or extra turn costs one, not every later turn."""
    row = [0] * (len(found) + 1)
    for g in gold:
        previous = row[:]
        for j, f in enumerate(found, start=1):
            row[j] = previous[j - 1] + 1 if turn_matches(g, f) else max(previous[j], row[j - 1])
    return row[-1]


@dataclass(frozen=True)
class TurnScore:
    gold: int = 0
    found: int = 0
    aligned: int = 0

    @property
    def exact(self) -> bool:
        return self.aligned == self.gold == self.found

    @property
    def share(self) -> float:
        return _ratio(self.aligned, max(self.gold, self.found))


def score_turns(gold: Sequence[Turn], found: Sequence[Turn]) -> TurnScore:
    return TurnScore(len(gold), len(found), _aligned(gold, found))


@dataclass(frozen=True)
class DocumentScore:
    name: str
    gold: Annotation
    found: Annotation
    entities: dict[str, Counts]
    dates: DateScore
    turns: TurnScore
    error: str | None = None

    @property
    def entity_total(self) -> Counts:
        return sum(self.entities.values(), Counts())

    @property
    def pages_ok(self) -> bool:
        return self.gold.pages == self.found.pages

    @property
    def genre_ok(self) -> bool:
        return self.gold.genre == self.found.genre


def differences(gold: Annotation, found: Annotation) -> list[str]:
    """What was missed (-) and what was added (+), to see why a row scores low."""
    lines = []
    for label, g, f in (
        ("name", gold.entities, found.entities),
        ("date", gold.dates, found.dates),
    ):
        missed, added = Counter(g) - Counter(f), Counter(f) - Counter(g)
        lines += [f"- {label} {item}" for item in missed.elements()]
        lines += [f"+ {label} {item}" for item in added.elements()]
    return lines


def score_document(
    name: str, gold: Annotation, found: Annotation, error: str | None = None
) -> DocumentScore:
    return DocumentScore(
        name,
        gold,
        found,
        score_entities(gold.entities, found.entities),
        score_dates(gold.dates, found.dates),
        score_turns(gold.turns, found.turns),
        error,
    )


@dataclass(frozen=True)
class Summary:
    documents: tuple[DocumentScore, ...]

    def entities(self, kind: str | None = None) -> Counts:
        """Counts summed over documents, for one type or micro-averaged over all types."""
        kinds = ENTITY_TYPES if kind is None else (kind,)
        return sum((d.entities[k] for d in self.documents for k in kinds), Counts())

    @property
    def dates(self) -> DateScore:
        return sum((d.dates for d in self.documents), DateScore())

    @property
    def turn_share(self) -> float:
        aligned = sum(d.turns.aligned for d in self.documents)
        return _ratio(aligned, sum(max(d.turns.gold, d.turns.found) for d in self.documents))

    @property
    def turn_exact(self) -> float:
        return _ratio(sum(d.turns.exact for d in self.documents), len(self.documents))

    @property
    def page_accuracy(self) -> float:
        return _ratio(sum(d.pages_ok for d in self.documents), len(self.documents))

    @property
    def genre_accuracy(self) -> float:
        return _ratio(sum(d.genre_ok for d in self.documents), len(self.documents))

    def figures(self) -> dict[str, float]:
        """The headline figures, the ones TARGETS names first."""
        return {
            "entity_f1": self.entities().f1,
            "date_accuracy": self.dates.accuracy,
            "turn_accuracy": self.turn_exact,
            "turn_share": self.turn_share,
            "date_precision": self.dates.precision,
            "page_accuracy": self.page_accuracy,
            "genre_accuracy": self.genre_accuracy,
        }

    def missed_targets(self) -> list[str]:
        figures = self.figures()
        return [name for name, target in TARGETS.items() if figures[name] < target]


def _counts_json(counts: Counts) -> dict[str, Any]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def summary_json(summary: Summary) -> dict[str, Any]:
    """Everything the table shows, as plain data."""
    documents = []
    for d in summary.documents:
        documents.append(
            {
                "name": d.name,
                "error": d.error,
                "pages": {"gold": d.gold.pages, "found": d.found.pages},
                "genre": {"gold": d.gold.genre, "found": d.found.genre},
                "entities": {k: _counts_json(c) for k, c in d.entities.items()}
                | {"all": _counts_json(d.entity_total)},
                "dates": {
                    "gold": d.dates.gold,
                    "found": d.dates.found,
                    "matched": d.dates.matched,
                    "surface_matched": d.dates.surface_matched,
                    "accuracy": d.dates.accuracy,
                    "precision": d.dates.precision,
                },
                "turns": {
                    "gold": d.turns.gold,
                    "found": d.turns.found,
                    "aligned": d.turns.aligned,
                    "exact": d.turns.exact,
                    "share": d.turns.share,
                },
            }
        )
    return {
        "documents": documents,
        "entities": {k: _counts_json(summary.entities(k)) for k in ENTITY_TYPES}
        | {"all": _counts_json(summary.entities())},
        "figures": summary.figures(),
        "targets": TARGETS,
        "missed_targets": summary.missed_targets(),
    }


# ---------------------------------------------------------------- the evaluation set


def pair_documents(docs_dir: Path, gold_dir: Path) -> list[tuple[str, Path, Path]]:
    """Match docs/<name>.txt with gold/<name>.json; an unpaired file is an error, not a skip."""
    docs = {p.stem: p for p in docs_dir.glob("*.txt")}
    golds = {p.stem: p for p in gold_dir.glob("*.json")}
    unpaired = sorted(docs.keys() ^ golds.keys())
    if unpaired:
        raise GoldError(f"documents and gold files do not pair up: {', '.join(unpaired)}")
    if not docs:
        raise GoldError(f"no documents in {docs_dir.name}")
    return [(name, docs[name], golds[name]) for name in sorted(docs)]


def evaluate(docs_dir: Path, gold_dir: Path, convert: Converter) -> Summary:
    """Convert every document and score it; a document the converter rejects scores zero."""
    scores = []
    for name, doc, gold_path in pair_documents(docs_dir, gold_dir):
        gold = load_gold(gold_path)
        try:
            found, error = extract(convert(doc)), None
        except TeiPlenumError as exc:
            found, error = Annotation(pages=0), str(exc)
        scores.append(score_document(name, gold, found, error))
    return Summary(tuple(scores))
