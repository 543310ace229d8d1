"""Renderers: short exact strings in both languages, and escaping of hostile catalog text."""

from __future__ import annotations

import dataclasses

import markdown as md
import pytest

import catalog
from conftest import ROOT
from render import markers, models, overview, provider
from render.text import collation_key, fill, inline, money, short_tokens, tokens

CATALOG = catalog.load(ROOT / "data", ROOT)
GROQ = CATALOG.provider("groq")


def to_html(markdown_text: str) -> str:
    return md.markdown(markdown_text, extensions=["tables", "admonition", "md_in_html", "attr_list"])


def test_numbers_and_money():
    assert tokens(131072) == "131,072"
    assert short_tokens(131072) == "131.1K" and short_tokens(1_000_000) == "1M" and short_tokens(128000) == "128K"
    assert money(0.59, "USD") == "$0.59" and money(3, "USD") == "$3" and money(0.0375, "USD") == "$0.0375"
    assert money(0.00875, "USD") == "$0.00875"
    assert money(0.5, "CNY") == "¥0.50"


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "a | b", "`code` and *bold*",
                                     "[x](javascript:alert(1))"])
def test_inline_text_stays_text(hostile):
    html = to_html(f"| h |\n| - |\n| {inline(hostile)} |")
    assert "<script>" not in html and "<em>" not in html and 'href="javascript' not in html
    assert html.count("<td>") == 1  # a pipe did not split the cell


def test_web_addresses_in_text_become_links():
    assert inline("see https://groq.com/pricing.") == (
        'see <a href="https://groq.com/pricing">https&#58;//groq.com/pricing</a>.')


def test_fill_escapes_the_template_but_not_the_values():
    assert fill("Paste into {field}|", {"field": "**Groq API Key**"}) == "Paste into **Groq API Key**&#124;"


@pytest.mark.parametrize("lang, header, capability", [
    ("en", "| Model ID | Vendor | Context window | Max output | Input | Output | Cache read | Capabilities | "
           "[Cost per task&#58; Feature across files](/task-cost.md) |", "Tool use"),
    ("zh", "| 模型 ID | 厂商 | 上下文窗口 | 最大输出 | 输入 | 输出 | 缓存读取 | 能力 | "
           "[任务费用：跨文件功能](/task-cost.md) |", "工具调用"),
])
def test_model_table_in_both_languages(lang, header, capability):
    table = models.model_table(CATALOG, GROQ, GROQ.models, lang)
    lines = table.splitlines()
    assert lines[0] == header
    assert len(lines) == 2 + len(GROQ.models)
    row = next(line for line in lines if "llama-3.3-70b-versatile" in line)
    # 25 requests × (45,000 sent × $0.59 + 1,200 generated × $0.79) / 1M: no cache price, all input
    assert row.endswith(f"| 131,072 | 32,768 | $0.59 | $0.79 | — | {capability} | $0.69 |")


def test_capabilities_and_plans_are_localized():
    kimi = next(m for m in GROQ.models if m.id == "moonshotai/kimi-k2-instruct")
    assert models.capability_text(CATALOG, kimi, "en") == "Prompt caching"
    assert models.capability_text(CATALOG, kimi, "zh") == "提示词缓存"
    compound = next(m for m in GROQ.models if m.id == "compound-beta")
    assert models.price_cells(CATALOG, compound, "zh") == ["未公布", "—", "—"]


def test_hostile_model_name_and_description_render_as_text():
    evil = dataclasses.replace(GROQ.models[0], id="x|y", description=catalog.entities.Text(
        en="<script>alert(1)</script> a | b", zh="<img src=x onerror=alert(1)>"))
    for lang in ("en", "zh"):
        html = to_html(models.model_table(CATALOG, GROQ, [evil], lang))
        assert "<script>" not in html and "<img" not in html
        assert html.count("<tr>") == 2
        assert 'data-clipboard-text="x&#124;y"' in html  # the browser reads x|y


def test_features_are_derived_from_the_data():
    text = provider.render_features(CATALOG, GROQ, "en")
    assert "### Prompt caching" in text and "### Vision" in text and "### Reasoning" in text
    vision = text.split("### Vision")[1].split("###")[0]
    assert "llama-4-maverick" in vision and "llama-4-scout" in vision and "kimi" not in vision


def test_key_steps_are_numbered_with_real_urls():
    steps = provider.render_key_steps(CATALOG, GROQ, "zh").splitlines()
    assert len(steps) == 4 and steps[0].startswith("1. ") and steps[3].startswith("4. ")
    assert 'href="https://console.groq.com/keys"' in steps[1]


def test_setup_steps_name_the_settings():
    steps = provider.render_setup(CATALOG, GROQ, "en")
    assert "**Groq**" in steps and "**Groq API Key**" in steps and "**Model**" in steps


def test_generated_page_has_every_section_in_each_language():
    for lang in ("en", "zh"):
        page = provider.render_page(CATALOG, GROQ, lang)
        expanded = markers.expand(page, CATALOG, lang)
        assert "catalog:" not in expanded
        assert expanded.count("\n## ") == 6


def test_unknown_marker_and_provider_are_errors():
    with pytest.raises(markers.MarkerError, match="unknown marker `catalog:modles`"):
        markers.expand("<!-- catalog:modles groq -->", CATALOG, "en")
    with pytest.raises(markers.MarkerError, match="unknown provider"):
        markers.expand("<!-- catalog:models nope -->", CATALOG, "en")
    with pytest.raises(markers.MarkerError, match="needs a provider id"):
        markers.expand("<!-- catalog:models -->", CATALOG, "en")


def test_providers_index_groups_by_kind():
    index = overview.render_providers_index(CATALOG, "zh")
    assert "## 云端 API" in index and "[Groq](/providers/groq.md)" in index


def test_every_label_has_both_languages():
    for key, text in CATALOG.labels.items():
        assert text.en.strip() and text.zh.strip(), key


def test_tiered_prices_show_every_tier_by_prompt_size():
    tiered = next(m for p in CATALOG.providers for m in p.models if len(m.price.tiers) == 2)
    low, high = tiered.price.tiers
    cells = models.price_cells(CATALOG, tiered, "en")
    assert cells[0] == (f"{money(low.input, 'USD')} <small>up to {short_tokens(low.up_to)}</small><br>"
                        f"{money(high.input, 'USD')} <small>above {short_tokens(low.up_to)}</small>")
    assert "不超过" in models.price_cells(CATALOG, tiered, "zh")[1]


def test_each_price_block_gets_its_own_line_in_its_own_currency():
    model = GROQ.models[0]
    cny = dataclasses.replace(model.price, currency="CNY", input=4.0, output=16.0, cache_read=None)
    both = dataclasses.replace(model, other_prices=(cny,))
    cells = models.price_cells(CATALOG, both, "zh")
    assert cells[0] == f"{money(model.price.input, 'USD')}<br>¥4" and cells[1].endswith("<br>¥16")
    assert cells[2].endswith("<br>—")  # no cache price in yuan: a dash, never the dollar one again


@pytest.mark.parametrize("lang, checked", [("en", "checked"), ("zh", "核对于")])
def test_a_row_names_its_source_and_the_day_it_was_compared(lang, checked):
    model = GROQ.models[0]
    row = to_html(models.model_table(CATALOG, GROQ, [model], lang))
    source = model.source
    assert f'<a href="{source.url}">{source.title(lang)}</a>' in row
    day = model.verified.isoformat()
    assert f'{checked} <time datetime="{day}">{day}</time>' in row


def test_the_page_date_is_the_oldest_check_of_its_models():
    older = dataclasses.replace(GROQ.models[1], verified=GROQ.models[1].verified.replace(year=2026, month=1, day=2))
    page = dataclasses.replace(GROQ, models=(GROQ.models[0], older))
    assert "2026-01-02" in provider.render_sources(CATALOG, page, "en")
    assert "2026-01-02" in provider.render_sources(CATALOG, page, "zh")


def test_generated_lists_and_sentences_follow_each_language():
    """Chinese lists take 、 and no space after ：; two generated sentences join without a space."""
    vision = provider.render_features(CATALOG, GROQ, "zh").split("### 视觉")[1].split("###")[0].strip()
    assert vision.startswith("这些模型除文本外还能读取图片（截图、示意图）：[<code>")  # no space after ：
    assert "-instruct)、[<code>meta-llama/llama-4-scout" in vision and ", [" not in vision
    assert "-instruct), [<code>meta-llama/llama-4-scout" in provider.render_features(CATALOG, GROQ, "en")
    live_zh = provider.render_models(CATALOG, GROQ, "zh").split('!!! info "')[1]
    note = GROQ.cline.live_models_note
    assert f"即可出现。{note.zh[:4]}" in live_zh  # the provider's note follows the label's full stop directly
    assert f"without waiting for this page. {note.en[:4]}" in provider.render_models(CATALOG, GROQ, "en")


def test_interface_labels_in_catalog_text_are_bold_and_stay_escaped():
    assert inline("在 **API Provider**（API 服务商）列表中") == "在 <strong>API Provider</strong>（API 服务商）列表中"
    assert inline("**<b>x</b>**") == "<strong>&#60;b&#62;x&#60;/b&#62;</strong>"
    assert inline("a ** b ** and *c*") == "a &#42;&#42; b &#42;&#42; and &#42;c&#42;"  # only **label** is bold
    setup = provider.render_setup(CATALOG, GROQ, "zh")
    assert "在 <strong>API Provider</strong>（API 服务商）列表中选择 **Groq**。" in setup


def test_chinese_titles_sort_by_pinyin_among_latin_ones():
    assert sorted(["智谱", "Anthropic", "阿里云百炼", "Groq", "华为云"], key=collation_key) == [
        "阿里云百炼", "Anthropic", "Groq", "华为云", "智谱"]
    titles = [p.title("zh") for _, providers in overview.providers_by_kind(CATALOG, "zh") for p in providers]
    cloud = [p.title("zh") for p in dict(overview.providers_by_kind(CATALOG, "zh"))["cloud-api"]]
    assert cloud.index("DeepSeek 深度求索") < cloud.index("Groq") < cloud.index("华为云 ModelArts Studio（MaaS）") \
        < cloud.index("Mistral") < cloud.index("Z.ai 智谱")
    assert len(titles) == len(CATALOG.providers)
