"""The one place that knows where ``schemas/`` and ``data/`` live.

In a source checkout they are the top-level folders; in an installed wheel they ship inside the
package as ``tei_plenum/_shipped/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _folder(name: str) -> Path:
    shipped = _PACKAGE / "_shipped" / name
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / name


def schema_path(name: str) -> Path:
    """Path of a file in ``schemas/`` (for example ``tei_plenum.xsd``)."""
    return _folder("schemas") / name


def data_path(name: str) -> Path:
    """Path of a file in ``data/`` (for example ``authority.xml``)."""
    return _folder("data") / name
