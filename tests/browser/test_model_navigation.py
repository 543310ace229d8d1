"""A reader reaches a model's own page without a sidebar entry for it (issue 17): by searching for the model,
by the "N providers" link of a comparison row, and from the models index in the sidebar; and the model page's
price history leads to the rows above it."""

from __future__ import annotations

import re

import pytest

import catalog
from render.served import served_models

from .harness import ROOT
from .reader import search

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
OSS = served_models(catalog.load(ROOT / "data", ROOT))["gpt-oss-120b"]
PAGE = {lang: f"{prefix}models/{OSS.slug}/" for lang, prefix in PREFIX.items()}


def title(page) -> str:
    """The page's heading as read, without the permanent link's ¶."""
    return page.locator("article h1").inner_text().replace("¶", "").strip()


@pytest.mark.parametrize("lang, query", [("en", "gpt-oss-120b"), ("zh", "gpt-oss-120b"),
                                         ("en", "openai/gpt-oss-120b"), ("zh", "openai/gpt-oss-120b")])
def test_searching_a_model_of_several_providers_lands_on_its_page(browse, lang, query):
    page = browse(PREFIX[lang])
    hits = search(page, query)
    assert hits and hits[0]["path"] == PAGE[lang], hits[:3]
    page.locator(".md-search-result__list > .md-search-result__item a").first.click()
    page.wait_for_url(f"**/{PAGE[lang]}*")
    assert title(page) == OSS.name
    assert page.locator('article table tr[id^="model-"]').count() == len(OSS.entries)


def test_a_model_id_result_leads_to_its_row_on_the_model_page(browse):
    page = browse(PREFIX["zh"])
    hits = search(page, "accounts/fireworks/models/gpt-oss-120b")
    assert hits[0]["path"] == PAGE["zh"], hits[:3]
    # The model page's own entry leads; its rows are in "more results on this page", Fireworks' first.
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.locator("details.md-search-result__more summary").click()
    result = first.locator("details.md-search-result__more a").first
    assert "#model-fireworks-" in result.get_attribute("href")
    result.click()
    page.wait_for_url(lambda url: f"/{PAGE['zh']}" in url and "#model-fireworks-" in url)  # with Material's ?h=
    row = page.locator("tr:target")
    assert "Fireworks" in row.inner_text() and row.is_visible()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_comparison_row_leads_to_the_model_page(browse, lang):
    page = browse(PREFIX[lang] + "compare/?find=openai/gpt-oss-120b")
    link = page.locator(f'tbody .model-page-link a[href="../models/{OSS.slug}/"]').first
    link.wait_for()
    link.click()
    page.wait_for_url(f"**/{PAGE[lang]}")
    assert title(page) == OSS.name


@pytest.mark.parametrize("lang, label", [("en", "Models"), ("zh", "模型")])
def test_the_sidebar_has_the_models_index_not_the_model_pages(browse, lang, label):
    page = browse(PAGE[lang])
    nav = page.locator(".md-nav--primary")
    links = nav.locator("a.md-nav__link").evaluate_all("links => links.map(link => link.href)")
    assert not [href for href in links if re.search(r"/models/[^/?#]+/$", href)]
    assert sum(href.endswith(f"/{PREFIX[lang]}models/") for href in links) == 1
    nav.get_by_role("link", name=label, exact=True).first.click(force=True)
    page.wait_for_url(f"**/{PREFIX[lang]}models/")
    page.locator(f'article a[href="{OSS.slug}/"]').first.click()
    page.wait_for_url(f"**/{PAGE[lang]}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_price_history_leads_to_the_row_above(browse, lang):
    page = browse(PAGE[lang])
    link = page.locator("#price-history ~ * a[href^='#model-']").first
    target = link.get_attribute("href")
    link.click()
    assert page.locator(f'tr[id="{target[1:]}"]').evaluate("row => row.matches(':target')")
