"""Hypothesis profiles for the property tests."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
