"""Search, typed into the real search box, puts the right pages at the top in both languages.

Each language has its own index (hooks/docsite/searchlanguages.py). Material dropped the last word of
a Chinese query typed without spaces (上下文窗口 searched 上下文); our worker keeps every word, and
every Chinese check also verifies that the pages shown really contain the whole term. The scored
query set is in test_search_quality.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from .reader import search

pytestmark = pytest.mark.browser

TOP = 3
GROQ = {"en": "providers/groq/", "zh": "zh/providers/groq/"}
HOME = {"en": "", "zh": "zh/"}


def page_text(site: Path, path: str) -> str:
    source = (site / path / "index.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", source, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article.group() if article else source))


def pages_listing_model(site: Path, model_id: str) -> set[str]:
    """Every page whose model table has a copy button for this id (ids are matched like search does): provider
    pages, and the page of the model the id serves."""
    needle = f'data-clipboard-text="{html.escape(model_id)}"'.lower()
    pages = [*site.glob("**/providers/*/index.html"), *site.glob("**/models/*/index.html")]
    return {path.parent.relative_to(site).as_posix() + "/" for path in pages
            if needle in path.read_text(encoding="utf-8").lower()}


def check_chinese_term(page, site: Path, term: str) -> list[dict]:
    """The top results of a Chinese query are pages that contain the term, mostly Chinese ones, and
    the results include (nearly) every Chinese page that contains it.

    Without \u200b in the search separator only the pages where the term starts a run of text are
    found (about half); the 90 % bar leaves room for a word jieba segments differently.
    """
    page.goto(HOME["zh"])
    hits = search(page, term, everything=True)
    top = [hit["path"] for hit in hits[:TOP]]
    assert len(top) == TOP, f"{term}: only {top} found"
    for path in top:
        assert term in page_text(site, path), f"{term}: /{path} is among the top results but lacks the term"
    assert sum(path.startswith("zh/") for path in top) >= TOP - 1, f"{term}: top results not in Chinese: {top}"
    containing = {path.parent.relative_to(site).as_posix() + "/" for path in (site / "zh").glob("**/index.html")
                  if term in page_text(site, path.parent.relative_to(site).as_posix())}
    missed = containing - {hit["path"] for hit in hits}
    assert len(missed) <= len(containing) // 10, f"{term}: {len(missed)} of {len(containing)} Chinese pages " \
                                                 f"with the term not found: {sorted(missed)}"
    return hits


@pytest.mark.parametrize("term", ["价格", "推理", "上下文窗口"])
def test_chinese_terms_find_chinese_pages_that_contain_them(page, site, term):
    hits = check_chinese_term(page, site, term)
    found = [hit["path"] for hit in hits]
    assert GROQ["zh"] in found  # it has prices, reasoning models and context windows
    if term == "上下文窗口":
        assert "zh/glossary/" in found  # the glossary defines it


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_name_finds_its_page_in_the_readers_language(page, lang):
    page.goto(HOME[lang])
    top = [hit["path"] for hit in search(page, "Groq")[:2]]
    assert top[0] in GROQ.values(), top
    assert GROQ[lang] in top, top


@pytest.mark.parametrize("lang, model_id", [("en", "llama-3.3-70b-versatile"), ("zh", "llama-3.3-70b-versatile"),
                                            ("en", "qwen/qwen3-32b"), ("zh", "qwen/qwen3-32b")])
def test_model_id_finds_the_page_of_every_provider_that_serves_it(page, site, lang, model_id):
    """Both ids are of models that several providers serve: the search leads to the model's own page, which
    links every provider page that lists the id."""
    expected = {path for path in pages_listing_model(site, model_id) if path.startswith("zh/") == (lang == "zh")}
    assert GROQ[lang] in expected  # both ids are Groq models
    model_pages = {path for path in expected if "models/" in path}
    page.goto(HOME[lang])
    found = [hit["path"] for hit in search(page, model_id)]
    assert found and found[0] in model_pages, f"top result /{found[:1]} is not the page of {model_id}'s model"
    source = (site / found[0] / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'href="((?:\.\./)+providers/[^/"]+/)#', source)  # from models/<slug>/: ../../
    linked = {re.sub(r"^(\.\./)+", HOME[lang], href) for href in rows}
    missing = expected - model_pages - linked
    assert not missing, f"providers listing {model_id} not linked from its model page: {missing}"
