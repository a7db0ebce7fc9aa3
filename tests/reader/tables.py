"""Helpers for the tests of the reader's rule tables: a cell from a line, and what a table
decides about it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Generic, TypeVar

from tei_plenum.model import Container, Mark, Role, SourceSpan
from tei_plenum.reader.cells import Cell
from tei_plenum.reader.rules import Claim, Rule, first_rule

S = TypeVar("S")


def cell(
    text: str = "",
    *,
    column: str | None = None,
    row_group: int | None = None,
    page_break: bool = False,
    line: int = 5,
    page: int = 1,
    cover: str | None = None,
) -> Cell:
    """A cell of one line, by default in the middle of a page of running text."""
    return Cell(text, SourceSpan(line, 1, line), page, column, row_group, page_break, cover=cover)


@dataclass(frozen=True)
class Decision(Generic[S]):
    """The row that decided a cell, the claim it made (None when it ends the region) and the
    state after it."""

    rule: str | None
    claim: Claim | None
    state: S

    @property
    def placed(self) -> tuple[Role, tuple[Container, ...], dict[str, str]] | None:
        """The claim's role, path and attributes, or None."""
        if self.claim is None:
            return None
        return self.claim.role, self.claim.path, dict(self.claim.attrs)

    def marks(self, text: str) -> list[tuple[str, str]]:
        """The claim's marks as (tag, covered text)."""
        assert self.claim is not None
        return [_covered(mark, text) for mark in self.claim.marks]


def decide(rules: Sequence[Rule[S]], target: Cell, state: S) -> Decision[S]:
    """What ``rules`` decide about ``target`` in ``state``."""
    rule = first_rule(rules, target, state)
    if rule is None:
        return Decision(None, None, state)
    if rule.then is None:
        return Decision(rule.name, None, state)
    claim, after = rule.then(target, state)
    return Decision(rule.name, claim, after)


def untested_rules(
    tables: dict[str, Sequence[Rule[S]]], module: ModuleType
) -> list[tuple[str, str]]:
    """Rows of ``tables`` that have no test named ``test_<table>_<rule>`` in ``module``."""
    return [
        (table, rule.name)
        for table, rules in tables.items()
        for rule in rules
        if not hasattr(module, f"test_{table}_{rule.name.replace('-', '_')}")
    ]


def _covered(mark: Mark, text: str) -> tuple[str, str]:
    return mark.tag, text[mark.start : mark.end]
