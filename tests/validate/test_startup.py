"""What a run pays for: the default path imports no XPath 2.0 engine, workers compile nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from tei_plenum.diagnostics import Diagnostic, Severity
from tei_plenum.errors import Location
from tei_plenum.resources import schema_path
from tei_plenum.validate.validator import Validator

from ..conftest import EXAMPLES, ROOT

EXAMPLE = EXAMPLES / "plenum-excerpt.tei.xml"
INVALID = Path(__file__).parent / "invalid" / "unknown-element.xml"

_LOADED_MODULES = """
import sys
from tei_plenum.cli import main
try:
    main(["validate", *sys.argv[1:]])
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)))
"""


def _modules_after(*args: Path | str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_MODULES, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return set(done.stdout.splitlines()[-1].split())


def test_default_run_loads_neither_xpath2_nor_schematron_compiler() -> None:
    loaded = _modules_after(EXAMPLE)
    assert "tei_plenum.validate.validator" in loaded
    assert not {"elementpath", "xmlschema", "lxml.isoschematron"} & loaded
    assert "concurrent.futures.process" not in loaded


def test_an_xsd_alone_needs_no_xpath2_engine() -> None:
    loaded = _modules_after("--schema", schema_path("tei_plenum.xsd"), EXAMPLE)
    assert "tei_plenum.validate.engines" in loaded
    assert "elementpath" not in loaded


def test_an_invalid_document_loads_what_explains_it(tmp_path: Path) -> None:
    assert "xmlschema" in _modules_after(INVALID)
    # The project rules explain a broken page number without the Schematron compiler; an
    # unusual value (a fractional page quantity) still needs it.
    text = EXAMPLE.read_text(encoding="utf-8").replace('<pb n="8"/>', '<pb n="7"/>')
    broken = tmp_path / "pages.xml"
    broken.write_text(text)
    loaded = _modules_after(broken)
    assert not {"lxml.isoschematron", "elementpath"} & loaded
    unusual = tmp_path / "unusual.xml"
    unusual.write_text(text.replace('quantity="6"', 'quantity="6.0"', 1))
    loaded = _modules_after(unusual)
    assert "lxml.isoschematron" in loaded
    assert "elementpath" not in loaded


class _PidEngine:
    """Reports the process that built it and the process that checked each document."""

    schema = "pid"

    def __init__(self) -> None:
        self.built_in = os.getpid()

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        yield Diagnostic(
            Severity.WARNING, "pid", f"{self.built_in} {os.getpid()}", Location(source)
        )


def test_workers_inherit_the_compiled_schemas(tmp_path: Path) -> None:
    paths = []
    for index in range(8):
        path = tmp_path / f"{index}.xml"
        path.write_bytes(EXAMPLE.read_bytes())
        paths.append(path)
    validator = Validator([_PidEngine()])
    reports = list(validator.validate_files(paths, jobs=2))
    assert [r.path for r in reports] == [str(p) for p in paths]
    pairs = [r.diagnostics[0].message.split() for r in reports]
    assert {built for built, _ in pairs} == {str(os.getpid())}
    assert str(os.getpid()) not in {checked for _, checked in pairs}
