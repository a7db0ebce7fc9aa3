"""How a command run ended, and the exit code that says so: the one table of exit codes.

Commands return a :class:`RunOutcome`; the errors they let through are mapped to one by
:func:`outcome_of`. The command group (``cli/__init__.py``) turns either into the exit code of
:data:`EXIT_CODES`, which the README's table mirrors (a test keeps the two equal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum
from types import MappingProxyType

import click

from ..errors import ConfigError, InputError, InternalError, TeiPlenumError


class RunOutcome(Enum):
    """The outcome of one command run, from best to worst."""

    SUCCESS = "success"
    DOCUMENT_FAILED = "a document failed (invalid TEI, a file that could not be converted)"
    USAGE = (
        "usage, configuration, unreadable input or unwritable output "
        "(missing file, FIFO, full disk)"
    )
    INTERNAL = "internal error (please report it; --debug shows a traceback)"
    INTERRUPTED = "interrupted (Ctrl-C)"


EXIT_CODES: Mapping[RunOutcome, int] = MappingProxyType(
    {
        RunOutcome.SUCCESS: 0,
        RunOutcome.DOCUMENT_FAILED: 1,
        RunOutcome.USAGE: 2,
        RunOutcome.INTERNAL: 3,
        RunOutcome.INTERRUPTED: 130,
    }
)

_ORDER = tuple(RunOutcome)


def outcome_of(error: TeiPlenumError) -> RunOutcome:
    """What a library error means for the run: the user's input or settings, or the tool."""
    if isinstance(error, ConfigError | InputError):
        return RunOutcome.USAGE
    if isinstance(error, InternalError):
        return RunOutcome.INTERNAL
    return RunOutcome.DOCUMENT_FAILED


def worst(outcomes: Iterable[RunOutcome]) -> RunOutcome:
    """The worst of several outcomes (success when there are none)."""
    return max(outcomes, key=_ORDER.index, default=RunOutcome.SUCCESS)


def report_error(error: TeiPlenumError) -> RunOutcome:
    """Print ``error`` as the one line a user sees, and return what it means for the run."""
    click.echo(f"tei-plenum: error: {error}", err=True)
    return outcome_of(error)
