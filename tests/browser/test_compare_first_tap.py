"""The comparison page starts Material's bundle after the reader's first tap or key, or once the page has
been left alone (overrides/main.html, front matter `theme_script: after_first_use`): the first sort does
not wait behind it, and everything the bundle does still works once it runs. Other pages load it as
before.

Where the order matters the page's clock is held (Playwright's fake timers): nothing the page schedules
runs until the test lets time pass, so "not yet started" never depends on how fast the machine is.
"""

from __future__ import annotations

import datetime
import re

import pytest

from .harness import MOBILE, ROOT
from .reader import assert_on, color_scheme, search, switch_language, toggle_palette
from .test_mobile import check_no_sideways_scrolling

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (ROOT / "docs/compare.md").is_file(), reason="no comparison page (docs/compare.md) yet"),
]

PREFIX = {"en": "", "zh": "zh/"}
PHONE = {"viewport": MOBILE, "is_mobile": True, "has_touch": True}
HELD = datetime.datetime(2026, 1, 1, 8, 0)  # any moment: the page's timers wait until the test moves on
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# The bundle's first act is to mark the page as scripted; its last, to publish document$.
BUNDLE_RAN = "() => document.documentElement.classList.contains('js') && 'document$' in window"
# Material has started the page: it shows the palette button of the palette that comes next.
MATERIAL_STARTED = "() => !!document.querySelector('form[data-md-component=palette] label:not([hidden])')"


def bundle_requests(page) -> list[str]:
    return [url for url in page.recorder.requests if BUNDLE.search(url.split("?")[0])]


def open_held(browse, lang: str, query: str = "", **options):
    """The comparison page, loaded and its table ready, with the page's clock held."""
    page = browse(**options)
    page.clock.install(time=HELD)
    page.clock.pause_at(HELD + datetime.timedelta(seconds=1))  # no page yet, so no timer skipped
    page.goto(PREFIX[lang] + "compare/" + query)
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    return page


def shown_contexts(page) -> list[float]:
    """The context window of each row shown, from the page's data (None when unknown)."""
    return page.evaluate("""() => fetch("models.json").then(response => response.json()).then(doc => {
      const at = doc.fields.indexOf("anchor"), sort = doc.fields.indexOf("sort");
      const column = doc.columns.indexOf("context");
      const byId = new Map(doc.rows.map(row => ["cmp-" + row[at], row[sort][column]]));
      return [...document.querySelectorAll("#cmp-table tbody tr")].map(row => byId.get(row.id));
    })""")


def assert_sorted_by_context(page) -> None:
    assert page.locator('#cmp-table th[data-sort="context"]').get_attribute("aria-sort") == "ascending"
    known = [value for value in shown_contexts(page) if value is not None]
    assert len(known) > 1 and known == sorted(known), known


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_first_tap_sorts_at_once_and_only_then_starts_material(browse, lang):
    page = open_held(browse, lang, **PHONE)
    assert not page.evaluate(BUNDLE_RAN) and not bundle_requests(page)
    assert page.locator("html").get_attribute("class") == "no-js"  # Material's own look without its script
    page.locator('button.cmp-sort[data-sort="context"]').tap()
    assert_sorted_by_context(page)  # the tap was handled with the bundle not even asked for
    assert not bundle_requests(page)
    page.clock.run_for(100)  # the frame that shows the sort, then the bundle is asked for
    page.wait_for_function(BUNDLE_RAN)
    assert len(bundle_requests(page)) == 1
    page.clock.resume()
    page.wait_for_function(MATERIAL_STARTED)
    assert_sorted_by_context(page)  # Material's start leaves the table as the reader left it


def test_material_starts_by_itself_when_the_page_is_left_alone(browse):
    page = open_held(browse, "en")
    page.mouse.wheel(0, 2000)  # a reader scrolling down to the table, and still reading: nothing yet
    page.clock.run_for(1000)
    assert not page.evaluate(BUNDLE_RAN) and not bundle_requests(page)
    page.clock.run_for(5000)  # a quiet moment after loading, then the next idle one
    page.wait_for_function(BUNDLE_RAN)
    page.clock.resume()
    page.wait_for_function(MATERIAL_STARTED)


def test_an_address_asking_for_search_starts_material_at_once(browse):
    page = open_held(browse, "en", query="?q=groq")
    page.clock.run_for(100)  # no tap, no quiet moment: one frame
    page.wait_for_function(BUNDLE_RAN)
    page.clock.resume()
    page.wait_for_function("() => document.getElementById('__search').checked")  # Material opened its search
    assert page.locator("input.md-search__input").input_value() == "groq"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_first_visit_on_a_dark_system_is_dark_before_material_starts(browse, lang):
    page = open_held(browse, lang, color_scheme="dark", **PHONE)
    assert not page.evaluate(BUNDLE_RAN)
    assert color_scheme(page) == "slate"
    page.locator('button.cmp-sort[data-sort="context"]').tap()
    page.clock.resume()
    page.wait_for_function(MATERIAL_STARTED)
    assert color_scheme(page) == "slate"  # the palette Material picks is the one already shown


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_before_material_starts_the_phone_page_fits_and_its_language_menu_works(browse, lang):
    other = "zh" if lang == "en" else "en"
    page = open_held(browse, lang, **PHONE)
    check_no_sideways_scrolling(page)  # the language menu is the header's last button until then
    switch_language(page, other)
    assert_on(page, PREFIX[other] + "compare/", other)
    assert not page.evaluate(BUNDLE_RAN)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_material_works_on_the_comparison_page_after_the_first_click(page, lang):
    other = "zh" if lang == "en" else "en"
    page.goto(PREFIX[lang] + "compare/")
    page.wait_for_selector("#cmp-table[data-ready]", state="attached")
    page.locator('button.cmp-sort[data-sort="context"]').click()
    assert_sorted_by_context(page)
    page.wait_for_function(MATERIAL_STARTED)
    # Search, with the index of the page's language fetched when the reader turns to it.
    found = [hit["path"] for hit in search(page, "llama-3.3-70b-versatile")]
    assert found and all(path.startswith("zh/") == (lang == "zh") for path in found), found
    assert any("models/" in path for path in found), found
    assert [url for url in page.recorder.requests if url.endswith(PREFIX[lang] + "search/search_index.json")]
    page.keyboard.press("Escape")
    # The header shows the page's title once its heading has scrolled away.
    page.mouse.wheel(0, 1500)
    page.wait_for_selector(".md-header__title--active")
    # The palette button switches the colour scheme.
    for _ in range(3):  # system preference -> light -> dark
        if color_scheme(page) == "slate":
            break
        toggle_palette(page)
    assert color_scheme(page) == "slate"
    # The language menu leads to this page in the other language.
    switch_language(page, other)
    assert_on(page, PREFIX[other] + "compare/", other)


@pytest.mark.parametrize("path", ["", "providers/groq/", "zh/providers/groq/"])
def test_other_pages_load_material_at_once_as_before(page, site, path):
    source = (site / path / "index.html").read_text(encoding="utf-8")
    assert "__theme-scripts" not in source
    assert re.search(r'<script src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"></script>', source)
    page.goto(path)
    assert page.evaluate(BUNDLE_RAN)  # by the load event, with no tap and no waiting
    page.wait_for_function(MATERIAL_STARTED)
