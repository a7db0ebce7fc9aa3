"""The package's public API: every advertised name resolves, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tei_plenum
from tests.conftest import SAMPLE


@pytest.mark.parametrize("name", [n for n in tei_plenum.__all__ if n != "__version__"])
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(tei_plenum, name) is not None


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = tei_plenum.nothing  # type: ignore[attr-defined]


def test_convert_and_export_through_the_api() -> None:
    result = tei_plenum.convert_file(SAMPLE)
    assert tei_plenum.to_text(result.tree).startswith("Wilson Center Digital Archive")
    report = tei_plenum.Validator.from_schemas(None).validate_tree(result.tree, "sample.xml")
    assert report.valid


def test_importing_the_package_loads_no_stage() -> None:
    code = (
        "import sys, tei_plenum\n"
        "print(sorted(m for m in sys.modules if m.startswith('tei_plenum.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
