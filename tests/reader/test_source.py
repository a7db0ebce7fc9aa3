"""source.decode: encodings, byte-order marks, line ends, and what it refuses."""

from __future__ import annotations

import codecs

import pytest

from tei_plenum.errors import ConfigError, DocumentError, InputDecodeError
from tei_plenum.reader.source import decode

TEXT = "Copy Nº 1  \n“DECISION” of the plenum\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), None, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), None, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", id="utf-8-bom-named"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), None, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), None, id="utf-16-be-bom"),
        pytest.param(codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), None, id="utf-32-le-bom"),
        pytest.param(TEXT.encode("utf-16"), "utf-16", id="utf-16-named"),
    ],
)
def test_unicode_encodings_give_the_same_text_without_bom(data: bytes, encoding: str | None):
    assert decode(data, source="in.txt", encoding=encoding) == TEXT


def test_explicit_cp1252_reads_masculine_ordinal_and_curly_quotes():
    data = b"Copy N\xba 1  \n\x93DECISION\x94 of the plenum\n"
    assert decode(data, source="in.txt", encoding="cp1252") == TEXT
    assert decode(data, source="in.txt", encoding="windows-1252") == TEXT


def test_cp1252_bytes_read_as_utf8_fail_naming_line_and_column():
    data = b"first line\nCopy N\xba 1\n"
    with pytest.raises(InputDecodeError) as info:
        decode(data, source="in.txt")
    assert (info.value.location.line, info.value.location.column) == (2, 7)
    assert "0xba" in info.value.message
    assert str(info.value).startswith("in.txt:2:7: ")


def test_column_counts_characters_not_bytes():
    # "dé" is two characters but three bytes; the bad byte is the fourth character.
    with pytest.raises(InputDecodeError) as info:
        decode(b"abc\nd\xc3\xa9f\xff", source="s")
    assert (info.value.location.line, info.value.location.column) == (2, 4)


def test_undefined_cp1252_byte_is_refused():
    with pytest.raises(InputDecodeError) as info:
        decode(b"ab\r\ncd\x81", source="s", encoding="cp1252")
    assert (info.value.location.line, info.value.location.column) == (2, 3)


def test_position_in_utf16_le_counts_decoded_lines():
    # U+010A is the bytes 0A 01 in UTF-16-LE: a 0x0A byte that is not a line feed.
    data = codecs.BOM_UTF16_LE + "\u010a\nab".encode("utf-16-le") + b"\x00\xd8"
    with pytest.raises(InputDecodeError) as info:
        decode(data, source="s")
    assert (info.value.location.line, info.value.location.column) == (2, 3)


def test_position_of_truncated_utf16_be():
    data = codecs.BOM_UTF16_BE + "ab\ncd".encode("utf-16-be") + b"x"
    with pytest.raises(InputDecodeError) as info:
        decode(data, source="s")
    assert (info.value.location.line, info.value.location.column) == (2, 3)


def test_position_after_cr_only_line_ends():
    with pytest.raises(InputDecodeError) as info:
        decode(b"ab\rcd\rx\xff", source="s")
    assert (info.value.location.line, info.value.location.column) == (3, 2)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(newline: str):
    lf = "SECRET  \n  \nFirst line\nsecond line  \n\n\n\nnext page  \n"
    data = lf.replace("\n", newline).encode("utf-8")
    assert decode(data, source="s") == lf


def test_mixed_line_ends():
    assert decode(b"a\r\nb\rc\nd", source="s") == "a\nb\nc\nd"


@pytest.mark.parametrize(
    ("data", "line", "column", "code"),
    [
        (b"abc\x00def", 1, 4, "U+0000"),
        (b"line one\nli\x07ne", 2, 3, "U+0007"),
        (b"\x0b", 1, 1, "U+000B"),
        (b"a\r\nb\x0c", 2, 2, "U+000C"),
        (b"x\ry\x1f", 2, 2, "U+001F"),
        ("ok\n\uffff".encode(), 2, 1, "U+FFFF"),
    ],
)
def test_characters_xml_cannot_hold_are_refused(data: bytes, line: int, column: int, code: str):
    with pytest.raises(InputDecodeError) as info:
        decode(data, source="s")
    assert (info.value.location.line, info.value.location.column) == (line, column)
    assert code in info.value.message


def test_tab_is_allowed():
    assert decode(b"a\tb", source="s") == "a\tb"


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\n", b" \r\n\t\n", codecs.BOM_UTF8])
def test_empty_and_whitespace_only_inputs_are_refused(data: bytes):
    with pytest.raises(DocumentError) as info:
        decode(data, source="s")
    assert not isinstance(info.value, InputDecodeError)
    assert info.value.location.path == "s"


def test_unknown_encoding_is_a_config_error():
    with pytest.raises(ConfigError) as info:
        decode(b"abc", source="s", encoding="no-such-codec")
    assert "no-such-codec" in info.value.message
