"""The exporter registry: one entry per format, and every command offers what it lists."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from lxml import etree

import tei_plenum.export
from tei_plenum.batch import FORMATS, Settings, execute, plan
from tei_plenum.cli import main
from tei_plenum.cli.batch import batch
from tei_plenum.cli.export import export
from tei_plenum.errors import ConfigError
from tei_plenum.export import EXPORTERS, Exporter, ExportOptions, exporter
from tei_plenum.export.html import to_html
from tei_plenum.export.text import to_text
from tei_plenum.pipeline import convert_file
from tests.conftest import SAMPLE


def _choices(command: click.Command, name: str) -> list[str]:
    option = next(p for p in command.params if p.name == name)
    assert isinstance(option.type, click.Choice)
    return list(option.type.choices)


def test_the_export_command_offers_exactly_the_registry():
    assert _choices(export, "fmt") == list(EXPORTERS)


def test_batch_writes_the_tei_and_every_registered_format():
    assert ("tei", *EXPORTERS) == FORMATS
    help_text = CliRunner().invoke(main, ["batch", "--help"]).stdout
    assert f"[default: {','.join(FORMATS)}]" in " ".join(help_text.split())
    to = next(p for p in batch.params if p.name == "formats")
    context = click.Context(batch)
    for name in EXPORTERS:
        assert to.process_value(context, name) == (name,)
    with pytest.raises(click.BadParameter, match="comma-separated list of tei, html, text"):
        to.process_value(context, "pdf")


def test_each_entry_renders_what_its_exporter_renders():
    tree = convert_file(SAMPLE).tree
    options = ExportOptions(source_name="sample.xml", page_markers=True)
    assert EXPORTERS["html"].export(tree, options) == to_html(
        tree, source_name="sample.xml"
    ).encode("utf-8")
    assert EXPORTERS["text"].export(tree, options) == to_text(tree, page_markers=True).encode()
    assert (EXPORTERS["html"].suffix, EXPORTERS["text"].suffix) == (".html", ".txt")


def test_an_unknown_format_is_a_configuration_error():
    with pytest.raises(ConfigError, match="unknown export format 'pdf' \\(known: html, text\\)"):
        exporter("pdf")


def _shout(tree: etree._ElementTree, _options: ExportOptions) -> bytes:
    return to_text(tree).upper().encode("utf-8")


def test_a_new_format_is_one_entry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    shout = Exporter("shout", ".shout.txt", "text/plain; charset=utf-8", "in capitals", _shout)
    monkeypatch.setattr(tei_plenum.export, "EXPORTERS", {**EXPORTERS, "shout": shout})
    settings = Settings(tmp_path / "out", formats=("tei", "shout"), validate=False)
    result = execute(plan([str(SAMPLE)], settings), jobs=1)
    assert result.totals.failed == 0
    written = tmp_path / "out" / "kwp-cc-plenum-1956-08.shout.txt"
    assert written.read_text("utf-8") == to_text(convert_file(SAMPLE).tree).upper()
