"""Hypothesis profiles for the property tests, and the official schema compiled once."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tei_plenum.enrich import Enrichment

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
def enrichment() -> Enrichment:
    """The bundled authority, compiled once for every generated document."""
    return Enrichment.load()
