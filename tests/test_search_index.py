"""The search index per language: each reader downloads only their language's pages, with an entry
per glossary term and each provider's other names; and every page describes itself to search engines."""

from __future__ import annotations

import dataclasses
import gzip
import html
import json
import re
from pathlib import Path

import pytest

import catalog as catalog_loader
from catalog.entities import Text
from conftest import ROOT
from docsite import searchlanguages
from render.overview import term_anchor
from render.provider import meta_description
from sitecheck import Page, search_index

CATALOG = catalog_loader.load(ROOT / "data", ROOT)
MAX_GZIPPED = 300 * 1024
HAN = re.compile(r"[\u4e00-\u9fff]")
MERGED_CONFIG = {"lang": ["en", "zh"], "separator": r"[\s\-]+"}  # what static-i18n leaves, in short


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_an_index_of_its_own_pages(site, lang):
    index = search_index(site, lang)
    locations = [doc["location"] for doc in index["docs"]]
    assert all(location.startswith("zh/") == (lang == "zh") for location in locations)
    assert ("zh/" if lang == "zh" else "") + "providers/groq/" in locations
    assert index["config"]["lang"] == (["en"] if lang == "en" else ["en", "zh"])  # English loads no segmenter
    folder = "" if lang == "en" else "zh/"
    assert len(gzip.compress((site / folder / "search/search_index.json").read_bytes())) < MAX_GZIPPED


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_glossary_term_is_an_entry_pointing_at_its_row(site, lang):
    folder = "" if lang == "en" else "zh/"
    entries = {doc["location"]: doc for doc in search_index(site, lang)["docs"]}
    ids = Page(site / folder / "glossary/index.html").ids
    for term in CATALOG.glossary:
        entry = entries[f"{folder}glossary/#{term_anchor(term)}"]
        assert term_anchor(term) in ids
        assert (term.zh if lang == "zh" else term.en) == entry["title"].replace("\u200b", "")
        assert entry["boost"] > 1  # above the pages that merely use the word


def test_the_glossary_table_is_not_indexed_whole(site):
    [page] = [doc for doc in search_index(site, "zh")["docs"] if doc["location"] == "zh/glossary/"]
    assert "开放权重模型" not in page["text"].replace("\u200b", "")


@pytest.mark.parametrize("lang, provider_id, names", [
    ("zh", "qwen", {"通义千问", "百炼", "DashScope", "Alibaba Qwen"}),
    ("en", "qwen", {"通义千问", "DashScope", "Qwen 阿里云百炼"}),  # the Chinese title, on the English page
    ("zh", "deepseek", {"DeepSeek"}),
    ("en", "zai", {"智谱 AI", "GLM", "Z.ai", "BigModel"}),
    ("zh", "doubao", {"豆包", "Doubao", "Ark"}),
])
def test_provider_pages_carry_the_names_readers_type(site, lang, provider_id, names):
    folder = "" if lang == "en" else "zh/"
    page = f"{folder}providers/{provider_id}/"
    [entry] = [doc for doc in search_index(site, lang)["docs"] if doc["location"] == page]
    assert names <= set(entry["tags"])
    assert CATALOG.provider(provider_id).title(lang) not in entry["tags"]  # the title is already there


def test_catalog_text_in_the_index_is_escaped(tmp_path):
    """A hostile alias or glossary term reaches Material's results as text, not markup."""
    hostile = "<img src=x onerror=alert(1)>"
    provider = CATALOG.provider("groq")
    term = CATALOG.glossary[0]
    catalog = dataclasses.replace(CATALOG, providers=(dataclasses.replace(provider, aliases=(hostile,)),),
                                  glossary=(type(term)(hostile, term.zh, term.note),))
    docs = [{"location": "providers/groq/", "title": "Groq", "text": ""},
            {"location": "glossary/", "title": "Glossary", "text": ""},
            {"location": "zh/providers/groq/", "title": "Groq", "text": ""}]
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.json").write_text(json.dumps({"config": MERGED_CONFIG, "docs": docs}))
    written = searchlanguages.split_index(tmp_path, catalog, ["en", "zh"], "en")
    assert set(written) == {"en", "zh"}
    text = written["en"].read_text(encoding="utf-8")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    zh = json.loads(written["zh"].read_text(encoding="utf-8"))
    assert [doc["location"] for doc in zh["docs"]] == ["zh/providers/groq/"]  # no glossary page was built


def test_split_leaves_out_a_language_that_was_not_built(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": "providers/groq/", "title": "Groq", "text": ""}]
    (tmp_path / "search/search_index.json").write_text(json.dumps({"config": MERGED_CONFIG, "docs": docs}))
    assert set(searchlanguages.split_index(tmp_path, CATALOG, ["en", "zh"], "en")) == {"en"}
    assert not (tmp_path / "zh").exists()


# Descriptions ---------------------------------------------------------------------------------------

def description(path: Path) -> str:
    found = re.search(r'<meta name="description" content="([^"]*)"', path.read_text(encoding="utf-8"))
    assert found, f"{path}: no meta description"
    return found.group(1)


def test_every_page_describes_itself_in_its_language(site):
    pages = [path for path in site.rglob("index.html") if "assets" not in path.parts]
    site_descriptions = {description(site / "index.html"), description(site / "zh/index.html")}
    by_page = {path.parent.relative_to(site).as_posix(): description(path) for path in pages}
    for page, text in by_page.items():
        chinese = len(HAN.findall(text)) / len(text)  # an English text may name 阿里云百炼, not be Chinese
        in_language = len(HAN.findall(text)) >= 5 if page.startswith("zh") else chinese < 0.1
        assert in_language, f"/{page}: not in its language: {text}"
        if page not in (".", "zh"):
            assert text not in site_descriptions, f"/{page} reuses the site's description"
    providers = [text for page, text in by_page.items() if "providers/" in page]
    assert len(set(providers)) == len(providers), "two provider pages share a description"


SUMMARY = Text(en="Groq runs open models on its own chip, the LPU. Answers stream back fast. Prices are low, "
                  "and a free tier lets you try every model before you pay for anything at all.",
               zh="Groq 在自研芯片 LPU 上运行开放权重模型。回答返回得很快。价格低廉，还有免费额度可以先试用每个模型，"
                  "确认合适之后再付费，整个过程无需绑定信用卡，也不需要签订任何长期合同或者承诺最低用量。")


@pytest.mark.parametrize("lang, expected", [
    ("en", "Groq runs open models on its own chip, the LPU. Answers stream back fast."),
    ("zh", "Groq 在自研芯片 LPU 上运行开放权重模型。回答返回得很快。"),
])
def test_provider_description_is_the_first_sentences_that_fit(lang, expected):
    groq = dataclasses.replace(CATALOG.provider("groq"), summary=SUMMARY)
    assert meta_description(groq, lang) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_provider_page_description_comes_from_its_summary(site, lang):
    expected = html.escape(meta_description(CATALOG.provider("groq"), lang), quote=True)
    assert description(site / ("zh/" if lang == "zh" else "") / "providers/groq/index.html") == expected


def test_a_long_first_sentence_is_cut_for_search_engines():
    qwen = CATALOG.provider("qwen")
    text = meta_description(qwen, "zh")
    assert text.endswith("…") and len(text) <= 81 and qwen.summary("zh").startswith(text[:-1])
