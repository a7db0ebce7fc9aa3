"""The corpus site in a real browser: the index fits a phone, links land, and Pagefind's
search (served over HTTP, as a site is) finds a document by a word of its text."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tei_plenum.site import build_site
from tei_plenum.site.search import search_available
from tests.browser.conftest import SCREENSHOTS, launch, open_page
from tests.site.test_build import write

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("tei")
    write(source, "earlier.tei.xml", date="<date when='1956-05-06'>6 May 1956</date>",
          title="Earlier record", words="The walrus question was raised",
          genre="record of conversation")  # fmt: skip
    write(source, "b/later.tei.xml", date="<date when='1958-01-02'>2 January 1958</date>",
          title="Later letter with a very long title about the delivery of equipment for the "
          "Kangson steel works", words="zebra crossings", genre="letter")  # fmt: skip
    out = tmp_path_factory.mktemp("site") / "site"
    build_site([source], out, search=search_available())
    return out


def test_index_fits_a_phone_and_has_no_script(browser_context, site: Path):
    loaded = open_page(browser_context, "site-index", site / "index.html")
    page = loaded.page
    try:
        for label, width in (("desktop", 1100), ("phone", 390)):
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"site-index-{label}.png", full_page=True)
        page.locator("table.documents a").first.click()
        assert page.url.endswith("/documents/earlier.html")
        page.set_viewport_size({"width": 390, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.locator("a[rel=next]").click()
        assert page.url.endswith("/documents/b/later.html")
        assert loaded.console_errors == []
        assert all(url.startswith(site.as_uri()) for url in loaded.requests)
    finally:
        page.close()


@pytest.fixture
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.skipif(not search_available(), reason="Pagefind is not installed (extra 'site')")
def test_search_finds_a_document_by_a_word_of_its_text(
    playwright_driver, served: str, tmp_path: Path
):
    # The search page is the one page whose script must run.
    context = launch(playwright_driver, tmp_path / "profile", scripts=True)
    try:
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(served + "search.html")
        page.locator("#search input").fill("walrus")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=10_000)
        assert result.inner_text() == "Earlier record"
        assert page.locator(".pagefind-ui__result-link").count() == 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "site-search.png", full_page=True)
        result.click()
        page.wait_for_url("**/documents/earlier.html*")
        assert errors == []
        assert all(url.startswith(served) for url in requests)
    finally:
        context.close()
