"""Quotations, quoted titles and measures (encoding guide §7.5 and §7.6).

The quote marks stay in the text; ``q`` or ``title`` marks what they enclose. A quoted
title-case string after *decision, resolution, article, report, letter, book* is a ``title``.
Quantities with a unit become ``measure`` with ``@quantity`` and ``@unit``; "per jeongbo" and
other local units become ``unit`` pointing to a ``unitDef`` declared in the header.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Document, Mark, MarkIndex, Role, attrs
from ..reader.patterns import number_value
from .cues import Cues

_QUOTE = re.compile(r"\"([^\"]{1,400})\"|“([^”]{1,400})”")
_TITLE_CUE = re.compile(
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
_MEASURE = re.compile(
    rf"\b(?P<n>{_NUMBER})(?:\s+(?P<mult>thousand|million|billion))?\s*"
    rf"(?P<unit>kg|kilograms?|tonnes?|tons?|km|kilomet(?:re|er)s|hectares?|ha|per cent|percent|%"
    r"|won|rubles|roubles|yuan|dollars)(?![\w])",
    re.IGNORECASE,
)
_DURATION = re.compile(
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
_LOCAL = re.compile(r"\bper\s+(?P<u>" + "|".join(LOCAL_UNITS) + r")\b", re.IGNORECASE)
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
    cues = _CUES.found(text)
    for m in _MEASURE.finditer(text) if "measure" in cues else ():
        value = _value(m.group("n"))
        if value is None:
            continue
        value *= _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
        unit = _UNITS.get(m.group("unit").lower(), m.group("unit").lower())
        start, end = m.span()
        if taken.nests(start, end):
            added.append(Mark(start, end, "measure", attrs(quantity=_fmt(value), unit=unit)))
            taken.add(added[-1])
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
