"""Reading time grows linearly with the input: the 4× input may not take 8 times as long.

Each test reads a 1× and a 4× input shaped to reach one path that once grew faster than the
input, and compares the two times measured here (a ratio, so the machine's speed cancels out).
Linear is a ratio near 4; the quadratic paths these tests guard gave 13 to 16.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tei_plenum.reader import read

pytestmark = pytest.mark.slow

BOUND = 8.0


def _seconds(text: str) -> float:
    """The best of three readings of ``text``, so that one slow run does not count."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        read(text, source_name="scaling.txt")
        times.append(time.perf_counter() - start)
    return min(times)


def growth(make: Callable[[int], str], n: int) -> float:
    """How many times longer the 4× input takes to read than the 1× input."""
    return _seconds(make(4 * n)) / _seconds(make(n))


def column_rows(n: int) -> str:
    """A title followed by capitalised two-column rows: the title block never ends."""
    rows = "".join(f"LEFT CELL {i}        RIGHT CELL {i}  \n" for i in range(n))
    return "TITLE  \n  \n" + rows


def page_breaks(n: int) -> str:
    """One short paragraph per page: a page break between every two blocks."""
    return "TITLE  \n  \n" + "".join(f"Paragraph {i}.  \n\n\n\n" for i in range(n))


def breaks_mid_paragraph(n: int) -> str:
    """One paragraph running over ``n`` pages."""
    return "TITLE  \n  \n" + "".join(f"line {i}\n\n\n\n" for i in range(n)) + "end.  \n"


def space_runs(n: int) -> str:
    """Lines made of words between long runs of spaces."""
    line = ("x " + " " * 50) * 20
    return "TITLE  \n  \n" + "".join(f"{line}\n" for _ in range(n)) + "  \n"


def closing_lines(n: int) -> str:
    """A paragraph followed by short capitalised lines, which all may close the body."""
    names = "".join(f"NAME {i}  \n  \n" for i in range(n))
    return "TITLE  \n  \nThe text.  \n  \n" + names


def date_lines(n: int) -> str:
    """Lines holding only a date, which all may open the body."""
    return "".join("5 March 1957  \n  \n" for _ in range(n))


@pytest.mark.parametrize(
    ("make", "n"),
    [
        pytest.param(column_rows, 1000, id="column-rows-in-a-title-block"),
        pytest.param(page_breaks, 3000, id="page-breaks-between-blocks"),
        pytest.param(breaks_mid_paragraph, 2000, id="page-breaks-inside-a-paragraph"),
        pytest.param(space_runs, 500, id="long-runs-of-spaces"),
        pytest.param(closing_lines, 1000, id="a-long-closer"),
        pytest.param(date_lines, 1000, id="a-long-opener"),
    ],
)
def test_reading_time_grows_linearly(make: Callable[[int], str], n: int):
    assert growth(make, n) < BOUND
