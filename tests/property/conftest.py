"""Hypothesis profiles for the property tests, and the official schema compiled once."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings
from lxml import etree

from tei_plenum.enrich import Enrichment
from tei_plenum.xmlsafe import parse_xml_file
from tests.conftest import TEI_ALL_RNG

# CI runs the same examples every time; a developer's run keeps exploring new ones.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """``tei_all.rng`` takes seconds to compile: once per test session."""
    if not TEI_ALL_RNG.exists():
        pytest.skip("the official TEI schema is not available")
    return etree.RelaxNG(parse_xml_file(TEI_ALL_RNG))


@pytest.fixture(scope="session")
def enrichment() -> Enrichment:
    """The bundled authority, compiled once for every generated document."""
    return Enrichment.load()
