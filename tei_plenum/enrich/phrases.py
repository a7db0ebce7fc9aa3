"""Quotations, quoted titles and measures (encoding guide §7.5 and §7.6).

The quote marks stay in the text; ``q`` or ``title`` marks what they enclose. A quoted
title-case string after *decision, resolution, article, report, letter, book* is a ``title``.
Quantities with a unit become ``measure`` with ``@quantity`` and ``@unit``, or with
``@atLeast``/``@atMost`` when the words before the number bound it ("more than 200 kg"), and
``@commodity`` from the words after *of*; "per jeongbo" and other local units become ``unit``
pointing to a ``unitDef`` declared in the header. A unit of reference that closes the measure's
clause ("200 kg of fertilizer per jeongbo") belongs to the measure: the measure spans it and
its ``unit`` sits inside.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import pattern_cache
from ..model import Block, Document, Mark, MarkIndex, Role, attrs
from ..reader.patterns import number_value
from .cues import Cues

# A typographic quotation holds no opening quote of its own: an opener left unclosed before
# it ("the slogan of “steady growth, … against the “old ways”") opens none.
_QUOTE = pattern_cache.compile(r"\"([^\"]{1,400})\"|“([^“”]{1,400})”")
_TITLE_CUE = pattern_cache.compile(
    r"\b(decision|resolution|article|report|letter|book|pamphlet|speech|editorial|"
    r"directive|decree|law|treaty|agreement|statement|appeal|newspaper|journal)\b[^.\"]{0,60}$",
    re.IGNORECASE,
)
_UNITS = {
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "tons": "t", "ton": "t", "tonnes": "t",
    "tonne": "t", "t": "t", "km": "km", "kilometres": "km", "kilometers": "km", "ha": "ha",
    "hectares": "ha", "hectare": "ha", "percent": "%", "per cent": "%", "%": "%",
    "won": "KPW", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "dollars": "USD",
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(
    sorted(
        ("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
         "forty fifty hundred").split(), key=len, reverse=True,
    )
) + ")"  # fmt: skip
# Words before a number that make it a bound (TEI att.ranging): a minimum or a maximum.
_AT_LEAST = ("more than", "over", "at least", "not less than", "no less than", "upwards of")
_AT_MOST = (
    "less than",
    "fewer than",
    "under",
    "up to",
    "no more than",
    "not more than",
    "at most",
)
_BOUNDS = dict.fromkeys(_AT_LEAST, "atLeast") | dict.fromkeys(_AT_MOST, "atMost")
# After these verbs the words are a particle, not a bound: trade "came up to 90 million
# rubles" (it reached the sum), the side "handed over 200 tons" (it gave them).
_PARTICLE_VERBS = {
    "up to": frozenset(
        "came come comes coming went go goes going amounted amounts added adds brought bring "
        "rose rise rises grew grow grows ran run runs".split()
    ),
    "over": frozenset(
        "handed hand hands handing turned turn turns turning took take takes taken taking "
        "passed pass passes passing gave give gives given giving".split()
    ),
}
_BOUND = "|".join(w.replace(" ", r"\s+") for w in sorted(_BOUNDS, key=len, reverse=True))
_MEASURE = pattern_cache.compile(
    rf"(?:\b(?P<bound>{_BOUND})\s+)?"
    rf"\b(?P<n>{_NUMBER})(?:\s+(?P<mult>thousand|million|billion))?\s*"
    rf"(?P<unit>kg|kilograms?|tonnes?|tons?|(?<=\s)t|km|kilomet(?:re|er)s|hectares?|ha|per cent"
    r"|percent|%|won|rubles|roubles|yuan|dollars)(?![\w])",
    re.IGNORECASE,
)
# What is measured: "of" and a few words that stop before a function word.
_COMMODITY = pattern_cache.compile(r"\s+of\s+(?P<words>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})")
_FUNCTION_WORDS = frozenset(
    "a an the this these that those its their our his her each every to in per for and or "
    "from at by with which who be is are was were on as into until till before after since "
    "during over under than within without because but if so not also still yet now then "
    "there here already only".split()
)
# Units a rate may be given per, besides the local ones: "5 tons per hectare".
_REFERENCE_UNITS = {"hectare": "ha", "ha": "ha", "kilometre": "km", "kilometer": "km"}
_REFERENCE_UNITS |= {"km": "km", "ton": "t", "tonne": "t", "kilogram": "kg", "kg": "kg"}
_DURATION = pattern_cache.compile(
    rf"\b(?P<a>{_NUMBER})\s+to\s+(?P<b>{_NUMBER})\s+(?P<unit>years|months|weeks|days)\b",
    re.IGNORECASE,
)
_JEONGBO = "Korean unit of land area: 3,000 pyeong, about 0.99 hectare"
LOCAL_UNITS = {
    "jeongbo": ("unit-jeongbo", "jeongbo", _JEONGBO),
    "chongbo": ("unit-jeongbo", "chongbo", _JEONGBO),
    "pyeong": ("unit-pyeong", "pyeong", "Korean unit of area, about 3.3 square metres"),
    "ri": ("unit-ri", "ri", "Korean unit of length, about 0.4 kilometre"),
}  # fmt: skip
_LOCAL = pattern_cache.compile(r"\bper\s+(?P<u>" + "|".join(LOCAL_UNITS) + r")\b", re.IGNORECASE)
# A unit of reference closing the measure's clause: a few lower-case words, then "per".
_PER = pattern_cache.compile(
    r"(?:\s+[a-z][a-z-]*){0,6}?\s+per\s+(?P<u>"
    + "|".join(sorted({*LOCAL_UNITS, *_REFERENCE_UNITS}, key=lambda unit: (-len(unit), unit)))
    + r")\b"
)
_MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def mark_phrases(doc: Document) -> Document:
    """Add ``q``/``title`` and ``measure``/``unit`` marks; declare local units used."""
    used: dict[str, tuple[str, str, str]] = {}
    blocks = []
    for block in doc.blocks:
        if block.role in (Role.PARAGRAPH, Role.ITEM, Role.HEAD) and block.text:
            block = _quotes(block)
            block = _measures(block, used)
        blocks.append(block)
    units = tuple(sorted({v[0]: v for v in used.values()}.values()))
    return replace(doc, blocks=tuple(blocks), units=units)


def _quotes(block: Block) -> Block:
    if '"' not in block.text and "“" not in block.text:
        return block
    added: list[Mark] = []
    taken = MarkIndex(block.marks)
    for m in _QUOTE.finditer(block.text):
        group = 1 if m.group(1) is not None else 2
        start, end = m.span(group)
        if not taken.nests(start, end):
            continue
        content = block.text[start:end]
        cue = _TITLE_CUE.search(block.text[max(0, m.start() - 80) : m.start()])
        if cue is not None and _title_case(content):
            added.append(Mark(start, end, "title", attrs(type=cue.group(1).lower())))
        else:
            added.append(Mark(start, end, "q"))
        taken.add(added[-1])
    return block.with_marks(added) if added else block


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _value(word: str) -> float | None:
    cleaned = word.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        value = number_value(word)
        return float(value) if value is not None else None


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# Which patterns can match at all in a paragraph, decided by one scan for their cue words.
_CUES = Cues(
    {
        # Unit words, plus the one- and two-letter units only where a word ends after them.
        "measure": [u for u in _UNITS if len(u) > 2 or u == "%"]
        + [f" {u}{end}" for u in ("t", "ha", "km", "kg") for end in " .,;:)"],
        "duration": ["years", "months", "weeks", "days"],
        "local": ["per "],
    }
)


def _measures(block: Block, used: dict[str, tuple[str, str, str]]) -> Block:
    added: list[Mark] = []
    taken = MarkIndex(block.marks)
    text = block.text
    # The space closes a unit that ends the block ("... 3,500 kg") for the cue words.
    cues = _CUES.found(text + " ")
    for m in _MEASURE.finditer(text) if "measure" in cues else ():
        measure = _measure(block, m)
        if measure is not None and taken.nests(measure[0].start, measure[0].end):
            added.extend(measure)
            for mark in measure:
                taken.add(mark)
    for m in _DURATION.finditer(text) if "duration" in cues else ():
        low, high = _value(m.group("a")), _value(m.group("b"))
        start, end = m.span()
        if low is None or high is None or not taken.nests(start, end):
            continue
        unit = m.group("unit").lower().rstrip("s")
        added.append(
            Mark(start, end, "measure",
                 attrs(type="duration", atLeast=_fmt(low), atMost=_fmt(high), unit=unit))
        )  # fmt: skip
        taken.add(added[-1])
    for m in _LOCAL.finditer(text) if "local" in cues else ():
        key, label, description = LOCAL_UNITS[m.group("u").lower()]
        start, end = m.span("u")
        if taken.nests(start, end):
            used[key] = (key, label, description)
            added.append(Mark(start, end, "unit", attrs(unitRef=f"#{key}")))
            taken.add(added[-1])
    return block.with_marks(added) if added else block


def _measure(block: Block, m: re.Match[str]) -> list[Mark] | None:
    """The measure of one match, with the unit of reference it closes on (if any)."""
    value = _value(m.group("n"))
    if value is None:
        return None
    value *= _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
    unit = _UNITS.get(m.group("unit").lower(), m.group("unit").lower())
    text = block.text
    start = m.start()
    bound = " ".join((m.group("bound") or "").lower().split())
    previous = text[max(0, start - 20) : start].split()[-1:]
    if previous and previous[0].lower() in _PARTICLE_VERBS.get(bound, ()):
        bound, start = "", m.start("n")
    amount = _BOUNDS[bound] if bound else "quantity"
    values = {amount: _fmt(value), "unit": unit, "commodity": _commodity(text, m.end())}
    marks = []
    end = m.end()
    per = _PER.match(text, end)
    if per is not None and not any(end <= k.start < per.end() for k in block.marks):
        end = per.end()
        word = per.group("u").lower()
        if word in _REFERENCE_UNITS:
            marks.append(Mark(per.start("u"), end, "unit", attrs(unit=_REFERENCE_UNITS[word])))
    return [Mark(start, end, "measure", attrs(values)), *marks]


def _commodity(text: str, end: int) -> str | None:
    """What a measure ending at ``end`` measures: the words after *of*, up to a function
    word or a verb's participle ("200 kg of chemical fertilizers to be applied", "5,000 tons
    of rice promised for"); a first word may be a participle ("refined oil", "seed grain")."""
    m = _COMMODITY.match(text, end)
    words: list[str] = []
    for word in m.group("words").split() if m else ():
        participle = word.endswith(("ed", "ing")) and bool(words)
        if word in _FUNCTION_WORDS or participle:
            break
        words.append(word)
    return " ".join(words) or None
