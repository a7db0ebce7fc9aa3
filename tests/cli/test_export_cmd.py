"""``tei-plenum export``: text and HTML views of any TEI file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tei_plenum.cli import main
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"


def test_export_text_to_stdout_and_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["export", str(EXAMPLE), "--to", "text"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Wilson Center Digital Archive Translation - English\n\n")
    out = tmp_path / "x.txt"
    again = runner.invoke(main, ["export", str(EXAMPLE), "--to", "text", "-o", str(out)])
    assert again.exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_export_page_markers(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", str(EXAMPLE), "--to", "text", "--page-markers"])
    assert "[page 8]" in result.stdout


def test_export_html_from_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["export", "-", "--to", "html"], input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().lower().startswith("<!doctype html>")


def test_export_not_well_formed(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n  <text>\n</TEI>\n", encoding="utf-8")
    result = runner.invoke(main, ["export", str(bad), "--to", "text"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"tei-plenum: error: {bad}:3:")
    assert "not well-formed" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_export_refuses_entities_and_missing_files(runner: CliRunner, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me", encoding="utf-8")
    xxe = tmp_path / "xxe.xml"
    xxe.write_text(
        f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&s;</p></body></text></TEI>',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["export", str(xxe), "--to", "text"])
    assert result.exit_code == 1
    assert "do not read me" not in result.output
    missing = runner.invoke(main, ["export", str(tmp_path / "none.xml"), "--to", "text"])
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr


def test_export_output_equal_to_input_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "copy.xml"
    copy.write_bytes(EXAMPLE.read_bytes())
    result = runner.invoke(main, ["export", str(copy), "--to", "text", "-o", str(copy)])
    assert result.exit_code == 2
    assert copy.read_bytes() == EXAMPLE.read_bytes()


def test_export_html_options(runner: CliRunner, tmp_path: Path) -> None:
    css = tmp_path / "house.css"
    css.write_text("main { color: teal; }\n", encoding="utf-8")
    result = runner.invoke(
        main, ["export", str(EXAMPLE), "--to", "html", "--css", str(css), "--no-page-markers"]
    )
    assert result.exit_code == 0, result.output
    assert "main { color: teal; }" in result.stdout
    assert 'id="show-pages">' in result.stdout  # the switch starts off
    assert (
        'id="show-pages" checked>'
        in runner.invoke(main, ["export", str(EXAMPLE), "--to", "html"]).stdout
    )


def test_export_refuses_a_stylesheet_that_loads_or_escapes(
    runner: CliRunner, tmp_path: Path
) -> None:
    css = tmp_path / "bad.css"
    css.write_text("p {}\n</STYLE><script>x()</script>\n", encoding="utf-8")
    out = tmp_path / "page.html"
    result = runner.invoke(
        main, ["export", str(EXAMPLE), "--to", "html", "--css", str(css), "-o", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"tei-plenum: error: {css}:2: '</STYLE' is not allowed")
    assert len(result.stderr.splitlines()) == 1
    assert not out.exists()
