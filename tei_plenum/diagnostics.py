"""Diagnostics: one finding of a validator, with where it is and which rule found it.

Validators report problems as :class:`Diagnostic` values instead of raising, so a run can
collect every problem of every file; the CLI renders them with :func:`render_text` (one
``file:line:column: severity: message [rule]`` line each) or :func:`to_json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .errors import Location


class Severity(StrEnum):
    """How bad a finding is: only errors make a document invalid."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem: severity, the rule id or error code, a message saying how to fix it."""

    severity: Severity
    code: str
    message: str
    location: Location
    schema: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def render_text(diagnostic: Diagnostic) -> str:
    """``file:line:column: error: message [rule-id]``, on one line whatever the message holds."""
    message = " ".join(diagnostic.message.split())
    return f"{diagnostic.location}: {diagnostic.severity}: {message} [{diagnostic.code}]"


def to_json(diagnostic: Diagnostic) -> dict[str, Any]:
    """A JSON-ready mapping of every field; absent positions are ``null``."""
    where = diagnostic.location
    return {
        "severity": str(diagnostic.severity),
        "rule": diagnostic.code,
        "message": " ".join(diagnostic.message.split()),
        "line": where.line,
        "column": where.column,
        "xpath": where.xpath,
        "schema": diagnostic.schema,
    }
