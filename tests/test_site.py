"""The real site, built once with --strict, checked page by page in both languages."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import catalog
from conftest import ROOT, mkdocs_build
from render.cost_text import cost_cell
from render.models import model_anchor
from render.text import money
from sitecheck import Page, is_external, resolve, search_index, unescape

CATALOG = catalog.load(ROOT / "data", ROOT)
GROQ = CATALOG.provider("groq")
LANG_ROOT = {"en": "", "zh": "zh/"}


def page(site: Path, lang: str, path: str) -> Page:
    return Page(site / LANG_ROOT[lang] / path / "index.html")


def all_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def test_build_prints_only_log_lines(site):
    # jieba writes "Building prefix dict…" to stderr itself; it belongs in the debug log (mkdocs -v).
    printed = (site.parent / "build.log").read_text(encoding="utf-8").splitlines()
    assert printed and all(re.match(r"(INFO|WARNING|ERROR) +- ", line) for line in printed), printed


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_groq_page_lists_every_model_with_its_numbers(site, lang):
    groq = page(site, lang, "providers/groq")
    for model in GROQ.models:
        assert model.id in groq.text, model.id
        anchor = model_anchor(GROQ, model)
        row = re.search(f'id="{anchor}".*?</tr>', groq.source, re.S).group()
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)  # the id sits inside the first cell
        assert cells[1:3] == [f"{model.context:,}", f"{model.max_output:,}"], model.id
        if model.price.plan == "per-token":
            assert cells[3:5] == [money(model.price.input, "USD"), money(model.price.output, "USD")], model.id
    assert "qwen/qwen3-32b" in groq.text


@pytest.mark.parametrize("lang, steps, setup", [
    ("en", ["https://console.groq.com/", "https://console.groq.com/keys", "Cline", "only once"],
     ["API Provider", "Groq API Key", "Model"]),
    ("zh", ["https://console.groq.com/", "https://console.groq.com/keys", "Cline", "只显示一次"],
     ["API Provider", "Groq API Key", "Model"]),
])
def test_groq_page_has_key_and_setup_steps(site, lang, steps, setup):
    groq = page(site, lang, "providers/groq")
    for text in steps + setup:
        assert text in groq.text, text
    ordered = re.findall(r"<ol>(.*?)</ol>", groq.source, re.S)
    assert len(re.findall(r"<li>", ordered[0])) == 4  # the four key steps


@pytest.mark.parametrize("lang, words", [
    ("en", ["Why Groq is fast", "LPU", "SRAM", "TruePoint", "100-bit", "2–4×", "Static scheduling",
            "Tensor parallelism"]),
    ("zh", ["Groq 为什么快", "LPU", "SRAM", "TruePoint", "100 位", "2–4 倍", "静态调度", "张量并行"]),
])
def test_groq_page_explains_the_lpu(site, lang, words):
    groq = page(site, lang, "providers/groq")
    for word in words:
        assert word in groq.text, word
    lpu_article = "https://groq.com/blog/inside-the-lpu-deconstructing-groq-speed"
    assert any(link.get("href") == lpu_article for link in groq.links)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_groq_page_links_and_date(site, lang):
    groq = page(site, lang, "providers/groq")
    hrefs = {link.get("href") for link in groq.links}
    for url in ("https://groq.com/", "https://console.groq.com/", "https://console.groq.com/keys", "https://groq.com/pricing"):
        assert url in hrefs, url
    assert GROQ.verified.isoformat() in groq.text


@pytest.mark.parametrize("path", ["", "providers", "providers/groq", "glossary"])
def test_switcher_leads_to_the_same_page_in_the_other_language(site, path):
    for lang, other in (("en", "zh"), ("zh", "en")):
        here = page(site, lang, path)
        target = resolve(site, here.path, here.switcher()[other])
        assert target == site / LANG_ROOT[other] / path / "index.html", (lang, path)
        assert target.is_file()


@pytest.mark.parametrize("lang, title", [("en", "Groq"), ("zh", "Groq")])
def test_pages_declare_their_language(site, lang, title):
    groq = page(site, lang, "providers/groq")
    assert f'<html lang="{lang}"' in groq.source


def test_no_marker_text_is_left_in_any_page(site):
    for path in all_pages(site):
        checked = Page(path)
        assert not re.search(r"catalog:[a-z]", checked.text) and "<!-- catalog" not in checked.source, path


def test_no_asset_comes_from_another_host(site):
    for path in all_pages(site):
        for asset in Page(path).assets:
            assert not is_external(asset), (path, asset)
    css = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_search_index_holds_segmented_chinese_words(site):
    index = search_index(site, "zh")
    separator = index["config"]["separator"]
    assert "\\u200b" in separator
    words = set()
    for doc in index["docs"]:
        words.update(re.split(r"[\s\u200b]+", re.sub(r"<[^>]+>", " ", doc["text"] + " " + doc["title"])))
    for word in ("价格", "推理", "上下文", "窗口", "缓存"):
        assert word in words, word
    zh_locations = {doc["location"] for doc in index["docs"] if doc["location"].startswith("zh/")}
    assert "zh/providers/groq/" in zh_locations


def test_sitemap_lists_pages_with_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("providers/groq/", "zh/providers/groq/"):
        assert f"{url}</loc>" in sitemap
    assert 'hreflang="zh"' in sitemap and 'hreflang="en"' in sitemap


def test_head_has_hreflang_alternates(site):
    groq = page(site, "en", "providers/groq")
    assert re.search(r'<link rel="alternate" href="[^"]*zh/providers/groq/" hreflang="zh">', groq.source)


def test_404_page_in_each_language(site):
    assert "page not found" in Page(site / "404.html").text
    assert "页面不存在" in Page(site / "zh/404.html").text


def test_edit_button_of_hand_written_pages_points_at_existing_files(site):
    for lang, source in (("en", "docs/providers/groq.md"), ("zh", "docs/providers/groq.zh.md")):
        groq = page(site, lang, "providers/groq")
        edit = next(link["href"] for link in groq.links if "edit" in (link.get("title") or "").lower()
                    or "编辑" in (link.get("title") or ""))
        assert edit.endswith("/" + source) and (ROOT / source).is_file()


MINIMAL_PROVIDER = textwrap.dedent("""\
    name: Example Cloud
    kind: cloud-api
    summary: {en: A provider that exists only in a test., zh: 只存在于测试中的服务商。}
    website: https://example.com/
    api_key_url: https://example.com/keys
    cline: {provider: Example Cloud, key_field: Example API Key, model_field: Model}
    sources: {models: {url: https://example.com/models, title: {en: Example models, zh: 示例模型列表}}}
    models_source: models
    verified: 2026-11-28
    models:
    - id: example-1
      name: Example One
      model: example-1
      vendor: meta
      context: 8192
      max_output: 4096
      price: {plan: free}
      capabilities: [vision]
      status: active
      verified: 2026-11-28
    """)


@pytest.fixture(scope="module")
def site_with_generated_page(tmp_path_factory):
    from conftest import copy_project
    base = tmp_path_factory.mktemp("generated")
    project = copy_project(base / "project")
    (project / "data/providers/example-cloud.yaml").write_text(MINIMAL_PROVIDER, encoding="utf-8")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr, result.stderr[-3000:]
    return base / "site"


@pytest.mark.parametrize("lang, heading, step", [
    ("en", "Getting an API key", "Example API Key"), ("zh", "获取 API 密钥", "Example API Key")])
def test_provider_without_a_page_gets_one_from_its_yaml(site_with_generated_page, lang, heading, step):
    generated = page(site_with_generated_page, lang, "providers/example-cloud")
    assert heading in generated.text and step in generated.text and "example-1" in generated.text
    assert "https://example.com/keys" in generated.text
    other = "zh" if lang == "en" else "en"
    target = resolve(site_with_generated_page, generated.path, generated.switcher()[other])
    assert target == site_with_generated_page / LANG_ROOT[other] / "providers/example-cloud/index.html"
    sitemap = (site_with_generated_page / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{LANG_ROOT[lang]}providers/example-cloud/</loc>" in sitemap


def test_generated_page_edit_button_points_at_its_yaml(site_with_generated_page):
    generated = page(site_with_generated_page, "zh", "providers/example-cloud")
    assert any((link.get("href") or "").endswith("/data/providers/example-cloud.yaml") for link in generated.links)


def test_generated_page_is_in_the_navigation(site_with_generated_page):
    home = page(site_with_generated_page, "zh", "")
    assert any((link.get("href") or "").endswith("providers/example-cloud/") for link in home.links)


def test_navigation_reads_home_providers_compare_first(site):
    for lang in ("en", "zh"):
        home = page(site, lang, "")
        nav = home.source[home.source.index("md-nav--primary"):]
        order = re.findall(r'<a href="([^"]+)" class="md-nav__link', nav)
        positions = [order.index(f"{name}/") for name in ("providers", "compare", "glossary", "exports")]
        assert positions == sorted(positions), (lang, order[:12])


@pytest.mark.parametrize("lang, heading", [("en", "Cost per task: Feature across files"),
                                           ("zh", "任务费用：跨文件功能")])
def test_model_tables_end_with_the_cost_of_the_default_task(site, lang, heading):
    groq = page(site, lang, "providers/groq")
    header = re.search(r'<th[^>]*><a href="([^"]+)">([^<]+)</a></th>\s*</tr>\s*</thead>', groq.source)
    assert unescape(header.group(2)) == heading
    target = resolve(site, site / LANG_ROOT[lang] / "providers/groq/index.html", header.group(1))
    assert target == site / LANG_ROOT[lang] / "task-cost/index.html" and target.is_file()
    for model in GROQ.models:
        row = re.search(f'id="{model_anchor(GROQ, model)}".*?</tr>', groq.source, re.S).group()
        last = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]
        assert last == cost_cell(CATALOG, model, CATALOG.default_profile, lang), model.id


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_task_cost_page_lists_the_profiles_and_follows_the_comparison(site, lang):
    task_cost = page(site, lang, "task-cost")
    for profile in CATALOG.task_profiles:
        assert profile.name(lang) in task_cost.text and f"{profile.prompt_tokens:,}" in task_cost.text
    home = page(site, lang, "")
    order = re.findall(r'<a href="([^"]+)" class="md-nav__link', home.source[home.source.index("md-nav--primary"):])
    assert order.index("compare/") < order.index("task-cost/") < order.index("glossary/"), order[:12]
