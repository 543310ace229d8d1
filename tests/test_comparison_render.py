"""The comparison renderer: short exact strings in both languages, raw values for the script, escaping."""

from __future__ import annotations

import dataclasses
from html import unescape
import json
import re

import markdown as md
import pytest

import catalog
from catalog.entities import Price, Text, Tier
from conftest import ROOT
from render import (comparison, comparison_columns, comparison_data, comparison_form,
                    comparison_values, markers, models)

CATALOG = catalog.load(ROOT / "data", ROOT)
GROQ = CATALOG.provider("groq")
# Groq has retired it since; the renderer tests want an active row, so the copy here is one.
KIMI = dataclasses.replace(next(model for model in GROQ.models if model.id == "moonshotai/kimi-k2-instruct-0905"),
                           status="active", retired=None)
ALL_MODELS = [(provider, model) for provider in CATALOG.providers for model in provider.models]


def to_html(markdown_text: str) -> str:
    return md.markdown(markdown_text, extensions=["tables", "md_in_html", "attr_list"])


def test_comparison_anchor_shares_the_model_anchor_suffix():
    assert models.model_anchor(GROQ, KIMI) == "model-groq-moonshotai-kimi-k2-instruct-0905"
    assert models.comparison_anchor(GROQ, KIMI) == "cmp-groq-moonshotai-kimi-k2-instruct-0905"


def kimi_record(lang: str = "en") -> comparison_data.Record:
    return comparison_data.record(CATALOG, GROQ, CATALOG.providers.index(GROQ), KIMI, lang)


def test_record_carries_sort_values_and_cell_lines():
    entry = kimi_record()
    by_key = dict(zip([column.key for column in comparison_columns.COLUMNS], zip(entry.sort, entry.cells)))
    assert entry.anchor == "groq-moonshotai-kimi-k2-instruct-0905" and entry.model == KIMI.id
    assert (entry.plan, entry.currency, entry.vendor, entry.capabilities) == ("per-token", "USD", "moonshot-ai",
                                                                              "prompt-cache")
    assert by_key["context"] == (262144, "262,144") and by_key["max-output"] == (16384, "16,384")
    assert by_key["input"] == (0.6, "$0.60") and by_key["output"] == (2.5, "$2.50")
    assert by_key["cache-read"] == (0.15, "$0.15") and by_key["cache-write"] == (None, "—")
    assert by_key["model"] == (None, f"{KIMI.id}\n\t{KIMI.name}")  # text sorts by what it shows first
    assert by_key["status-rank"] == (0, "active")
    assert entry.source == KIMI.source.url and entry.verified == KIMI.verified.isoformat()


def test_row_html_shows_the_lines_and_the_check_date():
    row = comparison.render_row(CATALOG, kimi_record("zh"), "zh")
    assert row.startswith('<tr id="cmp-groq-moonshotai-kimi-k2-instruct-0905">')
    assert '<td class="cmp-num" data-label="上下文窗口">262,144</td>' in row
    assert '<td class="cmp-num" data-label="输入">$0.60</td>' in row
    day = KIMI.verified.isoformat()
    assert (f'<small><a href="{KIMI.source.url}" aria-label="{KIMI.id} 的数据来源，{day} 核对">{day} 核对</a></small>'
            in row)


@pytest.mark.parametrize("plan, values", [
    ("free", {"input": "0", "output": "0", "cache-read": "", "cache-write": ""}),
    ("subscription", {"input": "", "output": "", "cache-read": "", "cache-write": ""}),
])
def test_free_is_zero_and_a_plan_without_prices_is_unknown(plan, values):
    assert comparison_values.price_values(Price(plan=plan)) == values


def page_html(lang: str) -> str:
    return comparison.render_comparison(CATALOG, comparison_data.records(CATALOG, lang), lang)


@pytest.mark.parametrize("lang, provider_header, search_text", [
    ("en", ">Provider</th>", "moonshot ai"), ("zh", ">服务商</th>", "月之暗面")])
def test_header_and_search_text_in_both_languages(lang, provider_header, search_text):
    html = page_html(lang)
    assert provider_header in html
    assert 'data-sort="context" data-type="number"' in html and 'data-sort="input" data-type="price"' in html
    document = comparison_data.document(CATALOG, comparison_data.records(CATALOG, lang), lang)
    groq = next(entry for entry in document["providers"] if entry[0] == "groq")
    terms = " ".join([kimi_record(lang).terms, groq[3], document["vendors"]["moonshot-ai"]])
    assert search_text in terms and "月之暗面" in terms and "moonshot ai" in terms  # either language finds it
    assert KIMI.id in kimi_record(lang).terms and "groq" in groq[3]


@pytest.mark.parametrize("lang, label, status", [("en", "Minimum context window", "active"),
                                                  ("zh", "上下文窗口不低于", "可用")])
def test_form_is_hidden_until_the_script_runs_and_labels_every_control(lang, label, status):
    html = page_html(lang)
    assert re.search(r'<form id="cmp-filters"[^>]* hidden>', html)
    for control in ("cmp-q", "cmp-vendor", "cmp-kind", "cmp-context", "cmp-max-input", "cmp-currency"):
        assert f'<label for="{control}">' in html and f'id="{control}"' in html, control
    assert label in html and f'data-label="{"Status" if lang == "en" else "状态"}">{status}<br>' in html
    assert '<option value="128000">' in html and 'name="cap" value="vision"' in html


def test_the_json_has_every_model_and_the_page_its_first_rows_in_provider_then_model_order():
    expected = sorted(ALL_MODELS, key=lambda row: (row[0].title("en").casefold(), row[1].id.casefold(),
                                                   row[1].endpoint or ""))
    anchors = [models.comparison_anchor(provider, model) for provider, model in expected]
    document = json.loads(comparison_data.render_json(CATALOG, comparison_data.records(CATALOG, "en"), "en"))
    at = document["fields"].index("anchor")
    assert ["cmp-" + row[at] for row in document["rows"]] == anchors and len(set(anchors)) == len(ALL_MODELS)
    assert document["columns"] == [column.key for column in comparison_columns.COLUMNS]
    ids = re.findall(r'<tr id="(cmp-[^"]+)"', page_html("en"))
    assert ids == anchors[:comparison.PAGE_SIZE]


@pytest.mark.parametrize("lang, heading", [("en", "supported-models"), ("zh", "支持的模型")])
def test_without_the_script_every_provider_table_is_one_link_away(lang, heading):
    noscript = re.search(r"<noscript>(.*?)</noscript>", page_html(lang), re.S).group(1)
    for provider in CATALOG.providers:
        if provider.models:
            assert f'<a href="../providers/{provider.id}/#{heading}">' in noscript, provider.id
    assert str(len(ALL_MODELS)) in noscript and str(comparison.PAGE_SIZE) in noscript


def test_links_lead_from_the_comparison_page_to_the_provider_pages():
    html = comparison.render_row(CATALOG, kimi_record("zh"), "zh")
    assert ('<a href="../providers/groq/#model-groq-moonshotai-kimi-k2-instruct-0905">'
            '<code>moonshotai/kimi-k2-instruct-0905</code></a>') in html
    assert '<a href="../providers/groq/">Groq</a>' in html


def test_hostile_catalog_text_stays_text():
    evil = dataclasses.replace(KIMI, id="x]|(y</script>", name="<script>alert(1)</script>",
                               source=dataclasses.replace(KIMI.source, url="https://example.com/?a=<b>&c=\"d\""),
                               description=Text(en="<img src=x onerror=alert(1)>", zh="*x*"))
    provider = dataclasses.replace(GROQ, models=(evil,), local_name=Text(en="A | B", zh="<b>C</b>"))
    hostile = dataclasses.replace(CATALOG, providers=(provider,))
    for lang in ("en", "zh"):
        every = comparison_data.records(hostile, lang)
        html = comparison.render_row(hostile, every[0], lang)
        assert "<script>" not in html and "<img" not in html and "<b>" not in html and "</script" not in html
        assert html.count("<td") == len(comparison_columns.COLUMNS)
        text = comparison_data.render_json(hostile, every, lang)
        assert "<" not in text and ">" not in text and "&" not in text  # inert even if inlined in a page
        assert "<script>alert(1)</script>" in json.dumps(json.loads(text), ensure_ascii=False)  # text, intact


def test_marker_leaves_a_slot_that_the_built_page_fills():
    markdown_text = markers.expand("Intro\n\n<!-- catalog:comparison -->\n", CATALOG, "zh")
    html = to_html(markdown_text)
    assert comparison.SLOT in html and "cmp-table" not in html  # Markdown passes the slot through untouched
    filled = comparison.fill_slot(f"<main>{html}</main>", CATALOG, "zh")
    assert filled.count("<tr id=") == comparison.PAGE_SIZE
    assert comparison.SLOT not in filled and filled.count('<table id="cmp-table"') == 1
    assert comparison.fill_slot("<main>other page</main>", CATALOG, "zh") == "<main>other page</main>"
    with pytest.raises(markers.MarkerError, match="takes no argument"):
        markers.expand("<!-- catalog:comparison groq -->", CATALOG, "en")


def test_context_choices_are_round_numbers():
    assert comparison_form.context_options(CATALOG, "zh")[2] == '<option value="128000">至少 128K</option>'


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


def test_every_price_block_shows_and_the_price_filter_sees_each_currency():
    billed_twice = dataclasses.replace(KIMI, other_prices=(Price("per-token", "CNY", 4, 16, None, None),))
    entry = comparison_data.record(CATALOG, GROQ, 0, billed_twice, "en")
    cells = dict(zip([column.key for column in comparison_columns.COLUMNS], entry.cells))
    assert cells["input"] == "$0.60\n¥4" and cells["output"] == "$2.50\n¥16"
    assert cells["cache-read"] == "$0.15\n—" and cells["cache-write"] == "—"
    assert entry.inputs == (("USD", 0.6), ("CNY", 4))
    assert entry.sort[[column.key for column in comparison_columns.COLUMNS].index("input")] == 0.6  # sorts by USD


# The task chooser, picking for the side-by-side view and price blocks with a source of their own ---

def test_record_carries_billing_the_served_model_and_price_sources():
    entry = kimi_record()
    # One block without tiers: its rates are the price columns' sort values, so the row does not repeat them.
    assert comparison_data.billing(KIMI) == (["USD", [[None, 0.6, 2.5, 0.15, None]]],)
    assert entry.billing == 0 and entry.price_sources == 0
    assert entry.served_slug == comparison_data.served_of(CATALOG, KIMI).slug
    tiered = dataclasses.replace(KIMI, price=Price("per-token", "USD", input=1, output=2, tiers=(
        Tier(200_000, 1, 2, 0.1, None), Tier(None, 2, 4, None, 2.5))), other_prices=(Price("free"),))
    assert comparison_data.billing(tiered) == (["USD", [[200_000, 1, 2, 0.1, None], [None, 2, 4, None, 2.5]]],
                                                "free") == comparison_data.compact_billing(tiered)


@pytest.mark.parametrize("lang, said", [("en", "CNY prices: "), ("zh", "CNY 价格：")])
def test_a_block_from_its_own_page_names_it_in_the_status_cell(lang, said):
    source = dataclasses.replace(KIMI.source, id="yuan", url="https://example.com/zh?a=1&b=2",
                                 title=Text("Yuan <prices>", "人民币价格"))
    yuan = Price("per-token", "CNY", input=2, output=8, source=source)
    model = dataclasses.replace(KIMI, other_prices=(yuan,))
    entry = comparison_data.record(CATALOG, GROQ, CATALOG.providers.index(GROQ), model, lang)
    assert entry.price_sources == [["CNY", source.url, source.title(lang)]]
    row = comparison.render_row(CATALOG, entry, lang)
    title = "Yuan &lt;prices&gt;" if lang == "en" else "人民币价格"
    assert f'<br><small>{said}<a href="https://example.com/zh?a=1&amp;b=2">{title}</a></small></td>' in row


@pytest.mark.parametrize("lang, heading, pick", [("en", "Cost per task: ", "Side by side"),
                                                 ("zh", "任务费用：", "并排对比")])
def test_cost_heading_names_the_profile_and_rows_can_be_picked(lang, heading, pick):
    header = comparison.render_header(CATALOG, lang)
    name = CATALOG.default_profile.name(lang)
    assert f'{heading}<span class="cmp-task-name">{name}</span></th>' in unescape(header)
    row = comparison.render_row(CATALOG, kimi_record(lang), lang)
    assert f'data-label="{heading}{name}"' in row
    assert (f'<label class="cmp-pick"><input type="checkbox" value="{kimi_record(lang).served_slug}" '
            f'aria-label="{pick}' in row)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_task_chooser_lists_every_profile_and_custom_counts_start_at_the_default(lang):
    form = comparison_form.render_filter_form(CATALOG, lang)
    options = re.findall(r'<option value="([^"]*)"( data-counts="[^"]*")?( selected)?>', form.split('id="cmp-task"')[1]
                         .split("</select>")[0])
    assert [value for value, _, _ in options] == [profile.id for profile in CATALOG.task_profiles] + ["custom"]
    assert [value for value, _, chosen in options if chosen] == [CATALOG.default_profile.id]
    default = CATALOG.default_profile
    for name, count in (("req", default.requests), ("sent", default.prompt_tokens),
                        ("cached", default.cache_read_percent), ("written", default.cache_write_tokens),
                        ("out", default.output_tokens)):
        assert f'name="{name}" value="{count}"' in form
    assert '<fieldset id="cmp-custom" class="cmp-field cmp-custom" disabled hidden>' in form
