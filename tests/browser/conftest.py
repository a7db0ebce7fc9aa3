"""Headless Chromium (Debian's package, never a downloaded build) driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tei_plenum.export.html import to_html
from tei_plenum.xmlsafe import parse_xml_file
from tests.conftest import EXAMPLES, ROOT

# Debian's chromium package installs here; `make system-deps` provides it.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXAMPLE_NAMES = ("plenum-excerpt", "conversation-sample")
SCREENSHOTS = ROOT / "out" / "screenshots"


@dataclass
class LoadedPage:
    """A page opened from a file:// URL, with everything it logged or requested."""

    name: str
    page: object
    url: str
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[object]:
    """Playwright, started once: its synchronous API allows one instance per thread."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (run `make system-deps`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def launch(playwright: object, profile: Path, *, scripts: bool) -> object:
    """A Chromium with a fresh profile."""
    return playwright.chromium.launch_persistent_context(  # type: ignore[attr-defined]
        str(profile),
        executable_path=str(CHROMIUM),
        headless=True,
        args=CHROMIUM_ARGS,
        java_script_enabled=scripts,
        viewport={"width": 1100, "height": 800},
    )


@pytest.fixture(scope="session")
def browser_context(
    playwright_driver: object, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[object]:
    """One Chromium with scripts off, since the pages must not need them."""
    context = launch(playwright_driver, tmp_path_factory.mktemp("chromium-profile"), scripts=False)
    yield context
    context.close()  # type: ignore[attr-defined]


@pytest.fixture(params=EXAMPLE_NAMES)
def example_page(
    request: pytest.FixtureRequest, browser_context, tmp_path: Path
) -> Iterator[LoadedPage]:
    name = request.param
    source = EXAMPLES / f"{name}.tei.xml"
    html_path = tmp_path / f"{name}.html"
    html_path.write_text(to_html(parse_xml_file(source), source_name=source.name), "utf-8")
    loaded = open_page(browser_context, name, html_path)
    yield loaded
    loaded.page.close()  # type: ignore[attr-defined]


def open_page(browser_context: object, name: str, path: Path) -> LoadedPage:
    """Open a local page, recording its console errors and every request it makes."""
    page = browser_context.new_page()  # type: ignore[attr-defined]
    loaded = LoadedPage(name, page, path.as_uri())
    page.on(
        "console",
        lambda message: (
            loaded.console_errors.append(message.text)
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.on("pageerror", lambda error: loaded.console_errors.append(str(error)))
    page.on("request", lambda req: loaded.requests.append(req.url))
    page.goto(loaded.url)
    return loaded
