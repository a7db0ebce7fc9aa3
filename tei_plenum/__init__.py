"""tei-plenum: plain-text archival translations to TEI P5, validation, HTML and text export."""

from __future__ import annotations

__version__ = "0.1.0"
