"""tei-plenum.toml for conversions: catalogue defaults, authority files and batch defaults,
read from the collection's folder or ``--config``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lxml_html

from tei_plenum.cli import main
from tei_plenum.edition import CONFIG_NAME, BatchDefaults, load_config
from tei_plenum.errors import ConfigError
from tei_plenum.metadata import Sidecar
from tei_plenum.vocabulary import TEI_NS

NS = {"t": TEI_NS}

# An invented minute in the PDF layout with no banner: it names no archive, no original
# language and no translator, so the collection's defaults stand.
MINUTE = (
    "MINUTES OF THE MEETING  \n  \n12 March 1958  \n  \n"
    "The committee met and heard Comrade Rozanov.  \n  \n"
)
# The same with the archive's banner, which names the publisher of the translation.
BANNERED = " Wilson Center Digital Archive Translation - English\n\n" + MINUTE

DEFAULTS = (
    '[defaults]\narchive = "Example Archive"\nsource_language = "ko"\ntranslator_en = "Jane Roe"\n'
)


def collection(tmp_path: Path, config: str, **documents: str) -> Path:
    folder = tmp_path / "collection"
    folder.mkdir()
    (folder / CONFIG_NAME).write_text(config, encoding="utf-8")
    for name, text in documents.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def header(tei: str | bytes) -> dict[str, list[str]]:
    root = etree.fromstring(tei.encode() if isinstance(tei, str) else tei)
    return {
        "publisher": root.xpath("//t:sourceDesc//t:publisher/text()", namespaces=NS),
        "original": root.xpath("//t:language[@xml:id='lang-original']/@ident", namespaces=NS),
        "translator": root.xpath(
            "//t:respStmt[@xml:id='resp-translator-en']/t:persName/text()", namespaces=NS
        ),
        "noted": [
            note.split("(keys: ")[1].split(")")[0]
            for note in root.xpath("//t:bibl/t:note[@type='defaults']/text()", namespaces=NS)
        ],
    }


def test_the_configuration_loads_defaults_authority_and_batch(tmp_path: Path) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text(
        DEFAULTS + '[authority]\nfiles = ["people.xml"]\n'
        '[batch]\nto = ["text", "tei"]\nvalidate = false\njobs = 3\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.defaults == Sidecar(
        archive="Example Archive", source_language="ko", translator_en="Jane Roe"
    )
    assert config.authority_files == (tmp_path / "people.xml",)
    assert config.batch == BatchDefaults(("tei", "text"), False, 3)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[defaults]\ntitle = "T"\n', "unknown key 'title' in [defaults] (known: archive, ", 2),
        ('[defaults]\narchive = ""\n', "'archive' must be a non-empty string", 2),
        ('[authority]\nfiles = "a.xml"\n', "'files' must be a list of names", 2),
        ('[batch]\n\nto = ["pdf"]\n', "'to' must be a non-empty list of tei, ", 3),
        ('[batch]\nvalidate = "no"\n', "'validate' must be true or false", 2),
        ("[batch]\njobs = 0\n", "'jobs' must be a whole number of at least 1", 2),
        ('defaults = "x"\n', "'defaults' must be a table", 1),
    ],
)
def test_mistakes_are_errors_with_their_line(
    tmp_path: Path, text: str, message: str, line: int
) -> None:
    path = tmp_path / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert message in raised.value.message
    assert raised.value.location.line == line


def test_defaults_fill_what_neither_sidecar_nor_text_gives(tmp_path: Path) -> None:
    folder = collection(tmp_path, DEFAULTS, plain=MINUTE, bannered=BANNERED, own=MINUTE)
    (folder / "own.meta.toml").write_text('translator_en = "John Doe"\n', encoding="utf-8")
    runner = CliRunner()
    found = {}
    for name in ("plain", "bannered", "own"):
        result = runner.invoke(main, ["convert", str(folder / f"{name}.txt")])
        assert result.exit_code == 0, result.output
        found[name] = header(result.stdout)
    assert found["plain"] == {
        "publisher": ["Example Archive"],
        "original": ["ko"],
        "translator": ["Jane Roe"],
        "noted": ["archive, source_language, translator_en"],
    }
    # The banner names the publisher: the text wins over the default.
    assert found["bannered"]["publisher"] == ["Wilson Center Digital Archive"]
    # The sidecar wins over the default.
    assert found["own"]["translator"] == ["John Doe"]
    # The header says which values only the defaults gave.
    assert [found[name]["noted"] for name in ("plain", "bannered", "own")] == [
        ["archive, source_language, translator_en"],
        ["source_language, translator_en"],
        ["archive, source_language"],
    ]


def test_without_the_configuration_nothing_is_assumed(tmp_path: Path) -> None:
    folder = collection(tmp_path, "", plain=MINUTE)
    result = CliRunner().invoke(main, ["convert", str(folder / "plain.txt")])
    assert result.exit_code == 0, result.output
    assert header(result.stdout) == {
        "publisher": [],
        "original": [],
        "translator": [],
        "noted": [],
    }
    assert "Unknown translator" in result.stdout


def test_config_names_the_authority_files_relative_to_itself(tmp_path: Path) -> None:
    elsewhere = tmp_path / "edition"
    elsewhere.mkdir()
    (elsewhere / "people.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>'
        '<person xml:id="pers-rozanov"><persName>Rozanov</persName>'
        '<idno type="wikidata">Q1</idno></person></listPerson></standOff></TEI>',
        encoding="utf-8",
    )
    config = elsewhere / "edition.toml"
    config.write_text('[authority]\nfiles = ["people.xml"]\n', encoding="utf-8")
    folder = collection(tmp_path, "", plain=MINUTE)
    runner = CliRunner()
    plain = runner.invoke(main, ["convert", str(folder / "plain.txt")])
    assert '<idno type="wikidata">Q1</idno>' not in plain.stdout
    given = runner.invoke(main, ["convert", str(folder / "plain.txt"), "--config", str(config)])
    assert given.exit_code == 0, given.output
    assert '<idno type="wikidata">Q1</idno>' in given.stdout


def test_a_bad_configuration_stops_convert_before_any_output(tmp_path: Path) -> None:
    folder = collection(tmp_path, '[defaults]\narchiv = "x"\n', plain=MINUTE)
    out = tmp_path / "out.xml"
    result = CliRunner().invoke(main, ["convert", str(folder / "plain.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"tei-plenum: error: {folder / CONFIG_NAME}:2: unknown key 'archiv' in [defaults]"
    )
    assert not out.exists()


def test_batch_takes_its_defaults_unless_its_options_say(tmp_path: Path) -> None:
    folder = collection(
        tmp_path, DEFAULTS + '[batch]\nto = ["tei"]\nvalidate = false\n', plain=MINUTE
    )
    runner = CliRunner()
    first = runner.invoke(main, ["batch", str(folder), "-o", str(tmp_path / "a"), "-j", "1"])
    assert first.exit_code == 0, first.output
    written = sorted(p.name for p in (tmp_path / "a").iterdir() if not p.name.startswith("."))
    assert written == ["plain.xml"]
    assert header((tmp_path / "a" / "plain.xml").read_bytes())["translator"] == ["Jane Roe"]
    second = runner.invoke(
        main, ["batch", str(folder), "-o", str(tmp_path / "b"), "-j", "1", "--to", "tei,text"]
    )
    assert second.exit_code == 0, second.output
    written = sorted(p.name for p in (tmp_path / "b").iterdir() if not p.name.startswith("."))
    assert written == ["plain.txt", "plain.xml"]


def test_batch_html_pages_belong_to_the_configured_edition(tmp_path: Path) -> None:
    folder = collection(
        tmp_path,
        '[edition]\ntitle = "Korea Files"\npublisher = "Example Press"\n'
        'css = "house.css"\n[batch]\nto = ["html"]\n',
        plain=MINUTE,
    )
    (folder / "house.css").write_text("main { color: teal; }", encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert first.exit_code == 0, first.output
    page = lxml_html.parse(str(out / "plain.html")).getroot()
    assert page.find_class("edition-footer")[0].text_content() == "Korea Files, Example Press."
    assert "in Korea Files (Example Press)." in page.find_class("cite-note")[0].text_content()
    assert "main { color: teal; }" in page.find(".//style").text
    index = lxml_html.parse(str(out / "index.html")).getroot()
    assert index.findtext(".//h1") == "Korea Files"
    # Another edition title makes other pages: the unchanged input is converted again.
    config = folder / CONFIG_NAME
    config.write_text(
        config.read_text(encoding="utf-8").replace("Korea Files", "Korea Papers"),
        encoding="utf-8",
    )
    again = runner.invoke(main, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert again.exit_code == 0, again.output
    assert "1 converted, 0 failed, 0 skipped" in again.output
    footer = lxml_html.parse(str(out / "plain.html")).getroot().find_class("edition-footer")[0]
    assert footer.text_content() == "Korea Papers, Example Press."


def test_batch_never_writes_over_its_configuration(tmp_path: Path) -> None:
    folder = collection(tmp_path, "", plain=MINUTE)
    config = tmp_path / "edition.toml"
    config.write_text('[batch]\nto = ["tei"]\n', encoding="utf-8")
    out = str(tmp_path / "out")
    options = ["--config", str(config), "--report", str(config)]
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", out, *options])
    assert result.exit_code == 2
    assert str(config) in result.stderr
    assert config.read_text(encoding="utf-8") == '[batch]\nto = ["tei"]\n'
    # The configuration in the collection's folder is not an input passed over.
    quiet = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "o2")])
    assert quiet.exit_code == 0, quiet.output
    assert "not converted" not in quiet.stderr
