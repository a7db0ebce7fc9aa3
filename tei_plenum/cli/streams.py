"""Standard input and output as every command uses them.

``-`` names standard input wherever a command reads a file, and standard output wherever it
writes one (``-o -``, ``--report -``); a command that writes one file writes to standard
output by default. Every file a command writes is checked against the output rule
(:func:`tei_plenum.files.check_output`) before any work starts, and written atomically.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError, Location
from ..files import InputSet, check_output, write_atomically

STDIO = "-"


def read_stdin() -> bytes:
    """All of standard input."""
    try:
        return sys.stdin.buffer.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", Location("<stdin>")) from None


def output_target(output: str | None, inputs: InputSet) -> Path | None:
    """The file named by ``output`` once it has passed the output rule, or None for standard
    output (no ``output``, or ``-``)."""
    if output is None or output == STDIO:
        return None
    target = Path(output)
    check_output(target, inputs)
    return target


def write_output(target: Path | None, data: bytes) -> None:
    """``data`` to the file ``target`` (atomically), or to standard output when None."""
    if target is not None:
        write_atomically(target, data)
        return
    try:
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", Location("<stdout>")) from None
