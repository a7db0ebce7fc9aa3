"""``tei-plenum convert``: outputs, options and every kind of bad input."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_plenum.cli import main
from tei_plenum.pipeline import convert_file
from tests.cli.conftest import run_cli
from tests.conftest import FIXTURES, SAMPLE

TELEGRAM = FIXTURES / "documents" / "ciphered-telegram-ivanov-1956.txt"


def _text_element(tei: bytes) -> bytes:
    return tei[tei.index(b"<text>") :]


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_convert_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == convert_file(SAMPLE).tei
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert result.stderr == ""


def test_convert_to_file_and_directory(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "one.xml"
    result = runner.invoke(main, ["convert", str(SAMPLE), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == convert_file(SAMPLE).tei
    folder = tmp_path / "many"
    folder.mkdir()
    result = runner.invoke(main, ["convert", str(SAMPLE), str(TELEGRAM), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "ciphered-telegram-ivanov-1956.xml",
        "kwp-cc-plenum-1956-08.xml",
    ]
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", "-"], input=TELEGRAM.read_bytes())
    assert result.exit_code == 0, result.output
    assert _text_element(result.stdout_bytes) == _text_element(convert_file(TELEGRAM).tei)


def test_several_inputs_need_an_output_directory(runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SAMPLE), str(TELEGRAM)])
    assert result.exit_code == 2
    assert "several inputs need -o FOLDER" in result.stderr


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda d: d / "missing.txt", 2, "no such file"),
        (lambda d: d, 2, "directory holds no *.txt files"),
        (lambda d: _write(d / "empty.txt", b""), 1, "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n   \n"), 1, "empty"),
        (lambda d: _write(d / "latin.txt", b"Title\nCaf\xe9 noir\n"), 1, ":2:4: cannot decode"),
        (
            lambda d: _write(d / "nul.txt", b"Title\nab\x00cd\n"),
            1,
            ":2:3: control character U+0000",
        ),
        (lambda d: _write(d / "esc.txt", b"one\x1b\n"), 1, ":1:4: control character U+001B"),
    ],
    ids=["missing", "directory", "empty", "whitespace", "undecodable", "nul", "escape"],
)
def test_bad_input_gives_one_error_line(
    runner: CliRunner, tmp_path: Path, make, code: int, message: str
) -> None:
    source = make(tmp_path)
    out = tmp_path / "out.xml"
    before = source.read_bytes() if source.is_file() else None
    result = runner.invoke(main, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == code, result.output
    line = _one_error_line(result.stderr)
    assert line.startswith("tei-plenum: error: ")
    assert message in line
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    if before is not None:
        assert source.read_bytes() == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_failed_conversion_leaves_an_existing_output_untouched(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out.xml"
    out.write_bytes(b"previous")
    bad = _write(tmp_path / "bad.txt", b"x\x00")
    result = runner.invoke(main, ["convert", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert out.read_bytes() == b"previous"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli("convert", str(fifo), timeout=30)
    assert result.returncode == 2
    assert "not a regular file" in _one_error_line(result.stderr)


def test_output_equal_to_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(TELEGRAM.read_bytes())
    result = runner.invoke(main, ["convert", str(source), "-o", str(source)])
    assert result.exit_code == 2
    assert "is an input file" in _one_error_line(result.stderr)
    assert source.read_bytes() == TELEGRAM.read_bytes()


def test_line_endings_and_byte_order_marks_do_not_change_the_text(tmp_path: Path) -> None:
    lf = TELEGRAM.read_bytes()
    text = lf.decode("utf-8")
    variants = {
        "crlf.txt": lf.replace(b"\n", b"\r\n"),
        "bom.txt": codecs.BOM_UTF8 + lf,
        "crlf-bom.txt": codecs.BOM_UTF8 + lf.replace(b"\n", b"\r\n"),
        "utf16.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    }
    expected = _text_element(convert_file(TELEGRAM).tei)
    for name, data in variants.items():
        path = _write(tmp_path / name, data)
        assert _text_element(convert_file(path).tei) == expected, name


def test_cp1252_with_encoding_option(runner: CliRunner, tmp_path: Path) -> None:
    text = TELEGRAM.read_text(encoding="utf-8").replace("Making copies", "“Making” copies")
    source = _write(tmp_path / "win.txt", text.encode("cp1252"))
    refused = runner.invoke(main, ["convert", str(source)])
    assert refused.exit_code == 1
    result = runner.invoke(main, ["convert", str(source), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    assert "“Making” copies is forbidden" in result.stdout
    assert 'Copy No. <num value="2">2</num>' in result.stdout
    assert 'Nº <idno type="telegram">1234</idno>' in result.stdout


def test_unknown_encoding_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(SAMPLE), "--encoding", "no-such-codec"])
    assert result.exit_code == 2
    assert "unknown encoding" in _one_error_line(result.stderr)


def test_text_without_layout_converts_with_a_warning(runner: CliRunner) -> None:
    source = FIXTURES / "documents" / "hostile-plain-prose.txt"
    result = runner.invoke(main, ["convert", str(source)])
    assert result.exit_code == 0
    assert "warning" in result.stderr
    assert "plain paragraphs" in result.stderr
    quiet = runner.invoke(main, ["convert", str(source), "-q"])
    assert quiet.stderr == ""


def test_options_no_enrich_and_date(runner: CliRunner) -> None:
    plain = runner.invoke(main, ["convert", str(SAMPLE), "--no-enrich"])
    assert plain.exit_code == 0
    assert "<persName" not in plain.stdout.split("<text>")[1]
    assert "<supplied" in plain.stdout
    dated = runner.invoke(main, ["convert", str(SAMPLE), "--date", "2026-01-15"])
    assert '<change when="2026-01-15" who="#resp-encoder">' in dated.stdout
    assert "revisionDesc" not in plain.stdout


def test_sidecar_metadata(runner: CliRunner, tmp_path: Path) -> None:
    meta = tmp_path / "m.meta.toml"
    meta.write_text('title = "A better title"\nsource_language = "ko"\n', encoding="utf-8")
    result = runner.invoke(main, ["convert", str(SAMPLE), "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    assert '<title type="main">A better title</title>' in result.stdout
    assert '<language ident="ko" xml:id="lang-original">' in result.stdout
    assert "sidecar file m.meta.toml" in result.stdout
    meta.write_text('titel = "typo"\n', encoding="utf-8")
    bad = runner.invoke(main, ["convert", str(SAMPLE), "--meta", str(meta)])
    assert bad.exit_code == 2
    assert "unknown sidecar key 'titel'" in _one_error_line(bad.stderr)
    meta.write_text("title = \n", encoding="utf-8")
    broken = runner.invoke(main, ["convert", str(SAMPLE), "--meta", str(meta)])
    assert broken.exit_code == 2
    assert "not valid TOML" in _one_error_line(broken.stderr)


def test_sidecar_beside_the_input_is_found(tmp_path: Path) -> None:
    source = _write(tmp_path / "doc.txt", TELEGRAM.read_bytes())
    (tmp_path / "doc.meta.toml").write_text('idno = "Fond 5, file 28"\n', encoding="utf-8")
    tei = convert_file(source).tei.decode()
    assert '<idno type="shelfmark">Fond 5, file 28</idno>' in tei


def test_same_input_gives_identical_bytes(runner: CliRunner) -> None:
    first = runner.invoke(main, ["convert", str(SAMPLE)]).stdout_bytes
    second = run_cli("convert", str(SAMPLE)).stdout.encode()
    assert first == second


def test_unexpected_errors_are_one_line_with_exit_3(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("tei_plenum.cli.convert.convert_file", broken)
    result = runner.invoke(main, ["convert", str(SAMPLE)])
    assert result.exit_code == 3
    line = _one_error_line(result.stderr)
    assert "internal error" in line
    assert "boom" in line


def test_real_subprocess_run(tmp_path: Path) -> None:
    out = tmp_path / "t.xml"
    result = run_cli("convert", str(TELEGRAM), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == convert_file(TELEGRAM).tei
    missing = run_cli("convert", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.startswith("tei-plenum: error: ")


def test_converting_loads_no_html_renderer(tmp_path: Path) -> None:
    """Reading the configuration needs the edition's options, not the page renderer: a
    conversion that writes no HTML pays for none of it at start-up."""
    code = (
        "import sys\n"
        "from tei_plenum.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    out = tmp_path / "t.xml"
    done = subprocess.run(
        [sys.executable, "-c", code, "convert", str(TELEGRAM), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = set(done.stdout.split())
    assert out.exists()
    assert "tei_plenum.export.html_options" in loaded
    assert not {m for m in loaded if m.startswith("tei_plenum.export.html.")}
    assert "tei_plenum.export.html" not in loaded


def test_malformed_authority_file_is_one_error_and_no_output(
    runner: CliRunner, tmp_path: Path
) -> None:
    authority = _write(
        tmp_path / "mine.xml",
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>\n'
        b'<person xml:id="pers-x"><persName>X</persName></person>\n'
        b'<person xml:id="pers-x"><persName>Y</persName></person>\n'
        b"</listPerson></standOff></TEI>\n",
    )
    out = tmp_path / "out.xml"
    result = runner.invoke(
        main, ["convert", str(SAMPLE), "--authority", str(authority), "-o", str(out)]
    )
    assert result.exit_code == 2
    line = _one_error_line(result.stderr)
    assert f"{authority}:3" in line
    assert "pers-x" in line
    assert not out.exists()


def test_user_authority_file_names_a_new_person(runner: CliRunner, tmp_path: Path) -> None:
    authority = _write(
        tmp_path / "mine.xml",
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        b'<person xml:id="pers-rozanov"><persName>Rozanov</persName>'
        b'<idno type="wikidata">Q1</idno></person>'
        b"</listPerson></standOff></TEI>",
    )
    result = runner.invoke(main, ["convert", str(SAMPLE), "--authority", str(authority)])
    assert result.exit_code == 0, result.output
    assert '<idno type="wikidata">Q1</idno>' in result.stdout
