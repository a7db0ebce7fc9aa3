"""One exception hierarchy for the whole project.

Every error that stops a document or a run is a :class:`TeiPlenumError`; it carries a
:class:`Location` (file, 1-based line and column, optional XPath) so that the command line can
print it as ``file:line:col: message`` on one line. The class says what went wrong (the
user's settings or input, one document, the converter itself); only the CLI turns that into an
exit code (``cli/outcome.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: the path as the user gave it, 1-based line and character column."""

    path: str | None = None
    line: int | None = None
    column: int | None = None
    xpath: str | None = None

    def __str__(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class TeiPlenumError(Exception):
    """Root of every error the library raises on purpose."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class ConfigError(TeiPlenumError, ValueError):
    """A bad option, sidecar, authority file or schema: the run cannot start."""


class SchemaLoadError(ConfigError):
    """A schema or rule file is missing or cannot be compiled."""


class InputError(TeiPlenumError, OSError):
    """A path that cannot be read or written: missing, a directory, a FIFO, the input itself."""


class DocumentError(TeiPlenumError):
    """This document cannot be processed; a batch records it and goes on."""


class InputDecodeError(DocumentError, ValueError):
    """The bytes are not text in the chosen encoding, or hold characters XML cannot hold."""


class TeiParseError(DocumentError, ValueError):
    """An XML input is not well-formed or breaks the hardened parser's limits."""


class InternalError(TeiPlenumError, RuntimeError):
    """A broken invariant of the converter itself (for example the fidelity check)."""
