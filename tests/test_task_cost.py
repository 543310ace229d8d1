"""Task cost: hand-worked examples, one per billing style, and the rules of data/task-profiles.yaml."""

from __future__ import annotations

import dataclasses

import pytest

import catalog
from catalog.entities import Price, Text, Tier
from conftest import ROOT
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
