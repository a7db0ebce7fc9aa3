"""The reading edition in a real browser: no errors, no fetches, working links and switch."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, LoadedPage

pytestmark = pytest.mark.browser

IN_VIEW = """el => {
  const box = el.getBoundingClientRect();
  return box.top >= 0 && box.top < window.innerHeight && box.height > 0;
}"""


def test_page_loads_without_errors_or_requests(example_page: LoadedPage):
    page = example_page.page
    assert page.title()
    assert example_page.console_errors == []
    # The page itself is the only request: no fonts, scripts, styles or images from anywhere.
    assert example_page.requests == [example_page.url]


def test_name_jumps_to_its_index_entry_and_back(example_page: LoadedPage):
    page = example_page.page
    name = page.locator("main a.name").first
    target = name.get_attribute("href")
    assert target.startswith("#idx-")
    name.click()
    assert page.evaluate("location.hash") == target
    entry = page.locator(f"[id='{target[1:]}']")
    assert entry.evaluate(IN_VIEW)
    assert page.evaluate("window.scrollY") > 0

    occurrence = entry.locator("a.occ").first
    back = occurrence.get_attribute("href")
    occurrence.click()
    assert page.evaluate("location.hash") == back
    assert page.locator(f"[id='{back[1:]}']").evaluate(IN_VIEW)
    assert example_page.requests == [example_page.url]


def test_page_markers_switch_by_mouse_and_keyboard(example_page: LoadedPage):
    page = example_page.page
    markers = page.locator("main .pb")
    assert markers.count() >= 2
    assert markers.first.is_visible()
    assert markers.first.inner_text() == "[p. 1]"

    # From the top of the page: skip link, the metadata summary, then the switch.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "show-pages":
            break
    assert page.evaluate("document.activeElement.id") == "show-pages"
    page.keyboard.press("Space")
    assert all(markers.nth(i).is_hidden() for i in range(markers.count()))
    page.keyboard.press("Space")
    assert all(markers.nth(i).is_visible() for i in range(markers.count()))

    page.locator("label[for='show-pages']").click()
    assert all(markers.nth(i).is_hidden() for i in range(markers.count()))
    # Hidden markers are out of the text a reader copies, not just painted over.
    assert "[p. " not in page.locator("main").inner_text()


def test_skip_link_is_first_and_reaches_the_text(example_page: LoadedPage):
    page = example_page.page
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert skip.evaluate(IN_VIEW)
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#text"


def test_print_media_hides_the_switch(example_page: LoadedPage):
    page = example_page.page
    assert page.locator(".toolbar").is_visible()
    page.emulate_media(media="print")
    try:
        assert page.locator(".toolbar").is_hidden()
        assert page.locator("a.skip").is_hidden()
        assert page.locator("main").is_visible()
        # Markers print as they are shown on screen (here: shown).
        assert page.locator("main .pb").first.is_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{example_page.name}-print.png", full_page=True)
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize(
    ("label", "width", "height"), [("desktop", 1100, 800), ("phone", 390, 844)]
)
def test_screenshots_for_a_person_to_look_at(example_page: LoadedPage, label, width, height):
    page = example_page.page
    page.set_viewport_size({"width": width, "height": height})
    # Nothing may stick out sideways on a narrow screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    measure = page.locator("main").evaluate("el => el.getBoundingClientRect().width")
    assert measure <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{example_page.name}-{label}.png"
    page.screenshot(path=path, full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
