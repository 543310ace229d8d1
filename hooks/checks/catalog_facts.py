"""A catalog as flat facts per model, so that two versions can be compared field by field."""

from __future__ import annotations

from catalog import Catalog

PRICE_FIELDS = ("input", "output", "cache_read", "cache_write")


def model_facts(model) -> dict:
    """{fact key: value}; prices are keyed by field and currency (`input:USD`), a plan by `plan`."""
    facts = {"name": model.name, "vendor": model.vendor.id, "context": model.context, "max_output": model.max_output,
             "capabilities": tuple(model.capabilities), "status": model.status}
    for price in model.prices:
        if price.plan != "per-token":
            facts["plan"] = price.plan
            continue
        for field in PRICE_FIELDS:
            facts[f"{field}:{price.currency}"] = getattr(price, field)
        facts[f"tiers:{price.currency}"] = tuple((tier.up_to, tier.input, tier.output) for tier in price.tiers) or None
    facts["source"] = model.source.id  # last: a sync changes it for every model it compares
    return facts


def catalog_facts(loaded: Catalog) -> dict:
    """{provider id: {(model id, endpoint): (model, facts)}}."""
    return {provider.id: {(model.id, model.endpoint): (model, model_facts(model)) for model in provider.models}
            for provider in loaded.providers}
