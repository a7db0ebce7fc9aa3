"""Date recognition grows linearly with the text: the 4× input may not take 8 times as long.

Each test scans a 1× and a 4× text shaped to reach one path that could grow faster than the
text (many candidates, many year words, many slash dates, one block or many), and compares the
two times measured here (a ratio, so the machine's speed cancels out). Linear is a ratio near 4.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from tei_plenum.enrich.dates import enrich_dates, find_dates
from tei_plenum.model import Block, Document, Role, SourceSpan

pytestmark = pytest.mark.slow

BOUND = 8.0
ANCHOR = dt.date(1957, 3, 15)


def _best(work: Callable[[], object]) -> float:
    """The best of three runs, so that one slow run does not count."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def growth(make: Callable[[int], str], n: int) -> float:
    """How many times longer the 4× text takes to scan than the 1× text."""
    small, large = make(n), make(4 * n)
    return _best(lambda: find_dates(large, anchor=ANCHOR)) / _best(
        lambda: find_dates(small, anchor=ANCHOR)
    )


def packed_dates(n: int) -> str:
    """Every kind of date, over and over, in one block."""
    sentence = (
        "On 14 June this year, between 2 and 3 September last year, from 3 through 17"
        " March 1958, on 24.III.50 and 07/10/50, in late June and in the first quarter of"
        " this year, the 46th anniversary of the March 1st Movement. "
    )
    return sentence * n


def year_words(n: int) -> str:
    """Year words without a date: each one is a place a date could start."""
    return "this year and last year, next year or the previous year; " * n


def numbers(n: int) -> str:
    """Digits that are never dates: references, times, telephone and page numbers."""
    return "No. 073514, at 13:30, tel. 2-34-56, ll. 4-6, f. 17, op. 3, 12/1956; " * n


@pytest.mark.parametrize("make", [packed_dates, year_words, numbers])
def test_scanning_grows_linearly(make: Callable[[int], str]) -> None:
    assert growth(make, 200) < BOUND


def _document(n: int) -> Document:
    """A document of ``n`` short blocks with slash dates, which the enricher reads whole."""
    blocks = tuple(
        Block(Role.PARAGRAPH, f"Telegram of 1{i % 10}/05/50 received 14/10/50.", SourceSpan(i), 1)
        for i in range(n)
    )
    return Document("scaling.txt", "web", blocks, pages=1)


def test_enriching_a_document_grows_linearly() -> None:
    small, large = _document(100), _document(400)
    assert _best(lambda: enrich_dates(large)) / _best(lambda: enrich_dates(small)) < BOUND
