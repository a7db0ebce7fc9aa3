"""Totals, the summary table and the per-input records, from hand-made outcomes."""

from __future__ import annotations

from tei_plenum.batch import Outcome, Status, Summary, Totals, outcome_record, summary_lines
from tei_plenum.wording import counted

KIM = ("person", "pers-kim-il-sung", "Kim Il Sung")
PYONGYANG = ("place", "place-pyongyang", "Pyongyang")
KWP = ("org", "org-kwp", "KWP")


def outcome(rel: str, status: Status, date: str = "", entities=(), pages: int = 1) -> Outcome:
    summary = Summary(rel, date, date, "letter", "", pages, 3, 0, tuple(entities))
    return Outcome(f"in/{rel}.txt", rel, status, summary=summary, validated=True)


def totals() -> Totals:
    result = Totals()
    result.add(outcome("a", Status.CONVERTED, "1958-01-22", [KIM, PYONGYANG], pages=2))
    result.add(outcome("b", Status.SKIPPED, "1956-08-30", [KIM, KWP], pages=8))
    result.add(outcome("c", Status.CONVERTED, "", [KWP]))
    result.add(Outcome("in/d.txt", "d", Status.FAILED, reason="line 1, column 4: cannot decode"))
    result.add(Outcome("in/e.txt", "", Status.REFUSED, reason="a linked folder is not followed"))
    result.wall_time = 2.0
    return result


def test_summary_table():
    assert summary_lines(totals()) == [
        "files      5 inputs: 2 converted, 2 failed, 1 skipped (unchanged)",
        "pages      11",
        "entities   persons 2 (1 distinct), places 1 (1 distinct), organisations 2 (1 distinct), "
        "events 0 (0 distinct)",
        "dates      9 mentions; 2 documents dated, 1956-08-30 to 1958-01-22",
        "validation 0 errors",
        # Three inputs worked on (a, c, d) in 2 s; skipped and refused ones take no time.
        "wall time  2.00 s (1.5 files/s)",
    ]


def test_totals_as_json():
    data = totals().to_json()
    assert data["by_status"] == {"converted": 2, "failed": 1, "refused": 1, "skipped": 1}
    assert data["entities"] == {"person": 2, "place": 1, "org": 2, "event": 0}
    assert data["distinct_entities"] == {"person": 1, "place": 1, "org": 1, "event": 0}
    assert data["date_range"] == ["1956-08-30", "1958-01-22"]


def test_records_of_a_document_and_of_a_failure():
    record = outcome_record(outcome("a", Status.CONVERTED, "1958-01-22", [KIM, PYONGYANG]))
    assert record["counts"] == {
        "pages": 1,
        "entities": {"person": 1, "place": 1, "org": 0, "event": 0},
        "date_mentions": 3,
        "warnings": 0,
    }
    assert record["document"] == {
        "title": "a",
        "date": "1958-01-22",
        "kind": "letter",
        "classification": None,
        "classification_level": None,
    }
    failed = outcome_record(Outcome("in/d.txt", "d", Status.FAILED, reason="cannot decode"))
    assert failed["counts"] is None
    assert failed["validation"] == {"checked": False, "valid": None, "errors": 0, "messages": []}


def test_one_of_each_is_singular_and_a_run_that_only_skipped_has_no_rate():
    single = Totals()
    summary = Summary("a", "1958-01-22", "1958-01-22", "letter", "", 1, 1, 0, ())
    single.add(Outcome("in/a.txt", "a", Status.SKIPPED, summary=summary, validation_errors=1))
    single.wall_time = 0.25
    lines = summary_lines(single)
    assert lines[0] == "files      1 input: 0 converted, 0 failed, 1 skipped (unchanged)"
    assert lines[3] == "dates      1 mention; 1 document dated, 1958-01-22 to 1958-01-22"
    assert lines[4] == "validation 1 error"
    assert lines[5] == "wall time  0.25 s"


def test_counted_nouns():
    assert [counted(n, "input") for n in (0, 1, 2)] == ["0 inputs", "1 input", "2 inputs"]
    assert counted(2, "entity", "entities") == "2 entities"
