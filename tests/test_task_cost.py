"""Task cost: hand-worked examples, one per billing style, and the rules of data/task-profiles.yaml."""

from __future__ import annotations

import dataclasses

import pytest

import catalog
from catalog.entities import Price, Text, Tier
from conftest import ROOT
from render import cost_text, markers, models, text
from render.cost import PRICED, TOO_LARGE, TaskCost, task_costs, tier_index

CATALOG = catalog.load(ROOT / "data", ROOT)
# A real model to vary: its context is large enough for PROFILE, its prices are replaced per example.
BASE_MODEL = next(model for provider in CATALOG.providers for model in provider.models if model.context >= 200000)
# 10 requests of 100,000 tokens: 80,000 read from the cache, 10,000 written to it, 10,000 fresh; 2,000 out.
PROFILE = dataclasses.replace(CATALOG.default_profile, requests=10, prompt_tokens=100_000, cache_read_percent=80,
                              cache_write_tokens=10_000, output_tokens=2_000)


def priced(*blocks: Price, context: int = 200_000):
    """The task's costs on a model billed by these blocks."""
    model = dataclasses.replace(BASE_MODEL, price=blocks[0], other_prices=blocks[1:], context=context)
    return task_costs(model, PROFILE)


def usd(**prices) -> Price:
    return Price("per-token", "USD", **prices)


def test_plain_price_bills_the_whole_prompt_as_input():
    # (100,000 × 1 + 2,000 × 4) / 1M = 0.108 per request; × 10
    (cost,) = priced(usd(input=1, output=4))
    assert cost == TaskCost(PRICED, "USD", pytest.approx(1.08), None)


def test_cache_read_only_bills_writes_as_input():
    # 10,000 × 2 + 80,000 × 0.5 + 10,000 × 2 (no write price) + 2,000 × 8 = 96,000 → 0.096; × 10
    (cost,) = priced(usd(input=2, output=8, cache_read=0.5))
    assert cost.amount == pytest.approx(0.96) and cost.currency == "USD"


def test_cache_read_and_write():
    # 10,000 × 3 + 80,000 × 0.3 + 10,000 × 3.75 + 2,000 × 15 = 121,500 → 0.1215; × 10
    (cost,) = priced(usd(input=3, output=15, cache_read=0.3, cache_write=3.75))
    assert cost.amount == pytest.approx(1.215)


def test_tier_is_chosen_by_the_prompt_size_of_each_request():
    tiers = (Tier(50_000, 1, 2, 0.1, None), Tier(None, 2, 4, 0.2, None))
    # 100,000 tokens > 50,000: the second tier. 10,000 × 2 + 80,000 × 0.2 + 10,000 × 2 + 2,000 × 4 = 64,000
    (cost,) = priced(usd(input=1, output=2, cache_read=0.1, tiers=tiers))
    assert (cost.amount, cost.tier) == (pytest.approx(0.64), 1)
    at_limit = usd(input=1, output=2, tiers=(Tier(100_000, 1, 2, None, None), Tier(None, 2, 4, None, None)))
    assert tier_index(at_limit, 100_000) == 0 and tier_index(at_limit, 100_001) == 1


def test_tier_without_a_cache_price_bills_cached_tokens_as_its_input():
    # The block caches, the long-context tier lists no cache price: 100,000 × 6 + 2,000 × 20 = 640,000
    tiers = (Tier(50_000, 3, 15, 0.3, None), Tier(None, 6, 20, None, None))
    (cost,) = priced(usd(input=3, output=15, cache_read=0.3, tiers=tiers))
    assert cost.amount == pytest.approx(6.4)


def test_yuan_block_is_priced_in_yuan_beside_the_dollar_block():
    # USD: 10,000 × 0.28 + 80,000 × 0.028 + 10,000 × 0.28 + 2,000 × 0.42 = 8,680 → 0.00868; × 10
    # CNY: 10,000 × 2 + 80,000 × 0.2 + 10,000 × 2 + 2,000 × 3 = 62,000 → 0.062; × 10
    dollars, yuan = priced(usd(input=0.28, output=0.42, cache_read=0.028),
                           Price("per-token", "CNY", input=2, output=3, cache_read=0.2))
    assert (dollars.currency, dollars.amount) == ("USD", pytest.approx(0.0868))
    assert (yuan.currency, yuan.amount) == ("CNY", pytest.approx(0.62))


@pytest.mark.parametrize("plan", ["free", "subscription", "unlisted", "unknown"])
def test_plans_say_so_instead_of_a_number(plan):
    assert priced(Price(plan)) == (TaskCost(plan),)


def test_task_that_does_not_fit_the_context_window_has_no_price():
    # 100,000 sent + 2,000 generated > 64,000
    assert priced(usd(input=1, output=4), context=64_000) == (TaskCost(TOO_LARGE),)


def test_every_priced_model_has_a_cost_for_the_default_profile():
    profile = CATALOG.default_profile
    for provider in CATALOG.providers:
        for model in provider.models:
            costs = task_costs(model, profile)
            if model.context >= profile.prompt_tokens + profile.output_tokens:
                assert [(cost.kind, cost.currency) for cost in costs] == [
                    (PRICED, price.currency) if price.plan == "per-token" else (price.plan, None)
                    for price in model.prices], model.id
            else:
                assert costs == (TaskCost(TOO_LARGE),), model.id


def test_profiles_are_checkable_counts():
    assert CATALOG.default_profile in CATALOG.task_profiles
    for profile in CATALOG.task_profiles:
        assert profile.cache_read_tokens + profile.cache_write_tokens <= profile.prompt_tokens
        assert isinstance(profile.basis, Text) and profile.basis.en.startswith("Assumed")


# Rendering: the cost column and the task-cost page's markers ------------------------------------

def test_costs_read_as_money_with_enough_digits():
    assert text.cost(1.336875, "USD") == "$1.34" and text.cost(0.0868, "USD") == "$0.087"
    assert text.cost(0.62, "CNY") == "¥0.62" and text.cost(0.00042, "USD") == "$0.00042"
    assert text.cost(0, "USD") == "$0.00"


@pytest.mark.parametrize("lang, too_large, free", [("en", "Does not fit the context window", "Free"),
                                                   ("zh", "超出上下文窗口", "免费")])
def test_cost_cell_one_line_per_currency_and_words_for_the_rest(lang, too_large, free):
    model = dataclasses.replace(BASE_MODEL, price=usd(input=0.28, output=0.42, cache_read=0.028),
                                other_prices=(Price("per-token", "CNY", input=2, output=3, cache_read=0.2),))
    assert cost_text.cost_cell(CATALOG, model, PROFILE, lang) == "$0.087<br>¥0.62"
    small = dataclasses.replace(model, context=64_000)
    assert cost_text.cost_cell(CATALOG, small, PROFILE, lang) == too_large
    assert cost_text.cost_cell(CATALOG, dataclasses.replace(model, price=Price("free"), other_prices=()),
                                PROFILE, lang) == free


def test_long_context_tier_is_named_in_the_cell():
    tiers = (Tier(50_000, 1, 2, 0.1, None), Tier(None, 2, 4, 0.2, None))
    model = dataclasses.replace(BASE_MODEL, price=usd(input=1, output=2, cache_read=0.1, tiers=tiers), other_prices=())
    assert cost_text.cost_cell(CATALOG, model, PROFILE, "zh") == "$0.64 <small>长上下文价格</small>"


@pytest.mark.parametrize("lang, words", [
    ("en", ["| Read from cache | 38,250 | $0.30 | $0.011475 |", "so it costs $1.34.", "- Small fix&#58; $"]),
    ("zh", ["| 缓存读取 | 38,250 | $0.30 | $0.011475 |", "因此总费用为 $1.34。", "- 小修复：$"])])
def test_worked_example_shows_each_bucket_and_the_total(lang, words):
    # The default model billed $3 in, $15 out, $0.30 cache read, $3.75 cache write per million, default profile:
    # 1,750 × 3 + 38,250 × 0.3 + 5,000 × 3.75 + 1,200 × 15 = 53,475 → $0.053475 a request, × 25 = $1.336875
    anthropic = CATALOG.provider("anthropic")
    fixed = usd(input=3, output=15, cache_read=0.3, cache_write=3.75)
    models = tuple(dataclasses.replace(model, price=fixed, other_prices=())
                   if model.id == anthropic.cline.default_model else model for model in anthropic.models)
    priced_catalog = dataclasses.replace(CATALOG, providers=(dataclasses.replace(anthropic, models=models),))
    rendered = markers.expand("<!-- catalog:task-example anthropic -->", priced_catalog, lang)
    for word in words:
        assert word in rendered, word


def test_worked_example_needs_a_priced_default_model():
    groq = CATALOG.provider("groq")
    unpriced = dataclasses.replace(groq, models=tuple(dataclasses.replace(model, price=Price("free"), other_prices=())
                                                      for model in groq.models))
    broken = dataclasses.replace(CATALOG, providers=(unpriced,))
    with pytest.raises(markers.MarkerError, match="task-example groq.*per-token price"):
        markers.expand("<!-- catalog:task-example groq -->", broken, "en")
    with pytest.raises(markers.MarkerError, match="unknown provider"):
        markers.expand("<!-- catalog:task-example nobody -->", CATALOG, "en")


def test_profiles_table_lists_every_profile_in_both_languages():
    for lang in ("en", "zh"):
        table = markers.expand("<!-- catalog:task-profiles -->", CATALOG, lang).splitlines()
        assert len(table) == 2 + len(CATALOG.task_profiles)
        assert all(f"**{profile.name(lang)}**" in row for profile, row in zip(CATALOG.task_profiles, table[2:]))


def test_comparison_has_a_sortable_cost_column_from_the_same_function():
    from render import comparison_columns, comparison_data
    column = next(item for item in comparison_columns.COLUMNS if item.key == "task-cost")
    assert column.sort == "price"
    for lang in ("en", "zh"):
        rows = {(record.anchor, record.model): record for record in comparison_data.records(CATALOG, lang)}
        index = comparison_columns.COLUMNS.index(column)
        for provider in CATALOG.providers[:8]:
            for model in provider.models:
                record = rows[(models.model_anchor(provider, model).removeprefix("model-"), model.id)]
                costs = task_costs(model, CATALOG.default_profile)
                shown = [line.split("\t")[0] for line in record.cells[index].split("\n")]
                assert shown == [text.plain(line.split(" <small>")[0]) for line in
                                 cost_text.cost_cell(CATALOG, model, CATALOG.default_profile, lang).split("<br>")]
                main = costs[0]
                expected = main.amount if main.kind == PRICED else (0.0 if main.kind == "free" else None)
                assert record.sort[index] == expected and record.currency == (model.price.currency or "")


@pytest.mark.parametrize("lang, words", [
    ("en", ["billed in CNY.", "| Read from cache | 38,250 | ¥0.50 | ¥0.019125 |", "so it costs ¥1.06."]),
    ("zh", ["以 CNY 计费。", "| 缓存读取 | 38,250 | ¥0.50 | ¥0.019125 |", "因此总费用为 ¥1.06。"])])
def test_worked_example_in_yuan_uses_the_yuan_block(lang, words):
    # A model billed ¥2 in, ¥8 out, ¥0.50 cache read per million, default profile, no cache-write price:
    # 1,750 × 2 + 38,250 × 0.5 + 5,000 × 2 + 1,200 × 8 = 42,225 → ¥0.042225 a request, × 25 = ¥1.055625
    deepseek = CATALOG.provider("deepseek")
    target = next(model for model in deepseek.models if any(price.currency == "CNY" for price in model.prices))
    yuan = Price("per-token", "CNY", input=2, output=8, cache_read=0.5)
    models = tuple(dataclasses.replace(model, other_prices=(yuan,)) if model is target else model
                   for model in deepseek.models)
    priced_catalog = dataclasses.replace(CATALOG, providers=(dataclasses.replace(deepseek, models=models),))
    rendered = markers.expand("<!-- catalog:task-example-yuan deepseek -->", priced_catalog, lang)
    assert f"<code>{target.id}</code>" in rendered
    for word in words:
        assert word in rendered, word


def test_worked_example_in_yuan_needs_a_model_billed_in_yuan():
    with pytest.raises(markers.MarkerError, match="task-example-yuan anthropic.*CNY"):
        markers.expand("<!-- catalog:task-example-yuan anthropic -->", CATALOG, "en")
