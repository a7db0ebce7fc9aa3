"""The corpus edition's index.html in a real browser: loads cleanly, every link lands."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tei_plenum.batch import Settings, execute, plan
from tests.browser.conftest import SCREENSHOTS, LoadedPage, open_page
from tests.conftest import FIXTURES, SAMPLE

pytestmark = pytest.mark.browser

DOCUMENTS = (
    "journal-puzanov-1959",
    "minutes-puwp-politburo-1957",
    "report-soviet-specialists-1960",
    "resolution-kwp-presidium-1958",
)


@pytest.fixture
def corpus_page(browser_context, tmp_path: Path) -> Iterator[LoadedPage]:
    source = tmp_path / "in"
    for name in DOCUMENTS:
        folder = source / name.split("-")[0]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / "documents" / f"{name}.txt", folder / f"{name}.txt")
    shutil.copyfile(SAMPLE, source / SAMPLE.name)
    result = execute(plan([str(source)], Settings(tmp_path / "out", formats=("html",))), jobs=1)
    assert result.index is not None
    loaded = open_page(browser_context, "corpus-index", result.index)
    yield loaded
    loaded.page.close()  # type: ignore[attr-defined]


def test_index_loads_without_errors_or_requests(corpus_page: LoadedPage):
    page = corpus_page.page
    assert page.title() == "Corpus index: 5 documents"
    assert corpus_page.console_errors == []
    assert corpus_page.requests == [corpus_page.url]
    assert page.locator("#by-date tbody tr").count() == 5
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "corpus-index.png"), full_page=True)


def test_every_link_resolves(corpus_page: LoadedPage):
    page = corpus_page.page
    here = Path(unquote(urlsplit(corpus_page.url).path)).parent
    hrefs = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    for href in hrefs:
        if href.startswith("#"):
            assert page.locator(f"[id='{href[1:]}']").count() == 1, href
        else:
            assert (here / unquote(href)).is_file(), href


def test_sorting_links_and_document_links_work_without_scripts(corpus_page: LoadedPage):
    page = corpus_page.page
    page.locator("nav a[href='#by-title']").click()
    assert page.evaluate("location.hash") == "#by-title"
    titles = page.locator("#by-title tbody tr td:first-child").all_inner_texts()
    assert titles == sorted(titles, key=str.casefold)
    dates = page.locator("#by-date tbody tr td:nth-child(2)").all_inner_texts()
    assert dates[0].startswith("1956-08-30")

    page.locator("#persons ul.mentions a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(".html")
    assert page.locator("main#text").count() == 1
    assert corpus_page.console_errors == []
    assert all(url.startswith("file://") for url in corpus_page.requests)
