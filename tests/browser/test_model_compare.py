"""The models index's side-by-side view (docs/javascripts/models.js): choosing models writes them into the
address, and opening that address shows the same comparison, in each language, without the pickers' help."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

import catalog
from render.served import with_pages

from .harness import ROOT
from .reader import axe_violations

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
SHARED = with_pages(catalog.load(ROOT / "data", ROOT))
FIRST, SECOND = SHARED[0], SHARED[-1]


def headings(page) -> list[str]:
    return page.locator("#compare table thead th").all_inner_texts()


@pytest.mark.parametrize("lang, fact", [("en", "Lowest input price"), ("zh", "最低输入价格")])
def test_choosing_two_models_shows_them_side_by_side_and_keeps_them_in_the_address(browse, lang, fact):
    page = browse(PREFIX[lang] + "models/")
    selects = page.locator("#compare select")
    selects.first.wait_for()
    assert selects.count() == 3
    assert "#compare table" not in page.content()
    selects.nth(0).select_option(FIRST.slug)
    selects.nth(1).select_option(SECOND.slug)
    page.wait_for_selector("#compare table")
    assert headings(page)[1:] == [FIRST.name, SECOND.name]
    assert fact in page.locator("#compare tbody").inner_text()
    assert parse_qs(urlsplit(page.url).query)["compare"] == [f"{FIRST.slug},{SECOND.slug}"]
    shared = browse(page.url.split("#")[0])  # a fresh visitor opens the shared link
    shared.wait_for_selector("#compare table")
    assert headings(shared)[1:] == [FIRST.name, SECOND.name]
    assert shared.locator("#compare select").nth(1).input_value() == SECOND.slug


def test_a_model_page_links_to_the_view_with_itself_chosen(browse):
    page = browse(f"zh/models/{FIRST.slug}/")
    page.locator(f'a[href="../?compare={FIRST.slug}#compare"]').click()
    page.locator("#compare select").first.wait_for()
    assert page.locator("#compare select").first.input_value() == FIRST.slug
    assert page.url.split("?")[0].endswith("/zh/models/")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_model_pages_and_the_view_have_no_serious_accessibility_violation(browse, lang):
    for path in (f"models/{FIRST.slug}/", f"models/?compare={FIRST.slug},{SECOND.slug}"):
        page = browse(PREFIX[lang] + path)
        if "compare=" in path:
            page.wait_for_selector("#compare table")
        violations = axe_violations(page)
        assert not violations, (path, violations)
