"""Paths every test folder uses (the sample, the fixtures, the worked examples) and the
official TEI schema; everything lives in the repository, so a fresh clone runs the suite."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

from tei_plenum.resources import schema_path
from tei_plenum.xmlsafe import parse_xml_file

# An example that first reaches a rule compiles its patterns (the suite keeps no compiled
# patterns between runs), which on a busy machine can outlast hypothesis's deadline for one
# example; the property tests check results, not time.
settings.register_profile("tei-plenum", deadline=None)
settings.load_profile("tei-plenum")

ROOT = Path(__file__).resolve().parent.parent
TEI_ALL_RNG = schema_path("tei_all.rng")
SAMPLE = ROOT / "data" / "kwp-cc-plenum-1956-08.txt"
FIXTURES = ROOT / "tests" / "fixtures"
# The encoding guide's worked examples: two hand-encoded TEI files and one invented source.
EXAMPLES = FIXTURES / "examples"
# Errors of writes that fail, as the operating system reports them.
FULL = OSError(errno.ENOSPC, "No space left on device")
DENIED = PermissionError(errno.EACCES, "Permission denied")
Fail = Callable[[Callable[[Path], bool], OSError], None]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from current output"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that needs the compiled ``tei_all`` grammar pays seconds for it: mark it slow."""
    for item in items:
        if "tei_all" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official ``tei_all.rng``, which takes seconds to compile: once per test session."""
    return etree.RelaxNG(parse_xml_file(TEI_ALL_RNG))


@pytest.fixture
def fail(monkeypatch: pytest.MonkeyPatch) -> Fail:
    """``fail(which, error)``: every atomic write whose target ``which`` selects fails with
    ``error``, at the rename that ends it (a full disk or a read-only folder, without one)."""

    def install(which: Callable[[Path], bool], error: OSError) -> None:
        real_replace = os.replace

        def replace(src: str | Path, dst: str | Path) -> None:
            if which(Path(dst)):
                raise error
            real_replace(src, dst)

        monkeypatch.setattr(os, "replace", replace)

    return install
