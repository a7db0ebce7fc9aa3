"""The edition configuration (tei-plenum.toml), `tei-plenum init` and `export --config`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from tei_plenum.cli import main
from tei_plenum.edition import CONFIG_NAME, TEMPLATE, load_config, write_template
from tei_plenum.errors import ConfigError
from tei_plenum.export.html import Edition
from tests.export.html.fixtures import record


def test_the_template_loads_as_written_and_uncommented(tmp_path: Path):
    path = write_template(tmp_path)
    assert load_config(path).edition == Edition()
    # Every key the template explains is a key the loader knows.
    path.write_text(re.sub(r"(?m)^# (\w+ = )", r"\1", TEMPLATE), encoding="utf-8")
    (tmp_path / "house.css").write_text("main { color: teal; }", encoding="utf-8")
    config = load_config(path)
    assert config.edition == Edition(
        title="Korea and the Soviet Bloc, 1953-1962",
        subtitle="Documents from the archives of the socialist countries",
        publisher="Example University Library",
        editors=("A. Editor", "B. Editor"),
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        base_url="https://edition.example.org/",
        footer="Translations courtesy of the archive that holds the originals.",
    )
    assert config.css == "main { color: teal; }"
    assert config.defaults.keys == ("archive", "source_language", "translator_en")
    assert config.authority_files == (tmp_path / "people.xml",)
    assert config.batch.formats == ("tei", "html", "text")


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            '[edition]\ntitle = "T"\nlicense_url = "x"\n',
            "unknown key 'license_url' in [edition]",
            3,
        ),
        ('[site]\ntitle = "T"\n', "unknown table or key 'site'", 1),
        ('[edition]\neditors = "A. Editor"\n', "'editors' must be a list of names", 2),
        ("[edition]\ntitle = 3\n", "'title' must be a non-empty string", 2),
        ("[edition\n", "configuration is not valid TOML", None),
    ],
)
def test_mistakes_are_errors_with_their_line(tmp_path: Path, text, message, line):
    path = tmp_path / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)) as raised:
        load_config(path)
    assert raised.value.location.line == line


def test_init_writes_once(tmp_path: Path):
    runner = CliRunner()
    first = runner.invoke(main, ["init", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert (tmp_path / CONFIG_NAME).read_text(encoding="utf-8") == TEMPLATE
    (tmp_path / CONFIG_NAME).write_text("# mine\n", encoding="utf-8")
    again = runner.invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2
    assert (
        again.stderr
        == f"tei-plenum: error: {tmp_path / CONFIG_NAME}: already exists; not overwritten\n"
    )
    assert (tmp_path / CONFIG_NAME).read_text(encoding="utf-8") == "# mine\n"


def test_export_finds_the_configuration_beside_the_file(tmp_path: Path):
    source = tmp_path / "record.tei.xml"
    source.write_text(record(), encoding="utf-8")
    (tmp_path / CONFIG_NAME).write_text(
        '[edition]\ntitle = "Korea Files"\npublisher = "Example Press"\n'
        'base_url = "https://ed.example.org/"\nlicence = "CC BY 4.0"\n'
        'licence_url = "https://creativecommons.org/licenses/by/4.0/"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["export", str(source), "--to", "html"])
    assert result.exit_code == 0, result.output
    doc = lxml_html.document_fromstring(result.stdout)
    note = doc.find_class("cite-note")[0].text_content()
    assert "in Korea Files (Example Press)." in note
    footer = doc.find_class("edition-footer")[0]
    assert footer.text_content() == "Korea Files, Example Press.Licence: CC BY 4.0."
    assert [a.get("href") for a in footer.iter("a")] == [
        "https://creativecommons.org/licenses/by/4.0/"
    ]
    meta = {m.get("name"): m.get("content") for m in doc.iter("meta") if m.get("name")}
    assert meta["DC.rights"] == "CC BY 4.0"
    assert meta["citation_publisher"] == "Example Press"
    bad = tmp_path / "bad.toml"
    bad.write_text('[edition]\ntitel = "x"\n', encoding="utf-8")
    refused = CliRunner().invoke(
        main, ["export", str(source), "--to", "html", "--config", str(bad)]
    )
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"tei-plenum: error: {bad}:2: unknown key 'titel'")
