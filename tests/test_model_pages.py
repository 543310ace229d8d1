"""Model pages: one per model that two or more providers serve, in both languages, linked from every provider
table that lists it; the models index with its side-by-side view's data; and the text they are made of."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest

import catalog
from conftest import ROOT
from render import model_index, model_page
from render.text import money
from render.served import Served, page_link, served_models, with_pages
from sitecheck import Page, resolve

CATALOG = catalog.load(ROOT / "data", ROOT)
LANG_ROOT = {"en": "", "zh": "zh/"}


def built(site, lang: str, path: str) -> Page:
    return Page(site / LANG_ROOT[lang] / path / "index.html")


# Which entries make one model ------------------------------------------------------------------------

def test_gpt_oss_120b_is_one_model_under_every_providers_id():
    oss = served_models(CATALOG)["gpt-oss-120b"]
    assert {provider.id for provider in oss.providers} >= {
        "baseten", "bedrock", "cerebras", "fireworks", "groq", "huggingface", "nebius", "vertex"}
    assert {model.id for _, model in oss.entries} >= {
        "openai/gpt-oss-120b", "accounts/fireworks/models/gpt-oss-120b", "gpt-oss-120b", "openai/gpt-oss-120b-maas"}


@pytest.mark.parametrize("served, providers", [
    ("kimi-k2-instruct", {"groq", "moonshot"}), ("deepseek-r1", {"bedrock", "qwen", "nebius"}),
    ("deepseek-v3.1", {"bedrock", "sambanova"}), ("qwen3-coder-480b-a35b-instruct", {"bedrock", "qwen", "nebius"}),
    ("llama-3.3-70b-instruct", {"groq", "bedrock", "sambanova", "nebius"}),
])
def test_common_models_are_recognised_across_providers(served, providers):
    assert {provider.id for provider in served_models(CATALOG)[served].providers} >= providers


def test_only_models_of_two_or_more_providers_get_a_page():
    pages = with_pages(CATALOG)
    assert pages and all(len(item.providers) >= 2 for item in pages)
    # Qwen lists qwen3-max on its international and its mainland endpoint: one provider, no page.
    assert not served_models(CATALOG)["qwen3-max"].has_page


# The text of a model page ----------------------------------------------------------------------------

OSS = served_models(CATALOG)["gpt-oss-120b"]
# What the page must say, worked out here from the entries rather than by the renderer's own helpers.
OSS_CHEAPEST = min(price.input for _, model in OSS.entries if model.status != "retired"
                   for price in model.prices if price.plan == "per-token" and price.currency == "USD")
OSS_WIDEST = max(model.context for _, model in OSS.entries if model.status != "retired")


@pytest.mark.parametrize("lang, words", [
    ("en", ["# GPT OSS 120B", "## Where to run it", f"Served by: {len(OSS.providers)} providers",
            f"Lowest input price: {money(OSS_CHEAPEST, 'USD')} at", f"Largest context: {OSS_WIDEST:,} at",
            "lowest</strong>", "largest</strong>", ">setup steps</a>", "| Provider | Model ID |", "Prompt cache",
            "Source and check", "?compare=gpt-oss-120b"]),
    ("zh", ["# GPT OSS 120B", "## 可用的服务商", f"提供方：{len(OSS.providers)} 家服务商",
            f"最低输入价格：{money(OSS_CHEAPEST, 'USD')}（", f"最大上下文：{OSS_WIDEST:,}（",
            "最低</strong>", "最大</strong>",
            ">配置步骤</a>", "| 服务商 | 模型 ID |", "提示词缓存", "来源与核对"]),
])
def test_model_page_text_in_each_language(lang, words):
    page = model_page.render_page(CATALOG, OSS, lang) + model_page.markdown_table(CATALOG, OSS, lang)
    text = html.unescape(page)  # Markdown-escaped text, as the reader sees it
    for word in words:
        assert word in text, word


def test_the_cheapest_and_widest_entries_are_marked_in_words_on_their_rows():
    rows = re.findall(r"<tr[ >].*?</tr>", model_page.table(CATALOG, OSS, "en"))[1:]  # the header row first
    cheap = [row for row in rows if "lowest</strong>" in row]
    wide = [row for row in rows if "largest</strong>" in row]
    expected_cheap = [model for _, model in OSS.entries
                      if any(p.currency == "USD" and p.input == OSS_CHEAPEST for p in model.prices)]
    assert len(cheap) == len(expected_cheap) and all(f"{money(OSS_CHEAPEST, 'USD')} <strong" in row for row in cheap)
    assert len(wide) == sum(model.context == OSS_WIDEST for _, model in OSS.entries)
    assert len(rows) == len(OSS.entries)


def test_mainland_china_entries_show_yuan_and_say_mainland_china():
    served = next(item for item in with_pages(CATALOG) if any(
        price.currency == "CNY" for _, model in item.entries for price in model.prices))
    for lang, words in (("en", ["¥", "mainland China"]), ("zh", ["¥", "中国内地"])):
        text = model_page.render_page(CATALOG, served, lang) + model_page.table(CATALOG, served, lang)
        assert all(word in text for word in words), (served.id, lang)


def test_catalog_text_is_escaped_on_model_pages():
    oss = OSS
    provider, model = oss.entries[0]
    hostile = dataclasses.replace(model, id="x<script>|y", name="GPT <img src=x onerror=alert(1)> | z")
    served = Served(oss.id, oss.slug, hostile.name, oss.vendor, ((provider, hostile), *oss.entries[1:]))
    text = model_page.render_page(CATALOG, served, "en") + model_page.table(CATALOG, served, "en")
    assert "<script>" not in text and "<img" not in text and "x<script>|y" not in text
    assert "# GPT &#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62; &#124; z" in text


def test_a_model_one_provider_offers_has_no_page_link_but_a_row_in_the_index():
    single = next(item for item in served_models(CATALOG).values() if not item.has_page)
    provider, model = single.entries[0]
    assert page_link(CATALOG, model, "en") == ""
    index = model_index.render_index(CATALOG, "en")
    assert f'href="../providers/{provider.id}/#' in index and "Offered by one provider" in index


# The built site ----------------------------------------------------------------------------------------

def test_every_model_page_exists_in_both_languages_with_the_switcher_to_its_twin(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for served in with_pages(CATALOG):
        for lang, other in (("en", "zh"), ("zh", "en")):
            here = built(site, lang, f"models/{served.slug}")
            assert f'<html lang="{lang}"' in here.source, served.slug
            target = resolve(site, here.path, here.switcher()[other])
            assert target == site / LANG_ROOT[other] / "models" / served.slug / "index.html", served.slug
            assert f"{LANG_ROOT[lang]}models/{served.slug}/</loc>" in sitemap


def test_provider_tables_link_to_model_pages_and_model_pages_to_rows_and_setup(site):
    for lang in ("en", "zh"):
        groq = built(site, lang, "providers/groq")
        links = [link["href"] for link in groq.links if "/models/" in (link.get("href") or "")]
        assert any(href.endswith("models/gpt-oss-120b/") for href in links)
        for href in links:
            assert resolve(site, groq.path, href).is_file(), href
        oss = built(site, lang, "models/gpt-oss-120b")
        for link in oss.links:
            href = link.get("href") or ""
            if "providers/" in href and "#" in href:
                path, _, anchor = href.partition("#")
                target = Page(resolve(site, oss.path, path))
                assert anchor in target.ids, href  # the row's anchor, or the first setup step's


def test_model_pages_stay_out_of_the_sidebar_and_the_index_is_in_it(site):
    for lang in ("en", "zh"):
        home = built(site, lang, "")
        nav = home.source[home.source.index("md-nav--primary"):]
        hrefs = re.findall(r'<a href="([^"]+)" class="md-nav__link', nav)
        assert "models/" in hrefs and not any(re.fullmatch(r"models/.+/", href) for href in hrefs)


def test_the_side_by_side_data_is_in_each_language(site):
    for lang, label in (("en", "Lowest input price"), ("zh", "最低输入价格")):
        data = json.loads((site / LANG_ROOT[lang] / "models/models.json").read_text(encoding="utf-8"))
        oss = data["models"]["gpt-oss-120b"]
        assert oss["url"] == "gpt-oss-120b/" and [label, money(OSS_CHEAPEST, "USD")] in oss["facts"]
        assert (site / LANG_ROOT[lang] / "models" / oss["url"] / "index.html").is_file()
        index = built(site, lang, "models")
        assert 'id="compare"' in index.source and 'data-source="models.json"' in index.source


def test_comparison_rows_link_to_the_model_page_where_it_has_one():
    from render import comparison, comparison_data

    rows = {entry.model: entry for entry in comparison_data.records(CATALOG, "zh") if entry.provider ==
            [provider.id for provider in CATALOG.providers].index("groq")}
    linked = comparison.render_row(CATALOG, rows["openai/gpt-oss-120b"], "zh")
    assert f'<a href="../models/gpt-oss-120b/">{len(OSS.providers)} 家服务商</a>' in linked
    single = next(model for _, model in (item.entries[0] for item in served_models(CATALOG).values()
                                         if not item.has_page and item.entries[0][0].id == "groq"))
    assert "../models/" not in comparison.render_row(CATALOG, rows[single.id], "zh")
