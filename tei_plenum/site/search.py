"""Full-text search of a static site with Pagefind (optional extra ``site``): its indexer
runs over the written pages and leaves the search bundle in ``pagefind/``. Only the reading
text and notes of documents are indexed (``data-pagefind-body``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import ConfigError


def _executable() -> Path | None:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return Path(get_executable())
    except (FileNotFoundError, OSError):
        return None


def search_available() -> bool:
    """Whether Pagefind's indexer is installed."""
    return _executable() is not None


def run_pagefind(site: Path) -> None:
    """Index the pages of ``site`` into ``site/pagefind``."""
    executable = _executable()
    if executable is None:
        raise ConfigError("search needs Pagefind: pip install 'tei-plenum[site]'")
    done = subprocess.run(
        [str(executable), "--site", str(site), "--output-subdir", "pagefind", "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()
        raise ConfigError(f"Pagefind failed: {last[-1] if last else done.returncode}")
