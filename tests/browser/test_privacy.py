"""Nothing leaves localhost while pages load and search runs, and no page logs a console error.

Every request of every test is recorded (conftest.py fails any test whose pages asked another host,
got an HTTP error or logged a console error); these tests walk the main pages on purpose.
"""

from __future__ import annotations

import pytest

from .harness import ROOT
from .reader import search

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "zh": "zh/"}
PAGES = ["", "providers/", "providers/groq/", "glossary/"]
PAGES += ["compare/"] if (ROOT / "docs/compare.md").is_file() else []


def check_no_third_party_request(page, lang: str, pages=PAGES) -> None:
    for path in pages:
        page.goto(PREFIX[lang] + path, wait_until="networkidle")
    assert search(page, "Groq"), "search found nothing"
    page.wait_for_load_state("networkidle")
    recorded = page.recorder
    assert not recorded.foreign, f"requests to other hosts: {recorded.foreign}"
    assert any(url.endswith("/search/search_index.json") for url in recorded.requests)  # search really ran
    # Material's bundle reads <link rel=alternate hreflang> as language roots and fetches <root>/sitemap.xml.
    assert not [url for url in recorded.requests if url.endswith("sitemap.xml")]
    fonts = [url for url in recorded.requests if "font" in url and not url.endswith(".css")]
    assert not fonts, f"web fonts requested: {fonts}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pages_and_search_make_no_third_party_request(page, lang):
    check_no_third_party_request(page, lang)


def test_repository_link_is_kept_without_asking_the_github_api(page):
    page.goto("providers/groq/", wait_until="networkidle")
    link = page.locator(".md-header a.md-source")
    assert link.is_visible()
    assert link.get_attribute("href").startswith("https://github.com/")
    # data-md-component="source" is what makes Material call api.github.com for stars and forks.
    assert page.locator('[data-md-component="source"]').count() == 0
    assert not [url for url in page.recorder.requests if "api.github.com" in url]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_index_waits_until_the_reader_searches(page, lang):
    # The index is most of a first visit's bytes (overrides/main.html holds it back).
    page.goto(PREFIX[lang] + "providers/groq/", wait_until="networkidle")
    index = [url for url in page.recorder.requests if url.endswith("/search/search_index.json")]
    assert not index, "the search index was fetched before the reader turned to search"
    assert search(page, "Groq"), "search found nothing once the index was fetched on demand"
    assert any(url.endswith("/search/search_index.json") for url in page.recorder.requests)
