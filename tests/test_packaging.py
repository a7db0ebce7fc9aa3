"""A non-editable install works: the wheel ships schemas/ and data/, and the installed
package finds them without the source tree."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

# Building a wheel and installing it into a new environment takes seconds.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(out)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("tei_plenum-*.whl"))


def test_wheel_ships_schemas_data_and_styles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "tei_plenum/_shipped/schemas/tei_plenum.xsd",
        "tei_plenum/_shipped/schemas/tei_plenum.sch",
        "tei_plenum/_shipped/schemas/tei_all.rng",
        "tei_plenum/_shipped/schemas/README.md",
        "tei_plenum/_shipped/data/authority.xml",
        "tei_plenum/_shipped/data/kwp-cc-plenum-1956-08.txt",
        "tei_plenum/export/html/html.css",
    ):
        assert expected in names


def test_installed_wheel_converts_and_validates(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The dependencies come from the test environment (a plain path, so its editable install
    # of the source tree is not picked up); tei-plenum itself only from the wheel.
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    where = subprocess.run(
        [str(python), "-c", "import tei_plenum.resources as r; print(r.schema_path('x'))"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert where.startswith(site)
    out = tmp_path / "sample.xml"
    for args in (["convert", str(SAMPLE), "-o", str(out)], ["validate", str(out)]):
        run = subprocess.run(
            [str(python), "-m", "tei_plenum", *args], capture_output=True, text=True, cwd=tmp_path
        )
        assert run.returncode == 0, run.stderr
