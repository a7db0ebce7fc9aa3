"""Shared fixtures: paths to the sample, the fixtures and the official TEI schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tei_plenum.xmlsafe import parse_xml_file

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TEI_ALL_RNG = SHARED / "tei" / "tei_all.rng"
SAMPLE = ROOT / "data" / "kwp-cc-plenum-1956-08.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official ``tei_all.rng``, which takes seconds to compile: once per test session."""
    if not TEI_ALL_RNG.exists():
        pytest.skip("the official TEI schema is not available")
    return etree.RelaxNG(parse_xml_file(TEI_ALL_RNG))
