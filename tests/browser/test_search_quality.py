"""Search answers in the reader's language: the query set of search_queries.yaml (at least 30 per
language) typed into the real search box, scored as hit@1, hit@3, other-language and empty results.

The figures print with `pytest -s`, or for any built site with
`.venv/bin/python -m tests.browser.search_quality site/`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

import catalog as catalog_loader
from conftest import ROOT

from .reader import path_of, search
from .search_quality import HOME, TOP, query_set, score
from .test_search import page_text

pytestmark = pytest.mark.browser

QUERIES = query_set()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_query_set_finds_the_right_pages_in_the_readers_language(page, lang):
    queries = QUERIES[lang]
    assert len(queries) >= 30
    result = score(page, lang, queries)
    print(result.line())
    report = result.line() + "\n" + "\n".join(result.misses)
    assert result.hit3 >= 0.95 * result.queries, report
    assert result.wrong_language == 0, report
    assert result.empty == 0, report  # every query's words are on the site


@pytest.mark.parametrize("path, index", [
    ("", "search/search_index.json"),
    ("zh/", "zh/search/search_index.json"),
    ("zh/404.html", "zh/search/search_index.json"),
    ("zh/no-such-page/", "zh/search/search_index.json"),  # the root 404 page, shown in Chinese
])
def test_reader_downloads_only_their_languages_index(page, server, path, index):
    if path.endswith("no-such-page/"):
        page.recorder.expect_missing(server + path)
    page.goto(path)
    assert search(page, "Groq")
    fetched = [url.removeprefix(server) for url in page.recorder.requests if url.endswith("search_index.json")]
    assert fetched == [index]


@pytest.mark.parametrize("query, words", [
    ("上下文窗口", ["上下文", "窗口"]),       # Material searched 上下文 only: it never tried the last word
    ("服务商密钥", ["服务商", "密钥"]),
    ("模型价格", ["模型", "价格"]),
    ("视觉模型价格", ["视觉", "模型", "价格"]),
])
def test_chinese_query_keeps_every_word(page, site, query, words):
    check_every_word_kept(page, site, query, words)


def check_every_word_kept(page, site, query: str, words: list[str]) -> None:
    """Every word of a Chinese query typed without spaces is searched (the top results highlight it),
    and the first result contains every word. Search matches any of the words (as Material does for
    words typed with spaces), so the second and third results may lack one."""
    page.goto(HOME["zh"])
    top = [hit["path"] for hit in search(page, query)][:TOP]
    assert len(top) == TOP, top
    marked = set(page.eval_on_selector_all(f".md-search-result__list > li:nth-child(-n+{TOP}) mark",
                                           "marks => marks.map(mark => mark.textContent)"))
    assert set(words) <= marked, f"{query}: {set(words) - marked} not searched (highlighted: {marked})"
    text = page_text(site, top[0])
    assert all(word in text for word in words), f"{query}: /{top[0]} lacks one of {words}"


@pytest.mark.parametrize("query, word", [
    ("最便宜", "便宜"),        # the index has 最 and 便宜, never 最便宜: Material found nothing
    ("最便宜的视觉模型", "视觉"),
])
def test_chinese_query_falls_back_to_the_words_the_index_has(page, site, query, word):
    page.goto(HOME["zh"])
    top = [hit["path"] for hit in search(page, query)][:TOP]
    assert top, f"{query}: no result"
    assert all(word in page_text(site, path) for path in top), top


@pytest.mark.parametrize("lang, query, row", [("en", "what is prompt caching", "glossary/#term-prompt-caching"),
                                             ("zh", "上下文窗口", "zh/glossary/#term-context-window")])
def test_glossary_term_leads_and_its_row_is_shown_not_folded(page, lang, query, row):
    page.goto(HOME[lang])
    assert search(page, query)[0]["path"] == row.split("#")[0]
    # Material folds the sections that score below a group's best into "N more on this page".
    shown = page.locator(".md-search-result__list > .md-search-result__item").first.locator(":scope > a")
    links = [urlsplit(href) for href in shown.evaluate_all("links => links.map(link => link.href)")]
    assert row in [f"{path_of(link.path)}#{link.fragment}" for link in links], links


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_alias_in_the_catalog_finds_its_provider(page, lang):
    """The names readers type (通义千问, DashScope, Kimi, 火山方舟 …) live in the catalog as `aliases`."""
    catalog = catalog_loader.load(ROOT / "data", ROOT)
    page.goto(HOME[lang])
    missed = []
    for provider in catalog.providers:
        for alias in provider.aliases:
            top = [hit["path"] for hit in search(page, alias)][:TOP]
            if f"{HOME[lang]}providers/{provider.id}/" not in top:
                missed.append(f"{alias}: {top}")
    assert not missed, missed
