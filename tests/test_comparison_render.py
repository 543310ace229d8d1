"""The comparison renderer: short exact strings in both languages, raw values for the script, escaping."""

from __future__ import annotations

import dataclasses
import re

import markdown as md
import pytest

import catalog
from catalog.entities import Price, Text, Tier
from conftest import ROOT
from render import comparison, comparison_form, comparison_markdown, comparison_values, markers, models

CATALOG = catalog.load(ROOT / "data", ROOT)
GROQ = CATALOG.provider("groq")
# Groq has retired it since; the renderer tests want an active row, so the copy here is one.
KIMI = dataclasses.replace(next(model for model in GROQ.models if model.id == "moonshotai/kimi-k2-instruct-0905"),
                           status="active", retired=None)
ALL_MODELS = [(provider, model) for provider in CATALOG.providers for model in provider.models]


def to_html(markdown_text: str) -> str:
    return md.markdown(markdown_text, extensions=["tables", "md_in_html", "attr_list"])


def row_of(html: str, anchor: str) -> str:
    return re.search(f'<tr id="{anchor}".*?</tr>', html, re.S).group()


def test_comparison_anchor_shares_the_model_anchor_suffix():
    assert models.model_anchor(GROQ, KIMI) == "model-groq-moonshotai-kimi-k2-instruct-0905"
    assert models.comparison_anchor(GROQ, KIMI) == "cmp-groq-moonshotai-kimi-k2-instruct-0905"


def test_row_carries_raw_values_for_the_script():
    row = comparison.render_row(CATALOG, GROQ, KIMI, "en")
    for attribute in ('id="cmp-groq-moonshotai-kimi-k2-instruct-0905"', 'data-context="262144"',
                      'data-max-output="16384"', 'data-input="0.6"', 'data-output="2.5"', 'data-cache-read="0.15"',
                      'data-cache-write=""', 'data-currency="USD"', 'data-plan="per-token"',
                      'data-vendor="moonshot-ai"', 'data-kind="cloud-api"', 'data-capabilities="prompt-cache"',
                      'data-status="active"', 'data-terms="'):
        assert attribute in row, attribute
    assert "<td class=\"cmp-num\">262,144</td>" in row and "<td class=\"cmp-num\">$0.60</td>" in row


@pytest.mark.parametrize("plan, values", [
    ("free", {"input": "0", "output": "0", "cache-read": "", "cache-write": ""}),
    ("subscription", {"input": "", "output": "", "cache-read": "", "cache-write": ""}),
])
def test_free_is_zero_and_a_plan_without_prices_is_unknown(plan, values):
    assert comparison_values.price_values(Price(plan=plan)) == values


@pytest.mark.parametrize("lang, provider_header, search_text", [
    ("en", ">Provider</th>", "moonshot ai"), ("zh", ">服务商</th>", "月之暗面")])
def test_header_and_search_text_in_both_languages(lang, provider_header, search_text):
    html = comparison.render_comparison(CATALOG, lang)
    assert provider_header in html
    assert 'data-sort="context" data-type="number"' in html and 'data-sort="input" data-type="price"' in html
    row = row_of(html, models.comparison_anchor(GROQ, KIMI))
    assert search_text in row and "月之暗面" in row and "moonshot ai" in row  # either language finds it


@pytest.mark.parametrize("lang, label, status", [("en", "Minimum context window", "active"),
                                                  ("zh", "上下文窗口不低于", "可用")])
def test_form_is_hidden_until_the_script_runs_and_labels_every_control(lang, label, status):
    html = comparison.render_comparison(CATALOG, lang)
    assert re.search(r'<form id="cmp-filters"[^>]* hidden>', html)
    for control in ("cmp-q", "cmp-vendor", "cmp-kind", "cmp-context", "cmp-max-input", "cmp-currency"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html, control
    assert label in html and f">{status}</td>" in html
    assert '<option value="128000">' in html and 'name="cap" value="vision"' in html


def test_every_model_is_one_row_in_provider_then_model_order():
    html = comparison.render_comparison(CATALOG, "en")
    ids = re.findall(r'<tr id="(cmp-[^"]+)"', html)
    assert len(ids) == len(ALL_MODELS) == len(set(ids))
    expected = sorted(ALL_MODELS, key=lambda row: (row[0].title("en").casefold(), row[1].id.casefold(),
                                                   row[1].endpoint or ""))
    assert ids == [models.comparison_anchor(provider, model) for provider, model in expected]


def test_links_lead_from_the_comparison_page_to_the_provider_pages():
    html = to_html(comparison.render_comparison(CATALOG, "zh"))
    assert ('<a href="../providers/groq/#model-groq-moonshotai-kimi-k2-instruct-0905">'
            '<code>moonshotai/kimi-k2-instruct-0905</code></a>') in html
    assert '<a href="../providers/groq/">Groq</a>' in html


def test_hostile_catalog_text_stays_text():
    evil = dataclasses.replace(KIMI, id="x]|(y", name="<script>alert(1)</script>",
                               description=Text(en="<img src=x onerror=alert(1)>", zh="*x*"))
    provider = dataclasses.replace(GROQ, models=(evil,), local_name=Text(en="A | B", zh="<b>C</b>"))
    for lang in ("en", "zh"):
        html = to_html(comparison.render_row(CATALOG, provider, evil, lang))
        assert "<script>" not in html and "<img" not in html and "<b>" not in html
        assert html.count("<td") == len(comparison.COLUMNS)


def test_marker_leaves_a_slot_that_the_built_page_fills():
    markdown_text = markers.expand("Intro\n\n<!-- catalog:comparison -->\n", CATALOG, "zh")
    html = to_html(markdown_text)
    assert comparison.SLOT in html and "cmp-table" not in html  # Markdown passes the slot through untouched
    filled = comparison.fill_slot(f"<main>{html}</main>", CATALOG, "zh")
    assert comparison.SLOT not in filled and filled.count('<table id="cmp-table"') == 1
    assert comparison.fill_slot("<main>other page</main>", CATALOG, "zh") == "<main>other page</main>"
    with pytest.raises(markers.MarkerError, match="takes no argument"):
        markers.expand("<!-- catalog:comparison groq -->", CATALOG, "en")


def test_context_choices_are_round_numbers():
    assert comparison_form.context_options(CATALOG, "zh")[2] == '<option value="128000">至少 128K</option>'


@pytest.mark.parametrize("lang, header", [("en", "| Provider | Model | Vendor |"),
                                          ("zh", "| 服务商 | 模型 | 厂商 |")])
def test_plain_table_for_llms_full(lang, header):
    table = comparison_markdown.render_comparison_markdown(CATALOG, lang)
    assert header in table
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    assert len(rows) == len(ALL_MODELS)
    kimi = next(line for line in rows if "moonshotai/kimi-k2-instruct-0905" in line and "/providers/groq.md" in line)
    assert "| 262,144 | 16,384 | $0.60 | $2.50 | $0.15 | — |" in kimi


@pytest.mark.parametrize("lang, text", [("en", "Compare"), ("zh", "对比")])
def test_provider_model_rows_link_to_their_comparison_row(lang, text):
    html = to_html(models.model_table(CATALOG, GROQ, [KIMI], lang))
    link = '<a href="../../compare/#cmp-groq-moonshotai-kimi-k2-instruct-0905" title="[^"]+">'
    assert re.search(link + text + "</a>", html)


def test_a_tiered_price_sorts_by_its_first_tier():
    # As in data/providers/gemini.yaml: the top-level amounts are the dearer tier's.
    tiers = (Tier(200_000, 2, 12, 0.2, None), Tier(None, 4, 18, 0.4, None))
    values = comparison_values.price_values(Price("per-token", "USD", 4, 18, 0.4, None, tiers))
    assert values == {"input": "2.0", "output": "12.0", "cache-read": "0.2", "cache-write": ""}
