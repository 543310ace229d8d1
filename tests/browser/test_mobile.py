"""At a phone's 375 px the provider page does not scroll sideways (tables scroll on their own), and the
navigation drawer opens and leads somewhere."""

from __future__ import annotations

import pytest

from .harness import MOBILE
from .reader import assert_on, horizontal_overflow

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
NAV_PROVIDERS = {"en": "Providers", "zh": "服务商"}


def check_no_sideways_scrolling(page) -> None:
    overflow = horizontal_overflow(page)
    assert overflow["scrolledBy"] == 0 and overflow["scrollWidth"] <= overflow["width"], overflow
    assert not overflow["offenders"], f"sticking out past the right edge: {overflow['offenders']}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_page_fits_a_phone(browse, lang):
    page = browse(PREFIX[lang] + "providers/groq/", viewport=MOBILE, is_mobile=True, has_touch=True)
    check_no_sideways_scrolling(page)
    # The model table is wider than the phone and scrolls inside its own wrapper instead.
    wrapper = page.locator(".md-typeset__scrollwrap").first
    assert wrapper.evaluate("el => el.scrollWidth > el.clientWidth")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_navigation_opens_on_a_phone(browse, lang):
    page = browse(PREFIX[lang] + "providers/groq/", viewport=MOBILE, is_mobile=True, has_touch=True)
    drawer = page.locator("nav.md-nav--primary").first
    assert drawer.bounding_box()["x"] + drawer.bounding_box()["width"] <= 0  # closed: off the left edge
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_function("() => document.querySelector('nav.md-nav--primary').getBoundingClientRect().x >= 0")
    # The drawer opens on the current section (the providers); the reader taps another entry in it.
    targets = drawer.evaluate("""nav => [...nav.querySelectorAll("a.md-nav__link[href]")].filter(link => {
        const box = link.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return box.width > 0 && box.y >= 0 && box.bottom <= innerHeight && hit && link.contains(hit)
            && new URL(link.href).pathname !== location.pathname;
      }).map(link => [link.getAttribute("href"), new URL(link.href).pathname])""")
    assert targets, "the open navigation shows no link the reader can tap"
    href, target = targets[0]
    drawer.locator(f'a.md-nav__link[href="{href}"]').first.tap()
    page.wait_for_url(f"**{target}")
    assert_on(page, target.removeprefix("/"), lang)
