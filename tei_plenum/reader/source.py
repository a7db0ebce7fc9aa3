"""Decode the bytes of a plain-text input into one normalised string.

Honours a byte-order mark (UTF-8, UTF-16, UTF-32) or an explicit encoding, turns CRLF and CR
into LF, and refuses characters that XML 1.0 cannot hold, naming their line and column, so that
every later stage can assume clean text.
"""

from __future__ import annotations

import codecs

from ..errors import ConfigError, DocumentError, InputDecodeError, Location
from .patterns.characters import NOT_XML

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Return the text of ``data`` with LF line ends; raise on bytes or characters XML refuses."""
    codec, body = _choose_codec(data, encoding, source)
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        line, column = _byte_position(body, exc.start, codec)
        raise InputDecodeError(
            f"cannot decode byte 0x{body[exc.start]:02x} as {codec}"
            " (use --encoding to name the file's encoding)",
            Location(source, line, column),
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = NOT_XML.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise InputDecodeError(
            f"control character U+{ord(bad.group()):04X} cannot be represented in XML",
            Location(source, line, column),
        )
    if not text.strip():
        raise DocumentError("the input is empty or holds only whitespace", Location(source))
    return text


def _choose_codec(data: bytes, encoding: str | None, source: str) -> tuple[str, bytes]:
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise ConfigError(f"unknown encoding {encoding!r}", Location(source)) from None
        if name in {"utf-8", "utf-8-sig"} and data.startswith(codecs.BOM_UTF8):
            return "utf-8", data[len(codecs.BOM_UTF8) :]
        return name, data
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, data[len(bom) :]
    return "utf-8", data


def _byte_position(body: bytes, offset: int, codec: str) -> tuple[int, int]:
    """1-based line and character column of a byte offset, for the error message.

    Counted on the decoded prefix, not on raw bytes: in UTF-16/32 a 0x0A byte is not always a
    line feed, and CR-only line ends must count as the decoded text will count them.
    """
    prefix = body[:offset].decode(codec, errors="replace")
    prefix = prefix.replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    column = len(prefix) - (prefix.rfind("\n") + 1) + 1
    return line, column
