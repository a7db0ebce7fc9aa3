"""Shared fixtures: paths to the sample, the fixtures and the official TEI schema."""

from __future__ import annotations

from pathlib import Path

import pytest

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
